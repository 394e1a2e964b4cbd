/**
 * Who reports, when the speaker phrase reader (speaker-phrase.ts) finds no noun
 * phrase right before a cue. These readings recover the report; the speaker they
 * hand over still goes through speaker resolution as any other phrase.
 *
 *   a time between subject and cue    Beck, who …, last week said …  /  Smith earlier this month said …
 *   a relative clause's antecedent    voters who said …  /  the union, which contended that …
 *   an object relative                the changes, which officials said will …  /  meddling the congressman said is …
 *   the sentence's whole subject      The self-described democratic socialist said …
 *
 * Every walk is bounded, so the cost per cue stays constant.
 */

import type { Token } from '../../core/document.js';
import type { CueMatch } from './cue-lexicon.js';
import type { QuoteContext } from './quote-context.js';
import { phraseEndingAt, speakerPhraseBefore, type SpeakerPhrase } from './speaker-phrase.js';

export type SubjectReading = 'direct' | 'after-time' | 'relative-subject' | 'object-relative' | 'amount' | 'sentence-subject';

export interface ReportSubject {
  phrase: SpeakerPhrase;
  reading: SubjectReading;
}

const TIME_NOUNS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'spring', 'summer', 'fall', 'autumn', 'winter']);
const TIME_LEADS = new Set(['last', 'this', 'next', 'earlier', 'later', 'late', 'early']);
const TIME_WORDS = new Set(['earlier', 'later', 'recently', 'previously', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Heads that never report: a time, a day, an amount of time. */
const NOT_REPORTERS = new Set([...TIME_NOUNS, ...TIME_WORDS, 'day', 'days', 'weeks', 'months', 'years', 'time', 'times', 'hour', 'hours', 'date']);
const RELATIVE_SUBJECTS = new Set(['who', 'that', 'which']);
const INDEFINITE_PEOPLE = new Set(['someone', 'somebody', 'everyone', 'everybody', 'nobody', 'others', 'many', 'some', 'several', 'few']);
const OBJECT_RELATIVES = new Set(['which', 'that', 'who', 'whom']);
/** Longest sentence-opening subject read as a whole, in tokens. */
const MAX_SUBJECT_TOKENS = 10;
/** Adverbs and auxiliaries skipped before a cue ('have also said'). */
const MAX_SKIPPED = 3;

function lower(token: Token | undefined): string {
  return token?.text.toLowerCase() ?? '';
}

/** The first token before the cue that is not an adverb or an auxiliary ('who has also said'). */
function beforeSkipped(tokens: readonly Token[], cueStart: number, floor: number): number {
  let k = cueStart - 1;
  let skipped = 0;
  while (k >= floor && skipped < MAX_SKIPPED && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX') && !RELATIVE_SUBJECTS.has(lower(tokens[k]))) {
    k--;
    skipped++;
  }
  return k;
}

/** The start of a time adjunct that ends at token `last` ('last week', 'earlier this month', 'on Friday'), or -1. */
function timeAdjunctEndingAt(tokens: readonly Token[], last: number, floor: number): number {
  const token = tokens[last];
  if (!token || last < floor) return -1;
  const word = lower(token);
  if (TIME_WORDS.has(word)) {
    const before = lower(tokens[last - 1]);
    return last - 1 >= floor && (before === 'on' || before === 'late' || before === 'early') ? last - 1 : last;
  }
  if (TIME_NOUNS.has(word) && last - 1 >= floor && TIME_LEADS.has(lower(tokens[last - 1]))) {
    // 'earlier this month'
    return last - 2 >= floor && (lower(tokens[last - 2]) === 'earlier' || lower(tokens[last - 2]) === 'later') ? last - 2 : last - 1;
  }
  return -1;
}

function reportsAt(phrase: SpeakerPhrase | null, tokens: readonly Token[]): phrase is SpeakerPhrase {
  return phrase !== null && !NOT_REPORTERS.has(lower(tokens[phrase.head]));
}

/** Who reports with the cue: the phrase right before it, or one of the readings above. */
export function reportSubject(ctx: QuoteContext, cue: CueMatch, sentenceStart: number): ReportSubject | null {
  const { tokens } = ctx;
  const direct = speakerPhraseBefore(tokens, cue.tokenStart, sentenceStart);
  if (direct) return { phrase: direct, reading: 'direct' };
  const k = beforeSkipped(tokens, cue.tokenStart, sentenceStart);
  if (k < sentenceStart) return null;

  // 'Beck, who …, last week said': the phrase before the time.
  const time = timeAdjunctEndingAt(tokens, k, sentenceStart);
  if (time > sentenceStart) {
    const phrase = speakerPhraseBefore(tokens, time, sentenceStart);
    if (reportsAt(phrase, tokens)) return { phrase, reading: 'after-time' };
  }

  // 'voters who said …', 'the European Union, which contended that …': the antecedent.
  const relative = lower(tokens[k]);
  if (RELATIVE_SUBJECTS.has(relative) && k - 1 >= sentenceStart) {
    const last = tokens[k - 1]!.text === ',' ? k - 2 : k - 1;
    const antecedent = phraseEndingAt(tokens, last, sentenceStart);
    if (reportsAt(antecedent, tokens) && (relative !== 'that' || last === k - 1)) return { phrase: antecedent, reading: 'relative-subject' };
  }

  const amount = amountSubject(tokens, k, sentenceStart);
  if (amount) return { phrase: amount, reading: 'amount' };
  const whole = sentenceOpeningSubject(tokens, k, sentenceStart);
  return whole ? { phrase: whole, reading: 'sentence-subject' } : null;
}

/** Words of an amount of people: '46 percent of voters', 'nearly three in five', 'more than 4 in 10', 'three-quarters'. */
const AMOUNT_WORDS = new Set(['percent', 'per', 'cent', 'in', 'of', 'than', 'more', 'less', 'fewer', 'nearly', 'almost', 'about', 'roughly', 'only', 'just', 'some', 'over', 'a', 'the', 'all', 'half', 'third', 'thirds', 'quarter', 'quarters', 'majority', 'minority', 'plurality', 'most', 'full', 'another']);
const AMOUNT_HEADS = /^(\d[\d.,]*%?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half|third|thirds|quarter|quarters|three-quarters|two-thirds|majority|plurality|minority)$/i;
/** Longest amount phrase read back, in tokens. */
const MAX_AMOUNT_TOKENS = 12;

/**
 * '46 percent of voters said', 'and nearly three in five said', 'three-quarters said':
 * an amount of people (a number or a fraction, and words of amounts, nouns and
 * adjectives) that ends right before the cue, after the sentence's start, a comma or a
 * conjunction.
 */
function amountSubject(tokens: readonly Token[], k: number, sentenceStart: number): SpeakerPhrase | null {
  let start = k + 1;
  let number = false;
  for (let t = k; t >= sentenceStart && k - t < MAX_AMOUNT_TOKENS; t--) {
    const token = tokens[t]!;
    const word = lower(token);
    if (AMOUNT_HEADS.test(word) || token.pos === 'NUM') number = true;
    else if (!AMOUNT_WORDS.has(word) && token.pos !== 'NOUN' && token.pos !== 'ADJ' && token.pos !== 'PROPN' && !(token.text === '-')) break;
    start = t;
  }
  if (!number || start > k) return null;
  const before = tokens[start - 1];
  if (start > sentenceStart && before && before.text !== ',' && before.pos !== 'CCONJ' && before.pos !== 'SCONJ' && !/^(while|whereas)$/i.test(before.text)) return null;
  // Never a bare number of years or a date ('In 2012 said' is no subject).
  const head = tokens[k]!;
  if (head.pos === 'NUM' && /^\d{4}$/.test(head.text)) return null;
  return { start, end: k + 1, head: k };
}

/**
 * 'The self-described democratic socialist said', 'However, Ivana Trump's brief said':
 * the words from the sentence's start (past conjunctions and adverbs) to token `k`, when
 * they hold no verb and end on a noun, a name or an adjective the tagger left as one.
 */
export function sentenceOpeningSubject(tokens: readonly Token[], k: number, sentenceStart: number): SpeakerPhrase | null {
  let lead = sentenceStart;
  while (lead < k && (tokens[lead]!.pos === 'CCONJ' || tokens[lead]!.pos === 'ADV')) lead += tokens[lead + 1]?.text === ',' ? 2 : 1;
  if (k + 1 - lead > MAX_SUBJECT_TOKENS || k < lead || k < sentenceStart) return null;
  // 'Then someone asked …': an indefinite pronoun that stands for people.
  if (k === lead && INDEFINITE_PEOPLE.has(lower(tokens[k]))) return { start: k, end: k + 1, head: k };
  let nominal = false;
  for (let t = lead; t <= k; t++) {
    const token = tokens[t]!;
    if (token.pos === 'VERB' && t > lead && tokens[t - 1]!.text !== '-') return null;
    if (token.pos === 'AUX' || token.pos === 'SCONJ' || token.pos === 'ADP' && lower(token) !== 'of') return null;
    if (token.kind === 'punctuation' && token.text !== '-' && token.text !== '.' && token.text !== "'s" && token.text !== '’s') return null;
    if (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'ADJ') nominal = true;
  }
  const head = tokens[k]!;
  if (!nominal || NOT_REPORTERS.has(lower(head)) || RELATIVE_SUBJECTS.has(lower(head)) || head.kind !== 'word' || (head.pos !== 'NOUN' && head.pos !== 'PROPN' && head.pos !== 'ADJ')) return null;
  return { start: lead, end: k + 1, head: k };
}

/**
 * 'The policy changes, which officials said will go into effect …', 'meddling the
 * congressman said is designed to …': the speaker's phrase stands after a relative
 * word (or right after the noun it describes), and the cue is followed by the rest of
 * the relative clause, whose subject the relative word is.
 */
export function isObjectRelative(ctx: QuoteContext, cue: CueMatch, subject: SpeakerPhrase, sentenceStart: number): boolean {
  const { tokens } = ctx;
  const next = tokens[cue.tokenEnd];
  if (!next || !(next.pos === 'AUX' || (next.pos === 'VERB' && !/ing$/i.test(next.text) && next.text.toLowerCase() !== 'that'))) return false;
  // 'which officials said': the tagger may read the relative word as the speaker's determiner.
  if (OBJECT_RELATIVES.has(lower(tokens[subject.start])) && subject.head > subject.start) return true;
  const before = tokens[subject.start - 1];
  if (!before || subject.start - 1 < sentenceStart) return false;
  if (OBJECT_RELATIVES.has(lower(before))) return true;
  // A zero relative: 'meddling the congressman said is …' (a noun, then the speaker's determiner).
  return (before.pos === 'NOUN' || (before.pos === 'VERB' && /ing$/i.test(before.text))) && /^(the|a|an)$/i.test(tokens[subject.start]!.text);
}
