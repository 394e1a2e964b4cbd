/**
 * `--format postgres`: the archive of annotated articles in a PostgreSQL schema,
 * with the tables of the SQLite archive (articles with the whole extraction as
 * jsonb, entities, mentions, quotes, dates) and PostgreSQL's full-text search
 * (generated tsvector columns with GIN indexes). Written through node-postgres
 * (`pg`, major version 8), an optional peer dependency loaded only here. Node only.
 *
 * - Versioned: the schema's table lede_migrations holds one row per migration
 *   applied; opening applies the missing ones in order, and refuses a schema that
 *   a newer lede wrote. A new column is a new migration appended to MIGRATIONS.
 * - One transaction per batch; articles are upserted by id: an article stored
 *   with the same text, date and extraction is left as it is (a re-run changes
 *   nothing), one that differs replaces its row and all its child rows.
 * - Articles go in as parameters, four a row; their child rows as one JSON text
 *   per table through json_to_recordset(), one statement per table and batch,
 *   whatever the number of rows. The texts are made where the record was
 *   annotated (postgres-record.ts; the worker threads of `lede annotate`).
 * - A record PostgreSQL cannot store (NUL; a lone UTF-16 surrogate, which UTF-8
 *   would silently turn into U+FFFD) is refused on its own with `unstorable_text`;
 *   so is a record the server rejects for its data (a tsvector too large), the
 *   rest of its batch is stored.
 */

import type { Client, ClientConfig } from 'pg';
import { CHILD_TABLES, childTableJson, refusal, toPostgresRecord, type ChildTable, type PostgresRecord } from './postgres-record.js';
import type { AnnotatedRecord, LineError } from './worker-protocol.js';

