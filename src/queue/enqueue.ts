/**
 * The producer: JSONL lines into jobs of consecutive lines, with stable ids and
 * back-pressure.
 *
 * Batch i is job `batch-i`; the registry (lede:<queue>:batches) keeps, for each
 * batch added, its line count and a hash chained over the input so far. A
 * producer run again on the same input (after a crash, or by mistake) finds
 * every batch in the registry with the same hash and adds nothing; on an input
 * that grew at its end it adds only the new lines; on another input it stops
 * with a message. Batches already added but not yet collected are added again
 * with their ids, which BullMQ ignores unless the job was lost. One producer at
 * a time (a lease).
 */

import { createHash, randomUUID } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { FieldNames } from '../batch/annotate-record.js';
import { openQueue, QueueSetupError, redactUrl } from './connection.js';
import { acquireLease } from './lease.js';
import { checkMeta, checkNotForeign, JOB_NAME, jobId, QUEUE_PROTOCOL, readMeta, thisLedeVersion, type BatchJobData, type QueueMeta } from './protocol.js';
import { ledeKeys } from './scripts.js';

/** A new batch also ends before its text passes this many characters (so one job never holds much). */
export const MAX_BATCH_CHARS = 4 * 1024 * 1024;

/** Tries of a job whose worker failed (not a record error: those are results). */
const JOB_OPTIONS: JobsOptions = { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false };

export interface EnqueueSummary {
  /** Records (input lines) read. */
  records: number;
  /** Records added to the queue by this run. */
  addedRecords: number;
  /** Records that the queue held already (the same lines, added before). */
  queuedBefore: number;
  /** Batches (jobs) added by this run. */
  addedBatches: number;
  /** Batches the queue holds for this input. */
  batches: number;
}

export interface EnqueueProgress {
  records: number;
  bytes: number;
}

export interface EnqueueLinesOptions {
  url: string;
  name: string;
  fields: FieldNames;
  batchSize: number;
  maxWaiting: number;
  command: string;
  log?(line: string): void;
  onProgress?(progress: EnqueueProgress): void;
}

