/**
 * The collector's side of the queue: the results of batch after batch in input
 * order, and a cursor in Redis (lede:<queue>:cursor) that says how many batches
 * have been written. Writing a batch goes: write it, make it durable, advance the
 * cursor (fenced by the collector's lease), remove the job. A collector that
 * stopped anywhere in between resumes from the cursor; what it wrote after the
 * cursor's position is cut off by the output (see output-sink.ts), so no record
 * is written twice and none is lost.
 */

import type { Job } from 'bullmq';
import { openQueue, type OpenedQueue } from './connection.js';
import { acquireLease, type Lease } from './lease.js';
import { batchOfJobId, checkMeta, jobId, readerMeta, readMeta, type BatchJobData, type BatchJobReturn, type QueueMeta } from './protocol.js';
import { failedBatchResult, type CollectedBatch } from './results.js';
import { ledeKeys, outputKey, type LedeKeys } from './scripts.js';

/** Where the collector wrote, kept with the cursor: a restart into the same output resumes it. */
export interface SinkRecord {
  host: string;
  /** Absolute path of the output file; null for standard output or a library consumer. */
  path: string | null;
  format: string;
  /** Bytes of the file up to the cursor (stream formats), else null. */
  bytes: number | null;
}

export interface CollectorCursor {
  /** The next batch to write: batches before it are written and removed from Redis. */
  next: number;
  /** Records written. */
  lines: number;
  sink: SinkRecord | null;
}

