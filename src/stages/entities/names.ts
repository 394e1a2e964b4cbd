/**
 * Name normalisation shared by the entity stages: keys that let "Lavrov's",
 * "LAVROV" and "Lavrov" meet, spelling skeletons that let "Mamedyarov" and
 * "Mammadyarov" meet, and acronyms of expanded names.
 */

import { BoundedMemo } from '../../core/bounded-memo.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[’‘`´]/g;
const POSSESSIVE = /(?:'s|')$/i;

/** Words of ASCII letters and digits, single-spaced: names that folding only lower-cases. */
const PLAIN_NAME = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** Lower case, diacritics folded, curly apostrophes straightened, white space collapsed. */
export function foldName(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase();
  return name
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The comparison key of a name: folded, no possessive, no dots, no leading "the". */
export function nameKey(name: string): string {
  if (PLAIN_NAME.test(name)) {
    const lower = name.toLowerCase();
    return lower.startsWith('the ') ? lower.slice(4) : lower;
  }
  return foldName(name)
    .replace(POSSESSIVE, '')
    .replace(/^the /, '')
    .replace(/\.(?=\S)/g, '')
    .replace(/\./g, '')
    .replace(/\s*-\s*/g, '-')
    .trim();
}

/** Words of a name key ("Nagorno-Karabakh" is one word). */
export function nameWords(name: string): string[] {
  const key = nameKey(name);
  return key === '' ? [] : key.split(' ');
}

/**
 * A consonant skeleton for transliteration variants of one word:
 * Mamedyarov / Mammadyarov -> "mdrv", Zelensky / Zelenskyy / Zelenskiy -> "zlnsk",
 * Gaddafi / Qaddafi / Kadhafi -> "kdf". The first letter is kept as a consonant class.
 */
export function spellingSkeleton(word: string): string {
  let skeleton = skeletons.get(word);
  if (skeleton === undefined) skeletons.set(word, (skeleton = computeSkeleton(word)));
  return skeleton;
}

/** Skeletons already computed (the same names recur across the articles of a batch). */
const skeletons = new BoundedMemo<string>(8192);

function computeSkeleton(word: string): string {
  const folded = nameKey(word).replace(/[^a-z]/g, '');
  if (folded === '') return '';
  const mapped = folded
    .replace(/ph/g, 'f')
    .replace(/([bcdgkpqstz])h/g, '$1')
    .replace(/[qcg]/g, 'k')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/x/g, 'ks');
  const first = /^[aeiou]/.test(mapped) ? 'a' : mapped[0]!;
  const rest = mapped.slice(1).replace(/[aeiou]/g, '');
  let skeleton = first;
  for (const ch of rest) if (ch !== skeleton[skeleton.length - 1]) skeleton += ch;
  return skeleton;
}

/** Edit distance with an early exit above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const FEMININE_ENDINGS: readonly [string, string][] = [['ov', 'ova'], ['ev', 'eva'], ['in', 'ina'], ['sky', 'skaya'], ['ski', 'ska'], ['iy', 'aya']];

/**
 * Whether two single words are spellings of one name: same skeleton, both long
 * enough to be distinctive, and close in edit distance.
 */
export function isSpellingVariant(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return true;
  if (ka.length < 5 || kb.length < 5) return false;
  // Russian and Slavic feminine forms name different people: Ivanov / Ivanova, Tymoshenko / -a.
  if (FEMININE_ENDINGS.some(([m, f]) => (ka.endsWith(m) && kb === ka.slice(0, ka.length - m.length) + f) ||
      (kb.endsWith(m) && ka === kb.slice(0, kb.length - m.length) + f))) return false;
  const sa = spellingSkeleton(ka);
  if (sa.length < 3 || sa !== spellingSkeleton(kb)) return false;
  const limit = Math.max(1, Math.floor(Math.max(ka.length, kb.length) * 0.3));
  return editDistance(ka, kb, limit) <= limit;
}

const ACRONYM_STOP_WORDS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'el', '&']);

/**
 * Initials of an expanded name ("Organization for Security and Co-operation in
 * Europe" -> "OSCE"); hyphenated words give one letter.
 */
export function acronymOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word !== '' && !ACRONYM_STOP_WORDS.has(word.toLowerCase()))
    .map((word) => word.replace(/^[^\p{L}]+/u, '')[0] ?? '')
    .join('')
    .toUpperCase();
}

/** An acronym-like token: 2 to 8 capitals (dots allowed), e.g. "OSCE", "U.N.", "CoE". */
export function looksLikeAcronym(text: string): boolean {
  const letters = text.replace(/\./g, '');
  return /^[A-Z][A-Za-z]{1,7}$/.test(letters) && letters.replace(/[^A-Z]/g, '').length >= 2 &&
    letters.replace(/[^A-Z]/g, '').length >= letters.length - 1;
}

/** Text that is all capitals (at least two letters): a headline or an acronym. */
export function isAllCaps(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (ch.toLowerCase() !== ch) letters++;
    else if (ch.toUpperCase() !== ch) return false;
  }
  return letters >= 2;
}
