/**
 * Search documents, bulk NDJSON lines, and the index template that ships with
 * them, on hand-built extractions (so they do not depend on the stages' output).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSearchDocument } from '../src/batch/search-document.js';
import { toEsBulkLines } from '../src/batch/es-bulk.js';
import { expectValidResult, ROOT } from './helpers.js';
import { handBuiltArticles } from './batch-fixtures.js';

const [lavrovStory, bakuStory] = handBuiltArticles();

describe('toSearchDocument', () => {
  it.each(handBuiltArticles().map((f) => [f.article.id, f] as const))('the fixture %s is a valid result', (_id, fixture) => {
    expectValidResult(fixture.extraction, fixture.article.text);
  });

  it('flattens an extraction: names ranked by salience, aliases, titles, quotes with speakers, date values', () => {
    const document = toSearchDocument(lavrovStory!.extraction, lavrovStory!.article);
    expect(document).toEqual({
      id: 'moscow-1',
      publishedAt: '2015-07-20',
      text: lavrovStory!.article.text,
      people: ['Sergey Lavrov', 'Elmar Mammadyarov'],
      organizations: ['Russian Foreign Ministry'],
      places: ['Moscow', 'Baku'],
      personAliases: ['Lavrov', 'Mammadyarov', 'Mamedyarov'],
      organizationAliases: [],
      placeAliases: [],
      titles: ['Foreign Minister'],
      quotes: [
        { text: 'We respect the choice of Baku', kind: 'direct', speaker: 'Sergey Lavrov' },
        { text: 'the talks were useful', kind: 'indirect', speaker: 'Elmar Mammadyarov' },
        { text: 'Nothing is agreed', kind: 'direct', speaker: null },
        { text: 'We will meet again, in Baku.', kind: 'direct', speaker: 'Sergey Lavrov' },
      ],
      speakers: ['Sergey Lavrov', 'Elmar Mammadyarov'],
      dates: ['2015-07-20', 'P3M'],
      dateMods: [],
      schemaVersion: 1,
    });
  });

  it('lists the mods the text states with their values, once each, in text order', () => {
    const { extraction, article } = lavrovStory!;
    const [day, span] = extraction.dates;
    const dates = [{ ...span!, mod: 'MORE_THAN' as const }, { ...day!, mod: 'END' as const }, { ...span!, mod: 'MORE_THAN' as const }, day!];
    expect(toSearchDocument({ ...extraction, dates }, article).dateMods).toEqual(['MORE_THAN P3M', 'END 2015-07-20']);
  });

  it('gives null for a missing id or date, and normalises the date', () => {
    const { extraction } = bakuStory!;
    expect(toSearchDocument(extraction, { text: 'x' })).toMatchObject({ id: null, publishedAt: null });
    expect(toSearchDocument(extraction, { text: 'x', publishedAt: '2024-11-14 09:30' }).publishedAt).toBe('2024-11-14T09:30');
    expect(toSearchDocument(extraction, { text: 'x', publishedAt: '2024-11' }).publishedAt).toBe('2024-11-01');
    expect(toSearchDocument(extraction, { text: 'x', publishedAt: new Date(Date.UTC(2024, 0, 2, 3, 4)) }).publishedAt).toBe('2024-01-02T03:04');
    expect(toSearchDocument(extraction, { text: 'x', publishedAt: 'not a date' }).publishedAt).toBeNull();
  });
});

describe('toEsBulkLines', () => {
  it('writes an action line with the id as _id, then the document, each ending in a line break', () => {
    const document = toSearchDocument(bakuStory!.extraction, bakuStory!.article);
    const lines = toEsBulkLines(42, document);
    expect(lines.endsWith('\n')).toBe(true);
    const [action, source, rest] = lines.split('\n');
    expect(JSON.parse(action!)).toEqual({ index: { _id: '42' } });
    expect(JSON.parse(source!)).toEqual(document);
    expect(rest).toBe('');
  });

  it('keeps one line per JSON value whatever the text holds', () => {
    const document = toSearchDocument(bakuStory!.extraction, { id: 'x', text: 'line\nbreak\u2028sep\r\n"quote" \ud800 lone' });
    expect(toEsBulkLines('x', document).split('\n')).toHaveLength(3);
  });
});

describe('schema/search-index-template.json', () => {
  const template = JSON.parse(readFileSync(join(ROOT, 'schema', 'search-index-template.json'), 'utf8')) as {
    index_patterns: string[];
    template: { mappings: { properties: Record<string, { type: string; properties?: Record<string, unknown> }> } };
  };
  const properties = template.template.mappings.properties;

  it('maps every field of a search document, and no other', () => {
    const document = toSearchDocument(lavrovStory!.extraction, lavrovStory!.article);
    expect(Object.keys(properties).sort()).toEqual(Object.keys(document).sort());
    expect(Object.keys(properties.quotes!.properties!).sort()).toEqual(Object.keys(document.quotes[0]!).sort());
  });

  it('maps names as keywords, the text as text, quotes as nested objects', () => {
    for (const field of ['id', 'people', 'organizations', 'places', 'personAliases', 'speakers', 'dates', 'dateMods']) expect(properties[field]!.type).toBe('keyword');
    expect(properties.text!.type).toBe('text');
    expect(properties.publishedAt!.type).toBe('date');
    expect(properties.quotes!.type).toBe('nested');
    expect(template.index_patterns).toEqual(['lede-*']);
  });

  it('is exported by the package', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string>; files: string[] };
    expect(manifest.exports['./search-index-template.json']).toBe('./schema/search-index-template.json');
    expect(manifest.files).toContain('schema');
  });
});
