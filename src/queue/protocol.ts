/**
 * What lede keeps in a queue: the queue's meta (which protocol and lede version
 * filled it, the input's field names, how much of the input it holds), the jobs
 * (a batch of consecutive JSONL lines each) and their results (the JSONL output
 * lines `lede annotate` writes for them, under a key of their own, and the record
 * errors, as the job's return value). A queue that does not hold lede's
 * protocol, or was filled by another lede version, is refused with a message.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queue, RedisClient } from 'bullmq';
import type { FieldNames } from '../batch/annotate-record.js';
import type { LineError } from '../batch/worker-protocol.js';
import { packageRoot } from '../node/data-dir.js';
import { QueueSetupError, redactUrl } from './connection.js';
import type { LedeKeys } from './scripts.js';

/**
 * The protocol of lede's jobs and results; a change of their shape changes it. 2: a
 * batch's output lines are stored under a key of their own (outputKey in scripts.ts),
 * no longer in the job's return value.
 */
export const QUEUE_PROTOCOL = 'lede-queue/2';
/** The BullMQ job name of a batch. */
export const JOB_NAME = 'lede-batch';

/** A job's id: stable for a batch index, so adding the same batch again adds nothing. */
export function jobId(batch: number): string {
  return `batch-${batch}`;
}

export function batchOfJobId(id: string | undefined): number | null {
  const match = /^batch-(\d+)$/.exec(id ?? '');
  return match ? Number(match[1]) : null;
}

/** A job: consecutive input lines. */
export interface BatchJobData {
  protocol: typeof QUEUE_PROTOCOL;
  /** The lede version that added it: workers of another version refuse it. */
  version: string;
  /** Index of the batch in the input, from 0. */
  batch: number;
  /** 1-based input line number of the first line. */
  firstLineNumber: number;
  lines: string[];
  fields: FieldNames;
}

/** A job's return value: its record errors; its output lines are stored under outputKey (scripts.ts). */
export interface BatchJobReturn {
  errors: LineError[];
  /** Set when the batch had already been collected (a stale copy added again): nothing was stored. */
  stale?: true;
}

/** A batch's result as the collector reads it: exactly what `lede annotate` writes for its lines (one JSONL line each) and its record errors. */
export interface BatchJobResult {
  output: string;
  errors: LineError[];
}

export interface QueueMeta {
  protocol: string;
  version: string;
  /** A random id of this queue's input, chosen by its first producer. */
  run: string;
  fields: FieldNames;
  /** Batches and records (input lines) added so far. */
  batches: number;
  lines: number;
  /** The producer read its input to the end (and nothing was added since). */
  ended: boolean;
  /** When the first job started (Redis clock, ms), or null. */
  started: number | null;
}

let ledeVersion: string | null = null;

/** The version of this lede (package.json). */
export function thisLedeVersion(): string {
  ledeVersion ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return ledeVersion;
}

export async function readMeta(client: RedisClient, keys: LedeKeys): Promise<QueueMeta | null> {
  const raw = await client.hgetall(keys.meta);
  if (!raw.protocol) return null;
  let fields: FieldNames;
  try {
    fields = JSON.parse(raw.fields ?? '') as FieldNames;
  } catch {
    fields = { text: '?', date: '?', id: '?' };
  }
  return {
    protocol: raw.protocol,
    version: raw.version ?? '?',
    run: raw.run ?? '',
    fields,
    batches: Number(raw.batches ?? 0),
    lines: Number(raw.lines ?? 0),
    ended: raw.ended === '1',
    started: raw.started ? Number(raw.started) : null,
  };
}

export interface QueueCheck {
  command: string;
  url: string;
  name: string;
  /** Also require the same lede version (producers and workers: their output must be that of one version). */
  sameVersion: boolean;
}

/** Refuses a queue filled under another protocol or (when asked) by another lede version. */
export function checkMeta(meta: QueueMeta, check: QueueCheck): void {
  const where = `queue "${check.name}" at ${redactUrl(check.url)}`;
  if (meta.protocol !== QUEUE_PROTOCOL) {
    throw new QueueSetupError(
      `${check.command}: ${where} holds jobs of the format ${meta.protocol} (added by lede ${meta.version}); this lede (${thisLedeVersion()}) reads ${QUEUE_PROTOCOL}. ` +
        'Run the lede version that filled it on every machine, or use another queue (--queue NAME).',
    );
  }
  if (check.sameVersion && meta.version !== thisLedeVersion()) {
    throw new QueueSetupError(
      `${check.command}: ${where} was filled by lede ${meta.version}; this is lede ${thisLedeVersion()}. Every producer and worker of a queue must run the same version ` +
        '(so that every result comes from the same lede): install that version here, or use another queue (--queue NAME).',
    );
  }
}

/**
 * The queue's meta for a reader of the queue (a worker, the collector): null for a
 * queue no producer has filled yet, and a refusal (checkNotForeign) for one with
 * jobs and no meta. The meta is read again once jobs are found: `lede queue add`
 * writes it before its first job, so a producer that starts between the first
 * read and the count is lede's, not another application's.
 */
export async function settleMeta(read: () => Promise<QueueMeta | null>, countJobs: () => Promise<number>, check: Omit<QueueCheck, 'sameVersion'>): Promise<QueueMeta | null> {
  const meta = await read();
  if (meta !== null) return meta;
  const jobs = await countJobs();
  if (jobs === 0) return null;
  const again = await read();
  if (again !== null) return again;
  throw foreignQueue(check, jobs);
}

/** settleMeta for a queue in Redis. */
export function readerMeta(client: RedisClient, keys: LedeKeys, queue: Queue, check: Omit<QueueCheck, 'sameVersion'>): Promise<QueueMeta | null> {
  return settleMeta(() => readMeta(client, keys), () => jobCount(queue), check);
}

async function jobCount(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts();
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function foreignQueue(check: Omit<QueueCheck, 'sameVersion'>, jobs: number): QueueSetupError {
  return new QueueSetupError(
    `${check.command}: queue "${check.name}" at ${redactUrl(check.url)} holds ${jobs} job${jobs === 1 ? '' : 's'} that lede did not add (it has no lede:${check.name}:meta): ` +
      'it belongs to another application. Name another queue with --queue NAME.',
  );
}

/** Refuses a queue without lede's meta that holds jobs: they belong to another application. */
export async function checkNotForeign(queue: Queue, check: Omit<QueueCheck, 'sameVersion'>): Promise<void> {
  const jobs = await jobCount(queue);
  if (jobs > 0) throw foreignQueue(check, jobs);
}

/** Names of the lede queues in this Redis (for messages). */
export async function ledeQueueNames(client: RedisClient): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  let rounds = 0;
  do {
    const [next, keys] = await client.scan(cursor, { MATCH: 'lede:*:meta', COUNT: 1000 });
    cursor = next;
    for (const key of keys) names.add(key.slice('lede:'.length, -':meta'.length));
  } while (cursor !== '0' && ++rounds < 100);
  return [...names].sort();
}

/** Checks a job's data before a worker runs it. */
export function isBatchJobData(data: unknown): data is BatchJobData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<BatchJobData>;
  return (
    typeof d.protocol === 'string' &&
    typeof d.version === 'string' &&
    Number.isInteger(d.batch) &&
    Number.isInteger(d.firstLineNumber) &&
    Array.isArray(d.lines) &&
    typeof d.fields === 'object' &&
    d.fields !== null
  );
}
