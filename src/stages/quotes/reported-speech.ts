/**
 * Indirect and mixed speech: a speech cue outside quotation marks with its
 * reported clause.
 *
 *   X said (that) CLAUSE.          X told reporters on Monday that CLAUSE.
 *   CLAUSE, X said (at a briefing …).      CLAUSE, said X.
 *   According to X, CLAUSE.        CLAUSE, according to X.
 *
 * The clause runs to the end of its outer sentence. A clause that holds a quote
 * in marks is mixed, and that quote becomes part of it; a clause that is exactly
 * one quote is left to the direct reader.
 */

import type { Range, Token } from '../../core/document.js';
import { matchCueAt, type CompiledCue, type CueMatch } from './cue-lexicon.js';
import { isParticipleAfterComma, isPassive, sentenceSubjectBefore } from './direct-attribution.js';
import { isTitleCase } from './not-a-quote.js';
import type { QuoteContext } from './quote-context.js';
import { isObjectRelative, reportSubject } from './report-subject.js';
import { phraseEndingAt, speakerPhraseAfter, type SpeakerPhrase } from './speaker-phrase.js';

export interface ReportedSpeech {
  cue: CueMatch;
  /** Null only for a question put by someone the text does not name ('Asked if he was bullied, …'). */
  speaker: SpeakerPhrase | null;
  /** Tokens of the reported clause: [start, end). */
  content: Range;
  /** Token ranges of its pieces when the attribution interrupts it ('Many of the closures, he said, have involved …'). */
  parts?: Range[];
  rule: string;
}

/** Tokens allowed between a cue (and its hearer) and 'that': 'said on Monday in a statement that'. */
const MAX_ADJUNCT_BEFORE_THAT = 10;
/** Shortest reported clause, in word tokens. */
const MIN_CLAUSE_WORDS = 3;

const CLAUSE_OPENING_POS = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ', 'ADV']);
const NOT_CLAUSE_OPENERS = new Set(['to', 'by', 'so', 'as', 'not', 'nothing', 'anything', 'something', 'more', 'much', 'little', 'about', 'very', 'yes', 'no', 'this', 'that']);
const ADJUNCT_POS = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'ADV', 'PUNCT']);
/** Words that may follow 'CLAUSE, X said' in its own sentence: 'at a briefing', 'commenting on', 'adding …'. */
const TAIL_OPENING_POS = new Set(['ADP', 'ADV', 'VERB', 'SCONJ', 'CCONJ', 'PUNCT', 'NOUN', 'PROPN', 'NUM']);

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
/** Cues whose content may be an infinitive: the speaker commits to an act. */
const COMMISSIVE_CUES = new Set(['vow', 'pledge', 'promise']);
const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/i;

/** Past 'on Friday', 'Monday', 'in an interview', 'at a rally in Ohio' (at most 6 tokens), or t itself. */
function skipAdjunct(tokens: readonly Token[], t: number, end: number): number {
  const first = tokens[t];
  if (!first) return t;
  if (WEEKDAYS.test(first.text)) return t + 1;
  if (first.pos !== 'ADP' || !/^(on|in|at|during|after|before|to|with)$/i.test(first.text)) return t;
  let k = t + 1;
  while (k < end && k - t <= 6 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NUM' || tokens[k]!.text === ',')) k++;
  if (tokens[k - 1]?.text === ',') return k;
  return k > t + 1 ? k : t;
}

function isWord(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'number');
}

function hasVerb(tokens: readonly Token[], start: number, end: number): boolean {
  for (let t = start; t < end; t++) {
    const pos = tokens[t]!.pos;
    if (pos === 'VERB' || pos === 'AUX') return true;
  }
  return false;
}

/** Whether tokens [start, end) hold a quote in marks that is not a title ('War and Peace'). */
function hasQuote(ctx: QuoteContext, start: number, end: number): boolean {
  for (let t = start; t < end; t++) {
    const q = ctx.quoteAt[t]!;
    if (q < 0) continue;
    const quote = ctx.quotes[q]!;
    if (!isTitleCase(ctx.text.slice(quote.contentStart, quote.contentEnd))) return true;
    t = Math.max(t, quote.closeToken);
    if (quote.closeToken < 0) return false;
  }
  return false;
}

function wordCount(tokens: readonly Token[], start: number, end: number): number {
  let count = 0;
  for (let t = start; t < end; t++) if (isWord(tokens[t])) count++;
  return count;
}

const DATELINE_DASHES = new Set(['―', '—', '–', '-', '--']);

/** Past a dateline that opens a clause ('WASHINGTON ― …', 'FLINT, Mich., Oct. 4 (UPI) — …'), or `start` itself. */
function pastDateline(tokens: readonly Token[], start: number, end: number): number {
  const first = tokens[start];
  if (!first || first.kind !== 'word' || first.text.length < 3 || first.text !== first.text.toUpperCase() || !/\p{Lu}/u.test(first.text)) return start;
  for (let k = start + 1; k < end && k - start <= 12; k++) {
    if (DATELINE_DASHES.has(tokens[k]!.text)) return k + 1 < end ? k + 1 : start;
  }
  return start;
}

/** Trims punctuation (but not quotation marks) from both ends of a token range. */
function trimClause(ctx: QuoteContext, start: number, end: number): Range | null {
  const { tokens } = ctx;
  let s = start;
  let e = end;
  const trimmable = (t: number): boolean => tokens[t]!.kind === 'punctuation' && ctx.quoteAt[t]! < 0 && tokens[t]!.text !== ')' && tokens[t]!.text !== '(';
  while (s < e && (trimmable(s) || /^(and|but|so)$/i.test(tokens[s]!.text) && s === start)) s++;
  s = pastDateline(tokens, s, e);
  while (e > s && trimmable(e - 1)) e--;
  if (wordCount(tokens, s, e) < MIN_CLAUSE_WORDS) return null;
  return { start: s, end: e };
}

/** Conjunctions after which another speaker's report may begin inside the sentence. */
const CLAUSE_JOINERS = new Set(['and', 'but', 'though', 'although', 'while', 'yet', 'whereas']);