export interface CollectorOptions {
  url: string;
  name: string;
  command: string;
  log?(line: string): void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The longest wait between two looks for the next batch (ms); the wait doubles from
 * 25 ms up to this. At the end of a run it is how late the collector may notice the
 * last batch. From the last job done to the collector's exit, in runs of 4,000
 * articles with two worker processes, took 52–423 ms (seven runs) with 500 here and
 * 33–127 ms (ten runs) with 100. A look while the next batch is not done is two small
 * commands (the meta and that job's state): three in the first 175 ms of a wait, then
 * ten a second.
 */
const MAX_POLL_MS = 100;

function isReturn(value: unknown): value is BatchJobReturn {
  return typeof value === 'object' && value !== null && Array.isArray((value as BatchJobReturn).errors);
}

export class Collector {
  private constructor(
    private readonly opened: OpenedQueue,
    private readonly lease: Lease,
    private readonly keys: LedeKeys,
    private readonly options: CollectorOptions,
    public cursor: CollectorCursor,
    public meta: QueueMeta | null,
  ) {}

  /** Connects, takes the collector's lease and reads the cursor. */
  static async open(options: CollectorOptions): Promise<Collector> {
    const opened = await openQueue({ url: options.url, name: options.name, command: options.command, log: options.log });
    const keys = ledeKeys(options.name);
    try {
      const meta = await readerMeta(opened.client, keys, opened.queue, options);
      if (meta) checkMeta(meta, { ...options, sameVersion: false });
      const lease = await acquireLease(opened.client, keys.collector, {
        role: 'collector (lede queue collect)',
        command: options.command,
        queueName: options.name,
        log: options.log,
      });
      const raw = await opened.client.hgetall(keys.cursor);
      const cursor: CollectorCursor = {
        next: Number(raw.next ?? 0),
        lines: Number(raw.lines ?? 0),
        sink: raw.sink ? (JSON.parse(raw.sink) as SinkRecord | null) : null,
      };
      return new Collector(opened, lease, keys, options, cursor, meta);
    } catch (error) {
      await opened.close();
      throw error;
    }
  }

  /** The queue's meta (re-read), checked; null while no producer has run. */
  async readMeta(): Promise<QueueMeta | null> {
    const meta = await readMeta(this.opened.client, this.keys);
    if (meta) checkMeta(meta, { ...this.options, sameVersion: false });
    this.meta = meta;
    return meta;
  }

  /** True once the producer has read its input to the end and every batch is written. */
  get finished(): boolean {
    return this.meta !== null && this.meta.ended && this.cursor.next >= this.meta.batches;
  }

  /** Records before batch `batch` (from the registry). */
  async linesBefore(batch: number): Promise<number> {
    if (batch === 0) return 0;
    const entry = await this.opened.client.hget(this.keys.batches, String(batch - 1));
    const [, count = '0', first = '1'] = (entry ?? '').split(' ');
    return Number(first) - 1 + Number(count);
  }

  /** The batch of a job done (its output lines read from their key, or null), or null while it is not. */
  private async batchOf(job: Job, batch: number, output: string | null): Promise<CollectedBatch | null> {
    const data = job.data as BatchJobData;
    if (job.finishedOn && isReturn(job.returnvalue) && !job.returnvalue.stale) {
      if (output !== null) return { batch, firstLineNumber: data.firstLineNumber, lines: data.lines, result: { output, errors: job.returnvalue.errors } };
      // Done, and its output gone (Redis lost it in a crash, or it was removed by hand): annotated again.
      this.options.log?.(
        `${this.options.command}: the output of batch ${batch} (records from line ${data.firstLineNumber}) is not in Redis (Redis lost it, or it was removed); ` +
          'its job goes back to the queue to be annotated again.',
      );
      await job.retry('completed');
      return null;
    }
    if (job.finishedOn && job.failedReason && (await job.getState()) === 'failed') {
      const fields = this.meta?.fields ?? data.fields;
      return { batch, firstLineNumber: data.firstLineNumber, lines: data.lines, result: failedBatchResult(data.lines, data.firstLineNumber, fields, job.failedReason) };
    }
    return null;
  }

  /**
   * The next batches from the cursor that are done, in order (up to `max`).
   * While none is, waits (or, with `wait` false, returns []). Returns [] once the
   * input is read to its end and every batch written; `stop()` true ends the wait.
   */
  async next(max: number, options: { wait: boolean; stop?: () => boolean }): Promise<CollectedBatch[]> {
    let delay = 25;
    let told = '';
    const tell = (line: string): void => {
      if (told === line) return;
      told = line;
      this.options.log?.(line);
    };
    for (;;) {
      this.lease.assertHeld();
      const meta = await this.readMeta();
      if (meta === null) tell(`${this.options.command}: queue "${this.options.name}" is empty; waiting for \`lede queue add\`.`);
      else {
        if (this.finished) return [];
        const from = this.cursor.next;
        const count = Math.max(0, Math.min(max, meta.batches - from));
        // States first (cheap), then the jobs done from the cursor on (their lines and results).
        // Batches are written in order: while the cursor's own is not done, its state alone is read.
        const states = await this.statesFrom(from, count);
        const done = states.findIndex((state) => state !== 'completed' && state !== 'failed');
        const doneCount = done === -1 ? count : done;
        const [jobs, outputs] = await Promise.all([
          Promise.all(Array.from({ length: doneCount }, (_, i) => this.opened.queue.getJob(jobId(from + i)))),
          Promise.all(Array.from({ length: doneCount }, (_, i) => this.opened.client.get(outputKey(this.keys, from + i)))),
        ]);
        if (states[0] === 'unknown') jobs.push(undefined);
        const ready: CollectedBatch[] = [];
        for (const [i, job] of jobs.entries()) {
          if (!job) {
            if (i === 0) {
              tell(
                `${this.options.command}: batch ${from} (records from line ${(await this.linesBefore(from)) + 1}) was added but is not in Redis: ` +
                  'Redis lost it (run Redis with appendonly yes) or it was removed. Run `lede queue add` again with the same input: it adds what is missing.',
              );
            }
            break;
          }
          const batch = await this.batchOf(job, from + i, outputs[i] ?? null);
          if (!batch) break;
          ready.push(batch);
        }
        if (ready.length > 0) return ready;
      }
      if (!options.wait || options.stop?.()) return [];
      await sleep(delay);
      delay = Math.min(delay * 2, MAX_POLL_MS);
    }
  }

  /** The states of the jobs of batches `from` to `from + count - 1`, or of `from` alone when it is not done. */
  private async statesFrom(from: number, count: number): Promise<string[]> {
    if (count === 0) return [];
    const queue = this.opened.queue;
    const first = await queue.getJobState(jobId(from));
    if (first !== 'completed' && first !== 'failed') return [first];
    return [first, ...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => queue.getJobState(jobId(from + 1 + i)))))];
  }

  /** Records that the batches before `next` are written (`lines` records in all, to `sink`), and removes their output and jobs. */
  async advance(next: number, lines: number, sink: SinkRecord | null): Promise<void> {
    const from = this.cursor.next;
    await this.lease.fenced('ledeCursorAdvance2', [this.keys.cursor], [next, lines, JSON.stringify(sink), this.keys.output, from]);
    this.cursor = { next, lines, sink };
    await Promise.all(Array.from({ length: Math.max(0, next - from) }, (_, i) => this.opened.queue.remove(jobId(from + i))));
  }

  /** Removes jobs of batches already written that were added again meanwhile (a producer racing the collector). */
  async removeStale(): Promise<void> {
    const ids = await this.opened.queue.getRanges(['completed', 'failed', 'wait', 'delayed', 'prioritized', 'paused'], 0, -1);
    const stale = ids.filter((id) => {
      const batch = batchOfJobId(id);
      return batch !== null && batch < this.cursor.next;
    });
    await Promise.all(stale.map((id) => this.opened.queue.remove(id)));
  }

  async close(): Promise<void> {
    await this.lease.release();
    await this.opened.close();
  }
}
