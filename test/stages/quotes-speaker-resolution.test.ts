/**
 * Speakers resolved the way a reader resolves them (issue 16), through the whole
 * pipeline on invented news text: pronouns, continued quotes, descriptions, and how
 * analyze() explains each choice. (Things that cannot speak: quotes-never-a-speaker.test.ts.)
 */

import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import { compileFirstNameGenders } from '../../src/stages/quotes/first-name-gender.js';
import { expectValidResult } from '../helpers.js';

const lede = createExtractor();

/** [speaker mention, speaker name] of each quote, in text order. */
function speakers(text: string): [string, string][] {
  const result = lede.extract(text, { publishedAt: '2024-11-14' });
  expectValidResult(result, text);
  return result.quotes.map((q) => [q.speaker?.mention.text ?? '', q.speaker?.name ?? '']);
}

/** The speaker of the last quote. */
function lastSpeaker(text: string): [string, string] {
  const all = speakers(text);
  return all[all.length - 1] ?? ['', ''];
}

describe('pronoun speakers go to the person or organisation meant', () => {
  it.each<[string, string, [string, string]]>([
    ['she: a first name gives the gender', 'Hillary Clinton spoke to reporters in Ohio on Monday. "We will win this state," she said.', ['she', 'Hillary Clinton']],
    ['she skips the man named after her', 'Hillary Clinton met Donald Trump in Ohio on Monday. She said the talks had failed.', ['She', 'Hillary Clinton']],
    ['he: the last speaker of his gender', '"The plan is dead," said Mark Ellison, the union\'s chief negotiator. The company declined to comment on Friday. "We will strike," he added.', ['he', 'Mark Ellison']],
    ['a new subject of her gender ends the last speaker\'s hold', '"Prices will rise," said Anna Berg. Maria Lopez, an economist at the central bank, disagreed on Tuesday. "They will fall," she said.', ['she', 'Maria Lopez']],
    ['an honorific gives the gender', 'Mrs. Okafor arrived late and Peter Hale left early. She said the vote had been rigged.', ['She', 'Okafor']],
    ['a gendered noun beats the first name', "The senator's widow, Terry Strada, spoke first at the hearing. She said the families were tired of waiting.", ['She', 'Terry Strada']],
    ['they: a plural subject no entity names', 'Democrats repeatedly noted the delay on Tuesday. They said the vote should wait until after the election.', ['They', 'Democrats']],
    ['no antecedent of the gender: no guess', 'Hillary Clinton spoke first at the rally in Ohio. He said the talks had failed.', ['He', 'He']],
  ])('%s', (_name, text, expected) => {
    expect(lastSpeaker(text)).toEqual(expected);
  });
});

describe('continued quotes keep their speaker unless a new one is introduced', () => {
  it.each<[string, string, [string, string][]]>([
    ['a paragraph of quoted words continues the quote before', '"We will not give in," said Sergey Lavrov.\n\n"Not now, not ever, whatever they offer us."',
      [['Sergey Lavrov', 'Sergey Lavrov'], ['Sergey Lavrov', 'Sergey Lavrov']]],
    ['a new speaker introduced in between', '"We will not give in," said Sergey Lavrov.\n\nElmar Mammadyarov disagreed with him.\n\n"The talks will go on next week in Geneva."',
      [['Sergey Lavrov', 'Sergey Lavrov'], ['Elmar Mammadyarov', 'Elmar Mammadyarov']]],
    ['a colon ends a sentence with a named subject', 'Bernie Sanders made the following comment:\n\n"Young people need jobs, and they need them now."',
      [['Bernie Sanders', 'Bernie Sanders']]],
    ['a quote inside a sentence whose subject names someone', 'Donald Trump pressed the point on Monday: the deal was "a total disgrace to the whole nation."',
      [['Donald Trump', 'Donald Trump']]],
  ])('%s', (_name, text, expected) => {
    expect(speakers(text)).toEqual(expected);
  });
});

describe('descriptions are linked back to what they describe', () => {
  it.each<[string, string, [string, string]]>([
    ['an appositive description speaks later', 'Caleb Jones, the rookie defenceman, scored twice on Saturday. "It felt great," the rookie defenceman said.', ['the rookie defenceman', 'Caleb Jones']],
    ['a title the article gave', 'Eldar Azizov, the mayor of Baku, visited the tunnel on Monday. The mayor said the floods were over.', ['The mayor', 'Eldar Azizov']],
    ['a spokesperson for an organisation', 'The Foreign Ministry closed the border on Monday. "We had no choice," a spokesperson for the Foreign Ministry said.', ['a spokesperson for the Foreign Ministry', 'Foreign Ministry']],
    ['a statement from an organisation', 'The flights were cancelled on Monday, according to a statement from Delta Air Lines.', ['a statement from Delta Air Lines', 'Delta Air Lines']],
    ['a report with its owner', 'A Government Accountability Office report concluded that the program was plagued by fraud.', ['A Government Accountability Office report', 'Government Accountability Office']],
  ])('%s', (_name, text, expected) => {
    expect(lastSpeaker(text)).toEqual(expected);
  });
});

describe('analyze() shows how each speaker was chosen', () => {
  it('gives the rule and the candidates weighed for a pronoun', () => {
    const doc = lede.analyze('Hillary Clinton met Donald Trump in Ohio on Monday. She said the talks had failed.', { publishedAt: '2024-11-14' });
    const choice = doc.quotes[0]!.speakerChoice!;
    expect(choice.rule).toBe('pronoun-antecedent');
    expect(choice.candidates[0]!.name).toBe('Hillary Clinton');
    expect(choice.candidates.every((c) => c.name !== 'Donald Trump')).toBe(true);
    expect(choice.candidates[0]!.why).toMatch(/sentence/);
  });

  it('says why a phrase gave no speaker', () => {
    const doc = lede.analyze('The economy shrank by two percent last year, according to the data.', {});
    expect(doc.quotes[0]!.speaker).toBeNull();
    expect(doc.quotes[0]!.speakerChoice!.rule).toBe('not-a-speaker:abstract');
  });
});

describe('first names and their gender (data/gazetteer/first-name-gender.tsv)', () => {
  const genders = compileFirstNameGenders('# comment\nanna\tf\nbob\tm\nzoe\tf\n');
  it.each<[string, string | null]>([['Anna', 'female'], ['BOB', 'male'], ['Zoe', 'female'], ['Carl', null], ['a', null], ['', null]])('%s', (name, gender) => {
    expect(genders.genderOf(name)).toBe(gender);
  });
  it('reads nothing from an empty list', () => {
    expect(compileFirstNameGenders('').genderOf('Anna')).toBeNull();
  });
});
