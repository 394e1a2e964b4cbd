/**
 * Features of the entity tagger. A document is first turned into a
 * `FeatureView` (per-token lower-case keys, shapes, gazetteer marks, whether the
 * token stands in an all-caps line or starts a sentence, how the same word is
 * written elsewhere in the article, the contexts of its other occurrences, the
 * article's topic word). Then three kinds of features are produced into a
 * `FeatureSink`:
 *   - `staticFeatures`: the token's own properties and its ±2 window, and the
 *     document-level ones above;
 *   - `historyFeatures`: how the same word was labelled in earlier sentences
 *     (Ratinov & Roth's prediction history);
 *   - `transitionFeatures`: features of (previous label, label) pairs.
 * Training (scripts/train-ner.ts) and tagging call the same functions, so they
 * cannot drift apart. Measured on CoNLL-2003 dev (raw candidates, micro F1
 * PER+ORG+LOC): history +0.9, context aggregation +0.35, topic +0.6, headlines
 * decoded after the body (decode.ts) +0.35.
 */

import { tokenWordsOf, type LedeDocument, type TokenWords } from '../../core/document.js';
import { matchNames, nameWordTableOf, sortedListMask, tokenKey, type CompiledGazetteer } from './gazetteer.js';
import { grownTo, PerVocabulary, wordTableOf, type WordTable } from '../../core/word-table.js';
import { typeOf, ENTITY_TYPES } from './labels.js';

export interface FeatureView {
  readonly doc: LedeDocument;
  /** Token text. */
  readonly words: readonly string[];
  /** tokenKey of each token (lower case, accents folded). */
  readonly keys: readonly string[];
  readonly shapes: readonly string[];
  /** Gazetteer marks per token (see matchGazetteer): lists 0-7 at [i], lists 8-15 (a second plane, when there are) at [n + i]. */
  readonly gazetteer: Uint32Array;
  readonly gazetteerLists: readonly string[];
  /** 1 when the token's sentence is written in capitals (a headline or a table row). */
  readonly capsLine: Uint8Array;
  /** 1 for the first word of a sentence (after any opening punctuation). */
  readonly sentenceInitial: Uint8Array;
  /** Per token: bit 0 = its key is written capitalised mid-sentence elsewhere in the article, bit 1 = in lower case. */
  readonly documentCase: Uint8Array;
  /**
   * Per token that starts with a capital: the keys found before and after the
   * other occurrences of its key in the article (context aggregation), or null.
   */
  readonly otherContexts: readonly (OtherContexts | null)[];
  /** The article's first word when its first line is written in capitals ("SOCCER - ..."), else null. */
  readonly topic: string | null;
  /**
   * Per token: the run of capitalised words it stands in ("Delta Air Lines",
   * "Bank of England"; inner "of", "&", "-" joined), as its first and last token
   * (runStart[i] = -1 outside a run and in lines written in capitals).
   */
  readonly runStart: Int32Array;
  readonly runEnd: Int32Array;
  /**
   * The distinct strings that the token features name (keys, words, shapes, POS
   * tags, and the sentence bounds at SENTENCE_START_ID and SENTENCE_END_ID), and
   * each token's ids into it: the same string, the same id within the article. A
   * sink may look a feature up by its template and value id instead of the value
   * (decode.ts does).
   */
  readonly values: readonly string[];
  /**
   * Where the tokenizer numbered the words (TokenWords): per value, the word it
   * was read from and which of its strings it is (word id * 3 + 0 for the word, 1
   * its key, 2 its shape), or -1; so that a cache of values kept across articles
   * can keep them by word (ValueRowCache.idsOf).
   */
  readonly valueSources: ValueSources | null;
  readonly keyIds: Int32Array;
  readonly wordIds: Int32Array;
  readonly shapeIds: Int32Array;
  readonly posIds: Int32Array;
}

export interface ValueSources {
  readonly words: TokenWords;
  /** Per value of FeatureView.values: word id * 3 + which string of the word (0 word, 1 key, 2 shape), or -1. */
  readonly of: Int32Array;
}

export interface OtherContexts {
  before: readonly string[];
  after: readonly string[];
  /** Their ids in FeatureView.values. */
  beforeIds: readonly number[];
  afterIds: readonly number[];
}

/** Occurrences of a key that context aggregation looks at. */
const MAX_AGGREGATED_OCCURRENCES = 6;

const UPPER = 1;
const LOWER = 2;

