/**
 * Indirect speech beyond 'X said (that) CLAUSE': relative clauses, reported questions,
 * noun cues, amounts of people, noun-phrase objects PolNeAR counts, and where a report
 * ends. Invented sentences; the speaker is the mention handed to speaker resolution.
 */

import { describe, expect, it } from 'vitest';
import { expectQuoteRows, quoteRows, type QuoteRow } from './quote-rows.js';

describe('quotes: reports inside relative clauses', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['N who said CLAUSE: the antecedent speaks', 'Vaher won among the voters who said the port mattered most.',
      [{ quote: 'the port mattered most', kind: 'indirect', speaker: 'the voters', cue: 'said' }]],
    ['N, which contended that CLAUSE, VERB: the report ends at the main verb', 'The union, which contended that the port was full, is a good example.',
      [{ quote: 'the port was full', kind: 'indirect', speaker: 'The union', cue: 'contended' }]],
    ['N, which X said VERB …: the rest of the relative clause', 'The changes, which officials said will take effect in May, do not apply to ferries.',
      [{ quote: 'will take effect in May', kind: 'indirect', speaker: 'officials', cue: 'said' }]],
    ['N X said VERB (no relative word)', 'Lund blamed meddling the congressman said is designed to sow discord.',
      [{ quote: 'is designed to sow discord', kind: 'indirect', speaker: 'the congressman', cue: 'said' }]],
    ['N, who said A, VERB: the report ends at the main verb', "The port's owners, who said in March that they backed the terminal, declined to comment.",
      [{ quote: 'they backed the terminal', kind: 'indirect', speaker: "The port's owners", cue: 'said' }]],
    ['a report of its own inside a report ends it', 'Saar said the videos show nothing, which he said was the whole point.', [
      { quote: 'the videos show nothing', kind: 'indirect', speaker: 'Saar', cue: 'said' },
      { quote: 'was the whole point', kind: 'indirect', speaker: 'he', cue: 'said' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});

describe('quotes: who reports when no phrase stands right before the cue', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['a time between subject and cue', 'Beck, who backed the mayor, last week said the port was seeking a new owner.',
      [{ quote: 'the port was seeking a new owner', kind: 'indirect', speaker: 'Beck', cue: 'said' }]],
    ['a whole opening subject the tagger splits', 'The self-described democratic socialist said he would win the primary.',
      [{ quote: 'he would win the primary', kind: 'indirect', speaker: 'The self-described democratic socialist', cue: 'said' }]],
    ['an amount of people', 'Just 28 percent of voters said they had a positive view of the mayor.',
      [{ quote: 'they had a positive view of the mayor', kind: 'indirect', speaker: 'Just 28 percent of voters', cue: 'said' }]],
    ['two amounts, two reports', 'Two in three said they would vote, and nearly three in five said they were undecided.', [
      { quote: 'they would vote', kind: 'indirect', speaker: 'Two', cue: 'said' },
      { quote: 'they were undecided', kind: 'indirect', speaker: 'three in five', cue: 'said' },
    ]],
    ['an indefinite pronoun', 'Then someone asked how the mayor could win back the port.',
      [{ quote: 'how the mayor could win back the port', kind: 'indirect', speaker: 'someone', cue: 'asked' }]],
    ['a participle after a quote\'s attribution', '"We were at the top of our game," Lund recalled, suggesting the second vote erased the first.', [
      { quote: 'We were at the top of our game,', kind: 'direct', speaker: 'Lund', cue: 'recalled' },
      { quote: 'the second vote erased the first', kind: 'indirect', speaker: 'Lund', cue: 'suggesting' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});

describe('quotes: reported questions and stated positions', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['X asked whether …', 'Lawmakers also asked whether the deals required the firms to cooperate.',
      [{ quote: 'whether the deals required the firms to cooperate', kind: 'indirect', speaker: 'Lawmakers', cue: 'asked' }]],
    ['X told Y on DAY how …', 'Saar told the radio host on Thursday how surprised he was by the vote.',
      [{ quote: 'how surprised he was by the vote', kind: 'indirect', speaker: 'Saar', cue: 'told' }]],
    ['Asked if …, X said …: a question whose asker is not named', 'Asked if he was ever bullied, the candidate said no.',
      [{ quote: 'if he was ever bullied', kind: 'indirect', speaker: null, cue: 'Asked' }]],
    ["X's claim that …", "Politifact checked Vaher's claim that the port had doubled its traffic.",
      [{ quote: 'the port had doubled its traffic', kind: 'indirect', speaker: 'Vaher', cue: 'claim' }]],
    ["X's view is that …", "Saar's view is that the wall will pay for itself.",
      [{ quote: 'the wall will pay for itself', kind: 'indirect', speaker: 'Saar', cue: 'view is' }]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});

describe('quotes: noun-phrase objects and topics PolNeAR counts', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['announced NP', 'Eric Holder announced his resignation on Friday.', [{ quote: 'his resignation', kind: 'indirect', speaker: 'Eric Holder', cue: 'announced' }]],
    ['denied NP', 'She denied the allegations.', [{ quote: 'the allegations', kind: 'indirect', speaker: 'She', cue: 'denied' }]],
    ['complained about NP', 'The nominee complained about his microphone the morning after the debate.',
      [{ quote: 'his microphone', kind: 'indirect', speaker: 'The nominee', cue: 'complained' }]],
    ['spoke about NP', 'Vaher spoke about her plans for the port.', [{ quote: 'her plans for the port', kind: 'indirect', speaker: 'Vaher', cue: 'spoke about' }]],
    ['revealed DAY CLAUSE: the clause, not the day', 'The police department revealed Tuesday the drug was found in the car.',
      [{ quote: 'the drug was found in the car', kind: 'indirect', speaker: 'The police department', cue: 'revealed' }]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });

  it.each([
    ['a subject that cannot speak', 'The floods revealed vulnerabilities in the sewer system.'],
    ['an object after a comma is no speaker', 'One after another, mining companies, including Patriot, declared bankruptcy.'],
    ['a passive', 'Despite failed missile tests this year, the ambitions of the regime have barely been mentioned.'],
    ['said something', 'He said something to the mayor.'],
  ])('no quote: %s', (_name, text) => {
    expect(quoteRows(text)).toEqual([]);
  });
});

describe('quotes: where a report ends', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['another speaker\'s report after a conjunction', 'Obama stressed that the reforms were not complete, and rights groups warned that the leverage was gone.', [
      { quote: 'the reforms were not complete', kind: 'indirect', speaker: 'Obama', cue: 'stressed' },
      { quote: 'the leverage was gone', kind: 'indirect', speaker: 'rights groups', cue: 'warned' },
    ]],
    ['a subordinate report ends at its main clause', 'While he acknowledged funding was short, Ham also noted several problems left him disillusioned.', [
      { quote: 'funding was short', kind: 'indirect', speaker: 'he', cue: 'acknowledged' },
      { quote: 'several problems left him disillusioned', kind: 'indirect', speaker: 'Ham', cue: 'noted' },
    ]],
    ['an aside before that', 'Several experts cautioned, as did the campaign itself, that the proposals might change.',
      [{ quote: 'the proposals might change', kind: 'indirect', speaker: 'Several experts', cue: 'cautioned' }]],
    ['an aside, then a clause', "Rubio says, win or lose in Tuesday's primary, he's staying in the race.",
      [{ quote: "he's staying in the race", kind: 'indirect', speaker: 'Rubio', cue: 'says' }]],
    ["'that' before a verb is the clause's subject", 'He said that was not her view.', [{ quote: 'that was not her view', kind: 'indirect', speaker: 'He', cue: 'said' }]],
    ['an amount opens the clause', 'Adelson said much of his talk with the mayor was about the port.',
      [{ quote: 'much of his talk with the mayor was about the port', kind: 'indirect', speaker: 'Adelson', cue: 'said' }]],
    ['a phrase and its attribution are the sentence', 'People like Scott, he said.', [{ quote: 'People like Scott', kind: 'indirect', speaker: 'he', cue: 'said' }]],
    ['a dateline is no part of the report', 'TARTU ― The port is full, the mayor said on Friday.', [{ quote: 'The port is full', kind: 'indirect', speaker: 'the mayor', cue: 'said' }]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});
