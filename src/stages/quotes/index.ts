/**
 * Stage: quotes. Direct, indirect and mixed quotes with their cues and speakers.
 *
 *   1. pair quotation marks per paragraph, double and single (quotation-marks.ts, quote-context.ts);
 *   2. attribute each quote in marks to the cue and speaker beside it (direct-attribution.ts);
 *      '"A," she said, "B."' is one quote in two parts;
 *   3. read reported speech around the remaining speech cues; a reported clause
 *      that holds a quote in marks is mixed; 'A, he said, B' is one quote in two
 *      parts (reported-speech.ts, report-subject.ts);
 *   4. words in marks after a characterising verb and its object are a partial quote
 *      ('called the plan “a disgrace”', characterization.ts); a quote nobody is named
 *      beside continues the previous speaker, or the speaker a colon or the previous
 *      sentence introduced, unless it is a title, a nickname or a scare quote (not-a-quote.ts);
 *   5. resolve speakers to entities in text order (speaker-resolution.ts).
 */

import { firstStartingAt, overlapsAny, type QuoteRecord, type Range, type SpeakerChoice, type SpeakerRecord } from '../../core/document.js';
import type { Stage } from '../../core/stage.js';
import { mapPacked } from '../../core/packed.js';
import type { QuoteKind } from '../../types.js';
import type { CueMatch } from './cue-lexicon.js';
import { attributeAfter, attributeBefore, attributeBeforeToken, interruptsUtterance, sentenceSubjectBefore, type Attribution } from './direct-attribution.js';
import { readCharacterization, type Characterization } from './characterization.js';
import { notAQuoteReason } from './not-a-quote.js';
import { DOCUMENT_HEADS } from './never-a-speaker.js';
import { buildQuoteContext, charRange, quoteEndsSentence, type QuoteContext, type TopQuote } from './quote-context.js';
import { findSpeechCues, readReportedSpeech } from './reported-speech.js';
import { SpeakerResolver } from './speaker-resolution.js';
import type { FirstNameGenders } from './first-name-gender.js';
import { speakerPhraseBefore, type SpeakerPhrase } from './speaker-phrase.js';

export { compileCues, type CompiledCues, type CueData } from './cue-lexicon.js';

type SpeakerSource =
  | { type: 'phrase'; phrase: SpeakerPhrase }
  /** The speaker of another candidate (the previous quote, or the rest of a multi-paragraph quote). */
  | { type: 'inherit'; from: Candidate }
  | { type: 'none' };

interface Candidate {
  range: Range;
  /** The pieces of an utterance its attribution interrupts; absent for one piece (the range). */
  parts?: Range[];
  kind: QuoteKind;
  cue: CueMatch | null;
  speakerSource: SpeakerSource;
  rule: string;
  score: number;
  paragraph: number;
  /** The top-level quote this candidate is, for direct quotes. */
  quote: TopQuote | null;
  speaker: SpeakerRecord | null;
  /** How the speaker was chosen (for analyze()). */
  speakerChoice?: SpeakerChoice;
  /** The quote whose speaker this one continues if its own phrase cannot speak. */
  otherwiseContinues?: Candidate;
}

/** Candidates read ahead for the speaker of a multi-paragraph quote. */
const MAX_CANDIDATES_TO_CONTINUE = 50;
/** Tokens read for a sentence's subject, and for a fronted clause before it. */
const MAX_SUBJECT_TOKENS = 25;
const MAX_FRONTED_TOKENS = 30;
/** Paragraphs back that a quote with nobody named beside it may continue the previous speaker. */
const MAX_PARAGRAPHS_TO_CONTINUE = 1;

export const quotesStage: Stage = {
  name: 'quotes',
  run(doc, resources) {
    if (doc.tokens.length === 0) return;
    const ctx = buildQuoteContext(doc, resources.cues);
    const candidates = findCandidates(ctx);
    doc.quotes = resolveSpeakers(ctx, candidates, resources.firstNames);
  },
};