/** A compact word shape: character classes with runs collapsed ("Lavrov" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d"). */
export function shapeOf(word: string): string {
  let shape = '';
  let last = '';
  const n = Math.min(word.length, 24);
  for (let i = 0; i < n; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code > 127) {
      const ch = word[i]!;
      c = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    } else c = word[i]!;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

function caseOf(word: string): number {
  const first = word.charCodeAt(0);
  const ch = word[0]!;
  if (first >= 65 && first <= 90) return UPPER;
  if (first >= 97 && first <= 122) return LOWER;
  if (first > 127) {
    if (ch.toLowerCase() !== ch) return UPPER;
    if (ch.toUpperCase() !== ch) return LOWER;
  }
  return 0;
}

function isAllCaps(word: string): boolean {
  // ASCII without a string made: a capital and no small letter.
  let capital = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code > 127) return word.toUpperCase() === word && word.toLowerCase() !== word;
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) capital = true;
  }
  return capital;
}

/** Keys whose one-word lookups in the large gazetteer lists are kept across articles (see sortedMasksOf). */
const SORTED_MASK_KEYS = 50_000;
/** Longest key kept (shorter strings are flat copies in V8, never slices of a whole article). */
const MAX_KEPT_KEY_LENGTH = 12;

/** A map that keeps short keys only (a longer string may be a slice that keeps a whole article alive). */
class ShortKeyMap extends Map<string, number> {
  override set(key: string, value: number): this {
    if (key.length <= MAX_KEPT_KEY_LENGTH) super.set(key, value);
    return this;
  }
}

const sortedMaskMemos = new WeakMap<CompiledGazetteer, ShortKeyMap>();
/** sortedListMask of each word's key by word (TokenWords), kept across articles for a gazetteer's large lists. */
function sortedWordTableOf(gazetteer: CompiledGazetteer, words: TokenWords): WordTable {
  return wordTableOf(gazetteer.sorted, words);
}

/**
 * What the large lists of a gazetteer hold for a key, remembered across articles
 * (the lookup is a bisection of a list of 195,000 names): bounded, started again
 * empty between articles when full. The gazetteer never changes, so neither does
 * an answer.
 */
function sortedMasksOf(gazetteer: CompiledGazetteer): Map<string, number> {
  let memo = sortedMaskMemos.get(gazetteer);
  if (!memo) sortedMaskMemos.set(gazetteer, (memo = new ShortKeyMap()));
  else if (memo.size > SORTED_MASK_KEYS) memo.clear();
  return memo;
}

/**
 * buildFeatureView's reading of each word the tokenizer numbered (TokenWords):
 * its key and shape, kept by word id across articles (one per vocabulary),
 * and its value ids in the article being read (`entries`, valid where the word's
 * stamp is the article's).
 */
class WordViews {
  /** By word id: the word's key and shape ('' where not read yet: a word is never empty). */
  keys: string[] = [];
  shapes: string[] = [];
  /** By word id: the article that last gave it value ids. */
  private stamps = new Int32Array(0);
  private article = 0;
  /** By word id, three apart: its word's, key's and shape's value ids in the article stamped. */
  entries = new Int32Array(0);
  /** One string per shape (a few hundred occur), so that the table keeps no copies. */
  private readonly shapeStrings = new Map<string, string>();

  startArticle(): this {
    if (++this.article >= 0x7fffffff) {
      this.stamps.fill(0);
      this.article = 1;
    }
    return this;
  }

  /** The offset in `entries` of word `id` (whose text is `word`), its value ids taken from `idOf` the first time the article meets it. */
  entryOf(id: number, word: string, idOf: (value: string, source: number) => number): number {
    if (id >= this.stamps.length) this.grow(id + 1);
    const at = id * 3;
    if (this.stamps[id] === this.article) return at;
    let key = this.keys[id]!;
    let shape = this.shapes[id]!;
    if (key === '') {
      key = this.keys[id] = tokenKey(word);
      shape = shapeOf(word);
      const shared = this.shapeStrings.get(shape);
      if (shared !== undefined) shape = shared;
      else if (this.shapeStrings.size < MAX_SHAPE_STRINGS) this.shapeStrings.set(shape, shape);
      this.shapes[id] = shape;
    }
    this.stamps[id] = this.article;
    this.entries[at] = idOf(word, at);
    this.entries[at + 1] = idOf(key, at + 1);
    this.entries[at + 2] = idOf(shape, at + 2);
    return at;
  }

  private grow(size: number): void {
    this.stamps = grownTo(this.stamps, size);
    const capacity = this.stamps.length;
    this.entries = grownTo(this.entries, capacity * 3);
    // Grown by push, so that the arrays stay packed (a large `new Array(n)` is a dictionary).
    while (this.keys.length < capacity) {
      this.keys.push('');
      this.shapes.push('');
    }
  }
}

/** Shapes WordViews shares a string of (more are kept as they come). */
const MAX_SHAPE_STRINGS = 4096;

const wordViews = new PerVocabulary(() => new WordViews());

