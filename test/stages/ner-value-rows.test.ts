import { describe, expect, it } from 'vitest';
import { MAX_VALUES, UNKNOWN_ROW, ValueRowCache } from '../../src/stages/ner/value-rows.js';

describe('ValueRowCache', () => {
  it('starts again empty when an article would not fit, whatever templates it has seen (regression: a pair template before a unary one left a hole that clear() read)', () => {
    const cache = new ValueRowCache();
    cache.setPairRow('w-1|w', 0, 1, 7);
    cache.unaryRowsOf('w');
    const first = Array.from({ length: MAX_VALUES - 10 }, (_, i) => `a${i}`);
    const ids = new Int32Array(MAX_VALUES);
    expect(cache.idsOf(first, ids)).toBe(true);
    cache.unaryRowsOf('w')[5] = 3;
    const second = Array.from({ length: 100 }, (_, i) => `b${i}`);
    expect(cache.idsOf(second, ids)).toBe(true);
    expect(ids[0]).toBe(0);
    expect(cache.unaryRowsOf('w')[5]).toBe(UNKNOWN_ROW);
    expect(cache.pairRow('w-1|w', 0, 1)).toBe(UNKNOWN_ROW);
  });
});
