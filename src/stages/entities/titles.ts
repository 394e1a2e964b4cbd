/**
 * Titles and roles of people, in the article's own words:
 *
 *   pre-modifier        "Secretary of State Antony Blinken", "U.S. National Climate Advisor Ali Zaidi",
 *                       "Baku Mayor Eldar Azizov" (-> "Mayor": a city before the title is not part of it)
 *   appositive before   "the U.S. Ambassador to Azerbaijan, Mark Libby,"
 *   appositive after    "Lavrov, Russia's foreign minister,"
 *
 * A title phrase holds at least one title head ("minister", "mayor"), and may hold
 * modifiers ("Foreign", "National"), connectors ("of", "to") followed by more of
 * the phrase or by a name ("Ambassador to Azerbaijan"), and country names or
 * demonyms at its start ("U.S.", "Russia's", "Estonian"). Also sets each person's
 * gender where the article makes it clear (honorifics, gendered titles).
 */

import type { EntityRecord, LedeDocument, Mention, Token } from '../../core/document.js';
import type { EntityLexicon } from './lexicon.js';

type Role = 'head' | 'modifier' | 'connector' | 'country' | 'name' | 'possessive' | 'stop';

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);

export function titleWordRole(lexicon: EntityLexicon, token: Token, mentionAt: Mention | undefined): Role {
  const lower = token.text.toLowerCase();
  if (!token.spaceBefore && /^['’]s$/.test(token.text)) return 'possessive';
  if (mentionAt) {
    if (mentionAt.type === 'place' && lexicon.isCountry(mentionAt.text)) return 'country';
    return 'name';
  }
  if (lexicon.titleHeads.has(lower)) return 'head';
  if (lexicon.isDemonym(token.text)) return 'country';
  if (lexicon.titleModifiers.has(lower)) return 'modifier';
  if (lexicon.connectors.has(lower) && lower !== 'the' && lower !== 'and') return 'connector';
  if (token.text === '-' && !token.spaceBefore) return 'connector';
  return 'stop';
}

interface Phrase {
  tokenStart: number;
  tokenEnd: number;
}

/** Mention index per token (or -1). */
function mentionIndexByToken(doc: LedeDocument): Int32Array {
  const index = new Int32Array(doc.tokens.length).fill(-1);
  doc.mentions.forEach((m, i) => {
    for (let t = m.tokenStart; t < m.tokenEnd; t++) index[t] = i;
  });
  return index;
}

/** The title phrase that ends just before token `end` (exclusive), scanning left within the sentence. */
function titleBefore(
  doc: LedeDocument,
  lexicon: EntityLexicon,
  byToken: Int32Array,
  end: number,
  sentenceStart: number,
  requireOpening: boolean,
): Phrase | null {
  const { tokens } = doc;
  let start = end;
  let heads = 0;
  let t = end - 1;
  while (t >= sentenceStart) {
    const mention = byToken[t]! >= 0 ? doc.mentions[byToken[t]!] : undefined;
    const role = titleWordRole(lexicon, tokens[t]!, mention);
    if (role === 'head' || role === 'modifier') {
      if (role === 'head') heads++;
      start = t;
      t--;
      continue;
    }
    if (mention && mention.type !== 'person') {
      // A name inside the phrase after a connector ("Ambassador to Azerbaijan"); a country
      // opens it ("U.S. National Climate Advisor"); any other name ends it ("Baku Mayor").
      const before = mention.tokenStart - 1;
      if (before >= sentenceStart && titleWordRole(lexicon, tokens[before]!, undefined) === 'connector') {
        start = mention.tokenStart;
        t = before;
        continue;
      }
      if (role === 'country') start = mention.tokenStart;
      break;
    }
    if (role === 'country') {
      start = t; // a demonym opens the title: "Estonian Transport Minister"
      break;
    }
    if (role === 'possessive') {
      // "Russia's foreign minister": a place's possessive opens the title.
      const owner = t - 1 >= sentenceStart && byToken[t - 1]! >= 0 ? doc.mentions[byToken[t - 1]!] : undefined;
      if (owner && owner.type === 'place' && start < end) start = owner.tokenStart;
      break;
    }
    if (role === 'connector' && start < end && t - 1 >= sentenceStart) {
      const left = tokens[t - 1]!;
      const leftRole = titleWordRole(lexicon, left, byToken[t - 1]! >= 0 ? doc.mentions[byToken[t - 1]!] : undefined);
      if (leftRole === 'head' || leftRole === 'modifier') {
        t--;
        continue;
      }
    }
    break;
  }
  if (heads === 0 && !hasHead(doc, lexicon, start, end)) return null;
  if (start >= end) return null;
  if (requireOpening) {
    // An appositive title opens the clause: sentence start, a determiner or a comma before it.
    const before = start - 1;
    if (before >= sentenceStart) {
      const word = tokens[before]!.text.toLowerCase();
      if (!DETERMINERS.has(word) && word !== ',') return null;
    }
  }
  return { tokenStart: start, tokenEnd: end };
}

function hasHead(doc: LedeDocument, lexicon: EntityLexicon, start: number, end: number): boolean {
  for (let t = start; t < end; t++) if (lexicon.titleHeads.has(doc.tokens[t]!.text.toLowerCase())) return true;
  return false;
}

/** The title phrase right after a comma following the name: "Lavrov, Russia's foreign minister,". */
function titleAfter(doc: LedeDocument, lexicon: EntityLexicon, byToken: Int32Array, begin: number, sentenceEnd: number): Phrase | null {
  const { tokens } = doc;
  let t = begin;
  if (t < sentenceEnd && DETERMINERS.has(tokens[t]!.text.toLowerCase())) t++;
  const start = t;
  let lastGood = -1;
  let heads = 0;
  while (t < sentenceEnd) {
    const mention = byToken[t]! >= 0 ? doc.mentions[byToken[t]!] : undefined;
    const role = titleWordRole(lexicon, tokens[t]!, mention);
    if (mention && (role === 'country' || role === 'name')) {
      if (mention.type === 'person') break;
      const next = mention.tokenEnd;
      const possessive = next < sentenceEnd && titleWordRole(lexicon, tokens[next]!, undefined) === 'possessive';
      if (t === start && (possessive || role === 'country')) {
        t = possessive ? next + 1 : next;
        continue;
      }
      const previous = tokens[t - 1];
      if (previous && titleWordRole(lexicon, previous, undefined) === 'connector') {
        t = next;
        lastGood = t;
        continue;
      }
      break;
    }
    if (role === 'head') {
      heads++;
      t++;
      lastGood = t;
      continue;
    }
    if (role === 'modifier' || role === 'country') {
      t++;
      continue;
    }
    if (role === 'connector' && heads > 0) {
      t++;
      continue;
    }
    break;
  }
  if (heads === 0 || lastGood <= start) return null;
  // The phrase must close: comma, full stop, or the end of the sentence.
  const after = tokens[lastGood];
  if (lastGood < sentenceEnd && after && !/^[,.;:)–—-]$/.test(after.text)) return null;
  return { tokenStart: start, tokenEnd: lastGood };
}

function phraseText(doc: LedeDocument, phrase: Phrase): string {
  return doc.text.slice(doc.tokens[phrase.tokenStart]!.start, doc.tokens[phrase.tokenEnd - 1]!.end).replace(/\s+/g, ' ');
}

/** Fills titles and gender of the person entities. */
export function assignTitles(doc: LedeDocument, lexicon: EntityLexicon): void {
  const { tokens } = doc;
  const byToken = mentionIndexByToken(doc);
  const titles = new Map<EntityRecord, Set<string>>();
  for (const mention of doc.mentions) {
    if (mention.type !== 'person' || mention.entity < 0) continue;
    const entity = doc.entities[mention.entity]!;
    const sentence = doc.sentences[tokens[mention.tokenStart]!.sentence];
    if (!sentence) continue;
    const found: Phrase[] = [];
    const pre = titleBefore(doc, lexicon, byToken, mention.tokenStart, sentence.tokenStart, false);
    if (pre) found.push(pre);
    const comma = mention.tokenStart - 1;
    if (!pre && comma > sentence.tokenStart && tokens[comma]!.text === ',') {
      const appositive = titleBefore(doc, lexicon, byToken, comma, sentence.tokenStart, true);
      if (appositive) found.push(appositive);
    }
    let after = mention.tokenEnd;
    if (after < sentence.tokenEnd && /^['’]s$/.test(tokens[after]!.text)) after = sentence.tokenEnd; // "Lavrov's aide": not an appositive
    if (after < sentence.tokenEnd && tokens[after]!.text === ',') {
      const appositive = titleAfter(doc, lexicon, byToken, after + 1, sentence.tokenEnd);
      if (appositive) found.push(appositive);
    }
    if (found.length === 0) continue;
    const set = titles.get(entity) ?? new Set<string>();
    for (const phrase of found) {
      set.add(phraseText(doc, phrase));
      entity.gender ??= genderOf(doc, lexicon, phrase);
    }
    titles.set(entity, set);
  }
  for (const [entity, set] of titles) entity.titles = [...set];
  // Honorifics right before a name: "Mrs. Vaher".
  for (const mention of doc.mentions) {
    if (mention.type !== 'person' || mention.entity < 0 || mention.tokenStart === 0) continue;
    const entity = doc.entities[mention.entity]!;
    const before = tokens[mention.tokenStart - 1]!.text.toLowerCase();
    if (lexicon.femaleWords.has(before) && lexicon.honorifics.has(before)) entity.gender ??= 'female';
    else if (lexicon.maleWords.has(before) && lexicon.honorifics.has(before)) entity.gender ??= 'male';
  }
}

function genderOf(doc: LedeDocument, lexicon: EntityLexicon, phrase: Phrase): 'male' | 'female' | null {
  for (let t = phrase.tokenStart; t < phrase.tokenEnd; t++) {
    const word = doc.tokens[t]!.text.toLowerCase();
    if (lexicon.femaleWords.has(word)) return 'female';
    if (lexicon.maleWords.has(word)) return 'male';
  }
  return null;
}
