/**
 * The public API: argument checking, option validation, determinism, immutability.
 */

import { describe, expect, it } from 'vitest';
import { createExtractor, extract, LedeOptionError, SCHEMA_VERSION } from '../src/index.js';
import { expectValidResult } from './helpers.js';

const TEXT = 'Baku Mayor Eldar Azizov said on Monday that the tunnels were flooded. "We are working," he said.';

describe('extract(text, options)', () => {
  it('returns a schema-valid result', () => {
    const result = extract(TEXT, { publishedAt: '2024-11-14' });
    expectValidResult(result, TEXT);
    expect(result.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it.each([
    ['a number', 42, 'extract(text, options): "text" must be a string (the article\'s plain text); got number 42.'],
    ['null', null, 'extract(text, options): "text" must be a string (the article\'s plain text); got null.'],
    ['undefined', undefined, 'extract(text, options): "text" must be a string (the article\'s plain text); got undefined.'],
    ['a Buffer', Buffer.from('x'), 'extract(text, options): "text" must be a string (the article\'s plain text); got an object.'],
  ])('throws a TypeError naming the argument for %s', (_name, value, message) => {
    expect(() => extract(value as unknown as string)).toThrow(TypeError);
    expect(() => extract(value as unknown as string)).toThrow(message);
  });

  it.each([
    ['an unknown option', { published: '2024-11-14' }, 'Unknown option "published" of extract(): the accepted options are "publishedAt".'],
    ['a date that is not one', { publishedAt: 'yesterday' }, 'Invalid publishedAt: the string "yesterday" is not a date; pass an ISO 8601 date such as "2024-11-14" or "2024-11-14T09:30:00Z", or a valid Date.'],
    ['an impossible date', { publishedAt: '2024-02-30' }, 'Invalid publishedAt: the string "2024-02-30" is not a real calendar date; pass an ISO 8601 date such as "2024-11-14" or "2024-11-14T09:30:00Z", or a valid Date.'],
    ['an invalid Date', { publishedAt: new Date('nope') }, 'Invalid publishedAt: the Date is invalid (NaN); pass an ISO 8601 date such as "2024-11-14" or "2024-11-14T09:30:00Z", or a valid Date.'],
    ['a number', { publishedAt: 20241114 }, 'Invalid publishedAt: got number 20241114; pass an ISO 8601 date such as "2024-11-14" or "2024-11-14T09:30:00Z", or a valid Date.'],
  ])('rejects %s with a LedeOptionError that says what is accepted', (_name, options, message) => {
    expect(() => extract(TEXT, options as never)).toThrow(LedeOptionError);
    expect(() => extract(TEXT, options as never)).toThrow(message);
  });

  it('rejects options that are not an object with a TypeError', () => {
    expect(() => extract(TEXT, '2024-11-14' as never)).toThrow(
      'extract(text, options): "options" must be an object such as { publishedAt: \'2024-11-14\' }; got the string "2024-11-14".',
    );
  });

  it('accepts publishedAt as an ISO string, a date-time with offset, or a Date', () => {
    for (const publishedAt of ['2024-11-14', '2024-11-14T23:30:00-05:00', new Date(Date.UTC(2024, 10, 14))]) {
      expectValidResult(extract(TEXT, { publishedAt }), TEXT);
    }
  });

  it('is deterministic', () => {
    expect(extract(TEXT, { publishedAt: '2024-11-14' })).toEqual(extract(TEXT, { publishedAt: '2024-11-14' }));
  });
});

describe('createExtractor(config)', () => {
  it.each([
    ['an unknown option', { gazeteer: [] }, 'Unknown option "gazeteer" of createExtractor(): the accepted options are "gazetteer".'],
    ['a gazetteer that is not an array', { gazetteer: {} }, 'Invalid gazetteer: expected an array of { name, type, aliases? }; got an object.'],
    ['an entry without a name', { gazetteer: [{ type: 'place' }] }, 'Invalid gazetteer[0].name: expected a non-empty string; got undefined.'],
    ['an entry of an unknown type', { gazetteer: [{ name: 'X', type: 'city' }] }, 'Invalid gazetteer[0].type: expected one of "person", "organization", "place"; got the string "city".'],
    ['aliases that are not strings', { gazetteer: [{ name: 'X', type: 'place', aliases: [1] }] }, 'Invalid gazetteer[0].aliases: expected an array of non-empty strings; got an array.'],
    ['an unknown entry field', { gazetteer: [{ name: 'X', type: 'place', id: 1 }] }, 'Unknown option "id" of gazetteer[0]: the accepted options are "name", "type", "aliases".'],
  ])('rejects %s when the extractor is created', (_name, config, message) => {
    expect(() => createExtractor(config as never)).toThrow(message);
  });

  it('rejects a config that is not an object with a TypeError', () => {
    expect(() => createExtractor([] as never)).toThrow(TypeError);
  });

  it('keeps two extractors apart', () => {
    const text = 'Officials at Gosplan met officials at Narkomfin.';
    const withGosplan = createExtractor({ gazetteer: [{ name: 'Gosplan', type: 'organization' }] });
    const withNarkomfin = createExtractor({ gazetteer: [{ name: 'Narkomfin', type: 'organization' }] });
    const names = (extractor: ReturnType<typeof createExtractor>): string[] => extractor.extract(text).organizations.map((e) => e.name);
    expect(names(withGosplan)).toContain('Gosplan');
    expect(names(withGosplan)).not.toContain('Narkomfin');
    expect(names(withNarkomfin)).toContain('Narkomfin');
    expect(names(withNarkomfin)).not.toContain('Gosplan');
  });

  it('is frozen, and so is its config', () => {
    const extractor = createExtractor({ gazetteer: [{ name: 'Gosplan', type: 'organization' }] });
    expect(Object.isFrozen(extractor)).toBe(true);
    expect(Object.isFrozen(extractor.config)).toBe(true);
  });
});
