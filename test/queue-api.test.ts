/**
 * lede/queue from Node code: enqueueArticles, startQueueWorker and
 * collectResults give the results annotate() gives, in input order; options are
 * checked before anything connects; a collector that stops resumes at the batch
 * it was in; one collector at a time.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedeOptionError } from '../src/core/errors.js';
import { EVENTS_KEPT, openQueue, QueueSetupError } from '../src/queue/connection.js';
import { collectResults, enqueueArticles, getQueueStatus, startQueueWorker, type CollectedResult, type QueueWorker } from '../src/queue/index.js';
import { acquireLease } from '../src/queue/lease.js';
import { ledeKeys, outputKey, runScript } from '../src/queue/scripts.js';
import type { Article } from '../src/index.js';
import { loadDist } from './batch-helpers.js';
import { expectValidResult } from './helpers.js';
import { redisCli, shortStory, SKIP_QUEUE_TESTS, startRedis, waitFor, type RedisServer } from './queue-helpers.js';

describe('lede/queue: options are checked before anything connects', () => {
  it('refuses wrong arguments and options with errors that say what is accepted', async () => {
    await expect(enqueueArticles('not articles' as never)).rejects.toThrow(/"articles" must be an iterable or async iterable/);
    await expect(enqueueArticles([], { redis: 'redis://x', retries: 3 } as never)).rejects.toThrow(/unknown option "retries"; the accepted options are "redis", "queue", "batchSize", "maxWaiting"/);
    await expect(enqueueArticles([], { redis: 'http://x' })).rejects.toThrow(LedeOptionError);
    await expect(enqueueArticles([], { batchSize: 0 })).rejects.toThrow(/Invalid batchSize: expected the records per job, a whole number from 1 to 10000/);
    await expect(startQueueWorker({ concurrency: 0 })).rejects.toThrow(/Invalid concurrency/);
    await expect(startQueueWorker({ stallTimeout: -1 })).rejects.toThrow(/Invalid stallTimeout/);
    await expect(startQueueWorker('redis://x' as never)).rejects.toThrow(TypeError);
    expect(() => collectResults({ wait: 'yes' as never })).toThrow(/Invalid wait: expected true or false/);
    expect(() => collectResults({ queue: 'a b' })).toThrow(/a queue name is 1 to 100 letters/);
  });
});

describe.skipIf(SKIP_QUEUE_TESTS)('lede/queue: from Node code', () => {
  let redis: RedisServer;
  let worker: QueueWorker | null = null;
  let lede: Awaited<ReturnType<typeof loadDist>>;
  beforeAll(async () => {
    redis = await startRedis();
    lede = await loadDist();
  });
  afterAll(async () => {
    await worker?.close();
    await redis?.dispose();
  });

  const articles: Article[] = [
    ...Array.from({ length: 9 }, (_, i) => ({ id: `a${i + 1}`, text: shortStory(i + 1), publishedAt: '2024-11-14' })),
    { id: 'no-text' } as unknown as Article,
    { text: shortStory(11) }, // no id: its position + 1
    { id: 12, text: shortStory(12), publishedAt: '2024-02-30' },
    { id: 'a13', text: shortStory(13), publishedAt: new Date('2024-11-14T09:30:00Z') },
  ];

  async function collectAll(options: Parameters<typeof collectResults>[0]): Promise<CollectedResult[]> {
    const results: CollectedResult[] = [];
    for await (const result of collectResults(options)) results.push(result);
    return results;
  }

  it('gives, in input order, what annotate() gives for the same articles', { timeout: 180_000 }, async () => {
    const options = { redis: redis.url, queue: 'api' };
    const summary = await enqueueArticles(articles, { ...options, batchSize: 4 });
    expect(summary).toEqual({ records: 13, addedRecords: 13, queuedBefore: 0, addedBatches: 4, batches: 4 });
    expect(await enqueueArticles(articles, options)).toMatchObject({ records: 13, addedRecords: 0, queuedBefore: 13 });

    worker = await startQueueWorker({ ...options, concurrency: 1, stallTimeout: 5 });
    const results = await collectAll(options);
    const expected: unknown[] = [];
    for await (const result of lede.annotate(articles, { concurrency: 1 })) expected.push(result);

    expect(results.map((r) => [r.index, r.lineNumber, r.id])).toEqual(expected.map((r, i) => [i, i + 1, (r as { id: unknown }).id]));
    results.forEach((result, i) => {
      const want = expected[i] as { extraction?: unknown; error?: { code: string } };
      if (want.error) {
        expect(result.error?.code, `record ${i + 1}`).toBe(want.error.code);
      } else {
        expect(result.error, `record ${i + 1}`).toBeUndefined();
        expectValidResult(result.extraction, String(result.record!.text));
        expect(result.extraction).toEqual(want.extraction);
      }
    });
    expect(results[9]!.error!.code).toBe('missing_text');
    expect(results[11]!.error!.code).toBe('invalid_option');

    const status = await getQueueStatus(options);
    expect(status).toMatchObject({ queue: 'api', input: { records: 13, batches: 4, complete: true }, annotated: 13, collected: 13, done: true, workers: 1 });
    expect(worker.counts).toMatchObject({ jobs: 4, records: 13 });
  });

  it('Redis keeps few of BullMQ\'s events, which carry each batch\'s return value, once they are collected', { timeout: 180_000 }, async () => {
    // A job's 'completed' event holds its return value (its output lines, before they got a key
    // of their own); lede reads no event. At BullMQ's default (10,000) the stream held every
    // event of this run: about 5 a job, so about 600 here.
    const options = { redis: redis.url, queue: 'events-kept' };
    const many: Article[] = Array.from({ length: 120 }, (_, i) => ({ id: `e${i + 1}`, text: shortStory((i % 13) + 1) }));
    const third = await startQueueWorker({ ...options, concurrency: 1 });
    try {
      const [, collected] = await Promise.all([enqueueArticles(many, { ...options, batchSize: 1 }), collectAll(options)]);
      expect(collected.length).toBe(120);
    } finally {
      await third.close();
    }
    // Redis trims a stream by whole nodes of up to 100 entries.
    expect(Number(redisCli(redis.port, 'XLEN', 'bull:events-kept:events'))).toBeLessThanOrEqual(EVENTS_KEPT + 100);
  });

  it("a batch's output lines wait under a key of their own until collected; a batch done whose output is gone is annotated again", { timeout: 180_000 }, async () => {
    const options = { redis: redis.url, queue: 'outputs' };
    const some = articles.slice(0, 6);
    await enqueueArticles(some, { ...options, batchSize: 3 });
    const opened = await openQueue({ url: redis.url, name: 'outputs', command: 'test' });
    const fourth = await startQueueWorker({ ...options, concurrency: 1 });
    try {
      const done = async (id: string): Promise<boolean> => (await opened.queue.getJobState(id)) === 'completed';
      await waitFor(async () => (await done('batch-0')) && (await done('batch-1')), 'both jobs done');
      // The job's return value holds its record errors only (BullMQ copies it into its event stream too).
      expect((await opened.queue.getJob('batch-0'))!.returnvalue).toEqual({ errors: [] });
      const stored = (await opened.client.get('lede:outputs:output:0'))!;
      expect(stored.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: unknown }).id)).toEqual(['a1', 'a2', 'a3']);
      // As if Redis had lost the second batch's output: the collector sends its job back, and it is done again.
      await opened.client.del('lede:outputs:output:1');
      const results = await collectAll(options);
      const expected: unknown[] = [];
      for await (const result of lede.annotate(some, { concurrency: 1 })) expected.push(result);
      expect(results.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
      expect(results.map((r) => r.extraction)).toEqual(expected.map((r) => (r as { extraction: unknown }).extraction));
      expect(fourth.counts).toMatchObject({ jobs: 3, records: 9 });
      // Collected: no output is left in Redis.
      expect(redisCli(redis.port, '--scan', '--pattern', 'lede:outputs:output:*')).toBe('');
    } finally {
      await fourth.close();
      await opened.close();
    }
  });

  it('an output is stored only for a batch the collector has not passed, and advancing the cursor removes the outputs it passes', { timeout: 60_000 }, async () => {
    const opened = await openQueue({ url: redis.url, name: 'put', command: 'test' });
    const keys = ledeKeys('put');
    try {
      const put = (batch: number): Promise<unknown> => runScript(opened.client, 'ledeOutputPut1', [keys.cursor, outputKey(keys, batch)], [batch, `{"batch":${batch}}\n`]);
      expect(await Promise.all([0, 1, 2, 3].map(put))).toEqual([1, 1, 1, 1]); // no cursor yet: batch 0 is next
      const lease = await acquireLease(opened.client, keys.collector, { role: 'collector', command: 'test', queueName: 'put' });
      // The collector wrote batches 0 and 1: their outputs go with the cursor's advance, in the same script.
      expect(await lease.fenced('ledeCursorAdvance2', [keys.cursor], [2, 6, 'null', keys.output, 0])).toBe(1);
      expect([await opened.client.get(outputKey(keys, 0)), await opened.client.get(outputKey(keys, 1))]).toEqual([null, null]);
      expect(await opened.client.get(outputKey(keys, 2))).toBe('{"batch":2}\n');
      // A worker that finishes batch 1 again now (a stale copy, or a job that stalled and was finished elsewhere) stores nothing.
      expect(await put(1)).toBe(0);
      expect(await opened.client.get(outputKey(keys, 1))).toBeNull();
      expect(await put(2)).toBe(1);
      // Another process holding the lease: the advance changes nothing, and removes nothing.
      await opened.client.set(keys.collector, 'someone else');
      await expect(lease.fenced('ledeCursorAdvance2', [keys.cursor], [4, 12, 'null', keys.output, 2])).rejects.toThrow();
      expect(await opened.client.hget(keys.cursor, 'next')).toBe('2');
      expect([await opened.client.get(outputKey(keys, 2)), await opened.client.get(outputKey(keys, 3))]).toEqual(['{"batch":2}\n', '{"batch":3}\n']);
      await lease.release();
    } finally {
      await opened.close();
    }
  });

  it('a collector that stops in the middle of a batch gets that batch again, and nothing before it', { timeout: 180_000 }, async () => {
    const options = { redis: redis.url, queue: 'resume' };
    await enqueueArticles(articles, { ...options, batchSize: 5 });
    const second = await startQueueWorker({ ...options, concurrency: 1 });
    try {
      const first: CollectedResult[] = [];
      for await (const result of collectResults(options)) {
        first.push(result);
        if (first.length === 7) break; // in the second batch (records 6–10)
      }
      const rest = await collectAll(options);
      expect(rest[0]!.lineNumber).toBe(6);
      expect([...first.slice(0, 5), ...rest].map((r) => r.lineNumber)).toEqual(articles.map((_, i) => i + 1));
      expect(await collectAll({ ...options, wait: false })).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('batches Redis lost (a crash before its writes reached the disk) are added again by the next run of the producer, which notices a gap', { timeout: 60_000 }, async () => {
    const options = { redis: redis.url, queue: 'lost' };
    const some = articles.slice(0, 8);
    expect(await enqueueArticles(some, { ...options, batchSize: 3 })).toMatchObject({ addedBatches: 3, batches: 3 });
    // As if Redis had lost the last batch: its registry entry, the count, the end of input and the job.
    const opened = await openQueue({ url: redis.url, name: 'lost', command: 'test' });
    try {
      await opened.client.hset('lede:lost:meta', { batches: 2, lines: 6 });
      await opened.client.hdel('lede:lost:meta', 'ended');
      await opened.client.hdel('lede:lost:batches', '2');
      await opened.queue.remove('batch-2');
      expect(await enqueueArticles(some, { ...options, batchSize: 3 })).toEqual({ records: 8, addedRecords: 2, queuedBefore: 6, addedBatches: 1, batches: 3 });
      expect(await opened.client.hget('lede:lost:meta', 'ended')).toBe('1');
      expect(await opened.queue.getJob('batch-2')).toBeTruthy();
      // A producer still at work when that happened: its next batch finds the registry shorter than it left it.
      const lease = await acquireLease(opened.client, 'lede:lost:producer', { role: 'producer', command: 'test', queueName: 'lost' });
      expect(await lease.fenced('ledeBatchAdded1', ['lede:lost:meta', 'lede:lost:batches'], [5, 'x 3 16', 18])).toBe(2);
      expect(await opened.client.hget('lede:lost:meta', 'batches')).toBe('3');
      // The last batch's call sent again (its reply was lost with the connection, and the client
      // resends it on reconnecting): it ran already, so it succeeds and changes nothing.
      const last = (await opened.client.hget('lede:lost:batches', '2'))!;
      expect(await lease.fenced('ledeBatchAdded1', ['lede:lost:meta', 'lede:lost:batches'], [2, last, 8])).toBe(1);
      expect(await opened.client.hgetall('lede:lost:meta')).toMatchObject({ batches: '3', lines: '8', ended: '1' });
      // The same index with another entry is no resend: a gap, as before.
      expect(await lease.fenced('ledeBatchAdded1', ['lede:lost:meta', 'lede:lost:batches'], [2, 'x 2 7', 8])).toBe(2);
      expect(await opened.client.hget('lede:lost:batches', '2')).toBe(last);
      await lease.release();
    } finally {
      await opened.close();
    }
  });

  it('one collector at a time: another is refused once the lease has not lapsed; a dead one of this machine is replaced at once', { timeout: 60_000 }, async () => {
    const opened = await openQueue({ url: redis.url, name: 'leases', command: 'test' });
    try {
      const held = await acquireLease(opened.client, 'lede:leases:collector', { role: 'collector', command: 'test', queueName: 'leases', ttlMs: 30_000 });
      await expect(acquireLease(opened.client, 'lede:leases:collector', { role: 'collector', command: 'test', queueName: 'leases', ttlMs: 600 })).rejects.toThrow(QueueSetupError);
      await expect(acquireLease(opened.client, 'lede:leases:collector', { role: 'collector', command: 'test', queueName: 'leases', ttlMs: 600 })).rejects.toThrow(
        /another collector \(process \d+ on .*\) is at work on queue "leases"; only one may run at a time/,
      );
      await held.release();
      // A holder of this machine whose process is gone.
      await opened.client.set('lede:leases:collector', JSON.stringify({ host: (await import('node:os')).hostname(), pid: 2 ** 22 + 12345, token: 'x' }), { PX: 60_000 });
      const takenOver = await acquireLease(opened.client, 'lede:leases:collector', { role: 'collector', command: 'test', queueName: 'leases' });
      await takenOver.release();
    } finally {
      await opened.close();
    }
  });
});
