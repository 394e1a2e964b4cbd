/**
 * Gazetteer membership for the tagger: which tokens are covered by a name from
 * which list (country, city, person-name, ...), and where in that name they stand
 * (B, I, L, U). Names are split into tokens the way wink-nlp splits text
 * (white space, hyphens, "St." + "Petersburg") and compared case- and
 * accent-insensitively. Compiled once per extractor without a string per name:
 * the TSV lists into one hash table over their own text (NameTable), the sorted
 * key list searched by bisection in its text (keyTextSearcher).
 */

import { FNV_OFFSET, hashCode, hashPart, shiftFor, slotOf } from './text-hash.js';
import type { TokenWords } from '../../core/document.js';
import { wordTableOf, type WordTable } from '../../core/word-table.js';

/** The gazetteer lists the tagger reads (data/gazetteer/<list>.tsv); a model is trained with exactly these. */
export const NER_GAZETTEER_LISTS = ['capital', 'city', 'club', 'company', 'country', 'demonym', 'organization', 'person-name', 'region', 'title', 'trademark', 'university'] as const;

/** Lists per plane of marks (4 bits each in a Uint32); see matchGazetteer. */
export const LISTS_PER_PLANE = 8;
/** Most lists a gazetteer may have: two planes. */
export const MAX_GAZETTEER_LISTS = 16;

/**
 * A list of one-word names already in key form (lower case), sorted in code-unit
 * order, one a line. The largest list (person-name, ~195,000 names) comes this
 * way: it is searched by bisection in the text itself, so loading it costs
 * nothing per name.
 */
export interface SortedKeyText {
  readonly sortedKeys: string;
}

/**
 * A list as the text of its TSV file (data/gazetteer/<list>.tsv): `#` comment
 * lines, then one name a line, `name<TAB>note<TAB>keys`. The keys are the name's
 * token keys (nameKeys) joined by single spaces; a line without them stands for
 * the name with A-Z lower-cased ("Baku" -> "baku"), and scripts/build-gazetteers.ts
 * writes them wherever that differs ("São Paulo<TAB>BR<TAB>sao paulo"). The text
 * is compiled as it is: no string is made per name.
 */
export interface GazetteerTsv {
  readonly tsv: string;
  /**
   * Its lines are sorted by their keys (A-Z read lower-cased where a line has no
   * key column) in code-unit order, as lede's data files are
   * (scripts/build-gazetteers.ts writes them so): the names of a key are then
   * found by bisection when a lookup first asks for it, and compiling the list
   * does nothing per line (filing the 49,000 lines of lede's lists by bucket
   * was about 30 ms of an extractor's start-up).
   */
  readonly sortedByKey?: boolean;
}

/** Lists whose file holds sorted keys (see SortedKeyText). */
export const SORTED_KEY_LISTS: ReadonlySet<string> = new Set(['person-name']);

/**
 * TSV lists whose file keeps its names in the order of their lower case instead
 * of by key (GazetteerTsv.sortedByKey): the first name of a country in
 * country.tsv is its canonical name (src/stages/entities/lexicon.ts).
 */
export const NAME_ORDER_LISTS: ReadonlySet<string> = new Set(['country']);

/** Gazetteer lists: list name -> names, the text of a TSV list, or sorted keys (at most 16 lists). */
export type GazetteerList = readonly string[] | GazetteerTsv | SortedKeyText;
export type GazetteerLists = Readonly<Record<string, GazetteerList>>;

/** Longest name, in tokens, that is matched. */
export const MAX_NAME_TOKENS = 8;

/** A sorted-key list, searched by bisection in its text. */
interface SortedKeys {
  readonly flag: number;
  has(key: string): boolean;
}

export interface CompiledGazetteer {
  /** List names, sorted; list i owns bits (i % 8) * 4 .. + 3 of plane floor(i / 8) of the marks (see matchGazetteer). */
  readonly listNames: readonly string[];
  /** Planes of marks: 1 for up to 8 lists, 2 for up to 16. */
  readonly planes: number;
  /** The names of the lists given as names or TSV text, and every run of a name's first tokens. */
  readonly names: NameTable;
  /** One-word names of the sorted-key lists (looked up for word tokens only when told which). */
  readonly sorted: readonly SortedKeys[];
}

const NON_ASCII = /[^\x00-\x7f]/;
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

