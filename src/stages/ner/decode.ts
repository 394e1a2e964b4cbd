/**
 * Viterbi decoding over BILOU labels. Each token's emission features are scored
 * once per label; its transition features (the plain transition, the token's
 * shape, the shape pair) add a weight for every (previous label, label) pair; the
 * best legal label sequence of the sentence is found exactly. Greedy decoding
 * was tried first and lost names such as "Jones Medical Industries Inc" to an
 * early "B-PER" it could not take back.
 *
 * Sentences are decoded in order; after each one, the labels chosen are recorded
 * in the article's label history, which later sentences read as features.
 */

import {
  afterFeatures, beforeFeatures, bigramFeature, buildFeatureView, forEachAffix, groupedStaticFeatures, markFeatures, MARK_TEMPLATES, planeMarkFeatures, LabelHistory, ownFeatures, SECOND, seenFeatures, stateFeatures,
  transitionFeatures, type BigramSide, type FeatureSink, type FeatureView, type GroupedFeatureSink,
} from './features.js';
import { listMarksAt } from './gazetteer.js';
import { ALLOWED_PREVIOUS, canEnd, LABEL_COUNT, OUTSIDE, positionOf, TRANSITION_ALLOWED, typeOf } from './labels.js';
import { UNKNOWN_ROW, withVector, type ValueRowCache } from './value-rows.js';
import { LABEL_BITS, LABEL_MASK, TRANSITION_CELLS, type EmissionRecords, type ScoringModel } from './model.js';

export interface TaggedDocument {
  view: FeatureView;
  /** One label per document token (OUTSIDE for furniture). */
  labels: Uint8Array;
  /** Per token in a name: how far the chosen label's local score is ahead of the runner-up's (NaN for a token labelled O: not computed). */
  margins: Float32Array;
}

/** Adds the emission rows of the given features to `scores` at `offset`. */
export function addEmissionScores(model: ScoringModel, features: readonly string[], scores: Float64Array, offset: number): void {
  const weights = model.weights;
  for (const feature of features) {
    const row = model.row(feature);
    if (row < 0) continue;
    const base = row * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) scores[offset + l]! += weights[base + l]!;
  }
}

/** Adds the transition matrices of the given rows to `matrix` at `offset` (a token's combined matrix). */
export function addTransitionScores(model: ScoringModel, rows: readonly number[], matrix: Float64Array, offset: number): void {
  const transitions = model.transitions;
  for (const row of rows) {
    const base = row * TRANSITION_CELLS;
    if (base + TRANSITION_CELLS > transitions.length) continue;
    for (let c = 0; c < TRANSITION_CELLS; c++) matrix[offset + c]! += transitions[base + c]!;
  }
}

/** Reusable buffers for decoding, grown as needed. */
export class DecodeBuffers {
  /** n x LABEL_COUNT emission scores. */
  emissions = new Float64Array(0);
  /** Per token, its combined transition matrix (TRANSITION_CELLS; may be shared between tokens). */
  matrices: Float64Array[] = [];
  best = new Float64Array(0);
  back = new Uint8Array(0);
  reserve(n: number): void {
    this.matrices.length = n;
    if (this.back.length >= n * LABEL_COUNT) {
      this.emissions.fill(0, 0, n * LABEL_COUNT);
      return;
    }
    const size = Math.max(n, 64) * 2;
    this.emissions = new Float64Array(size * LABEL_COUNT);
    this.best = new Float64Array(size * LABEL_COUNT);
    this.back = new Uint8Array(size * LABEL_COUNT);
  }
}

/**
 * Finds the best legal label sequence of n tokens from the scores in `buffers`
 * (emissions n x L, one transition matrix per token; the first token follows OUTSIDE) and
 * writes it, with the margin of each token not labelled O (NaN for those), at `offset`
 * of `labels` and `margins`.
 */
export function viterbi(buffers: DecodeBuffers, n: number, labels: Uint8Array, margins: Float32Array, offset: number): void {
  const { emissions, matrices, best, back } = buffers;
  const L = LABEL_COUNT;
  const first = matrices[0]!;
  for (let l = 0; l < L; l++) {
    best[l] = TRANSITION_ALLOWED[OUTSIDE * L + l] ? emissions[l]! + first[OUTSIDE * L + l]! : -Infinity;
    back[l] = OUTSIDE;
  }
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const here = i * L;
    const matrix = matrices[i]!;
    for (let l = 0; l < L; l++) {
      const emission = emissions[here + l]!;
      if (emission === -Infinity) {
        // A label ruled out (namesRuledOut and the like): its score is -Infinity
        // whatever comes before, and no best path passes through it (the all-O path is finite).
        best[here + l] = -Infinity;
        back[here + l] = OUTSIDE;
        continue;
      }
      let top = -Infinity;
      let from = OUTSIDE;
      const allowed = ALLOWED_PREVIOUS[l]!;
      for (let k = 0; k < allowed.length; k++) {
        const p = allowed[k]!;
        const before = best[prev + p]!;
        // A ruled-out previous label can give no more than -Infinity, which never wins.
        if (before === -Infinity) continue;
        const s = before + matrix[p * L + l]!;
        if (s > top) {
          top = s;
          from = p;
        }
      }
      best[here + l] = top + emission;
      back[here + l] = from;
    }
  }
  const lastRow = (n - 1) * L;
  let label = OUTSIDE;
  let top = -Infinity;
  for (let l = 0; l < L; l++) {
    if (canEnd(l) && best[lastRow + l]! > top) {
      top = best[lastRow + l]!;
      label = l;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    labels[offset + i] = label;
    label = back[i * L + label]!;
  }
  // Margin: the chosen label's local score (given the chosen previous label) against the best other;
  // only for a token in a name (candidatesOf reads no other).
  for (let i = 0; i < n; i++) {
    const chosen = labels[offset + i]!;
    if (chosen === OUTSIDE) {
      margins[offset + i] = NaN;
      continue;
    }
    const previous = i === 0 ? OUTSIDE : labels[offset + i - 1]!;
    const matrix = matrices[i]!;
    const mine = emissions[i * L + chosen]! + matrix[previous * L + chosen]!;
    let other = -Infinity;
    for (let l = 0; l < L; l++) {
      if (l !== chosen && TRANSITION_ALLOWED[previous * L + l]) other = Math.max(other, emissions[i * L + l]! + matrix[previous * L + l]!);
    }
    margins[offset + i] = other === -Infinity ? Infinity : mine - other;
  }
}

