/**
 * The gender of each person entity, for the pronouns that speak ('she said'): what
 * the entity stages found (an honorific, 'Mr.', 'Mrs.', 'Ms.', or a gendered title),
 * else how the article itself refers to the person ('Lynch … her department'), else
 * the first name (data/gazetteer/first-name-gender.tsv). A one-word name ('Melanie')
 * is read as a first name only when no pronoun says otherwise.
 */

import type { LedeDocument } from '../../core/document.js';
import { mapPacked } from '../../core/packed.js';
import type { FirstNameGenders, Gender } from './first-name-gender.js';

const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
/** Pronouns read after a person's mention, in the same sentence, when no other person is named there. */
const MAX_TOKENS_AFTER_MENTION = 40;
/** Words that open a name but are no first name. */
const NOT_FIRST_NAMES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'rev', 'gen', 'sen', 'rep', 'gov', 'president', 'king', 'queen']);
/** Nouns that say a person's gender when they stand right before the name or in its appositive ('9/11 widow Terry Strada'). */
export const FEMALE_NOUNS = new Set([
  'widow', 'wife', 'mother', 'mom', 'daughter', 'sister', 'grandmother', 'granddaughter', 'woman', 'girl', 'lady', 'actress', 'niece', 'aunt',
  'bride', 'girlfriend', 'congresswoman', 'businesswoman', 'spokeswoman', 'chairwoman', 'councilwoman', 'sportswoman', 'policewoman',
  'queen', 'princess', 'duchess', 'empress', 'nun', 'waitress', 'heiress', 'mother-in-law', 'stepmother', 'grandma',
]);
export const MALE_NOUNS = new Set([
  'widower', 'husband', 'father', 'dad', 'son', 'brother', 'grandfather', 'grandson', 'man', 'boy', 'nephew', 'uncle', 'groom', 'boyfriend',
  'congressman', 'businessman', 'spokesman', 'councilman', 'sportsman', 'policeman', 'king', 'prince', 'duke', 'emperor', 'monk',
  'father-in-law', 'stepfather', 'grandpa',
]);

/** The gender a noun gives ('widow' -> female), or null. */
export function genderOfNoun(word: string): Gender | null {
  const lower = word.toLowerCase();
  return FEMALE_NOUNS.has(lower) ? 'female' : MALE_NOUNS.has(lower) ? 'male' : null;
}

export function entityGenders(doc: LedeDocument, firstNames: FirstNameGenders, quoteAt: Int32Array, appositiveHeads: readonly { entity: number; head: string }[] = []): (Gender | null)[] {
  const { tokens } = doc;
  const votes = mapPacked(doc.entities, () => ({ male: 0, female: 0 }));
  // Gendered nouns next to a name: before it, or heading its appositive.
  const nouns: (Gender | null)[] = mapPacked(doc.entities, () => null);
  for (const mention of doc.mentions) {
    if (mention.type !== 'person' || mention.entity < 0 || nouns[mention.entity]) continue;
    // Right before the name, or before a comma before it ('his wife, Heidi').
    let t = mention.tokenStart - 1;
    if (tokens[t]?.text === ',') t--;
    const word = tokens[t];
    if (word && word.kind === 'word' && word.sentence === tokens[mention.tokenStart]!.sentence && /^\p{Ll}/u.test(word.text)) nouns[mention.entity] = genderOfNoun(word.text);
  }
  for (const { entity, head } of appositiveHeads) if (entity >= 0 && doc.entities[entity]?.type === 'person') nouns[entity] ??= genderOfNoun(head);
  // Pronoun votes: a sentence that names one person (outside quotes) and refers back with pronouns of one gender.
  let m = 0;
  while (m < doc.mentions.length) {
    const sentence = tokens[doc.mentions[m]!.tokenStart]?.sentence ?? -1;
    let person = -1;
    let several = false;
    let first = m;
    for (; m < doc.mentions.length && tokens[doc.mentions[m]!.tokenStart]?.sentence === sentence; m++) {
      const mention = doc.mentions[m]!;
      if (mention.type !== 'person' || mention.entity < 0 || quoteAt[mention.tokenStart]! >= 0) continue;
      if (person >= 0 && person !== mention.entity) several = true;
      if (person < 0) {
        person = mention.entity;
        first = m;
      }
    }
    if (person < 0 || several || sentence < 0) continue;
    const from = doc.mentions[first]!.tokenEnd;
    let male = 0;
    let female = 0;
    for (let t = from; t < tokens.length && t - from < MAX_TOKENS_AFTER_MENTION && tokens[t]!.sentence === sentence; t++) {
      if (tokens[t]!.pos !== 'PRON' || quoteAt[t]! >= 0) continue;
      const lower = tokens[t]!.text.toLowerCase();
      if (MALE_PRONOUNS.has(lower)) male++;
      else if (FEMALE_PRONOUNS.has(lower)) female++;
    }
    if (male > 0 && female === 0) votes[person]!.male++;
    else if (female > 0 && male === 0) votes[person]!.female++;
  }
  return mapPacked(doc.entities, (entity, index) => {
    if (entity.type !== 'person') return null;
    if (entity.gender) return entity.gender;
    if (nouns[index]) return nouns[index];
    const { male, female } = votes[index]!;
    const words = entity.name.split(/\s+/);
    const firstWord = words[0]?.replace(/\.$/, '') ?? '';
    const named = !NOT_FIRST_NAMES.has(firstWord.toLowerCase()) && /^\p{Lu}\p{Ll}/u.test(firstWord);
    // A first name before a surname is the surest clue ('Ivanka Trump', whose surname others share).
    const byFirstName = named ? firstNames.genderOf(firstWord) : null;
    if (byFirstName && words.length >= 2) return byFirstName;
    if (male >= 1 && female === 0) return 'male';
    if (female >= 1 && male === 0) return 'female';
    // Two-sided votes: the majority, when clear.
    if (male >= 2 * female + 2) return 'male';
    if (female >= 2 * male + 2) return 'female';
    return byFirstName;
  });
}
