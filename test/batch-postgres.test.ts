/**
 * The PostgreSQL archive on hand-built extractions, against a real server: its
 * tables, the example queries of README.md, upserts (a re-run changes nothing, a
 * changed article replaces its rows), hostile text stored exactly or refused per
 * record, schema versions and migrations, and the errors that say what to do.
 */

import { describe, expect, it, vi } from 'vitest';
import { MIGRATIONS, openPostgresArchive, POSTGRES_SCHEMA_VERSION, type Migration } from '../src/batch/postgres-archive.js';
import { childTableJson, firstUnstorable, toPostgresRecord } from '../src/batch/postgres-record.js';
import type { AnnotatedRecord } from '../src/batch/worker-protocol.js';
import type { Extraction } from '../src/index.js';
import { anotherMonth, documentedQueries, handBuiltArticles, type Fixture } from './batch-fixtures.js';
import { rows, SKIP_POSTGRES, useCluster, withClient } from './pg-helpers.js';

function recordsOf(fixtures: readonly Fixture[], firstLine = 1): AnnotatedRecord[] {
  return fixtures.map(({ article, extraction }, i) => ({
    lineNumber: firstLine + i,
    id: article.id,
    text: article.text,
    publishedAt: article.publishedAt,
    extraction,
  }));
}

const EMPTY: Extraction = { schemaVersion: 1, people: [], organizations: [], places: [], dates: [], quotes: [] };

/** A record whose extraction has one place, mentioned by the whole text (so that the text is in the extraction too). */
function textRecord(lineNumber: number, id: string, text: string): AnnotatedRecord {
  const name = text.slice(0, 40);
  const place = { id: 'place-1', type: 'place' as const, name, aliases: [], mentions: [{ start: 0, end: text.length, text }], titles: [], salience: 0.5, confidence: 0.5 };
  return { lineNumber, id, text, publishedAt: undefined, extraction: { ...EMPTY, places: text === '' ? [] : [place] } };
}

const TABLES = ['articles', 'entities', 'mentions', 'quotes', 'dates'] as const;

describe('firstUnstorable', () => {
  it.each([
    ['plain text', 'Lavrov said.', -1],
    ['an astral character (a surrogate pair)', 'ship 🚢 ok', -1],
    ['control characters other than NUL', '\u0001\u001f\u007f\u0085\u2028', -1],
    ['NUL', 'a\u0000b', 1],
    ['a lone high surrogate', 'ab\ud800', 2],
    ['a lone low surrogate', '\udc00ab', 0],
    ['a reversed pair', 'x\udc00\ud800', 1],
    ['a pair, then a lone one', '🚢\ud83d', 2],
  ])('%s', (_name, text, at) => {
    expect(firstUnstorable(text)).toBe(at);
  });
});

