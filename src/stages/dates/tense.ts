/**
 * The tense of the verb that governs a date, read from the words around it.
 * wink-nlp's universal tags have no VBD, so the past comes from auxiliaries
 * (was, had, did), an irregular-past lexicon and the -ed ending; the future from
 * will/would/shall/going to and planning verbs followed by to/for (is expected
 * to, plans to, is scheduled for).
 */

import type { Token } from '../../core/document.js';
import type { Direction } from './candidate.js';
import type { CompiledDatesLexicon } from './lexicon.js';
import { normalizeWord } from './words.js';

export type Tense = 'past' | 'present' | 'future';

/** How far (in tokens) from a date we look for its verb. */
const MAX_DISTANCE = 25;
/** How many auxiliaries, adverbs and particles may precede a verb in its group. */
const MAX_CHAIN = 5;

const BE_FORMS = new Set(['is', 'are', 'am', 'was', 'were', "'s", "'re"]);

/** "as planned", "as previously scheduled", "originally planned": a plan that an event kept to. */
const AS_PLANNED = new Set(['as', 'previously', 'originally']);

const GET_FORMS = new Set(['get', 'gets', 'getting', 'got', 'gotten']);

const ING_BASE_FORMS = new Set(['bring', 'sing', 'ring', 'spring', 'sting', 'swing', 'cling', 'fling', 'wring', 'string']);

const CLAUSE_BREAKS = new Set([';', '"', '“', '”', '«', '»', '(', ')', '—', '–']);

/** Whether the verb group ending at tokens[last] is past perfect ("had been scheduled", "had planned"). */
function hasPluperfect(tokens: readonly Token[], last: number, first: number): boolean {
  for (let i = last - 1; i >= first && i >= last - MAX_CHAIN; i--) {
    const token = tokens[i]!;
    const word = normalizeWord(token.text);
    if (word === 'had' || word === "'d") return true;
    if (token.pos !== 'AUX' && token.pos !== 'ADV' && token.pos !== 'PART' && token.pos !== 'VERB') return false;
  }
  return false;
}

function isVerbLike(token: Token): boolean {
  return token.pos === 'VERB' || token.pos === 'AUX';
}

function isPastForm(word: string, lexicon: CompiledDatesLexicon): boolean {
  if (lexicon.pastForms.has(word)) return true;
  return word.length > 3 && word.endsWith('ed') && !lexicon.notPast.has(word) && !word.endsWith('eed');
}

/** Quantifiers that stand for a noun before a participle ("some bought last week"). */
const PRONOUN_QUANTIFIERS = new Set(['some', 'many', 'most', 'all', 'those', 'others', 'several', 'few', 'both']);

/**
 * A past participle after a count standing for its noun, not before a noun:
 * "254,200 bought from Sept. 14 to Thursday", "some sold last week" — a reduced
 * relative clause about something done, so the date it governs is behind. A
 * planned one ("300 scheduled for Friday") is left to the planning words, and a
 * participle before its noun ("5,000 armed troops") is an adjective.
 */
function isReducedRelative(tokens: readonly Token[], head: number, previous: Token, headWord: string, lexicon: CompiledDatesLexicon): boolean {
  if (previous.pos !== 'NUM' && !(previous.pos === 'DET' && PRONOUN_QUANTIFIERS.has(normalizeWord(previous.text)))) return false;
  if (!isPastForm(headWord, lexicon) || lexicon.plannedMarkers.has(headWord) || lexicon.planningHeads.has(headWord)) return false;
  const next = tokens[head + 1];
  return next === undefined || (next.pos !== 'NOUN' && next.pos !== 'PROPN' && next.pos !== 'ADJ');
}

/**
 * The tense of the verb group whose last verb is `tokens[head]`, or null when the
 * verb is not finite (a bare participle or an infinitive) and so says nothing.
 */
