/**
 * The quotes evaluation's matching (scripts/eval/quotes.ts, DESIGN §5): a quote is
 * matched by its parts, so the attribution that interrupts it counts for no gold
 * content, and a gold content in pieces is found by a quote in parts.
 */

import { describe, expect, it } from 'vitest';
import { pairQuotes, partsOverlap, trimRange } from '../../scripts/eval/quotes.js';

describe('quotes eval: matching by parts', () => {
  const text = '"We will not give in," she said, "not now." The port, he said, is full.';
  const piece = (words: string) => trimRange(text, text.indexOf(words), text.indexOf(words) + words.length);

  it('overlap sums over parts and pieces, leaving the attribution out', () => {
    const parts = [piece('We will not give in,'), piece('not now.')];
    expect(partsOverlap(parts, [piece('We will not give in,'), piece('not now.')])).toBe('We will not give in'.length + 'not now'.length);
    expect(partsOverlap(parts, [piece('she said')])).toBe(0);
  });

  it('pairs a quote in two parts with a gold content in two pieces', () => {
    const predicted = [[piece('We will not give in,'), piece('not now.')], [piece('The port'), piece('is full.')]];
    const gold = [[piece('The port'), piece('is full.')], [piece('We will not give in,'), piece('not now.')]];
    expect([...pairQuotes(predicted, gold)]).toEqual([[0, 1], [1, 0]]);
  });

  it('pairs one to one, largest overlap first', () => {
    const predicted = [[piece('We will not give in,')], [piece('not now.')]];
    const gold = [[piece('We will not give in,'), piece('not now.')]];
    expect([...pairQuotes(predicted, gold)]).toEqual([[0, 0]]);
  });

  it('leaves a quote that lies only over the attribution unpaired', () => {
    expect(pairQuotes([[piece('she said')]], [[piece('We will not give in,'), piece('not now.')]]).size).toBe(0);
  });
});
