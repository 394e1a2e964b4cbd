/**
 * Hand-built articles and extractions for the search-document and SQLite tests:
 * they fix what the stages would find, so these tests do not depend on them.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Entity, Extraction, Span } from '../src/index.js';
import { ROOT } from './helpers.js';
import { newsArticle, newsText } from './batch-helpers.js';

/** The ```sql blocks (its example queries) of the README.md section headed `### ${section}`, in order. */
export function documentedQueries(section: string): string[] {
  const markdown = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = markdown.indexOf(`\n### ${section}\n`);
  if (start < 0) throw new Error(`README.md has no section "### ${section}"`);
  const rest = markdown.slice(start + section.length + 6);
  const end = rest.search(/\n#{1,3} /);
  const body = end < 0 ? rest : rest.slice(0, end);
  return [...body.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]!.trim());
}

/** What one input line of the acceptance input must give: an article, or a record error. */
export type ExpectedRecord = { text: string; publishedAt?: string; id: string | number } | { error: string; id: string | number };

/**
 * The acceptance input of `lede annotate`: 3,000 lines of invented news with six bad
 * records at known places, one article of more than 2 MB (line 1234), records
 * without an id (every tenth: their line number is their id) or a date.
 */
export function acceptanceInput(): { lines: string[]; expected: ExpectedRecord[]; bigLine: number } {
  const lines: string[] = [];
  const expected: ExpectedRecord[] = [];
  const badRecords: Record<number, [string, string]> = {
    17: ['{"id": "r17", "text": "broken', 'invalid_json'],
    250: ['[1, 2, 3]', 'not_an_object'],
    999: ['{"id": "r999", "headline": "no text"}', 'missing_text'],
    1500: ['{"id": "r1500", "text": 1500}', 'invalid_text'],
    2222: ['', 'empty_line'],
    2999: ['{"id": "r2999", "text": {"nested": "object"}}', 'invalid_text'],
  };
  const bigLine = 1234;
  const bigText = newsText(2 * 1024 * 1024, 5000);
  for (let n = 1; n <= 3000; n++) {
    const bad = badRecords[n];
    if (bad) {
      lines.push(bad[0]);
      const parsed = (() => {
        try {
          return JSON.parse(bad[0]) as { id?: string };
        } catch {
          return null;
        }
      })();
      expected.push({ error: bad[1], id: typeof parsed?.id === 'string' ? parsed.id : n });
      continue;
    }
    const text = n === bigLine ? bigText : newsArticle(n);
    const publishedAt = n % 3 === 0 ? undefined : `2024-${String((n % 12) + 1).padStart(2, '0')}-15`;
    const id = n % 10 === 0 ? undefined : `r${n}`;
    lines.push(JSON.stringify({ id, text, publishedAt }));
    expected.push(publishedAt ? { id: id ?? n, text, publishedAt } : { id: id ?? n, text });
  }
  return { lines, expected, bigLine };
}

function span(text: string, words: string, from = 0): Span {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`fixture: "${words}" is not in the text`);
  return { start, end: start + words.length, text: words };
}

/** A quote's span and parts: the pieces of its quoted words, in order (one piece for an uninterrupted quote). */
function quoted(text: string, ...pieces: string[]): Span & { parts: Span[] } {
  const parts: Span[] = [];
  let from = 0;
  for (const piece of pieces) {
    parts.push(span(text, piece, from));
    from = parts[parts.length - 1]!.end;
  }
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  return { start, end, text: text.slice(start, end), parts };
}

function entity(text: string, init: Omit<Entity, 'mentions' | 'titles' | 'aliases' | 'confidence'> & { surfaces: string[]; titles?: string[]; aliases?: string[] }): Entity {
  let from = 0;
  const mentions = init.surfaces.map((surface) => {
    const found = span(text, surface, from);
    from = found.end;
    return found;
  });
  return {
    id: init.id,
    type: init.type,
    name: init.name,
    aliases: init.aliases ?? [],
    mentions,
    titles: init.titles ?? [],
    salience: init.salience,
    confidence: 0.9,
  };
}

export interface Fixture {
  article: Article & { id: string };
  extraction: Extraction;
}

