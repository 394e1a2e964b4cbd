/**
 * The cue lexicon (data/lexicon/cues.json) compiled for lookup by token: each
 * inflected form points at the cues it can start, and a cue with a particle
 * ('pointed out', 'according to') matches only when its particle follows.
 */

import type { Token, TokenWords } from '../../core/document.js';
import { wordTableOf, type WordTable } from '../../core/word-table.js';

/**
 * 'speech' introduces a quote; 'belief' and 'intention' never do; 'characterization'
 * ('called the plan “a disgrace”') makes a quote only of words in quotation marks.
 */
export type CueType = 'speech' | 'belief' | 'intention' | 'characterization';

export interface CueExample {
  text: string;
  /** The quote span expected, or null when the sentence must yield no quote. */
  quote: string | null;
  speaker?: string;
  cue?: string;
  kind?: 'direct' | 'indirect' | 'mixed';
}

export interface CueEntry {
  id: string;
  type: CueType;
  /** Every inflection, lower case. */
  forms: string[];
  /** Words that must follow the form, in order ('out' in 'pointed out'). */
  particle?: string[];
  /** 'source-after': the speaker follows the cue ('according to X'). */
  role?: 'source-after';
  /** The cue may take a hearer before its content ('told reporters that …'). */
  object?: boolean;
  examples: CueExample[];
}

export interface PronounEntry {
  form: string;
  gender: 'male' | 'female' | null;
  /** 'organization': stands only for an organisation ('it'); 'first': the speaker's own voice (I, we). */
  number: 'singular' | 'plural' | 'organization' | 'first';
}

export interface CueData {
  cues: CueEntry[];
  pronouns: PronounEntry[];
  titleWords: string[];
  personHeads: string[];
  organizationHeads: string[];
}

export interface CompiledCue {
  id: string;
  type: CueType;
  particle: readonly string[];
  sourceAfter: boolean;
  takesObject: boolean;
}

export interface CompiledCues {
  /** Lower-case form -> cues it may start, those with particles first. */
  byForm: ReadonlyMap<string, readonly CompiledCue[]>;
  pronouns: ReadonlyMap<string, PronounEntry>;
  titleWords: ReadonlySet<string>;
  personHeads: ReadonlySet<string>;
  organizationHeads: ReadonlySet<string>;
}

/** A cue found in the tokens: [tokenStart, tokenEnd). */
export interface CueMatch {
  cue: CompiledCue;
  tokenStart: number;
  tokenEnd: number;
}

export function compileCues(data: CueData): CompiledCues {
  const byForm = new Map<string, CompiledCue[]>();
  for (const entry of data.cues) {
    const compiled: CompiledCue = {
      id: entry.id,
      type: entry.type,
      particle: (entry.particle ?? []).map((word) => word.toLowerCase()),
      sourceAfter: entry.role === 'source-after',
      takesObject: entry.object === true,
    };
    for (const form of entry.forms) {
      const key = form.toLowerCase();
      const list = byForm.get(key) ?? [];
      list.push(compiled);
      byForm.set(key, list);
    }
  }
  for (const list of byForm.values()) list.sort((a, b) => b.particle.length - a.particle.length);
  const lower = (words: string[]): Set<string> => new Set(words.map((word) => word.toLowerCase()));
  return {
    byForm,
    pronouns: new Map(data.pronouns.map((entry) => [entry.form.toLowerCase(), entry])),
    titleWords: lower(data.titleWords),
    personHeads: lower(data.personHeads),
    organizationHeads: lower(data.organizationHeads),
  };
}

/** Each list of byForm, numbered, for tables by word (CueForms). */
const formLists = new WeakMap<CompiledCues, { lists: (readonly CompiledCue[])[]; numbers: Map<readonly CompiledCue[], number> }>();

function formListsOf(cues: CompiledCues): { lists: (readonly CompiledCue[])[]; numbers: Map<readonly CompiledCue[], number> } {
  let found = formLists.get(cues);
  if (found === undefined) {
    const lists = [...cues.byForm.values()];
    formLists.set(cues, (found = { lists, numbers: new Map(lists.map((list, k) => [list, k])) }));
  }
  return found;
}

/**
 * The cues each word of a document may start (byForm of its lower case), read
 * through a table by word id kept across documents where the tokenizer numbered
 * the words: the stage asks of most tokens several times, and of the same words
 * in every article.
 */
