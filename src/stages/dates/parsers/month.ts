/**
 * Month names with words that chrono does not read: "last May" (the latest May
 * before this month), "last Oct. 23" (the latest Oct. 23 before today), "this September", "next March", "July last year",
 * "September of next year", "January nineteen ninety-seven"; the second of two
 * coordinated days ("April 24 and 25"); and holidays: "Thanksgiving Day",
 * "last Christmas", "Easter week".
 */

import type { CalendarMeaning, Relation } from '../candidate.js';
import { HOLIDAY_PATTERN, holidayKey } from '../holidays.js';
import type { DateParser, ParsedDate } from '../parser.js';
import { MONTH_PATTERN, SPOKEN_YEAR_PATTERN, monthOf, parseSpokenYear } from '../words.js';

const RELATION = '([Tt]his\\s+past|[Tt]his\\s+coming|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming)';

function relationOf(word: string): Relation {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  if (lower === 'last' || lower === 'past' || lower === 'this past') return 'last';
  if (lower === 'next' || lower === 'coming' || lower === 'this coming') return 'next';
  return 'this';
}

const RELATIVE_MONTH = new RegExp(
  `(?<![\\w-])(?:${RELATION}\\s+(${MONTH_PATTERN})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\w:.,]?\\d|,?\\s+(?:19|20)\\d{2}))?|(${MONTH_PATTERN})(?:\\s+of)?\\s+([Tt]his|[Ll]ast|[Nn]ext)\\s+year|(${MONTH_PATTERN}),?\\s+(${SPOKEN_YEAR_PATTERN}))(?![\\w-])`,
  'g',
);

export const relativeMonthParser: DateParser = {
  id: 'month-relative',
  trigger: /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/,
  pattern: RELATIVE_MONTH,
  extract(match): ParsedDate | null {
    const [, relationWord, monthA, dayA, monthB, yearWord, monthC, spokenYear] = match;
    const month = monthOf((monthA ?? monthB ?? monthC)!);
    if (month === undefined) return null;
    const meaning: CalendarMeaning = { kind: 'calendar', month };
    if (dayA !== undefined) {
      // "last Oct. 23": the day, in the occurrence the relation picks.
      const day = Number(dayA);
      if (day < 1 || day > 31) return null;
      meaning.day = day;
    }
    if (relationWord !== undefined) meaning.relation = relationOf(relationWord);
    else if (yearWord !== undefined) meaning.relativeYear = { this: 0, last: -1, next: 1 }[yearWord.toLowerCase()]!;
    else {
      const year = parseSpokenYear(spokenYear!);
      if (year === null) return null;
      meaning.year = year;
    }
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning };
  },
};

const HOLIDAY = new RegExp(`(?<![\\w-])(?:${RELATION}\\s+)?(${HOLIDAY_PATTERN})(?:\\s+(week|weekend))?(?:,?\\s+((?:19|20)\\d{2})(?![\\w,.]?\\d))?(?![\\w-])`, 'g');

export const holidayParser: DateParser = {
  id: 'holiday',
  trigger: /New Year|Valentine|Halloween|Christmas|Boxing|Thanksgiving|Election|Labor|Memorial|Easter|Good Friday/,
  pattern: HOLIDAY,
  extract(match): ParsedDate | null {
    const [, relationWord, name, period, year] = match;
    const meaning: CalendarMeaning = { kind: 'calendar', holiday: holidayKey(name!) };
    if (relationWord !== undefined) meaning.relation = relationOf(relationWord);
    if (year !== undefined) meaning.year = Number(year);
    if (period !== undefined) meaning.weekOf = period.toLowerCase() === 'weekend' ? 'weekend' : 'week';
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning };
  },
};

/** "the week of March 6", "the weekend of May 2, 2015": the week that holds the day. */
const WEEK_OF = new RegExp(`(?<![\\w-])the\\s+(week|weekend)\\s+of\\s+(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?(?![\\w-])`, 'g');

export const weekOfParser: DateParser = {
  id: 'week-of-day',
  trigger: /week(?:end)? of/i,
  pattern: WEEK_OF,
  extract(match): ParsedDate | null {
    const month = monthOf(match[2]!);
    const day = Number(match[3]);
    if (month === undefined || day < 1 || day > 31) return null;
    const meaning: CalendarMeaning = { kind: 'calendar', month, day, weekOf: match[1] === 'weekend' ? 'weekend' : 'week' };
    if (match[4] !== undefined) meaning.year = Number(match[4]);
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning };
  },
};

/** "April 24 and 25", "May 2 or 3, 2015": the second day of the month named before it (the first is chrono's). */
const COORDINATED_DAY = new RegExp(`(?<![\\w-])(${MONTH_PATTERN})\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:and|or)\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?(?![\\w:.,]?\\d)`, 'g');

export const coordinatedDayParser: DateParser = {
  id: 'coordinated-day',
  trigger: / (?:and|or) \d/,
  pattern: COORDINATED_DAY,
  extract(match): ParsedDate | null {
    const month = monthOf(match[1]!);
    const day = Number(match[2]);
    if (month === undefined || day < 1 || day > 31) return null;
    const dayText = match[0].slice(match[0].search(/(?:and|or)\s+\d/)).replace(/^(?:and|or)\s+/, '');
    const start = match.index + match[0].length - dayText.length;
    const end = start + /^\d{1,2}(?:st|nd|rd|th)?/.exec(dayText)![0].length;
    const meaning: CalendarMeaning = { kind: 'calendar', month, day };
    if (match[3] !== undefined) meaning.year = Number(match[3]);
    return { start, end, type: 'date', meaning };
  },
};

/** "May 2 or 3, 2015": the first day takes the year written after the second. */
export const coordinatedFirstDayParser: DateParser = {
  id: 'coordinated-day-first',
  trigger: / (?:and|or) \d/,
  pattern: COORDINATED_DAY,
  extract(match): ParsedDate | null {
    if (match[3] === undefined) return null;
    const month = monthOf(match[1]!);
    const first = /^\S+\s+(\d{1,2})(?:st|nd|rd|th)?/.exec(match[0]);
    if (month === undefined || first === null) return null;
    const day = Number(first[1]);
    if (day < 1 || day > 31) return null;
    return { start: match.index, end: match.index + first[0].length, type: 'date', meaning: { kind: 'calendar', month, day, year: Number(match[3]) } };
  },
};
