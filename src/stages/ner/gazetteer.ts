/**
 * Gazetteer membership for the tagger: which tokens are covered by a name from
 * which list (country, city, person-name, ...), and where in that name they stand
 * (B, I, L, U). Names are split into tokens the way wink-nlp splits text
 * (white space, hyphens, "St." + "Petersburg") and compared case- and
 * accent-insensitively. Compiled once per extractor.
 */

/** The gazetteer lists the tagger reads (data/gazetteer/<list>.tsv); a model is trained with exactly these. */
export const NER_GAZETTEER_LISTS = ['capital', 'city', 'country', 'demonym', 'person-name', 'region', 'title'] as const;

/**
 * A list of one-word names already in key form (lower case), sorted in code-unit
 * order, one a line. The largest list (person-name, ~195,000 names) comes this
 * way: it is searched by bisection in the text itself, so loading it builds no
 * string per name.
 */
export interface SortedKeyText {
  readonly sortedKeys: string;
}

/**
 * Names given by their token keys, precomputed (by scripts/build-gazetteers.ts
 * with nameKeys): each entry is the keys joined by single spaces
 * ("sao paulo", "st. petersburg", "nagorno - karabakh").
 */
export interface KeyedNames {
  readonly keyed: readonly string[];
}

/** Lists whose file holds sorted keys (see SortedKeyText). */
export const SORTED_KEY_LISTS: ReadonlySet<string> = new Set(['person-name']);

/** Gazetteer lists: list name -> names, or sorted keys (at most 8 lists). */
export type GazetteerList = readonly string[] | KeyedNames | SortedKeyText;
export type GazetteerLists = Readonly<Record<string, GazetteerList>>;

/** Longest name, in tokens, that is matched. */
export const MAX_NAME_TOKENS = 8;

interface PhraseNode {
  /** Bit i set: a name of list i ends here. */
  mask: number;
  /** Longer names through this node (null while there are none). */
  next: Map<string, PhraseNode> | null;
}

/** A large list's one-word keys, sorted, searched by bisection (cheaper to build than a map). */
interface SortedKeys {
  readonly flag: number;
  has(key: string): boolean;
}

export interface CompiledGazetteer {
  /** List names; bit i of a mask stands for listNames[i]. */
  readonly listNames: readonly string[];
  /** One-token names: key -> list mask. */
  readonly unigrams: ReadonlyMap<string, number>;
  /** One-token names of the sorted-key lists. */
  readonly sorted: readonly SortedKeys[];
  /** Names of two tokens or more, as a trie keyed by their first token. */
  readonly phrases: ReadonlyMap<string, PhraseNode>;
}

