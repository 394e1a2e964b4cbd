/**
 * Each pipeline stage's time under two versions of the source, in one process,
 * interleaved document by document (the order flipped every document and round),
 * so that a shared machine's load falls on both alike: per stage, each version's
 * median time per round and the median (min-max) of the rounds' ratios B / A.
 * First checks that both give the same output for every document.
 *
 *   node --import tsx scripts/stage-ab.mjs [rounds] <rootA> <rootB> [stages]
 *
 * A root is a checkout with src/, data/ and package.json, and node_modules
 * reachable from it, e.g. main's source next to this one:
 *   git archive main | tar -x -C /tmp/main && ln -s "$PWD/node_modules" /tmp/main/
 * `stages` (default all) runs only the first stages of the pipeline (3: segment,
 * tokenize, ner) and no output step. The corpus is CoNLL-2003 dev rebuilt as text
 * (../shared/data), as npm run bench reads it.
 */

import { resolve } from 'node:path';
import { conllDocuments } from './lib/conll-text.mjs';
import { stagedPipeline } from './lib/stage-timing.mjs';

const [rounds = '7', rootA, rootB, stageCount = '99'] = process.argv.slice(2);
if (!rootA || !rootB) {
  console.error('usage: node --import tsx scripts/stage-ab.mjs [rounds] <rootA> <rootB> [stages]');
  process.exit(2);
}

const documents = conllDocuments(resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'conll2003', 'dev.txt')).map((d) => d.text);
const load = (root) => stagedPipeline(root, Number(stageCount));

const versions = [await load(rootA), await load(rootB)];
const names = versions[0].names;
const scratch = new Float64Array(names.length);
const outputOf = (version, text) => JSON.stringify(version.run(text, scratch));
const differing = documents.filter((text) => outputOf(versions[0], text) !== outputOf(versions[1], text)).length;
console.log(`${documents.length} documents; ${names.includes('output') ? `output differs on ${differing}` : 'output not compared (part of the pipeline)'}`);

const times = versions.map(() => names.map(() => []));
for (let r = 0; r < Number(rounds); r++) {
  const sums = versions.map(() => new Float64Array(names.length));
  documents.forEach((text, d) => {
    for (let k = 0; k < 2; k++) {
      const v = (k + d + r) % 2;
      versions[v].run(text, sums[v]);
    }
  });
  sums.forEach((sum, v) => sum.forEach((t, s) => times[v][s].push(t)));
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const rows = [...names.map((name, s) => [name, times.map((t) => t[s])]), ['total', times.map((t) => t[0].map((_, r) => t.reduce((sum, stage) => sum + stage[r], 0)))]];
console.log(`${'stage'.padEnd(10)} ${'A ms'.padStart(7)} ${'B ms'.padStart(7)}  B/A median (min-max) over ${rounds} rounds`);
for (const [name, [a, b]] of rows) {
  const ratios = b.map((t, r) => t / a[r]);
  console.log(`${name.padEnd(10)} ${median(a).toFixed(0).padStart(7)} ${median(b).toFixed(0).padStart(7)}  ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)})`);
}
