/**
 * The entity tagger's parts on hand-built cases: labels, shapes, gazetteer
 * matching, features, Viterbi decoding and the stored model format.
 * (The trained model on real sentences: ner-model.test.ts.)
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { createDocument, type LedeDocument, type Token } from '../../src/core/document.js';
import { buildFeatureView, FeatureStrings, LabelHistory, historyFeatures, shapeOf, staticFeatures, transitionFeatures } from '../../src/stages/ner/features.js';
import { compileGazetteer, listMarksAt, matchGazetteer, nameKeys, tokenKey } from '../../src/stages/ner/gazetteer.js';
import { sortedKeyText } from '../../src/node/load-data.js';
import { canFollow, LABEL_COUNT, LABELS, labelOf, labelsOfSpans, OUTSIDE, spansOfLabels, TRANSITION_ALLOWED } from '../../src/stages/ner/labels.js';
import { DecodeBuffers, tagView, viterbi } from '../../src/stages/ner/decode.js';
import { compileNerModel, quantizeModel, TRANSITION_CELLS, isTransitionFeature, type ScoringModel } from '../../src/stages/ner/model.js';
import { candidatesOf } from '../../src/stages/ner/ner-stage.js';

/** A one-sentence document built by hand: words separated by single spaces (a "^" prefix glues a word to the previous one). */
function handDocument(words: string[], pos: string[] = []): LedeDocument {
  let text = '';
  const tokens: Token[] = [];
  words.forEach((raw, index) => {
    const glued = raw.startsWith('^');
    const word = glued ? raw.slice(1) : raw;
    if (index > 0 && !glued) text += ' ';
    const start = text.length;
    text += word;
    tokens.push({
      index, start, end: text.length, text: word, pos: (pos[index] ?? 'PROPN') as Token['pos'],
      kind: /^\p{L}/u.test(word) ? 'word' : /^\p{N}/u.test(word) ? 'number' : 'punctuation',
      spaceBefore: index === 0 || !glued, sentence: 0, paragraph: 0, furniture: false,
    });
  });
  const doc = createDocument(text, null);
  doc.paragraphs = [{ index: 0, start: 0, end: text.length, kind: 'body', furniture: false }];
  doc.tokens = tokens;
  doc.sentences = [{ index: 0, paragraph: 0, start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length }];
  return doc;
}

const EMPTY_GAZETTEER = compileGazetteer({});

