/**
 * Spans the tagger reads as names that are none of lede's three types, found from
 * what stands around them in the article (the resolver turns them into MISC, which
 * keeps their tokens and is never output):
 *
 * - a reference to a part of a text: "Title IV", "Article III", "Tab 3",
 *   "Case 22-506" (a reference head, data/lexicon/entity-patterns.json
 *   `referenceHeads`, with a number or Roman numeral);
 * - a storm: "Cyclone Phailin", "Hurricane Katrina", and its name alone anywhere
 *   in the article ("Phailin's winds"); CoNLL-2003 tags storms MISC
 *   (`stormHeads`);
 * - a common noun capitalised at the start of a sentence or in a heading: a one-word
 *   name whose lower-case form the article writes in the middle of its sentences
 *   twice or more, and no less often than capitalised ("Iodine deficiency ..." in
 *   an article about iodine).
 *
 * retypeByContext then retypes a name before "et al." (a person's) and a one-word
 * "person" that stands where places stand ("in Coron") as a place.
 */

import type { CandidateType, Provenance, Token } from '../../core/document.js';
import type { EntityLexicon } from './lexicon.js';

export interface SpanDecision {
  tokenStart: number;
  tokenEnd: number;
  type: CandidateType;
  provenance: Provenance[];
}

const ROMAN_NUMERAL = /^[IVXLC]+$/;
const NUMBER = /^\d[\d-]*[a-z]?$/;
const CAPITALISED = /^\p{Lu}/u;
/** Words that, after a storm head, name an institution, not a storm ("Hurricane Center"). */
const NOT_STORM_NAMES = new Set(['center', 'centre', 'season', 'warning', 'watch', 'alley']);

function isNumeral(token: Token | undefined): boolean {
  return token !== undefined && (NUMBER.test(token.text) || ROMAN_NUMERAL.test(token.text));
}

function lower(token: Token): string {
  return token.text.toLowerCase();
}

/** "Title IV", "Article 5", "Tab" before "3", "Case" before "22-506". */
function isReference(tokens: readonly Token[], lexicon: EntityLexicon, d: SpanDecision): boolean {
  if (!lexicon.referenceHeads.has(lower(tokens[d.tokenStart]!))) return false;
  const length = d.tokenEnd - d.tokenStart;
  if (length === 2) return isNumeral(tokens[d.tokenStart + 1]);
  return length === 1 && tokens[d.tokenEnd] !== undefined && tokens[d.tokenEnd]!.spaceBefore && isNumeral(tokens[d.tokenEnd]);
}

/**
 * The storm's name when the span is a storm ("Cyclone Phailin", "Tropical Storm
 * Ana", or "Phailin" right after "Cyclone"), else null.
 */
function stormName(tokens: readonly Token[], lexicon: EntityLexicon, d: SpanDecision): string | null {
  const last = tokens[d.tokenEnd - 1]!;
  if (!CAPITALISED.test(last.text) || NOT_STORM_NAMES.has(lower(last)) || lexicon.orgHeads.has(lower(last))) return null;
  const before = d.tokenEnd - 2 >= d.tokenStart ? tokens[d.tokenEnd - 2]! : tokens[d.tokenStart - 1];
  if (before === undefined || !CAPITALISED.test(before.text) || !lexicon.stormHeads.has(lower(before))) return null;
  // Only descriptors before the head ("Tropical Storm", "Super Typhoon"), nothing else of a name.
  for (let t = d.tokenStart; t < d.tokenEnd - 2; t++) if (!lexicon.stormHeads.has(lower(tokens[t]!)) && !/^(?:tropical|super|severe)$/i.test(tokens[t]!.text)) return null;
  return last.text;
}

/** Per lower-case word: how often the article writes it in lower case mid-sentence, and capitalised. */
function wordCases(tokens: readonly Token[]): { lowerCase: Map<string, number>; capitalised: Map<string, number> } {
  const lowerCase = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind !== 'word') continue;
    const key = lower(token);
    if (token.text === key) {
      if (t > 0 && tokens[t - 1]!.sentence === token.sentence) lowerCase.set(key, (lowerCase.get(key) ?? 0) + 1);
    } else if (CAPITALISED.test(token.text)) capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
  }
  return { lowerCase, capitalised };
}