/**
 * Words in lower case that occur inside person, organisation and place names:
 * particles and joining words. In CoNLL-2003 train, 344 of the 20,061 such names
 * hold a lower-case word, and almost all of them are these ("Bank of America",
 * "Ludwig van Beethoven"); the rest come from texts written wholly in lower case.
 */
const NAME_PARTICLES = new Set([
  'of', 'and', 'for', 'the', 'in', 'at', 'on', 'upon', 'to', 'de', 'del', 'della', 'dello', 'delle', 'dei', 'degli', 'di', 'da', 'dal', 'dalla', 'do', 'dos', 'das',
  'du', 'des', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'ter', 'ten', 'zu', 'y', 'e', 'et', 'und', 'pour', 'bin', 'ibn', 'bint',
  'al', 'el', 'wa', 'abu', 'ben', 'st', 'san', 'santa', 'sur', 'am', 'an', 'im', 'es',
]);

const LOWER_CASE_WORD = /^\p{Ll}+$/u;

/** LOWER_CASE_WORD.test(word), reading ASCII words without the regular expression. */
function isLowerCaseWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code > 127) return LOWER_CASE_WORD.test(word);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/** The PER, ORG and LOC labels (MISC and O are left to a trademark's words). */
const NAME_LABELS = Array.from({ length: LABEL_COUNT }, (_, l) => l).filter((l) => {
  const type = typeOf(l);
  return type !== null && type !== 'MISC';
});

/**
 * A word written in lower case that is not a name particle ("met", "were",
 * "said") is never part of a person, organisation or place name: without this,
 * one article-level feature could carry "Merkel met Macron" into one name.
 * tagView labels such a word O without scoring its features. That rules its misc
 * labels out too (they were all it had left before): no output carries them,
 * though through the transitions they could sway a neighbour's label. It skips
 * about 40% of news tokens. extract() gave the same output on CoNLL-2003, UNER,
 * GUM and PolNeAR dev; on WNUT-17 dev one tweet changed ("Trump saltmining Inc."
 * was a misc name; "Trump" is now a person: micro F1 43.64 -> 43.60); on TimeBank
 * only "Dar es Salaam" changed (a misc name or cut short before, as "es" was no
 * particle; a place now). Only the decoder applies it: training with it too (the
 * perceptron then never sees, and never corrects, its own mistakes on such words)
 * lowered CoNLL-2003 dev F1 through extract() from 93.14 to 92.51.
 */
function namesRuledOut(view: FeatureView, i: number): boolean {
  const word = view.words[i]!;
  if (!isLowerCaseWord(word) || NAME_PARTICLES.has(word)) return false;
  // Hyphenated compounds keep their lower-case parts: "Ata-ur-Rehman", "self-rule Authority".
  const tokens = view.doc.tokens;
  if (i > 0 && !tokens[i]!.spaceBefore && tokens[i - 1]!.text === '-') return false;
  if (i + 1 < tokens.length && !tokens[i + 1]!.spaceBefore && tokens[i + 1]!.text === '-') return false;
  return true;
}

const CAPITALISED = /^\p{Lu}/u;

/** The labels that start an organisation, place or misc name (B-, U-). */
const NON_PERSON_STARTS = Array.from({ length: LABEL_COUNT }, (_, l) => l).filter((l) => {
  const type = typeOf(l);
  const position = positionOf(l);
  return type !== null && type !== 'PER' && (position === 'B' || position === 'U');
});

/**
 * A name right after an honorific ("Sen. Elizabeth Warren", "Mr. Okonkwo", "Dr.
 * Vaher") is a person's, or the honorific belongs to the name itself ("Miss
 * Universe", "Dr Pepper"): a new organisation, place or misc name does not start
 * there. Rules those starts out of token i's emissions, which start at `at`. The
 * honorific is written with a capital ("miss England" is a verb) and is not an
 * acronym in capitals without a period ("MX Onda"). In CoNLL-2003, every capitalised
 * word after such an honorific is a person's (train 68, dev 16) or continues the
 * honorific's own name or non-name (train 12); none starts another type. Decoder
 * only, as for namesRuledOut.
 */
