/**
 * Single quotation marks: paired as quotes where a text uses them as its primary marks
 * (or in a headline), never at the cost of an apostrophe.
 */

import { describe, expect, it } from 'vitest';
import { pairQuotationMarks } from '../../src/stages/quotes/quotation-marks.js';
import { expectQuoteRows, quoteRows, type QuoteRow } from './quote-rows.js';

/** Top-level quoted words of one paragraph, and whether each was closed. */
function pairs(text: string): [string, boolean][] {
  return pairQuotationMarks(text, { start: 0, end: text.length })
    .filter((span) => span.depth === 1)
    .map((span) => [text.slice(span.contentStart, span.contentEnd), span.close >= 0]);
}

describe('single quotation marks: pairing', () => {
  it.each<[string, string, [string, boolean][]]>([
    ['straight', "'We disagree strongly,' he wrote.", [['We disagree strongly,', true]]],
    ['curly', '‘We disagree strongly,’ he wrote.', [['We disagree strongly,', true]]],
    ['two quotes in one sentence', "He said 'no' to them and 'yes' to us.", [['no', true], ['yes', true]]],
    ['a headline', 'Mayor Says ‘Not Now’ to Port Plan', [['Not Now', true]]],
    ['a possessive inside the quote', '‘The students’ union is wrong,’ Smith said.', [['The students’ union is wrong,', true]]],
    ['a possessive closes when no other mark follows', "Vaher said the plan was 'for the students' and left.", [['for the students', true]]],
    ['an apostrophe inside the quote', "'We don't agree,' he said.", [["We don't agree,", true]]],
    ['an elision inside the quote', "‘It was rock ’n’ roll,’ she said.", [['It was rock ’n’ roll,', true]]],
    ['an unclosed mark at the paragraph\'s start (the multi-paragraph convention)', '‘We will not give in and we will not go home', [['We will not give in and we will not go home', false]]],
  ])('%s', (_name, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it.each([
    ['a name', "O'Brien met O'Neill."],
    ['a word with an apostrophe', "Qur'an, don't, it's, y'all."],
    ['a plural possessive', "The students' union and the teachers' union met."],
    ['a curly plural possessive', 'The voters’ choice was the mayors’ problem.'],
    ['a decade', "It was the '90s, or the ’80s."],
    ["rock 'n' roll", "He played rock 'n' roll all night."],
    ["'em", "Let 'em in, he said."],
    ['an unclosed mark inside a paragraph', "He said 'maybe and left."],
    ['a closing mark with nothing open', "The Joneses' car was red."],
  ])('no quote: %s', (_name, text) => {
    expect(pairs(text)).toEqual([]);
  });

  it('leaves single marks inside double quotes to the double quote', () => {
    const text = '"He called it \'a disgrace\' on Monday," she said.';
    expect(pairs(text)).toEqual([["He called it 'a disgrace' on Monday,", true]]);
  });

  it.each(["'", "''", "'''", "‘’’‘", "' ' ' '", "‘a’b’c’", "x'y'z"])('never throws on %j', (text) => {
    expect(() => pairQuotationMarks(text, { start: 0, end: text.length })).not.toThrow();
  });
});

describe('single quotation marks: quotes', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['\'…,\' X wrote', "'We disagree strongly,' he wrote.", [{ quote: 'We disagree strongly,', kind: 'direct', speaker: 'he', cue: 'wrote' }]],
    ['‘…,’ said X', '‘The border stays closed,’ said Lavrov.', [{ quote: 'The border stays closed,', kind: 'direct', speaker: 'Lavrov', cue: 'said' }]],
    ['X said: ‘…’', 'Lavrov said: ‘We will win.’', [{ quote: 'We will win.', kind: 'direct', speaker: 'Lavrov', cue: 'said' }]],
    ['interrupted', '‘We will not give in,’ she said, ‘not now.’', [
      { quote: 'We will not give in,’ she said, ‘not now.', parts: ['We will not give in,', 'not now.'], kind: 'direct', speaker: 'she', cue: 'said' },
    ]],
    ['a possessive inside the quote', '‘The students’ union is wrong,’ Smith said.', [{ quote: 'The students’ union is wrong,', kind: 'direct', speaker: 'Smith', cue: 'said' }]],
    ['a quoted fragment in reported speech', "Saar said the port was 'a white elephant' and should close.",
      [{ quote: "the port was 'a white elephant' and should close", kind: 'mixed', speaker: 'Saar', cue: 'said' }]],
    ['nested inside double quotes it is part of the quote', '"He called it \'a disgrace\' on Monday," she said.',
      [{ quote: "He called it 'a disgrace' on Monday,", kind: 'direct', speaker: 'she', cue: 'said' }]],
    ['apostrophes only: an indirect quote', "O'Brien said the students' union had played rock 'n' roll since the '90s.",
      [{ quote: "the students' union had played rock 'n' roll since the '90s", kind: 'indirect', speaker: "O'Brien", cue: 'said' }]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });

  it.each([
    ['a pull quote: a paragraph that is only a short quote in single marks', "The mayor spoke for an hour.\n\n'A healthy environment.'\n\nThe council voted later."],
    ['a heading with a dash after single marks', 'WEDNESDAY’S ‘OUTLIERS’ - Links to the best of the week'],
  ])('no quote: %s', (_name, text) => {
    expect(quoteRows(text)).toEqual([]);
  });
});
