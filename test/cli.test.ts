/**
 * The `lede` binary on one article (file and standard input), its help and
 * version, and its usage errors (exit status 2 with a message that says what to do).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectValidResult, readSample, ROOT } from './helpers.js';
import { loadDist, newsArticle, runCli, tempDir } from './batch-helpers.js';

const SAMPLE = 'samples/sample-article.txt';
let lede: Awaited<ReturnType<typeof loadDist>>;

beforeAll(async () => {
  lede = await loadDist();
});

describe('lede ARTICLE.txt', () => {
  it('prints the extraction of a file, as extract() gives it', async () => {
    const run = await runCli([SAMPLE, '--published-at', '2025-03-14']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result: unknown = JSON.parse(run.stdout);
    const text = readSample();
    expectValidResult(result, text);
    expect(result).toEqual(lede.extract(text, { publishedAt: '2025-03-14' }));
  });

  it('reads standard input with -', async () => {
    const text = newsArticle(4);
    const run = await runCli(['-', '--published-at', '2024-11-14'], text);
    expect(run.code).toBe(0);
    const result: unknown = JSON.parse(run.stdout);
    expectValidResult(result, text);
    expect(result).toEqual(lede.extract(text, { publishedAt: '2024-11-14' }));
  });

  it('works without --published-at, and on empty input', async () => {
    const text = newsArticle(9);
    const withoutDate = await runCli(['-'], text);
    expect(withoutDate.code).toBe(0);
    expect(JSON.parse(withoutDate.stdout)).toEqual(lede.extract(text));
    const empty = await runCli(['-'], '');
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual(lede.extract(''));
  });

  it('keeps offsets right on CRLF text and non-ASCII characters', async () => {
    const text = 'Zürich talks 🚢\r\n"We agree," said Zoë Ångström in Kraków on Monday.\r\n';
    const dir = tempDir();
    const file = join(dir, 'crlf.txt');
    writeFileSync(file, text);
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    expectValidResult(JSON.parse(run.stdout), text);
  });
});

describe('lede --help and --version', () => {
  it.each([['--help'], ['-h']])('%s prints the usage and exits 0', async (flag) => {
    const run = await runCli([flag]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('lede ARTICLE.txt [--published-at DATE]');
    expect(run.stdout).toContain('lede annotate [IN.jsonl|-]');
    expect(run.stdout).toContain('--format FORMAT');
  });

  it.each([['--version'], ['-v']])("%s prints the package's version", async (flag) => {
    const run = await runCli([flag]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });
});

describe('usage errors: exit 2 with a message that says what to do', () => {
  const dir = tempDir();
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, `${JSON.stringify({ id: 'a', text: 'Text.' })}\n`);

  it.each<[string, string[], string]>([
    ['no argument', [], 'lede: name an article file (lede ARTICLE.txt), use - to read standard input'],
    ['a missing file', ['no-such-article.txt'], 'lede: cannot read no-such-article.txt: no such file. Pass the path of a plain-text article, or - to read standard input.'],
    ['a directory', ['samples'], 'lede: cannot read samples: it is a directory.'],
    ['two files', [SAMPLE, SAMPLE], 'lede: expected one article file; got 2'],
    ['an unknown option', [SAMPLE, '--bogus'], "lede: Unknown option '--bogus'."],
    ['a missing option value', [SAMPLE, '--published-at'], "lede: Option '--published-at <value>' argument missing"],
    [
      'a date that is not a date',
      [SAMPLE, '--published-at', 'yesterday'],
      'Invalid publishedAt: the string "yesterday" is not a date; pass an ISO 8601 date such as "2024-11-14" or "2024-11-14T09:30:00Z", or a valid Date.',
    ],
    [
      'a date that is not in the calendar',
      [SAMPLE, '--published-at', '2025-02-30'],
      'Invalid publishedAt: the string "2025-02-30" is not a real calendar date',
    ],
    ['an annotate option on one article', [SAMPLE, '--workers', '2'], 'lede: --workers belongs to `lede annotate`.'],
    ['-o on one article', [SAMPLE, '-o', 'out.json'], 'lede: -o/--output belongs to `lede annotate`.'],
    ['annotate: zero workers', ['annotate', input, '--workers', '0'], 'lede annotate: Invalid --workers: expected a whole number of worker threads from 1 to 256'],
    ['annotate: workers not a number', ['annotate', input, '--workers', 'many'], 'got the string "many".'],
    ['annotate: an unknown format', ['annotate', input, '--format', 'xml'], 'lede annotate: --format must be one of jsonl, es-bulk, sqlite, postgres; got "xml".'],
    ['annotate: sqlite without -o', ['annotate', input, '--format', 'sqlite'], 'lede annotate: --format sqlite writes a database file: name it with -o, e.g. -o archive.db.'],
    ['annotate: a missing input', ['annotate', 'no-such.jsonl'], 'lede annotate: cannot read no-such.jsonl: no such file. Pass the path of a JSONL file (one JSON article per line), or - to read standard input.'],
    ['annotate: two inputs', ['annotate', input, input], 'lede annotate: expected at most one input'],
    ['annotate: --published-at', ['annotate', input, '--published-at', '2024-01-01'], 'lede annotate: --published-at applies to one article; give each record its date in a field instead'],
    ['annotate: an empty field name', ['annotate', input, '--text-field', ''], 'lede annotate: --text-field needs a field name, such as --text-field text.'],
    ['annotate: output over the input', ['annotate', input, '-o', input], `lede annotate: the output ${input} is the input file; write to another file with -o.`],
    ['annotate: an unwritable output', ['annotate', input, '-o', join(dir, 'no-such-folder', 'out.jsonl')], 'lede annotate: cannot write'],
  ])('%s', async (_name, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves an input file untouched when -o names it', async () => {
    await runCli(['annotate', input, '-o', input]);
    expect(readFileSync(input, 'utf8')).toBe(`${JSON.stringify({ id: 'a', text: 'Text.' })}\n`);
  });
});
