/**
 * A year on its own: "in 1998", "calendar 1989", "the year 2000", "post-1959",
 * "1998's". Four digits between 1900 and 2099 (earlier years only after "in",
 * "since" and the like), never inside a bigger number, a code or a count
 * ("2000 troops").
 */

import type { DateParser, ParsedDate } from '../parser.js';
import { SPOKEN_YEAR_PATTERN, parseSpokenYear } from '../words.js';
import { extendPointStart } from './modifiers.js';

/** A dash before a year only after another year ("2009-2011"); after one, only a year ("1998-2000", not "1998-1234567"). */
const PATTERN = /(?<![\w.,$£€#/:+]|\d[.,]|(?<!(?<![\w.,-])(?:1[0-9]|20)\d{2})[-–])(?:(calendar|the\s+year|model\s+year)\s+|(?:mid|post|pre|early|late)-)?((?:1[0-9]|20)\d{2})(?:\s*(AD|BC|CE|BCE))?(?![\w%/:]|[.,]\d|[-–](?!(?:1[0-9]|20)\d{2}(?![\w-]|[.,]\d))\d{3,}|\s*(?:%|percent\b))/gi;

const COUNT_NOUNS = new Set([
  'people', 'persons', 'troops', 'soldiers', 'police', 'policemen', 'officers', 'workers', 'employees', 'members',
  'students', 'children', 'men', 'women', 'refugees', 'migrants', 'cases', 'deaths', 'units', 'tons', 'tonnes',
  'barrels', 'km', 'kilometres', 'kilometers', 'miles', 'meters', 'metres', 'feet', 'dollars', 'euros', 'pounds',
  'manats', 'rubles', 'roubles', 'shares', 'votes', 'seats', 'cars', 'homes', 'houses', 'jobs', 'points', 'hectares',
  'acres', 'vehicles', 'flights', 'passengers', 'residents', 'protesters', 'demonstrators', 'prisoners', 'civilians',
  'fighters', 'militants', 'rebels', 'lives', 'families', 'signatures', 'copies', 'words', 'pages', 'rooms', 'beds',
  'hours', 'minutes', 'seconds', 'days', 'weeks', 'months', 'years', 'times', 'kg', 'mw', 'gw', 'megawatts', 'items',
  'companies', 'firms', 'banks', 'schools', 'villages', 'tanks', 'aircraft', 'planes', 'ships', 'guns', 'weapons',
]);

const APPROXIMATORS = /(?:^|\W)(some|about|around|nearly|almost|over|more\s+than|less\s+than|at\s+least|up\s+to|roughly|approximately|only|just|another|of|the|with|and|or)\s+$/i;
const EARLY_YEAR_CUES = /(?:^|\W)(in|since|from|by|until|till|before|after|around|circa|c\.|during|of|year|between|and|to)\s+$/i;

export const yearParser: DateParser = {
  id: 'year',
  trigger: /\d\d\d\d/,
  pattern: PATTERN,
  extract(match, context): ParsedDate | null {
    const prefix = match[1];
    const yearText = match[2]!;
    const era = match[3];
    const year = Number(yearText);
    // "early 1990", "the end of 1994": the point modifier is part of the expression.
    const start = prefix === undefined ? extendPointStart(context.text, match.index) : match.index;
    const end = match.index + match[0].length;
    const yearStart = start + match[0].indexOf(yearText);
    const before = context.text.slice(Math.max(0, yearStart - 25), yearStart);
    const after = context.text.slice(end, end + 25);
    const nextWord = /^\s+([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase();
    if (prefix === undefined && era === undefined) {
      if (nextWord !== undefined && COUNT_NOUNS.has(nextWord)) return null;
      if (year < 1900 && !EARLY_YEAR_CUES.test(before)) return null;
      // "about 2000 of them", "some 1500 were": a count when nothing else makes it a year.
      if (APPROXIMATORS.test(before) && /^(?:\s+(?:of|were|are|have|had|more|others|people|new))/i.test(after)) return null;
      // Ranges of numbers ("1998-2000" is fine; "1200-1500 people" is handled by the count check above).
    }
    if (era !== undefined && /^(BC|BCE)$/i.test(era)) {
      return { start, end, type: 'date', meaning: { kind: 'fixed', value: `BC${String(year).padStart(4, '0')}` } };
    }
    return { start, end, type: 'date', meaning: { kind: 'fixed', value: String(year) } };
  },
};

/** A year in words, as transcripts write it: "in nineteen ninety-six", "by the year two thousand". */
const SPOKEN = new RegExp(`(?<![\\w-])(?:the\\s+year\\s+)?(${SPOKEN_YEAR_PATTERN})(?![\\w-])`, 'gi');
const SPOKEN_CUE = /(?:^|\W)(?:in|since|from|by|until|till|before|after|of|during|early|late|mid|and|to|year)\s+$|(?:^|[.!?]\s*|\s[a-z]+\s+)$/;

export const spokenYearParser: DateParser = {
  id: 'year-spoken',
  trigger: /nineteen|eighteen|twenty|thousand/i,
  pattern: SPOKEN,
  extract(match, context): ParsedDate | null {
    const year = parseSpokenYear(match[1]!);
    if (year === null || year < 1800 || year > 2099) return null;
    const before = context.text.slice(Math.max(0, match.index - 20), match.index);
    // "twenty five" alone is a number; a year in words needs "the year", a cue word, or a whole phrase.
    if (!/^the\s+year/i.test(match[0]) && !/\s/.test(match[1]!.trim())) return null;
    if (!/^the\s+year/i.test(match[0]) && !SPOKEN_CUE.test(before) && !/^(?:nineteen|eighteen)/i.test(match[1]!)) return null;
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning: { kind: 'fixed', value: String(year) } };
  },
};