/** A word ending in a possessive 's, as the tokenizer (stages/tokenize.ts) splits it off. */
const POSSESSIVE_END = /\p{L}['’][sS]$/u;

/**
 * Splits a name into token keys as the tokenizer splits it in running text:
 * at white space, around hyphens ("Nagorno-Karabakh" -> "nagorno" "-"
 * "karabakh"), after a period followed by two letters ("St.Petersburg" ->
 * "st." "petersburg"), and before a possessive 's ("King's Lynn" -> "king" "'s"
 * "lynn"; stages/tokenize.ts splits every word of three or more characters that
 * ends in a letter and 's).
 */
export function nameKeys(name: string): string[] {
  const keys: string[] = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start >= 0 && end > start) {
      const word = name.slice(start, end);
      if (word.length > 2 && POSSESSIVE_END.test(word)) keys.push(tokenKey(word.slice(0, -2)), tokenKey(word.slice(-2)));
      else keys.push(tokenKey(word));
    }
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

const SPACE = 32;
const NEWLINE = 10;
const HASH_SIGN = 35;

/** A-Z lower-cased, everything else as it is: how a line without keys gives them. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** An entry's info word: the mask of lists 0-7 (bits 0-7), these, and the mask of lists 8-15 (bits 21-28). */
const CONTINUES = 1 << 8;
const TOKENS_SHIFT = 9; // 4 bits
const SOURCE_SHIFT = 13; // 8 bits
const HIGH_LISTS_SHIFT = 21; // 8 bits
const USED = 1 << 30;

/** A list mask (bit i: list i, up to 16) as the bits of an entry's info word. */
function infoBits(mask: number): number {
  return (mask & 0xff) | ((mask >>> 8) & 0xff) << HIGH_LISTS_SHIFT;
}
/** Int32 fields per slot: hash, start, length, info. */
const STRIDE = 4;

/** Buckets of a NameTable's lines (see bucketOf): 2^BUCKET_BITS. */
const BUCKET_BITS = 12;
/** Int32 fields per line waiting in a NameTable: text, key start, key end, info bits. */
const LINE_FIELDS = 4;

/**
 * The bucket of a name whose first key has `length` code units, the first
 * `first`, the second `second` and the last `last` (-1 where the key has none):
 * names and lookups that can match fall in the same bucket, since a match has
 * equal first keys. Nothing more of the key is read, so that filing a line costs
 * no loop over its characters.
 */
function bucketOf(length: number, first: number, second: number, last: number): number {
  const h = Math.imul(first + 1, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca6b) ^ Math.imul(last + 1, 0xc2b2ae35) ^ Math.imul(length, 0x27d4eb2f);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - BUCKET_BITS);
}

/** The bucket of names whose first key is `key` (a token key, as matchGazetteer looks it up). */
function bucketOfKey(key: string): number {
  const n = key.length;
  return bucketOf(n, n > 0 ? key.charCodeAt(0) : -1, n > 1 ? key.charCodeAt(1) : -1, n > 0 ? key.charCodeAt(n - 1) : -1);
}

/** First keys remembered as entered by a NameTable's sorted texts, at most (a batch's distinct words; see BoundedMemo). */
const SORTED_ENTERED_LIMIT = 50_000;

/**
 * First keys looked up in a sorted text after which NameTable enters all its lines
 * at once (SortedText.whole). Until then a key is found by bisecting the text by
 * position, reading back to each probe's line start and on to its end and tabs:
 * about 1 µs a key and text, for every new word of every article. Entering the
 * 48,000 lines of lede's sorted lists takes some 20 ms: not for the first articles,
 * which ask for a few hundred keys each, but soon earned back on a stream of new
 * text (400 unseen PolNeAR articles asked for 17,171 first keys). The lines
 * entered are the same either way, in the end: every line a key could find.
 */
const SORTED_WHOLE_AFTER = 4096;

/**
 * The key of a line of a TSV list (see GazetteerTsv): the text after the second
 * tab, or else before the first one, or else the whole line; read with A-Z lower-cased.
 */
class LineKey {
  keyStart = 0;
  keyEnd = 0;
  lineEnd = 0;
  constructor(private readonly text: string) {}

  /** Reads the line that starts at `start`. */
  read(start: number): void {
    const text = this.text;
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = text.length;
    this.lineEnd = lineEnd;
    this.keyStart = start;
    this.keyEnd = lineEnd;
    const tab = text.indexOf('\t', start);
    if (tab >= 0 && tab < lineEnd) {
      const second = text.indexOf('\t', tab + 1);
      if (second >= 0 && second < lineEnd) this.keyStart = second + 1;
      else this.keyEnd = tab;
    }
  }

