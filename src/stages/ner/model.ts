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
 * `compileNerModel` turns that into a feature -> row hash table over the
 * features text (see FeatureTable) and dense Int16Arrays kept in stored units (half the memory of floats, so more of the model stays in
 * cache); scores are sums in those units, and only margins are scaled back.
 * Once per extractor, each feature entered when a lookup first needs it (see FeatureTable).
 */

import { FeatureRowMemo } from './feature-rows.js';
import { ValueRowCache } from './value-rows.js';
import { LABELS, LABEL_COUNT } from './labels.js';
import { FNV_OFFSET, hashCode, hashPart, shiftFor, slotOf } from './text-hash.js';

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
  /**
   * The same weights without their zeros, when the model keeps them so (a
   * compiled one): a feature carries weight for about 3 of the 17 labels on
   * average, so a token's score is summed from a fifth of the cells.
   */
  readonly emissionRecords?: EmissionRecords;
  /** The transition matrix of a feature, or -1. */
  transitionRow(feature: string): number;
  /** rows x TRANSITION_CELLS. */
  readonly transitions: ArrayLike<number>;
  readonly history: boolean;
  /** Weight units: a score times `scale` is in the trainer's units (1 for the trainer itself). */
  readonly scale: number;
  /**
   * Feature rows and affix scores by value id, kept across articles: only for a
   * model whose weights never change (a compiled one; the trainer's change as it learns).
   */
  readonly valueRows?: ValueRowCache;
  /** Rows of the features last looked up by string, kept across articles: likewise only for a compiled model. */
  readonly featureRows?: FeatureRowMemo;
}

/**
 * Emission rows without their zeros, one record per row in one array, so that a
 * row is read from one place: at `offsets[row]`, the number of cells, then each
 * cell as `weight << LABEL_BITS | label` (weights are int16, labels < 2^LABEL_BITS).
 * A scorer that keeps a row's offset (decode.ts) reads nothing else.
 */
export interface EmissionRecords {
  readonly offsets: Int32Array;
  readonly cells: Int32Array;
}

/** Bits of a label in an EmissionRecords cell. */
export const LABEL_BITS = 5;
const LABEL_MASK = (1 << LABEL_BITS) - 1;
if (LABEL_COUNT > 1 << LABEL_BITS) throw new Error('EmissionRecords: more labels than LABEL_BITS holds');
export { LABEL_MASK };


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

const BAR = 124; // '|'

/** Whether `text` holds `part` at `at`. */
function holdsAt(text: string, at: number, part: string): boolean {
  for (let i = 0; i < part.length; i++) if (text.charCodeAt(at + i) !== part.charCodeAt(i)) return false;
  return true;
}

/** Int32 fields of a FeatureTable slot. */
const SLOT_FIELDS = 4;
/** Field offsets: the name's hash, 1 + where it starts in the text (0: empty slot), its length, its row code. */
const HASH = 0;
const AT = 1;
const LENGTH = 2;
const ROW = 3;

/**
 * Buckets of a FeatureTable's features (see bucketOf): 2^BUCKET_BITS. The finer
 * the buckets, the fewer features a lookup enters besides its own: a first
 * one-sentence article asked for 119 buckets and entered 617 features, against
 * 1,838 with 2^13 buckets, and its extract() took 10-14 ms less in a fresh
 * process (medians of paired differences over 30 and 40 pairs of processes, with
 * scripts/cold-start.mjs --child). The buckets' two arrays take 320 kB.
 */
const BUCKET_BITS = 16;

/**
 * The bucket of a feature name of `length` code units whose last three are
 * `last`, `before` and `third` (-1 where the name is shorter): a name and a
 * lookup of the same name fall in the same bucket. The end of a name is its
 * value (the start is one of a few dozen template prefixes), so the buckets are
 * even; and nothing but these four is read, so filing a feature costs no loop
 * over its characters.
 */
function bucketOf(length: number, last: number, before: number, third: number): number {
  const h = Math.imul(last + 1, 0x9e3779b1) ^ Math.imul(before + 1, 0x85ebca6b) ^ Math.imul(third + 1, 0xc2b2ae35) ^ Math.imul(length, 0x27d4eb2f);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - BUCKET_BITS);
}

