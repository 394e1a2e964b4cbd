/**
 * What the dates stage passes between its parsers and refiners: a candidate span
 * with the meaning the text states, before (and after) it is resolved against the
 * reference date. Parsers propose candidates; refiners take a list and return a
 * new list (they never change a candidate in place).
 */

import type { Range } from '../../core/document.js';
import type { DateMod, DateType } from '../../types.js';
import type { Season } from './calendar.js';

export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

/** The unit a relative expression counts in. */
export type ShiftUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';

/** How finely a resolved value is written. */
export type Granularity = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'season' | 'year' | 'decade';

/** Where an incomplete date lies relative to the reference: from the tense of its verb. */
export type Direction = 'past' | 'future' | 'nearest';

/** "last Friday", "next September", "this summer": which occurrence the text picks. */
export type Relation = 'last' | 'this' | 'next';

/** A value the text fixes completely: 'P3M', 'PRESENT_REF', '1998', '199X', 'XXXX-WXX-1'. */
export interface FixedMeaning {
  kind: 'fixed';
  value: string;
}

/**
 * Calendar fields the text states ("November 12", "Friday", "the third quarter",
 * "10:35 a.m."). Missing larger fields come from the reference date and the
 * tense of the governing verb.
 */
export interface CalendarMeaning {
  kind: 'calendar';
  year?: number;
  /** The year relative to the reference year ("this year's third quarter": 0, "last year's": -1). */
  relativeYear?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  hour?: number;
  minute?: number;
  /** The zone a clock time states, as TIMEX3 writes it after the time: 'Z', '+08:00', '-05:00'. */
  zone?: string;
  partOfDay?: PartOfDay;
  quarter?: number;
  /** 1 or 2 (first or second half of the year). */
  half?: number;
  season?: Season;
  weekend?: boolean;
  /** A holiday by key of HOLIDAYS ('thanksgiving', 'christmas day'). */
  holiday?: string;
  /** "Easter week", "the week of March 6": the week (or weekend) of the day rather than the day. */
  weekOf?: 'week' | 'weekend';
  relation?: Relation;
  /** Days to add to the day found ("the day before last Tuesday": -1). */
  dayOffset?: number;
  /**
   * "the quarter ended Sept. 30": a quarter named by the date it ended (the
   * calendar quarter before that month), unless the article has just numbered
   * it as a fiscal quarter ("the fiscal first quarter").
   */
  byEndDate?: boolean;
  /** A direction the expression itself fixes, whatever the verb (a dateline is never ahead). */
  direction?: Direction;
}

/** The reference moved by `amount` units, read at `granularity` ("last week", "two years ago", "yesterday"). */
export interface ShiftMeaning {
  kind: 'shift';
  unit: ShiftUnit;
  amount: number;
  granularity: Granularity;
  partOfDay?: PartOfDay;
  /** A clock time on the day ("yesterday at 10 a.m."). */
  hour?: number;
  minute?: number;
  zone?: string;
}

/**
 * A value anchored on the time the article last talked about rather than on the
 * publication date: "the quarter", "the year-earlier period", "a year earlier",
 * "later that year". `anchor` says what kind of earlier mention it takes (a
 * quarter, or any date); the anchor is moved by `shift`, and read at the
 * anchor's own granularity. Without an anchor, `fallback` applies.
 */
export interface AnaphoricMeaning {
  kind: 'anaphoric';
  anchor: 'quarter' | 'any';
  shift: { unit: ShiftUnit; amount: number };
  /** Put the anchor in this year first ("the 1988 quarter"). */
  setYear?: number;
  /** Read the result at this unit ("the following year" after "May 22, 1995" is 1996, not 1996-05-22). */
  coarsenTo?: ShiftUnit;
  fallback: DateMeaning | null;
  /** Then step, in the direction of the shift, to this weekday ("the previous Friday": 0 = Sunday … 6 = Saturday). */
  weekday?: number;
  /**
   * Only an anchor finer than a year (a quarter, a month, a day) applies; with a
   * year or decade the fallback does. "last year" and "a year ago" name a time
   * relative to now that the discourse only narrows to the period talked about;
   * "the full year" completes a part of a year talked about.
   */
  needsFinerAnchor?: boolean;
  /** The time found becomes the time talked about ("the latest quarter" names the quarter reported), as a stated date does. */
  namesAnchor?: boolean;
  /** A part of the day found ("the next morning": …TMO). */
  partOfDay?: PartOfDay;
}

/**
 * "in five years", "in two weeks": with a verb about the future ("will be redeemed
 * in five years") the point that far ahead of the reference, read at the unit
 * (`ahead`); otherwise the span itself (`span`, a duration: "his second letter in
 * two weeks").
 */
export interface AheadMeaning {
  kind: 'ahead';
  ahead: ShiftMeaning;
  span: string;
}

export type DateMeaning = FixedMeaning | CalendarMeaning | ShiftMeaning | AnaphoricMeaning | AheadMeaning;

export interface DateCandidate extends Range {
  type: DateType;
  meaning: DateMeaning;
  /** The parser or refiner rule that made it (provenance). */
  rule: string;
  /** 'chrono' for chrono-node's parsers, 'lede' for lede's own. */
  source: 'chrono' | 'lede';
  /** Resolved TIMEX3 value (set by the resolving refiner); null when it cannot be resolved. */
  value?: string | null;
  /** TIMEX3 mod the text states (set by a parser, or by the refiner 'assign-mods'). */
  mod?: DateMod;
  /**
   * The second time of a range whose first is the candidate before it ("from
   * Sept. 14 to Thursday", "between 2014 and 2016"): it is resolved no earlier
   * than the first (set by chrono's ranges and the refiner 'link-ranges').
   */
  rangeEnd?: boolean;
}
