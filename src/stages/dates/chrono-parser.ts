/**
 * chrono-node as a parser of the dates stage. chrono finds the calendar formats
 * (month names with days and years, numeric and ISO dates, weekdays, clock
 * times); lede keeps only the components chrono marks as *known* (stated in the
 * text) and resolves the rest itself, so nothing depends on the clock or the
 * process time zone. chrono's relative and casual parsers are left out: lede's
 * own parsers read those with the granularity TIMEX3 needs.
 */

// Only the English locale: the package root loads every locale (≈ 180 ms more at start-up).
import * as en from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import type { ReferenceDate } from '../../core/document.js';
import type { CalendarMeaning, DateCandidate, Relation } from './candidate.js';
import { zoneOf } from './zones.js';

/**
 * What a chrono parser lede uses needs in a text before its pattern can match:
 * a month name, a weekday name or a digit (see the gates below). By class name.
 */
type ParserNeed = 'month' | 'weekday' | 'digit';
const CHRONO_PARSERS = new Map<string, ParserNeed>([
  ['ISOFormatParser', 'digit'],
  ['SlashDateFormatParser', 'digit'],
  ['ENMonthNameLittleEndianParser', 'month'],
  ['ENMonthNameMiddleEndianParser', 'month'],
  ['ENMonthNameParser', 'month'],
  ['ENYearMonthDayParser', 'digit'],
  ['ENYearMonthNameParser', 'month'],
  ['ENSlashMonthFormatParser', 'digit'],
  ['ENWeekdayParser', 'weekday'],
  ['ENTimeExpressionParser', 'digit'],
]);

/**
 * Tests that a text may hold what a parser needs; each is looser than the
 * parsers' own patterns (which are case-insensitive, as these are): every key of
 * chrono's English month dictionary begins with one of these month prefixes,
 * every key of its weekday dictionary (and "weekend", "weekday") with one of
 * these, and the numeric and clock patterns all need an ASCII digit. A parser
 * whose gate fails cannot match, so leaving it out changes no result; it saves
 * running its pattern (chrono runs every parser's over the whole text) and, on
 * an extractor's first texts, compiling the largest patterns before they are
 * needed.
 */
export const CHRONO_GATES: Readonly<Record<ParserNeed, RegExp>> = {
  month: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  weekday: /sun|mon|tue|wed|thu|fri|sat|week/i,
  digit: /[0-9]/,
};
const NEEDS = Object.keys(CHRONO_GATES) as readonly ParserNeed[];

/** chrono refiners lede leaves out. */
const DROPPED_REFINERS = new Set([
  'ForwardDateRefiner', // lede resolves the direction from the tense
  'ENEndOfPeriodRefiner',
  'ENMergeRelativeAfterDateRefiner',
  'ENMergeRelativeFollowByDateRefiner',
  'ENMergeDateRangeRefiner', // "Friday to December" is two dates, each with its own value
  'ENUnlikelyFormatFilter', // lede's own false-alarm refiner decides about "May"
]);

/** lede's chrono: parses a text with those of its parsers whose gate the text passes. */
export interface ChronoParser {
  parse(text: string, reference: Date): ParsedResult[];
}

/**
 * Builds lede's chrono: chrono's English parsers and refiners, minus the relative
 * ones. `gated: false` runs every parser on every text (for tests: the gates must
 * change no result).
 */