/** A subject, a few adverbs or auxiliaries, then a speech cue: 'human rights groups warned', 'she also denied'. */
function startsOwnReport(ctx: QuoteContext, t: number, sentenceEnd: number): boolean {
  const { tokens } = ctx;
  // '…, who said …', '…, which he said were …': a relative clause with a report of its own.
  const relative = /^(who|which)$/i.test(tokens[t]?.text ?? '');
  if (relative) {
    const cue = matchCueAt(ctx.cueForms, t + 1, sentenceEnd);
    if (cue !== null && cue.cue.type === 'speech') return true;
    t++;
  }
  const subject = speakerPhraseAfter(tokens, t, sentenceEnd) ?? nominalRun(tokens, t, sentenceEnd);
  if (!subject) return false;
  let k = subject.end;
  while (k < sentenceEnd && k - subject.end < 3 && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k++;
  const cue = matchCueAt(ctx.cueForms, k, sentenceEnd);
  return cue !== null && cue.cue.type === 'speech' && ctx.quoteAt[k]! < 0;
}

/** 'nearly three in five', 'more than 4 in 10': a short run of nominal words (numbers, nouns, adjectives, 'in', 'of', 'than'). */
function nominalRun(tokens: readonly Token[], t: number, end: number): SpeakerPhrase | null {
  let k = t;
  while (k < end && k - t < 8 && (/^(NUM|NOUN|PROPN|ADJ|DET|ADV)$/.test(tokens[k]!.pos) || /^(in|of|than)$/i.test(tokens[k]!.text))) k++;
  return k > t ? { start: t, end: k, head: k - 1 } : null;
}

/** Verbs outside the cue lexicon that start the speaker's next predicate ('and called him "…"'). */
const NEXT_PREDICATE_VERBS = new Set(['called', 'calls', 'call', 'calling']);

/** Whether token t starts a cue or a 'called' that the speaker of the clause goes on with. */
function startsNextPredicate(ctx: QuoteContext, t: number, sentenceEnd: number): boolean {
  const token = ctx.tokens[t];
  if (!token || token.kind !== 'word' || ctx.quoteAt[t]! >= 0 || token.pos !== 'VERB') return false;
  if (NEXT_PREDICATE_VERBS.has(token.text.toLowerCase())) return true;
  return matchCueAt(ctx.cueForms, t, sentenceEnd) !== null;
}

/**
 * Where a reported clause that starts at `start` ends: at the sentence's end, or
 * where the speaker goes on to a predicate of their own: '…, and called him "…"',
 * '… and promised to stay out of it', '…, noting her comments …', '…, but added'.
 * A conjunction joins clauses inside the report too ('prices rose and fell'), so
 * only a cue after it ends the clause.
 */
function reportEnd(ctx: QuoteContext, start: number, sentenceEnd: number, relative = false, subordinate = false): number {
  const { tokens } = ctx;
  for (let t = start + MIN_CLAUSE_WORDS; t < sentenceEnd - 1; t++) {
    // 'While he acknowledged funding was short, Ham also noted …': the main clause after a subordinate report.
    if (subordinate && tokens[t]!.text === ',' && ctx.quoteAt[t]! < 0 && opensMainClause(tokens, t + 1, sentenceEnd)) return t;
    // '… has “expanded the party,” claiming that …': the comma inside the closing mark.
    if (ctx.quoteAt[t]! >= 0) {
      if (tokens[t - 1]!.text === ',' && ctx.quoteAt[t + 1]! < 0 && ctx.quotes[ctx.quoteAt[t]!]!.closeToken === t &&
          /ing$/i.test(tokens[t + 1]!.text) && startsNextPredicate(ctx, t + 1, sentenceEnd)) return t + 1;
      continue;
    }
    const lower = tokens[t]!.text.toLowerCase();
    if ((lower === 'and' || lower === 'but') && startsNextPredicate(ctx, t + 1, sentenceEnd)) return tokens[t - 1]!.text === ',' ? t - 1 : t;
    // '…, and human rights groups warned that …', '…, but she denied that …': a report of its own.
    if (CLAUSE_JOINERS.has(lower) && (tokens[t - 1]!.text === ',' || lower === 'and' || lower === 'but') && startsOwnReport(ctx, t + 1, sentenceEnd)) return tokens[t - 1]!.text === ',' ? t - 1 : t;
    if (lower === ',' && /^(who|which)$/i.test(tokens[t + 1]!.text) && startsOwnReport(ctx, t + 1, sentenceEnd)) return t;
    if (lower === ',' && /ing$/i.test(tokens[t + 1]!.text) && startsNextPredicate(ctx, t + 1, sentenceEnd)) return t;
    // 'Barkley, who said he votes Democratic, said …': the relative clause ends at the main cue,
    // or at the main clause's verb ('the Union, which contended that …, is a good example').
    const next = tokens[t + 1]!;
    if (relative && lower === ',' && (startsNextPredicate(ctx, t + 1, sentenceEnd) || next.pos === 'AUX' || (next.pos === 'VERB' && !/ing$/i.test(next.text)))) return t;
  }
  return sentenceEnd;
}

/** Words that open a subordinate clause before a main one ('While X said …, Y …'). */
const SUBORDINATORS = new Set(['while', 'although', 'though', 'as', 'when', 'because', 'since', 'after', 'before', 'if', 'whereas', 'once', 'unless', 'until']);

/** Whether the sentence opens with a subordinator before token t ('While he acknowledged …'). */
function opensSubordinate(tokens: readonly Token[], sentenceStart: number, t: number): boolean {
  let lead = sentenceStart;
  while (lead < t && (tokens[lead]!.pos === 'CCONJ' || tokens[lead]!.text === ',')) lead++;
  return lead < t && SUBORDINATORS.has(tokens[lead]!.text.toLowerCase());
}

/** A subject (a pronoun, a name or a determiner's phrase) and, within a few words, its verb. */
function opensMainClause(tokens: readonly Token[], t: number, end: number): boolean {
  const first = tokens[t];
  if (!first || !(first.pos === 'PRON' || first.pos === 'PROPN' || first.pos === 'DET' || first.pos === 'NOUN')) return false;
  if (first.pos === 'PRON' && !SUBJECT_PRONOUNS.has(first.text.toLowerCase())) return false;
  for (let k = t + 1; k < end && k - t <= 5; k++) {
    const token = tokens[k]!;
    if (token.pos === 'VERB' || token.pos === 'AUX') return !/ing$/i.test(token.text) || token.pos === 'AUX';
    if (token.kind === 'punctuation' && token.text !== '.' && token.text !== '-') return false;
  }
  return false;
}

/**
 * After 'told the crowd that', a 'that' the tagger did not call a conjunction still
 * opens the reported clause when a subject follows it ('that helping save the farm
 * was', 'that he', 'that the senator') and the clause has a verb.
 */
function opensThatClause(tokens: readonly Token[], t: number, sentenceEnd: number): boolean {
  const first = tokens[t];
  if (!first || t >= sentenceEnd) return false;
  const lower = first.text.toLowerCase();
  const subject = SUBJECT_PRONOUNS.has(lower) || lower === 'the' || lower === 'a' || lower === 'an' || first.pos === 'PROPN' || /^["“]$/.test(first.text) ||
    (first.pos === 'VERB' && /ing$/.test(first.text));
  return subject && hasVerb(tokens, t + 1, sentenceEnd);
}

/** Where a clause reported after the cue starts ('that …', or a subject), or -1. */
function clauseAfterCue(ctx: QuoteContext, cue: CueMatch, sentenceEnd: number): number {
  const { tokens } = ctx;
  let t = cue.tokenEnd;
  if (t >= sentenceEnd) return -1;
  const question = questionAfterCue(ctx, cue, sentenceEnd);
  if (question >= 0) return question;
  // 'said that was not her view': 'that' before a verb is the clause's subject.
  if (tokens[t]!.text.toLowerCase() === 'that') return tokens[t + 1]?.pos === 'AUX' && hasVerb(tokens, t + 1, sentenceEnd) ? t : t + 1;
  // 'said on Monday that', 'told reporters in Baku that'
  for (let k = t; k < sentenceEnd && k - t <= MAX_ADJUNCT_BEFORE_THAT; k++) {
    const token = tokens[k]!;
    // 'responded to that tweet', 'spoke of that': after a preposition 'that' is no conjunction.
    const afterPreposition = k > t && tokens[k - 1]!.pos === 'ADP';
    if (token.text.toLowerCase() === 'that' && !afterPreposition && (token.pos === 'SCONJ' || k > t && (tokens[k - 1]!.text === ',' || opensThatClause(tokens, k + 1, sentenceEnd)))) return k + 1;
    // 'told The Post and Courier on Saturday that'
    const nameAnd = token.text === 'and' && /^\p{Lu}/u.test(tokens[k - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '');
    // "told MSNBC's “Morning Joe” on Friday that": a programme's title in marks is part of the hearer.
    const q = ctx.quoteAt[k]!;
    if (q >= 0 && ctx.quotes[q]!.openToken === k && ctx.quotes[q]!.closeToken > k && isTitleCase(ctx.text.slice(ctx.quotes[q]!.contentStart, ctx.quotes[q]!.contentEnd))) {
      k = ctx.quotes[q]!.closeToken;
      continue;
    }
    const possessive = token.text === "'s" || token.text === '’s';
    if ((!ADJUNCT_POS.has(token.pos) && !/^\p{Lu}/u.test(token.text) && !nameAnd && !possessive) || q >= 0 || token.text === '.') break;
  }
  // 'vowed to impose a tariff', 'has pledged to close the centers': a promise reports what the speaker will do.
  if (COMMISSIVE_CUES.has(cue.cue.id) && tokens[t]!.text.toLowerCase() === 'to' && tokens[t + 1]?.pos === 'VERB') return t;
  // 'said on Friday he met …': a short time or place adjunct, then a subject pronoun.
  const afterAdjunct = skipAdjunct(tokens, t, sentenceEnd);
  if (afterAdjunct > t && SUBJECT_PRONOUNS.has(tokens[afterAdjunct]?.text.toLowerCase() ?? '') && hasVerb(tokens, afterAdjunct + 1, sentenceEnd)) return afterAdjunct;
  if (cue.cue.takesObject) {
    const hearer = speakerPhraseAfter(tokens, t, sentenceEnd);
    if (!hearer) return -1;
    t = hearer.end;
    if (tokens[t]?.text === ',' || tokens[t]?.text === ':') t++;
  } else if (tokens[t]!.text === ',' || tokens[t]!.text === ':') {
    // 'cautioned, as did the campaign itself, that …': an aside, then 'that'.
    const afterAside = thatAfterAside(ctx, t, sentenceEnd);
    if (afterAside >= 0) return afterAside;
    // 'says, win or lose in Tuesday's primary, he's staying in the race': an aside, then a whole clause.
    const clause = clauseAfterAside(ctx, t, sentenceEnd);
    if (clause >= 0) return clause;
    // 'said, "…"' is direct; 'said, in effect, …' is rare: leave it.
    return -1;
  }
  const first = tokens[t];
  if (!first || t >= sentenceEnd) return -1;
  // 'said Friday afternoon, as …': a day opens no clause ('said Monday's vote was …' does), but a
  // clause may follow it ('revealed Tuesday the hallucinogen PCP was found').
  if (TIME_NAMES.test(first.text) && !/^['’]s$/.test(tokens[t + 1]?.text ?? '')) {
    let k = t + 1;
    if (/^(morning|afternoon|evening|night)$/i.test(tokens[k]?.text ?? '')) k++;
    const next = tokens[k];
    if (!next || k >= sentenceEnd || ctx.quoteAt[k]! >= 0 || !(next.pos === 'DET' || next.pos === 'PROPN' || SUBJECT_PRONOUNS.has(next.text.toLowerCase()))) return -1;
    return hasVerb(tokens, k + 1, sentenceEnd) ? k : -1;
  }
  if (ctx.quoteAt[t]! >= 0) return hasVerb(tokens, t + 1, sentenceEnd) || hasQuote(ctx, t, sentenceEnd) ? t : -1;
  // 'says running for president is tough': a gerund subject.
  const gerund = first.pos === 'VERB' && /ing$/i.test(first.text) && first.text !== first.text.toUpperCase();
  // 'said Cook provided …': a capitalised word inside the sentence is a name whatever the tagger said.
  const name = /^\p{Lu}\p{Ll}/u.test(first.text) && first.kind === 'word' && !TIME_NAMES.test(first.text);
  // 'said if elected he would …'
  const conditional = first.text.toLowerCase() === 'if';
  // 'said much of his discussion was …', 'reported at least six planes filled …', 'said no decision had been made'.
  const quantity = isQuantityOpening(tokens, t);
  if ((!CLAUSE_OPENING_POS.has(first.pos) && !gerund && !name && !conditional && !quantity) || (NOT_CLAUSE_OPENERS.has(first.text.toLowerCase()) && !quantity)) return -1;
  // The clause needs a verb of its own ('said the head of the ministry' has none), or a quote in marks
  // ('pointed out the importance of "convergence of positions"').
  if (!hasVerb(tokens, t + 1, sentenceEnd) && !hasQuote(ctx, t + 1, sentenceEnd)) return -1;
  return t;
}

/** Words that open a reported question: 'asked whether …', 'told him how …', 'did not say when …'. */
const QUESTION_WORDS = new Set(['whether', 'how', 'why', 'what', 'who', 'when', 'where', 'which']);
/** Cues whose questions open with 'if' too ('asked if'); after 'said', 'if' opens a condition. */
const ASKING_CUES = new Set(['ask', 'wonder', 'inquire']);

/**
 * A reported question after the cue, its hearer and a short adjunct: 'asked whether
 * the deals required …', 'told Alex Marlow on Thursday how surprised he is …'. The
 * question word opens the quote. Returns its token, or -1.
 */
function questionAfterCue(ctx: QuoteContext, cue: CueMatch, sentenceEnd: number): number {
  const { tokens } = ctx;
  const asking = ASKING_CUES.has(cue.cue.id);
  if (!asking && !cue.cue.takesObject && cue.cue.id !== 'explain' && cue.cue.id !== 'say') return -1;
  const opens = (t: number): boolean => {
    const word = tokens[t]?.text.toLowerCase() ?? '';
    return t < sentenceEnd && (QUESTION_WORDS.has(word) || (asking && word === 'if')) && ctx.quoteAt[t]! < 0 && hasVerb(tokens, t + 1, sentenceEnd);
  };
  let t = cue.tokenEnd;
  if (opens(t)) return t;
  if (!asking && !cue.cue.takesObject) return -1;
  const hearer = speakerPhraseAfter(tokens, t, sentenceEnd);
  if (!hearer) return -1;
  t = skipAdjunct(tokens, hearer.end, sentenceEnd);
  return opens(t) ? t : -1;
}

/** Participles that put a question to the sentence's subject: 'Asked if he was bullied, X said no.' */
const QUESTION_PARTICIPLES = new Set(['asked', 'pressed', 'questioned']);

/**
 * 'Asked if he was ever bullied, the candidate said no', '… said when asked whether he
 * would …': the question someone put, from its question word (or 'about', 'to') to the
 * end of its clause. Whoever asked it is named only after 'by' ('Asked by Stephanopoulos
 * to respond, …'); else the quote has no speaker.
 */
function readPutQuestion(ctx: QuoteContext, cue: CueMatch, sentenceStart: number, sentenceEnd: number): ReportedSpeech | null {
  const { tokens } = ctx;
  const verb = tokens[cue.tokenStart]!;
  if (!QUESTION_PARTICIPLES.has(verb.text.toLowerCase())) return null;
  const before = tokens[cue.tokenStart - 1];
  const opensSentence = cue.tokenStart === sentenceStart || (before !== undefined && cue.tokenStart - 1 === sentenceStart && /^(when|if|once|after)$/i.test(before.text));
  const afterWhen = before !== undefined && /^(when|if|once|after)$/i.test(before.text);
  if (!opensSentence && !afterWhen) return null;
  let t = cue.tokenEnd;
  let speaker: SpeakerPhrase | null = null;
  if (tokens[t]?.text.toLowerCase() === 'by') {
    speaker = speakerPhraseAfter(tokens, t + 1, sentenceEnd);
    if (!speaker) return null;
    t = speaker.end;
  }
  // 'Asked on Fox News who leads the party': a short adjunct before the question.
  t = skipAdjunct(tokens, t, sentenceEnd);
  const word = tokens[t]?.text.toLowerCase() ?? '';
  const opensQuestion = QUESTION_WORDS.has(word) || word === 'if' || word === 'about' || (word === 'to' && tokens[t + 1]?.pos === 'VERB');
  if (!opensQuestion || ctx.quoteAt[t]! >= 0) return null;
  let end = sentenceEnd;
  if (opensSentence) {
    // The question ends at the comma before the main clause.
    for (let k = t + 1; k < sentenceEnd; k++) {
      if (tokens[k]!.text === ',' && ctx.quoteAt[k]! < 0 && opensMainClause(tokens, k + 1, sentenceEnd)) {
        end = k;
        break;
      }
    }
    if (end === sentenceEnd) return null;
  }
  const content = trimClause(ctx, t, end);
  return content ? { cue, speaker, content, rule: 'asked-question' } : null;
}

/** Longest aside between a cue and its 'that': ', as did the Clinton campaign itself,'. */
const MAX_ASIDE_BEFORE_THAT = 10;

/** After the comma at `comma`: an aside without a verb of its own but 'did', a comma, then 'that': the clause's start, or -1. */
function thatAfterAside(ctx: QuoteContext, comma: number, sentenceEnd: number): number {
  const { tokens } = ctx;
  if (tokens[comma]!.text !== ',') return -1;
  for (let k = comma + 1; k < sentenceEnd && k - comma <= MAX_ASIDE_BEFORE_THAT; k++) {
    const token = tokens[k]!;
    if (ctx.quoteAt[k]! >= 0 || token.text === ';' || token.text === ':') return -1;
    if (token.text === ',') return tokens[k + 1]?.text.toLowerCase() === 'that' && k > comma + 1 && hasVerb(tokens, k + 2, sentenceEnd) ? k + 2 : -1;
    if ((token.pos === 'VERB' || token.pos === 'AUX') && !/^(did|does|do|has|have|had)$/i.test(token.text)) return -1;
  }
  return -1;
}

/** Days and months open no clause after a cue ('said Friday afternoon, as …'). */
const TIME_NAMES = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight)$/i;

/** After the comma at `comma`: an aside with no quote or cue, a comma, then a subject and its verb: the clause's start, or -1. */
function clauseAfterAside(ctx: QuoteContext, comma: number, sentenceEnd: number): number {
  const { tokens } = ctx;
  if (tokens[comma]!.text !== ',' || ctx.quoteAt[comma + 1]! >= 0) return -1;
  for (let k = comma + 2; k < sentenceEnd && k - comma <= MAX_ASIDE_BEFORE_THAT + 2; k++) {
    const token = tokens[k]!;
    if (ctx.quoteAt[k]! >= 0 || token.text === ';' || token.text === ':' || matchCueAt(ctx.cueForms, k, sentenceEnd) !== null) return -1;
    if (token.text === ',') return opensMainClause(tokens, k + 1, sentenceEnd) && tokens[k + 1]!.pos === 'PRON' ? k + 1 : -1;
  }
  return -1;
}

/** A subject that opens with an amount: 'much of', 'at least six', 'more than half', 'no decision', 'this effect'. */
function isQuantityOpening(tokens: readonly Token[], t: number): boolean {
  const first = tokens[t]!.text.toLowerCase();
  const next = tokens[t + 1];
  if (!next) return false;
  const second = next.text.toLowerCase();
  if ((first === 'much' || first === 'more' || first === 'most' || first === 'some' || first === 'all') && second === 'of') return true;
  if ((first === 'at' && (second === 'least' || second === 'most')) || ((first === 'more' || first === 'less' || first === 'fewer') && second === 'than')) return true;
  if (/^(about|nearly|almost|roughly|around|over|only|just)$/.test(first) && next.pos === 'NUM') return true;
  return (first === 'no' || first === 'this' || first === 'that' || first === 'these' || first === 'those') && (next.pos === 'NOUN' || next.pos === 'ADJ');
}

/** Finds reported speech around one speech cue; null when the cue heads none. */
export function readReportedSpeech(ctx: QuoteContext, cue: CueMatch): ReportedSpeech | null {
  const { tokens } = ctx;
  const sentenceStart = ctx.sentenceStart[cue.tokenStart]!;
  const sentenceEnd = ctx.sentenceEnd[cue.tokenStart]!;

  if (cue.cue.sourceAfter) {
    const speaker = speakerPhraseAfter(tokens, cue.tokenEnd, sentenceEnd, true);
    if (!speaker) return null;
    let lead = sentenceStart;
    while (lead < cue.tokenStart && (tokens[lead]!.pos === 'CCONJ' || tokens[lead]!.pos === 'ADV' || tokens[lead]!.text === ',')) lead++;
    if (lead === cue.tokenStart) {
      // According to X, CLAUSE.
      const content = trimClause(ctx, speaker.end, sentenceEnd);
      return content ? { cue, speaker, content, rule: 'according-to-clause' } : null;
    }
    // CLAUSE, according to X.  /  CLAUSE, according to X, CLAUSE.
    const before = trimClause(ctx, sentenceStart, cue.tokenStart);
    if (before) return { cue, speaker, content: before, rule: 'clause-according-to' };
    const after = trimClause(ctx, speaker.end, sentenceEnd);
    return after ? { cue, speaker, content: after, rule: 'clause-according-to' } : null;
  }

  const question = readPutQuestion(ctx, cue, sentenceStart, sentenceEnd);
  if (question) return question;
  // "Trump's claim that …", 'his warning that …': a noun cue and the one whose words it reports.
  const possessor = possessorOfNounCue(ctx, cue, sentenceStart);
  if (possessor) {
    const clauseStart = tokens[cue.tokenEnd]?.text.toLowerCase() === 'that' ? cue.tokenEnd + 1 : -1;
    const content = clauseStart >= 0 && hasVerb(tokens, clauseStart, sentenceEnd) ? trimClause(ctx, clauseStart, reportEnd(ctx, clauseStart, sentenceEnd)) : null;
    return content ? { cue, speaker: possessor, content, rule: 'possessor-noun-cue-clause' } : null;
  }

  // 'North Korea's ambitions have barely been mentioned': a passive's subject is what was said, not who said it.
  if (isPassive(tokens, cue)) return null;
  const found = reportSubject(ctx, cue, sentenceStart);
  let subject = found?.phrase ?? null;
  // '…, claiming that …', '… and said …': the subject of the sentence speaks.
  const before = tokens[cue.tokenStart - 1];
  if (!subject && before && (isParticipleAfterComma(tokens, cue) || /^(and|but)$/i.test(before.text))) {
    // '"…," Rendell recalled, suggesting …': the speaker of the attribution before the comma.
    subject = sentenceSubjectBefore(ctx, cue.tokenStart) ?? (before.text === ',' ? attributionBefore(ctx, cue.tokenStart - 2, sentenceStart) : null);
    const clauseStart = subject ? clauseAfterCue(ctx, cue, sentenceEnd) : -1;
    const content = clauseStart >= 0 ? trimClause(ctx, clauseStart, reportEnd(ctx, clauseStart, sentenceEnd)) : null;
    return subject && content ? { cue, speaker: subject, content, rule: 'subject-cue-clause' } : null;
  }
  // As X noted, CLAUSE.
  if (subject && tokens[subject.start - 1]?.text.toLowerCase() === 'as' && tokens[cue.tokenEnd]?.text === ',') {
    const content = trimClause(ctx, cue.tokenEnd + 1, reportEnd(ctx, cue.tokenEnd + 1, sentenceEnd));
    return content ? { cue, speaker: subject, content, rule: 'as-speaker-cue-clause' } : null;
  }
  if (subject) {
    // SUBJECT, X said, PREDICATE: one report in two parts.
    // A comma before a relative clause's antecedent is no attribution's ('Walter Energy, a company that had declared …').
    const beside = found?.reading === 'direct' || found?.reading === 'after-time';
    const comma = beside ? subject.start - 1 : -1;
    const split = comma > sentenceStart && tokens[comma]!.text === ',' ? splitReport(ctx, sentenceStart, comma, cue, sentenceEnd) : null;
    if (split) return { cue, speaker: subject, content: { start: split[0]!.start, end: split[1]!.end }, parts: split, rule: 'split-report' };
    // 'the changes, which officials said will go into effect …': the rest of the relative clause.
    if (isObjectRelative(ctx, cue, subject, sentenceStart)) {
      const content = trimClause(ctx, cue.tokenEnd, relativeClauseEnd(ctx, cue.tokenEnd, sentenceEnd));
      const relativeWord = /^(which|that|who|whom)$/i.test(tokens[subject.start]!.text) && subject.head > subject.start;
      const speaker = relativeWord ? { ...subject, start: subject.start + 1 } : subject;
      return content ? { cue, speaker, content, rule: 'object-relative-cue-clause' } : null;
    }
    const clauseStart = clauseAfterCue(ctx, cue, sentenceEnd);
    if (clauseStart >= 0) {
      const relative = isRelativeCue(tokens, cue, subject.end) || found?.reading === 'relative-subject';
      const content = trimClause(ctx, clauseStart, reportEnd(ctx, clauseStart, sentenceEnd, relative, opensSubordinate(tokens, sentenceStart, subject.start)));
      if (content) return { cue, speaker: subject, content, rule: found?.reading === 'direct' ? 'speaker-cue-clause' : `speaker-cue-clause-${found!.reading}` };
    }
    // CLAUSE, X said …
    if (comma > sentenceStart && tokens[comma]!.text === ',' && endsReport(ctx, cue, sentenceEnd)) {
      const content = trimClause(ctx, sentenceStart, comma);
      if (content && hasVerb(tokens, content.start, content.end)) return { cue, speaker: subject, content, rule: 'clause-speaker-cue' };
      // 'People like Scott, he said.': a phrase and its attribution are the whole sentence.
      const phrase = content ?? trimPart(ctx, sentenceStart, comma);
      if (phrase && wordCount(tokens, phrase.start, phrase.end) >= 2 && cue.tokenEnd + 1 >= sentenceEnd && PHRASE_OPENING_POS.has(tokens[phrase.start]!.pos)) {
        return { cue, speaker: subject, content: phrase, rule: 'phrase-speaker-cue' };
      }
      // 'In any case, Mr. DiPietro said, the industry was over-supplied': after a fronted
      // adverbial the report is the whole clause that follows the attribution.
      const rest = adverbialThenClause(ctx, sentenceStart, comma, cue, sentenceEnd);
      if (rest) return { cue, speaker: subject, content: rest, rule: 'adverbial-speaker-cue-clause' };
    }
    // 'Eric Holder announced his resignation', 'She denied the allegations': what was said, named by a noun phrase.
    const object = canSpeak(ctx, subject) ? objectPhrase(ctx, cue, sentenceEnd) : null;
    if (object) return { cue, speaker: subject, content: object, rule: 'speaker-cue-object' };
    return null;
  }
  // CLAUSE, said X.
  if (cue.tokenStart - 1 > sentenceStart && tokens[cue.tokenStart - 1]!.text === ',') {
    const speaker = speakerPhraseAfter(tokens, cue.tokenEnd, sentenceEnd);
    // '…, including Patriot, declared bankruptcy': a phrase after the cue that cannot speak is its object.
    if (speaker && canSpeak(ctx, speaker) && (speaker.end >= sentenceEnd || !isWord(tokens[speaker.end]) || tokens[speaker.end]!.pos === 'ADP')) {
      const content = trimClause(ctx, sentenceStart, cue.tokenStart - 1);
      if (content && hasVerb(tokens, content.start, content.end)) return { cue, speaker, content, rule: 'clause-cue-speaker' };
    }
  }
  return null;
}

/** Where the rest of a relative clause ends: at a comma or dash outside quotes, or the sentence's end. */
function relativeClauseEnd(ctx: QuoteContext, start: number, sentenceEnd: number): number {
  const { tokens } = ctx;
  for (let t = start + 1; t < sentenceEnd; t++) {
    if (ctx.quoteAt[t]! >= 0) continue;
    const text = tokens[t]!.text;
    if (text === ',' || text === ';' || text === '—' || text === '–' || text === '--') return t;
  }
  return sentenceEnd;
}

const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its']);

/**
 * "Trump's claim that …", 'his warning that …': a cue read as a noun after a possessor,
 * which is then its speaker (a name before 's, or a possessive pronoun). Null otherwise.
 */
function possessorOfNounCue(ctx: QuoteContext, cue: CueMatch, sentenceStart: number): SpeakerPhrase | null {
  const { tokens } = ctx;
  const verb = tokens[cue.tokenStart]!;
  if (verb.pos === 'VERB' || verb.pos === 'AUX') return null;
  let k = cue.tokenStart - 1;
  // "Trump's earlier claim": one adjective between.
  if (tokens[k]?.pos === 'ADJ') k--;
  const mark = tokens[k];
  if (!mark || k < sentenceStart) return null;
  if (POSSESSIVE_PRONOUNS.has(mark.text.toLowerCase())) return { start: k, end: k + 1, head: k };
  if (!POSSESSIVE_MARKS.has(mark.text) || mark.spaceBefore) return null;
  const owner = phraseEndingAt(tokens, k - 1, sentenceStart);
  return owner && canSpeak(ctx, owner) ? owner : null;
}

/** What may open a report that is only a phrase ('People like Scott, he said.'). */
const PHRASE_OPENING_POS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM']);

/** The speaker of an attribution that ends at token `last` ('Rendell recalled', 'said Rendell'), or null. */
export function attributionBefore(ctx: QuoteContext, last: number, sentenceStart: number): SpeakerPhrase | null {
  const { tokens } = ctx;
  for (let start = last; start >= sentenceStart && last - start < 2; start--) {
    const match = matchCueAt(ctx.cueForms, start, last + 1);
    if (match && match.cue.type === 'speech' && match.tokenEnd === last + 1) return reportSubject(ctx, match, sentenceStart)?.phrase ?? null;
  }
  // 'said Rendell,': the phrase after a cue.
  for (let c = last - 1; c >= sentenceStart && last - c <= 6; c--) {
    const match = matchCueAt(ctx.cueForms, c, last + 1);
    if (!match || match.cue.type !== 'speech') continue;
    const speaker = speakerPhraseAfter(tokens, match.tokenEnd, last + 1);
    return speaker && speaker.end === last + 1 ? speaker : null;
  }
  return null;
}

/**
 * Cues whose noun-phrase object is what was said, as PolNeAR annotates it: 'announced his
 * resignation', 'denied the allegations', 'confirmed the deal', 'promised a review'.
 * Other cues with a noun phrase ('said something', 'told reporters') report nothing.
 */
const OBJECT_CUES = new Set(['announce', 'deny', 'confirm', 'reveal', 'disclose', 'acknowledge', 'admit', 'promise', 'pledge', 'vow', 'demand', 'predict', 'reiterate', 'repeat', 'recount', 'mention', 'tout', 'concede', 'declare']);
/** Longest noun-phrase object, in tokens. */
const MAX_OBJECT_TOKENS = 12;

/** Cues whose topic after 'about', 'of', 'against' or 'on' is what was said: 'complained about his mic', 'warned of a recession'. */
const TOPIC_CUES = new Set(['speak', 'speak-about', 'complain', 'warn', 'comment', 'boast', 'brag', 'joke', 'testify', 'caution', 'lament', 'tweet', 'write']);
const TOPIC_PREPOSITIONS = new Set(['about', 'of', 'against', 'on', 'over']);

/**
 * Whether a subject can say things: a name, a personal pronoun, or a noun that heads
 * descriptions of people or organisations ('the minister', 'the company'). 'The floods
 * revealed vulnerabilities' reports nothing.
 */
function canSpeak(ctx: QuoteContext, subject: SpeakerPhrase): boolean {
  const head = ctx.tokens[subject.head]!;
  const word = head.text.toLowerCase();
  if (head.pos === 'PROPN' || /^\p{Lu}/u.test(head.text) && subject.head > subject.start) return true;
  if (head.pos === 'PRON') return /^(he|she|they|we|i|you)$/.test(word);
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  return ctx.cues.personHeads.has(word) || ctx.cues.personHeads.has(singular) || ctx.cues.organizationHeads.has(word) || ctx.cues.organizationHeads.has(singular);
}

/** The noun phrase right after an object cue (or its topic's preposition), up to punctuation, a verb or a clause; null when there is none. */
function objectPhrase(ctx: QuoteContext, cue: CueMatch, sentenceEnd: number): Range | null {
  const { tokens } = ctx;
  if (tokens[cue.tokenStart]!.pos !== 'VERB') return null;
  let start = cue.tokenEnd;
  const preposition = tokens[start]?.text.toLowerCase() ?? '';
  if (TOPIC_CUES.has(cue.cue.id) && TOPIC_PREPOSITIONS.has(preposition)) start++;
  else if (!OBJECT_CUES.has(cue.cue.id) && !(cue.cue.id === 'speak-about' || cue.cue.id === 'speak')) return null;
  let end = start;
  let noun = false;
  while (end < sentenceEnd && end - start < MAX_OBJECT_TOKENS) {
    const token = tokens[end]!;
    const word = token.text.toLowerCase();
    if (ctx.quoteAt[end]! >= 0) break;
    const opensPhrase = token.pos === 'DET' || /^(his|her|its|their|our|my|your)$/.test(word);
    // 'his mic the morning after': a second phrase after a noun is an adjunct.
    if (opensPhrase && noun && tokens[end - 1]!.pos !== 'ADP') break;
    if (token.pos === 'NOUN' || token.pos === 'PROPN') noun = true;
    else if (token.pos === 'ADP' && (word === 'of' || word === 'for') && noun && !TIME_NAMES.test(tokens[end + 1]?.text ?? '')) { /* 'the details of the plan', 'her plans for the port' */ }
    else if (!/^(DET|ADJ|NUM)$/.test(token.pos) && !opensPhrase && !/^('s|’s)$/.test(word) && !(token.text === '-')) break;
    end++;
  }
  // 'his', 'the' alone, a day ('announced Tuesday'), or a phrase the sentence goes on from with a verb
  // ('announced the plan would …') is none.
  if (!noun || end === start || TIME_NAMES.test(tokens[start]!.text)) return null;
  const next = tokens[end];
  if (next && end < sentenceEnd && (next.pos === 'VERB' || next.pos === 'AUX')) return null;
  if (/^(that|this|it|them|him|her|so)$/i.test(tokens[start]!.text) && end - start === 1) return null;
  return { start, end };
}

/** Whether the cue's own subject is 'who' ('Barkley, who has said …'), auxiliaries and adverbs between. */
function isRelativeCue(tokens: readonly Token[], cue: CueMatch, floor: number): boolean {
  let k = cue.tokenStart - 1;
  while (k > floor && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV')) k--;
  return tokens[k]?.text.toLowerCase() === 'who';
}

/** What may open the words before 'X said, CLAUSE' for them to be a fronted adverbial ('In any case', 'Still', 'When …'). */
const ADVERBIAL_OPENING_POS = new Set(['ADP', 'ADV', 'SCONJ']);

/**
 * 'ADVERBIAL, X said, CLAUSE': the words before the attribution open with a
 * preposition, an adverb or a subordinator and hold no verb of their own, and a
 * whole clause (a subject, then a verb) follows it. A report split after its
 * subject ('This campaign, he says, is different') is left alone: a quote is one
 * span, and that one would hold 'he says'.
 */
function adverbialThenClause(ctx: QuoteContext, sentenceStart: number, comma: number, cue: CueMatch, sentenceEnd: number): Range | null {
  const { tokens } = ctx;
  let leadAt = sentenceStart;
  // 'But in recent days, advisers to Mr. Obama say, …'
  if (tokens[leadAt]?.pos === 'CCONJ' && leadAt + 1 < comma) leadAt++;
  const lead = tokens[leadAt];
  if (!lead || !ADVERBIAL_OPENING_POS.has(lead.pos) || hasVerb(tokens, leadAt, comma)) return null;
  if (tokens[cue.tokenEnd]?.text !== ',') return null;
  const start = cue.tokenEnd + 1;
  const first = tokens[start];
  if (!first || start >= sentenceEnd || ctx.quoteAt[start]! >= 0) return null;
  // 'at least seven of the delegates have …', 'far too many lives have …'.
  const amount = isQuantityOpening(tokens, start) || (first.pos === 'ADV' && (tokens[start + 1]?.pos === 'ADV' || tokens[start + 1]?.pos === 'ADJ'));
  if (!amount && (!CLAUSE_OPENING_POS.has(first.pos) || first.pos === 'ADV' || NOT_CLAUSE_OPENERS.has(first.text.toLowerCase()))) return null;
  if (!hasVerb(tokens, start + 1, sentenceEnd)) return null;
  return trimClause(ctx, start, reportEnd(ctx, start, sentenceEnd));
}

/** Words between a cue and the comma that ends an interrupting attribution: 'he said Tuesday,', 'she told reporters,'. */
const MAX_TAIL_BEFORE_COMMA = 4;
const RELATIVE_WORDS = new Set(['who', 'which', 'that', 'whose']);

/**
 * 'Many of the closures, he said, have involved public courses', 'The museum, Mr. Bush
 * said, would make visitors face uncomfortable truths': the attribution stands between
 * the subject of the report and its predicate. The words before it are a noun phrase
 * (no verb, unless a relative clause: 'The plan that passed, she said, was …'); the
 * words after its comma open with an auxiliary or a finite verb ('is', 'would',
 * 'celebrated'), not a participle ('…, he said, adding that …' goes on with the
 * speaker's own predicate). Returns the two token ranges, or null.
 */
function splitReport(ctx: QuoteContext, sentenceStart: number, comma: number, cue: CueMatch, sentenceEnd: number): Range[] | null {
  const { tokens } = ctx;
  const lead = tokens[sentenceStart]!;
  if (ADVERBIAL_OPENING_POS.has(lead.pos) && !/^(all|many|much|most|some|none|both|each)$/i.test(lead.text)) return null;
  const incomplete = incompleteClause(ctx, sentenceStart, comma);
  if (incomplete) {
    // 'It was, he said, one of the bitterest failures': a subject and its verb, the attribution, the rest.
    let after = cue.tokenEnd;
    while (after < sentenceEnd && after - cue.tokenEnd < MAX_TAIL_BEFORE_COMMA && tokens[after]!.text !== ',' && ADJUNCT_POS.has(tokens[after]!.pos) && tokens[after]!.pos !== 'PUNCT') after++;
    if (tokens[after]?.text !== ',' || after + 1 >= sentenceEnd || ctx.quoteAt[after + 1]! >= 0) return null;
    const rest = tokens[after + 1]!;
    if (rest.pos === 'VERB' && /ing$/i.test(rest.text) || rest.pos === 'SCONJ' || rest.pos === 'CCONJ') return null;
    const second = trimPart(ctx, after + 1, reportEnd(ctx, after + 1, sentenceEnd));
    return second ? [incomplete, second] : null;
  }
  for (let t = sentenceStart; t < comma; t++) {
    const token = tokens[t]!;
    if (ctx.quoteAt[t]! >= 0 || token.text === ',' || token.text === ';' || token.text === ':') return null;
    // 'Acts of protest': a plural noun the tagger read as a verb opens the phrase.
    const nounBeforeOf = t === sentenceStart && tokens[t + 1]?.text.toLowerCase() === 'of';
    if ((token.pos === 'VERB' || token.pos === 'AUX') && !nounBeforeOf && !(t > sentenceStart && hasRelativeWordBefore(tokens, sentenceStart, t))) return null;
  }
  let after = cue.tokenEnd;
  while (after < sentenceEnd && after - cue.tokenEnd < MAX_TAIL_BEFORE_COMMA && tokens[after]!.text !== ',' && ADJUNCT_POS.has(tokens[after]!.pos) && tokens[after]!.pos !== 'PUNCT') after++;
  if (tokens[after]?.text !== ',' || after + 1 >= sentenceEnd) return null;
  let predicate = after + 1;
  if (tokens[predicate]!.pos === 'ADV' && predicate + 1 < sentenceEnd) predicate++;
  const verb = tokens[predicate]!;
  if (ctx.quoteAt[predicate]! >= 0 || !(verb.pos === 'AUX' || (verb.pos === 'VERB' && !/ing$/i.test(verb.text)))) return null;
  if (matchCueAt(ctx.cueForms, predicate, sentenceEnd) !== null && verb.pos === 'VERB') return null;
  const first = trimPart(ctx, sentenceStart, comma);
  const second = trimPart(ctx, after + 1, reportEnd(ctx, after + 1, sentenceEnd));
  if (!first || !second || wordCount(tokens, first.start, first.end) + wordCount(tokens, second.start, second.end) < MIN_CLAUSE_WORDS) return null;
  return [first, second];
}

/** 'It was', 'The plan would be': a short subject and a verb or auxiliary that ends before the comma, nothing else. */
function incompleteClause(ctx: QuoteContext, start: number, comma: number): Range | null {
  const { tokens } = ctx;
  const last = tokens[comma - 1];
  if (!last || comma - start > 8 || comma - start < 2 || last.pos !== 'AUX' || !/^(is|was|are|were|be|been|will|would|could|might|may|must|should|can)$/i.test(last.text)) return null;
  // 'would be', 'has been': the auxiliaries before the last.
  let verbStart = comma - 1;
  while (verbStart - 1 > start && tokens[verbStart - 1]!.pos === 'AUX' && comma - verbStart < 3) verbStart--;
  for (let t = start; t < verbStart; t++) {
    const token = tokens[t]!;
    if (ctx.quoteAt[t]! >= 0 || token.kind === 'punctuation' || token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'ADP' && token.text.toLowerCase() !== 'of') return null;
  }
  return trimPart(ctx, start, comma);
}

function hasRelativeWordBefore(tokens: readonly Token[], start: number, t: number): boolean {
  for (let k = t - 1; k > start; k--) if (RELATIVE_WORDS.has(tokens[k]!.text.toLowerCase())) return true;
  return false;
}

/** Trims punctuation (not quotation marks) from both ends of one piece of a report; null when no word is left. */
function trimPart(ctx: QuoteContext, start: number, end: number): Range | null {
  const { tokens } = ctx;
  let s = start;
  let e = end;
  const trimmable = (t: number): boolean => tokens[t]!.kind === 'punctuation' && ctx.quoteAt[t]! < 0 && tokens[t]!.text !== ')' && tokens[t]!.text !== '(';
  while (s < e && trimmable(s)) s++;
  while (e > s && trimmable(e - 1)) e--;
  return wordCount(tokens, s, e) > 0 ? { start: s, end: e } : null;
}

/** After 'CLAUSE, X said' only the sentence's end or a tail ('at a briefing', 'adding …', 'last week') may follow. */
function endsReport(ctx: QuoteContext, cue: CueMatch, sentenceEnd: number): boolean {
  const next = ctx.tokens[cue.tokenEnd];
  if (!next || cue.tokenEnd >= sentenceEnd) return true;
  if (next.text.toLowerCase() === 'that') return false;
  if (/^(last|this|earlier|late|early|recently)$/i.test(next.text)) return true;
  return TAIL_OPENING_POS.has(next.pos) && next.pos !== 'PRON';
}

/** Every speech cue of the document outside quotation marks, in text order. */
export function findSpeechCues(ctx: QuoteContext, used: ReadonlySet<number>): CueMatch[] {
  const { tokens, doc } = ctx;
  const found: CueMatch[] = [];
  for (let t = 0; t < tokens.length; t++) {
    if (ctx.quoteAt[t]! >= 0 || used.has(t) || tokens[t]!.furniture || doc.paragraphs[tokens[t]!.paragraph]?.furniture) continue;
    const match = matchCueAt(ctx.cueForms, t, ctx.paragraphTokens[tokens[t]!.paragraph]!.end) ?? viewIsThat(tokens, t);
    if (match && match.cue.type === 'speech') {
      found.push(match);
      t = match.tokenEnd - 1;
    }
  }
  return found;
}

/** "X's view is that …": nouns that name a stated position, whose owner is its speaker. */
const POSITION_NOUNS = new Set(['view', 'position', 'argument', 'message', 'contention', 'point', 'claim', 'complaint', 'assessment', 'answer', 'response', 'promise', 'pledge', 'warning']);
const POSITION_CUE: CompiledCue = { id: 'position-is-that', type: 'speech', particle: [], sourceAfter: false, takesObject: false };

/** "Trump's view is that", 'her position was that': the noun and its 'is' as one cue (its owner is read as a possessor). */
function viewIsThat(tokens: readonly Token[], t: number): CueMatch | null {
  const noun = tokens[t]!;
  if (noun.pos !== 'NOUN' || !POSITION_NOUNS.has(noun.text.toLowerCase())) return null;
  if (!/^(is|was)$/i.test(tokens[t + 1]?.text ?? '') || tokens[t + 2]?.text.toLowerCase() !== 'that') return null;
  return { cue: POSITION_CUE, tokenStart: t, tokenEnd: t + 2 };
}
