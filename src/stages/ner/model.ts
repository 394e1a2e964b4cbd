/**
 * The tagger's weights. An emission feature (a property of one token) owns a row
 * of per-label weights; a transition feature (its name starts with "T") owns a
 * LABEL_COUNT x LABEL_COUNT matrix of weights for (previous label, label).
 *
 * On disk (data/model/) a model is a small JSON header, the feature strings one a
 * line, and the weights in a sparse binary form (most features carry weight for
 * a few labels only): for E non-zero weights over F features,
 *   E int16 values (little-endian; weight = value * scale),
 *   E uint16 cell indices (label, or previous * LABEL_COUNT + label),
 *   F uint16 counts (non-zero cells per feature, in feature order).
 * `compileNerModel` turns that into feature -> row maps and dense Int16Arrays
 * kept in stored units (half the memory of floats, so more of the model stays in
 * cache); scores are sums in those units, and only margins are scaled back.
 * Once per extractor.
 */

import { LABELS, LABEL_COUNT } from './labels.js';

/** Cells of a transition feature's matrix. */
export const TRANSITION_CELLS = LABEL_COUNT * LABEL_COUNT;

export function isTransitionFeature(name: string): boolean {
  return name.charCodeAt(0) === 84; // 'T'
}

export interface NerModelMeta {
  /** Model name, used as provenance rule id. */
  name: string;
  /** Label names in row order; must equal LABELS. */
  labels: string[];
  /** weight = stored int16 * scale. */
  scale: number;
  featureCount: number;
  /** Non-zero weights stored. */
  entryCount: number;
  /** Use the prediction-history features (document-level). */
  history: boolean;
  /** Free-form training notes (epochs, seed, dev F1). */
  training?: Record<string, unknown>;
}

/** A model as stored: what src/node/load-data.ts reads and a browser bundle could inline. */
export interface NerModelData {
  meta: NerModelMeta;
  /** Feature strings separated by "\n", in stored order. */
  features: string;
  /** The sparse weights (see above): entryCount * 4 + featureCount * 2 bytes. */
  weights: Uint8Array;
}

/** What the decoder needs from a model, trained or compiled. */
export interface ScoringModel {
  /** The emission row of a feature, or -1 when the model does not know it. */
  row(feature: string): number;
  /** The row of feature `template + value` (no string is built when compiled). */
  unaryRow(template: string, value: string): number;
  /** The row of feature `template + first + "|" + second`. */
  pairRow(template: string, first: string, second: string): number;
  /** rows x LABEL_COUNT. */
  readonly weights: ArrayLike<number>;
  /** The transition matrix of a feature, or -1. */
  transitionRow(feature: string): number;
  /** rows x TRANSITION_CELLS. */
  readonly transitions: ArrayLike<number>;
  readonly history: boolean;
  /** Weight units: a score times `scale` is in the trainer's units (1 for the trainer itself). */
  readonly scale: number;
}

export interface CompiledNerModel extends ScoringModel {
  readonly name: string;
}

/** Row lookups by feature string, for models that keep no index by template (the trainer's). */
export function stringLookups(row: (feature: string) => number): Pick<ScoringModel, 'row' | 'unaryRow' | 'pairRow'> {
  return {
    row,
    unaryRow: (template, value) => row(template + value),
    pairRow: (template, first, second) => row(`${template}${first}|${second}`),
  };
}

/**
 * Emission features indexed by template and value ("k-1=" -> "lavrov" -> row),
 * and by template, first and second value for pairs ("k-1k=minister|lavrov"), so
 * the tagger looks features up with strings it already has. The template is
 * the name up to its first "=", a pair's values split at the first "|".
 */
class FeatureIndex {
  /** Features without a template ("bias", "caps"). */
  readonly flags = new Map<string, number>();
  readonly unaries = new Map<string, Map<string, number>>();
  readonly pairs = new Map<string, Map<string, Map<string, number>>>();
  constructor(private readonly pairTemplates: ReadonlySet<string>) {}
  /** The row of a feature given as one string (slower: it is split first). */
  find(name: string): number {
    const equals = name.indexOf('=');
    if (equals < 0) return this.flags.get(name) ?? -1;
    const template = name.slice(0, equals + 1);
    const value = name.slice(equals + 1);
    if (this.pairTemplates.has(template)) {
      const bar = value.indexOf('|');
      if (bar >= 0) return this.pairs.get(template)?.get(value.slice(0, bar))?.get(value.slice(bar + 1)) ?? -1;
    }
    return this.unaries.get(template)?.get(value) ?? -1;
  }

  add(name: string, row: number): void {
    const equals = name.indexOf('=');
    if (equals < 0) {
      this.flags.set(name, row);
      return;
    }
    const template = name.slice(0, equals + 1);
    const value = name.slice(equals + 1);
    if (this.pairTemplates.has(template)) {
      const bar = value.indexOf('|');
      if (bar < 0) {
        this.addUnary(template, value, row);
        return;
      }
      let byFirst = this.pairs.get(template);
      if (!byFirst) this.pairs.set(template, (byFirst = new Map()));
      const first = value.slice(0, bar);
      let bySecond = byFirst.get(first);
      if (!bySecond) byFirst.set(first, (bySecond = new Map()));
      bySecond.set(value.slice(bar + 1), row);
      return;
    }
    this.addUnary(template, value, row);
  }
  private addUnary(template: string, value: string, row: number): void {
    let byValue = this.unaries.get(template);
    if (!byValue) this.unaries.set(template, (byValue = new Map()));
    byValue.set(value, row);
  }
}

const compiledCache = new WeakMap<NerModelData, CompiledNerModel>();