/** Turns the decisions that are no names of the three types into MISC (in place). */
export function markNonNames(tokens: readonly Token[], lexicon: EntityLexicon, decisions: SpanDecision[]): void {
  const storms = new Set<string>();
  let cases: ReturnType<typeof wordCases> | undefined;
  const rule = (d: SpanDecision, id: string): void => {
    d.type = 'misc';
    d.provenance.push({ stage: 'resolve', rule: id, score: 1 });
  };
  for (const d of decisions) {
    if (d.type === 'misc' || d.tokenEnd <= d.tokenStart) continue;
    if (isReference(tokens, lexicon, d)) {
      rule(d, 'non-name:reference');
      continue;
    }
    const storm = stormName(tokens, lexicon, d);
    if (storm !== null) {
      storms.add(storm);
      rule(d, 'non-name:storm');
      continue;
    }
    if (d.tokenEnd - d.tokenStart === 1) {
      const token = tokens[d.tokenStart]!;
      if (token.kind !== 'word' || token.text === token.text.toUpperCase()) continue;
      cases ??= wordCases(tokens);
      const key = lower(token);
      const inLowerCase = cases.lowerCase.get(key) ?? 0;
      if (inLowerCase >= 2 && inLowerCase >= (cases.capitalised.get(key) ?? 0)) rule(d, 'non-name:common-noun');
    }
  }
  if (storms.size === 0) return;
  // The storm's name alone, or after letters of its category ("T C Phailin").
  for (const d of decisions) {
    if (d.type === 'misc' || d.tokenEnd <= d.tokenStart || !storms.has(tokens[d.tokenEnd - 1]!.text)) continue;
    let rest = true;
    for (let t = d.tokenStart; t < d.tokenEnd - 1; t++) if (!/^\p{Lu}\.?$/u.test(tokens[t]!.text)) rest = false;
    if (rest) rule(d, 'non-name:storm');
  }
}

/** How a company's or body's name ends ("Atlantic Lottery Corporation, Inc. et al."). */
const ORGANIZATION_END = /^(?:inc|corp|corporation|co|company|ltd|llc|plc|group|association|university|council|board|commission|department|ministry|government|bank|trust|union|society|institute)\.?$/i;

/** A name before "et al." ("Douglas Babstock et al.", "Biggs et al., 2011"), and no organisation's: a person's, an author's or a party's. */
function isAuthorsName(tokens: readonly Token[], d: SpanDecision): boolean {
  const et = tokens[d.tokenEnd];
  const al = tokens[d.tokenEnd + 1];
  if (et === undefined || al === undefined || et.text !== 'et' || !/^al\.?$/.test(al.text)) return false;
  return !ORGANIZATION_END.test(tokens[d.tokenEnd - 1]!.text);
}

/** Words before a place ("in Coron", "near Coron"): a person is seldom in, near or around someone. */
const LOCATIVE = new Set(['in', 'near', 'outside', 'inside', 'around', 'across', 'throughout']);

/**
 * Types that what stands around a name decides (in place): a name before "et al."
 * that was read as an organisation or place is a person's; a one-word person that
 * the article never names in full and that stands, twice or more, where places
 * stand ("in Coron waters", "in Coron today"), is a place.
 */
export function retypeByContext(tokens: readonly Token[], decisions: SpanDecision[]): void {
  for (const d of decisions) if ((d.type === 'organization' || d.type === 'place') && isAuthorsName(tokens, d)) {
    d.type = 'person';
    d.provenance.push({ stage: 'resolve', rule: 'et-al', score: 0.6 });
  }
  const located = new Map<string, number>();
  const fullNames = new Set<string>();
  for (const d of decisions) {
    if (d.type !== 'person') continue;
    const last = tokens[d.tokenEnd - 1]!.text;
    if (d.tokenEnd - d.tokenStart > 1) {
      fullNames.add(last);
      fullNames.add(tokens[d.tokenStart]!.text);
      continue;
    }
    const before = tokens[d.tokenStart - 1];
    const after = tokens[d.tokenEnd];
    if (before === undefined || !LOCATIVE.has(before.text.toLowerCase())) continue;
    // Not "in Smith's view", nor "in Carrano and Biewener's study".
    if (after !== undefined && !after.spaceBefore && /^['’]/.test(after.text)) continue;
    if (after !== undefined && (after.text === 'and' || after.text === '&') && CAPITALISED.test(tokens[d.tokenEnd + 1]?.text ?? '')) continue;
    located.set(last, (located.get(last) ?? 0) + 1);
  }
  for (const d of decisions) {
    if (d.type !== 'person' || d.tokenEnd - d.tokenStart !== 1) continue;
    const word = tokens[d.tokenStart]!.text;
    if ((located.get(word) ?? 0) >= 2 && !fullNames.has(word)) {
      d.type = 'place';
      d.provenance.push({ stage: 'resolve', rule: 'located-person', score: 0.6 });
    }
  }
}
