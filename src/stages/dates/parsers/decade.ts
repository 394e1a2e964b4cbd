/**
 * Decades and centuries, written as the TimeBank gold writes them: "the 1990s"
 * → 199, "1990s" → 199X, "the early 1980s" → 198, "the '80s" → 198, "the
 * nineties" → 199, "the last half of the '80s" → 198; "the 20th century" → 19.
 */

import type { DateParser, ParsedDate } from '../parser.js';
import { ORDINALS } from '../words.js';
import { extendPointStart } from './modifiers.js';

const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

const DECADE = /(?<![\w-])(?:(the)\s+)?(?:(?:(?:early|late|mid|middle)(?:\s+|-)|mid-)?)((?:1[0-9]|20)[0-9]0)'?s(?![\w-])|(?<![\w-])(?:(the)\s+)?(?:(?:early|late|mid|middle)(?:\s+|-))?(?:'|’)?([1-9]0)'?s(?![\w-])|(?<![\w-])(the)\s+(?:(?:early|late|mid)(?:\s+|-))?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])/gi;

export const decadeParser: DateParser = {
  id: 'decade',
  trigger: /0'?s\b|ties\b/i,
  pattern: DECADE,
  extract(match, context): ParsedDate | null {
    // "the end of the 1980s", "the last half of the '80s": a part of the decade, written as the decade.
    const start = extendPointStart(context.text, match.index);
    const end = match.index + match[0].length;
    let prefix: string;
    let withThe: boolean;
    if (match[2] !== undefined) {
      prefix = match[2].slice(0, 3);
      withThe = match[1] !== undefined;
    } else if (match[4] !== undefined) {
      // "the '80s": the century is assumed to be the 1900s.
      if (match[0].indexOf("'") < 0 && match[0].indexOf('’') < 0 && match[3] === undefined) return null;
      prefix = `19${match[4][0]}`;
      withThe = match[3] !== undefined;
    } else {
      const digit = DECADE_WORDS[match[6]!.toLowerCase()];
      if (digit === undefined) return null;
      prefix = `19${digit}`;
      withThe = true;
    }
    return { start, end, type: 'date', meaning: { kind: 'fixed', value: withThe ? prefix : `${prefix}X` } };
  },
};

const CENTURY = /(?<![\w-])(?:(the)\s+)?(?:(?:early|late|mid)(?:\s+|-))?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|1st|2nd|3rd|[4-9]th|1\dth|20th|21st)(?:\s+|-)century(?![\w-])/gi;

export const centuryParser: DateParser = {
  id: 'century',
  trigger: /century/i,
  pattern: CENTURY,
  extract(match): ParsedDate | null {
    const word = match[2]!.toLowerCase();
    const ordinal = word === 'twenty-first' ? 21 : ORDINALS[word];
    if (ordinal === undefined || ordinal < 1) return null;
    const value = String(ordinal - 1).padStart(2, '0');
    return { start: match.index, end: match.index + match[0].length, type: 'date', meaning: { kind: 'fixed', value } };
  },
};
