/**
 * Speaker resolution against entities built by hand (as the entity stages would
 * leave them), so these cases test the quotes stage alone.
 */

import { describe, expect, it } from 'vitest';
import type { EntityRecord, LedeDocument, Mention } from '../../src/core/document.js';
import { runPipeline } from '../../src/core/extractor.js';
import { compileResources } from '../../src/core/resources.js';
import { loadResourceData } from '../../src/node/load-data.js';
import { segmentStage } from '../../src/stages/segment.js';
import { tokenizeStage } from '../../src/stages/tokenize.js';
import { quotesStage } from '../../src/stages/quotes/index.js';
import type { EntityType } from '../../src/types.js';

const resources = compileResources(loadResourceData(), {});

interface EntitySpec {
  name: string;
  type: EntityType;
  /** Surface forms; every occurrence in the text becomes a mention. */
  forms: string[];
  gender?: 'male' | 'female';
  titles?: string[];
}

function documentWith(text: string, entities: EntitySpec[], descriptions: { text: string; entity: number }[] = []): LedeDocument {
  const doc = runPipeline(text, {}, resources, [segmentStage, tokenizeStage]);
  const mentions: Mention[] = [];
  entities.forEach((spec, entity) => {
    for (const form of spec.forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        const end = at + form.length;
        const tokenStart = doc.tokens.findIndex((t) => t.start >= at);
        let tokenEnd = tokenStart;
        while (tokenEnd < doc.tokens.length && doc.tokens[tokenEnd]!.end <= end) tokenEnd++;
        if (mentions.some((m) => m.start < end && at < m.end)) continue;
        mentions.push({ start: at, end, tokenStart, tokenEnd, type: spec.type, text: form, provenance: [], entity });
      }
    }
  });
  mentions.sort((a, b) => a.start - b.start);
  doc.mentions = mentions;
  doc.entities = entities.map((spec, index): EntityRecord => ({
    type: spec.type,
    name: spec.name,
    aliases: spec.forms.filter((f) => f !== spec.name),
    mentions: mentions.flatMap((m, i) => (m.entity === index ? [i] : [])),
    titles: spec.titles ?? [],
    salience: 0,
    confidence: 1,
    gender: spec.gender ?? null,
  }));
  doc.descriptions = descriptions.map((d) => {
    const start = text.indexOf(d.text);
    return { start, end: start + d.text.length, text: d.text, entity: d.entity, head: d.text.split(' ').pop()!.toLowerCase() };
  });
  quotesStage.run(doc, resources);
  return doc;
}

function speakers(doc: LedeDocument): [string, string, number][] {
  return doc.quotes.map((q) => [q.speaker?.mention.text ?? '', q.speaker?.name ?? '', q.speaker?.entity ?? -2]);
}

const LAVROV: EntitySpec = { name: 'Sergey Lavrov', type: 'person', forms: ['Sergey Lavrov', 'Lavrov'], gender: 'male' };
const MAMMADYAROV: EntitySpec = { name: 'Elmar Mammadyarov', type: 'person', forms: ['Elmar Mammadyarov', 'Mammadyarov'], gender: 'male' };
const CLINTON: EntitySpec = { name: 'Hillary Clinton', type: 'person', forms: ['Hillary Clinton', 'Clinton'], gender: 'female' };
const TRUMP: EntitySpec = { name: 'Donald Trump', type: 'person', forms: ['Donald Trump', 'Trump'], gender: 'male' };
const MINISTRY: EntitySpec = { name: 'Foreign Ministry', type: 'organization', forms: ['Foreign Ministry'] };
const DEFENSE: EntitySpec = { name: 'Defense Ministry', type: 'organization', forms: ['Defense Ministry'] };
const AZIZOV: EntitySpec = { name: 'Eldar Azizov', type: 'person', forms: ['Eldar Azizov', 'Azizov'], gender: 'male', titles: ['Mayor'] };

