/**
 * Attribution of quotes in marks to a cue and a speaker phrase next to them:
 *
 *   after the quote   "…," said Lavrov / "…," Lavrov said / "…," he drew attention /
 *                     "…," the U.S. Ambassador to Azerbaijan, Mark Libby, wrote /
 *                     "…," according to X / "…" – X
 *   before the quote  X said: "…" / X said, "…" / X told reporters: "…" /
 *                     According to X, "…" / X said in a statement: "…"
 */

import { firstStartingAt, type Token } from '../../core/document.js';
import { matchCueAt, type CueMatch } from './cue-lexicon.js';
import { endsSentenceAt, isSentenceEndToken, quoteEndsSentence, type QuoteContext, type TopQuote } from './quote-context.js';
import { isTitleCase } from './not-a-quote.js';
import { sentenceOpeningSubject } from './report-subject.js';
import { phraseEndingAt, speakerPhraseAfter, speakerPhraseBefore, startsAsDescription, type SpeakerPhrase } from './speaker-phrase.js';

export interface Attribution {
  cue: CueMatch | null;
  speaker: SpeakerPhrase | null;
  rule: string;
}

/** Tokens read after a closing mark when looking for its attribution. */
const AFTER_WINDOW = 40;
/** Tokens read before an opening mark. */
const BEFORE_WINDOW = 30;
/** Tokens allowed between a cue and the colon that opens its quote ('said in a statement on Monday:'). */
const MAX_GAP_BEFORE_COLON = 8;

/** Conjunctions after a closing mark that open a clause of their own. */
const CONTRASTING_CONJUNCTIONS = new Set(['while', 'whereas', 'although', 'though', 'whilst']);
/** Pronouns that only stand as objects: after a cue they name the hearer ('told me'). */
const OBJECT_PRONOUNS = new Set(['me', 'us', 'him', 'them']);
const ADJUNCT_POS = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'ADV', 'PRON']);
const DASHES = new Set(['–', '—', '-', '--', '―']);

function isSpeechCue(match: CueMatch | null): match is CueMatch {
  return match !== null && match.cue.type === 'speech';
}

function isOpeningMarkToken(ctx: QuoteContext, t: number): boolean {
  const q = ctx.quoteAt[t]!;
  return q >= 0 && ctx.quotes[q]!.openToken === t;
}

/**
 * Whether token t starts a clause of its own (then a cue before it heads that clause,
 * not the quote): 'that', a determiner, a pronoun ('it' only before a verb: 'said it
 * would be'), or a name and a verb ('said Cook provided').
 */
