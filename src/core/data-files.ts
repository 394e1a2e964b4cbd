/**
 * The files of `data/` that an extractor reads, and how they become its
 * ResourceData. Browser-safe: the files come from a `DataFiles` (the Node entry
 * reads them from disk, src/node/load-data.ts; the browser build has them
 * embedded, src/browser/data.ts), so both builds parse the same text the same way.
 */

import type { Model as WinkLanguageModel } from 'wink-nlp';
import type { ResourceData } from './resources.js';
import type { NerModelData, NerModelMeta } from '../stages/ner/model.js';
import { NAME_ORDER_LISTS, NER_GAZETTEER_LISTS, SORTED_KEY_LISTS, type GazetteerList, type GazetteerLists, type SortedKeyText } from '../stages/ner/gazetteer.js';

/** The files of data/, by path relative to it ('lexicon/cues.json'); undefined for a file that is not there. */
export interface DataFiles {
  text(path: string): string | undefined;
  bytes(path: string): Uint8Array | undefined;
}

/** The tagger's files in data/model/. */
export const NER_MODEL_FILES = {
  meta: 'ner-model.json',
  features: 'ner-features.txt',
  weights: 'ner-weights.bin',
} as const;

const LEXICON_FILES = {
  furniture: 'lexicon/furniture.json',
  cues: 'lexicon/cues.json',
  titles: 'lexicon/titles.json',
  patterns: 'lexicon/entity-patterns.json',
  known: 'lexicon/known-entities.json',
  dates: 'lexicon/dates.json',
} as const;

const gazetteerFile = (list: string): string => `gazetteer/${list}.tsv`;
/** First names and their gender, for the speakers of quotes (not a tagger list). */
const FIRST_NAME_GENDER_FILE = 'gazetteer/first-name-gender.tsv';
const modelFile = (name: string): string => `model/${name}`;

/** Every file of data/ that an extractor reads (the browser build embeds these). */
export const DATA_FILE_NAMES: readonly string[] = [
  ...Object.values(LEXICON_FILES),
  ...NER_GAZETTEER_LISTS.map(gazetteerFile),
  FIRST_NAME_GENDER_FILE,
  ...Object.values(NER_MODEL_FILES).map(modelFile),
];

function required(files: DataFiles, path: string): string {
  const text = files.text(path);
  if (text === undefined) throw new Error(`lede: the data file data/${path} is missing; reinstall the package.`);
  return text;
}

function json<T>(files: DataFiles, path: string): T {
  return JSON.parse(required(files, path)) as T;
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
export function readGazetteers(files: DataFiles): GazetteerLists {
  const lists: Record<string, GazetteerList> = {};
  for (const list of NER_GAZETTEER_LISTS) {
    const source = required(files, gazetteerFile(list));
    // lede's TSV lists are sorted by key but for NAME_ORDER_LISTS (scripts/build-gazetteers.ts; test/stages/ner-name-table.test.ts checks them).
    lists[list] = SORTED_KEY_LISTS.has(list) ? sortedKeyText(source) : { tsv: source, sortedByKey: !NAME_ORDER_LISTS.has(list) };
  }
  return lists;
}

/** The tagger's model, or null when data/model/ has none (before the first `npm run train`). */
export function readNerModel(files: DataFiles): NerModelData | null {
  const meta = files.text(modelFile(NER_MODEL_FILES.meta));
  if (meta === undefined) return null;
  const weights = files.bytes(modelFile(NER_MODEL_FILES.weights));
  if (weights === undefined) throw new Error(`lede: the data file data/${modelFile(NER_MODEL_FILES.weights)} is missing; reinstall the package.`);
  return {
    meta: JSON.parse(meta) as NerModelMeta,
    features: required(files, modelFile(NER_MODEL_FILES.features)),
    weights,
  };
}

/** Rows of a TSV list ('#' lines are comments), first two columns; [] when the list is not there. */
function readTable(files: DataFiles, path: string): [string, string][] {
  const text = files.text(path);
  if (text === undefined) return [];
  const rows: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [name = '', note = ''] = line.split('\t');
    if (name.trim() !== '') rows.push([name.trim(), note.trim()]);
  }
  return rows;
}

/** Everything an extractor needs, from the files of data/ and wink-nlp's language model. */
export function resourceDataFromFiles(files: DataFiles, languageModel: WinkLanguageModel): ResourceData {
  return {
    languageModel,
    furniture: json(files, LEXICON_FILES.furniture),
    gazetteers: readGazetteers(files),
    nerModel: readNerModel(files),
    cues: json(files, LEXICON_FILES.cues),
    firstNameGenders: files.text(FIRST_NAME_GENDER_FILE) ?? '',
    entities: {
      titles: json(files, LEXICON_FILES.titles),
      patterns: json(files, LEXICON_FILES.patterns),
      known: json(files, LEXICON_FILES.known),
      countries: readTable(files, gazetteerFile('country')).map(([name, code]) => ({ name, code })),
      demonyms: readTable(files, gazetteerFile('demonym')).map(([name]) => name),
    },
    dates: json(files, LEXICON_FILES.dates),
  };
}
