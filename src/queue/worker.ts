/**
 * A queue worker: takes batch jobs from BullMQ and annotates their lines on a
 * pool of worker threads, exactly as `lede annotate` does (the same task, the
 * same output lines); the output lines go back to Redis under a key of their own
 * (outputKey), the record errors as the job's return value.
 *
 * A worker process that dies holds its jobs' locks no longer: after the lock
 * lapses (the stall timeout) BullMQ's stalled-job check, run by every other
 * worker, puts the jobs back in the queue. A job is failed only after many
 * stalls (MAX_STALLS) or three throws; the collector then writes a
 * `worker_failed` error for each of its records, so nothing is lost.
 */

import { hostname } from 'node:os';
import type { Job, Worker } from 'bullmq';
import { createWorkerPool, type WorkerPool } from '../batch/worker-pool.js';
import { runLines } from '../batch/run-lines.js';
import { BATCH_MAX_CHARS, BATCH_MAX_RECORDS } from '../batch/worker-protocol.js';
import { connectionOptions, openQueue, QueueSetupError, redactUrl, type OpenedQueue } from './connection.js';
import {
  checkMeta,
  readerMeta,
  isBatchJobData,
  JOB_NAME,
  QUEUE_PROTOCOL,
  thisLedeVersion,
  type BatchJobData,
  type BatchJobReturn,
} from './protocol.js';
import { ledeKeys, outputKey, runScript } from './scripts.js';

/** Stalls after which a job is failed (its records then get `worker_failed` errors). */
export const MAX_STALLS = 10;
/**
 * Jobs a worker process holds at once per worker thread. One: a job's lines run as
 * several pool tasks, and BullMQ hands over the next job in the same round trip that
 * stores a result, so a thread idles only for that round trip; a second job per
 * thread would gain nothing and make the end of a run wait on one process's two jobs
 * while the other processes have none left.
 */
const JOBS_PER_THREAD = 1;
/** How long the rate's record of finished jobs is kept (ms). */
const FINISHED_KEPT_MS = 5 * 60_000;

export interface QueueWorkerCounts {
  /** Jobs (batches) annotated by this worker. */
  jobs: number;
  /** Records annotated, record errors included. */
  records: number;
  /** Record errors. */
  errors: number;
}

export interface QueueWorker {
  readonly threads: number;
  readonly counts: Readonly<QueueWorkerCounts>;
  /** Settles when the worker has stopped: after close(), or (rejected) when it met jobs it must not run. */
  readonly done: Promise<void>;
  /** Stops taking jobs; finishes the jobs it holds (with force: leaves them to be retried elsewhere), then closes. */
  close(options?: { force?: boolean }): Promise<void>;
}

export interface RunWorkerOptions {
  url: string;
  name: string;
  threads: number;
  stallTimeoutMs: number;
  command: string;
  log?(line: string): void;
}

/** Splits a job's lines into pool tasks of at most BATCH_MAX_RECORDS lines and about BATCH_MAX_CHARS characters. */
function tasksOf(data: BatchJobData): { lines: string[]; firstLineNumber: number }[] {
  const tasks: { lines: string[]; firstLineNumber: number }[] = [];
  let current: string[] = [];
  let chars = 0;
  let first = data.firstLineNumber;
  data.lines.forEach((line, offset) => {
    if (current.length > 0 && (current.length >= BATCH_MAX_RECORDS || chars + line.length > BATCH_MAX_CHARS)) {
      tasks.push({ lines: current, firstLineNumber: first });
      current = [];
      chars = 0;
      first = data.firstLineNumber + offset;
    }
    current.push(line);
    chars += line.length;
  });
  if (current.length > 0) tasks.push({ lines: current, firstLineNumber: first });
  return tasks;
}