describe('records prepared for PostgreSQL', () => {
  it('puts each article key in its rows only, whatever the texts hold', () => {
    const tricky = 'He wrote {"k":0, and {"k":0,"i":"x"} in a note.';
    const first = toPostgresRecord(textRecord(1, 'a', tricky));
    const second = toPostgresRecord(textRecord(2, 'b', 'Baku.'));
    const empty = toPostgresRecord(textRecord(3, 'c', ''));
    const keys = new Map([['a', '17'], ['b', '42'], ['c', '43']]);
    const json = childTableJson([first, second, empty], 'mentions', (r) => keys.get(String(r.id)));
    expect(JSON.parse(json!)).toEqual([
      { k: 17, i: 'place-1', s: 0, e: tricky.length, x: tricky },
      { k: 42, i: 'place-1', s: 0, e: 5, x: 'Baku.' },
    ]);
    // Records the server did not return (unchanged) and tables without rows give nothing.
    expect(childTableJson([first, second], 'mentions', (r) => (r.id === 'b' ? '42' : undefined))).toBe('[{"k":42,"i":"place-1","s":0,"e":5,"x":"Baku."}]');
    expect(childTableJson([first, second], 'quotes', (r) => keys.get(String(r.id)))).toBeNull();
    expect(() => childTableJson([first], 'mentions', () => '1,"x":2')).toThrow(TypeError);
  });

  it('refuses a record PostgreSQL cannot store, with nothing serialised', () => {
    const record = toPostgresRecord(textRecord(7, 'nul', 'a\u0000b'));
    expect(record.refusal).toBe('line 7: the text holds, at offset 1, the character U+0000 (NUL), which PostgreSQL cannot store in text or jsonb; fix the text and run again.');
    expect(record.extraction).toBe('');
  });

  it('stores text that only looks like an escaped NUL or surrogate in JSON, and refuses one the extraction holds', () => {
    for (const text of ['C:\\u0000 and \\ud800 are paths.', 'Backslash: \\\\u0000.']) {
      const record = toPostgresRecord(textRecord(1, 'escapes', text));
      expect(record.refusal).toBeNull();
      expect(JSON.parse(record.extraction)).toEqual(textRecord(1, 'escapes', text).extraction);
    }
    const split = textRecord(2, 'split', 'Ship 🚢 ahoy');
    split.extraction.places[0]!.aliases = ['Ship \ud83d'];
    expect(toPostgresRecord(split).refusal).toMatch(/^line 2: the extraction holds a lone UTF-16 surrogate \(\\uD83D\)/);
  });
});

