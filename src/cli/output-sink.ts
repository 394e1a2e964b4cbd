/**
 * Where the results of a batch run go, behind one small interface: open, write
 * batches of results in input order, finish. `lede annotate` and
 * `lede queue collect` write every output format through it. The list of formats
 * lives here and only here: a new format is one more entry in OUTPUT_FORMATS,
 * one more case in `openOutputSink` and, if its worker threads must produce
 * something new, in `lineFormatOf`.
 *
 * A sink can also make what it has written durable and say where it stands
 * (`checkpoint`), so that a writer that stopped can resume without writing a
 * record twice: a file keeps its first N bytes and goes on after them; the
 * SQLite archive stores the writer's progress in the same transaction as the
 * records; the PostgreSQL archive commits every batch and upserts articles by
 * id, so a batch written again after a stop changes nothing.
 */

import { fdatasync } from 'node:fs';
import { promisify } from 'node:util';
import type { Writable } from 'node:stream';
import type { SqliteArchive } from '../batch/sqlite-archive.js';
import type { LineError, LineOutputFormat, LinesTaskResult } from '../batch/worker-protocol.js';
import { checkOutputPath, openOutputFile, openOutputFileAt, OutputWriter } from './io.js';
import { plural } from './progress.js';
import { UsageError } from './usage.js';

