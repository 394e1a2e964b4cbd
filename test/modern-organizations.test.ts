/**
 * Organisations of today's news through the public extract(): the tagger was
 * trained on 1996 Reuters text and reads data/gazetteer/organization.tsv
 * (data/lexicon/organizations.json) as a feature. Rows in
 * test/fixtures/modern-organizations.ts; a row marked `failing` is expected to fail.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { compileResources } from '../src/core/resources.js';
import { runPipeline } from '../src/core/extractor.js';
import { loadResourceData } from '../src/node/load-data.js';
import { segmentStage } from '../src/stages/segment.js';
import { tokenizeStage } from '../src/stages/tokenize.js';
import { tokenKey } from '../src/stages/ner/gazetteer.js';
import { MODERN_ROWS, type ModernRow } from './fixtures/modern-organizations.js';
import { ROOT, typedMentions } from './helpers.js';

/** Every name the row expects, as "text/type", and what extract() gives for it. */
function check(row: ModernRow): { expected: string[]; found: string[] } {
  const found = typedMentions(extract(row.text), row.text);
  const expected = [
    ...(row.organizations ?? []).map((n) => `${n}/organization`),
    ...(row.people ?? []).map((n) => `${n}/person`),
    ...(row.places ?? []).map((n) => `${n}/place`),
  ];
  return { expected, found };
}

describe('organisations of today\'s news', () => {
  for (const row of MODERN_ROWS) {
    const test = row.failing ? it.fails : it;
    test(`${row.text}${row.failing ? ` (fails: ${row.failing})` : ''}`, () => {
      const { expected, found } = check(row);
      expect(found).toEqual(expect.arrayContaining(expected));
    });
  }
});

describe('organization.tsv', () => {
  // nameKeys splits every hyphen (and, as the tokenizer does, a possessive 's); the
  // tokenizer keeps "co-operation" whole. A name whose tokens differ from its keys
  // would never match, so the list leaves such names out.
  it('holds names that the tokenizer reads as the tokens their keys say', () => {
    const resources = compileResources({ ...loadResourceData(), nerModel: null }, {});
    const lines = readFileSync(join(ROOT, 'data', 'gazetteer', 'organization.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(1000);
    const differ: string[] = [];
    for (const line of lines) {
      const [name = '', , keys] = line.split('\t');
      const text = `Shares of ${name} rose.`;
      const doc = runPipeline(text, {}, resources, [segmentStage, tokenizeStage]);
      const read = doc.tokens.slice(2, -2).map((t) => tokenKey(text.slice(t.start, t.end))).join(' ');
      if (read !== (keys ?? name.replace(/[A-Z]/g, (c) => c.toLowerCase()))) differ.push(`${name}: ${read}`);
    }
    expect(differ).toEqual([]);
  });
});
