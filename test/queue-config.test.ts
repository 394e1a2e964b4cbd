/**
 * `lede queue` refuses what it cannot work with: a wrong command line, Redis out
 * of reach, wrong credentials, a queue of another application, of another lede
 * protocol or version, another input or other field names for a queue: exit
 * status 2 within a few seconds, with a message that says what to do.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../src/cli/parse-command.js';
import { UsageError } from '../src/cli/usage.js';
import { tempDir } from './batch-helpers.js';
import { freePort, queueInput, redisCli, SKIP_QUEUE_TESTS, startRedis, trackedProcesses, type RedisServer } from './queue-helpers.js';

const { run: runCli } = trackedProcesses();
type CliRun = Awaited<ReturnType<typeof runCli>>;

describe('lede queue: the command line', () => {
  const refused: [string[], RegExp][] = [
    [['queue'], /lede queue: name what to do: lede queue add\|work\|collect\|status/],
    [['queue', 'start'], /unknown action "start"; expected one of add, work, collect, status/],
    [['queue', 'work', '--format', 'sqlite'], /lede queue work: --format does not apply here; it takes --redis, --queue, --workers, --stall-timeout/],
    [['queue', 'add', 'a.jsonl', 'b.jsonl'], /expected at most one input/],
    [['queue', 'status', 'extra'], /lede queue status: takes no file argument/],
    [['queue', 'add', '--redis', 'http://localhost:6379'], /"http:\/\/localhost:6379" is not a Redis URL \(it starts with http:\/\/\)/],
    [['queue', 'add', '--redis', 'localhost:6379'], /is not a Redis URL|is not a URL/],
    [['queue', 'add', '--redis', 'redis://host:6379/cache'], /a Redis database is a number/],
    [['queue', 'add', '--queue', 'a:b'], /a queue name is 1 to 100 letters, digits/],
    [['queue', 'add', '--batch', '0'], /Invalid --batch: expected the records per job, a whole number from 1 to 10000/],
    [['queue', 'add', '--max-waiting', 'many'], /Invalid --max-waiting/],
    [['queue', 'work', '--workers', '0'], /Invalid --workers/],
    [['queue', 'work', '--stall-timeout', '1.5'], /Invalid --stall-timeout: expected seconds/],
    [['queue', 'collect', '--format', 'csv'], /--format must be one of jsonl, es-bulk, sqlite, postgres; got "csv"/],
    [['queue', 'collect', '--format', 'sqlite'], /--format sqlite writes a database file: name it with -o/],
  ];
  it.each(refused)('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('reads each action with its defaults', () => {
    expect(parseCommand(['queue', 'add', 'in.jsonl'])).toEqual({
      kind: 'queue',
      action: 'add',
      redis: 'redis://127.0.0.1:6379',
      queue: 'lede',
      input: 'in.jsonl',
      fields: { text: 'text', date: 'publishedAt', id: 'id' },
      batchSize: 200,
      maxWaiting: 50,
    });
    expect(parseCommand(['queue', 'work', '--redis', 'rediss://:pw@q.example:6380/2', '--queue', 'feed-1', '--workers', '3', '--stall-timeout', '5'])).toEqual({
      kind: 'queue',
      action: 'work',
      redis: 'rediss://:pw@q.example:6380/2',
      queue: 'feed-1',
      workers: 3,
      stallTimeoutSeconds: 5,
    });
    expect(parseCommand(['queue', 'collect', '-o', 'out.ndjson', '--format', 'es-bulk'])).toMatchObject({ action: 'collect', output: 'out.ndjson', format: 'es-bulk' });
    expect(parseCommand(['queue', 'collect', '-o', '-'])).toMatchObject({ action: 'collect', output: null, format: 'jsonl' });
    expect(parseCommand(['queue', 'status'])).toMatchObject({ action: 'status' });
    expect(parseCommand(['queue', '--help'])).toEqual({ kind: 'queue-help' });
  });

  it('prints the queue usage with lede queue --help, and names it in lede --help', async () => {
    const help = await runCli(['queue', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/lede queue add \[IN\.jsonl\|-\]/);
    expect(help.stdout).toMatch(/--stall-timeout S/);
    expect((await runCli(['--help'])).stdout).toMatch(/lede queue add\|work\|collect\|status/);
  });
});

/** Runs the command and checks that it ends with exit status 2 (never a hang) and the message. */
async function refusedWith(args: string[], message: RegExp): Promise<CliRun> {
  const run = await runCli(args);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe('');
  return run;
}