export class CueForms {
  private readonly table: WordTable | null;
  private readonly lists: readonly (readonly CompiledCue[])[];
  private readonly numbers: ReadonlyMap<readonly CompiledCue[], number>;

  /** `words`: the tokens' word ids (tokenWordsOf), or null to look each word up by its text. */
  constructor(
    readonly cues: CompiledCues,
    readonly tokens: readonly Token[],
    private readonly words: TokenWords | null,
  ) {
    this.table = words === null ? null : wordTableOf(cues.byForm, words);
    ({ lists: this.lists, numbers: this.numbers } = formListsOf(cues));
  }

  /** The cues the word at token `index` may start, those with particles first; null for none (or a token not a word). */
  at(index: number): readonly CompiledCue[] | null {
    const token = this.tokens[index];
    if (!token || token.kind !== 'word') return null;
    const id = this.table === null ? -1 : this.words!.ids[index]!;
    let number: number;
    if (id >= 0 && this.table!.has(id)) number = this.table!.get(id);
    else {
      const list = this.cues.byForm.get(token.text.toLowerCase());
      number = list === undefined ? -1 : this.numbers.get(list)!;
      if (id >= 0) this.table!.set(id, number);
    }
    return number < 0 ? null : this.lists[number]!;
  }
}

/** The cue that starts at token `index` of `forms.tokens`, if any (particle cues win over bare ones). */
export function matchCueAt(forms: CueForms, index: number, limit: number): CueMatch | null {
  const { tokens } = forms;
  const candidates = forms.at(index);
  if (!candidates) return null;
  const token = tokens[index]!;
  for (const cue of candidates) {
    let end = index + 1;
    let ok = true;
    for (const word of cue.particle) {
      const next = tokens[end];
      if (end >= limit || !next || next.text.toLowerCase() !== word) {
        ok = false;
        break;
      }
      end++;
    }
    if (!ok) continue;
    // A bare form used as a noun or adjective ('a note', 'the report', 'a post') is not a cue,
    // nor is a capitalised word inside a name ('the United States Conference').
    if (cue.particle.length === 0 && token.pos === 'PROPN' && index > 0 && tokens[index - 1]!.sentence === token.sentence && /^\p{Lu}/u.test(token.text) && !opensReport(tokens[end])) continue;
    if (cue.particle.length === 0 && token.pos !== 'VERB' && token.pos !== 'AUX' && !(VERB_FORMS_MISTAGGED.has(token.text.toLowerCase()) && readsAsVerb(tokens[end])) && !opensReport(tokens[end]) && !promisesTo(token, tokens[end], tokens[end + 1]) && !isProgressive(tokens, index)) continue;
    return { cue, tokenStart: index, tokenEnd: end };
  }
  return null;
}

/** Forms the tagger sometimes calls nouns or adjectives where news uses them as verbs. */
const VERB_FORMS_MISTAGGED = new Set([
  'say', 'said', 'says', 'tell', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'wrote', 'writes', 'tweeted', 'tweets', 'stressed',
  'warned', 'warns', 'asked', 'asks', 'argued', 'argues', 'claimed', 'claims', 'reported', 'reports', 'stated', 'states', 'explains',
]);

/** What follows a reporting verb the tagger called a noun: 'reports:', 'says that', 'said "…', 'told him'. */
function readsAsVerb(next: Token | undefined): boolean {
  if (!next) return true;
  if (/^(that|:|,|\.|"|“|”|„|«)$/i.test(next.text)) return true;
  return next.pos === 'PRON' || next.pos === 'DET' || next.pos === 'PROPN';
}

/** 'is promising lower taxes': an -ing form after a form of 'be' is a verb, whatever the tagger said. */
function isProgressive(tokens: readonly Token[], index: number): boolean {
  return /ing$/i.test(tokens[index]!.text) && /^(is|are|was|were|been|be|'s|’s|'re|’re)$/i.test(tokens[index - 1]?.text ?? '');
}

/** 'promising to lift', 'pledged to close': an inflected form before 'to' and a verb is a verb, whatever the tagger said. */
function promisesTo(token: Token, next: Token | undefined, after: Token | undefined): boolean {
  return /(ing|ed|es)$/i.test(token.text) && next?.text.toLowerCase() === 'to' && after?.pos === 'VERB';
}

/** 'that' or a colon after any cue form makes it a verb, whatever the tagger said ('alleged that'). */
function opensReport(next: Token | undefined): boolean {
  return next !== undefined && (next.text.toLowerCase() === 'that' || next.text === ':');
}
