/**
 * `lede annotate` over JSONL: one output line per input line in input order,
 * error lines for bad records, results equal to extract(), the same output with
 * one or two workers, custom field names, and the es-bulk format.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectValidResult } from './helpers.js';
import { loadDist, newsArticle, runCli, tempDir, type CliRun } from './batch-helpers.js';
import { acceptanceInput, type ExpectedRecord } from './batch-fixtures.js';
import type { Extractor } from '../src/index.js';

let extractor: Extractor;
let lede: Awaited<ReturnType<typeof loadDist>>;
beforeAll(async () => {
  lede = await loadDist();
  extractor = lede.createExtractor();
});

type Expected = ExpectedRecord;

/** Input lines and what each must give: bad records at known places among good ones. */
function mixedInput(): { lines: string[]; expected: Expected[] } {
  const lines: string[] = [];
  const expected: Expected[] = [];
  const good = (id: string, text: string, publishedAt?: string): void => {
    lines.push(JSON.stringify(publishedAt ? { id, text, publishedAt } : { id, text }));
    expected.push(publishedAt ? { id, text, publishedAt } : { id, text });
  };
  const bad = (line: string, error: string, id?: string): void => {
    lines.push(line);
    expected.push({ error, id: id ?? lines.length });
  };
  good('a1', newsArticle(1), '2024-11-14');
  bad('{"id": "a2", "text": "unterminated', 'invalid_json');
  good('a3', newsArticle(3), '2015-07-20');
  bad('[{"id": "a4", "text": "an array"}]', 'not_an_object');
  bad('', 'empty_line');
  bad('{"id": "a6", "body": "no text field"}', 'missing_text', 'a6');
  bad('{"id": "a7", "text": ["not", "a", "string"]}', 'invalid_text', 'a7');
  bad('{"id": "a8", "text": null}', 'invalid_text', 'a8');
  bad('"just a string"', 'not_an_object');
  bad('   ', 'empty_line');
  good('a11', newsArticle(11));
  bad('{"id": "a12", "text": "A real text.", "publishedAt": "2024-02-30"}', 'invalid_option', 'a12');
  lines.push(JSON.stringify({ text: newsArticle(13), publishedAt: '2024-01-05' })); // no id: its line number
  expected.push({ id: 13, text: newsArticle(13), publishedAt: '2024-01-05' });
  good('a14', '');
  good('a15', 'Zoë said "ça va" 🚢 in Kraków.\r\nSecond line.');
  return { lines, expected };
}

function outputLines(run: CliRun): unknown[] {
  expect(run.stdout.endsWith('\n')).toBe(true);
  return run.stdout.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown);
}

function checkOutput(results: unknown[], expected: Expected[]): void {
  expect(results).toHaveLength(expected.length);
  results.forEach((result, index) => {
    const want = expected[index]!;
    const record = result as Record<string, unknown>;
    expect(record.id, `line ${index + 1}`).toEqual(want.id);
    if ('error' in want) {
      expect(Object.keys(record).sort(), `line ${index + 1}`).toEqual(['error', 'id']);
      const error = record.error as { code: string; message: string };
      expect(error.code, `line ${index + 1}`).toBe(want.error);
      expect(error.message, `line ${index + 1}`).toMatch(new RegExp(`^line ${index + 1}\\b`));
    } else {
      const { id: _id, ...extraction } = record;
      expectValidResult(extraction, want.text);
      expect(extraction, `line ${index + 1}`).toEqual(extractor.extract(want.text, want.publishedAt ? { publishedAt: want.publishedAt } : undefined));
    }
  });
}

