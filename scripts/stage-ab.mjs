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

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [rounds = '7', rootA, rootB, stageCount = '99'] = process.argv.slice(2);
if (!rootA || !rootB) {
  console.error('usage: node --import tsx scripts/stage-ab.mjs [rounds] <rootA> <rootB> [stages]');
  process.exit(2);
}

const documents = [];
{
  const here = resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'conll2003', 'dev.txt');
  let sentences = [];
  let words = [];
  const endSentence = () => {
    if (words.length) sentences.push(words.join(' '));
    words = [];
  };
  for (const line of readFileSync(here, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (sentences.length) documents.push(sentences.join('\n'));
      sentences = [];
    } else if (line.trim() === '') endSentence();
    else words.push(line.split(' ')[0]);
  }
  endSentence();
  if (sentences.length) documents.push(sentences.join('\n'));
}

async function load(root) {
  const src = (path) => import(pathToFileURL(join(resolve(root), 'src', path)).href);
  const { PIPELINE } = await src('core/pipeline.ts');
  const { loadResourceData } = await src('node/load-data.ts');
  const { compileResources } = await src('core/resources.ts');
  const { createDocument } = await src('core/document.ts');
  const { buildExtraction } = await src('core/output.ts');
  const { validateConfig } = await src('core/options.ts');
  const resources = compileResources(loadResourceData(), validateConfig(undefined));
  const stages = PIPELINE.slice(0, Number(stageCount));
  const withOutput = stages.length === PIPELINE.length;
  const names = [...stages.map((stage) => stage.name), ...(withOutput ? ['output'] : [])];
  const run = (text, times) => {
    const doc = createDocument(text, null);
    for (let s = 0; s < stages.length; s++) {
      const t0 = performance.now();
      stages[s].run(doc, resources);
      times[s] += performance.now() - t0;
    }
    if (!withOutput) return '';
    const t0 = performance.now();
    const out = JSON.stringify(buildExtraction(doc));
    times[stages.length] += performance.now() - t0;
    return out;
  };
  return { names, run };
}

const versions = [await load(rootA), await load(rootB)];
const names = versions[0].names;
const scratch = new Float64Array(names.length);
const differing = documents.filter((text) => versions[0].run(text, scratch) !== versions[1].run(text, scratch)).length;
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
