/**
 * Reads the bundled data from `data/` once per process. The data is never
 * changed after loading, so every extractor shares it.
 */

import { isAscii } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from './data-dir.js';
import { loadWinkModel } from './wink-model.js';
import type { ResourceData } from '../core/resources.js';
import type { NerModelData, NerModelMeta } from '../stages/ner/model.js';
import { NER_GAZETTEER_LISTS, SORTED_KEY_LISTS, type GazetteerList, type GazetteerLists, type SortedKeyText } from '../stages/ner/gazetteer.js';

/** The tagger's files in data/model/. */
export const NER_MODEL_FILES = {
  meta: 'ner-model.json',
  features: 'ner-features.txt',
  weights: 'ner-weights.bin',
} as const;

let cached: ResourceData | null = null;

/** A file's text. An ASCII file (person-name.tsv, the model's features) is decoded as Latin-1: the same string, sooner. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readText(dataPath(...parts))) as T;
}

/** A sorted-key list's text without its leading `#` comment lines. */
export function sortedKeyText(source: string): SortedKeyText {
  let start = 0;
  while (source.startsWith('#', start)) {
    const end = source.indexOf('\n', start);
    start = end < 0 ? source.length : end + 1;
  }
  return { sortedKeys: source.slice(start) };
}

/** The lists the entity tagger was trained with, from data/gazetteer/<list>.tsv, as their text (compiled as it is). */
export function loadGazetteers(): GazetteerLists {
  const lists: Record<string, GazetteerList> = {};
  for (const list of NER_GAZETTEER_LISTS) {
    const source = readText(dataPath('gazetteer', `${list}.tsv`));
    lists[list] = SORTED_KEY_LISTS.has(list) ? sortedKeyText(source) : { tsv: source };
  }
  return lists;
}

/** The tagger's model, or null when data/model/ has none (before the first `npm run train`). */
export function loadNerModel(): NerModelData | null {
  if (!existsSync(dataPath('model', NER_MODEL_FILES.meta))) return null;
  const bytes = readFileSync(dataPath('model', NER_MODEL_FILES.weights));
  return {
    meta: readJson<NerModelMeta>('model', NER_MODEL_FILES.meta),
    features: readText(dataPath('model', NER_MODEL_FILES.features)),
    weights: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/** Rows of a TSV list ('#' lines are comments), first two columns; [] when the list is not there. */
function readTable(...parts: string[]): [string, string][] {
  const path = dataPath(...parts);
  if (!existsSync(path)) return [];
  const rows: [string, string][] = [];
  for (const line of readText(path).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [name = '', note = ''] = line.split('\t');
    if (name.trim() !== '') rows.push([name.trim(), note.trim()]);
  }
  return rows;
}

function readList(...parts: string[]): string[] {
  return readTable(...parts).map(([name]) => name);
}

export function loadResourceData(): ResourceData {
  cached ??= {
    languageModel: loadWinkModel(),
    furniture: readJson('lexicon', 'furniture.json'),
    gazetteers: loadGazetteers(),
    nerModel: loadNerModel(),
    cues: readJson('lexicon', 'cues.json'),
    firstNameGenders: existsSync(dataPath('gazetteer', 'first-name-gender.tsv')) ? readText(dataPath('gazetteer', 'first-name-gender.tsv')) : '',
    entities: {
      titles: readJson('lexicon', 'titles.json'),
      patterns: readJson('lexicon', 'entity-patterns.json'),
      known: readJson('lexicon', 'known-entities.json'),
      countries: readTable('gazetteer', 'country.tsv').map(([name, code]) => ({ name, code })),
      demonyms: readList('gazetteer', 'demonym.tsv'),
    },
    dates: readJson('lexicon', 'dates.json'),
  };
  return cached;
}