describe('lede annotate: JSONL', () => {
  const dir = tempDir();
  const { lines, expected } = mixedInput();
  const input = join(dir, 'mixed.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const errors = expected.filter((e) => 'error' in e).length;

  it('writes one line per input line, in order, with error lines for bad records', async () => {
    const run = await runCli(['annotate', input, '--workers', '2']);
    expect(run.code).toBe(0);
    checkOutput(outputLines(run), expected);
    expect(run.stderr).toMatch(new RegExp(`^lede annotate: ${lines.length} articles, ${errors} errors, \\d+\\.\\d articles/s \\(\\d+\\.\\d\\d s, 2 workers\\)\\n$`));
  });

  it('writes the same output with one worker, from standard input, and to a file with -o', async () => {
    const twoWorkers = await runCli(['annotate', input, '--workers', '2']);
    const oneWorker = await runCli(['annotate', '-', '--workers', '1'], `${lines.join('\n')}\n`);
    expect(oneWorker.code).toBe(0);
    expect(oneWorker.stdout).toBe(twoWorkers.stdout);
    const out = join(dir, 'out.jsonl');
    const toFile = await runCli(['annotate', input, '-o', out, '--workers', '1']);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8')).toBe(twoWorkers.stdout);
  });

  it('reads standard input when no input is named', async () => {
    const run = await runCli(['annotate'], `${lines.join('\n')}\n`);
    expect(run.code).toBe(0);
    checkOutput(outputLines(run), expected);
  });

  it('takes CRLF line ends, a byte-order mark and a last line without a line break', async () => {
    const run = await runCli(['annotate', '-', '--workers', '1'], `\uFEFF${lines.join('\r\n')}`);
    expect(run.code).toBe(0);
    checkOutput(outputLines(run), expected);
  });

  it('gives no output line for empty input, and counts no article', async () => {
    const run = await runCli(['annotate', '-'], '');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^lede annotate: 0 articles, 0 errors, /);
  });

  it('reads the fields named by --text-field, --date-field and --id-field', async () => {
    const text = newsArticle(21);
    const records = [
      { key: 'k1', body: text, date: '2024-11-14', text: 'not this one', id: 'not this id' },
      { key: 'k2', text },
      { key: 3, body: text },
    ];
    const run = await runCli(
      ['annotate', '-', '--text-field', 'body', '--date-field', 'date', '--id-field', 'key'],
      records.map((r) => JSON.stringify(r)).join('\n'),
    );
    expect(run.code).toBe(0);
    const results = outputLines(run) as Record<string, unknown>[];
    expect(results.map((r) => r.id)).toEqual(['k1', 'k2', 3]);
    const { id: _id, ...first } = results[0]!;
    expect(first).toEqual(extractor.extract(text, { publishedAt: '2024-11-14' }));
    expect((results[1]!.error as { code: string; message: string }).code).toBe('missing_text');
    expect((results[1]!.error as { message: string }).message).toContain('has no "body" field');
    expect(results[2]!.error).toBeUndefined();
  });

  it('gives a record whose id is not a string or number its line number', async () => {
    const run = await runCli(['annotate', '-'], [{ id: { nested: true }, text: 'A.' }, { id: null, text: 'B.' }, { id: 'x', text: 'C.' }].map((r) => JSON.stringify(r)).join('\n'));
    expect((outputLines(run) as { id: unknown }[]).map((r) => r.id)).toEqual([1, 2, 'x']);
  });

  it('shows no progress bar when standard error is not a terminal', async () => {
    const run = await runCli(['annotate', input]);
    expect(run.stderr).not.toContain('\u001b[');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('lede annotate --format es-bulk', () => {
  const { lines, expected } = mixedInput();

  it('writes an action line with _id then the search document for each good record, and reports bad ones on standard error', async () => {
    const run = await runCli(['annotate', '-', '--format', 'es-bulk'], lines.join('\n'));
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const bulk = run.stdout.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const good = expected.filter((e): e is Extract<Expected, { text: string }> => !('error' in e));
    expect(bulk).toHaveLength(good.length * 2);
    good.forEach((want, i) => {
      expect(bulk[2 * i]).toEqual({ index: { _id: String(want.id) } });
      const extraction = extractor.extract(want.text, want.publishedAt ? { publishedAt: want.publishedAt } : undefined);
      expect(bulk[2 * i + 1]).toEqual(lede.toSearchDocument(extraction, want));
    });
    const bad = expected.filter((e): e is Extract<Expected, { error: string }> => 'error' in e);
    const stderr = run.stderr.trim().split('\n');
    expect(stderr).toHaveLength(bad.length + 1);
    bad.forEach((want, i) => expect(stderr[i]).toMatch(new RegExp(`^lede annotate: ${want.error} \\(id ${JSON.stringify(want.id)}\\): line \\d+`)));
    expect(stderr.at(-1)).toMatch(new RegExp(`^lede annotate: ${lines.length} articles, ${bad.length} errors`));
  });
});

describe('lede annotate: acceptance (3,000 lines with bad records and a 2 MB article)', () => {
  it('writes exactly 3,000 lines in order, each an error line or the result of extract()', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const { lines, expected, bigLine } = acceptanceInput();
    const bigText = (expected[bigLine - 1] as { text: string }).text;
    const input = join(dir, 'acceptance.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    expect(Buffer.byteLength(bigText)).toBeGreaterThan(2 * 1024 * 1024);

    const run = await runCli(['annotate', input, '--workers', '2']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^lede annotate: 3000 articles, 6 errors, /);
    checkOutput(outputLines(run), expected);
  });
});