/** Builds the per-document view the features read. */
export function buildFeatureView(doc: LedeDocument, gazetteer: CompiledGazetteer): FeatureView {
  const tokens = doc.tokens;
  const n = tokens.length;
  const words = new Array<string>(n);
  const keys = new Array<string>(n);
  const shapes = new Array<string>(n);
  const capsLine = new Uint8Array(n);
  const sentenceInitial = new Uint8Array(n);
  const documentCase = new Uint8Array(n);
  const values = [SENTENCE_START_KEY, SENTENCE_END_KEY];
  const valueIds = new Map<string, number>(values.map((value, id) => [value, id]));
  /** Per value: its source (ValueSources.of), -1 where none was given. */
  const sources: number[] = [-1, -1];
  const idOf = (value: string, source = -1): number => {
    let id = valueIds.get(value);
    if (id === undefined) {
      valueIds.set(value, (id = values.length));
      values.push(value);
      sources.push(source);
    }
    return id;
  };
  const keyIds = new Int32Array(n);
  const wordIds = new Int32Array(n);
  const shapeIds = new Int32Array(n);
  const posIds = new Int32Array(n);
  const canonical = new Map<string, { word: string; key: string; shape: string; wordId: number; keyId: number; shapeId: number }>();
  // Words the tokenizer numbered: their key and shape kept across articles, their value ids for this article, by word id.
  const tokenWords = tokenWordsOf(doc);
  const byWord = tokenWords === null ? null : wordViews.of(tokenWords.vocabulary).startArticle();
  for (let i = 0; i < n; i++) {
    const word = tokens[i]!.text;
    const id = tokenWords === null ? -1 : tokenWords.ids[i]!;
    if (id >= 0) {
      const at = byWord!.entryOf(id, word, idOf);
      const entries = byWord!.entries;
      words[i] = word;
      keys[i] = byWord!.keys[id]!;
      shapes[i] = byWord!.shapes[id]!;
      wordIds[i] = entries[at]!;
      keyIds[i] = entries[at + 1]!;
      shapeIds[i] = entries[at + 2]!;
      posIds[i] = idOf(tokens[i]!.pos);
      continue;
    }
    // One string object per distinct value, so each is hashed once per article.
    let known = canonical.get(word);
    if (known === undefined) {
      const key = tokenKey(word);
      const shape = shapeOf(word);
      known = { word, key, shape, wordId: idOf(word), keyId: idOf(key), shapeId: idOf(shape) };
      canonical.set(word, known);
    }
    words[i] = known.word;
    keys[i] = known.key;
    shapes[i] = known.shape;
    wordIds[i] = known.wordId;
    keyIds[i] = known.keyId;
    shapeIds[i] = known.shapeId;
    posIds[i] = idOf(tokens[i]!.pos);
  }
  // How each key is written mid-sentence, by key id.
  const seen = new Uint8Array(values.length);
  for (const sentence of doc.sentences) {
    let letters = 0;
    let capitals = 0;
    let initial = true;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'word') continue;
      letters++;
      if (isAllCaps(token.text)) capitals++;
      if (initial) {
        sentenceInitial[i] = 1;
        initial = false;
      }
    }
    const caps = letters >= 2 && capitals * 10 >= letters * 8 ? 1 : 0;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      capsLine[i] = caps;
      if (caps || sentenceInitial[i] || tokens[i]!.kind !== 'word') continue;
      seen[keyIds[i]!]! |= caseOf(words[i]!);
    }
  }
  for (let i = 0; i < n; i++) documentCase[i] = seen[keyIds[i]!]!;

  // Context aggregation: for capitalised tokens, the neighbours of the key's other occurrences.
  const occurrences = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (shapes[i]!.charCodeAt(0) !== 88) continue;
    let list = occurrences.get(keyIds[i]!);
    if (!list) occurrences.set(keyIds[i]!, (list = []));
    if (list.length < MAX_AGGREGATED_OCCURRENCES) list.push(i);
  }
  const otherContexts = new Array<OtherContexts | null>(n).fill(null);
  const sentenceOf = (i: number): { tokenStart: number; tokenEnd: number } => doc.sentences[tokens[i]!.sentence]!;
  for (const list of occurrences.values()) {
    if (list.length < 2) continue;
    for (const i of list) {
      // By key id: the same key, the same id ('<s>' and '</s>' are SENTENCE_START_ID and SENTENCE_END_ID).
      const before = new Set<number>();
      const after = new Set<number>();
      for (const j of list) {
        if (j === i) continue;
        const sentence = sentenceOf(j);
        before.add(j > sentence.tokenStart ? keyIds[j - 1]! : SENTENCE_START_ID);
        after.add(j + 1 < sentence.tokenEnd ? keyIds[j + 1]! : SENTENCE_END_ID);
      }
      const beforeIds = [...before];
      const afterIds = [...after];
      otherContexts[i] = { before: beforeIds.map((id) => values[id]!), after: afterIds.map((id) => values[id]!), beforeIds, afterIds };
    }
  }
  // Runs of capitalised words, for the name-context features (staticFeatures).
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  for (const sentence of doc.sentences) {
    if (capsLine[sentence.tokenStart]) continue;
    let i = sentence.tokenStart;
    while (i < sentence.tokenEnd) {
      if (shapes[i]!.charCodeAt(0) !== 88) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < sentence.tokenEnd) {
        if (shapes[end]!.charCodeAt(0) === 88) end++;
        // Not after the sentence's first word alone ("Shares of Delta Air Lines").
        else if (RUN_JOINERS.has(keys[end]!) && end + 1 < sentence.tokenEnd && shapes[end + 1]!.charCodeAt(0) === 88 && !(end === i + 1 && sentenceInitial[i])) end += 2;
        else break;
      }
      for (let k = i; k < end; k++) {
        runStart[k] = i;
        runEnd[k] = end - 1;
      }
      i = end;
    }
  }

  let topic: string | null = null;
  const firstSentence = doc.sentences[0];
  if (firstSentence && capsLine[firstSentence.tokenStart]) topic = keys[firstSentence.tokenStart]!;

  const gazetteerMarks = new Uint32Array(n * gazetteer.planes);
  // Large lists are searched for words only (names have letters; punctuation and numbers never match),
  // once per key of the article; then each sentence is matched as matchGazetteer would.
  const sortedMasks = sortedMasksOf(gazetteer);
  const singleOfKey = new Int32Array(values.length).fill(-1);
  const singles = new Uint32Array(n);
  // By word across articles where the tokenizer numbered the words (a word's key is always the same).
  const tokenWordIds = tokenWords?.ids;
  const singleOfWord = tokenWords ? sortedWordTableOf(gazetteer, tokenWords) : null;
  for (let i = 0; i < n; i++) {
    if (tokens[i]!.kind !== 'word') continue;
    const word = tokenWordIds === undefined ? -1 : tokenWordIds[i]!;
    if (word >= 0 && singleOfWord!.has(word)) {
      singles[i] = singleOfWord!.get(word);
      continue;
    }
    const keyId = keyIds[i]!;
    let single = singleOfKey[keyId]!;
    if (single < 0) singleOfKey[keyId] = single = sortedListMask(gazetteer, keys[i]!, sortedMasks);
    singles[i] = single;
    if (word >= 0) singleOfWord!.set(word, single);
  }
  const names = tokenWords ? { ids: tokenWords.ids, table: nameWordTableOf(gazetteer, tokenWords) } : undefined;
  for (const sentence of doc.sentences) matchNames(gazetteer, keys, sentence.tokenStart, sentence.tokenEnd, singles, gazetteerMarks, n, names);
  return {
    doc,
    words,
    keys,
    shapes,
    gazetteer: gazetteerMarks,
    gazetteerLists: gazetteer.listNames,
    capsLine,
    sentenceInitial,
    documentCase,
    otherContexts,
    topic,
    runStart,
    runEnd,
    values,
    valueSources: tokenWords === null ? null : { words: tokenWords, of: Int32Array.from(sources) },
    keyIds,
    wordIds,
    shapeIds,
    posIds,
  };
}