  /** The key compared with `key` in code-unit order: negative when the line's key sorts first. */
  compare(key: string): number {
    const text = this.text;
    const length = this.keyEnd - this.keyStart;
    const n = Math.min(length, key.length);
    for (let i = 0; i < n; i++) {
      const d = lowerAscii(text.charCodeAt(this.keyStart + i)) - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - key.length;
  }

  /** Whether the line's first key is `key` (its key is `key`, or `key` and a space and more). */
  startsWithKey(key: string): boolean {
    const length = this.keyEnd - this.keyStart;
    if (length < key.length || (length > key.length && this.text.charCodeAt(this.keyStart + key.length) !== SPACE)) return false;
    for (let i = 0; i < key.length; i++) if (lowerAscii(this.text.charCodeAt(this.keyStart + i)) !== key.charCodeAt(i)) return false;
    return true;
  }
}

/** A text added by addSortedTsv. */
interface SortedText {
  source: number;
  /** The start of its first line after the comments. */
  from: number;
  /** Its list bits (infoBits). */
  mask: number;
  line: LineKey;
  /** First keys looked up in it (by bisection), until it is entered whole. */
  lookups: number;
  /** Whether all its lines are entered. */
  whole: boolean;
}

/**
 * Names by their token keys, in an open-addressing table of hashes (text-hash.ts)
 * over the lists' own text: an entry is a run of text ("sao paulo"), its number
 * of tokens, the lists that have a name of exactly these keys, and whether a
 * longer name starts with them. A lookup hashes the keys as they are (without
 * joining them) and checks a hit against the text, so it is exact. The text's
 * A-Z are read lower-cased. One Int32Array holds the slots, each slot's fields side by side.
 *
 * Lines are entered lazily: adding a text only finds its lines' keys and files
 * each line under the bucket of its first key's first two code units
 * (bucketOf); a lookup enters the lines of its key's bucket the first time it is
 * asked for. A lookup can only match a name with the same first key, so it sees
 * every name it could match, and results are the same as with every line entered
 * at once (an entry's info is the union of its lines', in any order). Hashing and
 * entering the 77,000 names of lede's lists was a quarter of an extractor's
 * start-up; an article asks for a few hundred of the 4,096 buckets.
 */
export class NameTable {
  private readonly texts: string[] = [];
  private slots: Int32Array;
  private shift: number;
  private count = 0;
  /** Lines not yet entered: LINE_FIELDS fields each, chained by bucket (the last line filed under bucket b is bucketLast[b] - 1, the one before it previousLine[line] - 1; 0: none). */
  private lines: Int32Array;
  private previousLine: Int32Array;
  private lineCount = 0;
  private readonly bucketLast = new Int32Array(1 << BUCKET_BITS);
  /** Buckets whose lines are entered; a line added to one of them later is entered at once. */
  private readonly entered = new Uint8Array(1 << BUCKET_BITS);
  /** The texts whose lines are sorted by key (addSortedTsv). */
  private readonly sortedTexts: SortedText[] = [];
  /** First keys whose lines of the sorted texts are entered (emptied when full, or when a sorted text is added: entering a line again changes nothing). */
  private readonly sortedEntered = new Set<string>();

  /** Sorted texts not yet entered whole. */
  private partlySorted = 0;

  /** `enterSortedAfter`: first keys looked up in a sorted text after which all its lines are entered (SORTED_WHOLE_AFTER; tests set it low). */
  constructor(
    expectedEntries: number,
    private readonly enterSortedAfter = SORTED_WHOLE_AFTER,
  ) {
    this.shift = shiftFor(expectedEntries * 2);
    this.slots = new Int32Array(2 ** (32 - this.shift) * STRIDE);
    this.lines = new Int32Array(Math.max(16, Math.ceil(expectedEntries)) * LINE_FIELDS);
    this.previousLine = new Int32Array(Math.max(16, Math.ceil(expectedEntries)));
  }

