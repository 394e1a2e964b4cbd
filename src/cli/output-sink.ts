/**
 * Where the results of a batch run go, behind one small interface: open, write
 * batches of results in input order, finish. `lede annotate` and
 * `lede queue collect` write every output format through it. The formats are
 * OUTPUT_FORMATS (parse-command.ts); a new format is one more case in
 * `openOutputSink` and, if its worker threads must produce something new, in
 * `lineFormatOf`.
 *
 * A sink can also make what it has written durable and say where it stands
 * (`checkpoint`), so that a writer that stopped can resume without writing a
 * record twice: a file keeps its first N bytes and goes on after them; an
 * archive stores the writer's progress in the same transaction as the records.
 */

import { fdatasync } from 'node:fs';
import { promisify } from 'node:util';
import type { Writable } from 'node:stream';
import { openSqliteArchive, type SqliteArchive } from '../batch/sqlite-archive.js';
import type { LineOutputFormat, LinesTaskResult } from '../batch/worker-protocol.js';
import { checkOutputPath, openOutputFile, openOutputFileAt, OutputWriter } from './io.js';
import { UsageError } from './usage.js';
import type { OutputFormat } from './parse-command.js';

export interface OutputTarget {
  format: OutputFormat;
  /** A file path, or null for standard output. */
  output: string | null;
  /** The input file ('-' or null when there is none), which the output must not overwrite. */
  input: string | null;
  /** The command, for messages ('lede annotate'). */
  command: string;
  /** Reports a bad record that the format cannot hold (es-bulk, sqlite) as a line on standard error. */
  log(line: string): void;
  /**
   * Stream formats to a file: keep the file's first `resumeAt` bytes and write after
   * them, instead of starting a new file. (A file shorter than that is refused.)
   */
  resumeAt?: number;
  /**
   * The writer makes its writes durable with `checkpoint()` and resumes from the last
   * one: an archive then commits only at checkpoints, and drops on close what came
   * after the last one (it will be written again).
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
  /** Writes one batch of results (in input order). */
  write(result: LinesTaskResult): Promise<void>;
  /** Makes everything written so far durable (with `progress` where the sink can keep it) and says where the sink stands. */
  checkpoint(progress?: SinkProgress): Promise<SinkPosition>;
  /** The progress an archive keeps under `key` (null for files and standard output, or when it has none). */
  readProgress(key: string): string | null;
  /** Completes the output after a whole run. */
  finish(): Promise<void>;
  /** Releases the output, also after a failure (an archive commits what it holds, unless it takes checkpoints). Idempotent. */
  close(): void;
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

function logErrors(target: OutputTarget, result: LinesTaskResult): void {
  for (const { id, error } of result.errors) target.log(`${target.command}: ${error.code} (id ${JSON.stringify(id)}): ${error.message}`);
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
      if (lineFormat !== 'jsonl') logErrors(target, result);
      if (!result.output) return;
      bytes += Buffer.byteLength(result.output);
      await writer.write(result.output).catch(failed);
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
    close() {},
  };
}

async function openArchiveSink(target: OutputTarget): Promise<OutputSink> {
  const path = target.output;
  if (path === null) throw new UsageError(`${target.command}: --format sqlite writes a database file: name it with -o, e.g. -o archive.db.`);
  checkOutputPath(path, target.input ?? '-', target.command);
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
      logErrors(target, result);
      try {
        for (const record of result.records) archive.add(record);
      } catch (error) {
        failed(error);
      }
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
    close: () => archive.close({ commit: !target.checkpoints }),
  };
}

/** Opens the output of a batch run; a file or archive that cannot be opened is a usage error. */
export async function openOutputSink(target: OutputTarget): Promise<OutputSink> {
  switch (target.format) {
    case 'jsonl':
    case 'es-bulk':
      return openStreamSink(target, target.format);
    case 'sqlite':
      return openArchiveSink(target);
  }
}
