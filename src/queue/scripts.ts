/**
 * lede's own keys beside BullMQ's, and the Lua scripts that change them. Each
 * change that must not interleave with another is one script (Redis runs a
 * script atomically), and every change made by the producer or the collector is
 * fenced by its lease: a process that lost its lease (another took over after
 * it stalled) changes nothing.
 *
 *   lede:<queue>:meta       hash: protocol, version, run, fields, batches, lines, ended, started
 *   lede:<queue>:batches    hash: batch index → "<chain hash> <lines> <first line number>"
 *   lede:<queue>:cursor     hash: next (batches collected), lines (records collected), sink
 *   lede:<queue>:output:<batch>  string: the batch's output lines, from its worker to the collector
 *   lede:<queue>:finished   sorted set: "<batch>:<lines>" by the time it was annotated (the rate)
 *   lede:<queue>:producer   lease of the one `lede queue add` at work
 *   lede:<queue>:collector  lease of the one `lede queue collect` at work
 */

import type { RedisClient } from 'bullmq';

export interface LedeKeys {
  meta: string;
  batches: string;
  cursor: string;
  finished: string;
  producer: string;
  collector: string;
  /** Prefix of the batches' output keys (outputKey). */
  output: string;
}

export function ledeKeys(queue: string): LedeKeys {
  const prefix = `lede:${queue}:`;
  return {
    meta: `${prefix}meta`,
    batches: `${prefix}batches`,
    cursor: `${prefix}cursor`,
    finished: `${prefix}finished`,
    producer: `${prefix}producer`,
    collector: `${prefix}collector`,
    output: `${prefix}output:`,
  };
}

/**
 * The key of a batch's output lines. A worker stores them there (ledeOutputPut1), not
 * in the job's return value: BullMQ stores a return value as JSON, in the job and again
 * in the queue's event stream ('completed'), so each batch's output (about 1 MB for 200
 * news articles) was escaped into JSON by the worker, written to Redis (and its
 * append-only file) twice, and read back and parsed by the collector. The collector
 * removes the key as it advances its cursor past the batch (ledeCursorAdvance2).
 */
export function outputKey(keys: LedeKeys, batch: number): string {
  return `${keys.output}${batch}`;
}

/** Takes the lease in KEYS[1] when it is free, ours, or held by ARGV[3] (a dead process); else returns its holder. */
const LEASE_ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if (not current) or current == ARGV[1] or (ARGV[3] ~= '' and current == ARGV[3]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ''
end
return current`;

/** Checks that the lease in KEYS[1] is ours (or lapsed: then takes it again) and extends it. */
const FENCE = `
local current = redis.call('GET', KEYS[1])
if current and current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
`;

const SCRIPTS = {
  ledeLeaseAcquire1: { keys: 1, lua: LEASE_ACQUIRE },
  ledeLeaseRenew1: { keys: 1, lua: `${FENCE}\nreturn 1` },
  ledeLeaseRelease1: { keys: 1, lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end\nreturn 1` },
  /**
   * KEYS: lease, meta, batches. ARGV: lease, ttl, batch index, registry entry, lines added in all.
   * Returns 2, changing nothing, when the registry does not end just before this batch: Redis
   * lost the last batches added (it restarted without their writes on disk). Returns 1 when
   * the registry already ends with this very entry: the call ran, its reply was lost with the
   * connection, and the client sent it again after reconnecting.
   */
  ledeBatchAdded1: {
    keys: 3,
    lua: `${FENCE}
local batches = redis.call('HGET', KEYS[2], 'batches')
if batches == tostring(tonumber(ARGV[3]) + 1) and redis.call('HGET', KEYS[3], ARGV[3]) == ARGV[4] then return 1 end
if batches ~= ARGV[3] then return 2 end
redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
redis.call('HSET', KEYS[2], 'batches', tonumber(ARGV[3]) + 1, 'lines', ARGV[5])
redis.call('HDEL', KEYS[2], 'ended')
return 1`,
  },
  /** KEYS: lease, meta. ARGV: lease, ttl, batches. Marks the input read to its end (if no batch came since). */
  ledeInputEnded1: {
    keys: 2,
    lua: `${FENCE}
if redis.call('HGET', KEYS[2], 'batches') == ARGV[3] then redis.call('HSET', KEYS[2], 'ended', '1') end
return 1`,
  },
  /**
   * KEYS: lease, cursor. ARGV: lease, ttl, next batch, records collected, sink (JSON),
   * output key prefix, first batch not yet collected. Advances the cursor and removes the
   * output of the batches it passes, in one step: no output is left behind by a collector
   * that stops between the two, and none is stored after it (ledeOutputPut1).
   */
  ledeCursorAdvance2: {
    keys: 2,
    lua: `${FENCE}
redis.call('HSET', KEYS[2], 'next', ARGV[3], 'lines', ARGV[4], 'sink', ARGV[5])
for batch = tonumber(ARGV[7]), tonumber(ARGV[3]) - 1 do redis.call('DEL', ARGV[6] .. batch) end
return 1`,
  },
  /**
   * KEYS: cursor, the batch's output key. ARGV: batch, its output lines. Stores them unless
   * the collector is past the batch (a stale copy of it, or a worker that finished a job
   * another finished and had collected first); returns 1 when stored, else 0.
   */
  ledeOutputPut1: {
    keys: 2,
    lua: `if tonumber(ARGV[1]) < tonumber(redis.call('HGET', KEYS[1], 'next') or '0') then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
return 1`,
  },
  /** KEYS: meta. Records when the first job started (the rate's start). */
  ledeJobStarted1: {
    keys: 1,
    lua: `local t = redis.call('TIME')
redis.call('HSETNX', KEYS[1], 'started', t[1] * 1000 + math.floor(t[2] / 1000))
return 1`,
  },
  /** KEYS: finished. ARGV: member ("<batch>:<lines>"), how long to keep members (ms). */
  ledeJobFinished1: {
    keys: 1,
    lua: `local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
return 1`,
  },
  /** The server's clock in ms (one clock for every machine). */
  ledeTime1: { keys: 0, lua: `local t = redis.call('TIME')\nreturn t[1] * 1000 + math.floor(t[2] / 1000)` },
} as const;

export type ScriptName = keyof typeof SCRIPTS;

export function defineScripts(client: RedisClient): void {
  for (const [name, script] of Object.entries(SCRIPTS)) client.defineCommand(name, { numberOfKeys: script.keys, lua: script.lua });
}

export function runScript<T = unknown>(client: RedisClient, name: ScriptName, keys: readonly string[], args: readonly (string | number)[] = []): Promise<T> {
  return client.runCommand(name, [...keys, ...args.map(String)]) as Promise<T>;
}

/** The Redis server's clock, in ms since 1970. */
export async function serverTime(client: RedisClient): Promise<number> {
  return Number(await runScript(client, 'ledeTime1', []));
}
