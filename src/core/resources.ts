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

/** One of wink-nlp's tokenizer rules: a regular expression's source and flags, and the token category it gives. */
type WinkRule = [source: string, flags: string, category: number];

/** wink-nlp's core model as its cache and tokenizer read it: the lexeme list grows with each word learned, and its hash finds each by its text. */
interface WinkCoreModel {
  features?: { lexeme?: { list?: unknown; intrinsicSize?: unknown; hash?: unknown } };
  /** Token categories by name (`hash.word`). */
  tcat?: { hash?: Record<string, unknown> };
  /** The tokenizer's rules: `ltc` tells a whole text's category, `rtc` splits a text it cannot tell, in order. */
  trex?: { ltc?: WinkRule[]; rtc?: WinkRule[] };
}

/** A word of the Latin letters wink-nlp's word rules know (a-z and the Latin-1 letters), nothing else. */
const LATIN_WORD = /^[a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+$/i;
/** A number as wink-nlp's number rules read one: ASCII digits, a sign, and single marks between digits ("1996-08-22", "1,200.5"). */
const NUMBER_WORD = /^[+-]?[0-9]+(?:[.,\-/:]?[0-9]+)*$/;

/** What becomes of a learned word before the next document. */
const enum Learned {
  Forget,
  /** Kept: wink-nlp reads it the same known or not, in any text. */
  Keep,
  /** Kept while no document can split it off a word (see numberSplitOffWord). */
  KeepNumber,
}

/**
 * Which learned words a document may find known, read from the tokenizer's own
 * rules: a word wink-nlp reads as this one token of the same category wherever
 * it stands, known or not.
 *   - A word of Latin letters only. wink-nlp splits such a text nowhere (it splits
 *     at periods, hyphens, apostrophes and other marks, at digits' edges, and off
 *     punctuation). Its first rule (`ltc`) that matches calls it a word, and no
 *     splitting rule (`rtc`) of another category matches it whole in any case
 *     (currency's "USD" does: split off "USD5", "USD" would be a currency, and its
 *     lower case "usd" too, which wink-nlp learns with it).
 *   - A number ("1996-08-22", "1,200"), which the first matching rule and every
 *     splitting rule that can match it whole call a number, except in one place:
 *     wink-nlp reads a piece after a period of a word it splits ("NYT19980206.0460")
 *     as a word. Such a word is kept only while no document has a text where that
 *     can happen (numberSplitOffWord).
 * Without the rules (a model lede cannot read), every learned word is forgotten.
 */
function learnedWordFate(core: WinkCoreModel): (word: string) => Learned {
  const categories = core.tcat?.hash;
  const word = categories?.['word'];
  const number = categories?.['number'];
  const { ltc, rtc } = core.trex ?? {};
  if (typeof word !== 'number' || typeof number !== 'number' || !Array.isArray(ltc) || !Array.isArray(rtc)) return () => Learned.Forget;
  const first = ltc.map(([source, flags, category]) => ({ rule: new RegExp(source, flags.replace('g', '')), category }));
  const whole = (category: number): RegExp[] =>
    rtc
      .filter(([, , other]) => other !== category)
      .map(([source, flags]) => new RegExp(`^(?:${source})$`, `${flags.replace(/[gi]/g, '')}i`));
  const notWordWhole = whole(word);
  const notNumberWhole = whole(number);
  const firstCategory = (text: string): number | undefined => first.find(({ rule }) => rule.test(text))?.category;
  return (text) => {
    if (LATIN_WORD.test(text)) {
      return firstCategory(text) === word && !notWordWhole.some((rule) => rule.test(text)) ? Learned.Keep : Learned.Forget;
    }
    if (NUMBER_WORD.test(text)) {
      return firstCategory(text) === number && !notNumberWhole.some((rule) => rule.test(text)) ? Learned.KeepNumber : Learned.Forget;
    }
    return Learned.Forget;
  };
}

/** wink-nlp's whitespace: it splits a text into raw tokens at these (its `helpers.splitter`). */
function isWinkSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || (code >= 0x2002 && code <= 0x2005) || code === 0x2009 || code === 0x200a || code === 0x202f || code === 0x205f || code === 10 || code === 13 || code === 9;
}

/**
 * Whether wink-nlp could read a number of `text` as a word: a period followed by
 * a digit, with a letter (or any character beyond ASCII) before it in the same
 * raw token, as in "NYT19980206.0460" or "v1.2". wink-nlp splits a word with
 * periods in it at each period and reads a piece of digits after one as a word;
 * nowhere else does it give a number another category. Erring on the safe side
 * (a letter anywhere before the period) only costs speed.
 */
