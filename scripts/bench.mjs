/**
 * npm run bench: lede's speed and memory against the budgets of DESIGN §4, on the
 * built package (dist/; run `npm run build` first).
 *
 *   full pipeline, one thread      tokens/s and ms/article over the CoNLL-2003 dev
 *                                  documents rebuilt as text (../shared/data), else samples/
 *   lede / compromise              both over the same documents in one process, in
 *                                  alternating rounds: lede's full pipeline against
 *                                  compromise's people(), places() and organizations();
 *                                  the median of the rounds' ratios and their spread,
 *                                  once each has read as many articles as an annotate
 *                                  worker's warm-up, and (for comparison) right after
 *                                  one pass each; then both on news neither has read
 *                                  (PolNeAR train), in chunks read once each
 *   stage shares                   each pipeline stage's share of the time (the source
 *                                  through tsx, a devDependency: dist/ is one bundle)
 *   cold start                     a fresh node process: import + first extract
 *   peak RSS, one extractor        a fresh process that extracts every document
 *   annotate, 1 and N workers      annotate() articles/s and tokens/s once each worker
 *                                  has warmed up, each worker timed over the same span
 *                                  of its life, in alternating rounds, and the median
 *                                  of the rounds' ratios; as a reference for what
 *                                  the machine allows, N separate processes at once
 *   annotate, 20,000 articles      `lede annotate`: peak RSS of the whole process (main
 *                                  thread + workers), and its wall-clock rate
 *   cost growth                    per-byte time of a 1 MB article over that of a 100 KB one
 *                                  (fastest of several runs each)
 *   --format postgres / jsonl      `lede annotate` into a throwaway PostgreSQL server against
 *                                  jsonl on the same input, in alternating rounds (skipped
 *                                  with a note when PostgreSQL's binaries are absent)
 *   lede queue, 2 worker processes `lede queue` (add, two `work --workers 1`, collect) against
 *                                  `lede annotate --workers 2` on the same input, on a
 *                                  redis-server of its own (skipped when there is none)
 *
 * Each measure runs in its own child process so that none inflates another's
 * memory. Timings on a shared machine vary: the load average is printed too.
 *
 * Environment: LEDE_BENCH_ARTICLES (articles each worker is timed over in the
 * 1-vs-N-worker runs, default 4000, rounded up to whole passes over the corpus), LEDE_BENCH_WARMUP
 * (articles each worker does before the timing starts, default 1500),
 * LEDE_BENCH_SCALING_ROUNDS (rounds of those runs, default 5),
 * LEDE_BENCH_COMPROMISE_ROUNDS (rounds of lede against compromise, default 7, both before and after the
 * warm-up),
 * LEDE_BENCH_BIG_RUN (articles of the memory run, default 20000),
 * LEDE_BENCH_PG_ARTICLES (articles of each postgres/jsonl run, default 4000),
 * LEDE_BENCH_PG_ROUNDS (rounds of those runs, default 3), LEDE_BENCH_ONLY=postgres or
 * LEDE_BENCH_ONLY=queue (that row alone, printed on standard error), LEDE_BENCH_QUEUE_ARTICLES
 * (articles of each queue and annotate run, default 4000), LEDE_BENCH_QUEUE_ROUNDS (default 3).
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { conllDocuments } from './lib/conll-text.mjs';
import { freePort } from './lib/free-port.mjs';
import { stagedPipeline } from './lib/stage-timing.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = join(ROOT, 'dist', 'index.js');
const DIST_CLI = join(ROOT, 'dist', 'cli.js');
const CONLL_DEV = resolve(ROOT, '..', 'shared', 'data', 'conll2003', 'dev.txt');
const POLNEAR_TRAIN_TEXT = resolve(ROOT, '..', 'shared', 'data', 'polnear', 'train', 'text');
/** Articles of news the lede/compromise child reads once each after its rounds, and how many of them each measure holds. */
const UNSEEN_ARTICLES = 400;
const UNSEEN_CHUNK = 50;
const SCRIPT = fileURLToPath(import.meta.url);
const RSS_TAG = 'LEDE_BENCH_RESOURCE_USAGE=';
const RESULT_TAG = 'LEDE_BENCH_RESULT=';

// ---------------------------------------------------------------- corpus

/** Words and punctuation marks, as a tokenizer would roughly count them. */
function countTokens(text) {
  return (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? []).length;
}

function loadCorpus() {
  if (existsSync(CONLL_DEV)) {
    const documents = conllDocuments(CONLL_DEV);
    return { name: `CoNLL-2003 dev, ${documents.length} documents rebuilt as text`, documents };
  }
  const dir = join(ROOT, 'samples');
  const documents = readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { text, tokens: countTokens(text) };
    });
  return { name: `samples/ (${documents.length} article${documents.length === 1 ? '' : 's'}; ../shared/data is absent)`, documents };
}

/**
 * News that neither library has read in the process: the first UNSEEN_ARTICLES
 * articles of PolNeAR train (US political news of 2015–16 from several outlets)
 * in order of publication date (then file name), or null when ../shared/data is
 * absent. The bench corpus is read over and over, and lede keeps what it works
 * out per word (feature sums, gazetteer lines, wink-nlp's lexemes) from one
 * article to the next; on text it has not read those are still to be worked
 * out, so a stream of new articles runs slower than the corpus's later rounds.
 */
