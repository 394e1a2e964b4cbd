/**
 * Greedy left-to-right decoding. Each token's static features are scored once;
 * then, token by token, the features of the labels already chosen are added and
 * the best label that may legally follow the previous one is taken. Greedy
 * decoding with label-history features loses little against Viterbi for this
 * task (Ratinov & Roth 2009) and costs one pass.
 */

import { buildFeatureView, dynamicFeatures, LabelHistory, staticFeatures, type FeatureView } from './features.js';
import { canEnd, LABEL_COUNT, OUTSIDE, TRANSITION_ALLOWED } from './labels.js';
import type { ScoringModel } from './model.js';

export interface TaggedDocument {
  view: FeatureView;
  /** One label per document token (OUTSIDE for furniture). */
  labels: Uint8Array;
  /** Per token: the margin between the chosen label's score and the runner-up's. */
  margins: Float32Array;
}

/** Adds the weight rows of the given features to `scores`. */
export function addFeatureScores(model: ScoringModel, features: readonly string[], scores: Float64Array): void {
  const weights = model.weights;
  for (const feature of features) {
    const row = model.row(feature);
    if (row < 0) continue;
    const base = row * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += weights[base + l]!;
  }
}

/** Picks the best label allowed after `previous`; returns [label, margin]. */
export function bestLabel(scores: Float64Array, previous: number, last: boolean): [number, number] {
  let best = OUTSIDE;
  let bestScore = -Infinity;
  let second = -Infinity;
  const row = previous * LABEL_COUNT;
  for (let l = 0; l < LABEL_COUNT; l++) {
    if (!TRANSITION_ALLOWED[row + l] || (last && !canEnd(l))) continue;
    const s = scores[l]!;
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = l;
    } else if (s > second) second = s;
  }
  return [best, second === -Infinity ? bestScore : bestScore - second];
}

/** Whether a token's label is remembered in the document's label history. */
export function remembersLabel(view: FeatureView, i: number): boolean {
  const first = view.shapes[i]!.charCodeAt(0);
  return first === 88; // 'X': starts with a capital letter
}

export function tagView(view: FeatureView, model: ScoringModel): TaggedDocument {
  const tokens = view.doc.tokens;
  const labels = new Uint8Array(tokens.length);
  const margins = new Float32Array(tokens.length);
  const history = model.history ? new LabelHistory() : null;
  const features: string[] = [];
  const staticScores = new Float64Array(LABEL_COUNT);
  const scores = new Float64Array(LABEL_COUNT);
  for (const sentence of view.doc.sentences) {
    let previous = OUTSIDE;
    let beforePrevious = OUTSIDE;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      if (tokens[i]!.furniture) {
        // Furniture inside a sentence (a wire code) closes any open name.
        labels[i] = OUTSIDE;
        previous = beforePrevious = OUTSIDE;
        continue;
      }
      features.length = 0;
      staticFeatures(view, i, sentence.tokenStart, sentence.tokenEnd, features);
      staticScores.fill(0);
      addFeatureScores(model, features, staticScores);
      features.length = 0;
      dynamicFeatures(view, i, previous, beforePrevious, history, features);
      scores.set(staticScores);
      addFeatureScores(model, features, scores);
      const last = i + 1 === sentence.tokenEnd || tokens[i + 1]!.furniture;
      const [label, margin] = bestLabel(scores, previous, last);
      labels[i] = label;
      margins[i] = margin;
      if (history && remembersLabel(view, i)) history.record(view.keys[i]!, label);
      beforePrevious = previous;
      previous = label;
    }
  }
  return { view, labels, margins };
}

export { buildFeatureView };
