/**
 * Reads the bundled data from `data/` once per process. The data is never
 * changed after loading, so every extractor shares it.
 */

import { readFileSync } from 'node:fs';
import { dataPath } from './data-dir.js';
import type { ResourceData } from '../core/resources.js';

let cached: ResourceData | null = null;

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(dataPath(...parts), 'utf8')) as T;
}

export function loadResourceData(): ResourceData {
  cached ??= {
    furniture: readJson('lexicon', 'furniture.json'),
    dates: readJson('lexicon', 'dates.json'),
  };
  return cached;
}
