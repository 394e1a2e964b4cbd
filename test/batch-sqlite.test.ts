/**
 * The SQLite archive on hand-built extractions: its tables, its full-text
 * indexes, and the example queries of README.md, run against a
 * real SQLite file.
 */

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openSqliteArchive, SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from '../src/batch/sqlite-archive.js';
import { ROOT } from './helpers.js';
import { tempDir } from './batch-helpers.js';
import { documentedQueries, handBuiltArticles } from './batch-fixtures.js';

async function archiveOf(path: string): Promise<void> {
  const archive = await openSqliteArchive(path);
  handBuiltArticles().forEach(({ article, extraction }, i) => {
    archive.add({ lineNumber: i + 1, id: article.id, text: article.text, publishedAt: article.publishedAt, extraction });
  });
  archive.close();
}

describe('SQLite archive', () => {
  const dir = tempDir();
  const path = join(dir, 'archive.db');

  it('has the documented tables, with one row per article, entity, mention, quote and date', async () => {
    await archiveOf(path);
    const db = new Database(path, { readonly: true });
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const fixtures = handBuiltArticles();
    const entities = fixtures.flatMap(({ extraction: e }) => [...e.people, ...e.organizations, ...e.places]);
    expect(count('articles')).toBe(3);
    expect(count('entities')).toBe(entities.length);
    expect(count('mentions')).toBe(entities.reduce((sum, e) => sum + e.mentions.length, 0));
    expect(count('quotes')).toBe(fixtures.reduce((sum, f) => sum + f.extraction.quotes.length, 0));
    expect(count('dates')).toBe(fixtures.reduce((sum, f) => sum + f.extraction.dates.length, 0));
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(db.prepare('SELECT id, published_at FROM articles ORDER BY article_key').all()).toEqual([
      { id: 'moscow-1', published_at: '2015-07-20' },
      { id: 'baku-2', published_at: '2024-11-12T08:00' },
      { id: 'tallinn-3', published_at: null },
    ]);
    const stored = db.prepare("SELECT extraction FROM articles WHERE id = 'moscow-1'").get() as { extraction: string };
    expect(JSON.parse(stored.extraction)).toEqual(fixtures[0]!.extraction);
    const mention = db.prepare("SELECT m.start_offset, m.end_offset, m.text, a.text AS article FROM mentions m JOIN articles a USING (article_key) WHERE m.entity_id = 'person-2' LIMIT 1").get() as {
      start_offset: number;
      end_offset: number;
      text: string;
      article: string;
    };
    expect(mention.article.slice(mention.start_offset, mention.end_offset)).toBe(mention.text);
    db.close();
  });

  it('answers the three example queries of README.md', async () => {
    const queries = documentedQueries('SQLite archive');
    expect(queries).toHaveLength(3);
    const db = new Database(path, { readonly: true });
    const [quotesLavrov, mentionsBaku, ferryCorridor] = queries.map((sql) => db.prepare(sql).all()) as [unknown[], unknown[], unknown[]];
    expect(quotesLavrov).toEqual([
      { id: 'moscow-1', speaker_name: 'Sergey Lavrov', text: 'We respect the choice of Baku' },
      { id: 'moscow-1', speaker_name: 'Sergey Lavrov', text: 'We will meet again, in Baku.' },
    ]);
    expect(mentionsBaku).toEqual([
      { id: 'baku-2', mention_count: 2, salience: 0.8 },
      { id: 'moscow-1', mention_count: 1, salience: 0.2 },
      { id: 'tallinn-3', mention_count: 1, salience: 0.1 },
    ]);
    expect(ferryCorridor).toHaveLength(1);
    expect(ferryCorridor[0]).toMatchObject({ id: 'baku-2' });
    expect((ferryCorridor[0] as { excerpt: string }).excerpt).toContain('[ferry corridor]');
    db.close();
  });

  it('searches quote texts with FTS5', async () => {
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare("SELECT a.id, q.speaker_name FROM quotes_fts JOIN quotes q ON q.quote_key = quotes_fts.rowid JOIN articles a USING (article_key) WHERE quotes_fts MATCH 'text:useful'")
      .all();
    expect(rows).toEqual([{ id: 'moscow-1', speaker_name: 'Elmar Mammadyarov' }]);
    db.close();
  });

  it('stores each quote\'s parts, and the parts joined as the quote\'s text (the attribution between them left out)', async () => {
    const db = new Database(path, { readonly: true });
    const parts = db.prepare("SELECT p.part_index, p.start_offset, p.end_offset, p.text FROM quote_parts p JOIN quotes q USING (quote_key) JOIN articles a USING (article_key) WHERE a.id = 'moscow-1' AND q.quote_index = 3 ORDER BY p.part_index").all();
    const quote = handBuiltArticles()[0]!.extraction.quotes[3]!;
    expect(parts).toEqual(quote.parts.map((part, k) => ({ part_index: k, start_offset: part.start, end_offset: part.end, text: part.text })));
    expect(parts).toHaveLength(2);
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('quote_parts')).toBe(handBuiltArticles().reduce((sum, f) => sum + f.extraction.quotes.reduce((n, q) => n + q.parts.length, 0), 0));
    expect(db.prepare("SELECT count(*) AS n FROM quotes_fts WHERE quotes_fts MATCH 'text:\"again in Baku\"'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('brings an archive of version 1 (no quote parts) to the current version: each old quote is one part', async () => {
    const old = join(dir, 'version-1.db');
    const db = new Database(old);
    db.exec(SQLITE_SCHEMA.replace(/CREATE TABLE IF NOT EXISTS quote_parts \([\s\S]*?\) WITHOUT ROWID;/, ''));
    db.prepare("INSERT INTO articles (id, published_at, text, extraction) VALUES ('old', NULL, 'Lavrov said yes.', '{}')").run();
    db.prepare("INSERT INTO quotes (article_key, quote_index, kind, start_offset, end_offset, text) VALUES (1, 0, 'indirect', 12, 15, 'yes')").run();
    db.pragma('user_version = 1');
    db.close();
    await archiveOf(old);
    const migrated = new Database(old, { readonly: true });
    expect(migrated.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(migrated.prepare('SELECT quote_key, part_index, start_offset, end_offset, text FROM quote_parts WHERE quote_key = 1').all()).toEqual([
      { quote_key: 1, part_index: 0, start_offset: 12, end_offset: 15, text: 'yes' },
    ]);
    expect(migrated.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 4 });
    migrated.close();
  });

  it('appends to an existing archive', async () => {
    const appended = join(dir, 'appended.db');
    await archiveOf(appended);
    await archiveOf(appended);
    const db = new Database(appended, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 6 });
    expect(db.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'Tallinn'").get()).toEqual({ n: 2 });
    db.close();
  });

  it("stores each date's TIMEX3 mod, NULL when the text states none", async () => {
    const withMods = join(dir, 'mods.db');
    const archive = await openSqliteArchive(withMods);
    const { article, extraction } = handBuiltArticles()[0]!;
    const dates = extraction.dates.map((date, index) => (index === 1 ? { ...date, mod: 'MORE_THAN' as const } : date));
    archive.add({ lineNumber: 1, id: article.id, text: article.text, publishedAt: article.publishedAt, extraction: { ...extraction, dates } });
    archive.close();
    const db = new Database(withMods, { readonly: true });
    expect(db.prepare('SELECT text, value, mod FROM dates ORDER BY start_offset').all()).toEqual(
      dates.map((date) => ({ text: date.text, value: date.value, mod: date.mod ?? null })),
    );
    db.close();
  });

  it('adds the mod column to an archive written before dates had one, keeping its rows', async () => {
    const old = join(dir, 'old.db');
    const db = new Database(old);
    db.exec(
      'CREATE TABLE dates (article_key INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT);' +
        "INSERT INTO dates VALUES (1, 0, 4, '1998', 'date', '1998');",
    );
    // version 1: before quote parts and dates' mod
    db.pragma('user_version = 1');
    db.close();
    await archiveOf(old);
    const reopened = new Database(old, { readonly: true });
    expect(reopened.prepare('SELECT value, mod FROM dates WHERE article_key = 1 AND text = ?').get('1998')).toEqual({ value: '1998', mod: null });
    expect((reopened.prepare('SELECT count(*) AS n FROM dates').get() as { n: number }).n).toBe(1 + handBuiltArticles().reduce((sum, f) => sum + f.extraction.dates.length, 0));
    reopened.close();
  });

  it('refuses an archive of another schema version, and a file that is not a database', async () => {
    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.pragma('user_version = 99');
    db.close();
    await expect(openSqliteArchive(other)).rejects.toThrow(`is a lede archive of schema version 99; this lede writes version ${SQLITE_SCHEMA_VERSION}: write to a new file with -o.`);
    await expect(openSqliteArchive(join(ROOT, 'package.json'))).rejects.toThrow('file is not a database');
  });

  it('says how to install better-sqlite3 when it is missing', async () => {
    vi.resetModules();
    vi.doMock('better-sqlite3', () => {
      throw new Error("Cannot find package 'better-sqlite3'");
    });
    try {
      const { openSqliteArchive: open } = await import('../src/batch/sqlite-archive.js');
      await expect(open(join(dir, 'never.db'))).rejects.toThrow(
        'lede: --format sqlite needs the optional package better-sqlite3 (major version 12): install it with `npm install better-sqlite3@12` next to lede, then run the command again.',
      );
    } finally {
      vi.doUnmock('better-sqlite3');
    }
  });
});
