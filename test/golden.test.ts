/**
 * Golden articles: the full output for each bundled sample, compared as a whole.
 * A difference is either a regression or a deliberate change; for the latter,
 * read `git diff` after `npm run golden` and commit the new golden file with it.
 */

import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { GOLDEN_ARTICLES } from './golden/articles.js';
import { expectValidResult, readGolden, readSample } from './helpers.js';

describe('golden articles', () => {
  it.each(GOLDEN_ARTICLES)('$file', ({ file, publishedAt }) => {
    const text = readSample(file);
    const expected = readGolden(file);
    const result = extract(text, { publishedAt });
    expectValidResult(result, text);
    expect(result).toEqual(expected);
  });
});
