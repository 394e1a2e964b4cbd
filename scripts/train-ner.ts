/**
 * npm run train [-- --epochs N --seed S --min-count C --sentence-copies F --extra SOURCE:WEIGHT,... --no-history --no-save --drop k-2=,k+2=]
 *
 * Trains the entity tagger (a structured averaged perceptron over BILOU labels,
 * decoded with Viterbi exactly as at run time) on
 * ../shared/data/conll2003/train.txt and the ner-extra train files of
 * scripts/lib/ner-sources.ts (UNER English-EWT, GUM, BTC's news tweets, each with
 * a weight that scales the perceptron's updates on its documents; data/README.md
 * gives the measurements behind the choice), and writes data/model/. ner-extra has
 * no MISC: where it says O, the update aims at the best reading under the current
 * weights that keeps its PER/ORG/LOC and reads each O as O or MISC
 * (constrainedGold), so "Olympics" or "iPhone" (O there, MISC in CoNLL-2003) do not
 * unteach MISC. After each epoch the averaged model is scored on CoNLL-2003 dev and
 * the ner-extra dev files (tuning only; it never trains on a dev or test file).
 * Each CoNLL document
 * is rebuilt as plain text and read by lede's own segment and tokenize stages,
 * and gold spans are aligned to lede's tokens by character offsets, so the model
 * learns from the tokens it will see at run time. Deterministic: documents are
 * shuffled with a seeded generator and nothing else is random. After each epoch
 * the averaged model is scored on dev.txt (tuning only; it never trains on dev).
 *
 * `--sentence-copies F` (default 0.25) also trains on a seeded fraction F of the training
 * sentences as documents of their own: users extract headlines and short texts,
 * where no article around a name tells its type, and a model that only ever saw
 * whole articles leans on that evidence. On dev (npm run eval -- ner, whole
 * documents / --sentences): F 0 gave 93.20 / 87.41, 0.25 gave 93.14 / 90.43, 0.5
 * gave 93.05 / 90.98, 1 gave 92.98 / 91.50. 0.5 and more also began to read
 * "Minister of Transportation Emeka Okonkwo" in the bundled sample as a name
 * starting at "Transportation"; 0.25 does not.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { alignGoldSpans, prf, readConll, scoreSpans, type ConllDocument, type SpanCounts } from './lib/conll.js';
import { EXTRA_SOURCES, parseExtraSources, type ExtraSource } from './lib/ner-sources.js';
import { runPipeline } from '../src/core/extractor.js';
import { compileResources } from '../src/core/resources.js';
import type { LedeDocument } from '../src/core/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { tokenizeStage } from '../src/stages/tokenize.js';
import { loadResourceData, NER_MODEL_FILES } from '../src/node/load-data.js';
import { dataPath } from '../src/node/data-dir.js';
import { buildFeatureView, FeatureStrings, historyFeatures, LabelHistory, staticFeatures, transitionFeatures, type FeatureView } from '../src/stages/ner/features.js';
import { addTransitionScores, DecodeBuffers, remembersLabel, segmentsOf, tagView, viterbi } from '../src/stages/ner/decode.js';
import { LABEL_COUNT, LABELS, labelsOfSpans, OUTSIDE } from '../src/stages/ner/labels.js';
import { compileNerModel, isTransitionFeature, quantizeModel, stringLookups, TRANSITION_CELLS, type ScoringModel, type TrainedWeights } from '../src/stages/ner/model.js';
import { candidatesOf } from '../src/stages/ner/ner-stage.js';

interface Options {
  train: string;
  dev: string;
  epochs: number;
  seed: number;
  minCount: number;
  history: boolean;
  save: boolean;
  minWeight: number;
  name: string;
  /** Write dev errors (missed and spurious spans, with context) to this file. */
  errors: string | null;
  /** Feature templates (or flag names) left out of the model, to measure what they bring. */
  drop: string[];
  /** Fraction of the training sentences also trained on alone, as one-sentence documents. */
  sentenceCopies: number;
  /** Training files of ../shared/data/ner-extra and their weights (scripts/lib/ner-sources.ts). */
  extra: ExtraSource[];
  /** Dev files scored after each epoch besides `dev` (tuning only). */
  extraDev: string[];
}

