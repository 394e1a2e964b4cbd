/**
 * Every example in data/lexicon/dates.json is a test: vague references must
 * yield the value of their entry, false alarms must yield no date at all.
 */

import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import { loadResourceData } from '../../src/node/load-data.js';
import { expectValidResult } from '../helpers.js';

const extractor = createExtractor();
const lexicon = loadResourceData().dates;

const cases = [...lexicon.vagueReferences, ...lexicon.falseAlarms].flatMap((entry) =>
  entry.examples.map((example, index) => [`${entry.id} #${index + 1}`, example] as const),
);

describe('dates lexicon examples', () => {
  it('has examples for every entry', () => {
    for (const entry of [...lexicon.vagueReferences, ...lexicon.falseAlarms]) expect([entry.id, entry.examples.length > 0]).toEqual([entry.id, true]);
  });

  it('has unique ids', () => {
    const ids = [...lexicon.vagueReferences, ...lexicon.falseAlarms].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(cases)('%s', (_id, example) => {
    const result = extractor.extract(example.text, { publishedAt: example.publishedAt ?? '2015-07-20' });
    expectValidResult(result, example.text);
    expect(result.dates.map((d) => [d.text, d.value])).toEqual(example.expect);
  });
});