const NON_ASCII = /[^\x00-\x7f]/;
const SIMPLE_NAME = /^[A-Za-z']+$/;
const MARKS = /\p{M}+/gu;

/** The comparison key of a token: lower case, accents and curly apostrophes folded. */
export function tokenKey(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/[’‘`]/g, "'");
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code > 127 && code !== 0x2019 && code !== 0x2018);
}

/**
 * Splits a name into token keys as wink-nlp would split it in running text:
 * at white space, around hyphens ("Nagorno-Karabakh" -> "nagorno" "-"
 * "karabakh"), and after a period followed by two letters ("St.Petersburg" ->
 * "st." "petersburg").
 */
export function nameKeys(name: string): string[] {
  const keys: string[] = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start >= 0 && end > start) keys.push(tokenKey(name.slice(start, end)));
    start = -1;
  };
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 32 || code === 9 || code === 0xa0) {
      flush(i);
    } else if (code === 45) {
      flush(i);
      keys.push('-');
    } else {
      if (start < 0) start = i;
      if (code === 46 && i + 2 < name.length && isLetter(name.charCodeAt(i + 1)) && isLetter(name.charCodeAt(i + 2))) flush(i + 1);
    }
  }
  flush(name.length);
  return keys;
}

const compiledCache = new WeakMap<GazetteerLists, CompiledGazetteer>();

/** Compiles the lists (once per lists object: extractors built from the same data share it). */
export function compileGazetteer(lists: GazetteerLists): CompiledGazetteer {
  let compiled = compiledCache.get(lists);
  if (!compiled) compiledCache.set(lists, (compiled = buildGazetteer(lists)));
  return compiled;
}

function buildGazetteer(lists: GazetteerLists): CompiledGazetteer {
  const listNames = Object.keys(lists).sort();
  if (listNames.length > 8) throw new Error(`compileGazetteer: at most 8 gazetteer lists are supported; got ${listNames.length} (${listNames.join(', ')}).`);
  const unigrams = new Map<string, number>();
  const phrases = new Map<string, PhraseNode>();
  const sorted: SortedKeys[] = [];
  const addKeys = (keys: readonly string[], flag: number): void => {
    if (keys.length === 0 || keys.length > MAX_NAME_TOKENS) return;
    if (keys.length === 1) {
      unigrams.set(keys[0]!, (unigrams.get(keys[0]!) ?? 0) | flag);
      return;
    }
    let node = phrases.get(keys[0]!);
    if (!node) phrases.set(keys[0]!, (node = { mask: 0, next: null }));
    for (let k = 1; k < keys.length; k++) {
      node.next ??= new Map();
      let child: PhraseNode | undefined = node.next.get(keys[k]!);
      if (!child) node.next.set(keys[k]!, (child = { mask: 0, next: null }));
      node = child;
    }
    node.mask |= flag;
  };
  listNames.forEach((list, bit) => {
    const flag = 1 << bit;
    const source = lists[list]!;
    if (isSortedKeyText(source)) {
      sorted.push({ flag, has: keyTextSearcher(source.sortedKeys) });
    } else if (isKeyedNames(source)) {
      for (const entry of source.keyed) addKeys(entry.indexOf(' ') < 0 ? [entry] : entry.split(' '), flag);
    } else {
      // Most names are one plain word: no splitting or folding needed.
      for (const name of source) addKeys(SIMPLE_NAME.test(name) ? [name.toLowerCase()] : nameKeys(name), flag);
    }
  });
  return { listNames, unigrams, sorted, phrases };
}

function isSortedKeyText(list: GazetteerList): list is SortedKeyText {
  return typeof (list as SortedKeyText).sortedKeys === 'string';
}

function isKeyedNames(list: GazetteerList): list is KeyedNames {
  return Array.isArray((list as KeyedNames).keyed);
}

/**
 * Bisection over the lines of a sorted key text, comparing in place (no
 * substrings). Lines are found once, at compile time.
 */
function keyTextSearcher(text: string): (key: string) => boolean {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Int32Array(count + 1);
  const ends = new Int32Array(count + 1);
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      starts[lines] = start;
      ends[lines++] = end;
    }
    start = end + 1;
  }
  // Lines by their first two characters (ASCII keys): bucketStart[b] is the first line of bucket b or later.
  const bucketOf = (first: number, second: number): number => first * 128 + second;
  const bucketStart = new Int32Array(128 * 128 + 1).fill(lines);
  let ascii = true;
  for (let line = lines - 1; line >= 0; line--) {
    const first = text.charCodeAt(starts[line]!);
    const second = ends[line]! - starts[line]! > 1 ? text.charCodeAt(starts[line]! + 1) : 0;
    if (first >= 128 || second >= 128) {
      ascii = false;
      break;
    }
    bucketStart[bucketOf(first, second)] = line;
  }
  for (let b = 128 * 128 - 1; b >= 0; b--) if (bucketStart[b]! > bucketStart[b + 1]!) bucketStart[b] = bucketStart[b + 1]!;
  /** Compares line `line` with `key` in code-unit order: negative when the line sorts first. */
  const compare = (line: number, key: string): number => {
    const from = starts[line]!;
    const length = ends[line]! - from;
    const n = Math.min(length, key.length);
    for (let i = 0; i < n; i++) {
      const d = text.charCodeAt(from + i) - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - key.length;
  };
  return (key) => {
    let lo = 0;
    let hi = lines;
    const first = key.charCodeAt(0);
    const second = key.length > 1 ? key.charCodeAt(1) : 0;
    if (ascii && first < 128 && second < 128) {
      const b = bucketOf(first, second);
      lo = bucketStart[b]!;
      hi = bucketStart[b + 1]!;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(mid, key);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return false;
  };
}

/** Positions within a matched name, as bit offsets: list i, position p -> bit i * 4 + p. */
export const GAZETTEER_POSITIONS = ['B', 'I', 'L', 'U'] as const;

/**
 * For each token key of a sentence, the lists whose names cover it and where:
 * result[i] has bit (list * 4 + position) set. Every match counts, not only the longest.
 * Only lists 0..7 are reported (32 bits). When `searched` is given, one-word
 * names of the large lists are looked up only for the tokens marked in it.
 */
export function matchGazetteer(gazetteer: CompiledGazetteer, keys: readonly string[], searched?: Uint8Array): Uint32Array {
  const n = keys.length;
  const marks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    let single = gazetteer.unigrams.get(key) ?? 0;
    if (searched === undefined || searched[i]) for (const list of gazetteer.sorted) if (list.has(key)) single |= list.flag;
    if (single !== 0) addMarks(marks, single, i, i + 1);
    let node = gazetteer.phrases.get(key);
    for (let j = i + 1; node !== undefined && j < n && j - i < MAX_NAME_TOKENS; j++) {
      node = node.next?.get(keys[j]!);
      if (node !== undefined && node.mask !== 0) addMarks(marks, node.mask, i, j + 1);
    }
  }
  return marks;
}

function addMarks(marks: Uint32Array, mask: number, start: number, end: number): void {
  for (let list = 0; list < 8; list++) {
    if ((mask & (1 << list)) === 0) continue;
    const base = list * 4;
    if (end - start === 1) {
      marks[start]! |= 1 << (base + 3);
      continue;
    }
    marks[start]! |= 1 << base;
    for (let k = start + 1; k < end - 1; k++) marks[k]! |= 1 << (base + 1);
    marks[end - 1]! |= 1 << (base + 2);
  }
}
