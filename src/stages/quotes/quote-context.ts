/**
 * What every part of the quotes stage reads: the top-level quoted spans of each
 * paragraph mapped onto tokens, and "outer" sentences, i.e. sentences that never
 * end inside quotation marks (wink-nlp ends a sentence at the full stop inside
 * `"… leadership. Once …"`, which would cut a quote from its attribution).
 */

import { tokenWordsOf, type LedeDocument, type Range, type Token } from '../../core/document.js';
import { CueForms, type CompiledCues } from './cue-lexicon.js';
import { opensWithMark, pairQuotationMarks, type QuotedSpan } from './quotation-marks.js';

export interface TopQuote extends QuotedSpan {
  index: number;
  paragraph: number;
  /** Token of the opening mark, and of the closing mark (-1 when unclosed). */
  openToken: number;
  closeToken: number;
  /** Tokens of the quoted words: [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** Quotes nested inside this one (they are part of it, never quotes of their own). */
  nested: QuotedSpan[];
}

export interface QuoteContext {
  doc: LedeDocument;
  text: string;
  tokens: readonly Token[];
  cues: CompiledCues;
  /** The cues each token's word may start (matchCueAt reads them). */
  cueForms: CueForms;
  quotes: TopQuote[];
  /** Token -> index of the top-level quote whose marks enclose it (marks included), or -1. */
  quoteAt: Int32Array;
  /** Token -> first and past-last token of its outer sentence. */
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  /** Paragraph -> [first token, past-last token). */
  paragraphTokens: Range[];
}

/** Longest outer sentence, in tokens (longer runs are cut). */
export const MAX_OUTER_SENTENCE_TOKENS = 400;
const SENTENCE_END = new Set(['.', '!', '?', '…']);

export function isSentenceEndToken(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'punctuation' && SENTENCE_END.has(token.text);
}

/**
 * Whether token t ends a sentence: a full stop, question or exclamation mark, but not
 * the full stop of an abbreviation inside a name or tag ('(R-Fla.)', 'R-Ky., said').
 */
export function endsSentenceAt(tokens: readonly Token[], t: number): boolean {
  const token = tokens[t];
  if (!isSentenceEndToken(token)) return false;
  if (token!.text !== '.') return true;
  const next = tokens[t + 1];
  if (next && next.paragraph === token!.paragraph && (next.text === ')' || next.text === ',' || /^\p{Ll}/u.test(next.text))) return false;
  return true;
}

