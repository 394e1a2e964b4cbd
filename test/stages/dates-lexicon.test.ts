/**
 * Every example in data/lexicon/dates.json is a test: vague references must
 * yield the value of their entry, false alarms must yield no date at all, and
 * modifiers must yield the value and the TIMEX3 mod of their rows.
 */

import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import { loadResourceData } from '../../src/node/load-data.js';
import { expectValidResult } from '../helpers.js';

const extractor = createExtractor();
const lexicon = loadResourceData().dates;
const entries = [...lexicon.vagueReferences, ...lexicon.falseAlarms, ...lexicon.modifiers.entries];

const cases = [...lexicon.vagueReferences, ...lexicon.falseAlarms].flatMap((entry) =>
  entry.examples.map((example, index) => [`${entry.id} #${index + 1}`, example] as const),
);
const modifierCases = lexicon.modifiers.entries.flatMap((entry) =>
  entry.examples.map((example, index) => [`${entry.id} #${index + 1}`, example] as const),
);

describe('dates lexicon examples', () => {
  it('has examples for every entry', () => {
    for (const entry of entries) expect([entry.id, entry.examples.length > 0]).toEqual([entry.id, true]);
  });

  it('has unique ids', () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(cases)('%s', (_id, example) => {
    const result = extractor.extract(example.text, { publishedAt: example.publishedAt ?? '2015-07-20' });
    expectValidResult(result, example.text);
    expect(result.dates.map((d) => [d.text, d.value])).toEqual(example.expect);
  });

  it.each(modifierCases)('%s', (_id, example) => {
    const result = extractor.extract(example.text, { publishedAt: example.publishedAt ?? '2015-07-20' });
    expectValidResult(result, example.text);
    expect(result.dates.map((d) => (d.mod === undefined ? [d.text, d.value] : [d.text, d.value, d.mod]))).toEqual(example.expect);
  });

  it('has every zone offset in the TIMEX3 spelling', () => {
    for (const [zone, offset] of Object.entries(lexicon.timeZones.offsets)) expect([zone, offset]).toEqual([zone, expect.stringMatching(/^(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/)]);
  });
});