function findCandidates(ctx: QuoteContext): Candidate[] {
  const { tokens } = ctx;
  const usedCueTokens = new Set<number>();
  const direct: (Candidate | null)[] = mapPacked(ctx.quotes, () => null);
  const absorbed = new Set<number>();
  /** Quote index -> its attribution when that follows it ('"…," she said'). */
  const attributedAfter: (Attribution | undefined)[] = [];

  const useCue = (cue: CueMatch | null): void => {
    if (cue) for (let t = cue.tokenStart; t < cue.tokenEnd; t++) usedCueTokens.add(t);
  };

  // 2. Quotes in marks with a cue and speaker beside them.
  for (const quote of ctx.quotes) {
    const paragraph = ctx.paragraphTokens[quote.paragraph]!;
    const previous = ctx.quotes[quote.index - 1];
    const floor = previous && previous.paragraph === quote.paragraph && previous.closeToken >= 0 ? previous.closeToken + 1 : paragraph.start;
    const before = attributeBefore(ctx, quote, floor);
    const after = attributeAfter(ctx, quote, paragraph.end);
    const colonBefore = tokens[quote.openToken - 1]?.text === ':';
    // 'but said "the question is the timing." Gov. Pat McCrory said …': a quote that ends its
    // sentence belongs to the cue before it; the name after it opens the next sentence.
    const nextSentence = quote.closeToken >= 0 && quoteEndsSentence(ctx.text, quote) && /^\p{Lu}/u.test(tokens[quote.closeToken + 1]?.text ?? '');
    const chosen: Attribution | null = before && (colonBefore || !after || nextSentence) ? before : after;
    if (!chosen) continue;
    useCue(chosen.cue);
    direct[quote.index] = directCandidate(quote, chosen);
    if (chosen === after) attributedAfter[quote.index] = chosen;
  }
  // '"We will not give in," she said, "not now."': one utterance in two parts.
  for (let i = 0; i + 1 < ctx.quotes.length; i++) {
    const attribution = attributedAfter[i];
    const first = direct[i];
    if (!attribution || !first || !interruptsUtterance(ctx, ctx.quotes[i]!, attribution, ctx.quotes[i + 1]!)) continue;
    const second = ctx.quotes[i + 1]!;
    first.parts = [...(first.parts ?? [first.range]), { start: second.contentStart, end: second.contentEnd }];
    first.range = { start: first.range.start, end: second.contentEnd };
    direct[i + 1] = null;
    absorbed.add(i + 1);
  }

  // 3. Reported speech around the remaining cues.
  const reported: Candidate[] = [];
  let lastEnd = -1;
  for (const cue of findSpeechCues(ctx, usedCueTokens)) {
    // A cue inside the clause reported just before belongs to it.
    if (tokens[cue.tokenStart]!.start < lastEnd) continue;
    const speech = readReportedSpeech(ctx, cue);
    if (!speech) continue;
    const { content } = speech;
    if (tokens[content.start]!.start < lastEnd) continue;
    const inside: TopQuote[] = [];
    for (let t = content.start; t < content.end; t++) {
      const q = ctx.quoteAt[t]!;
      if (q >= 0 && inside[inside.length - 1]?.index !== q) inside.push(ctx.quotes[q]!);
    }
    if (inside.some((q) => direct[q.index] !== null)) continue;
    const single = inside.length === 1 ? inside[0]! : null;
    if (single && content.start >= single.openToken && content.end <= (single.closeToken >= 0 ? single.closeToken + 1 : single.tokenEnd)) {
      // The reported clause is exactly a quote in marks: a direct quote.
      direct[single.index] = directCandidate(single, { cue, speaker: speech.speaker, rule: speech.rule });
      continue;
    }
    let end = content.end;
    for (const q of inside) {
      absorbed.add(q.index);
      if (q.closeToken >= end) end = q.closeToken + 1;
    }
    const range = trimFullStop(ctx, charRange(tokens, content.start, end));
    lastEnd = range.end;
    const parts = speech.parts?.map((part, k, all) => (k === all.length - 1 ? { start: charRange(tokens, part.start, part.end).start, end: range.end } : charRange(tokens, part.start, part.end)));
    reported.push({
      range,
      ...(parts ? { parts } : {}),
      kind: inside.length > 0 ? 'mixed' : 'indirect',
      cue,
      speakerSource: speech.speaker ? { type: 'phrase', phrase: speech.speaker } : { type: 'none' },
      rule: speech.rule,
      score: inside.length > 0 ? 0.8 : 0.7,
      paragraph: tokens[content.start]!.paragraph,
      quote: null,
      speaker: null,
    });
  }

  // 4. Quotes with nobody named beside them.
  const all: Candidate[] = [...reported];
  for (const quote of ctx.quotes) {
    const found = direct[quote.index];
    if (found) {
      all.push(found);
      continue;
    }
    if (absorbed.has(quote.index)) continue;
    // 'X called the plan “a disgrace”': words in marks a speaker characterises something with.
    const characterization = readCharacterization(ctx, quote);
    if (characterization) {
      for (const q of characterization.quotes) absorbed.add(q.index);
      all.push(characterizationCandidate(ctx, characterization));
      continue;
    }
    if (notAQuoteReason(ctx, quote) !== null) continue;
    all.push({
      range: { start: quote.contentStart, end: quote.contentEnd },
      kind: 'direct',
      cue: null,
      speakerSource: { type: 'none' },
      rule: 'quote-unattributed',
      score: 0.5,
      paragraph: quote.paragraph,
      quote,
      speaker: null,
    });
  }
  all.sort((a, b) => a.range.start - b.range.start);
  const kept = all.filter((c) => c.range.end > c.range.start && !overlapsAny(ctx.doc.furniture, c.range.start, c.range.end));
  linkUnattributed(ctx, kept);
  return kept;
}

