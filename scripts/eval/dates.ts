/**
 * npm run eval -- dates ../shared/data/timebank [--errors] [--limit N]
 *
 * TempEval-3-style scores of the public extract() over TimeML documents, with
 * each document's creation time (DCT) as publishedAt:
 * - detection P/R/F1, relaxed (spans overlap) and strict (same span);
 * - value P/R/F1: a mention counts when it overlaps a gold TIMEX3 whose value it
 *   equals exactly (after canonicalValue: week numbers with two digits);
 * - type accuracy over the overlapping pairs;
 * - TIMEX3 mod over the pairs whose value is right: how many of the gold's mods
 *   lede states, and how many of lede's mods the gold has;
 * - a breakdown by the gold value's shape (day, month, year, week, quarter, …);
 * - the cost of the dates stage alone, in µs per token.
 */

import { performance } from 'node:perf_hooks';
import { extract } from '../../src/index.js';
import { compileResources } from '../../src/core/resources.js';
import { createDocument, type LedeDocument } from '../../src/core/document.js';
import { parsePublishedAt } from '../../src/core/options.js';
import { PIPELINE } from '../../src/core/pipeline.js';
import { loadResourceData } from '../../src/node/load-data.js';
import type { DateMention } from '../../src/types.js';
import { readTimeBank, type GoldTimex, type TimeMlDocument } from '../lib/timebank.js';

/** The shape of a TIMEX3 value, for the breakdown. */
export function valueShape(value: string | null, type?: string): string {
  if (value === null || value === '') return 'none';
  if (type === 'SET' || type === 'set') return 'set';
  if (/^(PRESENT|PAST|FUTURE)_REF$/.test(value)) return value;
  if (/^P/.test(value)) return 'duration';
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'time';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^FY\d{4}$/.test(value)) return 'fiscal year';
  if (/^\d{4}-W\d{1,2}(-WE)?$/.test(value)) return 'week';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-H\d$/.test(value)) return 'half';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{3}X?$/.test(value)) return 'decade';
  if (/^\d{2}(XX)?$/.test(value)) return 'century';
  if (/X/.test(value)) return 'underspecified';
  return 'other';
}

/**
 * A TIMEX3 value in its canonical ISO 8601 spelling, for comparison: a week
 * number has two digits. The gold writes a handful of weeks without the leading
 * zero ('2000-W7' for '2000-W07'); both spellings name the same week.
 */
export function canonicalValue(value: string | null): string | null {
  if (value === null) return null;
  return value.replace(/^(\d{4}-W)(\d)(?=$|-)/, '$10$2');
}

const sameValue = (a: string | null, b: string | null): boolean => canonicalValue(a) === canonicalValue(b);

interface Counts {
  gold: number;
  system: number;
  relaxedGold: number;
  relaxedSystem: number;
  strictGold: number;
  strictSystem: number;
  valueGold: number;
  valueSystem: number;
  typePairs: number;
  typeCorrect: number;
}

const emptyCounts = (): Counts => ({
  gold: 0, system: 0, relaxedGold: 0, relaxedSystem: 0, strictGold: 0, strictSystem: 0, valueGold: 0, valueSystem: 0, typePairs: 0, typeCorrect: 0,
});

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function prf(correctSystem: number, system: number, correctGold: number, gold: number): [number, number, number] {
  const precision = system === 0 ? 0 : correctSystem / system;
  const recall = gold === 0 ? 0 : correctGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return [precision, recall, f1];
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

function publishedAtOf(doc: TimeMlDocument): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2})?/.exec(doc.dct);
  return match ? match[1]! + (match[2] ?? '') : undefined;
}

interface ErrorLine {
  kind: 'missed' | 'spurious' | 'value';
  doc: string;
  text: string;
  gold?: string;
  system?: string;
  context: string;
}

/** TIMEX3 mods over the overlapping pairs whose value is right. */
export interface ModCounts {
  /** Pairs where the gold has a mod, and of those, where lede states the same one. */
  gold: number;
  goldFound: number;
  /** Pairs where lede states a mod, and of those, where the gold has the same one. */
  system: number;
  systemRight: number;
}

export const emptyModCounts = (): ModCounts => ({ gold: 0, goldFound: 0, system: 0, systemRight: 0 });

