/**
 * Helpers of the queue tests: a redis-server of their own (Debian's package) on
 * 127.0.0.1 at a free port with a temporary folder, stopped afterwards; running
 * `lede` processes in the background; and the ids of JSONL output.
 *
 * Without redis-server the queue tests are skipped with a message, except under
 * CI=true, where its absence is a failure (.ci/run installs it).
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach } from 'vitest';
import { CLI, newsArticle } from './batch-helpers.js';
import { ROOT } from './helpers.js';
import { freePort } from '../scripts/lib/free-port.mjs';

export { freePort };

/** The redis-server binary on PATH (or in /usr/bin, /usr/sbin), or null. */
export function findRedisServer(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const dir of dirs) {
    const path = join(dir, 'redis-server');
    if (dir && existsSync(path)) return path;
  }
  return null;
}

export const REDIS_SERVER = findRedisServer();
export const IN_CI = process.env.CI === 'true';
/** Why the queue tests are skipped here, or null when they run. */
export const SKIP_QUEUE_TESTS = REDIS_SERVER === null && !IN_CI ? 'no redis-server on PATH (apt-get install redis-server): the queue tests are skipped' : null;
if (SKIP_QUEUE_TESTS) console.warn(`lede tests: ${SKIP_QUEUE_TESTS}`);

/** Fails a test run under CI when redis-server is absent (call in a test). */
export function requireRedisServer(): string {
  if (REDIS_SERVER === null) throw new Error('redis-server is not installed: under CI=true the queue tests need it (apt-get install redis-server).');
  return REDIS_SERVER;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      // A server still loading its append-only file answers -LOADING.
      socket.destroy();
      resolve(reply.startsWith('+PONG'));
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Starts the server again on the same port and folder (after stop). */
  start(): Promise<void>;
  /** Stops it: SIGTERM (Redis writes its append-only file and exits) and waits for the exit. */
  stop(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/** Starts a redis-server of the test's own (appendonly: with its append-only file, fsync on every write). */
export async function startRedis(options: { appendonly?: boolean } = {}): Promise<RedisServer> {
  const binary = requireRedisServer();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'lede-redis-'));
  let child: ChildProcess | null = null;
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no', '--loglevel', 'warning',
    ...(options.appendonly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  const start = async (): Promise<void> => {
    const started = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let i = 0; i < 200; i++) {
      if (started.exitCode !== null) throw new Error(`redis-server exited (${started.exitCode}): ${stderr}`);
      if (await ping(port)) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not answer on port ${port}: ${stderr}`);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A `lede` process running in the background. */
export interface Background {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

export function runInBackground(args: readonly string[], env: NodeJS.ProcessEnv = {}): Background {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Kills background processes still running (after a failed test). */
export async function killAll(processes: readonly Background[]): Promise<void> {
  await Promise.all(
    processes.map(async (p) => {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGKILL');
        await p.exited;
      }
    }),
  );
}

/** Waits until `condition()` holds (polling), or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** `redis-cli` on the test server (for looking at and changing keys). */
export function redisCli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`redis-cli ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** The ids of JSONL output lines, in order. */
export function outputIds(jsonl: string): unknown[] {
  return jsonl
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { id: unknown }).id);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A short invented story (a headline and a quote): the queue tests are about the queue, not about long articles. */
export function shortStory(seed: number): string {
  const lines = newsArticle(seed).split('\n');
  return `${lines[0]}\n${lines[2]}`;
}

/** Bad lines put at known places of a queue test's input, each with the error code it must get. */
export const BAD_LINES: readonly { every: number; line: (n: number) => string; code: string }[] = [
  { every: 97, line: (n) => `{"id": "r${n}", "text": "unterminated`, code: 'invalid_json' },
  { every: 211, line: () => '', code: 'empty_line' },
  { every: 389, line: (n) => `[{"id": "r${n}"}]`, code: 'not_an_object' },
  { every: 503, line: (n) => `{"id": "r${n}", "headline": "no text"}`, code: 'missing_text' },
  { every: 811, line: (n) => `{"id": "r${n}", "text": ${n}}`, code: 'invalid_text' },
  { every: 977, line: (n) => `{"id": "r${n}", "text": "A text.", "publishedAt": "2024-02-30"}`, code: 'invalid_option' },
];

/**
 * JSONL input of `count` records (lines `from`…): short stories, some without an
 * id (their line number is their id), and bad lines at known places.
 */
export function queueInput(count: number, from = 1): string {
  const lines: string[] = [];
  for (let n = from; n < from + count; n++) {
    const bad = BAD_LINES.find((b) => n % b.every === 0);
    if (bad) lines.push(bad.line(n));
    else if (n % 50 === 0) lines.push(JSON.stringify({ text: shortStory(n) }));
    else lines.push(JSON.stringify({ id: `r${n}`, text: shortStory(n), publishedAt: `2024-${String((n % 12) + 1).padStart(2, '0')}-15` }));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Processes started by a test file, killed after each test (so that a test that
 * fails or times out leaves none running), and `lede` runs to their end.
 */
export function trackedProcesses(): {
  background(args: readonly string[]): Background;
  run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const running: Background[] = [];
  afterEach(async () => {
    await killAll(running.splice(0));
  });
  const background = (args: readonly string[]): Background => {
    const started = runInBackground(args);
    running.push(started);
    return started;
  };
  return {
    background,
    async run(args) {
      const started = background(args);
      const code = await started.exited;
      return { code, stdout: started.stdout(), stderr: started.stderr() };
    },
  };
}
