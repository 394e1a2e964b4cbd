/**
 * The trained tagger (data/model/) on sentences it never saw in training:
 * unseen foreign names, all-caps headlines, possessives, hyphenated pairs, and
 * sentences that must yield no names. Only the tagger's raw candidates are
 * checked here (the resolver decides later).
 */

import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';

const extractor = createExtractor();

/** The tagger's candidates as "text/type", in text order, each checked against the text. */
function tag(text: string): string[] {
  const doc = extractor.analyze(text);
  return doc.entityCandidates
    .filter((c) => c.provenance.stage === 'ner')
    .map((c) => {
      expect(c.provenance.score).toBeGreaterThanOrEqual(0);
      expect(c.provenance.score).toBeLessThanOrEqual(1);
      expect(doc.tokens[c.tokenStart]!.start).toBe(c.start);
      expect(doc.tokens[c.tokenEnd - 1]!.end).toBe(c.end);
      return `${text.slice(c.start, c.end)}/${c.type}`;
    });
}

describe('the trained tagger finds names it never saw', () => {
  it.each([
    [
      'Russian Foreign Minister Sergey Lavrov met his Azerbaijani counterpart Elmar Mammadyarov in Moscow on Monday.',
      ['Sergey Lavrov/person', 'Elmar Mammadyarov/person', 'Moscow/place', 'Russian/misc', 'Azerbaijani/misc'],
    ],
    [
      'Azerbaijani Foreign Minister Jeyhun Bayramov met Lavrov in Moscow. Bayramov\'s statement was brief.',
      ['Jeyhun Bayramov/person', 'Lavrov/person', 'Moscow/place', 'Bayramov/person'],
    ],
    ['The U.S. Ambassador to Azerbaijan, Mark Libby, wrote on Twitter.', ['U.S./place', 'Azerbaijan/place', 'Mark Libby/person']],
    ['U.S. National Climate Advisor Ali Zaidi arrived in Baku on Friday.', ['Ali Zaidi/person', 'Baku/place']],
  ])('%s', (text, expected) => {
    expect(tag(text)).toEqual(expect.arrayContaining(expected));
  });
});

describe('short texts, with no article around them', () => {
  it.each([
    ['Lavrov said it.', ['Lavrov/person']],
    ['Merkel met Macron in Paris on Tuesday.', ['Merkel/person', 'Macron/person', 'Paris/place']],
    ['Officials said Merkel met Macron in Paris on Tuesday.', ['Merkel/person', 'Macron/person', 'Paris/place']],
    ['Zelenskyy told reporters the talks failed.', ['Zelenskyy/person']],
  ])('%s', (text, expected) => {
    expect(tag(text)).toEqual(expected);
  });
});

describe('possessives', () => {
  it('keeps "\'s" out of the name once the article has named the person', () => {
    const found = tag("Russian Foreign Minister Sergey Lavrov arrived in Baku on Monday. Lavrov's visit was the first since 2020.");
    expect(found).toEqual(['Russian/misc', 'Sergey Lavrov/person', 'Baku/place', 'Lavrov/person']);
  });

  // Passes since the tagger also trains on a quarter of the sentences alone (npm run train, --sentence-copies).
  it('finds an unseen surname with a possessive at the very start of a one-line text (no context to go on)', () => {
    expect(tag("Lavrov's visit to Baku was postponed.")).toContain('Lavrov/person');
  });
});

describe('all-caps headlines', () => {
  it('reads the headline after the body, so names typed in the body are typed in the headline', () => {
    const found = tag('LAVROV, MAMMADYAROV DISCUSS KARABAKH\nRussian Foreign Minister Sergey Lavrov and his Azerbaijani counterpart Elmar Mammadyarov discussed Karabakh on Monday.');
    expect(found).toEqual(expect.arrayContaining(['LAVROV/person', 'MAMMADYAROV/person', 'Sergey Lavrov/person', 'Elmar Mammadyarov/person']));
  });

  it('finds countries in a headline on its own', () => {
    expect(tag('AZERBAIJAN AND ARMENIA TRADE ACCUSATIONS')).toEqual(['AZERBAIJAN/place', 'ARMENIA/place']);
  });

  it.fails('types unseen surnames in a headline with no body to learn from', () => {
    expect(tag('LAVROV MEETS MAMMADYAROV IN MOSCOW')).toEqual(['LAVROV/person', 'MAMMADYAROV/person', 'MOSCOW/place']);
  });
});

describe('hyphenated pairs', () => {
  it('covers both halves of "Lavrov-Mamedyarov" with one span (CoNLL writes such pairs as one token; the resolver splits them)', () => {
    const found = tag('Sergey Lavrov held talks with Elmar Mammadyarov in Moscow. The Lavrov-Mamedyarov talks ended without a statement.');
    expect(found).toContain('Lavrov-Mamedyarov/misc');
    expect(found).not.toContain('Lavrov/person');
  });

  it('keeps a hyphenated place whole', () => {
    expect(tag('Fighting resumed in Nagorno-Karabakh on Sunday, officials in Baku said.')).toEqual(expect.arrayContaining(['Baku/place']));
    expect(tag('Fighting resumed in Nagorno-Karabakh on Sunday, officials in Baku said.').some((f) => f.startsWith('Nagorno-Karabakh/'))).toBe(true);
  });
});

describe('titles', () => {
  it.each([
    ['Mayor Eldar Azizov visited the flooded district.', ['Eldar Azizov/person']],
  ])('leaves a capitalised title out of the name: %s', (text, expected) => {
    expect(tag(text)).toEqual(expected);
  });

  // The model trained on CoNLL-2003 alone read "Baku Mayor Eldar Azizov" as one
  // organisation (the resolver still splits a span at a capitalised title inside it:
  // test/stages/entities.test.ts, "splits a title inside a model span"); trained with
  // ner-extra too, it leaves the title out itself.
  it('leaves a capitalised title out of the name after a city: Baku Mayor Eldar Azizov', () => {
    expect(tag('Baku Mayor Eldar Azizov said the floods had damaged 40 houses.')).toEqual(['Baku/place', 'Eldar Azizov/person']);
  });
});

describe('must find nothing', () => {
  it.each([
    'The minister said on Monday that talks would resume next week.',
    'Prices rose 3.14 percent in May, the statistics office said.',
    'He said it may rain.',
    '',
    '   \n\n  ',
    '-02D-',
    '12345 67.8 -- ** //',
  ])('%j', (text) => {
    expect(tag(text)).toEqual([]);
  });
});
