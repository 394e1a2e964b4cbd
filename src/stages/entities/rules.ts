/**
 * Entity candidates from rules and gazetteers. Each candidate carries the id of
 * the rule that proposed it; the resolver decides between these and the model's.
 *
 *   gazetteer:custom   the caller's gazetteer (preset: it wins over the model)
 *   gazetteer:known    data/lexicon/known-entities.json (fills gaps the model leaves)
 *   org-head           capitalised phrase ending in an organisation head ("Russian Foreign Ministry")
 *   org-titled-head    a title word and a lone organisation head ("the General Assembly")
 *   place-head         capitalised phrase ending in a geographic head ("Caspian Sea")
 *   place-lower-head   a place name with a lower-case head ("Sverdlovsk region")
 */

import { tokenWordsOf, type CandidateType, type EntityCandidate, type LedeDocument, type Token, type TokenWords } from '../../core/document.js';
import { wordTableOf, type WordTable } from '../../core/word-table.js';
import type { Stage } from '../../core/stage.js';
import type { EntityType } from '../../types.js';
import type { EntityLexicon, GazetteerRecord } from './lexicon.js';

const CAPITALISED = /^\p{Lu}/u;
const INNER_CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'on']);
/** How nationality adjectives end ("English", "Azeri", "Chinese"), for words the tagger read as MISC. */
const NATIONALITY_ENDING = /(?:an|ese|ish|ic|i)$/;
/** Longest run of capitalised words a rule looks at. */
const MAX_RUN = 10;

export function isCapitalisedWord(token: Token): boolean {
  return token.kind === 'word' && CAPITALISED.test(token.text);
}

function isPossessive(token: Token): boolean {
  return !token.spaceBefore && (token.text === "'s" || token.text === '’s');
}

function candidate(
  tokens: readonly Token[],
  tokenStart: number,
  tokenEnd: number,
  type: EntityType,
  rule: string,
  score: number,
  preset: boolean,
): EntityCandidate {
  return {
    start: tokens[tokenStart]!.start,
    end: tokens[tokenEnd - 1]!.end,
    tokenStart,
    tokenEnd,
    type,
    provenance: { stage: 'rules', rule, score },
    preset,
  };
}

/** Surface text of tokens [from, to) with single spaces where the text has white space. */
export function joinTokens(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let t = from; t < to; t++) {
    const token = tokens[t]!;
    if (t > from && token.spaceBefore) out += ' ';
    out += token.text;
  }
  return out;
}

/** In firstWordFacts: the most words of a form the word begins, plus one (0: it begins none), in the low bits. */
const MOST_WORDS = 0xffff;
/** In firstWordFacts: some form's first word begins with the word ("St." of "St.Petersburg"). */
const STARTS_FIRST_WORD = 1 << 16;
/** In firstWordFacts: the word holds white space. */
const HAS_SPACE = 1 << 17;

/** What gazetteerCandidates asks of a token's text before it reads on, packed (MOST_WORDS, STARTS_FIRST_WORD, HAS_SPACE). */
function firstWordFacts(lexicon: EntityLexicon, text: string): number {
  const most = lexicon.gazetteerFirstWords.get(text);
  return (most === undefined ? 0 : Math.min(most, MOST_WORDS - 1) + 1) | (lexicon.gazetteerFirstWordStarts.has(text) ? STARTS_FIRST_WORD : 0) | (/\s/.test(text) ? HAS_SPACE : 0);
}

/** firstWordFacts by word (TokenWords), kept across articles for a lexicon. */
function firstWordTableOf(lexicon: EntityLexicon, words: TokenWords): WordTable {
  return wordTableOf(lexicon.gazetteerFirstWords, words);
}

