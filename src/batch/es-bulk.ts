/**
 * Elasticsearch / OpenSearch bulk NDJSON: for each document an action line
 * `{"index":{"_id":"…"}}` then the document, each ending with a line break, as
 * `POST /<index>/_bulk` takes it (the index is named in the URL). Browser-safe.
 */

import type { SearchDocument } from './search-document.js';
import type { ArticleId } from './types.js';

/** The two bulk lines (action, document) of one document, each ending in '\n'. */
export function toEsBulkLines(id: ArticleId, document: SearchDocument): string {
  return `${JSON.stringify({ index: { _id: String(id) } })}\n${JSON.stringify(document)}\n`;
}
