/**
 * Messages between the main thread and the worker threads. A task is a batch of
 * consecutive records; the worker does all the per-record work (JSON parsing,
 * extraction, output formatting) so that the main thread only reads, orders and
 * writes.
 */

import type { Extraction } from '../types.js';
import type { FieldNames } from './annotate-record.js';
import type { PostgresRecord } from './postgres-record.js';
import type { ArticleId, RecordError } from './types.js';

/** What a worker returns for JSONL lines: output text, structured records (for SQLite), or records as PostgreSQL takes them. */
export type LineOutputFormat = 'jsonl' | 'es-bulk' | 'record' | 'postgres';

/**
 * What a worker thread posts (worker_threads' parentPort) once its modules are
 * loaded and its extractor made: the pool terminates a thread only after that
 * (see WorkerPool.close).
 */
export const WORKER_LOADED = 'lede-worker-loaded';

/** Limits of one task: enough records to make the round trip between threads cheap. */
export const BATCH_MAX_RECORDS = 64;
/** …and a bound on its text (UTF-16 code units), so one task never holds much memory. */
export const BATCH_MAX_CHARS = 256 * 1024;

/** Articles already checked on the main thread (the `annotate()` API). */
export interface ArticlesTask {
  kind: 'articles';
  articles: { text: string; publishedAt: string | Date | undefined; where: string }[];
}

/** Consecutive JSONL input lines (the CLI). */
export interface LinesTask {
  kind: 'lines';
  lines: string[];
  /** 1-based number of the first line: the id of a record without one, and where errors point. */
  firstLineNumber: number;
  fields: FieldNames;
  format: LineOutputFormat;
}

export type WorkerTask = ArticlesTask | LinesTask;

export type ArticleOutcome = { extraction: Extraction; error?: undefined } | { extraction?: undefined; error: RecordError };

/**
 * How an ArticleOutcome crosses from the worker to the main thread: the extraction
 * as JSON text, which the main thread parses. An extraction is JSON data (numbers,
 * strings, booleans, null, arrays, plain objects), so it arrives the same as a
 * structured clone of it. The clone cost the main thread about twice the time of
 * JSON.parse (about 48 against 25 µs an article on the bench corpus), and left its
 * collector more to do, both on the cores the workers need.
 */
export type ArticleOutcomeMessage = { json: string; error?: undefined } | { json?: undefined; error: RecordError };

/** A record that was annotated, as the archives (SQLite, PostgreSQL) need it. */
export interface AnnotatedRecord {
  /** 1-based number of its input line. */
  lineNumber: number;
  id: ArticleId;
  text: string;
  publishedAt: unknown;
  extraction: Extraction;
}

export interface LineError {
  lineNumber: number;
  id: ArticleId;
  error: RecordError;
}

export interface LinesTaskResult {
  /** The lines to write for the whole batch (each ending in '\n'); '' for the 'record' format. */
  output: string;
  errors: LineError[];
  /** The annotated records, for the 'record' format only. */
  records: AnnotatedRecord[];
  /** The annotated records as the PostgreSQL archive sends them, for the 'postgres' format only. */
  postgresRecords?: PostgresRecord[];
}

export interface WorkerData {
  /** The extractor's configuration (validated on the main thread). */
  config: unknown;
}
