/**
 * Quarters and halves of a (fiscal) year: "the third quarter" (2015-Q3 by tense),
 * "third-quarter", "the first quarter of 1990", "this year's third quarter",
 * "Q3 2015", "3Q", "the first half" (H1), "the last half of 1989"; and the
 * quarter the article talks about: "the quarter", "the latest period", "the
 * year-earlier quarter", "year-ago".
 */

import type { CalendarMeaning, DateMeaning } from '../candidate.js';
import type { DateParser, ParsedDate } from '../parser.js';
import { MONTH_PATTERN, monthOf } from '../words.js';
import { extendPointStart } from './modifiers.js';

const ORDINAL = '(first|second|third|fourth|1st|2nd|3rd|4th|final|last)';
const YEAR_AFTER = '(?:\\s+of\\s+(?:fiscal\\s+)?(?:the\\s+)?(?:(\\d{4})|(this|last|next)\\s+year)|,?\\s+(\\d{4})(?![\\w,.]?\\d))?';
const YEAR_BEFORE = "(?:(?:(\\d{4})|(this|last|next)\\s+year(?:'s|’s)|(year-ago|year-earlier|prior-year|comparable|corresponding|comparable\\s+year-ago)|(?:fiscal\\s+)?(\\d{4})(?:'s|’s))\\s+)?";

const ORDINAL_QUARTER = new RegExp(
  `(?<![\\w-])(?:the\\s+)?${YEAR_BEFORE}(?:(?:fiscal|calendar)[\\s-]+)?${ORDINAL}(?:\\s+|-)(?:(?:fiscal|calendar)\\s+)?(quarter|half|two\\s+quarters)(s)?${YEAR_AFTER}(?![\\w-])`,
  'gi',
);

const ORDINAL_NUMBER: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, final: 4, last: 4,
};

function relativeYear(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  return { this: 0, last: -1, next: 1 }[word.toLowerCase()];
}

export const ordinalQuarterParser: DateParser = {
  id: 'quarter-ordinal',
  trigger: /quarter|half/i,
  pattern: ORDINAL_QUARTER,
  extract(match, context): ParsedDate | null {
    const [, yearBeforePlain, relativeBefore, yearAgoWord, yearBeforePossessive, ordinalWord, periodWord, plural, yearOf, relativeOf, yearComma] = match;
    const yearBefore = yearBeforePlain ?? yearBeforePossessive;
    // "the first two quarters of 1990" is the first half.
    const period = /two\s+quarters/i.test(periodWord!) ? 'half' : periodWord!.toLowerCase();
    const ordinal = ORDINAL_NUMBER[ordinalWord!.toLowerCase()];
    if (ordinal === undefined) return null;
    if (period === 'half' && ordinal > 2 && ordinalWord!.toLowerCase() !== 'last') return null;
    // "the third-quarter loss": "the" belongs to the noun the hyphenated adjective qualifies, not to the quarter.
    const adjectiveArticle = /^the\s+/i.exec(match[0]);
    const hyphenated = match[0].includes(`${ordinalWord}-${periodWord}`);
    const start = adjectiveArticle !== null && hyphenated ? match.index + adjectiveArticle[0].length : extendPointStart(context.text, match.index);
    const end = match.index + match[0].length;
    const index = period === 'half' ? (ordinal >= 2 ? 2 : 1) : ordinal;
    const explicitYear = yearBefore ?? yearOf ?? yearComma;
    const relative = yearAgoWord !== undefined && /year|prior/i.test(yearAgoWord) ? -1 : relativeYear(relativeBefore ?? relativeOf);
    if (plural) {
      // "fourth quarters": every fourth quarter.
      return { start, end, type: 'date', meaning: { kind: 'fixed', value: period === 'half' ? `XXXX-H${index}` : `XXXX-Q${index}` } };
    }
    const meaning: CalendarMeaning = period === 'half' ? { kind: 'calendar', half: index } : { kind: 'calendar', quarter: index };
    if (explicitYear !== undefined) return { start, end, type: 'date', meaning: { ...meaning, year: Number(explicitYear) } };
    if (relative !== undefined) return { start, end, type: 'date', meaning: { ...meaning, relativeYear: relative } };
    return { start, end, type: 'date', meaning };
  },
};

