/**
 * The dates evaluation's scoring (scripts/eval/dates.ts): a value is right only
 * when it names the same time as the gold; spellings of one week compare equal.
 */

import { describe, expect, it } from 'vitest';
import { canonicalValue, emptyModCounts, scoreDocument } from '../../scripts/eval/dates.js';
import type { TimeMlDocument } from '../../scripts/lib/timebank.js';
import type { DateMention } from '../../src/types.js';

describe('dates eval: canonical values', () => {
  it.each([
    ['2000-W7', '2000-W07'],
    ['2000-W07', '2000-W07'],
    ['2000-W7-WE', '2000-W07-WE'],
    ['2000-W17', '2000-W17'],
    ['1998-WXX', '1998-WXX'],
    ['1998-07', '1998-07'],
    ['P7W', 'P7W'],
    ['XXXX-WXX-7', 'XXXX-WXX-7'],
  ])('%s → %s', (value, canonical) => {
    expect(canonicalValue(value)).toBe(canonical);
  });
});

describe('dates eval: value scoring', () => {
  const doc: TimeMlDocument = {
    id: 'test',
    dct: '2000-02-16',
    text: 'He wrote this week and last week.',
    timexes: [
      { start: 9, end: 18, text: 'this week', type: 'DATE', value: '2000-W7', tid: 't1' },
      { start: 23, end: 32, text: 'last week', type: 'DATE', value: '2000-W06', tid: 't2' },
    ],
  };
  const mention = (start: number, end: number, value: string): DateMention => ({ start, end, text: doc.text.slice(start, end), type: 'date', value });

  it('counts a padded week as the unpadded gold week, and a different week as wrong', () => {
    const byShape = new Map();
    const total = { gold: 0, system: 0, relaxedGold: 0, relaxedSystem: 0, strictGold: 0, strictSystem: 0, valueGold: 0, valueSystem: 0, typePairs: 0, typeCorrect: 0 };
    scoreDocument(doc, [mention(9, 18, '2000-W07'), mention(23, 32, '2000-W05')], total, byShape, []);
    expect(total.valueGold).toBe(1);
    expect(total.valueSystem).toBe(1);
    expect(total.relaxedGold).toBe(2);
  });

  it('counts mods over the pairs whose value is right', () => {
    const modDoc: TimeMlDocument = {
      id: 'mods',
      dct: '2000-02-16',
      text: 'It fell in mid-1999 and late 1998, for nearly two years.',
      timexes: [
        { start: 11, end: 19, text: 'mid-1999', type: 'DATE', value: '1999', tid: 't1', mod: 'MID' },
        { start: 24, end: 33, text: 'late 1998', type: 'DATE', value: '1998', tid: 't2', mod: 'END' },
        { start: 39, end: 55, text: 'nearly two years', type: 'DURATION', value: 'P2Y', tid: 't3' },
      ],
    };
    const at = (start: number, end: number, value: string, mod?: DateMention['mod']): DateMention => ({
      start, end, text: modDoc.text.slice(start, end), type: 'date', value, ...(mod ? { mod } : {}),
    });
    const mods = emptyModCounts();
    const total = { gold: 0, system: 0, relaxedGold: 0, relaxedSystem: 0, strictGold: 0, strictSystem: 0, valueGold: 0, valueSystem: 0, typePairs: 0, typeCorrect: 0 };
    scoreDocument(modDoc, [at(11, 19, '1999', 'MID'), at(24, 33, '1998'), at(39, 55, 'P2Y', 'LESS_THAN')], total, new Map(), [], mods);
    expect(mods).toEqual({ gold: 2, goldFound: 1, system: 2, systemRight: 1 });
  });
});
