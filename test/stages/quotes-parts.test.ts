/**
 * Quote.parts (DESIGN §2): an utterance its attribution interrupts is one quote in
 * several parts, with one speaker; its span runs from the first part's start to the
 * last part's end. An uninterrupted quote has one part, equal to its own span.
 */

import { describe, it } from 'vitest';
import { expectQuoteRows, type QuoteRow } from './quote-rows.js';

describe('quotes: a quote in marks interrupted by its attribution is one quote in two parts', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['"…," she said, "…"', '"We will not give in," she said, "not now."', [
      { quote: 'We will not give in," she said, "not now.', parts: ['We will not give in,', 'not now.'], kind: 'direct', speaker: 'she', cue: 'said' },
    ]],
    ['"…," said X, "…"', '“The border stays closed,” said Lavrov, “until the talks resume.”', [
      { quote: 'The border stays closed,” said Lavrov, “until the talks resume.', parts: ['The border stays closed,', 'until the talks resume.'], kind: 'direct', speaker: 'Lavrov', cue: 'said' },
    ]],
    ['an adjunct after the attribution', '"We will win," Smith told the crowd at a rally in Ohio, "whatever they say."', [
      { quote: 'We will win," Smith told the crowd at a rally in Ohio, "whatever they say.', parts: ['We will win,', 'whatever they say.'], kind: 'direct', speaker: 'Smith', cue: 'told' },
    ]],
    ['the second part goes on over two sentences', '"If the vote fails," Vaher said, "we will try again. Nobody is giving up."', [
      { quote: 'If the vote fails," Vaher said, "we will try again. Nobody is giving up.', parts: ['If the vote fails,', 'we will try again. Nobody is giving up.'], kind: 'direct', speaker: 'Vaher', cue: 'said' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});

describe('quotes: quotes in marks that stay apart', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['the first part ends its sentence', '"We will win." she said. "Now."', [
      { quote: 'We will win.', kind: 'direct', speaker: 'she' },
      { quote: 'Now.', kind: 'direct', speaker: 'she' },
    ]],
    ['the attribution ends its sentence', '"We will win," Lavrov said. "The talks will resume in May."', [
      { quote: 'We will win,', kind: 'direct', speaker: 'Lavrov' },
      { quote: 'The talks will resume in May.', kind: 'direct', speaker: 'Lavrov' },
    ]],
    ['the second quote has an attribution of its own', '"We won," Smith said, "and we will win again," he added.', [
      { quote: 'We won,', kind: 'direct', speaker: 'Smith', cue: 'said' },
      { quote: 'and we will win again,', kind: 'direct', speaker: 'he', cue: 'added' },
    ]],
    ['a colon introduces the next quote', '"We won," Smith said, adding: "It was close."', [
      { quote: 'We won,', kind: 'direct', speaker: 'Smith', cue: 'said' },
      { quote: 'It was close.', kind: 'direct', speaker: 'Smith' },
    ]],
    ['an uninterrupted quote is its one part', '"We will win," said Lavrov.', [{ quote: 'We will win,', parts: ['We will win,'], kind: 'direct', speaker: 'Lavrov' }]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});

describe('quotes: reported speech split by its attribution is one quote in two parts', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['SUBJECT, X said, PREDICATE', 'Many of the closures, he said, have involved public courses.', [
      { quote: 'Many of the closures, he said, have involved public courses', parts: ['Many of the closures', 'have involved public courses'], kind: 'indirect', speaker: 'he', cue: 'said' },
    ]],
    ['an adverb between the speaker and the cue', 'Climate change, Mr. Saar often says, is the greatest threat the port faces.', [
      { quote: 'Climate change, Mr. Saar often says, is the greatest threat the port faces', parts: ['Climate change', 'is the greatest threat the port faces'], kind: 'indirect', speaker: 'Saar', cue: 'says' },
    ]],
    ['a one-word subject', 'Tartu, Lund said, needs a second bridge.', [
      { quote: 'Tartu, Lund said, needs a second bridge', parts: ['Tartu', 'needs a second bridge'], kind: 'indirect', speaker: 'Lund', cue: 'said' },
    ]],
    ['a subject with a relative clause, a day after the cue', 'The plan that passed, she said Tuesday, was a mistake.', [
      { quote: 'The plan that passed, she said Tuesday, was a mistake', parts: ['The plan that passed', 'was a mistake'], kind: 'indirect', speaker: 'she', cue: 'said' },
    ]],
    ['a plural noun the tagger may read as a verb', 'Acts of protest, Mr. Obama said, are acts of patriotism.', [
      { quote: 'Acts of protest, Mr. Obama said, are acts of patriotism', parts: ['Acts of protest', 'are acts of patriotism'], kind: 'indirect', speaker: 'Obama', cue: 'said' },
    ]],
    ['This campaign, he says, is different', 'This campaign, he says, is different.', [
      { quote: 'This campaign, he says, is different', parts: ['This campaign', 'is different'], kind: 'indirect', speaker: 'he', cue: 'says' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });

  it.each<[string, string, QuoteRow[]]>([
    ['after a fronted adverbial the report is the clause after the attribution', 'In any case, Mr. Saar said, the port was vastly over-supplied with cranes.',
      [{ quote: 'the port was vastly over-supplied with cranes', kind: 'indirect', speaker: 'Saar', cue: 'said' }]],
    ['a whole clause before the attribution is the report', 'The port is over-supplied, Mr. Saar said on Monday.',
      [{ quote: 'The port is over-supplied', kind: 'indirect', speaker: 'Saar', cue: 'said' }]],
    ['a participle after the attribution is the speaker\'s own predicate', 'The port is full, he said, before leaving the meeting.',
      [{ quote: 'The port is full', kind: 'indirect', speaker: 'he', cue: 'said' }]],
  ])('one part: %s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});
