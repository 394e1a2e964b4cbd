/**
 * Reads the bundled data from `data/` once per process. The data is never
 * changed after loading, so every extractor shares it.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from './data-dir.js';
import type { ResourceData } from '../core/resources.js';

let cached: ResourceData | null = null;

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(dataPath(...parts), 'utf8')) as T;
}

/** Rows of a TSV list ('#' lines are comments), first two columns; [] when the list is not there. */
function readTable(...parts: string[]): [string, string][] {
  const path = dataPath(...parts);
  if (!existsSync(path)) return [];
  const rows: [string, string][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
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
    furniture: readJson('lexicon', 'furniture.json'),
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
