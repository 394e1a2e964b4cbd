/**
 * A part of a day the article has talked about: "that night" (the day last
 * named, …TNI), "the next morning", "the following evening" (the day after it),
 * "the previous night" (the day before). As with "Earlier Friday", an adverb
 * before it ("later that night") stays outside the span. With no day talked
 * about the value is unknown (as for "that day"), never the publication date.
 */

import type { PartOfDay } from '../candidate.js';
import type { DateParser, ParsedDate } from '../parser.js';

const PARTS: Readonly<Record<string, PartOfDay>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

const PATTERN = /(?<![\w-])(that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding)\s+(morning|afternoon|evening|night)(?![\w-])/gi;

/** "He said that morning trading was light": "that" is a conjunction after a verb of saying or knowing. */
const CONJUNCTION_BEFORE = /(?:^|\W)(?:said|says|say|told|tell|tells|reported|reports|added|noted|argued|claimed|claims|believes?|believed|thinks?|thought|knows?|knew|shows?|showed|means?|meant|hopes?|hoped|so|such|fact|and|but)\s+$/i;

export const anaphoricPartOfDayParser: DateParser = {
  id: 'anaphoric-part-of-day',
  trigger: /morning|afternoon|evening|night/i,
  pattern: PATTERN,
  extract(match, context): ParsedDate | null {
    const determiner = match[1]!.toLowerCase().replace(/\s+/g, ' ');
    const start = match.index;
    if (determiner === 'that' && CONJUNCTION_BEFORE.test(context.text.slice(Math.max(0, start - 12), start))) return null;
    const amount = determiner === 'the next' || determiner === 'the following' ? 1 : determiner === 'the previous' || determiner === 'the preceding' ? -1 : 0;
    return {
      start, end: start + match[0].length, type: 'time',
      meaning: { kind: 'anaphoric', anchor: 'any', shift: { unit: 'day', amount }, coarsenTo: 'day', partOfDay: PARTS[match[2]!.toLowerCase()]!, fallback: null },
    };
  },
};
