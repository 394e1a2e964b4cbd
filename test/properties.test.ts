/**
 * Invariants over arbitrary strings: never throws, always schema-valid, every
 * span matches the text, mentions never overlap; and an article's result does
 * not depend on what the extractor read before it.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtractor, extract } from '../src/index.js';
import { GOLDEN_ARTICLES } from './golden/articles.js';
import { expectValidResult, readGolden, readSample } from './helpers.js';

const NEWS_WORDS = [
  'Lavrov', 'said', '"', '“', '”', "'", 'Mr.', 'the', 'Ministry', 'of', 'Foreign', 'Affairs', 'in', 'Baku', 'on', 'Friday',
  'September', '2015', '-02D-', 'U.S.', '.', ',', '\n', '\n\n', '-', 'According', 'to', 'him', 'He', 'noted', 'that', 'May',
  'may', 'COP29', '3-1', 'St.Petersburg', 'Lavrov-Mamedyarov', "Lavrov's", '(OSCE)', '«', '»', '—', '12', 'last', 'year',
];

const newsLike = fc.array(fc.constantFrom(...NEWS_WORDS), { maxLength: 80 }).map((words) => words.join(' '));
const anything = fc.string({ unit: 'binary', maxLength: 300 });
const mixed = fc.array(fc.oneof(newsLike, anything, fc.string({ unit: 'grapheme', maxLength: 40 })), { maxLength: 6 }).map((parts) => parts.join(''));

describe('properties', () => {
  it('any string gives a valid result whose spans match the text', () => {
    fc.assert(
      fc.property(mixed, fc.option(fc.constantFrom('2015-07-20', '2024-02-29'), { nil: undefined }), (text, publishedAt) => {
        expectValidResult(extract(text, publishedAt ? { publishedAt } : undefined), text);
      }),
      { numRuns: 1000, seed: 20151120 },
    );
  });

  it('news-like strings give a valid result', () => {
    fc.assert(
      fc.property(newsLike, (text) => {
        expectValidResult(extract(text, { publishedAt: '2015-07-20' }), text);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('an article gives its golden result whatever the extractor read before it', () => {
    // An extractor keeps caches (wink-nlp's vocabulary, the tagger's scorer and sums) from one article to the next.
    const extractor = createExtractor();
    const articles = GOLDEN_ARTICLES.map(({ file, publishedAt }) => ({ text: readSample(file), publishedAt, expected: readGolden(file) }));
    fc.assert(
      fc.property(fc.array(fc.oneof(newsLike, mixed), { minLength: 1, maxLength: 4 }), fc.nat(articles.length - 1), (before, which) => {
        for (const text of before) extractor.extract(text);
        const { text, publishedAt, expected } = articles[which]!;
        expect(extractor.extract(text, { publishedAt })).toEqual(expected);
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });
});
