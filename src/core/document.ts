/**
 * The document model: one object per `extract` call that owns the input string and
 * everything the stages find in it. The input is never changed; every paragraph,
 * sentence, token, candidate and mention is a half-open [start, end) range of
 * UTF-16 code units into it.
 */

import type { DateMod, DateType, EntityType, QuoteKind } from '../types.js';

export interface Range {
  start: number;
  end: number;
}

export type ParagraphKind =
  | 'headline'
  | 'body'
  | 'separator'
  | 'section-label'
  | 'footer';

export interface Paragraph extends Range {
  index: number;
  kind: ParagraphKind;
  /** Furniture paragraphs (separators, section labels, footers) yield no results. */
  furniture: boolean;
}

/** Universal part-of-speech tags as wink-nlp produces them. */
export type PosTag =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM'
  | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | 'other';

export interface Token extends Range {
  index: number;
  text: string;
  pos: PosTag;
  kind: TokenKind;
  /** White space (or the start of the text) precedes the token. */
  spaceBefore: boolean;
  sentence: number;
  paragraph: number;
  /** Inside page furniture (separator, section label, footer, agency code). */
  furniture: boolean;
}

export interface Sentence extends Range {
  index: number;
  paragraph: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

/** Which stage proposed a candidate span, and by which rule or model. */
export interface Provenance {
  stage: string;
  /** Rule id, gazetteer name or model name. */
  rule: string;
  /** Stage-specific strength in [0, 1]. */
  score: number;
}

export type CandidateType = EntityType | 'misc';

/** A proposed entity span; candidates may overlap. The resolver decides. */
export interface EntityCandidate extends Range {
  tokenStart: number;
  tokenEnd: number;
  type: CandidateType;
  provenance: Provenance;
  /** A veto candidate forbids any entity of this type (or any at all with 'misc') on its span. */
  veto?: boolean;
  /** A preset candidate wins over the model where they overlap. */
  preset?: boolean;
}

/** A decided naming mention of an entity. Mentions never overlap. */
export interface Mention extends Range {
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  text: string;
  provenance: Provenance[];
  /** Index into `doc.entities` once clustered. */
  entity: number;
}

/** A phrase that refers to an entity without naming it ('the minister', 'the head of X'). */
export interface DescriptionMention extends Range {
  text: string;
  /** Index into `doc.entities`, or -1 when the article does not make it unambiguous. */
  entity: number;
  /** The head noun that gives the description its meaning ('minister', 'ministry'). */
  head: string;
}

export interface EntityRecord {
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: number[];
  titles: string[];
  salience: number;
  confidence: number;
  /** 'male' | 'female' when the article makes it clear (titles, first names). */
  gender: 'male' | 'female' | null;
}

export interface DateRecord extends Range {
  text: string;
  type: DateType;
  value: string | null;
  mod?: DateMod;
  provenance: Provenance;
}

export interface SpeakerRecord {
  mention: Range & { text: string };
  entity: number;
  /** Canonical name when entity >= 0, else the surface text. */
  name: string;
}

/** How a quote's speaker was chosen (shown by analyze()): the rule, and the candidates weighed with their scores. */
export interface SpeakerChoice {
  rule: string;
  candidates: { name: string; entity: number; score: number; why: string }[];
}

export interface QuoteRecord extends Range {
  text: string;
  kind: QuoteKind;
  /** The quoted words piece by piece, in text order: [this range] unless the attribution interrupts them. */
  parts: Range[];
  cue: (Range & { text: string }) | null;
  speaker: SpeakerRecord | null;
  provenance: Provenance;
  speakerChoice?: SpeakerChoice;
}

/** The reference date for relative expressions, in calendar terms (no time zone). */
export interface ReferenceDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

/**
 * Each token's word in the tokenizer's vocabulary: a number for wink-nlp's lexeme
 * index, given in the order the instance (`vocabulary`) meets its words, which
 * names one text for as long as the instance lives. Tables kept by word across
 * documents (WordTable) are read by it. -1 for a token that is not one word of
 * the vocabulary (each part of a possessive split off).
 */
export interface TokenWords {
  readonly ids: Int32Array;
  readonly vocabulary: object;
}

/** A document's word ids, if the tokenizer gave one to each of its tokens (null otherwise: tokens made by hand, or changed since). */
export function tokenWordsOf(doc: { readonly tokens: readonly unknown[]; readonly tokenWords?: TokenWords | null }): TokenWords | null {
  const words = doc.tokenWords ?? null;
  return words !== null && words.ids.length === doc.tokens.length ? words : null;
}

export interface LedeDocument {
  readonly text: string;
  /** From `publishedAt`; stages may fill it from a dateline when absent. */
  reference: ReferenceDate | null;
  /** True when `reference` came from the caller rather than the text. */
  referenceGiven: boolean;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  /** Set by the tokenizer with `tokens`; null for a document whose tokens were made otherwise. */
  tokenWords: TokenWords | null;
  /** Character ranges that are page furniture (never part of any result). */
  furniture: Range[];
  entityCandidates: EntityCandidate[];
  mentions: Mention[];
  entities: EntityRecord[];
  descriptions: DescriptionMention[];
  dates: DateRecord[];
  quotes: QuoteRecord[];
}

export function createDocument(text: string, reference: ReferenceDate | null): LedeDocument {
  return {
    text,
    reference,
    referenceGiven: reference !== null,
    paragraphs: [],
    sentences: [],
    tokens: [],
    tokenWords: null,
    furniture: [],
    entityCandidates: [],
    mentions: [],
    entities: [],
    descriptions: [],
    dates: [],
    quotes: [],
  };
}

/** `{ start, end, text }` for a range of the document's text. */
export function spanOf(text: string, range: Range): { start: number; end: number; text: string } {
  return { start: range.start, end: range.end, text: text.slice(range.start, range.end) };
}

/** The first index of a list sorted by start whose range starts at or after `offset` (the list's length when none does). */
export function firstStartingAt(ranges: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [start, end) touches any range of a sorted, non-overlapping list. */
export function overlapsAny(ranges: readonly Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const r = ranges[lo];
  return r !== undefined && r.start < end;
}
