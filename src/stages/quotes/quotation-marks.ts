/**
 * Pairs quotation marks as news writes them, one paragraph at a time.
 *
 * Curly marks say which way they face; straight marks (") are read from their
 * surroundings (white space or a bracket before and a word after opens, a word or
 * punctuation before and white space after closes). A straight mark that looks
 * like an opening while a straight quote is already open nests only when enough
 * marks follow in the paragraph to close both; otherwise it closes the open one
 * (stray spaces inside marks are common: `" We thank …`, `… said . "`). „ opens and
 * is closed by “ or ”; « » pair as guillemets; single marks are never paired
 * (they are apostrophes far more often than quotes).
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
}

type MarkFamily = 'straight' | 'curly' | 'low' | 'guillemet';

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
  return ch === '"' || ch === '“' || ch === '„' || ch === '«' || ch === '‟' || isDoubledApostrophe(text, i, end);
}

/** Pairs the marks of one paragraph [range.start, range.end). Linear in its length. */
export function pairQuotationMarks(text: string, range: Range): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const stack: OpenMark[] = [];
  let straightRemaining = 0;
  for (let i = range.start; i < range.end; i++) {
    if (text.charCodeAt(i) === 34) straightRemaining++;
    else if (isDoubledApostrophe(text, i, range.end)) {
      straightRemaining++;
      i++;
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

  for (let i = range.start; i < range.end; i++) {
    // Two apostrophes stand for a straight double mark in some wire copy (''This isn't reform,'' said Doug).
    width = isDoubledApostrophe(text, i, range.end) ? 2 : 1;
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
  spans.sort((a, b) => a.open - b.open);
  return spans;
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
  return { open: opened.offset, close, closeEnd, contentStart, contentEnd, depth, continuesInNext: false };
}

/** '' (two apostrophes, not three) at i. */
export function isDoubledApostrophe(text: string, i: number, end: number): boolean {
  return i + 1 < end && text.charCodeAt(i) === 39 && text.charCodeAt(i + 1) === 39 && text.charCodeAt(i + 2) !== 39 && (i === 0 || text.charCodeAt(i - 1) !== 39);
}