describe('labels (BILOU)', () => {
  it.each([
    ['O', 'B-PER', true], ['O', 'U-LOC', true], ['O', 'I-PER', false], ['O', 'L-PER', false],
    ['B-PER', 'I-PER', true], ['B-PER', 'L-PER', true], ['B-PER', 'L-ORG', false], ['B-PER', 'O', false],
    ['I-ORG', 'L-ORG', true], ['L-ORG', 'B-ORG', true], ['U-PER', 'U-PER', true], ['L-LOC', 'I-LOC', false],
  ])('%s may be followed by %s: %s', (before, after, allowed) => {
    expect(canFollow(LABELS.indexOf(before), LABELS.indexOf(after))).toBe(allowed);
    expect(TRANSITION_ALLOWED[LABELS.indexOf(before) * LABEL_COUNT + LABELS.indexOf(after)]).toBe(allowed ? 1 : 0);
  });

  it('turns spans into labels and back', () => {
    const spans = [
      { tokenStart: 0, tokenEnd: 2, type: 'PER' as const },
      { tokenStart: 3, tokenEnd: 4, type: 'LOC' as const },
      { tokenStart: 4, tokenEnd: 7, type: 'ORG' as const },
    ];
    const labels = labelsOfSpans(8, spans);
    expect([...labels].map((l) => LABELS[l])).toEqual(['B-PER', 'L-PER', 'O', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
    expect(spansOfLabels(labels)).toEqual(spans);
  });

  it('reads illegal sequences leniently: a stray I- opens a span, a type change closes one', () => {
    const labels = ['I-PER', 'L-PER', 'O', 'B-LOC', 'I-ORG', 'L-ORG'].map((l) => LABELS.indexOf(l));
    expect(spansOfLabels(labels)).toEqual([
      { tokenStart: 0, tokenEnd: 2, type: 'PER' },
      { tokenStart: 3, tokenEnd: 4, type: 'LOC' },
      { tokenStart: 4, tokenEnd: 6, type: 'ORG' },
    ]);
  });
});

describe('word shapes', () => {
  it.each([
    ['Lavrov', 'Xx'], ['LAVROV', 'X'], ['U.S.', 'X.X.'], ['1996-08-30', 'd-d-d'], ['McDonald', 'XxXx'],
    ["O'Brien", "X'Xx"], ['Mammadyarov', 'Xx'], ['Şəki', 'Xx'], ['COP29', 'Xd'], ['-', '-'], ['said', 'x'],
  ])('%s -> %s', (word, shape) => {
    expect(shapeOf(word)).toBe(shape);
  });
});

describe('gazetteer matching', () => {
  const gazetteer = compileGazetteer({
    city: ['St. Petersburg', 'Baku', 'New York'],
    country: ['Azerbaijan', 'Russia', 'Nagorno-Karabakh'],
    'person-name': ['ali', 'zaidi'],
  });
  const marks = (words: string[]): string[][] => {
    const result = matchGazetteer(gazetteer, words.map(tokenKey));
    return [...result].map((mask) => {
      const found: string[] = [];
      for (let bit = 0; bit < 32; bit++) if ((mask >>> bit) & 1) found.push(`${gazetteer.listNames[bit >> 2]}:${'BILU'[bit & 3]}`);
      return found;
    });
  };

  it('splits names as wink-nlp splits text', () => {
    expect(nameKeys('St.Petersburg')).toEqual(['st.', 'petersburg']);
    expect(nameKeys('Nagorno-Karabakh')).toEqual(['nagorno', '-', 'karabakh']);
    expect(nameKeys('  New   York ')).toEqual(['new', 'york']);
    // The tokenizer splits a possessive 's off every word of three or more characters.
    expect(nameKeys("King's Lynn")).toEqual(['king', "'s", 'lynn']);
    expect(nameKeys('Saint John’s')).toEqual(['saint', 'john', "'s"]);
    expect(nameKeys("O'Brien")).toEqual(["o'brien"]);
  });

  it('matches a name with a possessive as the tokenizer splits it', () => {
    const withPossessive = compileGazetteer({ city: ["King's Lynn", "St. John's"] });
    const keys = ['King', "'s", 'Lynn', 'and', 'St.', 'John', '’s'].map(tokenKey);
    const found = [...matchGazetteer(withPossessive, keys)].map((mask) => mask !== 0);
    expect(found).toEqual([true, true, true, false, true, true, true]);
  });

  it('folds case and accents', () => {
    expect(tokenKey('BAKU')).toBe('baku');
    expect(tokenKey('Zürich')).toBe('zurich');
    expect(tokenKey('O’Brien')).toBe("o'brien");
  });

  it('marks every token of a name with its position', () => {
    expect(marks(['St.', 'Petersburg', 'and', 'Nagorno', '-', 'Karabakh'])).toEqual([
      ['city:B'], ['city:L'], [], ['country:B'], ['country:I'], ['country:L'],
    ]);
    expect(marks(['BAKU', 'Ali', 'Zaidi', 'new', 'york'])).toEqual([['city:U'], ['person-name:U'], ['person-name:U'], ['city:B'], ['city:L']]);
  });

  it('finds nothing in ordinary words', () => {
    expect(marks(['the', 'minister', 'said', 'on', 'Monday']).flat()).toEqual([]);
  });

  it('reads a TSV list and a sorted key text as it reads a list of names', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `name${String(i).padStart(5, '0')}`);
    const keys = [...many, 'lavrov', "o'brien", 'zaidi', 'a', 'ab', 'abc', 'b'].sort();
    const fromNames = compileGazetteer({ 'person-name': keys });
    const fromTsv = compileGazetteer({ 'person-name': { tsv: `# a comment\n${keys.join('\n')}\n` } });
    const fromSorted = compileGazetteer({ 'person-name': { sortedKeys: `${keys.join('\n')}\n` } });
    const withoutLastNewline = compileGazetteer({ 'person-name': { sortedKeys: keys.join('\n') } });
    const words = ['Lavrov', 'said', 'name00042', "O'Brien", 'Zaidi', 'name', 'name000420', 'a', 'aa', 'ab', 'abcd', 'b', 'c', 'zaidis', 'name04999', 'name05000', '', '#', '# a comment'];
    const expected = [true, false, true, true, true, false, false, true, false, true, false, true, false, false, true, false, false, false, false];
    for (const gazetteer of [fromNames, fromTsv, fromSorted, withoutLastNewline]) expect([...matchGazetteer(gazetteer, words.map(tokenKey))].map((m) => m !== 0)).toEqual(expected);
    // Every key of a sorted text is found, wherever the bisection meets it.
    for (const gazetteer of [fromSorted, withoutLastNewline]) expect([...matchGazetteer(gazetteer, keys)].every((m) => m !== 0)).toBe(true);
  });

  it('takes the key column where there is one, and the name with A-Z lower-cased elsewhere', () => {
    const tsv = '# source\nBaku\tAZ\nSão Paulo\tBR\tsao paulo\nSt.Petersburg\tRU\tst. petersburg\nmayor\thead\nNew York\nØrsta\tNO\n';
    const keyed = compileGazetteer({ city: { tsv } });
    const found = (words: string[]): boolean[] => [...matchGazetteer(keyed, words.map(tokenKey))].map((m) => m !== 0);
    expect(found(['São', 'Paulo', 'St.', 'Petersburg', 'BAKU', 'Mayor', 'new', 'york'])).toEqual([true, true, true, true, true, true, true, true]);
    // Not the name's own spelling where a key column stands, nor a line's note.
    expect([...matchGazetteer(keyed, ['são', 'paulo', 'st.petersburg', 'az', 'head', 'new', 'yorkshire'])].map((m) => m !== 0)).toEqual([false, false, false, false, false, false, false]);
    // Without a key column only A-Z are lower-cased: the build writes keys for "Ørsta".
    expect(found(['Ørsta'])).toEqual([false]);
  });

  it('matches every name of several tokens, and no run that is only the start of one', () => {
    const gazetteer = compileGazetteer({ city: ['New York City', 'New York'], country: ['York'] });
    const listsAt = (words: string[]): string[][] =>
      [...matchGazetteer(gazetteer, words.map(tokenKey))].map((mask) => {
        const found: string[] = [];
        for (let bit = 0; bit < 32; bit++) if ((mask >>> bit) & 1) found.push(`${gazetteer.listNames[bit >> 2]}:${'BILU'[bit & 3]}`);
        return found;
      });
    expect(listsAt(['New', 'York', 'City'])).toEqual([['city:B'], ['city:I', 'city:L', 'country:U'], ['city:L']]);
    expect(listsAt(['New', 'City'])).toEqual([[], []]);
    expect(listsAt(['new york', 'city'])).toEqual([[], []]);
  });

  it('keeps the marks of lists 9 to 16 in a second plane', () => {
    const many = compileGazetteer({
      capital: ['Baku'], city: ['Baku'], club: ['Bayer Leverkusen'], company: ['Iridium Communications'], country: ['Azerbaijan'],
      demonym: ['Azerbaijani'], organization: ['Nvidia'], 'person-name': ['ali'], region: ['Western Asia'], title: ['minister'],
      trademark: ['Boeing 737', 'Kospi'], university: ['Baku State University'],
    });
    expect(many.planes).toBe(2);
    const keys = ['Baku', 'State', 'University', 'and', 'Boeing', '737', 'and', 'Kospi'].map(tokenKey);
    const marks = matchGazetteer(many, keys);
    expect(marks).toHaveLength(keys.length * 2);
    const at = (list: string, i: number): number => listMarksAt(marks, keys.length, many.listNames.indexOf(list), i);
    expect([at('city', 0), at('capital', 0), at('university', 0), at('university', 1), at('university', 2)]).toEqual([8, 8, 1, 2, 4]);
    expect([at('trademark', 4), at('trademark', 5), at('trademark', 7), at('title', 7)]).toEqual([1, 4, 8, 0]);
    // The first plane is what it was with eight lists.
    expect(marks[0]).toBe((1 << (many.listNames.indexOf('capital') * 4 + 3)) | (1 << (many.listNames.indexOf('city') * 4 + 3)));
  });

  it('looks up sorted-key lists for the tokens it is told to search, the other lists for every token', () => {
    const gazetteer = compileGazetteer({ 'person-name': { sortedKeys: 'ali\n' }, city: ['Ali'] });
    const [both, cityOnly] = matchGazetteer(gazetteer, ['ali', 'ali'], Uint8Array.from([1, 0]));
    expect(both).not.toBe(cityOnly);
    expect(cityOnly).toBe(1 << (gazetteer.listNames.indexOf('city') * 4 + 3));
  });
});

