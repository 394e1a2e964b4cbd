/**
 * Partial quotes: words in quotation marks with which a speaker characterises
 * someone or something, read off a characterising verb before them (the
 * 'characterization' cues of data/lexicon/cues.json):
 *
 *   X called the plan “a disgrace”          X described Y as “unhinged”
 *   X condemned the test as “provocative”   X likened the refugees to “a vicious snake”
 *   …, calling it “a great meeting”         what X called a “brazen breach”
 *
 * The quote is mixed: the verb's object and the quoted words ('the plan “a disgrace”');
 * when nothing stands between the verb and the marks ('what X called “fraud”') it is
 * the quoted words alone, a direct quote. A title or a name ('a website called “…”',
 * 'the so-called “…”', 'was called “…”') has no speaker and no object, so it is none.
 */

import type { Range, Token } from '../../core/document.js';
import { matchCueAt, type CueMatch } from './cue-lexicon.js';
import { isParticipleAfterComma, sentenceSubjectBefore } from './direct-attribution.js';
import { attributionBefore } from './reported-speech.js';
import type { QuoteContext, TopQuote } from './quote-context.js';
import { speakerPhraseBefore, type SpeakerPhrase } from './speaker-phrase.js';

export interface Characterization {
  cue: CueMatch;
  speaker: SpeakerPhrase;
  /** Tokens of the quote: the object and the quoted words, marks included ([start, end)). */
  content: Range;
  /** The quotes in marks it holds, in text order (more than one: '“Miss Piggy” and “Miss Housekeeping”'). */
  quotes: TopQuote[];
  /** Nothing but the quoted words: a direct quote. */
  quotedOnly: boolean;
  rule: string;
}

/** Tokens read back from an opening mark for the characterising verb. */
const MAX_OBJECT_TOKENS = 12;
/** Tokens of a prepositional tail after the marks ('“a true wake-up call” to his supporters'). */
const MAX_TAIL_TOKENS = 8;

const OBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'ADV']);
/** Prepositions between the object and the quoted words: 'as “…”', 'to “…”', 'of being “…”'. */
const LINKING_WORDS = new Set(['as', 'to', 'of', 'for', 'being', 'with', 'a', 'an', 'the', 'and', 'both', "'s", '’s', '-']);
/** Prepositions that carry the quote's phrase on ('“a grave threat” to the region'); not 'on', 'in', 'at', which mostly open a time or place. */
const TAIL_PREPOSITIONS = new Set(['to', 'for', 'of', 'against', 'about', 'toward', 'towards', 'from', 'by']);
const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", '’s', 'am']);
/** Verbs that characterise an object ('called the plan “…”'), as against verbs whose object the quoted words may be ('referenced “political tensions”'). */
const NEEDS_OBJECT = new Set(['call', 'dub', 'brand', 'label', 'characterize', 'describe', 'portray', 'liken', 'compare', 'rate', 'accuse', 'blame']);
/** An object before the verb ('what X called …', 'which X called …'): the marks may follow the verb at once. */
const FRONTED_OBJECTS = new Set(['what', 'which', 'that']);

function isCharacterizationCue(match: CueMatch | null): match is CueMatch {
  return match !== null && match.cue.type === 'characterization';
}

/**
 * The characterising verb at token t. The tagger sometimes reads the verb as an
 * adjective ('Saar branded the tax …'): between a subject and an object it is a verb.
 */
function characterizationAt(ctx: QuoteContext, t: number, limit: number): CueMatch | null {
  const { tokens } = ctx;
  const match = matchCueAt(ctx.cueForms, t, limit);
  if (match) return match;
  const token = tokens[t]!;
  if (token.kind !== 'word' || (token.pos !== 'ADJ' && token.pos !== 'NOUN')) return null;
  const before = tokens[t - 1];
  const after = tokens[t + 1];
  const opensQuote = ctx.quoteAt[t + 1]! >= 0 && ctx.quotes[ctx.quoteAt[t + 1]!]!.openToken === t + 1;
  if (!before || !after || !(before.pos === 'PROPN' || before.pos === 'PRON' || before.pos === 'NOUN') || !(after.pos === 'DET' || after.pos === 'PROPN' || after.pos === 'PRON' || opensQuote)) return null;
  const cue = ctx.cueForms.at(t)?.find((c) => c.type === 'characterization' && c.particle.length === 0);
  return cue ? { cue, tokenStart: t, tokenEnd: t + 1 } : null;
}