/**
 * "the second and fourth quarters": the first ordinal shares the plural head of
 * the second, so it is read as the head is ("fourth quarters": every fourth
 * quarter, XXXX-Q4; so "second" is XXXX-Q2). The span is the ordinal alone.
 */
const COORDINATED_ORDINAL = new RegExp(
  `(?<![\\w-])${ORDINAL}(?=\\s+(?:and|or)\\s+${ORDINAL}(?:\\s+|-)(?:(?:fiscal|calendar)\\s+)?(quarters|halves)(?![\\w-]))`,
  'gi',
);

export const coordinatedQuarterParser: DateParser = {
  id: 'quarter-coordinated',
  trigger: /quarters|halves/i,
  pattern: COORDINATED_ORDINAL,
  extract(match): ParsedDate | null {
    const ordinal = ORDINAL_NUMBER[match[1]!.toLowerCase()];
    const half = /^halves$/i.test(match[3]!);
    if (ordinal === undefined || (half && ordinal > 2)) return null;
    const value = half ? `XXXX-H${ordinal}` : `XXXX-Q${ordinal}`;
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning: { kind: 'fixed', value } };
  },
};

/** "Q3", "Q3 2015", "2015 Q3", "3Q", "3Q15"? (the last is too ambiguous: not read). */
const SHORT_QUARTER = /(?<![\w-])(?:(\d{4})\s+)?(?:Q([1-4])|([1-4])Q)(?:\s+(\d{4}))?(?![\w-])/g;

export const shortQuarterParser: DateParser = {
  id: 'quarter-short',
  trigger: /[1-4]Q|Q[1-4]/,
  pattern: SHORT_QUARTER,
  extract(match): ParsedDate | null {
    const quarter = Number(match[2] ?? match[3]);
    const year = match[1] ?? match[4];
    const meaning: CalendarMeaning = { kind: 'calendar', quarter };
    if (year !== undefined) meaning.year = Number(year);
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning };
  },
};

/** "the quarter ended Sept. 30": the quarter that closes in that month (a month before its end, for the odd fiscal calendar). */
const QUARTER_ENDED = new RegExp(`(?<![\\w-])(?:the\\s+)?(?:(?:fiscal|latest|three-month)\\s+)?quarter(?=\\s+end(?:ed|ing)\\s+(${MONTH_PATTERN})\\s+\\d{1,2}(?:,?\\s+((?:19|20)\\d{2}))?)`, 'gi');

export const quarterEndedParser: DateParser = {
  id: 'quarter-ended',
  trigger: /quarter/i,
  pattern: QUARTER_ENDED,
  extract(match): ParsedDate | null {
    const month = monthOf(match[1]!);
    if (month === undefined) return null;
    const lastFullMonth = month === 1 ? 12 : month - 1;
    const meaning: CalendarMeaning = { kind: 'calendar', quarter: Math.floor((lastFullMonth - 1) / 3) + 1, byEndDate: true };
    if (match[2] !== undefined) meaning.year = Number(match[2]) - (month === 1 ? 1 : 0);
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning };
  },
};

/** "the latest quarter", "the most recent period": the quarter the report is about, else the last one completed. */
export const LATEST_QUARTER: DateMeaning = {
  kind: 'anaphoric', anchor: 'quarter', shift: { unit: 'year', amount: 0 }, fallback: { kind: 'shift', unit: 'quarter', amount: -1, granularity: 'quarter' }, namesAnchor: true,
};

/** "the quarter", "the latest quarter", "the year-earlier period", "the year-ago quarter", "year-earlier". */
const ANAPHORIC_QUARTER =
  /(?<![\w-])(?:(the|this|that|last|next)\s+)?(?:(latest|current|same|recent|most\s+recent|comparable|corresponding|year-earlier|year-ago|year\s+earlier|year\s+ago|prior-year|previous|preceding|just-ended|just\s+ended|comparable\s+year-ago|comparable\s+year-earlier|(?:19|20)\d\d|last\s+year['’]s|this\s+year['’]s)\s+)?(quarter|period)(?:\s+(last\s+year|a\s+year\s+(?:ago|earlier)|of\s+(?:19|20)\d\d|of\s+(?:the\s+)?(?:last|previous|prior|preceding)\s+year))?(?![\w-])|(?<![\w-])(year-earlier|year-ago)(?![\w-])/gi;

