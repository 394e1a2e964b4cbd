/**
 * lede: people, organisations, places, dates and quotes from English news.
 *
 *   import { extract, createExtractor } from 'lede';
 *   const result = extract(articleText, { publishedAt: '2024-11-14' });
 */

import { createExtractorFromData, type Extractor } from './core/extractor.js';
import { loadResourceData } from './node/load-data.js';
import type { ExtractOptions, Extraction, ExtractorConfig } from './types.js';

export type * from './types.js';
export { SCHEMA_VERSION } from './types.js';
export { LedeOptionError } from './core/errors.js';
export type { Extractor } from './core/extractor.js';

/** Loads models and data once; its `extract` can then be called many times. */
export function createExtractor(config?: ExtractorConfig): Extractor {
  return createExtractorFromData(loadResourceData(), config);
}

let defaultExtractor: Extractor | null = null;

/** Extracts from one article with the default extractor (created on first use). */
export function extract(text: string, options?: ExtractOptions): Extraction {
  defaultExtractor ??= createExtractor();
  return defaultExtractor.extract(text, options);
}

export { annotate } from './batch/annotate.js';
export type { AnnotateOptions, AnnotateResult, AnnotatedArticle, Article, ArticleId, FailedArticle, RecordError, RecordErrorCode } from './batch/types.js';
export { toSearchDocument, type SearchDocument, type SearchDocumentQuote } from './batch/search-document.js';
export { toEsBulkLines } from './batch/es-bulk.js';
export { renderHtml, type RenderHtmlOptions } from './view/render-html.js';
