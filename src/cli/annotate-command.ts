/**
 * `lede annotate`: JSONL in, one result per line out, in input order. Lines are
 * read as the window of tasks in flight allows (backpressure), each line is parsed,
 * annotated and formatted on a worker thread, and results are written in order.
 */

import { mapInOrder } from '../batch/ordered-map.js';
import { readLines, type InputLine } from '../batch/line-reader.js';
import { batchAvailable } from '../batch/batch-available.js';
import { createWorkerPool, type WorkerPool } from '../batch/worker-pool.js';
import { TASKS_IN_FLIGHT_PER_WORKER } from '../batch/annotate.js';
import { joinResults, runLines } from '../batch/run-lines.js';
import { writeBehind, type WriteBehind } from '../batch/write-behind.js';
import { BATCH_MAX_CHARS, BATCH_MAX_RECORDS, type LinesTaskResult } from '../batch/worker-protocol.js';
import { openInput } from './io.js';
import { isBrokenPipe, openOutputSink, type OutputSink } from './output-sink.js';
import { createProgress, summaryLine, type Progress, type ProgressCounts } from './progress.js';
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

export async function runAnnotate(command: AnnotateCommand): Promise<void> {
  const startedAt = performance.now();
  const { stream: input, size } = openInput(command.input, COMMAND, 'a JSONL file (one JSON article per line)');
  if (command.input === '-' && process.stdin.isTTY) {
    throw new UsageError(
      `${COMMAND}: standard input is a terminal: pass a JSONL file (lede annotate articles.jsonl) or pipe one in (lede annotate - < articles.jsonl).`,
    );
  }
  let progress: Progress | null = null;
  // The worker threads load their extractors while the output opens (a database connects
  // and migrates its schema), instead of after it.
  const poolStarting = createWorkerPool(command.workers, undefined);
  poolStarting.catch(() => undefined); // awaited below; a failure is reported there
  let sink: OutputSink;
  try {
    sink = await openOutputSink({
      format: command.format,
      output: command.output,
      input: command.input,
      command: COMMAND,
      log: (line) => progress!.log(line),
      database: command.database,
      schema: command.schema,
    });
  } catch (error) {
    await poolStarting.then((started) => started.close(), () => undefined);
    throw error;
  }
  const format = sink.lineFormat;

  let inputFailure: unknown = null;
  input.once('error', (error: unknown) => {
    inputFailure = error;
  });

  progress = await createProgress(size, startedAt);
  const counts: ProgressCounts = { articles: 0, errors: 0, bytes: 0 };
  let pool: WorkerPool | null = null;
  let output: WriteBehind<BatchOutcome> | null = null;
  try {
    pool = await poolStarting;
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
    const window = command.workers * TASKS_IN_FLIGHT_PER_WORKER;
    // While one write is in flight (a PostgreSQL commit), the results that come in wait
    // and go together in the next write, and new tasks go on starting meanwhile.
    output = writeBehind<BatchOutcome>(async (outcomes) => {
      const errors = await sink.write(joinResults(outcomes.map((outcome) => outcome.result)));
      for (const { lines, bytes } of outcomes) {
        counts.articles += lines;
        counts.bytes += bytes;
      }
      counts.errors += errors.length;
      progress!.update(counts);
    }, window);
    try {
      for await (const outcome of mapInOrder(batches, annotateBatch, window)) await output.push(outcome);
      await output.finish();
    } catch (error) {
      if (isBrokenPipe(error)) return;
      if (error === inputFailure) {
        throw new UsageError(
          `${COMMAND}: cannot read ${command.input === '-' ? 'standard input' : command.input} after line ${counts.articles}: ${messageOf(error)}. Check the input and run again.`,
        );
      }
      throw error;
    }
    await sink.finish();
  } finally {
    await output?.abandon();
    progress.stop();
    await sink.close();
    await pool?.close();
  }
  process.stderr.write(`${summaryLine(counts, (performance.now() - startedAt) / 1000, command.workers)}\n`);
}
