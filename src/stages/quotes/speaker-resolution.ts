/**
 * From a speaker phrase to a speaker: the mention that names the speaker and the
 * entity it refers to.
 *
 * - A named mention maps to its entity (doc.mentions -> doc.entities).
 * - A pronoun (he, she, they, it) goes to the most recent compatible person or
 *   organisation: in the pronoun's own sentence the nearest one before it; in
 *   earlier sentences a previous speaker first, else the first mention that is not
 *   the object of a preposition. Gender must agree when the entity has one.
 * - A description ('the head of the Russian Foreign Ministry', 'the minister',
 *   'the ministry') goes to the entity it refers to when the article makes it
 *   unambiguous: a linked `doc.descriptions` entry, the one person whose titles
 *   contain its head noun, the one organisation whose name contains it, or the
 *   person who spoke just before (within two paragraphs).
 * - Otherwise the speaker keeps its mention with entity -1.
 *
 * When no entity stage ran (doc.entities is empty) pronouns and descriptions
 * fall back on the speakers found so far in this article, named by their surface
 * text.
 */

import type { EntityRecord, Range, SpeakerRecord } from '../../core/document.js';
import type { CompiledCues } from './cue-lexicon.js';
import type { QuoteContext } from './quote-context.js';
import { startsAsDescription, type SpeakerPhrase } from './speaker-phrase.js';

type Gender = 'male' | 'female' | null;
type ReferentKind = 'person' | 'organization' | 'group' | 'unknown';

interface Referent {
  entity: number;
  name: string;
  kind: ReferentKind;
  gender: Gender;
  /** Token where the referent was named. */
  token: number;
  paragraph: number;
  titles: readonly string[];
}

/** Sentences searched back for a pronoun's antecedent. */
const MAX_SENTENCES_BACK = 8;
/** Paragraphs searched back for an antecedent or a previous speaker. */
const MAX_PARAGRAPHS_BACK = 3;
/** Previous speakers read back at most, to keep the cost per quote constant. */
const MAX_HISTORY_READ = 20;
/** Mentions read back at most for a pronoun. */
const MAX_MENTIONS_READ = 200;
const GENERIC_PERSON_HEADS = new Set(['head', 'chief', 'leader', 'official', 'source', 'spokesman', 'spokeswoman', 'spokesperson']);
const MALE_HONORIFICS = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince']);
const FEMALE_HONORIFICS = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady', 'queen', 'princess']);

export class SpeakerResolver {
  private readonly history: Referent[] = [];
  /** Token -> index into doc.mentions, or -1. */
  private readonly mentionAt: Int32Array;
  private readonly cues: CompiledCues;

  /** Lower-case name or alias -> person or organisation entity. */
  private readonly entityByName = new Map<string, number>();
  /** Word of an organisation's name -> its entities ('ministry' -> Foreign Ministry). */
  private readonly organizationsByWord = new Map<string, number[]>();
  /** Word of a person's titles -> its entities ('mayor' -> Eldar Azizov). */
  private readonly peopleByTitleWord = new Map<string, number[]>();
  /** Token -> linked description (with an entity) that holds it. */
  private readonly descriptionAt = new Map<number, number>();

  constructor(private readonly ctx: QuoteContext) {
    this.cues = ctx.cues;
    const { doc } = ctx;
    this.mentionAt = new Int32Array(doc.tokens.length).fill(-1);
    doc.mentions.forEach((mention, index) => {
      if (mention.type === 'place') return;
      for (let t = mention.tokenStart; t < mention.tokenEnd && t < this.mentionAt.length; t++) this.mentionAt[t] = index;
    });
    const push = (map: Map<string, number[]>, key: string, index: number): void => {
      const list = map.get(key) ?? [];
      if (list[list.length - 1] !== index) list.push(index);
      map.set(key, list);
    };
    doc.entities.forEach((entity, index) => {
      if (entity.type === 'place') return;
      for (const name of [entity.name, ...entity.aliases]) if (!this.entityByName.has(name.toLowerCase())) this.entityByName.set(name.toLowerCase(), index);
      if (entity.type === 'organization') for (const word of entity.name.toLowerCase().split(/\s+/)) push(this.organizationsByWord, word, index);
      else for (const title of entity.titles) for (const word of title.toLowerCase().split(/\s+/)) push(this.peopleByTitleWord, word, index);
    });
    doc.descriptions.forEach((description, index) => {
      if (description.entity < 0) return;
      let t = upperBound(doc.tokens, description.start);
      for (; t < doc.tokens.length && doc.tokens[t]!.end <= description.end; t++) this.descriptionAt.set(t, index);
    });
  }

