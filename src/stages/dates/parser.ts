/**
 * lede's parsers, in the manner of chrono-node's: a parser is a pattern plus a
 * function that turns one match into a candidate, one format per file. The
 * runner matches every parser over one piece of text (a sentence) and shifts the
 * candidates to document offsets.
 */

import type { DateMod, DateType } from '../../types.js';
import type { DateCandidate, DateMeaning } from './candidate.js';
import type { CompiledDatesLexicon } from './lexicon.js';

export interface ParsingContext {
  /** The text being parsed (one sentence, or a window of a very long one). */
  readonly text: string;
  /** Document offset of `text[0]`. */
  readonly offset: number;
  readonly lexicon: CompiledDatesLexicon;
}

/** What a parser finds: a range of `context.text` and its meaning. */
export interface ParsedDate {
  start: number;
  end: number;
  type: DateType;
  meaning: DateMeaning;
  /** A more specific rule id than the parser's, when useful for debugging. */
  rule?: string;
  /** A TIMEX3 mod the parser reads itself ('two to three weeks': EQUAL_OR_MORE); others come from the refiner 'assign-mods'. */
  mod?: DateMod;
}

export interface DateParser {
  readonly id: string;
  /** Must carry the global flag; the runner resets `lastIndex` itself. */
  readonly pattern: RegExp;
  /**
   * A cheap test (a plain alternation of words, no global flag) that any text
   * the pattern can match passes; text that fails it is not scanned. Like
   * compromise's rules indexed by the words they need.
   */
  readonly trigger?: RegExp;
  extract(match: RegExpExecArray, context: ParsingContext): ParsedDate | null;
}

/** Triggers shared by several parsers. */
export const UNIT_TRIGGER = /second|minute|hour|day|night|week|month|quarter|year|decade|centur|millenni/i;

/** What a trigger's source must not hold for that: anchors, lookarounds, \B, an escaped backslash, \b in a class. */
const UNSURE_TRIGGER = /[\^$]|\(\?[=!<]|\\B|\\\\|\[[^\]]*\\b/;

/**
 * A parser's trigger without word boundaries, which any text holding a sentence
 * the trigger matches also matches (a boundary only narrows a match); null for a
 * trigger this cannot be said of (anchors, lookarounds) or none.
 */
function wholeTextTrigger(parser: DateParser): RegExp | null {
  const source = parser.trigger?.source;
  return source === undefined || UNSURE_TRIGGER.test(source) ? null : new RegExp(source.replace(/\\b/g, ''), parser.trigger!.flags);
}

/** A list of parsers' whole-text triggers, each distinct one once, and per parser the index of its own (-1: none). */
interface WholeTextTriggers {
  readonly triggers: readonly RegExp[];
  readonly triggerOf: Int32Array;
}

const wholeTextTriggerLists = new WeakMap<readonly DateParser[], WholeTextTriggers>();

/** Made once per list of parsers: parsers that share a trigger (UNIT_TRIGGER) share its test. */
function wholeTextTriggersOf(parsers: readonly DateParser[]): WholeTextTriggers {
  let found = wholeTextTriggerLists.get(parsers);
  if (found === undefined) {
    const triggers: RegExp[] = [];
    const indexOfKey = new Map<string, number>();
    const triggerOf = new Int32Array(parsers.length).fill(-1);
    parsers.forEach((parser, p) => {
      const trigger = wholeTextTrigger(parser);
      if (trigger === null) return;
      const key = `${trigger.flags}/${trigger.source}`;
      let index = indexOfKey.get(key);
      if (index === undefined) indexOfKey.set(key, (index = triggers.push(trigger) - 1));
      triggerOf[p] = index;
    });
    wholeTextTriggerLists.set(parsers, (found = { triggers, triggerOf }));
  }
  return found;
}

const UNTESTED = 0;
const PASSED = 1;
const FAILED = 2;

/**
 * The parsers that may match somewhere in `text` (a whole document): those whose
 * trigger the document fails are left out of every one of its sentences, whose
 * trigger tests they would all fail. The order is kept.
 */
export function parsersFor(parsers: readonly DateParser[], text: string): readonly DateParser[] {
  const { triggers, triggerOf } = wholeTextTriggersOf(parsers);
  const results = new Uint8Array(triggers.length);
  return parsers.filter((_parser, p) => {
    const index = triggerOf[p]!;
    if (index < 0) return true;
    if (results[index] === UNTESTED) results[index] = triggers[index]!.test(text) ? PASSED : FAILED;
    return results[index] === PASSED;
  });
}

export function runParsers(parsers: readonly DateParser[], context: ParsingContext): DateCandidate[] {
  const found: DateCandidate[] = [];
  // Several parsers share a trigger (UNIT_TRIGGER): each is tested once per text.
  const triggerPassed = new Map<RegExp, boolean>();
  for (const parser of parsers) {
    const { trigger } = parser;
    if (trigger !== undefined) {
      let passed = triggerPassed.get(trigger);
      if (passed === undefined) triggerPassed.set(trigger, (passed = trigger.test(context.text)));
      if (!passed) continue;
    }
    const { pattern } = parser;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(context.text); match !== null; match = pattern.exec(context.text)) {
      const parsed = parser.extract(match, context);
      if (parsed === null || parsed.end <= parsed.start) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      found.push({
        start: context.offset + parsed.start,
        end: context.offset + parsed.end,
        type: parsed.type,
        meaning: parsed.meaning,
        rule: parsed.rule ?? parser.id,
        source: 'lede',
        ...(parsed.mod ? { mod: parsed.mod } : {}),
      });
      pattern.lastIndex = Math.max(match.index + 1, parsed.end);
    }
  }
  return found;
}

/** The range of a named or numbered group inside a match, from the group's position in match[0]. */
export function matchRange(match: RegExpExecArray, from: string, to?: string): { start: number; end: number } {
  const start = match.index + match[0].indexOf(from);
  const end = to === undefined ? start + from.length : match.index + match[0].lastIndexOf(to) + to.length;
  return { start, end };
}