function characterizationCandidate(ctx: QuoteContext, found: Characterization): Candidate {
  const quote = found.quotes[0]!;
  return {
    range: found.quotedOnly ? { start: quote.contentStart, end: quote.contentEnd } : charRange(ctx.tokens, found.content.start, found.content.end),
    kind: found.quotedOnly ? 'direct' : 'mixed',
    cue: found.cue,
    speakerSource: { type: 'phrase', phrase: found.speaker },
    rule: found.rule,
    score: 0.7,
    paragraph: quote.paragraph,
    quote: null,
    speaker: null,
  };
}

function directCandidate(quote: TopQuote, attribution: Attribution): Candidate {
  return {
    range: { start: quote.contentStart, end: quote.contentEnd },
    kind: 'direct',
    cue: attribution.cue,
    speakerSource: attribution.speaker ? { type: 'phrase', phrase: attribution.speaker } : { type: 'none' },
    rule: attribution.rule,
    score: 0.9,
    paragraph: quote.paragraph,
    quote,
    speaker: null,
  };
}

/**
 * A quote with nobody named beside it takes its speaker from: the other paragraphs
 * of a multi-paragraph quote; a colon-ended sentence before it ('Lavrov said:');
 * the previous quote in this or the previous paragraph; or the subject of the
 * previous sentence.
 */
