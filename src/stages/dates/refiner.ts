/**
 * lede's refiners, in the manner of chrono-node's: a refiner takes the list of
 * candidates of one sentence and returns a new list (filtered, merged, resolved).
 * It never changes a candidate in place.
 */

import type { LedeDocument, Sentence } from '../../core/document.js';
import type { DateCandidate } from './candidate.js';
import type { CompiledDatesLexicon } from './lexicon.js';
import type { DiscourseState } from './discourse.js';

export interface RefiningContext {
  readonly doc: LedeDocument;
  readonly sentence: Sentence;
  readonly lexicon: CompiledDatesLexicon;
  /** What the article has talked about so far (for "the quarter", "a year earlier"). */
  readonly discourse: DiscourseState;
}

export interface DateRefiner {
  readonly id: string;
  refine(candidates: readonly DateCandidate[], context: RefiningContext): DateCandidate[];
}
