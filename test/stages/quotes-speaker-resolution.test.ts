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
    ['a title several people hold names the one the article is about; a quoted adviser\'s introduction no longer pulls',
      'President Obama flew to Hawaii on Monday. Obama swam with seals. Obama met local leaders, and Obama spoke about rising seas. Later Obama visited a school. ' +
      'President Xi Jinping of China sent a message. "We must act now," said Ben Rhodes, an adviser to the president. The president appeared tired. He told the crowd that the islands were at risk.',
      ['He', 'Obama']],
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
    ['a new subject after a fronted title in quotation marks', 'Mike Pence spoke to CNN on Sunday. "We will win," Pence said.\n\nOn "Face the Nation," Sen. Bernie Sanders (Vt.), who lost the primaries, praised young voters. "The younger people are sick and tired of racism."',
      [['Pence', 'Mike Pence'], ['Bernie Sanders', 'Bernie Sanders']]],
    ['a sentence that opens with a titled name and a comma', '"The veto will be overridden," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday. ' +
      'House Speaker Paul Ryan, R-Wis., despite admitting that he did have concerns about "trial lawyers trying to get rich," the victims "do need to have their day in court."',
      [['Mitch McConnell', 'Mitch McConnell'], ['Paul Ryan', 'Paul Ryan'], ['Paul Ryan', 'Paul Ryan']]],
    ['a transcript names its speakers in capitals, and a paragraph without a label continues', 'Mike Pence spoke to Chris Wallace on Sunday.\n\n"WALLACE: Will she be there tomorrow night?"\n\n"PENCE: She will not be attending the debate."\n\n"And that is all I will say about it."',
      [['WALLACE', 'Chris Wallace'], ['PENCE', 'Mike Pence'], ['PENCE', 'Mike Pence']]],
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

describe('the phrase beside the cue gives way to who really speaks', () => {
  it.each<[string, string, [string, string][]]>([
    ['a country that accuses; the next sentence\'s report is its own', 'South Korea accused the North\'s leader, Kim Jong Un, of "fanatic recklessness." South Korean President Park Geun-hye said Kim\'s mental state is "spiraling out of control."',
      [['South Korea', 'South Korea'], ['Park Geun-hye', 'Park Geun-hye']]],
    ['"told me": the hearer is not the speaker', 'John Dickey, the chief executive of Ora Media -- the production company that owns the programming, which is also streamed online -- told me, "We are a content provider."',
      [['John Dickey', 'John Dickey']]],
    ['the object of a preposition before the cue', 'The curfew began at midnight. Protesters marching through the streets chanted "What curfew?"', [['Protesters', 'Protesters']]],
    ['a place before a participle cue', 'Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that the killings should be recognized as a national crisis.',
      [['Hillary Clinton', 'Hillary Clinton']]],
    ['a statement in a fronted phrase is the main clause\'s subject\'s', 'In a statement announcing the pick, the Association of Flight Attendants called Clinton a "champion" for working women.',
      [['Association of Flight Attendants', 'Association of Flight Attendants']]],
    ['"while" after the quote opens a clause of its own', 'Only 52 percent of voters agreed that Clinton is in "good enough overall health to serve as president," while 73 percent said the same of Trump.',
      [['Only 52 percent of voters', 'Only 52 percent of voters']]],
    ['"Having said that" names nobody', 'Taxes matter. (Having said that, there are some economists who argue that corporate taxes should be very low.)', [['', '']]],
    ['a long description between the quote and the cue', '"It has the important virtue of being fiscally responsible," Leonard E. Burman, director of the centrist Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University, said of the plan.',
      [['Leonard E. Burman', 'Leonard E. Burman']]],
  ])('%s', (_name, text, expected) => {
    expect(speakers(text)).toEqual(expected);
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
