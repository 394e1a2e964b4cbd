/**
 * FNV-1a over UTF-16 code units, continued part by part, so that the hash of a
 * name made of several strings ("k-1k=" + "minister" + "|" + "lavrov") is
 * computed without joining them. The lookup tables of the tagger (model.ts,
 * gazetteer.ts) store these hashes of names kept in their data files' text, and
 * check every hit against the text, so a collision never changes a result.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** `hash` continued with one code unit. */
export function hashCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** `hash` continued with the code units of `part`. */
export function hashPart(hash: number, part: string): number {
  for (let i = 0; i < part.length; i++) hash = Math.imul(hash ^ part.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The slot of a hash in a table of 2^(32 - shift) slots (Fibonacci hashing: the top bits of hash x golden ratio). */
export function slotOf(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

/** The shift for a table with at least `minSlots` slots (see slotOf). */
export function shiftFor(minSlots: number): number {
  let bits = 4;
  while (1 << bits < minSlots && bits < 30) bits++;
  return 32 - bits;
}
