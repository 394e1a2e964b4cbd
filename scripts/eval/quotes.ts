/**
 * npm run eval -- quotes ../shared/data/polnear/dev [--verbose] [--errors FILE]
 *
 * Scores lede's quotes against PolNeAR (DESIGN §5). Every article goes through the
 * public extract() with publishedAt from metadata.tsv; where an article has several
 * annotators' files, the lowest annotator code is used.
 *
 * Gold side, per attribution relation (content pieces trimmed of white space and
 * punctuation, quotation marks excepted; two apostrophes '' count as a double mark, as
 * some wire copy writes them):
 *   - left out: the cue is a belief or intention cue of data/lexicon/cues.json
 *     ('thinks', 'wants', 'also views'): the first word of the cue that is a form of a
 *     lexicon cue decides the cue's type;
 *   - direct: every content piece is wholly inside quotation marks: it starts at (or
 *     just after) an opening mark and ends at (or just before) a closing mark, or at
 *     the end of its paragraph for the multi-paragraph convention;
 *   - mixed: a quotation mark lies inside or at the edge of the content, but the
 *     content is not wholly quoted;
 *   - indirect: no quotation mark, and a speech cue (a 'speech' entry of cues.json);
 *   - left out as well: no quotation mark and a cue that is neither (punctuation such
 *     as ':' in headlines, 'shows', 'found', 'called', nouns), since an indirect quote is
 *     reported speech.
 *
 * Matching: a predicted quote and a gold content match when their trimmed character
 * ranges overlap (quotation marks, punctuation and white space trimmed from both
 * ends); a quote's ranges are its parts, so the attribution that interrupts a quote
 * ('"A," he said, "B."', 'A, he said, B') is no part of it, and its overlap with a gold
 * content is the sum over its parts and the content's pieces. Pairs are made one to
 * one, largest overlap first. A further prediction that
 * overlaps another, still uncovered piece of a matched discontinuous content
 * ('"A," he said, "B."' as one gold relation) is correct without adding recall; a
 * prediction that overlaps only left-out relations is ignored; any other is a false
 * positive. Recall per kind counts gold contents of that kind; precision per kind
 * counts predictions of that kind (a predicted direct quote matching a gold mixed
 * content is correct: the confusion table shows the kinds).
 *
 * Speaker accuracy, on matched pairs whose gold relation has a Source: see
 * scripts/eval/quote-speakers.ts (a pronoun is right only when resolved to the name a
 * hand-checked table gives; a relative pronoun by its antecedent). A null speaker is wrong.
 *
 * Last, the quotes stage's own cost is timed over the same texts (the stages before it
 * run untimed) and printed in µs per token.
 */

import { readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createExtractor } from '../../src/index.js';
import { buildExtraction } from '../../src/core/output.js';
import { compileResources } from '../../src/core/resources.js';
import { runPipeline } from '../../src/core/extractor.js';
import { PIPELINE } from '../../src/core/pipeline.js';
import { loadResourceData } from '../../src/node/load-data.js';
import { dataPath } from '../../src/node/data-dir.js';
import type { CueData } from '../../src/stages/quotes/cue-lexicon.js';
import type { Quote, QuoteKind } from '../../src/types.js';
import { loadPolnearSplit, type AttributionRelation, type Piece, type PolnearArticle } from '../lib/polnear.js';
import { SpeakerScorer } from './quote-speakers.js';

type GoldKind = QuoteKind | 'left-out-belief' | 'left-out-other';

interface GoldQuote {
  relation: AttributionRelation;
  kind: GoldKind;
  pieces: Piece[];
  sourceText: string;
}

const MARKS = new Set(['"', '“', '”', '„', '«', '»', '‟']);
const TRIM = /[\s\p{P}\p{S}]/u;

function isMark(ch: string | undefined): boolean {
  return ch !== undefined && MARKS.has(ch);
}

/** A quotation mark ends just before offset i: one of MARKS, or two apostrophes (''). */
function markEndsAt(text: string, i: number): boolean {
  return isMark(text[i - 1]) || (text[i - 1] === "'" && text[i - 2] === "'");
}

/** A quotation mark starts at offset i. */
function markStartsAt(text: string, i: number): boolean {
  return isMark(text[i]) || (text[i] === "'" && text[i + 1] === "'");
}

