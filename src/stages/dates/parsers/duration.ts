/**
 * Durations: a number and a unit ("three months" → P3M, "five-hour" → PT5H,
 * "the past two weeks" → P2W, "more than four decades" → P40Y, "a minute and a
 * half" → PT1M30S, "several years" → PXY). "a day" after a quantity ("twice a
 * day", "$5 a year") is a set (P1D). "in five years" after a verb about the
 * future ("will be redeemed in five years") is the year that far ahead.
 */

import { UNIT_TRIGGER, type DateParser, type ParsedDate, type ParsingContext } from '../parser.js';
import { NUMBER_PATTERN, UNIT_PATTERN, UNIT_WORDS, parseNumber } from '../words.js';
import type { ShiftMeaning, ShiftUnit } from '../candidate.js';
import { extendDurationStart } from './modifiers.js';

/** "two to three weeks", "12 to 18 months", "2-3 days", "two or three years": a range of counts before the unit. */
const COUNT_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty';
const COUNT_RANGE = `(?:\\s*[-–]\\s*|\\s+(?:to|or)\\s+)(?:\\d{1,4}|(?:${COUNT_WORDS})(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)`;
/** "a year or two", "a week or two": a second count after the unit. */
const COUNT_AFTER = '\\s+or\\s+(?:two|three|four|five)(?![\\w-])';

const PATTERN = new RegExp(
  `(?<![\\w.,$£€-])(${NUMBER_PATTERN})(${COUNT_RANGE})?(?:\\s+|-)(?:(?:more|additional|extra|consecutive|straight|full|trading|business|working|calendar|long)\\s+)?` +
    `(${UNIT_PATTERN})(s)?(?:\\s+and\\s+a\\s+half)?(-long|-old|\\s+old)?(${COUNT_AFTER})?(?![\\w-])`,
  'gi',
);

/** "twice a day", "three times a year": a recurrence (a set). */
export const PER_TIMES = /\b(?:times|once|twice|thrice)\s*$/i;
/** "$2 million a year", "358,000 a month", "24 hours a day": a rate, which TimeBank does not mark. */
export const PER_QUANTITY = /(?:\d|%|\b(?:percent|million|billion|trillion|thousand|hundred|dollars?|cents?|euros?|pounds?|barrels?|tons?|tonnes?|miles?|meters?|metres?|kilometers?|kilometres?|km|hours?|people|seats|flights|units))\s*$/i;

/** "three quarters of the members", "two quarters of a point", "three quarters of 1%": a fraction. */
const FRACTION_OF = /^\s+of\s+(?:a|an|the|one|this|that|these|those|its|his|her|their|our|my|your|all|every|each|[\d$£€])/i;

