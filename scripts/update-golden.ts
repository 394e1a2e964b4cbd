/**
 * npm run golden: rewrites the golden files of the bundled sample articles from the
 * current extractor. Run it deliberately, after a change whose effect on the full
 * output you have read (git diff test/golden), never to make a failing test pass unread.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/index.js';
import { GOLDEN_ARTICLES } from '../test/golden/articles.js';

const root = join(import.meta.dirname, '..');
for (const article of GOLDEN_ARTICLES) {
  const text = readFileSync(join(root, 'samples', article.file), 'utf8');
  const result = extract(text, { publishedAt: article.publishedAt });
  const out = join(root, 'test', 'golden', article.file.replace(/\.txt$/, '.json'));
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