export async function runQueueWorker(options: RunWorkerOptions): Promise<QueueWorker> {
  const { url, name, command } = options;
  const opened: OpenedQueue = await openQueue({ url, name, command, log: options.log });
  const { client, bullmq } = opened;
  const keys = ledeKeys(name);
  let pool: WorkerPool | null = null;
  let worker: Worker | null = null;
  try {
    const meta = await readerMeta(client, keys, opened.queue, { command, url, name });
    if (meta) checkMeta(meta, { command, url, name, sameVersion: true });
    else {
      options.log?.(`${command}: queue "${name}" at ${redactUrl(url)} is empty; waiting for \`lede queue add\`.`);
    }
    pool = await createWorkerPool(options.threads, undefined);
  } catch (error) {
    await opened.close();
    throw error;
  }

  const counts: QueueWorkerCounts = { jobs: 0, records: 0, errors: 0 };
  let fatal: (error: Error) => void = () => {};
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fatal = reject;
  });
  done.catch(() => undefined); // the caller may only await close()
  let startedRecorded = false;
  let closing: Promise<void> | null = null;

  const refuse = (job: Job, reason: string): Promise<never> => {
    const error = new QueueSetupError(`${command}: job ${job.id} of queue "${name}" ${reason}; this worker stops and leaves it to the others.`);
    void close({ force: true }).then(() => fatal(error));
    return new Promise<never>(() => {}); // never settles: the job's lock lapses and BullMQ hands it to another worker
  };

  const runningPool = pool;
  const processor = async (job: Job): Promise<BatchJobReturn> => {
    if (job.name !== JOB_NAME || !isBatchJobData(job.data)) return refuse(job, 'is not a lede batch (another application uses this queue)');
    const data = job.data;
    if (data.protocol !== QUEUE_PROTOCOL) return refuse(job, `is of the format ${data.protocol}; this lede reads ${QUEUE_PROTOCOL}`);
    if (data.version !== thisLedeVersion()) return refuse(job, `was added by lede ${data.version}; this is lede ${thisLedeVersion()}`);
    if (!startedRecorded) {
      startedRecorded = true;
      await runScript(client, 'ledeJobStarted1', [keys.meta]);
    }
    const collected = Number((await client.hget(keys.cursor, 'next')) ?? 0);
    if (data.batch < collected) return { errors: [], stale: true };

    const parts = await Promise.all(
      tasksOf(data).map((task) => runLines(runningPool, { ...task, fields: data.fields, format: 'jsonl' })),
    );
    const output = parts.map((p) => p.output).join('');
    const stored = await runScript(client, 'ledeOutputPut1', [keys.cursor, outputKey(keys, data.batch)], [data.batch, output]);
    if (Number(stored) !== 1) return { errors: [], stale: true }; // collected meanwhile, from another worker's copy
    const result: BatchJobReturn = { errors: parts.flatMap((p) => p.errors) };
    await runScript(client, 'ledeJobFinished1', [keys.finished], [`${data.batch}:${data.lines.length}`, FINISHED_KEPT_MS]);
    counts.jobs++;
    counts.records += data.lines.length;
    counts.errors += result.errors.length;
    return result;
  };

  worker = new bullmq.Worker(name, processor, {
    connection: connectionOptions(url),
    concurrency: options.threads * JOBS_PER_THREAD,
    lockDuration: options.stallTimeoutMs,
    stalledInterval: Math.max(500, Math.floor(options.stallTimeoutMs / 2)),
    maxStalledCount: MAX_STALLS,
    name: `lede-${hostname().replace(/[^A-Za-z0-9._-]/g, '_')}-${process.pid}`,
  });
  let lastError = '';
  worker.on('error', (error: Error) => {
    // Connection losses and lost locks (after a Redis restart): BullMQ recovers; say it once.
    if (error.message === lastError) return;
    lastError = error.message;
    options.log?.(`${command}: ${error.message}`);
  });
  worker.on('stalled', (id: string) => {
    options.log?.(`${command}: job ${id} stalled (its worker stopped renewing its lock for ${options.stallTimeoutMs / 1000} s); it goes back to the queue and is retried.`);
  });
  worker.on('failed', (job: Job | undefined, error: Error) => {
    if (job) options.log?.(`${command}: job ${job.id} failed on this worker (try ${job.attemptsMade}): ${error.message}`);
  });

  const runningWorker = worker;
  const close = (closeOptions?: { force?: boolean }): Promise<void> => {
    if (closing && !closeOptions?.force) return closing;
    closing = (async () => {
      await runningWorker.close(closeOptions?.force ?? false);
      await runningPool.close();
      await opened.close();
      finish();
    })();
    return closing;
  };

  return { threads: options.threads, counts, done, close };
}