export function excludeNamesAfterHonorific(view: FeatureView, i: number, sentenceStart: number, honorifics: ReadonlySet<string>, emissions: Float64Array, at: number): void {
  if (i <= sentenceStart || !honorifics.has(view.keys[i - 1]!)) return;
  const before = view.words[i - 1]!;
  if (!CAPITALISED.test(before) || (before === before.toUpperCase() && !before.endsWith('.'))) return;
  if (!CAPITALISED.test(view.words[i]!)) return;
  for (const l of NON_PERSON_STARTS) emissions[at + l] = -Infinity;
}

/** The labels that continue a name (I-, L-). */
const CONTINUING = Array.from({ length: LABEL_COUNT }, (_, l) => l).filter((l) => positionOf(l) === 'I' || positionOf(l) === 'L');

/**
 * A title phrase of several words in the title list ("Prime Minister", "Minister of
 * Transportation", "Secretary of State") ends any name at its last word: the word
 * after it ("Minister of Transportation Emeka Okonkwo") may start a name but not
 * continue one ("Transportation Emeka Okonkwo" as one organisation). Rules the
 * continuing labels out of token i's emissions (at `at`) when token i - 1 ends such
 * a phrase and lies inside no longer one ('Minister of Trade and Industry'). In
 * CoNLL-2003 (tokens split at hyphens as the tokenizer does) train has 113 such
 * phrase ends and one name that runs on ('Minister of Defence and Aviation'), dev
 * 14 and none. `titleList` is the title list's index in view.gazetteerLists.
 */
export function excludeNamesAcrossTitleEnd(view: FeatureView, i: number, segmentStart: number, titleList: number, emissions: Float64Array, at: number): void {
  if (i <= segmentStart) return;
  const marks = listMarksAt(view.gazetteer, view.words.length, titleList, i - 1);
  // L (bit 2) of a phrase, and neither B (bit 0) nor I (bit 1) of a longer one.
  if ((marks & 0b0111) !== 0b0100) return;
  for (const l of CONTINUING) emissions[at + l] = -Infinity;
}

/**
 * A token inside a name of the trademark list (data/lexicon/trademarks.json: stock
 * indexes, products and models, events, time standards: "the Kospi", "Boeing 737
 * MAX", "a new MacBook", "at WWDC", "14:00 UTC") is not part of a person's,
 * organisation's or place's name: only O or MISC remain for it. The list holds a
 * name only in the form that is the product ("Nikkei 225", not "Nikkei"), so the
 * maker stays an organisation when it stands alone ("Boeing said"). Rules those
 * labels out of token i's emissions (at `at`). Decoder only, as the others.
 * `trademarkList` is the list's index in view.gazetteerLists.
 */
export function excludeNamesInTrademarks(view: FeatureView, i: number, trademarkList: number, emissions: Float64Array, at: number): void {
  if (listMarksAt(view.gazetteer, view.words.length, trademarkList, i) === 0) return;
  for (const l of NAME_LABELS) emissions[at + l] = -Infinity;
}

/** Whether a token's label is remembered in the document's label history. */
export function remembersLabel(view: FeatureView, i: number): boolean {
  return view.shapes[i]!.charCodeAt(0) === 88; // 'X': starts with a capital letter
}

/**
 * Maximal runs of non-furniture tokens within each sentence: the units decoded,
 * in decoding order. Sentences written in capitals (headlines) come last, so
 * that they read the label history of the body ("LAVROV MEETS ..." after
 * "Foreign Minister Sergey Lavrov ...").
 */
export function* segmentsOf(view: FeatureView): Generator<{ start: number; end: number; sentenceStart: number; sentenceEnd: number }> {
  const sentences = view.doc.sentences;
  const inCaps = (tokenStart: number): boolean => view.capsLine[tokenStart] === 1;
  for (const sentence of sentences) if (!inCaps(sentence.tokenStart)) yield* sentenceSegments(view, sentence);
  for (const sentence of sentences) if (inCaps(sentence.tokenStart)) yield* sentenceSegments(view, sentence);
}

function* sentenceSegments(view: FeatureView, sentence: { tokenStart: number; tokenEnd: number }): Generator<{ start: number; end: number; sentenceStart: number; sentenceEnd: number }> {
  const tokens = view.doc.tokens;
  {
    let start = sentence.tokenStart;
    while (start < sentence.tokenEnd) {
      while (start < sentence.tokenEnd && tokens[start]!.furniture) start++;
      let end = start;
      while (end < sentence.tokenEnd && !tokens[end]!.furniture) end++;
      if (end > start) yield { start, end, sentenceStart: sentence.tokenStart, sentenceEnd: sentence.tokenEnd };
      start = end;
    }
  }
}

