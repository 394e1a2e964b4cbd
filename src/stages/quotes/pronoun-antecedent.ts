/**
 * Whom a speaking pronoun ('he said', 'she added', 'according to them') refers to:
 * every person, organisation or group named in the sentences before it (and before it
 * in its own sentence) is a candidate if it agrees in gender and number, and each gets
 * a score a reader would give it:
 *
 *   recency      the nearer its last mention, the higher (per sentence back);
 *   role         the subject of its sentence scores more, a possessive ('Trump's
 *                campaign') or the object of a preposition less;
 *   speaker      a mention that was itself the speaker of a quote scores more, and the
 *                last speaker of the pronoun's gender more again: the news habit of
 *                'Smith said …. "…," he added.';
 *   salience     a few points per earlier mention;
 *   gender       a person whose gender the article does not make known loses points
 *                against a gendered pronoun.
 *
 * The best candidate wins; the candidates and their scores are kept for analyze().
 * Every walk is bounded, so the cost per pronoun is constant.
 */

import { firstStartingAt, type LedeDocument, type Token } from '../../core/document.js';
import { mapPacked } from '../../core/packed.js';
import type { Gender } from './first-name-gender.js';

export type ReferentKind = 'person' | 'organization' | 'group' | 'unknown';

export interface Referent {
  /** Index into doc.entities, or -1 for a referent no entity names ('officials'). */
  entity: number;
  name: string;
  kind: ReferentKind;
  gender: Gender | null;
  /** Token where the referent was named. */
  token: number;
  paragraph: number;
  titles: readonly string[];
}

/** Title words before a name ('President'), which make a place-typed mention a person ('President Obama'). */
export type IsTitleWord = (word: string) => boolean;

export interface ScoredCandidate {
  referent: Referent;
  score: number;
  why: string;
}

export interface PronounWant {
  gender: Gender | null;
  /** 'singular' (he, she), 'plural' (they), 'organization' (it). */
  number: 'singular' | 'plural' | 'organization';
}

/** Sentences searched back. */
const MAX_SENTENCES_BACK = 6;
/** Paragraphs searched back. */
const MAX_PARAGRAPHS_BACK = 3;
/** Mentions read back at most. */
const MAX_MENTIONS_READ = 120;
/** Previous speakers read back at most. */
const MAX_HISTORY_READ = 20;

const RECENCY = [100, 72, 52, 38, 28, 20, 14];
const SUBJECT_BONUS = 45;
const POSSESSIVE_PENALTY = 35;
const PREPOSITION_PENALTY = 25;
const SPEAKER_MENTION_BONUS = 20;
const LAST_SPEAKER_BONUS = 40;
const SALIENCE_PER_MENTION = 4;
const MAX_SALIENCE = 20;
const UNKNOWN_GENDER_PENALTY = 30;
/** 'it' needs a strong antecedent (a recent subject or speaker): it refers to things far more often than to organisations. */
const MIN_ORGANIZATION_SCORE = 90;
/** A person introduced with a description ('Henry Crespo, president of …') is about to be quoted. */
const INTRODUCED_BONUS = 50;

export interface AntecedentContext {
  doc: LedeDocument;
  tokens: readonly Token[];
  quoteAt: Int32Array;
  genders: readonly (Gender | null)[];
  /** Token -> number of its outer sentence (one that never ends inside quotation marks), counted through the text. */
  sentenceOf: Int32Array;
  /** Speakers resolved so far, in text order. */
  history: readonly Referent[];
  isTitleWord: IsTitleWord;
  /** Mention index -> its role, memoised across pronouns (0: not read yet). */
  roles: Uint8Array;
  /** Subjects no entity names in the sentences before the pronoun ('Democrats noted …', 'My mother has softened …'). */
  describedSubjects?: (pronoun: number) => Referent[];
}

export function compatible(want: PronounWant, kind: ReferentKind, gender: Gender | null): boolean {
  if (want.number === 'organization') return kind === 'organization' || kind === 'unknown';
  if (want.number === 'plural') return kind === 'organization' || kind === 'group';
  return kind === 'person' && (want.gender === null || gender === null || want.gender === gender);
}

const ROLES = ['subject', 'possessive', 'preposition', 'other'] as const;

