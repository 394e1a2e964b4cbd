/**
 * Today's news through the public extract(), one table per failure of issue 15
 * (test/fixtures/modern-news.ts): companies typed as people or places, products
 * and indexes read as entities, names from outside 1990s world news, people's
 * names. A row marked `failing` is expected to fail, with its reason.
 */

import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { MODERN_NEWS, type ModernNewsRow } from './fixtures/modern-news.js';
import { typedMentions } from './helpers.js';

function mentionsOf(row: ModernNewsRow): string[] {
  return typedMentions(extract(row.text), row.text);
}

for (const group of MODERN_NEWS) {
  describe(group.failure, () => {
    for (const row of group.rows) {
      const test = row.failing ? it.fails : it;
      test(`${row.text}${row.failing ? ` (fails: ${row.failing})` : ''}`, () => {
        const found = mentionsOf(row);
        const expected = [
          ...(row.organizations ?? []).map((n) => `${n}/organization`),
          ...(row.people ?? []).map((n) => `${n}/person`),
          ...(row.places ?? []).map((n) => `${n}/place`),
        ];
        expect(found).toEqual(expect.arrayContaining(expected));
        const surfaces = found.map((f) => f.slice(0, f.lastIndexOf('/')));
        for (const name of row.absent ?? []) expect(surfaces).not.toContain(name);
      });
    }
  });
}
