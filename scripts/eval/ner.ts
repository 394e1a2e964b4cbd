/**
 * npm run eval -- ner <conll-file> [--candidates] [--sentences] [--errors FILE]
 *
 * CoNLL-2003 exact-span scoring of lede on whole rebuilt documents (see
 * scripts/lib/conll.ts): precision, recall and F1 per PER/ORG/LOC and micro over
 * the three. The file is CoNLL-2003's (four columns, IOB1) or one of
 * ../shared/data/ner-extra's (`token tag`, IOB2, no MISC): uner-ewt/dev.txt and
 * gum/dev.txt by document, wnut17/dev.txt one comment or tweet a document. A
 * name lede's tagger calls MISC is never output, so nothing MISC-like is scored. By default it scores the public `extract()` (every mention of
 * people, organizations and places); `--candidates` scores the entity tagger's
 * raw candidates instead (doc.entityCandidates from stage 'ner', MISC dropped).
 * `--sentences` extracts each sentence alone, as a user does with a headline or a
 * short text: no article around it, so no document-level evidence.
 * It also counts the documents in which one surface string is given two
 * different types.
 */

import { writeFileSync } from 'node:fs';
import { createExtractor } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { conllFormatOf, parseConll, prf, scoreSpans, type SpanCounts } from '../lib/conll.js';

type Scored = 'PER' | 'ORG' | 'LOC';
const SCORED: readonly Scored[] = ['PER', 'ORG', 'LOC'];
const FROM_CANDIDATE: Record<string, Scored | undefined> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface Predicted {
  start: number;
  end: number;
  type: Scored;
}

export function main(args: string[]): void {
  const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--errors');
  if (!path) throw new Error('usage: npm run eval -- ner <conll-file> [--candidates] [--sentences] [--errors FILE]');
  const useCandidates = args.includes('--candidates');
  const sentencesAlone = args.includes('--sentences');
  const errorsAt = args.indexOf('--errors');
  const errorsFile = errorsAt >= 0 ? args[errorsAt + 1] : undefined;

  const source = readFileSync(path, 'utf8');
  const format = conllFormatOf(source);
  const documents = parseConll(source, { sentencesAsDocuments: sentencesAlone });
  const extractor = createExtractor();
  const counts = new Map<Scored, SpanCounts>();
  const errors: string[] = [];
  let inconsistentDocuments = 0;
  let tokens = 0;
  const started = performance.now();
  for (const document of documents) {
    const predicted: Predicted[] = [];
    if (useCandidates) {
      const doc = extractor.analyze(document.text);
      tokens += doc.tokens.length;
      for (const candidate of doc.entityCandidates) {
        const type = FROM_CANDIDATE[candidate.type];
        if (candidate.provenance.stage === 'ner' && type) predicted.push({ start: candidate.start, end: candidate.end, type });
      }
    } else {
      const result = extractor.extract(document.text);
      for (const [list, type] of [[result.people, 'PER'], [result.organizations, 'ORG'], [result.places, 'LOC']] as const) {
        for (const entity of list) for (const mention of entity.mentions) predicted.push({ start: mention.start, end: mention.end, type });
      }
    }
    const gold = document.spans.filter((s): s is typeof s & { type: Scored } => s.type !== 'MISC');
    scoreSpans(gold, predicted, counts);

    const typesOf = new Map<string, Set<Scored>>();
    for (const p of predicted) {
      const surface = document.text.slice(p.start, p.end);
      let types = typesOf.get(surface);
      if (!types) typesOf.set(surface, (types = new Set()));
      types.add(p.type);
    }
    if ([...typesOf.values()].some((types) => types.size > 1)) inconsistentDocuments++;

    if (errorsFile) {
      const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
      const goldKeys = new Set(gold.map(key));
      const predictedKeys = new Set(predicted.map(key));
      const show = (kind: string, s: { start: number; end: number; type: string }): void => {
        const text = document.text;
        const context = `${text.slice(Math.max(0, s.start - 40), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 40)}`.replace(/\n/g, ' | ');
        errors.push(`${document.index}\t${kind}\t${s.type}\t${text.slice(s.start, s.end)}\t${context}`);
      };
      for (const g of gold) if (!predictedKeys.has(key(g))) show('missed', g);
      for (const p of predicted) if (!goldKeys.has(key(p))) show('spurious', p);
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const micro: SpanCounts = { truePositives: 0, predicted: 0, gold: 0 };
  const rows: string[] = [];
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  for (const type of SCORED) {
    const c = counts.get(type) ?? { truePositives: 0, predicted: 0, gold: 0 };
    micro.truePositives += c.truePositives;
    micro.predicted += c.predicted;
    micro.gold += c.gold;
    const r = prf(c);
    rows.push(`| ${type.padEnd(5)} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${String(c.gold).padStart(5)} |`);
  }
  const m = prf(micro);
  console.log(
    `${format === 'conll2003' ? 'CoNLL-2003' : 'ner-extra'} ${path}: ${documents.length} ${sentencesAlone ? 'sentences, each extracted alone (--sentences)' : 'documents'}, ` +
      `scoring ${useCandidates ? "the tagger's raw candidates (--candidates)" : 'extract()'}`,
  );
  console.log('| type  |      P |      R |     F1 |  gold |');
  console.log('| ----- | ------ | ------ | ------ | ----- |');
  for (const row of rows) console.log(row);
  console.log(`| micro | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${String(micro.gold).padStart(5)} |`);
  console.log(`documents in which one string receives two different types: ${inconsistentDocuments} of ${documents.length}`);
  console.log(`time: ${seconds.toFixed(1)} s${tokens ? ` (${Math.round(tokens / seconds)} tokens/s through the pipeline)` : ''}`);
  if (errorsFile) {
    writeFileSync(errorsFile, `${errors.join('\n')}\n`);
    console.log(`errors written to ${errorsFile}`);
  }
}