/** One migration: SQL run with search_path set to the archive's schema. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** The migrations, in order. Released ones are never edited: a change is a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, entities, mentions, quotes and their parts, dates; full-text search',
    sql: `
CREATE TABLE articles (
  article_key  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id           text NOT NULL UNIQUE,   -- the record's id (its line number when it had none)
  published_at text,                   -- 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm'; NULL when none
  text         text NOT NULL,
  extraction   jsonb NOT NULL,         -- the whole Extraction
  search       tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE entities (
  article_key   bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
  entity_id     text NOT NULL,         -- 'person-1': unique within its article
  type          text NOT NULL,         -- 'person' | 'organization' | 'place'
  name          text NOT NULL,         -- canonical name
  aliases       jsonb NOT NULL,        -- array of the other surface forms
  titles        jsonb NOT NULL,        -- array of stated roles
  salience      double precision NOT NULL,
  confidence    double precision NOT NULL,
  mention_count integer NOT NULL,
  PRIMARY KEY (article_key, entity_id)
);
CREATE INDEX entities_name ON entities (name, type);

CREATE TABLE mentions (
  article_key  bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
  entity_id    text NOT NULL,          -- the entity of the same article
  start_offset integer NOT NULL,       -- UTF-16 offsets into articles.text, half-open
  end_offset   integer NOT NULL,
  text         text NOT NULL
);
CREATE INDEX mentions_entity ON mentions (article_key, entity_id);

CREATE TABLE quotes (
  article_key       bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
  quote_index       integer NOT NULL,  -- position of the quote in its article, from 0
  kind              text NOT NULL,     -- 'direct' | 'indirect' | 'mixed'
  start_offset      integer NOT NULL,
  end_offset        integer NOT NULL,
  text              text NOT NULL,     -- the quoted words: the parts joined with a space
  speaker_name      text,              -- canonical name; NULL when no speaker was found
  speaker_entity_id text,              -- entities.entity_id of the same article, or NULL
  speaker_mention   text,              -- the words naming the speaker ('he', 'Lavrov')
  cue               text,              -- 'said', 'according to', …
  search            tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', text), 'A') ||
                      setweight(to_tsvector('english', coalesce(speaker_name, '')), 'B')) STORED,
  PRIMARY KEY (article_key, quote_index)
);
CREATE INDEX quotes_speaker_entity ON quotes (article_key, speaker_entity_id);
CREATE INDEX quotes_speaker_name ON quotes (speaker_name);
CREATE INDEX quotes_search ON quotes USING gin (search);

CREATE TABLE quote_parts (
  article_key  bigint NOT NULL,
  quote_index  integer NOT NULL,
  part_index   integer NOT NULL,       -- from 0, in text order; one part unless the attribution interrupts the quote
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  text         text NOT NULL,
  PRIMARY KEY (article_key, quote_index, part_index),
  FOREIGN KEY (article_key, quote_index) REFERENCES quotes ON DELETE CASCADE
);

CREATE TABLE dates (
  article_key  bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  text         text NOT NULL,
  type         text NOT NULL,          -- 'date' | 'time' | 'duration' | 'set'
  value        text,                   -- TIMEX3 value, NULL when unresolved
  mod          text                    -- TIMEX3 mod ('MID', 'APPROX', …), NULL when the text states none
);
CREATE INDEX dates_article ON dates (article_key);
CREATE INDEX dates_value ON dates (value);
`,
  },
  {
    version: 2,
    description: 'child rows without per-row foreign-key checks; deleting or truncating articles removes their rows by trigger',
    // A foreign key checks every inserted row against its parent (a trigger, an index
    // probe and a row lock each): on news articles about a fifth of the server's time
    // per article went to those checks. lede writes an article's rows in the same
    // transaction as the article and replaces them with it, so the checks found
    // nothing to refuse; what the keys also gave, that deleting an article deletes
    // its rows, is kept by statement triggers that delete them all at once.
    sql: `
DO $$
DECLARE
  constraint_row record;
BEGIN
  FOR constraint_row IN
    SELECT conrelid::regclass AS table_name, conname
    FROM pg_constraint
    WHERE contype = 'f'
      AND conrelid IN ('entities'::regclass, 'mentions'::regclass, 'quotes'::regclass, 'quote_parts'::regclass, 'dates'::regclass)
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', constraint_row.table_name, constraint_row.conname);
  END LOOP;
END
$$;

-- search_path FROM CURRENT: the functions name this schema's tables whatever the caller's search_path.
CREATE FUNCTION lede_delete_article_rows() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM entities WHERE article_key IN (SELECT article_key FROM deleted_articles);
  DELETE FROM mentions WHERE article_key IN (SELECT article_key FROM deleted_articles);
  DELETE FROM quote_parts WHERE article_key IN (SELECT article_key FROM deleted_articles);
  DELETE FROM quotes WHERE article_key IN (SELECT article_key FROM deleted_articles);
  DELETE FROM dates WHERE article_key IN (SELECT article_key FROM deleted_articles);
  RETURN NULL;
END
$$;
CREATE TRIGGER articles_delete_rows AFTER DELETE ON articles
  REFERENCING OLD TABLE AS deleted_articles
  FOR EACH STATEMENT EXECUTE FUNCTION lede_delete_article_rows();

CREATE FUNCTION lede_truncate_article_rows() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  TRUNCATE entities, mentions, quote_parts, quotes, dates;
  RETURN NULL;
END
$$;
CREATE TRIGGER articles_truncate_rows AFTER TRUNCATE ON articles
  FOR EACH STATEMENT EXECUTE FUNCTION lede_truncate_article_rows();
`,
  },
];

/** The schema version this lede writes: that of its last migration. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** node-postgres is not installed (it is an optional peer dependency). */
export class MissingPgError extends Error {
  constructor(cause: unknown) {
    super(
      'lede: --format postgres needs the optional package pg (node-postgres, major version 8): install it with `npm install pg@8` next to lede, then run the command again.',
      { cause },
    );
    this.name = 'MissingPgError';
  }
}

/** The archive cannot be opened or written: the message says why and what to do. */
export class PostgresArchiveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PostgresArchiveError';
  }
}

