/**
 * The entity stages on hand-built candidates: no model involved, so each case
 * shows what the resolver, the clustering and the title finder do with given spans.
 */

import { describe, expect, it } from 'vitest';
import type { EntityCandidate, LedeDocument } from '../../src/core/document.js';
import { createDocument } from '../../src/core/document.js';
import { compileResources } from '../../src/core/resources.js';
import { loadResourceData } from '../../src/node/load-data.js';
import { segmentStage } from '../../src/stages/segment.js';
import { tokenizeStage } from '../../src/stages/tokenize.js';
import { rulesStage } from '../../src/stages/entities/rules.js';
import { resolveStage } from '../../src/stages/entities/resolve.js';
import { entitiesStage } from '../../src/stages/entities/cluster.js';
import { salienceStage } from '../../src/stages/entities/salience.js';
import { isSpellingVariant, acronymOf, foldName, nameKey, spellingSkeleton } from '../../src/stages/entities/names.js';
import type { EntityType, GazetteerEntry } from '../../src/types.js';

type Given = [surface: string, type: EntityType | 'misc', occurrence?: number, score?: number];

const data = loadResourceData();

/** Runs segment + tokenize, adds the given spans as model candidates, then the entity stages. */
function run(text: string, given: Given[], gazetteer?: GazetteerEntry[]): LedeDocument {
  const resources = compileResources(data, gazetteer ? { gazetteer } : {});
  const doc = createDocument(text, null);
  segmentStage.run(doc, resources);
  tokenizeStage.run(doc, resources);
  for (const [surface, type, occurrence = 1, score = 0.9] of given) {
    let start = -1;
    for (let i = 0; i < occurrence; i++) start = text.indexOf(surface, start + 1);
    if (start < 0) throw new Error(`"${surface}" (${occurrence}) is not in the text`);
    const end = start + surface.length;
    const tokenStart = doc.tokens.findIndex((t) => t.start === start);
    const tokenEnd = doc.tokens.findIndex((t) => t.end === end) + 1;
    if (tokenStart < 0 || tokenEnd <= 0) throw new Error(`"${surface}" does not fall on token boundaries`);
    const candidate: EntityCandidate = { start, end, tokenStart, tokenEnd, type, provenance: { stage: 'ner', rule: 'hand-built', score } };
    doc.entityCandidates.push(candidate);
  }
  rulesStage.run(doc, resources);
  resolveStage.run(doc, resources);
  entitiesStage.run(doc, resources);
  salienceStage.run(doc, resources);
  return doc;
}

function entities(doc: LedeDocument): { type: EntityType; name: string; aliases: string[]; mentions: string[] }[] {
  return doc.entities.map((e) => ({
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    mentions: e.mentions.map((m) => doc.mentions[m]!.text),
  }));
}

function mentionTexts(doc: LedeDocument): string[] {
  return doc.mentions.map((m) => `${m.type}:${m.text}`);
}