/**
 * Scores features straight into the emission buffer. Rows are looked up by
 * template and value (strings that already exist), so no feature string is
 * built, except for a key's affixes, which are scored once per key.
 *
 * A compiled model (one with EmissionRecords) is scored from its records: what
 * is kept of a lookup is the row's record offset, so a feature seen before costs
 * one read of its cells; it keeps them across articles by value id
 * (value-rows.ts) for the features whose value is a token's key, word, shape or
 * POS tag, and in a direct-mapped memo (feature-rows.ts) for the others. Its
 * weights are integers (int16), summed in int32 a token at a time and added to
 * the target by endToken; the sums are the same integers, in any order. Any other
 * model (the trainer's) is scored row by row in floats.
 */
class EmissionScorer implements GroupedFeatureSink {
  target = new Float64Array(0);
  offset = 0;
  private view: FeatureView | undefined;
  /** The token sums, or `scratch` while a group's sums are made. */
  private sums = new Int32Array(LABEL_COUNT);
  private scratch = new Int32Array(LABEL_COUNT);
  /** Per kind of bigram (its template's slot in the cache): the lasting ids of the last one looked up, and its two records (see bigram). */
  /** Per value id of the article: StateVectors' number of the POS tag it is (UNNUMBERED: not asked yet). */
  private posNumbers = new Int32Array(0);
  private readonly lastBigrams = new Int32Array(MAX_BIGRAM_KINDS * 4).fill(-1);
  /** Lasting value ids of the article's FeatureView.values (when the model keeps a ValueRowCache). */
  private valueIds = new Int32Array(0);
  /** The model's cache, for an article whose values it numbered. */
  private valueRows: ValueRowCache | undefined;
  private readonly affixScores: Map<string, Float64Array> = new Map();
  private readonly records: EmissionRecords | undefined;
  /** Record offset of a row (-1 for none), for the memos. */
  private readonly unaryRecord: (template: string, value: string) => number;
  private readonly pairRecord: (template: string, first: string, second: string) => number;

  constructor(
    private readonly model: ScoringModel,
    private readonly states?: StateVectors,
  ) {
    const records = (this.records = model.emissionRecords);
    const recordOf = (row: number): number => (row < 0 || !records ? -1 : records.offsets[row]!);
    this.unaryRecord = (template, value) => recordOf(model.unaryRow(template, value));
    this.pairRecord = (template, first, second) => recordOf(model.pairRow(template, first, second));
  }

  /**
   * Starts an article: numbers its values for the model's cache (or leaves the cache
   * out when they are too many). Nothing of an earlier article is read after this: a
   * compiled model's scorer serves one article after another (see decodeCacheOf).
   */
  startArticle(view: FeatureView): void {
    this.view = view;
    this.sums.fill(0);
    this.affixScores.clear();
    if (this.posNumbers.length < view.values.length) this.posNumbers = new Int32Array(view.values.length);
    this.posNumbers.fill(UNNUMBERED, 0, view.values.length);
    this.lastBigrams.fill(-1);
    if (!this.model.valueRows) return;
    if (this.valueIds.length < view.values.length) this.valueIds = new Int32Array(view.values.length);
    this.valueRows = this.model.valueRows.idsOf(view.values, this.valueIds, view.valueSources) ? this.model.valueRows : undefined;
  }

  /** Ends an article: the scorer holds on to nothing of it (a long article is not kept alive until the next). */
  endArticle(): void {
    this.view = undefined;
    this.valueRows = undefined;
  }

  /** Adds the cells of the record at `at` (-1: none) to the token's sums. */
  private addRecord(at: number): void {
    if (at < 0) return;
    const cells = this.records!.cells;
    const sums = this.sums;
    for (let c = at + 1, end = at + 1 + cells[at]!; c < end; c++) {
      const cell = cells[c]!;
      sums[cell & LABEL_MASK]! += cell >> LABEL_BITS;
    }
  }

