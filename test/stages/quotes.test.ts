import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import type { Quote } from '../../src/types.js';
import { expectValidResult } from '../helpers.js';

const extractor = createExtractor();

interface Row {
  quote: string;
  kind: Quote['kind'];
  speaker: string | null;
  name?: string;
  cue?: string | null;
}

function quotesOf(text: string): Row[] {
  const result = extractor.extract(text);
  expectValidResult(result, text);
  return result.quotes.map((q) => {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    return { quote: q.text, kind: q.kind, speaker: q.speaker?.mention.text ?? null, name: q.speaker?.name, cue: q.cue?.text ?? null };
  });
}

function expectQuotes(text: string, expected: Row[]): void {
  const found = quotesOf(text);
  expect(found.map(({ quote, kind, speaker }) => ({ quote, kind, speaker }))).toEqual(expected.map(({ quote, kind, speaker }) => ({ quote, kind, speaker })));
  expected.forEach((row, i) => {
    if (row.cue !== undefined) expect(found[i]!.cue).toBe(row.cue);
    if (row.name !== undefined) expect(found[i]!.name).toBe(row.name);
  });
}

describe('quotes: attribution beside a quote in marks', () => {
  it.each<[string, string, Row[]]>([
    ['"…," said X', '"We will win," said Lavrov.', [{ quote: 'We will win,', kind: 'direct', speaker: 'Lavrov', cue: 'said' }]],
    ['"…," X said', '"We will win," Lavrov said.', [{ quote: 'We will win,', kind: 'direct', speaker: 'Lavrov', cue: 'said' }]],
    ['X said: "…"', 'Lavrov said: "We will win."', [{ quote: 'We will win.', kind: 'direct', speaker: 'Lavrov', cue: 'said' }]],
    ['X said, "…"', 'Lavrov said, "We will win."', [{ quote: 'We will win.', kind: 'direct', speaker: 'Lavrov', cue: 'said' }]],
    ['"…," said a description', '"We will win," said the head of the Russian Foreign Ministry.',
      [{ quote: 'We will win,', kind: 'direct', speaker: 'the head of the Russian Foreign Ministry', cue: 'said' }]],
    ['"…," according to X', '"The border stays closed," according to the ministry.',
      [{ quote: 'The border stays closed,', kind: 'direct', speaker: 'the ministry', cue: 'according to' }]],
    ['According to X, "…"', 'According to Lavrov, "the talks will resume in May."',
      [{ quote: 'the talks will resume in May.', kind: 'direct', speaker: 'Lavrov', cue: 'According to' }]],
    ['X told reporters: "…"', 'Lavrov told reporters: "We will win."', [{ quote: 'We will win.', kind: 'direct', speaker: 'Lavrov', cue: 'told' }]],
    ['"…," X told reporters', '"We will win," Lavrov told reporters in Moscow.', [{ quote: 'We will win,', kind: 'direct', speaker: 'Lavrov', cue: 'told' }]],
    ['X said in a statement: "…"', 'The ministry said in a statement on Monday: "The border is closed."',
      [{ quote: 'The border is closed.', kind: 'direct', speaker: 'The ministry', cue: 'said' }]],
    ['"…," he drew attention', '"The positions are very similar," he drew attention.',
      [{ quote: 'The positions are very similar,', kind: 'direct', speaker: 'he', cue: 'drew attention' }]],
    ['"…," X pointed out', '"The positions are very similar," Mammadyarov pointed out.',
      [{ quote: 'The positions are very similar,', kind: 'direct', speaker: 'Mammadyarov', cue: 'pointed out' }]],
    ['"…," X stressed', '"No decision has been made," the spokesman stressed.',
      [{ quote: 'No decision has been made,', kind: 'direct', speaker: 'the spokesman', cue: 'stressed' }]],
    ['"…," X added', '"We are ready," Lavrov added.', [{ quote: 'We are ready,', kind: 'direct', speaker: 'Lavrov', cue: 'added' }]],
    ['"…," X tweeted', '"Big win tonight!" Trump tweeted.', [{ quote: 'Big win tonight!', kind: 'direct', speaker: 'Trump', cue: 'tweeted' }]],
    ['appositive before the name', '"Rivers know no borders," the U.S. Ambassador to Azerbaijan, Mark Libby, wrote on Facebook.',
      [{ quote: 'Rivers know no borders,', kind: 'direct', speaker: 'Mark Libby', cue: 'wrote' }]],
    ['appositive after the name', '"We are ready," Mark Libby, the U.S. ambassador, said.',
      [{ quote: 'We are ready,', kind: 'direct', speaker: 'Mark Libby', cue: 'said' }]],
    ['a party tag', '"Our assumption is that the veto will be overridden," Mitch McConnell, R-Ky., said Tuesday.',
      [{ quote: 'Our assumption is that the veto will be overridden,', kind: 'direct', speaker: 'Mitch McConnell', cue: 'said' }]],
    ['a parenthetical tag', '"Subpoenas are not optional," Rep. Jason Chaffetz (R-Utah) said.',
      [{ quote: 'Subpoenas are not optional,', kind: 'direct', speaker: 'Jason Chaffetz', cue: 'said' }]],
    ['a relative clause before the cue', '"The veterans deserve better," Rucker Culpepper, who runs the veterans effort, said.',
      [{ quote: 'The veterans deserve better,', kind: 'direct', speaker: 'Rucker Culpepper', cue: 'said' }]],
    ['a participle cue', 'Trump attacked Clinton over Iraq, saying, "She is trigger-happy and very unstable."',
      [{ quote: 'She is trigger-happy and very unstable.', kind: 'direct', speaker: 'Trump', cue: 'saying' }]],
    ['a trailing dash and name', '"Water knows no borders." – Mark Libby', [{ quote: 'Water knows no borders.', kind: 'direct', speaker: 'Mark Libby', cue: null }]],
    ['an organisation speaks', '"We will appeal," the company said in a statement.', [{ quote: 'We will appeal,', kind: 'direct', speaker: 'the company', cue: 'said' }]],
    ['a cue inside the quote is part of the quote', '"He said we would lose, and he was wrong," Smith said.',
      [{ quote: 'He said we would lose, and he was wrong,', kind: 'direct', speaker: 'Smith', cue: 'said' }]],
    ['"…?" X asked', '"Why now?" Smith asked.', [{ quote: 'Why now?', kind: 'direct', speaker: 'Smith', cue: 'asked' }]],
  ])('%s', (_name, text, expected) => {
    expectQuotes(text, expected);
  });
});