describe('names', () => {
  it.each([
    ['Mamedyarov', 'Mammadyarov', true],
    ['Zelensky', 'Zelenskyy', true],
    ['Zelensky', 'Zelenskiy', true],
    ['Gaddafi', 'Qaddafi', true],
    ['Gaddafi', 'Kadhafi', true],
    ['Martínez', 'Martinez', true],
    ['Lavrov', 'LAVROV', true],
    ['Ivanov', 'Ivanova', false],
    ['Kim', 'Kam', false],
    ['Lavrov', 'Lavrentiev', false],
    ['Baker', 'Becker', false],
    ['Smith', 'Schmidt', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(isSpellingVariant(a, b)).toBe(expected);
  });

  it.each([
    ['Lavrov', 'lavrov', 'lavrov'],
    ['The Gambia', 'the gambia', 'gambia'],
    ['THE HAGUE', 'the hague', 'hague'],
    ['the', 'the', 'the'],
    ['Theodore Roosevelt', 'theodore roosevelt', 'theodore roosevelt'],
    ['COP29', 'cop29', 'cop29'],
    ['New  York', 'new york', 'new york'],
    [' New York ', 'new york', 'new york'],
    ["Lavrov's", "lavrov's", 'lavrov'],
    ['Lavrov’s', "lavrov's", 'lavrov'],
    ['U.S.', 'u.s.', 'us'],
    ['Nagorno - Karabakh', 'nagorno - karabakh', 'nagorno-karabakh'],
    ['Nagorno–Karabakh', 'nagorno-karabakh', 'nagorno-karabakh'],
    ['Martínez', 'martinez', 'martinez'],
    ['São Tomé and Príncipe', 'sao tome and principe', 'sao tome and principe'],
  ])('folds %s to %s, keyed %s', (name, folded, key) => {
    expect(foldName(name)).toBe(folded);
    expect(nameKey(name)).toBe(key);
  });

  it('gives one skeleton to transliterations', () => {
    expect(spellingSkeleton('Mamedyarov')).toBe(spellingSkeleton('Mammadyarov'));
  });

  it.each([
    ['Organization for Security and Co-operation in Europe', 'OSCE'],
    ['North Atlantic Treaty Organization', 'NATO'],
    ['International Monetary Fund', 'IMF'],
  ])('acronym of %s is %s', (name, acronym) => {
    expect(acronymOf(name)).toBe(acronym);
  });
});

describe('resolve: cleaning spans', () => {
  it.each<[string, string, Given[], string[]]>([
    ['titles leave the name', 'Secretary of State Antony Blinken is headed to Brussels.', [['State Antony Blinken', 'person']], ['person:Antony Blinken']],
    ['honorifics leave the name', 'Mr. Tamm said so.', [['Mr. Tamm', 'person']], ['person:Tamm']],
    ['possessives leave the name', "Lavrov's statement was short.", [["Lavrov's", 'person']], ['person:Lavrov']],
    ['determiners leave the name', 'They met at the World Bank.', [['the World Bank', 'organization']], ['organization:World Bank']],
    ['a role is not a name', 'We hope that Azerbaijani Energy Minister will attend.', [['Azerbaijani Energy Minister', 'person']], []],
    ['pronouns are not names', 'He said so.', [['He', 'person']], []],
    ['lower-case words are not names', 'the ministers met.', [['ministers', 'organization']], []],
    ['MISC is never output', 'The Iranian nuclear program.', [['Iranian', 'misc']], []],
  ])('%s', (_name, text, given, expected) => {
    expect(mentionTexts(run(text, given))).toEqual(expected);
  });

  it('lets a rule extend a model span: "Sverdlovsk region" and "Russia"', () => {
    const doc = run('In September, in the Sverdlovsk region Russia will organize an exhibition.', [['Sverdlovsk', 'place'], ['Russia', 'place']]);
    expect(mentionTexts(doc)).toEqual(['place:Sverdlovsk region', 'place:Russia']);
  });

  it('splits a hyphenated pair of people named elsewhere', () => {
    const text = 'New details of the meeting Lavrov-Mamedyarov\nLavrov met Mammadyarov in Moscow.';
    const doc = run(text, [['Lavrov-Mamedyarov', 'misc'], ['Lavrov', 'person', 2], ['Mammadyarov', 'person']]);
    expect(mentionTexts(doc).slice(0, 2)).toEqual(['person:Lavrov', 'person:Mamedyarov']);
  });

  it('keeps a hyphenated place whole: "Nagorno-Karabakh"', () => {
    const doc = run('The Nagorno-Karabakh problem and Karabakh talks.', [['Nagorno-Karabakh', 'place'], ['Karabakh', 'place', 2]]);
    expect(mentionTexts(doc)).toEqual(['place:Nagorno-Karabakh', 'place:Karabakh']);
  });

  it('trusts the model where it reads a rule\'s words otherwise: "American League" as MISC', () => {
    const doc = run('He leads the American League in home runs.', [['American League', 'misc']]);
    expect(mentionTexts(doc)).toEqual([]);
  });

  it('keeps the edges the model learned: "The Oval", "Lord\'s"', () => {
    const doc = run('They play at The Oval and then at Lord\'s in May.', [['The Oval', 'place'], ["Lord's", 'place']]);
    expect(mentionTexts(doc)).toEqual(['place:The Oval', "place:Lord's"]);
  });

  it.each<[string, number, string]>([
    ['an unsure model yields to a known entity', 0.1, 'organization:UN'],
    ['a sure model keeps its type', 0.9, 'place:UN'],
  ])('%s', (_name, score, expected) => {
    expect(mentionTexts(run('They cooperate in the UN.', [['UN', 'place', 1, score]]))).toEqual([expected]);
  });

  it('splits a title inside a model span: "Baku Mayor Eldar Azizov"', () => {
    const doc = run('Baku Mayor Eldar Azizov said so.', [['Baku Mayor Eldar Azizov', 'organization']]);
    expect(mentionTexts(doc)).toEqual(['place:Baku', 'person:Eldar Azizov']);
  });

  it.each<[string, string, Given[], string[]]>([
    ['two companies joined by "and"', 'They compete with Johnson Controls Inc and Lear Corp. now.', [['Johnson Controls Inc', 'organization'], ['Lear Corp.', 'organization']],
      ['organization:Johnson Controls Inc', 'organization:Lear Corp.']],
    ['a person of a company', 'Said Lynn Reaser of Barnett Banks Inc. today.', [['Lynn Reaser', 'person'], ['Barnett Banks Inc.', 'organization']],
      ['person:Lynn Reaser', 'organization:Barnett Banks Inc.']],
    ['a company of a place', 'He sold Kia Motor Corp of South Korea.', [['Kia Motor Corp', 'organization'], ['South Korea', 'place']],
      ['organization:Kia Motor Corp', 'place:South Korea']],
    ['a nationality before a lower-case head', 'They play English county sides.', [['English', 'misc']], []],
    ['a capitalised title before an organisation', 'Said Economist Joel Naroff of First Union.', [['Joel Naroff', 'person'], ['First Union', 'organization']],
      ['person:Joel Naroff', 'organization:First Union']],
  ])('rules do not join what the model keeps apart: %s', (_name, text, given, expected) => {
    expect(mentionTexts(run(text, given))).toEqual(expected);
  });

  it('finds a name decided once wherever it recurs', () => {
    const doc = run('Okonkwo arrived. Later Okonkwo left.', [['Okonkwo', 'person', 2]]);
    expect(mentionTexts(doc)).toEqual(['person:Okonkwo', 'person:Okonkwo']);
  });

  it('never makes an entity out of furniture', () => {
    const doc = run('Details are not disclosed. -02D-\nPolitics\n-\nThe talks resumed.', [['Politics', 'organization']].filter(() => false) as Given[]);
    expect(doc.mentions).toEqual([]);
  });
});

describe('resolve: rules', () => {
  it.each(data.entities.patterns.examples)('$text', ({ text, entity, type }) => {
    const doc = run(text, []);
    if (entity === null) expect(mentionTexts(doc)).not.toContainEqual(expect.stringContaining('settlement'));
    else expect(mentionTexts(doc)).toContain(`${type}:${entity}`);
  });
});

describe('resolve: spans that are no names (non-names.ts)', () => {
  it.each<[string, string, Given[], string[]]>([
    ['a reference to a part of a text', 'Congress may waive any Title IV provision.', [['Congress', 'organization'], ['Title IV', 'organization']], ['organization:Congress']],
    ['a reference head before a number', 'It is in my condensed book at Tab 3, please.', [['Tab', 'organization']], []],
    ['a reference head without a number is a name', 'Steve Case founded it.', [['Steve Case', 'person']], ['person:Steve Case']],
    ['a storm, and its name alone', "Cyclone Phailin hit Odisha. Phailin's winds fell.", [['Cyclone Phailin', 'organization'], ['Odisha', 'place'], ['Phailin', 'person', 2]], ['place:Odisha']],
    ['no storm: an institution', 'The National Hurricane Center said so.', [['National Hurricane Center', 'organization']], ['organization:National Hurricane Center']],
    ['a common noun at the start of a sentence', 'Kids lack iodine. Iodine deficiency harms them, and iodine is cheap.', [['Iodine', 'organization']], []],
    ['a name written in lower case once', 'Turkey hosts the talks. A turkey was served.', [['Turkey', 'place']], ['place:Turkey']],
    [
      'a one-word person that stands where places stand',
      'Coron is a town. Divers in Coron see wrecks. Hotels in Coron are full.',
      [['Coron', 'person'], ['Coron', 'person', 2], ['Coron', 'person', 3]],
      ['place:Coron', 'place:Coron', 'place:Coron'],
    ],
    [
      'not a person named in full',
      'Jane Corrin spoke. Few in Corrin trust it. Many in Corrin agree.',
      [['Jane Corrin', 'person'], ['Corrin', 'person', 2], ['Corrin', 'person', 3]],
      ['person:Jane Corrin', 'person:Corrin', 'person:Corrin'],
    ],
    [
      'not in a possessive or before a second name',
      "Faith in Corrin's plan fell. It was seen in Corrin and Biewener's study. Corrin left.",
      [['Corrin', 'person'], ['Corrin', 'person', 2], ['Corrin', 'person', 3]],
      ['person:Corrin', 'person:Corrin', 'person:Corrin'],
    ],
    ['a name before et al.', 'Douglas Babstock et al. answered.', [['Douglas Babstock', 'organization']], ['person:Douglas Babstock']],
    ['a company before et al.', 'Atlantic Lottery Corporation et al. appealed.', [['Atlantic Lottery Corporation', 'organization']], ['organization:Atlantic Lottery Corporation']],
  ])('%s', (_, text, given, expected) => {
    expect(mentionTexts(run(text, given))).toEqual(expected);
  });
});

describe('entities: clustering', () => {
  it('merges full name, surname and possessive', () => {
    const text = "Sergey Lavrov arrived. Lavrov's aides followed. \"We hope,\" said Lavrov.";
    const doc = run(text, [['Sergey Lavrov', 'person'], ["Lavrov", 'person', 2], ['Lavrov', 'person', 3]]);
    expect(entities(doc)).toEqual([{ type: 'person', name: 'Sergey Lavrov', aliases: ['Lavrov'], mentions: ['Sergey Lavrov', 'Lavrov', 'Lavrov'] }]);
  });

  it.each([
    ['Mamedyarov', 'Mammadyarov'],
    ['Zelensky', 'Zelenskyy'],
    ['Gaddafi', 'Qaddafi'],
    ['José Martínez', 'Jose Martinez'],
  ])('merges spelling variants %s / %s', (a, b) => {
    const doc = run(`${a} spoke first. Then ${b} spoke again.`, [[a, 'person'], [b, 'person']]);
    expect(doc.entities).toHaveLength(1);
  });

  it('merges an all-caps headline form', () => {
    const doc = run('LAVROV IN BAKU\nSergey Lavrov arrived on Friday.', [['LAVROV', 'person'], ['Sergey Lavrov', 'person']]);
    expect(entities(doc)).toEqual([{ type: 'person', name: 'Sergey Lavrov', aliases: ['LAVROV'], mentions: ['LAVROV', 'Sergey Lavrov'] }]);
  });

  it.each([
    ['with parentheses', 'The Organization for Security and Co-operation in Europe (OSCE) met. The OSCE said so.'],
    ['acronym first', 'The OSCE met. The Organization for Security and Co-operation in Europe said so.'],
  ])('merges an acronym and its expansion %s', (_name, text) => {
    const doc = run(text, [['Organization for Security and Co-operation in Europe', 'organization'], ['OSCE', 'organization']]);
    expect(entities(doc)).toHaveLength(1);
    expect(entities(doc)[0]!.name).toBe('Organization for Security and Co-operation in Europe');
  });

  it('merges an acronym and an expansion whose initials differ, when written in parentheses', () => {
    const text = 'The Shanghai Cooperation Organisation (SCO) met.';
    const doc = run(text, [['Shanghai Cooperation Organisation', 'organization'], ['SCO', 'organization']]);
    expect(doc.entities).toHaveLength(1);
  });

  it('merges country short forms', () => {
    const text = 'The United States is ready. The U.S. could help. America will. US officials agreed.';
    const doc = run(text, [['United States', 'place'], ['U.S.', 'place'], ['America', 'place'], ['US', 'place']]);
    expect(entities(doc)).toEqual([{ type: 'place', name: 'United States', aliases: ['U.S.', 'America', 'US'], mentions: ['United States', 'U.S.', 'America', 'US'] }]);
  });

  it('keeps two people who share a surname apart; a bare surname goes to the one named last', () => {
    const text = 'Joe Biden spoke. Biden smiled. Hunter Biden listened. Biden nodded.';
    const doc = run(text, [['Joe Biden', 'person'], ['Biden', 'person', 2], ['Hunter Biden', 'person'], ['Biden', 'person', 4]]);
    expect(entities(doc).map((e) => [e.name, e.mentions])).toEqual([
      ['Joe Biden', ['Joe Biden', 'Biden']],
      ['Hunter Biden', ['Hunter Biden', 'Biden']],
    ]);
  });

  it('past its paragraph, a bare surname goes to the person the article has named most, not a relative named once', () => {
    const text = 'Ted Cruz spoke. Cruz smiled. Cruz waved.\n\nTrump posted a photo of Heidi Cruz.\n\nCruz said he was angry.';
    const doc = run(text, [['Ted Cruz', 'person'], ['Cruz', 'person', 2], ['Cruz', 'person', 3], ['Heidi Cruz', 'person'], ['Cruz', 'person', 5]]);
    expect(entities(doc).map((e) => [e.name, e.mentions])).toEqual([
      ['Ted Cruz', ['Ted Cruz', 'Cruz', 'Cruz', 'Cruz']],
      ['Heidi Cruz', ['Heidi Cruz']],
    ]);
  });

  it('with two people named as often, a bare surname in a later paragraph goes to the one named last', () => {
    const text = 'Gary Johnson spoke.\n\nJeh Johnson listened.\n\nJohnson nodded.';
    const doc = run(text, [['Gary Johnson', 'person'], ['Jeh Johnson', 'person'], ['Johnson', 'person', 3]]);
    expect(entities(doc).map((e) => [e.name, e.mentions])).toEqual([
      ['Gary Johnson', ['Gary Johnson']],
      ['Jeh Johnson', ['Jeh Johnson', 'Johnson']],
    ]);
  });

  it.each([
    ['different surnames', 'Ivanov met Ivanova.', [['Ivanov', 'person'], ['Ivanova', 'person']]],
    ['different full names', 'Joe Biden met Jill Biden.', [['Joe Biden', 'person'], ['Jill Biden', 'person']]],
    ['different countries', 'Austria and Australia agreed.', [['Austria', 'place'], ['Australia', 'place']]],
    ['different ministries', 'The Russian Foreign Ministry and the Armenian Foreign Ministry talked.', []],
  ] as [string, string, Given[]][])('does not merge %s', (_name, text, given) => {
    expect(run(text, given).entities).toHaveLength(2);
  });

  it('gives an entity one type across the article', () => {
    const doc = run('Lavrov spoke. Then Lavrov left. Lavrov phoned.', [['Lavrov', 'person'], ['Lavrov', 'organization', 2], ['Lavrov', 'person', 3]]);
    expect(entities(doc)).toEqual([{ type: 'person', name: 'Lavrov', aliases: [], mentions: ['Lavrov', 'Lavrov', 'Lavrov'] }]);
  });
});

describe('entities: custom gazetteer', () => {
  it('adds an entity the text alone would not give', () => {
    const doc = run('Talks at Gosplan ended.', [], [{ name: 'Gosplan', type: 'organization' }]);
    expect(entities(doc)).toEqual([{ type: 'organization', name: 'Gosplan', aliases: [], mentions: ['Gosplan'] }]);
  });

  it('overrides the model and merges its aliases', () => {
    const doc = run('Turan reported. The Turan Information Agency added.', [['Turan', 'person']], [
      { name: 'Turan Information Agency', type: 'organization', aliases: ['Turan'] },
    ]);
    expect(entities(doc)).toEqual([{ type: 'organization', name: 'Turan Information Agency', aliases: ['Turan'], mentions: ['Turan', 'Turan Information Agency'] }]);
  });

  // Each form is looked up as the tokens write it, glued ("St.Petersburg") or not; the
  // whole first word counts ("Volga-Don", though "Volga" is a form of its own).
  const forms: GazetteerEntry[] = [
    { name: 'St.Petersburg Economic Forum', type: 'organization' },
    { name: 'Volga-Don Shipping Company of Rostov', type: 'organization' },
    { name: 'Volga', type: 'place' },
    { name: 'Narkomfin', type: 'organization' },
  ];
  it.each([
    ['Guests of the St.Petersburg Economic Forum arrived.', ['organization:St.Petersburg Economic Forum']],
    ['Volga-Don Shipping Company of Rostov, the carrier, said so.', ['organization:Volga-Don Shipping Company of Rostov']],
    ['On the Volga, Narkomfin (the ministry) met.', ['place:Volga', 'organization:Narkomfin']],
  ])('%s', (text, expected) => {
    expect(mentionTexts(run(text, [], forms)).filter((m) => !m.startsWith('misc'))).toEqual(expected);
  });
});

describe('entities: titles', () => {
  it.each(data.entities.titles.examples)('$text', ({ text, name, title }) => {
    const words = name.split(' ');
    const given: Given[] = [[name, 'person']];
    const doc = run(text, given);
    const person = doc.entities.find((e) => e.name === name || e.name.endsWith(words[words.length - 1]!));
    expect(person?.name).toBe(name);
    expect(person?.titles).toContain(title);
  });

  it('titles never end up inside names', () => {
    const doc = run('U.S. National Climate Advisor Ali Zaidi said so.', [['Advisor Ali Zaidi', 'person']]);
    expect(entities(doc).find((e) => e.type === 'person')?.name).toBe('Ali Zaidi');
  });

  it('sets gender from honorifics and gendered titles', () => {
    const doc = run('Mrs. Vaher spoke. Spokesman Peter Hall answered.', [['Vaher', 'person'], ['Peter Hall', 'person']]);
    expect(doc.entities.map((e) => [e.name, e.gender])).toEqual([['Vaher', 'female'], ['Peter Hall', 'male']]);
  });
});

describe('salience', () => {
  it('ranks the most named, headlined and spread entity first', () => {
    const text = 'Lavrov in Baku\nLavrov met Tamm.\nLavrov spoke again.\nLater, Lavrov left.';
    const doc = run(text, [['Lavrov', 'person'], ['Baku', 'place'], ['Tamm', 'person']]);
    const scores = Object.fromEntries(doc.entities.map((e) => [e.name, e.salience]));
    expect(scores.Lavrov).toBeGreaterThan(scores.Tamm!);
    expect(scores.Lavrov).toBeGreaterThan(scores.Baku!);
    for (const e of doc.entities) {
      expect(e.salience).toBeGreaterThanOrEqual(0);
      expect(e.salience).toBeLessThanOrEqual(1);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
  });
});
