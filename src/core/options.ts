/**
 * Validation of `extract` options and `createExtractor` configuration. Wrong
 * input throws a `LedeOptionError` (or a `TypeError` for a wrong argument type)
 * that names the option and what it accepts.
 */

import { LedeOptionError, describeValue } from './errors.js';
import type { ReferenceDate } from './document.js';
import type { ExtractOptions, ExtractorConfig, GazetteerEntry } from '../types.js';

const EXTRACT_OPTIONS = ['publishedAt'] as const;
const CONFIG_OPTIONS = ['gazetteer'] as const;
const ENTITY_TYPES = ['person', 'organization', 'place'] as const;

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function checkKnownKeys(value: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new LedeOptionError(
        key,
        `Unknown option "${key}" of ${where}: the accepted options are ${known.map((k) => `"${k}"`).join(', ')}.`,
      );
    }
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads `publishedAt` into calendar fields. An ISO string is taken as written (its
 * own date and clock time, whatever its offset); a Date is read in UTC. Either way
 * the result does not depend on the time zone of the process.
 */
export function parsePublishedAt(value: unknown, option = 'publishedAt'): ReferenceDate | null {
  if (value === undefined || value === null) return null;
  const accepted = 'an ISO 8601 date such as "2024-11-14" or "2024-11-14T09:30:00Z", or a valid Date';
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw new LedeOptionError(option, `Invalid ${option}: the Date is invalid (NaN); pass ${accepted}.`);
    return {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
      hour: value.getUTCHours(),
      minute: value.getUTCMinutes(),
    };
  }
  if (typeof value !== 'string') {
    throw new LedeOptionError(option, `Invalid ${option}: got ${describeValue(value)}; pass ${accepted}.`);
  }
  const trimmed = value.trim();
  const full = ISO_DATE.exec(trimmed);
  const monthOnly = full ? null : ISO_MONTH.exec(trimmed);
  const match = full ?? monthOnly;
  if (!match) {
    throw new LedeOptionError(option, `Invalid ${option}: ${describeValue(value)} is not a date; pass ${accepted}.`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = full ? Number(full[3]) : 1;
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  const hour = full?.[4] === undefined ? undefined : Number(full[4]);
  const minute = full?.[5] === undefined ? undefined : Number(full[5]);
  if (!valid || (hour !== undefined && hour > 23) || (minute !== undefined && minute > 59)) {
    throw new LedeOptionError(option, `Invalid ${option}: ${describeValue(value)} is not a real calendar date; pass ${accepted}.`);
  }
  const reference: ReferenceDate = { year, month, day };
  if (hour !== undefined) reference.hour = hour;
  if (minute !== undefined) reference.minute = minute;
  return reference;
}

export function validateExtractOptions(options: unknown): ExtractOptions {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) {
    throw new TypeError(`extract(text, options): "options" must be an object such as { publishedAt: '2024-11-14' }; got ${describeValue(options)}.`);
  }
  checkKnownKeys(options, EXTRACT_OPTIONS, 'extract()');
  return options as ExtractOptions;
}

function validateGazetteerEntry(entry: unknown, index: number): GazetteerEntry {
  const where = `gazetteer[${index}]`;
  if (!isPlainObject(entry)) {
    throw new LedeOptionError(where, `Invalid ${where}: expected an object { name, type, aliases? }; got ${describeValue(entry)}.`);
  }
  checkKnownKeys(entry, ['name', 'type', 'aliases'], `${where}`);
  if (typeof entry.name !== 'string' || entry.name.trim() === '') {
    throw new LedeOptionError(`${where}.name`, `Invalid ${where}.name: expected a non-empty string; got ${describeValue(entry.name)}.`);
  }
  if (!ENTITY_TYPES.includes(entry.type as (typeof ENTITY_TYPES)[number])) {
    throw new LedeOptionError(
      `${where}.type`,
      `Invalid ${where}.type: expected one of ${ENTITY_TYPES.map((t) => `"${t}"`).join(', ')}; got ${describeValue(entry.type)}.`,
    );
  }
  if (entry.aliases !== undefined) {
    if (!Array.isArray(entry.aliases) || entry.aliases.some((a) => typeof a !== 'string' || a.trim() === '')) {
      throw new LedeOptionError(`${where}.aliases`, `Invalid ${where}.aliases: expected an array of non-empty strings; got ${describeValue(entry.aliases)}.`);
    }
  }
  const result: GazetteerEntry = { name: entry.name, type: entry.type as GazetteerEntry['type'] };
  if (entry.aliases !== undefined) result.aliases = [...(entry.aliases as string[])];
  return result;
}

export function validateConfig(config: unknown): ExtractorConfig {
  if (config === undefined || config === null) return {};
  if (!isPlainObject(config)) {
    throw new TypeError(`createExtractor(config): "config" must be an object such as { gazetteer: [...] }; got ${describeValue(config)}.`);
  }
  checkKnownKeys(config, CONFIG_OPTIONS, 'createExtractor()');
  const result: ExtractorConfig = {};
  if (config.gazetteer !== undefined) {
    if (!Array.isArray(config.gazetteer)) {
      throw new LedeOptionError('gazetteer', `Invalid gazetteer: expected an array of { name, type, aliases? }; got ${describeValue(config.gazetteer)}.`);
    }
    result.gazetteer = config.gazetteer.map(validateGazetteerEntry);
  }
  return Object.freeze(result);
}
