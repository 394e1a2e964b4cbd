/**
 * Drops what looks like a date but is not one, each check with the id of its
 * entry in data/lexicon/dates.json (falseAlarms), whose examples are tests:
 * - verb-may, verb-march: "may" and "march" as verbs (or lower case), "Theresa May";
 * - event-march: "the March for Life", "the March on Washington": a march, not the month;
 * - weekday-name: a weekday in a name ("The Sunday Times"), or abbreviated or in
 *   lower case on its own ("Sun Microsystems", "sat");
 * - fraction, score, phone-number, version-number, decimal: digits and
 *   separators without a four-digit year ("3/4", "3-1", "555-1234", "2.10.3", "12.5");
 * - generic-day: "today's youth", "the people of tomorrow": an era, not a day;
 * - bare-time: a number chrono read as a clock time without a.m./p.m., a colon
 *   or "o'clock" ("at 5"); beside a date, only the time goes ("6.43, on Friday");
 * - year-in-name: a year ending a name the text gives ("a joint venture called Orion 1980");
 * - kind-of-year: "changed from a fiscal year to a calendar year": a kind of
 *   accounting year, not a year's length.
 */

import type { Token } from '../../../core/document.js';
import type { DateCandidate } from '../candidate.js';
import type { DateRefiner, RefiningContext } from '../refiner.js';