describe('quotes: quotation marks as news writes them', () => {
  it.each<[string, string, Row[]]>([
    ['curly marks', '“We will win,” said Lavrov.', [{ quote: 'We will win,', kind: 'direct', speaker: 'Lavrov' }]],
    ['guillemets', 'Lavrov said: «We will win.»', [{ quote: 'We will win.', kind: 'direct', speaker: 'Lavrov' }]],
    ['low-high marks', 'Lavrov said: „We will win.“', [{ quote: 'We will win.', kind: 'direct', speaker: 'Lavrov' }]],
    ['two apostrophes as marks', "''There's a lot of new complexity,'' said Mr. Burman.", [{ quote: "There's a lot of new complexity,", kind: 'direct', speaker: 'Burman' }]],
    ['a curly opening closed by a straight mark', '“Immunity deals are not required," Chaffetz said.', [{ quote: 'Immunity deals are not required,', kind: 'direct', speaker: 'Chaffetz' }]],
    ['stray spaces inside the marks', '" We will win , " said Lavrov.', [{ quote: 'We will win ,', kind: 'direct', speaker: 'Lavrov' }]],
    ['a space before the full stop and the mark', 'It will be held in September . "We hope the minister will attend," said Lavrov.',
      [{ quote: 'We hope the minister will attend,', kind: 'direct', speaker: 'Lavrov' }]],
    ['a nested quote is part of its quote', '"The problem gets "back on track" for a breakthrough in our talks," said Mammadyarov.',
      [{ quote: 'The problem gets "back on track" for a breakthrough in our talks,', kind: 'direct', speaker: 'Mammadyarov' }]],
    ['two quotes around one attribution', '"We will win," Lavrov said. "The talks will resume in May."', [
      { quote: 'We will win,', kind: 'direct', speaker: 'Lavrov' },
      { quote: 'The talks will resume in May.', kind: 'direct', speaker: 'Lavrov' },
    ]],
    ['an unclosed quote ends at its paragraph', 'Lavrov said: "We will win and the talks will resume\n\nThe weather was fine.',
      [{ quote: 'We will win and the talks will resume', kind: 'direct', speaker: 'Lavrov' }]],
    ['the multi-paragraph convention', '"The talks are over. We will not return to the table.\n\n"Nobody can make us do it," Lavrov said.', [
      { quote: 'The talks are over. We will not return to the table.', kind: 'direct', speaker: 'Lavrov' },
      { quote: 'Nobody can make us do it,', kind: 'direct', speaker: 'Lavrov' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectQuotes(text, expected);
  });
});

describe('quotes: speakers beyond the quote\'s own sentence', () => {
  it.each<[string, string, Row[]]>([
    ['a paragraph wholly a quote continues the previous speaker', '"We will win," said Lavrov.\n\n"The talks will resume in May, whatever happens."', [
      { quote: 'We will win,', kind: 'direct', speaker: 'Lavrov' },
      { quote: 'The talks will resume in May, whatever happens.', kind: 'direct', speaker: 'Lavrov', name: 'Lavrov' },
    ]],
    ['a speaker introduced in the previous sentence', 'Lavrov was blunt. "The talks are over and we will not return to them."',
      [{ quote: 'The talks are over and we will not return to them.', kind: 'direct', speaker: 'Lavrov' }]],
    ['a colon ending the previous paragraph', 'The New York Times reports:\n\n"Just 24 percent of the contributors have given $200 or less."',
      [{ quote: 'Just 24 percent of the contributors have given $200 or less.', kind: 'direct', speaker: 'New York Times', cue: 'reports' }]],
    ['a pronoun takes the previous speaker', '"We will win," said Lavrov. He noted that the talks would resume in May.', [
      { quote: 'We will win,', kind: 'direct', speaker: 'Lavrov' },
      { quote: 'the talks would resume in May', kind: 'indirect', speaker: 'He', name: 'Lavrov' },
    ]],
    ['a description takes the person who just spoke', '"We will win," said Lavrov.\n\n"We hope the minister will come," said the head of the Russian Foreign Ministry.', [
      { quote: 'We will win,', kind: 'direct', speaker: 'Lavrov' },
      { quote: 'We hope the minister will come,', kind: 'direct', speaker: 'the head of the Russian Foreign Ministry', name: 'Lavrov' },
    ]],
  ])('%s', (_name, text, expected) => {
    expectQuotes(text, expected);
  });
});

describe('quotes: indirect and mixed speech', () => {
  it.each<[string, string, Row[]]>([
    ['X said CLAUSE', 'Lavrov said the talks would resume in May.', [{ quote: 'the talks would resume in May', kind: 'indirect', speaker: 'Lavrov', cue: 'said' }]],
    ['X said that CLAUSE', 'Lavrov said that the talks would resume in May.', [{ quote: 'the talks would resume in May', kind: 'indirect', speaker: 'Lavrov', cue: 'said' }]],
    ['X noted that CLAUSE', 'The minister noted that the border would stay closed.', [{ quote: 'the border would stay closed', kind: 'indirect', speaker: 'The minister', cue: 'noted' }]],
    ['X told reporters on Monday that CLAUSE', 'Lavrov told reporters on Monday that the talks would resume.', [{ quote: 'the talks would resume', kind: 'indirect', speaker: 'Lavrov', cue: 'told' }]],
    ['According to X, CLAUSE', 'According to the ministry, two people died in the floods.', [{ quote: 'two people died in the floods', kind: 'indirect', speaker: 'the ministry', cue: 'According to' }]],
    ['According to him, CLAUSE', '"We will win," said Lavrov. According to him, the talks will resume in May.', [
      { quote: 'We will win,', kind: 'direct', speaker: 'Lavrov' },
      { quote: 'the talks will resume in May', kind: 'indirect', speaker: 'him', name: 'Lavrov', cue: 'According to' },
    ]],
    ['CLAUSE, according to X', 'Clinton leads by four points, according to the poll.', [{ quote: 'Clinton leads by four points', kind: 'indirect', speaker: 'the poll', cue: 'according to' }]],
    ['CLAUSE, according to the ADJ of X', 'Vaher leads by three points, according to the average of recent polls.',
      [{ quote: 'Vaher leads by three points', kind: 'indirect', speaker: 'the average of recent polls', cue: 'according to' }]],
    ['CLAUSE — according to the most ADJ X', 'Tartu had 115 burglaries — mostly in summer — according to the most recent police data.',
      // Data speak only for an owner the text names (never-a-speaker.ts): the quote stays, its speaker is null.
      [{ quote: 'Tartu had 115 burglaries — mostly in summer', kind: 'indirect', speaker: null, cue: 'according to' }]],
    ['CLAUSE, X said', 'The Prosecutor\'s Office is investigating the deaths, Baku Mayor Eldar Azizov said on Monday.',
      [{ quote: 'The Prosecutor\'s Office is investigating the deaths', kind: 'indirect', speaker: 'Eldar Azizov', cue: 'said' }]],
    ['As X noted, CLAUSE', 'As The Washington Post reported, Sanders would need 55 percent of the remaining delegates.',
      [{ quote: 'Sanders would need 55 percent of the remaining delegates', kind: 'indirect', speaker: 'The Washington Post', cue: 'reported' }]],
    ['CLAUSE, said X', 'The talks will resume in May, said the minister.', [{ quote: 'The talks will resume in May', kind: 'indirect', speaker: 'the minister', cue: 'said' }]],
    ['an organisation speaks', 'The ministry said the border was closed.', [{ quote: 'the border was closed', kind: 'indirect', speaker: 'The ministry' }]],
    ['a quoted fragment makes it mixed', 'He noted that contacts will begin "after the summer holidays" in September.',
      [{ quote: 'contacts will begin "after the summer holidays" in September', kind: 'mixed', speaker: 'He', cue: 'noted' }]],
    ['a quoted noun phrase makes it mixed', 'Smith pointed out the importance of "convergence of positions" on all issues.',
      [{ quote: 'the importance of "convergence of positions" on all issues', kind: 'mixed', speaker: 'Smith', cue: 'pointed out' }]],
    ['a quote that is the whole clause is direct', 'Smith said that "the talks are over."', [{ quote: 'the talks are over.', kind: 'direct', speaker: 'Smith' }]],
    ['X, its TITLE, said CLAUSE', 'Anna Berg, its chief executive officer, said the company would hire 200 people.',
      [{ quote: 'the company would hire 200 people', kind: 'indirect', speaker: 'Anna Berg', cue: 'said' }]],
    ['CLAUSE, its TITLE X said', 'Exports fell by a fifth, its chairman Mikk Saar said on Monday.',
      [{ quote: 'Exports fell by a fifth', kind: 'indirect', speaker: 'Mikk Saar', cue: 'said' }]],
    ['X, AGE, DESCRIPTION, told Y that CLAUSE', 'Omar Haddad, 41, a teacher visiting Tartu with his family, told the radio that he had heard two blasts.',
      [{ quote: 'he had heard two blasts', kind: 'indirect', speaker: 'Omar Haddad', cue: 'told' }]],
    ['X, TITLE, which CLAUSE, said CLAUSE', 'But Lina Park, director of Green Action, which organized the letter, said the mayor had ignored it.',
      [{ quote: 'the mayor had ignored it', kind: 'indirect', speaker: 'Lina Park', cue: 'said' }]],
    ['X, in a dissent, said CLAUSE', 'Judge Maria Ortiz, in her dissent, said the law was never meant to apply.',
      [{ quote: 'the law was never meant to apply', kind: 'indirect', speaker: 'Maria Ortiz', cue: 'said' }]],
    ['X — an aside — said CLAUSE', 'Many speakers at the rally — including farmers, nurses and teachers — said the cuts had gone too far.',
      [{ quote: 'the cuts had gone too far', kind: 'indirect', speaker: 'Many speakers at the rally', cue: 'said' }]],
    ['X (STATE), TITLE, said CLAUSE', 'Rep. Tom Reyes (Ohio), a member of the committee, said he had read the report.',
      [{ quote: 'he had read the report', kind: 'indirect', speaker: 'Tom Reyes', cue: 'said' }]],
    ['told THE NAME AND NAME on DAY that CLAUSE', 'Wilson told The Post and Courier on Saturday that he had voted early.',
      [{ quote: 'he had voted early', kind: 'indirect', speaker: 'Wilson', cue: 'told' }]],
    ['told Y that GERUND CLAUSE', 'Smith told the crowd that fixing the bridge was more work than expected.',
      [{ quote: 'fixing the bridge was more work than expected', kind: 'indirect', speaker: 'Smith', cue: 'told' }]],
    ['said NAME VERB (a name the tagger reads as a verb)', 'The newspaper said Cook provided a written statement.',
      [{ quote: 'Cook provided a written statement', kind: 'indirect', speaker: 'The newspaper', cue: 'said' }]],
    ['the clause ends where the speaker goes on: and promised', 'The judge said she regretted her remarks and promised to stay out of it.', [
      { quote: 'she regretted her remarks', kind: 'indirect', speaker: 'The judge', cue: 'said' },
      { quote: 'to stay out of it', kind: 'indirect', speaker: 'The judge', cue: 'promised' },
    ]],
    ['the clause ends where the speaker goes on: , noting', 'Lund said the rhetoric had been patronizing, noting her comments to a radio host.',
      [{ quote: 'the rhetoric had been patronizing', kind: 'indirect', speaker: 'Lund', cue: 'said' }]],
    ['the clause ends where the speaker goes on: and calls her "…"', 'He says he respects Vaher and calls her "an extremely capable mayor."', [
      { quote: 'he respects Vaher', kind: 'indirect', speaker: 'He', cue: 'says' },
      { quote: 'her "an extremely capable mayor."', kind: 'mixed', speaker: 'He', cue: 'calls' },
    ]],
    ['the clause ends at a comma inside the closing mark: ,” claiming', 'Saar insisted that he had “widened the party’s base,” claiming that turnout had doubled.', [
      { quote: 'he had “widened the party’s base,”', kind: 'mixed', speaker: 'Saar', cue: 'insisted' },
      { quote: 'turnout had doubled', kind: 'indirect', speaker: 'Saar', cue: 'claiming' },
    ]],
    ['X, who said A, said B: two reports', 'Lund, who said he usually votes Green, said one candidate he likes is the mayor.', [
      { quote: 'he usually votes Green', kind: 'indirect', speaker: 'Lund', cue: 'said' },
      { quote: 'one candidate he likes is the mayor', kind: 'indirect', speaker: 'Lund', cue: 'said' },
    ]],
    ['ADVERBIAL, X said, CLAUSE: the clause after the attribution', 'In any case, Mr. Saar said, the port was vastly over-supplied with cranes.',
      [{ quote: 'the port was vastly over-supplied with cranes', kind: 'indirect', speaker: 'Saar', cue: 'said' }]],
    ['a conjunction inside the report does not end it', 'Officials said prices rose and fell during the week.',
      [{ quote: 'prices rose and fell during the week', kind: 'indirect', speaker: 'Officials', cue: 'said' }]],
    ['X vowed to VERB (a promise)', 'The mayor vowed to rebuild the bridge within a year.',
      [{ quote: 'to rebuild the bridge within a year', kind: 'indirect', speaker: 'The mayor', cue: 'vowed' }]],
    ['X has pledged to VERB', 'Reyes has pledged to close the detention centers.',
      [{ quote: 'to close the detention centers', kind: 'indirect', speaker: 'Reyes', cue: 'pledged' }]],
    ['a day between subject and cue', 'Vaher on Tuesday said the terminal would open in May.',
      [{ quote: 'the terminal would open in May', kind: 'indirect', speaker: 'Vaher', cue: 'said' }]],
    ['a participle and a day between subject and cue', 'A court document filed Thursday says the charge was dropped.',
      [{ quote: 'the charge was dropped', kind: 'indirect', speaker: 'A court document', cue: 'says' }]],
    ['said if CLAUSE', 'Reyes said if elected he would cut the sales tax.',
      [{ quote: 'if elected he would cut the sales tax', kind: 'indirect', speaker: 'Reyes', cue: 'said' }]],
  ])('%s', (_name, text, expected) => {
    expectQuotes(text, expected);
  });
});

describe('quotes: must find nothing', () => {
  it.each([
    ['a title of a book', 'He read "War and Peace" twice last year.'],
    ['a title of a film', 'The film "Star Wars" opened in May.'],
    ['a title in title case', 'Blige sang "American Skin" at the rally.'],
    ['a show at the end of a sentence', 'Flynn appeared on Fox News’s “Fox and Friends.”'],
    ['a nickname', 'Dwayne "The Rock" Johnson arrived in Baku.'],
    ['a scare quote', 'The so-called "reforms" failed.'],
    ['a belief', 'Smith thinks the election is rigged.'],
    ['an intention', 'Smith wants to cut taxes next year.'],
    ['"said to be"', 'The report was said to be false.'],
    ['a noun, not a cue', 'Initial reports focus was on the statement.'],
    ['a cue with no subject', 'Having said that, the vote was close.'],
    ['no marks, no cue', 'The talks resumed in Moscow on Friday.'],
    ['a fronted adverbial is no subject', 'In Tallinn, after the vote, said nothing about the result.'],
    ['told Y that THING without a clause', 'Smith told the crowd that story about his father.'],
    ['agreed to VERB is an act, not a promise reported', 'The company agreed to pay $325 million.'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });

  it('finds nothing inside page furniture', () => {
    const text = '"We will win," said Lavrov. -02D-\nPolitics\n-\nLeave a review';
    expect(quotesOf(text).map((q) => q.quote)).toEqual(['We will win,']);
  });
});

describe('quotes: any string', () => {
  it.each([
    ['a storm of marks', '""""""""""""'],
    ['unbalanced curly marks', '“ ” ” “ “ said he ” ”'],
    ['marks across paragraphs', '"A\n\n"B\n\n"C," said D.\n\n"'],
    ['guillemets inside out', '» text « said X »'],
    ['only a cue', 'said'],
    ['a cue and a colon', 'He said:'],
    ['according to nothing', 'According to'],
    ['a long run of quoted words', `"${'word '.repeat(3000)}" said Smith.`],
  ])('%s never throws and stays valid', (_name, text) => {
    expect(() => quotesOf(text)).not.toThrow();
  });

  it('lists quotes in text order', () => {
    const text = 'Lavrov said the talks would resume. "We will win," Smith said. According to the ministry, the border is closed.';
    const starts = extractor.extract(text).quotes.map((q) => q.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts).toHaveLength(3);
  });
});
