/**
 * The dates lexicon (data/lexicon/dates.json): raw data and its compiled form,
 * built once per extractor.
 */

import type { DateMod } from '../../types.js';

export interface LexiconExample {
  text: string;
  publishedAt?: string;
  /** [surface text, TIMEX3 value] pairs the text must yield; [] for "no date at all". */
  expect: [string, string | null][];
}

export interface VagueReferenceEntry {
  id: string;
  phrase: string;
  value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';
  context?: string;
  examples: LexiconExample[];
}

/**
 * Words that state a TIMEX3 mod: 'point' ones open a date or time ('mid-2011'),
 * 'quantity' ones a duration or a counted offset ('more than three years',
 * 'more than a decade ago'), 'after' ones close a span ('1994 or later').
 */
export interface ModifierEntry {
  id: string;
  mod: DateMod;
  reads: 'point' | 'quantity' | 'after';
  phrases: string[];
  /** Each 'expect' row is [surface, value, mod]; the mod may be absent for a date without one. */
  examples: { text: string; publishedAt?: string; expect: [string, string | null, DateMod?][] }[];
}

export interface FalseAlarmEntry {
  id: string;
  description: string;
  examples: LexiconExample[];
}

export interface DatesLexiconData {
  tense: {
    pastForms: string[];
    notPast: string[];
    pastAuxiliaries: string[];
    presentAuxiliaries: string[];
    perfectAuxiliaries: string[];
    futureMarkers: string[];
    plannedMarkers: string[];
    planningHeads: string[];
    futureCues: string[];
    pastCues: string[];
    untilCues: string[];
  };
  vagueReferences: VagueReferenceEntry[];
  weekdayNameHeads: { words: string[] };
  genericDayHeads: { words: string[] };
  timeZones: { offsets: Record<string, string> };
  modifiers: { entries: ModifierEntry[] };
  falseAlarms: FalseAlarmEntry[];
}

export interface CompiledDatesLexicon {
  readonly pastForms: ReadonlySet<string>;
  readonly notPast: ReadonlySet<string>;
  readonly pastAuxiliaries: ReadonlySet<string>;
  readonly presentAuxiliaries: ReadonlySet<string>;
  readonly perfectAuxiliaries: ReadonlySet<string>;
  readonly futureMarkers: ReadonlySet<string>;
  readonly plannedMarkers: ReadonlySet<string>;
  readonly planningHeads: ReadonlySet<string>;
  /** Matches text that ends with a word putting the next date ahead ("until", "payable", "of record"). */
  readonly futureCueBefore: RegExp;
  /** Matches text that ends with a word putting the next date behind ("since"). */
  readonly pastCueBefore: RegExp;
  /** Matches text that ends with a word bounding a span by the next date ("until", "through"): ahead unless the verb is past. */
  readonly untilCueBefore: RegExp;
  /** Lower-cased phrase → entry. */
  readonly vagueReferences: ReadonlyMap<string, VagueReferenceEntry>;
  readonly weekdayNameHeads: ReadonlySet<string>;
  /** Nouns after "today's" that make it an era rather than a day ("today's youth"). */
  readonly genericDayHeads: ReadonlySet<string>;
  /** Zone abbreviation (upper case) → its TIMEX3 offset ('Z', '-05:00'). */
  readonly timeZones: ReadonlyMap<string, string>;
  /** Matches a span that opens with a point modifier ('mid-', 'the end of '): group 1, the phrase. */
  readonly pointModifierAtStart: RegExp;
  /** Matches a span that opens with a quantifier ('more than '): group 1, the phrase. */
  readonly quantityModifierAtStart: RegExp;
  /** Matches the text right after a span when it closes it with a modifier (' or so', ' and beyond'): group 1, the phrase. */
  readonly modifierAfter: RegExp;
  /** Lower-cased phrase → mod, per kind of modifier. */
  readonly modifierMods: { readonly point: ReadonlyMap<string, DateMod>; readonly quantity: ReadonlyMap<string, DateMod>; readonly after: ReadonlyMap<string, DateMod> };
}

const lowerSet = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for text that ends with one of the phrases (then white space). */
function cueBefore(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, '\\s+'));
  return new RegExp(`(?:^|[^\\w'-])(?:${alternatives.join('|')})\\s+$`, 'i');
}

function modifierPhrases(entries: readonly ModifierEntry[], reads: ModifierEntry['reads']): Map<string, DateMod> {
  const mods = new Map<string, DateMod>();
  for (const entry of entries) if (entry.reads === reads) for (const phrase of entry.phrases) mods.set(phrase.toLowerCase(), entry.mod);
  return mods;
}

/** An alternation of the phrases, longest first, white space matching any run of it; a phrase ending in '-' is glued to what follows. */
function phraseAlternation(phrases: Iterable<string>): string {
  return [...phrases].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, '\\s+') + (p.endsWith('-') ? '' : '(?=\\s)')).join('|');
}

export function compileDatesLexicon(data: DatesLexiconData): CompiledDatesLexicon {
  const point = modifierPhrases(data.modifiers.entries, 'point');
  const quantity = modifierPhrases(data.modifiers.entries, 'quantity');
  const after = modifierPhrases(data.modifiers.entries, 'after');
  return {
    pastForms: lowerSet(data.tense.pastForms),
    notPast: lowerSet(data.tense.notPast),
    pastAuxiliaries: lowerSet(data.tense.pastAuxiliaries),
    presentAuxiliaries: lowerSet(data.tense.presentAuxiliaries),
    perfectAuxiliaries: lowerSet(data.tense.perfectAuxiliaries),
    futureMarkers: lowerSet(data.tense.futureMarkers),
    plannedMarkers: lowerSet(data.tense.plannedMarkers),
    planningHeads: lowerSet(data.tense.planningHeads),
    futureCueBefore: cueBefore(data.tense.futureCues),
    pastCueBefore: cueBefore(data.tense.pastCues),
    untilCueBefore: cueBefore(data.tense.untilCues),
    vagueReferences: new Map(data.vagueReferences.map((entry) => [entry.phrase.toLowerCase(), entry])),
    weekdayNameHeads: new Set(data.weekdayNameHeads.words),
    genericDayHeads: lowerSet(data.genericDayHeads.words),
    timeZones: new Map(Object.entries(data.timeZones.offsets)),
    pointModifierAtStart: new RegExp(`^(${phraseAlternation(point.keys())})`, 'i'),
    quantityModifierAtStart: new RegExp(`^(${phraseAlternation(quantity.keys())})`, 'i'),
    modifierAfter: new RegExp(`^\\s+(${[...after.keys()].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|')})(?![\\w-])`, 'i'),
    modifierMods: { point, quantity, after },
  };
}