function loadUnseenNews() {
  if (!existsSync(POLNEAR_TRAIN_TEXT)) return null;
  return readdirSync(POLNEAR_TRAIN_TEXT)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => ({ file, key: `${file.slice(file.indexOf('_') + 1)} ${file}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, UNSEEN_ARTICLES)
    .map(({ file }) => {
      const text = readFileSync(join(POLNEAR_TRAIN_TEXT, file), 'utf8');
      return { text, tokens: countTokens(text) };
    });
}

/** News-like text of at least `bytes` bytes: the corpus documents, one after another. */
function newsText(documents, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = documents[i % documents.length].text;
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------- child processes

function runNode(args, { input } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`));
      else resolvePromise({ stdout, stderr, wallMs });
    });
    child.stdin.end(input ?? '');
  });
}

function tagged(output, tag) {
  const line = output.split('\n').find((l) => l.startsWith(tag));
  if (!line) throw new Error(`no ${tag} in the child's output:\n${output}`);
  return line.slice(tag.length);
}

/** Child: one extractor over the corpus (throughput, then peak RSS), then the cost growth. */
async function childSingleThread(corpusFile) {
  const { createExtractor } = await import(pathToFileURL(DIST_INDEX).href);
  const documents = JSON.parse(readFileSync(corpusFile, 'utf8'));
  const extractor = createExtractor();
  const tokens = documents.reduce((sum, d) => sum + d.tokens, 0);
  for (const d of documents) extractor.extract(d.text); // warm-up
  let rounds = 0;
  const started = performance.now();
  while (rounds < 3 || performance.now() - started < 5000) {
    for (const d of documents) extractor.extract(d.text);
    rounds++;
  }
  const elapsedMs = performance.now() - started;
  const maxRssKb = process.resourceUsage().maxRSS;

  const time = (text, runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      globalThis.gc?.();
      const t0 = performance.now();
      extractor.extract(text);
      times.push(performance.now() - t0);
    }
    // The fastest run: other jobs on the machine only ever add time.
    return Math.min(...times);
  };
  const small = newsText(documents, 100 * 1024);
  const large = newsText(documents, 1024 * 1024);
  time(small, 2);
  const smallMs = time(small, 9);
  const largeMs = time(large, 5);
  const perByteRatio = largeMs / Buffer.byteLength(large) / (smallMs / Buffer.byteLength(small));

  const result = {
    tokensPerSecond: (tokens * rounds) / (elapsedMs / 1000),
    msPerArticle: elapsedMs / (rounds * documents.length),
    maxRssKb,
    smallBytes: Buffer.byteLength(small),
    largeBytes: Buffer.byteLength(large),
    smallMs,
    largeMs,
    perByteRatio,
    maxRssAfterLargeKb: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${RESULT_TAG}${JSON.stringify(result)}\n`);
}

/** Child: the `lede` binary with `args`, reporting the process's peak RSS when it exits. */
async function childCli(args) {
  process.on('exit', () => {
    process.stderr.write(`${RSS_TAG}${JSON.stringify(process.resourceUsage())}\n`);
  });
  process.argv = [process.argv[0], DIST_CLI, ...args];
  await import(pathToFileURL(DIST_CLI).href);
}

/**
 * CPU seconds of this process's threads (Linux: /proc/self/task), split into the
 * main thread, the `workers` busiest other threads (the worker threads) and the
 * rest (V8's garbage-collection and platform threads, libuv). Null elsewhere.
 */
function threadCpuSplit(workers) {
  const tasks = '/proc/self/task';
  if (!existsSync(tasks)) return null;
  const threads = [];
  for (const tid of readdirSync(tasks)) {
    try {
      const stat = readFileSync(`${tasks}/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.push({ main: Number(tid) === process.pid, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // the thread ended meanwhile
    }
  }
  const others = threads.filter((t) => !t.main).sort((a, b) => b.seconds - a.seconds);
  const sum = (list) => list.reduce((total, t) => total + t.seconds, 0);
  return { main: sum(threads.filter((t) => t.main)), workers: sum(others.slice(0, workers)), other: sum(others.slice(workers)) };
}

/**
 * Child: annotate() over the corpus cycled, with a warm-up of `warmupPerWorker`
 * articles for each worker and then a timed window of `windowArticles`. Every
 * worker is its own V8 isolate that loads the model and compiles the hot code for
 * itself (it optimizes a few hundred functions over its first thousand or so
 * articles, on V8's compiler threads), so N workers need N times the warm-up of
 * one: the window opens once the first N × warm-up results have arrived (rounded
 * up to whole passes over the corpus, so that both windows hold the same
 * documents). A window opened after the same number of results for 1 and N workers
 * would compare a warm worker with N still compiling, which is not what a long
 * batch run sees. For the same reason the window holds N × `windowArticles`
 * articles, so that each of N workers is timed over the same span of its life
 * (its articles `warmupPerWorker` to `warmupPerWorker + windowArticles`) as one
 * worker is: V8 still optimizes rarely-hot functions for the first time there, a
 * cost that falls off with every article a worker has read. The run also reports
 * the rate over the window's first `windowArticles` articles alone (`firstWindow`),
 * the window the bench used for every count of workers before.
 */
