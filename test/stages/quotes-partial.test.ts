/**
 * Partial and mixed quotes: words in quotation marks inside a report or a
 * characterisation ('X called the plan “a disgrace”') are one mixed quote with X as
 * speaker; titles of works and programmes, nicknames and scare quotes with no
 * speaker are no quotes at all.
 */

import { describe, expect, it } from 'vitest';
import { expectQuoteRows, quoteRows, type QuoteRow } from './quote-rows.js';

describe('quotes: words in marks a speaker characterises something with', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['X called Y “…”', 'Smith called the plan “a disgrace” on Monday.',
      [{ quote: 'the plan “a disgrace”', kind: 'mixed', speaker: 'Smith', cue: 'called' }]],
    ['X called Y “…” (a term: PolNeAR counts it as mixed)', 'Critics call it a "witch hunt" and worse.',
      [{ quote: 'it a "witch hunt"', kind: 'mixed', speaker: 'Critics', cue: 'call' }]],
    ['X described Y as “…”', 'Vaher described the ruling as “unhinged.”',
      [{ quote: 'the ruling as “unhinged.”', kind: 'mixed', speaker: 'Vaher', cue: 'described' }]],
    ['X is describing as “…” Y', 'Lund is describing as “unhinged” a tweet the mayor sent.',
      [{ quote: 'as “unhinged”', kind: 'mixed', speaker: 'Lund', cue: 'describing' }]],
    ['two quoted names joined by and', 'Saar called the winner “Miss Piggy” and “Miss Housekeeping” in 1996.',
      [{ quote: 'the winner “Miss Piggy” and “Miss Housekeeping”', kind: 'mixed', speaker: 'Saar', cue: 'called' }]],
    ['a prepositional tail after the marks', 'The minister condemned the test as "provocative" and a "grave threat" to regional stability.',
      [{ quote: 'the test as "provocative" and a "grave threat" to regional stability', kind: 'mixed', speaker: 'The minister', cue: 'condemned' }]],
    ['a noun after the marks ends the phrase', 'Smith called for a “full and open” inquiry.',
      [{ quote: 'a “full and open” inquiry', kind: 'mixed', speaker: 'Smith', cue: 'called for' }]],
    ['…, calling Y “…”: the sentence\'s subject', 'Lund attacked the mayor, calling her budget “a fantasy.”',
      [{ quote: 'her budget “a fantasy.”', kind: 'mixed', speaker: 'Lund', cue: 'calling' }]],
    ['what X called a “…”', 'The council condemned what Lund called a “reckless” decision.',
      [{ quote: 'a “reckless” decision', kind: 'mixed', speaker: 'Lund', cue: 'called' }]],
    ['what X called “…”: only the quoted words, a direct quote', 'The council had been involved with what two lawmakers called “fraud” and more.',
      [{ quote: 'fraud', kind: 'direct', speaker: 'two lawmakers', cue: 'called' }]],
    ['a verb the tagger may read as an adjective', 'Saar branded the tax “theft.”',
      [{ quote: 'the tax “theft.”', kind: 'mixed', speaker: 'Saar', cue: 'branded' }]],
    ['X likened Y to “…”', 'At a rally, Smith likened the refugees to a “vicious snake” in a song.',
      [{ quote: 'the refugees to a “vicious snake”', kind: 'mixed', speaker: 'Smith', cue: 'likened' }]],
    ['X accused Y of being “…”', 'Lund accused the council of being “duped” by the developer.',
      [{ quote: 'the council of being “duped” by the developer', kind: 'mixed', speaker: 'Lund', cue: 'accused' }]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});

describe('quotes: a quoted fragment inside reported speech', () => {
  it.each<[string, string, QuoteRow[]]>([
    ['said his tweet was only “to mock” X', 'Saar said his tweet was only “to mock” the mayor for inviting a critic.',
      [{ quote: 'his tweet was only “to mock” the mayor for inviting a critic', kind: 'mixed', speaker: 'Saar', cue: 'said' }]],
    ['said it would be "…" (\'it\' and a verb open the clause after a quote that ended its sentence)',
      'Vaher said "the question is the timing." Lund said it would be "improper" to speak before the vote.', [
        { quote: 'the question is the timing.', kind: 'direct', speaker: 'Vaher', cue: 'said' },
        { quote: 'it would be "improper" to speak before the vote', kind: 'mixed', speaker: 'Lund', cue: 'said' },
      ]],
    ['a programme\'s title before the attribution is no quote', 'On this weekend’s broadcast of “Face the Nation,” Gov. Saar said his tweet was only “to mock” the mayor.',
      [{ quote: 'his tweet was only “to mock” the mayor', kind: 'mixed', speaker: 'Saar', cue: 'said' }]],
  ])('%s', (_name, text, expected) => {
    expectQuoteRows(text, expected);
  });
});

describe('quotes: titles, names and scare quotes are no quotes', () => {
  it.each([
    ['a programme', 'Flynn appeared on Fox News’s “Fox and Friends.”'],
    ['a programme, before a name', 'On “Face the Nation,” the senator was asked about the budget.'],
    ['a song', 'Blige sang Bruce Springsteen’s “American Skin” to the crowd.'],
    ['a book', 'He read "War and Peace" twice last year.'],
    ['something named by a participle', 'He runs a website called “Tartu Today.”'],
    ['a passive names no speaker', 'The ruling was described as “unhinged.”'],
    ['so-called', 'The so-called "reforms" failed.'],
    ['a nickname', 'Dwayne "The Rock" Johnson arrived in Baku.'],
    ['a nickname after a name', 'The agency, called "the Bureau" by insiders, was closed.'],
    ['a scare quote with no speaker', 'The "reforms" left the port half empty.'],
    ['a term', 'Exporters know the rule as the "two-day clause" these days.'],
  ])('%s', (_name, text) => {
    expect(quoteRows(text)).toEqual([]);
  });
});
