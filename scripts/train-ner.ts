/**
 * npm run train [-- --epochs N --seed S --min-count C --no-history --no-save]
 *
 * Trains the entity tagger (greedy averaged perceptron over BILOU labels) on
 * ../shared/data/conll2003/train.txt and writes data/model/. Each CoNLL document
 * is rebuilt as plain text and read by lede's own segment and tokenize stages,
 * and gold spans are aligned to lede's tokens by character offsets, so the model
 * learns from the tokens it will see at run time. Deterministic: documents are
 * shuffled with a seeded generator and nothing else is random. After each epoch
 * the averaged model is scored on dev.txt (tuning only; it never trains on dev).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { alignGoldSpans, prf, readConll, scoreSpans, type ConllDocument, type SpanCounts } from './lib/conll.js';
import { runPipeline } from '../src/core/extractor.js';
import { compileResources } from '../src/core/resources.js';
import type { LedeDocument } from '../src/core/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { tokenizeStage } from '../src/stages/tokenize.js';
import { loadResourceData, NER_MODEL_FILES } from '../src/node/load-data.js';
import { dataPath } from '../src/node/data-dir.js';
import { buildFeatureView, dynamicFeatures, LabelHistory, staticFeatures, type FeatureView } from '../src/stages/ner/features.js';
import { bestLabel, remembersLabel, tagView } from '../src/stages/ner/decode.js';
import { LABEL_COUNT, LABELS, labelsOfSpans, OUTSIDE } from '../src/stages/ner/labels.js';
import { compileNerModel, quantizeModel, type ScoringModel } from '../src/stages/ner/model.js';
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
}

function parseOptions(args: string[]): Options {
  const options: Options = {
    train: resolve('..', 'shared', 'data', 'conll2003', 'train.txt'),
    dev: resolve('..', 'shared', 'data', 'conll2003', 'dev.txt'),
    epochs: 12,
    seed: 20_250_101,
    minCount: 1,
    history: true,
    save: true,
    minWeight: 0,
    name: 'lede-ner-perceptron-1',
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
    else if (arg === '--no-history') options.history = false;
    else if (arg === '--no-save') options.save = false;
    else throw new Error(`unknown option ${arg}; accepted: --epochs N --seed S --min-count C --min-weight W --train F --dev F --no-history --no-save`);
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
}

function prepare(source: ConllDocument): Prepared {
  const doc = runPipeline(source.text, {}, resources, STAGES);
  const view = buildFeatureView(doc, resources.ner.gazetteer);
  const gold = labelsOfSpans(doc.tokens.length, alignGoldSpans(doc.tokens, source.spans));
  return { source, doc, view, gold };
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

/** Averaged perceptron weights: w, and the step-weighted sum of updates u; average = w - u / c. */
class Perceptron implements ScoringModel {
  weights = new Float64Array(0);
  private totals = new Float64Array(0);
  step = 1;
  constructor(readonly dictionary: FeatureDictionary, readonly history: boolean) {}
  row(feature: string): number {
    return this.dictionary.row(feature);
  }
  private ensure(rows: number): void {
    const needed = rows * LABEL_COUNT;
    if (needed <= this.weights.length) return;
    const size = Math.max(needed, this.weights.length * 2, 1 << 16);
    const w = new Float64Array(size);
    w.set(this.weights);
    const u = new Float64Array(size);
    u.set(this.totals);
    this.weights = w;
    this.totals = u;
  }
  update(rows: readonly number[], gold: number, predicted: number): void {
    let maxRow = 0;
    for (const r of rows) maxRow = Math.max(maxRow, r);
    this.ensure(maxRow + 1);
    for (const r of rows) {
      const base = r * LABEL_COUNT;
      this.weights[base + gold]! += 1;
      this.totals[base + gold]! += this.step;
      this.weights[base + predicted]! -= 1;
      this.totals[base + predicted]! -= this.step;
    }
  }
  averaged(): Float64Array {
    const rows = this.dictionary.names.length;
    this.ensure(rows);
    const avg = new Float64Array(rows * LABEL_COUNT);
    for (let i = 0; i < avg.length; i++) avg[i] = this.weights[i]! - this.totals[i]! / this.step;
    return avg;
  }
}

