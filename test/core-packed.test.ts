/**
 * mapPacked: the same values as Array.prototype.map, in a fresh array. (Why it
 * exists, the arrays' shape in V8, is a matter of speed: the bench's compiler
 * time, not a test.)
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapPacked } from '../src/core/packed.js';

describe('mapPacked', () => {
  it.each([
    ['empty', [] as unknown[], []],
    ['numbers doubled', [1, 2, 3], [2, 4, 6]],
    ['objects to numbers', [{ a: 1 }, { a: 2 }], [2, 4]],
  ])('%s', (_name, items, expected) => {
    const f = (item: unknown): unknown => (typeof item === 'number' ? item * 2 : (item as { a: number }).a * 2);
    expect(mapPacked(items, f)).toEqual(expected);
  });

  it('passes each index and returns a new array, leaving the input alone', () => {
    const items = ['a', 'b', 'c'];
    const seen: [string, number][] = [];
    const out = mapPacked(items, (item, index) => {
      seen.push([item, index]);
      return `${item}${index}`;
    });
    expect(out).toEqual(['a0', 'b1', 'c2']);
    expect(seen).toEqual([['a', 0], ['b', 1], ['c', 2]]);
    expect(out).not.toBe(items);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('agrees with Array.prototype.map on any array', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.object())), (items) => {
        const f = (item: unknown, index: number): unknown => [typeof item, index, item];
        expect(mapPacked(items, f)).toEqual(items.map(f));
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
