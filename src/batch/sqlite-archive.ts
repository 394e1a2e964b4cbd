/**
 * `--format sqlite`: an embedded archive of annotated articles, with tables
 * articles, entities, mentions, quotes and dates, and FTS5 full-text indexes
 * over article text and quotes. Written through better-sqlite3 (major version
 * 12), an optional peer dependency loaded only here. Node only.
 *
 * An existing archive is appended to; its schema version is PRAGMA user_version.
 * An archive of version 1 (before quote parts) is brought to version 2 when opened:
 * each of its quotes gets one part, its own span.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { archiveRows } from './archive-rows.js';
import { normalizePublishedAt } from './search-document.js';
import type { AnnotatedRecord } from './worker-protocol.js';

export const SQLITE_SCHEMA_VERSION = 2;
/** Versions this lede can bring up to SQLITE_SCHEMA_VERSION when it opens them. */
const MIGRATABLE_VERSIONS = new Set([1]);

/** Records per transaction: large enough for speed, small enough to lose little on a crash. */
const RECORDS_PER_TRANSACTION = 500;

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  article_key  INTEGER PRIMARY KEY,  -- row number of the article in this archive
  id           TEXT NOT NULL,        -- the record's id (its line number when it had none)
  published_at TEXT,                 -- 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm'; NULL when none
  text         TEXT NOT NULL,
  extraction   TEXT NOT NULL         -- the whole Extraction as JSON
);
CREATE INDEX IF NOT EXISTS articles_id ON articles (id);
CREATE INDEX IF NOT EXISTS articles_published_at ON articles (published_at);

