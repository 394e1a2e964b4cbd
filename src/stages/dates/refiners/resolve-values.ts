/**
 * Resolves every candidate's meaning to a TIMEX3 value against the reference
 * date (publishedAt, or the dateline). Incomplete dates take the direction of
 * their verb's tense: past ("rose on Monday", "wrote on November 12"), future
 * ("will be held in September"), or the nearest occurrence. Anaphoric ones take
 * the time the article last talked about. Without a reference, only what the
 * text fixes gets a value ('XXXX-09' for "September").
 */

import type { ReferenceDate, Token } from '../../../core/document.js';
import type { DateMod } from '../../../types.js';
import type { CalendarMeaning, DateCandidate, DateMeaning, Direction, ShiftMeaning, ShiftUnit } from '../candidate.js';
import {
  addMonths, dayNumber, isValidDay, quarterOf, seasonIndex, seasonOf, weekdayOf, type Season,
} from '../calendar.js';
import { ANCHOR_WINDOW, type DiscourseState } from '../discourse.js';
import { HOLIDAYS } from '../holidays.js';
import { coarsenPoint, firstDayOf, formatPoint, shiftPoint, type Point } from '../point.js';
import type { CompiledDatesLexicon } from '../lexicon.js';
import type { DateRefiner, RefiningContext } from '../refiner.js';
import { directionOf } from '../tense.js';

interface Resolution {
  value: string | null;
  point: Point | null;
}

interface ResolveEnvironment {
  reference: ReferenceDate | null;
  /** The tense direction of the candidate being resolved (computed on demand). */
  direction: () => Direction;
  discourse: DiscourseState;
  sentence: number;
}

const UNRESOLVED: Resolution = { value: null, point: null };

/** A bound on a span ahead of now is a bound on the point it reaches ("in more than five years": after). */
const AHEAD_MODS: Partial<Record<DateMod, DateMod>> = { MORE_THAN: 'AFTER', LESS_THAN: 'BEFORE', EQUAL_OR_MORE: 'ON_OR_AFTER', EQUAL_OR_LESS: 'ON_OR_BEFORE' };

/** A plain calendar year value ('1988') or a numbered fiscal year ('FY1988'). */
const YEAR_VALUE = /^(?:FY)?(\d{4})$/;

/** In 'nearest' mode a later occurrence must be this many times nearer than an earlier one. */
const FUTURE_BIAS = 0.8;
/** A day-and-month this close to the reference is its nearest occurrence, whatever the tense. */
const NEAR_DAYS = 45;
/** A month this close (in months) to the reference month is its nearest occurrence, whatever the tense. */
const NEAR_MONTHS = 1;
/** How many sentences back a quarter still anchors "a year earlier". */
const QUARTER_WINDOW = 8;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function referenceDays(reference: ReferenceDate): number {
  return dayNumber(reference.year, reference.month, reference.day);
}

/** Picks, among occurrences on a running scale, the one the direction asks for. */
function pickOccurrence(options: readonly number[], now: number, direction: Direction): number {
  if (direction === 'past') {
    const past = options.filter((o) => o <= now);
    return past.length > 0 ? Math.max(...past) : Math.min(...options);
  }
  if (direction === 'future') {
    const future = options.filter((o) => o >= now);
    return future.length > 0 ? Math.min(...future) : Math.max(...options);
  }
  // News looks back more often than ahead: a later occurrence wins only when clearly nearer.
  let best = options[0]!;
  const cost = (option: number): number => (option > now ? (option - now) / FUTURE_BIAS : now - option);
  for (const option of options) if (cost(option) < cost(best)) best = option;
  return best;
}

function timeOf(meaning: CalendarMeaning): Pick<Extract<Point, { granularity: 'day' }>, 'hour' | 'minute' | 'zone' | 'partOfDay'> {
  if (meaning.hour !== undefined) return { hour: meaning.hour, minute: meaning.minute ?? 0, ...(meaning.zone ? { zone: meaning.zone } : {}) };
  if (meaning.partOfDay !== undefined) return { partOfDay: meaning.partOfDay };
  return {};
}

