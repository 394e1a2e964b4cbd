/**
 * lede/compromise (DESIGN §8), on the built package (dist/, as users get it):
 * doc.people(), doc.organizations() and doc.places() are lede's mentions as
 * compromise matches; compromise's own API keeps working on the same document;
 * ESM and CommonJS; compromise is loaded only by a program that imports it.
 */

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../src/types.js';
import type { LedeMatch, LedePlugin } from '../src/compromise/index.js';
import { GOLDEN_ARTICLES } from './golden/articles.js';
import { HAS_SHARED, readSample, readShared, ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
const { default: ledePlugin } = (await import(pathToFileURL(join(DIST, 'compromise.js')).href)) as { default: LedePlugin };
const lede = (await import(pathToFileURL(join(DIST, 'index.js')).href)) as typeof import('../src/index.js');

// compromise before the plugin, for the comparisons below (the plugin changes compromise's one shared world).
const SAMPLE = readSample();
const verbsWithout = nlp(SAMPLE).verbs().out('array') as string[];
nlp.plugin(ledePlugin as Parameters<typeof nlp.plugin>[0]);

/** A document of compromise with the plugin's methods (compromise's own types know other people()). */
interface Doc {
  people(n?: number): EntityView;
  organizations(n?: number): EntityView;
  places(n?: number): EntityView;
  ledeQuotes(options?: object): Extraction['quotes'];
  ledeDates(options?: object): Extraction['dates'];
  lede(options?: object): Extraction;
  verbs(): { out(format: 'array'): string[]; length: number };
  match(pattern: string): { out(format: 'array'): string[] };
  sentences(): { eq(n: number): Doc; length: number };
  replace(from: string, to: string): void;
}
const parse = (text: string): Doc => nlp(text) as unknown as Doc;
interface EntityView {
  json(): (Record<string, unknown> & { text: string; lede: LedeMatch })[];
  out(format: 'array'): string[];
  ledeEntities(): Extraction['people'];
  length: number;
}

/** A text without the punctuation, hyphen or possessive that compromise keeps in its terms ("Lindqvist,", "Lavrov-", "city's"). */
function bare(text: string): string {
  return text.replace(/^[\s("“'‘«]+/u, '').replace(/(?:['’]s)?[\s,.;:!?)"”'’»—–-]*$/u, '');
}

const LISTS = ['people', 'organizations', 'places'] as const;

const articles: { name: string; text: string; publishedAt?: string }[] = [
  ...GOLDEN_ARTICLES.map(({ file, publishedAt }) => ({ name: file, text: readSample(file), publishedAt })),
  ...(HAS_SHARED ? [{ name: 'seed-article.txt', text: readShared('examples', 'seed-article.txt'), publishedAt: '2015-07-20' }] : []),
];

describe.each(articles)('lede/compromise on $name', ({ text, publishedAt }) => {
  const expected = lede.extract(text, publishedAt ? { publishedAt } : {});
  const doc = parse(text);

  it.each(LISTS)('doc.%s() has one match per lede mention, in text order, with its entity', (list) => {
    const mentions = expected[list]
      .flatMap((entity) => entity.mentions.map((mention) => ({ mention, entity })))
      .sort((a, b) => a.mention.start - b.mention.start);
    const view = doc[list]();
    const json = view.json();
    expect(json.map((m) => m.lede.mention)).toEqual(mentions.map((m) => m.mention));
    expect(json.map((m) => m.lede.name)).toEqual(mentions.map((m) => m.entity.name));
    expect(json.map((m) => m.lede.id)).toEqual(mentions.map((m) => m.entity.id));
    expect(view.ledeEntities().map((e) => e.id)).toEqual(mentions.map((m) => m.entity.id));
    // out('array') reads compromise's terms: the mention, give or take the punctuation or possessive around it.
    expect(view.out('array').map(bare)).toEqual(mentions.map((m) => bare(m.mention.text)));
  });

  it('tags the terms of lede mentions (Person, Organization, Place)', () => {
    doc.people();
    const tagged = doc.match('#Person+').out('array').map(bare);
    for (const entity of expected.people) for (const mention of entity.mentions) expect(tagged.some((p) => p.includes(bare(mention.text)))).toBe(true);
  });

  it('gives lede quotes with speakers and dates with values', () => {
    expect(doc.ledeQuotes({ publishedAt })).toEqual(expected.quotes);
    expect(doc.ledeDates({ publishedAt })).toEqual(expected.dates);
    expect(doc.lede({ publishedAt })).toEqual(expected);
  });
});

describe('lede/compromise with compromise', () => {
  it("keeps compromise's own API working on the same document", () => {
    const doc = parse(SAMPLE);
    expect(doc.verbs().out('array')).toEqual(verbsWithout);
    doc.people();
    expect(doc.match('ferry corridor').out('array')).toEqual(['ferry corridor']);
    expect(doc.sentences().length).toBeGreaterThan(5);
    expect(doc.verbs().length).toBeGreaterThan(10);
  });

  it('takes the nth match, and only the matches inside a view', () => {
    const doc = parse(SAMPLE);
    const all = doc.people().out('array');
    expect(doc.people(1).out('array')).toEqual([all[1]]);
    const sentence = doc.sentences().eq(3);
    expect(sentence.people().out('array').map(bare)).toEqual(['Kristiina Lindqvist']);
  });

  it('reads the document again when its text changes', () => {
    const doc = parse('Sergey Lavrov met Elmar Mammadyarov in Baku.');
    expect(doc.people().out('array').map(bare)).toEqual(['Sergey Lavrov', 'Elmar Mammadyarov']);
    doc.replace('Baku', 'Tbilisi');
    expect(doc.places().out('array').map(bare)).toEqual(['Tbilisi']);
  });

  it('uses the given extractor and options', () => {
    const script = `
      const nlp = require('compromise');
      const { createLedePlugin } = require(${JSON.stringify(join(DIST, 'compromise.cjs'))});
      const lede = require(${JSON.stringify(join(DIST, 'index.cjs'))});
      nlp.plugin(createLedePlugin({ extractor: lede.createExtractor({ gazetteer: [{ name: 'Harbour Talks Group', type: 'organization' }] }), extractOptions: { publishedAt: '2025-03-14' } }));
      const doc = nlp('The Harbour Talks Group met on Wednesday.');
      process.stdout.write(JSON.stringify([doc.organizations().json().map((m) => m.lede.name), doc.ledeDates().map((d) => d.value)]));
    `;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }))).toEqual([['Harbour Talks Group'], ['2025-03-12']]);
  });

  it('works from CommonJS as from ESM', () => {
    const script = `
      const nlp = require('compromise');
      const ledePlugin = require(${JSON.stringify(join(DIST, 'compromise.cjs'))}).default;
      nlp.plugin(ledePlugin);
      const doc = nlp(require('node:fs').readFileSync(${JSON.stringify(join(ROOT, 'samples', 'sample-article.txt'))}, 'utf8'));
      process.stdout.write(JSON.stringify([doc.people().out('array'), doc.organizations().out('array'), doc.places().out('array')]));
    `;
    const doc = parse(SAMPLE);
    const fromCjs = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[][];
    expect(fromCjs).toEqual(LISTS.map((list) => doc[list]().out('array')));
  });

  it('is the only part of lede that touches compromise, and it never imports it', () => {
    // A resolve hook that refuses compromise: lede and lede/compromise load and run without it.
    const hook = `data:text/javascript,${encodeURIComponent(
      'export async function resolve(specifier, context, next) { if (/^compromise(\\/|$)/.test(specifier)) throw new Error("compromise was imported"); return next(specifier, context); }',
    )}`;
    const script = `
      import { register } from 'node:module';
      register(${JSON.stringify(hook)});
      const lede = await import(${JSON.stringify(pathToFileURL(join(DIST, 'index.js')).href)});
      const result = lede.extract('Sergey Lavrov met Elmar Mammadyarov in Baku on Monday.');
      const plugin = await import(${JSON.stringify(pathToFileURL(join(DIST, 'compromise.js')).href)});
      process.stdout.write(JSON.stringify([result.people.length, typeof plugin.default.api]));
    `;
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }))).toEqual([2, 'function']);
    const cjs = `
      require(${JSON.stringify(join(DIST, 'index.cjs'))}).extract('Lavrov met Mammadyarov.');
      require(${JSON.stringify(join(DIST, 'compromise.cjs'))});
      process.stdout.write(String(Object.keys(require.cache).some((k) => /[\\\\/]compromise[\\\\/]/.test(k))));
    `;
    expect(execFileSync(process.execPath, ['-e', cjs], { cwd: ROOT, encoding: 'utf8' })).toBe('false');
  });
});