async function childAnnotate(corpusFile, warmupPerWorker, windowArticles, workers) {
  const { annotate } = await import(pathToFileURL(DIST_INDEX).href);
  const documents = JSON.parse(readFileSync(corpusFile, 'utf8'));
  const passes = (count) => Math.max(1, Math.ceil(count / documents.length)) * documents.length;
  const from = passes(workers * warmupPerWorker);
  const firstWindowEnd = from + passes(windowArticles);
  const articles = from + workers * passes(windowArticles);
  const input = Array.from({ length: articles }, (_, i) => ({ id: i, text: documents[i % documents.length].text }));
  const tokensAt = [0];
  input.forEach((_, i) => tokensAt.push(tokensAt[i] + documents[i % documents.length].tokens));
  const started = performance.now();
  const loopAtStart = performance.eventLoopUtilization();
  const arrivals = [];
  let cpuSplit = null;
  let cpuAtFrom = null;
  let firstWindowCpu = null;
  for await (const result of annotate(input, { concurrency: workers })) {
    if (result.error) throw new Error(`article ${result.id}: ${result.error.message}`);
    arrivals.push(performance.now());
    if (arrivals.length === from) cpuAtFrom = threadCpuSplit(workers);
    if (arrivals.length === firstWindowEnd) firstWindowCpu = threadCpuSplit(workers);
    if (arrivals.length === articles) cpuSplit = threadCpuSplit(workers); // while the workers still run
  }
  const wallMs = performance.now() - started;
  // CPU ms per article of the steady window, by kind of thread.
  const steadyCpu =
    cpuSplit && cpuAtFrom
      ? Object.fromEntries(['workers', 'main', 'other'].map((k) => [k, (1000 * (cpuSplit[k] - cpuAtFrom[k])) / (articles - from)]))
      : null;
  const steadyMs = arrivals[articles - 1] - arrivals[from - 1];
  const firstWindowMs = arrivals[firstWindowEnd - 1] - arrivals[from - 1];
  const usage = process.resourceUsage();
  const mainThreadBusy = performance.eventLoopUtilization(loopAtStart).utilization;
  process.stdout.write(
    `${RESULT_TAG}${JSON.stringify({
      articles,
      windowArticles: articles - from,
      wallMs,
      mainThreadBusy,
      cpuSplit,
      steadyCpu,
      articlesPerSecond: articles / (wallMs / 1000),
      steadyArticlesPerSecond: (articles - from) / (steadyMs / 1000),
      steadyTokensPerSecond: (tokensAt[articles] - tokensAt[from]) / (steadyMs / 1000),
      firstWindow: {
        articlesPerSecond: (firstWindowEnd - from) / (firstWindowMs / 1000),
        otherCpuMsPerArticle: firstWindowCpu && cpuAtFrom ? (1000 * (firstWindowCpu.other - cpuAtFrom.other)) / (firstWindowEnd - from) : null,
      },
      cpuMsPerArticle: (usage.userCPUTime + usage.systemCPUTime) / 1000 / articles,
      maxRssKb: usage.maxRSS,
    })}\n`,
  );
}

/**
 * How much parallelism the machine gives right now: the same pure-JS loop on one
 * thread, then on N threads at once. On a machine shared with other jobs it falls
 * below N, and the annotate scaling with it.
 */
async function machineParallelism(threads) {
  const { Worker } = await import('node:worker_threads');
  const loop = `let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) % 1000003; require('node:worker_threads').parentPort.postMessage(x);`;
  const run = (count) =>
    new Promise((resolvePromise, reject) => {
      const started = performance.now();
      let done = 0;
      for (let i = 0; i < count; i++) {
        const worker = new Worker(loop, { eval: true });
        worker.on('error', reject);
        worker.on('message', () => {
          void worker.terminate();
          if (++done === count) resolvePromise(performance.now() - started);
        });
      }
    });
  const one = await run(1);
  const many = await run(threads);
  return (threads * one) / many;
}

// ---------------------------------------------------------------- lede against compromise

/**
 * Child: lede's full pipeline and compromise's people/places/organizations over
 * the same documents, one pass each per round, the first of the two alternating
 * from round to round so that a drift of the machine's speed favours neither.
 * compromise's views are read out (`.out('array')`) so that nothing is left
 * lazily undone. A round's ratio is compromise's time over lede's: how many times
 * compromise's tokens/s lede reaches on the same text.
 *
 * After one pass each, `rounds` rounds are timed (`early`: the measure before the
 * twenty-second wave). lede is not at its steady speed yet in them: V8 is still
 * optimizing its functions (about 3 CPU s of compiling on its background threads,
 * most of it in the first 1,000 articles) and its lazily entered model and word lists are
 * still filling, so its time falls from round to round (511, 442, 416, 423, 402,
 * 399, 367 ms in one run), and the median of the rounds depends on how many
 * there are. compromise's does not fall after its first pass. Then, once each
 * library has read `warmup` articles (the warm-up each worker has in the annotate
 * measures), `rounds` more (`steady`): the speeds of a long batch, the use DESIGN
 * §4's budget is about.
 *
 * Then, given `unseenFile` (loadUnseenNews), the same for news read once: its
 * articles in chunks of UNSEEN_CHUNK, in order, the first of the two alternating
 * from chunk to chunk.
 */
