/**
 * The tagger's value-row cache (src/stages/ner/value-rows.ts): what it keeps is
 * bounded, and starting again empty must work whatever templates it has seen.
 */

import { describe, expect, it } from 'vitest';
import { MAX_VALUES, UNKNOWN_ROW, ValueRowCache } from '../../src/stages/ner/value-rows.js';

describe('ValueRowCache', () => {
  it('starts again empty when an article would not fit, after pair templates took template slots', () => {
    const cache = new ValueRowCache();
    const ids = new Int32Array(MAX_VALUES);
    // A pair template numbered first leaves a hole in the unary rows.
    cache.setPairRow('k-1k=', 0, 1, 5);
    expect(cache.idsOf(['a', 'b'], ids)).toBe(true);
    cache.unaryRowsOf('w=')[ids[0]!] = 7;
    const many = Array.from({ length: MAX_VALUES - 1 }, (_, i) => `v${i}`);
    expect(() => cache.idsOf(many, ids)).not.toThrow();
    expect(ids[0]).toBe(0);
    expect(cache.unaryRowsOf('w=')[0]).toBe(UNKNOWN_ROW);
    expect(cache.pairRow('k-1k=', 0, 1)).toBe(UNKNOWN_ROW);
  });
});
