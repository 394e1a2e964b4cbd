/**
 * What the build changes in the code it bundles (tsup.config.ts): wink-nlp's
 * readDoc makes each document's token array with `Array.of()`, not an array
 * literal, in every built file that carries it (see winkTokensYoung there for why).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
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
});
