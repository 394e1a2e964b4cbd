/**
 * The tagger scores a token's static features through groupedStaticFeatures
 * (decode.ts keeps the sum of each group of a word's features by word id):
 * it must give exactly the features staticFeatures gives (which training uses),
 * on real articles: body text, a headline in capitals, sentence bounds, runs of
 * capitalised words and gazetteer marks.
 */

import { describe, expect, it } from 'vitest';
import { readSample } from '../helpers.js';
import { createExtractor } from '../../src/index.js';
import { compileResources } from '../../src/core/resources.js';
import { validateConfig } from '../../src/core/options.js';
import { loadResourceData } from '../../src/node/load-data.js';
import {
  afterFeatures, beforeFeatures, bigramFeature, buildFeatureView, FeatureStrings, groupedStaticFeatures, markFeatures, ownFeatures, staticFeatures, stateFeatures,
  type BigramSide, type FeatureView, type GroupedFeatureSink,
} from '../../src/stages/ner/features.js';
import { GOLDEN_ARTICLES } from '../golden/articles.js';

/** Collects features as strings, the groups expanded. */
class ExpandedGroups extends FeatureStrings implements GroupedFeatureSink {
  constructor(private readonly view: FeatureView) {
    super();
  }
  own(i: number): void {
    ownFeatures(this.view, i, this);
  }
  before(j: number): void {
    beforeFeatures(this.view, j, this);
  }
  after(j: number): void {
    afterFeatures(this.view, j, this);
  }
  marks(which: number, j: number): void {
    markFeatures(this.view, which, j, this);
  }
  state(i: number, sentenceStart: number, sentenceEnd: number): void {
    stateFeatures(this.view, i, sentenceStart, sentenceEnd, this);
  }
  bigram(asSecond: string, asFirst: string, first: string, second: string, firstId: number, secondId: number, side: BigramSide): void {
    bigramFeature(asSecond, asFirst, first, second, firstId, secondId, side, this);
  }
}

const extractor = createExtractor();
const { gazetteer } = compileResources(loadResourceData(), validateConfig(undefined)).ner;

const TEXTS: [string, string][] = [
  ...GOLDEN_ARTICLES.map((article): [string, string] => [article.file, readSample(article.file)]),
  ['a headline in capitals and a short body', 'LAVROV MEETS MAMMADYAROV IN MOSCOW\n\nRussian Foreign Minister Sergey Lavrov met Mr. Mammadyarov. Shares of Delta Air Lines rose.'],
  ['one word', 'Hello'],
];

describe('groupedStaticFeatures', () => {
  it.each(TEXTS)('gives the features of staticFeatures: %s', (_, text) => {
    const doc = extractor.analyze(text);
    const view = buildFeatureView(doc, gazetteer);
    let tokens = 0;
    for (const sentence of doc.sentences) {
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const plain = new FeatureStrings();
        staticFeatures(view, i, sentence.tokenStart, sentence.tokenEnd, plain);
        const grouped = new ExpandedGroups(view);
        groupedStaticFeatures(view, i, sentence.tokenStart, sentence.tokenEnd, grouped);
        expect(grouped.out.sort()).toEqual(plain.out.sort());
        tokens++;
      }
    }
    expect(tokens).toBeGreaterThan(0);
  });
});
