/**
 * Dates to the letter of TIMEX3 (issue 20): one table per kind of expression —
 * times and zones, parts of day, modifiers, ranges, fiscal periods, durations,
 * vague references — each row with its publication date, and every date found
 * as [surface, type, value] or [surface, type, value, mod].
 */

import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import { expectValidResult } from '../helpers.js';

const extractor = createExtractor();

type Row = [surface: string, type: string, value: string | null, mod?: string];

/** Every date found in `text`, after checking the result against the schema and its spans. */
function found(text: string, publishedAt: string | null): Row[] {
  const result = extractor.extract(text, publishedAt === null ? {} : { publishedAt });
  expectValidResult(result, text);
  return result.dates.map((d): Row => (d.mod === undefined ? [d.text, d.type, d.value] : [d.text, d.type, d.value, d.mod]));
}

const cases = (rows: [name: string, publishedAt: string | null, text: string, expected: Row[]][]) => rows;

describe('TIMEX3: clock times, their zones and their days', () => {
  it.each(cases([
    ['UTC is Z', '2010-07-17', 'The launch is at 18:00 UTC.', [['18:00 UTC', 'time', '2010-07-17T18:00Z']]],
    ['GMT is Z', '2010-07-17', 'Polls close at 6 p.m. GMT.', [['6 p.m. GMT', 'time', '2010-07-17T18:00Z']]],
    [
      'a numeric offset in brackets, and "on" before the day it falls on',
      '2010-07-17',
      'The plane landed at 6:40 p.m. (GMT+8) on Friday.',
      [['6:40 p.m. (GMT+8)', 'time', '2010-07-16T18:40+08:00'], ['Friday', 'date', '2010-07-16']],
    ],
    ['an abbreviation is one fixed offset (EST in July is still -05:00)', '2010-07-17', 'Trading opened at 10 a.m. EST.', [['10 a.m. EST', 'time', '2010-07-17T10:00-05:00']]],
    ['a summer zone and a weekday', '2010-07-17', 'The offer expired at 5 p.m. EDT Thursday.', [['5 p.m. EDT Thursday', 'time', '2010-07-15T17:00-04:00']]],
    ['a four-digit time with its zone, as agencies write it', '2010-07-17', 'Polls closed at 1800 GMT.', [['1800 GMT', 'time', '2010-07-17T18:00Z']]],
    [
      'the same time in another zone between a time and its day',
      '2015-07-20',
      'It exploded at 10:35 a.m. (0735 GMT) Friday.',
      [['10:35 a.m.', 'time', '2015-07-17T10:35'], ['0735 GMT', 'time', '2015-07-17T07:35Z'], ['Friday', 'date', '2015-07-17']],
    ],
    ['local time names no zone', '2010-07-17', 'It exploded at 3 p.m. local time.', [['3 p.m.', 'time', '2010-07-17T15:00']]],
    ['a time takes its day from "yesterday"', '2010-07-17', 'Rebels attacked yesterday at 10 a.m.', [['yesterday', 'date', '2010-07-16'], ['10 a.m.', 'time', '2010-07-16T10:00']]],
    [
      'a time takes its day from the dateline when there is no publication date',
      null,
      'BAKU, July 16, 2010 (Reuters) - The blast came at 10:35 a.m. local time.',
      [['July 16, 2010', 'date', '2010-07-16'], ['10:35 a.m.', 'time', '2010-07-16T10:35']],
    ],
    ['a clock time with "in the morning"', '2000-04-05', 'He will leave at 4 in the morning.', [['4 in the morning', 'time', '2000-04-05T04:00']]],
    ['about a clock time', '1998-02-12', 'The men came in around 7:15 p.m.', [['around 7:15 p.m.', 'time', '1998-02-12T19:15', 'APPROX']]],
  ]))('%s', (_name, publishedAt, text, expected) => {
    expect(found(text, publishedAt)).toEqual(expected);
  });
});