  /** Adds the names of a TSV text (see GazetteerTsv) to the lists of `mask`. */
  addTsv(text: string, listMask: number): void {
    if (this.texts.length === 255) throw new Error('NameTable: at most 255 texts.');
    const mask = infoBits(listMask);
    const source = this.texts.length;
    this.texts.push(text);
    const length = text.length;
    // The next tab at or after the line, found once per tab (lines of keys alone have
    // none), and the next space at or after the key, found once per space (most names
    // are one word: searching from each line would read on through the lines after it).
    let nextTab = -2;
    let nextSpace = -2;
    for (let lineStart = 0; lineStart < length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = length;
      if (lineEnd > lineStart && text.charCodeAt(lineStart) !== HASH_SIGN) {
        if (nextTab !== -1 && nextTab < lineStart) nextTab = text.indexOf('\t', lineStart);
        let keyStart = lineStart;
        let keyEnd = lineEnd;
        if (nextTab >= 0 && nextTab < lineEnd) {
          const second = text.indexOf('\t', nextTab + 1);
          if (second >= 0 && second < lineEnd) keyStart = second + 1;
          else keyEnd = nextTab;
          nextTab = second >= 0 && second < lineEnd ? text.indexOf('\t', lineEnd) : second;
        }
        // The first key: up to the first space (a key never holds one).
        if (nextSpace !== -1 && nextSpace < keyStart) nextSpace = text.indexOf(' ', keyStart);
        const firstEnd = nextSpace < 0 || nextSpace > keyEnd ? keyEnd : nextSpace;
        const n = firstEnd - keyStart;
        const bucket = bucketOf(
          n,
          n > 0 ? lowerAscii(text.charCodeAt(keyStart)) : -1,
          n > 1 ? lowerAscii(text.charCodeAt(keyStart + 1)) : -1,
          n > 0 ? lowerAscii(text.charCodeAt(firstEnd - 1)) : -1,
        );
        if (this.entered[bucket]) this.enterLine(source, keyStart, keyEnd, mask);
        else this.addLine(source, keyStart, keyEnd, mask, bucket);
      }
      lineStart = lineEnd + 1;
    }
  }

  /** Adds the names of a TSV text whose lines are sorted by key (see GazetteerTsv.sortedByKey) to the lists of `mask`: nothing is read until a lookup asks. */
  addSortedTsv(text: string, listMask: number): void {
    if (this.texts.length === 255) throw new Error('NameTable: at most 255 texts.');
    const source = this.texts.length;
    this.texts.push(text);
    let from = 0;
    while (from < text.length && text.charCodeAt(from) === HASH_SIGN) {
      const end = text.indexOf('\n', from);
      from = end < 0 ? text.length : end + 1;
    }
    this.sortedTexts.push({ source, from, mask: infoBits(listMask), line: new LineKey(text), lookups: 0, whole: false });
    this.partlySorted++;
    this.sortedEntered.clear();
  }

  /** Enters the lines of the sorted texts whose first key is `key`, if that has not been done. */
  private enterSortedOf(key: string): void {
    if (this.partlySorted === 0 || this.sortedEntered.has(key)) return;
    if (this.sortedEntered.size >= SORTED_ENTERED_LIMIT) this.sortedEntered.clear();
    this.sortedEntered.add(key);
    for (const sorted of this.sortedTexts) {
      if (sorted.whole) continue;
      if (++sorted.lookups >= this.enterSortedAfter) {
        this.enterWhole(sorted);
        continue;
      }
      const { source, mask, line: keyBounds } = sorted;
      const text = this.texts[source]!;
      // Its lines are those whose key is `key` or starts with `key` and a space: they follow one another.
      for (let start = this.firstLineNotBefore(sorted, key); start < text.length; start = keyBounds.lineEnd + 1) {
        keyBounds.read(start);
        if (!keyBounds.startsWithKey(key)) break;
        this.enterLine(source, keyBounds.keyStart, keyBounds.keyEnd, mask);
      }
    }
  }

  /** Enters every line of a sorted text (SORTED_WHOLE_AFTER). */
  private enterWhole(sorted: SortedText): void {
    const { source, from, mask, line } = sorted;
    const text = this.texts[source]!;
    for (let start = from; start < text.length; start = line.lineEnd + 1) {
      line.read(start);
      this.enterLine(source, line.keyStart, line.keyEnd, mask);
    }
    sorted.whole = true;
    // Once every sorted text is whole, enterSortedOf reads the set no more.
    if (--this.partlySorted === 0) this.sortedEntered.clear();
  }

