/**
 * `lede queue` against a real Redis (a redis-server of the test's own): the
 * collected output equals `lede annotate` on the same input, line for line; and
 * nothing is lost or doubled when a worker is killed mid-job, Redis restarts,
 * the collector is killed and restarted, or the producer runs twice.
 */

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './batch-helpers.js';
import { rows as pgRows, SKIP_POSTGRES, useCluster } from './pg-helpers.js';
import { outputIds, queueInput, redisCli, SKIP_QUEUE_TESTS, startRedis, trackedProcesses, waitFor, type RedisServer } from './queue-helpers.js';

const { background, run: runCli } = trackedProcesses();

/** Every id once, in the order of the reference output. */
function expectSameRecords(output: string, reference: string): void {
  const ids = outputIds(output);
  expect(new Set(ids.map((id) => JSON.stringify(id))).size, 'every id once').toBe(ids.length);
  expect(ids).toEqual(outputIds(reference));
  expect(output).toBe(reference);
}

function cursorNext(redis: RedisServer, queue: string): number {
  return Number(redisCli(redis.port, 'HGET', `lede:${queue}:cursor`, 'next') || 0);
}

describe.skipIf(SKIP_QUEUE_TESTS)('lede queue: acceptance (5,000 records with bad lines, two worker processes)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  it('collects output equal to lede annotate on the same input, line for line', { timeout: 600_000 }, async () => {
    const dir = tempDir();
    const input = join(dir, 'input.jsonl');
    writeFileSync(input, queueInput(5000));
    const out = join(dir, 'collected.jsonl');
    const target = ['--redis', redis.url, '--queue', 'acceptance'];

    const workers = [background(['queue', 'work', ...target, '--workers', '1']), background(['queue', 'work', ...target, '--workers', '1'])];
    const collector = background(['queue', 'collect', ...target, '-o', out]);
    const [added, reference] = await Promise.all([
      runCli(['queue', 'add', input, ...target, '--batch', '100']),
      runCli(['annotate', input, '--workers', '1']),
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toMatch(/^lede queue add: 5000 records read, 5000 added in 50 jobs/);
    expect(reference.code).toBe(0);

    expect(await collector.exited, collector.stderr()).toBe(0);
    expect(collector.stderr()).toMatch(/lede queue collect: 5000 articles, \d+ errors, .* queue "acceptance" is collected/);
    expectSameRecords(readFileSync(out, 'utf8'), reference.stdout);

    const status = await runCli(['queue', 'status', ...target]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('input    5000 records in 50 jobs (complete)');
    expect(status.stdout).toContain('records  5000 of 5000 annotated (100.0%), 5000 collected');
    expect(status.stdout).toContain('done: every record is collected');
    // Both workers took jobs; the collector removed every job it wrote.
    for (const worker of workers) {
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.stderr()).toMatch(/lede queue work: [1-9]\d* jobs?, /);
    }
    expect(redisCli(redis.port, 'KEYS', 'bull:acceptance:batch-*')).toBe('');
  });
});

