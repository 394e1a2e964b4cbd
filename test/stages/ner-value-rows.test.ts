/**
 * The tagger's cache of feature rows by value id (src/stages/ner/value-rows.ts):
 * ids last across articles, the cache starts again empty when an article's values
 * would not fit, and a start-over keeps working whatever templates it has seen
 * (pair templates take template slots and leave holes among the unary rows: a
 * start-over once threw on them, in the middle of a long batch).
 */

import { describe, expect, it } from 'vitest';
import { MAX_VALUES, UNKNOWN_ROW, ValueRowCache } from '../../src/stages/ner/value-rows.js';

const values = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('ValueRowCache', () => {
  it('gives a value the same id from one article to the next', () => {
    const cache = new ValueRowCache();
    const first = new Int32Array(3);
    const second = new Int32Array(2);
    expect(cache.idsOf(['a', 'b', 'c'], first)).toBe(true);
    expect(cache.idsOf(['c', 'd'], second)).toBe(true);
    expect([...first]).toEqual([0, 1, 2]);
    expect([...second]).toEqual([2, 3]);
  });

  it('keeps unary and pair rows, and forgets them when it starts again', () => {
    const cache = new ValueRowCache();
    const ids = new Int32Array(2);
    cache.idsOf(['x', 'y'], ids);
    // A pair template first: its slot is a hole among the unary rows.
    cache.setPairRow('w[-1]|w[0]', ids[0]!, ids[1]!, 7);
    const rows = cache.unaryRowsOf('w[0]');
    rows[ids[0]!] = 5;
    expect(cache.pairRow('w[-1]|w[0]', ids[0]!, ids[1]!)).toBe(7);
    expect(cache.unaryRowsOf('w[0]')[ids[0]!]).toBe(5);

    const many = values('v', MAX_VALUES - 1);
    expect(() => cache.idsOf(many, new Int32Array(many.length))).not.toThrow();
    expect(cache.pairRow('w[-1]|w[0]', ids[0]!, ids[1]!)).toBe(UNKNOWN_ROW);
    expect(cache.unaryRowsOf('w[0]')[ids[0]!]).toBe(UNKNOWN_ROW);
  });

  it('grows past its first capacity with holes among the unary rows', () => {
    const cache = new ValueRowCache();
    cache.setPairRow('p', 0, 0, 1);
    cache.unaryRowsOf('u');
    const many = values('g', 5000);
    const out = new Int32Array(many.length);
    expect(cache.idsOf(many, out)).toBe(true);
    expect(cache.unaryRowsOf('u')[4999]).toBe(UNKNOWN_ROW);
  });

  it('gives a value read from a word the same id by its source as by its text, and forgets the sources when it starts again', () => {
    const cache = new ValueRowCache();
    const plain = new ValueRowCache();
    const words = { ids: new Int32Array(0), vocabulary: {} };
    const idsOf = (texts: string[], of: number[]): number[] => {
      const out = new Int32Array(texts.length);
      const expected = new Int32Array(texts.length);
      expect(cache.idsOf(texts, out, { words, of: Int32Array.from(of) })).toBe(true);
      plain.idsOf(texts, expected);
      expect([...out]).toEqual([...expected]);
      return [...out];
    };
    // Word 4: its word "Paris" (source 12), key "paris" (13) and shape "Xx" (14); "said" has no source.
    const first = idsOf(['Paris', 'paris', 'Xx', 'said'], [12, 13, 14, -1]);
    // The same sources in another article, among new values: the kept ids.
    expect(idsOf(['the', 'Paris', 'Xx', 'paris'], [-1, 12, 14, 13])).toEqual([4, first[0], first[2], first[1]]);
    // Started again (an article of many values, then one that does not fit after them): "Paris" by its source gets its new id, not its old one.
    const many = values('v', MAX_VALUES - 1);
    cache.idsOf(many, new Int32Array(many.length), { words, of: new Int32Array(many.length).fill(-1) });
    plain.idsOf(many, new Int32Array(many.length));
    idsOf(['Lyon', 'Nice', 'Paris'], [-1, -1, 12]);
  });

  it('does not number an article of more values than it holds', () => {
    const cache = new ValueRowCache();
    const many = values('z', MAX_VALUES + 1);
    expect(cache.idsOf(many, new Int32Array(many.length))).toBe(false);
  });
});

describe('ValueRowCache: summed scores of feature groups', () => {
  it('keeps them by kind and value id, past a growth, and forgets them when it starts again', () => {
    const cache = new ValueRowCache();
    const ids = new Int32Array(2);
    cache.idsOf(['x', 'y'], ids);
    const scores = Array.from({ length: 17 }, (_, l) => l * 3 - 20);
    expect(cache.vectorOffset(1, ids[1]!)).toBe(-1);
    const at = cache.setVector(1, ids[1]!, scores);
    expect(cache.vectorOffset(1, ids[1]!)).toBe(at);
    expect(cache.vectorOffset(0, ids[1]!)).toBe(-1);
    expect(cache.vectorOffset(1, ids[0]!)).toBe(-1);
    expect([...cache.vectorArray.subarray(at, at + scores.length)]).toEqual(scores);

    const grown = values('g', 5000);
    cache.idsOf(grown, new Int32Array(grown.length));
    expect(cache.vectorOffset(1, ids[1]!)).toBe(at);
    for (let id = 2; id < 2000; id++) cache.setVector(0, id, scores);
    expect([...cache.vectorArray.subarray(at, at + scores.length)]).toEqual(scores);

    const many = values('v', MAX_VALUES - 1);
    cache.idsOf(many, new Int32Array(many.length));
    expect(cache.vectorOffset(1, ids[1]!)).toBe(-1);
    expect(cache.vectorOffset(0, 5)).toBe(-1);
  });
});