async function childCompromise(corpusFile, rounds, warmup, unseenFile) {
  const { createExtractor } = await import(pathToFileURL(DIST_INDEX).href);
  const { default: nlp } = await import('compromise');
  const documents = JSON.parse(readFileSync(corpusFile, 'utf8'));
  const tokens = documents.reduce((sum, d) => sum + d.tokens, 0);
  const extractor = createExtractor();
  const lede = (docs) => () => {
    for (const d of docs) extractor.extract(d.text);
  };
  let found = 0;
  const compromise = (docs) => () => {
    for (const d of docs) {
      const doc = nlp(d.text);
      found += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
    }
  };
  const timed = (run) => {
    const t0 = performance.now();
    run();
    return performance.now() - t0;
  };
  /** One round over `docs`: both libraries, lede first or second. */
  const round = (docs, ledeFirst) => {
    const first = timed(ledeFirst ? lede(docs) : compromise(docs));
    const second = timed(ledeFirst ? compromise(docs) : lede(docs));
    const [ledeMs, compromiseMs] = ledeFirst ? [first, second] : [second, first];
    return { ledeMs, compromiseMs, ratio: compromiseMs / ledeMs };
  };
  timed(lede(documents)); // warm-up: both compile their hot code first
  timed(compromise(documents));
  let passes = 1;
  const early = [];
  for (let r = 0; r < rounds; r++, passes++) early.push(round(documents, r % 2 === 0));
  for (; passes * documents.length < warmup; passes++) round(documents, passes % 2 === 0);
  const steady = [];
  for (let r = 0; r < rounds; r++) steady.push(round(documents, r % 2 === 0));
  const unseen = [];
  if (unseenFile) {
    const news = JSON.parse(readFileSync(unseenFile, 'utf8'));
    for (let at = 0; at < news.length; at += UNSEEN_CHUNK) unseen.push(round(news.slice(at, at + UNSEEN_CHUNK), unseen.length % 2 === 0));
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'compromise', 'package.json'), 'utf8'));
  process.stdout.write(`${RESULT_TAG}${JSON.stringify({ tokens, version, found, early, steady, warmedUp: passes * documents.length, unseen })}\n`);
}

async function compareWithCompromise(corpusFile, rounds, warmup, unseenFile) {
  const { stdout } = await runNode([SCRIPT, '--child-compromise', corpusFile, String(rounds), String(warmup), ...(unseenFile ? [unseenFile] : [])]);
  const result = JSON.parse(tagged(stdout, RESULT_TAG));
  const rate = (ms) => (result.tokens / ms) * 1000;
  /** The median ratio of some rounds, their ratios, and the two libraries' median speeds in them. */
  const summary = (results) => {
    const ratios = results.map((r) => r.ratio);
    return {
      ratio: median(ratios),
      ratios,
      ledeTokensPerSecond: median(results.map((r) => rate(r.ledeMs))),
      compromiseTokensPerSecond: median(results.map((r) => rate(r.compromiseMs))),
    };
  };
  return {
    version: result.version,
    warmedUp: result.warmedUp,
    steady: summary(result.steady),
    early: summary(result.early),
    unseenRatios: result.unseen.map((r) => r.ratio),
  };
}

// ---------------------------------------------------------------- stage shares

/**
 * Child (run with tsx: dist/ is one bundle with no stage boundaries in it): the
 * pipeline's stages one by one over the corpus, each stage's time summed, and the
 * output step's. Two passes warm up; the next ones are timed.
 */
async function childStages(corpusFile) {
  const { names, run } = await stagedPipeline(ROOT);
  const documents = JSON.parse(readFileSync(corpusFile, 'utf8'));
  const times = new Float64Array(names.length);
  const started = performance.now();
  for (let pass = 0; pass < 4 || performance.now() - started < 8000; pass++) {
    if (pass === 2) times.fill(0);
    for (const d of documents) run(d.text, times);
  }
  const total = times.reduce((sum, t) => sum + t, 0);
  process.stdout.write(`${RESULT_TAG}${JSON.stringify(names.map((name, s) => ({ name, share: times[s] / total })))}\n`);
}

async function stageShares(corpusFile) {
  const { stdout } = await runNode(['--import', 'tsx', SCRIPT, '--child-stages', corpusFile]);
  return JSON.parse(tagged(stdout, RESULT_TAG));
}

const COLD_START = `
const t0 = performance.now();
const { extract } = await import(${JSON.stringify(pathToFileURL(DIST_INDEX).href)});
extract(${JSON.stringify('Lavrov said "we agree" in Moscow on Monday.')}, { publishedAt: '2015-07-20' });
process.stdout.write(JSON.stringify({ inProcessMs: performance.now() - t0, sinceProcessStartMs: performance.now() }));
`;

// ---------------------------------------------------------------- PostgreSQL

/** Writes `count` JSONL records of the corpus's documents in turn (with the fields `fields(i)` gives) to `path`; returns `path`. */
function writeCorpusJsonl(path, corpus, count, fields) {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ ...fields(i), text: corpus.documents[i % corpus.documents.length].text }));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * `lede annotate --format postgres` against `--format jsonl` (to /dev/null) on the
 * same input, `workers` workers, in alternating rounds on a throwaway server
 * (scripts/lib/pg-cluster.mjs, fsync on); each postgres run loads a fresh schema,
 * then loads it again (every article unchanged). Rates count start-up, as a user
 * sees them; the figure is the median of the rounds' ratios.
 */
