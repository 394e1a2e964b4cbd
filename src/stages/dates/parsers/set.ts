/**
 * Sets (recurring times): "daily" → P1D, "weekly" → P1W, "every month" → P1M,
 * "each year" → P1Y, "every two years" → P2Y, "every Monday" → XXXX-WXX-1,
 * "each July" → XXXX-07, "Tuesday nights" → XXXX-WXX-2TNI.
 */

import type { DateParser, ParsedDate } from '../parser.js';
import { MONTH_PATTERN, NUMBER_PATTERN, UNIT_PATTERN, WEEKDAY_PATTERN, WEEKDAYS, monthOf, parseNumber } from '../words.js';
import { PER_QUANTITY, PER_TIMES, durationValue } from './duration.js';

const ADVERBS: Readonly<Record<string, string>> = {
  hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', fortnightly: 'P2W', monthly: 'P1M',
  quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y', biannually: 'P6M', semiannually: 'P6M', 'semi-annually': 'P6M',
};

/** "quarterly" is left out: in business news it names dividends and results far more often than a recurrence. */
const ADVERB_PATTERN = /\b(hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|annually|yearly|biannually|semi-?annually)\b/gi;

/** "the Party daily Granma", "the daily Le Monde": a newspaper's name after the noun "daily". */
const NEWSPAPER_AFTER = /^,?\s+(?!(?:The|A|An|In|On|At|For)\b)[A-Z][a-z]/;
/** "the official daily", "the state-run daily": the noun after a publisher's adjective. */
const NEWSPAPER_BEFORE = /\b(?:party|state|state-run|government|official|national|business|financial|leading|local|english-language|french-language|german-language|arabic-language|communist|opposition|independent|newspaper)\s+$/i;

/** "doubled its sales", "tripling output" (within the clause before the adverb). */
const MULTIPLY_BEFORE = /\b(?:doubl|tripl|quadrupl|halv)(?:e|es|ed|ing)\b[^.;:,]{0,30}$/i;

export const setAdverbParser: DateParser = {
  id: 'set-adverb',
  trigger: /hourly|daily|nightly|weekly|monthly|annually|yearly/i,
  pattern: ADVERB_PATTERN,
  extract(match, context): ParsedDate | null {
    // "rise 8.5% annually", "$17.9 million annually", "10,000 units annually": a rate, like "$2 million a year".
    if (PER_QUANTITY.test(context.text.slice(Math.max(0, match.index - 30), match.index))) return null;
    // "doubling its profits annually": a rate of growth too (a 100% rise each year), not a recurring event.
    if (MULTIPLY_BEFORE.test(context.text.slice(Math.max(0, match.index - 40), match.index))) return null;
    // "the average daily volume": a measure per day, like "$2 million a year"; "the Communist Party daily Granma": a newspaper.
    if (/\baverage\s+$/i.test(context.text.slice(Math.max(0, match.index - 10), match.index))) return null;
    if (/^daily$/i.test(match[1]!) && (NEWSPAPER_AFTER.test(context.text.slice(match.index + match[0].length, match.index + match[0].length + 30)) || NEWSPAPER_BEFORE.test(context.text.slice(Math.max(0, match.index - 30), match.index)))) return null;
    const value = ADVERBS[match[1]!.toLowerCase().replace('semiannually', 'semi-annually')] ?? ADVERBS[match[1]!.toLowerCase()];
    if (value === undefined) return null;
    return { start: match.index, end: match.index + match[0].length, type: 'set', meaning: { kind: 'fixed', value } };
  },
};

const EVERY_PATTERN = new RegExp(
  `\\b(every|each|per)\\s+(?:(other)\\s+|(${NUMBER_PATTERN})\\s+)?(?:(${UNIT_PATTERN})s?|(${WEEKDAY_PATTERN})s?|(${MONTH_PATTERN})|(morning|afternoon|evening|night|weekend))\\b`,
  'gi',
);

export const everyParser: DateParser = {
  id: 'set-every',
  trigger: /every|each|per/i,
  pattern: EVERY_PATTERN,
  extract(match, context): ParsedDate | null {
    const start = match.index;
    const end = match.index + match[0].length;
    const [, quantifier, other, numberText, unitWord, weekdayWord, monthWord, partWord] = match;
    // "15 million instructions per second", "60 miles per hour": a unit of measure, not a recurrence ("three times per week" is one).
    if (quantifier!.toLowerCase() === 'per' && !PER_TIMES.test(context.text.slice(Math.max(0, start - 20), start))) return null;
    if (unitWord) {
      const amount = other ? 2 : numberText ? parseNumber(numberText) : 1;
      const value = durationValue(amount, unitWord);
      return value === null ? null : { start, end, type: 'set', meaning: { kind: 'fixed', value } };
    }
    if (weekdayWord) {
      const weekday = WEEKDAYS[weekdayWord.toLowerCase().replace(/s$/, '')];
      if (weekday === undefined) return null;
      return { start, end, type: 'set', meaning: { kind: 'fixed', value: `XXXX-WXX-${weekday === 0 ? 7 : weekday}` } };
    }
    if (monthWord) {
      const month = monthOf(monthWord);
      if (month === undefined) return null;
      return { start, end, type: 'set', meaning: { kind: 'fixed', value: `XXXX-${String(month).padStart(2, '0')}` } };
    }
    if (partWord) {
      const lower = partWord.toLowerCase();
      const value = lower === 'weekend' ? 'XXXX-WXX-WE' : `XXXX-XX-XXT${{ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' }[lower]}`;
      return { start, end, type: 'set', meaning: { kind: 'fixed', value } };
    }
    return null;
  },
};

/**
 * "on Sundays", "Sunday nights", "Sundays mornings": a plural weekday or a plural
 * part of a weekday is a set; a weekday coordinated with one shares its head
 * ("Monday and Tuesday nights": both are sets of nights).
 */
const PLURAL_WEEKDAY_PATTERN = new RegExp(
  `\\b(${WEEKDAY_PATTERN})(?:s(?:\\s+(morning|afternoon|evening|night)s)?|\\s+(morning|afternoon|evening|night)s)\\b` +
    `|\\b(${WEEKDAY_PATTERN})(?=\\s+(?:and|or)\\s+(?:${WEEKDAY_PATTERN})s?\\s+(morning|afternoon|evening|night)s\\b)`,
  'g',
);

export const pluralWeekdayParser: DateParser = {
  id: 'set-plural-weekday',
  trigger: /days\b|(?:morning|afternoon|evening|night)s\b/,
  pattern: PLURAL_WEEKDAY_PATTERN,
  extract(match): ParsedDate | null {
    const weekday = WEEKDAYS[(match[1] ?? match[4])!.toLowerCase()];
    if (weekday === undefined) return null;
    const partWord = match[2] ?? match[3] ?? match[5];
    const part = partWord ? `T${{ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' }[partWord.toLowerCase()]}` : '';
    return { start: match.index, end: match.index + match[0].length, type: 'set', meaning: { kind: 'fixed', value: `XXXX-WXX-${weekday === 0 ? 7 : weekday}${part}` } };
  },
};
