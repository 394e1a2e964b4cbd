/**
 * lede/browser: lede for browsers and bundlers, with its data embedded (no file
 * system, no Node built-ins, nothing fetched).
 *
 *   import { extract, renderHtml } from 'lede/browser';
 *   const result = extract(articleText, { publishedAt: '2024-11-14' });
 *   const page = renderHtml(articleText, result);
 *
 * Results equal the Node build's, byte for byte (test/view/browser-build.test.ts).
 */

import { createExtractorFromData, type Extractor } from '../core/extractor.js';
import type { ExtractOptions, Extraction, ExtractorConfig } from '../types.js';
import { embeddedResourceData } from './data.js';

export type * from '../types.js';
export { SCHEMA_VERSION } from '../types.js';
export { LedeOptionError } from '../core/errors.js';
export type { Extractor } from '../core/extractor.js';
export { renderHtml, type RenderHtmlOptions } from '../view/render-html.js';

/** Reads the embedded models and data once; its `extract` can then be called many times. */
export function createExtractor(config?: ExtractorConfig): Extractor {
  return createExtractorFromData(embeddedResourceData(), config);
}

let defaultExtractor: Extractor | null = null;

/** Extracts from one article with the default extractor (created on first use). */
export function extract(text: string, options?: ExtractOptions): Extraction {
  defaultExtractor ??= createExtractor();
  return defaultExtractor.extract(text, options);
}