async function postgresAgainstJsonl(corpus, dir, workers, row) {
  const measure = `lede annotate --format postgres / jsonl, ${workers} workers`;
  const { findPostgresBin, startCluster } = await import('./lib/pg-cluster.mjs');
  if (!findPostgresBin()) {
    row(measure, 'skipped: no PostgreSQL binaries (initdb, pg_ctl, postgres) in /usr/lib/postgresql/*/bin or on the PATH', '≥ 0.8×');
    return;
  }
  try {
    await import('pg');
  } catch {
    row(measure, 'skipped: the package pg is not installed (npm ci installs it)', '≥ 0.8×');
    return;
  }
  const count = Number(process.env.LEDE_BENCH_PG_ARTICLES ?? 4000);
  const rounds = Math.max(1, Number(process.env.LEDE_BENCH_PG_ROUNDS ?? 3));
  const input = writeCorpusJsonl(join(dir, 'postgres.jsonl'), corpus, count, (i) => ({ id: `a${i}`, publishedAt: '2024-11-14' }));
  const cluster = await startCluster({ fsync: true });
  const onSignal = () => {
    cluster.remove();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  const rate = async (args) => {
    const { stderr, wallMs } = await runNode([SCRIPT, '--child-cli', 'annotate', input, '--workers', String(workers), ...args]);
    if (!stderr.includes(`lede annotate: ${count} articles, 0 errors`)) throw new Error(`unexpected annotate summary: ${stderr}`);
    return count / (wallMs / 1000);
  };
  try {
    const results = [];
    for (let r = 0; r < rounds; r++) {
      const jsonl = await rate(['-o', '/dev/null']);
      const postgres = await rate(['--format', 'postgres', '--database', cluster.url, '--schema', `bench_${r}`]);
      const again = await rate(['--format', 'postgres', '--database', cluster.url, '--schema', `bench_${r}`]);
      results.push({ jsonl, postgres, again, ratio: postgres / jsonl });
    }
    const middle = [...results].sort((a, b) => a.ratio - b.ratio)[Math.floor(results.length / 2)];
    row(
      `${measure}, ${int(count)} articles (median of ${rounds} rounds)`,
      `${median(results.map((r) => r.ratio)).toFixed(2)}× (rounds: ${results.map((r) => r.ratio.toFixed(2)).join(', ')}; ` +
        `median round ${int(middle.postgres)} against ${int(middle.jsonl)} articles/s counting start-up; ` +
        `the same input again, every article unchanged: ${int(middle.again)} articles/s)`,
      '≥ 0.8×',
    );
  } finally {
    process.off('SIGINT', onSignal);
    cluster.remove();
  }
}

// ---------------------------------------------------------------- main

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const int = (n) => Math.round(n).toLocaleString('en-US');
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

async function annotateRun(jsonl, articles, tokens, workers) {
  const { stderr, wallMs } = await runNode([SCRIPT, '--child-cli', 'annotate', jsonl, '-o', '/dev/null', '--workers', String(workers)]);
  const summary = stderr.split('\n').find((l) => l.startsWith('lede annotate:')) ?? '';
  if (!summary.startsWith(`lede annotate: ${articles} articles, 0 errors`)) throw new Error(`unexpected annotate summary: ${stderr}`);
  const usage = JSON.parse(tagged(stderr, RSS_TAG));
  return {
    wallMs,
    articlesPerSecond: articles / (wallMs / 1000),
    tokensPerSecond: tokens / (wallMs / 1000),
    maxRssKb: usage.maxRSS,
  };
}

/** Throughput of annotate() with `workers` threads over `articles` articles, in a fresh process. */
async function annotateThroughput(corpusFile, warmupPerWorker, windowArticles, workers) {
  const { stdout } = await runNode([SCRIPT, '--child-annotate', corpusFile, String(warmupPerWorker), String(windowArticles), String(workers)]);
  return JSON.parse(tagged(stdout, RESULT_TAG));
}

async function main() {
  if (!existsSync(DIST_INDEX) || !existsSync(DIST_CLI)) {
    console.error('npm run bench measures the built package: run `npm run build` first.');
    process.exit(2);
  }
  const corpus = loadCorpus();
  const totalTokens = corpus.documents.reduce((sum, d) => sum + d.tokens, 0);
  const workers = availableParallelism();
  const articles = Number(process.env.LEDE_BENCH_ARTICLES ?? 4000);
  const warmup = Number(process.env.LEDE_BENCH_WARMUP ?? 1500);
  const bigRun = Number(process.env.LEDE_BENCH_BIG_RUN ?? 20000);
  const scalingRounds = Math.max(1, Number(process.env.LEDE_BENCH_SCALING_ROUNDS ?? 5));
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  const rows = [];
  const row = (measure, value, budget = '') => {
    rows.push([measure, value, budget]);
    console.error(`  ${measure}: ${value}`);
  };
  const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.error(`lede bench on ${corpus.name} (${int(totalTokens)} tokens); ${workers} cores; load average ${loadAtStart}`);

  try {
    // Only the PostgreSQL or the queue row (its line on standard error), e.g. to measure a change to either.
    if (process.env.LEDE_BENCH_ONLY === 'postgres') return await postgresAgainstJsonl(corpus, dir, workers, row);
    if (process.env.LEDE_BENCH_ONLY === 'queue') return await benchQueue(corpus, dir, row);
    const corpusFile = join(dir, 'corpus.json');
    writeFileSync(corpusFile, JSON.stringify(corpus.documents));
    const single = JSON.parse(tagged((await runNode(['--expose-gc', SCRIPT, '--child-single', corpusFile])).stdout, RESULT_TAG));
    row('full pipeline, 1 thread', `${int(single.tokensPerSecond)} tokens/s, ${single.msPerArticle.toFixed(2)} ms/article`, '≥ 50,000 tokens/s');

    const compromiseRounds = Math.max(1, Number(process.env.LEDE_BENCH_COMPROMISE_ROUNDS ?? 7));
    const unseenNews = loadUnseenNews();
    const unseenFile = unseenNews && join(dir, 'unseen.json');
    if (unseenFile) writeFileSync(unseenFile, JSON.stringify(unseenNews));
    const versus = await compareWithCompromise(corpusFile, compromiseRounds, warmup, unseenFile);
    const versusRounds = (summary) =>
      `${summary.ratio.toFixed(2)}× (median of ${compromiseRounds} alternating rounds: ${summary.ratios.map((r) => r.toFixed(2)).join(', ')}; ` +
      `spread ${Math.min(...summary.ratios).toFixed(2)}–${Math.max(...summary.ratios).toFixed(2)}; ` +
      `lede ${int(summary.ledeTokensPerSecond)} tokens/s, compromise ${int(summary.compromiseTokensPerSecond)} tokens/s)`;
    row(
      `lede / compromise ${versus.version} (people, places, organizations), same process, same text, once each has read ${int(versus.warmedUp)} articles`,
      versusRounds(versus.steady),
      '≥ 4×',
    );
    row(
      `lede / compromise, the ${compromiseRounds} rounds right after one pass each (the measure before the twenty-second wave: lede still warming up)`,
      versusRounds(versus.early),
      'for comparison',
    );
    // The rounds above read the same corpus again and again; a user's stream is new text.
    if (unseenNews) {
      const ratios = versus.unseenRatios;
      row(
        `lede / compromise on news neither has read (PolNeAR train, ${unseenNews.length} articles, ${int(unseenNews.reduce((sum, d) => sum + d.tokens, 0))} tokens), after the rounds above`,
        `${median(ratios).toFixed(2)}× (median of ${ratios.length} chunks of ${UNSEEN_CHUNK} articles, each read once, in order: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
        'for comparison',
      );
    } else row('lede / compromise on news neither has read', 'skipped: ../shared/data/polnear/train is absent');
    const shares = await stageShares(corpusFile);
    row('share of the time per stage (source through tsx)', shares.map((s) => `${s.name} ${(100 * s.share).toFixed(1)}%`).join(', '));

    const cold = [];
    for (let i = 0; i < 5; i++) {
      const { stdout, wallMs } = await runNode(['--input-type=module', '-e', COLD_START]);
      cold.push({ ...JSON.parse(stdout), wallMs });
    }
    row(
      'cold start: import + first extract (median of 5)',
      `${median(cold.map((c) => c.inProcessMs)).toFixed(0)} ms (process start to first result ${median(cold.map((c) => c.sinceProcessStartMs)).toFixed(0)} ms, whole process ${median(cold.map((c) => c.wallMs)).toFixed(0)} ms)`,
      '≤ 500 ms',
    );
    row('peak RSS, one extractor over the corpus', mb(single.maxRssKb), '≤ 250 MB');

    const describe = (run) =>
      `${int(run.steadyArticlesPerSecond)} articles/s, ${int(run.steadyTokensPerSecond)} tokens/s ` +
      `(${int(run.articlesPerSecond)} articles/s counting start-up; ${run.cpuMsPerArticle.toFixed(2)} CPU ms/article; ` +
      `main thread busy ${(100 * run.mainThreadBusy).toFixed(0)}%; ` +
      (run.steadyCpu
        ? `steady CPU ms/article: worker threads ${run.steadyCpu.workers.toFixed(2)}, main ${run.steadyCpu.main.toFixed(2)}, GC/compiler and other threads ${run.steadyCpu.other.toFixed(2)}; `
        : '') +
      `peak RSS ${mb(run.maxRssKb)})`;
    // One worker keeps more than one core busy: V8's garbage collector and optimizing
    // compiler run on threads of their own, and the main thread takes the results. On
    // N cores, N workers can at most reach N × (worker thread) / (all threads) of one.
    const ceiling = (run) =>
      run.steadyCpu ? (workers * run.steadyCpu.workers) / (run.steadyCpu.workers + run.steadyCpu.main + run.steadyCpu.other) : null;
    const parallelism = await machineParallelism(workers);
    row(`machine parallelism now (a pure-JS loop on ${workers} threads / 1)`, `${parallelism.toFixed(2)}×`, `${workers}× on an idle machine`);
    // 1 worker and N workers in turn, several rounds: the speed a shared machine
    // gives drifts within a minute, and a drift between two single runs would pass
    // for (or hide) a change of scaling. Each round's two runs are close in time, so
    // the scaling is the median of the rounds' ratios; the rows show each count's
    // median run.
    const rounds = [];
    for (let r = 0; r < scalingRounds; r++) {
      const oneRun = await annotateThroughput(corpusFile, warmup, articles, 1);
      const manyRun = await annotateThroughput(corpusFile, warmup, articles, workers);
      rounds.push({ one: oneRun, many: manyRun, ratio: manyRun.steadyArticlesPerSecond / oneRun.steadyArticlesPerSecond });
    }
    const medianRun = (runs) => [...runs].sort((a, b) => a.steadyArticlesPerSecond - b.steadyArticlesPerSecond)[Math.floor(runs.length / 2)];
    const one = medianRun(rounds.map((r) => r.one));
    const many = medianRun(rounds.map((r) => r.many));
    const runSize = (run) => `${int(run.articles)} articles, timed after the first ${int(run.articles - run.windowArticles)}`;
    row(`annotate(), 1 worker, ${runSize(one)} (median of ${scalingRounds} runs)`, describe(one));
    row(`annotate(), ${workers} workers, ${runSize(many)} (median of ${scalingRounds} runs)`, describe(many));
    // The ideal for N workers on this machine now: N separate processes with one worker each.
    const separate = await Promise.all(Array.from({ length: workers }, () => annotateThroughput(corpusFile, warmup, articles, 1)));
    const separateRate = separate.reduce((sum, r) => sum + r.articles, 0) / (Math.max(...separate.map((r) => r.wallMs)) / 1000);
    row(
      `reference: ${workers} separate processes × 1 worker, ${int(separate[0].articles)} articles each`,
      `${int(separateRate)} articles/s counting start-up; ${workers} workers in one process reach ${(many.articlesPerSecond / separateRate).toFixed(2)}× of it`,
      '≈ 1× (the pool adds no cost)',
    );
    // Per round, the CPU time a worker thread took for an article with N workers over
    // that with one: about 1 when the workers ran as fast together as alone; well over
    // 1 when something slowed them while they shared the machine (each other, or
    // another guest of the host, which the development machine's /proc/stat does not
    // show as steal time). The ratio times this figure is what a round would have read
    // had a worker run as fast beside another as alone.
    const slowdowns = rounds.every((r) => r.one.steadyCpu && r.many.steadyCpu)
      ? rounds.map((r) => r.many.steadyCpu.workers / r.one.steadyCpu.workers)
      : null;
    row(
      `annotate scaling, ${workers} workers / 1`,
      `${median(rounds.map((r) => r.ratio)).toFixed(2)}× (median of ${scalingRounds} rounds: ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')}; ` +
        `${median(rounds.map((r) => r.many.articlesPerSecond / r.one.articlesPerSecond)).toFixed(2)}× counting start-up, each worker reading ${int(one.articles)} articles` +
        (ceiling(one) ? `; ceiling that 1 worker's CPU split sets: ${ceiling(one).toFixed(2)}×` : '') +
        (slowdowns ? `; a worker thread's CPU ms/article with ${workers} workers over that with 1, by round: ${slowdowns.map((x) => x.toFixed(2)).join(', ')}` : '') +
        ')',
      '≥ 1.7× (2 workers, 2 cores)',
    );
    // The window before the eighteenth wave: the same number of articles for every
    // count of workers, so N workers were timed earlier in their lives than one.
    const firstRatios = rounds.map((r) => r.many.firstWindow.articlesPerSecond / r.one.firstWindow.articlesPerSecond);
    row(
      `annotate scaling, ${workers} workers timed over the same ${int(one.windowArticles)} articles as 1 (the window before the eighteenth wave)`,
      `${median(firstRatios).toFixed(2)}× (median of ${scalingRounds} rounds: ${firstRatios.map((r) => r.toFixed(2)).join(', ')}; ` +
        `other threads' CPU ms/article in it: ${many.firstWindow.otherCpuMsPerArticle?.toFixed(2) ?? '?'}, against ${many.steadyCpu?.other.toFixed(2) ?? '?'} over the whole window)`,
      'for comparison',
    );

    const lines = (count) =>
      Array.from({ length: count }, (_, i) => JSON.stringify({ id: `a${i}`, text: corpus.documents[i % corpus.documents.length].text })).join('\n') + '\n';
    const tokensOf = (count) => Array.from({ length: count }, (_, i) => corpus.documents[i % corpus.documents.length].tokens).reduce((a, b) => a + b, 0);
    const bigJsonl = join(dir, 'big.jsonl');
    writeFileSync(bigJsonl, lines(bigRun));
    const big = await annotateRun(bigJsonl, bigRun, tokensOf(bigRun), workers);
    row(
      `lede annotate, ${workers} workers, ${int(bigRun)} articles: peak RSS`,
      `${mb(big.maxRssKb)} (${int(big.articlesPerSecond)} articles/s, ${int(big.tokensPerSecond)} tokens/s, wall ${(big.wallMs / 1000).toFixed(1)} s)`,
      '≤ 400 MB',
    );

    row(
      'cost growth: per-byte time, 1 MB article / 100 KB article',
      `${single.perByteRatio.toFixed(2)} (${(single.smallBytes / 1024).toFixed(0)} KB in ${single.smallMs.toFixed(0)} ms, ${(single.largeBytes / 1024).toFixed(0)} KB in ${single.largeMs.toFixed(0)} ms; peak RSS then ${mb(single.maxRssAfterLargeKb)})`,
      '≤ 1.2',
    );

    await postgresAgainstJsonl(corpus, dir, workers, row);
    await benchQueue(corpus, dir, row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const header = ['measure', 'value', 'budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `\nlede bench: ${corpus.name}, ${int(totalTokens)} tokens; node ${process.version}; ${workers} cores; ` +
      `load average at the start ${loadAtStart}, at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`,
  );
  console.log(format(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(format(r));
}

// ---------------------------------------------------------------- lede queue (DESIGN §4: within 15% of annotate)

/** redis-server on PATH, or null. */
function findRedisServer() {
  for (const folder of [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/sbin']) {
    if (folder && existsSync(join(folder, 'redis-server'))) return join(folder, 'redis-server');
  }
  return null;
}

/** Runs `lede …args` to its end; resolves with its wall time. */
function runLede(args) {
  return runNode([DIST_CLI, ...args]);
}

/**
 * `lede queue` with two local worker processes (one worker thread each) against
 * `lede annotate --workers 2`, on the same input, in alternating rounds. The queue
 * run is timed from the start of `lede queue add` to the end of `lede queue collect`,
 * with the workers started (idle) before: both runs load their extractors inside
 * the timing. Redis runs with its append-only file (fsync every second), as the README
 * recommends.
 */
async function benchQueue(corpus, dir, row) {
  const measure = 'lede queue, 2 worker processes × 1 thread, vs lede annotate --workers 2';
  const redisServer = findRedisServer();
  if (!redisServer) {
    row(measure, 'skipped: no redis-server on PATH (apt-get install redis-server)', 'within 15%');
    return;
  }
  const articles = Number(process.env.LEDE_BENCH_QUEUE_ARTICLES ?? 4000);
  const rounds = Math.max(1, Number(process.env.LEDE_BENCH_QUEUE_ROUNDS ?? 3));
  const input = writeCorpusJsonl(join(dir, 'queue-input.jsonl'), corpus, articles, (i) => ({ id: `q${i}` }));
  const port = await freePort();
  const redisDir = mkdtempSync(join(tmpdir(), 'lede-bench-redis-'));
  const redis = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'yes'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const workers = [];
  try {
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    const results = [];
    for (let round = 0; round < rounds; round++) {
      const annotateRun = await runLede(['annotate', input, '-o', join(dir, 'annotate-out.jsonl'), '--workers', '2']);
      const queue = `bench-${round}`;
      const target = ['--redis', url, '--queue', queue];
      // Start the workers and wait until both are connected (they say so on standard error).
      await Promise.all(
        [0, 1].map(
          () =>
            new Promise((resolveReady, reject) => {
              const worker = spawn(process.execPath, [DIST_CLI, 'queue', 'work', ...target, '--workers', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
              workers.push(worker);
              let stderr = '';
              worker.stderr.on('data', (chunk) => {
                stderr += chunk;
                if (stderr.includes('worker thread on queue')) resolveReady();
              });
              worker.once('exit', (code) => reject(new Error(`lede queue work exited (${code}): ${stderr}`)));
            }),
        ),
      );
      const started = performance.now();
      const [, collected] = await Promise.all([
        runLede(['queue', 'add', input, ...target]),
        runLede(['queue', 'collect', ...target, '-o', join(dir, 'queue-out.jsonl')]),
      ]);
      const queueMs = performance.now() - started;
      if (!collected.stderr.includes(`lede queue collect: ${articles} articles, 0 errors`)) throw new Error(`unexpected collect summary: ${collected.stderr}`);
      if (readFileSync(join(dir, 'queue-out.jsonl'), 'utf8') !== readFileSync(join(dir, 'annotate-out.jsonl'), 'utf8')) {
        throw new Error('lede queue and lede annotate wrote different output');
      }
      for (const worker of workers.splice(0)) {
        const exited = new Promise((resolveExit) => worker.once('exit', resolveExit));
        worker.kill('SIGTERM');
        await exited;
      }
      results.push({ annotateMs: annotateRun.wallMs, queueMs });
    }
    const ratios = results.map((r) => r.queueMs / r.annotateMs);
    const middle = median(ratios);
    const run = results[ratios.indexOf(middle)];
    row(
      `${measure}, ${int(articles)} articles (median of ${rounds} rounds)`,
      `queue ${int(articles / (run.queueMs / 1000))} articles/s, annotate ${int(articles / (run.annotateMs / 1000))} articles/s: ` +
        `queue takes ${middle.toFixed(2)}× the time of annotate (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; same output)`,
      '≤ 1.15×',
    );
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    redis.kill('SIGTERM');
    await new Promise((resolveExit) => (redis.exitCode === null ? redis.once('exit', resolveExit) : resolveExit()));
    rmSync(redisDir, { recursive: true, force: true });
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--child-single') await childSingleThread(rest[0]);
else if (mode === '--child-cli') await childCli(rest);
else if (mode === '--child-compromise') await childCompromise(rest[0], Number(rest[1]), Number(rest[2]), rest[3]);
else if (mode === '--child-stages') await childStages(rest[0]);
else if (mode === '--child-annotate') await childAnnotate(rest[0], Number(rest[1]), Number(rest[2]), Number(rest[3]));
else await main();