export const anaphoricQuarterParser: DateParser = {
  id: 'quarter-anaphoric',
  trigger: /quarter|period|year-/i,
  pattern: ANAPHORIC_QUARTER,
  extract(match): ParsedDate | null {
    const start = match.index;
    const end = match.index + match[0].length;
    if (match[5] !== undefined) {
      // "year-earlier" on its own (an adjective: "year-earlier results"): a year before the quarter talked about, else last year.
      return {
        start, end, type: 'date',
        meaning: { kind: 'anaphoric', anchor: 'quarter', shift: { unit: 'year', amount: -1 }, fallback: { kind: 'shift', unit: 'year', amount: -1, granularity: 'year' } },
      };
    }
    const determiner = match[1]?.toLowerCase();
    const adjective = match[2]?.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    const noun = match[3]!.toLowerCase();
    const after = match[4]?.toLowerCase().replace(/\s+/g, ' ');
    if (determiner === undefined && adjective === undefined) return null;
    const explicitYear = /^\d{4}$/.test(adjective ?? '') ? Number(adjective) : /^of \d{4}$/.test(after ?? '') ? Number(after!.slice(3)) : undefined;
    if (explicitYear !== undefined) {
      // "the 1988 quarter", "the period of 1989": the quarter the article talks about, in that year.
      return {
        start, end, type: 'date',
        meaning: { kind: 'anaphoric', anchor: 'quarter', shift: { unit: 'year', amount: 0 }, setYear: explicitYear, fallback: { kind: 'fixed', value: String(explicitYear) } },
      };
    }
    if (after !== undefined || adjective === "last year's") {
      // "the corresponding period last year", "the same period of the last year", "last year's quarter": a year before the quarter talked about.
      return {
        start, end, type: 'date',
        meaning: { kind: 'anaphoric', anchor: 'quarter', shift: { unit: 'year', amount: -1 }, fallback: { kind: 'shift', unit: 'quarter', amount: -5, granularity: 'quarter' } },
      };
    }
    if (adjective === "this year's") {
      return { start, end, type: 'date', meaning: { kind: 'anaphoric', anchor: 'quarter', shift: { unit: 'year', amount: 0 }, fallback: { kind: 'shift', unit: 'quarter', amount: -1, granularity: 'quarter' } } };
    }
    if (adjective === 'latest' || adjective === 'recent' || adjective === 'most recent' || adjective === 'just-ended' || adjective === 'just ended') {
      // The quarter just reported: the one the report named ("fourth-quarter earnings … sales in the latest period",
      // which a fiscal calendar may number apart from the calendar's), else the last one completed.
      return { start, end, type: 'date', meaning: LATEST_QUARTER };
    }
    if (determiner === 'this' || determiner === 'last' || determiner === 'next') {
      if (noun !== 'quarter' || adjective !== undefined) return null;
      const amount = determiner === 'this' ? 0 : determiner === 'last' ? -1 : 1;
      return { start, end, type: 'date', meaning: { kind: 'shift', unit: 'quarter', amount, granularity: 'quarter' } };
    }
    if (determiner === 'that' && adjective === undefined) return null;
    if (noun === 'period' && adjective === undefined) return null; // "the period" alone is too vague
    if (adjective === 'current') {
      if (noun !== 'quarter') return null;
      return { start, end, type: 'date', meaning: { kind: 'shift', unit: 'quarter', amount: 0, granularity: 'quarter' } };
    }
    const yearBack = adjective !== undefined && /year|prior|previous|preceding|corresponding|comparable/.test(adjective) ? -1 : 0;
    const fallback: DateMeaning | null = yearBack === 0
      ? { kind: 'shift', unit: 'quarter', amount: -1, granularity: 'quarter' }
      : { kind: 'shift', unit: 'quarter', amount: -5, granularity: 'quarter' };
    return {
      start, end, type: 'date',
      meaning: { kind: 'anaphoric', anchor: 'quarter', shift: { unit: 'year', amount: yearBack }, fallback },
    };
  },
};
