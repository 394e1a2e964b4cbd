/**
 * From a speaker phrase to a speaker: the mention that names the speaker and the
 * entity it refers to, with how it was chosen (for analyze()).
 *
 * - A phrase that cannot speak gives no speaker (never-a-speaker.ts): a date, a
 *   weekday, a time, a relative pronoun, a phrase that opens with a preposition, an
 *   abstract noun without a named owner.
 * - A named mention maps to its entity (doc.mentions -> doc.entities).
 * - A document or an agent of a named owner speaks for the owner: 'a spokesperson for
 *   the ministry', 'officials at the ministry', 'a statement from X', 'the union's
 *   Friday release', 'a GAO report'.
 * - A pronoun (he, she, they, it) goes to the best-scored antecedent of its gender and
 *   number (pronoun-antecedent.ts); gender from entity-gender.ts.
 * - A description ('the rookie defenceman', 'the head of the Russian Foreign Ministry',
 *   'the ministry') goes to the entity the article makes unambiguous: one the article
 *   described so ('Caleb Jones, the rookie defenceman'; description-links.ts), a linked
 *   `doc.descriptions` entry, the one person whose titles contain its head noun, the one
 *   organisation whose name contains it, or the person who spoke just before (within a
 *   paragraph).
 * - Otherwise the speaker keeps its mention with entity -1.
 *
 * When no entity stage ran (doc.entities is empty) pronouns and descriptions fall back
 * on the speakers found so far in this article, named by their surface text.
 */

import { firstStartingAt, type EntityRecord, type Range, type SpeakerChoice, type SpeakerRecord } from '../../core/document.js';
import { mapPacked } from '../../core/packed.js';
import type { CompiledCues } from './cue-lexicon.js';
import { findDescriptionLinks, findOwnerLinks, singular, type DescriptionLink, type OwnerLink } from './description-links.js';
import { entityGenders, genderOfNoun } from './entity-gender.js';
import type { FirstNameGenders, Gender } from './first-name-gender.js';
import { DOCUMENT_HEADS, NON_AGENT_HEADS, isDateOrTimeWord, notASpeakerReason } from './never-a-speaker.js';
import { compatible, rankAntecedents, type Referent, type ReferentKind } from './pronoun-antecedent.js';
import type { QuoteContext } from './quote-context.js';
import { sentenceSubjectBefore } from './direct-attribution.js';
import { startsAsDescription, type SpeakerPhrase } from './speaker-phrase.js';

/** A candidate for a speaker, as analyze() shows it. */
export type SpeakerCandidate = SpeakerChoice['candidates'][number];

export interface ResolvedSpeaker {
  speaker: SpeakerRecord | null;
  choice: SpeakerChoice;
}

/** Previous speakers read back at most, to keep the cost per quote constant. */
const MAX_HISTORY_READ = 20;
/** Candidates kept for analyze(). */
const MAX_CANDIDATES_SHOWN = 5;
/** Lowest score a pronoun's best candidate needs. */
const MIN_ANTECEDENT_SCORE = 20;
/** A title held by several people names the one with this many times the mentions of each other ('the president' -> Obama). */
const DOMINANT_RATIO = 3;
const MIN_DOMINANT_MENTIONS = 5;
const GENERIC_PERSON_HEADS = new Set(['head', 'chief', 'leader', 'official', 'source', 'spokesman', 'spokeswoman', 'spokesperson']);
/** Agents that speak for the organisation named with them ('a spokesperson for X', 'officials at X'). */
const AGENT_HEADS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'official', 'officials', 'representative', 'representatives', 'source', 'sources', 'lawyer', 'lawyers', 'attorney', 'attorneys']);
const MALE_HONORIFICS = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince']);
const FEMALE_HONORIFICS = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady', 'queen', 'princess']);
const NO_CANDIDATES: SpeakerCandidate[] = [];

