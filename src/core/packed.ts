/**
 * `mapPacked(items, f)`: `items.map(f)` whose result has the same shape however it
 * was made. Only speed depends on it; the values are those of `Array.prototype.map`.
 *
 * Why: V8 (Node 20) gives the array that `.map` returns a different hidden class
 * depending on how the call ran. Run by the builtin it is packed. Inlined into an
 * optimized caller it is holey. Over an empty array it has small-integer elements.
 * Code optimized while it saw one kind deoptimizes the first time another arrives,
 * and is compiled again. That happened to the quote stage's largest functions
 * between the second and the tenth pass over the bench corpus, as the functions that
 * build their arrays were optimized in turn: a few hundred milliseconds of compiler
 * work on the helper threads, which a two-worker batch run shares two cores with.
 *
 * Here every result comes from one array literal grown by `push`, so V8's record of
 * that literal (its allocation site) soon makes every array packed with tagged
 * elements from the start, empty or not, optimized or not.
 */
export function mapPacked<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!, i));
  return out;
}