describe('features', () => {
  const doc = handDocument(['Foreign', 'Minister', 'Sergey', 'Lavrov', '^-', '^Mamedyarov', 'said', '.'], ['PROPN', 'PROPN', 'PROPN', 'PROPN', 'PUNCT', 'PROPN', 'VERB', 'PUNCT']);
  const gazetteer = compileGazetteer({ 'person-name': ['sergey'], title: ['minister'] });
  const view = buildFeatureView(doc, gazetteer);
  const featuresOf = (i: number): string[] => {
    const sink = new FeatureStrings();
    staticFeatures(view, i, 0, doc.tokens.length, sink);
    return sink.out;
  };

  it('describes a token by its word, key, affixes, shape, POS and window', () => {
    const features = featuresOf(3);
    for (const f of ['w=Lavrov', 'k=lavrov', 'pre2=la', 'suf3=rov', 's=Xx', 'p=PROPN', 'k-1=sergey', 'k-2=minister', 'k+1=-', 'k+2=mamedyarov', 'k-1k=sergey|lavrov', 'g-1=person-name:U']) {
      expect(features).toContain(f);
    }
  });

  it('marks sentence starts, gazetteer membership and glued tokens', () => {
    expect(featuresOf(0)).toContain('first');
    expect(featuresOf(0)).toContain('k-1=<s>');
    expect(featuresOf(1)).toContain('g=title:U');
    expect(featuresOf(2)).toContain('g=person-name:U');
    expect(featuresOf(4)).toContain('glued');
    expect(featuresOf(7)).toContain('k+1=</s>');
    expect(featuresOf(3)).not.toContain('glued');
  });

  it('gives every word of a run of capitalised words the context of the whole run', () => {
    const run = buildFeatureView(handDocument(['Shares', 'of', 'Delta', 'Air', 'Lines', 'and', 'Bank', 'of', 'England', 'rose', '.'], ['NOUN', 'ADP']), EMPTY_GAZETTEER);
    const of = (i: number): string[] => {
      const sink = new FeatureStrings();
      staticFeatures(run, i, 0, 11, sink);
      return sink.out.filter((f) => /^r(p|n|ns|n2|l)=/.test(f));
    };
    // "of" joins ("Bank of England"), but not after the sentence's first word alone; "and" ends a run.
    expect(of(2)).toEqual(['rp=of', 'rn=and', 'rns=x', 'rn2=and|bank', 'rl=lines']);
    expect(of(0)).toEqual(['rp=<s>', 'rn=of', 'rns=x', 'rn2=of|delta']);
    expect(of(4)).toEqual(of(2));
    expect(of(8)).toEqual(['rp=and', 'rn=rose', 'rns=x', 'rn2=rose|.', 'rl=england']);
    expect(of(5)).toEqual([]);
  });

  it('drops the case-sensitive word in an all-caps line and says so', () => {
    const caps = buildFeatureView(handDocument(['LAVROV', 'MEETS', 'MAMMADYAROV']), EMPTY_GAZETTEER);
    const sink = new FeatureStrings();
    staticFeatures(caps, 0, 0, 3, sink);
    expect(sink.out).toContain('caps');
    expect(sink.out).toContain('k=lavrov');
    expect(sink.out.some((f) => f.startsWith('w='))).toBe(false);
    expect(caps.topic).toBe('lavrov');
  });

  it('aggregates the contexts of a word’s other occurrences', () => {
    const twice = buildFeatureView(handDocument(['Minister', 'Lavrov', 'met', 'Lavrov', 'Inc']), EMPTY_GAZETTEER);
    expect(twice.otherContexts[1]).toMatchObject({ before: ['met'], after: ['inc'] });
    expect(twice.otherContexts[1]!.beforeIds.map((id) => twice.values[id])).toEqual(['met']);
    expect(twice.otherContexts[1]!.afterIds.map((id) => twice.values[id])).toEqual(['inc']);
    expect(twice.otherContexts[2]).toBeNull();
  });

  it('reads how a word was labelled earlier in the article', () => {
    const history = new LabelHistory();
    history.record('lavrov', labelOf('U', 'PER'));
    history.record('lavrov', labelOf('B', 'PER'));
    history.record('lavrov', OUTSIDE);
    const sink = new FeatureStrings();
    historyFeatures(view, 3, history, sink);
    expect(sink.out).toEqual(['h=PER', 'h=PER|Xx']);
  });

  it('names transition features with a leading T', () => {
    const sink = new FeatureStrings();
    transitionFeatures(view, 3, 0, sink);
    expect(sink.out).toEqual(['T', 'Ts=Xx', 'Tss=Xx|Xx']);
    expect(sink.out.every(isTransitionFeature)).toBe(true);
  });
});