describe.skipIf(SKIP_POSTGRES)('PostgreSQL archive', () => {
  const cluster = useCluster();
  const open = (schema: string, migrations?: readonly Migration[]) => openPostgresArchive({ url: cluster().url, schema, migrations });
  const counts = async (schema: string): Promise<Record<string, number>> => {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = Number((await rows<{ n: string }>(cluster().url, schema, `SELECT count(*) AS n FROM ${table}`))[0]!.n);
    return result;
  };
  /** Each row's transaction id: equal before and after means no row was written again. */
  const rowVersions = async (schema: string): Promise<string[]> => {
    const versions: string[] = [];
    for (const table of TABLES) {
      const found = await rows<{ v: string }>(cluster().url, schema, `SELECT ctid::text || ':' || xmin::text AS v FROM ${table} ORDER BY ctid`);
      versions.push(...found.map((row) => `${table} ${row.v}`));
    }
    return versions;
  };
  const fixtures = [...handBuiltArticles(), anotherMonth()];

  it('creates the documented tables, with one row per article, entity, mention, quote and date', async () => {
    const archive = await open('fixtures');
    expect(await archive.write(recordsOf(fixtures))).toEqual([]);
    await archive.close();

    const entities = fixtures.flatMap(({ extraction: e }) => [...e.people, ...e.organizations, ...e.places]);
    expect(await counts('fixtures')).toEqual({
      articles: 4,
      entities: entities.length,
      mentions: entities.reduce((sum, e) => sum + e.mentions.length, 0),
      quotes: fixtures.reduce((sum, f) => sum + f.extraction.quotes.length, 0),
      dates: fixtures.reduce((sum, f) => sum + f.extraction.dates.length, 0),
    });
    const url = cluster().url;
    expect(await rows(url, 'fixtures', 'SELECT version, description FROM lede_migrations ORDER BY version')).toEqual(
      MIGRATIONS.map(({ version, description }) => ({ version, description })),
    );
    expect(await rows(url, 'fixtures', 'SELECT id, published_at FROM articles ORDER BY article_key')).toEqual([
      { id: 'moscow-1', published_at: '2015-07-20' },
      { id: 'baku-2', published_at: '2024-11-12T08:00' },
      { id: 'tallinn-3', published_at: null },
      { id: 'moscow-4', published_at: '2015-08-04' },
    ]);
    const stored = await rows<{ extraction: Extraction; text: string }>(url, 'fixtures', "SELECT text, extraction FROM articles WHERE id = 'moscow-1'");
    expect(stored[0]).toEqual({ text: fixtures[0]!.article.text, extraction: fixtures[0]!.extraction });
    expect(await rows(url, 'fixtures', "SELECT entity_id, type, name, aliases, titles, salience, confidence, mention_count FROM entities JOIN articles USING (article_key) WHERE id = 'moscow-1' AND entity_id = 'person-1'")).toEqual([
      { entity_id: 'person-1', type: 'person', name: 'Sergey Lavrov', aliases: ['Lavrov'], titles: ['Foreign Minister'], salience: 0.9, confidence: 0.9, mention_count: 4 },
    ]);
    const mentions = await rows<{ start_offset: number; end_offset: number; text: string; article: string }>(
      url,
      'fixtures',
      'SELECT m.start_offset, m.end_offset, m.text, a.text AS article FROM mentions m JOIN articles a USING (article_key)',
    );
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) expect(m.article.slice(m.start_offset, m.end_offset)).toBe(m.text);
    expect(await rows(url, 'fixtures', "SELECT quote_index, kind, q.text, speaker_name, speaker_entity_id, speaker_mention, cue FROM quotes q JOIN articles a USING (article_key) WHERE a.id = 'moscow-1' ORDER BY quote_index")).toEqual(
      fixtures[0]!.extraction.quotes.map((q, i) => ({
        quote_index: i,
        kind: q.kind,
        // the quoted words: the parts joined with a space
        text: q.parts.map((part) => part.text).join(' '),
        speaker_name: q.speaker?.name ?? null,
        speaker_entity_id: q.speaker?.entityId ?? null,
        speaker_mention: q.speaker?.mention.text ?? null,
        cue: q.cue?.text ?? null,
      })),
    );
    expect(
      await rows(url, 'fixtures', "SELECT quote_index, part_index, p.start_offset, p.end_offset, p.text FROM quote_parts p JOIN articles a USING (article_key) WHERE a.id = 'moscow-1' ORDER BY quote_index, part_index"),
    ).toEqual(
      fixtures[0]!.extraction.quotes.flatMap((q, i) => q.parts.map((part, k) => ({ quote_index: i, part_index: k, start_offset: part.start, end_offset: part.end, text: part.text }))),
    );
    expect(await rows(url, 'fixtures', "SELECT start_offset, end_offset, d.text, type, value FROM dates d JOIN articles a USING (article_key) WHERE a.id = 'moscow-1' ORDER BY start_offset")).toEqual(
      fixtures[0]!.extraction.dates.map((d) => ({ start_offset: d.start, end_offset: d.end, text: d.text, type: d.type, value: d.value })),
    );
  });

  it('answers the four example queries of README.md', async () => {
    const queries = documentedQueries('PostgreSQL archive');
    expect(queries).toHaveLength(4);
    const [quotesLavrov, mentionsBaku, ferryCorridor, quotedWithMinistry] = await withClient(cluster().url, 'lede', async (client) => {
      await client.query('SET search_path TO fixtures'); // the README's `SET search_path TO lede`, for this test's schema
      const answers: unknown[][] = [];
      for (const sql of queries) answers.push((await client.query(sql)).rows);
      return answers;
    });
    expect(quotesLavrov).toEqual([
      { id: 'moscow-1', speaker_name: 'Sergey Lavrov', text: 'We respect the choice of Baku' },
      { id: 'moscow-1', speaker_name: 'Sergey Lavrov', text: 'We will meet again, in Baku.' },
      { id: 'moscow-4', speaker_name: 'Sergey Lavrov', text: 'Baku knows our view,' },
    ]);
    expect(mentionsBaku).toEqual([
      { id: 'baku-2', mention_count: 2, salience: 0.8 },
      { id: 'moscow-4', mention_count: 2, salience: 0.3 },
      { id: 'moscow-1', mention_count: 1, salience: 0.2 },
      { id: 'tallinn-3', mention_count: 1, salience: 0.1 },
    ]);
    expect((ferryCorridor as { id: string }[]).map((row) => row.id)).toEqual(['baku-2', 'moscow-4']);
    for (const row of ferryCorridor as { excerpt: string }[]) expect(row.excerpt).toContain('[ferry] [corridor]');
    expect(quotedWithMinistry).toEqual([
      { month: '2015-07', person: 'Sergey Lavrov', quotes: '2', articles: '1' },
      { month: '2015-07', person: 'Elmar Mammadyarov', quotes: '1', articles: '1' },
      { month: '2015-08', person: 'Maria Zakharova', quotes: '2', articles: '1' },
      { month: '2015-08', person: 'Sergey Lavrov', quotes: '1', articles: '1' },
    ]);
  });

  it('searches quote texts and speaker names apart (weights A and B)', async () => {
    const inText = await rows(cluster().url, 'fixtures', "SELECT speaker_name FROM quotes WHERE search @@ to_tsquery('english', 'useful:A')");
    expect(inText).toEqual([{ speaker_name: 'Elmar Mammadyarov' }]);
    const inNames = await rows(cluster().url, 'fixtures', "SELECT count(*)::int AS n FROM quotes WHERE search @@ to_tsquery('english', 'Baku:B')");
    expect(inNames).toEqual([{ n: 0 }]);
  });

  it('changes nothing when the same records are written again', async () => {
    const before = await rowVersions('fixtures');
    const archive = await open('fixtures');
    expect(await archive.write(recordsOf(fixtures))).toEqual([]);
    await archive.close();
    expect(await rowVersions('fixtures')).toEqual(before);
  });

  it('replaces the rows of an article that changed, keeping its key, and leaves the others as they are', async () => {
    const url = cluster().url;
    const keyOf = async (id: string): Promise<string> => (await rows<{ k: string }>(url, 'fixtures', 'SELECT article_key AS k FROM articles WHERE id = $1', [id]))[0]!.k;
    const bakuKey = await keyOf('baku-2');
    const othersBefore = await rows(url, 'fixtures', "SELECT a.id, q.xmin::text FROM quotes q JOIN articles a USING (article_key) WHERE a.id <> 'baku-2' ORDER BY 1, 2");
    const baku = handBuiltArticles()[1]!;
    const changed: Extraction = { ...baku.extraction, quotes: [], places: baku.extraction.places.slice(0, 1), dates: [{ ...baku.extraction.dates[0]!, value: '2024-11-12' }] };
    const archive = await open('fixtures');
    await archive.write([{ lineNumber: 1, id: 'baku-2', text: baku.article.text, publishedAt: baku.article.publishedAt, extraction: changed }]);
    await archive.close();

    expect(await keyOf('baku-2')).toBe(bakuKey);
    expect(await rows(url, 'fixtures', 'SELECT extraction FROM articles WHERE article_key = $1', [bakuKey])).toEqual([{ extraction: changed }]);
    expect(await rows(url, 'fixtures', 'SELECT count(*)::int AS n FROM quotes WHERE article_key = $1', [bakuKey])).toEqual([{ n: 0 }]);
    expect(await rows(url, 'fixtures', 'SELECT name FROM entities WHERE article_key = $1 ORDER BY name', [bakuKey])).toEqual([{ name: 'Amara Diallo' }, { name: 'Baku' }]);
    expect(await rows(url, 'fixtures', 'SELECT count(*)::int AS n FROM mentions WHERE article_key = $1', [bakuKey])).toEqual([{ n: 3 }]);
    expect(await rows(url, 'fixtures', 'SELECT value FROM dates WHERE article_key = $1', [bakuKey])).toEqual([{ value: '2024-11-12' }]);
    expect(await rows(url, 'fixtures', "SELECT a.id, q.xmin::text FROM quotes q JOIN articles a USING (article_key) WHERE a.id <> 'baku-2' ORDER BY 1, 2")).toEqual(othersBefore);
  });

  it('keeps the later of two records with one id in a batch', async () => {
    const archive = await open('duplicates');
    expect(await archive.write([textRecord(1, 'same', 'First version.'), textRecord(2, 'other', 'Other.'), textRecord(3, 'same', 'Second version.')])).toEqual([]);
    await archive.close();
    expect(await rows(cluster().url, 'duplicates', 'SELECT id, text FROM articles ORDER BY article_key')).toEqual([
      { id: 'other', text: 'Other.' },
      { id: 'same', text: 'Second version.' },
    ]);
    expect(await counts('duplicates')).toMatchObject({ entities: 2, mentions: 2 });
  });

  it('stores a batch of more articles than one statement takes (600, with 4 parameters each)', async () => {
    const records = Array.from({ length: 600 }, (_, i) => textRecord(i + 1, `n${i + 1}`, `Article number ${i + 1}.`));
    const archive = await open('large_batch');
    expect(await archive.write(records)).toEqual([]);
    await archive.close();
    expect(await counts('large_batch')).toMatchObject({ articles: 600, entities: 600, mentions: 600 });
    expect(await rows(cluster().url, 'large_batch', 'SELECT id FROM articles ORDER BY article_key LIMIT 1 OFFSET 599')).toEqual([{ id: 'n600' }]);
  });

  it('stores hostile text and reads it back exactly: quotes, backslashes, control characters, array syntax, 2 MB', async () => {
    const controls = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
    const texts: Record<string, string> = {
      quotes: `She said "no" and 'yes', “curly” ‘single’ «guillemets» „low“ \\"escaped\\" ""`,
      backslashes: 'C:\\path\\to\\file \\\\server\\share \\n \\t \\u0000 \\x00 \\',
      controls: `${controls}\u007f\u0080\u0085\u009f\u00a0\u2028\u2029\ufeff\ufffe\uffff`,
      arrays: '{"a", NULL}, {}, [1,2], (x), NULL, $1, \'; DROP TABLE articles; --',
      'NULL': 'NULL',
      astral: 'Ship 🚢, flag 🇦🇿, math 𝔸, CJK 𠀀, Zoë, Kraków, naïve.',
      empty: '',
      'id with "quotes", \\backslash and , {braces}': 'An article whose id is hostile.',
    };
    const unit = `${texts.quotes} ${texts.backslashes} ${texts.controls} ${texts.astral}\n`;
    const big = unit.repeat(Math.ceil((2.1 * 1024 * 1024) / unit.length));
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const records = [...Object.entries(texts).map(([id, text], i) => textRecord(i + 1, id, text)), textRecord(99, 'big', big)];
    const archive = await open('hostile');
    expect(await archive.write(records)).toEqual([]);
    await archive.close();
    const stored = await rows<{ id: string; text: string; extraction: Extraction; mention: string }>(
      cluster().url,
      'hostile',
      'SELECT a.id, a.text, a.extraction, m.text AS mention FROM articles a LEFT JOIN mentions m USING (article_key) ORDER BY a.article_key',
    );
    expect(stored.map((row) => row.id)).toEqual(records.map((r) => String(r.id)));
    stored.forEach((row, i) => {
      expect(row.text === records[i]!.text).toBe(true); // not toBe: a 2 MB diff would flood the report
      expect(row.extraction).toEqual(records[i]!.extraction);
      expect(row.mention).toBe(records[i]!.text === '' ? null : records[i]!.text);
    });
  });

  it('refuses a record with NUL or a lone surrogate alone, with a clear error, and stores the rest of its batch', async () => {
    const lone = textRecord(6, 'split-pair', 'Ship 🚢 ahoy');
    lone.extraction.places[0]!.aliases = ['Ship \ud83d']; // a span that split a pair
    const records = [
      textRecord(1, 'good-1', 'Good one.'),
      textRecord(2, 'nul-text', 'Before\u0000after'),
      textRecord(3, 'lone-high', 'Broken \ud800 text'),
      textRecord(4, 'lone-low', '\udc00 broken'),
      textRecord(5, 'nul\u0000id', 'A fine text with a bad id.'),
      lone,
      textRecord(7, 'good-2', 'Good two 🚢.'),
    ];
    const archive = await open('refusals');
    const refused = await archive.write(records);
    await archive.close();
    expect(refused.map((r) => [r.lineNumber, r.id, r.error.code])).toEqual([
      [2, 'nul-text', 'unstorable_text'],
      [3, 'lone-high', 'unstorable_text'],
      [4, 'lone-low', 'unstorable_text'],
      [5, 'nul\u0000id', 'unstorable_text'],
      [6, 'split-pair', 'unstorable_text'],
    ]);
    expect(refused[0]!.error.message).toBe('line 2: the text holds, at offset 6, the character U+0000 (NUL), which PostgreSQL cannot store in text or jsonb; fix the text and run again.');
    expect(refused[1]!.error.message).toBe(
      'line 3: the text holds, at offset 7, a lone UTF-16 surrogate (\\uD800), which is not a Unicode character: UTF-8 cannot encode it and PostgreSQL would hold U+FFFD instead, so the record is refused rather than stored changed; fix the text and run again.',
    );
    expect(refused[3]!.error.message).toMatch(/^line 5: the id holds the character U\+0000 \(NUL\)/);
    expect(refused[4]!.error.message).toMatch(/^line 6: the extraction holds a lone UTF-16 surrogate \(\\uD83D\)/);
    expect(await rows(cluster().url, 'refusals', 'SELECT id, text FROM articles ORDER BY article_key')).toEqual([
      { id: 'good-1', text: 'Good one.' },
      { id: 'good-2', text: 'Good two 🚢.' },
    ]);
  });

  it('refuses alone each record the server rejects for its data (a tsvector over 1 MB, an id too long for its index) and stores the rest of the batch', async () => {
    const letters = (n: number): string => {
      let word = '';
      for (let m = n + 26 * 26 * 26; m > 0; m = Math.floor(m / 26)) word += String.fromCharCode(97 + (m % 26));
      return word;
    };
    const words = Array.from({ length: 160_000 }, (_, i) => letters(i)).join(' ');
    const longId = Array.from({ length: 4000 }, (_, i) => letters(i * 7919)).join('');
    const archive = await open('too_large');
    const refused = await archive.write([textRecord(1, 'before', 'Before.'), textRecord(2, 'huge', words), textRecord(3, longId, 'A long id.'), textRecord(4, 'after', 'After.')]);
    await archive.close();
    expect(refused.map((r) => [r.lineNumber, r.error.code])).toEqual([
      [2, 'unstorable_text'],
      [3, 'unstorable_text'],
    ]);
    expect(refused[0]!.error.message).toMatch(/^line 2: PostgreSQL cannot store this record: string is too long for tsvector .*\(SQLSTATE 54000\)\.$/);
    expect(refused[1]!.error.message).toMatch(/^line 3: PostgreSQL cannot store this record: index row (size|requires) .*\(SQLSTATE 54000\)\.$/);
    expect(await rows(cluster().url, 'too_large', 'SELECT id FROM articles ORDER BY article_key')).toEqual([{ id: 'before' }, { id: 'after' }]);
    expect(await counts('too_large')).toMatchObject({ entities: 2, mentions: 2 });
  });

  it('applies the migrations a schema lacks, in order, and refuses a schema of a newer lede', async () => {
    const url = cluster().url;
    const first = await open('versions');
    await first.write([textRecord(1, 'kept', 'Kept across the migration.')]);
    await first.close();
    const next: Migration[] = [...MIGRATIONS, { version: POSTGRES_SCHEMA_VERSION + 1, description: 'test: quotes get parts', sql: 'ALTER TABLE quotes ADD COLUMN parts jsonb' }];
    const migrated = await open('versions', next);
    await migrated.close();
    expect(await rows(url, 'versions', 'SELECT version, description FROM lede_migrations ORDER BY version')).toEqual(
      next.map(({ version, description }) => ({ version, description })),
    );
    expect(await rows(url, 'versions', "SELECT column_name FROM information_schema.columns WHERE table_schema = 'versions' AND table_name = 'quotes' AND column_name = 'parts'")).toHaveLength(1);
    expect(await rows(url, 'versions', 'SELECT id FROM articles')).toEqual([{ id: 'kept' }]);

    await expect(open('versions')).rejects.toThrow(
      `schema versions of postgres@127.0.0.1:${cluster().port}/postgres is a lede archive of schema version ${POSTGRES_SCHEMA_VERSION + 1}, written by a newer lede; this lede writes version ${POSTGRES_SCHEMA_VERSION}: upgrade lede, or name another schema with --schema.`,
    );
  });

  it('deletes the rows of articles deleted or truncated, whatever the search_path of the session that does it', async () => {
    const archive = await open('deletes');
    expect(await archive.write(recordsOf(fixtures))).toEqual([]);
    await archive.close();
    const before = await counts('deletes');
    const [kept] = await rows<{ article_key: string }>(cluster().url, 'deletes', "SELECT article_key FROM articles WHERE id = 'baku-2'");
    const keptRows = async (): Promise<Record<string, number>> => {
      const result: Record<string, number> = {};
      for (const table of TABLES.slice(1)) {
        result[table] = Number((await rows<{ n: string }>(cluster().url, 'deletes', `SELECT count(*) AS n FROM ${table} WHERE article_key = ${kept!.article_key}`))[0]!.n);
      }
      return result;
    };
    const baku = await keptRows();
    expect(baku.entities).toBeGreaterThan(0);
    await withClient(cluster().url, 'public', (client) => client.query("DELETE FROM deletes.articles WHERE id <> 'baku-2'"));
    expect(await counts('deletes')).toEqual({ articles: 1, ...baku });
    expect(before.entities).toBeGreaterThan(baku.entities!);
    const orphans = await rows(cluster().url, 'deletes', 'SELECT article_key FROM quote_parts EXCEPT SELECT article_key FROM articles');
    expect(orphans).toEqual([]);
    await withClient(cluster().url, 'public', (client) => client.query('TRUNCATE deletes.articles'));
    expect(await counts('deletes')).toEqual({ articles: 0, entities: 0, mentions: 0, quotes: 0, dates: 0 });
    expect(await rows(cluster().url, 'deletes', 'SELECT count(*)::int AS n FROM quote_parts')).toEqual([{ n: 0 }]);
  });

  it('migrates an archive of schema version 1, keeping its rows, and replaces an article\'s rows afterwards as before', async () => {
    const first = await open('from_v1', MIGRATIONS.slice(0, 1));
    expect(await first.write(recordsOf(fixtures))).toEqual([]);
    await first.close();
    const stored = await counts('from_v1');
    const foreignKeys = "SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'from_v1'::regnamespace";
    expect(await rows(cluster().url, 'from_v1', foreignKeys)).toEqual([{ n: 5 }]);

    const migrated = await open('from_v1');
    expect(await rows(cluster().url, 'from_v1', foreignKeys)).toEqual([{ n: 0 }]);
    expect(await counts('from_v1')).toEqual(stored);
    // The last fixture again with another text: its rows are replaced, none is left twice.
    const changed = recordsOf(fixtures).at(-1)!;
    expect(await migrated.write([{ ...changed, text: `${changed.text} ` }])).toEqual([]);
    await migrated.close();
    expect(await counts('from_v1')).toEqual(stored);
    expect(await rows(cluster().url, 'from_v1', 'SELECT max(version)::int AS v FROM lede_migrations')).toEqual([{ v: POSTGRES_SCHEMA_VERSION }]);
  });

  it('refuses a schema that holds tables lede did not create', async () => {
    await withClient(cluster().url, 'public', async (client) => {
      await client.query('CREATE SCHEMA other_app');
      await client.query('CREATE TABLE other_app.articles (title text)');
    });
    await expect(open('other_app')).rejects.toThrow('holds tables lede did not create (articles) and no lede_migrations table: name another schema with --schema.');
    expect(await rows(cluster().url, 'other_app', "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'other_app'")).toEqual([{ n: 1 }]);
  });

  // The server's reason arrives only if the client reads it before it writes on the closed
  // socket; otherwise the write meets the reset (read ECONNRESET). Either way the write fails.
  it('fails a write when the connection is lost (with the server\'s reason, or the reset), storing nothing of the batch', async () => {
    const archive = await open('lost');
    await archive.write([textRecord(1, 'first', 'First.')]);
    await withClient(cluster().url, 'public', (client) => client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lede'"));
    await expect(archive.write([textRecord(2, 'second', 'Second.')])).rejects.toThrow(/terminating connection due to administrator command|Connection terminated|ECONNRESET/);
    await archive.close();
    expect(await rows(cluster().url, 'lost', 'SELECT id FROM articles')).toEqual([{ id: 'first' }]);
  });

  it('says what to ask for when the user may not create the schema, and fails a write the user may not make', async () => {
    await withClient(cluster().url, 'public', async (client) => {
      await client.query('CREATE ROLE reader LOGIN');
      await client.query('GRANT USAGE ON SCHEMA fixtures TO reader');
      await client.query('GRANT SELECT ON ALL TABLES IN SCHEMA fixtures TO reader');
    });
    const asReader = cluster().url.replace('postgres@', 'reader@');
    await expect(openPostgresArchive({ url: asReader, schema: 'not_mine' })).rejects.toThrow(
      `cannot create or update the tables of schema not_mine of reader@127.0.0.1:${cluster().port}/postgres: permission denied for database postgres (SQLSTATE 42501); ask the database owner for the CREATE privilege on the database or the schema, or name a schema you own with --schema.`,
    );
    const readOnly = await openPostgresArchive({ url: asReader, schema: 'fixtures' });
    await expect(readOnly.write([textRecord(1, 'not-allowed', 'Not allowed.')])).rejects.toThrow('permission denied for table articles (SQLSTATE 42501)');
    await readOnly.close();
  });

  it('says what to check when it cannot connect', async () => {
    const closed = 'postgres://postgres@127.0.0.1:1/postgres';
    await expect(openPostgresArchive({ url: closed, schema: 'lede' })).rejects.toThrow(
      /^cannot connect to PostgreSQL for schema lede of postgres@127\.0\.0\.1:1\/postgres: connect ECONNREFUSED 127\.0\.0\.1:1; check that the server is running and that --database \(or PGHOST and PGPORT\) names it\.$/,
    );
    const missing = cluster().url.replace(/\/postgres$/, '/no_such_db');
    await expect(openPostgresArchive({ url: missing, schema: 'lede' })).rejects.toThrow(/database "no_such_db" does not exist \(SQLSTATE 3D000\); create the database/);
  });
});

describe('PostgreSQL archive without pg', () => {
  it('says how to install pg when it is missing', async () => {
    vi.resetModules();
    vi.doMock('pg', () => {
      throw new Error("Cannot find package 'pg'");
    });
    try {
      const { openPostgresArchive: open } = await import('../src/batch/postgres-archive.js');
      await expect(open({ url: 'postgres://nobody@127.0.0.1:1/none', schema: 'lede' })).rejects.toThrow(
        'lede: --format postgres needs the optional package pg (node-postgres, major version 8): install it with `npm install pg@8` next to lede, then run the command again.',
      );
    } finally {
      vi.doUnmock('pg');
    }
  });
});
