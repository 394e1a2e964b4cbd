/**
 * Things that cannot speak, whatever stands next to a cue: dates, weekdays, times,
 * relative pronouns ('whose name', 'which'), phrases that open with a preposition
 * ('As armed officers'), and abstract nouns ('findings', 'data', 'the report') unless
 * the phrase names their owner ('a GAO report', 'the union's Friday release': the
 * owner speaks), and 'Having' or 'Being' opening a clause. A wrong name is worse than none: such a phrase gives no speaker.
 */

import type { Token } from '../../core/document.js';
import type { SpeakerPhrase } from './speaker-phrase.js';

export type NotASpeakerReason = 'date' | 'time' | 'relative-pronoun' | 'preposition' | 'abstract' | 'verb';

const WEEKDAYS_AND_MONTHS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'today', 'yesterday', 'tomorrow', 'tonight', 'weekend', 'week', 'month', 'year', 'decade', 'century', 'day', 'days', 'weeks', 'months', 'years',
]);
const TIME_WORDS = new Set(['morning', 'afternoon', 'evening', 'night', 'noon', 'midnight', 'hour', 'hours', 'minute', 'minutes', 'a.m.', 'p.m.', 'am', 'pm', 'time', 'times', 'moment']);
/** Words that open a prepositional or adverbial phrase, whatever the tagger called them ('As armed officers'). */
const PREPOSITIONS = new Set([
  'as', 'in', 'at', 'on', 'after', 'before', 'during', 'since', 'while', 'when', 'following', 'despite', 'amid', 'among', 'with',
  'without', 'under', 'over', 'like', 'unlike', 'until', 'upon', 'into', 'through', 'throughout', 'because', 'if', 'although', 'though',
]);
const AUXILIARY_PARTICIPLES = new Set(['having', 'being']);
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which', 'that', 'what', 'whatever', 'whoever']);
/**
 * Nouns that never speak by themselves: results and records speak for the owner the
 * text names ('a GAO report', 'the report by PIRG', 'a new Washington Post-ABC News
 * poll', and the same noun later: 'the report says'), and without one they are no speaker.
 */
export const NON_AGENT_HEADS = new Set([
  'finding', 'findings', 'data', 'statistics', 'evidence', 'estimate', 'estimates', 'research', 'result', 'results', 'report', 'reports',
  'study', 'studies', 'analysis', 'analyses', 'case', 'cases', 'phrase', 'camera', 'conference', 'news', 'following', 'stream',
  'interview', 'speech', 'remarks', 'plan', 'proposal', 'bill', 'law', 'rule', 'rules', 'order', 'policy', 'program', 'programme',
  'video', 'footage',
]);
/** Documents and messages that speak for their owner when the text names one ('a statement from X'), else as themselves. */
export const DOCUMENT_HEADS = new Set([
  'statement', 'statements', 'release', 'letter', 'letters', 'ruling', 'article', 'book', 'website', 'ad', 'ads', 'tweet', 'tweets',
  'post', 'posts', 'email', 'emails', 'message', 'messages', 'editorial', 'piece', 'story', 'complaint', 'lawsuit', 'decision', 'opinion',
  'note', 'notes', 'page', 'paper', 'papers', 'guidance', 'announcement', 'notice', 'filing', 'filings', 'poll', 'polls', 'survey',
  'surveys', 'memo', 'document', 'documents', 'record', 'records', 'transcript', 'tally',
]);

export function isDateOrTimeWord(token: Token): boolean {
  const lower = token.text.toLowerCase();
  return WEEKDAYS_AND_MONTHS.has(lower) || TIME_WORDS.has(lower) || /^\d{1,4}(s|th|st|nd|rd)?$/.test(lower);
}

/**
 * Why the phrase cannot speak, or null. `inDate(t)` tells whether token t is part of a
 * date the dates stage found. The abstract-noun reason holds only when `hasOwner` is false.
 */
export function notASpeakerReason(tokens: readonly Token[], phrase: SpeakerPhrase, inDate: (t: number) => boolean, hasOwner: boolean): NotASpeakerReason | null {
  const head = tokens[phrase.head]!;
  const lower = head.text.toLowerCase();
  if (RELATIVE_PRONOUNS.has(lower)) return 'relative-pronoun';
  for (let t = phrase.start; t < phrase.end; t++) if (RELATIVE_PRONOUNS.has(tokens[t]!.text.toLowerCase()) && t <= phrase.head && /^wh/i.test(tokens[t]!.text)) return 'relative-pronoun';
  // 'Having said that, …': an auxiliary's participle opens a clause, it names nobody.
  if (phrase.head === phrase.start && AUXILIARY_PARTICIPLES.has(lower)) return 'verb';
  if (inDate(phrase.head)) return 'date';
  if (WEEKDAYS_AND_MONTHS.has(lower) || /^\d/.test(head.text)) return 'date';
  if (TIME_WORDS.has(lower)) return 'time';
  const first = tokens[phrase.start]!;
  if ((first.pos === 'ADP' || first.pos === 'SCONJ' || PREPOSITIONS.has(first.text.toLowerCase())) && phrase.start < phrase.head) return 'preposition';
  if (!hasOwner && NON_AGENT_HEADS.has(lower) && head.pos !== 'PROPN') return 'abstract';
  return null;
}
