/**
 * What the build changes in the code it bundles (winkEdits in tsup.config.ts, which
 * says why): wink-nlp's readDoc makes each document's token array with
 * `Array.of()`, not an array literal, and its tokenizer makes its no-break-space
 * test once, not once per piece of text, in every built file that carries them;
 * and the built package, with those edits and the cache's reused one-index
 * answer, extracts what the sources (with wink-nlp as published) extract.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { GOLDEN_ARTICLES } from './golden/articles.js';
import { readGolden, readSample, ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
/** The tokenizer's test for no-break spaces, as a regular expression literal (minified or not). */
const NBSP_LITERAL = '/[\\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]/';
/** readDoc's `rdd.wordVectors = …; rdd.tokens = …` (or, minified, `v.wordVectors=a,v.tokens=…`): the token array's initialiser. */
const READ_DOC_TOKENS = /\bwordVectors\s*=\s*[\w$]+\s*[;,]\s*[\w$]+\.tokens\s*=\s*([^;,\n]+)/g;

function builtFiles(): string[] {
  if (!existsSync(join(DIST, 'index.js'))) throw new Error('These tests read dist/: run `npm run build` first (`npm test` does).');
  return readdirSync(DIST).filter((name) => /\.(c?js)$/.test(name));
}

describe('the bundled wink-nlp', () => {
  const initialisers = new Map<string, string[]>();
  for (const name of builtFiles()) {
    const found = [...readFileSync(join(DIST, name), 'utf8').matchAll(READ_DOC_TOKENS)].map((match) => match[1]!.trim());
    if (found.length > 0) initialisers.set(name, found);
  }

  it('is in the Node builds (ESM and CommonJS), the command line and the browser build', () => {
    expect([...initialisers.keys()]).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'browser.js']));
    // The command line and the batch worker share a chunk with the pipeline.
    expect([...initialisers.keys()].some((name) => name.startsWith('chunk-'))).toBe(true);
  });

  it('makes readDoc’s token array with Array.of(), not a literal, in each', () => {
    for (const [name, found] of initialisers) expect({ name, found }).toEqual({ name, found: found.map(() => 'Array.of()') });
  });

  it('makes the tokenizer’s no-break-space test once, outside its loop, in each', () => {
    for (const name of initialisers.keys()) {
      const code = readFileSync(join(DIST, name), 'utf8');
      const literals = code.split(NBSP_LITERAL).length - 1;
      // Once, assigned to a name; never tested where it is written (a new RegExp per piece of text).
      expect({ name, literals, testedInPlace: code.includes(`${NBSP_LITERAL}.test(`) }).toEqual({ name, literals: 1, testedInPlace: false });
    }
  });
});

describe('the built package', () => {
  // Each text also read twice with one extractor: the second reading goes through wink-nlp's cache warm.
  const texts = [
    ...GOLDEN_ARTICLES.map(({ file, publishedAt }) => ({ name: file, text: readSample(file), publishedAt })),
    { name: 'contractions', text: "\"We can't wait, and we won't,\" said Ana López, who'd run Acme Corp.'s office in Lyon since May 3. \"I'm sure it's right.\"", publishedAt: '2024-05-10' },
  ];

  it('extracts, from ESM, what the sources extract: the golden output', async () => {
    const built = (await import(pathToFileURL(join(DIST, 'index.js')).href)) as typeof import('../src/index.js');
    const extractor = built.createExtractor();
    for (const { name, text, publishedAt } of texts) {
      const expected = GOLDEN_ARTICLES.some((golden) => golden.file === name) ? readGolden(name) : extract(text, { publishedAt });
      for (let reading = 0; reading < 2; reading++) expect({ name, reading, result: extractor.extract(text, { publishedAt }) }).toEqual({ name, reading, result: expected });
    }
  });

  it('extracts the same from CommonJS', () => {
    const built = createRequire(import.meta.url)(join(DIST, 'index.cjs')) as typeof import('../src/index.js');
    const extractor = built.createExtractor();
    for (const { name, text, publishedAt } of texts) expect({ name, result: extractor.extract(text, { publishedAt }) }).toEqual({ name, result: extract(text, { publishedAt }) });
  });
});