export function scoreDocument(
  doc: TimeMlDocument, system: readonly DateMention[], total: Counts, byShape: Map<string, Counts>, errors: ErrorLine[], mods: ModCounts = emptyModCounts(),
): void {
  const shapeCounts = (shape: string): Counts => {
    let counts = byShape.get(shape);
    if (!counts) byShape.set(shape, (counts = emptyCounts()));
    return counts;
  };
  const context = (start: number, end: number): string =>
    `${doc.text.slice(Math.max(0, start - 60), start)}[${doc.text.slice(start, end)}]${doc.text.slice(end, end + 40)}`.replace(/\s+/g, ' ');
  for (const gold of doc.timexes) {
    const counts = shapeCounts(valueShape(gold.value, gold.type));
    const overlapping = system.filter((s) => overlaps(s, gold));
    const valueRight = overlapping.some((s) => sameValue(s.value, gold.value));
    const pair = overlapping.find((s) => sameValue(s.value, gold.value));
    if (pair !== undefined) {
      if (gold.mod !== undefined) {
        mods.gold++;
        if (pair.mod === gold.mod) mods.goldFound++;
      }
      if (pair.mod !== undefined) {
        mods.system++;
        if (pair.mod === gold.mod) mods.systemRight++;
      }
    }
    for (const c of [total, counts]) {
      c.gold++;
      if (overlapping.length > 0) c.relaxedGold++;
      if (overlapping.some((s) => s.start === gold.start && s.end === gold.end)) c.strictGold++;
      if (valueRight) c.valueGold++;
    }
    if (overlapping.length === 0) errors.push({ kind: 'missed', doc: doc.id, text: gold.text, gold: gold.value, context: context(gold.start, gold.end) });
    else if (!valueRight) {
      errors.push({ kind: 'value', doc: doc.id, text: gold.text, gold: gold.value, system: overlapping.map((s) => `${s.text}=${s.value}`).join(' | '), context: context(gold.start, gold.end) });
    }
  }
  for (const mention of system) {
    const counts = shapeCounts(valueShape(mention.value, mention.type));
    const overlapping: GoldTimex[] = doc.timexes.filter((g) => overlaps(mention, g));
    for (const c of [total, counts]) {
      c.system++;
      if (overlapping.length > 0) c.relaxedSystem++;
      if (overlapping.some((g) => g.start === mention.start && g.end === mention.end)) c.strictSystem++;
      if (overlapping.some((g) => sameValue(g.value, mention.value))) c.valueSystem++;
    }
    if (overlapping.length > 0) {
      total.typePairs++;
      if (overlapping.some((g) => g.type.toLowerCase() === mention.type)) total.typeCorrect++;
    } else {
      errors.push({ kind: 'spurious', doc: doc.id, text: mention.text, system: mention.value ?? 'null', context: context(mention.start, mention.end) });
    }
  }
}

/** Runs the pipeline stage by stage on one document and returns the time spent in the dates stage (ms). */
function timeDatesStage(text: string, publishedAt: string | undefined, resources: ReturnType<typeof compileResources>): { ms: number; tokens: number } {
  const doc: LedeDocument = createDocument(text, parsePublishedAt(publishedAt));
  let ms = 0;
  for (const stage of PIPELINE) {
    const started = performance.now();
    stage.run(doc, resources);
    if (stage.name === 'dates') ms += performance.now() - started;
  }
  return { ms, tokens: doc.tokens.length };
}

export async function main(args: string[]): Promise<void> {
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) throw new Error('usage: npm run eval -- dates <timebank directory> [--errors] [--limit N]');
  const showErrors = args.includes('--errors');
  const limitIndex = args.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : Infinity;
  const documents = readTimeBank(path);
  if (documents.length === 0) throw new Error(`no .tml files under ${path}`);

  const total = emptyCounts();
  const byShape = new Map<string, Counts>();
  const errors: ErrorLine[] = [];
  const mods = emptyModCounts();
  for (const doc of documents) {
    const result = extract(doc.text, { publishedAt: publishedAtOf(doc) });
    scoreDocument(doc, result.dates, total, byShape, errors, mods);
  }

  // Speed of the dates stage alone: a warm-up pass, then three timed passes.
  const resources = compileResources(loadResourceData(), {});
  for (const doc of documents) timeDatesStage(doc.text, publishedAtOf(doc), resources);
  let ms = 0;
  let tokens = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const doc of documents) {
      const timing = timeDatesStage(doc.text, publishedAtOf(doc), resources);
      ms += timing.ms;
      tokens += timing.tokens;
    }
  }

  const line = (name: string, c: Counts): string => {
    const relaxed = prf(c.relaxedSystem, c.system, c.relaxedGold, c.gold);
    const strict = prf(c.strictSystem, c.system, c.strictGold, c.gold);
    const value = prf(c.valueSystem, c.system, c.valueGold, c.gold);
    return `${name.padEnd(14)} ${String(c.gold).padStart(5)} ${String(c.system).padStart(5)} | ${relaxed.map(pct).join(' ')} | ${strict.map(pct).join(' ')} | ${value.map(pct).join(' ')}`;
  };
  console.log(`TimeML documents: ${documents.length} (${path})`);
  console.log(`${'shape'.padEnd(14)} ${'gold'.padStart(5)} ${'sys'.padStart(5)} | relaxed P    R    F1 | strict  P    R    F1 | value   P    R    F1`);
  console.log(line('ALL', total));
  console.log('-'.repeat(100));
  const shapes = [...byShape.entries()].sort((a, b) => b[1].gold - a[1].gold || b[1].system - a[1].system);
  for (const [shape, counts] of shapes) console.log(line(shape, counts));
  console.log('-'.repeat(100));
  console.log(`type accuracy (overlapping pairs): ${pct(total.typePairs === 0 ? 0 : total.typeCorrect / total.typePairs)}% of ${total.typePairs}`);
  console.log(
    `mod (pairs with the right value): gold mods stated ${mods.goldFound}/${mods.gold} (${pct(mods.gold === 0 ? 0 : mods.goldFound / mods.gold)}%), ` +
      `lede's mods in the gold ${mods.systemRight}/${mods.system} (${pct(mods.system === 0 ? 0 : mods.systemRight / mods.system)}%)`,
  );
  console.log(`dates stage: ${(1000 * ms / tokens).toFixed(2)} µs/token (${tokens / 3} tokens, mean of 3 passes)`);
  console.log('(per shape: gold shape for recall, system shape for precision)');

  if (showErrors) {
    for (const error of errors.slice(0, limit)) {
      console.log(`${error.kind.padEnd(8)} ${error.doc} ${JSON.stringify(error.text)} gold=${error.gold ?? '-'} sys=${error.system ?? '-'} :: ${error.context}`);
    }
  }
}
