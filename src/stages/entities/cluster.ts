/**
 * Entities, not strings: groups the naming mentions of one article into one
 * entity per real-world person, organisation and place.
 *
 * 1. Mentions with the same name key ("Lavrov's", "LAVROV", "Lavrov") form a group;
 *    a gazetteer form joins the group of its entry ("U.S." and "United States").
 * 2. Groups merge on spelling variants (Mamedyarov / Mammadyarov), acronyms and
 *    their expansions (OSCE / Organization for Security and Co-operation in Europe),
 *    and full names with middle initials (George W. Bush / George Bush).
 * 3. A bare surname or first name joins the one full name it fits; when several
 *    people share it (Joe and Hunter Biden), each mention goes to the one named
 *    most recently before it (or first after it). Different full names never merge.
 * 4. One type per entity: the mentions' types vote (the caller's gazetteer decides).
 */

import type { EntityRecord, LedeDocument, Mention } from '../../core/document.js';
import type { Stage } from '../../core/stage.js';
import type { EntityType } from '../../types.js';
import type { EntityLexicon, GazetteerRecord } from './lexicon.js';
import { assignTitles } from './titles.js';
import { acronymOf, isAllCaps, isSpellingVariant, looksLikeAcronym, nameKey, spellingSkeleton } from './names.js';

/** A second type holding more than this share of the leading type's votes makes a second entity. */
const CONTESTED_SHARE = 0.5;

/** Comparisons within one spelling bucket are capped (adversarial input). */
const MAX_BUCKET = 50;

