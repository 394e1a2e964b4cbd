/**
 * Stage 2: tokens, part-of-speech tags and sentences from wink-nlp.
 *
 * wink-nlp keeps each token's surface text but no character offsets, so tokens
 * are aligned back to the input by walking it left to right. The text is read in
 * chunks of whole paragraphs, which bounds memory on very long input and lets
 * sentences never cross a paragraph.
 */

import type { LedeDocument, Paragraph, PosTag, Sentence, Token, TokenKind } from '../core/document.js';
import type { Stage } from '../core/stage.js';
import type { WinkNlp } from '../core/resources.js';
import { grownTo, PerVocabulary } from '../core/word-table.js';

/** Paragraphs are batched into chunks of about this many characters for wink-nlp. */
const CHUNK_CHARS = 20_000;
/** A word ending in a possessive 's (the stem keeps at least one letter). */
const POSSESSIVE_END = /\p{L}['’][sS]$/u;
/** A paragraph longer than this is cut at white space (or anywhere) into pieces. */
const MAX_PIECE_CHARS = 50_000;
/** A sentence longer than this many tokens is cut, to keep later stages linear. */
export const MAX_SENTENCE_TOKENS = 400;

interface Piece {
  start: number;
  end: number;
  paragraph: number;
}

function kindOf(winkType: string): TokenKind {
  switch (winkType) {
    case 'word':
      return 'word';
    case 'number':
    case 'ordinal':
      return 'number';
    case 'punctuation':
      return 'punctuation';
    case 'symbol':
    case 'currency':
    case 'emoji':
    case 'emoticon':
      return 'symbol';
    default:
      return 'other';
  }
}

/** Splits paragraphs longer than MAX_PIECE_CHARS, preferring white space, never inside a surrogate pair. */
function piecesOf(text: string, paragraph: Paragraph): Piece[] {
  const pieces: Piece[] = [];
  let start = paragraph.start;
  while (paragraph.end - start > MAX_PIECE_CHARS) {
    let cut = start + MAX_PIECE_CHARS;
    const floor = start + (MAX_PIECE_CHARS >> 1);
    let probe = cut;
    while (probe > floor && !/\s/.test(text[probe - 1]!)) probe--;
    if (probe > floor) cut = probe;
    else if (isLowSurrogate(text.charCodeAt(cut))) cut--;
    pieces.push({ start, end: cut, paragraph: paragraph.index });
    start = cut;
  }
  pieces.push({ start, end: paragraph.end, paragraph: paragraph.index });
  return pieces;
}

/** Whether `value` is empty or white space only (as `value.trim() === ''`), without making a string for a word. */
function isBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return value.trim() === '';
}