export interface LineToAdd {
  text: string;
  /** Bytes the line took in the input (for progress). */
  bytes?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function chainHash(previous: string, lines: readonly string[]): string {
  return createHash('sha256').update(previous).update('\n').update(lines.join('\n')).digest('hex').slice(0, 32);
}

interface RegistryEntry {
  hash: string;
  lines: number;
}

function sameFields(a: FieldNames, b: FieldNames): boolean {
  return a.text === b.text && a.date === b.date && a.id === b.id;
}

function describeFields(fields: FieldNames): string {
  return `--text-field ${fields.text} --date-field ${fields.date} --id-field ${fields.id}`;
}

/** Adds JSONL lines to the queue as batches; resolves once every line is in Redis. */
export async function enqueueLines(lines: AsyncIterable<LineToAdd>, options: EnqueueLinesOptions): Promise<EnqueueSummary> {
  const { url, name, command } = options;
  const opened = await openQueue({ url, name, command, log: options.log });
  const { queue, client } = opened;
  const keys = ledeKeys(name);
  try {
    const lease = await acquireLease(client, keys.producer, { role: 'producer (lede queue add)', command, queueName: name, log: options.log });
    try {
      const check = { command, url, name, sameVersion: true };
      let meta: QueueMeta | null = await readMeta(client, keys);
      if (meta === null) {
        await checkNotForeign(queue, check);
        await client.hset(keys.meta, {
          protocol: QUEUE_PROTOCOL,
          version: thisLedeVersion(),
          run: randomUUID(),
          fields: JSON.stringify(options.fields),
          batches: 0,
          lines: 0,
        });
        meta = (await readMeta(client, keys))!;
      }
      checkMeta(meta, check);
      if (!sameFields(meta.fields, options.fields)) {
        throw new QueueSetupError(
          `${command}: queue "${name}" at ${redactUrl(url)} was filled with ${describeFields(meta.fields)}; this run asks for ${describeFields(options.fields)}. ` +
            'Use the same field names, or another queue (--queue NAME) for this input.',
        );
      }
      const known = meta.batches;
      const collected = Number((await client.hget(keys.cursor, 'next')) ?? 0);

      const registry = new Map<number, RegistryEntry>();
      const entryOf = async (batch: number): Promise<RegistryEntry> => {
        if (!registry.has(batch)) {
          registry.clear();
          const indexes = Array.from({ length: Math.min(1000, known - batch) }, (_, i) => String(batch + i));
          const values = await client.hmget(keys.batches, ...indexes);
          values.forEach((value, i) => {
            const [hash = '', count = '0'] = (value ?? '').split(' ');
            registry.set(batch + i, { hash, lines: Number(count) });
          });
        }
        return registry.get(batch)!;
      };

      const summary: EnqueueSummary = { records: 0, addedRecords: 0, queuedBefore: 0, addedBatches: 0, batches: known };
      const progress: EnqueueProgress = { records: 0, bytes: 0 };
      let chain = '';
      let batch = 0;
      let firstLineNumber = 1;
      let pending: string[] = [];
      let pendingChars = 0;
      let waitingLogged = false;

      const waitForRoom = async (): Promise<void> => {
        for (;;) {
          const waiting = await queue.getWaitingCount();
          if (waiting <= options.maxWaiting) return;
          if (!waitingLogged) {
            waitingLogged = true;
            options.log?.(`${command}: ${waiting} jobs are waiting for workers (more than ${options.maxWaiting}); adding more as they are taken.`);
          }
          lease.assertHeld();
          await sleep(250);
        }
      };

      const addBatch = async (): Promise<void> => {
        const batchLines = pending;
        pending = [];
        pendingChars = 0;
        chain = chainHash(chain, batchLines);
        const data: BatchJobData = { protocol: QUEUE_PROTOCOL, version: meta.version, batch, firstLineNumber, lines: batchLines, fields: options.fields };
        if (batch < known) {
          const entry = await entryOf(batch);
          if (entry.hash !== chain) {
            throw new QueueSetupError(
              `${command}: lines ${firstLineNumber}–${firstLineNumber + batchLines.length - 1} differ from those queue "${name}" holds: it was filled from another input. ` +
                'Use another queue (--queue NAME) for this input.',
            );
          }
          summary.queuedBefore += batchLines.length;
          // Not yet collected: add it again under its id, which BullMQ ignores unless the job was lost.
          if (batch >= collected) await queue.add(JOB_NAME, data, { ...JOB_OPTIONS, jobId: jobId(batch) });
        } else {
          await waitForRoom();
          await queue.add(JOB_NAME, data, { ...JOB_OPTIONS, jobId: jobId(batch) });
          const lineCount = firstLineNumber - 1 + batchLines.length;
          const added = await lease.fenced('ledeBatchAdded1', [keys.meta, keys.batches], [batch, `${chain} ${batchLines.length} ${firstLineNumber}`, lineCount]);
          if (added === 2) {
            throw new QueueSetupError(
              `${command}: Redis at ${redactUrl(url)} lost the last batches added to queue "${name}" (it restarted without their writes on disk: run it with appendonly yes). ` +
                'Run `lede queue add` again with the same input: it adds what is missing.',
            );
          }
          summary.addedRecords += batchLines.length;
          summary.addedBatches++;
          summary.batches = batch + 1;
        }
        firstLineNumber += batchLines.length;
        batch++;
      };

      /** Lines of the batch being read: as the registry says for a batch added before, else --batch. */
      const sizeOf = async (index: number): Promise<number> => (index < known ? (await entryOf(index)).lines : options.batchSize);
      let size = await sizeOf(0);
      for await (const line of lines) {
        pending.push(line.text);
        pendingChars += line.text.length;
        summary.records++;
        progress.records++;
        progress.bytes += line.bytes ?? 0;
        if (pending.length >= size || (batch >= known && pendingChars >= MAX_BATCH_CHARS)) {
          await addBatch();
          size = await sizeOf(batch);
          options.onProgress?.(progress);
        }
      }
      if (batch < known) {
        if (summary.records < meta.lines) {
          options.log?.(
            `${command}: queue "${name}" holds ${meta.lines} records of this input, more than the ${summary.records} read: nothing added.`,
          );
        }
      } else {
        if (pending.length > 0) await addBatch();
        await lease.fenced('ledeInputEnded1', [keys.meta], [batch]);
      }
      options.onProgress?.(progress);
      return summary;
    } finally {
      await lease.release();
    }
  } finally {
    await opened.close();
  }
}
