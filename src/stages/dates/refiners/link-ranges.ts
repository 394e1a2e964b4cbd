/**
 * Ranges: "from 2009 to 2011", "between 2014 and 2016", "from Sept. 14 to
 * Thursday", "Monday through Friday", "Dec. 28 - Jan. 3, 2010". The two ends
 * stay two expressions, each with its own value (TimeML marks "from" and "to"
 * as signals between them); the second is marked as a range end, so that it is
 * resolved no earlier than the first (resolve-values.ts), and a first end
 * without a year takes the year the second one states ("from March to May
 * 2010": 2010-03; "Dec. 28 to Jan. 3, 2010": 2009-12-28).
 */

import type { CalendarMeaning, DateCandidate } from '../candidate.js';
import type { DateRefiner } from '../refiner.js';

/**
 * What may stand between two ends: a dash or "through" alone ("2009-2011",
 * "Monday through Friday"); "to", "until" after "from" ("from Sept. 14 to
 * Thursday", not "a revision Friday to December's figures"); "and" after "between".
 */
const JOINT = /^\s*(?:([-–—]|through|thru)|(to|until|till|and))\s*$/i;
const OPENING = /\b(from|between)\s+$/i;

/** A date or time that names a point: not a duration, a set or a vague reference (a year is fixed and may be one). */
function isPoint(candidate: DateCandidate): boolean {
  if (candidate.type !== 'date' && candidate.type !== 'time') return false;
  return candidate.meaning.kind !== 'fixed' || /^(?:FY)?\d{4}$/.test(candidate.meaning.value);
}

function withYearOf(first: CalendarMeaning, second: CalendarMeaning): CalendarMeaning {
  if (first.year !== undefined || first.relativeYear !== undefined || first.relation !== undefined || second.year === undefined) return first;
  if (first.month === undefined || second.month === undefined) return first;
  // "Dec. 28 to Jan. 3, 2010": a first end later in its year than the second is in the year before.
  const later = first.month > second.month || (first.month === second.month && (first.day ?? 0) > (second.day ?? 32));
  return { ...first, year: second.year - (later ? 1 : 0) };
}

export const linkRanges: DateRefiner = {
  id: 'link-ranges',
  refine(candidates, context) {
    const { text } = context.doc;
    const linked = [...candidates];
    for (let i = 1; i < linked.length; i++) {
      const first = linked[i - 1]!;
      const second = linked[i]!;
      if (!isPoint(first) || !isPoint(second)) continue;
      const joint = JOINT.exec(text.slice(first.end, second.start));
      if (joint === null) continue;
      const word = joint[2]?.toLowerCase();
      if (word !== undefined) {
        const opening = OPENING.exec(text.slice(Math.max(context.sentence.start, first.start - 10), first.start))?.[1]?.toLowerCase();
        if (opening !== (word === 'and' ? 'between' : 'from')) continue;
      }
      // A dash joins two of a kind ("2009-2011", "Sept. 14-Oct. 2"), not a date and a clock time.
      if (joint[1] !== undefined && first.type !== second.type) continue;
      // "Friday through Monday's session": a possessive second end qualifies a noun of its own.
      if (/^['’]s\b/.test(text.slice(second.end, second.end + 3))) continue;
      if (!second.rangeEnd) linked[i] = { ...second, rangeEnd: true };
      if (first.meaning.kind === 'calendar' && second.meaning.kind === 'calendar') {
        const meaning = withYearOf(first.meaning, second.meaning);
        if (meaning !== first.meaning) linked[i - 1] = { ...first, meaning };
      }
    }
    return linked;
  },
};