function timeSuffix(meaning: CalendarMeaning): string {
  if (meaning.hour !== undefined) return `T${pad2(meaning.hour)}:${pad2(meaning.minute ?? 0)}${meaning.zone ?? ''}`;
  if (meaning.partOfDay !== undefined) return `T${meaning.partOfDay}`;
  return '';
}

function resolved(point: Point | null): Resolution {
  return point === null ? UNRESOLVED : { value: formatPoint(point), point };
}

function weekdayDay(weekday: number, now: number, direction: Direction, meaning: CalendarMeaning): number {
  const today = weekdayOf(now);
  const back = (today - weekday + 7) % 7; // 0..6 days back
  const forward = (weekday - today + 7) % 7; // 0..6 days forward
  switch (meaning.relation) {
    case 'last':
      return now - (back === 0 ? 7 : back);
    case 'next':
      return now + (forward === 0 ? 7 : forward);
    case 'this':
      return now + forward;
    default:
      break;
  }
  if (direction === 'past') return now - back;
  if (direction === 'future') return now + forward;
  return forward !== 0 && forward < back * FUTURE_BIAS ? now + forward : now - back;
}

function resolveCalendar(meaning: CalendarMeaning, outer: ResolveEnvironment): Resolution {
  if (meaning.dayOffset !== undefined) {
    // "the day before last Tuesday": the day found, moved by whole days (only a resolved day can be).
    const { dayOffset, ...day } = meaning;
    const { point } = resolveCalendar(day, outer);
    return point !== null && point.granularity === 'day' ? resolved({ granularity: 'day', days: point.days + dayOffset }) : UNRESOLVED;
  }
  const fixed = meaning.direction;
  const env: ResolveEnvironment = fixed === undefined ? outer : { ...outer, direction: () => fixed };
  const { reference } = env;
  const year = meaning.year ?? (meaning.relativeYear !== undefined && reference ? reference.year + meaning.relativeYear : undefined);
  const now = reference ? referenceDays(reference) : null;

  if (meaning.month !== undefined) {
    if (meaning.day !== undefined) {
      if (year !== undefined) {
        if (!isValidDay(year, meaning.month, meaning.day)) return UNRESOLVED;
        const days = dayNumber(year, meaning.month, meaning.day);
        if (meaning.weekOf !== undefined) return resolved({ granularity: 'week', days, weekend: meaning.weekOf === 'weekend' });
        return resolved({ granularity: 'day', days, ...timeOf(meaning) });
      }
      if (now === null || reference === null) return { value: `XXXX-${pad2(meaning.month)}-${pad2(meaning.day)}${timeSuffix(meaning)}`, point: null };
      const options = [reference.year - 1, reference.year, reference.year + 1]
        .filter((y) => isValidDay(y, meaning.month!, meaning.day!))
        .map((y) => dayNumber(y, meaning.month!, meaning.day!));
      if (options.length === 0) return UNRESOLVED;
      const matchingWeekday = meaning.weekday === undefined ? [] : options.filter((o) => weekdayOf(o) === meaning.weekday);
      const nearest = pickOccurrence(options, now, 'nearest');
      // "last Oct. 23", "next March 5", "this June 1".
      const related = meaning.relation === 'last' ? options.filter((o) => o < now).pop()
        : meaning.relation === 'next' ? options.find((o) => o > now)
        : meaning.relation === 'this' && isValidDay(reference.year, meaning.month, meaning.day) ? dayNumber(reference.year, meaning.month, meaning.day)
        : undefined;
      // Within six weeks of the reference the nearest occurrence wins whatever the tense ("the Jan. 14 deadline").
      const days = related !== undefined ? related
        : matchingWeekday.length === 1 ? matchingWeekday[0]!
        : Math.abs(nearest - now) <= NEAR_DAYS ? nearest
        : pickOccurrence(options, now, env.direction());
      if (meaning.weekOf !== undefined) return resolved({ granularity: 'week', days, weekend: meaning.weekOf === 'weekend' });
      return resolved({ granularity: 'day', days, ...timeOf(meaning) });
    }
    if (year !== undefined) return resolved({ granularity: 'month', year, month: meaning.month });
    if (reference === null) return { value: `XXXX-${pad2(meaning.month)}`, point: null };
    const nowIndex = reference.year * 12 + reference.month - 1;
    const options = [-1, 0, 1].map((d) => (reference.year + d) * 12 + meaning.month! - 1);
    const nearest = pickOccurrence(options, nowIndex, 'nearest');
    let index: number;
    // "last February" written in March is not the month just ended, which would be "last month": it is a year before.
    if (meaning.relation === 'last') index = Math.max(...options.filter((o) => o < nowIndex - 1));
    else if (meaning.relation === 'next') index = Math.min(...options.filter((o) => o > nowIndex));
    else if (meaning.relation === 'this') index = reference.year * 12 + meaning.month - 1;
    // This month and the next and last one are meant whatever the tense ("in early March", written in February).
    else if (Math.abs(nearest - nowIndex) <= NEAR_MONTHS) index = nearest;
    else index = pickOccurrence(options, nowIndex, env.direction());
    return resolved({ granularity: 'month', year: Math.floor(index / 12), month: (index % 12) + 1 });
  }

  if (meaning.holiday !== undefined) {
    const dateOf = HOLIDAYS[meaning.holiday];
    if (dateOf === undefined) return UNRESOLVED;
    let days: number;
    if (year !== undefined) days = dateOf(year);
    else if (reference === null || now === null) return UNRESOLVED;
    else {
      const options = [-1, 0, 1].map((d) => dateOf(reference.year + d));
      if (meaning.relation === 'last') days = Math.max(...options.filter((o) => o < now));
      else if (meaning.relation === 'next') days = Math.min(...options.filter((o) => o > now));
      else if (meaning.relation === 'this') days = dateOf(reference.year);
      else {
        const nearest = pickOccurrence(options, now, 'nearest');
        days = Math.abs(nearest - now) <= NEAR_DAYS ? nearest : pickOccurrence(options, now, env.direction());
      }
    }
    if (meaning.weekOf !== undefined) return resolved({ granularity: 'week', days, weekend: meaning.weekOf === 'weekend' });
    return resolved({ granularity: 'day', days, ...timeOf(meaning) });
  }

  if (meaning.weekday !== undefined) {
    if (now === null) return { value: `XXXX-WXX-${meaning.weekday === 0 ? 7 : meaning.weekday}${timeSuffix(meaning)}`, point: null };
    const days = weekdayDay(meaning.weekday, now, meaning.relation ? 'nearest' : env.direction(), meaning);
    return resolved({ granularity: 'day', days, ...timeOf(meaning) });
  }

  if (meaning.quarter !== undefined || meaning.half !== undefined) {
    // "Net rose in the fiscal first quarter. … Sales for the quarter ended Sept. 29": the fiscal first quarter.
    // With a year of its own ("the quarter ended Sept. 30, 1988") it may be another one: the date decides.
    const fiscal = outer.discourse.lastFiscalQuarter;
    if (meaning.byEndDate && meaning.year === undefined && fiscal !== null && outer.sentence - fiscal.sentence <= QUARTER_WINDOW) return resolved(fiscal.point);
    const isQuarter = meaning.quarter !== undefined;
    const index = (isQuarter ? meaning.quarter : meaning.half)!;
    const perYear = isQuarter ? 4 : 2;
    const make = (y: number, i: number): Point =>
      isQuarter ? { granularity: 'quarter', year: y, quarter: i } : { granularity: 'half', year: y, half: i };
    if (year !== undefined) return resolved(make(year, index));
    if (reference === null) return { value: `XXXX-${isQuarter ? 'Q' : 'H'}${index}`, point: null };
    const current = isQuarter ? quarterOf(reference.month) : reference.month <= 6 ? 1 : 2;
    const nowIndex = reference.year * perYear + current - 1;
    const options = [-1, 0, 1].map((d) => (reference.year + d) * perYear + index - 1);
    // The current or the just-finished quarter is the one reported on, whatever the tense ("expects to report third-quarter earnings").
    const recent = options.find((o) => o === nowIndex || o === nowIndex - 1);
    const picked = recent ?? pickOccurrence(options, nowIndex, env.direction());
    return resolved(make(Math.floor(picked / perYear), (picked % perYear) + 1));
  }

  if (meaning.season !== undefined) {
    if (year !== undefined) return resolved({ granularity: 'season', year, season: meaning.season });
    if (reference === null) return { value: `XXXX-${meaning.season}`, point: null };
    const current = seasonOf(reference);
    const nowIndex = seasonIndex(current.year, current.season);
    const options = [-1, 0, 1].map((d) => seasonIndex(current.year + d, meaning.season!));
    let picked: number;
    if (meaning.relation === 'last') picked = Math.max(...options.filter((o) => o < nowIndex));
    else if (meaning.relation === 'next') picked = Math.min(...options.filter((o) => o > nowIndex));
    else if (meaning.relation === 'this') picked = seasonIndex(reference.year, meaning.season);
    else picked = pickOccurrence(options, nowIndex, env.direction());
    return resolved(seasonFromIndex(picked));
  }

  if (meaning.weekend) {
    if (now === null) return { value: 'XXXX-WXX-WE', point: null };
    const saturday = weekdayDay(6, now, meaning.relation ? 'nearest' : env.direction(), meaning);
    // On a Sunday, "this weekend" is the one that is ending.
    const adjusted = weekdayOf(now) === 0 && meaning.relation !== 'next' && meaning.relation !== 'last' && saturday > now ? saturday - 7 : saturday;
    return resolved({ granularity: 'week', days: adjusted, weekend: true });
  }

  if (meaning.hour !== undefined) {
    if (now === null) return UNRESOLVED;
    return resolved({ granularity: 'day', days: now, ...timeOf(meaning) });
  }

  if (year !== undefined) return resolved({ granularity: 'year', year });
  return UNRESOLVED;
}

