/**
 * The output sinks of annotate and queue collect: a file that resumes after its
 * first N bytes (what follows is cut off), checkpoints that say how many bytes are
 * written, and an archive that keeps a writer's progress with its records.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutputSink } from '../src/cli/output-sink.js';
import { UsageError } from '../src/cli/usage.js';
import { handBuiltArticles } from './batch-fixtures.js';
import { tempDir } from './batch-helpers.js';

const noLog = (): void => {};
const text = (output: string) => ({ output, errors: [], records: [] });

describe('output sink: a file that resumes', () => {
  const dir = tempDir();

  it('keeps the first resumeAt bytes, cuts off the rest and counts bytes from there', async () => {
    const path = join(dir, 'resume.jsonl');
    writeFileSync(path, '{"id":1}\n{"id":2}\n{"id":3, "peo');
    const sink = await openOutputSink({ format: 'jsonl', output: path, input: null, command: 'test', log: noLog, resumeAt: 18 });
    await sink.write(text('{"id":3}\n'));
    expect(await sink.checkpoint()).toEqual({ bytes: 27 });
    await sink.write(text('{"id":"é"}\n'));
    expect(await sink.checkpoint()).toEqual({ bytes: 27 + Buffer.byteLength('{"id":"é"}\n') });
    await sink.finish();
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe('{"id":1}\n{"id":2}\n{"id":3}\n{"id":"é"}\n');
  });

  it('starts a new file at resumeAt 0 (creating it), and truncates one without resumeAt', async () => {
    const fresh = join(dir, 'fresh.jsonl');
    const sink = await openOutputSink({ format: 'jsonl', output: fresh, input: null, command: 'test', log: noLog, resumeAt: 0 });
    await sink.write(text('a\n'));
    await sink.finish();
    expect(readFileSync(fresh, 'utf8')).toBe('a\n');
    const again = await openOutputSink({ format: 'jsonl', output: fresh, input: null, command: 'test', log: noLog });
    await again.finish();
    expect(readFileSync(fresh, 'utf8')).toBe('');
  });

  it('refuses a file shorter than the bytes written to it before', async () => {
    const path = join(dir, 'short.jsonl');
    writeFileSync(path, 'abc');
    await expect(openOutputSink({ format: 'jsonl', output: path, input: null, command: 'test', log: noLog, resumeAt: 10 })).rejects.toThrow(UsageError);
    await expect(openOutputSink({ format: 'jsonl', output: path, input: null, command: 'test', log: noLog, resumeAt: 10 })).rejects.toThrow(
      /holds 3 bytes, fewer than the 10 written to it before/,
    );
    expect(readFileSync(path, 'utf8')).toBe('abc');
  });

  it('logs the bad records of es-bulk, which has no line for them', async () => {
    const path = join(dir, 'bulk.ndjson');
    const logged: string[] = [];
    const sink = await openOutputSink({ format: 'es-bulk', output: path, input: null, command: 'lede queue collect', log: (l) => logged.push(l), resumeAt: 0 });
    await sink.write({ output: '', errors: [{ lineNumber: 4, id: 'x4', error: { code: 'missing_text', message: 'line 4 has no "text" field' } }], records: [] });
    expect(logged).toEqual(['lede queue collect: missing_text (id "x4"): line 4 has no "text" field']);
    await sink.finish();
  });
});

describe('output sink: an archive keeps a writer progress with its records', () => {
  const dir = tempDir();

  it('commits records and progress together, and reads the progress back after reopening', async () => {
    const path = join(dir, 'archive.db');
    const [fixture] = handBuiltArticles();
    const record = { lineNumber: 1, id: fixture!.article.id, text: fixture!.article.text, publishedAt: fixture!.article.publishedAt, extraction: fixture!.extraction };
    const sink = await openOutputSink({ format: 'sqlite', output: path, input: null, command: 'test', log: noLog });
    expect(sink.readProgress('run-1')).toBeNull();
    await sink.write({ output: '', errors: [], records: [record] });
    expect(await sink.checkpoint({ key: 'run-1', value: '{"next":1}' })).toEqual({ bytes: null });
    await sink.close();
    const reopened = await openOutputSink({ format: 'sqlite', output: path, input: null, command: 'test', log: noLog });
    expect(reopened.readProgress('run-1')).toBe('{"next":1}');
    expect(reopened.readProgress('run-2')).toBeNull();
    await reopened.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 });
    db.close();
  });

  it('taking checkpoints, it commits only at them: what came after the last one is dropped on close', async () => {
    const path = join(dir, 'checkpoints.db');
    const [fixture] = handBuiltArticles();
    const record = { lineNumber: 1, id: fixture!.article.id, text: fixture!.article.text, publishedAt: fixture!.article.publishedAt, extraction: fixture!.extraction };
    const sink = await openOutputSink({ format: 'sqlite', output: path, input: null, command: 'test', log: noLog, checkpoints: true });
    await sink.write({ output: '', errors: [], records: Array.from({ length: 3 }, () => record) });
    await sink.checkpoint({ key: 'run', value: '{"next":1}' });
    // More than the 500 records after which an archive commits by itself.
    await sink.write({ output: '', errors: [], records: Array.from({ length: 600 }, () => record) });
    await sink.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 3 });
    expect(db.prepare("SELECT value FROM lede_progress WHERE key = 'run'").get()).toEqual({ value: '{"next":1}' });
    db.close();
  });
});
