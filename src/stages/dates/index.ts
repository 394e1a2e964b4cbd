/**
 * Stage: dates. Every time expression of the story as a TIMEX3 value at the
 * granularity the text states, resolved against the publication date (or the
 * dateline), in text order, never overlapping, never in page furniture.
 *
 * Per sentence: chrono-node and lede's own parsers propose candidates; the
 * refiners drop false alarms, keep the longest of overlapping candidates and
 * resolve each to a value, reading the tense of its verb. Work is per sentence
 * (and per window of very long ones), so the stage is linear in the text.
 */

import type { DateRecord, LedeDocument, Sentence } from '../../core/document.js';
import type { Resources } from '../../core/resources.js';
import type { Stage } from '../../core/stage.js';
import type { DateCandidate } from './candidate.js';
import { chronoReference, createChronoParser, parseWithChrono, type ChronoParser } from './chrono-parser.js';
import { findDateline, referenceFromDateline } from './dateline.js';
import { createDiscourseState } from './discourse.js';
import { compileDatesLexicon, type CompiledDatesLexicon, type DatesLexiconData } from './lexicon.js';
import { runParsers, selectParsers, type DateParser, type ParserSelection } from './parser.js';
import { createDateParsers } from './parsers/index.js';
import type { DateRefiner, RefiningContext } from './refiner.js';
import { DATE_REFINERS } from './refiners/index.js';

export type { DatesLexiconData } from './lexicon.js';

export interface CompiledDates {
  readonly lexicon: CompiledDatesLexicon;
  readonly parsers: readonly DateParser[];
  readonly refiners: readonly DateRefiner[];
  readonly chrono: ChronoParser;
}

export function compileDates(data: DatesLexiconData): CompiledDates {
  const lexicon = compileDatesLexicon(data);
  return Object.freeze({
    lexicon,
    parsers: createDateParsers(lexicon),
    refiners: DATE_REFINERS,
    chrono: createChronoParser(),
  });
}

/** A sentence longer than this is parsed in windows cut at white space. */
const WINDOW_CHARS = 2_000;
/**
 * Cheap test for text that might hold something lede keeps from chrono: a
 * capitalised month or weekday name as a word of its own (lower-case ones are
 * dropped anyway; "Market", "Sunni" and "Decision" hold none), digits joined by
 * a date or time separator (a slash or colon, "2024-11-12", "14.11.2024", but not
 * "3.5%"), or a clock time ("4 in the morning"). chrono costs
 * about a quarter of the stage: it runs only where this passes.
 */
const CHRONO_TRIGGER = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Sun(?:day)?|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:s|nesday)?|Thu(?:r|rs|rsday)?|Fri(?:day)?|Sat(?:urday)?)\b|\d[/:]\d|\d-\d\d?-\d|\d\.\d\d?\.\d|\d\s?[ap]\.?m\b|o['’]clock|\d\s+in\s+the\s+(?:morning|afternoon|evening)/;

function windowsOf(text: string, start: number, end: number): [number, number][] {
  const windows: [number, number][] = [];
  let from = start;
  while (end - from > WINDOW_CHARS) {
    let cut = from + WINDOW_CHARS;
    const floor = from + (WINDOW_CHARS >> 1);
    while (cut > floor && !/\s/.test(text[cut - 1]!)) cut--;
    if (cut <= floor) cut = from + WINDOW_CHARS;
    windows.push([from, cut]);
    from = cut;
  }
  windows.push([from, end]);
  return windows;
}

function candidatesOf(doc: LedeDocument, sentence: Sentence, compiled: CompiledDates, selection: ParserSelection, mask: number, chronoRef: Date): DateCandidate[] {
  const candidates: DateCandidate[] = [];
  for (const [start, end] of windowsOf(doc.text, sentence.start, sentence.end)) {
    const text = doc.text.slice(start, end);
    if (CHRONO_TRIGGER.test(text)) candidates.push(...parseWithChrono(compiled.chrono, text, start, chronoRef, compiled.lexicon.timeZones));
    candidates.push(...runParsers(selection.parsers, { text, offset: start, lexicon: compiled.lexicon }, selection, mask));
  }
  return candidates;
}

export function findDates(doc: LedeDocument, compiled: CompiledDates): DateRecord[] {
  const dateline = findDateline(doc);
  if (dateline !== null && !doc.referenceGiven) doc.reference = referenceFromDateline(doc, dateline);
  const chronoRef = chronoReference(doc.reference);
  const discourse = createDiscourseState();
  const records: DateRecord[] = [];
  const selection = selectParsers(compiled.parsers, doc);
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s]!;
    let candidates = candidatesOf(doc, sentence, compiled, selection, selection.sentenceMasks[s]!, chronoRef);
    if (dateline !== null && dateline.start >= sentence.start && dateline.end <= sentence.end) {
      candidates.push({
        start: dateline.start,
        end: dateline.end,
        type: 'date',
        meaning: dateline.year === null
          ? { kind: 'calendar', month: dateline.month, day: dateline.day, direction: 'past' }
          : { kind: 'calendar', year: dateline.year, month: dateline.month, day: dateline.day },
        rule: 'dateline',
        source: 'lede',
      });
    }
    if (candidates.length === 0) continue;
    const context: RefiningContext = { doc, sentence, lexicon: compiled.lexicon, discourse };
    for (const refiner of compiled.refiners) candidates = refiner.refine(candidates, context);
    for (const candidate of candidates) {
      records.push({
        start: candidate.start,
        end: candidate.end,
        text: doc.text.slice(candidate.start, candidate.end),
        type: candidate.type,
        value: candidate.value ?? null,
        ...(candidate.mod ? { mod: candidate.mod } : {}),
        provenance: { stage: 'dates', rule: candidate.rule, score: 1 },
      });
    }
  }
  return records;
}

export const datesStage: Stage = {
  name: 'dates',
  run(doc: LedeDocument, resources: Resources) {
    doc.dates = findDates(doc, resources.dates);
  },
};
