/**
 * Quotes as table rows for the quote tests: every result is validated against the
 * schema, with every span and every part checked against the text.
 */

import { expect } from 'vitest';
import { createExtractor } from '../../src/index.js';
import type { Quote } from '../../src/types.js';
import { expectValidResult } from '../helpers.js';

const extractor = createExtractor();

export interface QuoteRow {
  quote: string;
  kind: Quote['kind'];
  speaker: string | null;
  /** The parts' texts; checked only when given (an uninterrupted quote has one, the quote). */
  parts?: string[];
  cue?: string | null;
}

export function quoteRows(text: string): (QuoteRow & { parts: string[] })[] {
  const result = extractor.extract(text);
  expectValidResult(result, text);
  return result.quotes.map((q) => {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    for (const part of q.parts) expect(text.slice(part.start, part.end)).toBe(part.text);
    return { quote: q.text, kind: q.kind, speaker: q.speaker?.mention.text ?? null, parts: q.parts.map((p) => p.text), cue: q.cue?.text ?? null };
  });
}

/** The quotes of `text` are `expected`: quote, kind and speaker always; parts and cue where a row gives them. */
export function expectQuoteRows(text: string, expected: QuoteRow[]): void {
  const found = quoteRows(text);
  expect(found.map(({ quote, kind, speaker }) => ({ quote, kind, speaker }))).toEqual(expected.map(({ quote, kind, speaker }) => ({ quote, kind, speaker })));
  expected.forEach((row, i) => {
    if (row.parts !== undefined) expect(found[i]!.parts).toEqual(row.parts);
    else expect(found[i]!.parts).toEqual([row.quote]);
    if (row.cue !== undefined) expect(found[i]!.cue).toBe(row.cue);
  });
}