/** Words of a name's own noun phrase that may stand before it ('Ohio Democratic Party Chairman David Pepper'). */
function isNamePrefix(token: Token): boolean {
  if (/^['’]s$/.test(token.text) || token.text === '-') return true;
  return (token.kind === 'word' || token.kind === 'number') && (/^\p{Lu}/u.test(token.text) || token.pos === 'ADJ' || token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'NUM') &&
    token.pos !== 'VERB' && token.pos !== 'ADP';
}

/** The role a mention plays in its sentence, from the words around it. */
function roleOf(tokens: readonly Token[], start: number, end: number): 'subject' | 'possessive' | 'preposition' | 'other' {
  const sentence = tokens[start]!.sentence;
  const after = tokens[end];
  let first = start;
  while (first > 0 && start - first < 8 && tokens[first - 1]!.sentence === sentence && isNamePrefix(tokens[first - 1]!)) first--;
  const before = tokens[first - 1];
  if (before && before.sentence === sentence && before.pos === 'ADP') return 'preposition';
  // "Mr. Obama's bet is …": a possessive that opens the sentence keeps its owner in view.
  if (after && /^['’]s?$/.test(after.text)) return !before || before.sentence !== sentence ? 'subject' : 'possessive';
  const opener = (token: Token | undefined): boolean => !token || token.sentence !== sentence || token.text === ',' || token.pos === 'CCONJ' || token.pos === 'SCONJ' ||
    (token.pos === 'ADV' && /^\p{Lu}/u.test(token.text)) || /^["“(]$/.test(token.text);
  const opens = opener(before) || (before!.pos === 'DET' && opener(tokens[first - 2]));
  if (!opens) return 'other';
  // A verb after the name (past an aside in commas, a short prepositional phrase, adverbs or auxiliaries): the subject.
  let t = end;
  if (tokens[t]?.text === ',') {
    let k = t + 1;
    while (k < tokens.length && k - t < 20 && tokens[k]!.text !== ',' && tokens[k]!.sentence === sentence) k++;
    t = tokens[k]?.text === ',' ? k + 1 : t;
  } else if (tokens[t]?.pos === 'ADP' && /^(at|of|for|from|in)$/i.test(tokens[t]!.text)) {
    let k = t + 1;
    while (k < tokens.length && k - t < 7 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ')) k++;
    if (tokens[k]?.pos === 'VERB' || tokens[k]?.pos === 'AUX') t = k;
  }
  while (tokens[t] && (tokens[t]!.pos === 'ADV' || tokens[t]!.pos === 'AUX' || tokens[t]!.pos === 'PART') && t - end < 8) {
    if (tokens[t]!.pos === 'AUX') return 'subject';
    t++;
  }
  return tokens[t]?.pos === 'VERB' ? 'subject' : 'other';
}

/** Ranks the candidates for the pronoun at token `pronoun`, best first. */
export function rankAntecedents(ctx: AntecedentContext, pronoun: number, want: PronounWant): ScoredCandidate[] {
  const { doc, tokens, quoteAt, genders, history, sentenceOf } = ctx;
  const pronounSentence = sentenceOf[pronoun]!;
  const pronounToken = tokens[pronoun]!;
  const best = new Map<string, ScoredCandidate>();
  const keyOf = (referent: Referent): string => (referent.entity >= 0 ? `e${referent.entity}` : `n${referent.name.toLowerCase()}`);
  const consider = (referent: Referent, score: number, why: string): void => {
    const key = keyOf(referent);
    const current = best.get(key);
    if (!current || score > current.score) best.set(key, { referent, score, why });
  };
  // Tokens of earlier speakers' mentions.
  const speakerTokens = new Set<number>();
  let lastSpeaker: Referent | null = null;
  for (let h = history.length - 1; h >= 0 && history.length - h <= MAX_HISTORY_READ; h--) {
    const referent = history[h]!;
    if (referent.token >= pronoun) continue;
    if (pronounToken.paragraph - referent.paragraph > MAX_PARAGRAPHS_BACK) break;
    speakerTokens.add(referent.token);
    if (!lastSpeaker && compatible(want, referent.kind, referent.gender)) lastSpeaker = referent;
    // Groups and descriptions that spoke are candidates of their own ('officials said …; they added').
    if (referent.entity < 0 && compatible(want, referent.kind, referent.gender)) {
      const distance = Math.max(0, pronounSentence - (sentenceOf[referent.token] ?? 0));
      if (distance <= MAX_SENTENCES_BACK) consider(referent, (RECENCY[distance] ?? 0) + SPEAKER_MENTION_BONUS, `spoke ${distance} sentence(s) back`);
    }
  }

  /** Candidate key -> token of its latest mention as a subject. */
  const latestSubject = new Map<string, number>();
  // Subjects that no entity names ('Democrats repeatedly noted …. They noted …'), or described ones.
  if (ctx.describedSubjects) {
    for (const subject of ctx.describedSubjects(pronoun)) {
      if (!compatible(want, subject.kind, subject.gender)) continue;
      const distance = Math.max(0, pronounSentence - (sentenceOf[subject.token] ?? 0));
      if (distance > 2) continue;
      consider(subject, (RECENCY[distance] ?? 0) + SUBJECT_BONUS, `${distance} sentence(s) back, subject`);
      const key = keyOf(subject);
      if ((latestSubject.get(key) ?? -1) < subject.token) latestSubject.set(key, subject.token);
    }
  }

  // Named mentions before the pronoun.
  const mentionCount = new Map<number, number>();
  const lo = firstStartingAt(doc.mentions, pronounToken.start);
  for (let m = lo - 1; m >= 0 && lo - m <= MAX_MENTIONS_READ; m--) {
    const mention = doc.mentions[m]!;
    const token = tokens[mention.tokenStart];
    if (!token) break;
    const distance = pronounSentence - sentenceOf[mention.tokenStart]!;
    if (distance > MAX_SENTENCES_BACK || pronounToken.paragraph - token.paragraph > MAX_PARAGRAPHS_BACK) break;
    if (mention.entity < 0 || quoteAt[mention.tokenStart]! >= 0) continue;
    const entity = doc.entities[mention.entity]!;
    // A place is no speaker, unless a title before it makes it a person the tagger mistyped ('President Obama').
    const titled = mention.type === 'place' && mention.tokenStart > 0 && ctx.isTitleWord(tokens[mention.tokenStart - 1]!.text.toLowerCase().replace(/\.$/, ''));
    if (mention.type === 'place' && !titled) continue;
    const kind: ReferentKind = entity.type === 'organization' ? 'organization' : 'person';
    const gender = genders[mention.entity] ?? null;
    if (!compatible(want, kind, gender)) continue;
    mentionCount.set(mention.entity, (mentionCount.get(mention.entity) ?? 0) + 1);
    let code = ctx.roles[m]!;
    if (code === 0) ctx.roles[m] = code = ROLES.indexOf(roleOf(tokens, mention.tokenStart, mention.tokenEnd)) + 1;
    const role = ROLES[code - 1]!;
    let score = RECENCY[distance] ?? 0;
    const reasons = [`${distance} sentence(s) back`];
    if (role === 'subject') {
      score += SUBJECT_BONUS;
      if ((latestSubject.get(`e${mention.entity}`) ?? -1) < mention.tokenStart) latestSubject.set(`e${mention.entity}`, mention.tokenStart);
    }
    else if (role === 'possessive') score -= POSSESSIVE_PENALTY;
    else if (role === 'preposition') score -= PREPOSITION_PENALTY;
    if (role !== 'other') reasons.push(role);
    let spoke = false;
    for (let t = mention.tokenStart; t < mention.tokenEnd && !spoke; t++) spoke = speakerTokens.has(t);
    // Introduced to be quoted: once quoted, the introduction has done its work.
    if (!spoke && kind === 'person' && entity.mentions[0] !== undefined && doc.mentions[entity.mentions[0]] === mention && tokens[mention.tokenEnd]?.text === ',' &&
        /^(\p{Ll}|the$|a$|an$)/u.test(tokens[mention.tokenEnd + 1]?.text ?? '') && !/^(who|whose|which|said|says|told)$/.test(tokens[mention.tokenEnd + 1]?.text ?? '')) {
      score += INTRODUCED_BONUS;
      reasons.push('introduced');
    }
    if (spoke) {
      score += SPEAKER_MENTION_BONUS;
      reasons.push('spoke');
    }
    consider({ entity: mention.entity, name: entity.name, kind, gender, token: mention.tokenStart, paragraph: token.paragraph, titles: entity.titles }, score, reasons.join(', '));
  }

  // The last speaker holds unless someone else of the pronoun's gender became a subject since ('Hillary Clinton is describing …. She says').
  const lastSpeakerKey = lastSpeaker ? keyOf(lastSpeaker) : '';
  let lastSpeakerHolds = lastSpeaker !== null;
  for (const [key, token] of latestSubject) if (lastSpeaker && key !== lastSpeakerKey && token > lastSpeaker.token) lastSpeakerHolds = false;
  const ranked: ScoredCandidate[] = [];
  for (const candidate of best.values()) {
    let score = candidate.score;
    const reasons = [candidate.why];
    const { referent } = candidate;
    if (referent.entity >= 0) {
      const salience = Math.min(MAX_SALIENCE, SALIENCE_PER_MENTION * (mentionCount.get(referent.entity) ?? 0));
      score += salience;
    }
    if (lastSpeaker && lastSpeakerHolds && (lastSpeaker.entity >= 0 ? lastSpeaker.entity === referent.entity : lastSpeaker.name === referent.name)) {
      score += LAST_SPEAKER_BONUS;
      reasons.push('last speaker of this gender');
    }
    if (want.gender && referent.kind === 'person' && referent.gender === null) {
      score -= UNKNOWN_GENDER_PENALTY;
      reasons.push('gender unknown');
    }
    ranked.push({ referent, score, why: reasons.join(', ') });
  }
  // A speaker from the history whose mention is older than the mentions read still counts as the last speaker.
  if (lastSpeaker && lastSpeakerHolds && !ranked.some((c) => (lastSpeaker!.entity >= 0 ? c.referent.entity === lastSpeaker!.entity : c.referent.name === lastSpeaker!.name))) {
    const distance = Math.max(0, pronounSentence - (sentenceOf[lastSpeaker.token] ?? 0));
    if (distance <= MAX_SENTENCES_BACK + 2) ranked.push({ referent: lastSpeaker, score: (RECENCY[Math.min(distance, RECENCY.length - 1)] ?? 0) + LAST_SPEAKER_BONUS, why: `last speaker of this gender, ${distance} sentence(s) back` });
  }
  ranked.sort((a, b) => b.score - a.score || b.referent.token - a.referent.token);
  if (want.number === 'organization' && ranked[0] && ranked[0].score < MIN_ORGANIZATION_SCORE) return mapPacked(ranked, (c) => ({ ...c, why: `${c.why}, too weak for 'it'`, score: Math.min(c.score, 0) }));
  return ranked;
}
