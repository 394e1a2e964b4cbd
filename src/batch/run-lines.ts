/**
 * Consecutive JSONL lines through a worker pool: one `LinesTask`, with a fallback
 * when a worker thread dies (a record that does not fit in its heap): the lines are
 * run one by one, so that only the record that ended its worker gets a
 * `worker_failed` error. Shared by `lede annotate` and the queue workers, so that
 * both write exactly the same lines for the same input. Node only.
 */

import type { FieldNames } from './annotate-record.js';
import type { WorkerPool } from './worker-pool.js';
import type { LineError, LineOutputFormat, LinesTask, LinesTaskResult } from './worker-protocol.js';

export interface LinesToRun {
  /** The lines' text, without line breaks. */
  lines: readonly string[];
  /** 1-based number of the first line. */
  firstLineNumber: number;
  fields: FieldNames;
  format: LineOutputFormat;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The result of lines whose worker thread failed: a `worker_failed` error for each. */
export function workerFailure(lineNumbers: readonly number[], format: LineOutputFormat, reason: string): LinesTaskResult {
  const errors: LineError[] = lineNumbers.map((lineNumber) => ({
    lineNumber,
    id: lineNumber,
    error: { code: 'worker_failed', message: `line ${lineNumber}: the worker thread failed (${reason}).` },
  }));
  const output = format === 'jsonl' ? errors.map(({ id, error }) => `${JSON.stringify({ id, error })}\n`).join('') : '';
  return { output, errors, records: [] };
}

/** Runs the lines as one task on the pool; never rejects because of a record. */
export async function runLines(pool: WorkerPool, batch: LinesToRun): Promise<LinesTaskResult> {
  const task: LinesTask = {
    kind: 'lines',
    lines: [...batch.lines],
    firstLineNumber: batch.firstLineNumber,
    fields: batch.fields,
    format: batch.format,
  };
  try {
    return await pool.run<LinesTaskResult>(task);
  } catch (error) {
    const lineNumbers = batch.lines.map((_, offset) => batch.firstLineNumber + offset);
    if (batch.lines.length === 1) return workerFailure(lineNumbers, batch.format, messageOf(error));
    // One record may have ended its worker (out of memory): run each alone, so that only it fails.
    const parts = await Promise.all(
      batch.lines.map((line, offset) => runLines(pool, { ...batch, lines: [line], firstLineNumber: batch.firstLineNumber + offset })),
    );
    return joinResults(parts);
  }
}

/** The results of consecutive batches as one, in order. */
export function joinResults(parts: readonly LinesTaskResult[]): LinesTaskResult {
  if (parts.length === 1) return parts[0]!;
  const joined: LinesTaskResult = { output: parts.map((p) => p.output).join(''), errors: parts.flatMap((p) => p.errors), records: parts.flatMap((p) => p.records) };
  if (parts.some((p) => p.postgresRecords !== undefined)) joined.postgresRecords = parts.flatMap((p) => p.postgresRecords ?? []);
  return joined;
}
