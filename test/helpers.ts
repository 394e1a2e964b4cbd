/**
 * Shared test helpers: schema validation and the span invariants every result
 * must satisfy, and access to ../shared (skipped with a message when absent).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { expect } from 'vitest';
import type { Extraction, Span } from '../src/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'data'));
if (!HAS_SHARED) {
  console.warn(`[lede tests] ${SHARED} is absent: tests that read the shared corpora and the seed article are skipped.`);
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'extraction.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);

export function readShared(...parts: string[]): string {
  return readFileSync(join(SHARED, ...parts), 'utf8');
}

export function readSample(name = 'sample-article.txt'): string {
  return readFileSync(join(ROOT, 'samples', name), 'utf8');
}

/** The kept full output of a golden sample article (test/golden/, written by `npm run golden`). */
export function readGolden(sample: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'golden', sample.replace(/\.txt$/, '.json')), 'utf8')) as unknown;
}

/** Every span of a result, with where it was found (for failure messages). */
export function allSpans(result: Extraction): [string, Span][] {
  const spans: [string, Span][] = [];
  for (const list of [result.people, result.organizations, result.places]) {
    for (const entity of list) entity.mentions.forEach((m, i) => spans.push([`${entity.id}.mentions[${i}]`, m]));
  }
  result.dates.forEach((d, i) => spans.push([`dates[${i}]`, d]));
  result.quotes.forEach((q, i) => {
    spans.push([`quotes[${i}]`, q]);
    (q.parts ?? []).forEach((part, k) => spans.push([`quotes[${i}].parts[${k}]`, part]));
    if (q.cue) spans.push([`quotes[${i}].cue`, q.cue]);
    if (q.speaker) spans.push([`quotes[${i}].speaker.mention`, q.speaker.mention]);
  });
  return spans;
}

/**
 * Every naming mention of a result as "text/type" ("Boeing/organization"), people
 * first, then organisations, then places; each mention's span checked against the text.
 */
export function typedMentions(result: Extraction, text: string): string[] {
  const found: string[] = [];
  const lists = [[result.people, 'person'], [result.organizations, 'organization'], [result.places, 'place']] as const;
  for (const [entities, type] of lists) {
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        expect(text.slice(mention.start, mention.end)).toBe(mention.text);
        found.push(`${mention.text}/${type}`);
      }
    }
  }
  return found;
}

/** Problems with a result: schema errors, spans that do not match the text, overlaps, dangling ids. */
export function resultProblems(result: unknown, text: string): string[] {
  const problems: string[] = [];
  if (!validate(result)) {
    for (const error of validate.errors ?? []) problems.push(`schema: ${error.instancePath} ${error.message ?? ''}`);
    return problems;
  }
  const extraction = result as Extraction;
  for (const [where, span] of allSpans(extraction)) {
    if (span.start < 0 || span.end > text.length || span.start > span.end) problems.push(`${where}: range ${span.start}-${span.end} outside the text`);
    else if (text.slice(span.start, span.end) !== span.text) problems.push(`${where}: text.slice(${span.start}, ${span.end}) !== ${JSON.stringify(span.text)}`);
  }
  const mentions = [extraction.people, extraction.organizations, extraction.places]
    .flat()
    .flatMap((e) => e.mentions.map((m) => ({ ...m, id: e.id })))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i]!.start < mentions[i - 1]!.end) problems.push(`mentions overlap: ${mentions[i - 1]!.id} and ${mentions[i]!.id} at ${mentions[i]!.start}`);
  }
  const ids = new Set([extraction.people, extraction.organizations, extraction.places].flat().map((e) => e.id));
  for (const quote of extraction.quotes) {
    const id = quote.speaker?.entityId;
    if (id && !ids.has(id)) problems.push(`quote speaker ${id} is not an entity of the result`);
  }
  for (let i = 1; i < extraction.dates.length; i++) {
    if (extraction.dates[i]!.start < extraction.dates[i - 1]!.start) problems.push('dates are not in text order');
  }
  extraction.quotes.forEach((quote, i) => {
    const { parts } = quote;
    if (parts[0]!.start !== quote.start || parts[parts.length - 1]!.end !== quote.end) problems.push(`quotes[${i}]: its parts do not run from its start to its end`);
    for (let k = 0; k < parts.length; k++) {
      if (parts[k]!.end <= parts[k]!.start) problems.push(`quotes[${i}].parts[${k}] is empty`);
      if (k > 0 && parts[k]!.start < parts[k - 1]!.end) problems.push(`quotes[${i}].parts[${k}] overlaps or precedes the part before it`);
    }
  });
  for (let i = 1; i < extraction.quotes.length; i++) {
    if (extraction.quotes[i]!.start < extraction.quotes[i - 1]!.start) problems.push('quotes are not in text order');
  }
  return problems;
}

/** Asserts that a result is schema-valid and every span matches the text. */
export function expectValidResult(result: unknown, text: string): asserts result is Extraction {
  expect(resultProblems(result, text)).toEqual([]);
}