describe('speakers: named mentions map to their entity', () => {
  it.each<[string, string, EntitySpec[], [string, string, number][]]>([
    ['surname to the full name', 'Sergey Lavrov arrived in Baku. "We will win," said Lavrov.', [LAVROV], [['Lavrov', 'Sergey Lavrov', 0]]],
    ['an organisation speaks', 'The Foreign Ministry said the border was closed.', [MINISTRY], [['Foreign Ministry', 'Foreign Ministry', 0]]],
    ['a titled name', '"We will win," Foreign Minister Sergey Lavrov said.', [LAVROV], [['Sergey Lavrov', 'Sergey Lavrov', 0]]],
  ])('%s', (_name, text, entities, expected) => {
    expect(speakers(documentWith(text, entities))).toEqual(expected);
  });
});

describe('speakers: pronouns go to the most recent compatible entity', () => {
  it.each<[string, string, EntitySpec[], [string, string, number][]]>([
    ['he skips a woman', 'Hillary Clinton met Donald Trump in Ohio. He said the talks had failed.', [CLINTON, TRUMP], [['He', 'Donald Trump', 1]]],
    ['she skips a man', 'Donald Trump met Hillary Clinton in Ohio. She said the talks had failed.', [TRUMP, CLINTON], [['She', 'Hillary Clinton', 1]]],
    ['not the object of a preposition', 'After talks with Mammadyarov, Lavrov phoned the minister. He said the talks had failed.', [MAMMADYAROV, LAVROV], [['He', 'Sergey Lavrov', 1]]],
    ['the previous speaker first', '"We will win," said Lavrov after meeting Mammadyarov.\n\nHe noted that the talks would resume.', [LAVROV, MAMMADYAROV],
      [['Lavrov', 'Sergey Lavrov', 0], ['He', 'Sergey Lavrov', 0]]],
    ['according to him', 'Eldar Azizov visited the tunnel. According to him, the sewer system could not cope.', [AZIZOV], [['him', 'Eldar Azizov', 0]]],
    ['it is an organisation', 'The Foreign Ministry met on Friday. It said the border was closed.', [MINISTRY], [['It', 'Foreign Ministry', 0]]],
    ['they can be an organisation', 'The Foreign Ministry met on Friday. They said the border was closed.', [MINISTRY], [['They', 'Foreign Ministry', 0]]],
    ['no compatible antecedent: no guess', 'Hillary Clinton spoke first. He said the talks had failed.', [CLINTON], [['He', 'He', -1]]],
    ['no antecedent at all', 'He said the talks had failed.', [], [['He', 'He', -1]]],
  ])('%s', (_name, text, entities, expected) => {
    expect(speakers(documentWith(text, entities))).toEqual(expected);
  });
});

describe('speakers: descriptions go to the entity the article makes clear', () => {
  it.each<[string, string, EntitySpec[], [string, string, number][]]>([
    ['the one person with the title', 'Eldar Azizov visited the tunnel. The mayor said the floods were over.', [AZIZOV], [['The mayor', 'Eldar Azizov', 0]]],
    ['the one organisation with the head noun', 'The Foreign Ministry met on Friday. The ministry said the border was closed.', [MINISTRY], [['The ministry', 'Foreign Ministry', 0]]],
    ['two ministries: no guess', 'The Foreign Ministry met the Defense Ministry. The ministry said the border was closed.', [MINISTRY, DEFENSE], [['The ministry', 'The ministry', -1]]],
    ['the head of X who just spoke', '"We will win," said Lavrov.\n\n"We hope they come," said the head of the Russian Foreign Ministry.', [LAVROV, { name: 'Russian Foreign Ministry', type: 'organization', forms: ['Russian Foreign Ministry'] }],
      [['Lavrov', 'Sergey Lavrov', 0], ['the head of the Russian Foreign Ministry', 'Sergey Lavrov', 0]]],
    ['a description nobody names', 'Officials said the border was closed.', [], [['Officials', 'Officials', -1]]],
  ])('%s', (_name, text, entities, expected) => {
    expect(speakers(documentWith(text, entities))).toEqual(expected);
  });

  it('uses a description the entity stages linked', () => {
    const text = 'Lavrov met the minister. The spokesman said the talks failed.';
    const doc = documentWith(text, [LAVROV], [{ text: 'The spokesman', entity: 0 }]);
    expect(speakers(doc)).toEqual([['The spokesman', 'Sergey Lavrov', 0]]);
  });
});
