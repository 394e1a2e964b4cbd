/**
 * CoNLL-2003 for lede: reading the four-column files, rebuilding each document as
 * the plain text a news site would show (one sentence a line, punctuation attached
 * the way English is written), and turning IOB1 tags into entity spans with
 * conlleval's chunk rules, as character ranges into the rebuilt text.
 *
 * The same reader takes the two-column `token tag` files of
 * ../shared/data/ner-extra (IOB2 over PER/ORG/LOC; see its README). Their
 * tokens follow Universal Dependencies (uner-ewt, gum) or a tweet tokenizer
 * (btc, wnut17), so the rebuilt text also glues what UD splits off a word:
 * clitics and possessives written with a curly apostrophe ("don’t", "Germany’s",
 * as "n't" and "'s" are already), "gon na" -> "gonna", and a hyphen between two
 * words or numbers ("Al - Zaman" -> "Al-Zaman", "I - 44" -> "I-44"), as the
 * source text had them (CoNLL-2003 keeps such words whole, and writes a spaced
 * dash only where the text has one, so its hyphens are left alone). A file
 * without `-DOCSTART-` lines (tweets) gives one document per sentence.
 *
 * The rebuilt text is what lede reads at training and evaluation time, so the
 * tokens the tagger sees are lede's own (wink-nlp's), not CoNLL's.
 */

import { readFileSync } from 'node:fs';

export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const CONLL_TYPES: readonly ConllType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export interface ConllToken {
  text: string;
  pos: string;
  /** The NER tag as written (IOB1): 'O', 'I-PER', 'B-LOC', ... */
  tag: string;
}

export interface GoldSpan {
  start: number;
  end: number;
  type: ConllType;
  text: string;
}

export interface ConllDocument {
  index: number;
  sentences: ConllToken[][];
  /** The rebuilt plain text. */
  text: string;
  /** Gold entities as character ranges of `text`, in text order. */
  spans: GoldSpan[];
}

/** Reads a CoNLL-2003 file into documents (split at -DOCSTART-). */
export interface ConllReadOptions {
  /** Each sentence as a document of its own (the tagger without an article around it). */
  sentencesAsDocuments?: boolean;
}

/** The two file formats read here. */
export type ConllFormat = 'conll2003' | 'ner-extra';

export function readConll(path: string, options: ConllReadOptions = {}): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'), options);
}

/** Which format a file is in: ner-extra's lines have two columns, CoNLL-2003's four. */
export function conllFormatOf(source: string): ConllFormat {
  for (const line of source.split('\n', 50)) {
    const columns = line.trim().split(' ');
    if (columns[0] === '' || columns[0] === '-DOCSTART-') continue;
    return columns.length === 2 ? 'ner-extra' : 'conll2003';
  }
  return 'conll2003';
}

export function parseConll(source: string, options: ConllReadOptions = {}): ConllDocument[] {
  const format = conllFormatOf(source);
  const documents: ConllToken[][][] = [];
  let sentences: ConllToken[][] | null = null;
  let documentStarts = 0;
  let sentence: ConllToken[] = [];
  const endSentence = (): void => {
    if (sentence.length > 0 && sentences) sentences.push(sentence);
    sentence = [];
  };
  for (const line of source.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') {
      endSentence();
      continue;
    }
    const columns = trimmed.split(' ');
    if (columns[0] === '-DOCSTART-') {
      endSentence();
      documentStarts++;
      sentences = [];
      documents.push(sentences);
      continue;
    }
    if (!sentences) {
      sentences = [];
      documents.push(sentences);
    }
    sentence.push({ text: columns[0]!, pos: format === 'conll2003' ? (columns[1] ?? '') : '', tag: columns[columns.length - 1]! });
  }
  endSentence();
  const glue = format === 'ner-extra';
  // Tweets come without documents: each is one.
  if (options.sentencesAsDocuments || documentStarts === 0) return documents.flat().map((sentence, index) => buildDocument(index, [sentence], glue));
  return documents.map((doc, index) => buildDocument(index, doc, glue));
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'m", "'ve", "'ll", "'d", '...', '..']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);
/** What UD splits off a word and the text wrote joined (ner-extra only; see the header). */
const UD_NO_SPACE_BEFORE = new Set(['’s', '’S', 'n’t', 'N’T', '’re', '’m', '’ve', '’ll', '’d', "'", '’']);
const UD_JOINED_PAIRS = new Set(['gon na', 'wan na', 'got ta', 'Gon na', 'Wan na', 'Got ta']);
const WORD_OR_NUMBER_END = /[\p{L}\p{N}]$/u;
const WORD_OR_NUMBER_START = /^[\p{L}\p{N}]/u;

/**
 * Joins a sentence's tokens as written English: no space before closing punctuation
 * and clitics, none after opening brackets and "$", and straight double quotes
 * paired (an opening quote hugs the next word, a closing one the previous word).
 * Returns the line and each token's character offset in it.
 */
