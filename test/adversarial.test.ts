/**
 * Hostile input: every adversarial input gives a valid result without throwing
 * or hanging. (How long each takes is reported by `npm run bench`, not asserted here;
 * the timeout only guards against a hang.)
 */

import { describe, it } from 'vitest';
import { extract } from '../src/index.js';
import { ADVERSARIAL } from './fixtures/adversarial.js';
import { expectValidResult } from './helpers.js';

describe('adversarial corpus', () => {
  it.each(ADVERSARIAL)('$name', ({ make }) => {
    const text = make();
    expectValidResult(extract(text, { publishedAt: '2015-07-20' }), text);
  }, 120_000);
});
