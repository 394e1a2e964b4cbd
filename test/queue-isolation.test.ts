/**
 * bullmq is an optional peer dependency loaded only by lede/queue: the core, its
 * worker thread and the other commands never import it, and without it the queue
 * says how to install it.
 */

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('bullmq stays out of the core', () => {
  it('is imported (at run time) by src/queue/connection.ts alone, and only on demand', () => {
    const importers = sourceFiles(join(ROOT, 'src')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /from 'bullmq'/.test(text.replace(/import type [^;]*from 'bullmq';/g, '')) || /(?:import|require)\('bullmq'\)/.test(text);
    });
    expect(importers.map((file) => relative(ROOT, file))).toEqual(['src/queue/connection.ts']);
    expect(readFileSync(join(ROOT, 'src/queue/connection.ts'), 'utf8')).not.toMatch(/^import [^t][^;]*from 'bullmq'/m);
  });

  it('is loaded by the built lede/queue and the queue command alone, never by the core, its worker thread or the CLI entry', () => {
    const loadsBullmq = /import\("bullmq"\)|require\d*\("bullmq"\)|from "bullmq"/;
    const loaders = readdirSync(join(ROOT, 'dist'))
      .filter((file) => /\.c?js$/.test(file) && loadsBullmq.test(readFileSync(join(ROOT, 'dist', file), 'utf8')))
      .map((file) => file.replace(/-[A-Z0-9]{8}\.js$/, '-*.js'))
      .sort();
    expect(loaders).toEqual(['queue-command-*.js', 'queue.cjs', 'queue.js']);
  });

  it("is the package's export lede/queue, for import and require", () => {
    const api = 'DEFAULT_QUEUE_NAME,DEFAULT_REDIS_URL,MissingBullmqError,QueueSetupError,collectResults,enqueueArticles,getQueueStatus,startQueueWorker';
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('lede/queue'); console.log(Object.keys(m).sort().join(','))"], { cwd: ROOT, encoding: 'utf8' });
    const cjs = execFileSync(process.execPath, ['-e', "console.log(Object.keys(require('lede/queue')).sort().join(','))"], { cwd: ROOT, encoding: 'utf8' });
    expect(esm.trim()).toBe(api);
    expect(cjs.trim()).toBe(api);
  });

  it('without bullmq installed, lede/queue says how to install it', async () => {
    const { loadBullmq, MissingBullmqError } = await import('../src/queue/connection.js');
    // Node's resolver, as when the package is not there (the one `require` asks, cache or not).
    const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const resolve = resolver._resolveFilename;
    resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
      if (request === 'bullmq') throw Object.assign(new Error("Cannot find module 'bullmq'"), { code: 'MODULE_NOT_FOUND' });
      return resolve.call(this, request, ...rest);
    };
    try {
      await expect(loadBullmq()).rejects.toThrow(MissingBullmqError);
      await expect(loadBullmq()).rejects.toThrow(/lede queue needs the optional package bullmq \(major version 5\): install it with `npm install bullmq@5`/);
    } finally {
      resolver._resolveFilename = resolve;
    }
    await expect(loadBullmq()).resolves.toHaveProperty('Queue');
  });
});
