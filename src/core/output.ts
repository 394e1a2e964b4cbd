/**
 * The last step: turns the document's records into the public `Extraction`
 * (DESIGN §2). Entities are listed most salient first and numbered in that
 * order per type ('person-1' is the most salient person).
 */

import { spanOf, type LedeDocument } from './document.js';
import { SCHEMA_VERSION, type DateMention, type Entity, type EntityType, type Extraction, type Quote } from '../types.js';

const ID_PREFIX: Record<EntityType, string> = { person: 'person', organization: 'organization', place: 'place' };

export function buildExtraction(doc: LedeDocument): Extraction {
  const { text } = doc;
  const byType: Record<EntityType, { record: number; firstStart: number }[]> = { person: [], organization: [], place: [] };
  doc.entities.forEach((entity, index) => {
    if (entity.mentions.length === 0) return;
    byType[entity.type].push({ record: index, firstStart: doc.mentions[entity.mentions[0]!]!.start });
  });

  const ids = new Map<number, string>();
  const lists: Record<EntityType, Entity[]> = { person: [], organization: [], place: [] };
  for (const type of ['person', 'organization', 'place'] as const) {
    const ordered = byType[type].sort((a, b) => {
      const sa = doc.entities[a.record]!.salience;
      const sb = doc.entities[b.record]!.salience;
      return sb - sa || a.firstStart - b.firstStart;
    });
    ordered.forEach(({ record }, position) => {
      const entity = doc.entities[record]!;
      const id = `${ID_PREFIX[type]}-${position + 1}`;
      ids.set(record, id);
      lists[type].push({
        id,
        type,
        name: entity.name,
        aliases: [...entity.aliases],
        mentions: entity.mentions.map((m) => spanOf(text, doc.mentions[m]!)),
        titles: [...entity.titles],
        salience: round(entity.salience),
        confidence: round(entity.confidence),
      });
    });
  }

  // Written out rather than spread ({ ...spanOf(…), … }): V8 made new hidden classes
  // for each spread object, and they piled up in the old generation as garbage
  // (about 15 MB of peak RSS over the bench's run). The keys keep their order.
  const dates: DateMention[] = doc.dates.map((d) => {
    const date: DateMention = { start: d.start, end: d.end, text: text.slice(d.start, d.end), type: d.type, value: d.value };
    if (d.mod) date.mod = d.mod;
    return date;
  });
  const quotes: Quote[] = doc.quotes.map((q) => ({
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    kind: q.kind,
    parts: q.parts.map((part) => spanOf(text, part)),
    speaker: q.speaker
      ? {
          name: q.speaker.name,
          entityId: q.speaker.entity >= 0 ? (ids.get(q.speaker.entity) ?? null) : null,
          mention: spanOf(text, q.speaker.mention),
        }
      : null,
    cue: q.cue ? spanOf(text, q.cue) : null,
  }));

  return {
    schemaVersion: SCHEMA_VERSION,
    people: lists.person,
    organizations: lists.organization,
    places: lists.place,
    dates,
    quotes,
  };
}

function round(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