/** Who a document or an agent speaks for: an entity's mention, or a capitalised name (token range). */
type Owner = { mention: number } | { name: Range };

export class SpeakerResolver {
  private readonly history: Referent[] = [];
  /** Token -> index into doc.mentions, or -1. */
  private readonly mentionAt: Int32Array;
  private readonly cues: CompiledCues;
  private readonly firstNames: FirstNameGenders;
  /** Computed on first use (many articles need none of them): entity genders, description and owner links. */
  private gendersMemo: (Gender | null)[] | null = null;
  private linksMemo: Map<string, DescriptionLink[]> | null = null;
  private ownersMemo: Map<string, OwnerLink[]> | null = null;
  /** Token -> 1 when it is part of a date the dates stage found. */
  private readonly dateAt: Uint8Array;
  /** Token -> number of its outer sentence. */
  private readonly sentenceOf: Int32Array;
  /** Mention -> its role in its sentence, read once (pronoun-antecedent.ts). */
  private readonly mentionRoles: Uint8Array;

  /** Lower-case name or alias -> person or organisation entity. */
  private readonly entityByName = new Map<string, number>();
  /** Word of an organisation's name -> its entities ('ministry' -> Foreign Ministry). */
  private readonly organizationsByWord = new Map<string, number[]>();
  /** Word of a person's titles -> its entities ('mayor' -> Eldar Azizov). */
  private readonly peopleByTitleWord = new Map<string, number[]>();
  /** Token -> linked description (with an entity) that holds it. */
  private readonly descriptionAt = new Map<number, number>();
  /** Head noun of a description the article attached to a name -> those links. */
  private get linksByHead(): Map<string, DescriptionLink[]> {
    if (!this.linksMemo) {
      this.linksMemo = new Map();
      if (this.ctx.doc.entities.length > 0) {
        for (const link of findDescriptionLinks(this.ctx.doc, this.ctx.quoteAt)) {
          const list = this.linksMemo.get(link.head) ?? [];
          list.push(link);
          this.linksMemo.set(link.head, list);
        }
      }
    }
    return this.linksMemo;
  }

  /** Head noun of a document or result with a named owner ('report' in 'a GAO report') -> those links, in text order. */
  private get ownersByHead(): Map<string, OwnerLink[]> {
    if (!this.ownersMemo) {
      this.ownersMemo = new Map();
      for (const link of findOwnerLinks(this.ctx.doc, this.mentionAt, (word) => NON_AGENT_HEADS.has(word) || DOCUMENT_HEADS.has(word))) {
        const list = this.ownersMemo.get(link.head) ?? [];
        list.push(link);
        this.ownersMemo.set(link.head, list);
      }
    }
    return this.ownersMemo;
  }

  /** The gender of each entity (entity-gender.ts). */
  private get genders(): (Gender | null)[] {
    if (!this.gendersMemo) {
      const { doc } = this.ctx;
      const links: DescriptionLink[] = [];
      for (const list of this.linksByHead.values()) links.push(...list);
      this.gendersMemo = doc.entities.length > 0 ? entityGenders(doc, this.firstNames, this.ctx.quoteAt, links) : [];
    }
    return this.gendersMemo;
  }

