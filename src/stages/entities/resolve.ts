/**
 * The resolver: one place decides which candidate spans become naming mentions.
 *
 * 1. Presets (the caller's gazetteer, high-precision rules) are placed first.
 * 2. The model's spans fill the rest; where one overlaps a preset, only its parts
 *    outside the preset survive ("Sverdlovsk region" preset + model "Sverdlovsk
 *    region Russia" keeps "Russia"). The model's MISC spans occupy their tokens too.
 * 3. Other rule and gazetteer spans fill tokens nobody claimed.
 * 4. Spans are cleaned: no determiners, titles, honorifics, possessives or
 *    punctuation at the edges; pure titles and pronouns are dropped.
 * 5. Spans that are none of the three types become MISC: references to parts of
 *    a text ("Title IV"), storms ("Cyclone Phailin"), common nouns capitalised at a
 *    sentence's start; a name before "et al." is a person, a one-word person
 *    found twice or more "in X" a place (non-names.ts).
 * 6. Document consistency: hyphenated pairs of known names are split
 *    ("Lavrov-Mamedyarov"), and a name decided once is a mention wherever it
 *    recurs uncovered.
 */

import type { CandidateType, EntityCandidate, LedeDocument, Mention, Provenance, Token } from '../../core/document.js';
import type { Stage } from '../../core/stage.js';
import type { EntityType } from '../../types.js';
import type { EntityLexicon } from './lexicon.js';
import { isSpellingVariant, spellingSkeleton } from './names.js';
import { markNonNames, retypeByContext } from './non-names.js';
import { listMarksAt, matchGazetteer, tokenKey, type CompiledGazetteer } from '../ner/gazetteer.js';

const PLACE_LISTS = ['capital', 'city', 'country', 'region'];