/** The code unit at `i` of `a + b + c + d` (-1 before its start). */
function codeAtJoined(i: number, a: string, b: string, c: string, d: string): number {
  if (i < 0) return -1;
  if (i < a.length) return a.charCodeAt(i);
  i -= a.length;
  if (i < b.length) return b.charCodeAt(i);
  i -= b.length;
  if (i < c.length) return c.charCodeAt(i);
  return d.charCodeAt(i - c.length);
}

/** The bucket of the name `a + b + c + d`. */
function bucketOfJoined(a: string, b: string, c: string, d: string): number {
  const n = a.length + b.length + c.length + d.length;
  return bucketOf(n, codeAtJoined(n - 1, a, b, c, d), codeAtJoined(n - 2, a, b, c, d), codeAtJoined(n - 3, a, b, c, d));
}

/**
 * Feature name -> row, read straight from the features text: an open-addressing
 * table of the names' FNV-1a hashes (text-hash.ts), without making a string per
 * feature. A name can be looked up in parts (`template + value`, `template +
 * first + "|" + second`) without joining them: the hash is continued part by
 * part, and a hit is checked character by character against the name in the
 * text, so lookups are exact (a hash collision only costs a probe).
 *
 * Each slot is one record (hash, where the name starts, its length, its row code:
 * the emission row, or ~ the transition matrix), so a probe reads one cache line
 * of the table and then the name in the text: the tagger makes about twenty
 * lookups per token, most of them for rare words, and on a table of this size
 * (several MB with the weights and the text) each separate array read was a miss.
 *
 * Features are entered lazily: building the model only files each feature under
 * the bucket of its name's length and last three code units (bucketOf, in
 * scanFeatures); a lookup enters its bucket's features (hashes them, and has
 * `enter` make their weights) the first time it is asked for. A lookup can only
 * match a name of its bucket, so results are those of a table with every
 * feature entered; hashing and entering the 89,000 features and their 430,000
 * weights was a quarter of an extractor's start-up, and an article asks for a
 * few hundred to a few thousand of the 65,536 buckets (in a fresh process, after
 * one sentence: 632 for a bench article of 976 characters, then 3,301 for its
 * longest, of 6,033).
 */
class FeatureTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  /** Features not yet entered, chained by bucket (scanFeatures files them). */
  private readonly bucketLast: Int32Array;
  private readonly previousFeature: Int32Array;
  private readonly entered = new Uint8Array(1 << BUCKET_BITS);

  /**
   * @param text the feature names, one a line
   * @param starts where each name starts in `text` (`starts[f + 1] - 1` is where it ends)
   * @param chains the features filed by bucket (scanFeatures)
   * @param rowCodes each feature's row code
   * @param enter called once for each feature as it is entered
   */
  constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    chains: BucketChains,
    private readonly rowCodes: Int32Array,
    private readonly enter: (feature: number) => void,
  ) {
    const count = rowCodes.length;
    // At most half full (linear probing; four slots share a cache line).
    this.shift = shiftFor(count + (count >> 1));
    const size = 2 ** (32 - this.shift);
    this.mask = size - 1;
    this.slots = new Int32Array(size * SLOT_FIELDS);
    this.bucketLast = chains.bucketLast;
    this.previousFeature = chains.previousFeature;
  }

  /** Enters the features of `bucket`, if that has not been done. */
  private enterBucket(bucket: number): void {
    if (this.entered[bucket]) return;
    this.entered[bucket] = 1;
    // In feature order, so that a name given twice keeps its last row, as a map would.
    const features: number[] = [];
    for (let f = this.bucketLast[bucket]! - 1; f >= 0; f = this.previousFeature[f]! - 1) features.push(f);
    for (let k = features.length - 1; k >= 0; k--) this.insert(features[k]!);
  }

  private insert(f: number): void {
    const text = this.text;
    const slots = this.slots;
    const at = this.starts[f]!;
    const length = this.starts[f + 1]! - 1 - at;
    let hash = FNV_OFFSET;
    for (let i = at; i < at + length; i++) hash = hashCode(hash, text.charCodeAt(i));
    let slot = slotOf(hash, this.shift);
    for (; slots[slot * SLOT_FIELDS + AT] !== 0; slot = (slot + 1) & this.mask) {
      const base = slot * SLOT_FIELDS;
      if (slots[base + HASH] === hash && slots[base + LENGTH] === length && holdsAt(text, at, text.slice(slots[base + AT]! - 1, slots[base + AT]! - 1 + length))) break;
    }
    const base = slot * SLOT_FIELDS;
    slots[base + HASH] = hash;
    slots[base + AT] = at + 1;
    slots[base + LENGTH] = length;
    slots[base + ROW] = this.rowCodes[f]!;
    this.enter(f);
  }

  /** The row code of the feature named `name`, or NONE. */
  find(name: string): number {
    this.enterBucket(bucketOfJoined(name, '', '', ''));
    const hash = hashPart(FNV_OFFSET, name);
    const slots = this.slots;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & this.mask) {
      const base = slot * SLOT_FIELDS;
      const at = slots[base + AT]! - 1;
      if (at < 0) return NONE;
      if (slots[base + HASH] === hash && slots[base + LENGTH] === name.length && holdsAt(this.text, at, name)) return slots[base + ROW]!;
    }
  }

  /** The row code of the feature named `template + value`, or NONE. */
  findUnary(template: string, value: string): number {
    this.enterBucket(bucketOfJoined(template, value, '', ''));
    const hash = hashPart(hashPart(FNV_OFFSET, template), value);
    const slots = this.slots;
    const length = template.length + value.length;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & this.mask) {
      const base = slot * SLOT_FIELDS;
      const at = slots[base + AT]! - 1;
      if (at < 0) return NONE;
      if (slots[base + HASH] === hash && slots[base + LENGTH] === length && holdsAt(this.text, at, template) && holdsAt(this.text, at + template.length, value)) {
        return slots[base + ROW]!;
      }
    }
  }

  /** The row code of the feature named `template + first + "|" + second`, or NONE. */
  findPair(template: string, first: string, second: string): number {
    this.enterBucket(bucketOfJoined(template, first, '|', second));
    const hash = hashPart(hashCode(hashPart(hashPart(FNV_OFFSET, template), first), BAR), second);
    const slots = this.slots;
    const length = template.length + first.length + 1 + second.length;
    const text = this.text;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & this.mask) {
      const base = slot * SLOT_FIELDS;
      let at = slots[base + AT]! - 1;
      if (at < 0) return NONE;
      if (slots[base + HASH] !== hash || slots[base + LENGTH] !== length || !holdsAt(text, at, template)) continue;
      at += template.length;
      if (holdsAt(text, at, first) && text.charCodeAt(at + first.length) === BAR && holdsAt(text, at + first.length + 1, second)) return slots[base + ROW]!;
    }
  }
}

/** FeatureTable's answer for a name it does not hold (row codes are rows >= 0 or ~rows < 0). */
const NONE = 0x7fffffff;

const compiledCache = new WeakMap<NerModelData, CompiledNerModel>();

/** Compiles a stored model (once per model object: extractors built from the same data share the compiled, immutable model). */
export function compileNerModel(data: NerModelData): CompiledNerModel {
  let compiled = compiledCache.get(data);
  if (!compiled) compiledCache.set(data, (compiled = buildNerModel(data)));
  return compiled;
}

/**
 * Features filed by the bucket of their name (bucketOf), for FeatureTable to
 * enter a bucket's features when first asked: the last filed under bucket b is
 * bucketLast[b] - 1, the one before feature f previousFeature[f] - 1 (0: none).
 */
interface BucketChains {
  readonly bucketLast: Int32Array;
  readonly previousFeature: Int32Array;
}

/** What one pass over the features finds (scanFeatures). */
interface ScannedFeatures {
  /** Where each feature name starts in the text (plus one past the end, as if the text ended with "\n"). */
  readonly starts: Int32Array;
  /** Lines of the text. */
  readonly count: number;
  readonly chains: BucketChains;
  /** Per feature: its row among the emission rows, or ~row among the transition matrices. */
  readonly rows: Int32Array;
  /** Per feature: where its weights start among the stored ones. */
  readonly entryStarts: Int32Array;
  /** Per emission row: where its record starts (see EmissionRecords); rows past emissionCount unused. */
  readonly recordStarts: Int32Array;
  readonly transitionFeatures: number[];
  readonly emissionCount: number;
  /** Weights counted over the features (the stored ones, if the files are in step). */
  readonly entries: number;
  readonly recordCells: number;
}

/**
 * One pass over the lines of the features text and the features' counts of
 * weights: where each name starts, the names filed by bucket, and each feature's
 * rows and offsets (it runs once, mostly before V8 optimises it: each pass over
 * the 89,000 features cost several ms of an extractor's start-up, and this was
 * two).
 */
