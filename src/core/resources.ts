/**
 * Everything an extractor needs beyond the text: the language model of wink-nlp,
 * lexicons, gazetteers and the entity tagger's weights. `ResourceData` is the raw
 * data (as read from `data/` by the Node entry, or handed in by a browser
 * bundle); `compileResources` turns it into lookup structures once per extractor.
 * Nothing here reads files: that happens at the edges (src/node).
 */

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { compileFurniture, type CompiledFurniture, type FurnitureData } from '../stages/segment.js';
import { compileEntityLexicon, type EntityLexicon, type EntityLexiconData } from '../stages/entities/lexicon.js';
import { compileDates, type CompiledDates, type DatesLexiconData } from '../stages/dates/index.js';
import type { ExtractorConfig } from '../types.js';

export interface ResourceData {
  furniture: FurnitureData;
  entities: EntityLexiconData;
  dates: DatesLexiconData;
}

export type WinkNlp = ReturnType<typeof winkNLP>;

export interface Resources {
  readonly nlp: WinkNlp;
  readonly furniture: CompiledFurniture;
  readonly entities: EntityLexicon;
  readonly dates: CompiledDates;
  readonly config: Readonly<ExtractorConfig>;
}

let sharedNlp: WinkNlp | null = null;

/** wink-nlp's instance holds no per-document state, so one serves every extractor. */
function getNlp(): WinkNlp {
  sharedNlp ??= winkNLP(model, ['sbd', 'pos']);
  return sharedNlp;
}

export function compileResources(data: ResourceData, config: ExtractorConfig): Resources {
  return {
    nlp: getNlp(),
    furniture: compileFurniture(data.furniture),
    entities: compileEntityLexicon(data.entities, config.gazetteer),
    dates: compileDates(data.dates),
    config,
  };
}
