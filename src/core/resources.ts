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
  readonly nlp: WinkNlpSource;
  readonly furniture: CompiledFurniture;
  readonly ner: NerResources;
  readonly cues: CompiledCues;
  readonly firstNames: FirstNameGenders;
  readonly entities: EntityLexicon;
  readonly dates: CompiledDates;
  readonly config: Readonly<ExtractorConfig>;
}

/**
 * New words wink-nlp may learn before lede starts a fresh instance. wink-nlp adds
 * every token it has not seen to its vocabulary (the lexeme list and index, and
 * the features packed for it) and keeps it for the life of the instance: over a
 * stream of articles that grows without end, about 250 bytes a word, with every
 * new name, number and misspelling. 50,000 words are about 12 MB; a fresh
 * instance costs about 50 ms (its start-up, warm), once per some thousands of articles.
 */
export const MAX_LEARNED_WORDS = 50_000;

/** wink-nlp's core model as its cache reads it: the lexeme list grows with each word learned. */
interface WinkCoreModel {
  features?: { lexeme?: { list?: unknown; intrinsicSize?: unknown } };
}

/**
 * The wink-nlp instance of a language model, renewed when it has learned
 * `maxLearned` words (see MAX_LEARNED_WORDS). The tokenize stage splits
 * possessives itself, which wink-nlp reads differently once it has seen a word.
 * It is not the only such thing: a word wink-nlp splits off a longer text ("U.S."
 * of "U.S.-led") joins its vocabulary, and a later "U.S." is then kept whole where
 * a fresh instance splits off the period. So a document's tokens can depend on
 * what the instance read before (a known failure in test/wink-renewal.test.ts).
 */
export class WinkNlpSource {
  private nlp: WinkNlp | null = null;
  private core: WinkCoreModel | null = null;
  private made = 0;

  constructor(
    private readonly languageModel: WinkLanguageModel,
    private readonly maxLearned = MAX_LEARNED_WORDS,
  ) {}

  /** The instance to read the next text with. */
  current(): WinkNlp {
    if (this.nlp === null || this.learned() >= this.maxLearned) this.renew();
    return this.nlp!;
  }

  /** Instances made so far. */
  get instances(): number {
    return this.made;
  }

  /** Words the current instance has added to its vocabulary (0 for a model whose vocabulary it cannot see). */
  learned(): number {
    const lexeme = this.core?.features?.lexeme;
    if (!lexeme || !Array.isArray(lexeme.list) || typeof lexeme.intrinsicSize !== 'number') return 0;
    return lexeme.list.length - lexeme.intrinsicSize;
  }

  private renew(): void {
    const model = this.languageModel;
    // The core wink-nlp loads, kept to read how far its vocabulary has grown.
    const watched: WinkLanguageModel = {
      ...model,
      core: () => {
        const core = (model.core as () => WinkCoreModel)();
        this.core = core;
        return core;
      },
    } as WinkLanguageModel;
    this.nlp = null;
    this.core = null;
    this.nlp = winkNLP(watched, ['sbd', 'pos']);
    this.made++;
  }
}

const sharedNlp = new WeakMap<WinkLanguageModel, WinkNlpSource>();

/**
 * One wink-nlp instance per language model serves every extractor (renewed as
 * WinkNlpSource says). It caches tokens across documents (see WinkNlpSource for
 * what that can change).
 */
function getNlp(languageModel: WinkLanguageModel): WinkNlpSource {
  let nlp = sharedNlp.get(languageModel);
  if (!nlp) sharedNlp.set(languageModel, (nlp = new WinkNlpSource(languageModel)));
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
