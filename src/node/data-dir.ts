/**
 * Finds the package's `data/` folder: next to `dist/` once built, next to `src/`
 * in the repository. Node only.
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'data', 'lexicon')) && existsSync(join(dir, 'package.json'))) {
      cached = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error(`lede: cannot find its data/ folder above ${fileURLToPath(import.meta.url)}; reinstall the package.`);
}

export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}
