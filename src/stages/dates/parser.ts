/**
 * lede's parsers, in the manner of chrono-node's: a parser is a pattern plus a
 * function that turns one match into a candidate, one format per file. The
 * runner matches every parser over one piece of text (a sentence) and shifts the
 * candidates to document offsets.
 */

import type { DateMod, DateType } from '../../types.js';
import type { DateCandidate, DateMeaning } from './candidate.js';
import { tokenWordsOf, type Sentence, type Token, type TokenWords } from '../../core/document.js';
import { BoundedMemo } from '../../core/bounded-memo.js';
import { wordTableOf, type WordTable } from '../../core/word-table.js';
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

/**
 * A trigger's source (word boundaries dropped) that can match only characters
 * isRunChar accepts: letters, digits, apostrophes and hyphens, with optional groups,
 * alternation, quantifiers, \d and classes of letters and digits. Such a trigger,
 * unless it matches the empty string, matches a text only inside one of its runs
 * (see sentenceMask), so a run's result stands for every text the run is in.
 */
const RUN_SOURCE = /^(?:[\w'’-]|\(\?:|[|)?*+]|\{\d+(?:,\d*)?\}|\\d|\[[\w-]+\])*$/;
/** Characters a run trigger can match ([\w'’-]; without the u flag a case-insensitive ASCII letter matches no other character). */
function isRunChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 39 || code === 0x2019 || code === 45;
}
/** Run triggers a list of parsers keeps, at most (the bits of a sentence's mask); the rest are tested on each sentence. */
const MAX_RUN_TRIGGERS = 32;
/** Every run trigger may match (a sentence whose tokens do not cover it). */
const ALL_RUN_TRIGGERS = -1;
/** Runs whose masks a list of parsers remembers before starting again (a batch's distinct words). */
const RUN_MASK_LIMIT = 50_000;

/**
 * A run trigger that any text a trigger passes also passes, or null for none:
 * the trigger itself when it can match only in a run (its word boundaries
 * dropped); otherwise each of its alternatives stands for a part that any match
 * of it holds, one cut from the rest by white space ("from now" by "from",
 * "day\s+(?:of|in)" by "day"): of those that are run triggers, the one likely to
 * pass fewest texts (isBetterPiece).
 */
export function runTriggerOf(trigger: RegExp): RegExp | null {
  if (trigger.flags !== '' && trigger.flags !== 'i') return null;
  const parts: string[] = [];
  for (const alternative of topLevel(trigger.source, '|')) {
    let best: string | null = null;
    for (const piece of topLevel(alternative, ' ')) {
      const run = piece.replace(/\\b/g, '');
      if ((best === null || isBetterPiece(run, best)) && isRunSource(run, trigger.flags)) best = run;
    }
    if (best === null) return null;
    parts.push(best);
  }
  return new RegExp(parts.join('|'), trigger.flags);
}

/** The piece that passes fewer texts, by a guess: one word rather than a choice of several ("day", not "(?:of|in)"), then the longer, then the later. */
function isBetterPiece(piece: string, best: string): boolean {
  const choice = piece.includes('|');
  if (choice !== best.includes('|')) return !choice;
  return piece.length >= best.length;
}

/** Whether a source matches only characters isRunChar accepts, and never the empty string. */
function isRunSource(source: string, flags: string): boolean {
  if (source === '' || !RUN_SOURCE.test(source)) return false;
  try {
    return !new RegExp(source, flags).test('');
  } catch {
    return false;
  }
}

/**
 * The pieces of a regular expression's source cut at `separator` outside groups
 * and classes: '|' gives its alternatives; ' ' cuts at a space or a \s that no
 * quantifier makes optional ("\s+" is kept whole; each piece then must match).
 */
function topLevel(source: string, separator: '|' | ' '): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (separator === ' ' && depth === 0 && !inClass && source[i + 1] === 's') {
        const next = source[i + 2];
        if (next === '+') {
          pieces.push(source.slice(from, i));
          from = i + 3;
        } else if (next === undefined || !'?*{'.includes(next)) {
          pieces.push(source.slice(from, i));
          from = i + 2;
        }
      }
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (separator === '|' ? c === '|' : c === ' ' && !'?*+{'.includes(source[i + 1] ?? ''))) {
      pieces.push(source.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(source.slice(from));
  return pieces;
}

/** What a list of parsers' triggers are tested with, made once per list. */
interface TriggerPlan {
  /** Whole-text triggers, each distinct one once, and per parser without a run bit the index of its own (-1: none). */
  readonly triggers: readonly RegExp[];
  readonly triggerOf: Int32Array;
  /** Run triggers, each distinct one once (bit i of a mask: runTriggers[i]), and per parser the bit of its own (-1: none). */
  readonly runTriggers: readonly RegExp[];
  readonly runBitOf: Int8Array;
  /** Per parser, the index of its trigger among the list's distinct triggers (-1: none): parsers that share one share its test. */
  readonly sharedOf: Int32Array;
  readonly sharedCount: number;
  /** The mask of a run's text, by text. */
  readonly runMasks: BoundedMemo<number>;
}

const triggerPlans = new WeakMap<readonly DateParser[], TriggerPlan>();

/** Made once per list of parsers: parsers that share a trigger (UNIT_TRIGGER) share its test. */
function triggerPlanOf(parsers: readonly DateParser[]): TriggerPlan {
  let plan = triggerPlans.get(parsers);
  if (plan === undefined) {
    const triggers: RegExp[] = [];
    const indexOfKey = new Map<string, number>();
    const triggerOf = new Int32Array(parsers.length).fill(-1);
    const runTriggers: RegExp[] = [];
    const bitOfKey = new Map<string, number>();
    const runBitOf = new Int8Array(parsers.length).fill(-1);
    const { shared: sharedOf, sharedCount } = everyTriggerTested(parsers);
    parsers.forEach((parser, p) => {
      const run = parser.trigger === undefined ? null : runTriggerOf(parser.trigger);
      if (run !== null) {
        const key = `${run.flags}/${run.source}`;
        let bit = bitOfKey.get(key);
        if (bit === undefined && runTriggers.length < MAX_RUN_TRIGGERS) bitOfKey.set(key, (bit = runTriggers.push(run) - 1));
        if (bit !== undefined) {
          runBitOf[p] = bit;
          return; // selectParsers decides by the masks, never by the whole text
        }
      }
      const trigger = wholeTextTrigger(parser);
      if (trigger === null) return;
      const key = `${trigger.flags}/${trigger.source}`;
      let index = indexOfKey.get(key);
      if (index === undefined) indexOfKey.set(key, (index = triggers.push(trigger) - 1));
      triggerOf[p] = index;
    });
    triggerPlans.set(parsers, (plan = { triggers, triggerOf, runTriggers, runBitOf, sharedOf, sharedCount, runMasks: new BoundedMemo<number>(RUN_MASK_LIMIT) }));
  }
  return plan;
}

const UNTESTED = 0;
const PASSED = 1;
const FAILED = 2;

/** The text, tokens and sentences of a document (LedeDocument's). */
export interface TokenizedText {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** The tokens' word ids, when the tokenizer made them. */
  readonly tokenWords?: TokenWords | null;
}

/** The parsers of a list to try on a document (selectParsers), and what runParsers needs to skip some on a sentence. */
export interface ParserSelection {
  /** The parsers worth trying on some sentence of the document, in order. */
  readonly parsers: readonly DateParser[];
  /** Per parser of `parsers`: the bit of its run trigger in a sentence's mask, or -1 (its trigger is tested on each sentence). */
  readonly runBits: Int8Array;
  /** Per parser of `parsers`: its trigger's index among the list's distinct ones, or -1 (no trigger). */
  readonly shared: Int32Array;
  /** How many distinct triggers the list has (the size of runParsers' memo). */
  readonly sharedCount: number;
  /** Per sentence: the run triggers that may match in it (bit i: the i-th), ALL_RUN_TRIGGERS if its tokens do not say. */
  readonly sentenceMasks: Int32Array;
}

/**
 * The parsers of a list to try on a document, and for each sentence the run
 * triggers that may match in it. A sentence's runs are its tokens, joined where
 * they are glued by, or lie around, a character a run trigger can match
 * ("year-end", "week's"; not "said,"): a run trigger's match lies inside one run,
 * and a run is a word or a few glued ones, whose mask is remembered across
 * documents. So a run trigger is tested on a sentence only when one of its words
 * holds it, and never on a whole document. A parser with another trigger is left
 * out when the document fails it (without word boundaries, which a sentence's
 * edge can give where the document has none), and its trigger is tested on each
 * sentence.
 */
export function selectParsers(parsers: readonly DateParser[], doc: TokenizedText): ParserSelection {
  const plan = triggerPlanOf(parsers);
  const sentenceMasks = new Int32Array(doc.sentences.length);
  // The masks of one-token runs by the token's word (TokenWords), kept with runMasks' answers.
  const words = tokenWordsOf(doc);
  const wordMasks = words === null ? null : { ids: words.ids, table: wordTableOf(plan, words) };
  let documentMask = 0;
  for (let s = 0; s < doc.sentences.length; s++) documentMask |= sentenceMasks[s] = sentenceMask(plan, doc, doc.sentences[s]!, wordMasks);
  const results = new Uint8Array(plan.triggers.length);
  const kept: number[] = [];
  for (let p = 0; p < parsers.length; p++) {
    const bit = plan.runBitOf[p]!;
    if (bit >= 0) {
      if ((documentMask >>> bit) & 1) kept.push(p);
      continue;
    }
    const index = plan.triggerOf[p]!;
    if (index >= 0) {
      if (results[index] === UNTESTED) results[index] = plan.triggers[index]!.test(doc.text) ? PASSED : FAILED;
      if (results[index] === FAILED) continue;
    }
    kept.push(p);
  }
  return {
    parsers: kept.map((p) => parsers[p]!),
    runBits: Int8Array.from(kept, (p) => plan.runBitOf[p]!),
    shared: Int32Array.from(kept, (p) => plan.sharedOf[p]!),
    sharedCount: plan.sharedCount,
    sentenceMasks,
  };
}

/** The run triggers that may match in a sentence: the union of its runs' masks. */
function sentenceMask(plan: TriggerPlan, doc: TokenizedText, sentence: Sentence, wordMasks: { ids: Int32Array; table: WordTable } | null): number {
  if (plan.runTriggers.length === 0) return 0;
  const { text, tokens } = doc;
  const first = tokens[sentence.tokenStart];
  const last = tokens[sentence.tokenEnd - 1];
  // Tokens that do not span the sentence (a document made by hand) say nothing about it.
  if (first === undefined || last === undefined || first.start !== sentence.start || last.end !== sentence.end) return ALL_RUN_TRIGGERS;
  let mask = 0;
  let runStart = sentence.tokenStart;
  for (let t = sentence.tokenStart + 1; t <= sentence.tokenEnd; t++) {
    if (t < sentence.tokenEnd && joined(text, tokens[t - 1]!.end, tokens[t]!.start)) continue;
    if (t - runStart === 1) {
      const token = tokens[runStart]!.text;
      // A lone punctuation mark ("," "." "(") holds no run, and is most of the tokens that are not words.
      if (token.length > 1 || isRunChar(token.charCodeAt(0))) {
        const id = wordMasks === null ? -1 : wordMasks.ids[runStart]!;
        if (id < 0) mask |= runMask(plan, token);
        else if (wordMasks!.table.has(id)) mask |= wordMasks!.table.get(id);
        else {
          const found = runMask(plan, token);
          wordMasks!.table.set(id, found);
          mask |= found;
        }
      }
    } else mask |= runMask(plan, text.slice(tokens[runStart]!.start, tokens[t - 1]!.end));
    runStart = t;
  }
  return mask;
}

/**
 * Whether a run trigger's match may cross from the token ending at `end` to the
 * one starting at `start`: the text between holds a character it can match, or
 * there is none and both tokens' facing characters are such ("week" and "'s"; not
 * "said" and ",").
 */
function joined(text: string, end: number, start: number): boolean {
  if (start === end) return isRunChar(text.charCodeAt(end - 1)) && isRunChar(text.charCodeAt(start));
  for (let i = end; i < start; i++) if (isRunChar(text.charCodeAt(i))) return true;
  return false;
}

/** Longest run text kept as it is by the memo: a longer one may be a slice that keeps a whole article alive, and a copy is kept. */
const MAX_KEPT_RUN_LENGTH = 12;

function runMask(plan: TriggerPlan, runText: string): number {
  let mask = plan.runMasks.get(runText);
  if (mask === undefined) {
    mask = 0;
    for (let bit = 0; bit < plan.runTriggers.length; bit++) if (plan.runTriggers[bit]!.test(runText)) mask |= 1 << bit;
    plan.runMasks.set(runText.length > MAX_KEPT_RUN_LENGTH ? (' ' + runText).slice(1) : runText, mask);
  }
  return mask;
}

/** What runParsers needs of a selection: each parser's run bit and shared trigger index (see ParserSelection). */
export type ParserTests = Pick<ParserSelection, 'runBits' | 'shared' | 'sharedCount'>;

/** Tests for a list of parsers tried as it is: no run bits, a shared test per distinct trigger. */
export function everyTriggerTested(parsers: readonly DateParser[]): ParserTests {
  const indexOf = new Map<RegExp, number>();
  const shared = Int32Array.from(parsers, ({ trigger }) => {
    if (trigger === undefined) return -1;
    let index = indexOf.get(trigger);
    if (index === undefined) indexOf.set(trigger, (index = indexOf.size));
    return index;
  });
  return { runBits: new Int8Array(parsers.length).fill(-1), shared, sharedCount: indexOf.size };
}

/**
 * Runs the parsers over `context.text` (a piece of a sentence whose run triggers
 * `mask` gives): a parser whose run trigger the mask rules out is skipped
 * untested; each other trigger is tested once per text, parsers that share it
 * (UNIT_TRIGGER) sharing the test.
 */
export function runParsers(parsers: readonly DateParser[], context: ParsingContext, tests: ParserTests, mask: number = ALL_RUN_TRIGGERS): DateCandidate[] {
  const found: DateCandidate[] = [];
  const tested = new Uint8Array(tests.sharedCount);
  for (let p = 0; p < parsers.length; p++) {
    const parser = parsers[p]!;
    const { trigger } = parser;
    if (trigger !== undefined) {
      const bit = tests.runBits[p]!;
      if (bit >= 0 && ((mask >>> bit) & 1) === 0) continue;
      const index = tests.shared[p]!;
      if (tested[index] === UNTESTED) tested[index] = trigger.test(context.text) ? PASSED : FAILED;
      if (tested[index] === FAILED) continue;
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