function evaluate(dev: Prepared[], model: ScoringModel): { counts: Map<string, SpanCounts>; micro: ReturnType<typeof prf> } {
  const counts = new Map<string, SpanCounts>();
  for (const item of dev) {
    const tagged = tagView(item.view, model);
    const predicted = candidatesOf(tagged, 'train').map((c) => ({ start: c.start, end: c.end, type: c.type as string }));
    const gold = item.source.spans.map((s) => ({ start: s.start, end: s.end, type: ({ PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'misc' } as const)[s.type] as string }));
    scoreSpans(gold, predicted, counts);
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
  const train = readConll(options.train).map(prepare);
  const dev = readConll(options.dev).map(prepare);
  const tokenCount = train.reduce((n, d) => n + d.doc.tokens.length, 0);
  console.log(`prepared ${train.length} train documents (${tokenCount} tokens) and ${dev.length} dev documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Static features once per token, as rows of the dictionary (rare ones dropped).
  const dictionary = new FeatureDictionary();
  const buffer: string[] = [];
  const counts = new Map<string, number>();
  const forEachStatic = (fn: (item: Prepared, token: number, features: string[]) => void): void => {
    for (const item of train) {
      for (const sentence of item.doc.sentences) {
        for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
          if (item.doc.tokens[i]!.furniture) continue;
          buffer.length = 0;
          staticFeatures(item.view, i, sentence.tokenStart, sentence.tokenEnd, buffer);
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

  const perceptron = new Perceptron(dictionary, options.history);
  const next = random(options.seed);
  const order = train.map((_, i) => i);
  const scores = new Float64Array(LABEL_COUNT);
  const dynamic: string[] = [];
  const dynamicRows: number[] = [];
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
      const history = options.history ? new LabelHistory() : null;
      const tokens = item.doc.tokens;
      for (const sentence of item.doc.sentences) {
        let previous = OUTSIDE;
        let beforePrevious = OUTSIDE;
        for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
          if (tokens[i]!.furniture) {
            previous = beforePrevious = OUTSIDE;
            continue;
          }
          const rows = rowsOf[i]!;
          scores.fill(0);
          const w = perceptron.weights;
          for (const r of rows) {
            const base = r * LABEL_COUNT;
            if (base >= w.length) continue;
            for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += w[base + l]!;
          }
          dynamic.length = 0;
          dynamicFeatures(item.view, i, previous, beforePrevious, history, dynamic);
          dynamicRows.length = 0;
          for (const f of dynamic) {
            const r = dictionary.row(f);
            if (r >= 0 && r * LABEL_COUNT < w.length) {
              const base = r * LABEL_COUNT;
              for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += w[base + l]!;
            }
          }
          const last = i + 1 === sentence.tokenEnd || tokens[i + 1]!.furniture;
          const [predicted] = bestLabel(scores, previous, last);
          const gold = item.gold[i]!;
          if (predicted !== gold) {
            errors++;
            const all = Array.from(rows);
            for (const f of dynamic) all.push(dictionary.add(f));
            perceptron.update(all, gold, predicted);
          }
          seen++;
          perceptron.step++;
          if (history && remembersLabel(item.view, i)) history.record(item.view.keys[i]!, predicted);
          beforePrevious = previous;
          previous = predicted;
        }
      }
    }
    const averaged = perceptron.averaged();
    const model: ScoringModel = { row: (f) => dictionary.row(f), weights: averaged, history: options.history };
    const { micro } = evaluate(dev, model);
    if (micro.f1 > best.f1) best = { epoch, f1: micro.f1 };
    console.log(`epoch ${epoch}: train errors ${(100 * errors / seen).toFixed(2)}%, dev P ${pct(micro.precision)} R ${pct(micro.recall)} F1 ${pct(micro.f1)} (PER+ORG+LOC, raw candidates), ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`best epoch ${best.epoch} (dev F1 ${pct(best.f1)}); the model of the last epoch (${options.epochs}) is kept`);

  const averaged = perceptron.averaged();
  const data = quantizeModel(dictionary.names, averaged, {
    name: options.name,
    history: options.history,
    training: { corpus: 'CoNLL-2003 train', epochs: options.epochs, seed: options.seed, minCount: options.minCount, minWeight: options.minWeight },
  }, options.minWeight);
  const compiled = compileNerModel(data);
  const { counts: devCounts, micro } = evaluate(dev, compiled);
  console.log(`quantised model: ${data.meta.featureCount} features (of ${dictionary.names.length}), dev F1 ${pct(micro.f1)}`);
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

