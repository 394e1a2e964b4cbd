/**
 * WinkNlpSource: wink-nlp learns every token it has not seen and keeps it for the
 * life of its instance, so over a stream of articles its vocabulary grows without
 * end. lede starts a fresh instance once one has learned a set number of words.
 * That must bound the vocabulary and change no result: the tokenize stage reads
 * the same tokens, tags and sentences from an instance that has seen nothing as
 * from one that has seen everything before. A word wink-nlp learns can change how
 * it reads a later text, so before each document the source forgets every learned
 * word but those that cannot (words of Latin letters; numbers, while no text can
 * split one off a word).
 */

import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/core/document.js';
import { compileResources, numberSplitOffWord, WinkNlpSource } from '../src/core/resources.js';
import { validateConfig } from '../src/core/options.js';
import { loadResourceData } from '../src/node/load-data.js';
import { segmentStage } from '../src/stages/segment.js';
import { tokenizeDocument } from '../src/stages/tokenize.js';
import { createExtractor } from '../src/index.js';
import { readSample } from './helpers.js';

const data = loadResourceData();
const resources = compileResources(data, validateConfig(undefined));

/** Made-up words no vocabulary holds: "Quvexa", "Zorblin", ... */
function inventedWords(count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => (state = (state * 48271) % 2147483647);
  return Array.from({ length: count }, () => {
    let word = String.fromCharCode(65 + (next() % 26));
    for (let i = 0, n = 5 + (next() % 4); i < n; i++) word += String.fromCharCode(97 + (next() % 26));
    return word;
  });
}

const TEXTS = [
  readSample('sample-article.txt'),
  readSample('sample-article-single-marks.txt'),
  `${inventedWords(40, 7).join(' met ')} in Qorvath on Monday. "We'll see," said Ms. Blenthwick's aide, who's 42.`,
  "The Boatmen's Union said the Boatmen's strike would end. Boatmen's pay rose 3.5% to $1,200 a week; O'Neill's U.S.-based firm didn't agree.",
];

/** What the tokenize stage reads from a text with the given instance. */
function tokensOf(text: string, nlp: ReturnType<WinkNlpSource['current']>): unknown {
  const doc = createDocument(text, null);
  segmentStage.run(doc, resources);
  tokenizeDocument(doc, nlp);
  return [doc.tokens, doc.sentences];
}