function startsClause(tokens: readonly Token[], t: number): boolean {
  const token = tokens[t];
  if (!token) return false;
  const lower = token.text.toLowerCase();
  const next = tokens[t + 1];
  const verbNext = next !== undefined && (next.pos === 'AUX' || next.pos === 'VERB');
  if (lower === 'that' || (token.pos === 'PRON' && (lower !== 'it' || verbNext)) || token.pos === 'DET') return true;
  if (token.pos !== 'PROPN') return false;
  // 'said North Korea had …', "said Kim's mental state is …": a name (of a few words) and a verb or a possessive.
  let k = t + 1;
  while (k - t < 4 && tokens[k]?.pos === 'PROPN') k++;
  const after = tokens[k];
  return after !== undefined && (after.pos === 'AUX' || after.pos === 'VERB' || /^['’]s$/.test(after.text));
}

export function attributeAfter(ctx: QuoteContext, quote: TopQuote, limit: number): Attribution | null {
  const { tokens } = ctx;
  if (quote.closeToken < 0) return null;
  let a = quote.closeToken + 1;
  if (a < limit && (tokens[a]!.text === ',' )) a++;
  let windowEnd = a;
  while (windowEnd < limit && windowEnd - a < AFTER_WINDOW && !endsSentenceAt(tokens, windowEnd) && !isOpeningMarkToken(ctx, windowEnd)) windowEnd++;
  if (windowEnd <= a) return null;

  // '“…,” but he said that …': a conjunction opens a clause of its own, not the quote's attribution.
  if (tokens[a]!.pos === 'CCONJ') return null;
  // '"…," while 73 percent said the same of Trump': so does a contrasting conjunction.
  if (CONTRASTING_CONJUNCTIONS.has(tokens[a]!.text.toLowerCase())) return null;
  // "…" – X (not after single marks: 'WEDNESDAY’S ‘OUTLIERS’ - Links to …' is a heading)
  if (DASHES.has(tokens[a]!.text)) {
    if (quote.single) return null;
    const speaker = speakerPhraseAfter(tokens, a + 1, windowEnd);
    if (speaker && /^\p{Lu}/u.test(tokens[speaker.head]!.text)) return { cue: null, speaker, rule: 'quote-dash-speaker' };
    return null;
  }
  // "…," said X / "…," according to X
  const first = matchCueAt(ctx.cueForms, a, windowEnd);
  if (isSpeechCue(first)) {
    const speaker = speakerPhraseAfter(tokens, first.tokenEnd, windowEnd, first.cue.sourceAfter);
    if (speaker) return { cue: first, speaker, rule: first.cue.sourceAfter ? 'quote-according-to' : 'quote-cue-speaker' };
    return null;
  }
  // "…," X said / "…," X, the ambassador, said / "…," X, who …, said
  const endsSentence = quoteEndsSentence(ctx.text, quote);
  for (let c = a + 1; c < windowEnd; c++) {
    const token = tokens[c]!;
    if (token.text === ';' || token.text === ':' || ctx.quoteAt[c]! >= 0) return null;
    const match = matchCueAt(ctx.cueForms, c, windowEnd);
    if (!isSpeechCue(match)) continue;
    // '“…,” the senator was asked': a passive's subject is the one spoken to.
    if (isPassive(tokens, match)) return null;
    let speaker = speakerPhraseBefore(tokens, c, a);
    if (!speaker || speaker.start > a + 1) {
      // A longer aside between the speaker and the cue: '"…," X, who runs …, said'.
      const named = speakerPhraseAfter(tokens, a, c);
      if (!named || tokens[named.end]?.text !== ',' || tokens[c - 1]?.text !== ',') return null;
      speaker = speaker && !startsAsDescription(tokens, speaker) && startsAsDescription(tokens, named) ? speaker : named;
    }
    // After a full stop, 'Smith said the …' starts a new report rather than closing this quote;
    // so does 'On the broadcast of “Fox News Sunday,” Pence said his …' after a title.
    if ((endsSentence || isTitleCase(ctx.text.slice(quote.contentStart, quote.contentEnd))) && startsClause(tokens, match.tokenEnd)) return null;
    return { cue: match, speaker, rule: 'quote-speaker-cue' };
  }
  return null;
}

export function attributeBefore(ctx: QuoteContext, quote: TopQuote, floor: number): Attribution | null {
  return attributeBeforeToken(ctx, quote.openToken - 1, floor);
}

/** The cue and speaker that end at token `last` (just before an opening mark, or a colon), reading back to `floor`. */
export function attributeBeforeToken(ctx: QuoteContext, last: number, floor: number): Attribution | null {
  const { tokens } = ctx;
  let b = last;
  if (b < floor) return null;
  const lowest = Math.max(floor, last + 1 - BEFORE_WINDOW);
  // 'spoke of "a new beginning" for the city': words go on after the quote, so the quote is
  // part of a larger reported phrase (a mixed quote, for the reported-speech reader).
  const opening = ctx.quoteAt[last + 1]!;
  if (opening >= 0 && isWordChar(tokens[last]) && continuesAfterQuote(ctx, ctx.quotes[opening]!)) return null;
  let punctuation = '';
  if (tokens[b]!.text === ':' || tokens[b]!.text === ',') {
    punctuation = tokens[b]!.text;
    b--;
  } else if (tokens[b]!.text.toLowerCase() === 'that') {
    b--;
  }
  if (b < lowest) return null;
  // The cue ends at b, or (before a colon) a few tokens earlier.
  // 'said in a statement on Monday:', 'says of Clinton,': a short adjunct between the cue and the mark.
  const maxGap = punctuation ? MAX_GAP_BEFORE_COLON : 0;
  for (let end = b; end >= lowest && b - end <= maxGap; end--) {
    if (end < b && !ADJUNCT_POS.has(tokens[end + 1]!.pos)) break;
    for (let start = end; start >= lowest && end - start < 3; start--) {
      const match = matchCueAt(ctx.cueForms, start, b + 1);
      if (!isSpeechCue(match) || match.tokenEnd !== end + 1) continue;
      if (match.cue.sourceAfter) {
        const speaker = speakerPhraseAfter(tokens, match.tokenEnd, b + 1, true);
        return speaker ? { cue: match, speaker, rule: 'according-to-quote' } : null;
      }
      if (isParticipleAfterComma(tokens, match)) {
        const subject = sentenceSubjectBefore(ctx, match.tokenStart);
        if (subject) return { cue: match, speaker: subject, rule: 'subject-participle-quote' };
      }
      const speaker = speakerPhraseBefore(tokens, match.tokenStart, lowest);
      // 'Protesters marching through the streets chanted "…"': the object of a preposition is not who speaks; the sentence's subject is.
      // ('footage of Trump saying, "…"' keeps its name: a participle's subject may follow a preposition.)
      if (speaker && tokens[speaker.start - 1]?.pos === 'ADP' && speaker.start - 1 >= ctx.sentenceStart[speaker.start]! && tokens[speaker.head]!.pos !== 'PROPN' &&
          !/ing$/i.test(tokens[match.tokenStart]!.text)) {
        const subject = sentenceSubjectBefore(ctx, speaker.start);
        if (subject && subject.end <= speaker.start) return { cue: match, speaker: subject, rule: 'subject-cue-quote' };
      }
      if (speaker) return { cue: match, speaker, rule: 'speaker-cue-quote' };
      const inverted = speakerPhraseAfter(tokens, match.tokenEnd, b + 1);
      // 'X, the chief executive of …, told me, "…"': an object pronoun after the cue is the hearer.
      if (inverted && !(inverted.end - inverted.start === 1 && OBJECT_PRONOUNS.has(tokens[inverted.head]!.text.toLowerCase()))) return { cue: match, speaker: inverted, rule: 'cue-speaker-quote' };
      // 'He adopted a fake accent and joked, "…"': the sentence's subject.
      const subject = sentenceSubjectBefore(ctx, match.tokenStart);
      return subject ? { cue: match, speaker: subject, rule: 'subject-cue-quote' } : null;
    }
    // 'X told reporters: "…"': a hearer between the cue and the colon.
  }
  if (punctuation === ':' || punctuation === ',') {
    for (let start = b - 1; start >= lowest && b - start <= 6; start--) {
      const match = matchCueAt(ctx.cueForms, start, b + 1);
      if (!isSpeechCue(match) || !match.cue.takesObject) continue;
      const hearer = speakerPhraseAfter(tokens, match.tokenEnd, b + 1);
      if (!hearer || hearer.end !== b + 1) continue;
      const speaker = speakerPhraseBefore(tokens, match.tokenStart, lowest);
      return speaker ? { cue: match, speaker, rule: 'speaker-cue-hearer-quote' } : null;
    }
  }
  if (punctuation === ':') {
    // 'Frank Newport and Jim Harter: "…"', 'HEADLINE - Michael McDonald: "…"': a name and a colon.
    const named = phraseEndingAt(tokens, b, lowest);
    const lead = named ? tokens[named.start - 1] : undefined;
    if (named && /^\p{Lu}/u.test(tokens[named.head]!.text) && (named.start === ctx.sentenceStart[b] || lead?.text === '-' || lead?.text === '–' || lead?.text === '—')) {
      return { cue: null, speaker: named, rule: 'speaker-colon-quote' };
    }
    // 'As Joel Pollak reported after the raid:' — a cue earlier in the colon's sentence.
    for (let c = b; c >= Math.max(lowest, ctx.sentenceStart[b]!); c--) {
      const match = matchCueAt(ctx.cueForms, c, b + 1);
      if (!isSpeechCue(match)) continue;
      const speaker = match.cue.sourceAfter ? speakerPhraseAfter(tokens, match.tokenEnd, b + 1) : speakerPhraseBefore(tokens, match.tokenStart, ctx.sentenceStart[b]!);
      return speaker ? { cue: match, speaker, rule: 'speaker-cue-colon-quote' } : null;
    }
  }
  return null;
}

/** 'Trump attacked Clinton, saying, "…"': a participle cue after a comma or 'before'/'after'/'while'. */
export function isParticipleAfterComma(tokens: readonly Token[], cue: CueMatch): boolean {
  const first = tokens[cue.tokenStart]!;
  if (!/ing$/i.test(first.text)) return false;
  const before = tokens[cue.tokenStart - 1];
  if (before === undefined) return false;
  // '… the CNN “reporter,” saying, “…”': the comma inside a closing mark.
  if (isClosingMarkToken(before) && tokens[cue.tokenStart - 2]?.text === ',') return true;
  return before.text === ',' || /^(before|after|while|when|by|then|and)$/i.test(before.text);
}

/** The subject of the sentence holding token t: the phrase before its first verb. */
export function sentenceSubjectBefore(ctx: QuoteContext, t: number): SpeakerPhrase | null {
  const { tokens } = ctx;
  const start = ctx.sentenceStart[t]!;
  for (let v = start + 1; v < t && v - start < 25; v++) {
    const pos = tokens[v]!.pos;
    if (pos !== 'VERB' && pos !== 'AUX') continue;
    const subject = speakerPhraseBefore(tokens, v, start) ?? sentenceOpeningSubject(tokens, v - 1, start);
    if (!subject) return openingPersonBeforeComma(ctx, start, t);
    const lead = tokens[subject.start - 1];
    if (subject.start === start || lead?.text === ',' || lead?.pos === 'CCONJ' || lead?.pos === 'ADV' || (lead?.pos === 'SCONJ' && subject.start - 1 === start)) return subject;
    return null;
  }
  return null;
}

/**
 * 'House Speaker Paul Ryan, R-Wis., despite admitting …': a person's name that opens the
 * sentence (past a conjunction) and is followed by a comma is the sentence's subject, even
 * where the verbs after it do not let the subject be read off them.
 */
function openingPersonBeforeComma(ctx: QuoteContext, start: number, t: number): SpeakerPhrase | null {
  const { tokens, doc } = ctx;
  let first = start;
  if (tokens[first]?.pos === 'CCONJ') first++;
  // The name may follow its title ('House Speaker Paul Ryan'): a mention that starts within the first few words.
  for (let m = firstStartingAt(doc.mentions, tokens[first]?.start ?? -1); m < doc.mentions.length && doc.mentions[m]!.tokenStart - first <= 3; m++) {
    const mention = doc.mentions[m]!;
    if (mention.type !== 'person' || mention.tokenEnd >= t || tokens[mention.tokenEnd]?.text !== ',') continue;
    for (let k = first; k < mention.tokenStart; k++) if (!/^\p{Lu}/u.test(tokens[k]!.text)) return null;
    return { start: first, end: mention.tokenEnd, head: mention.tokenEnd - 1 };
  }
  return null;
}

function isWordChar(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'number');
}

/** Whether the quote's sentence goes on with words after its closing mark. */
function continuesAfterQuote(ctx: QuoteContext, quote: TopQuote): boolean {
  if (quote.closeToken < 0) return false;
  const next = ctx.tokens[quote.closeToken + 1];
  return next !== undefined && next.paragraph === quote.paragraph && isWordChar(next) && !isSentenceEndToken(ctx.tokens[quote.closeToken - 1]);
}

const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);

