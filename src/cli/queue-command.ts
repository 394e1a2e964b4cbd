/**
 * `lede queue add|work|collect|status`: distributed annotation on BullMQ over
 * Redis (see src/queue/ and the README). A QueueSetupError (Redis unreachable,
 * a queue of another application or lede version, another collector at work)
 * becomes a usage error: exit status 2 with its message.
 */

import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { readLines } from '../batch/line-reader.js';
import { Collector, type SinkRecord } from '../queue/collector.js';
import { openQueue, QueueSetupError, redactUrl } from '../queue/connection.js';
import { enqueueLines } from '../queue/enqueue.js';
import { toSinkBatch } from '../queue/results.js';
import { ledeKeys } from '../queue/scripts.js';
import { readQueueStatus, type QueueStatus } from '../queue/status.js';
import { runQueueWorker } from '../queue/worker.js';
import { openInput } from './io.js';
import { isBrokenPipe, openOutputSink, type OutputSink } from './output-sink.js';
import { createProgress, plural, rate, type Progress, type ProgressCounts } from './progress.js';
import { EXIT_OK, UsageError } from './usage.js';
import type { QueueAddCommand, QueueCollectCommand, QueueCommand, QueueStatusCommand, QueueWorkCommand } from './parse-queue-command.js';

/** Exit status after a stop by a signal (128 + its number), as shells report it. */
const EXIT_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}