/**
 * An unnamed day, week or month inside a coarser time talked about, in TIMEX3's
 * underspecified spelling: a day of October 1998 is '1998-10-XX', a day of 1998
 * '1998-XX-XX', a week of 1989 '1989-WXX', a month of 1989 '1989-XX'.
 */
function unknownWithin(point: Point, unit: ShiftUnit): string | null {
  if (point.granularity === 'month') {
    const month = formatPoint(point);
    return unit === 'day' ? `${month}-XX` : unit === 'week' ? `${month.slice(0, 4)}-WXX` : null;
  }
  if (point.granularity === 'decade' || point.granularity === 'day' || point.granularity === 'week') return null;
  const year = String(point.year).padStart(4, '0');
  return unit === 'day' ? `${year}-XX-XX` : unit === 'week' ? `${year}-WXX` : unit === 'month' ? `${year}-XX` : null;
}

function seasonFromIndex(index: number): Point {
  // Inverse of seasonIndex: year * 4 + (SP 0, SU 1, FA 2, WI 3).
  const year = Math.floor(index / 4);
  const order: Season[] = ['SP', 'SU', 'FA', 'WI'];
  return { granularity: 'season', year, season: order[index - year * 4]! };
}

function resolveShift(meaning: ShiftMeaning, reference: ReferenceDate | null): Resolution {
  if (reference === null) return UNRESOLVED;
  const now = referenceDays(reference);
  const { unit, amount, granularity } = meaning;
  if (unit === 'day' || (unit === 'week' && granularity === 'day')) {
    const days = now + amount * (unit === 'week' ? 7 : 1);
    if (meaning.hour !== undefined) return resolved({ granularity: 'day', days, hour: meaning.hour, minute: meaning.minute ?? 0, ...(meaning.zone ? { zone: meaning.zone } : {}) });
    return resolved({ granularity: 'day', days, ...(meaning.partOfDay ? { partOfDay: meaning.partOfDay } : {}) });
  }
  if (unit === 'week') return resolved({ granularity: 'week', days: now + amount * 7 });
  if (unit === 'decade') return resolved({ granularity: 'decade', decade: Math.floor((reference.year + amount * 10) / 10) });
  const months = { month: 1, quarter: 3, year: 12 }[unit];
  const moved = addMonths(reference, amount * months);
  if (granularity === 'day') return resolved({ granularity: 'day', days: dayNumber(moved.year, moved.month, moved.day) });
  if (unit === 'month') return resolved({ granularity: 'month', year: moved.year, month: moved.month });
  if (unit === 'quarter') return resolved({ granularity: 'quarter', year: moved.year, quarter: quarterOf(moved.month) });
  return resolved({ granularity: 'year', year: moved.year });
}