export function createChronoParser({ gated = true }: { gated?: boolean } = {}): ChronoParser {
  const english = en.configuration.createCasualConfiguration(false);
  const parsers = english.parsers.filter((parser) => CHRONO_PARSERS.has(parser.constructor.name));
  const found = new Set(parsers.map((parser) => parser.constructor.name));
  const missing = [...CHRONO_PARSERS.keys()].filter((name) => !found.has(name));
  if (missing.length > 0) {
    // A chrono-node upgrade renamed its parsers: fail when the extractor is built, not silently later.
    throw new Error(`chrono-node no longer provides ${missing.join(', ')}; update CHRONO_PARSERS in src/stages/dates/chrono-parser.ts for the installed chrono-node.`);
  }
  const refiners = english.refiners.filter((refiner) => !DROPPED_REFINERS.has(refiner.constructor.name));
  // One chrono per set of gates passed (bit i: NEEDS[i]), made when first needed;
  // each keeps the parsers' order, so results come out as with all of them.
  const bySet: (en.Chrono | null)[] = new Array<en.Chrono | null>(1 << NEEDS.length).fill(null);
  const chronoFor = (set: number): en.Chrono =>
    (bySet[set] ??= new en.Chrono({
      parsers: parsers.filter((parser) => (set >> NEEDS.indexOf(CHRONO_PARSERS.get(parser.constructor.name)!)) & 1),
      refiners,
    }));
  return {
    parse(text, reference) {
      let set = 0;
      for (let i = 0; i < NEEDS.length; i++) if (!gated || CHRONO_GATES[NEEDS[i]!].test(text)) set |= 1 << i;
      return set === 0 ? [] : chronoFor(set).parse(text, reference);
    },
  };
}

/**
 * The reference handed to chrono: noon of the reference day in the process's
 * own time zone, so that chrono's local-time getters read back the same
 * calendar day in any zone (noon keeps daylight-saving shifts inside the day).
 * chrono uses it only for the components it implies, which lede ignores.
 */
export function chronoReference(reference: ReferenceDate | null): Date {
  const date = new Date(2000, 0, 1, 12, 0, 0, 0);
  if (reference) date.setFullYear(reference.year, reference.month - 1, reference.day);
  return date;
}

const LEADING_NOISE = /^(?:[\s,(（]|on\s+|in\s+|at\s+|by\s+|from\s+|since\s+|until\s+|to\s+|and\s+|through\s+)+/i;
const TRAILING_NOISE = /(?:[\s,)）]|\s+of)+$/;
const RELATION_WORD = /\b(last|past|next|this)\b/i;

function relationOf(text: string): Relation | undefined {
  const word = RELATION_WORD.exec(text)?.[1]?.toLowerCase();
  if (word === undefined) return undefined;
  return word === 'past' ? 'last' : (word as Relation);
}

type ParsedComponents = ParsedResult['start'];

function meaningOf(result: ParsedResult): CalendarMeaning | null {
  return componentsMeaning(result.start);
}