describe('TIMEX3: parts of day (TMO, TAF, TEV, TNI)', () => {
  it.each(cases([
    ['a weekday morning', '2010-07-17', 'Police came on Friday morning.', [['Friday morning', 'time', '2010-07-16TMO']]],
    ['a weekday afternoon', '2010-07-17', 'The talks resumed Friday afternoon.', [['Friday afternoon', 'time', '2010-07-16TAF']]],
    ['a weekday evening', '2010-07-17', 'The vote was counted on Thursday evening.', [['Thursday evening', 'time', '2010-07-15TEV']]],
    ['a weekday night', '2010-07-17', 'Castro spoke Wednesday night.', [['Wednesday night', 'time', '2010-07-14TNI']]],
    ['tonight is today at night', '2010-07-17', 'The minister speaks tonight.', [['tonight', 'time', '2010-07-17TNI']]],
    ['this morning', '2010-07-17', 'Shares opened lower this morning.', [['this morning', 'time', '2010-07-17TMO']]],
    ['yesterday afternoon', '2010-07-17', 'He resigned yesterday afternoon.', [['yesterday afternoon', 'time', '2010-07-16TAF']]],
    ['early in a part of a weekday', '2010-07-17', 'Police came early Friday morning.', [['early Friday morning', 'time', '2010-07-16TMO', 'START']]],
    ['late last night', '2010-07-17', 'Rebels attacked late last night.', [['late last night', 'time', '2010-07-16TNI', 'END']]],
    ['the middle of an afternoon', '1989-11-02', 'In London at mid-afternoon yesterday, shares were up.', [['mid-afternoon yesterday', 'time', '1989-11-01TAF', 'MID']]],
  ]))('%s', (_name, publishedAt, text, expected) => {
    expect(found(text, publishedAt)).toEqual(expected);
  });
});

describe('TIMEX3: modifiers (mod)', () => {
  it.each(cases([
    ['mid- a year', '2012-03-01', 'Output fell in mid-2011.', [['mid-2011', 'date', '2011', 'MID']]],
    ['more than a span', '2015-07-20', 'The talks lasted more than three years.', [['more than three years', 'duration', 'P3Y', 'MORE_THAN']]],
    ['early next month', '2015-07-20', 'The plant opens early next month.', [['early next month', 'date', '2015-08', 'START']]],
    ['the end of the quarter', '2015-07-20', 'Troops will arrive by the end of the quarter.', [['the end of the quarter', 'date', '2015-Q3', 'END']]],
    ['about a span', '2015-07-20', 'The visit is expected to last about two weeks.', [['about two weeks', 'duration', 'P2W', 'APPROX']]],
    ['nearly a span', '2015-07-20', 'He ruled for nearly two years.', [['nearly two years', 'duration', 'P2Y', 'LESS_THAN']]],
    ['at least a span', '2015-07-20', 'The ban will last at least 30 days.', [['at least 30 days', 'duration', 'P30D', 'EQUAL_OR_MORE']]],
    ['no more than a span', '2015-07-20', 'The truce gives them no more than sixty days.', [['no more than sixty days', 'duration', 'P60D', 'EQUAL_OR_LESS']]],
    ['more than … ago is before that time', '2015-07-20', 'The regime fell more than a decade ago.', [['more than a decade ago', 'date', '2005', 'BEFORE']]],
    ['less than … ago is after it', '2015-07-20', 'The bank opened less than a year ago.', [['less than a year ago', 'date', '2014', 'AFTER']]],
    ['about … ago', '2015-07-20', 'The firm was founded about two years ago.', [['about two years ago', 'date', '2013', 'APPROX']]],
    ['or later', '1989-11-01', 'It will not be profitable until 1994 or later.', [['1994 or later', 'date', '1994', 'ON_OR_AFTER']]],
    ['and beyond', '1989-11-01', 'It is confident about 1990 and beyond.', [['1990 and beyond', 'date', '1990', 'ON_OR_AFTER']]],
    ['post-', '2000-02-24', 'The post-1959 government seized the land.', [['post-1959', 'date', '1959', 'AFTER']]],
    ['around a date', '1989-10-26', 'The sale will be completed around Nov. 1.', [['around Nov. 1', 'date', '1989-11-01', 'APPROX']]],
    ['around as a particle of its verb is not an approximation', '2000-01-15', "They will look for ways to get around Wednesday's ruling.", [['Wednesday', 'date', '2000-01-12']]],
    ['or so', '1989-10-26', 'The plant will close over the next year or so.', [['the next year or so', 'date', '1990', 'APPROX']]],
    ['or more', '2015-07-20', 'The repairs will take two years or more.', [['two years or more', 'duration', 'P2Y', 'EQUAL_OR_MORE']]],
    ['year-end', '2015-07-20', 'The deal closes at year-end.', [['year-end', 'date', '2015', 'END']]],
    ['a focus word is not a modifier, and stays out', '2015-07-20', 'He stayed only five hours.', [['five hours', 'duration', 'PT5H']]],
    ['"over" after a verb is the preposition', '2015-07-20', 'The money can be used over three years.', [['three years', 'duration', 'P3Y']]],
    ['"over" after a verb of length is the quantifier', '2015-07-20', 'The talks lasted over three years.', [['over three years', 'duration', 'P3Y', 'MORE_THAN']]],
  ]))('%s', (_name, publishedAt, text, expected) => {
    expect(found(text, publishedAt)).toEqual(expected);
  });
});