/** Calls `onSignal` on SIGINT and SIGTERM until the returned function is called. */
function onSignals(onSignal: (signal: NodeJS.Signals, count: number) => void): () => void {
  let count = 0;
  const handler = (signal: NodeJS.Signals): void => onSignal(signal, ++count);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

async function runAdd(command: QueueAddCommand): Promise<number> {
  const name = 'lede queue add';
  const startedAt = performance.now();
  const { stream: input, size } = openInput(command.input, name, 'a JSONL file (one JSON article per line)');
  if (command.input === '-' && process.stdin.isTTY) {
    throw new UsageError(`${name}: standard input is a terminal: pass a JSONL file (lede queue add articles.jsonl) or pipe one in (lede queue add - < articles.jsonl).`);
  }
  let inputFailure: unknown = null;
  input.once('error', (error: unknown) => {
    inputFailure = error;
  });
  const progress = await createProgress(size, startedAt, name);
  const counts: ProgressCounts = { articles: 0, errors: 0, bytes: 0 };
  let summary;
  try {
    summary = await enqueueLines(readLines(input as AsyncIterable<Buffer>), {
      url: command.redis,
      name: command.queue,
      fields: command.fields,
      batchSize: command.batchSize,
      maxWaiting: command.maxWaiting,
      command: name,
      log: (line) => progress.log(line),
      onProgress: ({ records, bytes }) => {
        counts.articles = records;
        counts.bytes = bytes;
        progress.update(counts);
      },
    });
  } catch (error) {
    if (error !== null && error === inputFailure) {
      throw new UsageError(`${name}: cannot read ${command.input === '-' ? 'standard input' : command.input}: ${messageOf(error)}. Check the input and run again.`);
    }
    throw error;
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  log(
    `${name}: ${plural(summary.records, 'record')} read, ${summary.addedRecords} added in ${plural(summary.addedBatches, 'job')}` +
      (summary.queuedBefore > 0 ? `, ${summary.queuedBefore} queued before` : '') +
      ` (queue "${command.queue}" at ${redactUrl(command.redis)}, ${plural(summary.batches, 'job')} in all; ${seconds.toFixed(2)} s)`,
  );
  return EXIT_OK;
}

async function runWork(command: QueueWorkCommand): Promise<number> {
  const name = 'lede queue work';
  const startedAt = performance.now();
  const worker = await runQueueWorker({
    url: command.redis,
    name: command.queue,
    threads: command.workers,
    stallTimeoutMs: command.stallTimeoutSeconds * 1000,
    command: name,
    log,
  });
  log(`${name}: ${plural(worker.threads, 'worker thread')} on queue "${command.queue}" at ${redactUrl(command.redis)}; Ctrl-C (SIGINT) or SIGTERM stops it after its current jobs.`);
  const stopListening = onSignals((signal, count) => {
    if (count === 1) {
      log(`${name}: ${signal}: finishing the current jobs, then stopping (${signal} again: stop now; the jobs are then retried by other workers).`);
      void worker.close();
    } else void worker.close({ force: true });
  });
  try {
    await worker.done;
  } finally {
    stopListening();
  }
  const { jobs, records, errors } = worker.counts;
  const seconds = (performance.now() - startedAt) / 1000;
  log(`${name}: ${plural(jobs, 'job')}, ${plural(records, 'article')}, ${plural(errors, 'error')}, ${rate(records, seconds)} articles/s (${seconds.toFixed(2)} s, ${plural(worker.threads, 'worker')})`);
  return EXIT_OK;
}

/**
 * Opens the output of collect where the cursor says it should go on: the same
 * file (same machine, path and format) resumes after the bytes written up to
 * the cursor; another file starts anew from the cursor (the records before it
 * went to the earlier output). An archive keeps its own progress.
 */
async function openCollectSink(command: QueueCollectCommand, collector: Collector, here: SinkRecord, progress: () => Progress): Promise<OutputSink> {
  const name = 'lede queue collect';
  const previous = collector.cursor.sink;
  const same = previous !== null && here.path !== null && previous.host === here.host && previous.path === here.path && previous.format === here.format;
  const resumeAt = command.format === 'sqlite' || command.output === null ? undefined : same ? (previous.bytes ?? 0) : 0;
  if (!same && collector.cursor.next > 0) {
    log(
      `${name}: the first ${plural(collector.cursor.lines, 'record')} of queue "${command.queue}" were collected before` +
        (previous?.path ? ` (to ${previous.path} on ${previous.host})` : '') +
        `; ${outputName(command)} gets the records after them.`,
    );
  }
  const sink = await openOutputSink({
    format: command.format,
    output: command.output,
    input: null,
    command: name,
    log: (line) => progress().log(line),
    database: command.database,
    schema: command.schema,
    resumeAt,
    checkpoints: true,
  });
  if (command.format === 'sqlite' && collector.meta) {
    try {
      const stored = sink.readProgress(progressKey(collector));
      if (stored !== null) {
        const { next, lines } = JSON.parse(stored) as { next: number; lines: number };
        if (next > collector.cursor.next) {
          // The archive committed batches whose cursor Redis did not get (a stop in between): Redis catches up.
          await collector.advance(next, lines, here);
        } else if (next < collector.cursor.next && same) {
          throw new UsageError(`${name}: ${command.output} holds fewer records of queue "${command.queue}" (${lines}) than were written to it (${collector.cursor.lines}): it was replaced; collect into a new archive with -o.`);
        }
      } else if (same && collector.cursor.next > 0) {
        throw new UsageError(`${name}: ${command.output} holds none of the ${collector.cursor.lines} records of queue "${command.queue}" written to it: it was replaced; collect into a new archive with -o.`);
      }
    } catch (error) {
      await sink.close();
      throw error;
    }
  }
  return sink;
}

/** Where collect writes, for messages. */
function outputName(command: QueueCollectCommand): string {
  return command.format === 'postgres' ? `the PostgreSQL archive (schema ${command.schema})` : (command.output ?? 'standard output');
}

/** Where collect writes, as the cursor records it: a file's absolute path, a PostgreSQL schema, or null for standard output. */
function outputPath(command: QueueCollectCommand): string | null {
  if (command.format === 'postgres') return `postgres:${command.schema}`;
  return command.output === null ? null : resolve(command.output);
}

function progressKey(collector: Collector): string {
  return `lede-queue:${collector.meta!.run}`;
}

async function runCollect(command: QueueCollectCommand): Promise<number> {
  const name = 'lede queue collect';
  const startedAt = performance.now();
  const collector = await Collector.open({ url: command.redis, name: command.queue, command: name, log });
  let sink: OutputSink | null = null;
  let progress: Progress | null = null;
  let stoppedBy: NodeJS.Signals | null = null;
  const stopListening = onSignals((signal, count) => {
    stoppedBy ??= signal;
    if (count === 1) log(`${name}: ${signal}: stopping after the results being written (run it again to continue).`);
    else process.exit(EXIT_SIGNAL[signal] ?? 1); // what was written past the cursor is cut off on the next run
  });
  const counts: ProgressCounts = { articles: 0, errors: 0, bytes: 0 };
  try {
    if (collector.finished) {
      log(`${name}: every record of queue "${command.queue}" (${collector.cursor.lines}) is collected already; nothing to write.`);
      return EXIT_OK;
    }
    await collector.removeStale();
    const here: SinkRecord = { host: hostname(), path: outputPath(command), format: command.format, bytes: null };
    sink = await openCollectSink(command, collector, here, () => progress!);
    progress = await createProgress(collector.meta?.ended ? collector.meta.lines - collector.cursor.lines : null, startedAt, name);
    for (;;) {
      const batches = await collector.next(16, { wait: true, stop: () => stoppedBy !== null });
      if (batches.length === 0) break;
      const fields = collector.meta!.fields;
      let lines = collector.cursor.lines;
      for (const batch of batches) {
        const result = toSinkBatch(batch, sink.lineFormat, fields);
        const errors = await sink.write(result);
        lines += batch.lines.length;
        counts.articles += batch.lines.length;
        counts.bytes += batch.lines.length;
        counts.errors += errors.length;
      }
      const next = batches.at(-1)!.batch + 1;
      const position = await sink.checkpoint({ key: progressKey(collector), value: JSON.stringify({ next, lines }) });
      await collector.advance(next, lines, { ...here, bytes: position.bytes });
      progress.update(counts);
      if (stoppedBy) break;
    }
    await sink.finish();
    if (collector.finished) await collector.removeStale();
  } catch (error) {
    if (isBrokenPipe(error)) return EXIT_OK;
    throw error;
  } finally {
    stopListening();
    progress?.stop();
    await sink?.close();
    await collector.close();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const where = `queue "${command.queue}" ${collector.finished ? 'is collected' : `is collected up to record ${collector.cursor.lines}; run this again to continue`}`;
  log(`${name}: ${plural(counts.articles, 'article')}, ${plural(counts.errors, 'error')}, ${rate(counts.articles, seconds)} articles/s (${seconds.toFixed(2)} s); ${where}`);
  return stoppedBy ? EXIT_SIGNAL[stoppedBy]! : EXIT_OK;
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The status as lines of text. */
export function describeStatus(status: QueueStatus, url: string): string[] {
  const { input, jobs } = status;
  const percent = input.records > 0 ? ` (${((100 * status.annotated) / input.records).toFixed(1)}%)` : '';
  return [
    `queue "${status.queue}" at ${redactUrl(url)}`,
    `input    ${plural(input.records, 'record')} in ${plural(input.batches, 'job')} (${input.complete ? 'complete' : 'still being added'})`,
    `jobs     ${jobs.waiting} waiting, ${jobs.active} active, ${jobs.delayed} delayed, ${jobs.completed} annotated not yet collected, ${jobs.failed} failed; ${plural(status.workers, 'worker')} connected`,
    `records  ${status.annotated} of ${input.records} annotated${percent}, ${status.collected} collected`,
    `rate     ${status.rate === null ? 'none yet' : `${status.rate.toFixed(1)} records/s over the last minute`}` +
      (status.done ? '; done: every record is collected' : status.secondsLeft !== null ? `; about ${formatSeconds(status.secondsLeft)} left` : ''),
  ];
}

async function runStatus(command: QueueStatusCommand): Promise<number> {
  const name = 'lede queue status';
  const opened = await openQueue({ url: command.redis, name: command.queue, command: name, log });
  const keys = ledeKeys(command.queue);
  const context = { command: name, url: command.redis, name: command.queue };
  try {
    let status = await readQueueStatus(opened.queue, opened.client, keys, context);
    if (!process.stdout.isTTY || status.done) {
      process.stdout.write(`${describeStatus(status, command.redis).join('\n')}\n`);
      return EXIT_OK;
    }
    // On a terminal: a bar over the records annotated, until every record is collected or Ctrl-C.
    const { default: cliProgress } = (await import('cli-progress')) as { default: typeof import('cli-progress') };
    const bar = new cliProgress.SingleBar(
      {
        format: `queue "${command.queue}" [{bar}] {percentage}% | {annotated}/{total} annotated, {collected} collected | {waiting} waiting, {active} active, {failed} failed | {workers} workers | {rate}/s | {left}`,
        stream: process.stdout,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let stop = false;
    const stopListening = onSignals(() => {
      stop = true;
    });
    const values = (s: QueueStatus) => ({
      annotated: s.annotated,
      collected: s.collected,
      waiting: s.jobs.waiting,
      active: s.jobs.active,
      failed: s.jobs.failed,
      workers: s.workers,
      rate: s.rate === null ? '–' : s.rate.toFixed(1),
      left: s.done ? 'done' : s.secondsLeft === null ? (s.input.complete ? '' : 'input still being added') : `${formatSeconds(s.secondsLeft)} left`,
    });
    bar.start(Math.max(1, status.input.records), status.annotated, values(status));
    try {
      while (!stop && !status.done) {
        await new Promise((resolveWait) => setTimeout(resolveWait, 1000));
        status = await readQueueStatus(opened.queue, opened.client, keys, context);
        bar.setTotal(Math.max(1, status.input.records));
        bar.update(status.annotated, values(status));
      }
    } finally {
      bar.stop();
      stopListening();
    }
    return EXIT_OK;
  } finally {
    await opened.close();
  }
}

export async function runQueue(command: Exclude<QueueCommand, { kind: 'queue-help' }>): Promise<number> {
  try {
    switch (command.action) {
      case 'add':
        return await runAdd(command);
      case 'work':
        return await runWork(command);
      case 'collect':
        return await runCollect(command);
      case 'status':
        return await runStatus(command);
    }
  } catch (error) {
    if (error instanceof QueueSetupError) throw new UsageError(error.message);
    throw error;
  }
}
