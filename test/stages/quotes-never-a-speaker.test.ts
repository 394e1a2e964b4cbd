/**
 * Things that cannot speak are never speakers (issue 16): dates, weekdays, times,
 * relative pronouns, prepositional phrases, abstract nouns without a named owner.
 * Invented sentences first, then the whole of PolNeAR train and dev (skipped without
 * ../shared): no quote there has a date, a weekday, a time or a relative pronoun as
 * its speaker.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import type { Extraction, Quote } from '../../src/types.js';
import { HAS_SHARED, SHARED, readShared } from '../helpers.js';

const WEEKDAYS_MONTHS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|tonight)$/i;
const TIME_WORDS = /^(morning|afternoon|evening|night|noon|midnight|a\.m\.|p\.m\.|hours?|minutes?|week|month|year|day)$/i;
const RELATIVE = /^(who|whom|whose|which|that)$/i;

/** Why a quote's speaker is a thing that cannot speak, or null. */
export function impossibleSpeaker(quote: Quote, result: Extraction): string | null {
  const speaker = quote.speaker;
  if (!speaker) return null;
  const words = speaker.mention.text.replace(/\s*\([^)]*\)$/, '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const head = (words[words.length - 1] ?? '').replace(/['’]s?$/, '').replace(/[,.]$/, '');
  const first = words[0] ?? '';
  if ((RELATIVE.test(first) && !/^that$/i.test(first)) || RELATIVE.test(head) || (/^that$/i.test(first) && words.length === 1)) return `relative pronoun '${speaker.mention.text}'`;
  // A person or an organisation the entity stages named is no date ('Theresa May', 'USA TODAY').
  const named = speaker.entityId !== null || /^\p{Lu}+$/u.test(head);
  if (!named && WEEKDAYS_MONTHS.test(head)) return `weekday or month '${speaker.mention.text}'`;
  if (TIME_WORDS.test(head)) return `time '${speaker.mention.text}'`;
  // The mention is a date (wholly inside one), or, unless it names an entity, its head is.
  const { start, end } = speaker.mention;
  const headEnd = start + speaker.mention.text.lastIndexOf(head) + head.length;
  if (result.dates.some((d) => d.start <= start && end <= d.end)) return `date '${speaker.mention.text}'`;
  if (!named && result.dates.some((d) => d.start < headEnd && headEnd <= d.end)) return `date '${speaker.mention.text}'`;
  if (/^(1[89]|20)\d\d$/.test(head)) return `year '${speaker.mention.text}'`;
  return null;
}

function speakersOf(text: string): (string | null)[] {
  return extract(text, { publishedAt: '2024-11-14' }).quotes.map((q) => q.speaker?.mention.text ?? null);
}

describe('never a speaker: invented sentences', () => {
  it.each<[string, string, (string | null)[]]>([
    ['a weekday between the subject and the cue', 'Tuesday at a rally in Ohio, Kasich said the party had lost its way.', ['Kasich']],
    ['a weekday alone before the cue', '"We are not done yet," Friday said.', [null]],
    ['a date before the cue', 'The talks collapsed. "Nothing was agreed," March 3 said.', [null]],
    ['a time of day', '"It was chaos," the evening said.', [null]],
    ['an aside with a relative pronoun', "The victim's brother, whose name was not released, said the family was devastated.", ["The victim's brother"]],
    ['which after the speaker', '"We will appeal," said the agency, which declined to give details.', ['the agency']],
    ['a date in the phrase is no part of the speaker', 'Federal prosecutors in April said the scheme had collapsed.', ['Federal prosecutors']],
    ['findings without an owner', 'Preliminary findings suggest that the fire started in the kitchen.', []],
    ['data without an owner', 'The economy shrank last year, according to the data.', [null]],
    ['a report with a named owner speaks for it', 'A Senate report concluded that the dam was unsafe.', ['A Senate report']],
    ['a prepositional phrase', 'As armed officers said the building was safe, the crowd returned.', [null]],
  ])('%s', (_name, text, expected) => {
    const speakers = speakersOf(text);
    for (const [i, speaker] of speakers.entries()) {
      if (expected[i] === undefined) expect(speaker, `quote ${i}`).toBeNull();
    }
    expected.forEach((speaker, i) => expect(speakers[i] ?? null, `quote ${i}`).toBe(speaker));
  });
});

describe.skipIf(!HAS_SHARED)('never a speaker: PolNeAR train and dev', () => {
  it('no date, weekday, time or relative pronoun is ever a speaker', () => {
    const problems: string[] = [];
    let quotes = 0;
    for (const split of ['train', 'dev']) {
      const dir = join(SHARED, 'data', 'polnear', split, 'text');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
        const text = readShared('data', 'polnear', split, 'text', file);
        const result = extract(text);
        for (const quote of result.quotes) {
          quotes++;
          const why = impossibleSpeaker(quote, result);
          if (why) problems.push(`${split}/${file} @${quote.start}: ${why}`);
        }
      }
    }
    expect(quotes).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
  }, 600_000);
});
