import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import type { Extraction, Quote } from '../../src/types.js';
import { expectValidResult, HAS_SHARED, readShared } from '../helpers.js';

describe.skipIf(!HAS_SHARED)('quotes: the seed article (../shared/examples/seed-article.txt)', () => {
  const text = HAS_SHARED ? readShared('examples', 'seed-article.txt') : '';
  let result: Extraction;
  const quoteWith = (words: string): Quote => {
    const found = result.quotes.filter((q) => q.text.includes(words));
    expect(found, `one quote holding ${JSON.stringify(words)}`).toHaveLength(1);
    return found[0]!;
  };
  /** When the entity stages name the speaker, the quote points at that entity. */
  const expectEntityLink = (quote: Quote, name: RegExp): void => {
    const entity = [...result.people, ...result.organizations].find((e) => name.test(e.name));
    if (entity) expect(quote.speaker?.entityId).toBe(entity.id);
  };

  it('is schema-valid', () => {
    result = createExtractor().extract(text, { publishedAt: '2015-07-20' });
    expectValidResult(result, text);
  });

  it.each([
    ['in the regional sphere, the UN, the OSCE', 'direct', 'Lavrov', 'said'],
    ['In September, in the Sverdlovsk region', 'direct', 'Lavrov', 'said'],
    ['We hope that Azerbaijani Energy Minister', 'direct', 'the head of the Russian Foreign Ministry', 'said'],
  ])('Lavrov: %s', (words, kind, mention, cue) => {
    const quote = quoteWith(words);
    expect([quote.kind, quote.speaker?.mention.text, quote.speaker?.name, quote.cue?.text]).toEqual([kind, mention, 'Lavrov', cue]);
    expectEntityLink(quote, /Lavrov/);
  });

  it('Lavrov: "after the summer holidays" is mixed, He -> Lavrov', () => {
    const quote = quoteWith('"after the summer holidays"');
    expect([quote.kind, quote.speaker?.mention.text, quote.speaker?.name, quote.cue?.text]).toEqual(['mixed', 'He', 'Lavrov', 'noted']);
  });

  it.each([
    ['convergence of positions of Russia and Azerbaijan', 'Mammadyarov', 'pointed out'],
    ['The political component of the positions', 'he', 'drew attention'],
    ['We thank the Russian leadership', 'Mammadyarov', 'said'],
  ])('Mammadyarov: %s', (words, mention, cue) => {
    const quote = quoteWith(words);
    expect(quote.speaker?.mention.text).toBe(mention);
    expect(quote.speaker?.name).toMatch(/^Mam+[ae]dyarov$/);
    expect(quote.cue?.text).toBe(cue);
    expectEntityLink(quote, /Mam+[ae]dyarov/);
  });

  it('"back on track" is inside the "We thank" quote, not a quote of its own', () => {
    expect(quoteWith('We thank the Russian leadership').text).toContain('"back on track"');
    expect(result.quotes.filter((q) => q.text.replace(/["\s]/g, '') === 'backontrack')).toEqual([]);
  });

  it('Mark Libby: the hydrologists quote', () => {
    const quote = quoteWith('A group of hydrologists and engineers');
    expect([quote.kind, quote.speaker?.name, quote.cue?.text]).toEqual(['direct', 'Mark Libby', 'wrote']);
    expect(quote.text.startsWith('A group')).toBe(true);
    expectEntityLink(quote, /Mark Libby/);
  });

  it.each([
    ["The Prosecutor's Office is investigating the deaths", 'Eldar Azizov', 'said'],
    ['the sewer system could not handle the large volume', 'him', 'According to'],
  ])('Eldar Azizov: indirect %s', (words, mention, cue) => {
    const quote = quoteWith(words);
    expect([quote.kind, quote.speaker?.mention.text, quote.speaker?.name, quote.cue?.text]).toEqual(['indirect', mention, 'Eldar Azizov', cue]);
    expectEntityLink(quote, /Eldar Azizov/);
  });

  it('Ali Zaidi: indirect "The United States is ready to assist…"', () => {
    const quote = quoteWith('The United States is ready to assist');
    expect([quote.kind, quote.speaker?.mention.text, quote.speaker?.name, quote.cue?.text]).toEqual(['indirect', 'Ali Zaidi', 'Ali Zaidi', 'said']);
    expectEntityLink(quote, /Ali Zaidi/);
  });

  it('finds no other quote', () => {
    expect(result.quotes.map((q) => q.kind)).toEqual([
      'direct', 'mixed', 'direct', 'direct', 'mixed', 'direct', 'direct', 'direct', 'indirect', 'indirect', 'indirect',
    ]);
  });
});
