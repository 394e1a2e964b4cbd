/**
 * `lede annotate`: JSONL in, one result per line out, in input order. Lines are
 * read as the window of tasks in flight allows (backpressure), each line is parsed,
 * annotated and formatted on a worker thread, and results are written in order.
 */

import type { Writable } from 'node:stream';
import { mapInOrder } from '../batch/ordered-map.js';
import { readLines, type InputLine } from '../batch/line-reader.js';
import { batchAvailable } from '../batch/batch-available.js';
import { createWorkerPool, type WorkerPool } from '../batch/worker-pool.js';
import { openSqliteArchive, type SqliteArchive } from '../batch/sqlite-archive.js';
import { TASKS_IN_FLIGHT_PER_WORKER } from '../batch/annotate.js';
import { runLines } from '../batch/run-lines.js';
import { BATCH_MAX_CHARS, BATCH_MAX_RECORDS, type AnnotatedRecord, type LineOutputFormat, type LinesTaskResult } from '../batch/worker-protocol.js';
import { checkOutputPath, openInput, openOutputFile, OutputWriter } from './io.js';
import { createProgress, summaryLine, type ProgressCounts } from './progress.js';
import { UsageError } from './usage.js';
import type { AnnotateCommand } from './parse-command.js';

const COMMAND = 'lede annotate';

interface BatchOutcome {
  lines: number;
  bytes: number;
  result: LinesTaskResult;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Standard output closed by its reader (`lede annotate … | head`). */
function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

export async function runAnnotate(command: AnnotateCommand): Promise<void> {
  const startedAt = performance.now();
  const { stream: input, size } = openInput(command.input, COMMAND, 'a JSONL file (one JSON article per line)');
  if (command.input === '-' && process.stdin.isTTY) {
    throw new UsageError(
      `${COMMAND}: standard input is a terminal: pass a JSONL file (lede annotate articles.jsonl) or pipe one in (lede annotate - < articles.jsonl).`,
    );
  }
  const format: LineOutputFormat = command.format === 'sqlite' ? 'record' : command.format;

  let archive: SqliteArchive | null = null;
  let writer: OutputWriter | null = null;
  if (command.format === 'sqlite') {
    checkOutputPath(command.output!, command.input, COMMAND);
    try {
      archive = await openSqliteArchive(command.output!);
    } catch (error) {
      if (error instanceof Error && error.name === 'MissingSqliteError') throw new UsageError(error.message);
      throw new UsageError(`${COMMAND}: cannot open the SQLite archive ${command.output}: ${messageOf(error)}.`);
    }
  } else {
    const stream: Writable = command.output === null ? process.stdout : openOutputFile(command.output, command.input, COMMAND);
    writer = new OutputWriter(stream);
  }

  let inputFailure: unknown = null;
  input.once('error', (error: unknown) => {
    inputFailure = error;
  });
  const addToArchive = (record: AnnotatedRecord): void => {
    try {
      archive!.add(record);
    } catch (error) {
      throw new UsageError(`${COMMAND}: cannot write the SQLite archive ${command.output}: ${messageOf(error)}.`);
    }
  };

  const progress = await createProgress(size, startedAt);
  const counts: ProgressCounts = { articles: 0, errors: 0, bytes: 0 };
  let pool: WorkerPool | null = null;
  try {
    pool = await createWorkerPool(command.workers, undefined);
    const runningPool = pool;
    const annotateBatch = async (batch: InputLine[]): Promise<BatchOutcome> => ({
      lines: batch.length,
      bytes: batch.reduce((sum, line) => sum + line.bytes, 0),
      result: await runLines(runningPool, {
        lines: batch.map((line) => line.text),
        firstLineNumber: batch[0]!.number,
        fields: command.fields,
        format,
      }),
    });

    const batches = batchAvailable(readLines(input as AsyncIterable<Buffer>), {
      maxItems: BATCH_MAX_RECORDS,
      maxWeight: BATCH_MAX_CHARS,
      weigh: (line) => line.text.length,
    });
    try {
      for await (const { lines, bytes, result } of mapInOrder(batches, annotateBatch, command.workers * TASKS_IN_FLIGHT_PER_WORKER)) {
        for (const { id, error } of result.errors) {
          if (format !== 'jsonl') progress.log(`${COMMAND}: ${error.code} (id ${JSON.stringify(id)}): ${error.message}`);
        }
        for (const record of result.records) addToArchive(record);
        if (result.output) await writer!.write(result.output);
        counts.articles += lines;
        counts.errors += result.errors.length;
        counts.bytes += bytes;
        progress.update(counts);
      }
    } catch (error) {
      if (isBrokenPipe(error)) return;
      if (error === inputFailure) {
        throw new UsageError(
          `${COMMAND}: cannot read ${command.input === '-' ? 'standard input' : command.input} after line ${counts.articles}: ${messageOf(error)}. Check the input and run again.`,
        );
      }
      if (error !== null && error === writer?.error) throw new UsageError(`${COMMAND}: cannot write ${command.output ?? 'standard output'}: ${messageOf(error)}.`);
      throw error;
    }
    await writer?.finish();
  } finally {
    progress.stop();
    archive?.close();
    await pool?.close();
  }
  process.stderr.write(`${summaryLine(counts, (performance.now() - startedAt) / 1000, command.workers)}\n`);
}