interface Group {
  key: string;
  words: string[];
  mentions: number[];
  votes: Record<EntityType, number>;
  gazetteer: GazetteerRecord | null;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function mentionWeight(mention: Mention): number {
  let weight = 0;
  for (const p of mention.provenance) weight = Math.max(weight, p.score);
  return weight > 0 ? weight : 0.5;
}

function pushTo(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function votedType(votes: Record<EntityType, number>): EntityType {
  let best: EntityType = 'person';
  for (const type of ['organization', 'place'] as const) if (votes[type] > votes[best]) best = type;
  return best;
}

function buildGroups(mentions: readonly Mention[], lexicon: EntityLexicon): Group[] {
  const byKey = new Map<string, Group>();
  mentions.forEach((mention, index) => {
    const key = nameKey(mention.text);
    const gazetteer = lexicon.gazetteerKeys.get(key) ?? null;
    const groupKey = gazetteer ? `gazetteer:${nameKey(gazetteer.name)}` : key;
    let group = byKey.get(groupKey);
    if (!group) {
      const words = (gazetteer ? nameKey(gazetteer.name) : key).split(' ');
      group = { key: groupKey, words, mentions: [], votes: { person: 0, organization: 0, place: 0 }, gazetteer };
      byKey.set(groupKey, group);
    }
    group.mentions.push(index);
    group.votes[mention.type] += mentionWeight(mention);
  });
  const groups: Group[] = [];
  for (const group of byKey.values()) {
    if (group.gazetteer?.source === 'custom') group.votes[group.gazetteer.type] += 1000;
    groups.push(...splitContestedTypes(group, mentions));
  }
  return groups;
}

/**
 * One string, two things: when the mentions of one name are confidently of two
 * types ("Chicago" the city and "Chicago" the team in a sports table), they are
 * two entities. A weaker minority type is outvoted instead (one type per entity).
 */
function splitContestedTypes(group: Group, mentions: readonly Mention[]): Group[] {
  // The two largest votes (of three), without sorting: this runs for every name.
  const { person, organization, place } = group.votes;
  const best = Math.max(person, organization, place);
  const second = person >= organization ? Math.max(organization, Math.min(person, place)) : Math.max(person, Math.min(organization, place));
  if (second <= CONTESTED_SHARE * best) return [group];
  const byType = new Map<EntityType, Group>();
  for (const m of group.mentions) {
    const type = mentions[m]!.type;
    let part = byType.get(type);
    if (!part) {
      part = { key: `${group.key}|${type}`, words: group.words, mentions: [], votes: { person: 0, organization: 0, place: 0 }, gazetteer: group.gazetteer };
      byType.set(type, part);
    }
    part.mentions.push(m);
    part.votes[type] += mentionWeight(mentions[m]!);
  }
  return [...byType.values()];
}

function mergeVariantsAndAcronyms(doc: LedeDocument, groups: Group[], sets: UnionFind): void {
  const types = groups.map((g) => votedType(g.votes));
  // Spelling variants share a skeleton per word: compare only within a skeleton bucket.
  const buckets = new Map<string, number[]>();
  groups.forEach((group, g) => {
    if (!group.words.some((w) => w.length >= 5)) return;
    const bucket = `${types[g]}|${group.words.map(spellingSkeleton).join(' ')}`;
    const list = buckets.get(bucket);
    if (list) list.push(g);
    else buckets.set(bucket, [g]);
  });
  for (const list of buckets.values()) {
    for (let i = 0; i < list.length && i < MAX_BUCKET; i++) {
      for (let j = i + 1; j < list.length && j < MAX_BUCKET; j++) {
        const ga = groups[list[i]!]!;
        const gb = groups[list[j]!]!;
        if (ga.gazetteer && gb.gazetteer) continue; // distinct gazetteer entries stay distinct
        if (ga.words.every((w, k) => isSpellingVariant(w, gb.words[k]!))) sets.union(list[i]!, list[j]!);
      }
    }
  }
  // Acronyms: "OSCE" with the one expansion whose initials it is.
  const expansionsByAcronym = new Map<string, Set<number>>();
  groups.forEach((group, g) => {
    if (group.words.length < 2 || types[g] === 'person') return;
    for (const m of group.mentions) {
      const acronym = acronymOf(doc.mentions[m]!.text.replace(/['’]s$/, ''));
      if (acronym.length < 2) continue;
      const set = expansionsByAcronym.get(acronym) ?? new Set<number>();
      set.add(g);
      expansionsByAcronym.set(acronym, set);
    }
  });
  groups.forEach((group, g) => {
    const surface = doc.mentions[group.mentions[0]!]!.text;
    if (group.words.length !== 1 || !looksLikeAcronym(surface)) return;
    const expansions = expansionsByAcronym.get(surface.replace(/\./g, '').toUpperCase());
    if (expansions?.size === 1) sets.union(g, [...expansions][0]!);
  });
  // "Expansion (ACRONYM)" written out in the text, when the acronym's letters are the
  // expansion's initials in order ("Shanghai Cooperation Organisation (SCO)"; not "Pete Sampras (U.S.)").
  const mentions = doc.mentions;
  const groupOf = new Int32Array(mentions.length);
  groups.forEach((group, g) => group.mentions.forEach((m) => (groupOf[m] = g)));
  for (let m = 0; m + 1 < mentions.length; m++) {
    const expansion = mentions[m]!;
    const acronym = mentions[m + 1]!;
    if (acronym.start - expansion.end > 3 || !/^\s*\(\s*$/.test(doc.text.slice(expansion.end, acronym.start))) continue;
    if (doc.text.slice(acronym.end, acronym.end + 1) !== ')' || !looksLikeAcronym(acronym.text) || !/\s/.test(expansion.text)) continue;
    if (types[groupOf[m]!] === 'person' || !initialsSpell(expansion.text, acronym.text)) continue;
    sets.union(groupOf[m]!, groupOf[m + 1]!);
  }
}

/** Whether the acronym's letters are initials of the expansion's words, in order, starting with the first. */
function initialsSpell(expansion: string, acronym: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
  const initials = expansion.split(/[\s-]+/).map((word) => (word.replace(/^[^\p{L}]+/u, '')[0] ?? '').toUpperCase());
  if (initials[0] !== letters[0]) return false;
  let i = 0;
  for (const initial of initials) if (i < letters.length && initial === letters[i]) i++;
  return i === letters.length;
}

/** Clusters the document's mentions into entity records (without titles and salience). */
export function clusterMentions(doc: LedeDocument, lexicon: EntityLexicon): EntityRecord[] {
  const mentions = doc.mentions;
  if (mentions.length === 0) return [];
  const groups = buildGroups(mentions, lexicon);
  const sets = new UnionFind(groups.length);
  mergeVariantsAndAcronyms(doc, groups, sets);

  // Merged group types.
  const rootVotes = new Map<number, Record<EntityType, number>>();
  groups.forEach((group, g) => {
    const root = sets.find(g);
    const votes = rootVotes.get(root) ?? { person: 0, organization: 0, place: 0 };
    for (const type of ['person', 'organization', 'place'] as const) votes[type] += group.votes[type];
    rootVotes.set(root, votes);
  });
  const typeOf = (g: number): EntityType => votedType(rootVotes.get(sets.find(g))!);

  // Full names of people (two words or more), indexed by the skeletons of their first and last words.
  const fullNames: number[] = [];
  const bySurname = new Map<string, number[]>();
  const byFirstName = new Map<string, number[]>();
  const byFirstAndLast = new Map<string, number[]>();
  groups.forEach((group, g) => {
    if (typeOf(g) !== 'person' || group.words.length < 2 || group.gazetteer) return;
    const first = spellingSkeleton(group.words[0]!);
    const last = spellingSkeleton(group.words[group.words.length - 1]!);
    fullNames.push(g);
    pushTo(bySurname, last, g);
    pushTo(byFirstName, first, g);
    pushTo(byFirstAndLast, `${first}|${last}`, g);
  });

  // Middle names and initials: "George W. Bush" and "George Bush".
  for (const list of byFirstAndLast.values()) {
    for (let i = 0; i < list.length && i < MAX_BUCKET; i++) {
      for (let j = i + 1; j < list.length && j < MAX_BUCKET; j++) {
        const wa = groups[list[i]!]!.words;
        const wb = groups[list[j]!]!.words;
        if (wa.length !== wb.length && isSpellingVariant(wa[0]!, wb[0]!) && isSpellingVariant(wa[wa.length - 1]!, wb[wb.length - 1]!)) {
          sets.union(list[i]!, list[j]!);
        }
      }
    }
  }

  const owner = new Int32Array(mentions.length);
  groups.forEach((group, g) => group.mentions.forEach((m) => (owner[m] = sets.find(g))));
  /** Root -> its full-name mentions. */
  const fullNameMentions = new Map<number, number[]>();
  for (const g of fullNames) {
    const list = fullNameMentions.get(sets.find(g)) ?? [];
    list.push(...groups[g]!.mentions);
    fullNameMentions.set(sets.find(g), list);
  }
  const paragraphOf = (m: number): number => doc.tokens[mentions[m]!.tokenStart]?.paragraph ?? -1;

  // A bare surname (or, failing that, first name) joins the full name it fits, unless
  // none of its mentions was read as a person ("Athens" throughout a guide to the city
  // stays a place though a heading "Old Athens" was read as a person's name).
  groups.forEach((group, g) => {
    if (group.words.length !== 1 || group.gazetteer || group.votes.person === 0) return;
    const word = group.words[0]!;
    const fitting = (index: Map<string, number[]>, position: 'first' | 'last'): number[] =>
      (index.get(spellingSkeleton(word)) ?? []).filter((f) => {
        const words = groups[f]!.words;
        return isSpellingVariant(position === 'first' ? words[0]! : words[words.length - 1]!, word);
      });
    const surnameOf = fitting(bySurname, 'last');
    const fits = [...new Set((surnameOf.length > 0 ? surnameOf : fitting(byFirstName, 'first')).map((f) => sets.find(f)))];
    if (fits.length === 0) return;
    if (fits.length === 1) {
      for (const m of group.mentions) owner[m] = fits[0]!;
      return;
    }
    // Several people share the name: the one named in full most recently before each mention
    // in its paragraph ('Hunter Biden listened. Biden nodded.'); past the paragraph, the one
    // the article has named most often so far, its principal ('Ted Cruz', named nine times,
    // over 'Heidi Cruz', whose photo a paragraph mentioned); on a tie, the most recent; when
    // none is named before it, the first after it.
    const assigned = new Map<number, number>();
    for (const m of group.mentions) {
      const start = mentions[m]!.start;
      let best = -1;
      let bestDistance = Infinity;
      let bestFullMention = -1;
      let principal = -1;
      let principalCount = 0;
      let tied = false;
      for (const root of fits) {
        let count = assigned.get(root) ?? 0;
        for (const full of fullNameMentions.get(root) ?? []) {
          const fullStart = mentions[full]!.start;
          if (fullStart <= start) count++;
          const distance = fullStart <= start ? start - fullStart : 1e12 + fullStart - start;
          if (distance < bestDistance) {
            bestDistance = distance;
            best = root;
            bestFullMention = full;
          }
        }
        if (count > principalCount) {
          principalCount = count;
          principal = root;
          tied = false;
        } else if (count === principalCount && count > 0) tied = true;
      }
      if (best >= 0 && principal >= 0 && !tied && best !== principal && bestDistance < 1e12 && paragraphOf(bestFullMention) !== paragraphOf(m)) best = principal;
      if (best >= 0) {
        owner[m] = best;
        assigned.set(best, (assigned.get(best) ?? 0) + 1);
      }
    }
  });

  // Build records in order of first mention.
  const recordOf = new Map<number, number>();
  const records: EntityRecord[] = [];
  for (let m = 0; m < mentions.length; m++) {
    const root = owner[m]!;
    let index = recordOf.get(root);
    if (index === undefined) {
      index = records.length;
      recordOf.set(root, index);
      records.push({ type: typeOf(root), name: '', aliases: [], mentions: [], titles: [], salience: 0, confidence: 0, gender: null });
    }
    records[index]!.mentions.push(m);
    mentions[m]!.entity = index;
  }
  for (const record of records) {
    for (const m of record.mentions) mentions[m]!.type = record.type;
    nameRecord(record, mentions, lexicon);
  }
  return records;
}

/** Canonical name = the fullest form the article uses; aliases = the other distinct forms. */
function nameRecord(record: EntityRecord, mentions: readonly Mention[], lexicon: EntityLexicon): void {
  const forms = new Map<string, number>();
  for (const m of record.mentions) {
    const text = mentions[m]!.text.replace(/\s+/g, ' ');
    forms.set(text, (forms.get(text) ?? 0) + 1);
  }
  const rank = (form: string): number[] => {
    const gazetteer = lexicon.gazetteerKeys.get(nameKey(form));
    return [
      gazetteer?.source === 'custom' && nameKey(gazetteer.name) === nameKey(form) ? 1 : 0,
      isAllCaps(form) && form.replace(/[^\p{L}]/gu, '').length > 4 ? 0 : 1,
      form.split(' ').length,
      form.length,
      forms.get(form)!,
    ];
  };
  let best = '';
  let bestRank: number[] = [];
  for (const form of forms.keys()) {
    const r = rank(form);
    if (best === '' || compareRanks(r, bestRank) > 0) {
      best = form;
      bestRank = r;
    }
  }
  record.name = best;
  record.aliases = [...forms.keys()].filter((form) => form !== best);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export const entitiesStage: Stage = {
  name: 'entities',
  run(doc, resources) {
    doc.entities = clusterMentions(doc, resources.entities);
    assignTitles(doc, resources.entities);
  },
};
