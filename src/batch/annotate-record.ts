/**
 * One record through one extractor: checks the record's fields and turns every
 * failure into a `RecordError`, so a bad record never stops a batch. Used by the
 * worker threads; pure apart from the extractor it is given.
 */

import { describeValue, LedeOptionError } from '../core/errors.js';
import type { Extraction } from '../types.js';
import type { Extractor } from '../core/extractor.js';
import type { ArticleId, RecordError } from './types.js';

export type RecordOutcome = { extraction: Extraction; error?: undefined } | { extraction?: undefined; error: RecordError };

/** Field names of a JSON record (the CLI's --text-field, --date-field, --id-field). */
export interface FieldNames {
  text: string;
  date: string;
  id: string;
}

export const DEFAULT_FIELDS: Readonly<FieldNames> = Object.freeze({ text: 'text', date: 'publishedAt', id: 'id' });

/** A record's id: its id field when that is a string or a finite number, else `fallback`. */
export function idOf(record: unknown, field: string, fallback: ArticleId): ArticleId {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return fallback;
  const value = (record as Record<string, unknown>)[field];
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  return fallback;
}

/** What is wrong with a record's shape (not an object, text missing or not a string), or null. */
export function checkRecord(record: unknown, textField: string, where: string): RecordError | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return {
      code: 'not_an_object',
      message: `${where} is ${describeValue(record)}, not an object: expected an object such as {"id": "a1", "${textField}": "article text"}.`,
    };
  }
  const text = (record as Record<string, unknown>)[textField];
  if (text === undefined) {
    return {
      code: 'missing_text',
      message: `${where} has no "${textField}" field: each record needs the article's text as a string (the CLI's --text-field names the field).`,
    };
  }
  if (typeof text !== 'string') {
    return {
      code: 'invalid_text',
      message: `${where}: "${textField}" must be a string (the article's plain text); got ${describeValue(text)}.`,
    };
  }
  return null;
}

/** Extracts from one checked record; wrong options (a bad date) and failures become record errors. */
export function extractRecord(extractor: Extractor, text: string, publishedAt: unknown, where: string): RecordOutcome {
  try {
    const options = publishedAt === undefined || publishedAt === null ? undefined : { publishedAt: publishedAt as string | Date };
    return { extraction: extractor.extract(text, options) };
  } catch (error) {
    if (error instanceof LedeOptionError || error instanceof TypeError) {
      return { error: { code: 'invalid_option', message: `${where}: ${error.message}` } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { error: { code: 'extraction_failed', message: `${where}: lede failed on this record (please report it): ${message}` } };
  }
}

/** Parses one JSONL line (without its line break) into a record, or says why it cannot. */
export function parseJsonLine(line: string, where: string): { record: unknown; error?: undefined } | { record?: undefined; error: RecordError } {
  if (line.trim() === '') {
    return { error: { code: 'empty_line', message: `${where} is empty: expected one JSON object per line.` } };
  }
  try {
    return { record: JSON.parse(line) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: { code: 'invalid_json', message: `${where} is not valid JSON (${reason}): expected one JSON object per line.` } };
  }
}
