/**
 * A lease in Redis: at most one producer and one collector work on a queue at a
 * time (two collectors would both write the same results). The holder renews it
 * every few seconds; a process killed without releasing it is replaced at once
 * when the new one runs on the same machine (its process id is gone), else when
 * the lease lapses.
 */

import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { RedisClient } from 'bullmq';
import { QueueSetupError } from './connection.js';
import { runScript, type ScriptName } from './scripts.js';

export const LEASE_TTL_MS = 10_000;

interface Holder {
  host: string;
  pid: number;
  token: string;
}

export interface Lease {
  /** The lease's value: the fenced scripts check it. */
  readonly value: string;
  readonly ttlMs: number;
  /** Throws a QueueSetupError once another process has taken the lease. */
  assertHeld(): void;
  /**
   * Runs a script fenced by the lease (its first key the lease, its first two
   * arguments the lease's value and time to live, see scripts.ts) and returns what
   * it returns: it changes nothing, and this throws, when another process holds the lease.
   */
  fenced(script: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<number>;
  /** Stops renewing and gives the lease up. */
  release(): Promise<void>;
}

function parseHolder(value: string): Holder | null {
  try {
    const holder = JSON.parse(value) as Partial<Holder>;
    return typeof holder.host === 'string' && typeof holder.pid === 'number' ? (holder as Holder) : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface LeaseOptions {
  /** What holds it, for messages: 'collector', 'producer'. */
  role: string;
  command: string;
  queueName: string;
  ttlMs?: number;
  log?(line: string): void;
}

export async function acquireLease(client: RedisClient, key: string, options: LeaseOptions): Promise<Lease> {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const value = JSON.stringify({ host: hostname(), pid: process.pid, token: randomUUID() } satisfies Holder);
  const deadline = Date.now() + ttlMs + 1000;
  let waitingFor: string | null = null;
  for (;;) {
    const current = await runScript<string>(client, 'ledeLeaseAcquire1', [key], [value, ttlMs, '']);
    if (current === '') break;
    const holder = parseHolder(current);
    if (holder && holder.host === hostname() && !isRunning(holder.pid)) {
      // A process of this machine that is gone (killed): take its place now.
      if ((await runScript<string>(client, 'ledeLeaseAcquire1', [key], [value, ttlMs, current])) === '') break;
      continue;
    }
    const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another process';
    if (Date.now() > deadline) {
      throw new QueueSetupError(
        `${options.command}: another ${options.role} (${who}) is at work on queue "${options.queueName}"; only one may run at a time. ` +
          `Stop it first; if it was killed, run this again in ${Math.ceil(ttlMs / 1000)} s, when its lease has lapsed.`,
      );
    }
    if (waitingFor !== current) {
      waitingFor = current;
      options.log?.(`${options.command}: queue "${options.queueName}" has another ${options.role} (${who}); waiting up to ${Math.ceil(ttlMs / 1000)} s for its lease to lapse.`);
    }
    await sleep(500);
  }

  let lost = false;
  let renewing = false;
  const timer = setInterval(() => {
    if (renewing || lost) return;
    renewing = true;
    runScript<number>(client, 'ledeLeaseRenew1', [key], [value, ttlMs])
      .then((held) => {
        if (Number(held) === 0) lost = true;
      })
      .catch(() => undefined) // Redis is away: the next renewal (or fenced change) tries again
      .finally(() => {
        renewing = false;
      });
  }, Math.floor(ttlMs / 3));
  timer.unref();

  const assertHeld = (): void => {
    if (lost) {
      throw new QueueSetupError(
        `${options.command}: another ${options.role} took over queue "${options.queueName}" (this one stalled for more than ${Math.ceil(ttlMs / 1000)} s); this one stops.`,
      );
    }
  };
  return {
    value,
    ttlMs,
    assertHeld,
    async fenced(script, fencedKeys, args) {
      assertHeld();
      const result = Number(await runScript<number>(client, script, [key, ...fencedKeys], [value, ttlMs, ...args]));
      if (result === 0) lost = true;
      assertHeld();
      return result;
    },
    async release() {
      clearInterval(timer);
      await runScript(client, 'ledeLeaseRelease1', [key], [value]).catch(() => undefined);
    },
  };
}