/**
 * The characterising verb, its speaker and its object before the quote in marks
 * `quote`, or null. Bounded walks only: the cost per quote is constant.
 */
export function readCharacterization(ctx: QuoteContext, quote: TopQuote): Characterization | null {
  const { tokens } = ctx;
  if (quote.closeToken < 0) return null;
  const sentenceStart = ctx.sentenceStart[quote.openToken]!;
  const lowest = Math.max(sentenceStart, quote.openToken - MAX_OBJECT_TOKENS - 2);
  for (let c = quote.openToken - 1; c >= lowest; c--) {
    const token = tokens[c]!;
    if (token.kind === 'punctuation' && !/^(-|'s|’s|%|\$)$/.test(token.text)) return null;
    if (ctx.quoteAt[c]! >= 0) return null;
    // 'so-called “pass through” income': part of the object, no verb of its own.
    if (isSoCalled(tokens, c)) continue;
    // The verb may be two tokens back from here ('referred to'): try each start.
    const match = characterizationAt(ctx, c, quote.openToken);
    if (!isCharacterizationCue(match)) {
      if (token.pos === 'VERB' && !isObjectWord(tokens, c, c)) return null;
      if (!OBJECT_POS.has(token.pos) && !LINKING_WORDS.has(token.text.toLowerCase()) && !/^(ADP|PART|CCONJ|AUX|VERB|SYM)$/.test(token.pos)) return null;
      continue;
    }
    return fromCue(ctx, quote, match, sentenceStart);
  }
  return null;
}

function fromCue(ctx: QuoteContext, quote: TopQuote, cue: CueMatch, sentenceStart: number): Characterization | null {
  const { tokens } = ctx;
  const objectStart = cue.tokenEnd;
  for (let t = objectStart; t < quote.openToken; t++) if (tokens[t]!.pos === 'VERB' && !isObjectWord(tokens, t, objectStart) && !isSoCalled(tokens, t)) return null;
  // A passive ('was called “…”', 'is described as “…”') names no speaker beside the verb.
  const before = tokens[cue.tokenStart - 1];
  if (before && BE_FORMS.has(before.text.toLowerCase()) && /(ed|en)$/i.test(tokens[cue.tokenStart]!.text)) return null;
  if (before && /^so$/i.test(before.text)) return null;

  let speaker: SpeakerPhrase | null = null;
  let rule = 'speaker-characterizes-quote';
  if (/ing$/i.test(tokens[cue.tokenStart]!.text) && isParticipleAfterComma(tokens, cue)) {
    // '…, calling it “a great meeting”', '… by calling Alwaleed “dopey”': the sentence's subject,
    // or the speaker of an attribution just before ('“…,” she said, referencing …').
    speaker = sentenceSubjectBefore(ctx, cue.tokenStart) ?? (tokens[cue.tokenStart - 1]?.text === ',' ? attributionBefore(ctx, cue.tokenStart - 2, sentenceStart) : null);
    rule = 'subject-characterizes-quote';
  } else {
    speaker = speakerPhraseBefore(tokens, cue.tokenStart, sentenceStart);
    // '… said that was not her view and dismissed those reports as “…”': the sentence's subject.
    if (!speaker && /^(and|but)$/i.test(tokens[cue.tokenStart - 1]?.text ?? '')) {
      speaker = sentenceSubjectBefore(ctx, cue.tokenStart);
      rule = 'subject-characterizes-quote';
    }
  }
  if (!speaker) return null;
  // 'what multiple lawmakers called': the tagger reads 'what' as the speaker's determiner.
  if (FRONTED_OBJECTS.has(tokens[speaker.start]!.text.toLowerCase()) && speaker.head > speaker.start) speaker = { ...speaker, start: speaker.start + 1 };
  const fronted = FRONTED_OBJECTS.has(tokens[speaker.start - 1]?.text.toLowerCase() ?? '');
  // 'a website called “…”': no object, and no 'what' before the speaker, is a name.
  // Verbs that need an object before the words they characterise it with take none of their own.
  if (objectStart === quote.openToken && !fronted && NEEDS_OBJECT.has(cue.cue.id) && !/^(as|to)$/i.test(tokens[objectStart - 1]!.text)) return null;
  if (objectStart === quote.openToken && !fronted && cue.cue.id === 'call') return null;

  // The quotes it holds: this one and any joined to it by 'and', 'or' or a comma.
  const quotes: TopQuote[] = [quote];
  let last = quote;
  for (;;) {
    const next = ctx.quotes[last.index + 1];
    if (!next || next.paragraph !== last.paragraph || next.closeToken < 0 || last.closeToken < 0) break;
    const gap = next.openToken - last.closeToken - 1;
    const joiner = tokens[last.closeToken + 1]!.text.toLowerCase();
    const between = gap === 1 && (joiner === 'and' || joiner === 'or' || joiner === ',') ||
      gap === 2 && (joiner === 'and' || joiner === 'or') && /^(a|an|the)$/i.test(tokens[next.openToken - 1]!.text) ||
      gap === 2 && joiner === ',' && /^(and|or)$/i.test(tokens[next.openToken - 1]!.text);
    if (!between) break;
    quotes.push(next);
    last = next;
  }
  const end = tailEnd(ctx, nounAfter(ctx, last.closeToken + 1));
  const quotedOnly = objectStart === quote.openToken && quotes.length === 1 && end === last.closeToken + 1;
  return { cue, speaker, content: { start: objectStart, end }, quotes, quotedOnly, rule };
}

/** 'called' in 'so-called' (one token or three). */
function isSoCalled(tokens: readonly Token[], t: number): boolean {
  const word = tokens[t]!.text.toLowerCase();
  return word === 'so-called' || (word === 'called' && tokens[t - 1]?.text === '-' && tokens[t - 2]?.text.toLowerCase() === 'so');
}

/**
 * A verb-tagged word the object may hold: 'being' ('of being “duped”'), a capitalised
 * name part ('the Affordable Care Act'), a gerund opening the object ('called for taxing
 * so-called “pass through” income').
 */
function isObjectWord(tokens: readonly Token[], t: number, objectStart: number): boolean {
  const token = tokens[t]!;
  return token.text.toLowerCase() === 'being' || (/^\p{Lu}/u.test(token.text) && t > 0 && tokens[t - 1]!.sentence === token.sentence) || (t === objectStart && /ing$/i.test(token.text));
}

/** Past the nouns that end a phrase the quoted words open ('a “full and open” inquiry'). */
function nounAfter(ctx: QuoteContext, t: number): number {
  const { tokens } = ctx;
  let k = t;
  while (k < tokens.length && k - t < 3 && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN') && tokens[k]!.paragraph === tokens[t - 1]!.paragraph && ctx.quoteAt[k]! < 0) k++;
  return k;
}

/** Past a prepositional phrase after the marks ('“a grave threat” to regional stability'), up to punctuation or a verb. */
function tailEnd(ctx: QuoteContext, t: number): number {
  const { tokens } = ctx;
  const first = tokens[t];
  if (!first || first.paragraph !== tokens[t - 1]!.paragraph || !TAIL_PREPOSITIONS.has(first.text.toLowerCase()) || first.pos !== 'ADP') return t;
  let k = t + 1;
  while (k < tokens.length && k - t <= MAX_TAIL_TOKENS && isTailWord(tokens[k]!) && ctx.quoteAt[k]! < 0 && tokens[k]!.paragraph === first.paragraph) k++;
  return k > t + 1 ? k : t;
}

function isTailWord(token: Token): boolean {
  return OBJECT_POS.has(token.pos) && token.pos !== 'PRON' || token.pos === 'ADP' || token.text === "'s" || token.text === '’s' || (token.pos === 'CCONJ' && token.text.toLowerCase() === 'and') || token.pos === 'PRON' && /^(his|her|its|their|our|my|your)$/i.test(token.text);
}