/** A modal right before "one day" ("could one day", "will one day"). */
const MODAL_BEFORE = /(?:^|[^\w'-])(?:will|would|could|might|may|can|should|shall|must|['’]ll)\s+$/i;
/** A subject pronoun right before "one day" ("the hope he one day follow", "that they one day return"): the adverb, not a day's length. */
const SUBJECT_BEFORE = /(?:^|[^\w'-])(?:I|he|she|we|they)\s+$/i;
/** A past verb right after that adverb ("he one day walked in"): some day behind. */
const PAST_AFTER = /^\s+[a-z]{2,}ed\b/i;

const TIME_UNITS = new Set(['hour', 'minute', 'second']);

/** Units "in N …" can count ahead in (a clock time N hours ahead is not read). */
const AHEAD_UNITS = new Set(['day', 'week', 'month', 'quarter', 'year', 'decade']);
/** "in" right before the count ("in five years"; not "within", not "in the next"). */
const IN_BEFORE = /(?:^|[^\w-])in\s+$/i;

/** The TIMEX3 duration for `amount` units (null amount: unspecified, 'X'). */
export function durationValue(amount: number | null, unitWord: string): string | null {
  const unit = UNIT_WORDS[unitWord.toLowerCase().replace(/s$/, '')];
  if (!unit) return null;
  const prefix = TIME_UNITS.has(unit.unit) ? 'PT' : 'P';
  if (amount === null) return `${prefix}X${unit.unit === 'decade' ? 'E' : unit.code}`;
  if (unit.unit === 'decade') return `P${formatAmount(amount * 10)}Y`;
  if (unit.unit === 'century') return `P${formatAmount(amount * 100)}Y`;
  if (unit.unit === 'millennium') return `P${formatAmount(amount * 1000)}Y`;
  const whole = Math.floor(amount);
  const fraction = amount - whole;
  if (fraction > 0) {
    const finer: Record<string, [string, number]> = { Y: ['M', 12], D: ['H', 24], H: ['M', 60], W: ['D', 7] };
    const step = unit.unit === 'minute' ? (['S', 60] as [string, number]) : finer[unit.code];
    if (step && Number.isInteger(fraction * step[1])) {
      const part = `${fraction * step[1]}${step[0]}`;
      if (unit.code === 'D') return `P${whole > 0 ? `${whole}D` : ''}T${part}`;
      return `${prefix}${whole > 0 ? `${whole}${unit.code}` : ''}${part}`;
    }
  }
  return `${prefix}${formatAmount(amount)}${unit.code}`;
}

function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : String(Math.round(amount * 10) / 10);
}

export const durationParser: DateParser = {
  id: 'duration-number-unit',
  trigger: UNIT_TRIGGER,
  pattern: PATTERN,
  extract(match, context: ParsingContext): ParsedDate | null {
    const numberText = match[1]!;
    // "two to three weeks", "a year or two": a range of lengths, at least the first (TimeML: the first, EQUAL_OR_MORE).
    const countRange = match[2] !== undefined || match[6] !== undefined;
    const unitWord = match[3]!;
    const plural = match[4] !== undefined;
    const lowerNumber = numberText.toLowerCase();
    // Ages ("a 44-year-old protester", "six years old") are not durations in TimeBank.
    if (match[5] !== undefined && /old/i.test(match[5])) return null;
    // "three-quarters of", "two quarters of a point": fractions, not periods.
    // "several quarters of losses" is a span (a vague count is never a fraction); "three quarters of voters" is a fraction.
    if (/^quarter/i.test(unitWord)) {
      const after = context.text.slice(match.index + match[0].length, match.index + match[0].length + 30);
      if (/-/.test(match[0]) || (parseNumber(numberText) === null ? FRACTION_OF.test(after) : /^\s+of\b/i.test(after))) return null;
    }
    let amount = parseNumber(numberText);
    // "some day", "some year": a vague determiner before a singular unit is not a count ("some days" is).
    if (amount === null && !plural && !/half/i.test(match[0]) && !/-/.test(match[0].slice(numberText.length, numberText.length + 1))) return null;
    if (/and\s+a\s+half$/i.test(match[0].replace(/-long$/i, ''))) amount = amount === null ? null : amount + 0.5;
    // "one year" is singular; "two year" (adjectival) is fine; "a years" is not English.
    if ((lowerNumber === 'a' || lowerNumber === 'an') && plural) return null;
    // Bare digits must look like a count, not a year or code ("1998 days" is unlikely, "2000 hours" is a time).
    if (/^\d{4}$/.test(numberText)) return null;
    const start = match.index;
    const end = match.index + match[0].length;
    // "60 Minutes" (a programme), "a second" (an ordinal).
    if (/^[A-Z]/.test(unitWord) && start > 0) return null;
    if (/^second$/i.test(unitWord) && (lowerNumber === 'a' || lowerNumber === 'an')) return null;
    // "will one day be", "could one day lead": "one day" is an adverb for some time ahead, not a day's length.
    if (lowerNumber === 'one' && /^day$/i.test(unitWord) && MODAL_BEFORE.test(context.text.slice(Math.max(0, start - 12), start))) {
      return { start, end, type: 'date', meaning: { kind: 'fixed', value: 'FUTURE_REF' }, rule: 'one-day-future' };
    }
    // "the hope he one day follow in the footsteps of …": the same adverb with the modal left out (or "he one day walked in", behind).
    if (lowerNumber === 'one' && /^day$/i.test(unitWord) && SUBJECT_BEFORE.test(context.text.slice(Math.max(0, start - 8), start))) {
      const value = PAST_AFTER.test(context.text.slice(end, end + 24)) ? 'PAST_REF' : 'FUTURE_REF';
      return { start, end, type: 'date', meaning: { kind: 'fixed', value }, rule: 'one-day-subject' };
    }
    if (lowerNumber === 'a' || lowerNumber === 'an') {
      const before = context.text.slice(Math.max(0, start - 30), start);
      if (PER_TIMES.test(before)) {
        const value = durationValue(1, unitWord);
        return value === null ? null : { start, end, type: 'set', meaning: { kind: 'fixed', value }, rule: 'set-per-unit' };
      }
      if (PER_QUANTITY.test(before)) return null;
    }
    const value = durationValue(amount, unitWord);
    if (value === null) return null;
    // "a five-year contract", "a five year low", "the two day rally": an adjectival duration (hyphenated, or a count
    // above one with a singular unit) does not take the article of its noun.
    const countEnd = numberText.length + (match[2]?.length ?? 0);
    const adjectival = /-/.test(match[0].slice(countEnd, countEnd + 1)) || (!plural && amount !== null && amount > 1 && match[5] === undefined && !countRange);
    const spanStart = adjectival ? start : extendDurationStart(context.text, start);
    // "the last few months", "the past several quarters": the recent past, as TimeBank writes it.
    // After "for" it measures how long something has lasted ("for the past few weeks we've been …"): the span stays.
    if (amount === null && /\b(?:last|past)\s+(?:few|several)\s/i.test(context.text.slice(spanStart, end)) && !/\bfor\s+$/i.test(context.text.slice(Math.max(0, spanStart - 5), spanStart))) {
      return { start: spanStart, end, type: 'date', meaning: { kind: 'fixed', value: 'PAST_REF' }, rule: 'duration-recent-past' };
    }
    // "will be redeemed in five years": a point that far ahead if the verb is about the future, else the span.
    const unit = UNIT_WORDS[unitWord.toLowerCase()];
    if (amount !== null && Number.isInteger(amount) && !adjectival && unit !== undefined && AHEAD_UNITS.has(unit.unit) && spanStart === start && IN_BEFORE.test(context.text.slice(Math.max(0, start - 4), start))) {
      const shiftUnit = unit.unit === 'decade' ? 'year' : (unit.unit as ShiftUnit);
      const ahead: ShiftMeaning = { kind: 'shift', unit: shiftUnit, amount: amount * (unit.unit === 'decade' ? 10 : 1), granularity: shiftUnit === 'year' ? 'year' : shiftUnit };
      return { start: spanStart, end, type: 'duration', meaning: { kind: 'ahead', ahead, span: value }, rule: 'duration-in-ahead', ...(countRange ? { mod: 'EQUAL_OR_MORE' as const } : {}) };
    }
    return { start: spanStart, end, type: 'duration', meaning: { kind: 'fixed', value }, ...(countRange ? { mod: 'EQUAL_OR_MORE' as const } : {}) };
  },
};
