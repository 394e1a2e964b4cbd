/**
 * Cold start, step by step: in fresh node processes, the import of a build,
 * createExtractor(), the first extract() of a one-sentence text and a second one,
 * each in wall-clock and CPU milliseconds (CPU time moves less than wall-clock
 * time on a shared machine). Several builds given are run in alternating order,
 * so that a drift of the machine's speed favours none; the figures are medians.
 *
 *   node scripts/cold-start.mjs [--runs 10] [path/to/index.js ...]   (default: dist/index.js)
 *
 * npm run bench reports the budget's figure (import + first extract, DESIGN §4);
 * this one says where the time goes, and compares two builds (e.g. a copy of
 * dist/ from main against this branch's).
 */

import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const STEPS = ['import', 'create', 'first', 'second'];

if (process.argv[2] === '--child') {
  const wall = [performance.now()];
  const cpu = [process.cpuUsage()];
  const mark = () => {
    wall.push(performance.now());
    cpu.push(process.cpuUsage());
  };
  const { createExtractor } = await import(pathToFileURL(process.argv[3]).href);
  mark();
  const extractor = createExtractor();
  mark();
  extractor.extract('Lavrov said "we agree" in Moscow on Monday.', { publishedAt: '2015-07-20' });
  mark();
  extractor.extract('Merkel said "we disagree" in Berlin on Tuesday.', { publishedAt: '2015-07-21' });
  mark();
  const cpuMs = (a, b) => (b.user + b.system - a.user - a.system) / 1000;
  const result = {};
  STEPS.forEach((step, i) => {
    result[step] = wall[i + 1] - wall[i];
    result[`${step} cpu`] = cpuMs(cpu[i], cpu[i + 1]);
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 10;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const builds = (args.length > 0 ? args : [join(root, 'dist', 'index.js')]).map((path) => resolve(path));
  const results = builds.map(() => []);
  for (let r = 0; r < runs; r++) {
    const order = builds.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', builds[i]], { encoding: 'utf8' });
      results[i].push(JSON.parse(out.trim().split('\n').pop()));
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  builds.forEach((build, i) => {
    const column = (key) => median(results[i].map((r) => r[key])).toFixed(0);
    const total = (suffix) => median(results[i].map((r) => r[`import${suffix}`] + r[`create${suffix}`] + r[`first${suffix}`])).toFixed(0);
    console.log(`${build} (median of ${runs})`);
    console.log(`  wall ms: ${STEPS.map((s) => `${s} ${column(s)}`).join(', ')}; import + first extract ${total('')}`);
    console.log(`  CPU ms:  ${STEPS.map((s) => `${s} ${column(`${s} cpu`)}`).join(', ')}; import + first extract ${total(' cpu')}`);
  });
}
