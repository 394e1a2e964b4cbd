/**
 * selectParsers: the date parsers worth trying on a document's sentences, and
 * per sentence the run triggers that may match in it (a trigger that can match
 * only letters, digits, apostrophes and hyphens, or one that stands for a part of
 * each of a trigger's alternatives that can), from the masks of its runs of glued
 * tokens. A parser whose trigger passes on a sentence is never left out of it;
 * one with another trigger is left out only when the whole document fails that
 * trigger without its word boundaries.
 */

import { describe, expect, it } from 'vitest';
import { everyTriggerTested, runParsers, runTriggerOf, selectParsers, type DateParser } from '../../src/stages/dates/parser.js';
import { createDateParsers } from '../../src/stages/dates/parsers/index.js';
import { compileDatesLexicon } from '../../src/stages/dates/lexicon.js';
import { loadResourceData } from '../../src/node/load-data.js';
import { createExtractor } from '../../src/index.js';
import { GOLDEN_ARTICLES } from '../golden/articles.js';
import { readSample } from '../helpers.js';

const lexicon = compileDatesLexicon(loadResourceData().dates);
const parsers = createDateParsers(lexicon);
const parser = (id: string, trigger?: RegExp): DateParser => ({ id, pattern: /x/g, ...(trigger ? { trigger } : {}), extract: () => null });
const extractor = createExtractor();

describe('selectParsers(parsers, document).parsers', () => {
  it.each([
    ['a run trigger the document fails', parser('a', /quarter/i), 'Sales rose on Monday.', false],
    ['a run trigger the document passes', parser('a', /quarter/i), 'Sales rose in the third Quarter.', true],
    ['no trigger', parser('a'), 'Nothing here.', true],
    ['a trigger the document fails', parser('a', /\d{4}\s?[A-Z]/), 'Sales rose on Monday.', false],
    ['a trigger the document passes', parser('a', /\d{4}\s?[A-Z]/), 'Sales rose at 1200 GMT.', true],
    ['a trigger whose words the document fails', parser('a', /\bday\s+(?:of|since|in)\b/i), 'Sales rose sharply.', false],
    ['a word boundary the document does not keep at a sentence edge', parser('a', /\bday\s+(?:of|since|in)\b/i), 'xday of', true],
    ['an anchor: kept whatever the document', parser('a', /^Jan/), 'Nothing here.', true],
    ['a lookahead: kept whatever the document', parser('a', /May(?= \d)/), 'Nothing here.', true],
  ] as const)('%s', (_name, p, text, kept) => {
    expect(selectParsers([p], extractor.analyze(text)).parsers).toEqual(kept ? [p] : []);
  });

  it('keeps the order of the parsers it keeps', () => {
    const [a, b, c, d] = [parser('a', /one/), parser('b', /two/), parser('c', /three/), parser('d', /t\s?wo/)];
    expect(selectParsers([a, b, c, d], extractor.analyze('three one')).parsers).toEqual([a, c]);
  });
});