describe('WinkNlpSource', () => {
  it('counts the words its instance learns, and starts a fresh instance once it has learned the limit', () => {
    const source = new WinkNlpSource(data.languageModel, 30);
    const first = source.current();
    expect(source.instances).toBe(1);
    expect(source.learned()).toBe(0);
    // In lower case, each new word is one new lexeme (a capitalised one adds its lower-case form too).
    first.readDoc(inventedWords(20, 1).join(' ').toLowerCase());
    expect(source.learned()).toBe(20);
    expect(source.current()).toBe(first);
    first.readDoc(inventedWords(20, 2).join(' ').toLowerCase());
    expect(source.learned()).toBe(40);
    const second = source.current();
    expect(second).not.toBe(first);
    expect(source.instances).toBe(2);
    expect(source.learned()).toBe(0);
  });

  it('keeps a known word known: a text of common words teaches the instance nothing', () => {
    const source = new WinkNlpSource(data.languageModel, 30);
    source.current().readDoc('The minister said that the government would not change its plans, and 12 of them agreed.');
    expect(source.learned()).toBe(0);
  });

  it('the tokenize stage reads the same tokens and sentences whatever the instance has seen before', () => {
    const fresh = (): ReturnType<WinkNlpSource['current']> => new WinkNlpSource(data.languageModel).current();
    const expected = TEXTS.map((text) => tokensOf(text, fresh()));
    // One instance reading every text twice, in turn: the second time it knows every word.
    const longLived = fresh();
    for (let round = 0; round < 2; round++) TEXTS.forEach((text, i) => expect(tokensOf(text, longLived), `round ${round}, text ${i}`).toEqual(expected[i]));
    // A source renewed every few dozen words, so texts are read by instances with different histories.
    const renewed = new WinkNlpSource(data.languageModel, 25);
    for (let round = 0; round < 2; round++) TEXTS.forEach((text, i) => expect(tokensOf(text, renewed.current()), `round ${round}, text ${i}`).toEqual(expected[i]));
    expect(renewed.instances).toBeGreaterThan(1);
  });

  /** The tokenize stage's reading of each text in turn by one source, and by a fresh source each. */
  function readInTurn(texts: string[]): { shared: unknown[]; fresh: unknown[] } {
    const source = new WinkNlpSource(data.languageModel);
    const shared = texts.map((text) => tokensOf(text, source.current(text)));
    const fresh = texts.map((text) => tokensOf(text, new WinkNlpSource(data.languageModel).current(text)));
    return { shared, fresh };
  }

  // wink-nlp keeps a text whole when its vocabulary holds it, and adds the pieces it
  // splits off to its vocabulary.
  it('a document does not read a word wink-nlp learned from another: "U.S." after "U.S.-led"', () => {
    // Having read "U.S" alone, a fresh instance splits the period off the next "U.S.".
    const text = 'Mexican avocados not expected in U.S .\nThey will not be entering U.S. markets any time soon.';
    const expected = tokensOf(text, new WinkNlpSource(data.languageModel).current(text));
    const source = new WinkNlpSource(data.languageModel);
    expect(tokensOf(text, source.current(text))).toEqual(expected);
    // Splitting "U.S.-led" teaches wink-nlp "U.S." as a word, which it would then keep whole.
    const led = 'The U.S.-led coalition met on Monday.';
    tokensOf(led, source.current(led));
    expect(source.learned()).toBeGreaterThan(0);
    expect(tokensOf(text, source.current(text))).toEqual(expected);
  });

  // A learned word keeps the category it was first given.
  it.each([
    ['a number split off a word at a period, then alone', ['Filed as NYT19980206.0460 on Friday.', 'The index fell 0460 points.']],
    ['a number alone, then split off a word at a period', ['The index fell 0460 points.', 'Filed as NYT19980206.0460 on Friday.', 'It fell 0460 points again.']],
    ['a currency code split off, then alone (and in lower case)', ['It cost USD5 a share.', 'Prices in USD and usd rose.']],
    ['a currency code alone, then split off', ['Prices in usd rose.', 'It cost USD5 a share, in USD.']],
    ['pieces of hyphens and apostrophes', ["The under-21 side and O'Neill's men drew 1-0.", "O'Neill said the under-21s were 1-0 up."]],
  ])('reads %s as a fresh instance does', (_case, texts) => {
    const { shared, fresh } = readInTurn(texts);
    texts.forEach((text, i) => expect(shared[i], text).toEqual(fresh[i]));
  });

  it('keeps what cannot change a reading: new names and numbers are learned once, not in every document', () => {
    const names = `${inventedWords(30, 5).join(' and ')} met on 1996-08-22 and 2026-12-03, scoring 1,234.5 points.`;
    const source = new WinkNlpSource(data.languageModel);
    tokensOf(names, source.current(names));
    const learned = source.learned();
    expect(learned).toBeGreaterThan(30);
    tokensOf(names, source.current(names));
    expect(source.learned()).toBe(learned);
    // A text that could read a number as a word makes the source forget the numbers it kept.
    const split = 'Filed as NYT19980206.0460 on 1996-08-22.';
    tokensOf(split, source.current(split));
    const beforeNames = source.learned();
    tokensOf(names, source.current(names));
    // "1996-08-22", "2026-12-03" and "1,234.5" again: the numbers kept were forgotten
    // before that text, and one learned from it is not kept (there it might have been a word).
    expect(source.learned()).toBe(beforeNames + 3);
  });

  it.each([
    ['NYT19980206.0460', true],
    ['see v1.2 notes', true],
    ['Ärzte.1', true],
    ['US$1.5 billion', true],
    ['It rose 1.5% to $1,234.56 on 1996.08.22.', false],
    ['the end.5 more', true],
    ['the end. 5 more.', false],
    ['word .5', false],
    ['Mr. 5', false],
    ['', false],
  ])('numberSplitOffWord(%j) is %s', (text, expected) => {
    expect(numberSplitOffWord(text)).toBe(expected);
  });

  it('an extractor gives the same result before and after many new words', () => {
    const extractor = createExtractor();
    const text = TEXTS[0]!;
    const before = extractor.extract(text, { publishedAt: '2025-03-14' });
    extractor.extract(inventedWords(3000, 11).join(' and '));
    expect(extractor.extract(text, { publishedAt: '2025-03-14' })).toEqual(before);
  });

});
