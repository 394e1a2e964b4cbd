/**
 * The rows an extraction becomes in an archive's tables (entities, mentions,
 * quotes, dates), built in one place for every archive (SQLite, PostgreSQL) so
 * that their tables cannot drift apart. Each archive adds its own keys and
 * encodings. Browser-safe.
 */

import type { Extraction } from '../types.js';

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
  text: string;
  /** The speaker's canonical name; null when no speaker was found. */
  speakerName: string | null;
  speakerEntityId: string | null;
  /** The words naming the speaker ('he', 'Lavrov'). */
  speakerMention: string | null;
  cue: string | null;
}

export interface DateRow {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string | null;
}

export interface ArchiveRows {
  entities: EntityRow[];
  mentions: MentionRow[];
  quotes: QuoteRow[];
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
      text: quote.text,
      speakerName: quote.speaker?.name ?? null,
      speakerEntityId: quote.speaker?.entityId ?? null,
      speakerMention: quote.speaker?.mention.text ?? null,
      cue: quote.cue?.text ?? null,
    }),
  );
  const dates = extraction.dates.map((date): DateRow => ({ start: date.start, end: date.end, text: date.text, type: date.type, value: date.value }));
  return { entities, mentions, quotes, dates };
}
