/**
 * Where batch results go: one small interface over every output format, so that
 * each command that produces results in input order (`lede annotate`, and any
 * other that collects them) writes every format through the same code. A sink is
 * opened once, takes the results batch by batch in input order, and is closed
 * (or aborted when the run fails elsewhere).
 *
 * The list of formats lives here and only here.
 */

import type { Writable } from 'node:stream';
import type { LineError, LineOutputFormat, LinesTaskResult } from '../batch/worker-protocol.js';
import { checkOutputPath, openOutputFile, OutputWriter } from './io.js';
import { UsageError } from './usage.js';

export const OUTPUT_FORMATS = ['jsonl', 'es-bulk', 'sqlite', 'postgres'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface SinkOptions {
  format: OutputFormat;
  /** The command, which begins every message ('lede annotate'). */
  command: string;
  /** The input: a file path, or '-' for standard input (an output file must not be the input). */
  input: string;
  /** A file path, or null for standard output. */
  output: string | null;
  /** postgres: the database URL, or null to take it from the PG* environment variables. */
  database?: string | null;
  /** postgres: the schema of the archive's tables (default lede). */
  schema?: string;
}

/** The PostgreSQL schema of the archive when --schema does not name one. */
export const DEFAULT_POSTGRES_SCHEMA = 'lede';

export interface OutputSink {
  /** What the worker threads produce for this sink: output text, or structured records. */
  readonly workerFormat: LineOutputFormat;
  /** True when record errors are written into the output itself (jsonl); else the caller reports them. */
  readonly errorsInOutput: boolean;
  /**
   * Takes one batch of results, in input order, and resolves when it is written
   * (so a slow output slows the run). Returns the batch's record errors: those of
   * the input and those of records the sink could not store.
   */
  write(result: LinesTaskResult): Promise<LineError[]>;
  /** Writes what is still buffered and releases the output. */
  close(): Promise<void>;
  /** Releases the output after the run failed; keeps what is already written. */
  abort(): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Standard output closed by its reader (`lede annotate … | head`): passed on as it is. */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/** jsonl and es-bulk: the worker threads format the lines; the sink writes them with backpressure. */
function openStreamSink(options: SinkOptions, workerFormat: 'jsonl' | 'es-bulk'): OutputSink {
  const stream: Writable = options.output === null ? process.stdout : openOutputFile(options.output, options.input, options.command);
  const writer = new OutputWriter(stream);
  const failed = (error: unknown): Error => {
    if (isBrokenPipe(error) || error !== writer.error) return error as Error;
    return new UsageError(`${options.command}: cannot write ${options.output ?? 'standard output'}: ${messageOf(error)}.`);
  };
  return {
    workerFormat,
    errorsInOutput: workerFormat === 'jsonl',
    async write(result) {
      try {
        if (result.output) await writer.write(result.output);
      } catch (error) {
        throw failed(error);
      }
      return result.errors;
    },
    async close() {
      try {
        await writer.finish();
      } catch (error) {
        throw failed(error);
      }
    },
    async abort() {},
  };
}

async function openSqliteSink(options: SinkOptions): Promise<OutputSink> {
  const path = options.output;
  if (path === null) throw new UsageError(`${options.command}: --format sqlite writes a database file: name it with -o, e.g. -o archive.db.`);
  checkOutputPath(path, options.input, options.command);
  const { openSqliteArchive } = await import('../batch/sqlite-archive.js');
  let archive: Awaited<ReturnType<typeof openSqliteArchive>>;
  try {
    archive = await openSqliteArchive(path);
  } catch (error) {
    if (error instanceof Error && error.name === 'MissingSqliteError') throw new UsageError(error.message);
    throw new UsageError(`${options.command}: cannot open the SQLite archive ${path}: ${messageOf(error)}.`);
  }
  const close = async (): Promise<void> => archive.close();
  return {
    workerFormat: 'record',
    errorsInOutput: false,
    async write(result) {
      try {
        for (const record of result.records) archive.add(record);
      } catch (error) {
        throw new UsageError(`${options.command}: cannot write the SQLite archive ${path}: ${messageOf(error)}.`);
      }
      return result.errors;
    },
    close,
    // What is written stays: the records added so far are committed.
    abort: close,
  };
}

const PG_ENVIRONMENT = ['PGHOST', 'PGHOSTADDR', 'PGPORT', 'PGDATABASE', 'PGUSER'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * postgres: each batch is one transaction, committed before the next is taken,
 * so a failure can say which input lines are in the database.
 */
async function openPostgresSink(options: SinkOptions): Promise<OutputSink> {
  const { command } = options;
  const url = options.database ?? null;
  if (url === null && !PG_ENVIRONMENT.some((name) => process.env[name])) {
    throw new UsageError(
      `${command}: --format postgres needs a database: name it with --database postgres://USER@HOST:PORT/DATABASE, or set the PGHOST, PGPORT, PGDATABASE and PGUSER environment variables.`,
    );
  }
  const { openPostgresArchive } = await import('../batch/postgres-archive.js');
  let archive: Awaited<ReturnType<typeof openPostgresArchive>>;
  try {
    archive = await openPostgresArchive({ url, schema: options.schema ?? DEFAULT_POSTGRES_SCHEMA });
  } catch (error) {
    if (error instanceof Error && error.name === 'MissingPgError') throw new UsageError(error.message);
    if (error instanceof Error && error.name === 'PostgresArchiveError') throw new UsageError(`${command}: ${error.message}`);
    throw new UsageError(`${command}: cannot open the PostgreSQL archive: ${messageOf(error)}.`);
  }
  let linesDone = 0;
  let stored = 0;
  let errors = 0;
  return {
    workerFormat: 'record',
    errorsInOutput: false,
    async write(result) {
      const lastLine = Math.max(linesDone, ...result.records.map((r) => r.lineNumber), ...result.errors.map((e) => e.lineNumber));
      let refused: LineError[];
      try {
        refused = await archive.write(result.records);
      } catch (error) {
        const lines = linesDone === 1 ? 'Input line 1 is' : `Input lines 1 to ${linesDone} are`;
        const committed = linesDone === 0 ? 'Nothing was committed' : `${lines} committed (${plural(stored, 'article')} stored, ${plural(errors, 'bad record')} reported)`;
        throw new UsageError(
          `${command}: PostgreSQL failed while writing input lines ${linesDone + 1} to ${lastLine} to ${archive.where}: ${messageOf(error)}. ` +
            `${committed}; that batch was rolled back. To resume, run the same command again: articles are upserted by id, so those already stored stay as they are and none is stored twice.`,
        );
      }
      linesDone = lastLine;
      stored += result.records.length - refused.length;
      const batchErrors = refused.length === 0 ? result.errors : [...result.errors, ...refused].sort((a, b) => a.lineNumber - b.lineNumber);
      errors += batchErrors.length;
      return batchErrors;
    },
    close: () => archive.close(),
    abort: () => archive.close(),
  };
}

/** Opens the sink of `options.format`; a target that cannot be opened is a UsageError that says why. */
export async function openOutputSink(options: SinkOptions): Promise<OutputSink> {
  switch (options.format) {
    case 'jsonl':
    case 'es-bulk':
      return openStreamSink(options, options.format);
    case 'sqlite':
      return openSqliteSink(options);
    case 'postgres':
      return openPostgresSink(options);
  }
}