  /** The start of the first line of a sorted text whose key does not sort before `key` (the text's length: none), by bisection. */
  private firstLineNotBefore(sorted: SortedText, key: string): number {
    const { from, line: keyBounds } = sorted;
    const text = this.texts[sorted.source]!;
    let lo = from;
    let hi = text.length;
    while (lo < hi) {
      let start = (lo + hi) >>> 1;
      while (start > lo && text.charCodeAt(start - 1) !== NEWLINE) start--;
      keyBounds.read(start);
      if (keyBounds.compare(key) < 0) lo = keyBounds.lineEnd + 1;
      else hi = start;
    }
    return lo;
  }

  /** Files a line under its bucket until a lookup asks for it. */
  private addLine(source: number, keyStart: number, keyEnd: number, mask: number, bucket: number): void {
    if (this.lineCount === this.previousLine.length) {
      const lines = new Int32Array(this.lines.length * 2);
      lines.set(this.lines);
      this.lines = lines;
      const previous = new Int32Array(this.previousLine.length * 2);
      previous.set(this.previousLine);
      this.previousLine = previous;
    }
    const line = this.lineCount++;
    const at = line * LINE_FIELDS;
    this.lines[at] = source;
    this.lines[at + 1] = keyStart;
    this.lines[at + 2] = keyEnd;
    this.lines[at + 3] = mask;
    this.previousLine[line] = this.bucketLast[bucket]!;
    this.bucketLast[bucket] = line + 1;
  }

  /** Enters the names of the line text[keyStart, keyEnd) of text `source`. */
  private enterLine(source: number, keyStart: number, keyEnd: number, mask: number): void {
    const text = this.texts[source]!;
    // Most names are one token: hashed here; names of several tokens take the longer way.
    let hash = FNV_OFFSET;
    let spaces = 0;
    for (let i = keyStart; i < keyEnd; i++) {
      const code = lowerAscii(text.charCodeAt(i));
      if (code === SPACE) spaces++;
      hash = hashCode(hash, code);
    }
    if (spaces === 0) this.insert(hash, source, keyStart, keyEnd - keyStart, 1, mask);
    else if (spaces < MAX_NAME_TOKENS) this.addPhrase(source, keyStart, keyEnd, mask);
  }

  /** Enters the lines of the bucket of names whose first key is `key`, if that has not been done (last filed first: an entry's info is the same in any order). */
  private enterBucketOf(key: string): void {
    const bucket = bucketOfKey(key);
    if (this.entered[bucket]) return;
    this.entered[bucket] = 1;
    const lines = this.lines;
    for (let line = this.bucketLast[bucket]! - 1; line >= 0; line = this.previousLine[line]! - 1) {
      const at = line * LINE_FIELDS;
      this.enterLine(lines[at]!, lines[at + 1]!, lines[at + 2]!, lines[at + 3]!);
    }
  }

  /** The entry of the name made of keys[from..to), or -1; `hash` is the hash (text-hash.ts) of those keys joined by spaces. */
  find(hash: number, keys: readonly string[], from: number, to: number): number {
    if (this.lineCount > 0) this.enterBucketOf(keys[from]!);
    if (this.sortedTexts.length > 0) this.enterSortedOf(keys[from]!);
    const slots = this.slots;
    const mask = slots.length / STRIDE - 1;
    const tokens = to - from;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const info = slots[at + 3]!;
      if (info === 0) return -1;
      if (slots[at] === hash && ((info >>> TOKENS_SHIFT) & 15) === tokens && this.holds(at, keys, from, to)) return at;
    }
  }

  /** The lists with a name of exactly the entry's keys (bit i: list i; 16 bits). */
  maskOf(entry: number): number {
    return (this.slots[entry + 3]! & 0xff) | ((this.slots[entry + 3]! >>> HIGH_LISTS_SHIFT) & 0xff) << 8;
  }

  /** Whether a longer name starts with the entry's keys. */
  continues(entry: number): boolean {
    return (this.slots[entry + 3]! & CONTINUES) !== 0;
  }

  /** Whether the text of the entry at `at` is keys[from..to) joined by spaces. */
  private holds(at: number, keys: readonly string[], from: number, to: number): boolean {
    const slots = this.slots;
    const text = this.texts[(slots[at + 3]! >>> SOURCE_SHIFT) & 0xff]!;
    let position = slots[at + 1]!;
    const end = position + slots[at + 2]!;
    for (let k = from; k < to; k++) {
      if (k > from && (position >= end || text.charCodeAt(position++) !== SPACE)) return false;
      const key = keys[k]!;
      if (position + key.length > end) return false;
      for (let i = 0; i < key.length; i++) if (lowerAscii(text.charCodeAt(position + i)) !== key.charCodeAt(i)) return false;
      position += key.length;
    }
    return position === end;
  }