CREATE TABLE IF NOT EXISTS entities (
  article_key   INTEGER NOT NULL REFERENCES articles (article_key),
  entity_id     TEXT NOT NULL,       -- 'person-1': unique within its article
  type          TEXT NOT NULL,       -- 'person' | 'organization' | 'place'
  name          TEXT NOT NULL,       -- canonical name
  aliases       TEXT NOT NULL,       -- JSON array of the other surface forms
  titles        TEXT NOT NULL,       -- JSON array of stated roles
  salience      REAL NOT NULL,
  confidence    REAL NOT NULL,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (article_key, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_name ON entities (name, type);

CREATE TABLE IF NOT EXISTS mentions (
  article_key  INTEGER NOT NULL REFERENCES articles (article_key),
  entity_id    TEXT NOT NULL,        -- the entity of the same article
  start_offset INTEGER NOT NULL,     -- UTF-16 offsets into articles.text, half-open
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (article_key, entity_id);
CREATE INDEX IF NOT EXISTS mentions_text ON mentions (text);

CREATE TABLE IF NOT EXISTS quotes (
  quote_key         INTEGER PRIMARY KEY,
  article_key       INTEGER NOT NULL REFERENCES articles (article_key),
  quote_index       INTEGER NOT NULL, -- position of the quote in its article, from 0
  kind              TEXT NOT NULL,    -- 'direct' | 'indirect' | 'mixed'
  start_offset      INTEGER NOT NULL,
  end_offset        INTEGER NOT NULL,
  text              TEXT NOT NULL,    -- the quoted words: the parts joined with a space
  speaker_name      TEXT,             -- canonical name; NULL when no speaker was found
  speaker_entity_id TEXT,             -- entities.entity_id of the same article, or NULL
  speaker_mention   TEXT,             -- the words naming the speaker ('he', 'Lavrov')
  cue               TEXT              -- 'said', 'according to', …
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_key);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);

CREATE TABLE IF NOT EXISTS quote_parts (
  quote_key    INTEGER NOT NULL REFERENCES quotes (quote_key),
  part_index   INTEGER NOT NULL,     -- from 0, in text order; one part unless the attribution interrupts the quote
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (quote_key, part_index)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS dates (
  article_key  INTEGER NOT NULL REFERENCES articles (article_key),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  type         TEXT NOT NULL,        -- 'date' | 'time' | 'duration' | 'set'
  value        TEXT,                 -- TIMEX3 value, NULL when unresolved
  mod          TEXT                  -- TIMEX3 mod ('MID', 'MORE_THAN', …), NULL when the text states none
);
CREATE INDEX IF NOT EXISTS dates_value ON dates (value);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (text, content = 'articles', content_rowid = 'article_key');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5 (text, speaker_name, content = 'quotes', content_rowid = 'quote_key');
`;

/** better-sqlite3 is not installed (it is an optional peer dependency). */
export class MissingSqliteError extends Error {
  constructor(cause: unknown) {
    super(
      'lede: --format sqlite needs the optional package better-sqlite3 (major version 12): install it with `npm install better-sqlite3@12` next to lede, then run the command again.',
      { cause },
    );
    this.name = 'MissingSqliteError';
  }
}

/**
 * The progress of a writer that resumes (`lede queue collect`): one row per key,
 * committed in the same transaction as the records it counts. Created only by
 * such a writer.
 */
export const SQLITE_PROGRESS_TABLE = `
CREATE TABLE IF NOT EXISTS lede_progress (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

export interface SqliteArchive {
  /** Adds one annotated record (buffered in a transaction). */
  add(record: AnnotatedRecord): void;
  /** Commits the records added so far; with `progress`, stores it in the same transaction. */
  commit(progress?: { key: string; value: string }): void;
  /** The progress stored under `key`, or null. */
  readProgress(key: string): string | null;
  /** Commits and closes the database; with `commit` false, what was added since the last commit is dropped. */
  close(options?: { commit?: boolean }): void;
}

type DatabaseConstructor = typeof BetterSqlite3;

async function loadBetterSqlite3(): Promise<DatabaseConstructor> {
  try {
    const loaded = (await import('better-sqlite3')) as { default?: DatabaseConstructor };
    return loaded.default ?? (loaded as unknown as DatabaseConstructor);
  } catch (error) {
    throw new MissingSqliteError(error);
  }
}

export interface SqliteArchiveOptions {
  /**
   * Commit every RECORDS_PER_TRANSACTION records (default true). A writer that
   * resumes (`lede queue collect`) commits itself, with its progress: records it
   * has not committed must not reach the archive.
   */
  autoCommit?: boolean;
}

/**
 * An archive of version 1 (before dates had a mod) gains the column, empty for its
 * rows, on its way to version 2.
 */
function addDateModColumn(db: BetterSqlite3.Database): void {
  const columns = db.prepare('PRAGMA table_info(dates)').all() as { name: string }[];
  if (!columns.some((column) => column.name === 'mod')) db.exec('ALTER TABLE dates ADD COLUMN mod TEXT');
}

/** Opens (creating when needed) an archive at `path`. */
export async function openSqliteArchive(path: string, options: SqliteArchiveOptions = {}): Promise<SqliteArchive> {
  const autoCommit = options.autoCommit ?? true;
  const Database = await loadBetterSqlite3();
  const db = new Database(path);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && version !== SQLITE_SCHEMA_VERSION && !MIGRATABLE_VERSIONS.has(version)) {
      throw new Error(
        `lede: ${path} is a lede archive of schema version ${version}; this lede writes version ${SQLITE_SCHEMA_VERSION}: write to a new file with -o.`,
      );
    }
    db.transaction(() => {
      db.exec(SQLITE_SCHEMA);
      // Version 1 had no quote parts: every quote it holds is one part, its own span.
      if (version === 1) db.exec('INSERT INTO quote_parts (quote_key, part_index, start_offset, end_offset, text) SELECT quote_key, 0, start_offset, end_offset, text FROM quotes');
      addDateModColumn(db);
      db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
    })();
  } catch (error) {
    db.close();
    throw error;
  }

  const insertArticle = db.prepare('INSERT INTO articles (id, published_at, text, extraction) VALUES (?, ?, ?, ?)');
  const insertArticleText = db.prepare('INSERT INTO articles_fts (rowid, text) VALUES (?, ?)');
  const insertEntity = db.prepare(
    'INSERT INTO entities (article_key, entity_id, type, name, aliases, titles, salience, confidence, mention_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMention = db.prepare('INSERT INTO mentions (article_key, entity_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)');
  const insertQuote = db.prepare(
    'INSERT INTO quotes (article_key, quote_index, kind, start_offset, end_offset, text, speaker_name, speaker_entity_id, speaker_mention, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertQuotePart = db.prepare('INSERT INTO quote_parts (quote_key, part_index, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)');
  const insertQuoteText = db.prepare('INSERT INTO quotes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)');
  const insertDate = db.prepare('INSERT INTO dates (article_key, start_offset, end_offset, text, type, value, mod) VALUES (?, ?, ?, ?, ?, ?, ?)');

  let inTransaction = 0;
  const add = (record: AnnotatedRecord): void => {
    if (inTransaction === 0) db.exec('BEGIN');
    const { extraction } = record;
    const articleKey = insertArticle.run(
      String(record.id),
      normalizePublishedAt(record.publishedAt),
      record.text,
      JSON.stringify(extraction),
    ).lastInsertRowid;
    insertArticleText.run(articleKey, record.text);
    const rows = archiveRows(extraction);
    for (const e of rows.entities) {
      insertEntity.run(articleKey, e.entityId, e.type, e.name, JSON.stringify(e.aliases), JSON.stringify(e.titles), e.salience, e.confidence, e.mentionCount);
    }
    for (const m of rows.mentions) insertMention.run(articleKey, m.entityId, m.start, m.end, m.text);
    const quoteKeys: (number | bigint)[] = [];
    for (const q of rows.quotes) {
      const quoteKey = insertQuote.run(articleKey, q.quoteIndex, q.kind, q.start, q.end, q.text, q.speakerName, q.speakerEntityId, q.speakerMention, q.cue).lastInsertRowid;
      quoteKeys.push(quoteKey);
      insertQuoteText.run(quoteKey, q.text, q.speakerName);
    }
    for (const p of rows.quoteParts) insertQuotePart.run(quoteKeys[p.quoteIndex]!, p.partIndex, p.start, p.end, p.text);
    for (const d of rows.dates) insertDate.run(articleKey, d.start, d.end, d.text, d.type, d.value, d.mod);
    if (++inTransaction >= RECORDS_PER_TRANSACTION && autoCommit) {
      db.exec('COMMIT');
      inTransaction = 0;
    }
  };

  const commit = (progress?: { key: string; value: string }): void => {
    if (progress) {
      if (inTransaction === 0) db.exec('BEGIN');
      db.exec(SQLITE_PROGRESS_TABLE);
      db.prepare('INSERT OR REPLACE INTO lede_progress (key, value) VALUES (?, ?)').run(progress.key, progress.value);
      inTransaction++;
    }
    if (inTransaction > 0) db.exec('COMMIT');
    inTransaction = 0;
  };
  const readProgress = (key: string): string | null => {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lede_progress'").get();
    if (!table) return null;
    const row = db.prepare('SELECT value FROM lede_progress WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  };

  return {
    add,
    commit,
    readProgress,
    close(closeOptions) {
      if (!db.open) return;
      if (inTransaction > 0) db.exec(closeOptions?.commit === false ? 'ROLLBACK' : 'COMMIT');
      inTransaction = 0;
      db.close();
    },
  };
}