/**
 * Words that join the capitalised words of one name ("Bank of England", "AT & T",
 * "Hewlett - Packard"). Not "and": it joins two names more often than it stands in one.
 */
const RUN_JOINERS = new Set(['of', '&', '-', 'de', 'du']);

/**
 * Where features go. Training collects them as strings (`FeatureStrings`); the
 * tagger scores them directly, caching by value, so that no feature string is
 * built for a word it has already seen in the article. A feature is named by a
 * template and a value: `unary('w=', 'Lavrov')` is the feature "w=Lavrov",
 * `pair('k-1k=', 'minister', 'lavrov')` is "k-1k=minister|lavrov", and
 * `affixes(key)` stands for "k=key" and its prefixes and suffixes (1-4). A value
 * that is a token's key, word, shape or POS tag comes with its id in
 * `FeatureView.values` (the feature is the same; the id only lets a sink find it
 * without reading the string).
 */
export interface FeatureSink {
  flag(name: string): void;
  unary(template: string, value: string, valueId?: number): void;
  pair(template: string, first: string, second: string, firstId?: number, secondId?: number): void;
  affixes(key: string, keyId?: number): void;
}

const PREFIX_TEMPLATES = ['', 'pre1=', 'pre2=', 'pre3=', 'pre4='];
const SUFFIX_TEMPLATES = ['', 'suf1=', 'suf2=', 'suf3=', 'suf4='];

/** The features of `affixes(key)`, as (template, value) pairs. */
export function forEachAffix(key: string, visit: (template: string, value: string) => void): void {
  visit('k=', key);
  const length = key.length;
  for (let a = 1; a <= 4 && a < length; a++) {
    visit(PREFIX_TEMPLATES[a]!, key.slice(0, a));
    visit(SUFFIX_TEMPLATES[a]!, key.slice(length - a));
  }
}

