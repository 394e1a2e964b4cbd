/**
 * The tagger's feature rows by template and value id, kept across articles for
 * a model whose features never change (a compiled one). What is kept of a row is
 * whatever number the scorer keeps for it (decode.ts keeps its record offset in
 * the model's EmissionRecords), -1 for a feature the model does not know.
 *
 * A token's features are some twenty (template, value) pairs, and most values
 * are a token's key, word, shape or POS tag, which the feature view numbers per
 * article (FeatureView.values). Here those values get ids that last from one
 * article to the next, and each template keeps the row of every value id it has
 * looked up in an Int32Array, so a feature seen before (in this article or an
 * earlier one) costs an array read instead of a hash of its name and a check of
 * it against the model's features text. A pair's row is kept in one numeric hash
 * table keyed by (template, first id, second id) (and the two rows a bigram of
 * neighbouring tokens gives them in another, keyed by kind and ids), and the
 * summed scores of a group of a word's features (decode.ts, its affixes among
 * them) by kind of group and word id.
 *
 * Bounded: at most MAX_VALUES ids; an article whose values would not fit starts
 * the cache again empty (before it is tagged, so ids never change within an
 * article). What the cache holds never changes a result, only whether a row is
 * looked up again.
 */

import { LABEL_COUNT } from './labels.js';
import { PerVocabulary, WordTable } from '../../core/word-table.js';
import type { ValueSources } from './features.js';

/** Value ids kept (the values of a hundred or so articles of news). */
export const MAX_VALUES = 1 << 15;
/** Marks a row not looked up yet (what is kept is >= 0, or -1 for a feature the model does not know). */
export const UNKNOWN_ROW = -2;

/**
 * Slots of the pair table (a power of two), and the entries it takes before it
 * starts again: the pair features that are not bigrams of neighbours (rn2=, tp=, h=).
 */
const PAIR_BITS = 15;
const PAIR_SLOTS = 1 << PAIR_BITS;
const PAIR_FIELDS = 4;
const MAX_PAIRS = PAIR_SLOTS >> 1;
/**
 * The same for the bigram table: two entries a token (its key and its shape with
 * the next token's), about 66,000 entries for a hundred articles of news, most of
 * them key bigrams (CoNLL-2003 dev: 216 articles, 51,000 tokens, 33,000 key bigrams).
 */
const BIGRAM_BITS = 17;
const BIGRAM_SLOTS = 1 << BIGRAM_BITS;
const MAX_BIGRAMS = BIGRAM_SLOTS >> 1;

export class ValueRowCache {
  private readonly ids = new Map<string, number>();
  /** The lasting ids of `ids` by source (ValueSources: a word's word, key or shape), per vocabulary; started again with `ids`. */
  private idsBySource = new PerVocabulary(() => new WordTable());
  private readonly templates = new Map<string, number>();
  /** By template slot; a hole where the slot is a pair template's. */
  private unaryRows: (Int32Array | undefined)[] = [];
  private capacity = 1024;
  /** Per slot: 1 + first id (0: empty), second id, template, row. */
  private readonly pairs = new Int32Array(PAIR_SLOTS * PAIR_FIELDS);
  private pairCount = 0;
  /** Per slot: 1 + first id (0: empty), second id | kind << 16, the second token's row, the first token's row (bigramEntry). */
  private readonly bigrams = new Int32Array(BIGRAM_SLOTS * PAIR_FIELDS);
  private bigramCount = 0;
  /** Per kind of group (decode.ts), by value id: 1 + the offset of its summed scores in `vectorPool` (0: not kept). */
  private vectorIndex: Int32Array[] = [];
  /** Summed scores of feature groups, LABEL_COUNT each, in the order they were kept. */
  private vectorPool = new Int32Array(1024 * LABEL_COUNT);
  private vectorEnd = 0;

