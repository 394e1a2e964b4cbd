/**
 * The compiled tagger model enters its features lazily, bucket by bucket, as
 * lookups ask for them, and makes each emission row's record then
 * (src/stages/ner/model.ts): every stored feature must still be found, with the
 * weights the file stores, whatever the order of lookups.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { compileNerModel, isTransitionFeature, LABEL_BITS, LABEL_MASK, type CompiledNerModel, type NerModelData, type NerModelMeta } from '../../src/stages/ner/model.js';
import { LABEL_COUNT, LABELS } from '../../src/stages/ner/labels.js';

/** The nonzero weights of an emission row as "label:weight", in label order, read from the model's record. */
function recordOf(model: CompiledNerModel, row: number): string[] {
  const { offsets, cells } = model.emissionRecords!;
  const at = offsets[row]!;
  return Array.from(cells.subarray(at + 1, at + 1 + cells[at]!), (cell) => `${cell & LABEL_MASK}:${cell >> LABEL_BITS}`);
}

/** The same from the dense rows. */
function denseOf(model: CompiledNerModel, row: number): string[] {
  const out: string[] = [];
  for (let l = 0; l < LABEL_COUNT; l++) {
    const weight = model.weights[row * LABEL_COUNT + l]!;
    if (weight !== 0) out.push(`${l}:${weight}`);
  }
  return out;
}

/** A model file written by hand: features with their stored (cell, value) pairs in the order given. */
function storedModel(features: [string, [number, number][]][]): NerModelData {
  const entries = features.flatMap(([, cells]) => cells);
  const bytes = new Uint8Array(entries.length * 4 + features.length * 2);
  const view = new DataView(bytes.buffer);
  entries.forEach(([cell, value], i) => {
    view.setInt16(i * 2, value, true);
    view.setUint16(entries.length * 2 + i * 2, cell, true);
  });
  features.forEach(([, cells], f) => view.setUint16(entries.length * 4 + f * 2, cells.length, true));
  const meta: NerModelMeta = { name: 'hand', labels: [...LABELS], scale: 1, featureCount: features.length, entryCount: entries.length, history: false };
  return { meta, features: features.map(([name]) => name).join('\n'), weights: bytes };
}

describe('the lazily entered model', () => {
  it('makes records equal to the dense rows, for rows stored in label order and rows that are not', () => {
    const model = compileNerModel(
      storedModel([
        ['w=a', [[1, 5], [4, -3]]],
        ['w=b', [[4, 2], [1, 7], [4, 9], [2, 0]]], // out of order, a label twice (the last wins), a zero
        ['Ts=Xx', [[18, 3]]],
        ['bias', [[0, 1]]],
      ]),
    );
    // Looked up in an order other than the file's.
    expect(recordOf(model, model.row('bias'))).toEqual(['0:1']);
    expect(recordOf(model, model.unaryRow('w=', 'b'))).toEqual(['1:7', '4:9']);
    expect(recordOf(model, model.row('w=a'))).toEqual(['1:5', '4:-3']);
    for (const row of [0, 1, 2]) expect(recordOf(model, row)).toEqual(denseOf(model, row));
    expect(model.transitions[model.transitionRow('Ts=Xx') * LABEL_COUNT * LABEL_COUNT + 18]).toBe(3);
  });

  it('refuses a file whose counts do not add up to its weights, and a transition cell out of range', () => {
    const data = storedModel([['w=a', [[1, 5]]], ['bias', [[0, 1]]]]);
    const counts = new DataView(data.weights.buffer, data.weights.byteOffset + data.meta.entryCount * 4);
    counts.setUint16(0, 2, true);
    expect(() => compileNerModel(data)).toThrow(/corrupt weights/);
    expect(() => compileNerModel(storedModel([['Ts=Xx', [[LABEL_COUNT * LABEL_COUNT, 1]]]]))).toThrow(/corrupt weights at feature 0 \("Ts=Xx"\)/);
  });

  it("finds every feature of lede's model, looked up in reverse order, with its stored weights", () => {
    const dir = join(ROOT, 'data', 'model');
    const bytes = readFileSync(join(dir, 'ner-weights.bin'));
    const data: NerModelData = {
      meta: JSON.parse(readFileSync(join(dir, 'ner-model.json'), 'utf8')) as NerModelMeta,
      features: readFileSync(join(dir, 'ner-features.txt'), 'latin1'),
      weights: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    };
    const model = compileNerModel(data);
    const names = data.features.split('\n');
    let emission = names.filter((name) => !isTransitionFeature(name)).length;
    let transition = names.length - emission;
    const wrong: string[] = [];
    for (let f = names.length - 1; f >= 0; f--) {
      const name = names[f]!;
      if (isTransitionFeature(name)) {
        if (model.transitionRow(name) !== --transition) wrong.push(name);
        continue;
      }
      const row = model.row(name);
      if (row !== --emission || recordOf(model, row).join() !== denseOf(model, row).join() || recordOf(model, row).length === 0) wrong.push(name);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
