/**
 * A resolved point in time at the granularity the text states, its TIMEX3
 * spelling, and moving it by whole units ("a year earlier" than a quarter is the
 * same quarter a year before).
 */

import type { PartOfDay, ShiftUnit } from './candidate.js';
import {
  addMonths, dayNumber, formatDay, formatMonth, formatQuarter, formatTime, formatWeek, formatYear, fromDayNumber,
  type Season,
} from './calendar.js';

export type Point =
  | { granularity: 'day'; days: number; hour?: number; minute?: number; zone?: string; partOfDay?: PartOfDay }
  | { granularity: 'week'; days: number; weekend?: boolean }
  | { granularity: 'month'; year: number; month: number }
  | { granularity: 'quarter'; year: number; quarter: number }
  | { granularity: 'half'; year: number; half: number }
  | { granularity: 'season'; year: number; season: Season }
  | { granularity: 'year'; year: number }
  | { granularity: 'decade'; decade: number };

export function formatPoint(point: Point): string {
  switch (point.granularity) {
    case 'day': {
      const day = formatDay(fromDayNumber(point.days));
      if (point.hour !== undefined) return day + formatTime(point.hour, point.minute ?? 0) + (point.zone ?? '');
      if (point.partOfDay !== undefined) return `${day}T${point.partOfDay}`;
      return day;
    }
    case 'week':
      return formatWeek(point.days) + (point.weekend ? '-WE' : '');
    case 'month':
      return formatMonth(point.year, point.month);
    case 'quarter':
      return formatQuarter(point.year, point.quarter);
    case 'half':
      return `${formatYear(point.year)}-H${point.half}`;
    case 'season':
      return `${formatYear(point.year)}-${point.season}`;
    case 'year':
      return formatYear(point.year);
    case 'decade':
      return String(point.decade).padStart(3, '0');
  }
}

const UNIT_MONTHS: Partial<Record<ShiftUnit, number>> = { month: 1, quarter: 3, year: 12, decade: 120 };

/** Moves a point by `amount` units, or returns null when the unit is finer than the point (a month moved by days). */
export function shiftPoint(point: Point, unit: ShiftUnit, amount: number): Point | null {
  if (amount === 0) return point;
  const months = UNIT_MONTHS[unit];
  switch (point.granularity) {
    case 'day':
    case 'week': {
      if (unit === 'day' || unit === 'week') {
        if (point.granularity === 'week' && unit === 'day') return null;
        return { ...point, days: point.days + amount * (unit === 'week' ? 7 : 1) };
      }
      const day = addMonths(fromDayNumber(point.days), amount * months!);
      return { ...point, days: dayNumber(day.year, day.month, day.day) };
    }
    case 'month': {
      if (months === undefined) return null;
      const moved = addMonths({ year: point.year, month: point.month, day: 1 }, amount * months);
      return { granularity: 'month', year: moved.year, month: moved.month };
    }
    case 'quarter': {
      if (months === undefined || months < 3) return null;
      const index = point.year * 4 + point.quarter - 1 + (amount * months) / 3;
      return { granularity: 'quarter', year: Math.floor(index / 4), quarter: (index % 4 + 4) % 4 + 1 };
    }
    case 'half':
    case 'season':
    case 'year':
      if (months === undefined || months < 12) return null;
      return { ...point, year: point.year + (amount * months) / 12 };
    case 'decade':
      if (unit !== 'decade') return null;
      return { granularity: 'decade', decade: point.decade + amount };
  }
}

const FINENESS: Record<Point['granularity'], number> = { day: 0, week: 1, month: 2, quarter: 3, half: 4, season: 4, year: 5, decade: 6 };
const UNIT_FINENESS: Record<ShiftUnit, number> = { day: 0, week: 1, month: 2, quarter: 3, year: 5, decade: 6 };

/** Reads a point at a coarser unit (a day as its month, a quarter as its year); null when the point is coarser already. */
export function coarsenPoint(point: Point, unit: ShiftUnit): Point | null {
  if (FINENESS[point.granularity] > UNIT_FINENESS[unit]) return null;
  // A day read as a day drops its clock time or part of day ("later in the day" after "Tuesday morning").
  if (point.granularity === 'day' && unit === 'day') return { granularity: 'day', days: point.days };
  if (FINENESS[point.granularity] === UNIT_FINENESS[unit]) return point;
  const calendar = (): { year: number; month: number } => {
    if (point.granularity === 'day' || point.granularity === 'week') {
      const day = fromDayNumber(point.days);
      return { year: day.year, month: day.month };
    }
    if (point.granularity === 'month') return { year: point.year, month: point.month };
    if (point.granularity === 'quarter') return { year: point.year, month: point.quarter * 3 - 2 };
    if (point.granularity === 'half') return { year: point.year, month: point.half * 6 - 5 };
    if (point.granularity === 'season') return { year: point.year, month: 6 };
    if (point.granularity === 'year') return { year: point.year, month: 1 };
    return { year: point.decade * 10, month: 1 };
  };
  const { year, month } = calendar();
  switch (unit) {
    case 'week':
      return point.granularity === 'day' ? { granularity: 'week', days: point.days } : null;
    case 'month':
      return { granularity: 'month', year, month };
    case 'quarter':
      return { granularity: 'quarter', year, quarter: Math.floor((month - 1) / 3) + 1 };
    case 'year':
      return { granularity: 'year', year };
    case 'decade':
      return { granularity: 'decade', decade: Math.floor(year / 10) };
    default:
      return null;
  }
}

/** The first day of a point (days since 1970-01-01), to order two points of any granularity. */
export function firstDayOf(point: Point): number {
  switch (point.granularity) {
    case 'day':
    case 'week':
      return point.days;
    case 'month':
      return dayNumber(point.year, point.month, 1);
    case 'quarter':
      return dayNumber(point.year, point.quarter * 3 - 2, 1);
    case 'half':
      return dayNumber(point.year, point.half * 6 - 5, 1);
    case 'season':
      return dayNumber(point.year, { SP: 3, SU: 6, FA: 9, WI: 12 }[point.season], 1);
    case 'year':
      return dayNumber(point.year, 1, 1);
    case 'decade':
      return dayNumber(point.decade * 10, 1, 1);
  }
}