  /**
   * Writes the lasting id of each of an article's values to `out`; first starts
   * the cache again empty when they would not all fit. An article of more than
   * MAX_VALUES values is not numbered (returns false): its features are looked
   * up by string.
   */
  idsOf(values: readonly string[], out: Int32Array, sources: ValueSources | null = null): boolean {
    if (values.length > MAX_VALUES) return false;
    if (this.ids.size + values.length > MAX_VALUES) this.clear();
    // A value read from a word the tokenizer numbered has its lasting id kept by word too.
    const bySource = sources === null ? null : this.idsBySource.of(sources.words.vocabulary);
    for (let v = 0; v < values.length; v++) {
      const source = sources === null ? -1 : sources.of[v]!;
      if (source >= 0 && bySource!.has(source)) {
        out[v] = bySource!.get(source);
        continue;
      }
      const value = values[v]!;
      let id = this.ids.get(value);
      if (id === undefined) this.ids.set(value, (id = this.ids.size));
      out[v] = id;
      if (source >= 0) bySource!.set(source, id);
    }
    if (this.ids.size > this.capacity) this.grow(this.ids.size);
    return true;
  }

  /** The rows of a unary template by value id (UNKNOWN_ROW where not looked up yet). */
  unaryRowsOf(template: string): Int32Array {
    const slot = this.templateSlot(template);
    let rows = this.unaryRows[slot];
    if (rows === undefined) this.unaryRows[slot] = rows = new Int32Array(this.capacity).fill(UNKNOWN_ROW);
    return rows;
  }

  /** The row of a pair template and two value ids, or UNKNOWN_ROW. */
  pairRow(template: string, first: number, second: number): number {
    const pairs = this.pairs;
    const slotOfTemplate = this.templateSlot(template);
    for (let slot = pairSlot(slotOfTemplate, first, second); ; slot = (slot + 1) & (PAIR_SLOTS - 1)) {
      const at = slot * PAIR_FIELDS;
      const stored = pairs[at]!;
      if (stored === 0) return UNKNOWN_ROW;
      if (stored === first + 1 && pairs[at + 1] === second && pairs[at + 2] === slotOfTemplate) return pairs[at + 3]!;
    }
  }

  setPairRow(template: string, first: number, second: number, row: number): void {
    if (this.pairCount >= MAX_PAIRS) {
      this.pairs.fill(0);
      this.pairCount = 0;
    }
    const pairs = this.pairs;
    const slotOfTemplate = this.templateSlot(template);
    let slot = pairSlot(slotOfTemplate, first, second);
    while (pairs[slot * PAIR_FIELDS] !== 0) slot = (slot + 1) & (PAIR_SLOTS - 1);
    const at = slot * PAIR_FIELDS;
    pairs[at] = first + 1;
    pairs[at + 1] = second;
    pairs[at + 2] = slotOfTemplate;
    pairs[at + 3] = row;
    this.pairCount++;
  }

  /**
   * The entry of a bigram of two value ids and a `kind` (< 2^15; decode.ts gives a template's slot) in `bigramArray`, or -1:
   * what is kept of the features the bigram gives its second token (at entry + 2) and its
   * first (at entry + 3).
   */
  bigramEntry(kind: number, first: number, second: number): number {
    const bigrams = this.bigrams;
    const tag = second | (kind << 16);
    for (let slot = pairSlot(kind, first, second, BIGRAM_BITS); ; slot = (slot + 1) & (BIGRAM_SLOTS - 1)) {
      const at = slot * PAIR_FIELDS;
      const stored = bigrams[at]!;
      if (stored === 0) return -1;
      if (stored === first + 1 && bigrams[at + 1] === tag) return at;
    }
  }

