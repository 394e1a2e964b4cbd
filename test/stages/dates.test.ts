/**
 * The dates stage: tables of cases per TIMEX3 value shape, per tense rule, and
 * of strings that must not be dates; datelines; values without a reference;
 * the same values in any time zone; the seed article.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import { expectValidResult, HAS_SHARED, readShared } from '../helpers.js';

const extractor = createExtractor();
const PUBLISHED = '2015-07-20'; // a Monday

/** [surface, value] of every date found, after checking the result and its spans; null: no publishedAt. */
function dates(text: string, publishedAt: string | Date | null = PUBLISHED): [string, string | null][] {
  const result = extractor.extract(text, publishedAt === null ? {} : { publishedAt });
  expectValidResult(result, text);
  for (const d of result.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  return result.dates.map((d) => [d.text, d.value]);
}

function typed(text: string, publishedAt = PUBLISHED): [string, string, string | null][] {
  return extractor.extract(text, { publishedAt }).dates.map((d) => [d.text, d.type, d.value]);
}

describe('dates: days', () => {
  it.each([
    ['weekday, past', 'The talks ended on Friday.', [['Friday', '2015-07-17']]],
    ['weekday, same day', 'The minister spoke on Monday.', [['Monday', '2015-07-20']]],
    ['month and day, past', 'He wrote on November 12.', [['November 12', '2014-11-12']]],
    ['month and day with year', 'It was signed on Nov. 12, 1998.', [['Nov. 12, 1998', '1998-11-12']]],
    ['little-endian', 'It was signed on 12 November 2014.', [['12 November 2014', '2014-11-12']]],
    ['weekday and date', 'It opened on Friday, July 17.', [['Friday, July 17', '2015-07-17']]],
    ['ISO date', 'The filing is dated 2015-07-02.', [['2015-07-02', '2015-07-02']]],
    ['numeric date with a year', 'The decree of 07/02/2015 was published.', [['07/02/2015', '2015-07-02']]],
    ['yesterday', 'Shares fell yesterday.', [['yesterday', '2015-07-19']]],
    ['today', 'The court rules today.', [['today', '2015-07-20']]],
    ['tomorrow', 'The court will rule tomorrow.', [['tomorrow', '2015-07-21']]],
    ['the day before yesterday', 'He left the day before yesterday.', [['the day before yesterday', '2015-07-18']]],
    ['the day before last Tuesday', "The day before last Tuesday's hearing, he flew in.", [['The day before last Tuesday', '2015-07-13']]],
    ['a counted day equated with today', "It's the second day of a strike by the dockers.", [['the second day', '2015-07-20']]],
    ['the day in apposition to a date', 'Shares fell on Oct. 12, the day before the crash.', [['Oct. 12', '2014-10-12'], ['the day', '2014-10-12']]],
    ['the day in apposition to a weekday', 'He left on Friday, the day of the vote.', [['Friday', '2015-07-17'], ['the day', '2015-07-17']]],
    ['the day after a year is not in apposition to a day', 'In 1990, the day after the war began, oil rose.', [['1990', '1990']]],
    ['a counted day equated with tomorrow', 'Tomorrow will be the tenth day of the strike.', [['Tomorrow', '2015-07-21'], ['the tenth day', '2015-07-21']]],
    ['a counted day in the past is unknown', 'It was the third day of protests.', []],
    ['a counted day without a copula is not read', 'On the third day of the talks they agreed.', []],
    ['the day after a weekday', "He resigned the day after Friday's vote.", [['the day after Friday', '2015-07-18']]],
    ['last Friday', 'They met last Friday.', [['last Friday', '2015-07-17']]],
    ['last with month and day', 'He was shot last Oct. 23 at his home.', [['last Oct. 23', '2014-10-23']]],
    ['last with a day already passed this year', 'He was shot last June 5 at his home.', [['last June 5', '2015-06-05']]],
    ['next with month and day', 'The vote is next March 5.', [['next March 5', '2016-03-05']]],
    ['last with month, day and year leaves the year to chrono', 'He was shot last Oct. 23, 2013 at home.', [['Oct. 23, 2013', '2013-10-23']]],
    ['last with month, then a count', 'They met last May, 23 people in all.', [['last May', '2015-05']]],
    ['holiday', 'The boy was found on Thanksgiving Day last year.', [['Thanksgiving Day', '2014-11-27'], ['last year', '2014']]],
    ['Christmas, future', 'The shop will close at Christmas.', [['Christmas', '2015-12-25']]],
  ])('%s', (_name, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});

describe('dates: months, years, weeks, quarters, seasons, decades, centuries', () => {
  it.each([
    ['month alone (nearest)', 'A meeting is planned in September.', [['September', '2015-09']]],
    ['month with year', 'Prices peaked in July 1997.', [['July 1997', '1997-07']]],
    ['last May', 'The treaty signed last May holds.', [['last May', '2015-05']]],
    ['last with the month just ended is a year before (that one is "last month")', 'The plant closed last June.', [['last June', '2014-06']]],
    ['last with the current month is a year before', 'The plant closed last July.', [['last July', '2014-07']]],
    ['this September', 'The vote is due this September.', [['this September', '2015-09']]],
    ['July last year', 'Prices fell in July last year.', [['July last year', '2014-07']]],
    ['this month', 'Sales rose this month.', [['this month', '2015-07']]],
    ['last month', 'Sales rose last month.', [['last month', '2015-06']]],
    ['year alone', 'The company was founded in 1998.', [['1998', '1998']]],
    ['fiscal year (numbered: FY, as TIDES writes it)', 'Earnings in fiscal 1989 rose.', [['fiscal 1989', 'FY1989']]],
    ['last year', 'Exports fell last year.', [['last year', '2014']]],
    ['elliptical last after this year', 'It means twice the dividend this year as last.', [['this year', '2015'], ['last', '2014']]],
    ['elliptical last after this month', 'Sales rose more this month than last.', [['this month', '2015-07'], ['last', '2015-06']]],
    ['last without a unit before it is not a date', 'He came first and she came last.', []],
    ['next year', 'Exports will rise next year.', [['next year', '2016']]],
    ['early next year', 'The plant opens early next year.', [['early next year', '2016']]],
    ['a point modifier before a month', 'The boy was rescued in late November.', [['late November', '2014-11']]],
    ['a point modifier phrase before a month', 'The strike began in the middle of October.', [['the middle of October', '2014-10']]],
    ['mid- before May', 'The vote is due in mid-May.', [['mid-May', '2015-05']]],
    ['a point modifier before a year', 'Prices fell at the end of 1994.', [['the end of 1994', '1994']]],
    ['early before a year', 'Sales slowed in early 1990.', [['early 1990', '1990']]],
    ['a modifier before a weekday is a clause adverb, outside the span', 'Earlier Friday, police said the ship sank late Tuesday.', [['Friday', '2015-07-17'], ['Tuesday', '2015-07-14']]],
    ['a lower-case month after a modifier is still not a month', 'Protesters held a late march on parliament.', []],
    ['spoken year', 'He was convicted in nineteen ninety-one.', [['nineteen ninety-one', '1991']]],
    ['this week', 'The index rose this week.', [['this week', '2015-W30']]],
    ['last week', 'The index rose last week.', [['last week', '2015-W29']]],
    ['next week', 'The talks resume next week.', [['next week', '2015-W31']]],
    ['the weekend, past', 'Rebels attacked over the weekend.', [['the weekend', '2015-W29-WE']]],
    ['the week of a day', 'A hearing is set for the week of March 6, 2000.', [['the week of March 6, 2000', '2000-W10']]],
    ['ordinal quarter with year', 'Profit rose in the third quarter of 1989.', [['the third quarter of 1989', '1989-Q3']]],
    ['adjectival quarter', 'The company reported third-quarter profit.', [['third-quarter', '2015-Q3']]],
    ['the article before an adjectival quarter belongs to its noun', 'The third-quarter loss was big.', [['third-quarter', '2015-Q3']]],
    ['the article before a quarter noun belongs to the quarter', 'Sales rose in the third quarter.', [['the third quarter', '2015-Q3']]],
    ['this quarter', 'Sales will rise this quarter.', [['this quarter', '2015-Q3']]],
    ['Q-form', 'Revenue grew in Q2 2015.', [['Q2 2015', '2015-Q2']]],
    ['half of a year', 'Output fell in the first half of 2014.', [['the first half of 2014', '2014-H1']]],
    ['this summer', 'The dam will be finished this summer.', [['this summer', '2015-SU']]],
    ['last fall', 'The dam was finished last fall.', [['last fall', '2014-FA']]],
    ['season with year', 'The dam was finished in the winter of 2013.', [['the winter of 2013', '2013-WI']]],
    ['the 1990s (gold convention)', 'Oil boomed in the 1990s.', [['the 1990s', '199']]],
    ['bare decade (gold convention)', 'Oil boomed in 1990s Baku.', [['1990s', '199X']]],
    ['the early eighties', 'Oil boomed in the early eighties.', [['the early eighties', '198']]],
    ['half of a decade is written as the decade', "Beer sales grew in the last half of the '80s.", [["the last half of the '80s", '198']]],
    ['the end of a decade', 'The plant will close by the end of the 1990s.', [['the end of the 1990s', '199']]],
    ['half of a year stays a half', 'Output fell in the last half of 2014.', [['the last half of 2014', '2014-H2']]],
    ['century', 'The mosque dates from the 11th century.', [['the 11th century', '10']]],
  ])('%s', (_name, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});

describe('dates: times', () => {
  it.each([
    ['clock time on a weekday', 'The blast came at 10:35 a.m. Friday.', [['10:35 a.m. Friday', 'time', '2015-07-17T10:35']]],
    ['clock time alone is today', 'The statement came at 2:30 p.m.', [['2:30 p.m.', 'time', '2015-07-20T14:30']]],
    ['time and day apart, with the time in another zone between them', 'It exploded at about 10:35 a.m. (0735 GMT) Friday.', [['about 10:35 a.m.', 'time', '2015-07-17T10:35'], ['0735 GMT', 'time', '2015-07-17T07:35Z'], ['Friday', 'date', '2015-07-17']]],
    ['noon and a weekday', 'Talks broke off at noon Thursday.', [['noon Thursday', 'time', '2015-07-16T12:00']]],
    ['this morning', 'Shares opened lower this morning.', [['this morning', 'time', '2015-07-20TMO']]],
    ['last night', 'Rebels attacked last night.', [['last night', 'time', '2015-07-19TNI']]],
    ['tonight', 'The minister speaks tonight.', [['tonight', 'time', '2015-07-20TNI']]],
    ['yesterday afternoon', 'He resigned yesterday afternoon.', [['yesterday afternoon', 'time', '2015-07-19TAF']]],
    ['mid-afternoon and a day word', 'In London at mid-afternoon yesterday, shares were up.', [['mid-afternoon yesterday', 'time', '2015-07-19TAF']]],
    ['a weekday evening is that part of the day', 'The vote was counted on Thursday evening.', [['Thursday evening', 'time', '2015-07-16TEV']]],
    ['a weekday evening ahead', 'The minister will speak Wednesday evening.', [['Wednesday evening', 'time', '2015-07-22TEV']]],
    ['a weekday morning is that part of the day', 'Talks resumed on Friday morning.', [['Friday morning', 'time', '2015-07-17TMO']]],
    ['mid-morning and a weekday', 'Talks resumed mid-morning Friday.', [['mid-morning Friday', 'time', '2015-07-17TMO']]],
    ['mid-afternoon alone is today', 'Shares rose by mid-afternoon.', [['mid-afternoon', 'time', '2015-07-20TAF']]],
    ['mid-afternoon before a lower-case weekday word is not that day', 'By mid-afternoon friday traders left.', [['mid-afternoon', 'time', '2015-07-20TAF']]],
  ])('%s', (_name, text, expected) => {
    expect(typed(text)).toEqual(expected);
  });
});

describe('dates: coordinated days and fiscal years', () => {
  it.each([
    ['two days joined by and', 'The summit will be held on April 24 and 25.', [['April 24', '2016-04-24'], ['25', '2016-04-25']]],
    ['two days with the year after the second', 'The vote is on May 2 or 3, 2016.', [['May 2', '2016-05-02'], ['3', '2016-05-03'], ['2016', '2016']]],
    ['a day and a clock time are not two days', 'They met on June 5 and 6:30 p.m. was the deadline.', [['June 5', '2015-06-05'], ['6:30 p.m.', '2015-07-20T18:30']]],
    ['the current fiscal year', 'Sales in the current fiscal year will rise.', [['the current fiscal year', '2015']]],
    ['the latest fiscal year', 'It had sales of $6 billion in the latest fiscal year.', [['the latest fiscal year', '2014']]],
    ['last fiscal year', 'Sales fell last fiscal year.', [['last fiscal year', '2014']]],
  ])('%s', (_name, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});

describe('dates: durations and sets', () => {
  it.each([
    ['three months', 'The talks lasted three months.', [['three months', 'duration', 'P3M']]],
    ['hyphenated', 'He signed a five-year contract.', [['five-year', 'duration', 'P5Y']]],
    ['hours', 'The meeting lasted more than four hours.', [['more than four hours', 'duration', 'PT4H']]],
    ['fraction', 'The flight took 5 1/2 hours.', [['5 1/2 hours', 'duration', 'PT5H30M']]],
    ['the past two weeks', 'Prices fell over the past two weeks.', [['the past two weeks', 'duration', 'P2W']]],
    ['decades', 'The dispute has lasted two decades.', [['two decades', 'duration', 'P20Y']]],
    ['vague', 'The talks took several years.', [['several years', 'duration', 'PXY']]],
    ['several quarters of losses', 'The unit made a profit after several quarters of losses.', [['several quarters', 'duration', 'PXQ']]],
    ['a counted fraction of a group', 'Three quarters of voters agree.', []],
    ['a vague fraction of a place', 'Several quarters of the city burned.', []],
    ['for years', 'They have not spoken for years.', [['years', 'duration', 'PXY']]],
    ['for a while', 'They will have to live without power for a while.', [['a while', 'duration', 'PXX']]],
    ['the first hours of an event', 'Prisoners were taken in the first hours of the war.', [['first hours', 'duration', 'PTXH']]],
    ['for hours', 'He spoke for hours.', [['hours', 'duration', 'PTXH']]],
    ['two plural units joined by or are one span', 'The hostage probably died within weeks or months of his capture.', [['weeks or months', 'duration', 'PXW']]],
    ['a cue after the second of two plural units covers both', 'Days or weeks later, the rebels returned.', [['Days or weeks', 'duration', 'PXD']]],
    ['the early hours of a day are a time of day, not a span', 'He was held in the early hours of Thursday morning.', [['Thursday morning', 'time', '2015-07-16TMO']]],
    ['hours of something without a cue', 'Hours of talks failed.', []],
    ['once in a while is a frequency, not a span', 'Once in a while he calls.', []],
    ['a lengthy period', 'Troops will stay for a fairly lengthy period.', [['a fairly lengthy period', 'duration', 'PXX']]],
    ['the period as a subject is not a span', 'The period was long.', []],
    ['while as a conjunction', 'While he slept, prices fell.', []],
    ['the first nine months', 'Profit rose in the first nine months.', [['the first nine months', 'duration', 'P9M']]],
    ['daily', 'The paper publishes the figures daily.', [['daily', 'set', 'P1D']]],
    ['every week', 'The council meets every week.', [['every week', 'set', 'P1W']]],
    ['every two years', 'Elections are held every two years.', [['every two years', 'set', 'P2Y']]],
    ['each Thursday', 'A flight leaves each Thursday.', [['each Thursday', 'set', 'XXXX-WXX-4']]],
    ['twice a year', 'The board meets twice a year.', [['a year', 'set', 'P1Y']]],
    ['three times per week', 'The board meets three times per week.', [['per week', 'set', 'P1W']]],
    ['annually after a verb', 'The ceremonies are held here annually.', [['annually', 'set', 'P1Y']]],
    ['annually in a clause after a multiplying verb', 'Output doubled, and the plant is inspected annually.', [['annually', 'set', 'P1Y']]],
    ['a weekday with a plural part of day', 'The show airs Sunday nights.', [['Sunday nights', 'set', 'XXXX-WXX-7TNI']]],
    ['a weekday coordinated with a plural part of day', 'Flights leave on Monday and Tuesday nights.', [['Monday', 'set', 'XXXX-WXX-1TNI'], ['Tuesday nights', 'set', 'XXXX-WXX-2TNI']]],
    ['a singular part of day is one day, not a set', 'He spoke on Tuesday night.', [['Tuesday night', 'time', '2015-07-14TNI']]],
    ['coordinated weekdays without a plural head stay days', 'They met Monday and Tuesday.', [['Monday', 'date', '2015-07-20'], ['Tuesday', 'date', '2015-07-14']]],
    ['an ordinal coordinated with plural quarters shares the head', 'Trade is usually brisk in the second and fourth quarters.', [['second', 'date', 'XXXX-Q2'], ['fourth quarters', 'date', 'XXXX-Q4']]],
    ['an ordinal not before quarters is not a quarter', 'He came second and fourth in two races.', []],
    ['a few days later is a span, not the future ("later" a signal outside it)', 'He resigned. A few days later, the firm cut jobs.', [['A few days', 'duration', 'PXD']]],
    ['a day earlier is a span', 'The port reopened on Monday. A day earlier, it had been shut.', [['Monday', 'date', '2015-07-20'], ['A day', 'duration', 'P1D']]],
    ['two weeks later is a span', 'He resigned in May. Two weeks later the firm collapsed.', [['May', 'date', '2015-05'], ['Two weeks', 'duration', 'P2W']]],
    ['in five years after a future verb is the year ahead', 'The bonds will be redeemed in five years.', [['five years', 'date', '2020']]],
    ['in ten days after a future verb is the day ahead', 'The panel would decide in 10 days.', [['10 days', 'date', '2015-07-30']]],
    ['in two weeks without a future verb stays a span', 'Prices rose 5% in two weeks.', [['two weeks', 'duration', 'P2W']]],
    ['in the next two years stays a span', 'Sales will double in the next two years.', [['the next two years', 'duration', 'P2Y']]],
    ['within two years is a span, and "within" a signal outside it', 'The plant will close within two years.', [['two years', 'duration', 'P2Y']]],
    ['"for" before a span is a signal outside it', 'For the nine months, net rose 5%.', [['the nine months', 'duration', 'P9M']]],
    ['a quantifier stays in the span', 'The talks lasted about five hours.', [['about five hours', 'duration', 'PT5H']]],
    ['a few months from now is the future', 'The plant will open a few months from now.', [['a few months from now', 'date', 'FUTURE_REF']]],
    ['one day after a modal is the future', 'The port could one day rival Rotterdam.', [['one day', 'date', 'FUTURE_REF']]],
    ['one day as a length stays a duration', 'The strike will last one day.', [['one day', 'duration', 'P1D']]],
    ['"last" as a verb is not in the span', "The talks didn't last three months.", [['three months', 'duration', 'P3M']]],
    ['"last" as a verb after "to"', 'The visit is expected to last about two weeks.', [['about two weeks', 'duration', 'P2W']]],
    ['the last two weeks keeps its adjective', 'Prices fell in the last two weeks.', [['the last two weeks', 'duration', 'P2W']]],
  ])('%s', (_name, text, expected) => {
    expect(typed(text)).toEqual(expected);
  });
});

describe('dates: vague references and counted offsets', () => {
  it.each([
    ['now', 'Prices are now rising.', [['now', 'PRESENT_REF']]],
    ['currently', 'He is currently in Baku.', [['currently', 'PRESENT_REF']]],
    ['recently', 'He recently moved to Baku.', [['recently', 'PAST_REF']]],
    ['formerly', 'The firm, formerly a bank, grew.', [['formerly', 'PAST_REF']]],
    ['the future', 'In the future, prices will fall.', [['the future', 'FUTURE_REF']]],
    ['soon after a modal', 'The firm will soon cut jobs.', [['soon', 'FUTURE_REF']]],
    ['soon before its verb', 'It soon will open a plant.', [['soon', 'FUTURE_REF']]],
    ['soon in a past narrative is not ahead', 'He was soon released.', []],
    ['soon after an event is not a time of its own', 'He was killed soon after his capture.', []],
    ['in recent years is the recent past', 'Growth slowed in recent years.', [['recent years', 'PAST_REF']]],
    ['in recent weeks is a span', 'Growth slowed in recent weeks.', [['recent weeks', 'PXW']]],
    ['the last few months', 'Growth slowed in the last few months.', [['the last few months', 'PAST_REF']]],
    ['for the past few weeks measures a span', 'For the past few weeks the talks have stalled.', [['the past few weeks', 'PXW']]],
    ['over the past several quarters is the recent past', 'Sales rose over the past several quarters.', [['the past several quarters', 'PAST_REF']]],
    ['two years ago', 'The mine closed two years ago.', [['two years ago', '2013']]],
    ['ten days ago', 'The mine closed 10 days ago.', [['10 days ago', '2015-07-10']]],
    ['six weeks ago', 'The mine closed six weeks ago.', [['six weeks ago', '2015-W24']]],
    ['several years ago', 'The mine closed several years ago.', [['several years ago', 'PAST_REF']]],
    ['a decade ago', 'The mine closed a decade ago.', [['a decade ago', '2005']]],
  ])('%s', (_name, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});

describe('dates: anaphora (the time the article talks about)', () => {
  it.each([
    [
      'a year earlier after a quarter',
      'Net income rose in the third quarter of 2014. It was $2 million a year earlier.',
      [['the third quarter of 2014', '2014-Q3'], ['a year earlier', '2013-Q3']],
    ],
    [
      'the quarter',
      'Profit rose in the second quarter of 2015. Sales in the quarter were flat.',
      [['the second quarter of 2015', '2015-Q2'], ['the quarter', '2015-Q2']],
    ],
    [
      'a year earlier after a year-to-date figure',
      'Profit rose in the third quarter of 2014. In the first nine months, sales were up from a year earlier.',
      [['the third quarter of 2014', '2014-Q3'], ['the first nine months', 'P9M'], ['a year earlier', '2013']],
    ],
    ['the previous weekday before the day talked about', 'On Friday, the index fell 4.5% from the previous Friday.', [['Friday', '2015-07-17'], ['the previous Friday', '2015-07-10']]],
    ['the following weekday after the day talked about', 'He arrived on Tuesday, July 14, and left the following Monday.', [['Tuesday, July 14', '2015-07-14'], ['the following Monday', '2015-07-20']]],
    ['the previous weekday without a day talked about', 'Shares fell from the previous Friday.', [['the previous Friday', '2015-07-17']]],
    ['the previous weekday after a coarser time is the fallback', 'Sales rose in 2013, from the previous Friday.', [['2013', '2013'], ['the previous Friday', '2015-07-17']]],
    ['the following year', 'He was promoted on May 22, 1995, and the following year he retired.', [['May 22, 1995', '1995-05-22'], ['the following year', '1996']]],
    ['later that year', 'He fled in June 1998 and returned later that year.', [['June 1998', '1998-06'], ['later that year', '1998']]],
    ['that same day after a month is an unnamed day of it', 'He was shot last October. His name was crossed out that same day.', [['last October', '2014-10'], ['that same day', '2014-10-XX']]],
    ['that week after a year is an unnamed week of it', 'The plant opened in 1995. That week, shares rose.', [['1995', '1995'], ['That week', '1995-WXX']]],
    ['that day after a day is that day', 'Shares fell on Oct. 12. That day, trading was halted.', [['Oct. 12', '2014-10-12'], ['That day', '2014-10-12']]],
    ['that day with nothing talked about stays unresolved', 'You have strong redemptions that day.', [['that day', null]]],
    ['two days later is the span after the day talked about', 'The bomb exploded on Aug. 7, 1998. Two days later, a suspect was held.', [['Aug. 7, 1998', '1998-08-07'], ['Two days', 'P2D']]],
    ['a month earlier is the period compared with', 'Retail sales rose 2% in June from a month earlier.', [['June', '2015-06'], ['a month earlier', '2015-05']]],
    ['that year after a stated year', 'Imports totaled $37 million in 1988, a small share of imports that year.', [['1988', '1988'], ['that year', '1988']]],
    ['the following year after a stated year', 'The plant opened in 1995 and closed the following year.', [['1995', '1995'], ['the following year', '1996']]],
    ['last year is not anchored on a stated year', 'Visitors rose from 100,000 in 1980 to 300,000 last year.', [['1980', '1980'], ['last year', '2014']]],
    ['a year ago is not anchored on a stated year', 'The firm was founded in 1980. Sales doubled from a year ago.', [['1980', '1980'], ['a year ago', '2014']]],
    ['the full year completes a part, not a stated target', 'It aims to lead the market by 1992. It forecast higher earnings for the full year.', [['1992', '1992'], ['the full year', '2015']]],
    ['the full year after a quarter', 'Profit fell in the third quarter of 2014. For the full year, profit rose.', [['the third quarter of 2014', '2014-Q3'], ['the full year', '2014']]],
    ['year-earlier without a quarter is last year', 'Net fell to $1 million, compared with year-earlier net of $2 million.', [['year-earlier', '2014']]],
    ['year-earlier after a quarter', 'Net fell in the second quarter of 2015, below year-earlier net.', [['the second quarter of 2015', '2015-Q2'], ['year-earlier', '2014-Q2']]],
    [
      'a quarter named in passing does not become the period talked about',
      'Net rose in the third quarter of 2014. After a flat second quarter, sales grew. Costs were lower than in the year-earlier period.',
      [['the third quarter of 2014', '2014-Q3'], ['second quarter', '2015-Q2'], ['the year-earlier period', '2013-Q3']],
    ],
    [
      'a forecast quarter does not become the period talked about',
      'Net fell in the second quarter. Analysts expect losses through the fourth quarter of 2016. In the year-ago period, it earned $3 million.',
      [['the second quarter', '2015-Q2'], ['the fourth quarter of 2016', '2016-Q4'], ['the year-ago period', '2014-Q2']],
    ],
    [
      'the current quarter is not yet over',
      'Net rose in the second quarter. Sales will rise in the third quarter. In the year-ago period, it earned $3 million.',
      [['the second quarter', '2015-Q2'], ['the third quarter', '2015-Q3'], ['the year-ago period', '2014-Q2']],
    ],
    [
      'a fiscal quarter said to have ended is over',
      'Net fell in its third quarter ended June 30. In the year-ago period, it earned $3 million.',
      [['third quarter', '2015-Q3'], ['June 30', '2015-06-30'], ['the year-ago period', '2014-Q3']],
    ],
    [
      'a definite quarter does become the period talked about',
      'Net rose in the third quarter of 2014. In the second quarter, sales grew. Costs were lower than in the year-earlier period.',
      [['the third quarter of 2014', '2014-Q3'], ['the second quarter', '2015-Q2'], ['the year-earlier period', '2014-Q2']],
    ],
    ['this quarter\'s reported results are the quarter the report is about', "Net fell in the second quarter. This quarter's loss includes a $3 million charge.", [['the second quarter', '2015-Q2'], ['This quarter', '2015-Q2']]],
    ['this quarter\'s forecast results are the current quarter', "Net fell in the second quarter. This quarter's sales will be weak.", [['the second quarter', '2015-Q2'], ['This quarter', '2015-Q3']]],
    ['this quarter without results is the current quarter', 'Net fell in the second quarter. Sales rose this quarter.', [['the second quarter', '2015-Q2'], ['this quarter', '2015-Q3']]],
    ['last year after a named figure in a quarter', 'In the second quarter of 2015, the unit lost $2 million, compared with earnings of $3 million last year.', [['the second quarter of 2015', '2015-Q2'], ['last year', '2014-Q2']]],
    [
      'the quarter ended a date after a numbered fiscal quarter is that quarter',
      'Net rose in the fiscal first quarter. Sales for the quarter ended June 30 were up. In the quarter, it shipped more.',
      [['the fiscal first quarter', '2015-Q1'], ['the quarter', '2015-Q1'], ['June 30', '2015-06-30'], ['the quarter', '2015-Q1']],
    ],
    ['the quarter ended a date after a calendar quarter is the calendar quarter', 'Net rose in the second quarter. Sales for the quarter ended June 30 were up.', [['the second quarter', '2015-Q2'], ['the quarter', '2015-Q2'], ['June 30', '2015-06-30']]],
    [
      'a calendar quarter named after a fiscal one brings the calendar numbering back',
      'Net rose in the fiscal first quarter. In the second quarter, it lost money. Sales for the quarter ended June 30 fell.',
      [['the fiscal first quarter', '2015-Q1'], ['the second quarter', '2015-Q2'], ['the quarter', '2015-Q2'], ['June 30', '2015-06-30']],
    ],
    ['the quarter ended a date alone is the calendar quarter', 'Sales for the quarter ended June 30 fell.', [['the quarter', '2015-Q2'], ['June 30', '2015-06-30']]],
    ['the latest period is the quarter the report named', 'Net fell in the fiscal first quarter. The latest period included a gain.', [['the fiscal first quarter', '2015-Q1'], ['The latest period', '2015-Q1']]],
    ['the latest quarter without a quarter named is the last one completed', 'The latest quarter included a gain.', [['The latest quarter', '2015-Q2']]],
    [
      'a current quarter whose results are told in the past has ended (a fiscal one)',
      'The company reported a decline in third-quarter earnings. Sales in the latest period rose.',
      [['third-quarter', '2015-Q3'], ['the latest period', '2015-Q3']],
    ],
    [
      'a current quarter whose results are expected has not ended',
      'Analysts expect a decline in third-quarter earnings. Sales in the latest period rose.',
      [['third-quarter', '2015-Q3'], ['the latest period', '2015-Q2']],
    ],
    ['the latest quarter anchors a year earlier', 'Sales in the latest quarter rose from a year earlier.', [['the latest quarter', '2015-Q2'], ['a year earlier', '2014-Q2']]],
    [
      'the quarter ended a date with its own year is read from the date, even after a fiscal quarter',
      'Net rose in the fiscal first quarter. It was below the quarter ended June 30, 2014.',
      [['the fiscal first quarter', '2015-Q1'], ['the quarter', '2014-Q2'], ['June 30, 2014', '2014-06-30']],
    ],
    ['last year after a named figure without a quarter', 'The unit lost $2 million, compared with earnings of $3 million last year.', [['last year', '2014']]],
    ["last year's figure after a quarter", "In the second quarter of 2015, sales were $2 billion, up from last year's $1.8 billion.", [['the second quarter of 2015', '2015-Q2'], ['last year', '2014-Q2']]],
    ["last year's results after a quarter", "Net fell in the second quarter. Last year's results included a gain.", [['the second quarter', '2015-Q2'], ['Last year', '2014-Q2']]],
    ["last year's figure after a year is last year", "Profit will top $4 a share this year, up from last year's $3.27.", [['this year', '2015'], ['last year', '2014']]],
    ["last year's without figures is last year", "Last year's floods were severe.", [['Last year', '2014']]],
  ])('%s', (_name, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});

describe('dates: tense decides the occurrence', () => {
  it.each([
    ['past verb, weekday', 'Shares rose on Thursday.', [['Thursday', '2015-07-16']]],
    ['future verb, weekday', 'Shares will be sold on Thursday.', [['Thursday', '2015-07-23']]],
    ['planned, weekday', 'The minister is expected to arrive on Thursday.', [['Thursday', '2015-07-23']]],
    ['scheduled, weekday', 'He has scheduled a news conference Thursday.', [['Thursday', '2015-07-23']]],
    ['until, weekday', 'The offer runs until Thursday.', [['Thursday', '2015-07-23']]],
    ['until after a past verb, weekday', 'The agency extended its deadline until Thursday.', [['Thursday', '2015-07-23']]],
    ['fronted until with a past verb', 'Until Thursday, they had not called him a suspect.', [['Thursday', '2015-07-16']]],
    ['not until with a past verb', 'It was not until Thursday that he spoke.', [['Thursday', '2015-07-16']]],
    ['through a month, present perfect', 'Lenders have extended loans through January.', [['January', '2016-01']]],
    ['through at the end of a range', 'Sales were flat this year through June, the fund said.', [['this year', '2015'], ['June', '2015-06']]],
    ['a plan overtaken in the past perfect', 'The offer had been scheduled to expire at midnight Friday.', [['midnight Friday', '2015-07-17T24:00']]],
    ['a deadline in the past perfect is behind', 'It had been due to expire Friday evening.', [['Friday evening', '2015-07-17TEV']]],
    ['a deadline in the present is ahead', 'The offer is due to expire Friday evening.', [['Friday evening', '2015-07-24TEV']]],
    ['a past perfect elsewhere leaves the deadline ahead', 'The bonds, which had matured, are payable Friday.', [['Friday', '2015-07-24']]],
    ['possessive looks back', "Investors digested Thursday's ruling and will act.", [['Thursday', '2015-07-16']]],
    ['present tense, nearest weekday', 'The market is open on Wednesday.', [['Wednesday', '2015-07-22']]],
    ['past verb, month and day', 'The ambassador wrote on November 12.', [['November 12', '2014-11-12']]],
    ['future verb, month and day', 'The ambassador will write on November 12.', [['November 12', '2015-11-12']]],
    ['will be held in September', 'A conference will be held in September.', [['September', '2015-09']]],
    ['past verb, month', 'The accord was signed in December.', [['December', '2014-12']]],
    ['future verb, month', 'The accord will be signed in December.', [['December', '2015-12']]],
    ['plans to, month', 'The company plans to list its shares in March.', [['March', '2016-03']]],
    ['irregular past, month', 'Turnover rose in October and fell in March.', [['October', '2014-10'], ['March', '2015-03']]],
    ['near month wins over tense', 'The summit was moved to August.', [['August', '2015-08']]],
    ['near day wins over tense', 'The court set a deadline of July 31.', [['July 31', '2015-07-31']]],
    ['a mistagged noun is not the verb', 'Two died in the heavy rains on October 22, the mayor said.', [['October 22', '2014-10-22']]],
    ['a participle after a count is past', 'The fund holds 500,000 shares, including 254,200 bought from July 1 to Thursday.', [['July 1', '2015-07-01'], ['Thursday', '2015-07-16']]],
    ['a participle after a quantifier is past', 'It holds shares, including some sold from July 1 to Thursday.', [['July 1', '2015-07-01'], ['Thursday', '2015-07-16']]],
    ['a planned participle after a count is not past', 'The 300 scheduled for Thursday will go ahead.', [['Thursday', '2015-07-23']]],
    ['a participle before its noun is an adjective', 'It has 5,000 armed guards on duty Thursday.', [['Thursday', '2015-07-23']]],
    ['a get-passive takes the tense of get', 'Makers are going to start getting beat up in the winter.', [['the winter', '2015-WI']]],
    ['as scheduled keeps the verb tense', 'The talks began as scheduled on Friday.', [['Friday', '2015-07-17']]],
    ['as previously planned keeps the verb tense', 'He let the march begin as previously planned Friday night.', [['Friday night', '2015-07-17TNI']]],
    ['planned for is still ahead', 'The talks are planned for Friday.', [['Friday', '2015-07-24']]],
    ['a past get-passive is past', 'Makers got beat up in the winter.', [['the winter', '2014-WI']]],
    ['payable, record date', 'The board declared a dividend payable Dec. 15 to holders of record Nov. 17.', [['Dec. 15', '2015-12-15'], ['Nov. 17', '2015-11-17']]],
    ['since looks back', 'Prices have doubled since March.', [['March', '2015-03']]],
    ['quarter just ended is reported whatever the tense', 'It expects to report third-quarter results.', [['third-quarter', '2015-Q3']]],
  ])('%s', (_name, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});

describe('dates: tense, a misread name', () => {
  it('a capitalised "verb" inside a sentence is a name, not the verb that places the date', () => {
    // Written in October, January alone is the coming one; "killed" puts it in the past.
    const text = 'In January, a week after the anniversary of the Roe vs. Wade Supreme Court decision, a bomb killed a guard.';
    expect(dates(text, '2015-10-25')).toEqual([['January', '2015-01'], ['a week', 'P1W']]);
  });
});

describe('dates: things that are not dates', () => {
  it.each([
    ['may as a verb', 'Prices may rise. May we ask why?'],
    ['march as a verb', 'Protesters plan to march on parliament.'],
    ['march as a noun', 'The march drew thousands.'],
    ['a name', 'Theresa May spoke to reporters.'],
    ['Sunday Times', 'The Sunday Times reported the deal.'],
    ['Sunday Telegraph', 'He writes for the Sunday Telegraph.'],
    ['Sun Microsystems', 'Sun Microsystems sold the unit.'],
    ['agency code', 'Details are not disclosed. -02D-'],
    ['agency-like code mid-text', 'Talks went on -2D- and ended.'],
    ['version numbers', 'Version 2.10.3 was released. It runs iOS 8.1.2.'],
    ['decimals', 'Shares rose 3.14 points to 12.5 dollars.'],
    ['phone numbers', 'Call 555-1234 or (012) 498-12-34 for details.'],
    ['scores', 'Qarabag won 3-1 and drew 2-2.'],
    ['tennis scores with a spaced dash', 'Sampras beat Rafter ( Australia ) 6 - 3 6-4 6-2.'],
    ['a score in a set', 'He served for the match at 5-4 in the third set before Washington broke back.'],
    ['a range of prices', 'Premiums were steady at 10-20 cents an ounce in Singapore.'],
    ['COP29', 'He spoke at COP29 about the G20 and Windows 10.'],
    ['ordinals', 'She finished 2nd in the 3rd round of her 12th race.'],
    ['counts like years', 'Some 2000 troops and 1500 police were sent.'],
    ['fractions and ratios', 'A 3/4 majority backed it 7-2.'],
    ['ages', 'A 44-year-old man and his six-year-old son were hurt.'],
    ['a second as an ordinal', 'It would be a second betrayal.'],
    ['a programme name', 'He said on "60 Minutes" and on ABC\'s "This Week" that he would stay.'],
    ['High Noon', 'The poster showed Gary Cooper in High Noon.'],
    ['USA Today', 'He told USA Today about it.'],
    ['prices fall', 'Prices fall when supply rises.'],
    ['the fall of a city', 'The fall of the city shocked the region.'],
    ['rates per unit', 'It saves $500 million a year and flies 700 seats a week.'],
    ['units of measure with per', 'The chip runs 15 million instructions per second and costs $5 per day.'],
    ['quarterly dividend', 'The company raised its quarterly dividend.'],
    ['annual growth rates', 'Sales will rise 8.5% annually, about 10,000 units annually.'],
    ['a multiplying rate', 'The group has been tripling its revenue annually.'],
    ["today's youth", "The case is for today's youth what the war was for their parents."],
    ['the people of tomorrow', 'He wants the people of tomorrow on the board.'],
    ['the March for Life', 'Police scanned the annual March for Life.'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(dates(text)).toEqual([]);
  });
});

describe('dates: no reference date', () => {
  it.each([
    ['month', 'A conference will be held in September.', [['September', 'XXXX-09']]],
    ['month and day', 'He wrote on November 12.', [['November 12', 'XXXX-11-12']]],
    ['weekday', 'Shares rose on Thursday.', [['Thursday', 'XXXX-WXX-4']]],
    ['a day beside a weekday has no value without a reference', 'He left the day after Friday.', [['the day after Friday', null]]],
    ['stated year', 'It was signed on Nov. 12, 1998.', [['Nov. 12, 1998', '1998-11-12']]],
    ['relative day', 'Shares fell yesterday.', [['yesterday', null]]],
    ['duration', 'The talks lasted three months.', [['three months', 'P3M']]],
  ])('%s', (_name, text, expected) => {
    expect(dates(text, null)).toEqual(expected);
  });
});

describe('dates: datelines', () => {
  it('gives the reference when publishedAt is absent, with the year from the article', () => {
    const text = 'BAKU, Nov 14 (Reuters) - The talks ended on Friday. An accord signed on Nov. 12, 2024 holds.';
    expect(dates(text, null)).toEqual([
      ['Nov 14', '2024-11-14'],
      ['Friday', '2024-11-08'],
      ['Nov. 12, 2024', '2024-11-12'],
    ]);
    expect(extractor.analyze(text).reference).toEqual({ year: 2024, month: 11, day: 14 });
  });

  it('reads a dateline with its own year and the day first', () => {
    const text = 'Moscow, 14 November 2023 (Turan) - Ministers met on Monday.';
    expect(dates(text, null)).toEqual([
      ['14 November 2023', '2023-11-14'],
      ['Monday', '2023-11-13'],
    ]);
  });

  it('does not override a given publishedAt', () => {
    const text = 'BAKU, Nov 14 (Reuters) - The talks ended on Friday.';
    expect(dates(text, '2015-07-20')).toEqual([
      ['Nov 14', '2014-11-14'],
      ['Friday', '2015-07-17'],
    ]);
    expect(extractor.analyze(text, { publishedAt: '2015-07-20' }).reference).toEqual({ year: 2015, month: 7, day: 20 });
  });

  it('leaves the reference unknown when nothing gives the year', () => {
    const text = 'BAKU, Nov 14 (Reuters) - The talks ended on Friday.';
    expect(dates(text, null)).toEqual([
      ['Nov 14', 'XXXX-11-14'],
      ['Friday', 'XXXX-WXX-5'],
    ]);
  });
});

describe('dates: output invariants', () => {
  it('lists dates in text order, without overlaps, never in page furniture', () => {
    const text = 'Talks ended on Friday. -02D-\nPolitics\n-\nOn Monday, in 2014 and last week the bank said it will pay on Dec. 15.';
    const result = extractor.extract(text, { publishedAt: PUBLISHED });
    expectValidResult(result, text);
    const { dates: found } = result;
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    expect(found.map((d) => d.text)).toEqual(['Friday', 'Monday', '2014', 'last week', 'Dec. 15']);
  });

  it('keeps provenance on every record', () => {
    const doc = extractor.analyze('Shares rose on Friday and fell in the third quarter.', { publishedAt: PUBLISHED });
    expect(doc.dates.map((d) => [d.text, d.provenance.stage])).toEqual([['Friday', 'dates'], ['the third quarter', 'dates']]);
    expect(doc.dates.every((d) => d.provenance.rule.length > 0)).toBe(true);
  });

  it('accepts a Date as publishedAt, read in UTC', () => {
    expect(dates('Shares fell yesterday.', new Date(Date.UTC(2015, 6, 20, 23, 30)))).toEqual([['yesterday', '2015-07-19']]);
  });
});

describe('dates: the same values in any time zone', () => {
  const originalZone = process.env.TZ;
  afterAll(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });
  const text =
    'The talks ended on Friday and resume on Monday. Shares fell yesterday, rose last week and will rise next month. ' +
    'He wrote on November 12. A meeting will be held in September. It was signed on Nov. 12, 1998 at 10:35 a.m. ' +
    'The bomb exploded 10 days ago; the mine closed two years ago. Profit rose in the third quarter. The dam opens this summer.';
  // Reference dates around daylight-saving changes and year ends.
  const references = ['2015-07-20', '2015-03-08', '2015-11-01', '2015-03-29', '2016-01-01', '2014-12-31T23:30:00Z'];
  const zones = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Europe/London'];

  it.each(references)('publishedAt %s', (publishedAt) => {
    process.env.TZ = 'UTC';
    const expected = dates(text, publishedAt);
    expect(expected.length).toBeGreaterThan(10);
    for (const zone of zones) {
      process.env.TZ = zone;
      expect([zone, dates(text, publishedAt)]).toEqual([zone, expected]);
    }
  });
});

describe.skipIf(!HAS_SHARED)('dates: the seed article (publishedAt 2015-07-20)', () => {
  const text = HAS_SHARED ? readShared('examples', 'seed-article.txt') : '';
  const found = HAS_SHARED ? extractor.extract(text, { publishedAt: '2015-07-20' }).dates : [];
  const valueAt = (before: string, surface: string): (string | null)[] => {
    const at = text.indexOf(before);
    return found.filter((d) => d.start >= at && d.start <= at + before.length + 200 && d.text === surface).slice(0, 1).map((d) => d.value);
  };

  it('"on Friday" is the Friday before', () => {
    expect(valueAt('During the meeting in Moscow on', 'Friday')).toEqual(['2015-07-17']);
  });

  it('each of the three "September" is 2015-09', () => {
    const septembers = found.filter((d) => d.text === 'September');
    expect(septembers.map((d) => d.value)).toEqual(['2015-09', '2015-09', '2015-09']);
  });

  it('"wrote … on November 12" is 2014-11-12 and "rains on October 22" is 2014-10-22', () => {
    expect(valueAt('wrote on the U.S. Embassy', 'November 12')).toEqual(['2014-11-12']);
    expect(valueAt('heavy rains on', 'October 22')).toEqual(['2014-10-22']);
  });

  it('nothing at "-02D-" or "COP29"', () => {
    for (const code of ['-02D-', 'COP29']) {
      const at = text.indexOf(code);
      expect(at).toBeGreaterThan(0);
      expect(found.filter((d) => d.start < at + code.length && d.end > at)).toEqual([]);
    }
  });
});