/** A tiny model over the features above: weights given by hand. */
function handModel(emission: Record<string, Partial<Record<string, number>>>, transition: Record<string, Partial<Record<string, number>>> = {}): ScoringModel {
  const names = [...Object.keys(emission), ...Object.keys(transition)];
  const weights = new Float64Array(Object.keys(emission).length * LABEL_COUNT);
  Object.values(emission).forEach((row, r) => {
    for (const [label, w] of Object.entries(row)) weights[r * LABEL_COUNT + LABELS.indexOf(label)] = w!;
  });
  const transitions = new Float64Array(Object.keys(transition).length * TRANSITION_CELLS);
  Object.values(transition).forEach((cells, r) => {
    for (const [pair, w] of Object.entries(cells)) {
      const [from, to] = pair.split('>');
      transitions[r * TRANSITION_CELLS + LABELS.indexOf(from!) * LABEL_COUNT + LABELS.indexOf(to!)] = w!;
    }
  });
  const data = quantizeModel(
    {
      names,
      rowOf: (name) => (isTransitionFeature(name) ? Object.keys(transition).indexOf(name) : Object.keys(emission).indexOf(name)),
      weights,
      transitions,
    },
    { name: 'hand', history: false },
    0,
  );
  return compileNerModel(data);
}

describe('Viterbi decoding', () => {
  const decode = (emissions: number[][], transition?: (from: number, to: number) => number): string[] => {
    const buffers = new DecodeBuffers();
    buffers.reserve(emissions.length);
    emissions.forEach((row, i) => row.forEach((score, l) => (buffers.emissions[i * LABEL_COUNT + l] = score)));
    const matrix = new Float64Array(TRANSITION_CELLS);
    if (transition) for (let a = 0; a < LABEL_COUNT; a++) for (let b = 0; b < LABEL_COUNT; b++) matrix[a * LABEL_COUNT + b] = transition(a, b);
    for (let i = 0; i < emissions.length; i++) buffers.matrices[i] = matrix;
    const labels = new Uint8Array(emissions.length);
    viterbi(buffers, emissions.length, labels, new Float32Array(emissions.length), 0);
    return [...labels].map((l) => LABELS[l]!);
  };
  const scores = (...best: Record<string, number>[]): number[][] =>
    best.map((row) => LABELS.map((label) => row[label] ?? 0));

  it('takes the best label where every sequence is legal', () => {
    expect(decode(scores({ 'U-PER': 3 }, { O: 2 }, { 'U-LOC': 1 }))).toEqual(['U-PER', 'O', 'U-LOC']);
  });

  it('never ends a sentence inside a name and never leaves B- unclosed', () => {
    // Locally, B-PER then O is best; the legal sequence B-PER L-PER wins.
    expect(decode(scores({ 'B-PER': 5, 'U-PER': 1 }, { O: 1, 'L-PER': 0.5 }))).toEqual(['B-PER', 'L-PER']);
    expect(decode(scores({ 'B-ORG': 5 }))).not.toContain('B-ORG');
  });

  it('lets later evidence revise an early choice (what greedy decoding cannot)', () => {
    // "Jones Medical Industries Inc": "Jones" looks like a person, "Inc" makes the whole an organisation.
    const result = decode(scores({ 'B-PER': 2, 'B-ORG': 1.5 }, { 'I-PER': 1, 'I-ORG': 1 }, { 'I-ORG': 1, 'I-PER': 1 }, { 'L-ORG': 4, 'L-PER': 0 }));
    expect(result).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'L-ORG']);
  });

  it('adds transition weights', () => {
    const noisy = scores({ 'U-PER': 1, O: 0.9 }, { 'U-PER': 1, O: 0.9 });
    expect(decode(noisy)).toEqual(['U-PER', 'U-PER']);
    const penalty = (from: number, to: number): number => (LABELS[from] === 'U-PER' && LABELS[to] === 'U-PER' ? -5 : 0);
    expect(decode(noisy, penalty)).toContain('O');
  });
});