function linkUnattributed(ctx: QuoteContext, candidates: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (candidate.rule !== 'quote-unattributed' || !candidate.quote) continue;
    const quote = candidate.quote;
    // A transcript: '"PENCE: Well, look, …"' names its speaker in capitals before a colon.
    const label = transcriptLabel(ctx, quote);
    if (label) {
      candidate.speakerSource = { type: 'phrase', phrase: label };
      candidate.rule = 'quote-transcript-label';
      continue;
    }
    // Multi-paragraph quote: the speaker named in a later paragraph of the same quote.
    if (quote.continuesInNext) {
      for (let j = i + 1; j < candidates.length && j - i <= MAX_CANDIDATES_TO_CONTINUE; j++) {
        const next = candidates[j]!;
        if (!next.quote || next.quote.paragraph > quote.paragraph + 4) break;
        if (next.speakerSource.type === 'phrase' && next.quote.index > quote.index) {
          candidate.speakerSource = { type: 'inherit', from: next };
          candidate.rule = 'quote-multi-paragraph';
          break;
        }
        if (!next.quote.continuesInNext && next.quote.close >= 0) break;
      }
      if (candidate.speakerSource.type !== 'none') continue;
    }
    // 'Lavrov said:' ending the previous paragraph, or a colon-ended sentence before the quote.
    const beforeToken = quote.openToken - 1;
    if (beforeToken >= 0 && tokens[beforeToken]!.text === ':') {
      const floor = ctx.sentenceStart[beforeToken]!;
      const attribution = attributeBeforeToken(ctx, beforeToken, floor);
      if (attribution?.speaker) {
        candidate.speakerSource = { type: 'phrase', phrase: attribution.speaker };
        candidate.cue = attribution.cue;
        candidate.rule = 'quote-after-colon';
        continue;
      }
      // '… - Michael P. McDonald: "…"', 'Frank quotes the former adviser Alfred Kahn: "…"': a name just before the colon.
      const named = namedBeforeColon(ctx, beforeToken);
      if (named) {
        candidate.speakerSource = { type: 'phrase', phrase: named };
        candidate.rule = 'quote-after-named-colon';
        continue;
      }
      // 'Sanders made the following comment:', 'Obama is rolling out a new message:': the colon's sentence's named subject.
      const subject = sentenceSubject(ctx, floor, beforeToken);
      if (subject) {
        candidate.speakerSource = { type: 'phrase', phrase: subject };
        candidate.rule = 'quote-after-colon-subject';
        continue;
      }
    }
    // 'As John Cornyn put it: "…"', 'As The Post's Dana Milbank puts it, "…"': who put it so.
    const putter = asPutIt(ctx, quote.openToken);
    if (putter) {
      candidate.speakerSource = { type: 'phrase', phrase: putter };
      candidate.rule = 'quote-as-put-it';
      continue;
    }
    const previous = previousToContinue(candidates, i);
    // A quote inside a sentence whose subject names someone ('Trump called her a "con."') or
    // describes someone ('The judge pointed to a case to say that courts must weigh "…"',
    // 'Another tweeted, "…"'): that subject. A description that cannot speak ('The report
    // found …') leaves the quote to continue the previous speaker.
    if (ctx.sentenceStart[quote.openToken]! < quote.openToken) {
      const subject = sentenceSubjectBefore(ctx, quote.openToken);
      if (subject && (namesSpeaker(ctx, subject) || describesSomeone(ctx, subject, previous))) {
        candidate.speakerSource = { type: 'phrase', phrase: subject };
        candidate.rule = 'quote-sentence-subject';
        if (previous && previous.speakerSource.type !== 'none' && candidate.paragraph - previous.paragraph <= MAX_PARAGRAPHS_TO_CONTINUE) candidate.otherwiseContinues = previous;
        continue;
      }
    }
    // Continuing the previous speaker, unless the sentence before the quote, after the previous
    // quote, introduces someone else ('Jones disagreed. "…"').
    const introduced = previousSentenceSubject(ctx, quote);
    if (introduced && previous && tokens[introduced.start]!.start > previous.range.end) {
      candidate.speakerSource = { type: 'phrase', phrase: introduced };
      candidate.rule = 'quote-previous-sentence-subject';
      continue;
    }
    if (previous && previous.speakerSource.type !== 'none' && candidate.paragraph - previous.paragraph <= MAX_PARAGRAPHS_TO_CONTINUE) {
      candidate.speakerSource = { type: 'inherit', from: previous };
      candidate.rule = 'quote-continues-speaker';
      continue;
    }
    // A speaker introduced in the previous sentence: its subject, if it names someone.
    if (introduced) {
      candidate.speakerSource = { type: 'phrase', phrase: introduced };
      candidate.rule = 'quote-previous-sentence-subject';
    }
  }
}

/**
 * The quote a speakerless quote may continue: the candidate just before it, passing
 * over reported readings in between that name nobody ('"…," she said, when asked
 * whether she wanted Cruz to campaign for her. "…"': the question is the
 * interviewer's, the next quote still hers).
 */
function previousToContinue(candidates: readonly Candidate[], index: number): Candidate | undefined {
  for (let j = index - 1; j >= 0 && index - j <= MAX_CANDIDATES_TO_CONTINUE; j--) {
    const candidate = candidates[j]!;
    if (candidate.speakerSource.type !== 'none' || candidate.quote) return candidate;
  }
  return candidates[index - 1];
}

/** The named subject of the sentence before a quote's (in this or the previous paragraph), or null. */
function previousSentenceSubject(ctx: QuoteContext, quote: TopQuote): SpeakerPhrase | null {
  const { tokens } = ctx;
  const previousSentenceEnd = ctx.sentenceStart[quote.openToken]!;
  if (previousSentenceEnd <= 0 || tokens[previousSentenceEnd - 1]!.paragraph < quote.paragraph - 1) return null;
  const start = ctx.sentenceStart[previousSentenceEnd - 1]!;
  return sentenceSubject(ctx, start, previousSentenceEnd);
}

/**
 * 'and she becomes upset, shouting …', 'she said at a news conference announcing …':
 * the nearest subject pronoun or name before a participle cue in its sentence, outside
 * quotation marks, followed by a verb.
 */
