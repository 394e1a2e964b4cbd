/**
 * Helpers of the CLI and batch tests: the built package (dist/), a runner for the
 * built `lede` binary, invented news-like articles and temporary folders.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { ROOT } from './helpers.js';

export const CLI = join(ROOT, 'dist', 'cli.js');
export const DIST_ESM = join(ROOT, 'dist', 'index.js');
export const DIST_CJS = join(ROOT, 'dist', 'index.cjs');

function requireBuild(): void {
  if (!existsSync(CLI) || !existsSync(DIST_ESM) || !existsSync(join(ROOT, 'dist', 'batch-worker.js'))) {
    throw new Error('These tests run the built package: run `npm run build` first (`npm test` does).');
  }
}

/** The built package, typed as the sources. */
export async function loadDist(): Promise<typeof import('../src/index.js')> {
  requireBuild();
  return (await import(pathToFileURL(DIST_ESM).href)) as typeof import('../src/index.js');
}

export interface CliRun {
  /** Null when the process ended by a signal (`signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` with `input` on standard input (none: standard input is empty). */
export function runCli(args: readonly string[], input: string | Buffer = '', env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  requireBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.on('error', () => {}); // the command may exit before reading all of it
    child.stdin.end(input);
  });
}

/** A temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lede-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const PEOPLE = ['Kristiina Lindqvist', 'Emeka Okonkwo', 'Sergey Lavrov', 'Amara Diallo', 'Tomasz Wielicki', 'Helga Brandt', 'Rustam Aliyev'];
const TITLES = ['Transport Minister', 'Foreign Minister', 'Energy Minister', 'Prime Minister', 'Ambassador'];
const PLACES = ['Baku', 'Tallinn', 'Lagos', 'Moscow', 'Warsaw', 'Brussels', 'Nairobi'];
const ORGANIZATIONS = ['the Foreign Ministry', 'the European Union', 'the Ports Authority', 'the World Bank', 'the Energy Commission'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'March', 'June', 'September', 'November'];
const TOPICS = ['ferry corridor', 'gas pipeline', 'rail link', 'trade agreement', 'power line'];

function pick<T>(list: readonly T[], n: number): T {
  return list[((n % list.length) + list.length) % list.length]!;
}

/** An invented news story (deterministic in `seed`): names, titles, places, dates and quotes. */
export function newsArticle(seed: number): string {
  const speaker = pick(PEOPLE, seed);
  const other = pick(PEOPLE, seed + 3);
  const surname = speaker.split(' ').at(-1)!;
  const place = pick(PLACES, seed * 5 + 1);
  const topic = pick(TOPICS, seed * 7 + 2);
  return [
    `${pick(PLACES, seed)} talks: ${surname} backs ${topic} (story ${seed})`,
    `During talks in ${place} on ${pick(DAYS, seed)}, ${pick(TITLES, seed)} ${speaker} and ${other} agreed to study a ${topic} between their countries. ` +
      `The meeting, the ${(seed % 9) + 2}th since ${2010 + (seed % 13)}, was hosted by ${pick(ORGANIZATIONS, seed)}.`,
    `"We see the ${topic} as a practical step for both sides," said ${speaker}. ${surname} added that a working group would meet in ${pick(MONTHS, seed)}.`,
    `According to ${pick(ORGANIZATIONS, seed + 1)}, the ${topic} could cost ${(seed % 90) + 10} million euros over three years. ` +
      `"Our ports are ready," ${other} told reporters in ${pick(PLACES, seed + 2)}.`,
  ].join('\n');
}

/** News-like text of at least `chars` characters: invented stories one after another. */
export function newsText(chars: number, firstSeed = 0): string {
  const parts: string[] = [];
  let length = 0;
  for (let seed = firstSeed; length < chars; seed++) {
    const story = newsArticle(seed);
    parts.push(story);
    length += story.length + 2;
  }
  return parts.join('\n\n');
}
