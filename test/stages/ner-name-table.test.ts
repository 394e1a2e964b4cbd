/**
 * The gazetteer's NameTable enters its lines lazily, bucket by bucket, or, for a
 * text sorted by key, by bisection, as lookups ask for them
 * (src/stages/ner/gazetteer.ts): every name must still be found with every list
 * that has it, whatever the order of lookups and of added texts.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { NAME_ORDER_LISTS, NameTable, NER_GAZETTEER_LISTS, SORTED_KEY_LISTS } from '../../src/stages/ner/gazetteer.js';
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

  it.each([undefined, 1, 3])('finds the names of a text sorted by key as those of any text, a text added after lookups too (entered whole after %s keys)', (enterSortedAfter) => {
    const sorted = new NameTable(16, enterSortedAfter);
    const unsorted = new NameTable(16);
    const first = '# comment\nNew-York\tx\tnew - york\nNew York\tUS\nNew York City\nNewark\nParis\tFR\nSao Paulo\tBR\tsao paulo\nSão Tomé\tST\tsao tome\n';
    const second = 'Lyon\tclub\nNew York Cosmos\tclub\nParis\tclub\n';
    const lookups = [['new'], ['new', 'york'], ['new', 'york', 'city'], ['new', '-', 'york'], ['newark'], ['paris'], ['sao'], ['sao', 'paulo'], ['sao', 'tome'], ['lyon'], ['new', 'york', 'cosmos'], ['york'], ['pari'], ['Paris'], ['']];
    const answers = (table: NameTable) => lookups.map((keys) => {
      const entry = lookup(table, keys);
      return entry < 0 ? -1 : table.maskOf(entry) | (table.continues(entry) ? 0x100 : 0);
    });
    sorted.addSortedTsv(first, 0b01);
    unsorted.addTsv(first, 0b01);
    expect(answers(sorted)).toEqual(answers(unsorted));
    sorted.addSortedTsv(second, 0b10);
    unsorted.addTsv(second, 0b10);
    const both = answers(sorted);
    expect(both).toEqual(answers(unsorted));
    expect(both.slice(0, 6)).toEqual([0x100, 0x101, 0b01, 0b01, 0b01, 0b11]);
    expect(both.slice(9)).toEqual([0b10, 0b10, -1, -1, -1, -1]);
  });

  it("has lede's TSV lists sorted by key (but for NAME_ORDER_LISTS), as the bisection of a sorted text needs", () => {
    const unsorted: string[] = [];
    for (const list of NER_GAZETTEER_LISTS.filter((name) => !SORTED_KEY_LISTS.has(name) && !NAME_ORDER_LISTS.has(name))) {
      const lines = readFileSync(join(ROOT, 'data', 'gazetteer', `${list}.tsv`), 'utf8').split('\n');
      while (lines[0]?.startsWith('#')) lines.shift();
      if (lines.at(-1) === '') lines.pop();
      const keys = lines.map((line) => {
        const columns = line.split('\t');
        return (columns.length >= 3 ? columns[2]! : columns[0]!).replace(/[A-Z]/g, (c) => c.toLowerCase());
      });
      for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]! || lines[i] === '' || lines[i]!.startsWith('#')) unsorted.push(`${list}: ${lines[i]}`);
    }
    expect(unsorted.slice(0, 10)).toEqual([]);
  });

  const bySortedKey = (table: NameTable, text: string, mask: number, list: string): void => (NAME_ORDER_LISTS.has(list) ? table.addTsv(text, mask) : table.addSortedTsv(text, mask));
  it.each([
    ['filed by bucket', (table: NameTable, text: string, mask: number) => table.addTsv(text, mask), undefined],
    ['sorted by key', bySortedKey, undefined],
    ['sorted by key, entered whole at the first lookup', bySortedKey, 1],
    ['sorted by key, entered whole after 500 keys', bySortedKey, 500],
  ])("finds every name of lede's TSV lists with its list, looked up in reverse order (%s)", (_, add, enterSortedAfter) => {
    const lists = NER_GAZETTEER_LISTS.filter((list) => !SORTED_KEY_LISTS.has(list));
    const table = new NameTable(1000, enterSortedAfter);
    const names: { keys: string[]; list: number }[] = [];
    lists.forEach((list, bit) => {
      const text = readFileSync(join(ROOT, 'data', 'gazetteer', `${list}.tsv`), 'utf8');
      add(table, text, 1 << bit, list);
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