function nearestClauseSubject(ctx: QuoteContext, cueStart: number): SpeakerPhrase | null {
  const { tokens } = ctx;
  const start = ctx.sentenceStart[cueStart]!;
  for (let k = cueStart - 1; k >= start && cueStart - k <= MAX_SUBJECT_TOKENS; k--) {
    const token = tokens[k]!;
    if (ctx.quoteAt[k]! >= 0) continue;
    const next = tokens[k + 1];
    if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX' && next.pos !== 'ADV')) continue;
    if (token.pos === 'PRON' && /^(he|she|they|we)$/i.test(token.text)) return { start: k, end: k + 1, head: k };
    if (token.pos === 'PROPN') {
      const phrase = speakerPhraseBefore(tokens, k + 1, start);
      if (phrase && phrase.head === k) return phrase;
    }
  }
  return null;
}

/** Whether token t is part of a place's mention. */
function isPlaceAt(ctx: QuoteContext, t: number): boolean {
  const { mentions } = ctx.doc;
  const offset = ctx.tokens[t]!.start;
  // The last mention that starts at or before the token (mentions do not overlap).
  const mention = mentions[firstStartingAt(mentions, offset + 1) - 1];
  return mention !== undefined && mention.end > offset && mention.type === 'place';
}

/** 'In a statement announcing …,': a document noun after the preposition that opens its sentence. */
function frontedDocument(ctx: QuoteContext, phrase: SpeakerPhrase): boolean {
  const { tokens } = ctx;
  const before = phrase.start - 1;
  return before >= 0 && before === ctx.sentenceStart[phrase.start] && tokens[before]!.pos === 'ADP' && DOCUMENT_HEADS.has(tokens[phrase.head]!.text.toLowerCase());
}

/**
 * A person's name just before a colon that opens a quote ('- Michael P. McDonald:',
 * 'quotes former Carter adviser Alfred Kahn:'), or an organisation's name that is all
 * its clause holds ('[HuffPost.] - HuffPollster:'); never the object of a preposition
 * ('made the following comment to Hillary Clinton:').
 */
function namedBeforeColon(ctx: QuoteContext, colon: number): SpeakerPhrase | null {
  const { tokens, doc } = ctx;
  const mentions = doc.mentions;
  let lo = 0;
  let hi = mentions.length - 1;
  // The last mention that starts before the colon (mentions are in text order).
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.tokenStart < colon) lo = mid + 1;
    else hi = mid - 1;
  }
  const mention = mentions[hi];
  if (!mention || mention.tokenEnd !== colon || mention.type === 'place') return null;
  const before = tokens[mention.tokenStart - 1];
  if (before && (before.pos === 'ADP' || before.pos === 'DET' && mention.type === 'person')) return null;
  if (mention.type === 'organization') {
    const opensClause = !before || before.paragraph < tokens[colon]!.paragraph || /^[-–—.\]]$/.test(before.text) || ctx.sentenceStart[mention.tokenStart] === mention.tokenStart;
    if (!opensClause) return null;
  }
  return { start: mention.tokenStart, end: mention.tokenEnd, head: mention.tokenEnd - 1 };
}

/** Tokens read back from a quote for 'as X put it'. */
const MAX_PUT_IT_TOKENS = 40;

/**
 * 'As X put it, "…"', 'As X, a tax lawyer, recently put it: "…"' and '…, as The New
 * Yorker put it in a lengthy expose, "…"': the phrase between 'as' and 'put it', in
 * the quote's sentence and after any earlier quote in it.
 */
function asPutIt(ctx: QuoteContext, openToken: number): SpeakerPhrase | null {
  const { tokens } = ctx;
  const start = Math.max(ctx.sentenceStart[openToken]!, openToken - MAX_PUT_IT_TOKENS);
  for (let t = openToken - 2; t > start; t--) {
    if (ctx.quoteAt[t]! >= 0) return null;
    const word = tokens[t]!.text.toLowerCase();
    if ((word !== 'put' && word !== 'puts') || tokens[t + 1]!.text.toLowerCase() !== 'it') continue;
    // 'as' opens the clause: the phrase before 'put it' (past an aside and adverbs) starts right after it.
    for (let as = t - 1; as >= start; as--) {
      if (tokens[as]!.text.toLowerCase() !== 'as') continue;
      const phrase = speakerPhraseBefore(tokens, t, as + 1);
      return phrase && phrase.start === as + 1 ? phrase : null;
    }
    return null;
  }
  return null;
}

