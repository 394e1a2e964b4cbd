/**
 * Word ids: the tokenize stage gives each token its word in wink-nlp's vocabulary
 * (TokenWords), and stages keep what they ask of a word across documents in
 * arrays by it (WordTable) instead of maps keyed by text. A word id must name one
 * text for as long as its vocabulary lives, a table must forget everything when
 * given another vocabulary, and nothing a stage finds may depend on whether the
 * ids are there or on what the tables already hold.
 */

import { describe, expect, it } from 'vitest';
import { createDocument, tokenWordsOf, type LedeDocument } from '../src/core/document.js';
import { compileResources, WinkNlpSource } from '../src/core/resources.js';
import { validateConfig } from '../src/core/options.js';
import { grownTo, WordTable, wordTableOf } from '../src/core/word-table.js';
import { loadResourceData } from '../src/node/load-data.js';
import { segmentStage } from '../src/stages/segment.js';
import { tokenizeDocument } from '../src/stages/tokenize.js';
import { buildFeatureView } from '../src/stages/ner/features.js';
import { selectParsers } from '../src/stages/dates/parser.js';
import { proposeRuleCandidates } from '../src/stages/entities/rules.js';
import { CueForms } from '../src/stages/quotes/cue-lexicon.js';
import { createExtractor } from '../src/index.js';
import { GOLDEN_ARTICLES } from './golden/articles.js';
import { readSample } from './helpers.js';

const data = loadResourceData();
const resources = compileResources(data, validateConfig(undefined));

function tokenized(text: string, nlp: ReturnType<WinkNlpSource['current']>): LedeDocument {
  const doc = createDocument(text, null);
  segmentStage.run(doc, resources);
  tokenizeDocument(doc, nlp);
  return doc;
}

describe('grownTo', () => {
  it.each([
    { name: 'empty, to the least length', from: [] as number[], size: 1, fill: 0, length: 1024 },
    { name: 'half as long again', from: Array.from({ length: 2000 }, (_, k) => k), size: 2001, fill: 0, length: 3000 },
    { name: 'to `size` when that is longer', from: [1, 2, 3], size: 5000, fill: 0, length: 5000 },
    { name: 'new places filled', from: [7, 8], size: 3, fill: -1, length: 1024 },
  ])('$name', ({ from, size, fill, length }) => {
    const array = Int32Array.from(from);
    const grown = grownTo(array, size, fill);
    expect(grown).toBeInstanceOf(Int32Array);
    expect(grown.length).toBe(length);
    expect([...grown.subarray(0, from.length)]).toEqual(from);
    expect(grown.subarray(from.length).every((value) => value === fill)).toBe(true);
    expect(array.length).toBe(from.length);
  });

  it('keeps the kind of array', () => {
    const grown = grownTo(Uint8Array.of(1, 255), 10);
    expect(grown).toBeInstanceOf(Uint8Array);
    expect([...grown.subarray(0, 3)]).toEqual([1, 255, 0]);
  });
});

describe('WordTable', () => {
  it.each([
    ['an id never set', [], 5, false, undefined],
    ['an id set', [[5, 42]], 5, true, 42],
    ['zero is a value like any other', [[3, 0]], 3, true, 0],
    ['a negative value', [[3, -7]], 3, true, -7],
    ['every bit of a 32-bit mask', [[9, 1 << 31]], 9, true, 1 << 31],
    ['an id past what was set before (the table grows)', [[1, 1], [100_000, 2]], 100_000, true, 2],
    ['an earlier id after the table grew', [[1, 1], [100_000, 2]], 1, true, 1],
    ['an id between those set', [[1, 1], [100_000, 2]], 50, false, undefined],
    ['the last value set for an id', [[4, 1], [4, 2]], 4, true, 2],
  ] as const)('%s', (_name, sets, id, has, value) => {
    const table = new WordTable();
    for (const [k, v] of sets) table.set(k, v);
    expect(table.has(id)).toBe(has);
    if (has) expect(table.get(id)).toBe(value);
  });

  it('wordTableOf: one table per owner and vocabulary, the same one each time', () => {
    const [owner, other] = [{}, {}];
    const words = (vocabulary: object) => ({ ids: new Int32Array(0), vocabulary });
    const [first, second] = [{}, {}];
    const table = wordTableOf(owner, words(first));
    table.set(7, 70);
    expect(wordTableOf(owner, words(first))).toBe(table);
    expect(wordTableOf(owner, words(first)).get(7)).toBe(70);
    expect(wordTableOf(owner, words(second)).has(7)).toBe(false);
    expect(wordTableOf(other, words(first)).has(7)).toBe(false);
  });
});

