/**
 * Connecting to Redis through BullMQ, failing fast with a message that says
 * what to do when Redis is not there (BullMQ and ioredis otherwise retry for
 * ever), and staying connected once it was: after a lost connection every
 * command waits for the reconnection, so a Redis restart loses nothing.
 * Node only; BullMQ is loaded here, on demand.
 */

import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { ConnectionOptions, Queue, RedisClient } from 'bullmq';
import { CONNECT_TIMEOUT_MS, redactUrl } from './options.js';
import { defineScripts } from './scripts.js';

export { redactUrl };

export type BullMQ = typeof import('bullmq');

/**
 * Redis cannot be used as asked: unreachable, a wrong password, a queue that
 * holds jobs lede did not add or of another lede version, another collector at
 * work. The message says what to do; the CLI exits with status 2.
 */
export class QueueSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueSetupError';
  }
}

/** bullmq is not installed (it is an optional peer dependency). */
export class MissingBullmqError extends QueueSetupError {
  constructor(cause: unknown) {
    super(
      'lede queue needs the optional package bullmq (major version 5): install it with `npm install bullmq@5` next to lede, then run the command again.',
      { cause },
    );
    this.name = 'MissingBullmqError';
  }
}

const require = createRequire(import.meta.url);

/**
 * bullmq, by `require` (its CommonJS build): about 40 ms sooner than `import`, for
 * which Node scans each CommonJS module bullmq imports (ioredis, lodash and others)
 * for its exports. Every `lede queue` command pays it as it starts, `add` before its
 * first job reaches a worker.
 */
export async function loadBullmq(): Promise<BullMQ> {
  try {
    return require('bullmq') as BullMQ;
  } catch (error) {
    throw new MissingBullmqError(error);
  }
}

/**
 * Connection options for BullMQ: fail a first connection after CONNECT_TIMEOUT_MS;
 * afterwards reconnect quickly (every 0.25 s at first, then every 2 s) and let
 * commands wait for the reconnection rather than fail.
 */
export function connectionOptions(url: string): ConnectionOptions {
  return {
    url,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(250 * times, 2000),
  } as ConnectionOptions;
}

/**
 * BullMQ's connection reports the failure of a first connection (a wrong password)
 * as an 'error' event even after close() has removed its listeners, and an 'error'
 * event without listeners throws: such late errors are dropped. (If BullMQ renames
 * its `connection` field, nothing is patched.)
 */
function dropLateErrors(queue: Queue): void {
  const connection = (queue as unknown as { connection?: EventEmitter }).connection;
  if (!connection || typeof connection.emit !== 'function') return;
  const emit = connection.emit.bind(connection);
  connection.emit = (event: string | symbol, ...args: unknown[]): boolean =>
    event === 'error' && connection.listenerCount('error') === 0 ? false : emit(event, ...args);
}

function isAuthError(error: Error): boolean {
  return /NOAUTH|WRONGPASS|invalid password|invalid username-password|AUTH failed|ERR AUTH/i.test(error.message);
}

export interface OpenedQueue {
  bullmq: BullMQ;
  url: string;
  name: string;
  queue: Queue;
  client: RedisClient;
  /** Stops reporting connection losses and closes the queue's connection. */
  close(): Promise<void>;
}

export interface OpenQueueOptions {
  url: string;
  name: string;
  /** What the caller is, for messages ('lede queue add'). */
  command: string;
  /** Reports a lost or regained connection (a line on standard error in the CLI). */
  log?(line: string): void;
}

/**
 * Events BullMQ keeps in a queue's event stream (roughly: Redis trims it a node of
 * about a hundred entries at a time). lede reads none of them (the collector reads the
 * jobs), and a job's 'completed' event carries its return value. That was a batch's
 * output lines (about 1 MB for 200 news articles) before they got a key of their own
 * (outputKey in scripts.ts), and at BullMQ's default of 10,000 events Redis went on
 * holding about 5 KB per article of a run after it was collected (20 MB for 4,000); it
 * is the record errors now, and the stream is still no use to lede. Every lede command
 * that opens the queue sets it in the queue's meta, where BullMQ's scripts read it.
 */
export const EVENTS_KEPT = 100;

/** Connects a BullMQ queue, or throws a QueueSetupError within CONNECT_TIMEOUT_MS. */
export async function openQueue(options: OpenQueueOptions): Promise<OpenedQueue> {
  const bullmq = await loadBullmq();
  const { url, name, command } = options;
  const shown = redactUrl(url);
  const queue = new bullmq.Queue(name, { connection: connectionOptions(url), streams: { events: { maxLen: EVENTS_KEPT } } });
  dropLateErrors(queue);
  let lastError: Error | null = null;
  let connected = false;
  let lost = false;
  let failFast: ((error: Error) => void) | null = null;
  queue.on('error', (error: Error) => {
    lastError = error;
    if (!connected && isAuthError(error)) failFast?.(error);
    if (connected && !lost) {
      lost = true;
      options.log?.(`${command}: lost the connection to Redis at ${shown} (${error.message}); retrying until it is back.`);
    }
  });

  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    failFast = reject;
    timer = setTimeout(() => reject(lastError ?? new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  });
  let client: RedisClient;
  try {
    const ready = queue.waitUntilReady();
    ready.catch(() => undefined); // it may fail after giveUp has won (the race would leave its rejection unhandled)
    client = await Promise.race([ready, giveUp]);
  } catch (error) {
    // Closing a connection still being made disconnects it (disconnect() would wait for it to be made).
    await Promise.race([queue.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && isAuthError(error)) {
      throw new QueueSetupError(`${command}: Redis at ${shown} refused the credentials (${reason}): put the right user and password in the URL, as in redis://USER:PASSWORD@host:6379.`);
    }
    if (/version needs to be greater/i.test(reason)) {
      throw new QueueSetupError(`${command}: Redis at ${shown} is too old for BullMQ (${reason}): use Redis 6.2 or later.`);
    }
    throw new QueueSetupError(
      `${command}: cannot reach Redis at ${shown} (${reason}). Start Redis there (for instance \`redis-server --appendonly yes\`), or pass its URL with --redis, such as --redis redis://HOST:6379.`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  connected = true;
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    options.log?.(`${command}: connected to Redis at ${shown} again.`);
  });
  defineScripts(client);
  return {
    bullmq,
    url,
    name,
    queue,
    client,
    async close() {
      options.log = undefined;
      await queue.close().catch(() => queue.disconnect());
    },
  };
}
