/**
 * `--format sqlite`: an embedded archive of annotated articles, with tables
 * articles, entities, mentions, quotes and dates, and FTS5 full-text indexes
 * over article text and quotes. Written through better-sqlite3 (major version
 * 12), an optional peer dependency loaded only here. Node only.
 *
 * An existing archive is appended to; its schema version is PRAGMA user_version.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { normalizePublishedAt } from './search-document.js';
import type { AnnotatedRecord } from './worker-protocol.js';

export const SQLITE_SCHEMA_VERSION = 1;

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
  text              TEXT NOT NULL,    -- the quoted words
  speaker_name      TEXT,             -- canonical name; NULL when no speaker was found
  speaker_entity_id TEXT,             -- entities.entity_id of the same article, or NULL
  speaker_mention   TEXT,             -- the words naming the speaker ('he', 'Lavrov')
  cue               TEXT              -- 'said', 'according to', …
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_key);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);

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

export interface SqliteArchive {
  /** Adds one annotated record (buffered in a transaction). */
  add(record: AnnotatedRecord): void;
  /** Commits and closes the database. */
  close(): void;
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

/**
 * An archive written before dates had a mod (lede 0.1) gains the column, empty for
 * its rows; the schema version stays 1, since nothing else changed.
 */
function addDateModColumn(db: BetterSqlite3.Database): void {
  const columns = db.prepare('PRAGMA table_info(dates)').all() as { name: string }[];
  if (!columns.some((column) => column.name === 'mod')) db.exec('ALTER TABLE dates ADD COLUMN mod TEXT');
}

/** Opens (creating when needed) an archive at `path`. */
export async function openSqliteArchive(path: string): Promise<SqliteArchive> {
  const Database = await loadBetterSqlite3();
  const db = new Database(path);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && version !== SQLITE_SCHEMA_VERSION) {
      throw new Error(
        `lede: ${path} is a lede archive of schema version ${version}; this lede writes version ${SQLITE_SCHEMA_VERSION}: write to a new file with -o.`,
      );
    }
    db.exec(SQLITE_SCHEMA);
    addDateModColumn(db);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
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
    for (const entity of [...extraction.people, ...extraction.organizations, ...extraction.places]) {
      insertEntity.run(
        articleKey,
        entity.id,
        entity.type,
        entity.name,
        JSON.stringify(entity.aliases),
        JSON.stringify(entity.titles),
        entity.salience,
        entity.confidence,
        entity.mentions.length,
      );
      for (const mention of entity.mentions) insertMention.run(articleKey, entity.id, mention.start, mention.end, mention.text);
    }
    extraction.quotes.forEach((quote, index) => {
      const speakerName = quote.speaker?.name ?? null;
      const quoteKey = insertQuote.run(
        articleKey,
        index,
        quote.kind,
        quote.start,
        quote.end,
        quote.text,
        speakerName,
        quote.speaker?.entityId ?? null,
        quote.speaker?.mention.text ?? null,
        quote.cue?.text ?? null,
      ).lastInsertRowid;
      insertQuoteText.run(quoteKey, quote.text, speakerName);
    });
    for (const date of extraction.dates) insertDate.run(articleKey, date.start, date.end, date.text, date.type, date.value, date.mod ?? null);
    if (++inTransaction >= RECORDS_PER_TRANSACTION) {
      db.exec('COMMIT');
      inTransaction = 0;
    }
  };

  return {
    add,
    close() {
      if (!db.open) return;
      if (inTransaction > 0) db.exec('COMMIT');
      inTransaction = 0;
      db.close();
    },
  };
}