/** Whether tokens [from, to) are exactly one name of the gazetteer's place lists. */
function isGazetteerPlace(gazetteer: CompiledGazetteer, tokens: readonly Token[], from: number, to: number): boolean {
  const keys: string[] = [];
  for (let t = from; t < to; t++) keys.push(tokenKey(tokens[t]!.text));
  const marks = matchGazetteer(gazetteer, keys);
  const n = keys.length;
  return gazetteer.listNames.some((name, list) => {
    if (!PLACE_LISTS.includes(name)) return false;
    if (n === 1) return (listMarksAt(marks, n, list, 0) & 8) !== 0;
    return (listMarksAt(marks, n, list, 0) & 1) !== 0 && (listMarksAt(marks, n, list, n - 1) & 4) !== 0;
  });
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me', 'his', 'hers', 'its', 'their', 'our', 'my', 'your', 'who', 'whom']);
/** Below this score a model span yields its type to a known entity with the same span. */
const UNSURE_MODEL_SCORE = 0.5;
const INITIAL = /^\p{Lu}\.$/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+$/u;
const HAS_UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;

interface Decision {
  tokenStart: number;
  tokenEnd: number;
  type: CandidateType;
  provenance: Provenance[];
}

function isPossessiveToken(token: Token): boolean {
  return !token.spaceBefore && /^['’]s?$/i.test(token.text);
}

function overlapsFurniture(tokens: readonly Token[], c: EntityCandidate): boolean {
  for (let t = c.tokenStart; t < c.tokenEnd; t++) if (tokens[t]!.furniture) return true;
  return false;
}

/** Places decisions on free tokens; returns false when any token is taken. */
function place(occupied: Int32Array, decisions: Decision[], decision: Decision): boolean {
  for (let t = decision.tokenStart; t < decision.tokenEnd; t++) if (occupied[t]! >= 0) return false;
  for (let t = decision.tokenStart; t < decision.tokenEnd; t++) occupied[t] = decisions.length;
  decisions.push(decision);
  return true;
}

/** A word of a role rather than a name: "Foreign", "Minister", "Mr.", "Azerbaijani". */
function isTitleWord(lexicon: EntityLexicon, text: string): boolean {
  if (INITIAL.test(text)) return false; // "M. Butcher": an initial, not "Monsieur"
  const lower = text.toLowerCase();
  return lexicon.titleHeads.has(lower) || lexicon.titleModifiers.has(lower) || lexicon.honorifics.has(lower) || lexicon.isDemonym(text);
}

/** Trims a span's edges; returns null when nothing of a name is left. */
export function cleanSpan(
  tokens: readonly Token[],
  lexicon: EntityLexicon,
  tokenStart: number,
  tokenEnd: number,
  type: EntityType,
  fromModel = false,
): [number, number] | null {
  let start = tokenStart;
  let end = tokenEnd;
  // The model learned where names begin and end ("The Oval", "Lord's", "Mladost (BJ)"):
  // its edges are trusted but for a lower-case determiner and, for people, titles.
  const trimLeft = (): boolean => {
    const token = tokens[start]!;
    const lower = token.text.toLowerCase();
    if (fromModel ? token.text === 'the' || token.text === 'a' || token.text === 'an' : DETERMINERS.has(lower) || EDGE_PUNCTUATION.test(token.text)) return true;
    if (type !== 'person') return false;
    // An honorific, but not an initial that looks like one ("M. Butcher" is not "Monsieur Butcher").
    if ((lexicon.honorifics.has(lower) && !INITIAL.test(token.text)) || lexicon.connectors.has(lower)) return true;
    // Title words before a name ("Secretary of State Antony Blinken"), but keep the last word.
    return isTitleWord(lexicon, token.text) && end - start > 1;
  };
  while (start < end && trimLeft()) start++;
  // A possessive is never part of a person's name ("Lavrov's"); it may be of a place's ("Lord's").
  while (end > start && fromModel && type === 'person' && isPossessiveToken(tokens[end - 1]!)) end--;
  while (end > start && !fromModel) {
    const token = tokens[end - 1]!;
    if (isPossessiveToken(token) || (EDGE_PUNCTUATION.test(token.text) && !/^\p{L}+\.$/u.test(token.text))) end--;
    else break;
  }
  if (start >= end) return null;
  // Nothing but title words and connectors: "Energy Minister" (a role, not a name).
  let nameLike = false;
  let lowerWords = 0;
  for (let t = start; t < end; t++) {
    const token = tokens[t]!;
    const lower = token.text.toLowerCase();
    if (token.kind === 'word' && token.text === lower) lowerWords++;
    if (!isTitleWord(lexicon, token.text) && !lexicon.connectors.has(lower) && HAS_UPPER_OR_DIGIT.test(token.text)) nameLike = true;
  }
  if (!nameLike && type !== 'person' && !lexicon.titleHeads.has(tokens[end - 1]!.text.toLowerCase())) nameLike = true;
  // The front of a person's title: "U.S. National Climate [Advisor]", "Azerbaijani Energy [Minister]".
  const next = tokens[end];
  if (type !== 'person' && next && lexicon.titleHeads.has(next.text.toLowerCase()) && /^\p{Lu}/u.test(next.text)) {
    let titleLike = true;
    for (let t = start; t < end && titleLike; t++) {
      const text = tokens[t]!.text;
      titleLike = isTitleWord(lexicon, text) || lexicon.isCountry(text) || lexicon.connectors.has(text.toLowerCase());
    }
    if (titleLike && end - start >= 2) return null;
  }
  if (!nameLike) return null;
  const single = tokens[start]!.text;
  if (end - start === 1 && PRONOUNS.has(single.toLowerCase()) && (single.length === 1 || single !== single.toUpperCase())) return null;
  if (lowerWords === end - start) return null;
  return [start, end];
}

function hyphenPairs(doc: LedeDocument, decisions: Decision[], occupied: Int32Array): void {
  const { tokens } = doc;
  // Words that name people on their own (not as half of a hyphenated name), by spelling skeleton.
  const standalone = new Map<string, { text: string; token: number }[]>();
  for (const d of decisions) {
    if (d.type !== 'person') continue;
    for (let t = d.tokenStart; t < d.tokenEnd; t++) {
      const token = tokens[t]!;
      const glued = (t > 0 && !token.spaceBefore && tokens[t - 1]!.text === '-') || (t + 1 < tokens.length && !tokens[t + 1]!.spaceBefore && tokens[t + 1]!.text === '-');
      if (token.kind !== 'word' || glued) continue;
      const key = spellingSkeleton(token.text);
      const list = standalone.get(key);
      if (list) list.push({ text: token.text, token: t });
      else standalone.set(key, [{ text: token.text, token: t }]);
    }
  }
  if (standalone.size < 2) return;
  const namedAlone = (text: string): boolean => (standalone.get(spellingSkeleton(text)) ?? []).some((w) => isSpellingVariant(w.text, text));
  for (let t = 0; t + 2 < tokens.length; t++) {
    const a = tokens[t]!;
    const dash = tokens[t + 1]!;
    const b = tokens[t + 2]!;
    if (dash.text !== '-' || dash.spaceBefore || b.spaceBefore || !/^\p{Lu}/u.test(a.text) || !/^\p{Lu}/u.test(b.text)) continue;
    // "Jean-Michel Monin": a hyphenated first name inside a longer name is not a pair.
    const owner = occupied[t]!;
    const ownerDecision = owner >= 0 ? decisions[owner]! : null;
    if (ownerDecision && ownerDecision.type !== 'misc' && (ownerDecision.tokenStart < t || ownerDecision.tokenEnd > t + 3)) continue;
    if (!namedAlone(a.text) || !namedAlone(b.text)) continue;
    for (const own of new Set([occupied[t]!, occupied[t + 1]!, occupied[t + 2]!])) {
      if (own < 0) continue;
      const d = decisions[own]!;
      for (let u = d.tokenStart; u < d.tokenEnd; u++) occupied[u] = -1;
      d.tokenEnd = d.tokenStart; // emptied: filtered out at the end
    }
    const provenance: Provenance[] = [{ stage: 'resolve', rule: 'hyphen-pair', score: 0.8 }];
    place(occupied, decisions, { tokenStart: t, tokenEnd: t + 1, type: 'person', provenance });
    place(occupied, decisions, { tokenStart: t + 2, tokenEnd: t + 3, type: 'person', provenance });
    t += 2;
  }
}

/**
 * A name decided once is a mention wherever it recurs and nothing else claims it;
 * so is the surname of a full name. Single words shorter than three letters or in
 * capitals throughout ("US", "AT") are too ambiguous to spread.
 */
function propagate(doc: LedeDocument, decisions: Decision[], occupied: Int32Array): void {
  const { tokens } = doc;
  const forms = new Map<string, EntityType>();
  /** First token of each form -> the most tokens a form starting with it has. */
  const longest = new Map<string, number>();
  const add = (text: string, first: string, length: number, type: EntityType): void => {
    if (length === 1 && (text.length < 3 || text === text.toUpperCase())) return;
    if (!forms.has(text)) forms.set(text, type);
    longest.set(first, Math.max(length, longest.get(first) ?? 0));
  };
  for (const d of decisions) {
    if (d.type === 'misc' || d.tokenEnd <= d.tokenStart) continue;
    add(tokensText(tokens, d.tokenStart, d.tokenEnd), tokens[d.tokenStart]!.text, d.tokenEnd - d.tokenStart, d.type);
    if (d.type === 'person' && d.tokenEnd - d.tokenStart >= 2) {
      const surname = tokens[d.tokenEnd - 1]!.text;
      add(surname, surname, 1, 'person');
    }
  }
  for (let t = 0; t < tokens.length; t++) {
    if (occupied[t]! >= 0 || tokens[t]!.furniture) continue;
    const words = longest.get(tokens[t]!.text);
    if (words === undefined) continue;
    for (let length = Math.min(words, tokens.length - t); length >= 1; length--) {
      const end = t + length;
      const type = forms.get(tokensText(tokens, t, end));
      if (type === undefined) continue;
      // Whole words only: not "Lavrov" inside "Lavrovsky-" or after a glued word.
      if (end < tokens.length && !tokens[end]!.spaceBefore && tokens[end]!.kind === 'word' && !isPossessiveToken(tokens[end]!)) continue;
      if (t > 0 && !tokens[t]!.spaceBefore && tokens[t - 1]!.kind === 'word') continue;
      if (place(occupied, decisions, { tokenStart: t, tokenEnd: end, type, provenance: [{ stage: 'resolve', rule: 'propagate', score: 0.6 }] })) {
        t = end - 1;
        break;
      }
    }
  }
}

function tokensText(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let t = from; t < to; t++) out += (t > from && tokens[t]!.spaceBefore ? ' ' : '') + tokens[t]!.text;
  return out;
}

/**
 * The caller's gazetteer always holds. A rule's preset holds where the model saw
 * nothing, or only parts of it ("Russian" in "Russian Foreign Ministry", "Sverdlovsk"
 * in "Sverdlovsk region"); where the model read the same words otherwise (the
 * same span as MISC, or a span across its edge), the model is trusted.
 */
function presetHolds(preset: EntityCandidate, model: readonly EntityCandidate[]): boolean {
  if (preset.provenance.rule.startsWith('gazetteer:custom')) return true;
  let namesInside = 0;
  for (const c of model) {
    if (c.tokenStart >= preset.tokenEnd) break;
    if (c.tokenEnd <= preset.tokenStart) continue;
    const inside = c.tokenStart >= preset.tokenStart && c.tokenEnd <= preset.tokenEnd;
    const same = c.tokenStart === preset.tokenStart && c.tokenEnd === preset.tokenEnd;
    if (!inside || (same && c.type !== preset.type)) return false;
    // Two names joined ("Johnson Controls Inc and Lear Corp.", "Kia Motor Corp of South Korea"),
    // or a person inside ("Lynn Reaser of Barnett Banks Inc."), are not one organisation;
    // but the "surname" the tagger read after a title in "the General Assembly" is its head.
    if (c.type === 'person' && preset.provenance.rule !== 'org-titled-head') return false;
    if (c.type !== 'misc' && !same) namesInside++;
  }
  return namesInside <= 1;
}

/** Whether tokens [from, to) are one place name of the gazetteer (a country, capital, city or region). */
export type PlaceTest = (tokens: readonly Token[], from: number, to: number) => boolean;

/**
 * "Baku Mayor Eldar Azizov" read as one span: a capitalised title inside a name,
 * followed by a name, is a person after a place or organisation. The part before
 * the title keeps the model's type, or becomes a place when it is a known place
 * name; the title itself belongs to neither.
 */
function splitAtInnerTitle(tokens: readonly Token[], lexicon: EntityLexicon, places: PlaceTest, c: EntityCandidate): EntityCandidate[] {
  if (c.type === 'misc' || c.tokenEnd - c.tokenStart < 3) return [c];
  for (let h = c.tokenStart + 1; h < c.tokenEnd - 1; h++) {
    const head = tokens[h]!;
    if (!/^\p{Lu}/u.test(head.text) || !lexicon.titleHeads.has(head.text.toLowerCase())) continue;
    let nameLike = true;
    for (let t = h + 1; t < c.tokenEnd && nameLike; t++) {
      const text = tokens[t]!.text;
      nameLike = /^\p{Lu}/u.test(text) && !isTitleWord(lexicon, text);
    }
    if (!nameLike) continue;
    let titleStart = h;
    while (titleStart - 1 > c.tokenStart && isTitleWord(lexicon, tokens[titleStart - 1]!.text)) titleStart--;
    const provenance = [c.provenance.rule, 'title-inside'].join('+');
    const parts: EntityCandidate[] = [];
    const person: EntityCandidate = { ...c, tokenStart: h + 1, start: tokens[h + 1]!.start, type: 'person', provenance: { ...c.provenance, rule: provenance } };
    if (titleStart > c.tokenStart) {
      const isPlace = places(tokens, c.tokenStart, titleStart) || lexicon.isCountry(tokensText(tokens, c.tokenStart, titleStart));
      const type = isPlace ? 'place' : c.type === 'person' ? null : c.type;
      if (type) parts.push({ ...c, tokenEnd: titleStart, end: tokens[titleStart - 1]!.end, type, provenance: { ...c.provenance, rule: provenance } });
    }
    parts.push(person);
    return parts;
  }
  return [c];
}

/** English words written after a name and a hyphen ("Paul-led", "Kim-era"): not the second syllable of a given name. */
const HYPHEN_SUFFIXES = new Set(['era', 'led', 'run', 'born', 'made', 'like', 'type', 'style', 'based', 'owned', 'free', 'ish', 'esque', 'lite', 'wide', 'proof', 'ally', 'side', 'camp', 'aide', 'vote', 'bill', 'plan', 'deal']);

/**
 * A romanised given name in two syllables ("Ban Ki-moon", "Kim Jong-un", "Moon
 * Jae-in"), which the tagger may end at the hyphen: a person's name of two words or
 * more whose last word is a short capitalised syllable, glued by a hyphen to a short
 * lower-case one, takes that syllable in; one that ends in "-era", "-led" and the
 * like gives them back.
 */
function withSecondSyllable(tokens: readonly Token[], c: EntityCandidate): EntityCandidate {
  if (c.type !== 'person' || c.tokenEnd - c.tokenStart < 2) return c;
  // The other way round: "Xi Jinping-era" is "Xi Jinping".
  const tail = tokens[c.tokenEnd - 1]!;
  if (c.tokenEnd - c.tokenStart >= 3 && HYPHEN_SUFFIXES.has(tail.text) && !tail.spaceBefore && tokens[c.tokenEnd - 2]!.text === '-' && !tokens[c.tokenEnd - 2]!.spaceBefore) {
    const end = c.tokenEnd - 2;
    return { ...c, tokenEnd: end, end: tokens[end - 1]!.end, provenance: { ...c.provenance, rule: `${c.provenance.rule}+hyphen-suffix` } };
  }
  if (c.tokenEnd + 1 >= tokens.length) return c;
  const last = tokens[c.tokenEnd - 1]!;
  const hyphen = tokens[c.tokenEnd]!;
  const syllable = tokens[c.tokenEnd + 1]!;
  const after = tokens[c.tokenEnd + 2];
  if (!/^\p{Lu}\p{Ll}{0,3}$/u.test(last.text) || hyphen.text !== '-' || hyphen.spaceBefore || syllable.spaceBefore) return c;
  if (!/^\p{Ll}{2,5}$/u.test(syllable.text) || HYPHEN_SUFFIXES.has(syllable.text)) return c;
  if (after !== undefined && !after.spaceBefore && after.text === '-') return c;
  return { ...c, tokenEnd: c.tokenEnd + 2, end: syllable.end, provenance: { ...c.provenance, rule: `${c.provenance.rule}+second-syllable` } };
}

export function resolveMentions(doc: LedeDocument, lexicon: EntityLexicon, places: PlaceTest = () => false): Mention[] {
  const { tokens } = doc;
  const occupied = new Int32Array(tokens.length).fill(-1);
  const decisions: Decision[] = [];
  const candidates = doc.entityCandidates.filter((c) => c.tokenEnd > c.tokenStart && !overlapsFurniture(tokens, c));

  const decide = (c: EntityCandidate, tokenStart: number, tokenEnd: number): Decision | null => {
    if (c.type === 'misc') return { tokenStart, tokenEnd, type: 'misc', provenance: [c.provenance] };
    // Only a whole model span keeps its edges: a remainder beside a preset is trimmed like any other.
    const whole = tokenStart === c.tokenStart && tokenEnd === c.tokenEnd;
    const cleaned = cleanSpan(tokens, lexicon, tokenStart, tokenEnd, c.type, whole && c.provenance.stage === 'ner');
    return cleaned ? { tokenStart: cleaned[0], tokenEnd: cleaned[1], type: c.type, provenance: [c.provenance] } : null;
  };

  // 1. Presets: the caller's gazetteer first, then longer spans.
  const presets = candidates
    .filter((c) => c.preset)
    .sort((a, b) => b.provenance.score - a.provenance.score || (b.tokenEnd - b.tokenStart) - (a.tokenEnd - a.tokenStart) || a.tokenStart - b.tokenStart);
  const model = candidates.filter((c) => !c.preset && c.provenance.stage === 'ner').sort((a, b) => a.tokenStart - b.tokenStart);
  for (const c of presets) {
    if (!presetHolds(c, model)) continue;
    const d = decide(c, c.tokenStart, c.tokenEnd);
    if (d) place(occupied, decisions, d);
  }

  // 2. The model, outside the presets. Where the model is unsure and a known entity
  //    has exactly its span ("UN", "Turan", "Karabakh"), the known type wins.
  const known = new Map<string, EntityCandidate>();
  for (const c of candidates) if (c.provenance.rule === 'gazetteer:known') known.set(`${c.tokenStart}:${c.tokenEnd}`, c);
  for (let i = 0; i < model.length; i++) {
    const c = model[i]!;
    const gazetteer = known.get(`${c.tokenStart}:${c.tokenEnd}`);
    // Not for people: a country name is also a surname ("Jordan").
    if (gazetteer && c.type !== 'person' && c.provenance.score < UNSURE_MODEL_SCORE && gazetteer.type !== c.type) {
      model[i] = { ...c, type: gazetteer.type, provenance: gazetteer.provenance };
    }
  }
  for (const c of model.flatMap((candidate) => splitAtInnerTitle(tokens, lexicon, places, withSecondSyllable(tokens, candidate)))) {
    let t = c.tokenStart;
    while (t < c.tokenEnd) {
      while (t < c.tokenEnd && occupied[t]! >= 0) t++;
      let end = t;
      while (end < c.tokenEnd && occupied[end]! < 0) end++;
      if (end > t) {
        const d = decide(c, t, end);
        if (d) {
          if (end - t < c.tokenEnd - c.tokenStart) d.provenance.push({ stage: 'resolve', rule: 'outside-preset', score: c.provenance.score });
          place(occupied, decisions, d);
        }
      }
      t = end;
    }
  }

  // 3. Everything else fills free tokens, longer spans first.
  const fillers = candidates
    .filter((c) => !c.preset && c.provenance.stage !== 'ner')
    .sort((a, b) => (b.tokenEnd - b.tokenStart) - (a.tokenEnd - a.tokenStart) || a.tokenStart - b.tokenStart);
  for (const c of fillers) {
    const d = decide(c, c.tokenStart, c.tokenEnd);
    if (d) place(occupied, decisions, d);
  }

  // 4. Spans that are no names of the three types ("Title IV", "Cyclone Phailin") keep their tokens as MISC;
  //    "X et al." is a person, a one-word "person" twice "in X" a place.
  markNonNames(tokens, lexicon, decisions);
  retypeByContext(tokens, decisions);

  // 5. Document consistency.
  hyphenPairs(doc, decisions, occupied);
  propagate(doc, decisions, occupied);

  return decisions
    .filter((d): d is Decision & { type: EntityType } => d.type !== 'misc' && d.tokenEnd > d.tokenStart)
    .sort((a, b) => a.tokenStart - b.tokenStart)
    .map((d) => {
      const start = tokens[d.tokenStart]!.start;
      const end = tokens[d.tokenEnd - 1]!.end;
      return {
        start,
        end,
        tokenStart: d.tokenStart,
        tokenEnd: d.tokenEnd,
        type: d.type,
        text: doc.text.slice(start, end),
        provenance: d.provenance,
        entity: -1,
      };
    });
}

export const resolveStage: Stage = {
  name: 'resolve',
  run(doc, resources) {
    const gazetteer = resources.ner.gazetteer;
    doc.mentions = resolveMentions(doc, resources.entities, (tokens, from, to) => isGazetteerPlace(gazetteer, tokens, from, to));
  },
};

