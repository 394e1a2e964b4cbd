import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import { findParagraphs } from '../../src/stages/segment.js';
import { loadResourceData } from '../../src/node/load-data.js';

const extractor = createExtractor();

function kinds(text: string): [string, string][] {
  const doc = extractor.analyze(text);
  return doc.paragraphs.map((p) => [p.kind, text.slice(p.start, p.end)]);
}

function furniture(text: string): string[] {
  return extractor.analyze(text).furniture.map((r) => text.slice(r.start, r.end));
}

describe('segment: paragraphs', () => {
  it.each([
    ['one line', 'A single line.', ['A single line.']],
    ['line breaks end paragraphs', 'First.\nSecond.', ['First.', 'Second.']],
    ['blank lines end paragraphs', 'First.\n\n\nSecond.', ['First.', 'Second.']],
    ['CRLF', 'First.\r\nSecond.\r\n', ['First.', 'Second.']],
    ['hard-wrapped lines join', 'The minister said the talks\nwould resume in May.', ['The minister said the talks\nwould resume in May.']],
    ['a headline without a full stop stays apart', 'Talks resume\nThe talks resumed.', ['Talks resume', 'The talks resumed.']],
    ['white space only', ' \n\t\n ', []],
    ['empty', '', []],
  ])('%s', (_name, text, expected) => {
    expect(findParagraphs(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});

describe('segment: page furniture', () => {
  it.each([
    ['separator line', 'Story one.\n-\nStory two.', ['-']],
    ['stars', 'Story one.\n* * *\nStory two.', ['* * *']],
    ['section label', 'Story one. -02D-\nPolitics\n-\nStory two.', ['-02D-', 'Politics', '-']],
    ['agency code', 'Details are not disclosed. -02D-', ['-02D-']],
    ['footer', 'Story.\nLeave a review', ['Leave a review']],
  ])('%s', (_name, text, expected) => {
    expect(furniture(text)).toEqual(expected);
  });

  it.each([
    ['a headline is story, not furniture', 'New details of the meeting Lavrov-Mamedyarov\nThe talks went on.'],
    ['a sentence that mentions politics', 'Politics is the art of the possible, he said.'],
    ['a hyphenated word at the end', 'They met in the run-up.'],
    ['a score at the end', 'Arsenal won 3-1'],
  ])('must find nothing: %s', (_name, text) => {
    expect(furniture(text)).toEqual([]);
  });

  it('classifies the first short line without a full stop as a headline', () => {
    expect(kinds('Floods hit Baku\nHeavy rain flooded tunnels.')).toEqual([
      ['headline', 'Floods hit Baku'],
      ['body', 'Heavy rain flooded tunnels.'],
    ]);
  });

  it('finds every furniture rule example', () => {
    const data = loadResourceData().furniture;
    for (const rule of [...data.footers, ...data.agencyCodes]) {
      for (const example of rule.examples) {
        expect(furniture(`A story.\n${example}`).length, `${rule.id}: ${example}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('tokenize', () => {
  it('aligns tokens to the untouched input', () => {
    const text = 'Lavrov\'s talks in St.Petersburg — “We hope,” he said… 😀 can\'t\n\nNew para.';
    const doc = extractor.analyze(text);
    for (const token of doc.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(doc.tokens.map((t) => t.text)).toContain('Petersburg');
    expect(doc.sentences.length).toBeGreaterThanOrEqual(2);
    for (const s of doc.sentences) expect(doc.paragraphs[s.paragraph]!.start).toBeLessThanOrEqual(s.start);
  });

  it('splits a possessive the same way whatever was read before (regression: wink-nlp token cache)', () => {
    const tokens = (text: string): string[] => extractor.analyze(text).tokens.map((t) => t.text);
    const first = tokens("The Boatmen's Bancshares deal.");
    tokens("He joined Boatmen's.");
    expect(tokens("The Boatmen's Bancshares deal.")).toEqual(first);
    expect(first).toEqual(['The', 'Boatmen', "'s", 'Bancshares', 'deal', '.']);
    expect(tokens('It was Lavrov’s.')).toEqual(['It', 'was', 'Lavrov', '’s', '.']);
  });

  it('never lets a sentence cross a paragraph', () => {
    const text = 'No full stop here\nAnother line without one\nThird.';
    const doc = extractor.analyze(text);
    for (const s of doc.sentences) expect(text.slice(s.start, s.end)).not.toContain('\n');
  });

  it('gives furniture paragraphs no tokens and flags agency codes', () => {
    const text = 'Talks ended. -02D-\nPolitics\n-\nNext story.';
    const doc = extractor.analyze(text);
    expect(doc.tokens.map((t) => t.text)).not.toContain('Politics');
    expect(doc.tokens.filter((t) => t.furniture).map((t) => t.text).join('')).toBe('-02D-');
  });
});