describe('runTriggerOf(trigger)', () => {
  it.each([
    [/quarter|half/i, 'quarter|half'],
    [/\bday\b/i, 'day'],
    [/0'?s\b|ties\b/i, "0'?s|ties"],
    [/[1-4]Q|Q[1-4]/, '[1-4]Q|Q[1-4]'],
    [/\d\d\d\d/, '\\d\\d\\d\\d'],
    [/year-/i, 'year-'],
    [/(?:morning|afternoon|evening|night)s/, '(?:morning|afternoon|evening|night)s'],
  ] as const)('%s is a run trigger', (trigger, source) => {
    expect(runTriggerOf(trigger)?.source).toBe(source);
    expect(runTriggerOf(trigger)?.flags).toBe(trigger.flags);
  });

  it.each([
    [/New Year|Easter/, 'Year|Easter'],
    [/ago|from now|hence/i, 'ago|from|hence'],
    [/day\s+(?:before|after)/i, 'day'],
    [/\bday\s+(?:of|since|in)\b/i, 'day'],
    [/,\s+the\s+day\b/, 'day'],
    [/ (?:and|or) \d/, '\\d'],
    [/\b(?:as|than)\s+last\b/i, 'last'],
    [/week(?:end)? of/i, 'week(?:end)?'],
  ] as const)('%s stands for the run trigger of a part of each alternative', (trigger, source) => {
    expect(runTriggerOf(trigger)?.source).toBe(source);
    expect(runTriggerOf(trigger)?.flags).toBe(trigger.flags);
  });

  it.each([
    ['an alternative with no word', /quarter|,\s+,/],
    ['an optional space', /\d{4}\s?[A-Z]/],
    ['white space in a group', /(?:the\s+)?day/i],
    ['a lookahead', /May(?= \d)/],
    ['an anchor', /^Jan/],
    ['any character', /a.b/],
    ['an escaped backslash', /a\\bc/],
    ['the unicode flag', /day/iu],
    ['a match of nothing', /(?:day)?/],
  ] as const)('a trigger with %s is not', (_name, trigger) => {
    expect(runTriggerOf(trigger)).toBeNull();
  });
});

describe('selectParsers(parsers, document)', () => {
  const texts: [string, string][] = [
    ...GOLDEN_ARTICLES.map((article): [string, string] => [article.file, readSample(article.file)]),
    ['glued tokens', "The year-end figures came mid-1990s, at 10:30 a.m. on 12/05. This week's talks ran for weeks; Q3 and 3Q rose 5%.Yesterday's FY2024 numbers, the 1990s' boom and the seventies."],
    ['no dates', 'Nothing happens here, and nobody said so.'],
    ['punctuation only', '... !!! ???'],
  ];

  it.each(texts)('keeps every parser whose trigger passes on a sentence, with its bit set: %s', (_name, text) => {
    const doc = extractor.analyze(text);
    const selection = selectParsers(parsers, doc);
    const kept = new Map(selection.parsers.map((p, k) => [p, k]));
    doc.sentences.forEach((sentence, s) => {
      const sentenceText = doc.text.slice(sentence.start, sentence.end);
      for (const p of parsers) {
        if (!p.trigger?.test(sentenceText)) continue;
        const k = kept.get(p);
        expect(k, `${p.id} on "${sentenceText}"`).toBeDefined();
        const bit = selection.runBits[k!]!;
        if (bit >= 0) expect((selection.sentenceMasks[s]! >>> bit) & 1, `${p.id} on "${sentenceText}"`).toBe(1);
      }
    });
  });

  it.each(texts)('runParsers finds the same candidates with the selection as without: %s', (_name, text) => {
    const doc = extractor.analyze(text);
    const selection = selectParsers(parsers, doc);
    doc.sentences.forEach((sentence, s) => {
      const context = { text: doc.text.slice(sentence.start, sentence.end), offset: sentence.start, lexicon };
      expect(runParsers(selection.parsers, context, selection, selection.sentenceMasks[s])).toEqual(runParsers(parsers, context, everyTriggerTested(parsers)));
    });
  });

  it('leaves out run triggers a document never holds, and tests the others on its text', () => {
    const [quarter, clock, none] = [parser('quarter', /quarter/i), parser('clock', /\d{4}\s?[A-Z]/), parser('none')];
    const doc = extractor.analyze('Sales rose at 1200 GMT. Nothing else.');
    const selection = selectParsers([quarter, clock, none], doc);
    expect(selection.parsers).toEqual([clock, none]);
    expect([...selection.runBits]).toEqual([-1, -1]);
    expect([...selection.sentenceMasks]).toEqual([0, 0]);
    const withQuarter = selectParsers([quarter, clock, none], extractor.analyze('Nothing here. Sales rose in the third Quarter.'));
    expect(withQuarter.parsers).toEqual([quarter, none]);
    expect([...withQuarter.sentenceMasks]).toEqual([0, 1]);
  });

  it('assumes every run trigger may match a sentence its tokens do not span (a document made by hand)', () => {
    const doc = { text: 'Sales rose in the third quarter.', tokens: [], sentences: [{ index: 0, paragraph: 0, start: 0, end: 32, tokenStart: 0, tokenEnd: 1 }] };
    const quarter = parser('quarter', /quarter/i);
    const selection = selectParsers([quarter], doc);
    expect(selection.parsers).toEqual([quarter]);
    expect(selection.sentenceMasks[0]).toBe(-1);
  });
});
