/**
 * Public output shape of lede (schema version 1). See DESIGN.md §2.
 * Every offset is a UTF-16 code-unit index into the input string, half-open:
 * `text.slice(start, end) === span.text` for every span.
 */

export const SCHEMA_VERSION = 1 as const;

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface Entity {
  /** Unique within one result, e.g. 'person-1'. */
  id: string;
  type: EntityType;
  /** Canonical: the fullest name the article uses. */
  name: string;
  /** Every other distinct surface form. */
  aliases: string[];
  /** Every naming mention, in text order (no pronouns). */
  mentions: Span[];
  /** Roles stated in the article ([] when none, or not a person). */
  titles: string[];
  /** 0..1, how central the entity is to the article. */
  salience: number;
  /** 0..1. */
  confidence: number;
}

export type DateType = 'date' | 'time' | 'duration' | 'set';

/** TIMEX3 mod: how the text qualifies the value ('mid-2011': MID; 'more than three years': MORE_THAN). */
export type DateMod =
  | 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER'
  | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE';

export interface DateMention extends Span {
  type: DateType;
  /** TIMEX3 value at the granularity the text states; null if unresolvable. */
  value: string | null;
  /** TIMEX3 mod, only where the text states one (added in 0.2). */
  mod?: DateMod;
}

export interface Speaker {
  /** The entity's canonical name; the surface text if unresolved. */
  name: string;
  entityId: string | null;
  /** The words near the quote that name the speaker. */
  mention: Span;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface Quote extends Span {
  kind: QuoteKind;
  /**
   * The quoted words piece by piece: one part equal to the quote's own span when the
   * utterance is uninterrupted; several when the attribution interrupts it
   * ('"We will not give in," she said, "not now."'), the span then running from the
   * first part's start to the last part's end.
   */
  parts: Span[];
  speaker: Speaker | null;
  cue: Span | null;
}

export interface Extraction {
  schemaVersion: typeof SCHEMA_VERSION;
  people: Entity[];
  organizations: Entity[];
  places: Entity[];
  dates: DateMention[];
  quotes: Quote[];
}

/** Per-call options of `extract`. */
export interface ExtractOptions {
  /** Publication date (ISO string or Date): the reference for relative dates. */
  publishedAt?: string | Date;
}

/** An entry of custom knowledge given to `createExtractor`. */
export interface GazetteerEntry {
  name: string;
  type: EntityType;
  aliases?: string[];
}

/** Configuration of `createExtractor`, validated when the extractor is created. */
export interface ExtractorConfig {
  /** Custom entities: added to, and taking precedence over, the bundled knowledge. */
  gazetteer?: GazetteerEntry[];
}
