/**
 * `lede annotate --format postgres` end to end, against a real PostgreSQL server
 * started for this file: the 3,000-line acceptance input (every good record once,
 * as extract() gives it), faults (the load killed with SIGKILL, the server stopped
 * mid-run: exit 2 with a message, and a re-run completes), the same input twice
 * (nothing changes), hostile text, the PG* environment variables, and the usage
 * errors.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, loadDist, newsArticle, runCli, tempDir } from './batch-helpers.js';
import { acceptanceInput } from './batch-fixtures.js';
import { expectValidResult, ROOT } from './helpers.js';
import { rows, SKIP_POSTGRES, useCluster, withClient } from './pg-helpers.js';
import type { Extraction, Extractor } from '../src/index.js';
import { POSTGRES_SCHEMA_VERSION } from '../src/batch/postgres-archive.js';

/** No PG* variable from the environment of the test run. */
const NO_PG_ENV = { PGHOST: '', PGHOSTADDR: '', PGPORT: '', PGDATABASE: '', PGUSER: '', PGPASSWORD: '' };

describe('lede annotate --format postgres: usage errors', () => {
  const dir = tempDir();
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, `${JSON.stringify({ id: 'a', text: 'Text.' })}\n`);

  it.each([
    [
      'no database',
      ['annotate', input, '--format', 'postgres'],
      'lede annotate: --format postgres needs a database: name it with --database postgres://USER@HOST:PORT/DATABASE, or set the PGHOST, PGPORT, PGDATABASE and PGUSER environment variables.',
    ],
    ['--database without postgres', ['annotate', input, '--database', 'postgres://localhost/news'], 'lede annotate: --database belongs to --format postgres.'],
    ['--database and --schema with sqlite', ['annotate', input, '--format', 'sqlite', '-o', join(dir, 'a.db'), '--database', 'postgres://x/y', '--schema', 's'], 'lede annotate: --database and --schema belong to --format postgres.'],
    ['-o with postgres', ['annotate', input, '--format', 'postgres', '-o', 'out.db'], 'lede annotate: --format postgres writes to the database that --database names; -o does not apply.'],
    [
      'a database that is not a URL (its password hidden)',
      ['annotate', input, '--format', 'postgres', '--database', 'postgress://ann:s3cret@localhost/news'],
      'lede annotate: --database must be a URL such as postgres://user@localhost:5432/news (or postgresql://…); got "postgress://ann:***@localhost/news". Without it, the PG* environment variables name the database.',
    ],
    [
      'a schema name that needs quoting',
      ['annotate', input, '--format', 'postgres', '--database', 'postgres://localhost/news', '--schema', 'My Archive'],
      'lede annotate: --schema must be a plain PostgreSQL name: lower-case letters, digits and _, not starting with a digit, at most 63 characters (default lede); got "My Archive".',
    ],
    ['--schema on one article', [join(ROOT, 'samples', 'sample-article.txt'), '--schema', 'x'], 'lede: --schema belongs to `lede annotate`. Run `lede --help` for the usage.'],
    [
      'a server that does not answer',
      ['annotate', input, '--format', 'postgres', '--database', 'postgres://ann:s3cret@127.0.0.1:1/news'],
      'lede annotate: cannot connect to PostgreSQL for schema lede of ann@127.0.0.1:1/news: connect ECONNREFUSED 127.0.0.1:1; check that the server is running and that --database (or PGHOST and PGPORT) names it.',
    ],
  ])('%s', async (_name, args, message) => {
    const run = await runCli(args, '', NO_PG_ENV);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n`);
  });
});

interface Dump {
  articles: string[];
  entities: string[];
  mentions: string[];
  quotes: string[];
  dates: string[];
}

/** Every row of a schema's tables, with the article's id in place of its key (which differs from one load to another). */
async function dump(url: string, schema: string): Promise<Dump> {
  return withClient(url, schema, async (client) => {
    const lines = async (sql: string): Promise<string[]> => (await client.query({ text: sql, rowMode: 'array' })).rows.map((row) => JSON.stringify(row));
    return {
      articles: await lines('SELECT id, published_at, md5(text), extraction::text FROM articles ORDER BY id'),
      entities: await lines('SELECT a.id, e.entity_id, e.type, e.name, e.aliases, e.titles, e.salience, e.confidence, e.mention_count FROM entities e JOIN articles a USING (article_key) ORDER BY 1, 2'),
      mentions: await lines('SELECT a.id, m.entity_id, m.start_offset, m.end_offset, m.text FROM mentions m JOIN articles a USING (article_key) ORDER BY 1, 3, 2'),
      quotes: await lines('SELECT a.id, q.quote_index, q.kind, q.start_offset, q.end_offset, q.text, q.speaker_name, q.speaker_entity_id, q.speaker_mention, q.cue FROM quotes q JOIN articles a USING (article_key) ORDER BY 1, 2'),
      dates: await lines('SELECT a.id, d.start_offset, d.end_offset, d.text, d.type, d.value FROM dates d JOIN articles a USING (article_key) ORDER BY 1, 2, 3'),
    };
  });
}

/** The rows an extraction must give, as `dump` writes them (built here, apart from the archive's code). */
function expectedRows(id: string, extraction: Extraction): Omit<Dump, 'articles'> {
  const entities = [...extraction.people, ...extraction.organizations, ...extraction.places];
  return {
    entities: entities.map((e) => JSON.stringify([id, e.id, e.type, e.name, e.aliases, e.titles, e.salience, e.confidence, e.mentions.length])),
    mentions: entities.flatMap((e) => e.mentions.map((m) => JSON.stringify([id, e.id, m.start, m.end, m.text]))),
    quotes: extraction.quotes.map((q, i) =>
      JSON.stringify([id, i, q.kind, q.start, q.end, q.text, q.speaker?.name ?? null, q.speaker?.entityId ?? null, q.speaker?.mention.text ?? null, q.cue?.text ?? null]),
    ),
    dates: extraction.dates.map((d) => JSON.stringify([id, d.start, d.end, d.text, d.type, d.value])),
  };
}

describe.skipIf(SKIP_POSTGRES)('lede annotate --format postgres', () => {
  const cluster = useCluster();
  const dir = tempDir();
  let extractor: Extractor;
  beforeAll(async () => {
    extractor = (await loadDist()).createExtractor();
  });
  const load = (input: string, schema: string, ...more: string[]) =>
    runCli(['annotate', input, '--format', 'postgres', '--database', cluster().url, '--schema', schema, ...more], '', NO_PG_ENV);
  const count = async (schema: string, table = 'articles'): Promise<number> => Number((await rows<{ n: string }>(cluster().url, schema, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('acceptance: 3,000 lines with bad records and a 2 MB article: every good record once, as extract() gives it', { timeout: 600_000 }, async () => {
    const { lines, expected, bigLine } = acceptanceInput();
    const input = join(dir, 'acceptance.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const running = load(input, 'acceptance', '--workers', '2');
    // While the command runs: what extract() gives for each good record.
    const want = new Map<string, { text: string; publishedAt: string | null; extraction: Extraction }>();
    for (const record of expected) {
      if ('error' in record) continue;
      want.set(String(record.id), { text: record.text, publishedAt: record.publishedAt ?? null, extraction: extractor.extract(record.text, record.publishedAt ? { publishedAt: record.publishedAt } : undefined) });
    }
    const run = await running;

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const stderr = run.stderr.trim().split('\n');
    const bad = expected.filter((e) => 'error' in e);
    expect(stderr).toHaveLength(bad.length + 1);
    bad.forEach((e, i) => expect(stderr[i]).toMatch(new RegExp(`^lede annotate: ${(e as { error: string }).error} \\(id ${JSON.stringify(e.id)}\\): line \\d+`)));
    expect(stderr.at(-1)).toMatch(/^lede annotate: 3000 articles, 6 errors, /);

    const url = cluster().url;
    const articles = await rows<{ id: string; published_at: string | null; text: string; extraction: Extraction }>(url, 'acceptance', 'SELECT id, published_at, text, extraction FROM articles ORDER BY article_key');
    expect(articles.map((a) => a.id)).toEqual([...want.keys()]);
    for (const article of articles) {
      const { text, publishedAt, extraction } = want.get(article.id)!;
      expect(article.text === text, `text of ${article.id}`).toBe(true);
      expect(article.published_at, article.id).toBe(publishedAt);
      expect(article.extraction, article.id).toEqual(extraction);
      if (article.id === `r${bigLine}`) {
        expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
        expectValidResult(article.extraction, article.text);
      }
    }
    const stored = await dump(url, 'acceptance');
    const expectedChildren = [...want.entries()].map(([id, { extraction }]) => expectedRows(id, extraction));
    for (const table of ['entities', 'mentions', 'quotes', 'dates'] as const) {
      const lines = expectedChildren.flatMap((rowsOf) => rowsOf[table]);
      expect(stored[table].sort(), table).toEqual(lines.sort());
    }
    // The full-text index finds the words of the 2 MB article.
    const found = await rows(url, 'acceptance', "SELECT id FROM articles WHERE search @@ to_tsquery('english', 'story & 5000')");
    expect(found).toEqual([{ id: `r${bigLine}` }]);
  });

  describe('faults', () => {
    // Short articles, one worker, a few bad records: several batches of 64, so a load can be caught halfway.
    const lines: string[] = [];
    for (let n = 1; n <= 640; n++) {
      if (n % 97 === 0) lines.push(n % 2 === 0 ? '{"id": "broken' : JSON.stringify({ id: `f${n}`, text: n }));
      else lines.push(JSON.stringify({ id: `f${n}`, text: newsArticle(n), publishedAt: n % 4 === 0 ? undefined : '2024-11-14' }));
    }
    const goodRecords = lines.length - 6;
    const input = join(dir, 'faults.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);

    /** Starts a load in the background. */
    const startLoad = (schema: string): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } => {
      const child = spawn(process.execPath, [CLI, 'annotate', input, '--format', 'postgres', '--database', cluster().url, '--schema', schema, '--workers', '1'], {
        cwd: ROOT,
        env: { ...process.env, ...NO_PG_ENV },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const stderr: Buffer[] = [];
      child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
        child.on('close', (code, signal) => resolve({ code, signal, stderr: Buffer.concat(stderr).toString('utf8') })),
      );
      return { child, exited };
    };
    /** Waits until the schema holds at least `articles` articles. */
    const waitFor = async (schema: string, articles: number): Promise<void> => {
      const deadline = Date.now() + 300_000;
      for (;;) {
        const n = await count(schema).catch(() => 0); // the tables may not exist yet
        if (n >= articles) return;
        if (Date.now() > deadline) throw new Error(`${schema}: still ${n} articles`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    let reference: Dump;

    beforeAll(async () => {
      const run = await load(input, 'reference', '--workers', '1');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/lede annotate: 640 articles, 6 errors, /);
      reference = await dump(cluster().url, 'reference');
      expect(reference.articles).toHaveLength(goodRecords);
    }, 300_000);

    it('the same input twice: the second run changes nothing, not one row', async () => {
      const url = cluster().url;
      const versions = async (): Promise<unknown[]> => {
        const all: unknown[] = [];
        for (const table of ['articles', 'entities', 'mentions', 'quotes', 'dates']) all.push(await rows(url, 'reference', `SELECT ctid::text, xmin::text FROM ${table} ORDER BY ctid`));
        return all;
      };
      const before = await versions();
      const run = await load(input, 'reference', '--workers', '1');
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/lede annotate: 640 articles, 6 errors, /);
      expect(await versions()).toEqual(before);
      expect(await dump(url, 'reference')).toEqual(reference);
    }, 300_000);

    it('killed with SIGKILL halfway, then run again: each article once, nothing missing', async () => {
      const { child, exited } = startLoad('killed');
      await waitFor('killed', 130);
      child.kill('SIGKILL');
      const killed = await exited;
      expect(killed.signal).toBe('SIGKILL');
      const halfway = await count('killed');
      expect(halfway).toBeGreaterThanOrEqual(130);
      expect(halfway).toBeLessThan(goodRecords);

      const rerun = await load(input, 'killed', '--workers', '1');
      expect(rerun.code).toBe(0);
      expect(await dump(cluster().url, 'killed')).toEqual(reference);
    }, 300_000);

    it('the server stopped mid-run: exit 2 with a message that says how far it got and how to resume; a re-run completes', async () => {
      const { exited } = startLoad('stopped');
      await waitFor('stopped', 130);
      cluster().stop('fast');
      let failed: Awaited<typeof exited>;
      try {
        failed = await exited;
      } finally {
        cluster().start();
      }
      expect(failed.code).toBe(2);
      const message = failed.stderr.trim().split('\n').at(-1)!;
      const match =
        /^lede annotate: PostgreSQL failed while writing input lines (\d+) to (\d+) to schema stopped of postgres@127\.0\.0\.1:\d+\/postgres: (.+)\. (?:Input lines? (?:1 to )?(\d+) (?:are|is) committed \((\d+) articles? stored, (\d+) bad records? reported\)|Nothing was committed); that batch was rolled back\. To resume, run the same command again: articles are upserted by id, so those already stored stay as they are and none is stored twice\.$/.exec(
          message,
        );
      expect(match, message).not.toBeNull();
      const [, from, , reason, linesDone, stored] = match!;
      expect(reason).toMatch(/terminating connection due to administrator command|Connection terminated|ECONNRESET|ECONNREFUSED/);
      expect(Number(from)).toBe(Number(linesDone ?? 0) + 1);
      const storedNow = await count('stopped');
      expect(storedNow).toBe(Number(stored ?? 0));
      expect(storedNow).toBeGreaterThanOrEqual(130);

      const rerun = await load(input, 'stopped', '--workers', '1');
      expect(rerun.code).toBe(0);
      expect(await dump(cluster().url, 'stopped')).toEqual(reference);
    }, 300_000);
  });

  it('hostile text: stored and read back exactly, or refused per record (NUL, lone surrogates), never a failed batch; the PG* variables name the server', async () => {
    const texts = [
      `"Quotes," she said, 'single' “curly” «guillemets» and \\"escaped\\" \\\\ backslashes \\n \\u0000 {"a": [1, NULL]}.`,
      `Control characters: ${Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('')}\u007f\u0085\u2028\u2029\ufeff end.`,
      'NUL in the middle: before\u0000after, said Sergey Lavrov.',
      'A lone surrogate \ud800 in Baku, said Sergey Lavrov.',
      'Emoji 🚢 and flags 🇦🇿 in Baku, said Sergey Lavrov on Tuesday.',
      'A lone low surrogate \udc00 here.',
      'NULL',
    ];
    const records = texts.map((text, i) => ({ id: i === 6 ? 'NULL' : `h${i + 1} "quoted" \\ id`, text, publishedAt: '2024-11-14' }));
    const input = join(dir, 'hostile.jsonl');
    writeFileSync(input, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const { host, port } = cluster();
    const run = await runCli(['annotate', input, '--format', 'postgres', '--schema', 'hostile', '--workers', '1'], '', {
      ...NO_PG_ENV,
      PGHOST: host,
      PGPORT: String(port),
      PGUSER: 'postgres',
      PGDATABASE: 'postgres',
    });
    expect(run.code).toBe(0);
    const stderr = run.stderr.trim().split('\n');
    expect(stderr).toHaveLength(4);
    expect(stderr[0]).toBe(
      `lede annotate: unstorable_text (id ${JSON.stringify(records[2]!.id)}): line 3: the text holds, at offset 25, the character U+0000 (NUL), which PostgreSQL cannot store in text or jsonb; fix the text and run again.`,
    );
    expect(stderr[1]).toMatch(/^lede annotate: unstorable_text \(id "h4 \\"quoted\\" \\\\ id"\): line 4: the text holds, at offset 17, a lone UTF-16 surrogate \(\\uD800\)/);
    expect(stderr[2]).toMatch(/^lede annotate: unstorable_text \(id "h6 \\"quoted\\" \\\\ id"\): line 6: the text holds, at offset 21, a lone UTF-16 surrogate \(\\uDC00\)/);
    expect(stderr[3]).toMatch(/^lede annotate: 7 articles, 3 errors, /);

    const stored = await rows<{ id: string; text: string; extraction: Extraction }>(cluster().url, 'hostile', 'SELECT id, text, extraction FROM articles ORDER BY article_key');
    const kept = records.filter((_, i) => ![2, 3, 5].includes(i));
    expect(stored.map((a) => a.id)).toEqual(kept.map((r) => r.id));
    stored.forEach((article, i) => {
      expect(article.text).toBe(kept[i]!.text);
      expect(article.extraction).toEqual(extractor.extract(kept[i]!.text, { publishedAt: '2024-11-14' }));
    });
  });

  it('refuses a schema that a newer lede wrote, with exit 2 and what to do', async () => {
    const input = join(dir, 'one.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 'one', text: 'Lavrov spoke in Baku.' })}\n`);
    expect((await load(input, 'future')).code).toBe(0);
    await withClient(cluster().url, 'future', (client) => client.query("INSERT INTO lede_migrations (version, description) VALUES (99, 'from the future')"));
    const run = await load(input, 'future');
    // Twice the process ended by SIGABRT here (a clean-clone CI run on 2026-12-03; a local run on 2026-12-04:
    // "v8::Module::IsGraphAsync must be used on an instantiated module"): the pool ended its threads while they
    // still loaded. It now waits for them (src/batch/worker-pool.ts; test/batch-worker-pool.test.ts).
    expect(run.code, `signal ${run.signal}; stderr: ${run.stderr}`).toBe(2);
    expect(run.stderr).toBe(
      `lede annotate: schema future of postgres@127.0.0.1:${cluster().port}/postgres is a lede archive of schema version 99, written by a newer lede; this lede writes version ${POSTGRES_SCHEMA_VERSION}: upgrade lede, or name another schema with --schema.\n`,
    );
  });
});
