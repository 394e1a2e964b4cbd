/**
 * lede/queue: distributed annotation on BullMQ over Redis (bullmq is an optional
 * peer dependency, loaded only here). Node only.
 *
 *   import { enqueueArticles, startQueueWorker, collectResults } from 'lede/queue';
 *
 *   await enqueueArticles(articles, { redis: 'redis://queue-host:6379' });   // one producer
 *   const worker = await startQueueWorker({ redis, concurrency: 8 });        // on every machine
 *   for await (const result of collectResults({ redis })) { … }              // one collector, in input order
 */

import { DEFAULT_FIELDS } from '../batch/annotate-record.js';
import { checkConcurrency } from '../batch/worker-pool.js';
import type { Article } from '../batch/types.js';
import { describeValue, LedeOptionError } from '../core/errors.js';
import { openQueue } from './connection.js';
import { Collector } from './collector.js';
import { enqueueLines, type EnqueueSummary } from './enqueue.js';
import { checkBatchSize, checkMaxWaiting, checkQueueName, checkRedisUrl, checkStallTimeout, DEFAULT_QUEUE_NAME, DEFAULT_REDIS_URL } from './options.js';
import { batchResults, type CollectedResult } from './results.js';
import { ledeKeys } from './scripts.js';
import { readQueueStatus, type QueueStatus } from './status.js';
import { runQueueWorker, type QueueWorker } from './worker.js';

export { QueueSetupError, MissingBullmqError } from './connection.js';
export { DEFAULT_REDIS_URL, DEFAULT_QUEUE_NAME } from './options.js';
export type { EnqueueSummary } from './enqueue.js';
export type { QueueWorker, QueueWorkerCounts } from './worker.js';
export type { CollectedResult, CollectedArticle, CollectedError } from './results.js';
export type { QueueStatus } from './status.js';
export type { Article, ArticleId, RecordError, RecordErrorCode } from '../batch/types.js';

export interface QueueConnectionOptions {
  /** Redis URL (default redis://127.0.0.1:6379). */
  redis?: string;
  /** Queue name (default "lede"). */
  queue?: string;
}

export interface EnqueueOptions extends QueueConnectionOptions {
  /** Records per job (default 200). */
  batchSize?: number;
  /** Wait while more than this many jobs are waiting for workers (default 50), so memory in Redis stays bounded. */
  maxWaiting?: number;
}

export interface QueueWorkerOptions extends QueueConnectionOptions {
  /** Worker threads (default: the number of cores). */
  concurrency?: number;
  /** Seconds after which the jobs of a worker that stopped are taken back and retried elsewhere (default 30). */
  stallTimeout?: number;
}

export interface CollectOptions extends QueueConnectionOptions {
  /** Wait for results until the whole input is collected (default true); false: stop at the first result not yet ready. */
  wait?: boolean;
}

function checkOptions(call: string, options: unknown, accepted: readonly string[]): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${call}: "options" must be an object such as { redis: 'redis://127.0.0.1:6379' }; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!accepted.includes(key)) {
      throw new TypeError(`${call}: unknown option "${key}"; the accepted options are ${accepted.map((a) => `"${a}"`).join(', ')}.`);
    }
  }
  return options as Record<string, unknown>;
}

function connection(given: Record<string, unknown>): { url: string; name: string } {
  return {
    url: checkRedisUrl(given.redis ?? DEFAULT_REDIS_URL),
    name: checkQueueName(given.queue ?? DEFAULT_QUEUE_NAME),
  };
}

function isIterable(value: unknown): value is AsyncIterable<unknown> | Iterable<unknown> {
  return typeof value === 'object' && value !== null && (Symbol.asyncIterator in value || Symbol.iterator in value);
}

async function* articleLines(articles: AsyncIterable<Article> | Iterable<Article>): AsyncGenerator<{ text: string }> {
  for await (const article of articles) {
    const line = typeof article === 'object' && article !== null ? JSON.stringify({ id: article.id, text: article.text, publishedAt: article.publishedAt }) : JSON.stringify(article);
    yield { text: line ?? 'null' };
  }
}

/**
 * Adds articles ({ id?, text, publishedAt? }) to the queue in jobs of `batchSize`,
 * in order. Adding the same articles again adds nothing; articles after those
 * added before are added. Resolves once every article is in Redis.
 */
export async function enqueueArticles(articles: AsyncIterable<Article> | Iterable<Article>, options?: EnqueueOptions): Promise<EnqueueSummary> {
  const call = 'enqueueArticles(articles, options)';
  if (!isIterable(articles)) {
    throw new TypeError(`${call}: "articles" must be an iterable or async iterable of { id?, text, publishedAt? }; got ${describeValue(articles)}.`);
  }
  const given = checkOptions(call, options, ['redis', 'queue', 'batchSize', 'maxWaiting']);
  return enqueueLines(articleLines(articles), {
    ...connection(given),
    fields: { ...DEFAULT_FIELDS },
    batchSize: checkBatchSize(given.batchSize),
    maxWaiting: checkMaxWaiting(given.maxWaiting),
    command: 'enqueueArticles',
  });
}

/**
 * Starts a worker: it takes jobs and annotates them on `concurrency` worker
 * threads until `close()`. Run one per machine (or more), as many machines as
 * you like.
 */
export async function startQueueWorker(options?: QueueWorkerOptions): Promise<QueueWorker> {
  const given = checkOptions('startQueueWorker(options)', options, ['redis', 'queue', 'concurrency', 'stallTimeout']);
  return runQueueWorker({
    ...connection(given),
    threads: checkConcurrency(given.concurrency),
    stallTimeoutMs: checkStallTimeout(given.stallTimeout) * 1000,
    command: 'startQueueWorker',
  });
}

/**
 * Yields every record's result in input order, and removes what was yielded from
 * Redis. It is the queue's one collector: its place is kept in Redis, so a new
 * call continues where the last stopped. A batch of results is removed once the
 * loop asks for the result after its last one; a process that stops in the
 * middle of a batch gets that batch again.
 */
export function collectResults(options?: CollectOptions): AsyncGenerator<CollectedResult, void, undefined> {
  const given = checkOptions('collectResults(options)', options, ['redis', 'queue', 'wait']);
  const wait = given.wait ?? true;
  if (typeof wait !== 'boolean') throw new LedeOptionError('wait', `Invalid wait: expected true or false; got ${describeValue(wait)}.`);
  return collect(connection(given), wait);
}

async function* collect(target: { url: string; name: string }, wait: boolean): AsyncGenerator<CollectedResult, void, undefined> {
  const collector = await Collector.open({ ...target, command: 'collectResults' });
  try {
    await collector.removeStale();
    for (;;) {
      const batches = await collector.next(1, { wait });
      if (batches.length === 0) return;
      for (const batch of batches) {
        yield* batchResults(batch);
        await collector.advance(batch.batch + 1, collector.cursor.lines + batch.lines.length, null);
      }
    }
  } finally {
    await collector.close();
  }
}

/** The queue's state: input, jobs by state, records annotated and collected, rate and time left. */
export async function getQueueStatus(options?: QueueConnectionOptions): Promise<QueueStatus> {
  const given = checkOptions('getQueueStatus(options)', options, ['redis', 'queue']);
  const { url, name } = connection(given);
  const opened = await openQueue({ url, name, command: 'getQueueStatus' });
  try {
    return await readQueueStatus(opened.queue, opened.client, ledeKeys(name), { command: 'getQueueStatus', url, name });
  } finally {
    await opened.close();
  }
}
