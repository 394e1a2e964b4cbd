/**
 * Holidays whose date the calendar fixes: fixed days (Christmas, New Year's
 * Day) and rule-based ones (US Thanksgiving, US Election Day, Easter). Each
 * returns the day number of the holiday in a given year.
 */

import { dayNumber, weekdayOf } from './calendar.js';

/** The n-th (1-based; -1 = last) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = dayNumber(year, month, 1);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayNumber(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** Easter Sunday (Gregorian; the anonymous algorithm). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

export const HOLIDAYS: Readonly<Record<string, (year: number) => number>> = {
  "new year's day": (y) => dayNumber(y, 1, 1),
  "new year's eve": (y) => dayNumber(y, 12, 31),
  "valentine's day": (y) => dayNumber(y, 2, 14),
  halloween: (y) => dayNumber(y, 10, 31),
  'christmas eve': (y) => dayNumber(y, 12, 24),
  christmas: (y) => dayNumber(y, 12, 25),
  'christmas day': (y) => dayNumber(y, 12, 25),
  'boxing day': (y) => dayNumber(y, 12, 26),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'election day': (y) => nthWeekday(y, 11, 1, 1) + 1,
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  easter: easter,
  'easter sunday': easter,
  'good friday': (y) => easter(y) - 2,
};

export const HOLIDAY_PATTERN =
  "New Year['’]s (?:Day|Eve)|Valentine['’]s Day|Halloween|Christmas(?: Eve| Day)?|Boxing Day|Thanksgiving(?: Day)?|Election Day|Labor Day|Memorial Day|Easter(?: Sunday)?|Good Friday";

export function holidayKey(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
}
