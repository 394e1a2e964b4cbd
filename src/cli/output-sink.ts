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

export const OUTPUT_FORMATS = ['jsonl', 'es-bulk', 'sqlite'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface SinkOptions {
  format: OutputFormat;
  /** The command, which begins every message ('lede annotate'). */
  command: string;
  /** The input: a file path, or '-' for standard input (an output file must not be the input). */
  input: string;
  /** A file path, or null for standard output. */
  output: string | null;
}

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

/** Opens the sink of `options.format`; a target that cannot be opened is a UsageError that says why. */
export async function openOutputSink(options: SinkOptions): Promise<OutputSink> {
  switch (options.format) {
    case 'jsonl':
    case 'es-bulk':
      return openStreamSink(options, options.format);
    case 'sqlite':
      return openSqliteSink(options);
  }
}
