/**
 * Pairs quotation marks as news writes them, one paragraph at a time.
 *
 * Curly marks say which way they face; straight marks (") are read from their
 * surroundings (white space or a bracket before and a word after opens, a word or
 * punctuation before and white space after closes). A straight mark that looks
 * like an opening while a straight quote is already open nests only when enough
 * marks follow in the paragraph to close both; otherwise it closes the open one
 * (stray spaces inside marks are common: `" We thank …`, `… said . "`). „ opens and
 * is closed by “ or ”; « » pair as guillemets.
 *
 * Single marks (‘ ’ ') pair as quotes outside double quotes, where a text uses them
 * as its primary marks ('We disagree strongly,' he wrote) or in a headline; inside
 * double quotes they are part of the quote. They are apostrophes far more often, so a
 * single mark opens only after a space, a bracket or a dash and before a letter that
 * is not an elision ('90s, 'n', 'em), closes only after a word or punctuation and
 * before a space or punctuation (never between letters: O'Brien, Qur'an, don't), and a
 * plural possessive (students' union) closes only when no other closing mark follows
 * before the next opening one.
 *
 * An unclosed quote ends at the end of its paragraph; `continuesInNext` records
 * the multi-paragraph convention (an opening mark on every paragraph, a closing
 * mark only on the last). Nothing here throws: any string pairs into some list.
 */

import type { Range } from '../../core/document.js';

export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the paragraph ends first. */
  close: number;
  /** Offset just after the closing mark (marks may be two characters: ''), or -1. */
  closeEnd: number;
  /** The quoted words without the enclosing marks, trimmed of white space. */
  contentStart: number;
  contentEnd: number;
  /** 1 for a top-level quote, 2 and more for quotes nested inside it. */
  depth: number;
  /** Unclosed at the end of its paragraph, and the next paragraph opens with a mark. */
  continuesInNext: boolean;
  /** Single marks (‘…’, '…') rather than double ones. */
  single: boolean;
}

type MarkFamily = 'straight' | 'curly' | 'low' | 'guillemet' | 'single';

interface OpenMark {
  offset: number;
  family: MarkFamily;
  width: number;
}

const MAX_DEPTH = 3;

function isWhite(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}$£€#@]/u.test(ch);
}

/** Characters after which a straight mark opens a quote: start, space, brackets, dashes, colon. */
function opensAfter(ch: string | undefined): boolean {
  return ch === undefined || isWhite(ch.charCodeAt(0)) || '([{—–-/:'.includes(ch);
}

/** Characters before which a straight mark closes a quote: end, space, punctuation. */
function closesBefore(ch: string | undefined): boolean {
  return ch === undefined || isWhite(ch.charCodeAt(0)) || ',.;:!?)]}—–-…'.includes(ch);
}

export function isQuotationMark(ch: string | undefined): boolean {
  return ch === '"' || ch === '“' || ch === '”' || ch === '„' || ch === '«' || ch === '»' || ch === '‟';
}

/** Whether a quotation mark (of any family) opens the paragraph text at `start`, skipping white space. */
export function opensWithMark(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isWhite(text.charCodeAt(i))) i++;
  const ch = text[i];
  return ch === '"' || ch === '“' || ch === '„' || ch === '«' || ch === '‟' || isDoubledApostrophe(text, i, end) || (isSingleMark(ch) && singleOpensAt(text, i, { start: i, end }));
}

