/**
 * A record as the PostgreSQL archive sends it, made where the record was annotated
 * (a worker thread of `lede annotate`): the extraction as JSON text, the rows of
 * each child table as JSON text, and whether PostgreSQL can store the record at
 * all. The main thread then only joins texts and talks to the server, instead of
 * receiving each extraction as a tree of objects, walking it and serialising it
 * twice. No node-postgres here: the worker bundle imports this file. Browser-safe.
 */

import { archiveRows } from './archive-rows.js';
import { normalizePublishedAt } from './search-document.js';
import type { ArticleId } from './types.js';
import type { AnnotatedRecord, LineError } from './worker-protocol.js';

/** The tables of an article's rows, which are replaced with it. */
export const CHILD_TABLES = ['entities', 'mentions', 'quotes', 'quote_parts', 'dates'] as const;

export type ChildTable = (typeof CHILD_TABLES)[number];

export interface PostgresRecord {
  /** 1-based number of its input line. */
  lineNumber: number;
  id: ArticleId;
  text: string;
  /** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm', or null. */
  publishedAt: string | null;
  /** Why PostgreSQL cannot store the record as it is (then the fields below are empty), or null. */
  refusal: string | null;
  /** JSON.stringify of the extraction. */
  extraction: string;
  /**
   * Per child table, a JSON array of its rows, each an object whose first member is
   * `"k":0`, where the article's key goes once the server has given it (see
   * childTableJson). Short member names keep the text small; the archive's
   * INSERT statements name the columns.
   */
  rows: Record<ChildTable, string>;
}

/** Where a row's article key goes: JSON escapes every quotation mark inside a string, so this text only ever opens a row. */
const KEY_SLOT = '{"k":0,';

const SUSPECT = /[\u0000\ud800-\udfff]/g;

/** Offset of the first character PostgreSQL cannot store (NUL, a lone surrogate), or -1. */
export function firstUnstorable(text: string): number {
  SUSPECT.lastIndex = 0;
  for (let match = SUSPECT.exec(text); match !== null; match = SUSPECT.exec(text)) {
    const at = match.index;
    const unit = text.charCodeAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      SUSPECT.lastIndex = at + 2; // a well-formed pair
      continue;
    }
    return at;
  }
  return -1;
}

function describeUnit(text: string, at: number): string {
  const unit = text.charCodeAt(at);
  if (unit === 0) return 'the character U+0000 (NUL), which PostgreSQL cannot store in text or jsonb';
  const hex = unit.toString(16).toUpperCase().padStart(4, '0');
  return (
    `a lone UTF-16 surrogate (\\u${hex}), which is not a Unicode character: UTF-8 cannot encode it and ` +
    'PostgreSQL would hold U+FFFD instead, so the record is refused rather than stored changed'
  );
}

/** The first string of a JSON-like value (depth first) that holds a character PostgreSQL cannot store, with its offset. */
function firstUnstorableString(value: unknown): { text: string; at: number } | null {
  if (typeof value === 'string') {
    const at = firstUnstorable(value);
    return at < 0 ? null : { text: value, at };
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = firstUnstorableString(item);
    if (found) return found;
  }
  return null;
}

/**
 * What JSON.stringify writes for NUL and for a lone surrogate (well-formed JSON.stringify
 * escapes those, lower case). Its absence from the extraction's JSON clears every string
 * in it at once; a match may be a literal backslash before "u0000" in the text, so it
 * only sends the check through the strings one by one.
 */
const ESCAPED_UNSTORABLE = /\\u(?:0000|d[89a-f])/;

/**
 * Why a record cannot be stored as it is, or null. `extractionJson`, the extraction as
 * JSON.stringify wrote it, saves walking the extraction when it shows nothing to refuse.
 */
export function unstorableReason(record: AnnotatedRecord, extractionJson?: string): string | null {
  const where = `line ${record.lineNumber}`;
  const id = String(record.id);
  let at = firstUnstorable(id);
  if (at >= 0) return `${where}: the id holds ${describeUnit(id, at)}; fix the id and run again.`;
  at = firstUnstorable(record.text);
  if (at >= 0) return `${where}: the text holds, at offset ${at}, ${describeUnit(record.text, at)}; fix the text and run again.`;
  if (extractionJson !== undefined && !ESCAPED_UNSTORABLE.test(extractionJson)) return null;
  const inExtraction = firstUnstorableString(record.extraction);
  if (inExtraction) {
    const { text, at: offset } = inExtraction;
    return `${where}: the extraction holds ${describeUnit(text, offset)} (after ${JSON.stringify(text.slice(Math.max(0, offset - 20), offset))}); please report it.`;
  }
  return null;
}

/** The record refused with `message`, as a line error. */
export function refusal(record: { lineNumber: number; id: ArticleId }, message: string): LineError {
  return { lineNumber: record.lineNumber, id: record.id, error: { code: 'unstorable_text', message } };
}

const NO_ROWS: Record<ChildTable, string> = { entities: '[]', mentions: '[]', quotes: '[]', quote_parts: '[]', dates: '[]' };

/** The record as the archive sends it. */
export function toPostgresRecord(record: AnnotatedRecord): PostgresRecord {
  const { lineNumber, id, text } = record;
  const publishedAt = normalizePublishedAt(record.publishedAt);
  const extraction = JSON.stringify(record.extraction);
  const reason = unstorableReason(record, extraction);
  if (reason !== null) return { lineNumber, id, text, publishedAt, refusal: reason, extraction: '', rows: NO_ROWS };
  const rows = archiveRows(record.extraction);
  const k = 0;
  return {
    lineNumber,
    id,
    text,
    publishedAt,
    refusal: null,
    extraction,
    rows: {
      entities: JSON.stringify(
        rows.entities.map((e) => ({ k, i: e.entityId, y: e.type, n: e.name, a: e.aliases, t: e.titles, s: e.salience, c: e.confidence, m: e.mentionCount })),
      ),
      mentions: JSON.stringify(rows.mentions.map((m) => ({ k, i: m.entityId, s: m.start, e: m.end, x: m.text }))),
      quotes: JSON.stringify(
        rows.quotes.map((q) => ({ k, q: q.quoteIndex, y: q.kind, s: q.start, e: q.end, x: q.text, n: q.speakerName, i: q.speakerEntityId, m: q.speakerMention, c: q.cue })),
      ),
      quote_parts: JSON.stringify(rows.quoteParts.map((p) => ({ k, q: p.quoteIndex, p: p.partIndex, s: p.start, e: p.end, x: p.text }))),
      dates: JSON.stringify(rows.dates.map((d) => ({ k, s: d.start, e: d.end, x: d.text, y: d.type, v: d.value, m: d.mod }))),
    },
  };
}

/**
 * One JSON array of the rows of `table` for the records that `keyOf` gives an
 * article key, each row with its key in place; null when there are none.
 */
export function childTableJson(records: readonly PostgresRecord[], table: ChildTable, keyOf: (record: PostgresRecord) => string | undefined): string | null {
  const parts: string[] = [];
  for (const record of records) {
    const key = keyOf(record);
    const json = record.rows[table];
    if (key === undefined || json.length <= 2) continue;
    if (!/^\d+$/.test(key)) throw new TypeError(`an article key is a whole number, not ${JSON.stringify(key)}`);
    parts.push(json.slice(1, -1).replaceAll(KEY_SLOT, `{"k":${key},`));
  }
  return parts.length === 0 ? null : `[${parts.join(',')}]`;
}