describe('tagging a hand-built document with a hand-made model', () => {
  const model = handModel(
    { 'k=lavrov': { 'U-PER': 4 }, 'k=moscow': { 'U-LOC': 4 }, bias: { O: 1 } },
    { T: { 'U-PER>U-LOC': -1 } },
  );
  const doc = handDocument(['Lavrov', 'flew', 'to', 'Moscow', '.']);

  it('proposes one candidate per span, with offsets into the text and a score in [0, 1]', () => {
    const tagged = tagView(buildFeatureView(doc, EMPTY_GAZETTEER), model);
    const candidates = candidatesOf(tagged, 'hand');
    expect(candidates.map((c) => [doc.text.slice(c.start, c.end), c.type, c.tokenStart, c.tokenEnd])).toEqual([
      ['Lavrov', 'person', 0, 1],
      ['Moscow', 'place', 3, 4],
    ]);
    for (const c of candidates) {
      expect(c.provenance.stage).toBe('ner');
      expect(c.provenance.rule).toBe('hand');
      expect(c.provenance.score).toBeGreaterThanOrEqual(0);
      expect(c.provenance.score).toBeLessThanOrEqual(1);
    }
  });

  it('skips furniture tokens and ends names before them', () => {
    const withCode = handDocument(['Lavrov', 'Moscow', '-02D-']);
    withCode.tokens[2]!.furniture = true;
    const tagged = tagView(buildFeatureView(withCode, EMPTY_GAZETTEER), model);
    expect(tagged.labels[2]).toBe(OUTSIDE);
    expect(candidatesOf(tagged, 'hand').map((c) => withCode.text.slice(c.start, c.end))).toEqual(['Lavrov', 'Moscow']);
  });

  it('finds nothing when the model knows none of the words', () => {
    const plain = handDocument(['the', 'minister', 'said', 'on', 'Monday']);
    expect(candidatesOf(tagView(buildFeatureView(plain, EMPTY_GAZETTEER), model), 'hand')).toEqual([]);
  });
});