function gazetteerCandidates(doc: LedeDocument, lexicon: EntityLexicon, out: EntityCandidate[]): void {
  const { tokens } = doc;
  const tokenWords = tokenWordsOf(doc);
  const table = tokenWords === null ? null : firstWordTableOf(lexicon, tokenWords);
  for (const sentence of doc.sentences) {
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      const first = tokens[t]!;
      if (first.furniture) continue;
      const id = tokenWords === null ? -1 : tokenWords.ids[t]!;
      let facts: number;
      if (id >= 0 && table!.has(id)) facts = table!.get(id);
      else {
        facts = firstWordFacts(lexicon, first.text);
        if (id >= 0) table!.set(id, facts);
      }
      // A form's first word may be glued to the next token ("St.Petersburg"), so look up by prefix too.
      const maxWords =
        (facts & MOST_WORDS) !== 0
          ? (facts & MOST_WORDS) - 1
          : ((t + 1 < sentence.tokenEnd && !tokens[t + 1]!.spaceBefore && (facts & STARTS_FIRST_WORD) !== 0) || (facts & HAS_SPACE) !== 0
            ? lexicon.gazetteerFirstWords.get(glued(tokens, t, sentence.tokenEnd))
            : undefined);
      if (maxWords === undefined) continue;
      let best = -1;
      let record: GazetteerRecord | undefined;
      // The form grows a token at a time, as joinTokens writes it, while some form
      // begins with its first word and has as many words as it.
      let form = '';
      let words = 1;
      /** The most words a form of the first word has: read once the first word is whole. */
      let most = 0;
      for (let end = t + 1; end <= sentence.tokenEnd; end++) {
        const token = tokens[end - 1]!;
        if (end > t + 1 && token.spaceBefore) {
          // The first word is whole: "Volga-Don" of "Volga-Don Shipping Company", not "Volga".
          if (words === 1) most = lexicon.gazetteerFirstWords.get(form) ?? 0;
          if (++words > most) break;
          form = `${form} ${token.text}`;
        } else {
          form += token.text;
          // A first word no form begins with, nor grows into one: no longer form can be.
          if (words === 1 && !lexicon.gazetteerFirstWords.has(form) && !lexicon.gazetteerFirstWordStarts.has(form) && !/\s/.test(form)) break;
        }
        const found = lexicon.gazetteerForms.get(form);
        if (found) {
          best = end;
          record = found;
        }
      }
      if (!record) continue;
      const custom = record.source === 'custom';
      out.push(candidate(tokens, t, best, record.type, `gazetteer:${record.source}`, custom ? 1 : 0.8, custom));
      t = best - 1;
    }
  }
}

/** The text of token t and the tokens glued to it without white space. */
function glued(tokens: readonly Token[], t: number, end: number): string {
  let text = tokens[t]!.text;
  for (let u = t + 1; u < end && !tokens[u]!.spaceBefore; u++) text += tokens[u]!.text;
  return text.split(/\s/)[0] ?? text;
}

/** A title word ("Economist", "Minister", "Lead") that is not the head of an organisation. */
function isRoleWord(lexicon: EntityLexicon, text: string): boolean {
  const lower = text.toLowerCase();
  return lexicon.titleHeads.has(lower) || lexicon.honorifics.has(lower);
}

/** Capitals throughout ("CRUDE OIL", "AMERICAN LEAGUE"): a headline or a table, where heads mislead. */
function runIsAllCaps(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  for (let t = from; t < to; t++) {
    const text = tokens[t]!.text;
    if (tokens[t]!.kind !== 'word') continue;
    if (text !== text.toUpperCase()) return false;
    words++;
  }
  return words >= 2;
}

/** The type the tagger gave each token, if any ('misc' included). */
function modelTypes(doc: LedeDocument): (CandidateType | undefined)[] {
  const types: (CandidateType | undefined)[] = new Array(doc.tokens.length);
  for (const c of doc.entityCandidates) {
    if (c.provenance.stage !== 'ner') continue;
    for (let t = c.tokenStart; t < c.tokenEnd; t++) types[t] = c.type;
  }
  return types;
}

function headCandidates(doc: LedeDocument, lexicon: EntityLexicon, out: EntityCandidate[]): void {
  const { tokens } = doc;
  const modelType = modelTypes(doc);
  for (const sentence of doc.sentences) {
    if (sentenceIsAllCaps(tokens, sentence.tokenStart, sentence.tokenEnd)) continue;
    let t = sentence.tokenStart;
    while (t < sentence.tokenEnd) {
      if (!isCapitalisedWord(tokens[t]!) || tokens[t]!.furniture) {
        t++;
        continue;
      }
      // A run of capitalised words, possibly joined by "of", "and", "'s", glued punctuation.
      let end = t + 1;
      while (end < sentence.tokenEnd && end - t < MAX_RUN) {
        const token = tokens[end]!;
        if (isCapitalisedWord(token) || isPossessive(token)) end++;
        else if (INNER_CONNECTORS.has(token.text.toLowerCase()) && end + 1 < sentence.tokenEnd && isCapitalisedWord(tokens[end + 1]!)) end += 2;
        else if (!token.spaceBefore && token.text === '-' && end + 1 < sentence.tokenEnd && !tokens[end + 1]!.spaceBefore) end++;
        else break;
      }
      let start = t;
      // Not part of a name: a capitalised common word opening the sentence ("Results of ..."),
      // determiners, and titles before the name ("Economist Joel Naroff of First Union").
      const opensSentence = (i: number): boolean => i === sentence.tokenStart && tokens[i]!.pos !== 'PROPN' && modelType[i] === undefined;
      while (start < end && (/^the$/i.test(tokens[start]!.text) || opensSentence(start) ||
          (isRoleWord(lexicon, tokens[start]!.text) && !lexicon.orgHeads.has(tokens[start]!.text.toLowerCase()) &&
            !(start + 1 < end && isPossessive(tokens[start + 1]!))))) start++;
      if (!runIsAllCaps(tokens, start, end)) proposeFromRun(doc, lexicon, modelType, start, end, sentence.tokenEnd, out);
      t = end;
    }
  }
}