export interface PostgresArchiveOptions {
  /** A postgres:// URL, or null to take the connection from the PG* environment variables. */
  url: string | null;
  /** The schema that holds the tables (created when absent). */
  schema: string;
  /** The migrations to apply (tests only; default MIGRATIONS). */
  migrations?: readonly Migration[];
}

export interface PostgresArchive {
  /** Where the archive is, for messages: 'schema lede of postgres@127.0.0.1:5432/news'. */
  readonly where: string;
  /**
   * Stores a batch of records in one transaction and commits it. Returns the
   * records refused (unstorable text), each as its record error; the others are
   * stored. Throws a PostgresArchiveError when the database fails (nothing of
   * the batch is then stored).
   */
  write(records: readonly AnnotatedRecord[]): Promise<LineError[]>;
  /** The same for records already prepared by toPostgresRecord() (in the worker threads of `lede annotate`). */
  writePrepared(records: readonly PostgresRecord[]): Promise<LineError[]>;
  /** Closes the connection. */
  close(): Promise<void>;
}

type PgModule = typeof import('pg');

async function loadPg(): Promise<PgModule> {
  try {
    const loaded = (await import('pg')) as PgModule & { default?: PgModule };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new MissingPgError(error);
  }
}

/** A SQL identifier, quoted. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** PostgreSQL's message with its SQLSTATE, or the network error's. */
function describeError(error: unknown): string {
  const state = sqlStateOf(error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = messageOf(error).replace(/\.$/, '');
  if (state) return `${message} (SQLSTATE ${state})`;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** Errors that belong to one record's data (a data exception, a program limit such as a tsvector too large). */
function isDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('54'));
}

/** The parameters of the articles' upsert: id, date, text, extraction of each record in turn. */
function articleValues(records: readonly PostgresRecord[]): (string | null)[] {
  return records.flatMap((r) => [String(r.id), r.publishedAt, r.text, r.extraction]);
}

/**
 * Upserts `count` articles: a row of four parameters each (not arrays, which would
 * have to escape every character of the texts). Their number stays far below
 * PostgreSQL's 65,535: a batch holds at most ARTICLES_PER_STATEMENT articles.
 * Returns the articles inserted or changed (an unchanged one is not updated), each
 * with whether it is new: the row version an INSERT made has no xmax, while the one
 * ON CONFLICT … DO UPDATE made carries this transaction's id, which locked the old row.
 */
function upsertArticles(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `($${4 * i + 1}::text, $${4 * i + 2}::text, $${4 * i + 3}::text, $${4 * i + 4}::jsonb)`);
  return `
INSERT INTO articles AS a (id, published_at, text, extraction)
VALUES ${rows.join(', ')}
ON CONFLICT (id) DO UPDATE
  SET published_at = excluded.published_at, text = excluded.text, extraction = excluded.extraction
  WHERE (a.published_at, a.text, a.extraction) IS DISTINCT FROM (excluded.published_at, excluded.text, excluded.extraction)
RETURNING id, article_key, xmax = 0 AS inserted`;
}

/** Articles of one upsert statement (4 parameters each). */
const ARTICLES_PER_STATEMENT = 256;

const INSERT_CHILDREN: Record<ChildTable, string> = {
  entities: `
INSERT INTO entities (article_key, entity_id, type, name, aliases, titles, salience, confidence, mention_count)
SELECT k, i, y, n, a, t, s, c, m FROM json_to_recordset($1::json) AS r(k bigint, i text, y text, n text, a jsonb, t jsonb, s float8, c float8, m int)`,
  mentions: `
INSERT INTO mentions (article_key, entity_id, start_offset, end_offset, text)
SELECT k, i, s, e, x FROM json_to_recordset($1::json) AS r(k bigint, i text, s int, e int, x text)`,
  quotes: `
INSERT INTO quotes (article_key, quote_index, kind, start_offset, end_offset, text, speaker_name, speaker_entity_id, speaker_mention, cue)
SELECT k, q, y, s, e, x, n, i, m, c FROM json_to_recordset($1::json) AS r(k bigint, q int, y text, s int, e int, x text, n text, i text, m text, c text)`,
  quote_parts: `
INSERT INTO quote_parts (article_key, quote_index, part_index, start_offset, end_offset, text)
SELECT k, q, p, s, e, x FROM json_to_recordset($1::json) AS r(k bigint, q int, p int, s int, e int, x text)`,
  dates: `
INSERT INTO dates (article_key, start_offset, end_offset, text, type, value, mod)
SELECT k, s, e, x, y, v, m FROM json_to_recordset($1::json) AS r(k bigint, s int, e int, x text, y text, v text, m text)`,
};