function scanFeatures(text: string, counts: Uint16Array, featureCount: number): ScannedFeatures {
  const starts = new Int32Array(featureCount + 1);
  const bucketLast = new Int32Array(1 << BUCKET_BITS);
  const previousFeature = new Int32Array(featureCount);
  const rows = new Int32Array(featureCount);
  const entryStarts = new Int32Array(featureCount);
  const recordStarts = new Int32Array(featureCount);
  const transitionFeatures: number[] = [];
  let emissionCount = 0;
  let entries = 0;
  let recordCells = 0;
  let count = 0;
  if (featureCount > 0) {
    let at = 0;
    for (let newline = text.indexOf('\n'); ; newline = text.indexOf('\n', newline + 1)) {
      const end = newline < 0 ? text.length : newline;
      if (count < featureCount) {
        const f = count;
        const length = end - at;
        const bucket = bucketOf(
          length,
          length > 0 ? text.charCodeAt(end - 1) : -1,
          length > 1 ? text.charCodeAt(end - 2) : -1,
          length > 2 ? text.charCodeAt(end - 3) : -1,
        );
        previousFeature[f] = bucketLast[bucket]!;
        bucketLast[bucket] = f + 1;
        starts[f + 1] = end + 1;
        const weights = counts[f]!;
        entryStarts[f] = entries;
        entries += weights;
        if (text.charCodeAt(at) === 84 /* 'T' */) {
          rows[f] = ~transitionFeatures.length;
          transitionFeatures.push(f);
        } else {
          rows[f] = emissionCount;
          recordStarts[emissionCount++] = recordCells;
          recordCells += 1 + weights;
        }
      }
      count++;
      if (newline < 0) break;
      at = newline + 1;
    }
  }
  return { starts, count, chains: { bucketLast, previousFeature }, rows, entryStarts, recordStarts, transitionFeatures, emissionCount, entries, recordCells };
}

/** Whether this machine stores numbers little-endian, as the weights file does. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The three arrays of the stored weights (see the top of this file): views of
 * the bytes where they are aligned on a little-endian machine (every machine Node
 * and browsers run on), else copies read value by value.
 */
