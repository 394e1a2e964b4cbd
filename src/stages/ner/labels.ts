/**
 * The tagger's label set: BILOU over the four CoNLL types plus O. BILOU (begin,
 * inside, last, unit) gives the model features for where a name ends (Ratinov &
 * Roth 2009 found it better than BIO), and makes the legal label sequences easy
 * to state for the decoder.
 */

import type { CandidateType } from '../../core/document.js';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof ENTITY_TYPES)[number];

export const CANDIDATE_TYPE: Record<NerType, CandidateType> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'misc',
};

export type Position = 'B' | 'I' | 'L' | 'U';
const POSITIONS: readonly Position[] = ['B', 'I', 'L', 'U'];

/** Label 0 is O; then B-, I-, L-, U- for each type. */
export const LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((type) => POSITIONS.map((p) => `${p}-${type}`))];
export const LABEL_COUNT = LABELS.length;
export const OUTSIDE = 0;

export function labelOf(position: Position, type: NerType): number {
  return 1 + ENTITY_TYPES.indexOf(type) * 4 + POSITIONS.indexOf(position);
}

export function positionOf(label: number): Position | 'O' {
  return label === OUTSIDE ? 'O' : POSITIONS[(label - 1) % 4]!;
}

export function typeOf(label: number): NerType | null {
  return label === OUTSIDE ? null : ENTITY_TYPES[Math.floor((label - 1) / 4)]!;
}

/** Whether `label` may follow `previous` (OUTSIDE stands for the sentence start too). */
export function canFollow(previous: number, label: number): boolean {
  const before = positionOf(previous);
  const now = positionOf(label);
  const open = before === 'B' || before === 'I';
  if (open) return (now === 'I' || now === 'L') && typeOf(previous) === typeOf(label);
  return now === 'O' || now === 'B' || now === 'U';
}

/** Whether `label` may end a sentence. */
export function canEnd(label: number): boolean {
  const p = positionOf(label);
  return p !== 'B' && p !== 'I';
}

/** transitionAllowed[previous * LABEL_COUNT + label], precomputed. */
export const TRANSITION_ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  for (let a = 0; a < LABEL_COUNT; a++) for (let b = 0; b < LABEL_COUNT; b++) table[a * LABEL_COUNT + b] = canFollow(a, b) ? 1 : 0;
  return table;
})();

export interface LabeledSpan {
  /** Token range [tokenStart, tokenEnd) relative to the labels array. */
  tokenStart: number;
  tokenEnd: number;
  type: NerType;
}

/** Reads spans from a BILOU label sequence, repairing illegal sequences leniently. */
export function spansOfLabels(labels: ArrayLike<number>): LabeledSpan[] {
  const spans: LabeledSpan[] = [];
  let openStart = -1;
  let openType: NerType | null = null;
  const close = (end: number): void => {
    if (openType !== null) spans.push({ tokenStart: openStart, tokenEnd: end, type: openType });
    openType = null;
  };
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const position = positionOf(label);
    const type = typeOf(label);
    if (position === 'O') {
      close(i);
      continue;
    }
    if (position === 'B' || position === 'U' || openType !== type) {
      close(i);
      openStart = i;
      openType = type;
    }
    if (position === 'L' || position === 'U') close(i + 1);
  }
  close(labels.length);
  return spans;
}

/** BILOU labels for token spans over a sequence of `length` tokens. */
export function labelsOfSpans(length: number, spans: readonly LabeledSpan[]): Uint8Array {
  const labels = new Uint8Array(length);
  for (const span of spans) {
    const n = span.tokenEnd - span.tokenStart;
    if (n <= 0) continue;
    if (n === 1) {
      labels[span.tokenStart] = labelOf('U', span.type);
      continue;
    }
    labels[span.tokenStart] = labelOf('B', span.type);
    for (let i = span.tokenStart + 1; i < span.tokenEnd - 1; i++) labels[i] = labelOf('I', span.type);
    labels[span.tokenEnd - 1] = labelOf('L', span.type);
  }
  return labels;
}

/** For each label, the labels that may precede it (OUTSIDE included where legal). */
export const ALLOWED_PREVIOUS: readonly Uint8Array[] = Array.from({ length: LABEL_COUNT }, (_, label) => {
  const previous: number[] = [];
  for (let p = 0; p < LABEL_COUNT; p++) if (canFollow(p, label)) previous.push(p);
  return Uint8Array.from(previous);
});
