/**
 * Counted offsets from the publication date or from the time last talked about:
 * "two years ago" (2013), "10 days ago" (a day), "six weeks ago" (a week),
 * "three months from now", "a year earlier" (the period last mentioned, a year
 * before). Vague counts are PAST_REF or FUTURE_REF from now ("several years
 * ago", "a few months from now"); days and weeks before or after the time
 * talked about are the span between the two ("two days later": P2D, "a few
 * days later": PXD).
 */

import type { DateMeaning, Granularity, ShiftUnit } from '../candidate.js';
import type { DateParser, ParsedDate } from '../parser.js';
import { NUMBER_PATTERN, parseNumber } from '../words.js';
import { durationValue } from './duration.js';
import { extendDurationStart } from './modifiers.js';

const PATTERN = new RegExp(
  `(?<![\\w.,$£€-])(${NUMBER_PATTERN})(?:\\s+|-)(?:or\\s+so\\s+)?(day|week|month|quarter|year|decade|centur(?:y|ie))(s)?` +
    `(?:\\s+or\\s+so)?\\s+(ago|earlier|later|before|after|back|from\\s+now|hence)(?![\\w-])`,
  'gi',
);

const UNITS: Readonly<Record<string, [ShiftUnit, number, Granularity]>> = {
  day: ['day', 1, 'day'],
  week: ['week', 1, 'week'],
  month: ['month', 1, 'month'],
  quarter: ['quarter', 1, 'quarter'],
  year: ['year', 1, 'year'],
  decade: ['year', 10, 'year'],
  century: ['year', 100, 'year'],
  centurie: ['year', 100, 'year'],
};

export const agoParser: DateParser = {
  id: 'offset-ago',
  trigger: /ago|earlier|later|before|after|back|from now|hence/i,
  pattern: PATTERN,
  extract(match, context): ParsedDate | null {
    const [, numberText, unitWord, , relationWord] = match;
    const unit = UNITS[unitWord!.toLowerCase()];
    if (!unit) return null;
    const relation = relationWord!.toLowerCase().replace(/\s+/g, ' ');
    const after = context.text.slice(match.index + match[0].length, match.index + match[0].length + 12);
    // "two days before the vote": anchored on an event we do not resolve.
    if ((relation === 'before' || relation === 'after') && /^\s*[\w"“]/.test(after)) return null;
    const count = parseNumber(numberText!);
    const start = extendDurationStart(context.text, match.index);
    const end = match.index + match[0].length;
    // As a span between two narrated events the relation word is a signal (TimeML), outside the duration's span.
    const spanEnd = match.index + match[0].lastIndexOf(relationWord!) - 1;
    const backwards = relation === 'ago' || relation === 'earlier' || relation === 'before' || relation === 'back';
    const [shiftUnit, factor, granularity] = unit;
    const anaphoric = relation === 'earlier' || relation === 'later' || relation === 'before' || relation === 'after';
    if (count === null) {
      // "a few days later": some days after the time talked about, not the future; what is known is the span (PXD).
      if (anaphoric) {
        const value = durationValue(null, unitWord!);
        return value === null ? null : { start, end: spanEnd, type: 'duration', meaning: { kind: 'fixed', value }, rule: 'offset-vague-span' };
      }
      return { start, end, type: 'date', meaning: { kind: 'fixed', value: backwards ? 'PAST_REF' : 'FUTURE_REF' } };
    }
    // "three days later", "a day earlier", "two weeks before": the gap between two narrated events, which TIMEX3
    // marks as a duration ("later" is a signal). A month, quarter or year earlier names the period a report compares
    // with ("up from $5 million a year earlier") and stays a date.
    if (anaphoric && (shiftUnit === 'day' || shiftUnit === 'week')) {
      const value = durationValue(count, unitWord!);
      if (value !== null) return { start, end: spanEnd, type: 'duration', meaning: { kind: 'fixed', value }, rule: 'offset-span' };
    }
    const amount = Math.round(count * factor) * (backwards ? -1 : 1);
    const fromReference: DateMeaning = { kind: 'shift', unit: shiftUnit, amount, granularity };
    // "a year ago" and "a year earlier" in business news mean the same period a year before.
    if (anaphoric || (shiftUnit === 'year' && Math.abs(amount) === 1)) {
      return {
        start,
        end,
        type: 'date',
        meaning: { kind: 'anaphoric', anchor: 'any', shift: { unit: shiftUnit, amount }, fallback: fromReference, ...(anaphoric ? {} : { needsFinerAnchor: true }) },
        rule: 'offset-anaphoric',
      };
    }
    return { start, end, type: 'date', meaning: fromReference };
  },
};