  /** Adds a name of several tokens (text[start, end) of text `source`), and each run of its first tokens. */
  private addPhrase(source: number, start: number, end: number, mask: number): void {
    const text = this.texts[source]!;
    let hash = FNV_OFFSET;
    let tokens = 1;
    for (let i = start; i < end; i++) {
      const code = lowerAscii(text.charCodeAt(i));
      if (code === SPACE) this.insert(hash, source, start, i - start, tokens++, CONTINUES);
      hash = hashCode(hash, code);
    }
    this.insert(hash, source, start, end - start, tokens, mask);
  }

  private insert(hash: number, source: number, start: number, length: number, tokens: number, bits: number): void {
    if (this.count * 4 * STRIDE >= this.slots.length * 3) this.grow();
    const slots = this.slots;
    const mask = slots.length / STRIDE - 1;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const info = slots[at + 3]!;
      if (info === 0) {
        slots[at] = hash;
        slots[at + 1] = start;
        slots[at + 2] = length;
        slots[at + 3] = USED | (source << SOURCE_SHIFT) | (tokens << TOKENS_SHIFT) | bits;
        this.count++;
        return;
      }
      if (slots[at] === hash && ((info >>> TOKENS_SHIFT) & 15) === tokens && this.sameText(at, source, start, length)) {
        slots[at + 3] = info | bits;
        return;
      }
    }
  }

  private sameText(at: number, source: number, start: number, length: number): boolean {
    const slots = this.slots;
    if (slots[at + 2] !== length) return false;
    const a = this.texts[(slots[at + 3]! >>> SOURCE_SHIFT) & 0xff]!;
    const b = this.texts[source]!;
    const from = slots[at + 1]!;
    for (let i = 0; i < length; i++) if (lowerAscii(a.charCodeAt(from + i)) !== lowerAscii(b.charCodeAt(start + i))) return false;
    return true;
  }

  /** Doubles the table (entries keep their hashes; only their slots move). */
  private grow(): void {
    const old = this.slots;
    this.shift--;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / STRIDE - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from + 3] === 0) continue;
      let slot = slotOf(old[from]!, this.shift);
      while (slots[slot * STRIDE + 3] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(from, from + STRIDE), slot * STRIDE);
    }
    this.slots = slots;
  }
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
  if (listNames.length > MAX_GAZETTEER_LISTS) throw new Error(`compileGazetteer: at most ${MAX_GAZETTEER_LISTS} gazetteer lists are supported; got ${listNames.length} (${listNames.join(', ')}).`);
  const texts = listNames.map((list) => {
    const source = lists[list]!;
    return isSortedKeyText(source) ? null : isGazetteerTsv(source) ? source.tsv : namesTsv(source);
  });
  // About one entry per 17 characters of text (a name and its line end, or a run of a
  // name's first tokens that no other name shares): the lists of lede's data give 76,924
  // entries for 1,054,506 characters; the table holds twice that, and grows if it must.
  const names = new NameTable(texts.reduce((sum, text) => sum + (text?.length ?? 0), 0) / 17);
  const sorted: SortedKeys[] = [];
  listNames.forEach((list, bit) => {
    const source = lists[list]!;
    if (isSortedKeyText(source)) sorted.push({ flag: 1 << bit, has: keyTextSearcher(source.sortedKeys) });
    else if (isGazetteerTsv(source) && source.sortedByKey === true) names.addSortedTsv(texts[bit]!, 1 << bit);
    else names.addTsv(texts[bit]!, 1 << bit);
  });
  return { listNames, planes: listNames.length > LISTS_PER_PLANE ? 2 : 1, names, sorted };
}

function isSortedKeyText(list: GazetteerList): list is SortedKeyText {
  return typeof (list as SortedKeyText).sortedKeys === 'string';
}

function isGazetteerTsv(list: GazetteerList): list is GazetteerTsv {
  return typeof (list as GazetteerTsv).tsv === 'string';
}

/** One plain word (no apostrophe: a possessive 's is a token of its own). */
const SIMPLE_NAME = /^[A-Za-z]+$/;