/** Whether a word ends in a letter and a possessive 's (as POSSESSIVE_END), testing its last characters first. */
function endsInPossessive(value: string): boolean {
  const n = value.length;
  const s = value.charCodeAt(n - 1);
  if (s !== 115 && s !== 83) return false;
  const apostrophe = value.charCodeAt(n - 2);
  if (apostrophe !== 39 && apostrophe !== 0x2019) return false;
  const letter = value.charCodeAt(n - 3);
  if ((letter >= 97 && letter <= 122) || (letter >= 65 && letter <= 90)) return true;
  return letter > 127 && POSSESSIVE_END.test(value);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function tokenizeDocument(doc: LedeDocument, nlp: WinkNlp): void {
  const { text } = doc;
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  /** Per token: its word id (WordNumbers), -1 for a part of a possessive. */
  const wordIds: number[] = [];
  const numbers = wordNumbers.of(nlp);

  const pieces: Piece[] = [];
  for (const paragraph of doc.paragraphs) {
    if (!paragraph.furniture) pieces.push(...piecesOf(text, paragraph));
  }

  let furnitureIndex = 0;
  const furniture = doc.furniture;

  let p = 0;
  while (p < pieces.length) {
    // Batch consecutive pieces into one chunk for wink-nlp.
    const first = pieces[p]!;
    let last = p;
    while (last + 1 < pieces.length && pieces[last + 1]!.end - first.start <= CHUNK_CHARS) last++;
    const chunkStart = first.start;
    const chunkEnd = pieces[last]!.end;
    const chunk = text.slice(chunkStart, chunkEnd);
    const winkDoc = nlp.readDoc(chunk);
    const winkTokens = winkDoc.tokens();
    const values = winkTokens.out(its.value) as string[];
    const types = winkTokens.out(its.type) as string[];
    const tags = winkTokens.out(its.pos) as string[];
    const ids = winkTokens.out(its.uniqueId) as unknown as number[];
    const winkSentences = winkDoc.sentences().out(its.span) as unknown as [number, number][];

    // Align wink tokens to the text; map wink token index -> our token index (or -1).
    const ourIndex = new Int32Array(values.length).fill(-1);
    const ourLast = new Int32Array(values.length).fill(-1);
    let cursor = 0;
    let pieceIndex = p;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const type = types[i]!;
      if (type === 'tabCRLF' || isBlank(value)) continue;
      const found = chunk.indexOf(value, cursor);
      if (found < 0) continue;
      const start = chunkStart + found;
      const end = start + value.length;
      cursor = found + value.length;
      while (pieceIndex < last && pieces[pieceIndex]!.end <= start) pieceIndex++;
      // Text between pieces (furniture paragraphs) is read by wink-nlp but yields no tokens.
      if (start < pieces[pieceIndex]!.start || end > pieces[pieceIndex]!.end) continue;
      while (furnitureIndex < furniture.length && furniture[furnitureIndex]!.end <= start) furnitureIndex++;
      const inFurniture = furnitureIndex < furniture.length && furniture[furnitureIndex]!.start < end;
      const previous = tokens[tokens.length - 1];
      ourIndex[i] = tokens.length;
      const kind = kindOf(type);
      const pos = (tags[i] ?? 'X') as PosTag;
      const paragraph = pieces[pieceIndex]!.paragraph;
      const spaceBefore = previous === undefined || previous.end < start;
      // wink-nlp splits "Boatmen's" or not by the words it has learned (within an article
      // too), so the possessive is split here, the same way every time.
      const possessive = kind === 'word' && value.length > 2 && endsInPossessive(value);
      const stemEnd = possessive ? end - 2 : end;
      tokens.push({ index: tokens.length, start, end: stemEnd, text: value.slice(0, stemEnd - start), pos, kind, spaceBefore, sentence: -1, paragraph, furniture: inFurniture });
      wordIds.push(possessive ? -1 : numbers.of(ids[i]!));
      if (possessive) {
        tokens.push({ index: tokens.length, start: stemEnd, end, text: value.slice(stemEnd - start), pos: 'PART', kind, spaceBefore: false, sentence: -1, paragraph, furniture: inFurniture });
        wordIds.push(-1);
      }
      ourLast[i] = tokens.length - 1;
    }

    // Sentences: wink's boundaries, also cut at paragraph boundaries and at length limits.
    for (const [winkStart, winkEnd] of winkSentences) {
      let open = -1;
      for (let w = winkStart; w <= winkEnd; w++) {
        const t = ourIndex[w]!;
        if (t < 0) continue;
        if (open >= 0 && (tokens[t]!.paragraph !== tokens[open]!.paragraph || t - open >= MAX_SENTENCE_TOKENS)) {
          pushSentence(sentences, tokens, open, t);
          open = -1;
        }
        if (open < 0) open = t;
      }
      if (open >= 0) {
        const lastToken = lastAligned(ourLast, winkStart, winkEnd);
        pushSentence(sentences, tokens, open, lastToken + 1);
      }
    }
    p = last + 1;
  }

  doc.tokens = tokens;
  doc.tokenWords = { ids: Int32Array.from(wordIds), vocabulary: nlp };
  doc.sentences = sentences;
}

/**
 * Word ids for TokenWords: wink-nlp's lexeme indexes (its.uniqueId) numbered
 * again from 0 in the order they are first met, so that tables by word id
 * (WordTable) span the words an instance has read, not its whole vocabulary of
 * some 90,000 words (most of which a batch never meets).
 */
class WordNumbers {
  private numbers = new Int32Array(0);
  private next = 0;

  of(lexeme: number): number {
    if (lexeme >= this.numbers.length) this.numbers = grownTo(this.numbers, lexeme + 1, -1);
    let number = this.numbers[lexeme]!;
    if (number < 0) this.numbers[lexeme] = number = this.next++;
    return number;
  }
}

const wordNumbers = new PerVocabulary(() => new WordNumbers());

function lastAligned(ourIndex: Int32Array, from: number, to: number): number {
  for (let w = to; w >= from; w--) if (ourIndex[w]! >= 0) return ourIndex[w]!;
  return -1;
}

function pushSentence(sentences: Sentence[], tokens: Token[], tokenStart: number, tokenEnd: number): void {
  if (tokenEnd <= tokenStart) return;
  const index = sentences.length;
  for (let t = tokenStart; t < tokenEnd; t++) tokens[t]!.sentence = index;
  sentences.push({
    index,
    paragraph: tokens[tokenStart]!.paragraph,
    start: tokens[tokenStart]!.start,
    end: tokens[tokenEnd - 1]!.end,
    tokenStart,
    tokenEnd,
  });
}

export const tokenizeStage: Stage = {
  name: 'tokenize',
  run(doc, resources) {
    tokenizeDocument(doc, resources.nlp.current(doc.text));
  },
};
