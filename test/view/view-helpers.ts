/**
 * Helpers of the view tests: the articles both builds must agree on, and a
 * running `lede serve` with raw HTTP requests to it.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { CLI, newsArticle } from '../batch-helpers.js';
import { GOLDEN_ARTICLES } from '../golden/articles.js';
import { ROOT } from '../helpers.js';
import { HOSTILE_ARTICLE } from './hostile.js';

/** The articles both builds must agree on: the golden ones, with and without a date, and a few more. */
export function comparedArticles(): { name: string; text: string; publishedAt?: string }[] {
  return [
    ...GOLDEN_ARTICLES.map(({ file, publishedAt }) => ({ name: file, text: readFileSync(join(ROOT, 'samples', file), 'utf8'), publishedAt })),
    ...GOLDEN_ARTICLES.map(({ file }) => ({ name: `${file} without a date`, text: readFileSync(join(ROOT, 'samples', file), 'utf8') })),
    ...[1, 2, 3].map((seed) => ({ name: `news article ${seed}`, text: newsArticle(seed), publishedAt: '2024-11-14' })),
    { name: 'hostile article', text: HOSTILE_ARTICLE, publishedAt: '2025-03-14' },
    { name: 'empty', text: '' },
  ];
}

/** A running `lede serve`, and its address. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `node dist/cli.js serve` with `args` and waits for its address. */
export function startServe(args: string[] = ['--port', '0']): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lede serve did not start: ${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0], port: Number(match[1]), output: () => output, exited });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`lede serve exited (${code}) before it started: ${output}`));
    });
  });
}

/** One raw HTTP request (the path sent as written: no URL normalisation). */
export function rawRequest(port: number, path: string, options: { method?: string; host?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: options.host ?? `127.0.0.1:${port}`, Connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
