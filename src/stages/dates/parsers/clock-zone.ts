/**
 * A four-digit clock time with its zone, as agency copy writes it: "0735 GMT",
 * "1800 UTC", "at 1430 GMT+3" (chrono reads "18:00 UTC" and "6 p.m. EST", not
 * these). The time of day, in that zone (T07:35Z); the day comes from the day
 * beside it (attach-time-to-day) or the reference. Without a zone four digits are
 * a count or a year, and are not read here.
 */

import type { DateParser, ParsedDate } from '../parser.js';
import type { CompiledDatesLexicon } from '../lexicon.js';
import { zoneOf } from '../zones.js';

export function createClockZoneParser(lexicon: CompiledDatesLexicon): DateParser {
  const abbreviations = [...lexicon.timeZones.keys()].filter((zone) => zone.length > 1).sort((a, b) => b.length - a.length).join('|');
  const pattern = new RegExp(`(?<![\\w.,:$£€#/+-])([01]\\d|2[0-3])([0-5]\\d)\\s?((?:UTC|GMT)\\s?[+-]\\s?\\d{1,2}(?::?\\d{2})?|${abbreviations})(?![\\w+-])`, 'g');
  return {
    id: 'clock-zone',
    trigger: /\d{4}\s?[A-Z]/,
    pattern,
    extract(match): ParsedDate | null {
      const zone = zoneOf(match[3]!, lexicon.timeZones);
      if (zone === undefined) return null;
      return {
        start: match.index, end: match.index + match[0].length, type: 'time',
        meaning: { kind: 'calendar', hour: Number(match[1]), minute: Number(match[2]), zone },
      };
    },
  };
}