/** Collects feature strings except those of the dropped templates (an ablation tool). */
class DroppingSink extends FeatureStrings {
  constructor(out: string[], private readonly dropped: readonly string[]) {
    super(out);
  }
  private keeps(template: string): boolean {
    return !this.dropped.includes(template);
  }
  override flag(name: string): void {
    if (this.keeps(name)) super.flag(name);
  }
  override unary(template: string, value: string): void {
    if (this.keeps(template)) super.unary(template, value);
  }
  override pair(template: string, first: string, second: string): void {
    if (this.keeps(template)) super.pair(template, first, second);
  }
  override affixes(key: string): void {
    if (this.keeps('affixes')) super.affixes(key);
    else if (this.keeps('k=')) super.unary('k=', key);
  }
}

function parseOptions(args: string[]): Options {
  const options: Options = {
    train: resolve('..', 'shared', 'data', 'conll2003', 'train.txt'),
    dev: resolve('..', 'shared', 'data', 'conll2003', 'dev.txt'),
    epochs: 10,
    seed: 20_250_101,
    minCount: 1,
    history: true,
    save: true,
    // Features whose largest averaged weight is below 1 (one update's worth) are not
    // stored: with ner-extra the model has twice CoNLL's features, and these (half of
    // them) moved dev F1 by hundredths (CoNLL 93.98 -> 93.94, UNER 70.71 -> 70.30) while
    // the tagger's memory grew by 8 MB (data/README.md).
    minWeight: 1,
    name: 'lede-ner-perceptron-1',
    errors: null,
    drop: [],
    sentenceCopies: 0.25,
    extra: EXTRA_SOURCES,
    extraDev: ['uner-ewt/dev.txt', 'gum/dev.txt', 'wnut17/dev.txt'].map((f) => resolve('..', 'shared', 'data', 'ner-extra', f)),
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--epochs') options.epochs = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--min-count') options.minCount = Number(value());
    else if (arg === '--min-weight') options.minWeight = Number(value());
    else if (arg === '--train') options.train = resolve(value());
    else if (arg === '--dev') options.dev = resolve(value());
    else if (arg === '--errors') options.errors = resolve(value());
    else if (arg === '--drop') options.drop = value().split(',');
    else if (arg === '--sentence-copies') options.sentenceCopies = Number(value());
    else if (arg === '--extra') options.extra = parseExtraSources(value());
    else if (arg === '--no-extra-dev') options.extraDev = [];
    else if (arg === '--no-history') options.history = false;
    else if (arg === '--no-save') options.save = false;
    else throw new Error(`unknown option ${arg}; accepted: --epochs N --seed S --min-count C --min-weight W --train F --dev F --sentence-copies F --extra SOURCE:WEIGHT,...|none --no-extra-dev --no-history --no-save --errors FILE --drop TEMPLATE,...`);
  }
  return options;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const resources = compileResources({ ...loadResourceData(), nerModel: null }, {});
const STAGES = [segmentStage, tokenizeStage];

interface Prepared {
  source: ConllDocument;
  doc: LedeDocument;
  view: FeatureView;
  gold: Uint8Array;
  /** Scales the perceptron's updates on this document. */
  weight: number;
  /**
   * The source tags no MISC (ner-extra): its O tokens may be O or MISC, and the
   * update aims at the best such reading instead of O (see constrainedGold).
   */
  missingMisc: boolean;
}

function prepare(source: ConllDocument, weight = 1, missingMisc = false): Prepared {
  const doc = runPipeline(source.text, {}, resources, STAGES);
  const view = buildFeatureView(doc, resources.ner.gazetteer);
  const gold = labelsOfSpans(doc.tokens.length, alignGoldSpans(doc.tokens, source.spans));
  return { source, doc, view, gold, weight, missingMisc };
}

