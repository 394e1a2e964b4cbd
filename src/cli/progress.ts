/**
 * Progress of `lede annotate` on standard error: a bar (cli-progress) only when
 * standard error is a terminal, with ETA when the input's size is known; always
 * a one-line summary at the end.
 */

import type { MultiBar, SingleBar } from 'cli-progress';

export interface ProgressCounts {
  articles: number;
  errors: number;
  /** Input bytes of the articles done. */
  bytes: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  /** Writes a line on standard error without garbling the bar. */
  log(line: string): void;
  stop(): void;
}

/** Records per second, one decimal ('0.0' before any time has passed). */
export function rate(records: number, seconds: number): string {
  return seconds > 0 ? (records / seconds).toFixed(1) : '0.0';
}

/** A count and its noun, plural unless the count is 1 ('1 article', '3 errors'). */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The summary line: articles, errors, articles per second. */
export function summaryLine(counts: ProgressCounts, seconds: number, workers: number): string {
  return (
    `lede annotate: ${plural(counts.articles, 'article')}, ${plural(counts.errors, 'error')}, ${rate(counts.articles, seconds)} articles/s ` +
    `(${seconds.toFixed(2)} s, ${plural(workers, 'worker')})`
  );
}

const plainProgress: Progress = {
  update() {},
  log(line) {
    process.stderr.write(`${line}\n`);
  },
  stop() {},
};

/**
 * A progress display: a bar on a terminal, nothing otherwise (lines are still
 * logged). The bar runs over `counts.bytes` up to `totalBytes` (`lede queue`
 * counts records there), headed by `label`.
 */
export async function createProgress(totalBytes: number | null, startedAt: number, label = 'lede annotate'): Promise<Progress> {
  if (!process.stderr.isTTY) return plainProgress;
  const { default: cliProgress } = (await import('cli-progress')) as { default: typeof import('cli-progress') };
  const known = totalBytes !== null && totalBytes > 0;
  const format = known
    ? `${label} [{bar}] {percentage}% | {articles} articles | {errors} errors | {rate} articles/s | ETA {eta_formatted}`
    : `${label} {articles} articles | {errors} errors | {rate} articles/s`;
  const multibar: MultiBar = new cliProgress.MultiBar(
    { format, stream: process.stderr, hideCursor: false, clearOnComplete: true, linewrap: true, etaBuffer: 50, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  const bar: SingleBar = multibar.create(known ? totalBytes : 1, 0, { articles: 0, errors: 0, rate: '0.0' });
  return {
    update(counts) {
      const seconds = (performance.now() - startedAt) / 1000;
      bar.update(known ? counts.bytes : 0, { articles: counts.articles, errors: counts.errors, rate: rate(counts.articles, seconds) });
    },
    log(line) {
      multibar.log(`${line}\n`);
    },
    stop() {
      multibar.update(); // writes the lines logged since the last redraw
      multibar.stop();
    },
  };
}