describe('TIMEX3: ranges (two expressions, the second no earlier than the first)', () => {
  it.each(cases([
    ['from … to … (years)', '2015-07-20', 'He served from 2009 to 2011.', [['2009', 'date', '2009'], ['2011', 'date', '2011']]],
    ['between … and …', '2017-01-10', 'Sales doubled between 2014 and 2016.', [['2014', 'date', '2014'], ['2016', 'date', '2016']]],
    ['a dash between years', '2015-07-20', 'Sales rose in 2009-2011.', [['2009', 'date', '2009'], ['2011', 'date', '2011']]],
    [
      'a participle after a count is past: "bought from Sept. 14 to Thursday"',
      '2010-09-24',
      'The fund holds 500,000 shares, including 254,200 bought from Sept. 14 to Thursday.',
      [['Sept. 14', 'date', '2010-09-14'], ['Thursday', 'date', '2010-09-23']],
    ],
    ['the second end of a future range follows the first', '2015-07-18', 'The border will close from Friday to Monday.', [['Friday', 'date', '2015-07-24'], ['Monday', 'date', '2015-07-27']]],
    ['the first end takes the year of the second', '2015-07-20', 'He served from March to May 2010.', [['March', 'date', '2010-03'], ['May 2010', 'date', '2010-05']]],
    ['across a new year', '2015-07-20', 'Prices rose from Dec. 28 to Jan. 3, 2010.', [['Dec. 28', 'date', '2009-12-28'], ['Jan. 3, 2010', 'date', '2010-01-03']]],
    ['days of one month', '2015-07-20', 'The fair runs Sept. 14-18.', [['Sept. 14', 'date', '2015-09-14'], ['18', 'date', '2015-09-18']]],
    ['clock times', '2015-07-20', 'The office is open from 10 a.m. to 2 p.m.', [['10 a.m.', 'time', '2015-07-20T10:00'], ['2 p.m.', 'time', '2015-07-20T14:00']]],
    ['a range of counts is one span, at least the first', '1989-10-26', 'Shipments resume within two to three weeks.', [['two to three weeks', 'duration', 'P2W', 'EQUAL_OR_MORE']]],
    ['a weekday before "to" without "from" is no range', '1998-02-06', "After a revision Friday to December's figures, jobs rose.", [['Friday', 'date', '1998-02-06'], ['December', 'date', '1997-12']]],
  ]))('%s', (_name, publishedAt, text, expected) => {
    expect(found(text, publishedAt)).toEqual(expected);
  });
});