export function handBuiltArticles(): Fixture[] {
  const moscow =
    'Lavrov meets Mammadyarov in Moscow\n' +
    'Russian Foreign Minister Sergey Lavrov received Elmar Mammadyarov in Moscow on July 20, 2015. ' +
    '"We respect the choice of Baku," said Lavrov. Mamedyarov said the talks were useful. ' +
    '"Nothing is agreed," a diplomat noted. The Russian Foreign Ministry expects a new round within three months. ' +
    '"We will meet again," Lavrov said, "in Baku." A call is planned for some day.';
  const baku =
    'Baku hosts energy forum\n' +
    'Energy ministers met in Baku on Tuesday to discuss a ferry corridor across the Caspian Sea. ' +
    '"The ferry corridor is ready," said Amara Diallo.';
  const tallinn =
    'Tallinn port opens\n' + 'A new terminal opened in Tallinn. Officials from Baku did not attend.';

  const lavrov = entity(moscow, { id: 'person-1', type: 'person', name: 'Sergey Lavrov', salience: 0.9, surfaces: ['Lavrov', 'Sergey Lavrov', 'Lavrov', 'Lavrov'], aliases: ['Lavrov'], titles: ['Foreign Minister'] });
  const mammadyarov = entity(moscow, { id: 'person-2', type: 'person', name: 'Elmar Mammadyarov', salience: 0.6, surfaces: ['Mammadyarov', 'Elmar Mammadyarov', 'Mamedyarov'], aliases: ['Mammadyarov', 'Mamedyarov'] });
  const ministry = entity(moscow, { id: 'organization-1', type: 'organization', name: 'Russian Foreign Ministry', salience: 0.4, surfaces: ['Russian Foreign Ministry'] });
  const moscowPlace = entity(moscow, { id: 'place-2', type: 'place', name: 'Moscow', salience: 0.7, surfaces: ['Moscow', 'Moscow'] });
  const bakuInMoscow = entity(moscow, { id: 'place-1', type: 'place', name: 'Baku', salience: 0.2, surfaces: ['Baku'] });

  const moscowExtraction: Extraction = {
    schemaVersion: 1,
    people: [mammadyarov, lavrov], // not in salience order: toSearchDocument ranks them
    organizations: [ministry],
    places: [bakuInMoscow, moscowPlace],
    dates: [
      { ...span(moscow, 'July 20, 2015'), type: 'date', value: '2015-07-20' },
      { ...span(moscow, 'three months'), type: 'duration', value: 'P3M' },
      { ...span(moscow, 'some day'), type: 'date', value: null },
    ],
    quotes: [
      { ...quoted(moscow, 'We respect the choice of Baku'), kind: 'direct', speaker: { name: 'Sergey Lavrov', entityId: 'person-1', mention: span(moscow, 'Lavrov', moscow.indexOf('said Lavrov')) }, cue: span(moscow, 'said') },
      { ...quoted(moscow, 'the talks were useful'), kind: 'indirect', speaker: { name: 'Elmar Mammadyarov', entityId: 'person-2', mention: span(moscow, 'Mamedyarov') }, cue: span(moscow, 'said', moscow.indexOf('Mamedyarov')) },
      { ...quoted(moscow, 'Nothing is agreed'), kind: 'direct', speaker: null, cue: span(moscow, 'noted') },
      { ...quoted(moscow, 'We will meet again,', 'in Baku.'), kind: 'direct', speaker: { name: 'Sergey Lavrov', entityId: 'person-1', mention: span(moscow, 'Lavrov', moscow.lastIndexOf('Lavrov')) }, cue: span(moscow, 'said', moscow.lastIndexOf('said')) },
    ],
  };

  const diallo = entity(baku, { id: 'person-1', type: 'person', name: 'Amara Diallo', salience: 0.5, surfaces: ['Amara Diallo'] });
  const bakuPlace = entity(baku, { id: 'place-1', type: 'place', name: 'Baku', salience: 0.8, surfaces: ['Baku', 'Baku'] });
  const caspian = entity(baku, { id: 'place-2', type: 'place', name: 'Caspian Sea', salience: 0.3, surfaces: ['Caspian Sea'] });
  const bakuExtraction: Extraction = {
    schemaVersion: 1,
    people: [diallo],
    organizations: [],
    places: [bakuPlace, caspian],
    dates: [{ ...span(baku, 'Tuesday'), type: 'date', value: null }],
    quotes: [{ ...quoted(baku, 'The ferry corridor is ready'), kind: 'direct', speaker: { name: 'Amara Diallo', entityId: 'person-1', mention: span(baku, 'Amara Diallo') }, cue: span(baku, 'said') }],
  };

  const tallinnPlace = entity(tallinn, { id: 'place-1', type: 'place', name: 'Tallinn', salience: 0.9, surfaces: ['Tallinn', 'Tallinn'] });
  const bakuInTallinn = entity(tallinn, { id: 'place-2', type: 'place', name: 'Baku', salience: 0.1, surfaces: ['Baku'] });
  const tallinnExtraction: Extraction = { schemaVersion: 1, people: [], organizations: [], places: [tallinnPlace, bakuInTallinn], dates: [], quotes: [] };

  return [
    { article: { id: 'moscow-1', text: moscow, publishedAt: '2015-07-20' }, extraction: moscowExtraction },
    { article: { id: 'baku-2', text: baku, publishedAt: '2024-11-12T08:00:00Z' }, extraction: bakuExtraction },
    { article: { id: 'tallinn-3', text: tallinn }, extraction: tallinnExtraction },
  ];
}

