/**
 * Unquantified spans of time: "for years" (PXY), "within weeks" (PXW), "in
 * the coming years" (PXY), "the weeks ahead", "months of talks", "decades-long",
 * "day-long" (P1D), "within weeks or months" (PXW), "in recent months" (PXM), "recent quarters" (PXQ), "the first hours of the war" (PTXH);
 * "the last few months", "in recent years" and "in past years" are the recent past (PAST_REF), as TimeBank mostly writes them; "for a while" (PXX). A bare plural unit needs a cue before or after it, so that
 * "the days of the week" stays out.
 */

import { UNIT_TRIGGER, type DateParser, type ParsedDate } from '../parser.js';
import { durationValue } from './duration.js';
import { extendDurationStart } from './modifiers.js';

const PATTERN =
  /(?<![\w-])(?:(coming|recent|past\s+few|past\s+several|past|next\s+few|last\s+few|ensuing|intervening|following|early|first|final)\s+)?(hour|day|week|month|quarter|year|decade|centur(?:y|ie))(s)?(?:-(long))?(?![\w-])/gi;

const CUE_BEFORE = /(?:^|\W)(?:for|within|in|over|the|after|of)\s+$/i;
const CUE_AFTER = /^\s+(?:of|ago|ahead|later|earlier|after|before|on\s+end|to\s+come)\b/i;

export const pluralUnitParser: DateParser = {
  id: 'plural-unit',
  trigger: UNIT_TRIGGER,
  pattern: PATTERN,
  extract(match, context): ParsedDate | null {
    const [, modifier, unitWord, plural, long] = match;
    const start = match.index;
    const end = match.index + match[0].length;
    if (long !== undefined) {
      const value = durationValue(plural ? null : 1, unitWord!);
      return value === null ? null : { start, end, type: 'duration', meaning: { kind: 'fixed', value } };
    }
    if (plural === undefined) return null;
    // "in recent quarters", "coming quarters": a span of quarters needs the adjective ("the quarters were cramped", "in quarters").
    if (/^quarter$/i.test(unitWord!) && (modifier === undefined || /^(?:early|first|final)$/i.test(modifier))) return null;
    if (/^hour$/i.test(unitWord!)) {
      // "the early hours of Thursday", "the hours of darkness": a time of day, not a span; "for hours", "the first hours of" are spans.
      if (/^early$/i.test(modifier ?? '')) return null;
      if (modifier === undefined && !/(?:^|\W)(?:for|within|over)\s+$/i.test(context.text.slice(Math.max(0, start - 8), start))) return null;
    }
    const before = context.text.slice(Math.max(0, start - 12), start);
    const after = context.text.slice(end, end + 12);
    // A number or quantity before it belongs to a counted duration ("two years", "several days").
    if (/(?:\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|some|couple|of\s+the)\b)\s+$/i.test(before) && modifier === undefined) return null;
    // "Weeks or months later": the cue after the second unit covers the first; the span starts at the first.
    const firstUnit = modifier === undefined ? UNITS_OR_BEFORE.exec(context.text.slice(Math.max(0, start - 20), start)) : null;
    if (firstUnit !== null && CUE_AFTER.test(after)) {
      const value = durationValue(null, firstUnit[1]!);
      return value === null ? null : { start: start - firstUnit[0].length, end, type: 'duration', meaning: { kind: 'fixed', value } };
    }
    if (modifier === undefined && !CUE_BEFORE.test(before) && !CUE_AFTER.test(after)) return null;
    const lowerModifier = modifier?.toLowerCase().replace(/\s+/g, ' ');
    // "in recent years", "the takeover boom of recent years": the recent past as an era (TimeBank: PAST_REF 4 times, PXY twice);
    // shorter units ("in recent weeks", "recent months") stay the span.
    if (lowerModifier === 'last few' || lowerModifier === 'past several' || ((lowerModifier === 'recent' || lowerModifier === 'past') && /^(?:year|decade)$/i.test(unitWord!))) {
      return { start: extendDurationStart(context.text, start), end, type: 'date', meaning: { kind: 'fixed', value: 'PAST_REF' } };
    }
    const value = durationValue(null, unitWord!);
    if (value === null) return null;
    // "within weeks or months", "for days or weeks": one vague span, at least the first unit long.
    const alternative = OR_UNITS_AFTER.exec(context.text.slice(end, end + 20));
    return { start, end: alternative === null ? end : end + alternative[0].length, type: 'duration', meaning: { kind: 'fixed', value } };
  },
};

/** "weeks or …": a first plural unit before this one (read backwards from the end of the text before it). */
const UNITS_OR_BEFORE = /(?<![\w-])(hour|day|week|month|year|decade)s\s+or\s+$/i;
/** "… or months", "… or years": a second plural unit that makes one vague span with the first. */
const OR_UNITS_AFTER = /^\s+or\s+(?:hour|day|week|month|year|decade)s(?![\w-])/i;

/**
 * "for a while", "after a little while", "for some time", "for a fairly lengthy period", "for an
 * undetermined period": a span of unspecified length and unit (PXX). "Once in a
 * while" is a frequency.
 */
const WHILE_PATTERN = /(?<![\w'’-])(?:for|after|within|in|over)\s+(?:quite\s+)?(a\s+(?:(?:little|short|long)\s+)?while|some\s+time(?!\s+(?:ago|before|after|later|earlier|next|last|this|in|on|during|between|to|soon)\b)|an?\s+(?:(?:very|fairly|rather|relatively)\s+)?(?:long|lengthy|short|brief|extended|prolonged|considerable|indefinite|undetermined|unspecified|undefined|unknown|open-ended)\s+period(?:\s+of\s+time)?)(?![\w-])/gi;

export const whileParser: DateParser = {
  id: 'a-while',
  trigger: /while|period|some\s+time/i,
  pattern: WHILE_PATTERN,
  extract(match, context): ParsedDate | null {
    const end = match.index + match[0].length;
    const start = end - match[1]!.length;
    if (/\bonce\s+$/i.test(context.text.slice(Math.max(0, match.index - 8), match.index))) return null;
    return { start, end, type: 'duration', meaning: { kind: 'fixed', value: 'PXX' } };
  },
};
