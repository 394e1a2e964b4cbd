/**
 * `lede view` and `lede serve` from the command line: the page they write or
 * serve, their usage errors (exit status 2), and the server's refusals (any path
 * but its own four files is 404; only GET and HEAD; loopback Host only), a port
 * in use (exit 2) and Ctrl-C (exit 0). What a browser makes of them is
 * test/view/browser.test.ts.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDist, newsArticle, runCli, tempDir } from '../batch-helpers.js';
import { readSample, ROOT } from '../helpers.js';
import { rawRequest, startServe, type ServeProcess } from './view-helpers.js';

const SAMPLE = 'samples/sample-article.txt';
let lede: Awaited<ReturnType<typeof loadDist>>;

beforeAll(async () => {
  lede = await loadDist();
});

describe('lede view', () => {
  it('writes the page of an article to a file with -o', async () => {
    const out = join(tempDir(), 'sample.html');
    const run = await runCli(['view', SAMPLE, '--published-at', '2025-03-14', '-o', out]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = readSample();
    const expected = lede.renderHtml(text, lede.extract(text, { publishedAt: '2025-03-14' }), { publishedAt: '2025-03-14' });
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it('reads standard input with - and writes standard output without -o', async () => {
    const text = newsArticle(5);
    const run = await runCli(['view', '-'], text);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lede.renderHtml(text, lede.extract(text)));
  });

  it.each<[string, string[], RegExp]>([
    ['no article', ['view'], /lede view: name one article file/],
    ['two articles', ['view', SAMPLE, SAMPLE], /lede view: name one article file/],
    ['an annotate option', ['view', SAMPLE, '--workers', '2'], /--workers is not an option of lede view/],
    ['a serve option', ['view', SAMPLE, '--port', '80'], /--port is not an option of lede view/],
    ['a bad date', ['view', SAMPLE, '--published-at', 'yesterday'], /lede view: .*publishedAt/],
    ['a missing file', ['view', 'no-such-file.txt'], /lede view: cannot read no-such-file\.txt: no such file/],
    ['the input as output', ['view', SAMPLE, '-o', SAMPLE], /the output .* is the input file/],
    ['an empty -o', ['view', SAMPLE, '-o', ''], /-o needs a file name/],
  ])('refuses %s (exit 2)', async (_, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('lede serve: usage', () => {
  it.each<[string, string[], RegExp]>([
    ['a port that is not one', ['serve', '--port', 'http'], /--port must be a port number from 0 to 65535/],
    ['a port out of range', ['serve', '--port', '70000'], /--port must be a port number/],
    ['an empty host', ['serve', '--host', ''], /--host needs an address/],
    ['a file', ['serve', SAMPLE], /lede serve: takes no file/],
    ['a view option', ['serve', '-o', 'x.html'], /-o\/--output is not an option of lede serve/],
    ['--port on one article', [SAMPLE, '--port', '80'], /--port belongs to `lede serve`/],
  ])('refuses %s (exit 2)', async (_, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});


describe('lede serve', () => {
  let server: ServeProcess;

  beforeAll(async () => {
    server = await startServe();
  });

  afterAll(() => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('serves its page with a strict policy, its script and the browser build', async () => {
    const page = await rawRequest(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self' 'sha256-[^']+'; style-src 'self' 'sha256-[^']+';.*connect-src 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<script type="module" src="/app.js"></script>');
    expect((await rawRequest(server.port, '/app.js')).status).toBe(200);
    expect((await rawRequest(server.port, '/app.css?v=2')).status).toBe(200);
    const bundle = await rawRequest(server.port, '/browser.js', { method: 'HEAD' });
    expect(bundle.status).toBe(200);
    expect(Number(bundle.headers['content-length'])).toBe(readFileSync(join(ROOT, 'dist', 'browser.js')).length);
    expect(bundle.body).toBe('');
  });

  it.each([
    '/../package.json',
    '/../../../../etc/passwd',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/..%5c..%5cpackage.json',
    '//etc/passwd',
    '/browser.js/../../package.json',
    '/./app.js',
    '/dist/browser.js',
    '/samples/sample-article.txt',
    '/app.js%00',
    '/index.html',
    '*',
  ])('answers %s with 404', async (path) => {
    const response = await rawRequest(server.port, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('"name"');
  });

  it('answers GET and HEAD only, and only for this machine', async () => {
    const post = await rawRequest(server.port, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await rawRequest(server.port, '/', { host: 'attacker.example' })).status).toBe(421);
    expect((await rawRequest(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a port in use with exit status 2 and a message', async () => {
    const run = await runCli(['serve', '--port', String(server.port)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`port ${server.port} on 127\\.0\\.0\\.1 is already in use; .*--port`));
  });

  it('stops cleanly on Ctrl-C (SIGINT), exit status 0', async () => {
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('lede serve: stopped');
  });
});

