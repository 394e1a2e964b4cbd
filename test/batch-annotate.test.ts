/**
 * annotate(): articles from an iterable or async iterable through worker threads,
 * one result per article in input order; bad articles give error results; option
 * errors throw at once; it streams (a result comes before the next article is
 * asked for) and the built package works for ESM and CommonJS consumers.
 */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectValidResult, readSample, ROOT } from './helpers.js';
import { DIST_CJS, loadDist, newsArticle } from './batch-helpers.js';
import type { AnnotateResult, Article, Extractor } from '../src/index.js';

let lede: Awaited<ReturnType<typeof loadDist>>;
let extractor: Extractor;
beforeAll(async () => {
  lede = await loadDist();
  extractor = lede.createExtractor();
});

async function collect(results: AsyncIterable<AnnotateResult>): Promise<AnnotateResult[]> {
  const all: AnnotateResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    text: newsArticle(i),
    ...(i % 2 === 0 ? { publishedAt: '2024-11-14' } : {}),
  }));
}

describe('annotate()', () => {
  it.each([1, 2])('gives the results of extract() in input order (concurrency %i)', async (concurrency) => {
    const input = articles(150);
    const results = await collect(lede.annotate(input, { concurrency }));
    expect(results.map((r) => r.index)).toEqual(input.map((_, i) => i));
    results.forEach((result, i) => {
      expect(result.id).toBe(`n${i}`);
      expect(result.article).toBe(input[i]);
      expect(result.error).toBeUndefined();
      expectValidResult(result.extraction, input[i]!.text);
      expect(result.extraction).toEqual(extractor.extract(input[i]!.text, input[i]!.publishedAt ? { publishedAt: input[i]!.publishedAt } : undefined));
    });
  });

  it('hands back exactly what extract() gives, hostile text included (the worker sends it as JSON)', async () => {
    const texts = [
      readSample(),
      '',
      '\uD800 lone high, lone low \uDC00, "quoted \uDBFF" said Ann Lee.',
      'NUL\u0000 and controls \u0001\u001F\u007F; emoji 😀 "Yes," she said; BOM \uFEFF.',
      `"${'word '.repeat(400)}" said Mr. Smith on Friday, June 5, 2015.`,
    ];
    const results = await collect(lede.annotate(texts.map((text, id) => ({ id, text, publishedAt: '2024-11-14' })), { concurrency: 1 }));
    results.forEach((result, i) => {
      expect(result.error).toBeUndefined();
      expect(result.extraction).toStrictEqual(extractor.extract(texts[i]!, { publishedAt: '2024-11-14' }));
    });
  });

  it('takes an async iterable, Date publication dates, and articles without ids', async () => {
    async function* feed(): AsyncGenerator<Article> {
      yield { text: newsArticle(1), publishedAt: new Date(Date.UTC(2024, 10, 14, 9, 30)) };
      await new Promise((resolve) => setTimeout(resolve, 20));
      yield { id: 7, text: newsArticle(2) };
    }
    const results = await collect(lede.annotate(feed(), { concurrency: 1 }));
    expect(results.map((r) => r.id)).toEqual([1, 7]);
    expect(results[0]!.extraction).toEqual(extractor.extract(newsArticle(1), { publishedAt: new Date(Date.UTC(2024, 10, 14, 9, 30)) }));
  });

  it('gives an error result for each bad article and goes on', async () => {
    const input = [
      { id: 'ok', text: 'Fine.' },
      null,
      { id: 'no-text' },
      { id: 'number', text: 12 },
      { id: 'bad-date', text: 'Text.', publishedAt: '2024-13-01' },
      'a string',
      { id: 'last', text: newsArticle(5) },
    ] as unknown as Article[];
    const results = await collect(lede.annotate(input, { concurrency: 2 }));
    expect(results.map((r) => [r.id, r.error?.code ?? 'ok'])).toEqual([
      ['ok', 'ok'],
      [2, 'not_an_object'],
      ['no-text', 'missing_text'],
      ['number', 'invalid_text'],
      ['bad-date', 'invalid_option'],
      [6, 'not_an_object'],
      ['last', 'ok'],
    ]);
    expect(results[4]!.error!.message).toBe(
      'article 5: Invalid publishedAt: the string "2024-13-01" is not a real calendar date; pass an ISO 8601 date such as "2024-11-14" or "2024-11-14T09:30:00Z", or a valid Date.',
    );
    expect(results[2]!.error!.message).toContain('article 3 has no "text" field');
  });

  it('streams: yields a result before asking for the next article', async () => {
    const received: number[] = [];
    let resolveSeen: () => void = () => {};
    async function* feed(): AsyncGenerator<Article> {
      for (let i = 0; i < 3; i++) {
        const seen = new Promise<void>((resolve) => (resolveSeen = resolve));
        yield { id: i, text: newsArticle(i) };
        // The next article only comes once this one's result was received.
        await seen;
      }
    }
    for await (const result of lede.annotate(feed(), { concurrency: 2 })) {
      received.push(result.id as number);
      resolveSeen();
    }
    expect(received).toEqual([0, 1, 2]);
  });

  it('stops reading the articles when the consumer stops', async () => {
    let pulled = 0;
    function* endless(): Generator<Article> {
      for (;;) yield { id: ++pulled, text: 'Short text.' };
    }
    const results: AnnotateResult[] = [];
    for await (const result of lede.annotate(endless(), { concurrency: 2 })) {
      results.push(result);
      if (results.length === 10) break;
    }
    expect(results.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Bounded read-ahead: a few batches per worker, never the whole source.
    expect(pulled).toBeLessThan(10 + 2 * 4 * 64 + 64);
  });

  it('gives the workers the extractor configuration', async () => {
    const config = { gazetteer: [{ name: 'Zorblatt Group', type: 'organization' as const, aliases: ['Zorblatt'] }] };
    const text = 'The Zorblatt Group said on Monday that Zorblatt would open an office in Tallinn.';
    const results = await collect(lede.annotate([{ text }], { concurrency: 1, config }));
    expect(results[0]!.extraction).toEqual(lede.createExtractor(config).extract(text));
  });

  it.each<[string, () => unknown, string]>([
    ['concurrency 0', () => lede.annotate([], { concurrency: 0 }), 'Invalid concurrency: expected a whole number of worker threads from 1 to 256'],
    ['concurrency 1.5', () => lede.annotate([], { concurrency: 1.5 }), 'got number 1.5'],
    ['an unknown option', () => lede.annotate([], { workers: 2 } as never), 'annotate(articles, options): unknown option "workers"; the accepted options are "concurrency" and "config".'],
    ['options not an object', () => lede.annotate([], 3 as never), 'annotate(articles, options): "options" must be an object such as { concurrency: 2 }; got number 3.'],
    ['articles not iterable', () => lede.annotate(42 as never), 'annotate(articles, options): "articles" must be an iterable or async iterable of { id?, text, publishedAt? }; got number 42.'],
    ['a string as articles', () => lede.annotate('text' as never), '"articles" must be an iterable or async iterable'],
    ['a bad config', () => lede.annotate([], { config: { gazetteer: 'x' } as never }), 'Invalid gazetteer: expected an array of { name, type, aliases? }'],
  ])('throws at once on %s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('the example of README.md', () => {
  it('writes bulk lines for good articles and reports bad ones', async () => {
    const { annotate, toSearchDocument, toEsBulkLines } = lede;
    const written: string[] = [];
    const reported: string[] = [];
    const input: Article[] = [{ id: 'e1', text: newsArticle(1) }, { id: 'e2' } as unknown as Article, { text: newsArticle(3), publishedAt: '2024-11-14' }];
    for await (const result of annotate(input, { concurrency: 2 })) {
      if (result.error) reported.push(`${result.id} ${result.error.code}`);
      else written.push(toEsBulkLines(result.id, toSearchDocument(result.extraction, result.article)));
    }
    expect(reported).toEqual(['e2 missing_text']);
    expect(written.map((lines) => JSON.parse(lines.split('\n')[0]!) as unknown)).toEqual([{ index: { _id: 'e1' } }, { index: { _id: '3' } }]);
    expect(JSON.parse(written[1]!.split('\n')[1]!)).toEqual(lede.toSearchDocument(extractor.extract(newsArticle(3), { publishedAt: '2024-11-14' }), input[2]!));
  });
});

describe('the built package for CommonJS consumers', () => {
  it('finds its worker from dist/index.cjs', async () => {
    const script = `
      const { annotate, extract } = require(${JSON.stringify(DIST_CJS)});
      (async () => {
        const out = [];
        for await (const r of annotate([{ id: 'c1', text: 'Lindqvist said "yes" in Tallinn.' }, { id: 'c2' }], { concurrency: 1 })) out.push(r);
        const same = JSON.stringify(out[0].extraction) === JSON.stringify(extract('Lindqvist said "yes" in Tallinn.'));
        console.log(JSON.stringify({ ids: out.map((r) => r.id), codes: out.map((r) => r.error ? r.error.code : 'ok'), same }));
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual({ ids: ['c1', 'c2'], codes: ['ok', 'missing_text'], same: true });
  });
});