export function buildQuoteContext(doc: LedeDocument, cues: CompiledCues): QuoteContext {
  const { text, tokens } = doc;
  const paragraphTokens: Range[] = doc.paragraphs.map(() => ({ start: 0, end: 0 }));
  for (let p = 0, t = 0; p < doc.paragraphs.length; p++) {
    while (t < tokens.length && tokens[t]!.paragraph < p) t++;
    const start = t;
    while (t < tokens.length && tokens[t]!.paragraph === p) t++;
    paragraphTokens[p] = { start, end: t };
  }

  const quotes: TopQuote[] = [];
  const quoteAt = new Int32Array(tokens.length).fill(-1);
  for (const paragraph of doc.paragraphs) {
    if (paragraph.furniture) continue;
    const spans = pairQuotationMarks(text, paragraph);
    const range = paragraphTokens[paragraph.index]!;
    let t = range.start;
    let previousTop: TopQuote | null = null;
    for (const span of spans) {
      if (span.depth > 1) {
        if (previousTop && span.open > previousTop.open && (previousTop.close < 0 || span.open < previousTop.close)) previousTop.nested.push(span);
        continue;
      }
      const end = span.closeEnd >= 0 ? span.closeEnd : paragraph.end;
      while (t < range.end && tokens[t]!.end <= span.open) t++;
      const openToken = t;
      let contentStart = openToken;
      while (contentStart < range.end && tokens[contentStart]!.start < span.contentStart) contentStart++;
      let u = contentStart;
      while (u < range.end && tokens[u]!.end <= span.contentEnd) u++;
      const tokenEnd = u;
      let closeToken = span.close >= 0 && u < range.end && tokens[u]!.start <= span.close ? u : -1;
      // A two-character mark ('') may be two tokens: the closing mark's token is the last of them.
      while (closeToken >= 0 && closeToken + 1 < range.end && tokens[closeToken + 1]!.end <= span.closeEnd && tokens[closeToken + 1]!.start >= span.close) closeToken++;
      const top: TopQuote = {
        open: span.open,
        close: span.close,
        closeEnd: span.closeEnd,
        contentStart: span.contentStart,
        contentEnd: span.contentEnd,
        depth: span.depth,
        continuesInNext: span.continuesInNext,
        single: span.single,
        index: quotes.length,
        paragraph: paragraph.index,
        openToken,
        closeToken,
        tokenStart: contentStart,
        tokenEnd,
        nested: [],
      };
      for (let k = openToken; k < range.end && tokens[k]!.start < end; k++) quoteAt[k] = top.index;
      quotes.push(top);
      previousTop = top;
    }
  }
  // The multi-paragraph convention: an unclosed quote followed by a paragraph that opens with a mark.
  for (const quote of quotes) {
    if (quote.close >= 0) continue;
    const next = doc.paragraphs[quote.paragraph + 1];
    if (next && !next.furniture && opensWithMark(text, next.start, next.end)) quote.continuesInNext = true;
  }

  const sentenceStart = new Int32Array(tokens.length);
  const sentenceEnd = new Int32Array(tokens.length);
  for (const range of paragraphTokens) {
    let start = range.start;
    for (let t = range.start; t < range.end; t++) {
      // Very long sentences are cut, so that the work per cue stays bounded.
      if (endsOuterSentence(tokens, quoteAt, quotes, t, range.end) || t + 1 - start >= MAX_OUTER_SENTENCE_TOKENS) {
        for (let k = start; k <= t; k++) sentenceStart[k] = start;
        for (let k = start; k <= t; k++) sentenceEnd[k] = t + 1;
        start = t + 1;
      }
    }
    for (let k = start; k < range.end; k++) {
      sentenceStart[k] = start;
      sentenceEnd[k] = range.end;
    }
  }
  const cueForms = new CueForms(cues, tokens, tokenWordsOf(doc));
  return { doc, text, tokens, cues, cueForms, quotes, quoteAt, sentenceStart, sentenceEnd, paragraphTokens };
}

/** A full stop outside quotes, or a closing mark after a full stop that a new sentence follows. */
function endsOuterSentence(tokens: readonly Token[], quoteAt: Int32Array, quotes: TopQuote[], t: number, end: number): boolean {
  const q = quoteAt[t]!;
  if (q < 0) return endsSentenceAt(tokens, t) && (t + 1 >= end || tokens[t + 1]!.spaceBefore);
  const quote = quotes[q]!;
  if (quote.closeToken !== t) return false;
  // '… policy.'' The network said': the stop may sit before a two-character mark.
  if (!isSentenceEndToken(tokens[t - 1]) && !(quote.close >= 0 && quote.closeEnd - quote.close === 2 && isSentenceEndToken(tokens[t - 2]))) return false;
  const next = tokens[t + 1];
  return t + 1 >= end || next === undefined || /^[\p{Lu}"“„«('‘]/u.test(next.text) && !/^(said|says|told|added|asked|wrote)$/i.test(next.text);
}

/** Whether the quoted words end their sentence: a full stop, question or exclamation mark just inside the closing mark. */
export function quoteEndsSentence(text: string, quote: TopQuote): boolean {
  if (quote.close < 0) return false;
  let i = quote.close - 1;
  while (i > quote.open && (text[i] === ' ' || text[i] === '\u00a0')) i--;
  const ch = text[i];
  return ch === '.' || ch === '!' || ch === '?' || ch === '…';
}

/** Character range of tokens [start, end). */
export function charRange(tokens: readonly Token[], start: number, end: number): Range {
  return { start: tokens[start]!.start, end: tokens[end - 1]!.end };
}
