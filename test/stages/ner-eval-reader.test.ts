/**
 * The reader behind `npm run eval -- ner` and `npm run train` (scripts/lib/conll.ts):
 * CoNLL-2003's four columns and ner-extra's `token tag` files, rebuilt as text
 * whose gold spans are the tagged words.
 */

import { describe, expect, it } from 'vitest';
import { conllFormatOf, joinSentence, parseConll } from '../../scripts/lib/conll.js';

const NER_EXTRA = [
  '-DOCSTART- O',
  '',
  'I O',
  'do O',
  "n't O",
  'like O',
  'Al B-ORG',
  '- I-ORG',
  'Zaman I-ORG',
  "'s O",
  'ads O',
  '. O',
  '',
  'Germany B-LOC',
  '’s O',
  'team O',
  'played O',
  'in O',
  'Paris B-LOC',
  '. O',
  '',
  '-DOCSTART- O',
  '',
  'We O',
  "'re O",
  'gon O',
  'na O',
  'fly O',
  'I O',
  '- O',
  '44 O',
  'with O',
  'Moon B-PER',
  'Jae I-PER',
  '- I-PER',
  'in I-PER',
  '',
].join('\n');

describe('ner-extra files', () => {
  it('are told from CoNLL-2003 files by their two columns', () => {
    expect(conllFormatOf(NER_EXTRA)).toBe('ner-extra');
    expect(conllFormatOf('-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\n')).toBe('conll2003');
  });

  it('are rebuilt as written text, with UD splits glued back, and spans on the tagged words', () => {
    const documents = parseConll(NER_EXTRA);
    expect(documents).toHaveLength(2);
    expect(documents[0]!.text).toBe("I don't like Al-Zaman's ads.\nGermany’s team played in Paris.");
    expect(documents[0]!.spans.map((s) => `${s.text}/${s.type}`)).toEqual(['Al-Zaman/ORG', 'Germany/LOC', 'Paris/LOC']);
    expect(documents[1]!.text).toBe("We're gonna fly I-44 with Moon Jae-in");
    expect(documents[1]!.spans.map((s) => `${s.text}/${s.type}`)).toEqual(['Moon Jae-in/PER']);
    for (const document of documents) for (const span of document.spans) expect(document.text.slice(span.start, span.end)).toBe(span.text);
  });

  it('give one document per sentence when they have no documents (tweets)', () => {
    const tweets = parseConll('RT O\n@ O\nBBCNews B-ORG\n: O\nstorm O\n\nhello O\nLondon B-LOC\n\n');
    expect(tweets.map((d) => d.text)).toEqual(['RT @ BBCNews: storm', 'hello London']);
    expect(tweets[1]!.spans.map((s) => s.text)).toEqual(['London']);
  });
});

describe('CoNLL-2003 files', () => {
  it('keep a spaced dash as it is (their hyphenated words are whole tokens)', () => {
    expect(joinSentence(['SOCCER', '-', 'JAPAN', 'GET', 'LUCKY', 'WIN']).line).toBe('SOCCER - JAPAN GET LUCKY WIN');
    const [document] = parseConll('-DOCSTART- -X- -X- O\n\nSOCCER NN B-NP O\n- : O O\nJAPAN NNP B-NP I-LOC\n');
    expect(document!.text).toBe('SOCCER - JAPAN');
    expect(document!.spans.map((s) => s.text)).toEqual(['JAPAN']);
  });
});
