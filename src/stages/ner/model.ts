/**
 * The tagger's weights: one row of per-label weights for each feature string.
 *
 * On disk (data/model/) a model is a small JSON header, the feature strings one a
 * line, and the weights as signed bytes (row-major, features x labels) with one
 * scale factor: weight = byte * scale. `compileNerModel` turns that into a
 * feature -> row map and a Float32Array, once per extractor.
 */

import { LABELS, LABEL_COUNT } from './labels.js';

export interface NerModelMeta {
  /** Model name, used as provenance rule id. */
  name: string;
  /** Label names in row order; must equal LABELS. */
  labels: string[];
  /** weight = quantised byte * scale. */
  scale: number;
  featureCount: number;
  /** Use the prediction-history features (document-level). */
  history: boolean;
  /** Free-form training notes (epochs, seed, dev F1). */
  training?: Record<string, unknown>;
}

/** A model as stored: what src/node/load-data.ts reads and a browser bundle could inline. */
export interface NerModelData {
  meta: NerModelMeta;
  /** Feature strings separated by "\n", in row order. */
  features: string;
  /** featureCount * labels signed bytes. */
  weights: Int8Array;
}

/** What the decoder needs from a model, trained or compiled. */
export interface ScoringModel {
  /** The row of a feature, or -1 when the model does not know it. */
  row(feature: string): number;
  readonly weights: ArrayLike<number>;
  readonly history: boolean;
}

export interface CompiledNerModel extends ScoringModel {
  readonly name: string;
}

export function compileNerModel(data: NerModelData): CompiledNerModel {
  const { meta } = data;
  if (meta.labels.length !== LABEL_COUNT || meta.labels.some((label, i) => label !== LABELS[i])) {
    throw new Error(`NER model "${meta.name}": its labels (${meta.labels.join(' ')}) differ from the tagger's (${LABELS.join(' ')}); retrain it with npm run train.`);
  }
  const names = data.features.split('\n');
  if (names.length !== meta.featureCount || data.weights.length !== meta.featureCount * LABEL_COUNT) {
    throw new Error(`NER model "${meta.name}": expected ${meta.featureCount} features and ${meta.featureCount * LABEL_COUNT} weights, got ${names.length} and ${data.weights.length}; the model files are out of step.`);
  }
  const rows = new Map<string, number>();
  for (let i = 0; i < names.length; i++) rows.set(names[i]!, i);
  const weights = new Float32Array(data.weights.length);
  const scale = meta.scale;
  for (let i = 0; i < weights.length; i++) weights[i] = data.weights[i]! * scale;
  return {
    name: meta.name,
    history: meta.history,
    weights,
    row: (feature) => rows.get(feature) ?? -1,
  };
}

/**
 * Quantises trained weights to the stored form, dropping features whose largest
 * absolute weight is below `minWeight` (they change no decision that matters).
 */
export function quantizeModel(
  names: readonly string[],
  weights: ArrayLike<number>,
  meta: Omit<NerModelMeta, 'scale' | 'featureCount' | 'labels'>,
  minWeight: number,
): NerModelData {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]!));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const kept: string[] = [];
  const bytes: number[] = [];
  for (let f = 0; f < names.length; f++) {
    const base = f * LABEL_COUNT;
    let largest = 0;
    for (let l = 0; l < LABEL_COUNT; l++) largest = Math.max(largest, Math.abs(weights[base + l]!));
    const quantised: number[] = [];
    for (let l = 0; l < LABEL_COUNT; l++) quantised.push(Math.max(-127, Math.min(127, Math.round(weights[base + l]! / scale))));
    if (largest < minWeight || quantised.every((q) => q === 0)) continue;
    kept.push(names[f]!);
    bytes.push(...quantised);
  }
  return {
    meta: { ...meta, labels: [...LABELS], scale, featureCount: kept.length },
    features: kept.join('\n'),
    weights: Int8Array.from(bytes),
  };
}
