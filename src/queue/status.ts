/**
 * A queue's state: how much of the input is in it, jobs by state, records
 * annotated and collected, the rate over the last minute and the time left.
 */

import type { Queue, RedisClient } from 'bullmq';
import { QueueSetupError, redactUrl } from './connection.js';
import { batchOfJobId, checkMeta, ledeQueueNames, readMeta, type QueueMeta } from './protocol.js';
import { serverTime, type LedeKeys } from './scripts.js';

/** The window of the rate (ms). */
export const RATE_WINDOW_MS = 60_000;

export interface QueueStatus {
  queue: string;
  /** The input: records and batches added so far; complete once the producer read it to its end. */
  input: { records: number; batches: number; complete: boolean };
  /** Jobs by state (completed: annotated, not yet collected). */
  jobs: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  /** Worker processes connected now. */
  workers: number;
  /** Records annotated (collected ones included). */
  annotated: number;
  /** Records written by the collector. */
  collected: number;
  /** Records annotated per second over the last minute; null before any. */
  rate: number | null;
  /** Seconds until every record is annotated at that rate; null while the input is incomplete or the rate unknown. */
  secondsLeft: number | null;
  /** Every record written. */
  done: boolean;
}

async function annotatedRecords(queue: Queue, client: RedisClient, keys: LedeKeys, collectedBatches: number): Promise<number> {
  const completed = (await queue.getRanges(['completed'], 0, -1)).map(batchOfJobId).filter((b): b is number => b !== null && b >= collectedBatches);
  let records = 0;
  for (let i = 0; i < completed.length; i += 1000) {
    const entries = await client.hmget(keys.batches, ...completed.slice(i, i + 1000).map(String));
    for (const entry of entries) records += Number((entry ?? '').split(' ')[1] ?? 0);
  }
  return records;
}

async function rateOf(client: RedisClient, keys: LedeKeys, meta: QueueMeta): Promise<number | null> {
  const now = await serverTime(client);
  const from = Math.max(now - RATE_WINDOW_MS, meta.started ?? now);
  const seconds = (now - from) / 1000;
  if (seconds < 1) return null;
  const members = await client.zrange(keys.finished, 0, -1, { WITHSCORES: true });
  let records = 0;
  for (let i = 0; i + 1 < members.length; i += 2) {
    if (Number(members[i + 1]) >= from) records += Number(members[i]!.split(':')[1] ?? 0);
  }
  return records / seconds;
}

export async function readQueueStatus(queue: Queue, client: RedisClient, keys: LedeKeys, context: { command: string; url: string; name: string }): Promise<QueueStatus> {
  const meta = await readMeta(client, keys);
  if (meta === null) {
    const others = await ledeQueueNames(client);
    throw new QueueSetupError(
      `${context.command}: there is no lede queue "${context.name}" at ${redactUrl(context.url)}` +
        (others.length > 0 ? ` (its lede queues: ${others.join(', ')}); name one with --queue NAME.` : ' (nor any other lede queue): fill one with `lede queue add`.'),
    );
  }
  checkMeta(meta, { ...context, sameVersion: false });
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'paused');
  const cursor = await client.hgetall(keys.cursor);
  const collectedBatches = Number(cursor.next ?? 0);
  const collected = Number(cursor.lines ?? 0);
  const annotated = collected + (await annotatedRecords(queue, client, keys, collectedBatches));
  const rate = await rateOf(client, keys, meta);
  const left = meta.lines - annotated;
  return {
    queue: context.name,
    input: { records: meta.lines, batches: meta.batches, complete: meta.ended },
    jobs: {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
    },
    workers: await queue.getWorkersCount(),
    annotated,
    collected,
    rate,
    secondsLeft: meta.ended && rate !== null && rate > 0 ? Math.max(0, left) / rate : null,
    done: meta.ended && collectedBatches >= meta.batches,
  };
}
