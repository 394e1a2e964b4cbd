/**
 * A clock time next to a day takes that day: "10:35 a.m. (0735 GMT) Friday" →
 * Friday at 10:35, "yesterday at noon". The two keep their own spans (TimeML
 * marks them apart); only the time's meaning gains the day.
 */

import type { DateCandidate, DateMeaning } from '../candidate.js';
import type { DateRefiner } from '../refiner.js';

/** The most text allowed between a time and its day. */
const MAX_GAP = 30;
const GAP_BREAK = /[.;!?]\s|\b(?:and|but|or|while|after|before|until)\b/i;

function isTimeOnly(meaning: DateMeaning): meaning is Extract<DateMeaning, { kind: 'calendar' }> & { hour: number } {
  return meaning.kind === 'calendar' && meaning.hour !== undefined && meaning.month === undefined &&
    meaning.weekday === undefined && meaning.holiday === undefined && meaning.year === undefined;
}

function dayMeaningWithTime(day: DateMeaning, hour: number, minute: number, zone: string | undefined): DateMeaning | null {
  const time = { hour, minute, ...(zone ? { zone } : {}) };
  if (day.kind === 'calendar') {
    const isDay = (day.month !== undefined && day.day !== undefined) || day.weekday !== undefined || day.holiday !== undefined;
    if (!isDay || day.hour !== undefined || day.weekOf !== undefined) return null;
    const { partOfDay: _dropped, ...rest } = day;
    return { ...rest, ...time };
  }
  if (day.kind === 'shift' && day.unit === 'day' && day.hour === undefined) {
    const { partOfDay: _dropped, ...rest } = day;
    return { ...rest, ...time };
  }
  return null;
}

export const attachTimeToDay: DateRefiner = {
  id: 'attach-time-to-day',
  refine(candidates, context) {
    const { text } = context.doc;
    return candidates.map((candidate, index): DateCandidate => {
      const { meaning } = candidate;
      if (!isTimeOnly(meaning)) return candidate;
      // "10:35 a.m. (0735 GMT) Friday": the same time in another zone may stand between a time and its day.
      const after = candidates[index + 1] !== undefined && isTimeOnly(candidates[index + 1]!.meaning) ? candidates[index + 2] : candidates[index + 1];
      const before = candidates[index - 1] !== undefined && isTimeOnly(candidates[index - 1]!.meaning) ? candidates[index - 2] : candidates[index - 1];
      const neighbours = [after, before].filter((c): c is DateCandidate => c !== undefined);
      for (const neighbour of neighbours) {
        const gap = neighbour.start >= candidate.end ? text.slice(candidate.end, neighbour.start) : text.slice(neighbour.end, candidate.start);
        if (gap.length > MAX_GAP || GAP_BREAK.test(gap)) continue;
        const merged = dayMeaningWithTime(neighbour.meaning, meaning.hour, meaning.minute ?? 0, meaning.zone);
        if (merged !== null) return { ...candidate, meaning: merged, rule: `${candidate.rule}+day` };
      }
      return candidate;
    });
  },
};
