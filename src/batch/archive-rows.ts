/**
 * The rows an extraction becomes in an archive's tables (entities, mentions,
 * quotes, dates), built in one place for every archive (SQLite, PostgreSQL) so
 * that their tables cannot drift apart. Each archive adds its own keys and
 * encodings. Browser-safe.
 */

import type { Extraction } from '../types.js';
import { quotedWords } from './search-document.js';

export interface EntityRow {
  entityId: string;
  type: string;
  name: string;
  aliases: string[];
  titles: string[];
  salience: number;
  confidence: number;
  mentionCount: number;
}

export interface MentionRow {
  entityId: string;
  start: number;
  end: number;
  text: string;
}

export interface QuoteRow {
  /** Position of the quote in its article, from 0. */
  quoteIndex: number;
  kind: string;
  start: number;
  end: number;
  /** The quoted words: the parts joined with a space. */
  text: string;
  /** The speaker's canonical name; null when no speaker was found. */
  speakerName: string | null;
  speakerEntityId: string | null;
  /** The words naming the speaker ('he', 'Lavrov'). */
  speakerMention: string | null;
  cue: string | null;
}

/** One part of a quote: the quoted words between two interruptions by the attribution. */
export interface QuotePartRow {
  quoteIndex: number;
  /** From 0, in text order. */
  partIndex: number;
  start: number;
  end: number;
  text: string;
}

export interface DateRow {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string | null;
  /** The TIMEX3 mod ('MID', 'APPROX', …); null when the text states none. */
  mod: string | null;
}

export interface ArchiveRows {
  entities: EntityRow[];
  mentions: MentionRow[];
  quotes: QuoteRow[];
  quoteParts: QuotePartRow[];
  dates: DateRow[];
}

/** The rows of one article's extraction: entities (people, organisations, places) and their mentions, quotes, dates. */
export function archiveRows(extraction: Extraction): ArchiveRows {
  const entities: EntityRow[] = [];
  const mentions: MentionRow[] = [];
  for (const entity of [...extraction.people, ...extraction.organizations, ...extraction.places]) {
    entities.push({
      entityId: entity.id,
      type: entity.type,
      name: entity.name,
      aliases: entity.aliases,
      titles: entity.titles,
      salience: entity.salience,
      confidence: entity.confidence,
      mentionCount: entity.mentions.length,
    });
    for (const mention of entity.mentions) mentions.push({ entityId: entity.id, start: mention.start, end: mention.end, text: mention.text });
  }
  const quotes = extraction.quotes.map(
    (quote, quoteIndex): QuoteRow => ({
      quoteIndex,
      kind: quote.kind,
      start: quote.start,
      end: quote.end,
      text: quotedWords(quote),
      speakerName: quote.speaker?.name ?? null,
      speakerEntityId: quote.speaker?.entityId ?? null,
      speakerMention: quote.speaker?.mention.text ?? null,
      cue: quote.cue?.text ?? null,
    }),
  );
  const quoteParts = extraction.quotes.flatMap((quote, quoteIndex) =>
    quote.parts.map((part, partIndex): QuotePartRow => ({ quoteIndex, partIndex, start: part.start, end: part.end, text: part.text })),
  );
  const dates = extraction.dates.map((date): DateRow => ({ start: date.start, end: date.end, text: date.text, type: date.type, value: date.value, mod: date.mod ?? null }));
  return { entities, mentions, quotes, quoteParts, dates };
}
