/**
 * Extends chrono's dates over a point modifier before them: "late November",
 * "early Tuesday", "the middle of October" are one expression in TimeML, as
 * lede's own parsers already read "early next year" or "the end of this week".
 * Runs after the false-alarm filter, which reads the month or weekday word at
 * the candidate's start; clock times keep their span.
 */

import type { DateRefiner } from '../refiner.js';
import { extendPointStart } from '../parsers/modifiers.js';

export const extendModifiers: DateRefiner = {
  id: 'extend-modifiers',
  refine(candidates, context) {
    const { doc, sentence } = context;
    return candidates.map((candidate) => {
      if (candidate.source !== 'chrono' || candidate.meaning.kind !== 'calendar' || candidate.meaning.hour !== undefined) return candidate;
      const start = Math.max(sentence.start, extendPointStart(doc.text, candidate.start));
      return start === candidate.start ? candidate : { ...candidate, start };
    });
  },
};