const MISC_LABELS = LABELS.map((label, l) => (label.endsWith('-MISC') ? l : -1)).filter((l) => l >= 0);

/**
 * For a document whose source has no MISC type: the best labels of tokens
 * [start, start + n) under the current weights among those that agree with the
 * gold (its PER/ORG/LOC labels as they are; its O as O or any MISC label). The
 * perceptron then learns PER/ORG/LOC and O from ner-extra without unlearning
 * CoNLL's MISC ("Boeing 737", "iPhone", "Olympics" are O there, MISC in
 * CoNLL-2003; both are outside lede's three types). `scratch` is overwritten.
 */
function constrainedGold(buffers: DecodeBuffers, scratch: DecodeBuffers, gold: Uint8Array, start: number, n: number, out: Uint8Array, margins: Float32Array): void {
  scratch.reserve(n);
  const L = LABEL_COUNT;
  for (let k = 0; k < n; k++) {
    const g = gold[start + k]!;
    for (let l = 0; l < L; l++) {
      const allowed = g === OUTSIDE ? l === OUTSIDE || MISC_LABELS.includes(l) : l === g;
      scratch.emissions[k * L + l] = allowed ? buffers.emissions[k * L + l]! : -Infinity;
    }
    scratch.matrices[k] = buffers.matrices[k]!;
  }
  viterbi(scratch, n, out, margins, start);
}

/** Feature strings -> rows; grows during training. */
class FeatureDictionary {
  readonly names: string[] = [];
  private readonly rows = new Map<string, number>();
  row(name: string): number {
    return this.rows.get(name) ?? -1;
  }
  add(name: string): number {
    let row = this.rows.get(name);
    if (row === undefined) {
      row = this.names.length;
      this.rows.set(name, row);
      this.names.push(name);
    }
    return row;
  }
}

/** Growable averaged-perceptron weights of fixed row width: w, and u = sum of step * update; average = w - u / step. */
class AveragedRows {
  weights = new Float64Array(0);
  private totals = new Float64Array(0);
  constructor(readonly width: number) {}
  ensure(rows: number): void {
    const needed = rows * this.width;
    if (needed <= this.weights.length) return;
    const size = Math.max(needed, this.weights.length * 2, this.width * 4096);
    const w = new Float64Array(size);
    w.set(this.weights);
    const u = new Float64Array(size);
    u.set(this.totals);
    this.weights = w;
    this.totals = u;
  }
  add(row: number, cell: number, amount: number, step: number): void {
    this.ensure(row + 1);
    const i = row * this.width + cell;
    this.weights[i]! += amount;
    this.totals[i]! += amount * step;
  }
  averaged(rows: number, step: number): Float64Array {
    this.ensure(rows);
    const avg = new Float64Array(rows * this.width);
    for (let i = 0; i < avg.length; i++) avg[i] = this.weights[i]! - this.totals[i]! / step;
    return avg;
  }
}

/** The structured perceptron (Collins 2002) over emission rows and transition matrices. */
class Perceptron implements ScoringModel {
  readonly emissionNames = new FeatureDictionary();
  readonly transitionNames = new FeatureDictionary();
  readonly emission = new AveragedRows(LABEL_COUNT);
  readonly transition = new AveragedRows(TRANSITION_CELLS);
  step = 1;
  readonly scale = 1;
  constructor(readonly history: boolean) {}
  get weights(): Float64Array {
    return this.emission.weights;
  }
  get transitions(): Float64Array {
    return this.transition.weights;
  }
  row(feature: string): number {
    return this.emissionNames.row(feature);
  }
  unaryRow(template: string, value: string): number {
    return this.emissionNames.row(template + value);
  }
  pairRow(template: string, first: string, second: string): number {
    return this.emissionNames.row(`${template}${first}|${second}`);
  }
  transitionRow(feature: string): number {
    return this.transitionNames.row(feature);
  }
  averaged(): TrainedWeights & ScoringModel {
    const weights = this.emission.averaged(this.emissionNames.names.length, this.step);
    const transitions = this.transition.averaged(this.transitionNames.names.length, this.step);
    const emissionNames = this.emissionNames;
    const transitionNames = this.transitionNames;
    return {
      names: [...emissionNames.names, ...transitionNames.names],
      rowOf: (name) => (isTransitionFeature(name) ? transitionNames.row(name) : emissionNames.row(name)),
      weights,
      transitions,
      ...stringLookups((f) => emissionNames.row(f)),
      transitionRow: (f) => transitionNames.row(f),
      history: this.history,
      scale: 1,
    };
  }
}