function resolveMeaning(meaning: DateMeaning, env: ResolveEnvironment): Resolution {
  switch (meaning.kind) {
    case 'fixed':
      // A year the text states ("in 1988") is a time the article talks about: "that year", "the following year".
      const year = YEAR_VALUE.exec(meaning.value)?.[1];
      return { value: meaning.value, point: year === undefined ? null : { granularity: 'year', year: Number(year) } };
    case 'calendar':
      return resolveCalendar(meaning, env);
    case 'shift':
      return resolveShift(meaning, env.reference);
    case 'ahead':
      return env.direction() === 'future' ? resolveShift(meaning.ahead, env.reference) : { value: meaning.span, point: null };
    case 'anaphoric': {
      const { lastPoint, lastQuarter } = env.discourse;
      const within = (anchor: { sentence: number } | null, window: number): boolean => anchor !== null && env.sentence - anchor.sentence <= window;
      // "a year earlier" in a report on a quarter means the same quarter a year before.
      const yearOnYear = meaning.shift.unit === 'year' && Math.abs(meaning.shift.amount) === 1 && meaning.coarsenTo === undefined;
      const anchor = meaning.anchor === 'quarter' ? lastQuarter
        : yearOnYear && within(lastQuarter, QUARTER_WINDOW) ? lastQuarter
        : meaning.coarsenTo !== undefined ? lastPoint
        : within(lastPoint, ANCHOR_WINDOW) ? lastPoint
        : null;
      const tooCoarse = meaning.needsFinerAnchor === true && anchor !== null && (anchor.point.granularity === 'year' || anchor.point.granularity === 'decade');
      if (anchor !== null && !tooCoarse) {
        let point: Point | null = anchor.point;
        if (meaning.setYear !== undefined && 'year' in point) point = { ...point, year: meaning.setYear };
        const base = meaning.coarsenTo === undefined ? point : coarsenPoint(point, meaning.coarsenTo);
        if (base === null && meaning.coarsenTo !== undefined && meaning.shift.amount === 0) {
          // "that same day" after "last October": a day of that month the text does not name (1998-10-XX).
          const unknown = unknownWithin(point, meaning.coarsenTo);
          if (unknown !== null) return { value: meaning.partOfDay !== undefined && meaning.coarsenTo === 'day' ? `${unknown}T${meaning.partOfDay}` : unknown, point: null };
        }
        let moved = base === null ? null : shiftPoint(base, meaning.shift.unit, meaning.shift.amount);
        if (moved !== null && meaning.weekday !== undefined) {
          // "the previous Friday": the Friday before the day talked about (not a coarser anchor).
          if (moved.granularity !== 'day') moved = null;
          else {
            const step = meaning.shift.amount < 0 ? -1 : 1;
            let days = moved.days;
            while (weekdayOf(days) !== meaning.weekday) days += step;
            moved = { granularity: 'day', days };
          }
        }
        // "the next morning": the day found, in that part of it.
        if (moved !== null && meaning.partOfDay !== undefined) moved = moved.granularity === 'day' ? { granularity: 'day', days: moved.days, partOfDay: meaning.partOfDay } : null;
        if (moved !== null) return { value: formatPoint(moved), point: meaning.namesAnchor ? moved : null };
      }
      if (meaning.fallback === null) return UNRESOLVED;
      const fallback = resolveMeaning(meaning.fallback, env);
      return meaning.namesAnchor ? fallback : { ...fallback, point: null };
    }
  }
}

