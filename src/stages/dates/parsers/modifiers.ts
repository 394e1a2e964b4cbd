/**
 * Words that belong to a time expression's span in TimeML although they do not
 * change its value: quantifiers ("more than four hours"), determiners and
 * adjectives ("the past two months"), and the point modifiers of dates ("early
 * next year", "the end of this week"). Parsers extend their match leftwards
 * over them.
 */

const BEFORE = '(?:^|[^\\w\'’-])';

/**
 * Quantifiers that belong to a duration's span: those that state a TIMEX3 mod
 * (the lexicon's 'quantity' modifiers: 'more than', 'nearly', 'up to') and
 * those that do not change the value ('another', 'the entire'). Focus words
 * ('only', 'just', 'barely') qualify the clause, not the time, and stay out.
 */
const QUANTIFIERS =
  '(?:more|less|fewer|longer|shorter) than|at (?:least|most)|no (?:more|less|fewer|longer) than|not (?:more|less) than|nearly|almost|not quite|' +
  'about|around|roughly|approximately|circa|an estimated|some|just over|just under|over|under|up to|in excess of|a (?:minimum|maximum) of|' +
  'another|an additional|a further|the better part of|all|a full|the full|the entire|a whole|the whole|each of the|each of|well over|close to|upwards of';
const PERIOD_ADJECTIVES =
  '(?:the\\s+)?(?:first|last|past|next|previous|coming|following|latest|final|remaining|same|preceding|prior|initial|' +
  'year-earlier|year-ago|comparable|entire|whole|full|recent|early|later|subsequent)';
const POINT_MODIFIERS =
  'early|late|mid|mid-|earlier|later|the end of|the beginning of|the start of|the middle of|the turn of|' +
  'the close of|the first half of|the second half of|the last half of|the latter half of|the latter part of|the early part of|sometime|as early as|as late as';

const QUANTIFIER_BEFORE = new RegExp(`${BEFORE}(${QUANTIFIERS})\\s+$`, 'i');
const QUANTIFIER_BEFORE_NOT_OVER = new RegExp(`${BEFORE}(${QUANTIFIERS.replace('|over|', '|')})\\s+$`, 'i');
const QUANTIFIER_BEFORE_PHRASE = new RegExp(`${BEFORE}((?:more|less|fewer) than|at (?:least|most)|no (?:more|less|fewer) than|nearly|almost|about|roughly|approximately|each of|all of)\\s+$`, 'i');
const PERIOD_ADJECTIVE_BEFORE = new RegExp(`${BEFORE}(${PERIOD_ADJECTIVES})\\s+$`, 'i');
const DETERMINER_BEFORE = new RegExp(`${BEFORE}(the|a|an)\\s+$`, 'i');
const POINT_MODIFIER_BEFORE = new RegExp(`${BEFORE}(${POINT_MODIFIERS})(?:\\s+|(?<=-))$`, 'i');

/** "will last two weeks", "expected to last a month": "last" is the verb, not the adjective of "the last two weeks". */
const LAST_AS_VERB = /(?:^|[^\w'’-])(?:will|would|could|might|may|can|should|shall|must|to|not|\w*n['’]t|['’]ll|did|does|do)\s+last\s+$/i;

/** How far back (in characters) a modifier may start. */
const LOOK_BACK = 40;

function extendOnce(text: string, start: number, pattern: RegExp): number {
  const windowStart = Math.max(0, start - LOOK_BACK);
  const match = pattern.exec(text.slice(windowStart, start));
  if (!match) return start;
  // The BEFORE group may have consumed one character of the preceding text.
  const skip = /^[^\w'’-]/.test(match[0]) ? 1 : 0;
  const newStart = windowStart + match.index + skip;
  if (skip === 0 && newStart > 0 && /[\w'’-]/.test(text[newStart - 1]!)) return start;
  return newStart;
}

/**
 * "used over three years", "evolved over several years": "over" after a verb is the preposition (during), not
 * "more than"; after a verb of length ("lasted over three years") it is the quantifier.
 */
const OVER_AFTER_VERB = /(?:^|[^\w'’-])(?:(?!lasted|spanned|needed|waited)[a-z]+ed|been|spread|run|paid|held|built|grown|made|taken|done|seen|spent)\s+over\s+$/i;

/** Extends a duration's start over "the past", "more than", "at least the first". */
export function extendDurationStart(text: string, start: number): number {
  let current = start;
  for (let step = 0; step < 3; step++) {
    // Before "the past two weeks", "over" and "for" are prepositions, not quantifiers.
    const quantifiers = current === start ? (OVER_AFTER_VERB.test(text.slice(Math.max(0, current - 30), current)) ? QUANTIFIER_BEFORE_NOT_OVER : QUANTIFIER_BEFORE) : QUANTIFIER_BEFORE_PHRASE;
    const adjective = LAST_AS_VERB.test(text.slice(Math.max(0, current - LOOK_BACK), current)) ? current : extendOnce(text, current, PERIOD_ADJECTIVE_BEFORE);
    const next = Math.min(extendOnce(text, current, quantifiers), adjective);
    const withDeterminer = next === current ? extendOnce(text, current, DETERMINER_BEFORE) : next;
    if (withDeterminer === current) break;
    current = withDeterminer;
  }
  return current;
}

/** Extends a date's start over "early", "late", "the end of", "mid-". */
export function extendPointStart(text: string, start: number): number {
  return extendOnce(text, start, POINT_MODIFIER_BEFORE);
}

/** The word just before `start` (lower case), or ''. */
export function wordBefore(text: string, start: number): string {
  const match = /([\w'’$%-]+)\W*$/.exec(text.slice(Math.max(0, start - 30), start));
  return match ? match[1]!.toLowerCase() : '';
}

/** The word just after `end` (as written), or ''. */
export function wordAfter(text: string, end: number): string {
  const match = /^\W{0,3}?([\w'’-]+)/.exec(text.slice(end, end + 30));
  return match ? match[1]! : '';
}
