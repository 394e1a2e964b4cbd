/**
 * Extends chrono's dates over a point modifier before them: "late November",
 * "the middle of October", "early Sept. 5" are one expression in TimeML, as
 * lede's own parsers already read "early next year" or "the end of this week".
 * Runs after the false-alarm filter, which reads the month or weekday word at
 * the candidate's start; clock times keep their span, and so does a weekday
 * ("Earlier Friday, police said …": the adverb places the event in the day).
 */

import type { DateRefiner } from '../refiner.js';
import { extendPointStart } from '../parsers/modifiers.js';

export const extendModifiers: DateRefiner = {
  id: 'extend-modifiers',
  refine(candidates, context) {
    const { doc, sentence } = context;
    return candidates.map((candidate) => {
      const { meaning } = candidate;
      if (candidate.source !== 'chrono' || meaning.kind !== 'calendar' || meaning.hour !== undefined) return candidate;
      // "Earlier Friday, …", "Late Monday, the court ruled": before a weekday the word places the event within that day, as a clause adverb.
      if (meaning.month === undefined) return candidate;
      const start = Math.max(sentence.start, extendPointStart(doc.text, candidate.start));
      return start === candidate.start ? candidate : { ...candidate, start };
    });
  },
};
