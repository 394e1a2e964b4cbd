/**
 * Invariants over arbitrary strings: never throws, always schema-valid, every
 * span matches the text, mentions never overlap.
 */

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidResult } from './helpers.js';

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
});