function sentenceIsAllCaps(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  for (let t = from; t < to; t++) {
    const token = tokens[t]!;
    if (token.kind !== 'word') continue;
    if (token.text !== token.text.toUpperCase()) return false;
    words++;
  }
  return words >= 3;
}

function proposeFromRun(
  doc: LedeDocument,
  lexicon: EntityLexicon,
  modelType: readonly (CandidateType | undefined)[],
  start: number,
  end: number,
  sentenceEnd: number,
  out: EntityCandidate[],
): void {
  const { tokens } = doc;
  if (end <= start) return;
  // Trailing possessive is not part of the name.
  let last = end;
  while (last > start && isPossessive(tokens[last - 1]!)) last--;
  // A possessive inside: "Prosecutor's Office" is one name; "Moscow's Central Clinical Hospital"
  // (the tagger read Moscow as a place) is a name after the owner; "University of Michigan's August" ends at it.
  for (let p = start + 1; p < last; p++) {
    if (!isPossessive(tokens[p]!)) continue;
    let headAfter = false;
    for (let h = p + 1; h < last; h++) if (lexicon.orgHeads.has(tokens[h]!.text.toLowerCase())) headAfter = true;
    if (!headAfter) last = p;
    else if (modelType[p - 1] !== undefined && modelType[p - 1] !== 'misc') start = p + 1;
    break;
  }
  if (last <= start) return;
  const lastWord = tokens[last - 1]!.text.toLowerCase();
  const words = last - start;

  if (words >= 2 && lexicon.orgHeads.has(lastWord)) {
    out.push(candidate(tokens, start, last, 'organization', 'org-head', 0.9, true));
    return;
  }
  // "Ministry of Foreign Affairs": an organisation head followed by "of ...".
  for (let h = start; h < last - 2; h++) {
    if (lexicon.orgHeads.has(tokens[h]!.text.toLowerCase()) && tokens[h + 1]!.text === 'of') {
      out.push(candidate(tokens, start, last, 'organization', 'org-head-of', 0.85, true));
      return;
    }
  }
  if (words >= 2 && lexicon.placeHeads.has(lastWord) && words <= 4) {
    out.push(candidate(tokens, start, last, 'place', 'place-head', 0.85, true));
    return;
  }
  // "Sverdlovsk region", "Sabunchu district": a short capitalised name and a lower-case head.
  const next = tokens[last];
  // Not after a nationality: "English county sides", "the Kurdish region".
  if (words <= 2 && last === end && next !== undefined && last < sentenceEnd && lexicon.lowerPlaceHeads.has(next.text) &&
      next.text === next.text.toLowerCase() && !lexicon.isDemonym(tokens[last - 1]!.text) &&
      !(modelType[last - 1] === 'misc' && NATIONALITY_ENDING.test(tokens[last - 1]!.text))) {
    out.push(candidate(tokens, start, last + 1, 'place', 'place-lower-head', 0.8, true));
  }
}

/**
 * A title word before a lone organisation head, the pair not followed by another
 * capitalised word: "the General Assembly", "a General Council". The tagger, which
 * reads a title as the start of a person's name, tags the head as a surname, and the
 * runs of headCandidates drop titles; an assembly is no person.
 */
function titledHeadCandidates(doc: LedeDocument, lexicon: EntityLexicon, out: EntityCandidate[]): void {
  const { tokens } = doc;
  for (let t = 0; t + 1 < tokens.length; t++) {
    const title = tokens[t]!;
    const head = tokens[t + 1]!;
    if (!isCapitalisedWord(title) || !isCapitalisedWord(head) || !head.spaceBefore || title.furniture || head.furniture) continue;
    if (!isRoleWord(lexicon, title.text) || lexicon.orgHeads.has(title.text.toLowerCase()) || !lexicon.orgHeads.has(head.text.toLowerCase())) continue;
    const after = tokens[t + 2];
    if (after !== undefined && (isCapitalisedWord(after) || !after.spaceBefore && after.text === '-')) continue;
    const before = tokens[t - 1];
    if (before !== undefined && (isCapitalisedWord(before) && !/^(?:the|a|an)$/i.test(before.text) || !title.spaceBefore && before.text === '-')) continue;
    out.push(candidate(tokens, t, t + 2, 'organization', 'org-titled-head', 0.9, true));
  }
}

export function proposeRuleCandidates(doc: LedeDocument, lexicon: EntityLexicon): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  gazetteerCandidates(doc, lexicon, out);
  headCandidates(doc, lexicon, out);
  titledHeadCandidates(doc, lexicon, out);
  return out;
}

export const rulesStage: Stage = {
  name: 'rules',
  run(doc, resources) {
    doc.entityCandidates.push(...proposeRuleCandidates(doc, resources.entities));
  },
};
