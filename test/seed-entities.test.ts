/**
 * The seed article (../shared/examples/seed-article.txt), the page lede was born
 * from: the acceptance of issues 2 and 4 for people, organisations and places.
 */

import { describe, expect, it } from 'vitest';
import { createExtractor } from '../src/index.js';
import type { Entity, Extraction } from '../src/types.js';
import { expectValidResult, HAS_SHARED, readShared } from './helpers.js';

describe.skipIf(!HAS_SHARED)('the seed article: entities', () => {
  const text = HAS_SHARED ? readShared('examples', 'seed-article.txt') : '';
  const result: Extraction = HAS_SHARED ? createExtractor().extract(text, { publishedAt: '2015-07-20' }) : ({} as Extraction);
  const named = (list: Entity[], name: string): Entity => {
    const found = list.filter((e) => e.name === name);
    expect(found, `one entity named ${name}`).toHaveLength(1);
    return found[0]!;
  };
  const mentionsOf = (entity: Entity): string[] => entity.mentions.map((m) => m.text);

  it('is schema-valid and every span matches the text', () => {
    expectValidResult(result, text);
  });

  it('finds exactly these people', () => {
    expect(result.people.map((e) => e.name).sort()).toEqual(['Ali Zaidi', 'Antony Blinken', 'Eldar Azizov', 'Lavrov', 'Mammadyarov', 'Mark Libby']);
  });

  it.each(['State Antony', 'Advisor Ali Zaidi', 'Azerbaijani Energy', 'Sverdlovsk region Russia', 'Biden'])('finds no "%s"', (wrong) => {
    const all = [...result.people, ...result.organizations, ...result.places].flatMap((e) => [e.name, ...e.aliases]);
    expect(all).not.toContain(wrong);
  });

  it('Lavrov is one person with all five naming mentions', () => {
    const lavrov = named(result.people, 'Lavrov');
    expect(mentionsOf(lavrov)).toEqual(['Lavrov', 'Lavrov', 'Lavrov', 'Lavrov', 'Lavrov']);
    const starts = lavrov.mentions.map((m) => m.start);
    expect(starts[0]).toBe(text.indexOf('Lavrov-Mamedyarov'));
    expect(starts[1]).toBe(text.indexOf("Lavrov's"));
    expect(starts[4]).toBe(text.indexOf('Lavrov phoned'));
  });

  it('Mammadyarov is one person that covers Mamedyarov, with four mentions', () => {
    const mammadyarov = named(result.people, 'Mammadyarov');
    expect(mentionsOf(mammadyarov)).toEqual(['Mamedyarov', 'Mammadyarov', 'Mammadyarov', 'Mammadyarov']);
    expect(mammadyarov.aliases).toEqual(['Mamedyarov']);
  });

  it.each([
    ['Mark Libby', 'U.S. Ambassador to Azerbaijan'],
    ['Antony Blinken', 'Secretary of State'],
    ['Eldar Azizov', 'Mayor'],
    ['Ali Zaidi', 'U.S. National Climate Advisor'],
  ])('%s is titled %s', (name, title) => {
    expect(named(result.people, name).titles).toEqual([title]);
  });

  it('Lavrov and Mammadyarov are the most salient people', () => {
    expect(result.people.slice(0, 2).map((e) => e.name).sort()).toEqual(['Lavrov', 'Mammadyarov']);
  });

  it('finds the organisations', () => {
    const names = result.organizations.map((e) => e.name);
    for (const name of ['UN', 'OSCE', 'SCO', 'Russian Foreign Ministry', 'Armenian Foreign Ministry', 'U.S. Embassy', "Prosecutor's Office", 'Turan']) {
      expect(names).toContain(name);
    }
  });

  it('finds the places', () => {
    const names = result.places.map((e) => e.name);
    for (const name of ['Moscow', 'Russia', 'Azerbaijan', 'Karabakh', 'Nagorno-Karabakh', 'Caspian Sea', 'Yekaterinburg', 'Sverdlovsk region',
      'St.Petersburg', 'Iran', 'Armenia', 'Brussels', 'Ukraine', 'Baku', 'Sabunchu district', 'United States']) {
      expect(names).toContain(name);
    }
  });

  it('Russia and Azerbaijan are one place each, with every mention', () => {
    const count = (word: string): number => text.split(new RegExp(`\\b${word}\\b`)).length - 1;
    expect(named(result.places, 'Russia').mentions).toHaveLength(count('Russia'));
    expect(named(result.places, 'Azerbaijan').mentions).toHaveLength(count('Azerbaijan'));
  });

  it('"U.S." as a country and "United States" are one place', () => {
    const us = named(result.places, 'United States');
    expect(us.aliases).toEqual(['U.S.']);
    expect(mentionsOf(us)).toEqual(['U.S.', 'United States', 'U.S.', 'U.S.']);
  });

  it('"Sabunchu district" is a place of its own, apart from Baku', () => {
    expect(mentionsOf(named(result.places, 'Sabunchu district'))).toEqual(['Sabunchu district']);
    expect(mentionsOf(named(result.places, 'Baku')).every((m) => m === 'Baku')).toBe(true);
  });

  it('nothing comes from the page furniture', () => {
    for (const span of [...result.people, ...result.organizations, ...result.places].flatMap((e) => e.mentions)) {
      expect(['Politics', '-02D-', 'Leave a review']).not.toContain(span.text);
    }
    for (const date of result.dates) expect(date.text).not.toMatch(/02D|COP29/);
  });
});