/** The feature strings of `affixes(key)`. */
export function affixFeatures(key: string, out: string[]): void {
  forEachAffix(key, (template, value) => out.push(template + value));
}

/** Collects features as strings. */
export class FeatureStrings implements FeatureSink {
  constructor(readonly out: string[] = []) {}
  flag(name: string): void {
    this.out.push(name);
  }
  unary(template: string, value: string): void {
    this.out.push(template + value);
  }
  pair(template: string, first: string, second: string): void {
    this.out.push(`${template}${first}|${second}`);
  }
  affixes(key: string): void {
    affixFeatures(key, this.out);
  }
}

const GAZETTEER_POSITION = ['B', 'I', 'L', 'U'];
const gazetteerValueCache = new WeakMap<readonly string[], string[]>();

/** Feature values per gazetteer bit of each plane ("country:B"; plane p's bit b at p * 32 + b), built once per list set. */
function gazetteerValues(lists: readonly string[]): string[] {
  let values = gazetteerValueCache.get(lists);
  if (!values) {
    values = [];
    for (let bit = 0; bit < 64; bit++) values.push(`${lists[bit >> 2] ?? '?'}:${GAZETTEER_POSITION[bit & 3]}`);
    gazetteerValueCache.set(lists, values);
  }
  return values;
}

function gazetteerFeatures(view: FeatureView, i: number, template: string, sink: FeatureSink): void {
  const n = view.words.length;
  const planes = view.gazetteer.length / n;
  for (let p = 0; p < planes; p++) {
    const marks = view.gazetteer[p * n + i]!;
    if (marks !== 0) planeMarkFeatures(view.gazetteerLists, template, p, marks, sink);
  }
}

/** The gazetteer features of one plane's marks (a token's view.gazetteer[p * n + i]) under a template. */
export function planeMarkFeatures(lists: readonly string[], template: string, plane: number, marks: number, sink: FeatureSink): void {
  const values = gazetteerValues(lists);
  for (let bit = 0; bit < 32; bit++) {
    if ((marks >>> bit) & 1) sink.unary(template, values[plane * 32 + bit]!);
  }
}

/** The templates of the gazetteer features of a token, the one before it and the one after it (GroupedFeatureSink.marks). */
export const MARK_TEMPLATES = ['g=', 'g-1=', 'g+1='] as const;

/** What GroupedFeatureSink.marks stands for. */
export function markFeatures(view: FeatureView, which: number, j: number, sink: FeatureSink): void {
  gazetteerFeatures(view, j, MARK_TEMPLATES[which]!, sink);
}

export const SENTENCE_START_KEY = '<s>';
export const SENTENCE_END_KEY = '</s>';
/** Their ids in every FeatureView's values. */
export const SENTENCE_START_ID = 0;
export const SENTENCE_END_ID = 1;
const DOCUMENT_CASE = ['0', '1', '2', '3'];

/**
 * Features of token i that do not depend on earlier labels: the key and its
 * affixes, the case-sensitive word (outside all-caps lines), shape, POS,
 * capitalisation in context, document capitalisation, gazetteers, the keys of
 * the neighbours within ±2, key and shape bigrams, neighbours' shapes, POS and
 * gazetteers. `sentenceStart` and `sentenceEnd` bound the window.
 */
