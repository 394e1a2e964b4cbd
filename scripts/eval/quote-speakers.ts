/**
 * Speaker accuracy for `npm run eval -- quotes` (DESIGN §5: the speaker is right when
 * it names the entity the gold Source refers to; a pronoun is right only when
 * resolved to that person's name). One matched pair (a predicted quote and a gold
 * relation with a Source) is judged by the first rule that applies:
 *
 *   - no speaker: wrong;
 *   - the gold Source is a personal pronoun (he, she, it, they, him, her, them):
 *     right only when the speaker's name names what the pronoun refers to, as the
 *     hand-checked table says (scripts/eval/data/polnear-<split>-pronoun-speakers.tsv,
 *     read in the article by hand). A pronoun Source the table does not cover (any
 *     split without a table) is scored as before, mention overlap or name, but only
 *     when lede resolved its speaker to a name (a bare 'he' is wrong), and the
 *     count of such pairs is printed;
 *   - the gold Source is a relative pronoun (who, which, that, whom): the annotators
 *     mark the pronoun, a reader names its antecedent, and so does lede ('Stevie
 *     Wonder, who joked …' → Stevie Wonder). The antecedent is the phrase before the
 *     pronoun, back to the clause's start (a comma, a quotation mark or a sentence
 *     end), with one appositive before it ('X, the secretary general, who'); the
 *     speaker is right when its mention overlaps that phrase or its name's last
 *     word is a word of it;
 *   - the gold Source is a reporting verb ('said': 5 relations in dev), an annotation
 *     slip for the name beside it: right when the speaker's mention lies within 60
 *     characters of it, in its paragraph and outside the content (counted apart);
 *   - otherwise: right when the speaker's mention overlaps the Source, or the
 *     speaker's name names the same entity (its last word is a word of the Source
 *     text, as 'Cummings' in 'Rep. Elijah Cummings of Maryland').
 *
 * Names match when, with 'the' and possessives dropped and case folded, every word of
 * lede's name is a word of the expected name and both end in the same word ('Clinton'
 * and 'Trump' match 'Hillary Clinton' and 'Donald J. Trump'; 'Bill Clinton' does not
 * match 'Hillary Clinton'), or every word of the expected name is one of lede's.
 *
 * Rows: all matched pairs with a gold Source; those whose Source is a personal
 * pronoun; those with no attribution in the quote's own sentence (no Source piece in
 * the sentence or sentences that hold the content: continued quotes, a speaker named
 * a sentence or a paragraph before).
 */

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quote } from '../../src/types.js';
import type { AttributionRelation, Piece } from '../lib/polnear.js';

const PERSONAL_PRONOUN = /^(he|she|it|they|him|her|them)$/i;
const RELATIVE_PRONOUN = /^(who|whom|which|that)$/i;
const CUE_WORD = /^(said|says|say|told|tells|added|adds|wrote|writes|asked|asks|explained|noted)$/i;
/** Words before a full stop that do not end a sentence ('Mr. Obama', 'Sen. Warren', 'U.S.'). */
const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|sgt|st|jr|sr|vs|no|inc|corp|co|ltd|[a-z])$/i;

export type SpeakerRow = 'all' | 'pronoun' | 'unattributed';

interface TableRow {
  names: string[];
}

export interface SpeakerVerdict {
  right: boolean;
  /** Which rule judged it: 'none', 'table', 'pronoun-unchecked', 'relative', 'source'. */
  rule: string;
  rows: SpeakerRow[];
  /** For a pronoun source in the hand-checked table: the names it accepts, for --errors. */
  expected?: string[];
}