/** The components chrono marks as known; a day alone takes `monthOfDay` (the month of the range's first end). */
function componentsMeaning(start: ParsedComponents, monthOfDay?: number): CalendarMeaning | null {
  const meaning: CalendarMeaning = { kind: 'calendar' };
  const known = (component: 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute'): number | undefined =>
    start.isCertain(component) ? (start.get(component) ?? undefined) : undefined;
  const year = known('year');
  const month = known('month') ?? (known('day') !== undefined ? monthOfDay : undefined);
  const day = known('day');
  const weekday = known('weekday');
  const hour = known('hour');
  const minute = known('minute');
  if (year !== undefined) meaning.year = year;
  if (month !== undefined) meaning.month = month;
  if (day !== undefined && month !== undefined) meaning.day = day;
  if (weekday !== undefined) meaning.weekday = weekday;
  if (hour !== undefined) {
    meaning.hour = hour;
    meaning.minute = minute ?? 0;
  }
  if (meaning.month === undefined && meaning.weekday === undefined && meaning.hour === undefined && meaning.year === undefined) return null;
  return meaning;
}

/** "6:40 p.m. (GMT+8) on Friday": a clock time, then "on" and its day (group 1 ends the time). */
const TIME_ON_DAY = /^(.*?(?:\d|[ap]\.?m\.?|noon|midnight)(?:\s*\([^()]{1,20}\))?)\s*,?\s+on\s+\S/i;
/** The clock part of chrono's text: what follows it may name the zone. */
const CLOCK = /\d{1,2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?/i;

/** The word or dash joining the two ends of a range ("10 a.m. to 2 p.m.", "Sept. 14-18"). */
const RANGE_JOINT = /\s*(?:[-–—]|\b(?:to|until|till|through|thru)\b)\s*/gi;

/**
 * Splits chrono's range into its two ends: where the joint is, and the second
 * end's meaning, which takes the first's month and year when it states only a
 * day ("Sept. 14-18").
 */
function splitRange(surface: string, first: CalendarMeaning, end: CalendarMeaning | null): { firstEnd: number; secondStart: number; second: CalendarMeaning } | null {
  if (end === null) return null;
  let joint: RegExpExecArray | null = null;
  RANGE_JOINT.lastIndex = 0;
  for (let match = RANGE_JOINT.exec(surface); match !== null; match = RANGE_JOINT.exec(surface)) joint = match;
  if (joint === null || joint.index === 0 || joint.index + joint[0].length >= surface.length) return null;
  const second: CalendarMeaning = { ...end };
  if (second.day !== undefined && second.month === undefined && first.month !== undefined) second.month = first.month;
  if (second.year === undefined && first.year !== undefined && second.month !== undefined) second.year = first.year;
  return { firstEnd: joint.index, secondStart: joint.index + joint[0].length, second };
}

/** Runs chrono over one piece of text and turns its results into candidates at document offsets. */
export function parseWithChrono(chrono: ChronoParser, text: string, offset: number, reference: Date, zones: ReadonlyMap<string, string>): DateCandidate[] {
  const candidates: DateCandidate[] = [];
  for (const result of chrono.parse(text, reference)) {
    const meaning = meaningOf(result);
    if (meaning === null) continue;
    const lead = LEADING_NOISE.exec(result.text)?.[0].length ?? 0;
    const trail = TRAILING_NOISE.exec(result.text.slice(lead))?.[0].length ?? 0;
    const start = result.index + lead;
    const end = result.index + result.text.length - trail;
    if (end <= start) continue;
    if (meaning.weekday !== undefined && meaning.day === undefined) {
      const relation = relationOf(result.text);
      if (relation !== undefined) meaning.relation = relation;
    }
    const surface = text.slice(start, end);
    if (meaning.hour !== undefined && result.start.isCertain('timezoneOffset')) {
      // The zone as written ('EST' is -05:00 in any season), not chrono's offset for the reference date.
      const clock = CLOCK.exec(surface);
      const zone = zoneOf(clock === null ? surface : surface.slice(clock.index + clock[0].length), zones);
      if (zone !== undefined) meaning.zone = zone;
    }
    // 'chrono:ENCasualDateParser+…', the parsers that read it; built as a string, not an array,
    // whose elements kind would depend on whether this function runs optimized.
    let rule = 'chrono';
    let tagCount = 0;
    for (const tag of result.tags()) if (tag.startsWith('parser/')) rule += `${tagCount++ === 0 ? ':' : '+'}${tag.slice(7)}`;
    // "from 10 a.m. to 2 p.m.", "Sept. 14-18": a range is two expressions, each with its own value.
    const range = result.end == null ? null : splitRange(surface, meaning, componentsMeaning(result.end, meaning.month));
    if (range !== null) {
      candidates.push(
        { start: offset + start, end: offset + start + range.firstEnd, type: meaning.hour !== undefined ? 'time' : 'date', meaning, rule, source: 'chrono' },
        { start: offset + start + range.secondStart, end: offset + end, type: range.second.hour !== undefined ? 'time' : 'date', meaning: range.second, rule, source: 'chrono', rangeEnd: true },
      );
      continue;
    }
    // "6:40 p.m. (GMT+8) on Friday": "on" is a signal between two expressions, a time and the day it falls on
    // (attach-time-to-day gives the time its day).
    const split = meaning.hour !== undefined && (meaning.weekday !== undefined || meaning.day !== undefined) ? TIME_ON_DAY.exec(surface) : null;
    if (split !== null) {
      const { hour, minute, zone, ...day } = meaning;
      const dayStart = start + split[0].length - 1;
      candidates.push(
        { start: offset + start, end: offset + start + split[1]!.length, type: 'time', meaning: { kind: 'calendar', hour, minute: minute ?? 0, ...(zone ? { zone } : {}) }, rule, source: 'chrono' },
        { start: offset + dayStart, end: offset + end, type: 'date', meaning: day, rule, source: 'chrono' },
      );
      continue;
    }
    candidates.push({ start: offset + start, end: offset + end, type: meaning.hour !== undefined ? 'time' : 'date', meaning, rule, source: 'chrono' });
  }
  return candidates;
}