describe('lower-case words inside names', () => {
  // A model that would carry a person's name across any word: every token scores I-PER highly.
  const greedy = handModel(
    { 'k=merkel': { 'B-PER': 5, 'U-PER': 4 }, 'k=macron': { 'L-PER': 5, 'U-PER': 4 }, bias: { 'I-PER': 3, O: 1 } },
    { T: {} },
  );
  const spans = (words: string[]): string[] => {
    const doc = handDocument(words);
    return candidatesOf(tagView(buildFeatureView(doc, EMPTY_GAZETTEER), greedy), 'hand').map((c) => `${doc.text.slice(c.start, c.end)}/${c.type}`);
  };

  it.each([
    [['Merkel', 'met', 'Macron'], ['Merkel/person', 'Macron/person']],
    [['Merkel', 'and', 'Macron'], ['Merkel and Macron/person']],
    [['Merkel', 'von', 'Macron'], ['Merkel von Macron/person']],
    [['Merkel', '^-', '^ur', '^-', '^Macron'], ['Merkel-ur-Macron/person']],
  ])('%j gives %j', (words, expected) => {
    expect(spans(words)).toEqual(expected);
  });

  // Such a word is labelled O without being scored, so a misc name does not take it either.
  const wide = handModel(
    { 'k=world': { 'B-MISC': 5, 'U-MISC': 4 }, 'k=dar': { 'B-LOC': 5 }, 'k=salaam': { 'L-LOC': 5 }, bias: { 'I-MISC': 3, 'L-MISC': 3, 'I-LOC': 3, O: 1 } },
    { T: {} },
  );
  const wideSpans = (words: string[]): string[] => {
    const doc = handDocument(words);
    return candidatesOf(tagView(buildFeatureView(doc, EMPTY_GAZETTEER), wide), 'hand').map((c) => `${doc.text.slice(c.start, c.end)}/${c.type}`);
  };
  it.each([
    [['World', 'cup', 'final'], ['World/misc']],
    [['World', 'of', 'Sport'], ['World of Sport/misc']],
    [['Dar', 'es', 'Salaam'], ['Dar es Salaam/place']],
  ])('%j gives %j', (words, expected) => {
    expect(wideSpans(words)).toEqual(expected);
  });
});