function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}'’.-]+/u)
    .map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, '').replace(/['’]s$/i, '').toLowerCase())
    .filter((w) => w !== '' && w !== 'the');
}

/** Whether lede's name names what `expected` names (see the header). */
export function namesMatch(name: string, expected: string): boolean {
  const got = words(name);
  const want = words(expected);
  if (got.length === 0 || want.length === 0) return false;
  const wantSet = new Set(want);
  if (got.every((w) => wantSet.has(w)) && got[got.length - 1] === want[want.length - 1]) return true;
  const gotSet = new Set(got);
  return want.every((w) => gotSet.has(w));
}

function overlap(a: Piece, b: Piece): boolean {
  return Math.min(a.end, b.end) > Math.max(a.start, b.start);
}

/** The rule used before DESIGN's pronoun rule: mention overlap, or the name's last word in the Source. */
function mentionOrName(quote: Quote, source: Piece[], sourceText: string): boolean {
  const speaker = quote.speaker!;
  if (source.some((piece) => overlap(piece, speaker.mention))) return true;
  const last = speaker.name.split(/\s+/).pop()?.replace(/['’]s$/, '') ?? '';
  if (!/^\p{Lu}\p{L}/u.test(last)) return false;
  const sourceWords = new Set(sourceText.split(/[^\p{L}\p{N}'’-]+/u).map((w) => w.replace(/['’]s$/, '')));
  return sourceWords.has(last);
}

/** Where the sentence holding offset `at` starts (after a full stop, question or exclamation mark, or a line break). */
function sentenceStartBefore(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    const ch = text[i]!;
    if (ch === '\n') return i + 1;
    if (/\s/.test(ch) && /[.!?]["”’']*$/.test(text.slice(Math.max(0, i - 3), i)) && !ABBREVIATION.test(text.slice(Math.max(0, i - 6), i).replace(/[.!?]["”’']*$/, ''))) return i + 1;
  }
  return 0;
}

/** Where the sentence holding offset `at` ends. */
function sentenceEndAfter(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') return i;
    if (/[.!?]/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /["”’']/.test(text[j]!)) j++;
      if ((j >= text.length || /\s/.test(text[j]!)) && !ABBREVIATION.test(text.slice(Math.max(0, i - 5), i))) return j;
    }
  }
  return text.length;
}

/** Whether no Source piece lies in the sentences that hold the content. */
export function unattributedInSentence(text: string, relation: AttributionRelation): boolean {
  if (!relation.source) return true;
  const first = relation.content[0]!;
  const last = relation.content[relation.content.length - 1]!;
  const span = { start: sentenceStartBefore(text, first.start), end: sentenceEndAfter(text, last.end) };
  return !relation.source.some((piece) => overlap(piece, span));
}

/** The antecedent of a relative pronoun at `source`: the phrase before it (see the header). */
export function relativeAntecedent(text: string, source: Piece): Piece {
  let end = source.start;
  while (end > 0 && /[\s,]/.test(text[end - 1]!)) end--;
  const clauseStart = (from: number): number => {
    for (let i = from - 1; i >= 0 && from - i < 200; i--) {
      const ch = text[i]!;
      if (ch === ',' || ch === '\n' || ch === ';' || ch === ':' || /["“”«»—–(]/.test(ch)) return i + 1;
      if (/[.!?]/.test(ch) && /\s/.test(text[i + 1] ?? '') && !ABBREVIATION.test(text.slice(Math.max(0, i - 5), i))) return i + 1;
    }
    return Math.max(0, from - 200);
  };
  let start = clauseStart(end);
  // 'X, the secretary general of the United Nations, who': the name before an appositive.
  if (/^\s*(the|a|an)\s/i.test(text.slice(start, end)) && text[start - 1] === ',') start = clauseStart(start - 1);
  return { start, end };
}

function loadTable(path: string, ranges: Map<string, Piece>): Map<string, TableRow> {
  const table = new Map<string, TableRow>();
  if (!existsSync(path)) return table;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('file\t')) continue;
    const [file, contentStart, contentEnd, sourceStart, sourceEnd, names] = line.split('\t');
    if (!file || !names) continue;
    const key = `${file}:${contentStart}:${sourceStart}:${sourceEnd}`;
    table.set(key, { names: names.split('|') });
    ranges.set(key, { start: Number(contentStart), end: Number(contentEnd) });
  }
  return table;
}

export class SpeakerScorer {
  private readonly table: Map<string, TableRow>;
  /** Table key -> the row's content range. */
  private readonly rowRanges = new Map<string, Piece>();
  readonly tablePath: string;
  private readonly counts = new Map<SpeakerRow | 'direct' | 'before', [number, number]>();
  private uncheckedPronouns = 0;
  private tableUsed = 0;
  private relativeRight = 0;
  private cueSourceRight = 0;

  /** `splitDir`: the PolNeAR split folder; its hand-checked table, if any, is data/polnear-<split>-pronoun-speakers.tsv. */
  constructor(splitDir: string) {
    const here = dirname(fileURLToPath(import.meta.url));
    this.tablePath = join(here, 'data', `polnear-${basename(splitDir.replace(/\/+$/, ''))}-pronoun-speakers.tsv`);
    this.table = loadTable(this.tablePath, this.rowRanges);
  }

  get tableSize(): number {
    return this.table.size;
  }

  /** Table rows read (of this split's articles), and those whose quote lede found and named rightly. */
  private tableRows = [0, 0, 0];

  /**
   * Judges every hand-checked row of one article directly: the lede quote that overlaps
   * the row's content most, and whether its speaker names the row's name.
   */
  addArticleTable(file: string, quotes: readonly Quote[]): void {
    for (const [key, row] of this.table) {
      const [rowFile, contentStart, , ] = key.split(':');
      if (rowFile !== file) continue;
      const line = this.rowRanges.get(key);
      if (!line) continue;
      this.tableRows[0]!++;
      let best: Quote | null = null;
      let bestOverlap = 0;
      for (const quote of quotes) {
        const o = Math.min(quote.end, line.end) - Math.max(quote.start, line.start);
        if (o > bestOverlap) {
          best = quote;
          bestOverlap = o;
        }
      }
      void contentStart;
      if (!best) continue;
      this.tableRows[1]!++;
      if (best.speaker && row.names.some((name) => namesMatch(best!.speaker!.name, name))) this.tableRows[2]!++;
    }
  }

  judge(file: string, text: string, quote: Quote, relation: AttributionRelation, sourceText: string): SpeakerVerdict {
    const source = relation.source!;
    const rows: SpeakerRow[] = ['all'];
    const trimmedSource = sourceText.trim();
    const pronoun = PERSONAL_PRONOUN.test(trimmedSource);
    if (pronoun) rows.push('pronoun');
    if (unattributedInSentence(text, relation)) rows.push('unattributed');
    const speaker = quote.speaker;
    const key = `${file}:${relation.content[0]!.start}:${source[0]!.start}:${source[source.length - 1]!.end}`;
    const row = pronoun ? this.table.get(key) : undefined;
    if (!speaker) return { right: false, rule: 'none', rows, ...(row ? { expected: row.names } : {}) };
    if (pronoun) {
      if (row) return { right: row.names.some((name) => namesMatch(speaker.name, name)), rule: 'table', rows, expected: row.names };
      const resolved = !PERSONAL_PRONOUN.test(speaker.name.trim());
      return { right: resolved && mentionOrName(quote, source, sourceText), rule: 'pronoun-unchecked', rows };
    }
    if (RELATIVE_PRONOUN.test(trimmedSource) && source.length === 1) {
      const antecedent = relativeAntecedent(text, source[0]!);
      const right = mentionOrName(quote, [source[0]!, antecedent], text.slice(antecedent.start, antecedent.end));
      return { right, rule: 'relative', rows };
    }
    if (CUE_WORD.test(trimmedSource) && source.length === 1) {
      const piece = source[0]!;
      let start = Math.max(0, piece.start - 60);
      let end = Math.min(text.length, piece.end + 60);
      const before = text.lastIndexOf('\n', piece.start);
      const after = text.indexOf('\n', piece.end);
      if (before >= start) start = before + 1;
      if (after >= 0 && after < end) end = after;
      const mention = speaker.mention;
      const inContent = relation.content.some((c) => overlap(c, mention));
      return { right: !inContent && overlap({ start, end }, mention), rule: 'source-is-cue', rows };
    }
    return { right: mentionOrName(quote, source, sourceText), rule: 'source', rows };
  }

  /** Judges a matched pair and counts it; returns the verdict. */
  add(file: string, text: string, quote: Quote, relation: AttributionRelation, sourceText: string, goldKind: string): SpeakerVerdict {
    const verdict = this.judge(file, text, quote, relation, sourceText);
    const count = (row: SpeakerRow | 'direct' | 'before', right: boolean): void => {
      const c = this.counts.get(row) ?? [0, 0];
      c[1]++;
      if (right) c[0]++;
      this.counts.set(row, c);
    };
    for (const row of verdict.rows) count(row, verdict.right);
    if (goldKind === 'direct') count('direct', verdict.right);
    count('before', quote.speaker !== null && mentionOrName(quote, relation.source!, sourceText));
    if (verdict.rule === 'pronoun-unchecked') this.uncheckedPronouns++;
    if (verdict.rule === 'table') this.tableUsed++;
    if (verdict.rule === 'relative' && verdict.right) this.relativeRight++;
    if (verdict.rule === 'source-is-cue' && verdict.right) this.cueSourceRight++;
    return verdict;
  }

  lines(): string[] {
    const pct = (c: [number, number] | undefined): string => {
      const [right, total] = c ?? [0, 0];
      return `${(total ? (100 * right) / total : 0).toFixed(1).padStart(6)} (${right}/${total})`;
    };
    return [
      'speaker accuracy (DESIGN §5; rules in scripts/eval/quote-speakers.ts)',
      `  all matched quotes with a gold source:        ${pct(this.counts.get('all'))}`,
      `  gold source a personal pronoun:               ${pct(this.counts.get('pronoun'))}  (${this.tableUsed} judged by the hand-checked table of ${this.table.size} quotes, ${this.uncheckedPronouns} not in it)`,
      `  no attribution in the quote's own sentence:   ${pct(this.counts.get('unattributed'))}`,
      ...(this.table.size > 0
        ? [`  hand-checked pronoun table, every row:        ${pct([this.tableRows[2]!, this.tableRows[0]!])}  (lede found a quote for ${this.tableRows[1]} of the ${this.tableRows[0]} rows; a row without one counts as wrong)`]
        : []),
      `  matched direct quotes:                        ${pct(this.counts.get('direct'))}`,
      `  (the rule before: mention overlaps the source or the name's last word is in it, pronouns unchecked: ${pct(this.counts.get('before')).trim()}; relative-pronoun sources right by their antecedent: ${this.relativeRight}; sources that are a reporting verb, right by the name beside it: ${this.cueSourceRight})`,
    ];
  }
}