  /** Resolves a speaker phrase, and remembers it as the latest speaker. */
  resolve(phrase: SpeakerPhrase): SpeakerRecord {
    const record = this.resolvePhrase(phrase);
    this.remember(record.referent, phrase.head);
    return record.speaker;
  }

  private remember(referent: Referent | null, token: number): void {
    if (!referent) return;
    this.history.push({ ...referent, token: referent.token >= 0 ? referent.token : token });
  }

  private resolvePhrase(phrase: SpeakerPhrase): { speaker: SpeakerRecord; referent: Referent | null } {
    const { tokens, doc, text } = this.ctx;
    const headToken = tokens[phrase.head]!;
    const surface = (range: Range): Range & { text: string } => ({ start: range.start, end: range.end, text: text.slice(range.start, range.end) });

    // A pronoun.
    const pronoun = this.cues.pronouns.get(headToken.text.toLowerCase());
    if (pronoun && phrase.end - phrase.start === 1 && headToken.pos === 'PRON') {
      const mention = surface(headToken);
      const antecedent = pronoun.number === 'first' ? null : this.antecedentOf(phrase.head, pronoun.gender, pronoun.number);
      if (!antecedent) return { speaker: { mention, entity: -1, name: mention.text }, referent: null };
      return { speaker: { mention, entity: antecedent.entity, name: antecedent.name }, referent: { ...antecedent, token: phrase.head, paragraph: headToken.paragraph } };
    }

    // A named mention from the entity stages.
    const mentionIndex = this.mentionAt[phrase.head]!;
    if (mentionIndex >= 0) {
      const m = doc.mentions[mentionIndex]!;
      const mention = surface(m);
      const entity = m.entity >= 0 ? doc.entities[m.entity] : undefined;
      const referent = this.referentOfEntity(m.entity, entity, m.type === 'person' ? 'person' : 'organization', m.text, phrase.head);
      return { speaker: { mention, entity: entity ? m.entity : -1, name: entity?.name ?? m.text }, referent };
    }

    // A name the entity stages did not give (or did not run): the capitalised run around the head.
    if (this.namesSomeone(phrase)) {
      const run = this.nameRun(phrase);
      const mention = surface({ start: tokens[run.start]!.start, end: tokens[run.end - 1]!.end });
      const entityIndex = this.entityNamed(mention.text);
      const entity = entityIndex >= 0 ? doc.entities[entityIndex] : undefined;
      const kind: ReferentKind = entity ? (entity.type === 'person' ? 'person' : 'organization') : this.kindOfName(run);
      const referent = this.referentOfEntity(entityIndex, entity, kind, mention.text, phrase.head);
      referent.gender ??= this.honorificGender(run.start);
      return { speaker: { mention, entity: entityIndex, name: entity?.name ?? mention.text }, referent };
    }

    // A description.
    let end = phrase.end;
    if (tokens[end - 1]!.text === ')') {
      while (end > phrase.head + 1 && tokens[end - 1]!.text !== '(') end--;
      end--;
    }
    const mention = surface({ start: tokens[phrase.start]!.start, end: tokens[Math.max(end, phrase.head + 1) - 1]!.end });
    const head = headToken.text.toLowerCase();
    const linkedIndex = this.descriptionAt.get(phrase.head);
    const linked = linkedIndex === undefined ? undefined : doc.descriptions[linkedIndex];
    if (linked) {
      const entity = doc.entities[linked.entity]!;
      return { speaker: { mention, entity: linked.entity, name: entity.name }, referent: this.referentOfEntity(linked.entity, entity, entity.type === 'person' ? 'person' : 'organization', entity.name, phrase.head) };
    }
    const resolved = this.descriptionReferent(head, phrase.head);
    if (resolved) return { speaker: { mention, entity: resolved.entity, name: resolved.name }, referent: { ...resolved, token: phrase.head, paragraph: headToken.paragraph } };
    const plural = /s$/.test(head) && !this.cues.organizationHeads.has(head);
    const kind: ReferentKind = this.cues.organizationHeads.has(head) ? 'organization' : plural ? 'group' : 'unknown';
    return { speaker: { mention, entity: -1, name: mention.text }, referent: { entity: -1, name: mention.text, kind, gender: null, token: phrase.head, paragraph: headToken.paragraph, titles: [] } };
  }

