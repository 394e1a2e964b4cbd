/**
 * parsersFor: the date parsers worth trying on a document's sentences. A parser
 * whose trigger cannot match anywhere in the document is left out; one whose
 * trigger matches any piece of it never is (its trigger without word boundaries
 * is tested on the whole text).
 */

import { describe, expect, it } from 'vitest';
import { parsersFor, type DateParser } from '../../src/stages/dates/parser.js';
import { createDateParsers } from '../../src/stages/dates/parsers/index.js';
import { compileDatesLexicon } from '../../src/stages/dates/lexicon.js';
import { loadResourceData } from '../../src/node/load-data.js';
import { readSample } from '../helpers.js';

const parsers = createDateParsers(compileDatesLexicon(loadResourceData().dates));
const parser = (id: string, trigger?: RegExp): DateParser => ({ id, pattern: /x/g, ...(trigger ? { trigger } : {}), extract: () => null });

describe('parsersFor(parsers, documentText)', () => {
  it.each([
    ['a trigger the document fails', parser('a', /quarter/i), 'Sales rose on Monday.', false],
    ['a trigger the document passes', parser('a', /quarter/i), 'Sales rose in the third Quarter.', true],
    ['no trigger', parser('a'), 'Nothing here.', true],
    ['a word boundary the document does not keep at a sentence edge', parser('a', /\bday\s+(?:of|since|in)\b/i), 'xday of', true],
    ['an anchor: kept whatever the document', parser('a', /^Jan/), 'Nothing here.', true],
    ['a lookahead: kept whatever the document', parser('a', /May(?= \d)/), 'Nothing here.', true],
  ] as const)('%s', (_name, p, text, kept) => {
    expect(parsersFor([p], text)).toEqual(kept ? [p] : []);
  });

  it('keeps the order of the parsers it keeps', () => {
    const [a, b, c] = [parser('a', /one/), parser('b', /two/), parser('c', /three/)];
    expect(parsersFor([a, b, c], 'three one')).toEqual([a, c]);
  });

  it("never leaves out a built-in parser whose trigger matches one of the sample's lines or any slice of them", () => {
    const text = readSample();
    const kept = new Set(parsersFor(parsers, text));
    for (const line of text.split('\n')) {
      for (let start = 0; start < line.length; start += 7) {
        const piece = line.slice(start, start + 40);
        for (const p of parsers) if (p.trigger?.test(piece)) expect(kept.has(p), `${p.id} on "${piece}"`).toBe(true);
      }
    }
  });
});
