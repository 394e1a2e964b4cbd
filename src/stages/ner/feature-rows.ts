/**
 * The rows of the features last looked up, by template and value, kept across
 * articles for a model whose features never change (a compiled one).
 *
 * A row lookup in the model's table (model.ts) hashes the feature's whole name
 * and checks a hit against the features text, character by character: about
 * twenty per token. Most come back within the article or the next ("k-1=the",
 * "s=Xx", "p+1=NOUN"). Here one is answered from a direct-mapped table: the slot
 * is picked by a hash of the template and of a few characters of the value, and
 * a hit is one where the slot holds the same template and the same value
 * (string equality, which for the same string object is a pointer compare), so
 * an answer is always the table's own; a collision only sends the lookup on to
 * the model. Values of 13 or more characters are not kept: V8 may make such a
 * string a slice of a larger one (a whole article), which the memo would keep
 * alive. Bounded by construction (a fixed number of slots).
 */

/**
 * Slots of each memo (unary, pair): 2^13. The features whose value is a token's
 * key, word, shape or POS tag are kept by value id (value-rows.ts); what comes
 * here is flags, gazetteer marks, document case, label history and the contexts
 * of a word's other occurrences.
 */
const SLOT_BITS = 13;
const SLOTS = 1 << SLOT_BITS;
const SLOT_MASK = SLOTS - 1;
/** Longest value kept (V8 makes strings shorter than 13 code units flat copies, never slices). */
const MAX_KEPT_LENGTH = 12;

/** A hash of every code unit of `text` (templates are short), continuing `hash`. */
function hashAll(text: string, hash: number): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** A hash of a value's length and first, middle and last code units, continuing `hash`. */
function hashSome(text: string, hash: number): number {
  const n = text.length;
  hash = Math.imul(hash ^ n, 0x9e3779b1);
  if (n === 0) return hash;
  hash = Math.imul(hash ^ text.charCodeAt(0), 0x85ebca6b);
  hash = Math.imul(hash ^ text.charCodeAt(n >> 1), 0xc2b2ae35);
  return Math.imul(hash ^ text.charCodeAt(n - 1), 0x27d4eb2f);
}

function slotOf(hash: number): number {
  return (hash ^ (hash >>> 16)) & SLOT_MASK;
}

export class FeatureRowMemo {
  private readonly unaryTemplates = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly unaryValues = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly unaryRows = new Int32Array(SLOTS);
  private readonly pairTemplates = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly pairFirsts = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly pairSeconds = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly pairRows = new Int32Array(SLOTS);

  /** The row of `template + value`, from the memo or `lookup`. */
  unary(template: string, value: string, lookup: (template: string, value: string) => number): number {
    if (value.length > MAX_KEPT_LENGTH) return lookup(template, value);
    const slot = slotOf(hashSome(value, hashAll(template, 0)));
    if (this.unaryTemplates[slot] === template && this.unaryValues[slot] === value) return this.unaryRows[slot]!;
    const row = lookup(template, value);
    this.unaryTemplates[slot] = template;
    this.unaryValues[slot] = value;
    this.unaryRows[slot] = row;
    return row;
  }

  /** The row of `template + first + "|" + second`, from the memo or `lookup`. */
  pair(template: string, first: string, second: string, lookup: (template: string, first: string, second: string) => number): number {
    if (first.length > MAX_KEPT_LENGTH || second.length > MAX_KEPT_LENGTH) return lookup(template, first, second);
    const slot = slotOf(hashSome(second, hashSome(first, hashAll(template, 1))));
    if (this.pairTemplates[slot] === template && this.pairFirsts[slot] === first && this.pairSeconds[slot] === second) return this.pairRows[slot]!;
    const row = lookup(template, first, second);
    this.pairTemplates[slot] = template;
    this.pairFirsts[slot] = first;
    this.pairSeconds[slot] = second;
    this.pairRows[slot] = row;
    return row;
  }
}