export function joinSentence(tokens: readonly string[], glueUdSplits = false): { line: string; offsets: number[] } {
  let line = '';
  const offsets: number[] = [];
  let quoteOpen = false;
  let glueNext = true;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    let glue = glueNext || NO_SPACE_BEFORE.has(token);
    glueNext = NO_SPACE_AFTER.has(token);
    if (glueUdSplits && t > 0) {
      const previous = tokens[t - 1]!;
      // A lone apostrophe glues only as a possessive after "s" ("parents '").
      if (UD_NO_SPACE_BEFORE.has(token) && (token.length > 1 || /s$/i.test(previous))) glue = true;
      if (UD_JOINED_PAIRS.has(`${previous} ${token}`)) glue = true;
      const next = tokens[t + 1];
      if (token === '-' && next !== undefined && WORD_OR_NUMBER_END.test(previous) && WORD_OR_NUMBER_START.test(next)) {
        glue = true;
        glueNext = true;
      }
    }
    if (token === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    if (!glue) line += ' ';
    offsets.push(line.length);
    line += token;
  }
  return { line, offsets };
}

function buildDocument(index: number, sentences: ConllToken[][], glueUdSplits: boolean): ConllDocument {
  const lines: string[] = [];
  const spans: GoldSpan[] = [];
  let base = 0;
  for (const sentence of sentences) {
    const { line, offsets } = joinSentence(sentence.map((t) => t.text), glueUdSplits);
    for (const chunk of chunksOf(sentence.map((t) => t.tag))) {
      const start = base + offsets[chunk.start]!;
      const last = chunk.end - 1;
      const end = base + offsets[last]! + sentence[last]!.text.length;
      spans.push({ start, end, type: chunk.type, text: '' });
    }
    lines.push(line);
    base += line.length + 1;
  }
  const text = lines.join('\n');
  for (const span of spans) span.text = text.slice(span.start, span.end);
  return { index, sentences, text, spans };
}

/**
 * IOB1 (or IOB2) tags to chunks with conlleval's rules: an I-X after O or after
 * another type starts a chunk, and so does every B-X.
 */
export function chunksOf(tags: readonly string[]): { start: number; end: number; type: ConllType }[] {
  const chunks: { start: number; end: number; type: ConllType }[] = [];
  let open: { start: number; type: ConllType } | null = null;
  tags.forEach((tag, i) => {
    const prefix = tag[0];
    const type = tag.slice(2) as ConllType;
    const startsChunk = prefix === 'B' || (prefix === 'I' && (open === null || open.type !== type));
    if (open && (tag === 'O' || startsChunk)) {
      chunks.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (tag !== 'O' && startsChunk) open = { start: i, type };
  });
  if (open) chunks.push({ start: (open as { start: number }).start, end: tags.length, type: (open as { type: ConllType }).type });
  return chunks;
}

/** Exact-span scoring: counts per type of true positives, predictions and gold spans. */
export interface SpanCounts {
  truePositives: number;
  predicted: number;
  gold: number;
}

export function scoreSpans<T extends string>(
  gold: readonly { start: number; end: number; type: T }[],
  predicted: readonly { start: number; end: number; type: T }[],
  counts: Map<T, SpanCounts>,
): void {
  const key = (s: { start: number; end: number; type: T }): string => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  const entry = (type: T): SpanCounts => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { truePositives: 0, predicted: 0, gold: 0 }));
    return c;
  };
  for (const g of gold) entry(g.type).gold++;
  const seen = new Set<string>();
  for (const p of predicted) {
    const k = key(p);
    if (seen.has(k)) continue;
    seen.add(k);
    const c = entry(p.type);
    c.predicted++;
    if (goldKeys.has(k)) c.truePositives++;
  }
}

export function prf(c: SpanCounts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted ? c.truePositives / c.predicted : 0;
  const recall = c.gold ? c.truePositives / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Token labels for a gold document as lede tokenised it: a token belongs to a
 * gold span when it starts inside it (a token that runs past the span's end, as
 * "Mich." for the gold "Mich", still counts). Returns the spans as token ranges.
 */
export function alignGoldSpans(
  tokens: readonly { start: number; end: number }[],
  spans: readonly GoldSpan[],
): { tokenStart: number; tokenEnd: number; type: ConllType }[] {
  const aligned: { tokenStart: number; tokenEnd: number; type: ConllType }[] = [];
  let t = 0;
  for (const span of spans) {
    while (t < tokens.length && tokens[t]!.end <= span.start) t++;
    let end = t;
    while (end < tokens.length && tokens[end]!.start < span.end) end++;
    if (end > t) aligned.push({ tokenStart: t, tokenEnd: end, type: span.type });
  }
  return aligned;
}
