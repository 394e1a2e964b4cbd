/**
 * A calendar unit named relative to now: "this week" (2015-W30), "last month"
 * (2015-06), "next year" (2016), "this quarter", "the past year", "early next
 * year", "the end of this week", "this weekend", "the current fiscal year",
 * "the latest fiscal year" (the last one completed); and relative to the time last
 * talked about: "the following year", "the next day", "the previous month", "the same day",
 * "this quarter's loss" (the quarter whose results the report gives).
 */

import type { DateMeaning, Relation, ShiftUnit } from '../candidate.js';
import { UNIT_TRIGGER, type DateParser, type ParsedDate } from '../parser.js';
import { extendPointStart } from './modifiers.js';
import { LATEST_QUARTER } from './quarter.js';

const PATTERN =
  /(?<![\w-])(?:(the|that)\s+)?(this\s+past|this|last|next|past|previous|preceding|prior|coming|current|following|same|that\s+same|that|upcoming|latest|most\s+recent)\s+(?:(?:fiscal|financial|calendar)\s+(?=year|quarter))?(day|week|weekend|month|quarter|year|decade|century)(?![\w-])/gi;

/** "… from $1.55 billion", "… with a loss of $3 million", "… with earnings of $33 million", "… than": a figure compared with an earlier period. */
const COMPARISON_BEFORE = /\b(?:from|with|than|versus|vs\.?)\s+(?:(?:a\s+)?(?:net\s+)?(?:loss|profit|gain|deficit|earnings|income|sales|revenues?)\s+of\s+)?(?:about\s+)?[$£€#]?\s?[\d.,]+(?:\s*(?:million|billion|%|percent))?(?:,\s*or\s+[^,]{1,25},?)?\s+$/i;

/** "'s loss", "'s net income", "'s results": a period's reported figures after its possessive. */
const RESULTS_AFTER = /^['’]s\s+(?:[a-z-]+\s+)?(?:loss|losses|profit|profits|earnings|results|net|income|sales|revenues?|charges?)\b/i;

/** "'s $1.55 billion", "'s fully diluted $3.27": a period's reported figure after its possessive. */
const FIGURE_AFTER = /^['’]s\s+(?:[a-z-]+\s+){0,2}[$£€#]\s?\d/i;

const FORECAST_AFTER = /^[^.;]*?\b(?:will|would|could|may|might|should|expect(?:s|ed)?|forecast|projected|estimated|is\s+likely|are\s+likely)\b/i;

const GRANULARITY: Readonly<Record<string, ShiftUnit>> = {
  day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year', decade: 'decade',
};

export const relativeUnitParser: DateParser = {
  id: 'relative-unit',
  trigger: UNIT_TRIGGER,
  pattern: PATTERN,
  extract(match, context): ParsedDate | null {
    const determiner = match[1]?.toLowerCase();
    // "the latest fiscal year", "the most recent month": the last one completed.
    const modifier = match[2]!.toLowerCase().replace(/\s+/g, ' ').replace(/^(?:latest|most recent)$/, 'last');
    if (modifier === 'last' && /^(?:latest|most)/i.test(match[2]!) && determiner !== 'the') return null;
    // "ABC's This Week": a capitalised unit after the sentence start names a programme.
    if (/^[A-Z]/.test(match[3]!) && match.index > 0) return null;
    const unitWord = match[3]!.toLowerCase();
    const start = extendPointStart(context.text, match.index);
    const end = match.index + match[0].length;
    const date = (meaning: DateMeaning, rule?: string): ParsedDate => ({ start, end, type: 'date', meaning, ...(rule ? { rule } : {}) });

    // "the latest quarter": the quarter the report is about (see LATEST_QUARTER).
    if (unitWord === 'quarter' && /^(?:latest|most)/i.test(match[2]!)) return date(LATEST_QUARTER, 'relative-unit-latest-quarter');
    if (unitWord === 'century') {
      if (modifier === 'this' || modifier === 'current') return { start, end, type: 'duration', meaning: { kind: 'fixed', value: 'P100Y' } };
      return null;
    }
    if (unitWord === 'weekend') {
      const relation: Relation | undefined = modifier === 'this' || modifier === 'coming' || modifier === 'upcoming' ? 'this'
        : modifier === 'last' || modifier === 'past' || modifier === 'this past' || modifier === 'previous' ? 'last'
        : modifier === 'next' ? 'next' : undefined;
      if (relation === undefined) return null;
      return date({ kind: 'calendar', weekend: true, relation });
    }
    const unit = GRANULARITY[unitWord];
    if (!unit) return null;
    // "that day", "the same week": the time last talked about.
    if (modifier === 'same' || modifier === 'that same' || modifier === 'that' || determiner === 'that') {
      if (modifier !== 'same' && modifier !== 'that same' && modifier !== 'that') return null;
      return date({ kind: 'anaphoric', anchor: 'any', shift: { unit, amount: 0 }, coarsenTo: unit, fallback: null }, 'relative-unit-same');
    }
    // "He appeared in court the next day": the day after the one talked about, as "the following day" is.
    // Not "in the next day or two", "within the next day": a span ahead.
    const nextDay = modifier === 'next' && unit === 'day' && determiner === 'the'
      && !/(?:^|\W)(?:in|within|over|during|for)\s+$/i.test(context.text.slice(Math.max(0, match.index - 8), match.index))
      && !/^\s+or\b/i.test(context.text.slice(end, end + 6));
    if (nextDay || modifier === 'following' || modifier === 'previous' || modifier === 'preceding' || modifier === 'prior') {
      if (determiner !== 'the') return null;
      const amount = modifier === 'following' || nextDay ? 1 : -1;
      return date(
        // With no day talked about, "the next day" of a past story is unknown (as "that day" is), not tomorrow.
        { kind: 'anaphoric', anchor: 'any', shift: { unit, amount }, coarsenTo: unit, fallback: nextDay ? null : { kind: 'shift', unit, amount, granularity: unit } },
        'relative-unit-anaphoric',
      );
    }
    if (unit === 'day') return null; // "this day", "next day": rarely a date in news
    // "compared with $3 million last year": in a report on a quarter, the same quarter a year before.
    // So are "last year's $1.55 billion" and "last year's results": the figures of the period a year before.
    const yearFigures = (): boolean => RESULTS_AFTER.test(context.text.slice(end, end + 60)) || FIGURE_AFTER.test(context.text.slice(end, end + 40));
    if (unit === 'year' && modifier === 'last' && determiner === undefined && (yearFigures() || COMPARISON_BEFORE.test(context.text.slice(Math.max(0, start - 60), start)))) {
      return date(
        { kind: 'anaphoric', anchor: 'any', shift: { unit: 'year', amount: -1 }, fallback: { kind: 'shift', unit: 'year', amount: -1, granularity: 'year' }, needsFinerAnchor: true },
        'relative-unit-comparison',
      );
    }
    // "This quarter's loss includes charges": the results of the quarter the report is about (which is over).
    // A forecast ("this quarter's sales will be weak") is about the current quarter.
    const following = context.text.slice(end, end + 60);
    if (unit === 'quarter' && modifier === 'this' && determiner === undefined && RESULTS_AFTER.test(following) && !FORECAST_AFTER.test(following)) {
      return date(
        { kind: 'anaphoric', anchor: 'quarter', shift: { unit: 'year', amount: 0 }, fallback: { kind: 'shift', unit: 'quarter', amount: 0, granularity: 'quarter' } },
        'relative-unit-reported-quarter',
      );
    }
    const amount = modifier === 'this' || modifier === 'current' ? 0
      : modifier === 'next' || modifier === 'coming' || modifier === 'upcoming' ? 1
      : -1;
    if (unit === 'decade') {
      // "the past decade" is the ten years up to now (as TimeBank writes it); "the last decade" the previous one.
      if (modifier === 'past') return { start, end, type: 'duration', meaning: { kind: 'fixed', value: 'P10Y' } };
      return date({ kind: 'shift', unit: 'decade', amount, granularity: 'decade' });
    }
    return date({ kind: 'shift', unit, amount, granularity: unit });
  },
};

/** "twice as high this year as last", "more this month than last": "last" standing for the unit named just before. */
const ELLIPTICAL_LAST = /(?<![\w'’-])(?:as|than)\s+(last)(?=\s*(?:[.,;:)!?]|$))/gi;
const THIS_UNIT_BEFORE = /\bthis\s+(week|month|quarter|year)\b(?![\s\S]*\bthis\s+(?:week|month|quarter|year)\b)/i;

export const ellipticalLastParser: DateParser = {
  id: 'elliptical-last',
  trigger: /\b(?:as|than)\s+last\b/i,
  pattern: ELLIPTICAL_LAST,
  extract(match, context): ParsedDate | null {
    const end = match.index + match[0].length;
    const start = end - match[1]!.length;
    const unitWord = THIS_UNIT_BEFORE.exec(context.text.slice(Math.max(0, match.index - 100), match.index))?.[1]?.toLowerCase();
    const unit = unitWord === undefined ? undefined : GRANULARITY[unitWord];
    if (unit === undefined) return null;
    return { start, end, type: 'date', meaning: { kind: 'shift', unit, amount: -1, granularity: unit } };
  },
};

/** "earlier in the year", "later in the day", "the end of the month", "year-end", "by year's end". */
const WITHIN_UNIT =
  /(?<![\w-])(?:(earlier|later|early|late)\s+in\s+the\s+(day|week|month|year)|(?:the\s+)?(?:end|close|start|beginning|middle|rest|remainder|balance)\s+of\s+the\s+(?:(?:fiscal|financial|calendar)\s+(?=quarter|year))?(week|month|quarter|year)|(year)(?:-end|\s+end|['’]s\s+end)|(month)(?:-end|\s+end|['’]s\s+end))(?![\w-])/gi;

export const withinUnitParser: DateParser = {
  id: 'within-unit',
  trigger: /day|week|month|quarter|year/i,
  pattern: WITHIN_UNIT,
  extract(match, context): ParsedDate | null {
    const unitWord = (match[2] ?? match[3] ?? match[4] ?? match[5])!.toLowerCase();
    const unit = GRANULARITY[unitWord];
    if (!unit) return null;
    const start = match.index;
    const end = match.index + match[0].length;
    if (match[1] !== undefined) {
      // Anchored on the time the article talks about, else on the reference.
      return {
        start, end, type: 'date',
        meaning: { kind: 'anaphoric', anchor: 'any', shift: { unit, amount: 0 }, coarsenTo: unit, fallback: { kind: 'shift', unit, amount: 0, granularity: unit } },
      };
    }
    // "The percentage change is since year-end", "up 5% since the end of the quarter": an end already passed, the last one.
    const ended = match[4] !== undefined || match[5] !== undefined || /^(?:the\s+)?(?:end|close)\b/i.test(match[0]);
    const amount = ended && SINCE_BEFORE.test(context.text.slice(Math.max(0, start - 8), start)) ? -1 : 0;
    return { start, end, type: 'date', meaning: { kind: 'shift', unit, amount, granularity: unit } };
  },
};

/** "since" right before an expression. */
const SINCE_BEFORE = /(?:^|\W)since\s+$/i;

/**
 * "for the week, the index dropped 3.8%", "the week's most active session": the week the article talks about (the
 * week of the day it last named), else the current one. Not "the week of March 6" (week-of-day), nor a week placed
 * by an event ("the week before the vote", "the week following the crash"), which stays unread.
 */
const THE_WEEK = /(?<![\w-])the\s+week(?![\w-]|\s+(?:of|before|after|following|ahead|earlier|later|ago|when|that|in\s+which|to|leading|between)\b)/gi;

export const theWeekParser: DateParser = {
  id: 'the-week',
  trigger: /week/i,
  pattern: THE_WEEK,
  extract(match, context): ParsedDate | null {
    // "a day of the week", "twice a week during the week": a generic week.
    if (/\b(?:of|during|per|a)\s+$/i.test(context.text.slice(Math.max(0, match.index - 8), match.index))) return null;
    return {
      start: match.index, end: match.index + match[0].length, type: 'date',
      meaning: { kind: 'anaphoric', anchor: 'any', shift: { unit: 'week', amount: 0 }, coarsenTo: 'week', fallback: { kind: 'shift', unit: 'week', amount: 0, granularity: 'week' } },
    };
  },
};

/** "the year", "the full year", "the fiscal year", "the current year": the year the article talks about. */
const THE_YEAR = /(?<![\w-])the\s+(?:(full|fiscal|financial|current|calendar|whole|entire)\s+)?year(?![\w-]|\s+(?:before|after|earlier|later|ago|\d))(\s+end(?:ed|ing)\b)?/gi;

export const theYearParser: DateParser = {
  id: 'the-year',
  trigger: /year/i,
  pattern: THE_YEAR,
  extract(match): ParsedDate | null {
    const start = match.index;
    if (match[2] !== undefined) {
      // "the year ended March 31": a twelve-month period (as TimeBank writes it), not a calendar year.
      return { start, end: start + match[0].length - match[2].length, type: 'duration', meaning: { kind: 'fixed', value: 'P1Y' } };
    }
    const end = match.index + match[0].length;
    if (match[1]?.toLowerCase() === 'current') {
      return { start, end, type: 'date', meaning: { kind: 'shift', unit: 'year', amount: 0, granularity: 'year' } };
    }
    // "the full year" completes a part of a year talked about (a quarter, the nine months), not a year named on its own.
    const completesPart = /^(?:full|whole|entire)$/i.test(match[1] ?? '');
    return {
      start, end, type: 'date',
      meaning: {
        kind: 'anaphoric', anchor: 'any', shift: { unit: 'year', amount: 0 }, coarsenTo: 'year',
        fallback: { kind: 'shift', unit: 'year', amount: 0, granularity: 'year' }, ...(completesPart ? { needsFinerAnchor: true } : {}),
      },
    };
  },
};