function storedArrays(bytes: Uint8Array, entryCount: number, featureCount: number): { values: Int16Array; cellIndices: Uint16Array; counts: Uint16Array } {
  const indicesAt = entryCount * 2;
  const countsAt = entryCount * 4;
  if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) {
    return {
      values: new Int16Array(bytes.buffer, bytes.byteOffset, entryCount),
      cellIndices: new Uint16Array(bytes.buffer, bytes.byteOffset + indicesAt, entryCount),
      counts: new Uint16Array(bytes.buffer, bytes.byteOffset + countsAt, featureCount),
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Int16Array(entryCount);
  const cellIndices = new Uint16Array(entryCount);
  const counts = new Uint16Array(featureCount);
  for (let i = 0; i < entryCount; i++) {
    values[i] = view.getInt16(i * 2, true);
    cellIndices[i] = view.getUint16(indicesAt + i * 2, true);
  }
  for (let f = 0; f < featureCount; f++) counts[f] = view.getUint16(countsAt + f * 2, true);
  return { values, cellIndices, counts };
}

function buildNerModel(data: NerModelData): CompiledNerModel {
  const { meta } = data;
  if (meta.labels.length !== LABEL_COUNT || meta.labels.some((label, i) => label !== LABELS[i])) {
    throw new Error(`NER model "${meta.name}": its labels (${meta.labels.join(' ')}) differ from the tagger's (${LABELS.join(' ')}); retrain it with npm run train.`);
  }
  const { featureCount, entryCount } = meta;
  const text = data.features;
  const outOfStep = (lines: number): Error =>
    new Error(`NER model "${meta.name}": expected ${featureCount} features and ${entryCount * 4 + featureCount * 2} weight bytes, got ${lines} and ${data.weights.length}; the model files are out of step (npm run train rewrites them).`);
  if (data.weights.length !== entryCount * 4 + featureCount * 2) throw outOfStep(text === '' ? 0 : text.split('\n').length);
  const { values, cellIndices, counts } = storedArrays(data.weights, entryCount, featureCount);
  // Per feature: where its name starts, its bucket, its row and where its weights
  // and its record start (scanFeatures).
  const { starts, count, chains, rows, entryStarts, recordStarts, transitionFeatures, emissionCount, entries, recordCells } = scanFeatures(text, counts, featureCount);
  if (count !== featureCount) throw outOfStep(count);
  const nameOf = (f: number): string => text.slice(starts[f]!, starts[f + 1]! - 1);
  const corrupt = (f: number): Error => new Error(`NER model "${meta.name}": corrupt weights at feature ${f} ("${nameOf(f)}").`);
  if (entries !== entryCount) throw new Error(`NER model "${meta.name}": corrupt weights: the features count ${entries} weights, the file holds ${entryCount}.`);
  const offsets = recordStarts.subarray(0, emissionCount);
  // The transition matrices are few: made now.
  const transitionCount = transitionFeatures.length;
  const transitions = new Int16Array(transitionCount * TRANSITION_CELLS);
  for (let t = 0; t < transitionCount; t++) {
    const f = transitionFeatures[t]!;
    const base = t * TRANSITION_CELLS;
    for (let e = entryStarts[f]!, end = e + counts[f]!; e < end; e++) {
      if (cellIndices[e]! >= TRANSITION_CELLS) throw corrupt(f);
      transitions[base + cellIndices[e]!] = values[e]!;
    }
  }
  // An emission row's record is made when its feature is entered in the table
  // (a row is only ever read after a lookup found it): its cells in label order
  // without zeros, the last weight of a label given twice winning, as the dense
  // rows have them. For a row stored that way (quantizeModel writes every row so)
  // that is the stored cells as they are.
  const cells = new Int32Array(recordCells);
  const scratch = new Int16Array(LABEL_COUNT);
  const makeRecord = (f: number): void => {
    const row = rows[f]!;
    if (row < 0) return;
    const from = entryStarts[f]!;
    const count = counts[f]!;
    let at = offsets[row]!;
    let ordered = true;
    for (let e = from, previous = -1; e < from + count; e++) {
      const cell = cellIndices[e]!;
      if (cell >= LABEL_COUNT) throw corrupt(f);
      if (cell <= previous || values[e] === 0) ordered = false;
      previous = cell;
    }
    if (ordered) {
      cells[at++] = count;
      for (let e = from; e < from + count; e++) cells[at++] = (values[e]! << LABEL_BITS) | cellIndices[e]!;
      return;
    }
    scratch.fill(0);
    for (let e = from; e < from + count; e++) scratch[cellIndices[e]!] = values[e]!;
    const countAt = at++;
    for (let l = 0; l < LABEL_COUNT; l++) if (scratch[l] !== 0) cells[at++] = (scratch[l]! << LABEL_BITS) | l;
    cells[countAt] = at - countAt - 1;
  };
  const table = new FeatureTable(text, starts, chains, rows, makeRecord);
  // The dense rows are made when first read (the tagger reads the records).
  let weights: Int16Array | null = null;
  const denseRows = (): Int16Array => {
    if (weights) return weights;
    weights = new Int16Array(emissionCount * LABEL_COUNT);
    for (let f = 0; f < featureCount; f++) {
      const row = rows[f]!;
      if (row < 0) continue;
      for (let e = entryStarts[f]!, end = e + counts[f]!; e < end; e++) {
        if (cellIndices[e]! >= LABEL_COUNT) throw corrupt(f);
        weights[row * LABEL_COUNT + cellIndices[e]!] = values[e]!;
      }
    }
    return weights;
  };
  const emissionRecords: EmissionRecords = { offsets, cells };
  const emissionRow = (code: number): number => (code === NONE || code < 0 ? -1 : code);
  return Object.freeze({
    name: meta.name,
    history: meta.history,
    scale: meta.scale,
    get weights() {
      return denseRows();
    },
    emissionRecords,
    transitions,
    valueRows: new ValueRowCache(),
    featureRows: new FeatureRowMemo(),
    row: (feature: string) => emissionRow(table.find(feature)),
    unaryRow: (template: string, value: string) => emissionRow(table.findUnary(template, value)),
    pairRow: (template: string, first: string, second: string) => emissionRow(table.findPair(template, first, second)),
    transitionRow: (feature: string) => {
      const code = table.find(feature);
      return code === NONE || code >= 0 ? -1 : ~code;
    },
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