/**
 * One more article for the questions across months: the Russian Foreign Ministry
 * named again a month later, with a spokeswoman and Lavrov quoted, and the
 * ministry itself quoted (an organisation, not a person).
 */
export function anotherMonth(): Fixture {
  const text =
    'Moscow answers Baku\n' +
    'Maria Zakharova, a spokeswoman for the Russian Foreign Ministry, said on Monday that the talks would go on. ' +
    '"Our position has not changed," Zakharova said. "Baku knows our view," Sergey Lavrov said. ' +
    'The Russian Foreign Ministry said the ferry corridor was not on the agenda.';
  const zakharova = entity(text, { id: 'person-1', type: 'person', name: 'Maria Zakharova', salience: 0.8, surfaces: ['Maria Zakharova', 'Zakharova'], aliases: ['Zakharova'], titles: ['spokeswoman'] });
  const lavrov = entity(text, { id: 'person-2', type: 'person', name: 'Sergey Lavrov', salience: 0.5, surfaces: ['Sergey Lavrov'] });
  const ministry = entity(text, { id: 'organization-1', type: 'organization', name: 'Russian Foreign Ministry', salience: 0.7, surfaces: ['Russian Foreign Ministry', 'Russian Foreign Ministry'] });
  const moscowPlace = entity(text, { id: 'place-1', type: 'place', name: 'Moscow', salience: 0.4, surfaces: ['Moscow'] });
  const bakuPlace = entity(text, { id: 'place-2', type: 'place', name: 'Baku', salience: 0.3, surfaces: ['Baku', 'Baku'] });
  const extraction: Extraction = {
    schemaVersion: 1,
    people: [zakharova, lavrov],
    organizations: [ministry],
    places: [moscowPlace, bakuPlace],
    dates: [{ ...span(text, 'Monday'), type: 'date', value: '2015-08-03' }],
    quotes: [
      { ...quoted(text, 'the talks would go on'), kind: 'indirect', speaker: { name: 'Maria Zakharova', entityId: 'person-1', mention: span(text, 'Maria Zakharova') }, cue: span(text, 'said') },
      { ...quoted(text, 'Our position has not changed,'), kind: 'direct', speaker: { name: 'Maria Zakharova', entityId: 'person-1', mention: span(text, 'Zakharova', text.indexOf('changed')) }, cue: span(text, 'said', text.indexOf('changed')) },
      { ...quoted(text, 'Baku knows our view,'), kind: 'direct', speaker: { name: 'Sergey Lavrov', entityId: 'person-2', mention: span(text, 'Sergey Lavrov') }, cue: span(text, 'said', text.indexOf('Sergey Lavrov')) },
      { ...quoted(text, 'the ferry corridor was not on the agenda'), kind: 'indirect', speaker: { name: 'Russian Foreign Ministry', entityId: 'organization-1', mention: span(text, 'Russian Foreign Ministry', text.lastIndexOf('The Russian')) }, cue: span(text, 'said', text.lastIndexOf('Ministry')) },
    ],
  };
  return { article: { id: 'moscow-4', text, publishedAt: '2015-08-04' }, extraction };
}
