/** lede's own date parsers, in the order they run (the order only breaks ties between equal spans). */

import type { DateParser } from '../parser.js';
import type { CompiledDatesLexicon } from '../lexicon.js';
import { agoParser } from './ago.js';
import { anaphoricPartOfDayParser } from './anaphoric-part-of-day.js';
import { anaphoricWeekdayParser, appositiveDayParser, dayBesideWeekdayParser, dayWordParser, nthDayTodayParser, weekendParser } from './day-words.js';
import { createClockZoneParser } from './clock-zone.js';
import { centuryParser, decadeParser } from './decade.js';
import { durationParser } from './duration.js';
import { fiscalYearParser } from './fiscal-year.js';
import { anaphoricQuarterParser, coordinatedQuarterParser, ordinalQuarterParser, quarterEndedParser, shortQuarterParser } from './quarter.js';
import { coordinatedDayParser, coordinatedFirstDayParser, holidayParser, relativeMonthParser, weekOfParser } from './month.js';
import { pluralUnitParser, whileParser } from './plural-unit.js';
import { ellipticalLastParser, relativeUnitParser, theWeekParser, theYearParser, withinUnitParser } from './relative-unit.js';
import { seasonParser } from './season.js';
import { everyParser, pluralWeekdayParser, setAdverbParser } from './set.js';
import { createVagueReferenceParser } from './vague-reference.js';
import { spokenYearParser, yearParser } from './year.js';

export function createDateParsers(lexicon: CompiledDatesLexicon): readonly DateParser[] {
  return Object.freeze([
    dayWordParser,
    anaphoricPartOfDayParser,
    anaphoricWeekdayParser,
    dayBesideWeekdayParser,
    nthDayTodayParser,
    appositiveDayParser,
    relativeMonthParser,
    holidayParser,
    weekOfParser,
    coordinatedDayParser,
    coordinatedFirstDayParser,
    relativeUnitParser,
    ellipticalLastParser,
    withinUnitParser,
    theYearParser,
    theWeekParser,
    agoParser,
    ordinalQuarterParser,
    coordinatedQuarterParser,
    quarterEndedParser,
    shortQuarterParser,
    anaphoricQuarterParser,
    seasonParser,
    weekendParser,
    decadeParser,
    centuryParser,
    fiscalYearParser,
    yearParser,
    spokenYearParser,
    everyParser,
    pluralWeekdayParser,
    setAdverbParser,
    durationParser,
    pluralUnitParser,
    whileParser,
    createVagueReferenceParser(lexicon),
    createClockZoneParser(lexicon),
  ]);
}