/** Longest speaker label of a transcript, in words ('SEN. JOHN MCCAIN:'). */
const MAX_LABEL_WORDS = 4;

/**
 * '"WALLACE: Let's start with …"': the quoted words open with a name in capitals (a word
 * of two letters or more, up to MAX_LABEL_WORDS words) and a colon, as transcripts
 * label who speaks. The label is the speaker; 'Q:' and 'A:' name nobody.
 */
function transcriptLabel(ctx: QuoteContext, quote: TopQuote): SpeakerPhrase | null {
  const { tokens } = ctx;
  let t = quote.tokenStart;
  while (t < quote.tokenEnd && t - quote.tokenStart < MAX_LABEL_WORDS && tokens[t]!.kind === 'word' && /^\p{Lu}[\p{Lu}'’.-]+$/u.test(tokens[t]!.text)) t++;
  if (t === quote.tokenStart || tokens[t]?.text !== ':' || t + 1 >= quote.tokenEnd) return null;
  return { start: quote.tokenStart, end: t, head: t - 1 };
}

/** Verbs whose object may itself be heard saying something ('heard the crowd chanting', 'quoted him saying'). */
const PERCEPTION_VERBS = /^(hear|heard|hears|hearing|see|saw|seen|sees|watch|watched|watches|catch|caught|show|showed|shown|shows|quote|quoted|quotes|cite|cited|cites|find|found|leave|left|keep|kept|have|had|has)$/i;

/**
 * Whether a speaker phrase before a participle cue is the object of a verb of its
 * clause ('issued a statement saying', 'emailed supporters saying', 'told a rally,
 * saying'): the word before it is a verb, or a particle after one ('put out a statement').
 */
function isObjectOfVerb(ctx: QuoteContext, phrase: SpeakerPhrase, cueStart: number): boolean {
  const { tokens } = ctx;
  if (tokens[cueStart - 1]?.text.toLowerCase() === 'as') return false;
  let k = phrase.start - 1;
  if (k < ctx.sentenceStart[phrase.start]!) return false;
  if (tokens[k]?.pos === 'ADP' && /^(out|up|off)$/i.test(tokens[k]!.text)) k--;
  const verb = tokens[k];
  if (!verb || verb.pos !== 'VERB' || ctx.quoteAt[k]! >= 0) return false;
  return !PERCEPTION_VERBS.test(verb.text) && !/ing$/i.test(verb.text);
}

/** Things a subject puts out that then speak ('released a letter that says', 'ran a piece that noted'): documents, and reports of that kind. */
const PUT_OUT_HEADS = new Set([...DOCUMENT_HEADS, 'report', 'reports', 'study', 'analysis', 'video', 'resolution', 'proposal', 'plan', 'bill']);

/** Words that stand for someone unnamed ('Another tweeted', 'Others shouted'). */
const SOMEONE = /^(another|others|one|some|many|most)$/i;

/**
 * A subject that describes someone ('The judge', 'His campaign', 'Another'), a common
 * noun or one of SOMEONE as its head, in a sentence after the previous quote's.
 */
function describesSomeone(ctx: QuoteContext, phrase: SpeakerPhrase, previous: Candidate | undefined): boolean {
  const head = ctx.tokens[phrase.head]!;
  if (head.pos !== 'NOUN' && !SOMEONE.test(head.text)) return false;
  if (previous && ctx.tokens[phrase.start]!.start < previous.range.end) return false;
  return true;
}

/** A subject that names someone: a proper noun, or he or she. */
function namesSpeaker(ctx: QuoteContext, phrase: SpeakerPhrase): boolean {
  const head = ctx.tokens[phrase.head]!;
  return head.pos === 'PROPN' || (head.pos === 'PRON' && /^(he|she)$/i.test(head.text));
}

/** The named subject that opens a sentence ('Smith was blunt.'), or null. */
function sentenceSubject(ctx: QuoteContext, start: number, end: number, depth = 0): SpeakerPhrase | null {
  const { tokens } = ctx;
  // 'Though she called it "outrageous," Clinton restricted …', 'On July 6, 2015, Sanders made …':
  // after a fronted clause or phrase, the subject of the main clause.
  const opener = tokens[start]!;
  if (depth === 0 && (opener.pos === 'SCONJ' || opener.pos === 'ADP')) {
    for (let t = start + 1; t < end && t - start < MAX_FRONTED_TOKENS; t++) {
      if (tokens[t]!.text === ',' && ctx.quoteAt[t]! < 0 && tokens[t + 1] && !/^\d/.test(tokens[t + 1]!.text)) return sentenceSubject(ctx, t + 1, end, 1);
      // 'On "Face the Nation," Sen. Bernie Sanders …': the comma inside a title's closing mark ends the phrase too.
      if (tokens[t]!.text === ',' && ctx.quoteAt[t]! >= 0 && ctx.quotes[ctx.quoteAt[t]!]!.closeToken === t + 1 && t + 2 < end && tokens[t + 2]!.kind === 'word') return sentenceSubject(ctx, t + 2, end, 1);
    }
    return null;
  }
  for (let t = start + 1; t < end && t - start < MAX_SUBJECT_TOKENS; t++) {
    const token = tokens[t]!;
    if (token.pos !== 'VERB' && token.pos !== 'AUX') continue;
    const phrase = speakerPhraseBefore(tokens, t, start);
    if (!phrase) return null;
    // The phrase opens the sentence, or only a noun phrase stands before it ('His partner, Lawrence Cummings, called').
    let opens = phrase.start === start || tokens[start]!.pos === 'ADV' || tokens[start]!.pos === 'CCONJ';
    if (!opens && tokens[phrase.start - 1]?.text === ',') {
      opens = true;
      for (let k = start; k < phrase.start && opens; k++) opens = tokens[k]!.pos !== 'VERB' && tokens[k]!.pos !== 'AUX' && ctx.quoteAt[k]! < 0;
    }
    if (!opens) return null;
    const head = tokens[phrase.head]!;
    if (head.pos === 'PROPN' || head.pos === 'PRON' && /^(he|she)$/i.test(head.text)) return phrase;
    return null;
  }
  return null;
}

function resolveSpeakers(ctx: QuoteContext, candidates: Candidate[], firstNames: FirstNameGenders): QuoteRecord[] {
  const { text } = ctx;
  const resolver = new SpeakerResolver(ctx, firstNames);
  const pending: Candidate[] = [];
  const inherit = (candidate: Candidate, from: Candidate): void => {
    candidate.speaker = from.speaker ? { ...from.speaker } : null;
    candidate.speakerChoice = { rule: `${candidate.rule} (${from.speakerChoice?.rule ?? 'no speaker'})`, candidates: from.speakerChoice?.candidates ?? [] };
  };
  for (const candidate of candidates) {
    const source = candidate.speakerSource;
    if (source.type === 'phrase') {
      let resolved = resolver.resolve(source.phrase);
      // 'she said at a news conference announcing that …': a participle whose phrase cannot
      // speak goes back to the subject of its sentence.
      const cue = candidate.cue;
      // 'Trump and Ryan issued a statement saying …', 'Trump told a North Carolina rally, saying …':
      // a participle's phrase that is the object of the clause's verb is not who speaks; the clause's subject is.
      const participle = cue !== null && !cue.cue.sourceAfter && /ing$/i.test(ctx.tokens[cue.tokenStart]!.text);
      // 'He released a letter from his doctor that says …', 'The Post ran a piece that noted …': a thing the
      // clause's subject put out speaks for that subject.
      const putOut = candidate.rule === 'speaker-cue-clause-relative-subject' && cue !== null && resolved.speaker !== null && resolved.speaker.entity < 0 &&
        ctx.tokens[source.phrase.head]!.pos === 'NOUN' && PUT_OUT_HEADS.has(ctx.tokens[source.phrase.head]!.text.toLowerCase());
      if ((participle || putOut) && resolved.speaker && isObjectOfVerb(ctx, source.phrase, cue!.tokenStart)) {
        const subject = nearestClauseSubject(ctx, source.phrase.start) ?? sentenceSubjectBefore(ctx, source.phrase.start);
        if (subject && subject.end <= source.phrase.start) {
          const fallback = resolver.resolve(subject);
          if (fallback.speaker) resolved = { speaker: fallback.speaker, choice: { ...fallback.choice, rule: `${participle ? 'participle' : 'relative'}-object-subject (${resolved.choice.rule}; ${fallback.choice.rule})` } };
        }
      }
      // 'Hillary Clinton spoke about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that …':
      // a place before a participle is where, not who; 'In a statement announcing the pick, the union
      // called …': a statement without its owner, in a fronted phrase, is the main clause's subject's.
      const fronted = resolved.speaker !== null && participle && frontedDocument(ctx, source.phrase);
      if (resolved.speaker && cue && participle && (fronted || isPlaceAt(ctx, source.phrase.head))) {
        const subject = nearestClauseSubject(ctx, source.phrase.start) ?? sentenceSubjectBefore(ctx, source.phrase.start) ??
          (fronted ? sentenceSubject(ctx, ctx.sentenceStart[cue.tokenStart]!, ctx.sentenceEnd[cue.tokenStart]!) : null);
        if (subject && subject.head !== source.phrase.head) {
          const fallback = resolver.resolve(subject);
          if (fallback.speaker) resolved = { speaker: fallback.speaker, choice: { ...fallback.choice, rule: `participle-subject (${resolved.choice.rule}; ${fallback.choice.rule})` } };
        }
      }
      if (!resolved.speaker && cue && participle) {
        const subject = nearestClauseSubject(ctx, cue.tokenStart) ?? sentenceSubjectBefore(ctx, cue.tokenStart);
        if (subject && subject.head !== source.phrase.head) {
          const fallback = resolver.resolve(subject);
          resolved = { speaker: fallback.speaker, choice: { ...fallback.choice, rule: `participle-subject (${resolved.choice.rule}; ${fallback.choice.rule})` } };
        }
      }
      // 'Sanders made the following comment:': a colon's phrase that cannot speak gives way to the sentence's named subject.
      if (!resolved.speaker && candidate.rule === 'quote-after-colon' && candidate.quote) {
        const colon = candidate.quote.openToken - 1;
        const subject = sentenceSubject(ctx, ctx.sentenceStart[colon]!, colon);
        if (subject) {
          const fallback = resolver.resolve(subject);
          resolved = { speaker: fallback.speaker, choice: { ...fallback.choice, rule: `colon-sentence-subject (${resolved.choice.rule}; ${fallback.choice.rule})` } };
        }
      }
      if (!resolved.speaker && candidate.otherwiseContinues?.speakerChoice) {
        inherit(candidate, candidate.otherwiseContinues);
        candidate.speakerChoice = { ...candidate.speakerChoice!, rule: `quote-continues-speaker (${resolved.choice.rule}; ${candidate.speakerChoice!.rule})` };
        continue;
      }
      candidate.speaker = resolved.speaker;
      candidate.speakerChoice = resolved.choice;
    } else if (source.type === 'inherit') {
      if (source.from.speakerChoice) inherit(candidate, source.from);
      else pending.push(candidate);
    }
  }
  for (const candidate of pending) {
    const source = candidate.speakerSource;
    if (source.type === 'inherit') inherit(candidate, source.from);
  }
  return mapPacked(candidates, (candidate) => {
    const cue = candidate.cue ? charRange(ctx.tokens, candidate.cue.tokenStart, candidate.cue.tokenEnd) : null;
    return {
      start: candidate.range.start,
      end: candidate.range.end,
      text: text.slice(candidate.range.start, candidate.range.end),
      kind: candidate.kind,
      parts: candidate.parts ? mapPacked(candidate.parts, (part) => ({ start: part.start, end: part.end })) : [{ start: candidate.range.start, end: candidate.range.end }],
      cue: cue ? { start: cue.start, end: cue.end, text: text.slice(cue.start, cue.end) } : null,
      speaker: candidate.speaker,
      provenance: { stage: 'quotes', rule: candidate.rule, score: candidate.score },
      speakerChoice: candidate.speakerChoice ?? { rule: 'no-speaker-phrase', candidates: [] },
    };
  });
}


/** Drops a full stop the tokenizer left on the last word ('ill.'), keeping abbreviations ('U.S.'). */
function trimFullStop(ctx: QuoteContext, range: Range): Range {
  const { text } = ctx;
  if (text[range.end - 1] !== '.') return range;
  const lastWord = text.slice(Math.max(range.start, text.lastIndexOf(' ', range.end - 1) + 1), range.end - 1);
  if (lastWord.includes('.') || /^\p{Lu}[\p{L}]{0,3}$/u.test(lastWord)) return range;
  return { start: range.start, end: range.end - 1 };
}
