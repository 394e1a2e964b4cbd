/**
 * What the resolver makes of spans the tagger reads as names outside news
 * (src/stages/entities/non-names.ts), through the public extract(): references to
 * parts of a text, storms, a name before "et al." (The rules on common nouns at a
 * sentence's start and on one-word "people" that stand where places stand are
 * tested on hand-built spans in test/stages/entities.test.ts: short invented text
 * does not make the tagger read them as names.)
 * Invented text; each row lists mentions that must be there (`has`, as
 * "text/type"; `kept`, of any type) and mentions that must not (`not`: a surface,
 * or "text/type").
 */

import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { typedMentions } from './helpers.js';

interface Row {
  text: string;
  has?: string[];
  kept?: string[];
  not?: string[];
}

function mentionsOf(text: string): string[] {
  return typedMentions(extract(text), text);
}

const GROUPS: { name: string; rows: Row[] }[] = [
  {
    name: 'references to parts of a text are no names',
    rows: [
      {
        text: 'The Secretary may waive any Title IV provision in an emergency, the lawyer for Nebraska told the court. Congress wrote Title IV to govern student loans.',
        has: ['Nebraska/place', 'Congress/organization'],
        not: ['Title IV', 'Title'],
      },
      {
        text: 'That injury is not the sort of concrete harm that Article III demands, Justice Elena Kovac said.',
        has: ['Elena Kovac/person'],
        not: ['Article III'],
      },
      {
        text: "If needed, that is in my condensed book at Tab 3. I direct the court's attention to Tab 4 of the brief filed by Harlow Mining.",
        not: ['Tab'],
      },
      // Not without a number: a name that is also such a word.
      { text: 'Steve Case founded the company in Virginia.', has: ['Steve Case/person', 'Virginia/place'] },
    ],
  },
  {
    name: 'storms are no names, nor are their names alone',
    rows: [
      {
        text: "Cyclone Phailin reached the coast of Odisha on Saturday. Phailin's winds weakened as it moved inland, the India Meteorological Department said. Once Cyclone Phailin comes on shore it will weaken.",
        has: ['Odisha/place'],
        not: ['Phailin', 'Cyclone Phailin'],
      },
      {
        text: 'The National Hurricane Center in Miami said Hurricane Ida would reach Louisiana on Sunday.',
        has: ['Miami/place', 'Louisiana/place'],
        kept: ['National Hurricane Center'],
        not: ['Ida', 'Hurricane Ida'],
      },
    ],
  },
  {
    name: 'a name before "et al." is a person\'s',
    rows: [
      {
        text: 'In the case of Atlantic Lottery Corporation, Inc. et al. against Douglas Babstock et al., the court heard the appellant first.',
        has: ['Douglas Babstock/person'],
        not: ['Douglas Babstock/organization'],
      },
    ],
  },
];

for (const group of GROUPS) {
  describe(group.name, () => {
    it.each(group.rows)('$text', ({ text, has = [], kept = [], not = [] }) => {
      const found = mentionsOf(text);
      expect(found).toEqual(expect.arrayContaining(has));
      expect(found.map((f) => f.slice(0, f.lastIndexOf('/')))).toEqual(expect.arrayContaining(kept));
      for (const surface of not) {
        if (surface.includes('/')) expect(found).not.toContain(surface);
        else expect(found.map((f) => f.slice(0, f.lastIndexOf('/')))).not.toContain(surface);
      }
    });
  });
}
