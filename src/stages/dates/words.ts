/**
 * The vocabulary the date parsers share: number words, time units, month and
 * weekday names, ordinals, and the regular-expression pieces built from them.
 * Every alternation is a closed word list, so the patterns stay linear.
 */

import type { ShiftUnit } from './candidate.js';

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, dozen: 12, half: 0.5, couple: 2, single: 1,
};

const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
/** A cardinal number in words or digits ("twenty four", "twenty-four", "18", "a", "1 1/2"). */
export const NUMBER_PATTERN =
  `(?:\\d{1,4}(?:\\.\\d{1,2})?(?:\\s\\d/\\d)?|(?:${TENS})(?:[\\s-](?:${UNITS_WORDS}))?|` +
  `(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\\s(?:and\\s)?a\\shalf)?|` +
  `a\\s(?:few|couple(?:\\sof)?|dozen)|couple\\sof|a\\shundred|(?:one|two|three|four|five|six|seven|eight|nine|ten)\\s(?:hundred|thousand)|` +
  `several|few|many|some|a\\snumber\\sof|dozens\\sof|hundreds\\sof|thousands\\sof|an?)`;

/** Reads a number matched by NUMBER_PATTERN; null for vague quantities (several, a few). */
export function parseNumber(raw: string): number | null {
  const text = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const mixed = /^(\d{1,4}) (\d)\/(\d)$/.exec(text);
  if (mixed) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  if (/^\d/.test(text)) return Number(text);
  if (/^(several|few|many|some|a few|a number of|dozens of|hundreds of|thousands of)$/.test(text)) return null;
  if (text === 'a couple') return 2;
  if (text === 'a couple of' || text === 'couple of') return 2;
  const halfMatch = /^(.+?) (?:and )?a half$/.exec(text);
  if (halfMatch) {
    const whole = parseNumber(halfMatch[1]!);
    return whole === null ? null : whole + 0.5;
  }
  let total = 0;
  let current = 0;
  for (const word of text.split(/[\s-]/)) {
    const value = NUMBER_WORDS[word];
    if (value === undefined) return null;
    if (value === 100 || value === 1000) current = (current || 1) * value;
    else current += value;
  }
  total += current;
  return total;
}

export const UNIT_WORDS: Readonly<Record<string, { unit: ShiftUnit | 'hour' | 'minute' | 'second' | 'century' | 'millennium' | 'weekend'; code: string }>> = {
  second: { unit: 'second', code: 'S' },
  minute: { unit: 'minute', code: 'M' },
  hour: { unit: 'hour', code: 'H' },
  day: { unit: 'day', code: 'D' },
  night: { unit: 'day', code: 'D' },
  week: { unit: 'week', code: 'W' },
  weekend: { unit: 'weekend', code: 'WE' },
  month: { unit: 'month', code: 'M' },
  quarter: { unit: 'quarter', code: 'Q' },
  year: { unit: 'year', code: 'Y' },
  decade: { unit: 'decade', code: 'E' },
  century: { unit: 'century', code: 'C' },
  centurie: { unit: 'century', code: 'C' },
  millennium: { unit: 'millennium', code: 'L' },
  millennia: { unit: 'millennium', code: 'L' },
};

export const UNIT_PATTERN = '(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))';

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
export const MONTH_PATTERN =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

export function monthOf(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
export const WEEKDAY_PATTERN = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6,
  '7th': 7, '8th': 8, '9th': 9, '10th': 10, '11th': 11, '12th': 12, '13th': 13, '14th': 14, '15th': 15,
  '16th': 16, '17th': 17, '18th': 18, '19th': 19, '20th': 20, '21st': 21, '22nd': 22, last: -1, final: -1,
};

/** Lower-cased, with curly apostrophes straightened. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'");
}

const SPOKEN_UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const SPOKEN_TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const SPOKEN_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** A year said in words, as radio transcripts write it: "nineteen ninety-six", "two thousand", "two thousand and one". */
export const SPOKEN_YEAR_PATTERN =
  `(?:(?:nineteen|eighteen|twenty)\\s+(?:hundred(?:\\s+and)?(?:\\s+(?:${SPOKEN_UNITS}))?|oh[\\s-](?:${SPOKEN_UNITS})|(?:${SPOKEN_TEENS})|(?:${SPOKEN_TENS})(?:[\\s-](?:${SPOKEN_UNITS}))?)|two\\s+thousand(?:\\s+and)?(?:\\s+(?:${SPOKEN_UNITS}|${SPOKEN_TEENS}))?)`;

const SPOKEN_VALUES: Readonly<Record<string, number>> = {
  oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Reads a year matched by SPOKEN_YEAR_PATTERN. */
export function parseSpokenYear(text: string): number | null {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  if (words[0] === 'two' && words[1] === 'thousand') {
    return 2000 + words.slice(2).reduce((sum, w) => sum + (SPOKEN_VALUES[w] ?? 0), 0);
  }
  const century = SPOKEN_VALUES[words[0]!];
  if (century === undefined) return null;
  if (words[1] === 'hundred') return century * 100 + words.slice(2).reduce((sum, w) => sum + (SPOKEN_VALUES[w] ?? 0), 0);
  return century * 100 + words.slice(1).reduce((sum, w) => sum + (SPOKEN_VALUES[w] ?? 0), 0);
}
