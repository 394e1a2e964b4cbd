/**
 * The pipeline, in order. Each stage reads what the ones before it wrote on the
 * document; adding a stage is an edit to this list.
 */

import type { Stage } from './stage.js';
import { segmentStage } from '../stages/segment.js';
import { tokenizeStage } from '../stages/tokenize.js';
import { datesStage } from '../stages/dates/index.js';

export const PIPELINE: readonly Stage[] = Object.freeze([
  segmentStage, // paragraphs, sentences' containers, page furniture
  tokenizeStage, // tokens, part of speech, sentences (wink-nlp)
  datesStage, // TIMEX3 dates against publishedAt or the dateline (after the entity stages)
]);
