/**
 * Numbers kept by word across documents, in arrays indexed by the tokenizer's
 * word ids (TokenWords) instead of maps keyed by text: a token's entry is read
 * without hashing its text or probing a large table. An id names one text for
 * as long as its vocabulary lives (wink-nlp's lexeme list only grows), so an
 * entry never goes stale; a table given another vocabulary starts again empty.
 * Its memory is bounded by the vocabulary's size (wink-nlp's instance is renewed
 * after MAX_LEARNED_WORDS new words: see WinkNlpSource).
 */

import type { TokenWords } from './document.js';

export class WordTable {
  private vocabulary: object | null = null;
  private values = new Int32Array(0);
  private known = new Uint8Array(0);

  /** Readies the table for a document's words: emptied if they come from another vocabulary. */
  use(words: TokenWords): void {
    if (words.vocabulary === this.vocabulary) return;
    this.vocabulary = words.vocabulary;
    this.values = new Int32Array(0);
    this.known = new Uint8Array(0);
  }

  /** Whether word `id` has a value (see `use`). */
  has(id: number): boolean {
    return id < this.known.length && this.known[id] === 1;
  }

  /** The value of word `id`; only meaningful where `has(id)`. */
  get(id: number): number {
    return this.values[id]!;
  }

  set(id: number, value: number): void {
    if (id >= this.known.length) this.grow(id + 1);
    this.values[id] = value;
    this.known[id] = 1;
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.known.length * 2, 1024);
    const values = new Int32Array(capacity);
    values.set(this.values);
    const known = new Uint8Array(capacity);
    known.set(this.known);
    this.values = values;
    this.known = known;
  }
}