/** Trims white space, punctuation and marks from both ends of [start, end). */
export function trimRange(text: string, start: number, end: number): Piece {
  let s = start;
  let e = end;
  while (s < e && TRIM.test(text[s]!)) s++;
  while (e > s && TRIM.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function cueTypeOf(text: string, forms: Map<string, string>): string {
  for (const word of text.toLowerCase().split(/[^\p{L}'’]+/u)) {
    const type = forms.get(word);
    if (type) return type;
  }
  return 'other';
}

function skipBack(text: string, i: number, skip: RegExp): number {
  let k = i;
  while (k > 0 && skip.test(text[k - 1]!)) k--;
  return k;
}

function skipForward(text: string, i: number, skip: RegExp): number {
  let k = i;
  while (k < text.length && skip.test(text[k]!)) k++;
  return k;
}

/** Whether a content piece is wholly inside quotation marks. */
function whollyQuoted(text: string, piece: Piece): boolean {
  const inner = trimRange(text, piece.start, piece.end);
  if (inner.end <= inner.start) return false;
  // Opening: a mark at the piece's start (after trimming spaces) or just before it.
  const before = skipBack(text, inner.start, /[\s(]/);
  const opened = markEndsAt(text, before) || /^\s*(["“„«‟]|'')/.test(text.slice(piece.start, inner.start + 2));
  // Closing: a mark after the piece's end, skipping sentence punctuation, or the paragraph's end.
  const after = skipForward(text, inner.end, /[\s,.;:!?…)\-–—]/);
  const closed = markStartsAt(text, after) || markStartsAt(text, skipForward(text, inner.end, /[,.;:!?…]/)) ||
    after >= text.length || /\n/.test(text.slice(inner.end, after));
  return opened && closed;
}

function touchesMark(text: string, piece: Piece): boolean {
  const from = Math.max(0, piece.start - 2);
  const to = Math.min(text.length, piece.end + 2);
  for (let i = from; i < to; i++) if (markStartsAt(text, i)) return true;
  return false;
}

export function classify(article: PolnearArticle, relation: AttributionRelation, forms: Map<string, string>): GoldKind {
  const { text } = article;
  const cueText = relation.cue ? relation.cue.map((p) => text.slice(p.start, p.end)).join(' ') : '';
  const cueType = cueTypeOf(cueText, forms);
  if (cueType === 'belief' || cueType === 'intention') return 'left-out-belief';
  if (relation.content.every((piece) => whollyQuoted(text, piece))) return 'direct';
  if (relation.content.some((piece) => touchesMark(text, piece))) return 'mixed';
  return cueType === 'speech' ? 'indirect' : 'left-out-other';
}

function overlap(a: Piece, b: Piece): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

interface Counts {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}

function emptyCounts(): Counts {
  return { gold: 0, found: 0, predicted: 0, correct: 0 };
}

function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.predicted ? c.correct / c.predicted : 0;
  const r = c.gold ? c.found / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Summed overlap of a quote's parts with a content's pieces. */
export function partsOverlap(parts: readonly Piece[], pieces: readonly Piece[]): number {
  let sum = 0;
  for (const part of parts) for (const piece of pieces) sum += overlap(part, piece);
  return sum;
}

/**
 * One-to-one pairs of predicted quotes (each its trimmed parts) and gold contents (each
 * its trimmed pieces), largest summed overlap first: prediction index -> gold index.
 */
export function pairQuotes(predicted: readonly (readonly Piece[])[], gold: readonly (readonly Piece[])[]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  predicted.forEach((parts, i) => gold.forEach((pieces, j) => {
    const o = partsOverlap(parts, pieces);
    if (o > 0) pairs.push([o, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const match = new Map<number, number>();
  const taken = new Set<number>();
  for (const [, i, j] of pairs) {
    if (match.has(i) || taken.has(j)) continue;
    match.set(i, j);
    taken.add(j);
  }
  return match;
}

export async function main(args: string[]): Promise<void> {
  const splitDir = args.find((a) => !a.startsWith('--'));
  if (!splitDir) throw new Error('usage: npm run eval -- quotes <polnear split folder, e.g. ../shared/data/polnear/dev> [--verbose] [--errors FILE]');
  const verbose = args.includes('--verbose');
  const errorsAt = args.indexOf('--errors');
  const errorsFile = errorsAt >= 0 ? args[errorsAt + 1] : undefined;
  const cueData = JSON.parse(readFileSync(dataPath('lexicon', 'cues.json'), 'utf8')) as CueData;
  const forms = new Map<string, string>();
  // A characterising verb ('called', 'described') is no reporting cue: the gold's kinds do not depend on it.
  for (const cue of cueData.cues) if (cue.type !== 'characterization') for (const form of cue.forms) if (!forms.has(form)) forms.set(form, cue.type);

  const articles = loadPolnearSplit(splitDir);
  const kinds: QuoteKind[] = ['direct', 'indirect', 'mixed'];
  const counts = new Map<QuoteKind | 'all', Counts>([...kinds, 'all' as const].map((k) => [k, emptyCounts()]));
  const leftOut = { belief: 0, other: 0 };
  const confusion = new Map<string, number>();
  const speakers = new SpeakerScorer(splitDir);
  /** Predicted quotes in several parts (the attribution interrupting them), and how many of them were right. */
  const multiPart = { predicted: 0, correct: 0 };
  const errorLines: string[] = [];
  let ignored = 0;

  const extractor = createExtractor();
  for (const article of articles) {
    const { text } = article;
    const doc = extractor.analyze(text, article.publishedAt ? { publishedAt: article.publishedAt } : {});
    const result = buildExtraction(doc);
    /** How lede chose each quote's speaker (the quote's rule, then analyze()'s speakerChoice), for --errors. */
    const chosenBy = doc.quotes.map((q) => `${q.provenance.rule}: ${q.speakerChoice?.rule ?? '-'}${(q.speakerChoice?.candidates.length ?? 0) > 0 ? ` [${q.speakerChoice!.candidates.slice(0, 4).map((c) => `${c.name} ${c.score} (${c.why})`).join('; ')}]` : ''}`);
    const gold: GoldQuote[] = [];
    const excluded: Piece[][] = [];
    for (const relation of article.relations) {
      const kind = classify(article, relation, forms);
      const pieces = relation.content.map((p) => trimRange(text, p.start, p.end)).filter((p) => p.end > p.start);
      if (kind === 'left-out-belief' || kind === 'left-out-other') {
        if (kind === 'left-out-belief') leftOut.belief++;
        else leftOut.other++;
        excluded.push(pieces);
        continue;
      }
      if (pieces.length === 0) continue;
      const sourceText = relation.source ? relation.source.map((p) => text.slice(p.start, p.end)).join(' ') : '';
      gold.push({ relation, kind, pieces, sourceText });
    }
    const predicted = result.quotes.map((q) => ({ quote: q, parts: q.parts.map((part) => trimRange(text, part.start, part.end)).filter((p) => p.end > p.start) }));
    const overlapWith = (parts: Piece[], piece: Piece): number => parts.reduce((sum, part) => sum + overlap(part, piece), 0);
    speakers.addArticleTable(article.name, result.quotes);

    const predictionMatch = pairQuotes(predicted.map((p) => p.parts), gold.map((g) => g.pieces));
    const goldMatch = new Map([...predictionMatch].map(([i, j]) => [j, i]));
    const coveredPieces = new Set<string>();
    for (const [i, j] of predictionMatch) {
      gold[j]!.pieces.forEach((piece, k) => { if (overlapWith(predicted[i]!.parts, piece) > 0) coveredPieces.add(`${j}:${k}`); });
    }

    for (const g of gold) {
      counts.get(g.kind as QuoteKind)!.gold++;
      counts.get('all')!.gold++;
    }
    gold.forEach((g, j) => {
      if (goldMatch.has(j)) {
        counts.get(g.kind as QuoteKind)!.found++;
        counts.get('all')!.found++;
      } else if (errorsFile) {
        const spans = (pieces: Piece[] | null): string => (pieces ?? []).map((p) => text.slice(p.start, p.end)).join(' … ') || '-';
        // The relation's sentence: its paragraph around source, cue and content, at most 200 characters before and 100 after.
        const all = [...(g.relation.source ?? []), ...(g.relation.cue ?? []), ...g.pieces];
        const first = Math.min(...all.map((p) => p.start));
        const last = Math.max(...all.map((p) => p.end));
        const lineEnd = text.indexOf('\n', last);
        const from = Math.max(text.lastIndexOf('\n', first) + 1, first - 200);
        const to = Math.min(lineEnd < 0 ? text.length : lineEnd, last + 100);
        errorLines.push(`MISS ${g.kind}\t${article.name}\tsource=${spans(g.relation.source)}\tcue=${spans(g.relation.cue)}\t${spans(g.pieces)}\tin: ${text.slice(from, to).replace(/\s+/g, ' ')}`);
      }
    });
    predicted.forEach((p, i) => {
      const kind = p.quote.kind;
      let verdict: 'correct' | 'ignored' | 'wrong' = 'wrong';
      const j = predictionMatch.get(i);
      if (j !== undefined) {
        verdict = 'correct';
        const g = gold[j]!;
        const key = `${g.kind}->${kind}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
        if (g.relation.source) {
          const verdict = speakers.add(article.name, text, p.quote, g.relation, g.sourceText, g.kind);
          if (!verdict.right && errorsFile) errorLines.push(`SPEAKER ${g.kind}\t${verdict.rule}\t${chosenBy[i]}\t${article.name}\tgold=${g.sourceText}${verdict.expected ? ` (${verdict.expected.join('|')})` : ''}\tgot=${p.quote.speaker ? `${p.quote.speaker.mention.text} -> ${p.quote.speaker.name}` : 'null'}\t${p.quote.text.slice(0, 80)}\tbefore: ${text.slice(Math.max(0, p.quote.start - 160), p.quote.start).replace(/\s+/g, ' ')}`);
        }
      } else {
        const extra = gold.findIndex((g, gj) => goldMatch.has(gj) && g.pieces.some((piece, k) => !coveredPieces.has(`${gj}:${k}`) && overlapWith(p.parts, piece) > 0));
        if (extra >= 0) {
          verdict = 'correct';
          gold[extra]!.pieces.forEach((piece, k) => { if (overlapWith(p.parts, piece) > 0) coveredPieces.add(`${extra}:${k}`); });
        } else if (excluded.some((pieces) => pieces.some((piece) => overlapWith(p.parts, piece) > 0))) {
          verdict = 'ignored';
        }
      }
      if (verdict === 'ignored') {
        ignored++;
        return;
      }
      counts.get(kind)!.predicted++;
      counts.get('all')!.predicted++;
      if (p.quote.parts.length > 1) {
        multiPart.predicted++;
        if (verdict === 'correct') multiPart.correct++;
      }
      if (verdict === 'correct') {
        counts.get(kind)!.correct++;
        counts.get('all')!.correct++;
      } else if (errorsFile) {
        errorLines.push(`FALSE ${kind}\t${article.name}\t${p.quote.speaker?.mention.text ?? '-'}\t${p.quote.text}`);
      }
    });
    if (verbose) console.error(`${article.name}: ${gold.length} gold, ${result.quotes.length} predicted`);
  }

  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  console.log(`PolNeAR ${splitDir}: ${articles.length} articles; left out: ${leftOut.belief} belief/intention relations, ${leftOut.other} without marks or a speech cue`);
  console.log('kind        gold  pred  found correct     P      R      F1');
  for (const kind of [...kinds, 'all' as const]) {
    const c = counts.get(kind)!;
    const { p, r, f } = prf(c);
    console.log(`${(kind === 'all' ? 'overall' : kind).padEnd(10)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(5)} ${String(c.found).padStart(6)} ${String(c.correct).padStart(7)} ${pct(p)} ${pct(r)} ${pct(f)}`);
  }
  for (const line of speakers.lines()) console.log(line);
  console.log(`predictions ignored (overlapping only left-out relations): ${ignored}`);
  console.log(`quotes in several parts (an attribution interrupting them): ${multiPart.predicted}, of which correct: ${multiPart.correct}`);
  console.log(`kinds (gold->predicted): ${[...confusion].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);

  // The quotes stage's own cost.
  const resources = compileResources(loadResourceData(), {});
  const before = PIPELINE.filter((stage) => stage.name !== 'quotes');
  const quotes = PIPELINE.find((stage) => stage.name === 'quotes');
  if (quotes) {
    // The documents are prepared once; the stage runs once to warm up, then ROUNDS times timed.
    const ROUNDS = 5;
    const docs = articles.map((article) => runPipeline(article.text, article.publishedAt ? { publishedAt: article.publishedAt } : {}, resources, before));
    const tokens = docs.reduce((sum, doc) => sum + doc.tokens.length, 0);
    for (const doc of docs) quotes.run(doc, resources);
    const perRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      for (const doc of docs) quotes.run(doc, resources);
      perRound.push(performance.now() - t0);
    }
    perRound.sort((a, b) => a - b);
    const median = perRound[ROUNDS >> 1]!;
    console.log(`quotes stage: ${((median * 1000) / tokens).toFixed(2)} µs/token (median of ${ROUNDS} rounds over ${tokens} tokens, ${docs.length} articles)`);
  }
  if (errorsFile) writeFileSync(errorsFile, errorLines.join('\n') + '\n');
}