export function staticFeatures(view: FeatureView, i: number, sentenceStart: number, sentenceEnd: number, sink: FeatureSink): void {
  const key = view.keys[i]!;
  const keyId = view.keyIds[i]!;
  const shape = view.shapes[i]!;
  const shapeId = view.shapeIds[i]!;
  const caps = view.capsLine[i] === 1;
  const tokens = view.doc.tokens;
  sink.affixes(key, keyId);
  sink.flag('bias');
  if (!caps) sink.unary('w=', view.words[i]!, view.wordIds[i]);
  sink.unary('s=', shape, shapeId);
  sink.unary('p=', tokens[i]!.pos, view.posIds[i]);
  if (caps) sink.flag('caps');
  if (view.sentenceInitial[i]) {
    sink.flag('first');
    sink.unary('first:k=', key, keyId);
  }
  const documentCase = DOCUMENT_CASE[view.documentCase[i]!]!;
  if (!caps && !view.sentenceInitial[i]) sink.unary('dc=', documentCase);
  else sink.unary('dc?=', documentCase);
  if (!tokens[i]!.spaceBefore && i > sentenceStart) sink.flag('glued');
  const contexts = view.otherContexts[i];
  if (contexts) {
    for (const k of contexts.before) sink.unary('ob=', k);
    for (const k of contexts.after) sink.unary('oa=', k);
  }
  if (view.topic !== null && shape.charCodeAt(0) === 88) sink.pair('tp=', view.topic, shape);
  const runStart = view.runStart[i]!;
  if (runStart >= 0) {
    // The context of the whole run of capitalised words the token stands in, so that
    // every word of "Delta Air Lines said" or "shares of Iridium Communications" sees
    // what stands around the name: the words before and after it (and the shape after:
    // "Boeing 737s"), and the run's last word (its head: "Airlines", "Inc", "University").
    const runEnd = view.runEnd[i]!;
    sink.unary('rp=', runStart > sentenceStart ? view.keys[runStart - 1]! : SENTENCE_START_KEY);
    sink.unary('rn=', runEnd + 1 < sentenceEnd ? view.keys[runEnd + 1]! : SENTENCE_END_KEY);
    if (runEnd + 1 < sentenceEnd) sink.unary('rns=', view.shapes[runEnd + 1]!);
    if (runEnd + 2 < sentenceEnd) sink.pair('rn2=', view.keys[runEnd + 1]!, view.keys[runEnd + 2]!);
    if (runEnd > runStart) sink.unary('rl=', view.keys[runEnd]!);
  }
  gazetteerFeatures(view, i, 'g=', sink);
  const k1 = i - 1 >= sentenceStart ? view.keys[i - 1]! : SENTENCE_START_KEY;
  const k2 = i - 2 >= sentenceStart ? view.keys[i - 2]! : SENTENCE_START_KEY;
  const n1 = i + 1 < sentenceEnd ? view.keys[i + 1]! : SENTENCE_END_KEY;
  const n2 = i + 2 < sentenceEnd ? view.keys[i + 2]! : SENTENCE_END_KEY;
  const k1Id = i - 1 >= sentenceStart ? view.keyIds[i - 1]! : SENTENCE_START_ID;
  const k2Id = i - 2 >= sentenceStart ? view.keyIds[i - 2]! : SENTENCE_START_ID;
  const n1Id = i + 1 < sentenceEnd ? view.keyIds[i + 1]! : SENTENCE_END_ID;
  const n2Id = i + 2 < sentenceEnd ? view.keyIds[i + 2]! : SENTENCE_END_ID;
  sink.unary('k-1=', k1, k1Id);
  sink.unary('k-2=', k2, k2Id);
  sink.unary('k+1=', n1, n1Id);
  sink.unary('k+2=', n2, n2Id);
  sink.pair('k-1k=', k1, key, k1Id, keyId);
  sink.pair('kk+1=', key, n1, keyId, n1Id);
  if (i - 1 >= sentenceStart) {
    sink.unary('s-1=', view.shapes[i - 1]!, view.shapeIds[i - 1]);
    sink.unary('p-1=', tokens[i - 1]!.pos, view.posIds[i - 1]);
    sink.pair('s-1s=', view.shapes[i - 1]!, shape, view.shapeIds[i - 1], shapeId);
    gazetteerFeatures(view, i - 1, 'g-1=', sink);
  }
  if (i + 1 < sentenceEnd) {
    sink.unary('s+1=', view.shapes[i + 1]!, view.shapeIds[i + 1]);
    sink.unary('p+1=', tokens[i + 1]!.pos, view.posIds[i + 1]);
    sink.pair('ss+1=', shape, view.shapes[i + 1]!, shapeId, view.shapeIds[i + 1]);
    gazetteerFeatures(view, i + 1, 'g+1=', sink);
  }
}

/**
 * A sink that takes some of staticFeatures' features by group (decode.ts sums
 * each group once per word and keeps the sum): `own(i)` stands for
 * ownFeatures(view, i), `before(j)` for beforeFeatures(view, j) and `after(j)`
 * for afterFeatures(view, j).
 */
export interface GroupedFeatureSink extends FeatureSink {
  own(i: number): void;
  before(j: number): void;
  after(j: number): void;
  /**
   * A pair feature of two neighbouring tokens' values: `asSecond + first|second`
   * when `side` is SECOND (the token scored is the second of the two), else
   * `asFirst + first|second`. The bigram gives one to each of its tokens, so a sink
   * may look both up at once.
   */
  bigram(asSecond: string, asFirst: string, first: string, second: string, firstId: number, secondId: number, side: BigramSide): void;
  /** stateFeatures(view, i, sentenceStart, sentenceEnd). */
  state(i: number, sentenceStart: number, sentenceEnd: number): void;
  /** markFeatures(view, which, j): token j's gazetteer features under MARK_TEMPLATES[which]. */
  marks(which: number, j: number): void;
}

/**
 * The features of staticFeatures that depend only on token i's few small states:
 * the POS tags of it and its neighbours, its document case (and whether its line is
 * in capitals or it starts the sentence), and whether it is glued to the token before.
 */
