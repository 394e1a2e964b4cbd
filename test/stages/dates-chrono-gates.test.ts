/**
 * The chrono gates (src/stages/dates/chrono-parser.ts): a chrono parser runs on a
 * text only when the text may hold what its pattern needs (a month name, a
 * weekday name, a digit). The gates must be looser than chrono's own patterns, so
 * that leaving a parser out changes no result: checked against chrono's
 * dictionaries, on a table of texts, and on every line of TimeBank (when
 * ../shared is present).
 */

import { describe, expect, it } from 'vitest';
// chrono-node does not export its dictionaries; the test reads the installed copy's.
import { MONTH_DICTIONARY, WEEKDAY_DICTIONARY } from '../../node_modules/chrono-node/dist/esm/locales/en/constants.js';
import { CHRONO_GATES, createChronoParser } from '../../src/stages/dates/chrono-parser.js';
import { readTimeBank } from '../../scripts/lib/timebank.js';
import { HAS_SHARED, readSample, SHARED } from '../helpers.js';
import { join } from 'node:path';

const gated = createChronoParser();
const everyParser = createChronoParser({ gated: false });
const reference = new Date(2024, 10, 14, 12);

/** chrono's results as data: where, what text, and every component it states or implies. */
function results(parser: ReturnType<typeof createChronoParser>, text: string): unknown[] {
  return parser.parse(text, reference).map((result) => ({
    index: result.index,
    text: result.text,
    start: result.start.date().toISOString(),
    end: result.end?.date().toISOString() ?? null,
    tags: [...result.tags()].sort(),
  }));
}

describe('chrono gates', () => {
  it.each([
    ['month', Object.keys(MONTH_DICTIONARY)],
    ['weekday', [...Object.keys(WEEKDAY_DICTIONARY), 'weekend', 'weekday']],
  ] as const)('the %s gate passes every word of chrono’s dictionary, in any case', (gate, words) => {
    expect(words.length).toBeGreaterThan(10);
    for (const word of words) {
      for (const form of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
        expect(CHRONO_GATES[gate].test(` on ${form} `), form).toBe(true);
      }
    }
  });

  it.each([
    ['a weekday alone', 'Lavrov said "we agree" in Moscow on Monday.', 1],
    ['a month and day', 'The talks resume on March 3 in Geneva.', 1],
    ['a day before its month', 'He arrived on 3rd of September, 2019.', 1],
    ['a month and year', 'Sales fell in Sept. 2023, the company said.', 1],
    ['a year before its month', 'It was signed in 2021 October.', 1],
    ['a weekday, a date and a clock time', 'Voting closes at 8 p.m. on Tuesday, Nov. 5.', 1],
    ['a clock time alone', 'The match starts at 19:45 local time.', 1],
    ['numeric dates', 'Filed 2024-11-14, amended 11/15/2024 and 12/2024.', 3],
    ['capitals', 'ON MONDAY, JANUARY 6, AT 10 A.M.', 1],
    ['no date at all', 'The committee met and adjourned.', 0],
    ['digits but no date', 'It costs 12 dollars and weighs 3.5 kg.', 0],
  ] as const)('%s: the same results as with every parser', (_name, text, atLeast) => {
    const found = results(gated, text);
    expect(found).toEqual(results(everyParser, text));
    expect(found.length).toBeGreaterThanOrEqual(atLeast);
  });

  it('a text that passes no gate is not parsed at all', () => {
    expect(gated.parse('The committee met and adjourned.', reference)).toEqual([]);
  });

  it('the sample articles, line by line: the same results as with every parser', () => {
    for (const name of ['sample-article.txt', 'sample-article-single-marks.txt']) {
      for (const line of readSample(name).split('\n')) expect(results(gated, line), line).toEqual(results(everyParser, line));
    }
  });

  it.skipIf(!HAS_SHARED)('TimeBank and AQUAINT (../shared/data/timebank), line by line: the same results as with every parser', () => {
    let lines = 0;
    let found = 0;
    for (const document of ['TimeBank', 'AQUAINT'].flatMap((corpus) => readTimeBank(join(SHARED, 'data', 'timebank', corpus)))) {
      for (const line of document.text.split('\n')) {
        if (line.trim() === '') continue;
        const expected = results(everyParser, line);
        expect(results(gated, line), line).toEqual(expected);
        lines++;
        found += expected.length;
      }
    }
    expect(lines).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(600);
  });
});
