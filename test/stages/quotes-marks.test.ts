import { describe, expect, it } from 'vitest';
import { pairQuotationMarks } from '../../src/stages/quotes/quotation-marks.js';

/** Top-level quoted words of one paragraph, and whether each was closed. */
function pairs(text: string): [string, boolean][] {
  return pairQuotationMarks(text, { start: 0, end: text.length })
    .filter((span) => span.depth === 1)
    .map((span) => [text.slice(span.contentStart, span.contentEnd), span.close >= 0]);
}

function nested(text: string): string[] {
  return pairQuotationMarks(text, { start: 0, end: text.length })
    .filter((span) => span.depth > 1)
    .map((span) => text.slice(span.contentStart, span.contentEnd));
}

describe('quotation marks: pairing', () => {
  it.each<[string, string, [string, boolean][]]>([
    ['straight', 'He said "yes" and "no".', [['yes', true], ['no', true]]],
    ['curly', 'He said “yes” and “no”.', [['yes', true], ['no', true]]],
    ['guillemets', 'Il a dit «oui».', [['oui', true]]],
    ['low-high', 'Er sagte „ja“.', [['ja', true]]],
    ['low with a curly closing', 'Er sagte „ja”.', [['ja', true]]],
    ['curly opening, straight closing', '“Immunity deals," he said.', [['Immunity deals,', true]]],
    ['straight opening, curly closing', '"Oz has a pulpit,” he said.', [['Oz has a pulpit,', true]]],
    ['stray spaces inside', '" We thank you , " he said.', [['We thank you ,', true]]],
    ['a space before the opening after a full stop', 'It is held in September . "We hope," he said.', [['We hope,', true]]],
    ['unclosed ends at the paragraph', '"We will win, he said', [['We will win, he said', false]]],
    ['two apostrophes', "''It is anti-reform,'' he said.", [['It is anti-reform,', true]]],
    ['three apostrophes are not a mark', "'''", []],
    ['apostrophes are not marks', "It's Clinton’s plan, the voters' choice.", []],
    ['a lone closing mark is stray', 'word" more words', []],
    ['no marks', 'Plain text.', []],
    ['empty', '', []],
  ])('%s', (_name, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it('nests a straight quote inside a straight quote', () => {
    const text = '" We thank them. The problem gets "back on track" for a breakthrough," said Mammadyarov.';
    expect(pairs(text)).toEqual([['We thank them. The problem gets "back on track" for a breakthrough,', true]]);
    expect(nested(text)).toEqual(['back on track']);
  });

  it('nests curly double marks inside straight ones', () => {
    const text = '"He called it “a disgrace” on Monday," she said.';
    expect(pairs(text)).toEqual([['He called it “a disgrace” on Monday,', true]]);
  });

  it.each(['"', '""', '"""', '“”””', '«««', '»»»', '„„„', '" " " " "', '“"”"“'])('never throws on %j', (text) => {
    expect(() => pairQuotationMarks(text, { start: 0, end: text.length })).not.toThrow();
  });
});
