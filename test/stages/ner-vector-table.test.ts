/**
 * VectorTable (src/stages/ner/decode.ts): the tagger's summed scores of state and
 * mark groups, LABEL_COUNT integers by a 32-bit key, in one pool behind an
 * open-addressed table. A key finds the vector kept for it and no other, through
 * growth, for any 32-bit key (marks words use the high bit), and the table starts
 * again empty once full.
 */

import { describe, expect, it } from 'vitest';
import { VectorTable } from '../../src/stages/ner/decode.js';
import { LABEL_COUNT } from '../../src/stages/ner/labels.js';

const vectorOf = (key: number): number[] => Array.from({ length: LABEL_COUNT }, (_, l) => (((key * 31 + l * 7) | 0) % 100_000) | 0);
const read = (table: VectorTable, key: number): number[] | null => {
  const at = table.offsetOf(key);
  return at < 0 ? null : Array.from(table.pool.subarray(at, at + LABEL_COUNT));
};

describe('VectorTable', () => {
  it.each([
    ['zero', 0],
    ['one', 1],
    ['a packed state', ((((3 * 32 + 5) * 32 + 31) * 4 + 2) * 8) | 5],
    ['a marks word with the high bit', 0x80000001 >>> 0],
    ['every bit', 0xffffffff],
  ])('keeps and finds %s', (_name, key) => {
    const table = new VectorTable(100);
    expect(table.offsetOf(key)).toBe(-1);
    table.keep(key, vectorOf(key));
    expect(read(table, key)).toEqual(vectorOf(key));
  });

  it('finds every key kept, and none other, past several growths of the table and the pool', () => {
    const table = new VectorTable(100_000);
    const keys = Array.from({ length: 5000 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0);
    for (const key of keys) table.keep(key, vectorOf(key));
    for (const key of keys) expect(read(table, key)).toEqual(vectorOf(key));
    for (let i = 0; i < 200; i++) expect(table.offsetOf(Math.imul(i + 7001, 2654435761) >>> 0)).toBe(-1);
  });

  it('starts again empty once it holds its most entries', () => {
    const table = new VectorTable(3);
    for (const key of [10, 20, 30]) table.keep(key, vectorOf(key));
    expect(read(table, 30)).toEqual(vectorOf(30));
    table.keep(40, vectorOf(40));
    expect(table.offsetOf(10)).toBe(-1);
    expect(table.offsetOf(30)).toBe(-1);
    expect(read(table, 40)).toEqual(vectorOf(40));
  });
});
