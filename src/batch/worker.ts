/**
 * The worker thread of batch annotation (built to dist/batch-worker.js). Each
 * worker creates one extractor as it starts and reuses it for every task.
 */

import { parentPort } from 'node:worker_threads';
import { workerData } from 'piscina';
import { createExtractor } from '../index.js';
import type { Extractor } from '../core/extractor.js';
import type { ExtractorConfig } from '../types.js';
import { checkRecord, extractRecord, idOf, parseJsonLine } from './annotate-record.js';
import { toEsBulkLines } from './es-bulk.js';
import { toPostgresRecord } from './postgres-record.js';
import { toSearchDocument } from './search-document.js';
import type { ArticleId, RecordError } from './types.js';
import { WORKER_LOADED, type ArticleOutcomeMessage, type ArticlesTask, type LinesTask, type LinesTaskResult, type WorkerData, type WorkerTask } from './worker-protocol.js';

let extractor: Extractor | null = null;

function getExtractor(): Extractor {
  extractor ??= createExtractor(((workerData as WorkerData | undefined)?.config ?? undefined) as ExtractorConfig | undefined);
  return extractor;
}

// The model is loaded, and the first extraction's one-time work done, as the thread
// starts rather than on its first task (about 0.3 s): a pool is made before its input
// is read, and a queue worker before any job arrives, so this overlaps with them.
try {
  getExtractor().extract('Warm-up.');
} catch {
  // a config the extractor refuses: the first task reports it
}
// Said once this module has loaded to the end, not while its body runs: piscina
// require()s it, and Node 20 then wraps the ES module in a facade module, after the body.
// A thread ended before that (a pool closed as soon as its threads said they had loaded)
// aborted the whole process ("Assertion failed: facade->InstantiateModule(context,
// LinkRequireFacadeWithOriginal).IsJust()", once in a clean-clone CI run). A microtask
// runs when that require() has returned; a timer or setImmediate may not run at all
// before the first task, as piscina's idle thread waits on Atomics.wait.
queueMicrotask(() => parentPort?.postMessage(WORKER_LOADED));

function annotateLines(task: LinesTask): LinesTaskResult {
  const result: LinesTaskResult = { output: '', errors: [], records: [] };
  const output: string[] = [];
  const fail = (lineNumber: number, id: ArticleId, error: RecordError): void => {
    result.errors.push({ lineNumber, id, error });
    if (task.format === 'jsonl') output.push(`${JSON.stringify({ id, error })}\n`);
  };

  task.lines.forEach((line, offset) => {
    const lineNumber = task.firstLineNumber + offset;
    const where = `line ${lineNumber}`;
    const parsed = parseJsonLine(line, where);
    if (parsed.error) return fail(lineNumber, lineNumber, parsed.error);
    const id = idOf(parsed.record, task.fields.id, lineNumber);
    const shapeError = checkRecord(parsed.record, task.fields.text, where);
    if (shapeError) return fail(lineNumber, id, shapeError);

    const record = parsed.record as Record<string, unknown>;
    const text = record[task.fields.text] as string;
    const publishedAt = record[task.fields.date];
    const outcome = extractRecord(getExtractor(), text, publishedAt, where);
    if (outcome.error) return fail(lineNumber, id, outcome.error);

    const { extraction } = outcome;
    switch (task.format) {
      case 'jsonl':
        output.push(`${JSON.stringify({ id, ...extraction })}\n`);
        break;
      case 'es-bulk':
        output.push(toEsBulkLines(id, toSearchDocument(extraction, { id, text, publishedAt: publishedAt as string | undefined })));
        break;
      case 'record':
        result.records.push({ lineNumber, id, text, publishedAt, extraction });
        break;
      case 'postgres':
        (result.postgresRecords ??= []).push(toPostgresRecord({ lineNumber, id, text, publishedAt, extraction }));
        break;
    }
  });
  result.output = output.join('');
  return result;
}

function annotateArticles(task: ArticlesTask): ArticleOutcomeMessage[] {
  return task.articles.map((article) => {
    const outcome = extractRecord(getExtractor(), article.text, article.publishedAt, article.where);
    return outcome.error ? { error: outcome.error } : { json: JSON.stringify(outcome.extraction) };
  });
}

export default function runTask(task: WorkerTask): ArticleOutcomeMessage[] | LinesTaskResult {
  return task.kind === 'lines' ? annotateLines(task) : annotateArticles(task);
}
