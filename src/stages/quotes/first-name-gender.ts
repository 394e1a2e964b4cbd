/**
 * The gender of a first name, from data/gazetteer/first-name-gender.tsv (derived from
 * the gender-detection-from-name package by `npm run prepare-data`): one lower-case
 * name, a tab and `f` or `m` a line, in code-unit order. The text is searched by
 * bisection as it is, so loading it builds nothing per name.
 */

export type Gender = 'male' | 'female';

export interface FirstNameGenders {
  /** The gender the list gives a first name ('Hillary' -> female), or null when it has none. */
  genderOf(firstName: string): Gender | null;
}

const NEWLINE = 10;

export function compileFirstNameGenders(source: string): FirstNameGenders {
  // Past the leading comment lines.
  let begin = 0;
  while (source.startsWith('#', begin)) {
    const end = source.indexOf('\n', begin);
    begin = end < 0 ? source.length : end + 1;
  }
  const text = source;
  const end = text.length;
  const lineStart = (at: number): number => {
    let start = at;
    while (start > begin && text.charCodeAt(start - 1) !== NEWLINE) start--;
    return start;
  };
  /** Compares the key of the line at `start` (up to its tab) with `key`: negative when the line sorts first. */
  const compare = (start: number, key: string): number => {
    for (let i = 0; ; i++) {
      const c = start + i < end ? text.charCodeAt(start + i) : NEWLINE;
      const lineEnded = c === 9 || c === NEWLINE;
      if (i === key.length) return lineEnded ? 0 : 1;
      if (lineEnded) return -1;
      const d = c - key.charCodeAt(i);
      if (d !== 0) return d;
    }
  };
  return {
    genderOf(firstName) {
      const key = firstName.toLowerCase();
      if (key.length < 2 || key.length > 40) return null;
      let lo = begin;
      let hi = end;
      while (lo < hi) {
        const start = lineStart((lo + hi) >>> 1);
        const c = compare(start, key);
        if (c === 0) {
          const tab = start + key.length;
          return text[tab + 1] === 'f' ? 'female' : text[tab + 1] === 'm' ? 'male' : null;
        }
        const next = text.indexOf('\n', start);
        if (c < 0) lo = next < 0 ? end : next + 1;
        else hi = start;
      }
      return null;
    },
  };
}