describe.skipIf(SKIP_QUEUE_TESTS)('lede queue collect: every annotate format, and its exit', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  it('writes es-bulk (to standard output) and a SQLite archive as lede annotate does', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const input = join(dir, 'input.jsonl');
    writeFileSync(input, queueInput(300));
    const target = (queue: string): string[] => ['--redis', redis.url, '--queue', queue];
    for (const queue of ['es', 'archive']) {
      background(['queue', 'work', ...target(queue), '--workers', '1']);
      expect((await runCli(['queue', 'add', input, ...target(queue), '--batch', '50'])).code).toBe(0);
    }
    const [bulk, bulkReference, archive, archiveReference] = await Promise.all([
      runCli(['queue', 'collect', ...target('es'), '--format', 'es-bulk']),
      runCli(['annotate', input, '--workers', '1', '--format', 'es-bulk']),
      runCli(['queue', 'collect', ...target('archive'), '--format', 'sqlite', '-o', join(dir, 'queue.db')]),
      runCli(['annotate', input, '--workers', '1', '--format', 'sqlite', '-o', join(dir, 'annotate.db')]),
    ]);
    expect(bulk.code, bulk.stderr).toBe(0);
    expect(bulk.stdout).toBe(bulkReference.stdout);
    const reports = (stderr: string, command: string): string[] => stderr.split('\n').filter((line) => line.startsWith(`${command}: `) && / \(id /.test(line)).map((line) => line.slice(command.length));
    expect(reports(bulk.stderr, 'lede queue collect')).toEqual(reports(bulkReference.stderr, 'lede annotate'));
    expect(reports(bulk.stderr, 'lede queue collect').length).toBeGreaterThan(0);

    expect(archive.code, archive.stderr).toBe(0);
    expect(archiveReference.code).toBe(0);
    const { default: Database } = await import('better-sqlite3');
    const rows = (path: string): unknown[] => {
      const db = new Database(path, { readonly: true });
      const all = db.prepare('SELECT article_key, id, published_at, text, extraction FROM articles ORDER BY article_key').all();
      db.close();
      return all;
    };
    expect(rows(join(dir, 'queue.db'))).toEqual(rows(join(dir, 'annotate.db')));
  });

  // ioredis's reply parser keeps a timer running after a large reply (here one job's results,
  // about 1 MB) until it has shrunk its buffer: the process used to stay up about 2 s after
  // its summary line, which a pipeline of collect runs pays every time.
  it('exits right after its summary line, even after reading a large result', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const input = join(dir, 'input.jsonl');
    writeFileSync(input, queueInput(1000));
    const target = ['--redis', redis.url, '--queue', 'prompt'];
    background(['queue', 'work', ...target, '--workers', '1']);
    expect((await runCli(['queue', 'add', input, ...target, '--batch', '1000'])).code).toBe(0);
    const collector = background(['queue', 'collect', ...target, '-o', join(dir, 'out.jsonl')]);
    let summaryAt = 0;
    collector.child.stderr!.on('data', () => {
      if (summaryAt === 0 && collector.stderr().includes('is collected')) summaryAt = performance.now();
    });
    expect(await collector.exited, collector.stderr()).toBe(0);
    const lingered = performance.now() - summaryAt;
    expect(summaryAt).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').length).toBeGreaterThan(1_000_000);
    expect(lingered, 'milliseconds from the summary line to the exit').toBeLessThan(1000);
  });
});

describe.skipIf(SKIP_QUEUE_TESTS || SKIP_POSTGRES)('lede queue collect --format postgres', () => {
  const cluster = useCluster();
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  it('stores the articles lede annotate --format postgres stores, and collecting again changes nothing', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const input = join(dir, 'input.jsonl');
    writeFileSync(input, queueInput(200));
    const target = ['--redis', redis.url, '--queue', 'pg'];
    const database = ['--format', 'postgres', '--database', cluster().url];
    background(['queue', 'work', ...target, '--workers', '1']);
    expect((await runCli(['queue', 'add', input, ...target, '--batch', '50'])).code).toBe(0);
    const [collected, reference] = await Promise.all([
      runCli(['queue', 'collect', ...target, ...database, '--schema', 'from_queue']),
      runCli(['annotate', input, '--workers', '1', ...database, '--schema', 'from_annotate']),
    ]);
    expect(collected.code, collected.stderr).toBe(0);
    expect(reference.code, reference.stderr).toBe(0);
    const reports = (stderr: string, command: string): string[] => stderr.split('\n').filter((line) => line.startsWith(`${command}: `) && / \(id /.test(line)).map((line) => line.slice(command.length));
    expect(reports(collected.stderr, 'lede queue collect')).toEqual(reports(reference.stderr, 'lede annotate'));
    const articles = (schema: string) => pgRows(cluster().url, schema, 'SELECT id, published_at, text, extraction FROM articles ORDER BY article_key');
    const stored = await articles('from_queue');
    expect(stored.length).toBeGreaterThan(150);
    expect(stored).toEqual(await articles('from_annotate'));
    const quotes = (schema: string) => pgRows(cluster().url, schema, 'SELECT a.id, q.quote_index, q.text, q.speaker_name FROM quotes q JOIN articles a USING (article_key) ORDER BY a.id, q.quote_index');
    expect(await quotes('from_queue')).toEqual(await quotes('from_annotate'));

    const again = await runCli(['queue', 'collect', ...target, ...database, '--schema', 'from_queue']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/collected already/);
    expect(await articles('from_queue')).toEqual(stored);
  });
});

