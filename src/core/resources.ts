/**
 * Everything an extractor needs beyond the text: the language model of wink-nlp,
 * lexicons, gazetteers and the entity tagger's weights. `ResourceData` is the raw
 * data (as read from `data/` by the Node entry, or handed in by a browser
 * bundle); `compileResources` turns it into lookup structures once per extractor.
 * Nothing here reads files: that happens at the edges (src/node).
 */

import winkNLP, { type Model as WinkLanguageModel } from 'wink-nlp';
import { compileFurniture, type CompiledFurniture, type FurnitureData } from '../stages/segment.js';
import { compileGazetteer, type GazetteerLists } from '../stages/ner/gazetteer.js';
import { compileNerModel, type NerModelData } from '../stages/ner/model.js';
import type { NerResources } from '../stages/ner/ner-stage.js';
import { compileCues, type CompiledCues, type CueData } from '../stages/quotes/cue-lexicon.js';
import { compileFirstNameGenders, type FirstNameGenders } from '../stages/quotes/first-name-gender.js';
import { compileEntityLexicon, type EntityLexicon, type EntityLexiconData } from '../stages/entities/lexicon.js';
import { compileDates, type CompiledDates, type DatesLexiconData } from '../stages/dates/index.js';
import type { ExtractorConfig } from '../types.js';

export interface ResourceData {
  /**
   * wink-nlp's English model: wink-eng-lite-web-model's default export, or the
   * same model put together by src/node/wink-model.ts (which starts faster).
   */
  languageModel: WinkLanguageModel;
  furniture: FurnitureData;
  /** The entity tagger's gazetteer lists (data/gazetteer/*.tsv, see NER_GAZETTEER_LISTS): list name -> names. */
  gazetteers: GazetteerLists;
  /** The entity tagger's weights (data/model/); null while training one. */
  nerModel: NerModelData | null;
  /** Cue verbs and phrases of reported speech, and the words that read a speaker (data/lexicon/cues.json). */
  cues: CueData;
  /** First names and their gender (data/gazetteer/first-name-gender.tsv), as its text; '' for none. */
  firstNameGenders: string;
  entities: EntityLexiconData;
  dates: DatesLexiconData;
}

export type WinkNlp = ReturnType<typeof winkNLP>;

export interface Resources {
  readonly nlp: WinkNlp;
  readonly furniture: CompiledFurniture;
  readonly ner: NerResources;
  readonly cues: CompiledCues;
  readonly firstNames: FirstNameGenders;
  readonly entities: EntityLexicon;
  readonly dates: CompiledDates;
  readonly config: Readonly<ExtractorConfig>;
}

const sharedNlp = new WeakMap<WinkLanguageModel, WinkNlp>();

/**
 * One wink-nlp instance per language model serves every extractor. (It caches tokens
 * across documents; the tokenize stage splits possessives itself so that the cache
 * cannot change results.)
 */
function getNlp(languageModel: WinkLanguageModel): WinkNlp {
  let nlp = sharedNlp.get(languageModel);
  if (!nlp) sharedNlp.set(languageModel, (nlp = winkNLP(languageModel, ['sbd', 'pos'])));
  return nlp;
}

export function compileResources(data: ResourceData, config: ExtractorConfig): Resources {
  const entities = compileEntityLexicon(data.entities, config.gazetteer);
  return {
    nlp: getNlp(data.languageModel),
    furniture: compileFurniture(data.furniture),
    ner: {
      model: data.nerModel ? compileNerModel(data.nerModel) : null,
      gazetteer: compileGazetteer(data.gazetteers),
      honorifics: entities.honorifics,
    },
    cues: compileCues(data.cues),
    firstNames: compileFirstNameGenders(data.firstNameGenders),
    entities,
    dates: compileDates(data.dates),
    config,
  };
}
