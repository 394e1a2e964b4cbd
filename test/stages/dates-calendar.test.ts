/** Calendar arithmetic of the dates stage (UTC-based, time-zone free) and holiday rules. */

import { describe, expect, it } from 'vitest';
import {
  addMonths, dayNumber, formatWeek, fromDayNumber, isoWeekOf, seasonOf, weekdayOf,
} from '../../src/stages/dates/calendar.js';
import { HOLIDAYS } from '../../src/stages/dates/holidays.js';
import { coarsenPoint, formatPoint, shiftPoint } from '../../src/stages/dates/point.js';
import { parseNumber, parseSpokenYear } from '../../src/stages/dates/words.js';
import { durationValue } from '../../src/stages/dates/parsers/duration.js';

const day = (y: number, m: number, d: number): number => dayNumber(y, m, d);
const iso = (n: number): string => {
  const { year, month, day: d } = fromDayNumber(n);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

describe('calendar', () => {
  it.each([
    [1970, 1, 1, 4], // Thursday
    [2015, 7, 20, 1], // Monday
    [2000, 2, 29, 2], // Tuesday
    [1900, 1, 1, 1], // Monday
  ])('weekday of %i-%i-%i', (y, m, d, weekday) => {
    expect(weekdayOf(day(y, m, d))).toBe(weekday);
  });

  it.each([
    [[2015, 7, 20], '2015-W30'],
    [[2015, 1, 1], '2015-W01'],
    [[2016, 1, 3], '2015-W53'],
    [[2008, 12, 29], '2009-W01'],
    [[2010, 1, 3], '2009-W53'],
  ] as const)('ISO week of %j', ([y, m, d], week) => {
    expect(formatWeek(day(y, m, d))).toBe(week);
    expect(isoWeekOf(day(y, m, d)).week).toBe(Number(week.slice(-2)));
  });

  it('reads years below 100 as written, not as 19xx', () => {
    expect(day(45, 3, 15)).not.toBe(day(1945, 3, 15));
    expect(fromDayNumber(day(45, 3, 15))).toEqual({ year: 45, month: 3, day: 15 });
  });

  it('adds months keeping the day when it exists', () => {
    expect(addMonths({ year: 2015, month: 1, day: 31 }, 1)).toEqual({ year: 2015, month: 2, day: 28 });
    expect(addMonths({ year: 2016, month: 1, day: 31 }, 1)).toEqual({ year: 2016, month: 2, day: 29 });
    expect(addMonths({ year: 2015, month: 3, day: 15 }, -15)).toEqual({ year: 2013, month: 12, day: 15 });
  });

  it('puts January and February in the winter that began the year before', () => {
    expect(seasonOf({ year: 2015, month: 1, day: 10 })).toEqual({ year: 2014, season: 'WI' });
    expect(seasonOf({ year: 2015, month: 12, day: 10 })).toEqual({ year: 2015, season: 'WI' });
    expect(seasonOf({ year: 2015, month: 7, day: 10 })).toEqual({ year: 2015, season: 'SU' });
  });

  it.each([
    ['thanksgiving', 1999, '1999-11-25'],
    ['thanksgiving', 2015, '2015-11-26'],
    ['election day', 1998, '1998-11-03'],
    ['election day', 2016, '2016-11-08'],
    ['easter', 2000, '2000-04-23'],
    ['easter', 2015, '2015-04-05'],
    ['good friday', 2015, '2015-04-03'],
    ['memorial day', 2015, '2015-05-25'],
    ['labor day', 2015, '2015-09-07'],
    ['christmas', 2015, '2015-12-25'],
  ] as const)('%s %i', (name, year, expected) => {
    expect(iso(HOLIDAYS[name]!(year))).toBe(expected);
  });
});

describe('points', () => {
  it('moves a quarter by a year and a month into the next year', () => {
    expect(formatPoint(shiftPoint({ granularity: 'quarter', year: 1989, quarter: 3 }, 'year', -1)!)).toBe('1988-Q3');
    expect(formatPoint(shiftPoint({ granularity: 'month', year: 2015, month: 12 }, 'month', 1)!)).toBe('2016-01');
    expect(formatPoint(shiftPoint({ granularity: 'quarter', year: 2015, quarter: 1 }, 'quarter', -1)!)).toBe('2014-Q4');
  });

  it('will not move a month by days', () => {
    expect(shiftPoint({ granularity: 'month', year: 2015, month: 12 }, 'day', 2)).toBeNull();
  });

  it('coarsens a day to its month, quarter and year, never the other way', () => {
    const point = { granularity: 'day' as const, days: day(1995, 5, 22) };
    expect(formatPoint(coarsenPoint(point, 'month')!)).toBe('1995-05');
    expect(formatPoint(coarsenPoint(point, 'quarter')!)).toBe('1995-Q2');
    expect(formatPoint(coarsenPoint(point, 'year')!)).toBe('1995');
    expect(coarsenPoint({ granularity: 'year', year: 1995 }, 'day')).toBeNull();
  });
});

describe('numbers and durations', () => {
  it.each([
    ['three', 3], ['twenty four', 24], ['twenty-four', 24], ['a', 1], ['5 1/2', 5.5], ['two and a half', 2.5],
    ['a couple of', 2], ['several', null], ['a few', null], ['one hundred', 100], ['18', 18],
  ] as const)('%s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    ['nineteen ninety-six', 1996], ['nineteen seventy nine', 1979], ['two thousand', 2000], ['two thousand and one', 2001],
    ['nineteen hundred', 1900], ['nineteen oh five', 1905],
  ] as const)('spoken year %s', (text, year) => {
    expect(parseSpokenYear(text)).toBe(year);
  });

  it.each([
    [3, 'months', 'P3M'], [5.5, 'hours', 'PT5H30M'], [2.5, 'years', 'P2Y6M'], [1.5, 'minute', 'PT1M30S'],
    [null, 'years', 'PXY'], [null, 'decades', 'PXE'], [2, 'decades', 'P20Y'], [1, 'day', 'P1D'], [1.5, 'days', 'P1DT12H'],
  ] as const)('%s %s', (amount, unit, value) => {
    expect(durationValue(amount, unit)).toBe(value);
  });
});