  /** Adds the weights of `row` (-1: none) to the target, in floats (a model without records). */
  private addRow(row: number): void {
    if (row < 0) return;
    const target = this.target;
    const offset = this.offset;
    const weights = this.model.weights;
    const base = row * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) target[offset + l]! += weights[base + l]!;
  }

  /** Ends a token's features: adds its integer sums to the target. */
  endToken(): void {
    if (!this.records) return;
    const { sums, target, offset } = this;
    for (let l = 0; l < LABEL_COUNT; l++) {
      target[offset + l]! += sums[l]!;
      sums[l] = 0;
    }
  }

  own(i: number): void {
    this.group(this.view!.capsLine[i] === 1 ? OWN_IN_CAPS : OWN, i);
  }

  before(j: number): void {
    this.group(BEFORE, j);
  }

  after(j: number): void {
    this.group(AFTER, j);
  }

  /**
   * stateFeatures(view, i, ...): a group kept by its small states (the POS tags'
   * numbers, document case and flags, packed in one number) in the model's
   * StateVectors, when the model keeps a ValueRowCache.
   */
  state(i: number, sentenceStart: number, sentenceEnd: number): void {
    const view = this.view!;
    const states = this.states;
    if (!this.records || !states) {
      stateFeatures(view, i, sentenceStart, sentenceEnd, this);
      return;
    }
    const tokens = view.doc.tokens;
    const pos = this.posNumber(i);
    const before = i - 1 >= sentenceStart ? this.posNumber(i - 1) : MAX_POS_TAGS;
    const after = i + 1 < sentenceEnd ? this.posNumber(i + 1) : MAX_POS_TAGS;
    if (pos < 0 || before < 0 || after < 0) {
      stateFeatures(view, i, sentenceStart, sentenceEnd, this);
      return;
    }
    const initial = view.sentenceInitial[i]!;
    const qualified = view.capsLine[i] === 1 || initial ? 1 : 0;
    const glued = !tokens[i]!.spaceBefore && i > sentenceStart ? 1 : 0;
    const key = ((((pos * (MAX_POS_TAGS + 1) + before) * (MAX_POS_TAGS + 1) + after) * 4 + view.documentCase[i]!) * 8) | (qualified << 2) | (initial << 1) | glued;
    const table = states.states;
    let at = table.offsetOf(key);
    if (at < 0) {
      const sums = this.sums;
      const scratch = (this.sums = this.scratch);
      scratch.fill(0);
      stateFeatures(view, i, sentenceStart, sentenceEnd, this);
      this.sums = sums;
      at = table.keep(key, scratch);
    }
    const pool = table.pool;
    const sums = this.sums;
    for (let l = 0; l < LABEL_COUNT; l++) sums[l]! += pool[at + l]!;
  }

  /**
   * markFeatures(view, which, j): each plane's marks word of token j is a group,
   * its sum kept with the model by template, plane and marks (the feature values
   * name the gazetteer's lists, so the sums are kept per list set).
   */
  marks(which: number, j: number): void {
    const view = this.view!;
    const states = this.states;
    if (!this.records || !states) {
      markFeatures(view, which, j, this);
      return;
    }
    const n = view.words.length;
    const planes = view.gazetteer.length / n;
    const tables = states.marksOf(view.gazetteerLists);
    for (let p = 0; p < planes; p++) {
      const marks = view.gazetteer[p * n + j]!;
      if (marks === 0) continue;
      const table = p < MAX_PLANES ? tables[which * MAX_PLANES + p] : undefined;
      if (table === undefined) {
        planeMarkFeatures(view.gazetteerLists, MARK_TEMPLATES[which]!, p, marks, this);
        continue;
      }
      let at = table.offsetOf(marks);
      if (at < 0) {
        const sums = this.sums;
        const scratch = (this.sums = this.scratch);
        scratch.fill(0);
        planeMarkFeatures(view.gazetteerLists, MARK_TEMPLATES[which]!, p, marks, this);
        this.sums = sums;
        at = table.keep(marks, scratch);
      }
      const pool = table.pool;
      const sums = this.sums;
      for (let l = 0; l < LABEL_COUNT; l++) sums[l]! += pool[at + l]!;
    }
  }

  /** StateVectors' number of token i's POS tag (-1: none), remembered by value id for the article. */
  private posNumber(i: number): number {
    const id = this.view!.posIds[i]!;
    let number = this.posNumbers[id]!;
    if (number === UNNUMBERED) this.posNumbers[id] = number = this.states!.numberOf(this.view!.values[id]!);
    return number;
  }

  /** historyFeatures(view, i, history): its two features depend on the label seen and the word's shape only, so they are a group too. */
  history(i: number, history: LabelHistory): void {
    const view = this.view!;
    const seen = history.majority(view.keys[i]!);
    if (seen === null) return;
    const kind = SEEN_KINDS.indexOf(seen);
    if (kind < 0) seenFeatures(seen, view, i, this);
    else this.group(SEEN + kind, i);
  }

  /**
   * Adds the features of a group of token j (ownFeatures, beforeFeatures,
   * afterFeatures, and seenFeatures for each label seen): they depend on its word
   * alone (or on its shape and the label seen), so a compiled model's cache keeps
   * their sum by word id (or shape id) and adds it in one step.
   */
  private group(kind: number, j: number): void {
    const view = this.view!;
    const cache = this.valueRows;
    if (!this.records || !cache) {
      groupFeatures(kind, view, j, this);
      return;
    }
    const id = this.valueIds[kind >= SEEN ? view.shapeIds[j]! : view.wordIds[j]!]!;
    let at = cache.vectorOffset(kind, id);
    if (at < 0) {
      const sums = this.sums;
      const scratch = (this.sums = this.scratch);
      scratch.fill(0);
      groupFeatures(kind, view, j, this);
      this.sums = sums;
      at = cache.setVector(kind, id, scratch);
    }
    const vectors = cache.vectorArray;
    const sums = this.sums;
    for (let l = 0; l < LABEL_COUNT; l++) sums[l]! += vectors[at + l]!;
  }

  /**
   * A bigram of neighbouring tokens gives a pair feature to each (k-1k= to the
   * second, kk+1= to the first): both records are kept in one entry of the cache,
   * and the last bigram of each kind is remembered, so that the second token (scored
   * next) finds its record without a lookup.
   */
  bigram(asSecond: string, asFirst: string, first: string, second: string, firstId: number, secondId: number, side: BigramSide): void {
    const cache = this.valueRows;
    if (!this.records || !cache) {
      bigramFeature(asSecond, asFirst, first, second, firstId, secondId, side, this);
      return;
    }
    const kind = cache.slotOf(asSecond);
    if (kind >= MAX_BIGRAM_KINDS) {
      this.pair(side === SECOND ? asSecond : asFirst, first, second, firstId, secondId);
      return;
    }
    const a = this.valueIds[firstId]!;
    const b = this.valueIds[secondId]!;
    const last = this.lastBigrams;
    const at = kind * 4;
    if (last[at] !== a || last[at + 1] !== b) {
      let entry = cache.bigramEntry(kind, a, b);
      if (entry < 0) entry = cache.setBigram(kind, a, b, this.pairRecord(asSecond, first, second), this.pairRecord(asFirst, first, second));
      const bigrams = cache.bigramArray;
      last[at] = a;
      last[at + 1] = b;
      last[at + 2] = bigrams[entry + 2]!;
      last[at + 3] = bigrams[entry + 3]!;
    }
    this.addRecord(last[at + (side === SECOND ? 2 : 3)]!);
  }

  flag(name: string): void {
    const memo = this.model.featureRows;
    if (this.records && memo) this.addRecord(memo.unary(name, '', this.unaryRecord));
    else this.addRow(this.model.row(name));
  }

  unary(template: string, value: string, valueId?: number): void {
    if (!this.records) {
      this.addRow(this.model.unaryRow(template, value));
      return;
    }
    const cache = this.valueRows;
    if (cache && valueId !== undefined) {
      const known = cache.unaryRowsOf(template);
      const id = this.valueIds[valueId]!;
      let at = known[id]!;
      if (at === UNKNOWN_ROW) known[id] = at = this.unaryRecord(template, value);
      this.addRecord(at);
      return;
    }
    const memo = this.model.featureRows;
    this.addRecord(memo ? memo.unary(template, value, this.unaryRecord) : this.unaryRecord(template, value));
  }

  pair(template: string, first: string, second: string, firstId?: number, secondId?: number): void {
    if (!this.records) {
      this.addRow(this.model.pairRow(template, first, second));
      return;
    }
    const cache = this.valueRows;
    if (cache && firstId !== undefined && secondId !== undefined) {
      const a = this.valueIds[firstId]!;
      const b = this.valueIds[secondId]!;
      let at = cache.pairRow(template, a, b);
      if (at === UNKNOWN_ROW) cache.setPairRow(template, a, b, (at = this.pairRecord(template, first, second)));
      this.addRecord(at);
      return;
    }
    const memo = this.model.featureRows;
    this.addRecord(memo ? memo.pair(template, first, second, this.pairRecord) : this.pairRecord(template, first, second));
  }

  affixes(key: string, keyId?: number): void {
    // With the value cache, affixes are scored only inside a word's OWN group, which the cache
    // keeps by word: a second table of them by key would hold what is kept already.
    if (this.records && this.valueRows && keyId !== undefined) {
      const scores = this.affixScoresOf(key);
      for (let l = 0; l < LABEL_COUNT; l++) this.sums[l]! += scores[l]!;
      return;
    }
    let scores = this.affixScores.get(key);
    if (!scores) this.affixScores.set(key, (scores = this.affixScoresOf(key)));
    if (this.records) for (let l = 0; l < LABEL_COUNT; l++) this.sums[l]! += scores[l]!;
    else for (let l = 0; l < LABEL_COUNT; l++) this.target[this.offset + l]! += scores[l]!;
  }

  /** The summed rows of `affixes(key)`. */
  private affixScoresOf(key: string): Float64Array {
    const scores = new Float64Array(LABEL_COUNT);
    const model = this.model;
    const records = this.records;
    forEachAffix(key, (template, value) => {
      const row = model.unaryRow(template, value);
      if (row < 0) return;
      if (records) {
        const at = records.offsets[row]!;
        for (let c = at + 1; c <= at + records.cells[at]!; c++) scores[records.cells[c]! & LABEL_MASK]! += records.cells[c]! >> LABEL_BITS;
      } else {
        for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += model.weights[row * LABEL_COUNT + l]!;
      }
    });
    return scores;
  }
}