/**
 * Compiles a stored model (once per model object: extractors built from the
 * same data share the compiled, immutable model).
 * @param pairTemplates the templates that name pairs of values (FeatureSink.pair),
 *   so that their rows can be looked up without building strings.
 */
export function compileNerModel(data: NerModelData, pairTemplates: ReadonlySet<string> = new Set()): CompiledNerModel {
  let compiled = compiledCache.get(data);
  if (!compiled) compiledCache.set(data, (compiled = buildNerModel(data, pairTemplates)));
  return compiled;
}

function buildNerModel(data: NerModelData, pairTemplates: ReadonlySet<string>): CompiledNerModel {
  const { meta } = data;
  if (meta.labels.length !== LABEL_COUNT || meta.labels.some((label, i) => label !== LABELS[i])) {
    throw new Error(`NER model "${meta.name}": its labels (${meta.labels.join(' ')}) differ from the tagger's (${LABELS.join(' ')}); retrain it with npm run train.`);
  }
  const names = meta.featureCount === 0 ? [] : data.features.split('\n');
  const { featureCount, entryCount } = meta;
  if (names.length !== featureCount || data.weights.length !== entryCount * 4 + featureCount * 2) {
    throw new Error(`NER model "${meta.name}": expected ${featureCount} features and ${entryCount * 4 + featureCount * 2} weight bytes, got ${names.length} and ${data.weights.length}; the model files are out of step (npm run train rewrites them).`);
  }
  const bytes = data.weights;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const indicesAt = entryCount * 2;
  const countsAt = entryCount * 4;
  let transitionCount = 0;
  for (const name of names) if (isTransitionFeature(name)) transitionCount++;
  const index = new FeatureIndex(pairTemplates);
  let emissionCount = 0;
  const transitionRows = new Map<string, number>();
  const weights = new Int16Array((featureCount - transitionCount) * LABEL_COUNT);
  const transitions = new Int16Array(transitionCount * TRANSITION_CELLS);
  let entry = 0;
  for (let f = 0; f < featureCount; f++) {
    const name = names[f]!;
    const transition = isTransitionFeature(name);
    const width = transition ? TRANSITION_CELLS : LABEL_COUNT;
    const target = transition ? transitions : weights;
    let row: number;
    if (transition) transitionRows.set(name, (row = transitionRows.size));
    else index.add(name, (row = emissionCount++));
    const count = view.getUint16(countsAt + f * 2, true);
    for (let k = 0; k < count; k++, entry++) {
      const cell = view.getUint16(indicesAt + entry * 2, true);
      if (cell >= width || entry >= entryCount) throw new Error(`NER model "${meta.name}": corrupt weights at feature ${f} ("${name}").`);
      target[row * width + cell] = view.getInt16(entry * 2, true);
    }
  }
  const { flags, unaries, pairs } = index;
  return Object.freeze({
    name: meta.name,
    history: meta.history,
    scale: meta.scale,
    weights,
    transitions,
    row: (feature: string) => flags.get(feature) ?? index.find(feature),
    unaryRow: (template: string, value: string) => unaries.get(template)?.get(value) ?? -1,
    pairRow: (template: string, first: string, second: string) => pairs.get(template)?.get(first)?.get(second) ?? -1,
    transitionRow: (feature: string) => transitionRows.get(feature) ?? -1,
  });
}

/** A trained model's features and dense weights, as the trainer holds them. */
export interface TrainedWeights {
  names: readonly string[];
  /** The feature's row in `weights` or `transitions`. */
  rowOf(name: string): number;
  weights: ArrayLike<number>;
  transitions: ArrayLike<number>;
}

/**
 * Quantises trained weights to the stored form (int16 with one scale), dropping
 * features whose largest absolute weight is below `minWeight`.
 */
export function quantizeModel(
  trained: TrainedWeights,
  meta: Omit<NerModelMeta, 'scale' | 'featureCount' | 'entryCount' | 'labels'>,
  minWeight: number,
): NerModelData {
  let maxAbs = 0;
  for (let i = 0; i < trained.weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(trained.weights[i]!));
  for (let i = 0; i < trained.transitions.length; i++) maxAbs = Math.max(maxAbs, Math.abs(trained.transitions[i]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: string[] = [];
  const counts: number[] = [];
  const cells: number[] = [];
  const values: number[] = [];
  for (const name of trained.names) {
    const transition = isTransitionFeature(name);
    const width = transition ? TRANSITION_CELLS : LABEL_COUNT;
    const source = transition ? trained.transitions : trained.weights;
    const base = trained.rowOf(name) * width;
    if (base < 0 || base + width > source.length) continue;
    let largest = 0;
    for (let c = 0; c < width; c++) largest = Math.max(largest, Math.abs(source[base + c]!));
    if (largest === 0 || largest < minWeight) continue;
    let count = 0;
    for (let c = 0; c < width; c++) {
      const q = Math.round(source[base + c]! / scale);
      if (q === 0) continue;
      cells.push(c);
      values.push(q);
      count++;
    }
    if (count === 0) continue;
    kept.push(name);
    counts.push(count);
  }
  const bytes = new Uint8Array(values.length * 4 + kept.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setInt16(i * 2, v, true));
  cells.forEach((c, i) => view.setUint16(values.length * 2 + i * 2, c, true));
  counts.forEach((c, i) => view.setUint16(values.length * 4 + i * 2, c, true));
  return {
    meta: { ...meta, labels: [...LABELS], scale, featureCount: kept.length, entryCount: values.length },
    features: kept.join('\n'),
    weights: bytes,
  };
}