describe('names after an honorific', () => {
  // A model that reads 'Warren' as an organisation, more strongly than as a person.
  const model = handModel({ 'k=warren': { 'U-ORG': 5, 'U-PER': 3 }, 'k=universe': { 'L-MISC': 5 }, 'k=miss': { 'B-MISC': 2 }, bias: { O: 1 } }, { T: {} });
  const honorifics = new Set(['sen.', 'miss', 'mx']);
  const spans = (words: string[]): string[] => {
    const doc = handDocument(words);
    return candidatesOf(tagView(buildFeatureView(doc, EMPTY_GAZETTEER), model, honorifics), 'hand').map((c) => `${doc.text.slice(c.start, c.end)}/${c.type}`);
  };

  it.each([
    [['Sen.', 'Warren', 'said'], ['Warren/person']],
    [['Warren', 'said'], ['Warren/organization']],
    [['sen.', 'Warren'], ['Warren/organization']],
    [['MX', 'Warren'], ['Warren/organization']],
    // The honorific may begin the name itself: only a new name is ruled out.
    [['Miss', 'Universe'], ['Miss Universe/misc']],
  ])('%j gives %j', (words, expected) => {
    expect(spans(words)).toEqual(expected);
  });
});

describe('names across the end of a title phrase', () => {
  // A model that runs an organisation from 'Transportation' on through the next words.
  const model = handModel(
    { 'k=transportation': { 'B-ORG': 5 }, 'k=emeka': { 'I-ORG': 5, 'B-PER': 2 }, 'k=okonkwo': { 'L-ORG': 5, 'L-PER': 4 }, bias: { O: 1 } },
    { T: {} },
  );
  const titles = compileGazetteer({ title: ['minister', 'minister of transportation', 'minister of transportation and ports'] });
  const spans = (words: string[]): string[] => {
    const doc = handDocument(words);
    return candidatesOf(tagView(buildFeatureView(doc, titles), model), 'hand').map((c) => `${doc.text.slice(c.start, c.end)}/${c.type}`);
  };

  it('starts a name after the phrase, not one running on from its last word', () => {
    expect(spans(['Minister', 'of', 'Transportation', 'Emeka', 'Okonkwo'])).toEqual(['Emeka Okonkwo/person']);
  });

  it('leaves a word that ends only a shorter phrase inside a longer one, and text without a title', () => {
    // 'Transportation' ends 'minister of transportation' but lies inside the longer phrase: a name may run on there.
    expect(spans(['Minister', 'of', 'Transportation', 'and', 'Ports', 'Emeka', 'Okonkwo'])).toEqual(['Transportation and/organization', 'Emeka Okonkwo/person']);
    expect(spans(['Transportation', 'Emeka', 'Okonkwo'])).toEqual(['Transportation Emeka Okonkwo/organization']);
  });
});