describe.skipIf(SKIP_QUEUE_TESTS)('lede queue: faults lose nothing and double nothing', () => {
  let redis: RedisServer;
  const dir = tempDir();
  const input = join(dir, 'input.jsonl');
  let reference = '';
  const target = (queue: string): string[] => ['--redis', redis.url, '--queue', queue];

  beforeAll(async () => {
    redis = await startRedis({ appendonly: true });
    writeFileSync(input, queueInput(600));
    const run = await runCli(['annotate', input, '--workers', '1']);
    expect(run.code).toBe(0);
    reference = run.stdout;
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  it('a worker killed with SIGKILL in the middle of a job: the job is recovered by the stalled-job check and finished by the other', { timeout: 300_000 }, async () => {
    const queue = 'killed-worker';
    const out = join(dir, `${queue}.jsonl`);
    const doomed = background(['queue', 'work', ...target(queue), '--workers', '1', '--stall-timeout', '2']);
    expect((await runCli(['queue', 'add', input, ...target(queue), '--batch', '20'])).code).toBe(0);
    // Mid-run: it has finished a job and holds others.
    await waitFor(
      () => Number(redisCli(redis.port, 'ZCARD', `lede:${queue}:finished`)) >= 2 && Number(redisCli(redis.port, 'LLEN', `bull:${queue}:active`)) >= 1,
      'the first worker to be at work',
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const heldByTheDead = Number(redisCli(redis.port, 'LLEN', `bull:${queue}:active`));
    expect(heldByTheDead).toBeGreaterThan(0);

    const survivor = background(['queue', 'work', ...target(queue), '--workers', '1', '--stall-timeout', '2']);
    const collected = await runCli(['queue', 'collect', ...target(queue), '-o', out]);
    expect(collected.code, collected.stderr).toBe(0);
    expectSameRecords(readFileSync(out, 'utf8'), reference);
    await waitFor(() => /stalled/.test(survivor.stderr()), 'the survivor to report the stalled jobs', 10_000);
    expect(survivor.stderr()).toMatch(/job batch-\d+ stalled \(its worker stopped renewing its lock for 2 s\); it goes back to the queue and is retried/);
  });

  it('a worker stopped with SIGTERM finishes the jobs it holds before it exits: none is left to stall', { timeout: 300_000 }, async () => {
    const queue = 'stopped-worker';
    const out = join(dir, `${queue}.jsonl`);
    const stopped = background(['queue', 'work', ...target(queue), '--workers', '1']);
    expect((await runCli(['queue', 'add', input, ...target(queue), '--batch', '20'])).code).toBe(0);
    await waitFor(
      () => Number(redisCli(redis.port, 'ZCARD', `lede:${queue}:finished`)) >= 1 && Number(redisCli(redis.port, 'LLEN', `bull:${queue}:active`)) >= 1,
      'the worker to be at work',
    );
    stopped.child.kill('SIGTERM');
    expect(await stopped.exited).toBe(0);
    expect(stopped.stderr()).toMatch(/SIGTERM: finishing the current jobs, then stopping/);
    expect(Number(redisCli(redis.port, 'LLEN', `bull:${queue}:active`))).toBe(0);
    const finished = Number(redisCli(redis.port, 'ZCARD', `lede:${queue}:finished`));
    expect(stopped.stderr()).toMatch(new RegExp(`lede queue work: ${finished} jobs?, `));

    background(['queue', 'work', ...target(queue), '--workers', '1']);
    const collected = await runCli(['queue', 'collect', ...target(queue), '-o', out]);
    expect(collected.code, collected.stderr).toBe(0);
    expectSameRecords(readFileSync(out, 'utf8'), reference);
  });

  it('Redis stopped and restarted mid-run with its append-only file: workers, producer and collector reconnect', { timeout: 300_000 }, async () => {
    const queue = 'redis-restart';
    const out = join(dir, `${queue}.jsonl`);
    const workers = [
      background(['queue', 'work', ...target(queue), '--workers', '1', '--stall-timeout', '3']),
      background(['queue', 'work', ...target(queue), '--workers', '1', '--stall-timeout', '3']),
    ];
    const collector = background(['queue', 'collect', ...target(queue), '-o', out]);
    // A small --max-waiting keeps the producer at work while Redis is away.
    const producer = runCli(['queue', 'add', input, ...target(queue), '--batch', '20', '--max-waiting', '2']);
    await waitFor(() => cursorNext(redis, queue) >= 3, 'the collector to have written three batches');
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await redis.start();
    const added = await producer;
    expect(added.code, added.stderr).toBe(0);
    expect(await collector.exited, collector.stderr()).toBe(0);
    expect(collector.stderr()).toMatch(/lost the connection to Redis/);
    expectSameRecords(readFileSync(out, 'utf8'), reference);
    for (const worker of workers) worker.child.kill('SIGTERM');
  });

  it('the collector killed and restarted: it cuts off what it wrote after its last checkpoint and goes on', { timeout: 300_000 }, async () => {
    const queue = 'killed-collector';
    const out = join(dir, `${queue}.jsonl`);
    background(['queue', 'work', ...target(queue), '--workers', '1']);
    expect((await runCli(['queue', 'add', input, ...target(queue), '--batch', '20'])).code).toBe(0);
    const first = background(['queue', 'collect', ...target(queue), '-o', out]);
    await waitFor(() => cursorNext(redis, queue) >= 3, 'the collector to have written three batches');
    first.child.kill('SIGKILL');
    await first.exited;
    // As if it had been killed in the middle of a write: a partial line after its checkpoint.
    appendFileSync(out, '{"id":"r999","people":[{"id":"person-1","na');
    const second = await runCli(['queue', 'collect', ...target(queue), '-o', out]);
    expect(second.code, second.stderr).toBe(0);
    expectSameRecords(readFileSync(out, 'utf8'), reference);
    // Run again when everything is collected: nothing to write, the output untouched.
    const third = await runCli(['queue', 'collect', ...target(queue), '-o', out]);
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/is collected already; nothing to write/);
    expectSameRecords(readFileSync(out, 'utf8'), reference);
  });

  it('the collector of a SQLite archive killed and restarted, and Redis a checkpoint behind the archive: every record once', { timeout: 300_000 }, async () => {
    const queue = 'killed-sqlite';
    const out = join(dir, `${queue}.db`);
    background(['queue', 'work', ...target(queue), '--workers', '1']);
    expect((await runCli(['queue', 'add', input, ...target(queue), '--batch', '20'])).code).toBe(0);
    const first = background(['queue', 'collect', ...target(queue), '--format', 'sqlite', '-o', out]);
    await waitFor(() => cursorNext(redis, queue) >= 3, 'the collector to have written three batches');
    first.child.kill('SIGKILL');
    await first.exited;
    // As if it had been killed between committing the archive and advancing the cursor in Redis.
    const next = cursorNext(redis, queue);
    const lines = Number(redisCli(redis.port, 'HGET', `lede:${queue}:cursor`, 'lines'));
    redisCli(redis.port, 'HSET', `lede:${queue}:cursor`, 'next', String(next - 1), 'lines', String(lines - 20));
    const second = await runCli(['queue', 'collect', ...target(queue), '--format', 'sqlite', '-o', out]);
    expect(second.code, second.stderr).toBe(0);

    const { default: Database } = await import('better-sqlite3');
    const db = new Database(out, { readonly: true });
    const ids = (db.prepare('SELECT id FROM articles ORDER BY article_key').all() as { id: string }[]).map((row) => row.id);
    db.close();
    const good = outputIds(reference.split('\n').filter((line) => line !== '' && !line.includes('"error":{')).join('\n'));
    expect(ids).toEqual(good.map(String));
  });

  it('the producer run twice on the same input, again after part of it was collected, then on the input grown at its end', { timeout: 300_000 }, async () => {
    const queue = 'producer-twice';
    const out = join(dir, `${queue}.jsonl`);
    const first = await runCli(['queue', 'add', input, ...target(queue), '--batch', '25']);
    expect(first.stderr).toMatch(/600 records read, 600 added in 24 jobs/);
    const second = await runCli(['queue', 'add', input, ...target(queue), '--batch', '40']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/600 records read, 0 added in 0 jobs, 600 queued before .*24 jobs in all/);

    background(['queue', 'work', ...target(queue), '--workers', '1']);
    const collector = background(['queue', 'collect', ...target(queue), '-o', out]);
    await waitFor(() => cursorNext(redis, queue) >= 5, 'the collector to have written five batches');
    const third = await runCli(['queue', 'add', input, ...target(queue)]);
    expect(third.stderr).toMatch(/600 records read, 0 added/);
    expect(await collector.exited).toBe(0);
    expectSameRecords(readFileSync(out, 'utf8'), reference);

    // The input grew: only its new lines are added, and collected after the others.
    const grown = join(dir, 'grown.jsonl');
    writeFileSync(grown, readFileSync(input, 'utf8') + queueInput(110, 601));
    const fourth = await runCli(['queue', 'add', grown, ...target(queue), '--batch', '50']);
    expect(fourth.stderr).toMatch(/710 records read, 110 added in 3 jobs, 600 queued before/);
    const more = await runCli(['queue', 'collect', ...target(queue), '-o', out]);
    expect(more.code, more.stderr).toBe(0);
    const grownReference = await runCli(['annotate', grown, '--workers', '1']);
    expectSameRecords(readFileSync(out, 'utf8'), grownReference.stdout);
  });
});
