/**
 * `lede annotate --format sqlite -o archive.db` end to end: a real SQLite file
 * that holds every good record as extract() gives it, and answers the example
 * queries of README.md as the extractions say it should.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDist, newsArticle, runCli, tempDir } from './batch-helpers.js';
import { documentedQueries } from './batch-fixtures.js';
import type { Extraction } from '../src/index.js';

interface Good {
  id: string;
  text: string;
  publishedAt?: string;
  extraction: Extraction;
}

describe('lede annotate --format sqlite', () => {
  const dir = tempDir();
  const path = join(dir, 'archive.db');
  const lines: string[] = [];
  const good: Good[] = [];
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const lede = await loadDist();
    const extractor = lede.createExtractor();
    for (let n = 1; n <= 40; n++) {
      if (n % 13 === 0) {
        lines.push(n === 13 ? '{"id": "broken' : JSON.stringify({ id: `s${n}`, text: 7 }));
        continue;
      }
      const text = `${newsArticle(n)}\n"We will talk to Lavrov," said Sergey Lavrov's counterpart in Baku, about a ferry corridor.`;
      const publishedAt = n % 2 === 0 ? '2024-11-14' : undefined;
      lines.push(JSON.stringify({ id: `s${n}`, text, publishedAt }));
      good.push({ id: `s${n}`, text, publishedAt, extraction: extractor.extract(text, publishedAt ? { publishedAt } : undefined) });
    }
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, lines.join('\n'));
    run = await runCli(['annotate', input, '--format', 'sqlite', '-o', path, '--workers', '2']);
  });

  it('exits 0, writes nothing on standard output, reports bad records on standard error', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const stderr = run.stderr.trim().split('\n');
    expect(stderr).toHaveLength(4);
    expect(stderr[0]).toMatch(/^lede annotate: invalid_json \(id 13\): line 13 is not valid JSON/);
    expect(stderr[1]).toMatch(/^lede annotate: invalid_text \(id "s26"\): line 26: "text" must be a string/);
    expect(stderr[3]).toMatch(/^lede annotate: 40 articles, 3 errors, /);
  });

  it('holds every good record, in input order, with what extract() found', () => {
    const db = new Database(path, { readonly: true });
    const articles = db.prepare('SELECT article_key, id, text, published_at, extraction FROM articles ORDER BY article_key').all() as {
      article_key: number;
      id: string;
      text: string;
      published_at: string | null;
      extraction: string;
    }[];
    expect(articles.map((a) => a.id)).toEqual(good.map((g) => g.id));
    articles.forEach((row, i) => {
      expect(row.text).toBe(good[i]!.text);
      expect(row.published_at).toBe(good[i]!.publishedAt ?? null);
      expect(JSON.parse(row.extraction)).toEqual(good[i]!.extraction);
    });
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const entities = good.flatMap((g) => [...g.extraction.people, ...g.extraction.organizations, ...g.extraction.places]);
    expect(count('SELECT count(*) AS n FROM entities')).toBe(entities.length);
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(entities.reduce((sum, e) => sum + e.mentions.length, 0));
    expect(count('SELECT count(*) AS n FROM quotes')).toBe(good.reduce((sum, g) => sum + g.extraction.quotes.length, 0));
    expect(count('SELECT count(*) AS n FROM dates')).toBe(good.reduce((sum, g) => sum + g.extraction.dates.length, 0));
    expect(count("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'Lavrov'")).toBe(good.length);
    db.close();
  });

  it('answers the example queries of README.md as the extractions say', () => {
    const db = new Database(path, { readonly: true });
    const [quotesLavrov, mentionsBaku, ferryCorridor] = documentedQueries('SQLite archive').map((sql) => db.prepare(sql).all()) as [{ id: string }[], { id: string }[], { id: string }[]];

    const speakerIsLavrov = (name: string): boolean => name.split(/[^\p{L}\p{N}]+/u).some((word) => word.toLowerCase() === 'lavrov');
    const expectedQuotes = good.flatMap((g) =>
      g.extraction.quotes.filter((q) => q.speaker && speakerIsLavrov(q.speaker.name)).map((q) => ({ id: g.id, speaker_name: q.speaker!.name, text: q.parts.map((p) => p.text).join(' ') })),
    );
    expect(quotesLavrov).toEqual(expectedQuotes.filter((q, i) => expectedQuotes.findIndex((o) => JSON.stringify(o) === JSON.stringify(q)) === i));

    const expectedBaku = good.flatMap((g) => g.extraction.places.filter((p) => p.name === 'Baku').map((p) => ({ id: g.id, salience: p.salience })));
    expect(mentionsBaku.map((r) => r.id).sort()).toEqual(expectedBaku.map((b) => b.id).sort());

    expect(ferryCorridor.map((r) => r.id).sort()).toEqual(good.map((g) => g.id).sort());
    db.close();
  });
});
