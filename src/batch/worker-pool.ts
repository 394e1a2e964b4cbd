/**
 * The pool of worker threads (piscina) that batch annotation runs on. Node only.
 *
 * The worker is its own build output, dist/batch-worker.js (ESM), next to the
 * module that starts the pool: dist/index.js, dist/index.cjs (whose
 * `import.meta.url` tsup shims) and dist/cli.js all find it there. Run from the
 * sources (tests, tsx), the pool uses the built worker in the package's dist/.
 */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeValue, LedeOptionError } from '../core/errors.js';
import { packageRoot } from '../node/data-dir.js';
import { WORKER_LOADED, type WorkerData, type WorkerTask } from './worker-protocol.js';

export const WORKER_FILE = 'batch-worker.js';
export const MAX_WORKERS = 256;
/**
 * Old-generation heap limit of each worker (MB). V8 sizes its collections by this
 * limit: with the default (a quarter of the machine's memory, up to 4 GB) a worker
 * lets dead documents pile up to several hundred MB before collecting them; with
 * 1 GB its peak stays near its live size (about 200 MB over 20,000 articles, as
 * against 300 MB), with no loss of speed, and a 10 MB article still fits (it
 * peaks at about 450 MB). A record that does not fit ends the worker and gets a
 * `worker_failed` error; the pool starts a new worker.
 */
export const WORKER_HEAP_MB = 1024;

export interface WorkerPool {
  readonly threads: number;
  run<Result>(task: WorkerTask): Promise<Result>;
  close(): Promise<void>;
}

/** The default number of worker threads: the number of cores Node may use. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** Checks a worker count (`concurrency`, the CLI's --workers): an integer from 1 to 256. */
export function checkConcurrency(value: unknown, option = 'concurrency'): number {
  if (value === undefined) return defaultConcurrency();
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_WORKERS) {
    throw new LedeOptionError(
      option,
      `Invalid ${option}: expected a whole number of worker threads from 1 to ${MAX_WORKERS} (default: the number of cores, here ${defaultConcurrency()}); got ${describeValue(value)}.`,
    );
  }
  return value;
}

export function workerFileUrl(): URL {
  const besideThisModule = new URL(`./${WORKER_FILE}`, import.meta.url);
  if (existsSync(fileURLToPath(besideThisModule))) return besideThisModule;
  let root: string | null = null;
  try {
    root = packageRoot();
  } catch {
    root = null;
  }
  const built = root ? join(root, 'dist', WORKER_FILE) : null;
  if (built && existsSync(built)) return pathToFileURL(built);
  throw new Error(
    `lede: cannot find its worker file ${WORKER_FILE} next to ${fileURLToPath(import.meta.url)}` +
      `${built ? ` nor at ${built}` : ''}; build the package (npm run build) or reinstall it.`,
  );
}

/** Starts `threads` worker threads, each with one extractor built from `config`. */
export async function createWorkerPool(threads: number, config: unknown): Promise<WorkerPool> {
  const { Piscina } = await import('piscina');
  const workerData: WorkerData = { config };
  const piscina = new Piscina({
    filename: workerFileUrl().href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    workerData,
  });
  // Node 20 can abort the whole process ("v8::Module::IsGraphAsync must be used on an
  // instantiated module") when a thread is terminated while it still loads its modules:
  // an early failure (a database that refuses its schema) closed the pool just then, once
  // in about thirty tries. close() waits for every thread to say it has loaded, for at
  // most LOAD_WAIT_MS (a thread that fails to load never does).
  let loadedThreads = 0;
  let allLoaded: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (allLoaded = resolve));
  const onMessage = (message: unknown): void => {
    if (message === WORKER_LOADED && ++loadedThreads >= threads) allLoaded();
  };
  piscina.on('message', onMessage);
  let closed = false;
  return {
    threads,
    run: (task) => piscina.run(task),
    async close() {
      if (closed) return;
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([loaded, new Promise<void>((resolve) => (timer = setTimeout(resolve, LOAD_WAIT_MS)))]);
      clearTimeout(timer);
      piscina.off('message', onMessage);
      await piscina.destroy();
    },
  };
}

/** How long close() waits for threads still loading before it terminates them anyway. */
const LOAD_WAIT_MS = 10_000;