/** Pairs the marks of one paragraph [range.start, range.end). Linear in its length. */
export function pairQuotationMarks(text: string, range: Range): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const stack: OpenMark[] = [];
  let straightRemaining = 0;
  // The paragraph's marks and apostrophes, found by one native scan (the rest of its characters are never looked at).
  const paragraphText = text.slice(range.start, range.end);
  const candidates: number[] = [];
  MARK_CANDIDATES.lastIndex = 0;
  for (let m = MARK_CANDIDATES.exec(paragraphText); m !== null; m = MARK_CANDIDATES.exec(paragraphText)) candidates.push(range.start + m.index);
  if (candidates.length === 0) return [];
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c]!;
    if (text.charCodeAt(i) === 34) straightRemaining++;
    else if (isDoubledApostrophe(text, i, range.end)) {
      straightRemaining++;
      c++;
    }
  }

  let width = 1;
  const close = (index: number, at: number): void => {
    const opened = stack[index]!;
    spans.push(makeSpan(text, opened, at, at + width, index + 1, range.end));
    stack.length = index;
  };
  const push = (offset: number, family: MarkFamily): void => {
    if (stack.length >= MAX_DEPTH) return;
    stack.push({ offset, family, width });
  };
  const topIndexOf = (families: readonly MarkFamily[]): number => {
    for (let s = stack.length - 1; s >= 0; s--) if (families.includes(stack[s]!.family)) return s;
    return -1;
  };

  for (let c = 0; c < candidates.length; c++) {
    let i = candidates[c]!;
    // Two apostrophes stand for a straight double mark in some wire copy (''This isn't reform,'' said Doug).
    width = isDoubledApostrophe(text, i, range.end) ? 2 : 1;
    if (width === 2) c++;
    const ch = width === 2 ? '"' : text[i]!;
    if (!isQuotationMark(ch)) continue;
    const before = i > range.start ? text[i - 1] : undefined;
    const after = i + width < range.end ? text[i + width] : undefined;
    if (width === 2) i++;
    const at = i + 1 - width;
    switch (ch) {
      case '"': {
        straightRemaining--;
        // A straight mark may also close a curly quote (`“… FBI,"` is common in copy-pasted text).
        const straightTop = topIndexOf(['straight']);
        const top = straightTop >= 0 ? straightTop : stack.length > 0 && stack[stack.length - 1]!.family !== 'guillemet' && !opensAfter(before) ? stack.length - 1 : -1;
        const looksOpening = opensAfter(before) && !closesBeforeOnly(after);
        const looksClosing = !opensAfter(before) || closesBefore(after);
        if (top < 0) {
          if (looksOpening || !looksClosing || straightRemaining > 0) push(at, 'straight');
          // A lone closing-looking mark with nothing open and none left is stray.
        } else if (looksOpening && !isWordChar(before) && straightRemaining >= 2 && straightRemaining % 2 === 0 && !closesBefore(after)) {
          push(at, 'straight');
        } else {
          close(top, at);
        }
        break;
      }
      case '“':
      case '‟': {
        const low = topIndexOf(['low']);
        // „ … “ (German style): “ closes the low mark when one is open and this one does not look like an opening.
        if (low >= 0 && !(opensAfter(before) && isWordChar(after))) close(low, at);
        else if (stack.length > 0 && stack[stack.length - 1]!.family === 'curly' && closesBefore(after) && !opensAfter(before)) {
          // A mistyped closing mark (“ used for ”).
          close(stack.length - 1, at);
        } else push(at, 'curly');
        break;
      }
      case '”': {
        const top = topIndexOf(['curly', 'low', 'straight']);
        if (top >= 0) close(top, at);
        else if (opensAfter(before) && isWordChar(after)) push(at, 'curly'); // a mistyped opening mark
        break;
      }
      case '„':
        push(at, 'low');
        break;
      case '«':
        push(at, 'guillemet');
        break;
      case '»': {
        const top = topIndexOf(['guillemet']);
        if (top >= 0) close(top, at);
        break;
      }
    }
  }
  // Unclosed quotes end at the paragraph's end; the outermost one is kept.
  if (stack.length > 0) {
    spans.push(makeSpan(text, stack[0]!, -1, -1, 1, range.end));
  }
  // Single marks, in the stretches that no double quote covers.
  const outside: Range[] = [];
  let from = range.start;
  for (const span of spans.filter((s) => s.depth === 1).sort((a, b) => a.open - b.open)) {
    if (span.open > from) outside.push({ start: from, end: span.open });
    from = Math.max(from, span.closeEnd >= 0 ? span.closeEnd : range.end);
  }
  if (from < range.end) outside.push({ start: from, end: range.end });
  const singles = candidates.filter((i) => text[i] !== '"' && !isDoubleMarkChar(text[i]));
  if (singles.length > 0) for (const stretch of outside) pairSingleMarks(text, stretch, range, spans, singles);
  spans.sort((a, b) => a.open - b.open);
  return spans;
}

