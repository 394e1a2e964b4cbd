/**
 * Gazetteer membership for the tagger: which tokens are covered by a name from
 * which list (country, city, person-name, ...), and where in that name they stand
 * (B, I, L, U). Names are split into tokens the way wink-nlp splits text
 * (white space, hyphens, "St." + "Petersburg") and compared case- and
 * accent-insensitively. Compiled once per extractor.
 */

/** The gazetteer lists the tagger reads (data/gazetteer/<list>.tsv); a model is trained with exactly these. */
export const NER_GAZETTEER_LISTS = ['capital', 'city', 'country', 'demonym', 'person-name', 'region', 'title'] as const;

/** Gazetteer lists: list name -> names (at most 8 lists). */
export type GazetteerLists = Readonly<Record<string, readonly string[]>>;

/** Longest name, in tokens, that is matched. */
export const MAX_NAME_TOKENS = 8;

interface PhraseNode {
  /** Bit i set: a name of list i ends here. */
  mask: number;
  next: Map<string, PhraseNode>;
}

/** A large list's one-word names as sorted keys, searched by bisection (cheaper to build than a map). */
interface SortedKeys {
  readonly flag: number;
  readonly keys: readonly string[];
}

/** Lists with at least this many names keep their one-word names as sorted keys. */
const SORTED_LIST_SIZE = 20_000;

export interface CompiledGazetteer {
  /** List names; bit i of a mask stands for listNames[i]. */
  readonly listNames: readonly string[];
  /** One-token names of the smaller lists: key -> list mask. */
  readonly unigrams: ReadonlyMap<string, number>;
  /** One-token names of the large lists. */
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

/** Splits a name into token keys as wink-nlp would split it in running text. */
export function nameKeys(name: string): string[] {
  const keys: string[] = [];
  for (const word of name.trim().split(/\s+/)) {
    if (word === '') continue;
    // "St.Petersburg" -> "St." "Petersburg"; "Nagorno-Karabakh" -> "Nagorno" "-" "Karabakh".
    for (const part of word.split(/(-)|(?<=\.)(?=\p{L}{2})/u)) {
      if (part) keys.push(tokenKey(part));
    }
  }
  return keys;
}

const compiledCache = new WeakMap<GazetteerLists, CompiledGazetteer>();

/** Compiles the lists (once per lists object: extractors built from the same data share it). */
export function compileGazetteer(lists: GazetteerLists): CompiledGazetteer {
  let compiled = compiledCache.get(lists);
  if (!compiled) compiledCache.set(lists, (compiled = buildGazetteer(lists)));
  return compiled;
}

/** A lower-case ASCII word (letters and apostrophes): already its own key. */
function isPlainKey(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 39)) return false;
  }
  return name.length > 0;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

function buildGazetteer(lists: GazetteerLists): CompiledGazetteer {
  const listNames = Object.keys(lists).sort();
  if (listNames.length > 8) throw new Error(`compileGazetteer: at most 8 gazetteer lists are supported; got ${listNames.length} (${listNames.join(', ')}).`);
  const unigrams = new Map<string, number>();
  const phrases = new Map<string, PhraseNode>();
  const sorted: SortedKeys[] = [];
  listNames.forEach((list, bit) => {
    const flag = 1 << bit;
    const names = lists[list]!;
    const large = names.length >= SORTED_LIST_SIZE;
    const sortedKeys: string[] = [];
    for (const name of names) {
      if (large && isPlainKey(name)) {
        sortedKeys.push(name);
        continue;
      }
      if (SIMPLE_NAME.test(name)) {
        // Most names are one plain word: no splitting or folding needed.
        const key = name.toLowerCase();
        if (large) sortedKeys.push(key);
        else unigrams.set(key, (unigrams.get(key) ?? 0) | flag);
        continue;
      }
      const keys = nameKeys(name);
      if (keys.length === 0 || keys.length > MAX_NAME_TOKENS) continue;
      if (keys.length === 1) {
        unigrams.set(keys[0]!, (unigrams.get(keys[0]!) ?? 0) | flag);
        continue;
      }
      let level = phrases;
      let node: PhraseNode | undefined;
      for (const key of keys) {
        node = level.get(key);
        if (!node) level.set(key, (node = { mask: 0, next: new Map() }));
        level = node.next;
      }
      node!.mask |= flag;
    }
    if (large) {
      if (!isSorted(sortedKeys)) sortedKeys.sort();
      sorted.push({ flag, keys: sortedKeys });
    }
  });
  return { listNames, unigrams, sorted, phrases };
}

function contains(keys: readonly string[], key: string): boolean {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const probe = keys[mid]!;
    if (probe === key) return true;
    if (probe < key) lo = mid + 1;
    else hi = mid;
  }
  return false;
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
    if (searched === undefined || searched[i]) for (const list of gazetteer.sorted) if (contains(list.keys, key)) single |= list.flag;
    if (single !== 0) addMarks(marks, single, i, i + 1);
    let node = gazetteer.phrases.get(key);
    for (let j = i + 1; node !== undefined && j < n && j - i < MAX_NAME_TOKENS; j++) {
      node = node.next.get(keys[j]!);
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