export function stateFeatures(view: FeatureView, i: number, sentenceStart: number, sentenceEnd: number, sink: FeatureSink): void {
  const tokens = view.doc.tokens;
  sink.unary('p=', tokens[i]!.pos, view.posIds[i]);
  if (view.sentenceInitial[i]) sink.flag('first');
  const documentCase = DOCUMENT_CASE[view.documentCase[i]!]!;
  if (view.capsLine[i] !== 1 && !view.sentenceInitial[i]) sink.unary('dc=', documentCase);
  else sink.unary('dc?=', documentCase);
  if (!tokens[i]!.spaceBefore && i > sentenceStart) sink.flag('glued');
  if (i - 1 >= sentenceStart) sink.unary('p-1=', tokens[i - 1]!.pos, view.posIds[i - 1]);
  if (i + 1 < sentenceEnd) sink.unary('p+1=', tokens[i + 1]!.pos, view.posIds[i + 1]);
}

export const SECOND = 0;
export const FIRST = 1;
export type BigramSide = typeof SECOND | typeof FIRST;

/** What GroupedFeatureSink.bigram stands for. */
export function bigramFeature(asSecond: string, asFirst: string, first: string, second: string, firstId: number, secondId: number, side: BigramSide, sink: FeatureSink): void {
  sink.pair(side === SECOND ? asSecond : asFirst, first, second, firstId, secondId);
}

/**
 * The features of staticFeatures that depend on token i's word alone (its key
 * and shape are the word's) and on whether its line is written in capitals: the
 * key and its affixes, bias, the word, the shape, and the caps flag.
 */
export function ownFeatures(view: FeatureView, i: number, sink: FeatureSink): void {
  const caps = view.capsLine[i] === 1;
  sink.affixes(view.keys[i]!, view.keyIds[i]);
  sink.flag('bias');
  if (!caps) sink.unary('w=', view.words[i]!, view.wordIds[i]);
  sink.unary('s=', view.shapes[i]!, view.shapeIds[i]);
  if (caps) sink.flag('caps');
}

/** The features of staticFeatures that token j gives the token after it in its sentence: its key and shape. */
export function beforeFeatures(view: FeatureView, j: number, sink: FeatureSink): void {
  sink.unary('k-1=', view.keys[j]!, view.keyIds[j]);
  sink.unary('s-1=', view.shapes[j]!, view.shapeIds[j]);
}

/** The features of staticFeatures that token j gives the token before it in its sentence: its key and shape. */
export function afterFeatures(view: FeatureView, j: number, sink: FeatureSink): void {
  sink.unary('k+1=', view.keys[j]!, view.keyIds[j]);
  sink.unary('s+1=', view.shapes[j]!, view.shapeIds[j]);
}

/**
 * staticFeatures(view, i, ...) with its groups of features by word given as
 * groups (GroupedFeatureSink): the same features, in another order. Change the
 * two together (test/stages/ner-grouped-features.test.ts compares them).
 */