/** 'was asked', 'has been told': a form of 'be' (an adverb between) before a past participle. */
export function isPassive(tokens: readonly Token[], cue: CueMatch): boolean {
  const verb = tokens[cue.tokenStart]!.text.toLowerCase();
  if (!/(ed|told|said|written|spoken|known)$/.test(verb)) return false;
  let k = cue.tokenStart - 1;
  if (tokens[k]?.pos === 'ADV') k--;
  return BE_FORMS.has(tokens[k]?.text.toLowerCase() ?? '');
}

/** Words allowed between an interrupting attribution and its comma: '"…," she said on Monday, "…"'. */
const MAX_ADJUNCT_IN_INTERRUPTION = 8;

/**
 * '"We will not give in," she said, "not now."': the attribution after `first` interrupts
 * one utterance that `second` goes on with. The first part does not end its sentence,
 * the attribution (and at most a short adjunct) ends with a comma or a dash just before
 * the second part, and nobody else is named after the second part.
 */
export function interruptsUtterance(ctx: QuoteContext, first: TopQuote, attribution: Attribution, second: TopQuote): boolean {
  const { tokens } = ctx;
  if (first.closeToken < 0 || second.paragraph !== first.paragraph || second.index !== first.index + 1) return false;
  if (isSentenceEndToken(tokens[first.closeToken - 1]) || first.contentEnd <= first.contentStart) return false;
  const cue = attribution.cue;
  const speaker = attribution.speaker;
  if (!cue || !speaker) return false;
  const end = Math.max(cue.tokenEnd, speaker.end);
  const comma = second.openToken - 1;
  if (end > comma || (tokens[comma]!.text !== ',' && !DASHES.has(tokens[comma]!.text))) return false;
  if (comma - end > MAX_ADJUNCT_IN_INTERRUPTION) return false;
  for (let t = end; t < comma; t++) if (!ADJUNCT_POS.has(tokens[t]!.pos) || ctx.quoteAt[t]! >= 0) return false;
  return attributeAfter(ctx, second, ctx.paragraphTokens[second.paragraph]!.end) === null;
}

function isClosingMarkToken(token: Token): boolean {
  return token.kind === 'punctuation' && /^(["”»“]|'')$/.test(token.text);
}
