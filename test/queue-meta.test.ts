/**
 * settleMeta: how a queue reader (a worker, the collector) decides whose queue it
 * joins. A queue with lede's meta is lede's; one with neither meta nor jobs waits
 * for `lede queue add`; one with jobs and no meta is another application's. The
 * producer writes its meta before its first job, so a reader that finds no meta,
 * then jobs, reads the meta again before it refuses: a producer starting at that
 * moment once made the collector refuse its own queue.
 */

import { describe, expect, it } from 'vitest';
import { QUEUE_PROTOCOL, settleMeta, type QueueMeta } from '../src/queue/protocol.js';

const meta = { protocol: QUEUE_PROTOCOL, version: '0.0.0', run: 'r', fields: null, batches: 0, lines: 0, ended: false } as unknown as QueueMeta;
const check = { command: 'lede queue collect', url: 'redis://127.0.0.1:6379', name: 'q' };

/** A queue whose meta reads give `reads` in turn and whose job count is `jobs`. */
function queue(reads: (QueueMeta | null)[], jobs: number) {
  let n = 0;
  const asked = { reads: 0, counts: 0 };
  const read = async (): Promise<QueueMeta | null> => {
    asked.reads++;
    return reads[Math.min(n++, reads.length - 1)]!;
  };
  const countJobs = async (): Promise<number> => {
    asked.counts++;
    return jobs;
  };
  return { read, countJobs, asked };
}

describe('settleMeta', () => {
  it.each([
    ['a queue with lede’s meta', [meta], 3, meta, 1, 0],
    ['an empty queue no producer has filled', [null], 0, null, 1, 1],
    ['a producer that wrote its meta and first job between the read and the count', [null, meta], 1, meta, 2, 1],
  ] as const)('%s', async (_name, reads, jobs, expected, readCount, countCount) => {
    const q = queue([...reads], jobs);
    await expect(settleMeta(q.read, q.countJobs, check)).resolves.toBe(expected);
    expect(q.asked).toEqual({ reads: readCount, counts: countCount });
  });

  it('refuses a queue with jobs and no meta, read twice', async () => {
    const q = queue([null, null], 2);
    await expect(settleMeta(q.read, q.countJobs, check)).rejects.toThrow(/holds 2 jobs that lede did not add .*another application/);
    expect(q.asked).toEqual({ reads: 2, counts: 1 });
  });
});
