/**
 * Speakers read from the clause around the cue (issue 16, second pass), through the
 * whole pipeline on invented news text: who speaks when the phrase next to the cue
 * is not the speaker, and which quote a speakerless quote continues.
 */

import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import { expectValidResult } from '../helpers.js';

const lede = createExtractor();

/** [speaker mention, speaker name] of each quote, in text order. */
function speakers(text: string): [string, string][] {
  const result = lede.extract(text, { publishedAt: '2024-11-14' });
  expectValidResult(result, text);
  return result.quotes.map((q) => [q.speaker?.mention.text ?? '', q.speaker?.name ?? '']);
}

/** The speaker of the quote whose text contains `words`. */
function speakerOf(text: string, words: string): [string, string] | undefined {
  const result = lede.extract(text, { publishedAt: '2024-11-14' });
  expectValidResult(result, text);
  const quote = result.quotes.find((q) => q.text.includes(words));
  return quote ? [quote.speaker?.mention.text ?? '', quote.speaker?.name ?? ''] : undefined;
}

describe('a participle after an object speaks for the clause\'s subject', () => {
  it.each<[string, string, string, [string, string]]>([
    ['issued a statement saying', 'Senator Maria Olsen issued a statement on Monday saying the bill was "dead on arrival."', 'dead on arrival', ['Maria Olsen', 'Maria Olsen']],
    ['emailed supporters saying', 'Governor Tom Reyes emailed supporters saying: "The fight goes on."', 'The fight goes on', ['Tom Reyes', 'Tom Reyes']],
    ['put out a statement saying', 'Kevin Marsh put out a statement saying he had "nothing to hide."', 'nothing to hide', ['Kevin Marsh', 'Kevin Marsh']],
    ['released a letter that says', 'Gary Hale released a letter from his doctor on Friday that says he is in "excellent health."', 'excellent health', ['Gary Hale', 'Gary Hale']],
    ['told a rally, saying', 'Clara Voss told a rally in Dayton, saying the mill would "never close again."', 'never close again', ['Clara Voss', 'Clara Voss']],
  ])('%s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });

  it.each<[string, string, string, [string, string]]>([
    ['heard the crowd chanting: the crowd chants', 'Reporters heard the protesters chanting "no more wars."', 'no more wars', ['the protesters', 'the protesters']],
    ['people the subject met: they speak', 'Mayor Tom Reyes visited voters who said the plan was "a fantasy."', 'a fantasy', ['voters', 'voters']],
    ['the subject itself before the participle', 'Paul Gant spoke for an hour, saying the deal was "a fraud."', 'a fraud', ['Paul Gant', 'Paul Gant']],
  ])('not when %s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });
});

describe('a quote after a colon or an "as X put it" names its speaker there', () => {
  it.each<[string, string, string, [string, string] | undefined]>([
    ['as X put it', '"We are ready," the mayor said.\n\nAs Jane Holt, the party\'s whip, put it: "This bill will not pass."', 'This bill', ['Jane Holt', 'Jane Holt']],
    ['as X puts it, with a comma', 'The vote is close. As Omar Diaz puts it, "Nobody knows anything yet."', 'Nobody knows', ['Omar Diaz', 'Omar Diaz']],
    ['as X, an aside, recently put it', 'The plan was popular. As Steven Hale, a tax lawyer and senior fellow at the Urban Institute, recently put it, "Nobody pays for this."', 'Nobody pays', ['Steven Hale', 'Steven Hale']],
    ['as X put it, mid-sentence', 'He has long been seen, as Anna Kerr put it in a lengthy essay, "as a fraud and a bully."', 'a fraud', ['Anna Kerr', 'Anna Kerr']],
    ['a name just before the colon', 'The polls missed the surge in Iowa - Michael P. Ward: "The turnout model was wrong."', 'turnout model', ['Michael P. Ward', 'Michael P. Ward']],
    ['a name the sentence quotes', 'Frank quotes the former adviser Alfred Kahn: "Inflation is a tax."', 'Inflation', ['Alfred Kahn', 'Alfred Kahn']],
  ])('%s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });

  it.each<[string, string, string, [string, string]]>([
    ['not a name after a preposition', '"We are ready," said Tom Reyes on Monday.\n\nHe then turned to Hillary Clinton: "You are wrong about this."', 'You are wrong', ['He', 'Tom Reyes']],
    ['not "as" without "put it"', '"We are ready," said Tom Reyes.\n\nAs Anna Kerr watched, the crowd went on: "Not now, not ever, never."', 'Not now', ['Tom Reyes', 'Tom Reyes']],
  ])('%s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });
});

describe('a description goes to the previous speaker only when the article did not describe that speaker otherwise', () => {
  it.each<[string, string, string, [string, string]]>([
    ['"the judge" is not "the company\'s lawyer"', '"We will appeal," said Tom Reyes, the company\'s lawyer.\n\nThe judge pointed to an earlier case to say that courts must weigh "the public interest first."', 'public interest', ['The judge', 'The judge']],
    ['"the lawyer" is', '"We will appeal," said Tom Reyes, the company\'s lawyer, on Monday. "We have a strong case," the lawyer added.', 'strong case', ['the lawyer', 'Tom Reyes']],
  ])('%s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });
});

describe('a name before two asides speaks', () => {
  it.each<[string, string, string, [string, string]]>([
    ['a description and a second description', 'Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council, said the test was "a grave violation."', 'grave violation', ['Jean-Marc Ayrault', 'Jean-Marc Ayrault']],
    ['one aside: the name', 'Jean-Marc Ayrault, the foreign minister of France, said the test was "a grave violation."', 'grave violation', ['Jean-Marc Ayrault', 'Jean-Marc Ayrault']],
  ])('%s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });
});

describe('a year between the subject and its cue is not the speaker', () => {
  it.each<[string, string, string, [string, string]]>([
    ['who in 2010 said', 'The senator met Mark Ellison, who in 2010 said the goal was "a one-term president."', 'one-term', ['Mark Ellison', 'Mark Ellison']],
    ['X in 2008 promised', 'Barack Obama in 2008 promised that he would "close Guantanamo."', 'close Guantanamo', ['Barack Obama', 'Barack Obama']],
  ])('%s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });
});

describe('which quote a speakerless quote continues', () => {
  it.each<[string, string, string, [string, string]]>([
    ['a described subject of the quote\'s own sentence', '"We will appeal," said Tom Reyes, the company\'s lawyer.\n\nThe judge pointed to an earlier case to say that courts must weigh "the public interest first."', 'public interest', ['The judge', 'The judge']],
    ['a subject that cannot speak leaves the quote to the previous speaker', '"We will appeal," said Tom Reyes on Monday. The findings show that the plant was "never safe to begin with."', 'never safe', ['Tom Reyes', 'Tom Reyes']],
  ])('%s', (_name, text, words, expected) => {
    expect(speakerOf(text, words)).toEqual(expected);
  });

  it.each<[string, string, [string, string][]]>([
    ['past a reported question that names nobody', '"This is about my campaign," Laura Dunn said, when asked whether she wanted help from the party. "I will do it my own way."',
      [['Laura Dunn', 'Laura Dunn'], ['', ''], ['Laura Dunn', 'Laura Dunn']]],
  ])('%s', (_name, text, expected) => {
    expect(speakers(text)).toEqual(expected);
  });
});
