/**
 * The options of the queue commands and of lede/queue, with their defaults and
 * checks (no BullMQ here: the command line reads them before loading it).
 */

import { describeValue, LedeOptionError } from '../core/errors.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE_NAME = 'lede';
/** How long a first connection may take before the command gives up (exit status 2 in the CLI). */
export const CONNECT_TIMEOUT_MS = 5000;
export const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const DEFAULT_BATCH_SIZE = 200;
export const MAX_BATCH_SIZE = 10_000;
export const DEFAULT_MAX_WAITING = 50;
/** Default time after which the job of a worker that stopped (killed, machine lost) is taken back and retried. */
export const DEFAULT_STALL_TIMEOUT_S = 30;

/** Checks a Redis URL (`redis://[user:password@]host[:port][/db]`, `rediss://` for TLS). */
export function checkRedisUrl(value: unknown, option = 'redis'): string {
  const example = 'such as redis://127.0.0.1:6379, redis://:PASSWORD@host:6379/0 or rediss://host:6380 (TLS)';
  if (typeof value !== 'string') throw new LedeOptionError(option, `Invalid ${option}: expected a Redis URL ${example}; got ${describeValue(value)}.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LedeOptionError(option, `Invalid ${option}: "${value}" is not a URL; expected a Redis URL ${example}.`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new LedeOptionError(option, `Invalid ${option}: "${redactUrl(value)}" is not a Redis URL (it starts with ${url.protocol}//); expected one ${example}.`);
  }
  if (url.hostname === '') throw new LedeOptionError(option, `Invalid ${option}: "${redactUrl(value)}" names no host; expected a Redis URL ${example}.`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db)) {
    throw new LedeOptionError(option, `Invalid ${option}: "${redactUrl(value)}" names the database "${db}"; a Redis database is a number, as in redis://host:6379/0.`);
  }
  return value;
}

/** Checks a queue name: letters, digits, '.', '_' and '-', up to 100 characters. */
export function checkQueueName(value: unknown, option = 'queue'): string {
  if (typeof value !== 'string' || !QUEUE_NAME.test(value)) {
    throw new LedeOptionError(
      option,
      `Invalid ${option}: a queue name is 1 to 100 letters, digits, '.', '_' or '-' (starting with a letter or digit), such as "lede" or "archive-2024"; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/** The URL without its password, for messages. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}

function wholeNumber(value: unknown, option: string, min: number, max: number, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LedeOptionError(option, `Invalid ${option}: expected ${what}, a whole number from ${min} to ${max} (default ${fallback}); got ${describeValue(value)}.`);
  }
  return value;
}

/** Checks the batch size (--batch). */
export function checkBatchSize(value: unknown, option = 'batchSize'): number {
  return wholeNumber(value, option, 1, MAX_BATCH_SIZE, DEFAULT_BATCH_SIZE, 'the records per job');
}

/** Checks the back-pressure limit (--max-waiting). */
export function checkMaxWaiting(value: unknown, option = 'maxWaiting'): number {
  return wholeNumber(value, option, 1, 1_000_000, DEFAULT_MAX_WAITING, 'the jobs that may wait for workers');
}

/** Checks the stall timeout (--stall-timeout), in seconds. */
export function checkStallTimeout(value: unknown, option = 'stallTimeout'): number {
  return wholeNumber(value, option, 1, 3600, DEFAULT_STALL_TIMEOUT_S, 'seconds');
}