const POSSESSIVE = /^['’]s\b/;
const FISCAL = /\bfiscal\b/i;
/** "after a flat second quarter": a quarter mentioned in passing, not the one the report is about. */
const INDEFINITE_BEFORE = /\b(?:a|an)\s+(?:[a-z-]+\s+)?$/i;

/**
 * A quarter not yet over at the reference date ("losses through the third quarter
 * of 1990", "continue into the fourth quarter"): a forecast, not the period whose
 * results the article reports and compares with "the year-ago period". A fiscal
 * quarter the text says has ended ("its fourth quarter ended Sept. 30") is over.
 */
function isUnfinishedQuarter(point: Point, reference: ReferenceDate | null, text: string, end: number): boolean {
  if (reference === null || point.granularity !== 'quarter') return false;
  if (point.year * 4 + point.quarter < reference.year * 4 + quarterOf(reference.month)) return false;
  return !/^\s+end(?:ed|ing)\b/i.test(text.slice(end, end + 10));
}

/** A quarter as the head of an indefinite noun phrase ("a flat second quarter"); not "a third-quarter loss". */
function isPassingQuarter(text: string, candidate: DateCandidate): boolean {
  if (!/\squarter$/i.test(text.slice(candidate.start, candidate.end))) return false;
  return INDEFINITE_BEFORE.test(text.slice(Math.max(0, candidate.start - 20), candidate.start));
}
/** A past-perfect verb group right before a deadline word: "had been due to", "had been set to", "had". */
const PLUPERFECT_BEFORE = /\b(?:had|['’]d)\s+(?:been\s+)?(?:(?:due|set|scheduled|slated|supposed|expected)\s+(?:to\s+)?)?\W?$/i;
/** "not until Tuesday"; "this year through August", "from 1968 until 1989": the end of a range, which the tense places. */
const NOT_OR_RANGE_START = /(?:\bnot|\b(?:year|month|week|quarter|today|now|\d{4}|\d{1,2}(?:st|nd|rd|th)?)|(?:January|February|March|April|May|June|July|August|September|October|November|December|day))[,.]?\s+$/i;

/**
 * Words next to a date that fix its direction whatever the verb (the lexicon's
 * futureCues, pastCues, untilCues): a deadline is ahead ("payable Dec. 15"), "since"
 * looks back, and so does a possessive ("Wednesday's ruling"); "until" and
 * "through" after their verb put the date ahead; before it, after "not" or at
 * the end of a range ("this year through August") they leave it to the tense
 * ('until').
 */
function directionFromWords(text: string, sentenceStart: number, start: number, end: number, lexicon: CompiledDatesLexicon): Direction | 'until' | null {
  const before = text.slice(Math.max(0, start - 24), start);
  const future = lexicon.futureCueBefore.exec(before);
  if (future !== null) {
    // "It had been due to expire Friday": a deadline in the past perfect was overtaken, so it is behind.
    const cueStart = Math.max(0, start - 24) + future.index;
    return PLUPERFECT_BEFORE.test(text.slice(Math.max(sentenceStart, cueStart - 30), cueStart + 1)) ? 'past' : 'future';
  }
  if (lexicon.pastCueBefore.test(before)) return 'past';
  const until = lexicon.untilCueBefore.exec(before);
  if (until !== null) {
    // After its verb, "until" bounds what lasts until then: "extended the deadline until Tuesday".
    // Before it ("Until Thursday, they had not called him") or after "not" ("it was not until Tuesday that"), the tense decides.
    const cueStart = Math.max(0, start - 24) + until.index + (/^[^\w'-]/.test(until[0]) ? 1 : 0);
    const lead = text.slice(Math.max(sentenceStart, cueStart - 40), cueStart);
    const fronted = cueStart - sentenceStart <= 40 && /^[\s"“'‘`(]*(?:(?:but|and|so|yet|however|up)[\s,]+)*$/i.test(text.slice(sentenceStart, cueStart));
    return fronted || NOT_OR_RANGE_START.test(lead) ? 'until' : 'future';
  }
  if (POSSESSIVE.test(text.slice(end, end + 3))) return 'past';
  return null;
}

/** A span of several months within a year ("the first nine months", "the six months"). */
function isYearToDate(candidate: DateCandidate): boolean {
  return candidate.meaning.kind === 'fixed' && /^P(?:[6-9]|1[01])M$/.test(candidate.meaning.value);
}

/** Token range [first, last + 1) of the tokens a candidate covers (within its sentence). */
function tokenRange(tokens: readonly Token[], from: number, to: number, start: number, end: number): [number, number] {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < to && tokens[last]!.start < end) last++;
  return [lo, Math.max(last, lo + 1)];
}

/**
 * The second end of a range is no earlier than the first ("from Sept. 14 to
 * Thursday" is the Thursday after Sept. 14; "from October to March" the March
 * after October): an end the text leaves without a year moves on by its cycle.
 */
function notBefore(point: Point, floor: Point, meaning: DateMeaning): Point {
  if (meaning.kind !== 'calendar' || meaning.year !== undefined || meaning.relativeYear !== undefined || meaning.holiday !== undefined) return point;
  let moved = point;
  for (let step = 0; step < 2 && firstDayOf(moved) < firstDayOf(floor); step++) {
    const next = meaning.weekday !== undefined && meaning.month === undefined ? shiftPoint(moved, 'week', 1) : shiftPoint(moved, 'year', 1);
    if (next === null) return point;
    moved = next;
  }
  return firstDayOf(moved) < firstDayOf(floor) ? point : moved;
}

export const resolveValues: DateRefiner = {
  id: 'resolve-values',
  refine(candidates: readonly DateCandidate[], context: RefiningContext): DateCandidate[] {
    const { doc, sentence, discourse, lexicon } = context;
    let previousPoint: Point | null = null;
    return candidates.map((candidate) => {
      let direction: Direction | null = null;
      const env: ResolveEnvironment = {
        reference: doc.reference,
        discourse,
        sentence: sentence.index,
        direction: () => {
          if (direction === null) {
            const fromWords = directionFromWords(doc.text, sentence.start, candidate.start, candidate.end, lexicon);
            if (fromWords === null || fromWords === 'until') {
              const [first, last] = tokenRange(doc.tokens, sentence.tokenStart, sentence.tokenEnd, candidate.start, candidate.end);
              const fromTense = directionOf(doc.tokens, sentence.tokenStart, sentence.tokenEnd, first, last, lexicon);
              // "Until Thursday, they had not called him" is behind; "until Thursday, they will wait" ahead.
              direction = fromWords === 'until' && fromTense !== 'past' ? 'future' : fromTense;
            } else direction = fromWords;
          }
          return direction;
        },
      };
      let resolution = resolveMeaning(candidate.meaning, env);
      if (candidate.rangeEnd && previousPoint !== null && resolution.point !== null) {
        const point = notBefore(resolution.point, previousPoint, candidate.meaning);
        if (point !== resolution.point) resolution = resolved(point);
      }
      const { point } = resolution;
      previousPoint = point;
      if (point !== null && (candidate.meaning.kind !== 'anaphoric' || candidate.meaning.namesAnchor)) {
        discourse.lastPoint = { point, sentence: sentence.index };
        // A quarter not yet over by the calendar whose results are told in the past ("reported a decline in fourth-quarter
        // earnings") is a fiscal quarter that has ended.
        const unfinished = isUnfinishedQuarter(point, doc.reference, doc.text, candidate.end) && env.direction() !== 'past';
        if (point.granularity === 'quarter' && !isPassingQuarter(doc.text, candidate) && !unfinished) {
          discourse.lastQuarter = { point, sentence: sentence.index };
        }
        if (point.granularity === 'quarter' && candidate.meaning.kind === 'calendar' && !candidate.meaning.byEndDate) {
          // A quarter numbered again: fiscal if the text says so, else the calendar numbering is back.
          const fiscal = FISCAL.test(doc.text.slice(candidate.start, candidate.end));
          discourse.lastFiscalQuarter = fiscal ? { point, sentence: sentence.index } : null;
        }
      } else if (doc.reference !== null && isYearToDate(candidate)) {
        // "in the first nine months …, compared with … a year earlier": the comparison is now by year.
        const quarter = discourse.lastQuarter?.point;
        const year = quarter !== undefined && 'year' in quarter ? quarter.year : doc.reference.year;
        discourse.lastPoint = { point: { granularity: 'year', year }, sentence: sentence.index };
        discourse.lastQuarter = null;
      }
      // "will be redeemed in five years": a point ahead, not the span; a bound on the span bounds the point
      // ("will open in a year or two": on or after 2016).
      if (candidate.meaning.kind === 'ahead' && resolution.value !== candidate.meaning.span) {
        const mod = candidate.mod === undefined ? undefined : AHEAD_MODS[candidate.mod] ?? candidate.mod;
        return { ...candidate, type: 'date', value: resolution.value, ...(mod ? { mod } : {}) };
      }
      return { ...candidate, value: resolution.value };
    });
  },
};

