/**
 * Types of batch annotation: what goes in (articles), what comes out (one
 * result per article, in input order) and the options of `annotate`.
 */

import type { Extraction, ExtractorConfig } from '../types.js';

/** An article's identifier: whatever the caller uses (a string or a number). */
export type ArticleId = string | number;

/** One article to annotate. */
export interface Article {
  id?: ArticleId;
  /** The article's plain text. */
  text: string;
  /** Publication date (ISO string or Date): the reference for relative dates. */
  publishedAt?: string | Date;
}

/**
 * Why a record got no extraction. Codes:
 * - `empty_line`: the input line is empty (JSONL input only)
 * - `invalid_json`: the line is not valid JSON (JSONL input only)
 * - `not_an_object`: the record is JSON but not an object (an array, a string, null, …)
 * - `missing_text`: the record has no text field
 * - `invalid_text`: the text field is not a string
 * - `invalid_option`: the record's publication date (or another option) is not accepted
 * - `extraction_failed`: lede failed on this record (a bug: please report it)
 * - `worker_failed`: the worker thread running this record died (out of memory, …)
 * - `unstorable_text`: the record holds text the output cannot store as it is
 *   (`--format postgres`: NUL, or a lone UTF-16 surrogate)
 */
export type RecordErrorCode =
  | 'empty_line'
  | 'invalid_json'
  | 'not_an_object'
  | 'missing_text'
  | 'invalid_text'
  | 'invalid_option'
  | 'extraction_failed'
  | 'worker_failed'
  | 'unstorable_text';

export interface RecordError {
  code: RecordErrorCode;
  message: string;
}

interface ResultBase {
  /** Position of the article in the input, from 0. */
  index: number;
  /** The article's id, or its position + 1 when it has none. */
  id: ArticleId;
  /** The article as given (the same object). */
  article: Article;
}

export interface AnnotatedArticle extends ResultBase {
  extraction: Extraction;
  error?: undefined;
}

export interface FailedArticle extends ResultBase {
  extraction?: undefined;
  error: RecordError;
}

/** One result per article, in input order: an extraction or the reason there is none. */
export type AnnotateResult = AnnotatedArticle | FailedArticle;

export interface AnnotateOptions {
  /** Worker threads (default: the number of cores, `os.availableParallelism()`). */
  concurrency?: number;
  /** Configuration of each worker's extractor, as for `createExtractor(config)`. */
  config?: ExtractorConfig;
}