/** A list of names as a TSV text with their keys (lines "<TAB><TAB>keys"). */
function namesTsv(names: readonly string[]): string {
  const lines: string[] = [];
  for (const name of names) {
    // Most names are one plain word: no splitting or folding needed.
    const keys = SIMPLE_NAME.test(name) ? [name.toLowerCase()] : nameKeys(name);
    if (keys.length > 0) lines.push(`\t\t${keys.join(' ')}`);
  }
  return lines.join('\n');
}

/** Characters of the prefix whose lines are indexed together (see keyTextSearcher). */
const BUCKET_PREFIX = 3;

/**
 * Bisection over the lines of a sorted key text, compared in place. Nothing is
 * built per line at compile time: the lines that start with a key's first three
 * characters are found by bisecting the text by character position (a probe
 * reads the line around the middle of the range), then indexed, once per prefix
 * and searcher, the first time a key needs them (a few dozen lines); a search
 * then bisects that short index. Shorter keys, and keys that do not start with
 * three ASCII characters, bisect the whole text.
 */
function keyTextSearcher(text: string): (key: string) => boolean {
  const end = text.length;
  /** Per prefix of three ASCII characters: the starts of its lines, then one past the end of the last. */
  const buckets = new Map<number, Int32Array>();

  const lineEnd = (start: number): number => {
    const newline = text.indexOf('\n', start);
    return newline < 0 ? end : newline;
  };
  /** Compares the line [start, stop) with key[0, length) in code-unit order: negative when the line sorts first. */
  const compare = (start: number, stop: number, key: string, length: number): number => {
    const n = Math.min(stop - start, length);
    for (let i = 0; i < n; i++) {
      const d = text.charCodeAt(start + i) - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return stop - start - length;
  };
  /** The first line in [from, to) (line starts) whose first `length` characters do not sort before key[0, length), or `to`. */
  const lowerBound = (from: number, to: number, key: string, length: number): number => {
    while (from < to) {
      let start = (from + to) >>> 1;
      while (start > from && text.charCodeAt(start - 1) !== NEWLINE) start--;
      const stop = lineEnd(start);
      if (compare(start, Math.min(stop, start + length), key, length) < 0) from = stop + 1;
      else to = start;
    }
    return from;
  };
  /** The starts of the lines that begin with key[0, BUCKET_PREFIX), then one past the end of the last. */
  const bucketOf = (key: string): Int32Array => {
    const from = lowerBound(0, end, key, BUCKET_PREFIX);
    // The first line past them: the lower bound of the prefix with its last character raised by one.
    const last = BUCKET_PREFIX - 1;
    const to = lowerBound(from, end, key.slice(0, last) + String.fromCharCode(key.charCodeAt(last) + 1), BUCKET_PREFIX);
    const starts: number[] = [];
    let next = from;
    for (let start = from; start < to; start = next) {
      starts.push(start);
      next = lineEnd(start) + 1;
    }
    starts.push(next);
    return Int32Array.from(starts);
  };

  return (key) => {
    let bucket = 0;
    for (let i = 0; i < BUCKET_PREFIX && bucket >= 0; i++) {
      const code = i < key.length ? key.charCodeAt(i) : 128;
      bucket = code < 128 ? (bucket << 7) | code : -1;
    }
    if (bucket < 0) {
      const start = lowerBound(0, end, key, key.length);
      return start < end && compare(start, lineEnd(start), key, key.length) === 0;
    }
    let starts = buckets.get(bucket);
    if (starts === undefined) buckets.set(bucket, (starts = bucketOf(key)));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(starts[mid]!, starts[mid + 1]! - 1, key, key.length);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return false;
  };
}

/**
 * The four position bits (B 1, I 2, L 4, U 8) of list `list` at token i of marks
 * made for n tokens (matchGazetteer's result, or a FeatureView's gazetteer).
 */
export function listMarksAt(marks: Uint32Array, n: number, list: number, i: number): number {
  return (marks[(list >> 3) * n + i]! >>> ((list & 7) * 4)) & 15;
}

/** Positions within a matched name, as bit offsets: list i, position p -> bit (i % 8) * 4 + p of plane i / 8. */
export const GAZETTEER_POSITIONS = ['B', 'I', 'L', 'U'] as const;

/**
 * For each token key of a sentence, the lists whose names cover it and where:
 * for lists 0-7, result[i] has bit (list * 4 + position) set; with more lists a
 * second plane follows, result[n + i] with bit ((list - 8) * 4 + position) for
 * lists 8-15 (gazetteer.planes says how many). Every match counts, not only the
 * longest. When `searched` is given, one-word
 * names of the large lists are looked up only for the tokens marked in it.
 * `sortedMasks` remembers what the large lists hold for a key (pass one map per
 * article, so each word is searched once).
 */
export function matchGazetteer(gazetteer: CompiledGazetteer, keys: readonly string[], searched?: Uint8Array, sortedMasks?: Map<string, number>): Uint32Array {
  const n = keys.length;
  const singles = new Uint32Array(n);
  for (let i = 0; i < n; i++) if (searched === undefined || searched[i]) singles[i] = sortedListMask(gazetteer, keys[i]!, sortedMasks);
  const marks = new Uint32Array(n * gazetteer.planes);
  matchNames(gazetteer, keys, 0, n, singles, marks, n);
  return marks;
}

/** The large (sorted) lists that hold `key` as a one-word name, as a mask of list flags; `sortedMasks` as for matchGazetteer. */
export function sortedListMask(gazetteer: CompiledGazetteer, key: string, sortedMasks?: Map<string, number>): number {
  const known = sortedMasks?.get(key);
  if (known !== undefined) return known;
  let single = 0;
  for (const list of gazetteer.sorted) if (list.has(key)) single |= list.flag;
  sortedMasks?.set(key, single);
  return single;
}

/**
 * matchGazetteer's marks for the tokens [from, to) of `keys` (names never run past
 * `to`), written at their own indices of `marks`, whose planes are `stride` apart;
 * `singles[i]` is sortedListMask of token i (0 where it is not searched).
 */
export function matchNames(gazetteer: CompiledGazetteer, keys: readonly string[], from: number, to: number, singles: ArrayLike<number>, marks: Uint32Array, stride: number, words?: KeyWords): void {
  const names = gazetteer.names;
  const table = words?.table;
  for (let i = from; i < to; i++) {
    const key = keys[i]!;
    const id = words === undefined ? -1 : words.ids[i]!;
    let first: number;
    if (id >= 0 && table!.has(id)) first = table!.get(id);
    else {
      const entry = names.find(hashPart(FNV_OFFSET, key), keys, i, i + 1);
      first = entry < 0 ? 0 : names.maskOf(entry) | (names.continues(entry) ? NAME_CONTINUES : 0);
      if (id >= 0) table!.set(id, first);
    }
    const single = singles[i]! | (first & ~NAME_CONTINUES);
    if (single !== 0) addMarks(marks, stride, single, i, i + 1);
    if ((first & NAME_CONTINUES) === 0) continue;
    let hash = hashPart(FNV_OFFSET, key);
    for (let j = i + 1; j < to && j - i < MAX_NAME_TOKENS; j++) {
      hash = hashPart(hashCode(hash, SPACE), keys[j]!);
      const entry = names.find(hash, keys, i, j + 1);
      if (entry < 0) break;
      const mask = names.maskOf(entry);
      if (mask !== 0) addMarks(marks, stride, mask, i, j + 1);
      if (!names.continues(entry)) break;
    }
  }
}

/** In matchNames' answers by word: a name of more words starts with this one (above the 16 list bits of maskOf). */
const NAME_CONTINUES = 1 << 16;

/**
 * The tokens' words (TokenWords' ids, aligned with the keys) and a table of what
 * the names hold for each word's key alone, kept across articles. A key's entry
 * never changes once looked up: the first lookup of a key enters every name that
 * starts with it (NameTable.find).
 */
export interface KeyWords {
  readonly ids: Int32Array;
  readonly table: WordTable;
}

/** The table of matchNames' answers by word for a gazetteer and a document's words. */
export function nameWordTableOf(gazetteer: CompiledGazetteer, words: TokenWords): WordTable {
  return wordTableOf(gazetteer.names, words);
}

function addMarks(marks: Uint32Array, n: number, mask: number, start: number, end: number): void {
  for (let list = 0; list < MAX_GAZETTEER_LISTS && mask >>> list !== 0; list++) {
    if ((mask & (1 << list)) === 0) continue;
    const base = (list % LISTS_PER_PLANE) * 4;
    const at = list < LISTS_PER_PLANE ? 0 : n;
    if (end - start === 1) {
      marks[at + start]! |= 1 << (base + 3);
      continue;
    }
    marks[at + start]! |= 1 << base;
    for (let k = start + 1; k < end - 1; k++) marks[at + k]! |= 1 << (base + 1);
    marks[at + end - 1]! |= 1 << (base + 2);
  }
}