describe('tokenWordsOf', () => {
  const words = { ids: Int32Array.from([0, 1]), vocabulary: {} };
  it.each([
    ['ids for every token', [{}, {}], words, words],
    ['no ids', [{}, {}], null, null],
    ['ids left out', [{}, {}], undefined, null],
    ['fewer ids than tokens (tokens made otherwise)', [{}, {}, {}], words, null],
    ['more ids than tokens', [{}], words, null],
  ] as const)('%s', (_name, tokens, tokenWords, expected) => {
    expect(tokenWordsOf({ tokens, tokenWords })).toBe(expected);
  });
});

describe('the tokenize stage: word ids', () => {
  const source = new WinkNlpSource(data.languageModel);

  it('gives every token an id, the same text the same id, and other texts other ids', () => {
    const nlp = source.current();
    const first = tokenized('The minister met the Minister of Finance in Qorvath on Monday.', nlp);
    const second = tokenized('Qorvath said the minister would resign on Monday.', nlp);
    for (const doc of [first, second]) {
      expect(doc.tokenWords).not.toBeNull();
      expect(doc.tokenWords!.ids.length).toBe(doc.tokens.length);
      expect(doc.tokenWords!.vocabulary).toBe(nlp);
      for (const id of doc.tokenWords!.ids) expect(id).toBeGreaterThanOrEqual(0);
    }
    const idOf = new Map<string, number>();
    const textOf = new Map<number, string>();
    for (const doc of [first, second]) {
      doc.tokens.forEach((token, i) => {
        const id = doc.tokenWords!.ids[i]!;
        expect(idOf.get(token.text) ?? id).toBe(id);
        expect(textOf.get(id) ?? token.text).toBe(token.text);
        idOf.set(token.text, id);
        textOf.set(id, token.text);
      });
    }
    expect(idOf.get('minister')).not.toBe(idOf.get('Minister'));
  });

  it('gives no id to either part of a possessive lede splits off, and ids to those wink-nlp splits', () => {
    // In this text wink-nlp splits "IBM's" itself, and keeps "José's" whole (after "’90s"): the tokenize stage splits it.
    const text = "IBM's chief, McDonald's menu, the 1990's boom, the U.S.'s plan, AT&T's unit, Al-Qaeda's chief, e-mail's risk, Nagorno-Karabakh's army, ’90s, Qorvath's, naïve's, José's, Müller's aide";
    const doc = createExtractor().analyze(text);
    const ids = doc.tokenWords!.ids;
    const texts = doc.tokens.map((token) => token.text);
    const pair = (word: string): number[] => {
      const at = texts.indexOf(word);
      expect(texts[at + 1]).toBe("'s");
      return [ids[at]!, ids[at + 1]!];
    };
    expect(pair('José')).toEqual([-1, -1]);
    for (const id of pair('IBM')) expect(id).toBeGreaterThanOrEqual(0);
  });

  it('numbers the words from 0 in the order the instance meets them', () => {
    const fresh = new WinkNlpSource(data.languageModel).current();
    const first = tokenized('The minister met the press.', fresh);
    expect(Array.from(first.tokenWords!.ids)).toEqual([0, 1, 2, 3, 4, 5]);
    const second = tokenized('The press met the minister.', fresh);
    expect(Array.from(second.tokenWords!.ids)).toEqual([0, 4, 2, 3, 1, 5]);
  });

  it('names the instance the ids belong to: a renewed instance is another vocabulary', () => {
    const renewing = new WinkNlpSource(data.languageModel, 5);
    const before = tokenized('Quvexa Zorblin Plimwick Dravenor Skellith Marrowby met.', renewing.current());
    const after = tokenized('Quvexa met.', renewing.current());
    expect(renewing.instances).toBe(2);
    expect(after.tokenWords!.vocabulary).not.toBe(before.tokenWords!.vocabulary);
  });
});