export const OUTPUT_FORMATS = ['jsonl', 'es-bulk', 'sqlite', 'postgres'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The PostgreSQL schema of the archive when --schema does not name one. */
export const DEFAULT_POSTGRES_SCHEMA = 'lede';

export interface OutputTarget {
  format: OutputFormat;
  /** A file path, or null for standard output (and for postgres). */
  output: string | null;
  /** The input file ('-' or null when there is none), which the output must not overwrite. */
  input: string | null;
  /** The command, for messages ('lede annotate'). */
  command: string;
  /** Reports a bad record that the format cannot hold (es-bulk, sqlite, postgres) as a line on standard error. */
  log(line: string): void;
  /** postgres: the database URL, or null to take it from the PG* environment variables. */
  database?: string | null;
  /** postgres: the schema of the archive's tables (default lede). */
  schema?: string;
  /**
   * Stream formats to a file: keep the file's first `resumeAt` bytes and write after
   * them, instead of starting a new file. (A file shorter than that is refused.)
   */
  resumeAt?: number;
  /**
   * The writer makes its writes durable with `checkpoint()` and resumes from the last
   * one: the SQLite archive then commits only at checkpoints, and drops on close what
   * came after the last one (it will be written again).
   */
  checkpoints?: boolean;
}

/** Where a sink stands after a checkpoint. */
export interface SinkPosition {
  /** Bytes of a file written so far; null for standard output and archives. */
  bytes: number | null;
}

/** A resumable writer's progress, kept by an archive in the transaction of its records. */
export interface SinkProgress {
  key: string;
  value: string;
}

export interface OutputSink {
  /** What the worker threads produce for this sink: output text, or records. */
  readonly lineFormat: LineOutputFormat;
  /**
   * Writes one batch of results (in input order) and resolves when it is written,
   * so a slow output slows the run. Returns the batch's record errors: those of the
   * input and those of records the sink could not store. A format that cannot hold
   * them (all but jsonl) has logged them already.
   */
  write(result: LinesTaskResult): Promise<LineError[]>;
  /** Makes everything written so far durable (with `progress` where the sink can keep it) and says where the sink stands. */
  checkpoint(progress?: SinkProgress): Promise<SinkPosition>;
  /** The progress an archive keeps under `key` (null for files, standard output and postgres, or when it has none). */
  readProgress(key: string): string | null;
  /** Completes the output after a whole run. */
  finish(): Promise<void>;
  /** Releases the output, also after a failure (an archive keeps what it committed). Idempotent. */
  close(): Promise<void>;
}

/** What the worker threads produce for a format. */
export function lineFormatOf(format: OutputFormat): LineOutputFormat {
  return format === 'sqlite' ? 'record' : format;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Standard output closed by its reader (`lede annotate … | head`). */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

function logErrors(target: OutputTarget, errors: readonly LineError[]): void {
  for (const { id, error } of errors) target.log(`${target.command}: ${error.code} (id ${JSON.stringify(id)}): ${error.message}`);
}

const syncData = promisify(fdatasync);

function openStreamSink(target: OutputTarget, lineFormat: 'jsonl' | 'es-bulk'): OutputSink {
  let stream: Writable;
  /** The file's descriptor when the sink can make its writes durable (a file opened to resume). */
  let fd: number | null = null;
  let bytes = 0;
  if (target.output === null) stream = process.stdout;
  else if (target.resumeAt === undefined) stream = openOutputFile(target.output, target.input ?? '-', target.command);
  else {
    ({ stream, fd } = openOutputFileAt(target.output, target.input ?? '-', target.command, target.resumeAt));
    bytes = target.resumeAt;
  }
  const writer = new OutputWriter(stream);
  const where = target.output ?? 'standard output';
  const failed = (error: unknown): never => {
    if (isBrokenPipe(error)) throw error;
    throw new UsageError(`${target.command}: cannot write ${where}: ${messageOf(error)}.`);
  };
  return {
    lineFormat,
    async write(result) {
      if (lineFormat !== 'jsonl') logErrors(target, result.errors);
      if (result.output) {
        bytes += Buffer.byteLength(result.output);
        await writer.write(result.output).catch(failed);
      }
      return result.errors;
    },
    async checkpoint() {
      // A write's callback runs once it and every write before it have reached the file.
      await new Promise<void>((resolve, reject) => stream.write('', (error) => (error ? reject(error) : resolve()))).catch(failed);
      if (target.output === null) return { bytes: null };
      if (fd !== null) await syncData(fd).catch(failed);
      return { bytes };
    },
    readProgress: () => null,
    finish: () => writer.finish().catch(failed),
    async close() {},
  };
}

async function openSqliteSink(target: OutputTarget): Promise<OutputSink> {
  const path = target.output;
  if (path === null) throw new UsageError(`${target.command}: --format sqlite writes a database file: name it with -o, e.g. -o archive.db.`);
  checkOutputPath(path, target.input ?? '-', target.command);
  const { openSqliteArchive } = await import('../batch/sqlite-archive.js');
  let archive: SqliteArchive;
  try {
    archive = await openSqliteArchive(path, { autoCommit: !target.checkpoints });
  } catch (error) {
    if (error instanceof Error && error.name === 'MissingSqliteError') throw new UsageError(error.message);
    throw new UsageError(`${target.command}: cannot open the SQLite archive ${path}: ${messageOf(error)}.`);
  }
  const failed = (error: unknown): never => {
    throw new UsageError(`${target.command}: cannot write the SQLite archive ${path}: ${messageOf(error)}.`);
  };
  return {
    lineFormat: 'record',
    async write(result) {
      logErrors(target, result.errors);
      try {
        for (const record of result.records) archive.add(record);
      } catch (error) {
        failed(error);
      }
      return result.errors;
    },
    async checkpoint(progress) {
      try {
        archive.commit(progress);
      } catch (error) {
        failed(error);
      }
      return { bytes: null };
    },
    readProgress: (key) => archive.readProgress(key),
    async finish() {},
    async close() {
      archive.close({ commit: !target.checkpoints });
    },
  };
}

const PG_ENVIRONMENT = ['PGHOST', 'PGHOSTADDR', 'PGPORT', 'PGDATABASE', 'PGUSER'];

/**
 * postgres: each batch is one transaction, committed before the next is taken,
 * so a failure can say which input lines are in the database. Articles are
 * upserted by id, so a checkpoint needs no progress of its own: a batch written
 * again after a stop leaves the archive as it was.
 */
async function openPostgresSink(target: OutputTarget): Promise<OutputSink> {
  const { command } = target;
  const url = target.database ?? null;
  if (url === null && !PG_ENVIRONMENT.some((name) => process.env[name])) {
    throw new UsageError(
      `${command}: --format postgres needs a database: name it with --database postgres://USER@HOST:PORT/DATABASE, or set the PGHOST, PGPORT, PGDATABASE and PGUSER environment variables.`,
    );
  }
  const { openPostgresArchive } = await import('../batch/postgres-archive.js');
  const { toPostgresRecord } = await import('../batch/postgres-record.js');
  let archive: Awaited<ReturnType<typeof openPostgresArchive>>;
  try {
    archive = await openPostgresArchive({ url, schema: target.schema ?? DEFAULT_POSTGRES_SCHEMA });
  } catch (error) {
    if (error instanceof Error && error.name === 'MissingPgError') throw new UsageError(error.message);
    if (error instanceof Error && error.name === 'PostgresArchiveError') throw new UsageError(`${command}: ${error.message}`);
    throw new UsageError(`${command}: cannot open the PostgreSQL archive: ${messageOf(error)}.`);
  }
  let linesDone = 0;
  let stored = 0;
  let errors = 0;
  let closed = false;
  return {
    lineFormat: 'postgres',
    async write(result) {
      // Records prepared by the worker threads (`lede annotate`), or prepared here (`lede queue collect`).
      const records = result.postgresRecords ?? result.records.map(toPostgresRecord);
      const lastLine = Math.max(linesDone, ...records.map((r) => r.lineNumber), ...result.errors.map((e) => e.lineNumber));
      let refused: LineError[];
      try {
        refused = await archive.writePrepared(records);
      } catch (error) {
        const lines = linesDone === 1 ? 'Input line 1 is' : `Input lines 1 to ${linesDone} are`;
        const committed = linesDone === 0 ? 'Nothing was committed' : `${lines} committed (${plural(stored, 'article')} stored, ${plural(errors, 'bad record')} reported)`;
        throw new UsageError(
          `${command}: PostgreSQL failed while writing input lines ${linesDone + 1} to ${lastLine} to ${archive.where}: ${messageOf(error)}. ` +
            `${committed}; that batch was rolled back. To resume, run the same command again: articles are upserted by id, so those already stored stay as they are and none is stored twice.`,
        );
      }
      linesDone = lastLine;
      stored += records.length - refused.length;
      const batchErrors = refused.length === 0 ? result.errors : [...result.errors, ...refused].sort((a, b) => a.lineNumber - b.lineNumber);
      errors += batchErrors.length;
      logErrors(target, batchErrors);
      return batchErrors;
    },
    // Every batch is committed by write().
    checkpoint: async () => ({ bytes: null }),
    readProgress: () => null,
    async finish() {},
    async close() {
      if (closed) return;
      closed = true;
      await archive.close();
    },
  };
}

/** Opens the output of a batch run; a file, archive or database that cannot be opened is a usage error that says why. */
export async function openOutputSink(target: OutputTarget): Promise<OutputSink> {
  switch (target.format) {
    case 'jsonl':
    case 'es-bulk':
      return openStreamSink(target, target.format);
    case 'sqlite':
      return openSqliteSink(target);
    case 'postgres':
      return openPostgresSink(target);
  }
}
