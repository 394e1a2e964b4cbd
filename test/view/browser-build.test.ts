/**
 * lede/browser (dist/browser.js) in Node: it imports nothing (everything, data
 * included, is inside), and its results equal the Node build's byte for byte on
 * the golden articles and others. The same comparison in a real browser is
 * test/view/browser.test.ts.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDist } from '../batch-helpers.js';
import { ROOT } from '../helpers.js';
import { comparedArticles } from './view-helpers.js';

const BROWSER_BUILD = join(ROOT, 'dist', 'browser.js');
type Lede = typeof import('../../src/browser/index.js');

let browserBuild: Lede;
let nodeBuild: Awaited<ReturnType<typeof loadDist>>;

beforeAll(async () => {
  if (!existsSync(BROWSER_BUILD)) throw new Error('These tests read dist/browser.js: run `npm run build` first (`npm test` does).');
  browserBuild = (await import(pathToFileURL(BROWSER_BUILD).href)) as Lede;
  nodeBuild = await loadDist();
});


describe('lede/browser', () => {
  it('imports nothing: no module, no Node built-in', () => {
    const source = readFileSync(BROWSER_BUILD, 'utf8');
    // Static imports (import{a}from"x", import*as b from"y", import"z"), require("…"), import("…"), node: specifiers.
    const imports = /(?:^|[;\n}])\s*import\s*(?:[{*\w$][^;'"]*\bfrom\s*)?["']|\brequire\(["']|\bimport\(["']|["']node:[a-z]/.exec(source);
    expect(imports?.[0] ?? null).toBeNull();
  });

  it('is the package export lede/browser', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { default: string; types: string }> };
    expect(manifest.exports['./browser']).toEqual({ types: './dist/browser.d.ts', default: './dist/browser.js' });
    expect(existsSync(join(ROOT, 'dist', 'browser.d.ts'))).toBe(true);
  });

  it.each(comparedArticles())('extract() equals the Node build, byte for byte: $name', ({ text, publishedAt }) => {
    const options = publishedAt === undefined ? undefined : { publishedAt };
    expect(JSON.stringify(browserBuild.extract(text, options))).toBe(JSON.stringify(nodeBuild.extract(text, options)));
  });

  it('createExtractor takes the same configuration, and renderHtml draws the same page', () => {
    const config = { gazetteer: [{ name: 'Turan Information Agency', type: 'organization' as const, aliases: ['Turan'] }] };
    const text = 'BAKU, Nov 14 - Turan reported that talks resumed. "We are ready," the Turan Information Agency quoted a minister as saying.';
    const fromBrowser = browserBuild.createExtractor(config).extract(text, { publishedAt: '2024-11-14' });
    expect(JSON.stringify(fromBrowser)).toBe(JSON.stringify(nodeBuild.createExtractor(config).extract(text, { publishedAt: '2024-11-14' })));
    expect(browserBuild.renderHtml(text, fromBrowser)).toBe(nodeBuild.renderHtml(text, fromBrowser));
    expect(() => browserBuild.createExtractor({ gazetteer: 'x' } as never)).toThrow(browserBuild.LedeOptionError);
  });
});