describe.skipIf(SKIP_QUEUE_TESTS)('lede queue: bad configuration exits 2 with a message', () => {
  let redis: RedisServer;
  const dir = tempDir();
  const input = join(dir, 'input.jsonl');
  beforeAll(async () => {
    redis = await startRedis();
    writeFileSync(input, queueInput(30));
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  it('Redis out of reach: every action stops within seconds (no endless retries)', { timeout: 120_000 }, async () => {
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const unreachable = /cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/? \(.*\)\. Start Redis there .* or pass its URL with --redis/;
    await Promise.all([
      refusedWith(['queue', 'add', input, '--redis', nobody], unreachable),
      refusedWith(['queue', 'work', '--redis', nobody, '--workers', '1'], unreachable),
      refusedWith(['queue', 'collect', '--redis', nobody], unreachable),
      refusedWith(['queue', 'status', '--redis', nobody], unreachable),
      refusedWith(['queue', 'status', '--redis', 'redis://no-such-host.invalid:6379'], /cannot reach Redis at redis:\/\/no-such-host\.invalid:6379/),
    ]);
  });

  it('wrong credentials', { timeout: 60_000 }, async () => {
    redisCli(redis.port, 'ACL', 'SETUSER', 'alice', 'on', '>secret', '~*', '&*', '+@all');
    await refusedWith(['queue', 'status', '--redis', `redis://alice:wrong@127.0.0.1:${redis.port}`], /refused the credentials .*put the right user and password in the URL/);
    const right = await runCli(['queue', 'status', '--redis', `redis://alice:secret@127.0.0.1:${redis.port}`, '--queue', 'nothing-here']);
    expect(right.stderr).toMatch(/there is no lede queue "nothing-here"/);
    expect(right.stderr).not.toContain('secret');
  });

  it('a queue that holds jobs of another application', { timeout: 120_000 }, async () => {
    const { Queue } = await import('bullmq');
    const other = new Queue('mailer', { connection: { host: '127.0.0.1', port: redis.port } });
    await other.add('send', { to: 'someone@example.com' });
    await other.close();
    const foreign = /queue "mailer" at .* holds 1 job that lede did not add .*belongs to another application\. Name another queue with --queue NAME/;
    const target = ['--redis', redis.url, '--queue', 'mailer'];
    await Promise.all([
      refusedWith(['queue', 'add', input, ...target], foreign),
      refusedWith(['queue', 'work', ...target, '--workers', '1'], foreign),
      refusedWith(['queue', 'collect', ...target], foreign),
    ]);
  });

  it('a queue of another lede protocol or version', { timeout: 120_000 }, async () => {
    redisCli(redis.port, 'HSET', 'lede:old:meta', 'protocol', 'lede-queue/1', 'version', '0.0.1', 'run', 'x', 'fields', '{"text":"text","date":"publishedAt","id":"id"}', 'batches', '0', 'lines', '0');
    // lede-queue/1 kept each batch's output lines in its job's return value.
    const old = /holds jobs of the format lede-queue\/1 \(added by lede 0\.0\.1\); this lede \(\d+\.\d+\.\d+\) reads lede-queue\/2/;
    redisCli(redis.port, 'HSET', 'lede:newer:meta', 'protocol', 'lede-queue/2', 'version', '9.9.9', 'run', 'x', 'fields', '{"text":"text","date":"publishedAt","id":"id"}', 'batches', '0', 'lines', '0');
    const newer = /was filled by lede 9\.9\.9; this is lede \d+\.\d+\.\d+\. Every producer and worker of a queue must run the same version/;
    await Promise.all([
      refusedWith(['queue', 'work', '--redis', redis.url, '--queue', 'old', '--workers', '1'], old),
      refusedWith(['queue', 'collect', '--redis', redis.url, '--queue', 'old'], old),
      refusedWith(['queue', 'add', input, '--redis', redis.url, '--queue', 'old'], old),
      refusedWith(['queue', 'work', '--redis', redis.url, '--queue', 'newer', '--workers', '1'], newer),
      refusedWith(['queue', 'add', input, '--redis', redis.url, '--queue', 'newer'], newer),
    ]);
  });

  it('another input, or other field names, for a queue already filled', { timeout: 120_000 }, async () => {
    const target = ['--redis', redis.url, '--queue', 'filled'];
    expect((await runCli(['queue', 'add', input, ...target, '--batch', '10'])).code).toBe(0);
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, queueInput(30, 1000));
    await refusedWith(['queue', 'add', other, ...target], /lines 1–10 differ from those queue "filled" holds: it was filled from another input\. Use another queue/);
    await refusedWith(['queue', 'add', input, ...target, '--text-field', 'body'], /was filled with --text-field text .*; this run asks for --text-field body/);
    // What was there is untouched.
    expect(redisCli(redis.port, 'HGET', 'lede:filled:meta', 'lines')).toBe('30');
  });

  it('lede queue status of a queue that does not exist names the queues there', { timeout: 60_000 }, async () => {
    await runCli(['queue', 'add', input, '--redis', redis.url, '--queue', 'present']);
    await refusedWith(['queue', 'status', '--redis', redis.url, '--queue', 'absent'], /there is no lede queue "absent" at .* \(its lede queues: .*present.*\); name one with --queue NAME/);
  });
});
