/**
 * A collected batch (its input lines and the JSONL lines the worker wrote for
 * them) turned into what an output needs: the JSONL text as is, Elasticsearch
 * bulk lines, annotated records for an archive, or one result per record for
 * `collectResults`.
 */

import { idOf } from '../batch/annotate-record.js';
import { toEsBulkLines } from '../batch/es-bulk.js';
import { toSearchDocument } from '../batch/search-document.js';
import type { FieldNames } from '../batch/annotate-record.js';
import type { ArticleId, RecordError } from '../batch/types.js';
import type { AnnotatedRecord, LineError, LineOutputFormat, LinesTaskResult } from '../batch/worker-protocol.js';
import type { Extraction } from '../types.js';
import type { BatchJobResult } from './protocol.js';

export interface CollectedBatch {
  batch: number;
  firstLineNumber: number;
  /** The batch's input lines. */
  lines: string[];
  /** What the worker wrote for them: one JSONL line per input line, and the record errors. */
  result: BatchJobResult;
}

interface ResultBase {
  /** Position of the record in the input, from 0. */
  index: number;
  /** Its input line number, from 1. */
  lineNumber: number;
  /** The record's id, or its line number when it has none. */
  id: ArticleId;
}

export interface CollectedArticle extends ResultBase {
  extraction: Extraction;
  /** The input record as it was given (a JSON object). */
  record: Record<string, unknown>;
  error?: undefined;
}

export interface CollectedError extends ResultBase {
  error: RecordError;
  extraction?: undefined;
  record?: undefined;
}

/** One result per input record, in input order: an extraction or the reason there is none. */
export type CollectedResult = CollectedArticle | CollectedError;

function outputLines(batch: CollectedBatch): string[] {
  const output = batch.result.output;
  const lines = output === '' ? [] : output.slice(0, output.endsWith('\n') ? -1 : undefined).split('\n');
  if (lines.length !== batch.lines.length) {
    throw new Error(`lede queue: the result of batch ${batch.batch} has ${lines.length} lines for ${batch.lines.length} input lines; the queue is damaged.`);
  }
  return lines;
}

/** The results of a batch, one per input line. */
export function batchResults(batch: CollectedBatch): CollectedResult[] {
  return outputLines(batch).map((line, offset) => {
    const lineNumber = batch.firstLineNumber + offset;
    const parsed = JSON.parse(line) as { id: ArticleId; error?: RecordError } & Record<string, unknown>;
    const base = { index: lineNumber - 1, lineNumber, id: parsed.id };
    if (parsed.error) return { ...base, error: parsed.error };
    const { id: _id, ...extraction } = parsed;
    return { ...base, extraction: extraction as unknown as Extraction, record: JSON.parse(batch.lines[offset]!) as Record<string, unknown> };
  });
}

/** A batch as a sink takes it (see output-sink.ts): the text of a stream format, or records. */
export function toSinkBatch(batch: CollectedBatch, format: LineOutputFormat, fields: FieldNames): LinesTaskResult {
  const errors = batch.result.errors;
  if (format === 'jsonl') return { output: batch.result.output, errors, records: [] };
  const good = batchResults(batch).filter((result): result is CollectedArticle => result.error === undefined);
  if (format === 'es-bulk') {
    const output = good
      .map(({ id, extraction, record }) =>
        toEsBulkLines(id, toSearchDocument(extraction, { id, text: record[fields.text] as string, publishedAt: record[fields.date] as string | undefined })),
      )
      .join('');
    return { output, errors, records: [] };
  }
  const records: AnnotatedRecord[] = good.map(({ lineNumber, id, extraction, record }) => ({
    lineNumber,
    id,
    text: record[fields.text] as string,
    publishedAt: record[fields.date],
    extraction,
  }));
  return { output: '', errors, records };
}

/** The result of a job that failed on every try: a `worker_failed` error for each of its records. */
export function failedBatchResult(lines: readonly string[], firstLineNumber: number, fields: FieldNames, reason: string): BatchJobResult {
  const errors: LineError[] = lines.map((line, offset) => {
    const lineNumber = firstLineNumber + offset;
    let id: ArticleId = lineNumber;
    try {
      id = idOf(JSON.parse(line), fields.id, lineNumber);
    } catch {
      // not JSON: the line number stays its id
    }
    return { lineNumber, id, error: { code: 'worker_failed', message: `line ${lineNumber}: the job holding this record failed on every try (${reason}).` } };
  });
  return { output: errors.map(({ id, error }) => `${JSON.stringify({ id, error })}\n`).join(''), errors };
}
