/**
 * Reads the bundled data from `data/` once per process. The data is never
 * changed after loading, so every extractor shares it.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dataPath } from './data-dir.js';
import type { ResourceData } from '../core/resources.js';
import type { NerModelData, NerModelMeta } from '../stages/ner/model.js';

/** The tagger's files in data/model/. */
export const NER_MODEL_FILES = {
  meta: 'ner-model.json',
  features: 'ner-features.txt',
  weights: 'ner-weights.bin',
} as const;

let cached: ResourceData | null = null;

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(dataPath(...parts), 'utf8')) as T;
}

/** Names of a gazetteer TSV: first column, skipping `#` comment lines. */
export function parseGazetteerTsv(source: string): string[] {
  const names: string[] = [];
  for (const line of source.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    names.push(tab < 0 ? line : line.slice(0, tab));
  }
  return names;
}

export function loadGazetteers(): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const file of readdirSync(dataPath('gazetteer')).sort()) {
    if (!file.endsWith('.tsv')) continue;
    lists[file.slice(0, -4)] = parseGazetteerTsv(readFileSync(dataPath('gazetteer', file), 'utf8'));
  }
  return lists;
}

/** The tagger's model, or null when data/model/ has none (before the first `npm run train`). */
export function loadNerModel(): NerModelData | null {
  if (!existsSync(dataPath('model', NER_MODEL_FILES.meta))) return null;
  const bytes = readFileSync(dataPath('model', NER_MODEL_FILES.weights));
  return {
    meta: readJson<NerModelMeta>('model', NER_MODEL_FILES.meta),
    features: readFileSync(dataPath('model', NER_MODEL_FILES.features), 'utf8'),
    weights: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

export function loadResourceData(): ResourceData {
  cached ??= {
    furniture: readJson('lexicon', 'furniture.json'),
    gazetteers: loadGazetteers(),
    nerModel: loadNerModel(),
  };
  return cached;
}