describe('TIMEX3: fiscal periods', () => {
  it.each(cases([
    ['fiscal with a year is FY', '2007-11-01', 'Profit rose in fiscal 2007.', [['fiscal 2007', 'date', 'FY2007']]],
    ['FY and two digits', '2007-11-01', 'Sales in FY07 and fiscal year 2008 will rise.', [['FY07', 'date', 'FY2007'], ['fiscal year 2008', 'date', 'FY2008']]],
    ['the beginning of the financial year', '2015-07-20', 'Sales rose at the beginning of the financial year.', [['the beginning of the financial year', 'date', '2015', 'START']]],
    [
      'the same period of the last year, after a quarter',
      '2015-07-20',
      'Net rose 5% in the second quarter of 2015 from the same period of the last year.',
      [['the second quarter of 2015', 'date', '2015-Q2'], ['the same period of the last year', 'date', '2014-Q2']],
    ],
    ['a fiscal quarter after a fiscal year', '1990-05-01', "Fiscal 1990's first quarter was weak.", [["Fiscal 1990's first quarter", 'date', '1990-Q1']]],
  ]))('%s', (_name, publishedAt, text, expected) => {
    expect(found(text, publishedAt)).toEqual(expected);
  });
});

describe('TIMEX3: durations', () => {
  it.each(cases([
    ['a half written in the next unit (ISO 8601; TimeBank writes PT1M30S, PT5H30M)', '2015-07-20', 'It took two and a half years.', [['two and a half years', 'duration', 'P2Y6M']]],
    ['counted decades in years (ISO 8601)', '2015-07-20', 'The dispute has lasted two decades.', [['two decades', 'duration', 'P20Y']]],
    ['decades-long: decades of unknown number', '2000-01-15', 'It was a decades-long battle.', [['decades-long', 'duration', 'PXE']]],
    ['for decades', '2015-07-20', 'They have fought for decades.', [['decades', 'duration', 'PXE']]],
    ['an undetermined period', '2015-07-20', 'Troops will stay for an undetermined period.', [['an undetermined period', 'duration', 'PXX']]],
    ['several days', '2015-07-20', 'The strike lasted several days.', [['several days', 'duration', 'PXD']]],
  ]))('%s', (_name, publishedAt, text, expected) => {
    expect(found(text, publishedAt)).toEqual(expected);
  });
});

describe('TIMEX3: vague references (PRESENT_REF, PAST_REF, FUTURE_REF)', () => {
  it.each(cases([
    ['today as the day', '2015-07-20', 'The court rules today.', [['today', 'date', '2015-07-20']]],
    ["today's as the day", '2015-07-20', "Today's vote was postponed.", [['Today', 'date', '2015-07-20']]],
    ["today's as an era is not a day (the false-alarm table)", '2015-07-20', "The case is for today's youth what the war was for their parents.", []],
    ['one day after a modal', '2015-07-20', 'The port could one day rival Rotterdam.', [['one day', 'date', 'FUTURE_REF']]],
    ['some day', '2015-07-20', 'The port may some day rival Rotterdam.', [['some day', 'date', 'FUTURE_REF']]],
    ['later in a clause about the future', '2015-07-20', 'The ministry will announce the results later.', [['later', 'date', 'FUTURE_REF']]],
    ['later in a narrative orders events', '2015-07-20', 'He later resigned.', []],
    ['at a later time', '2015-07-20', 'The rest will be paid at a later time.', [['a later time', 'date', 'FUTURE_REF']]],
    ['in recent years', '2015-07-20', 'Growth slowed in recent years.', [['recent years', 'date', 'PAST_REF']]],
    ['now', '2015-07-20', 'Prices are now rising.', [['now', 'date', 'PRESENT_REF']]],
  ]))('%s', (_name, publishedAt, text, expected) => {
    expect(found(text, publishedAt)).toEqual(expected);
  });

  it.fails(
    "\"in today's market\" as the present (PRESENT_REF, issue 20) is not read: the false-alarm table keeps the era sense of today's out, and TimeBank marks it 0 times in 5",
    () => {
      expect(found("In today's market, few firms borrow.", '2015-07-20')).toEqual([['today', 'date', 'PRESENT_REF']]);
    },
  );
});