/** A copy of a document without its word ids, as a document whose tokens were made otherwise. */
const withoutIds = (doc: LedeDocument): LedeDocument => ({ ...doc, tokenWords: null });

const TEXTS = [
  ...GOLDEN_ARTICLES.map(({ file }) => readSample(file)),
  "The Boatmen's Union said St.Petersburg's New York-based Bank of England unit met the U.S. Federal Reserve on Monday, 3 March 2025.",
  'NEW YORK 1996-08-22 -- Shares of Delta Air Lines rose in the third quarter, the Asian Development Bank said yesterday.',
  'Fighting in Nagorno-Karabakh went on, ITAR-TASS news agency reported from Bosnia-Herzegovina.',
];

describe('word tables change nothing a stage finds', () => {
  // One extractor reads every text twice: the second time every table already holds its words.
  const extractor = createExtractor();
  const docs = [...TEXTS, ...TEXTS].map((text) => extractor.analyze(text));
  const { ner, dates, entities } = resources;

  it.each(docs.map((doc, i) => [i, doc] as const))('document %i: the tagger’s view (words, keys, shapes, value ids, gazetteer marks)', (_i, doc) => {
    expect(doc.tokenWords).not.toBeNull();
    const plain = buildFeatureView(withoutIds(doc), ner.gazetteer);
    const byWord = buildFeatureView(doc, ner.gazetteer);
    expect(byWord.values).toEqual(plain.values);
    for (const field of ['words', 'keys', 'shapes'] as const) expect(byWord[field]).toEqual(plain[field]);
    for (const field of ['wordIds', 'keyIds', 'shapeIds', 'posIds', 'gazetteer', 'documentCase', 'runStart', 'runEnd'] as const) {
      expect(Array.from(byWord[field]), field).toEqual(Array.from(plain[field]));
    }
    expect(byWord.otherContexts).toEqual(plain.otherContexts);
  });

  it.each(docs.map((doc, i) => [i, doc] as const))('document %i: the date parsers and run masks', (_i, doc) => {
    const plain = selectParsers(dates.parsers, withoutIds(doc));
    const byWord = selectParsers(dates.parsers, doc);
    expect(byWord.parsers).toEqual(plain.parsers);
    expect(Array.from(byWord.sentenceMasks)).toEqual(Array.from(plain.sentenceMasks));
  });

  it.each(docs.map((doc, i) => [i, doc] as const))('document %i: the cues each word may start', (_i, doc) => {
    const forms = new CueForms(resources.cues, doc.tokens, tokenWordsOf(doc));
    const plain = new CueForms(resources.cues, doc.tokens, null);
    doc.tokens.forEach((token, t) => {
      const expected = token.kind === 'word' ? (resources.cues.byForm.get(token.text.toLowerCase()) ?? null) : null;
      expect(forms.at(t)).toBe(expected);
      expect(plain.at(t)).toBe(expected);
    });
  });

  it.each(docs.map((doc, i) => [i, doc] as const))('document %i: the entity rules’ candidates', (_i, doc) => {
    expect(proposeRuleCandidates(doc, entities)).toEqual(proposeRuleCandidates(withoutIds(doc), entities));
  });
});
