/**
 * Calendar arithmetic on plain (year, month, day) triples, done in UTC so that
 * nothing depends on the time zone of the process, and the TIMEX3 spellings of
 * the values (days, months, ISO weeks, quarters, seasons, times).
 */

export interface CalendarDay {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (negative before). Works for any year, including years < 100. */
export function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function fromDayNumber(days: number): CalendarDay {
  const date = new Date(days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return fromDayNumber(dayNumber(year, month + 1, 0)).day;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** The ISO 8601 week (Monday first; week 1 holds the year's first Thursday). */
export function isoWeekOf(days: number): { year: number; week: number } {
  const isoWeekday = weekdayOf(days) || 7;
  const thursday = days - isoWeekday + 4;
  const year = fromDayNumber(thursday).year;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Adds whole months, keeping the day when the month allows it (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export const SEASONS: readonly Season[] = ['WI', 'SP', 'SU', 'FA'];

/** Meteorological seasons: winter is Dec–Feb and belongs to the year in which it starts. */
export function seasonOf(day: CalendarDay): { year: number; season: Season } {
  const { year, month } = day;
  if (month === 12) return { year, season: 'WI' };
  if (month <= 2) return { year: year - 1, season: 'WI' };
  if (month <= 5) return { year, season: 'SP' };
  if (month <= 8) return { year, season: 'SU' };
  return { year, season: 'FA' };
}

/** A season's position on a running scale (4 per year), for comparisons. */
export function seasonIndex(year: number, season: Season): number {
  const order: Record<Season, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };
  // Winter comes last in its year (Dec), so put it after autumn.
  return year * 4 + (season === 'WI' ? 4 : order[season]) - 1;
}

function pad(value: number, width: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).padStart(width, '0');
}

export function formatYear(year: number): string {
  return pad(year, 4);
}

export function formatMonth(year: number, month: number): string {
  return `${formatYear(year)}-${pad(month, 2)}`;
}

export function formatDay(day: CalendarDay): string {
  return `${formatMonth(day.year, day.month)}-${pad(day.day, 2)}`;
}

export function formatWeek(days: number): string {
  const { year, week } = isoWeekOf(days);
  return `${formatYear(year)}-W${pad(week, 2)}`;
}

export function formatQuarter(year: number, quarter: number): string {
  return `${formatYear(year)}-Q${quarter}`;
}

export function formatTime(hour: number, minute: number): string {
  return `T${pad(hour, 2)}:${pad(minute, 2)}`;
}
