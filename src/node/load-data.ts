/**
 * Reads the bundled data from `data/` once per process. The data is never
 * changed after loading, so every extractor shares it. How the files become
 * ResourceData is src/core/data-files.ts, shared with the browser build.
 */

import { isAscii } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from './data-dir.js';
import { loadWinkModel } from './wink-model.js';
import type { ResourceData } from '../core/resources.js';
import { resourceDataFromFiles, type DataFiles } from '../core/data-files.js';

export { NER_MODEL_FILES, sortedKeyText } from '../core/data-files.js';

let cached: ResourceData | null = null;

/** data/ on disk. An ASCII file (person-name.tsv, for one) is decoded as Latin-1: the same string, sooner; any other (the NER features hold some 760 non-ASCII characters) as UTF-8. */
const diskFiles: DataFiles = {
  text(path) {
    const file = dataPath(...path.split('/'));
    if (!existsSync(file)) return undefined;
    const bytes = readFileSync(file);
    return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  },
  bytes(path) {
    const file = dataPath(...path.split('/'));
    if (!existsSync(file)) return undefined;
    const bytes = readFileSync(file);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};

export function loadResourceData(): ResourceData {
  cached ??= resourceDataFromFiles(diskFiles, loadWinkModel());
  return cached;
}
