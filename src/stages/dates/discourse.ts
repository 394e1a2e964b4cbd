/**
 * What an article has talked about so far, for the expressions that are
 * anchored on it rather than on the publication date ("the quarter", "the
 * year-earlier period", "a year earlier", "later that year"). One per document,
 * filled in text order by the resolving refiner.
 */

import type { Point } from './point.js';

export interface Anchor {
  point: Point;
  /** Index of the sentence where it was mentioned. */
  sentence: number;
}

export interface DiscourseState {
  /** The last resolved point (day, week, month, quarter, season, year). */
  lastPoint: Anchor | null;
  /** The last quarter named explicitly ("the third quarter", "this quarter"). */
  lastQuarter: Anchor | null;
  /**
   * The last quarter numbered as a fiscal one ("the fiscal first quarter"): its
   * number need not be the calendar quarter of its months, so "the quarter
   * ended Sept. 29" that follows is that quarter, not the calendar third.
   */
  lastFiscalQuarter: Anchor | null;
}

export function createDiscourseState(): DiscourseState {
  return { lastPoint: null, lastQuarter: null, lastFiscalQuarter: null };
}

/** How many sentences back an "any" anchor may be ("a year earlier" looks at this and the previous two). */
export const ANCHOR_WINDOW = 2;
