/**
 * Descriptions the article attaches to a name, so that the description can speak
 * later for the entity: the appositive after a name ('Caleb Jones, the rookie
 * defenceman, …'; 'the Association of Flight Attendants, the union that …') and the
 * description right before one ('the rookie defenceman Caleb Jones'). Each gives its
 * head noun ('defenceman', 'union') and the words before it ('rookie'); a later
 * 'the rookie defenceman said' goes to the one entity the article described so.
 */

import type { LedeDocument, Token } from '../../core/document.js';

export interface DescriptionLink {
  entity: number;
  /** Lower-case head noun, singular ('defenceman', 'union'). */
  head: string;
  /** Lower-case words of the description before its head ('rookie'). */
  modifiers: string[];
  /** Token where the description was given. */
  token: number;
}

/** Longest appositive read, in tokens. */
const MAX_APPOSITIVE_TOKENS = 12;
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
/** Prepositions that end the head part of a description ('director of …', 'union representing …'). */
const ENDS_HEAD = new Set(['of', 'for', 'at', 'in', 'on', 'with', 'from', 'to', 'who', 'that', 'which', 'whose', 'and', 'by']);

function isNoun(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'ADJ' || token.pos === 'VERB') && /^\p{Ll}/u.test(token.text);
}

/** 'defencemen' -> 'defenceman', 'officials' -> 'official'; other words as they are. */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('men')) return `${lower.slice(0, -3)}man`;
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith('s') && !lower.endsWith('ss') && lower.length > 3) return lower.slice(0, -1);
  return lower;
}

/** Reads a description of lower-case words from token `start` (after its determiner), up to `limit`. */
function readDescription(tokens: readonly Token[], start: number, limit: number): { head: string; modifiers: string[]; end: number } | null {
  const words: string[] = [];
  let t = start;
  for (; t < limit && t - start < MAX_APPOSITIVE_TOKENS; t++) {
    const token = tokens[t]!;
    // 'the company's lawyer': the owner is a modifier, the head comes after it.
    if (words.length > 0 && /^['’]s?$/.test(token.text) && isNoun(tokens[t + 1])) continue;
    if (ENDS_HEAD.has(token.text.toLowerCase()) || !isNoun(token)) break;
    words.push(token.text.toLowerCase());
  }
  if (words.length === 0) return null;
  const last = tokens[t - 1]!;
  if (last.pos !== 'NOUN') return null;
  return { head: singular(words[words.length - 1]!), modifiers: words.slice(0, -1), end: t };
}

export function findDescriptionLinks(doc: LedeDocument, quoteAt: Int32Array): DescriptionLink[] {
  const { tokens } = doc;
  const links: DescriptionLink[] = [];
  for (const mention of doc.mentions) {
    if (mention.entity < 0 || mention.type === 'place' || quoteAt[mention.tokenStart]! >= 0) continue;
    const sentence = tokens[mention.tokenStart]!.sentence;
    // 'NAME, the DESCRIPTION …'
    let t = mention.tokenEnd;
    if (tokens[t]?.text === ',' && DETERMINERS.has(tokens[t + 1]?.text.toLowerCase() ?? '')) {
      let limit = t + 2;
      while (limit < tokens.length && tokens[limit]!.sentence === sentence && limit - t < MAX_APPOSITIVE_TOKENS + 2) limit++;
      const read = readDescription(tokens, t + 2, limit);
      if (read) links.push({ entity: mention.entity, head: read.head, modifiers: read.modifiers, token: t + 2 });
    }
    // 'the DESCRIPTION NAME': lower-case words between a determiner and the name.
    t = mention.tokenStart - 1;
    let start = t;
    while (start >= 0 && mention.tokenStart - start <= MAX_APPOSITIVE_TOKENS && isNoun(tokens[start]) && tokens[start]!.sentence === sentence) start--;
    if (start < t && start >= 0 && DETERMINERS.has(tokens[start]!.text.toLowerCase()) && tokens[t]!.pos === 'NOUN') {
      const read = readDescription(tokens, start + 1, mention.tokenStart);
      if (read && read.end === mention.tokenStart) links.push({ entity: mention.entity, head: read.head, modifiers: read.modifiers, token: start + 1 });
    }
  }
  return links;
}

/** A document or result whose owner the text names: 'a GAO report', 'a report by PIRG', 'the union's statement'. */
export interface OwnerLink {
  /** Singular head noun ('report'). */
  head: string;
  /** Index into doc.mentions of the owner. */
  mention: number;
  /** Token of the head noun. */
  token: number;
}

/** Tokens read on either side of a document noun for its owner. */
const OWNER_WINDOW = 6;

/** `mentionAt`: token -> index into doc.mentions of the person or organisation mention that holds it, or -1. */
export function findOwnerLinks(doc: LedeDocument, mentionAt: Int32Array, isDocument: (word: string) => boolean): OwnerLink[] {
  const { tokens } = doc;
  const links: OwnerLink[] = [];
  if (doc.mentions.length === 0) return links;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.pos !== 'NOUN' || !isDocument(token.text.toLowerCase())) continue;
    let owner = -1;
    // Before it, within its noun phrase: 'a GAO report', "the union's statement", 'a new Washington Post-ABC News poll'.
    for (let k = t - 1; k >= 0 && t - k <= OWNER_WINDOW && tokens[k]!.sentence === token.sentence; k--) {
      if (mentionAt[k]! >= 0) {
        owner = mentionAt[k]!;
        break;
      }
      const lower = tokens[k]!.text.toLowerCase();
      if (DETERMINERS.has(lower) || tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'ADP' || tokens[k]!.text === ',') break;
    }
    // After it: 'a report by PIRG', 'a statement from the ministry', 'a poll of … by X'.
    if (owner < 0 && /^(by|from|of)$/i.test(tokens[t + 1]?.text ?? '')) {
      for (let k = t + 2; k < tokens.length && k - t <= OWNER_WINDOW && tokens[k]!.sentence === token.sentence; k++) {
        if (mentionAt[k]! >= 0) {
          owner = mentionAt[k]!;
          break;
        }
        if (tokens[k]!.pos === 'VERB' || tokens[k]!.text === ',') break;
      }
    }
    if (owner >= 0 && doc.mentions[owner]!.entity >= 0) links.push({ head: singular(token.text), mention: owner, token: t });
  }
  return links;
}
