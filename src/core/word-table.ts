/**
 * Numbers kept by word across documents, in arrays indexed by the tokenizer's
 * word ids (TokenWords) instead of maps keyed by text: a token's entry is read
 * without hashing its text or probing a large table. An id names one text for
 * as long as its vocabulary lives (wink-nlp's lexeme list only grows), so an
 * entry never goes stale; each vocabulary has tables of its own (wordTableOf),
 * dropped with it. A table's memory is bounded by its vocabulary's size
 * (wink-nlp's instance is renewed after MAX_LEARNED_WORDS new words: see
 * WinkNlpSource).
 */

import type { TokenWords } from './document.js';

export class WordTable {
  private values = new Int32Array(0);
  private known = new Uint8Array(0);

  /** Whether word `id` has a value. */
  has(id: number): boolean {
    return id < this.known.length && this.known[id] === 1;
  }

  /** The value of word `id`; only meaningful where `has(id)`. */
  get(id: number): number {
    return this.values[id]!;
  }

  set(id: number, value: number): void {
    if (id >= this.known.length) {
      this.values = grownTo(this.values, id + 1);
      this.known = grownTo(this.known, id + 1);
    }
    this.values[id] = value;
    this.known[id] = 1;
  }
}

/**
 * A copy of `array` at least `size` long, for tables by word id that grow as
 * words come: half as long again as before (at least 1,024), the new places
 * `fill`.
 */
export function grownTo<T extends Int32Array | Uint8Array>(array: T, size: number, fill = 0): T {
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length + (array.length >> 1), 1024));
  if (fill !== 0) grown.fill(fill, array.length);
  grown.set(array);
  return grown;
}

/**
 * One thing per vocabulary, made when first asked for and dropped with the
 * vocabulary: extractors each have their own tokenizer instance, and one used
 * after another keeps its tables.
 */
export class PerVocabulary<T> {
  private readonly byVocabulary = new WeakMap<object, T>();
  constructor(private readonly make: () => T) {}

  /** The thing of `vocabulary` (TokenWords.vocabulary: the tokenizer instance). */
  of(vocabulary: object): T {
    let value = this.byVocabulary.get(vocabulary);
    if (value === undefined) this.byVocabulary.set(vocabulary, (value = this.make()));
    return value;
  }
}

const tablesByOwner = new WeakMap<object, PerVocabulary<WordTable>>();

/** The table `owner` (a gazetteer, a lexicon, a list of parsers: what the table's values are about) keeps for the vocabulary of `words`. */
export function wordTableOf(owner: object, words: TokenWords): WordTable {
  let tables = tablesByOwner.get(owner);
  if (tables === undefined) tablesByOwner.set(owner, (tables = new PerVocabulary(() => new WordTable())));
  return tables.of(words.vocabulary);
}