  constructor(private readonly ctx: QuoteContext, firstNames: FirstNameGenders) {
    this.cues = ctx.cues;
    const { doc } = ctx;
    this.mentionAt = new Int32Array(doc.tokens.length).fill(-1);
    doc.mentions.forEach((mention, index) => {
      if (mention.type === 'place') return;
      for (let t = mention.tokenStart; t < mention.tokenEnd && t < this.mentionAt.length; t++) this.mentionAt[t] = index;
    });
    this.mentionRoles = new Uint8Array(doc.mentions.length);
    this.sentenceOf = new Int32Array(doc.tokens.length);
    for (let t = 0, n = -1; t < doc.tokens.length; t++) {
      if (ctx.sentenceStart[t] === t) n++;
      this.sentenceOf[t] = Math.max(n, 0);
    }
    this.dateAt = new Uint8Array(doc.tokens.length);
    for (const date of doc.dates) {
      for (let t = firstStartingAt(doc.tokens, date.start); t < doc.tokens.length && doc.tokens[t]!.start < date.end; t++) this.dateAt[t] = 1;
    }
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
      let t = firstStartingAt(doc.tokens, description.start);
      for (; t < doc.tokens.length && doc.tokens[t]!.end <= description.end; t++) this.descriptionAt.set(t, index);
    });
    this.firstNames = firstNames;
  }

  /** Resolves a speaker phrase, and remembers it as the latest speaker. */
  resolve(phrase: SpeakerPhrase): ResolvedSpeaker {
    const record = this.resolvePhrase(phrase);
    if (record.referent) this.history.push({ ...record.referent, token: record.referent.token >= 0 ? record.referent.token : phrase.head });
    return { speaker: record.speaker, choice: record.choice };
  }

  private resolvePhrase(found: SpeakerPhrase): { speaker: SpeakerRecord | null; referent: Referent | null; choice: SpeakerChoice } {
    const { tokens, doc, text } = this.ctx;
    // 'Following Monday's debate Politifact did …': a name after a fronted phrase with no comma is the speaker.
    let phrase = found;
    const opener = tokens[found.start]!;
    if (found.start < found.head && (opener.pos === 'ADP' || opener.pos === 'SCONJ' || opener.pos === 'VERB' || opener.pos === 'ADV') && tokens[found.head]!.pos === 'PROPN' &&
        /^\p{Lu}/u.test(tokens[found.head]!.text) && notASpeakerReason(tokens, found, () => false, true) === 'preposition') {
      phrase = { ...found, start: this.nameRun(found).start };
    }
    const headToken = tokens[phrase.head]!;
    const surface = (range: Range): Range & { text: string } => ({ start: range.start, end: range.end, text: text.slice(range.start, range.end) });
    const chosen = (rule: string, candidates: SpeakerCandidate[] = NO_CANDIDATES): SpeakerChoice => ({ rule, candidates });

    // A pronoun.
    const pronoun = this.cues.pronouns.get(headToken.text.toLowerCase());
    if (pronoun && phrase.end - phrase.start === 1 && headToken.pos === 'PRON') {
      const mention = surface(headToken);
      if (pronoun.number === 'first') return { speaker: { mention, entity: -1, name: mention.text }, referent: null, choice: chosen('pronoun-first-person') };
      const ranked = this.antecedentsOf(phrase.head, { gender: pronoun.gender, number: pronoun.number });
      const candidates = mapPacked(ranked.slice(0, MAX_CANDIDATES_SHOWN), (c) => ({ name: c.referent.name, entity: c.referent.entity, score: c.score, why: c.why }));
      const best = ranked[0];
      if (!best || best.score < MIN_ANTECEDENT_SCORE) return { speaker: { mention, entity: -1, name: mention.text }, referent: null, choice: chosen('pronoun-unresolved', candidates) };
      const antecedent = best.referent;
      return {
        speaker: { mention, entity: antecedent.entity, name: antecedent.name },
        referent: { ...antecedent, token: phrase.head, paragraph: headToken.paragraph },
        choice: chosen('pronoun-antecedent', candidates),
      };
    }

    // A named mention from the entity stages: the head's, or, when the head is a title
    // ("Nigerian Minister of Transportation Emeka Okonkwo"), the person the phrase ends with.
    let mentionIndex = this.mentionAt[phrase.head]!;
    if (mentionIndex < 0 && phrase.end - 1 > phrase.head) {
      const last = this.mentionAt[phrase.end - 1]!;
      if (last >= 0 && doc.mentions[last]!.type === 'person') mentionIndex = last;
    }
    // What cannot speak: a date, a time, a relative pronoun, a prepositional phrase, an abstract noun without its owner.
    const owner = mentionIndex < 0 ? this.ownerIn(phrase) : null;
    const reason = mentionIndex >= 0 ? null : notASpeakerReason(tokens, phrase, (t) => this.dateAt[t] === 1, owner !== null);
    if (reason) return { speaker: null, referent: null, choice: chosen(`not-a-speaker:${reason}`) };

    if (mentionIndex >= 0) {
      const m = doc.mentions[mentionIndex]!;
      const mention = surface(m);
      const entity = m.entity >= 0 ? doc.entities[m.entity] : undefined;
      const referent = this.referentOfEntity(m.entity, entity, m.type === 'person' ? 'person' : 'organization', m.text, phrase.head);
      return { speaker: { mention, entity: entity ? m.entity : -1, name: entity?.name ?? m.text }, referent, choice: chosen(entity ? 'named-entity' : 'named-mention') };
    }

    // A document or an agent of a named owner: the owner speaks.
    const mentionOfPhrase = surface({ start: tokens[this.phraseStart(phrase)]!.start, end: tokens[this.phraseEnd(phrase) - 1]!.end });
    if (owner && 'mention' in owner) {
      const m = doc.mentions[owner.mention]!;
      const entity = doc.entities[m.entity]!;
      const referent = this.referentOfEntity(m.entity, entity, entity.type === 'person' ? 'person' : 'organization', entity.name, phrase.head);
      return { speaker: { mention: mentionOfPhrase, entity: m.entity, name: entity.name }, referent, choice: chosen('owner-speaks') };
    }
    if (owner) {
      const name = text.slice(tokens[owner.name.start]!.start, tokens[owner.name.end - 1]!.end);
      const entityIndex = this.entityNamed(name);
      const entity = entityIndex >= 0 ? doc.entities[entityIndex] : undefined;
      const referent = this.referentOfEntity(entityIndex, entity, 'organization', name, phrase.head);
      return { speaker: { mention: mentionOfPhrase, entity: entityIndex, name: entity?.name ?? name }, referent, choice: chosen('owner-speaks') };
    }

    // A name the entity stages did not give (or did not run): the capitalised run around the head.
    if (this.namesSomeone(phrase)) {
      const run = this.nameRun(phrase);
      const mention = surface({ start: tokens[run.start]!.start, end: tokens[run.end - 1]!.end });
      const entityIndex = this.entityNamed(mention.text);
      const byLabel = entityIndex < 0 && run.end - run.start === 1 && /^\p{Lu}{2,}$/u.test(mention.text) ? this.personBySurname(mention.text) : -1;
      const found = entityIndex >= 0 ? entityIndex : byLabel;
      const entity = found >= 0 ? doc.entities[found] : undefined;
      const kind: ReferentKind = entity ? (entity.type === 'person' ? 'person' : 'organization') : this.kindOfName(run);
      const referent = this.referentOfEntity(found, entity, kind, mention.text, phrase.head);
      referent.gender ??= this.honorificGender(run.start);
      return { speaker: { mention, entity: found, name: entity?.name ?? mention.text }, referent, choice: chosen(entity ? 'name-of-entity' : 'capitalised-name') };
    }

    // A description.
    const mention = mentionOfPhrase;
    const head = headToken.text.toLowerCase();
    const linkedIndex = this.descriptionAt.get(phrase.head);
    const linked = linkedIndex === undefined ? undefined : doc.descriptions[linkedIndex];
    if (linked) {
      const entity = doc.entities[linked.entity]!;
      return { speaker: { mention, entity: linked.entity, name: entity.name }, referent: this.referentOfEntity(linked.entity, entity, entity.type === 'person' ? 'person' : 'organization', entity.name, phrase.head), choice: chosen('description-linked') };
    }
    const resolved = this.descriptionReferent(phrase, head, phrase.head);
    if (resolved) {
      return {
        speaker: { mention, entity: resolved.referent.entity, name: resolved.referent.name },
        referent: { ...resolved.referent, token: phrase.head, paragraph: headToken.paragraph },
        choice: chosen(resolved.rule),
      };
    }
    const plural = /s$/.test(head) && !this.cues.organizationHeads.has(head);
    const gender = genderOfNoun(head);
    const person = gender !== null || (!plural && this.cues.personHeads.has(head));
    const kind: ReferentKind = this.cues.organizationHeads.has(head) ? 'organization' : plural ? 'group' : person ? 'person' : 'unknown';
    return {
      speaker: { mention, entity: -1, name: mention.text },
      referent: { entity: -1, name: mention.text, kind, gender, token: phrase.head, paragraph: headToken.paragraph, titles: [] },
      choice: chosen('description-unresolved'),
    };
  }

  /**
   * The phrase's end without a parenthetical tail ('Chaffetz (R-Utah)' -> 'Chaffetz') or a
   * tail that holds a date ('federal prosecutors in April' -> 'federal prosecutors').
   */
  private phraseEnd(phrase: SpeakerPhrase): number {
    const { tokens } = this.ctx;
    let end = phrase.end;
    if (tokens[end - 1]!.text === ')') {
      while (end > phrase.head + 1 && tokens[end - 1]!.text !== '(') end--;
      end--;
    }
    for (let t = phrase.head + 1; t < end; t++) {
      if (tokens[t]!.pos !== 'ADP') continue;
      let dated = false;
      for (let k = t + 1; k < end && !dated; k++) dated = this.dateAt[k] === 1 && isDateOrTimeWord(tokens[k]!);
      if (dated) return Math.max(t, phrase.head + 1);
    }
    return Math.max(end, phrase.head + 1);
  }

  /** The phrase's start without a leading complementiser ('that investigators' -> 'investigators'). */
  private phraseStart(phrase: SpeakerPhrase): number {
    const { tokens } = this.ctx;
    return phrase.start < phrase.head && tokens[phrase.start]!.text.toLowerCase() === 'that' && /s$/i.test(tokens[phrase.head]!.text) ? phrase.start + 1 : phrase.start;
  }

  /**
   * The named owner a document or agent phrase speaks for: 'a spokesperson for the
   * ministry', 'officials at X', 'a statement from X', "the union's Friday release",
   * 'a GAO report', 'an analysis by Lily Batchelder', and 'the report' after 'a report
   * by PIRG'. An entity's mention, or a capitalised name no entity stage gave
   * ('a new Washington Post-ABC News national poll'); null when none.
   */
  private ownerIn(phrase: SpeakerPhrase): Owner | null {
    const { tokens, doc } = this.ctx;
    const head = tokens[phrase.head]!.text.toLowerCase();
    const document = NON_AGENT_HEADS.has(head) || DOCUMENT_HEADS.has(head);
    if (!document && !AGENT_HEADS.has(head)) return null;
    const fits = (m: number): boolean => {
      const mention = doc.mentions[m]!;
      // An agent speaks for an organisation only ('a spokesman for Clinton' is not Clinton).
      return mention.entity >= 0 && (document || mention.type === 'organization');
    };
    for (let t = phrase.start; t < phrase.end; t++) {
      const m = this.mentionAt[t]!;
      if (t !== phrase.head && m >= 0 && fits(m)) return { mention: m };
    }
    // Just after the phrase: 'an analysis by Lily Batchelder', 'officials at the ministry'.
    if (/^(by|from|of|at|for)$/i.test(tokens[phrase.end]?.text ?? '')) {
      for (let t = phrase.end + 1; t < tokens.length && t - phrase.end <= 6 && tokens[t]!.sentence === tokens[phrase.end]!.sentence; t++) {
        const m = this.mentionAt[t]!;
        if (m >= 0 && fits(m)) return { mention: m };
        if (tokens[t]!.pos === 'VERB' || tokens[t]!.text === ',') break;
      }
    }
    if (!document) return null;
    // 'a new Washington Post-ABC News national poll': capitalised words before the head name the owner.
    let runEnd = -1;
    let runStart = -1;
    for (let t = phrase.head - 1; t > phrase.start; t--) {
      const word = tokens[t]!;
      const capital = /^\p{Lu}/u.test(word.text) && word.kind === 'word' && !this.cues.titleWords.has(word.text.toLowerCase());
      if (capital || (runEnd >= 0 && (word.text === '-' || word.text === '&'))) {
        if (runEnd < 0) runEnd = t + 1;
        runStart = t;
      } else if (runEnd >= 0) break;
    }
    if (runStart >= 0 && /^\p{Lu}/u.test(tokens[runStart]!.text)) return { name: { start: runStart, end: runEnd } };
    // "the union's Friday release", "the company's statement": a described owner.
    for (let t = phrase.start; t + 1 < phrase.head; t++) {
      if (!/^['’]s?$/.test(tokens[t + 1]!.text)) continue;
      const word = tokens[t]!.text.toLowerCase();
      if (!this.cues.organizationHeads.has(word)) continue;
      const found = this.descriptionReferent({ start: phrase.start, end: t + 1, head: t }, word, t);
      if (found && found.referent.entity >= 0) {
        const mentions = doc.entities[found.referent.entity]!.mentions;
        if (mentions.length > 0) return { mention: mentions[0]! };
      }
    }
    // 'the report says' after 'a report by PIRG': the owner of the same noun named before (a determiner only).
    if (!/^(the|this|that)$/i.test(tokens[phrase.start]!.text)) return null;
    const links = this.ownersByHead.get(singular(head));
    if (!links) return null;
    let found: Owner | null = null;
    for (const link of links) {
      if (link.token >= phrase.start) break;
      if (tokens[phrase.head]!.paragraph - tokens[link.token]!.paragraph <= 6) found = { mention: link.mention };
    }
    return found;
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

  /** Entity -> the heads of the descriptions the article attached to it ('Tom Reyes, the company's lawyer' -> lawyer). */
  private headsMemo: Map<number, Set<string>> | null = null;

  /** Whether the article described an entity only by other heads than `head` ('the judge' is not 'Tom Reyes, the company's lawyer'). */
  private describedOtherwise(entity: number, head: string): boolean {
    if (entity < 0) return false;
    if (!this.headsMemo) {
      this.headsMemo = new Map();
      for (const list of this.linksByHead.values()) {
        for (const link of list) {
          const heads = this.headsMemo.get(link.entity) ?? new Set<string>();
          heads.add(link.head);
          this.headsMemo.set(link.entity, heads);
        }
      }
    }
    const heads = this.headsMemo.get(entity);
    return heads !== undefined && !heads.has(head) && ![...heads].some((h) => !this.cues.personHeads.has(h));
  }

  private referentOfEntity(index: number, entity: EntityRecord | undefined, kind: ReferentKind, name: string, token: number): Referent {
    return {
      entity: entity ? index : -1,
      name: entity?.name ?? name,
      kind: entity ? (entity.type === 'person' ? 'person' : 'organization') : kind,
      gender: entity ? (this.genders[index] ?? entity.gender ?? null) : null,
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

  private honorificGender(token: number): Gender | null {
    const before = this.ctx.tokens[token - 1]?.text.toLowerCase() ?? '';
    if (MALE_HONORIFICS.has(before)) return 'male';
    if (FEMALE_HONORIFICS.has(before)) return 'female';
    return null;
  }

  /** A transcript's label in capitals ('WALLACE'): the one person whose name ends with it, or -1. */
  private personBySurname(label: string): number {
    const lower = label.toLowerCase();
    let found = -1;
    for (let e = 0; e < this.ctx.doc.entities.length; e++) {
      const entity = this.ctx.doc.entities[e]!;
      if (entity.type !== 'person' || entity.name.toLowerCase().split(/\s+/).pop() !== lower) continue;
      if (found >= 0) return -1;
      found = e;
    }
    return found;
  }

  /** The person or organisation entity whose name or alias is exactly this text, or -1. */
  private entityNamed(name: string): number {
    return this.entityByName.get(name.toLowerCase()) ?? -1;
  }

  private antecedentsOf(pronounToken: number, want: { gender: Gender | null; number: string }): ReturnType<typeof rankAntecedents> {
    const number = want.number === 'organization' || want.number === 'plural' ? want.number : 'singular';
    const pronounWant = { gender: want.gender, number } as const;
    const { doc, tokens } = this.ctx;
    if (doc.entities.length > 0 || this.history.every((referent) => referent.entity < 0)) {
      return rankAntecedents({ doc, tokens, quoteAt: this.ctx.quoteAt, genders: this.genders, sentenceOf: this.sentenceOf, history: this.history, isTitleWord: (word) => this.cues.titleWords.has(word), roles: this.mentionRoles, describedSubjects: (t) => this.describedSubjects(t, pronounWant) }, pronounToken, pronounWant);
    }
    // No entity stage: the previous speakers, most recent first.
    const paragraph = tokens[pronounToken]!.paragraph;
    for (let h = this.history.length - 1; h >= 0 && this.history.length - h <= MAX_HISTORY_READ; h--) {
      const referent = this.history[h]!;
      if (paragraph - referent.paragraph > 3) break;
      if (referent.token < pronounToken && compatible(pronounWant, referent.kind, referent.gender)) return [{ referent, score: 100, why: 'previous speaker' }];
    }
    return [];
  }

  /**
   * Referents no entity names, as subjects of the pronoun's sentence (before it) and of
   * the two sentences before: plural ones for 'they' ('Democrats', 'Twenty-seven states',
   * 'McConnell aides'); for 'he' and 'she', a gendered description ('My mother') or one
   * the article ties to a person ('The president's Pacific roots' -> Barack Obama).
   */
  private describedSubjects(pronoun: number, want: { gender: Gender | null; number: string }): Referent[] {
    const { tokens, doc } = this.ctx;
    const found: Referent[] = [];
    let end = pronoun;
    for (let k = 0; k < 3 && end > 0; k++) {
      const start = this.ctx.sentenceStart[end - 1]!;
      const subject = sentenceSubjectBefore(this.ctx, end - 1);
      if (subject && subject.head < pronoun) {
        const head = tokens[subject.head]!;
        const lower = head.text.toLowerCase();
        const mention = this.mentionAt[subject.head]!;
        const named = mention >= 0 && doc.mentions[mention]!.entity >= 0;
        const name = this.ctx.text.slice(tokens[this.phraseStart(subject)]!.start, tokens[this.phraseEnd(subject) - 1]!.end);
        if (!named && want.number === 'plural') {
          if (/s$/i.test(head.text) && head.pos !== 'PRON' && !NON_AGENT_HEADS.has(lower) && (head.pos === 'NOUN' || head.pos === 'PROPN')) {
            found.push({ entity: -1, name, kind: 'group', gender: null, token: subject.head, paragraph: head.paragraph, titles: [] });
          }
        } else if (!named && want.number === 'organization' && head.pos === 'NOUN' && !/s$/i.test(head.text)) {
          // 'The ad then references …. It also mentions …': a thing can be 'it'.
          const kind: ReferentKind = this.cues.organizationHeads.has(lower) ? 'organization' : 'unknown';
          found.push({ entity: -1, name, kind, gender: null, token: subject.head, paragraph: head.paragraph, titles: [] });
        } else if (!named && want.number === 'singular' && head.pos === 'NOUN') {
          // "The president's Pacific roots came into play": the person a possessive description names.
          let described: { referent: Referent; rule: string } | null = null;
          for (let t = subject.start; t < subject.head && !described; t++) {
            const word = tokens[t]!.text.toLowerCase();
            if (/^['’]s$/.test(tokens[t + 1]?.text ?? '') && this.cues.personHeads.has(word)) described = this.descriptionReferent({ start: subject.start, end: t + 1, head: t }, word, t);
          }
          const gender = genderOfNoun(lower);
          described ??= this.descriptionReferent(subject, lower, subject.head);
          if (described && described.referent.entity >= 0 && described.rule !== 'description-previous-speaker') {
            found.push({ ...described.referent, token: subject.head, paragraph: head.paragraph });
          } else if (gender) {
            found.push({ entity: -1, name, kind: 'person', gender, token: subject.head, paragraph: head.paragraph, titles: [] });
          }
        }
      }
      end = start;
    }
    return found;
  }

  /**
   * Of several people who hold a title, the one the article is about: 'the president'
   * in a story with 49 mentions of Obama and 6 of Xi Jinping is Obama. -1 unless one
   * has at least DOMINANT_RATIO times the mentions of every other.
   */
  private dominant(people: readonly number[]): number {
    const { entities } = this.ctx.doc;
    let best = -1;
    let most = 0;
    let second = 0;
    for (const index of people) {
      const count = entities[index]!.mentions.length;
      if (count > most) {
        second = most;
        most = count;
        best = index;
      } else if (count > second) second = count;
    }
    return most >= MIN_DOMINANT_MENTIONS && most >= DOMINANT_RATIO * second ? best : -1;
  }

  private descriptionReferent(phrase: SpeakerPhrase, head: string, token: number): { referent: Referent; rule: string } | null {
    const { doc, tokens } = this.ctx;
    const paragraph = tokens[token]!.paragraph;
    // A description the article attached to a name: the one entity described with this head
    // (and these words before it, when the phrase has them).
    const links = this.linksByHead.get(singular(head));
    if (links) {
      const words = new Set<string>();
      for (let t = phrase.start; t < phrase.head; t++) words.add(tokens[t]!.text.toLowerCase());
      const fitting = links.filter((link) => link.token < token && link.modifiers.every((w) => words.has(w) || words.size <= 1));
      const entities = new Set(fitting.map((link) => link.entity));
      if (entities.size === 1) {
        const index = fitting[0]!.entity;
        const entity = doc.entities[index]!;
        return { referent: this.referentOfEntity(index, entity, entity.type === 'person' ? 'person' : 'organization', entity.name, token), rule: 'description-of-name' };
      }
    }
    if (this.cues.organizationHeads.has(head)) {
      const matches = this.organizationsByWord.get(head) ?? [];
      if (matches.length !== 1) return null;
      const entity = doc.entities[matches[0]!]!;
      return { referent: this.referentOfEntity(matches[0]!, entity, 'organization', entity.name, token), rule: 'description-organisation-name' };
    }
    if (!this.cues.personHeads.has(head)) return null;
    const titled = this.peopleByTitleWord.get(head) ?? [];
    const holder = titled.length === 1 ? titled[0]! : this.dominant(titled);
    if (holder >= 0) {
      const entity = doc.entities[holder]!;
      return { referent: this.referentOfEntity(holder, entity, 'person', entity.name, token), rule: titled.length === 1 ? 'description-title' : 'description-title-dominant' };
    }
    // The person who spoke just before, if nothing says otherwise.
    for (let h = this.history.length - 1; h >= 0 && this.history.length - h <= MAX_HISTORY_READ; h--) {
      const referent = this.history[h]!;
      if (paragraph - referent.paragraph > 1) break;
      if (referent.kind !== 'person') continue;
      const titlesAgree = GENERIC_PERSON_HEADS.has(head) || (referent.titles.length === 0 ? !this.describedOtherwise(referent.entity, singular(head)) : referent.titles.some((t) => t.toLowerCase().includes(head)));
      return titlesAgree && (referent.entity >= 0 || referent.name) ? { referent, rule: 'description-previous-speaker' } : null;
    }
    return null;
  }
}