const UNNUMBERED = -2;
/** POS tags that StateVectors numbers (wink-nlp has 17; a tag past them is scored feature by feature). */
const MAX_POS_TAGS = 31;
/** State groups kept before StateVectors starts again empty (a few thousand occur in news). */
const MAX_STATE_VECTORS = 1 << 15;

/** First slots of a VectorTable (a power of two; it doubles at half full). */
const FIRST_VECTOR_SLOTS = 1024;

/**
 * Vectors of LABEL_COUNT integers by a 32-bit key, kept in one pool and found
 * through an open-addressed table of (key, 1 + offset) pairs: a lookup is a probe
 * of a small table and a read of the numbers side by side (a Map of typed arrays
 * cost a hash lookup and a read of an array anywhere in the heap). It starts
 * again empty once it holds `maxEntries`.
 */
export class VectorTable {
  private slots = new Int32Array(FIRST_VECTOR_SLOTS * 2);
  private count = 0;
  /** The vectors, LABEL_COUNT numbers each, in the order kept. */
  pool = new Int32Array(64 * LABEL_COUNT);
  private poolEnd = 0;

  constructor(private readonly maxEntries: number) {}

  /** The offset in `pool` of the vector kept for `key`, or -1. */
  offsetOf(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = vectorSlot(key) & mask; ; slot = (slot + 1) & mask) {
      const at = slots[slot * 2 + 1]!;
      if (at === 0) return -1;
      if (slots[slot * 2] === (key | 0)) return at - 1;
    }
  }

  /** Keeps the vector of a key not kept yet; its offset in `pool`. */
  keep(key: number, vector: ArrayLike<number>): number {
    if (this.count >= this.maxEntries) {
      this.slots = new Int32Array(FIRST_VECTOR_SLOTS * 2);
      this.count = 0;
      this.poolEnd = 0;
    }
    if ((this.count + 1) * 2 > this.slots.length >> 1) this.rehash(this.slots.length);
    const at = this.poolEnd;
    this.pool = withVector(this.pool, at, vector);
    this.poolEnd += LABEL_COUNT;
    this.insert(this.slots, key | 0, at + 1);
    this.count++;
    return at;
  }

  private insert(slots: Int32Array, key: number, stored: number): void {
    const mask = (slots.length >> 1) - 1;
    let slot = vectorSlot(key) & mask;
    while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    slots[slot * 2] = key;
    slots[slot * 2 + 1] = stored;
  }

  /** Moves the entries to a table of `slotCount` slots. */
  private rehash(slotCount: number): void {
    const old = this.slots;
    const slots = new Int32Array(slotCount * 2);
    for (let k = 0; k < old.length; k += 2) if (old[k + 1] !== 0) this.insert(slots, old[k]!, old[k + 1]!);
    this.slots = slots;
  }
}

function vectorSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 12;
}

/** The summed scores of stateFeatures by packed state (EmissionScorer.state), and of mark groups, kept with a compiled model. */
class StateVectors {
  readonly states = new VectorTable(MAX_STATE_VECTORS);
  private readonly numbers = new Map<string, number>();

  /** A POS tag's number (< MAX_POS_TAGS), or -1. */
  numberOf(tag: string): number {
    let number = this.numbers.get(tag);
    if (number === undefined) {
      if (this.numbers.size >= MAX_POS_TAGS) return -1;
      this.numbers.set(tag, (number = this.numbers.size));
    }
    return number;
  }

  private readonly marks = new WeakMap<readonly string[], VectorTable[]>();

  /** Per MARK_TEMPLATES index and plane (which * MAX_PLANES + plane): the summed scores of a plane's marks word, for a list set. */
  marksOf(lists: readonly string[]): VectorTable[] {
    let tables = this.marks.get(lists);
    if (!tables) this.marks.set(lists, (tables = Array.from({ length: MARK_TEMPLATES.length * MAX_PLANES }, () => new VectorTable(MAX_MARK_VECTORS))));
    return tables;
  }
}

/** Gazetteer planes whose marks StateVectors keeps (gazetteer.ts has at most 16 lists, two planes). */
const MAX_PLANES = 2;
/** Marks words kept per template and plane before the table starts again (a few hundred occur). */
const MAX_MARK_VECTORS = 4096;

/** Template slots that EmissionScorer.bigram remembers a last bigram for (the tagger has some forty templates). */
const MAX_BIGRAM_KINDS = 64;

/** Kinds of groups of a word's features (EmissionScorer.group). */
const OWN = 0;
const OWN_IN_CAPS = 1;
const BEFORE = 2;
const AFTER = 3;
/** SEEN + k: seenFeatures of SEEN_KINDS[k]. */
const SEEN = 4;
const SEEN_KINDS = ['PER', 'ORG', 'LOC', 'MISC', 'O'];

function groupFeatures(kind: number, view: FeatureView, j: number, sink: EmissionScorer): void {
  if (kind >= SEEN) seenFeatures(SEEN_KINDS[kind - SEEN]!, view, j, sink);
  else if (kind === BEFORE) beforeFeatures(view, j, sink);
  else if (kind === AFTER) afterFeatures(view, j, sink);
  else ownFeatures(view, j, sink);
}

/** Shape pairs whose transition matrix a compiled model keeps across articles (2.3 KB each). */
const TRANSITION_MEMO_PAIRS = 1024;

/**
 * The combined transition matrix of a token, cached by the values its transition
 * features depend on (the shapes of the token and the one before it), so most
 * tokens reuse a matrix already summed. For a model whose weights never change
 * (a compiled one) the cache is kept across articles (see decodeCacheOf), bounded:
 * when full it starts again empty.
 */
class TransitionMatrices implements FeatureSink {
  private readonly rows: number[] = [];
  private readonly cache = new Map<string, Map<string, Float64Array>>();
  private size = 0;
  constructor(private readonly model: ScoringModel) {}

  /** The matrix of token i (`sentenceStart` as given to transitionFeatures). */
  of(view: FeatureView, i: number, sentenceStart: number): Float64Array {
    const previousShape = i > sentenceStart ? view.shapes[i - 1]! : '';
    const shape = view.shapes[i]!;
    let byShape = this.cache.get(previousShape);
    let matrix = byShape?.get(shape);
    if (!matrix) {
      this.rows.length = 0;
      transitionFeatures(view, i, sentenceStart, this);
      matrix = new Float64Array(TRANSITION_CELLS);
      addTransitionScores(this.model, this.rows, matrix, 0);
      if (++this.size > TRANSITION_MEMO_PAIRS) {
        this.cache.clear();
        this.size = 1;
        byShape = undefined;
      }
      if (!byShape) this.cache.set(previousShape, (byShape = new Map()));
      byShape.set(shape, matrix);
    }
    return matrix;
  }