  /** A capitalised head that is not a title ('Ali Zaidi', 'the Foreign Ministry'), not after a possessive. */
  private namesSomeone(phrase: SpeakerPhrase): boolean {
    const { tokens } = this.ctx;
    const head = tokens[phrase.head]!;
    if (!/^\p{Lu}/u.test(head.text)) return false;
    const lower = head.text.toLowerCase().replace(/\.$/, '');
    if (this.cues.titleWords.has(lower) || this.cues.personHeads.has(lower)) return !startsAsDescription(tokens, phrase);
    for (let t = phrase.start; t < phrase.head; t++) if (/^['’]s?$/.test(tokens[t]!.text) || /^['’]s$/i.test(tokens[t]!.text)) return false;
    return true;
  }

  private referentOfEntity(index: number, entity: EntityRecord | undefined, kind: ReferentKind, name: string, token: number): Referent {
    return {
      entity: entity ? index : -1,
      name: entity?.name ?? name,
      kind: entity ? (entity.type === 'person' ? 'person' : 'organization') : kind,
      gender: entity?.gender ?? null,
      token,
      paragraph: this.ctx.tokens[token]!.paragraph,
      titles: entity?.titles ?? [],
    };
  }

  /** The capitalised run of the phrase that holds its head, without leading titles ('Baku Mayor Eldar Azizov' -> 'Eldar Azizov'). */
  private nameRun(phrase: SpeakerPhrase): Range {
    const { tokens } = this.ctx;
    const capital = (t: number): boolean => /^[\p{Lu}\p{N}]/u.test(tokens[t]!.text) || tokens[t]!.text === '-' || /^['’]s$/i.test(tokens[t]!.text) === false && tokens[t]!.text === '.';
    let start = phrase.head;
    while (start > phrase.start && capital(start - 1)) start--;
    let end = phrase.head + 1;
    // Strip leading titles, keeping at least one word.
    let cut = start;
    for (let t = start; t < phrase.head; t++) if (this.cues.titleWords.has(tokens[t]!.text.toLowerCase().replace(/\.$/, '')) || this.cues.titleWords.has(tokens[t]!.text.toLowerCase())) cut = t + 1;
    start = Math.min(cut, phrase.head);
    while (end < phrase.end && end - phrase.head < 3 && /^\p{Lu}/u.test(tokens[end]!.text) && tokens[end]!.spaceBefore && tokens[end]!.pos === 'PROPN') end++;
    return { start, end };
  }

  private kindOfName(run: Range): ReferentKind {
    const { tokens } = this.ctx;
    for (let t = run.start; t < run.end; t++) if (this.cues.organizationHeads.has(tokens[t]!.text.toLowerCase())) return 'organization';
    return 'person';
  }

  private honorificGender(token: number): Gender {
    const before = this.ctx.tokens[token - 1]?.text.toLowerCase() ?? '';
    if (MALE_HONORIFICS.has(before)) return 'male';
    if (FEMALE_HONORIFICS.has(before)) return 'female';
    return null;
  }

  /** The person or organisation entity whose name or alias is exactly this text, or -1. */
  private entityNamed(name: string): number {
    const lower = name.toLowerCase();
    return this.entityByName.get(lower) ?? -1;
  }

  private antecedentOf(pronounToken: number, gender: Gender, number: string): Omit<Referent, 'token' | 'paragraph'> & { token: number; paragraph: number } | null {
    const wantOrganization = number === 'organization';
    const wantPlural = number === 'plural';
    const compatible = (kind: ReferentKind, entityGender: Gender): boolean => {
      if (wantOrganization) return kind === 'organization';
      if (wantPlural) return kind === 'organization' || kind === 'group';
      return kind === 'person' && (gender === null || entityGender === null || gender === entityGender);
    };
    const { doc, tokens } = this.ctx;
    const paragraph = tokens[pronounToken]!.paragraph;
    if (doc.entities.length > 0 && doc.mentions.length > 0) {
      const found = this.antecedentFromMentions(pronounToken, compatible);
      if (found) return found;
    }
    // Previous speakers (also the only source when no entity stage ran).
    for (let h = this.history.length - 1; h >= 0 && this.history.length - h <= MAX_HISTORY_READ; h--) {
      const referent = this.history[h]!;
      if (paragraph - referent.paragraph > MAX_PARAGRAPHS_BACK) break;
      if (referent.token < pronounToken && compatible(referent.kind, referent.gender)) return referent;
    }
    return null;
  }

  private antecedentFromMentions(pronounToken: number, compatible: (kind: ReferentKind, gender: Gender) => boolean): Referent | null {
    const { doc, tokens } = this.ctx;
    const pronoun = tokens[pronounToken]!;
    const speakerTokens = new Set<number>();
    for (let h = this.history.length - 1; h >= 0 && this.history.length - h <= 20; h--) speakerTokens.add(this.history[h]!.token);
    // Mentions before the pronoun, grouped by sentence, walking back.
    let m = upperBound(doc.mentions, pronoun.start) - 1;
    let sentencesSeen = 0;
    let currentSentence = pronoun.sentence;
    let best: Referent | null = null;
    let bestIsSpeaker = false;
    const lowest = Math.max(0, m - MAX_MENTIONS_READ);
    while (m >= lowest) {
      const mention = doc.mentions[m]!;
      const token = tokens[mention.tokenStart];
      if (!token) break;
      if (token.sentence !== currentSentence) {
        if (best) return best;
        sentencesSeen += pronoun.sentence - token.sentence > 0 ? 1 : 0;
        currentSentence = token.sentence;
        if (sentencesSeen > MAX_SENTENCES_BACK || pronoun.paragraph - token.paragraph > MAX_PARAGRAPHS_BACK) break;
      }
      const entity = mention.entity >= 0 ? doc.entities[mention.entity] : undefined;
      if (entity && mention.type !== 'place' && this.ctx.quoteAt[mention.tokenStart]! < 0) {
        const kind: ReferentKind = entity.type === 'person' ? 'person' : 'organization';
        if (compatible(kind, entity.gender)) {
          const referent = this.referentOfEntity(mention.entity, entity, kind, entity.name, mention.tokenStart);
          if (token.sentence === pronoun.sentence) return referent; // the nearest in the pronoun's own sentence
          let isSpeaker = false;
          for (let t = mention.tokenStart; t < mention.tokenEnd && !isSpeaker; t++) isSpeaker = speakerTokens.has(t);
          const afterPreposition = tokens[mention.tokenStart - 1]?.pos === 'ADP';
          // Walking back, a later candidate in the sentence is replaced by an earlier one unless it spoke.
          if (!bestIsSpeaker && (isSpeaker || !afterPreposition || !best)) {
            best = referent;
            bestIsSpeaker = isSpeaker;
          }
        }
      }
      m--;
    }
    return best;
  }

  private descriptionReferent(head: string, token: number): Referent | null {
    const { doc, tokens } = this.ctx;
    const paragraph = tokens[token]!.paragraph;
    if (this.cues.organizationHeads.has(head)) {
      const matches = this.organizationsByWord.get(head) ?? [];
      if (matches.length !== 1) return null;
      const entity = doc.entities[matches[0]!]!;
      return this.referentOfEntity(matches[0]!, entity, 'organization', entity.name, token);
    }
    if (!this.cues.personHeads.has(head)) return null;
    const titled = this.peopleByTitleWord.get(head) ?? [];
    if (titled.length === 1) {
      const entity = doc.entities[titled[0]!]!;
      return this.referentOfEntity(titled[0]!, entity, 'person', entity.name, token);
    }
    // The person who spoke just before, if nothing says otherwise.
    for (let h = this.history.length - 1; h >= 0 && this.history.length - h <= MAX_HISTORY_READ; h--) {
      const referent = this.history[h]!;
      if (paragraph - referent.paragraph > 1) break;
      if (referent.kind !== 'person') continue;
      const titlesAgree = referent.titles.length === 0 || GENERIC_PERSON_HEADS.has(head) || referent.titles.some((t) => t.toLowerCase().includes(head));
      return titlesAgree && (referent.entity >= 0 || referent.name) ? referent : null;
    }
    return null;
  }
}

/** First index whose start is at or after `offset`. */
function upperBound(list: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

