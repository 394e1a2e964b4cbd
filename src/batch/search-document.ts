/**
 * A flat document for a search index (Elasticsearch, OpenSearch, a database):
 * the article's id, date and text beside keyword arrays of what lede found. The
 * mapping for it ships as schema/search-index-template.json. Browser-safe.
 */

import { parsePublishedAt } from '../core/options.js';
import type { ReferenceDate } from '../core/document.js';
import { SCHEMA_VERSION, type Entity, type Extraction, type Quote, type QuoteKind } from '../types.js';
import type { Article, ArticleId } from './types.js';

export interface SearchDocumentQuote {
  /** The quoted words: the quote's parts joined with a space (without the attribution that interrupts them). */
  text: string;
  kind: QuoteKind;
  /** The speaker's canonical name, or null when lede found none. */
  speaker: string | null;
}

export interface SearchDocument {
  /** The article's id, or null when it has none. */
  id: ArticleId | null;
  /** Publication date, normalised to `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`; null when absent or invalid. */
  publishedAt: string | null;
  text: string;
  /** Canonical names, most salient first. */
  people: string[];
  organizations: string[];
  places: string[];
  /** Every other surface form of the entities of each type. */
  personAliases: string[];
  organizationAliases: string[];
  placeAliases: string[];
  /** Roles stated for people ('Foreign Minister'). */
  titles: string[];
  /** Quotes in text order, with their speakers' canonical names. */
  quotes: SearchDocumentQuote[];
  /** Distinct speaker names, in order of first quote. */
  speakers: string[];
  /** Distinct TIMEX3 values of the article's dates, in text order ('2024-11-12', 'P3M', …). */
  dates: string[];
  /** Distinct TIMEX3 mods with their values, 'MOD VALUE', of the dates the text qualifies, in text order ('MID 2011', 'MORE_THAN P3Y'). */
  dateMods: string[];
  schemaVersion: typeof SCHEMA_VERSION;
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Entities most salient first (stable: ties keep the extraction's order). */
function bySalience(entities: readonly Entity[]): Entity[] {
  return entities
    .map((entity, position) => ({ entity, position }))
    .sort((a, b) => b.entity.salience - a.entity.salience || a.position - b.position)
    .map(({ entity }) => entity);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatReference(reference: ReferenceDate): string {
  const date = `${pad(reference.year, 4)}-${pad(reference.month)}-${pad(reference.day)}`;
  if (reference.hour === undefined) return date;
  return `${date}T${pad(reference.hour)}:${pad(reference.minute ?? 0)}`;
}

/** The publication date as an index can sort it, or null when it is absent or not a date. */
export function normalizePublishedAt(value: unknown): string | null {
  try {
    const reference = parsePublishedAt(value);
    return reference ? formatReference(reference) : null;
  } catch {
    return null;
  }
}

/** A quote's own words: its parts joined with a space, so that the attribution that interrupts them ('she said') is left out. */
export function quotedWords(quote: Quote): string {
  return quote.parts.length <= 1 ? quote.text : quote.parts.map((part) => part.text).join(' ');
}

/** Flattens an extraction and its article into one search document. */
export function toSearchDocument(extraction: Extraction, article: Article): SearchDocument {
  const people = bySalience(extraction.people);
  const organizations = bySalience(extraction.organizations);
  const places = bySalience(extraction.places);
  const quotes = extraction.quotes.map((quote) => ({ text: quotedWords(quote), kind: quote.kind, speaker: quote.speaker?.name ?? null }));
  return {
    id: article.id ?? null,
    publishedAt: normalizePublishedAt(article.publishedAt),
    text: article.text,
    people: distinct(people.map((e) => e.name)),
    organizations: distinct(organizations.map((e) => e.name)),
    places: distinct(places.map((e) => e.name)),
    personAliases: distinct(people.flatMap((e) => e.aliases)),
    organizationAliases: distinct(organizations.flatMap((e) => e.aliases)),
    placeAliases: distinct(places.flatMap((e) => e.aliases)),
    titles: distinct(people.flatMap((e) => e.titles)),
    quotes,
    speakers: distinct(quotes.flatMap((q) => (q.speaker === null ? [] : [q.speaker]))),
    dates: distinct(extraction.dates.flatMap((d) => (d.value === null ? [] : [d.value]))),
    dateMods: distinct(extraction.dates.flatMap((d) => (d.value === null || d.mod === undefined ? [] : [`${d.mod} ${d.value}`]))),
    schemaVersion: SCHEMA_VERSION,
  };
}