  private push(row: number): void {
    if (row >= 0) this.rows.push(row);
  }
  flag(name: string): void {
    this.push(this.model.transitionRow(name));
  }
  unary(template: string, value: string): void {
    this.push(this.model.transitionRow(template + value));
  }
  pair(template: string, first: string, second: string): void {
    this.push(this.model.transitionRow(`${template}${first}|${second}`));
  }
  affixes(): void {
    throw new Error('transition features have no affixes');
  }
}

/** What tagging keeps from one article to the next for one model. */
interface DecodeCache {
  readonly transitions: TransitionMatrices;
  readonly buffers: DecodeBuffers;
  /** With a compiled model, kept too (with its StateVectors): its buffers, sized once, are not made again for each article. */
  readonly scorer: EmissionScorer;
}

const decodeCaches = new WeakMap<ScoringModel, DecodeCache>();

/**
 * The decoding buffers, transition matrices and scorer of a model: kept with a model whose
 * weights never change (one that keeps a ValueRowCache, i.e. a compiled one), so that
 * an article starts with the matrices of the articles before it; fresh for any
 * other (the trainer's change as it learns). Tagging is synchronous and never
 * re-entered, so one set of buffers and one scorer per model serve every article.
 */
function decodeCacheOf(model: ScoringModel): DecodeCache {
  if (!model.valueRows) return { transitions: new TransitionMatrices(model), buffers: new DecodeBuffers(), scorer: new EmissionScorer(model) };
  let cache = decodeCaches.get(model);
  if (!cache) decodeCaches.set(model, (cache = { transitions: new TransitionMatrices(model), buffers: new DecodeBuffers(), scorer: new EmissionScorer(model, new StateVectors()) }));
  return cache;
}

/**
 * Tags a document. `honorifics` (lower case, as data/lexicon/titles.json lists them)
 * turns on excludeNamesAfterHonorific.
 */
export function tagView(view: FeatureView, model: ScoringModel, honorifics?: ReadonlySet<string>): TaggedDocument {
  const tokens = view.doc.tokens;
  const labels = new Uint8Array(tokens.length);
  const margins = new Float32Array(tokens.length);
  const history = model.history ? new LabelHistory() : null;
  const { transitions: transitionMatrices, buffers, scorer } = decodeCacheOf(model);
  scorer.startArticle(view);
  const titleList = view.gazetteerLists.indexOf('title');
  const trademarkList = view.gazetteerLists.indexOf('trademark');
  let pendingFrom = 0;
  let pendingTo = 0;
  let lastSentenceEnd = -1;
  const flushHistory = (): void => {
    if (!history) return;
    for (let i = pendingFrom; i < pendingTo; i++) {
      if (!tokens[i]!.furniture && remembersLabel(view, i)) history.record(view.keys[i]!, labels[i]!);
    }
  };
  for (const segment of segmentsOf(view)) {
    if (segment.sentenceEnd !== lastSentenceEnd) {
      // A new sentence: the previous one's labels enter the history now.
      flushHistory();
      pendingFrom = segment.start;
      lastSentenceEnd = segment.sentenceEnd;
    }
    pendingTo = segment.end;
    const n = segment.end - segment.start;
    buffers.reserve(n);
    scorer.target = buffers.emissions;
    for (let k = 0; k < n; k++) {
      const i = segment.start + k;
      scorer.offset = k * LABEL_COUNT;
      if (namesRuledOut(view, i)) {
        // Only O is left to it: no feature needs scoring (see namesRuledOut).
        const at = k * LABEL_COUNT;
        buffers.emissions.fill(-Infinity, at, at + LABEL_COUNT);
        buffers.emissions[at + OUTSIDE] = 0;
        buffers.matrices[k] = transitionMatrices.of(view, i, segment.start);
        continue;
      }
      groupedStaticFeatures(view, i, segment.sentenceStart, segment.sentenceEnd, scorer);
      if (history) scorer.history(i, history);
      scorer.endToken();
      if (titleList >= 0) excludeNamesAcrossTitleEnd(view, i, segment.start, titleList, buffers.emissions, k * LABEL_COUNT);
      if (honorifics) excludeNamesAfterHonorific(view, i, segment.sentenceStart, honorifics, buffers.emissions, k * LABEL_COUNT);
      if (trademarkList >= 0) excludeNamesInTrademarks(view, i, trademarkList, buffers.emissions, k * LABEL_COUNT);
      buffers.matrices[k] = transitionMatrices.of(view, i, segment.start);
    }
    viterbi(buffers, n, labels, margins, segment.start);
  }
  flushHistory();
  scorer.endArticle();
  for (let i = 0; i < margins.length; i++) margins[i]! *= model.scale;
  return { view, labels, margins };
}

export { buildFeatureView };