function evaluate(dev: Prepared[], model: ScoringModel, errors: string[] | null = null): { counts: Map<string, SpanCounts>; micro: ReturnType<typeof prf> } {
  const counts = new Map<string, SpanCounts>();
  for (const item of dev) {
    const tagged = tagView(item.view, model);
    const predicted = candidatesOf(tagged, 'train').map((c) => ({ start: c.start, end: c.end, type: c.type as string }));
    const gold = item.source.spans.map((s) => ({ start: s.start, end: s.end, type: ({ PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'misc' } as const)[s.type] as string }));
    scoreSpans(gold, predicted, counts);
    if (errors) {
      const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
      const goldKeys = new Set(gold.map(key));
      const predictedKeys = new Set(predicted.map(key));
      const text = item.source.text;
      const show = (kind: string, s: { start: number; end: number; type: string }): void => {
        const context = `${text.slice(Math.max(0, s.start - 40), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 40)}`.replace(/\n/g, ' | ');
        errors.push(`${kind}\t${s.type}\t${text.slice(s.start, s.end)}\t${context}`);
      };
      for (const g of gold) if (!predictedKeys.has(key(g))) show('MISSED', g);
      for (const p of predicted) if (!goldKeys.has(key(p))) show('SPURIOUS', p);
    }
  }
  const micro = { truePositives: 0, predicted: 0, gold: 0 };
  for (const type of ['person', 'organization', 'place']) {
    const c = counts.get(type) ?? micro;
    if (c === micro) continue;
    micro.truePositives += c.truePositives;
    micro.predicted += c.predicted;
    micro.gold += c.gold;
  }
  return { counts, micro: prf(micro) };
}

