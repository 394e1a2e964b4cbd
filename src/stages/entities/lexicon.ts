/**
 * The entity lexicons (titles, organisation and place heads, known entities and
 * the caller's gazetteer), compiled once per extractor into lookup structures.
 */

import type { EntityType, GazetteerEntry } from '../../types.js';
import { nameKey } from './names.js';

export interface TitleLexiconData {
  heads: string[];
  modifiers: string[];
  honorifics: string[];
  connectors: string[];
  female: string[];
  male: string[];
  examples: { text: string; name: string; title: string }[];
}

export interface EntityPatternData {
  orgHeads: string[];
  lowerPlaceHeads: string[];
  placeHeads: string[];
  referenceHeads: string[];
  stormHeads: string[];
  examples: { text: string; entity: string; type: EntityType }[];
}

export interface KnownEntitiesData {
  entities: GazetteerEntry[];
}

/** One gazetteer entry as compiled: every surface form maps to it. */
export interface GazetteerRecord {
  name: string;
  type: EntityType;
  /** 'custom' entries come from createExtractor({ gazetteer }) and win over 'known' ones. */
  source: 'custom' | 'known';
}

export interface EntityLexicon {
  titleHeads: ReadonlySet<string>;
  titleModifiers: ReadonlySet<string>;
  honorifics: ReadonlySet<string>;
  connectors: ReadonlySet<string>;
  femaleWords: ReadonlySet<string>;
  maleWords: ReadonlySet<string>;
  orgHeads: ReadonlySet<string>;
  lowerPlaceHeads: ReadonlySet<string>;
  placeHeads: ReadonlySet<string>;
  /** Words that, with a number, refer to a part of a text ("Title IV", "Tab 3"): no name (non-names.ts). */
  referenceHeads: ReadonlySet<string>;
  /** Words before a storm's name ("Cyclone Phailin"): no name (non-names.ts). */
  stormHeads: ReadonlySet<string>;
  /** Surface forms (exact, case-sensitive, single-spaced) -> gazetteer record. */
  gazetteerForms: ReadonlyMap<string, GazetteerRecord>;
  /** nameKey of every form -> gazetteer record (for clustering). */
  gazetteerKeys: ReadonlyMap<string, GazetteerRecord>;
  /** First word of every surface form -> the most words a form starting with it has. */
  gazetteerFirstWords: ReadonlyMap<string, number>;
  /** Every proper prefix of those first words ("St" of "St.Petersburg"): a token that may begin one glued to the next. */
  gazetteerFirstWordStarts: ReadonlySet<string>;
  /** A country's name or short form ("Azerbaijan", "U.S."). */
  isCountry(text: string): boolean;
  /** A nationality adjective ("Russian", "Azerbaijani"). */
  isDemonym(text: string): boolean;
}

function lowerSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}

/** Splits a surface form into the words the matcher compares (white space and "St.Petersburg"-style joins). */
export function formWords(form: string): string[] {
  return form.trim().split(/\s+/);
}

export interface EntityLexiconData {
  titles: TitleLexiconData;
  patterns: EntityPatternData;
  known: KnownEntitiesData;
  /** Country names and short forms, with a code shared by the names of one country. */
  countries: readonly { name: string; code: string }[];
  /** Nationality adjectives. */
  demonyms: readonly string[];
}

export function compileEntityLexicon(data: EntityLexiconData, custom: readonly GazetteerEntry[] = []): EntityLexicon {
  const { titles, patterns, known } = data;
  const gazetteerForms = new Map<string, GazetteerRecord>();
  const gazetteerKeys = new Map<string, GazetteerRecord>();
  const gazetteerFirstWords = new Map<string, number>();
  const add = (entry: GazetteerEntry, source: GazetteerRecord['source']): void => {
    const record: GazetteerRecord = { name: entry.name.trim().replace(/\s+/g, ' '), type: entry.type, source };
    for (const form of [entry.name, ...(entry.aliases ?? [])]) {
      const words = formWords(form);
      if (words.length === 0 || words[0] === '') continue;
      gazetteerForms.set(words.join(' '), record);
      gazetteerKeys.set(nameKey(form), record);
      const first = words[0]!;
      gazetteerFirstWords.set(first, Math.max(gazetteerFirstWords.get(first) ?? 0, words.length));
    }
  };
  for (const entry of known.entities) add(entry, 'known');
  // Country names fill gaps the model leaves; the names of one country are one entry.
  // Forms the built-in entries already have keep their grouping there.
  const countryNames = new Map<string, string[]>();
  for (const { name, code } of data.countries) {
    if (gazetteerForms.has(name) || !/^\p{Lu}/u.test(name)) continue;
    const names = countryNames.get(code);
    if (names) names.push(name);
    else countryNames.set(code, [name]);
  }
  for (const [, [name, ...aliases]] of countryNames) add({ name: name!, type: 'place', aliases }, 'known');
  // Custom entries come last so that they override built-in forms.
  for (const entry of custom) add(entry, 'custom');

  const gazetteerFirstWordStarts = new Set<string>();
  for (const first of gazetteerFirstWords.keys()) for (let n = 1; n < first.length; n++) gazetteerFirstWordStarts.add(first.slice(0, n));

  const countryKeys = new Set(data.countries.map((country) => nameKey(country.name)));
  // A known entity whose name is a country lends its short forms ("U.S.", "UK") to the country test.
  for (const [key, record] of gazetteerKeys) if (record.type === 'place' && countryKeys.has(nameKey(record.name))) countryKeys.add(key);
  const demonyms = new Set(data.demonyms);

  return {
    isCountry: (text: string) => countryKeys.has(nameKey(text)),
    isDemonym: (text: string) => demonyms.has(text),
    titleHeads: lowerSet(titles.heads),
    titleModifiers: lowerSet(titles.modifiers),
    honorifics: lowerSet(titles.honorifics),
    connectors: lowerSet(titles.connectors),
    femaleWords: lowerSet(titles.female),
    maleWords: lowerSet(titles.male),
    orgHeads: lowerSet(patterns.orgHeads),
    lowerPlaceHeads: lowerSet(patterns.lowerPlaceHeads),
    placeHeads: lowerSet(patterns.placeHeads),
    referenceHeads: lowerSet(patterns.referenceHeads),
    stormHeads: lowerSet(patterns.stormHeads),
    gazetteerForms,
    gazetteerKeys,
    gazetteerFirstWords,
    gazetteerFirstWordStarts,
  };
}
