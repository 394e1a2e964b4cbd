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
}

export function createDiscourseState(): DiscourseState {
  return { lastPoint: null, lastQuarter: null };
}

/** How many sentences back an "any" anchor may be ("a year earlier" looks at this and the previous two). */
export const ANCHOR_WINDOW = 2;
