/**
 * Seasons: "this summer" (2015-SU), "last fall", "next spring", "the summer of
 * 1998", "winter 2014", "the winter of nineteen ninety-four", "in the summer"
 * (by tense). A bare season needs a determiner, a preposition or a year
 * ("prices fall" is not autumn).
 */

import type { CalendarMeaning } from '../candidate.js';
import type { Season } from '../calendar.js';
import type { DateParser, ParsedDate } from '../parser.js';
import { SPOKEN_YEAR_PATTERN, parseSpokenYear } from '../words.js';
import { extendPointStart } from './modifiers.js';

const SEASON_CODES: Readonly<Record<string, Season>> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

const PATTERN = new RegExp(
  "(?<![\\w-])(?:(this\\s+past|this|last|next|past|coming|the|that|early|late|mid|in|during|since|until|by|through|over)\\s+)?(?:(early|late|mid)(?:\\s+|-))?" +
    `(spring|summer|fall|autumn|winter)(?:(?:\\s+of)?\\s+(?:((?:1[0-9]|20)\\d{2})(?![\\w,.]?\\d)|(${SPOKEN_YEAR_PATTERN})))?(?![\\w-])`,
  'gi',
);

const DETERMINERS = new Set(['this past', 'this', 'last', 'next', 'past', 'coming', 'the', 'that', 'early', 'late', 'mid']);

export const seasonParser: DateParser = {
  id: 'season',
  trigger: /spring|summer|fall|autumn|winter/i,
  pattern: PATTERN,
  extract(match, context): ParsedDate | null {
    const leading = match[1]?.toLowerCase().replace(/\s+/g, ' ');
    const seasonWord = match[3]!;
    const spokenYear = match[5] === undefined ? null : parseSpokenYear(match[5]);
    const year = match[4] ?? (spokenYear === null ? undefined : String(spokenYear));
    const season = SEASON_CODES[seasonWord.toLowerCase()];
    if (season === undefined) return null;
    const lowerSeason = seasonWord.toLowerCase();
    if (year === undefined) {
      if (leading === undefined) return null;
      // "fall" is mostly a verb and "spring" often a noun ("a hot spring"): a preposition alone is not enough.
      if ((lowerSeason === 'fall' || lowerSeason === 'spring') && !DETERMINERS.has(leading)) return null;
      // "the fall of the Berlin Wall", "the winter of discontent".
      if (/^\s+of\s+(?!\d)/i.test(context.text.slice(match.index + match[0].length))) return null;
    }
    // A preposition is not part of the expression.
    const isPreposition = leading !== undefined && !DETERMINERS.has(leading);
    const start = isPreposition ? match.index + match[1]!.length : extendPointStart(context.text, match.index);
    let spanStart = start;
    while (spanStart < match.index + match[0].length && /\s/.test(context.text[spanStart]!)) spanStart++;
    const meaning: CalendarMeaning = { kind: 'calendar', season };
    if (year !== undefined) meaning.year = Number(year);
    else if (leading === 'this' || leading === 'coming') meaning.relation = 'this';
    else if (leading === 'last' || leading === 'past' || leading === 'this past') meaning.relation = 'last';
    else if (leading === 'next') meaning.relation = 'next';
    return { start: spanStart, end: match.index + match[0].length, type: 'date', meaning };
  },
};