const WEEKDAY_WORD = /\b(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?/i;
const MONTH_VERBS = new Set(['may', 'march']);
const CLOCK_MARK = /\d:\d\d|\b[ap]\.?\s?m\b\.?|o'clock|o’clock|\bnoon\b|\bmidnight\b|\bin\s+the\s+(?:morning|afternoon|evening)\b|\bat\s+night\b|\b(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|BST)\b/i;
const HAS_LETTER = /[A-Za-z]/;
const FUNCTION_WORDS = /\b(?:to|at|on|and|of|from|the|by|in)\b/gi;
const FOUR_DIGIT_YEAR = /(?:^|\D)(?:1[0-9]|20)\d{2}(?:\D|$)/;
const NUMBER_GLUE = /[\d.\-/:]/;
/** "March for Life", "March of the Mothers", "March on Washington": a march with a capitalised name. */
const EVENT_MARCH_AFTER = /^\s+(?:for|of|on|against)\s+(?:the\s+)?[A-Z][a-z]/;
const MONTH_CUES = /(?:^|\W)(?:(in|since|until|till|by|during|early|late|mid|of|last|next|this|from|through|before|after|between|and|or|to|on|for)\s+|(?:mid|early|late)-)$/i;

function tokenAt(context: RefiningContext, start: number): Token | undefined {
  const { tokens } = context.doc;
  let lo = context.sentence.tokenStart;
  let hi = context.sentence.tokenEnd;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const token = tokens[lo];
  return token !== undefined && token.start <= start && token.end > start ? token : undefined;
}

function isMonthVerb(candidate: DateCandidate, context: RefiningContext): boolean {
  const { meaning } = candidate;
  // lede's own month parsers only read capitalised month names with a cue ("last May").
  if (candidate.source !== 'chrono') return false;
  if (meaning.kind !== 'calendar' || meaning.month === undefined || meaning.day !== undefined || meaning.year !== undefined) return false;
  const text = context.doc.text.slice(candidate.start, candidate.end);
  const word = text.toLowerCase();
  // Any month name written in lower case is not a month in edited news ("a march", "august company").
  if (text[0] === text[0]!.toLowerCase()) return true;
  if (!MONTH_VERBS.has(word)) return false;
  if (word === 'march' && EVENT_MARCH_AFTER.test(context.doc.text.slice(candidate.end, candidate.end + 30))) return true;
  const token = tokenAt(context, candidate.start);
  if (token !== undefined && (token.pos === 'AUX' || token.pos === 'VERB')) return true;
  const before = context.doc.text.slice(Math.max(0, candidate.start - 20), candidate.start);
  // "Theresa May", "Brian May": a name.
  const previous = token === undefined ? undefined : context.doc.tokens[token.index - 1];
  if (previous !== undefined && previous.sentence === token!.sentence && previous.pos === 'PROPN' && previous.end === candidate.start - 1) return true;
  return word === 'may' && !MONTH_CUES.test(before);
}

function isWeekdayName(candidate: DateCandidate, context: RefiningContext): boolean {
  const { meaning } = candidate;
  if (meaning.kind !== 'calendar' || meaning.weekday === undefined || meaning.day !== undefined) return false;
  const { text } = context.doc;
  const surface = text.slice(candidate.start, candidate.end);
  // A weekday alone must be written in full and capitalised: "Sun", "sat", "wed" are other words.
  if (meaning.hour === undefined && meaning.partOfDay === undefined) {
    const word = WEEKDAY_WORD.exec(surface)?.[0] ?? '';
    if (word[0] !== word[0]?.toUpperCase() || !/day$/i.test(word)) return true;
  }
  const after = /^\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/.exec(text.slice(candidate.end, candidate.end + 40));
  if (after === null) return false;
  const firstWord = after[1]!.split(/\s+/)[0]!;
  if (context.lexicon.weekdayNameHeads.has(after[1]!) || context.lexicon.weekdayNameHeads.has(firstWord)) return true;
  const before = text.slice(Math.max(0, candidate.start - 10), candidate.start);
  return /(?:^|\W)(?:the|a|an)\s+$/i.test(before) && !/^(?:Morning|Afternoon|Evening|Night)$/.test(firstWord);
}

function isBareNumber(candidate: DateCandidate, context: RefiningContext): boolean {
  if (candidate.source !== 'chrono') return false;
  // "Sept. 14-18": the second end of a range is a day of the month the first names.
  if (candidate.rangeEnd && /^\d{1,2}(?:st|nd|rd|th)?$/.test(context.doc.text.slice(candidate.start, candidate.end))) return false;
  const { text } = context.doc;
  const surface = text.slice(candidate.start, candidate.end);
  const { meaning } = candidate;
  if (meaning.kind !== 'calendar') return false;
  if (!HAS_LETTER.test(surface.replace(FUNCTION_WORDS, ''))) {
    // Numeric dates need a four-digit year and no digits glued on either side.
    if (meaning.hour !== undefined && CLOCK_MARK.test(surface) && meaning.month === undefined) return false;
    if (!FOUR_DIGIT_YEAR.test(surface)) return true;
    if (NUMBER_GLUE.test(text[candidate.start - 1] ?? '') || NUMBER_GLUE.test(text[candidate.end] ?? '')) {
      const outside = `${text[candidate.start - 2] ?? ''}${text[candidate.end + 1] ?? ''}`;
      if (/\d/.test(outside)) return true;
    }
    return false;
  }
  if (meaning.hour !== undefined && meaning.month === undefined && meaning.weekday === undefined && !CLOCK_MARK.test(surface)) return true;
  return false;
}

const DAY_WORD = /^(?:today|tomorrow|yesterday)$/i;
/** "today's youth", "today's personal computers": the possessive, then up to one adjective, then the noun. */
const POSSESSIVE_HEAD = /^['’]s\s+(?:([a-z][\w-]*)\s+)?([a-z][\w-]*)/;
/** "the people of tomorrow", "the leaders of today". */
const OF_AFTER_NOUN = /\bthe\s+[a-z][\w-]*\s+of\s+$/i;

function isGenericDay(candidate: DateCandidate, context: RefiningContext): boolean {
  const { text } = context.doc;
  if (!DAY_WORD.test(text.slice(candidate.start, candidate.end))) return false;
  const possessive = POSSESSIVE_HEAD.exec(text.slice(candidate.end, candidate.end + 40));
  if (possessive !== null) {
    const heads = context.lexicon.genericDayHeads;
    return heads.has(possessive[2]!.toLowerCase()) || (possessive[1] !== undefined && heads.has(possessive[1].toLowerCase()));
  }
  return OF_AFTER_NOUN.test(text.slice(Math.max(0, candidate.start - 40), candidate.start)) && !/^['’]s/.test(text.slice(candidate.end));
}

/** "called Orion 1980", "named Vision 2000": up to three capitalised words after a naming verb. */
const NAMED_BEFORE = /\b(?:called|named|dubbed|renamed)\s+(?:[A-Z][\w&'’.-]*\s+){1,3}$/;
/** "from a fiscal year to a calendar year": a kind of year after "from" or "to", not "a calendar year earlier". */
const KIND_OF_YEAR = /^an?\s+(?:calendar|fiscal|financial)\s+year$/i;
const FROM_OR_TO_BEFORE = /(?:^|\W)(?:from|to)\s+$/i;
const OFFSET_AFTER = /^\s+(?:earlier|ago|before|later|after|from)\b/i;

function isYearInName(candidate: DateCandidate, context: RefiningContext): boolean {
  const { text } = context.doc;
  if (!/^\d{4}$/.test(text.slice(candidate.start, candidate.end))) return false;
  return NAMED_BEFORE.test(text.slice(Math.max(0, candidate.start - 60), candidate.start));
}

function isKindOfYear(candidate: DateCandidate, context: RefiningContext): boolean {
  const { text } = context.doc;
  if (!KIND_OF_YEAR.test(text.slice(candidate.start, candidate.end))) return false;
  return FROM_OR_TO_BEFORE.test(text.slice(Math.max(0, candidate.start - 6), candidate.start)) && !OFFSET_AFTER.test(text.slice(candidate.end, candidate.end + 12));
}

const LEADING_BARE_TIME = /^\d{1,2}(?:[.:]\d{2})?\s*,?\s*(?:(?:on|to|at|and)\s+)?/;
const TRAILING_BARE_TIME = /,?\s*(?:at\s+)?\d{1,2}(?:[.:]\d{2})?$/;

/**
 * A number chrono read as a clock time beside a real date ("6.43, on Friday",
 * "Jan. 1, 1990 at 1,015 francs"): the date stays, the time goes.
 */
function withoutBareTime(candidate: DateCandidate, context: RefiningContext): DateCandidate {
  const { meaning } = candidate;
  if (candidate.source !== 'chrono' || meaning.kind !== 'calendar' || meaning.hour === undefined) return candidate;
  if (meaning.month === undefined && meaning.weekday === undefined) return candidate;
  const surface = context.doc.text.slice(candidate.start, candidate.end);
  if (CLOCK_MARK.test(surface)) return candidate;
  const lead = LEADING_BARE_TIME.exec(surface)?.[0].length ?? 0;
  const trail = lead > 0 ? 0 : (TRAILING_BARE_TIME.exec(surface)?.[0].length ?? 0);
  if (lead === 0 && trail === 0) return candidate;
  const { hour: _hour, minute: _minute, ...date } = meaning;
  return { ...candidate, start: candidate.start + lead, end: candidate.end - trail, type: 'date', meaning: date };
}

export const dropFalseAlarms: DateRefiner = {
  id: 'drop-false-alarms',
  refine(candidates, context) {
    return candidates
      .map((candidate) => withoutBareTime(candidate, context))
      .filter((candidate) => !isMonthVerb(candidate, context) && !isWeekdayName(candidate, context) && !isBareNumber(candidate, context) && !isGenericDay(candidate, context)
        && !isYearInName(candidate, context) && !isKindOfYear(candidate, context));
  },
};
