/**
 * The pipeline, in order. Each stage reads what the ones before it wrote on the
 * document; adding a stage is an edit to this list.
 */

import type { Stage } from './stage.js';
import { segmentStage } from '../stages/segment.js';
import { tokenizeStage } from '../stages/tokenize.js';
import { nerStage } from '../stages/ner/ner-stage.js';
import { quotesStage } from '../stages/quotes/index.js';
import { rulesStage } from '../stages/entities/rules.js';
import { resolveStage } from '../stages/entities/resolve.js';
import { entitiesStage } from '../stages/entities/cluster.js';
import { salienceStage } from '../stages/entities/salience.js';
import { datesStage } from '../stages/dates/index.js';

export const PIPELINE: readonly Stage[] = Object.freeze([
  segmentStage, // paragraphs and page furniture
  tokenizeStage, // tokens, part of speech, sentences (wink-nlp)
  nerStage, // entity candidates from the statistical tagger
  rulesStage, // entity candidates from gazetteers and patterns
  resolveStage, // candidates -> naming mentions
  entitiesStage, // mentions -> entities, canonical names, aliases, titles
  datesStage, // TIMEX3 dates against publishedAt or the dateline
  quotesStage, // direct, indirect and mixed quotes with cues and speakers resolved to entities
  salienceStage, // salience and confidence (after quotes)
]);