/** Brings the schema to the newest version, in one transaction, under a lock that other lede processes wait on. */
async function migrate(client: Client, schema: string, migrations: readonly Migration[], where: string): Promise<void> {
  const quoted = quoteIdentifier(schema);
  const newest = migrations.at(-1)!.version;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lede archive ${schema}`]);
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
    await client.query(`SET LOCAL search_path TO ${quoted}`);
    const table = await client.query('SELECT to_regclass($1) AS found', [`${quoted}.lede_migrations`]);
    let current = 0;
    if ((table.rows[0] as { found: string | null }).found === null) {
      const occupied = await client.query(
        "SELECT string_agg(relname, ', ' ORDER BY relname) AS names FROM pg_class WHERE relnamespace = $1::regnamespace AND relname IN ('articles', 'entities', 'mentions', 'quotes', 'dates')",
        [quoted],
      );
      const names = (occupied.rows[0] as { names: string | null }).names;
      if (names !== null) {
        throw new PostgresArchiveError(
          `${where} holds tables lede did not create (${names}) and no lede_migrations table: name another schema with --schema.`,
        );
      }
      await client.query(`CREATE TABLE lede_migrations (
  version     integer PRIMARY KEY,
  description text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
)`);
    } else {
      const found = await client.query('SELECT coalesce(max(version), 0) AS version FROM lede_migrations');
      current = Number((found.rows[0] as { version: number | string }).version);
    }
    if (current > newest) {
      throw new PostgresArchiveError(
        `${where} is a lede archive of schema version ${current}, written by a newer lede; this lede writes version ${newest}: upgrade lede, or name another schema with --schema.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO lede_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function describeTarget(client: Client, schema: string): string {
  const user = client.user ? `${client.user}@` : '';
  const host = client.host?.startsWith('/') ? `socket ${client.host}` : `${client.host}:${client.port}`;
  return `schema ${schema} of ${user}${host}/${client.database ?? ''}`;
}

function connectionAdvice(error: unknown): string {
  const state = sqlStateOf(error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (state === '28P01' || state === '28000') return 'check the user and password (in --database, or PGUSER and PGPASSWORD)';
  if (state === '3D000') return 'create the database (createdb NAME) or name an existing one in --database';
  if (state === '42501') return 'ask the database owner for the CREATE privilege on the database or the schema, or name a schema you own with --schema';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || /timeout/i.test(messageOf(error))) {
    return 'check that the server is running and that --database (or PGHOST and PGPORT) names it';
  }
  return 'check --database (or the PG* environment variables) and the server';
}

/** Opens (creating or migrating when needed) the archive in `options.schema`. */
export async function openPostgresArchive(options: PostgresArchiveOptions): Promise<PostgresArchive> {
  const pg = await loadPg();
  const config: ClientConfig = {
    application_name: 'lede',
    connectionTimeoutMillis: 15_000,
    keepAlive: true,
  };
  if (options.url !== null) config.connectionString = options.url;
  const client = new pg.Client(config);
  let failure: unknown = null;
  // An error while no query runs (the server went away) comes as an event: keep it for the next write.
  client.on('error', (error: Error) => {
    failure ??= error;
  });
  const where = describeTarget(client, options.schema);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new PostgresArchiveError(`cannot connect to PostgreSQL for ${where}: ${describeError(error)}; ${connectionAdvice(error)}.`, { cause: error });
  }
  try {
    await migrate(client, options.schema, options.migrations ?? MIGRATIONS, where);
    await client.query(`SET search_path TO ${quoteIdentifier(options.schema)}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    if (error instanceof PostgresArchiveError) throw error;
    throw new PostgresArchiveError(`cannot create or update the tables of ${where}: ${describeError(error)}; ${connectionAdvice(error)}.`, { cause: error });
  }

  /** Upserts `records` (distinct ids) and replaces the child rows of those new or changed. */
  const store = async (records: readonly PostgresRecord[]): Promise<void> => {
    const keys = new Map<string, string>();
    /** Keys of articles that were stored before and changed: their old rows go. A new article has none. */
    const replaced: string[] = [];
    for (let from = 0; from < records.length; from += ARTICLES_PER_STATEMENT) {
      const part = records.slice(from, from + ARTICLES_PER_STATEMENT);
      const upserted = await client.query({ name: `lede-upsert-articles-${part.length}`, text: upsertArticles(part.length), values: articleValues(part) });
      for (const row of upserted.rows as { id: string; article_key: string; inserted: boolean }[]) {
        keys.set(row.id, row.article_key);
        if (!row.inserted) replaced.push(row.article_key);
      }
    }
    if (keys.size === 0) return;
    if (replaced.length > 0) {
      for (const table of CHILD_TABLES) {
        // Unnamed, so planned with these keys each time: a named statement's generic plan, made
        // while the table was small, went on scanning it whole as it grew (seen on a first load).
        await client.query({ text: `DELETE FROM ${table} WHERE article_key = ANY($1::bigint[])`, values: [replaced] });
      }
    }
    const keyOf = (record: PostgresRecord): string | undefined => keys.get(String(record.id));
    for (const table of CHILD_TABLES) {
      const json = childTableJson(records, table, keyOf);
      if (json !== null) await client.query({ name: `lede-insert-${table}`, text: INSERT_CHILDREN[table], values: [json] });
    }
  };

  /** The batch again, record by record, each in a savepoint: a record the server rejects for its data is refused alone. */
  const storeOneByOne = async (records: readonly PostgresRecord[]): Promise<LineError[]> => {
    const refused: LineError[] = [];
    await client.query('BEGIN');
    for (const record of records) {
      await client.query('SAVEPOINT lede_record');
      try {
        await store([record]);
        await client.query('RELEASE SAVEPOINT lede_record');
      } catch (error) {
        if (!isDataError(error)) throw error;
        await client.query('ROLLBACK TO SAVEPOINT lede_record');
        refused.push(refusal(record, `line ${record.lineNumber}: PostgreSQL cannot store this record: ${describeError(error)}.`));
      }
    }
    await client.query('COMMIT');
    return refused;
  };

  const writePrepared = async (records: readonly PostgresRecord[]): Promise<LineError[]> => {
    if (failure !== null) throw new PostgresArchiveError(describeError(failure), { cause: failure });
    const refused: LineError[] = [];
    // The last record with an id wins, as if the records were stored one after another.
    const byId = new Map<string, PostgresRecord>();
    for (const record of records) {
      if (record.refusal !== null) refused.push(refusal(record, record.refusal));
      else byId.set(String(record.id), record);
    }
    if (byId.size === 0) return refused;
    const storable = [...byId.values()].sort((a, b) => a.lineNumber - b.lineNumber);
    try {
      await client.query('BEGIN');
      try {
        await store(storable);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        if (!isDataError(error)) throw error;
        refused.push(...(await storeOneByOne(storable)));
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new PostgresArchiveError(describeError(failure ?? error), { cause: error });
    }
    return refused.sort((a, b) => a.lineNumber - b.lineNumber);
  };

  let closed = false;
  return {
    where,
    write: (records) => writePrepared(records.map(toPostgresRecord)),
    writePrepared,
    async close() {
      if (closed) return;
      closed = true;
      // A connection that is already broken may never answer: do not wait for it long.
      await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}