  /** Keeps a bigram's two rows (see bigramEntry); returns its entry. */
  setBigram(kind: number, first: number, second: number, rowOfSecond: number, rowOfFirst: number): number {
    if (this.bigramCount >= MAX_BIGRAMS) {
      this.bigrams.fill(0);
      this.bigramCount = 0;
    }
    const bigrams = this.bigrams;
    let slot = pairSlot(kind, first, second, BIGRAM_BITS);
    while (bigrams[slot * PAIR_FIELDS] !== 0) slot = (slot + 1) & (BIGRAM_SLOTS - 1);
    const at = slot * PAIR_FIELDS;
    bigrams[at] = first + 1;
    bigrams[at + 1] = second | (kind << 16);
    bigrams[at + 2] = rowOfSecond;
    bigrams[at + 3] = rowOfFirst;
    this.bigramCount++;
    return at;
  }

  get bigramArray(): Int32Array {
    return this.bigrams;
  }

  /** The summed scores of a group of features of `kind` and a value id (LABEL_COUNT values at the returned offset of `vectorArray`), or -1. */
  vectorOffset(kind: number, id: number): number {
    const index = this.vectorIndex[kind];
    return index === undefined ? -1 : index[id]! - 1;
  }

  get vectorArray(): Int32Array {
    return this.vectorPool;
  }

  /** Keeps the summed scores of a group of features of `kind` and a value id; returns their offset in vectorArray. */
  setVector(kind: number, id: number, scores: ArrayLike<number>): number {
    let index = this.vectorIndex[kind];
    if (index === undefined) {
      for (let k = this.vectorIndex.length; k <= kind; k++) this.vectorIndex.push(new Int32Array(this.capacity));
      index = this.vectorIndex[kind]!;
    }
    const at = this.vectorEnd;
    this.vectorPool = withVector(this.vectorPool, at, scores);
    this.vectorEnd += LABEL_COUNT;
    index[id] = at + 1;
    return at;
  }

  /** A template's slot: a small number that a template keeps while the cache lives. */
  slotOf(template: string): number {
    return this.templateSlot(template);
  }

  private templateSlot(template: string): number {
    let slot = this.templates.get(template);
    if (slot === undefined) this.templates.set(template, (slot = this.templates.size));
    return slot;
  }

  private grow(needed: number): void {
    let capacity = this.capacity;
    while (capacity < needed) capacity *= 2;
    // map keeps the holes of pair templates' slots.
    this.unaryRows = this.unaryRows.map((rows) => {
      if (rows === undefined) return undefined;
      const grown = new Int32Array(capacity).fill(UNKNOWN_ROW);
      grown.set(rows);
      return grown;
    });
    this.vectorIndex = this.vectorIndex.map((index) => {
      const grown = new Int32Array(capacity);
      grown.set(index);
      return grown;
    });
    this.capacity = capacity;
  }

  private clear(): void {
    this.ids.clear();
    this.idsBySource = new PerVocabulary(() => new WordTable());
    // Pair templates take template slots too, so the array has holes.
    for (const rows of this.unaryRows) rows?.fill(UNKNOWN_ROW);
    this.pairs.fill(0);
    this.pairCount = 0;
    this.bigrams.fill(0);
    this.bigramCount = 0;
    for (const index of this.vectorIndex) index.fill(0);
    this.vectorEnd = 0;
  }
}

function pairSlot(template: number, first: number, second: number, bits = PAIR_BITS): number {
  return Math.imul(Math.imul(Math.imul(template + 1, 0x9e3779b1) ^ first, 0x85ebca6b) ^ second, 0xc2b2ae35) >>> (32 - bits);
}

/**
 * `pool` with `vector` (LABEL_COUNT numbers) written at `end`: the pool itself, or
 * a copy grown by half first where it is full. By half, not doubled: a pool of
 * vectors is the largest part of the caches that keep one (a few MB in a long run).
 */
export function withVector(pool: Int32Array<ArrayBuffer>, end: number, vector: ArrayLike<number>): Int32Array<ArrayBuffer> {
  if (end + LABEL_COUNT > pool.length) {
    const grown = new Int32Array(Math.ceil((pool.length * 1.5) / LABEL_COUNT) * LABEL_COUNT);
    grown.set(pool);
    pool = grown;
  }
  for (let l = 0; l < LABEL_COUNT; l++) pool[end + l] = vector[l]!;
  return pool;
}