export function verbGroupTense(tokens: readonly Token[], head: number, first: number, lexicon: CompiledDatesLexicon): Tense | null {
  const headWord = normalizeWord(tokens[head]!.text);
  // "the heavy rains", "the flooding": a noun mistagged as a verb.
  const previous = tokens[head - 1];
  if (previous !== undefined && head - 1 >= first && (previous.pos === 'DET' || previous.pos === 'ADJ' || previous.pos === 'NUM') && tokens[head]!.pos === 'VERB') {
    return isReducedRelative(tokens, head, previous, headWord, lexicon) ? 'past' : null;
  }
  // "getting beat up", "get hurt": a participle in a get-passive; the tense is that of "get".
  if (previous !== undefined && head - 1 >= first && GET_FORMS.has(normalizeWord(previous.text)) && isPastForm(headWord, lexicon)) return null;
  const chain: string[] = [];
  let sawTo = false;
  for (let i = head - 1; i >= first && chain.length < MAX_CHAIN; i--) {
    const token = tokens[i]!;
    const word = normalizeWord(token.text);
    if (sawTo) {
      // "plans to visit", "is expected to sign", "is to be held", "going to meet";
      // but "had been scheduled to expire Friday": a plan that the past overtook.
      if (lexicon.plannedMarkers.has(word) || word === 'going' || BE_FORMS.has(word)) return hasPluperfect(tokens, i, first) ? 'past' : 'future';
      if (token.pos === 'ADV') continue;
      break;
    }
    if (word === 'to') {
      sawTo = true;
      continue;
    }
    if (token.pos === 'AUX' || token.pos === 'PART' || (token.pos === 'ADV' && chain.length < 3)) {
      chain.push(word);
      continue;
    }
    break;
  }
  for (const word of chain) if (lexicon.futureMarkers.has(word) && word !== 'going') return 'future';
  if (sawTo) return null; // an infinitive without a planning verb: its governor is another group
  if (lexicon.planningHeads.has(headWord)) {
    // "began as scheduled on Friday", "as previously planned Saturday night": the event kept to a plan; its own verb places it.
    if (previous !== undefined && head - 1 >= first && AS_PLANNED.has(normalizeWord(previous.text))) return null;
    return chain.includes('had') || chain.includes("'d") ? 'past' : 'future';
  }
  if (lexicon.plannedMarkers.has(headWord)) {
    const next = tokens[head + 1];
    const nextWord = next ? normalizeWord(next.text) : '';
    if (nextWord === 'to' || nextWord === 'for') return 'future';
  }
  // The chain is read right to left: the auxiliary nearest the subject decides (has been, was being).
  for (let i = chain.length - 1; i >= 0; i--) {
    const word = chain[i]!;
    if (lexicon.pastAuxiliaries.has(word) || lexicon.perfectAuxiliaries.has(word)) return 'past';
    if (lexicon.presentAuxiliaries.has(word)) return 'present';
  }
  if (lexicon.pastAuxiliaries.has(headWord)) return 'past';
  if (lexicon.perfectAuxiliaries.has(headWord) || lexicon.presentAuxiliaries.has(headWord)) return 'present';
  if (lexicon.futureMarkers.has(headWord)) return 'future';
  if (headWord.endsWith('ing') && !ING_BASE_FORMS.has(headWord)) return null;
  if (isPastForm(headWord, lexicon)) return 'past';
  return 'present';
}

/**
 * The direction in which an incomplete date spanning tokens [start, end) lies:
 * the tense of the nearest finite verb group in its sentence (the one on the
 * left wins a tie), 'nearest' when that verb is present tense or there is none.
 */
export function directionOf(
  tokens: readonly Token[],
  sentenceStart: number,
  sentenceEnd: number,
  start: number,
  end: number,
  lexicon: CompiledDatesLexicon,
): Direction {
  let left = start - 1;
  let right = end;
  let leftBlocked = false;
  let rightBlocked = false;
  for (let distance = 0; distance < MAX_DISTANCE; distance++) {
    if (!leftBlocked && left >= sentenceStart) {
      const token = tokens[left]!;
      if (CLAUSE_BREAKS.has(token.text)) leftBlocked = true;
      else if (isVerbLike(token) && !isCapitalisedInside(token, left, sentenceStart)) {
        const tense = verbGroupTense(tokens, left, sentenceStart, lexicon);
        if (tense !== null) return toDirection(tense);
      }
      left--;
    }
    if (!rightBlocked && right < sentenceEnd) {
      const token = tokens[right]!;
      if (CLAUSE_BREAKS.has(token.text)) rightBlocked = true;
      else if (isVerbLike(token) && !isCapitalisedInside(token, right, sentenceStart)) {
        // Take the whole group: skip to its last verb.
        let head = right;
        while (head + 1 < sentenceEnd && head - right < MAX_CHAIN && (isVerbLike(tokens[head + 1]!) || isChainFiller(tokens[head + 1]!)) && hasVerbAhead(tokens, head + 1, sentenceEnd)) head++;
        const tense = verbGroupTense(tokens, head, sentenceStart, lexicon);
        if (tense !== null) return toDirection(tense);
        right = head;
      }
      right++;
    }
    if ((leftBlocked || left < sentenceStart) && (rightBlocked || right >= sentenceEnd)) break;
  }
  return 'nearest';
}

/** A "verb" written with a capital inside a sentence is a name the tagger misread ("Roe vs. Wade"). */
function isCapitalisedInside(token: Token, index: number, sentenceStart: number): boolean {
  return index > sentenceStart && /^[A-Z][a-z]/.test(token.text);
}

function isChainFiller(token: Token): boolean {
  return token.pos === 'ADV' || token.pos === 'PART';
}

function hasVerbAhead(tokens: readonly Token[], from: number, end: number): boolean {
  for (let i = from; i < end && i < from + 3; i++) {
    if (isVerbLike(tokens[i]!)) return true;
    if (!isChainFiller(tokens[i]!)) return false;
  }
  return false;
}

function toDirection(tense: Tense): Direction {
  return tense === 'present' ? 'nearest' : tense;
}