describe('stored model format', () => {
  it('round-trips weights through quantisation within the int16 step', () => {
    const model = handModel({ 'w=Lavrov': { 'U-PER': 2.5, O: -1.25 }, bias: { O: 0.001 } }, { 'Ts=Xx': { 'O>U-PER': 0.75 } });
    const row = model.unaryRow('w=', 'Lavrov');
    expect(row).toBeGreaterThanOrEqual(0);
    expect(model.weights[row * LABEL_COUNT + LABELS.indexOf('U-PER')]! * model.scale).toBeCloseTo(2.5, 3);
    expect(model.weights[row * LABEL_COUNT + OUTSIDE]! * model.scale).toBeCloseTo(-1.25, 3);
    expect(model.row('w=Lavrov')).toBe(row);
    const t = model.transitionRow('Ts=Xx');
    expect(model.transitions[t * TRANSITION_CELLS + OUTSIDE * LABEL_COUNT + LABELS.indexOf('U-PER')]! * model.scale).toBeCloseTo(0.75, 3);
    expect(model.unaryRow('w=', 'Unknown')).toBe(-1);
  });

  it('indexes pair features by both values', () => {
    const model = handModel({ 'k-1k=minister|lavrov': { 'U-PER': 1 } });
    expect(model.pairRow('k-1k=', 'minister', 'lavrov')).toBe(0);
    expect(model.row('k-1k=minister|lavrov')).toBe(0);
    expect(model.pairRow('k-1k=', 'minister', 'other')).toBe(-1);
  });

  it('finds a feature however its name is split into template and values', () => {
    const model = handModel({ 'k-1k=a|b': { 'U-PER': 1 }, 'first:k=x': { 'U-LOC': 1 }, bias: { O: 1 } }, { 'Tss=X|Xx': { 'O>U-PER': 1 } });
    expect(model.pairRow('k-1k=', 'a', 'b')).toBe(0);
    expect(model.unaryRow('k-1k=', 'a|b')).toBe(0);
    expect(model.unaryRow('k-1k=a', '|b')).toBe(0);
    expect(model.unaryRow('first:k=', 'x')).toBe(1);
    expect(model.row('bias')).toBe(2);
    expect(model.transitionRow('Tss=X|Xx')).toBe(0);
    // Prefixes, extensions and near misses of a name are other features.
    for (const [template, value] of [['k-1k=', 'a|'], ['k-1k=', 'a|bc'], ['first:k=', ''], ['first:k=', 'xx'], ['first:', 'x'], ['bia', ''], ['bias', ' '], ['', 'bia']] as const) {
      expect(model.row(template + value)).toBe(-1);
      expect(model.unaryRow(template, value)).toBe(-1);
    }
    expect(model.pairRow('k-1k=', 'a', 'c')).toBe(-1);
    expect(model.pairRow('k-1k=', 'a', '')).toBe(-1);
    expect(model.pairRow('k-1k=', '', 'a|b')).toBe(-1);
    // Emission and transition features are looked up only as what they are.
    expect(model.row('Tss=X|Xx')).toBe(-1);
    expect(model.transitionRow('bias')).toBe(-1);
  });

  it('tells apart names whose hashes collide (FNV-1a: "w=1ya8" and "w=yki6", "w=1ya9" and "w=yki7")', () => {
    const model = handModel({ 'w=1ya8': { 'U-PER': 1 }, 'w=yki6': { 'U-LOC': 1 }, 'w=1ya9': { 'U-ORG': 1 } });
    expect(model.unaryRow('w=', '1ya8')).toBe(0);
    expect(model.unaryRow('w=', 'yki6')).toBe(1);
    expect(model.row('w=yki6')).toBe(1);
    expect(model.unaryRow('w=', '1ya9')).toBe(2);
    expect(model.unaryRow('w=', 'yki7')).toBe(-1);
    expect(model.row('w=yki7')).toBe(-1);
  });

  it('refuses files that are out of step, and says what to do', () => {
    const data = quantizeModel({ names: ['bias'], rowOf: () => 0, weights: new Float64Array(LABEL_COUNT).fill(1), transitions: new Float64Array(0) }, { name: 'broken', history: false }, 0);
    expect(() => compileNerModel({ ...data, weights: data.weights.slice(1) })).toThrow(/out of step.*npm run train/);
    expect(() => compileNerModel({ ...data, meta: { ...data.meta, labels: ['O', 'PER'] } })).toThrow(/retrain it with npm run train/);
  });
});

describe('gazetteer files', () => {
  it('stores person-name as lower-case one-word keys in code-unit order, with no empty line (the bisection relies on it)', () => {
    const { sortedKeys } = sortedKeyText(readFileSync(join(ROOT, 'data', 'gazetteer', 'person-name.tsv'), 'utf8'));
    expect(sortedKeys.endsWith('\n')).toBe(true);
    const keys = sortedKeys.slice(0, -1).split('\n');
    expect(keys.length).toBeGreaterThan(100_000);
    for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) throw new Error(`person-name.tsv out of order at line ${i}: ${keys[i - 1]} >= ${keys[i]}`);
    expect(keys.every((k) => k !== '' && k === tokenKey(k) && nameKeys(k).join(' ') === k)).toBe(true);
  });

  it.each(['capital', 'city', 'country', 'demonym', 'organization', 'region', 'title'])('%s.tsv holds the keys nameKeys gives wherever they are not the name with A-Z lower-cased', (list) => {
    const lines = readFileSync(join(ROOT, 'data', 'gazetteer', `${list}.tsv`), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    for (const line of lines) {
      const [name, , keys] = line.split('\t');
      expect(keys ?? name!.replace(/[A-Z]/g, (c) => c.toLowerCase())).toBe(nameKeys(name!).join(' '));
    }
  });
});