export function numberSplitOffWord(text: string): boolean {
  for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (!(next >= 48 && next <= 57)) continue; // (NaN past the end)
    for (let k = at - 1; k >= 0; k--) {
      const code = text.charCodeAt(k);
      if (isWinkSpace(code)) break;
      if ((code | 32) >= 97 && (code | 32) <= 122) return true;
      if (code > 127) return true;
    }
  }
  return false;
}

/**
 * The wink-nlp instance of a language model, renewed when it has learned
 * `maxLearned` words (see MAX_LEARNED_WORDS).
 *
 * A document's tokens do not depend on what the instance read before. wink-nlp
 * keeps a text whole when its vocabulary holds it, and it adds to its vocabulary
 * the pieces it splits off: once it has split "U.S.-led", it would keep the "U.S."
 * of "U.S. officials" whole, where a fresh instance splits off the period; and a
 * learned word keeps the category it was first given (a number split off a word
 * is learned as a word, where alone it is a number). So each document starts with
 * the words learned before it forgotten, but for those that cannot change a thing
 * (learnedWordFate: words of Latin letters and numbers, most of the new words of
 * news). Forgetting every learned word did the same but cost 15% of the pipeline's
 * speed, every new name being learned again in each document.
 */
export class WinkNlpSource {
  private nlp: WinkNlp | null = null;
  private core: WinkCoreModel | null = null;
  private fate: (word: string) => Learned = () => Learned.Forget;
  /** How far along the lexeme list forgetLearned has gone. */
  private forgottenTo = 0;
  /** Numbers kept so far (forgotten all at once before a text that could read one as a word). */
  private keptNumbers: string[] = [];
  /** Whether the text read last could read a number as a word (numberSplitOffWord). */
  private lastSplitNumbers = false;
  private made = 0;

  constructor(
    private readonly languageModel: WinkLanguageModel,
    private readonly maxLearned = MAX_LEARNED_WORDS,
  ) {}

  /**
   * The instance to read the next document with: it knows no word learned from
   * another that could change how it reads `text` (the document's text, or all
   * the texts it will be given for it; without it, any text).
   */
  current(text?: string): WinkNlp {
    const splitNumbers = text === undefined || numberSplitOffWord(text);
    if (this.nlp === null || this.learned() >= this.maxLearned) this.renew();
    else this.forgetLearned(splitNumbers);
    this.lastSplitNumbers = splitNumbers;
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

  /**
   * Takes the words learned since the last call, but those kept, out of the lexeme
   * hash, where wink-nlp looks a text up before it splits it; and the numbers kept
   * before, when the next text could read a number as a word. Each is set to
   * undefined, which wink-nlp reads as not there, rather than deleted: a word not
   * in the object is looked for in the lexeme list (see lazyIndexOfList in
   * src/core/wink-core.ts), and is likely to be met again. The words stay in the
   * lexeme list (whose length still decides the renewal); one met again is learned again.
   */
  private forgetLearned(splitNumbers: boolean): void {
    const lexeme = this.core?.features?.lexeme;
    if (!lexeme || !Array.isArray(lexeme.list) || typeof lexeme.hash !== 'object' || lexeme.hash === null) return;
    const list = lexeme.list as unknown[];
    const hash = lexeme.hash as Record<string, unknown>;
    for (let k = Math.max(this.forgottenTo, Number(lexeme.intrinsicSize) || 0); k < list.length; k++) {
      const word = list[k];
      if (typeof word !== 'string') continue;
      const fate = this.fate(word);
      // A number learned from a text that could read it as a word may have been.
      if (fate === Learned.KeepNumber && !this.lastSplitNumbers) this.keptNumbers.push(word);
      else if (fate !== Learned.Keep) hash[word] = undefined;
    }
    this.forgottenTo = list.length;
    if (splitNumbers) {
      for (const word of this.keptNumbers) hash[word] = undefined;
      this.keptNumbers = [];
    }
  }

  private renew(): void {
    const model = this.languageModel;
    // The core wink-nlp loads, kept to read and trim its vocabulary.
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
    this.fate = this.core ? learnedWordFate(this.core) : () => Learned.Forget;
    this.forgottenTo = 0;
    this.keptNumbers = [];
    this.made++;
  }
}

const sharedNlp = new WeakMap<WinkLanguageModel, WinkNlpSource>();

/**
 * One wink-nlp instance per language model serves every extractor (renewed and
 * trimmed before each document as WinkNlpSource says).
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
