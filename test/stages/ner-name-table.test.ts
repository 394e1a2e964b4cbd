/**
 * The gazetteer's NameTable enters its lines lazily, bucket by bucket, as lookups
 * ask for them (src/stages/ner/gazetteer.ts): every name must still be found with
 * every list that has it, whatever the order of lookups and of added texts.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { NameTable, NER_GAZETTEER_LISTS, SORTED_KEY_LISTS } from '../../src/stages/ner/gazetteer.js';
import { FNV_OFFSET, hashCode, hashPart } from '../../src/stages/ner/text-hash.js';

/** The entry of the name of `keys`, or -1 (as matchGazetteer looks names up). */
function lookup(table: NameTable, keys: readonly string[]): number {
  let hash = hashPart(FNV_OFFSET, keys[0]!);
  for (let k = 1; k < keys.length; k++) hash = hashPart(hashCode(hash, 32), keys[k]!);
  return table.find(hash, keys, 0, keys.length);
}

describe('NameTable', () => {
  it('finds a name with the union of its lists, a prefix of a longer name as continuing, and nothing else', () => {
    const table = new NameTable(16);
    table.addTsv('# comment\nParis\tFR\nSao Paulo\tBR\tsao paulo\nNew York\tUS\n', 0b01);
    expect(table.maskOf(lookup(table, ['paris']))).toBe(0b01);
    expect(table.maskOf(lookup(table, ['sao', 'paulo']))).toBe(0b01);
    // 'New' is only the start of a name.
    const start = lookup(table, ['new']);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(table.maskOf(start)).toBe(0);
    expect(table.continues(start)).toBe(true);
    expect(lookup(table, ['york'])).toBe(-1);
    expect(lookup(table, ['pari'])).toBe(-1);
    expect(lookup(table, ['Paris'])).toBe(-1); // keys are lower case
    expect(lookup(table, ['sao', 'paulo', 'fc'])).toBe(-1);
    // A text added after lookups: names of buckets already entered are entered at once.
    table.addTsv('Paris\tclub\nNew York Cosmos\tclub\nLyon\tclub\n', 0b10);
    expect(table.maskOf(lookup(table, ['paris']))).toBe(0b11);
    expect(table.maskOf(lookup(table, ['new', 'york']))).toBe(0b01);
    expect(table.maskOf(lookup(table, ['new', 'york', 'cosmos']))).toBe(0b10);
    expect(table.maskOf(lookup(table, ['lyon']))).toBe(0b10);
  });

  it("finds every name of lede's TSV lists with its list, looked up in reverse order", () => {
    const lists = NER_GAZETTEER_LISTS.filter((list) => !SORTED_KEY_LISTS.has(list));
    const table = new NameTable(1000);
    const names: { keys: string[]; list: number }[] = [];
    lists.forEach((list, bit) => {
      const text = readFileSync(join(ROOT, 'data', 'gazetteer', `${list}.tsv`), 'utf8');
      table.addTsv(text, 1 << bit);
      for (const line of text.split('\n')) {
        if (line === '' || line.startsWith('#')) continue;
        const columns = line.split('\t');
        const key = columns.length >= 3 ? columns[2]! : columns[0]!.replace(/[A-Z]/g, (c) => c.toLowerCase());
        const keys = key.split(' ');
        if (keys.length <= 8) names.push({ keys, list: bit });
      }
    });
    expect(names.length).toBeGreaterThan(40_000);
    const missing: string[] = [];
    for (let i = names.length - 1; i >= 0; i--) {
      const { keys, list } = names[i]!;
      const entry = lookup(table, keys);
      if (entry < 0 || (table.maskOf(entry) & (1 << list)) === 0) missing.push(`${lists[list]}: ${keys.join(' ')}`);
    }
    expect(missing.slice(0, 10)).toEqual([]);
  });
});