function pct(x: number): string {
  return (100 * x).toFixed(2);
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const train = readConll(options.train).map((d) => prepare(d));
  if (options.sentenceCopies > 0) {
    const pick = random(options.seed + 1);
    const alone = readConll(options.train, { sentencesAsDocuments: true }).filter(() => pick() < options.sentenceCopies);
    train.push(...alone.map((d) => prepare(d)));
  }
  for (const extra of options.extra) {
    const documents = readConll(extra.path).filter((d) => extra.keep?.(d.index) ?? true);
    train.push(...documents.map((d) => prepare(d, extra.weight, true)));
    console.log(`  + ${extra.name}: ${documents.length} documents, weight ${extra.weight}`);
  }
  const dev = readConll(options.dev).map((d) => prepare(d));
  const extraDev = options.extraDev.map((path) => ({ path, documents: readConll(path).map((d) => prepare(d)) }));
  const tokenCount = train.reduce((n, d) => n + d.doc.tokens.length, 0);
  console.log(`prepared ${train.length} train documents (${tokenCount} tokens) and ${dev.length} dev documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const perceptron = new Perceptron(options.history);
  const dictionary = perceptron.emissionNames;
  // Static features once per token, as rows of the dictionary (rare ones dropped).
  const buffer: string[] = [];
  const sink = options.drop.length ? new DroppingSink(buffer, options.drop) : new FeatureStrings(buffer);
  const counts = new Map<string, number>();
  const forEachStatic = (fn: (item: Prepared, token: number, features: string[]) => void): void => {
    for (const item of train) {
      for (const segment of segmentsOf(item.view)) {
        for (let i = segment.start; i < segment.end; i++) {
          buffer.length = 0;
          staticFeatures(item.view, i, segment.sentenceStart, segment.sentenceEnd, sink);
          fn(item, i, buffer);
        }
      }
    }
  };
  if (options.minCount > 1) forEachStatic((_item, _i, features) => { for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1); });
  const staticRows = new Map<Prepared, Int32Array[]>();
  forEachStatic((item, i, features) => {
    let perToken = staticRows.get(item);
    if (!perToken) staticRows.set(item, (perToken = new Array<Int32Array>(item.doc.tokens.length)));
    const rows: number[] = [];
    for (const f of features) if (options.minCount <= 1 || (counts.get(f) ?? 0) >= options.minCount) rows.push(dictionary.add(f));
    perToken[i] = Int32Array.from(rows);
  });
  counts.clear();
  console.log(`${dictionary.names.length} static features`);

  const next = random(options.seed);
  const order = train.map((_, i) => i);
  const buffers = new DecodeBuffers();
  const scratch = new DecodeBuffers();
  const features: string[] = [];
  const featureSink = options.drop.length ? new DroppingSink(features, options.drop) : new FeatureStrings(features);
  let best = { epoch: 0, f1: 0 };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let seen = 0;
    for (const index of order) {
      const item = train[index]!;
      const rowsOf = staticRows.get(item);
      if (!rowsOf) continue;
      const view = item.view;
      const history = options.history ? new LabelHistory() : null;
      const predicted = new Uint8Array(item.doc.tokens.length);
      const margins = new Float32Array(item.doc.tokens.length);
      const latent = item.missingMisc ? new Uint8Array(item.doc.tokens.length) : predicted;
      const latentMargins = item.missingMisc ? new Float32Array(item.doc.tokens.length) : margins;
      let pendingFrom = 0;
      let pendingTo = 0;
      let lastSentenceEnd = -1;
      const flushHistory = (): void => {
        if (!history) return;
        for (let i = pendingFrom; i < pendingTo; i++) {
          if (!item.doc.tokens[i]!.furniture && remembersLabel(view, i)) history.record(view.keys[i]!, predicted[i]!);
        }
      };
      for (const segment of segmentsOf(view)) {
        if (segment.sentenceEnd !== lastSentenceEnd) {
          flushHistory();
          pendingFrom = segment.start;
          lastSentenceEnd = segment.sentenceEnd;
        }
        pendingTo = segment.end;
        const n = segment.end - segment.start;
        buffers.reserve(n);
        const emissionRows: number[][] = [];
        const transitionRows: number[][] = [];
        for (let k = 0; k < n; k++) {
          const i = segment.start + k;
          const rows = Array.from(rowsOf[i]!);
          if (history) {
            features.length = 0;
            historyFeatures(view, i, history, featureSink);
            for (const f of features) rows.push(dictionary.add(f));
          }
          emissionRows.push(rows);
          const w = perceptron.weights;
          for (const r of rows) {
            const base = r * LABEL_COUNT;
            if (base + LABEL_COUNT > w.length) continue;
            for (let l = 0; l < LABEL_COUNT; l++) buffers.emissions[k * LABEL_COUNT + l]! += w[base + l]!;
          }
          features.length = 0;
          transitionFeatures(view, i, segment.start, featureSink);
          const trows = features.map((f) => perceptron.transitionNames.add(f));
          transitionRows.push(trows);
          const matrix = new Float64Array(TRANSITION_CELLS);
          addTransitionScores(perceptron, trows, matrix, 0);
          buffers.matrices[k] = matrix;
        }
        viterbi(buffers, n, predicted, margins, segment.start);
        let target = item.gold;
        if (item.missingMisc) {
          let agrees = true;
          for (let k = 0; k < n && agrees; k++) {
            const g = item.gold[segment.start + k]!;
            const p = predicted[segment.start + k]!;
            agrees = g === p || (g === OUTSIDE && MISC_LABELS.includes(p));
          }
          if (agrees) target = predicted;
          else {
            constrainedGold(buffers, scratch, item.gold, segment.start, n, latent, latentMargins);
            target = latent;
          }
        }
        const amount = item.weight;
        for (let k = 0; k < n; k++) {
          const i = segment.start + k;
          const gold = target[i]!;
          const guess = predicted[i]!;
          const goldBefore = k === 0 ? OUTSIDE : target[i - 1]!;
          const guessBefore = k === 0 ? OUTSIDE : predicted[i - 1]!;
          if (gold !== guess) {
            errors++;
            for (const r of emissionRows[k]!) {
              perceptron.emission.add(r, gold, amount, perceptron.step);
              perceptron.emission.add(r, guess, -amount, perceptron.step);
            }
          }
          if (gold !== guess || goldBefore !== guessBefore) {
            for (const r of transitionRows[k]!) {
              perceptron.transition.add(r, goldBefore * LABEL_COUNT + gold, amount, perceptron.step);
              perceptron.transition.add(r, guessBefore * LABEL_COUNT + guess, -amount, perceptron.step);
            }
          }
        }
        seen += n;
        perceptron.step++;
      }
      flushHistory();
    }
    const model = perceptron.averaged();
    const { micro } = evaluate(dev, model);
    if (micro.f1 > best.f1) best = { epoch, f1: micro.f1 };
    const others = extraDev.map(({ path, documents }) => `${path.split('/').slice(-2).join('/')} ${pct(evaluate(documents, model).micro.f1)}`);
    console.log(`epoch ${epoch}: train errors ${(100 * errors / seen).toFixed(2)}%, dev P ${pct(micro.precision)} R ${pct(micro.recall)} F1 ${pct(micro.f1)} (PER+ORG+LOC, raw candidates)${others.length ? `; ${others.join(', ')}` : ''}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`best epoch ${best.epoch} (dev F1 ${pct(best.f1)}); the model of the last epoch (${options.epochs}) is kept`);

  const data = quantizeModel(perceptron.averaged(), {
    name: options.name,
    history: options.history,
    training: {
      corpus: 'CoNLL-2003 train',
      ...(options.extra.length > 0 ? { extra: Object.fromEntries(options.extra.map((e) => [e.name, e.weight])) } : {}),
      epochs: options.epochs,
      seed: options.seed,
      minCount: options.minCount,
      minWeight: options.minWeight,
      ...(options.sentenceCopies > 0 ? { sentenceCopies: options.sentenceCopies } : {}),
    },
  }, options.minWeight);
  const compiled = compileNerModel(data);
  const errorLines: string[] | null = options.errors ? [] : null;
  const { counts: devCounts, micro } = evaluate(dev, compiled, errorLines);
  if (options.errors && errorLines) writeFileSync(options.errors, `${errorLines.join('\n')}\n`);
  console.log(`quantised model: ${data.meta.featureCount} features (of ${perceptron.emissionNames.names.length + perceptron.transitionNames.names.length}), dev F1 ${pct(micro.f1)}`);
  for (const [type, c] of devCounts) {
    const r = prf(c);
    console.log(`  ${type.padEnd(13)} P ${pct(r.precision)} R ${pct(r.recall)} F1 ${pct(r.f1)} (gold ${c.gold})`);
  }
  if (options.save) {
    data.meta.training = { ...data.meta.training, devF1: Number(pct(micro.f1)) };
    mkdirSync(dataPath('model'), { recursive: true });
    writeFileSync(dataPath('model', NER_MODEL_FILES.meta), `${JSON.stringify(data.meta, null, 2)}\n`);
    writeFileSync(dataPath('model', NER_MODEL_FILES.features), data.features);
    writeFileSync(dataPath('model', NER_MODEL_FILES.weights), data.weights);
    console.log(`wrote data/model/ (${LABELS.length} labels)`);
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main();