export function groupedStaticFeatures(view: FeatureView, i: number, sentenceStart: number, sentenceEnd: number, sink: GroupedFeatureSink): void {
  const key = view.keys[i]!;
  const keyId = view.keyIds[i]!;
  const shape = view.shapes[i]!;
  const shapeId = view.shapeIds[i]!;
  sink.own(i);
  sink.state(i, sentenceStart, sentenceEnd);
  if (view.sentenceInitial[i]) sink.unary('first:k=', key, keyId);
  const contexts = view.otherContexts[i];
  if (contexts) {
    for (let k = 0; k < contexts.before.length; k++) sink.unary('ob=', contexts.before[k]!, contexts.beforeIds[k]);
    for (let k = 0; k < contexts.after.length; k++) sink.unary('oa=', contexts.after[k]!, contexts.afterIds[k]);
  }
  if (view.topic !== null && shape.charCodeAt(0) === 88) sink.pair('tp=', view.topic, shape);
  const runStart = view.runStart[i]!;
  if (runStart >= 0) {
    const runEnd = view.runEnd[i]!;
    if (runStart > sentenceStart) sink.unary('rp=', view.keys[runStart - 1]!, view.keyIds[runStart - 1]);
    else sink.unary('rp=', SENTENCE_START_KEY, SENTENCE_START_ID);
    if (runEnd + 1 < sentenceEnd) {
      sink.unary('rn=', view.keys[runEnd + 1]!, view.keyIds[runEnd + 1]);
      sink.unary('rns=', view.shapes[runEnd + 1]!, view.shapeIds[runEnd + 1]);
    } else sink.unary('rn=', SENTENCE_END_KEY, SENTENCE_END_ID);
    if (runEnd + 2 < sentenceEnd) sink.pair('rn2=', view.keys[runEnd + 1]!, view.keys[runEnd + 2]!, view.keyIds[runEnd + 1], view.keyIds[runEnd + 2]);
    if (runEnd > runStart) sink.unary('rl=', view.keys[runEnd]!, view.keyIds[runEnd]);
  }
  sink.marks(0, i);
  const k1 = i - 1 >= sentenceStart ? view.keys[i - 1]! : SENTENCE_START_KEY;
  const k2 = i - 2 >= sentenceStart ? view.keys[i - 2]! : SENTENCE_START_KEY;
  const n1 = i + 1 < sentenceEnd ? view.keys[i + 1]! : SENTENCE_END_KEY;
  const n2 = i + 2 < sentenceEnd ? view.keys[i + 2]! : SENTENCE_END_KEY;
  const k1Id = i - 1 >= sentenceStart ? view.keyIds[i - 1]! : SENTENCE_START_ID;
  const k2Id = i - 2 >= sentenceStart ? view.keyIds[i - 2]! : SENTENCE_START_ID;
  const n1Id = i + 1 < sentenceEnd ? view.keyIds[i + 1]! : SENTENCE_END_ID;
  const n2Id = i + 2 < sentenceEnd ? view.keyIds[i + 2]! : SENTENCE_END_ID;
  sink.unary('k-2=', k2, k2Id);
  sink.unary('k+2=', n2, n2Id);
  sink.bigram('k-1k=', 'kk+1=', k1, key, k1Id, keyId, SECOND);
  sink.bigram('k-1k=', 'kk+1=', key, n1, keyId, n1Id, FIRST);
  if (i - 1 >= sentenceStart) {
    sink.before(i - 1);
    sink.bigram('s-1s=', 'ss+1=', view.shapes[i - 1]!, shape, view.shapeIds[i - 1]!, shapeId, SECOND);
    sink.marks(1, i - 1);
  } else sink.unary('k-1=', SENTENCE_START_KEY, SENTENCE_START_ID);
  if (i + 1 < sentenceEnd) {
    sink.after(i + 1);
    sink.bigram('s-1s=', 'ss+1=', shape, view.shapes[i + 1]!, shapeId, view.shapeIds[i + 1]!, FIRST);
    sink.marks(2, i + 1);
  } else sink.unary('k+1=', SENTENCE_END_KEY, SENTENCE_END_ID);
}

/**
 * Per-article memory of the labels given so far: for each token key, how often
 * each entity type (and O) was chosen. Feeds the "prediction history" features.
 */
export class LabelHistory {
  /** Per key: a count per type (and O), then the slot given first. */
  private readonly counts = new Map<string, Uint16Array>();

  record(key: string, label: number): void {
    let c = this.counts.get(key);
    const type = typeOf(label);
    const slot = type === null ? ENTITY_TYPES.length : ENTITY_TYPES.indexOf(type);
    if (!c) {
      this.counts.set(key, (c = new Uint16Array(ENTITY_TYPES.length + 2)));
      c[FIRST_SLOT] = slot;
    }
    if (c[slot]! < 65535) c[slot]!++;
  }

  /**
   * The entity type most often given to this key so far, or null. A tie goes to
   * the type given first: a name's first mention usually says most about it
   * ("Athens, the capital of Greece", then a heading "Old Athens"), and a fixed
   * order (PER first, as before) let one doubtful mention turn a place into a person.
   */
  majority(key: string): string | null {
    const c = this.counts.get(key);
    if (!c) return null;
    let best = c[FIRST_SLOT]!;
    let bestCount = c[best]!;
    for (let t = 0; t <= ENTITY_TYPES.length; t++) {
      if (c[t]! > bestCount) {
        best = t;
        bestCount = c[t]!;
      }
    }
    return best === ENTITY_TYPES.length ? 'O' : ENTITY_TYPES[best]!;
  }
}

const FIRST_SLOT = ENTITY_TYPES.length + 1;

/**
 * Features of token i that depend on the labels of earlier sentences (how the
 * same word was labelled before in the article): scored like static features.
 */
export function historyFeatures(view: FeatureView, i: number, history: LabelHistory, sink: FeatureSink): void {
  const seen = history.majority(view.keys[i]!);
  if (seen !== null) seenFeatures(seen, view, i, sink);
}

/** The history features of token i when its key was labelled `seen` most often (they depend on that and its word's shape only). */
export function seenFeatures(seen: string, view: FeatureView, i: number, sink: FeatureSink): void {
  sink.unary('h=', seen);
  sink.pair('h=', seen, view.shapes[i]!);
}

/**
 * Transition features of token i: each owns a LABEL_COUNT x LABEL_COUNT matrix
 * of weights for (previous label, label). The first is the plain transition.
 */
export function transitionFeatures(view: FeatureView, i: number, sentenceStart: number, sink: FeatureSink): void {
  const shape = view.shapes[i]!;
  sink.flag('T');
  sink.unary('Ts=', shape);
  if (i > sentenceStart) sink.pair('Tss=', view.shapes[i - 1]!, shape);
}
