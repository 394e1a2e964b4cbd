/**
 * The extractor: compiled resources plus the pipeline. Browser-safe: it never
 * touches the file system; the Node entry (src/index.ts) reads `data/` and hands
 * the data in.
 */

import { createDocument, type LedeDocument } from './document.js';
import { buildExtraction } from './output.js';
import { parsePublishedAt, validateConfig, validateExtractOptions } from './options.js';
import { PIPELINE } from './pipeline.js';
import { compileResources, type ResourceData, type Resources } from './resources.js';
import { describeValue } from './errors.js';
import type { ExtractOptions, Extraction, ExtractorConfig } from '../types.js';
import type { Stage } from './stage.js';

export interface Extractor {
  /** Extracts people, organisations, places, dates and quotes from one article. */
  extract(text: string, options?: ExtractOptions): Extraction;
  /** The internal document with every candidate and its provenance (for debugging). */
  analyze(text: string, options?: ExtractOptions): LedeDocument;
  /** The validated configuration this extractor was built with. */
  readonly config: Readonly<ExtractorConfig>;
}

export function checkText(text: unknown, where: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new TypeError(`${where}: "text" must be a string (the article's plain text); got ${describeValue(text)}.`);
  }
}

export function runPipeline(
  text: string,
  options: ExtractOptions,
  resources: Resources,
  stages: readonly Stage[] = PIPELINE,
): LedeDocument {
  const doc = createDocument(text, parsePublishedAt(options.publishedAt));
  for (const stage of stages) stage.run(doc, resources);
  return doc;
}

/** Builds an extractor from already-loaded data (no file system access). */
export function createExtractorFromData(data: ResourceData, config?: ExtractorConfig): Extractor {
  const validated = validateConfig(config);
  const resources = compileResources(data, validated);
  const analyze = (text: string, options?: ExtractOptions): LedeDocument => {
    checkText(text, 'extract(text, options)');
    return runPipeline(text, validateExtractOptions(options), resources);
  };
  return Object.freeze({
    config: validated,
    analyze,
    extract(text: string, options?: ExtractOptions): Extraction {
      return buildExtraction(analyze(text, options));
    },
  });
}