/** Every character that may be a quotation mark or a single mark. */
const MARK_CANDIDATES = /["“”„«»‟'‘’]/g;

function isDoubleMarkChar(ch: string | undefined): boolean {
  return ch === '“' || ch === '”' || ch === '„' || ch === '«' || ch === '»' || ch === '‟';
}

/** Words an apostrophe stands in front of ('em, 'n', 'tis): never an opening mark. */
const ELISIONS = new Set(['em', 'n', 'tis', 'twas', 'cause', 'til', 'bout', 'round', 'nuff', 'ol', 'cept', 's']);

function isSingleMark(ch: string | undefined): boolean {
  return ch === "'" || ch === '‘' || ch === '’';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** A single mark at i that may open a quote: ‘ or ', after a space, a bracket or a dash, before a word that is no elision. */
function singleOpensAt(text: string, i: number, stretch: Range): boolean {
  const ch = text[i];
  if (ch !== "'" && ch !== '‘') return false;
  if (ch === "'" && (isDoubledApostrophe(text, i, stretch.end) || text[i - 1] === "'")) return false;
  const before = i > stretch.start ? text[i - 1] : i > 0 ? text[i - 1] : undefined;
  const after = text[i + 1];
  if (!opensAfter(before) && !isQuotationMark(before)) return false;
  if (!isWordChar(after) && after !== '…' && !isQuotationMark(after)) return false;
  // '90s, '08: a year.
  if (after !== undefined && /\p{N}/u.test(after)) return false;
  // 'em, rock 'n' roll.
  let end = i + 1;
  while (end < stretch.end && isLetter(text[end])) end++;
  if (ELISIONS.has(text.slice(i + 1, end).toLowerCase()) && !isLetter(text[end])) return false;
  return true;
}

/** A single mark at i that may close a quote: ’ or ', after a word or punctuation, before a space or punctuation; never between letters. */
function singleClosesAt(text: string, i: number, stretch: Range): 'strong' | 'possessive' | null {
  const ch = text[i];
  if (ch !== "'" && ch !== '’') return null;
  if (ch === "'" && (isDoubledApostrophe(text, i, stretch.end) || text[i - 1] === "'" || text[i + 1] === "'")) return null;
  const before = text[i - 1];
  const after = i + 1 < stretch.end ? text[i + 1] : undefined;
  if (before === undefined || isWhite(before.charCodeAt(0))) return null;
  if (isLetter(before) && isLetter(after)) return null;
  if (!closesBefore(after) && !isQuotationMark(after)) return null;
  // rock ’n’ roll: the second mark of an elision.
  let word = i;
  while (word > stretch.start && isLetter(text[word - 1])) word--;
  if (word < i && isSingleMark(text[word - 1]) && ELISIONS.has(text.slice(word, i).toLowerCase()) && (word - 2 < 0 || isWhite(text.charCodeAt(word - 2)))) return null;
  // students' union, the Joneses' house: a plural possessive before a word.
  if ((before === 's' || before === 'S' || before === 'z') && after !== undefined && isWhite(after.charCodeAt(0)) && isWordChar(text[i + 2])) return 'possessive';
  return 'strong';
}

/** Pairs single marks (at the offsets `singles`) in `stretch`, a part of the paragraph `paragraph` outside double quotes, and adds them to `spans`. */
function pairSingleMarks(text: string, stretch: Range, paragraph: Range, spans: QuotedSpan[], singles: readonly number[]): void {
  let open = -1;
  for (const i of singles) {
    if (i < stretch.start) continue;
    if (i >= stretch.end) break;
    if (open < 0) {
      if (singleOpensAt(text, i, stretch)) open = i;
      continue;
    }
    const closing = singleClosesAt(text, i, stretch);
    if (closing === null) continue;
    // A possessive closes only when no other closing mark follows before the next opening one.
    if (closing === 'possessive' && laterClosing(text, i + 1, stretch)) continue;
    const span = makeSpan(text, { offset: open, family: 'single', width: 1 }, i, i + 1, 1, paragraph.end);
    if (/[\p{L}\p{N}]/u.test(text.slice(span.contentStart, span.contentEnd))) spans.push(span);
    open = -1;
  }
  // An opening mark left open counts only at the paragraph's start (the multi-paragraph convention).
  if (open >= 0 && text.slice(paragraph.start, open).trim() === '') {
    spans.push(makeSpan(text, { offset: open, family: 'single', width: 1 }, -1, -1, 1, paragraph.end));
  }
}

/** How far a possessive looks ahead for a better closing mark, in characters (so that pairing stays linear). */
const MAX_CLOSING_LOOKAHEAD = 600;

/** Whether a strong closing single mark follows i in the stretch before the next opening one. */
function laterClosing(text: string, from: number, stretch: Range): boolean {
  const end = Math.min(stretch.end, from + MAX_CLOSING_LOOKAHEAD);
  for (let k = from; k < end; k++) {
    if (!isSingleMark(text[k])) continue;
    if (singleClosesAt(text, k, stretch) === 'strong') return true;
    if (singleOpensAt(text, k, stretch)) return false;
  }
  return false;
}

/** A straight mark followed by punctuation that only closes (`",` `".`) is never an opening. */
function closesBeforeOnly(ch: string | undefined): boolean {
  return ch !== undefined && ',.;!?)]}'.includes(ch);
}

function makeSpan(text: string, opened: OpenMark, close: number, closeEnd: number, depth: number, paragraphEnd: number): QuotedSpan {
  let contentStart = opened.offset + opened.width;
  let contentEnd = close >= 0 ? close : paragraphEnd;
  while (contentStart < contentEnd && isWhite(text.charCodeAt(contentStart))) contentStart++;
  while (contentEnd > contentStart && isWhite(text.charCodeAt(contentEnd - 1))) contentEnd--;
  return { open: opened.offset, close, closeEnd, contentStart, contentEnd, depth, continuesInNext: false, single: opened.family === 'single' };
}

/** '' (two apostrophes, not three) at i. */
export function isDoubledApostrophe(text: string, i: number, end: number): boolean {
  return i + 1 < end && text.charCodeAt(i) === 39 && text.charCodeAt(i + 1) === 39 && text.charCodeAt(i + 2) !== 39 && (i === 0 || text.charCodeAt(i - 1) !== 39);
}
