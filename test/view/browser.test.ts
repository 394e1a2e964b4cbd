/**
 * The view, the browser build and `lede serve` in a real browser (the system's
 * Chromium, see chromium.ts; one launch for the whole file):
 *   - the view of the sample and of each golden article has exactly one highlight
 *     per mention, quote (part) and date, each over exactly its span of the text;
 *   - hovering or focusing a mention lights all mentions of its entity and only
 *     those, and shows its name and titles; Escape clears;
 *   - a hostile article (markup, handlers, javascript: links, closing tags, bidi
 *     and control characters, 1 MB) runs nothing, requests nothing, still renders;
 *     and markup slipped past the escaping is still stopped by the page's policy;
 *   - dist/browser.js in the page of `lede serve` gives the Node build's result,
 *     byte for byte; the page's view, download and requests; 404 for traversal.
 * The run writes a screenshot of the sample's view to .tmp/artifacts/.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extraction, Quote } from '../../src/types.js';
import { displayedText } from '../../src/view/escape-html.js';
import { loadDist, newsText } from '../batch-helpers.js';
import { GOLDEN_ARTICLES } from '../golden/articles.js';
import { readSample, ROOT } from '../helpers.js';
import { CHROMIUM, IN_CI, launchChromium } from './chromium.js';
import { comparedArticles, startServe, type ServeProcess } from './view-helpers.js';
import { HOSTILE_ARTICLE } from './hostile.js';

const ARTIFACTS = join(ROOT, '.tmp', 'artifacts');
/** The address the view pages are served at (by the test, through playwright's routing: no network). */
const VIEW_URL = 'http://lede.invalid/view.html';

if (!CHROMIUM && !IN_CI) {
  console.warn('[lede tests] no Chromium found (/usr/bin/chromium, or set LEDE_CHROMIUM): the browser tests are skipped. `apt-get install chromium` runs them.');
}

/** A highlight of the view as the browser laid it out: its fragments' text and its offsets in the article. */
interface Highlight {
  h: string;
  kind: string;
  group: string | null;
  start: number;
  end: number;
  text: string;
}

/** Every highlight of the page's article, in one walk of the DOM. */
function readHighlights(page: Page): Promise<{ text: string; highlights: Highlight[] }> {
  return page.evaluate(() => {
    const root = document.getElementById('text')!;
    const found = new Map<string, { h: string; kind: string; group: string | null; start: number; end: number; text: string }>();
    let offset = 0;
    const walk = (node: Node): void => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) {
          offset += (child as Text).data.length;
          continue;
        }
        if (!(child instanceof Element)) continue;
        const h = child.getAttribute('data-h');
        const start = offset;
        walk(child);
        if (h === null) continue;
        const known = found.get(h);
        if (known) {
          known.end = offset;
          known.text += child.textContent ?? '';
        } else {
          const group = child.getAttribute('data-e') ?? child.getAttribute('data-d') ?? child.getAttribute('data-q');
          found.set(h, { h, kind: child.classList[0] ?? '', group, start, end: offset, text: child.textContent ?? '' });
        }
      }
    };
    walk(root);
    return { text: root.textContent ?? '', highlights: [...found.values()] };
  });
}

/** The spans the view must highlight, as 'start:end' keys per kind. */
function expectedSpans(extraction: Extraction): Record<'m' | 'd' | 'q', string[]> {
  const key = (span: { start: number; end: number }): string => `${span.start}:${span.end}`;
  const entities = [...extraction.people, ...extraction.organizations, ...extraction.places];
  return {
    m: entities.flatMap((entity) => entity.mentions.map(key)).sort(),
    d: extraction.dates.map(key).sort(),
    q: extraction.quotes.flatMap((quote) => ((quote as { parts?: { start: number; end: number }[] }).parts ?? [quote]).map(key)).sort(),
  };
}

async function expectOneHighlightPerSpan(page: Page, text: string, extraction: Extraction): Promise<void> {
  const { text: shown, highlights } = await readHighlights(page);
  const displayed = displayedText(text);
  expect(shown === displayed).toBe(true);
  const bad = highlights.filter((highlight) => highlight.text !== displayed.slice(highlight.start, highlight.end));
  expect(bad).toEqual([]);
  const expected = expectedSpans(extraction);
  for (const kind of ['m', 'd', 'q'] as const) {
    const got = highlights.filter((highlight) => highlight.kind === kind).map((highlight) => `${highlight.start}:${highlight.end}`).sort();
    expect(got, `highlights of kind ${kind}`).toEqual(expected[kind]);
  }
}

describe.runIf(CHROMIUM !== undefined || IN_CI)('in a real browser', () => {
  let browser: Browser;
  let lede: Awaited<ReturnType<typeof loadDist>>;
  let server: ServeProcess;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('CI=true and no Chromium at /usr/bin/chromium (or LEDE_CHROMIUM): .ci/run installs it with apt-get; the browser tests must run in CI.');
    [browser, lede, server] = await Promise.all([launchChromium(CHROMIUM), loadDist(), startServe()]);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGINT');
      await server.exited;
    }
  });

  /** A page showing `html` at VIEW_URL, where every other request is refused and recorded, as is every policy violation. */
  async function openView(html: string, size = { width: 1280, height: 800 }) {
    const page = await browser.newPage({ viewport: size });
    const requests: string[] = [];
    const routed: string[] = [];
    const blocked: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => blocked.push(`${request.failure()?.errorText ?? ''} ${request.url()}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', (route) => {
      routed.push(route.request().url());
      return route.request().url() === VIEW_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort();
    });
    await page.addInitScript(() => {
      const record = window as unknown as { __violations: string[] };
      record.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => record.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(VIEW_URL, { timeout: 180_000 });
    const state = () =>
      page.evaluate(() => {
        const record = window as unknown as { __violations: string[]; __pwned?: unknown };
        return { violations: record.__violations, pwned: record.__pwned ?? null };
      });
    return { page, requests, routed, blocked, dialogs, errors, state };
  }

  describe('the view', () => {
    it.each(GOLDEN_ARTICLES)('of $file has one highlight per mention, date and quote, over its exact text', async ({ file, publishedAt }) => {
      const text = readFileSync(join(ROOT, 'samples', file), 'utf8');
      const extraction = lede.extract(text, { publishedAt });
      const { page, requests, errors } = await openView(lede.renderHtml(text, extraction, { publishedAt }));
      await expectOneHighlightPerSpan(page, text, extraction);
      expect(requests).toEqual([VIEW_URL]);
      expect(errors).toEqual([]);
      if (file === 'sample-article.txt') {
        // The README's picture (docs/view.png is a copy of it): the most salient person hovered.
        await page.setViewportSize({ width: 1100, height: 680 });
        await page.hover('.m[data-e="0"][tabindex]');
        await page.screenshot({ path: join(ARTIFACTS, 'view-sample.png') });
        await page.mouse.move(0, 0);
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: join(ARTIFACTS, 'view-sample-dark.png') });
        await page.emulateMedia({ media: 'print', colorScheme: 'light' });
        writeFileSync(join(ARTIFACTS, 'view-sample.pdf'), await page.pdf({ format: 'A4' }));
      }
      await page.close();
    });

    it('nests overlapping highlights: a name in a date in a quote, a date crossing a name', async () => {
      const text = '"We met on Christmas Day in Tallinn," she said.';
      const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
      const extraction: Extraction = {
        schemaVersion: 1,
        people: [{ id: 'person-1', type: 'person', name: 'Christmas', aliases: [], titles: [], mentions: [at('Christmas')], salience: 0.2, confidence: 1 }],
        organizations: [],
        places: [{ id: 'place-1', type: 'place', name: 'Tallinn', aliases: [], titles: [], mentions: [at('Tallinn')], salience: 0.4, confidence: 1 }],
        dates: [
          { ...at('Christmas Day'), type: 'date', value: 'XXXX-12-25' },
          { ...at('Day in Tallinn'), type: 'duration', value: null },
        ],
        quotes: [{ ...at('We met on Christmas Day in Tallinn,'), kind: 'direct', speaker: { name: 'she', entityId: null, mention: at('she') }, cue: at('said') } as Quote],
      };
      const { page } = await openView(lede.renderHtml(text, extraction));
      await expectOneHighlightPerSpan(page, text, extraction);
      await page.close();
    });

    it('lights all mentions of the hovered entity and only those, and shows its name and titles', async () => {
      const text = readSample();
      const extraction = lede.extract(text, { publishedAt: '2025-03-14' });
      const { page } = await openView(lede.renderHtml(text, extraction));
      const entities = [...extraction.people, ...extraction.organizations, ...extraction.places].sort((a, b) => b.salience - a.salience);
      for (const [index, entity] of entities.entries()) {
        await page.hover(`.m[data-e="${index}"][tabindex]`);
        const lit = await page.evaluate(() => Array.from(document.querySelectorAll('#text .m.on'), (element) => `${element.getAttribute('data-e')}|${element.textContent}`));
        expect(lit.map((entry) => entry.split('|')[0])).toEqual(entity.mentions.map(() => String(index)));
        expect(lit.map((entry) => entry.split('|')[1])).toEqual(entity.mentions.map((mention) => mention.text));
        const tip = await page.textContent('#tip');
        expect(tip).toContain(entity.name);
        for (const title of entity.titles) expect(tip).toContain(title);
      }
      // A quote lights its parts, its cue and its speaker.
      await page.hover('.q[data-q="0"]');
      const quote = extraction.quotes[0]!;
      const litQuote = await page.evaluate(() => Array.from(document.querySelectorAll('#text .on'), (element) => element.textContent));
      expect(litQuote).toEqual(expect.arrayContaining([quote.text, quote.cue!.text, quote.speaker!.mention.text]));
      await page.close();
    });

    it('is keyboard-accessible: Tab focuses a mention and lights its entity, Escape clears', async () => {
      const text = readSample();
      const extraction = lede.extract(text, { publishedAt: '2025-03-14' });
      const { page } = await openView(lede.renderHtml(text, extraction));
      await page.mouse.move(0, 0);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ entity: document.activeElement?.getAttribute('data-e'), text: document.activeElement?.textContent, lit: document.querySelectorAll('#text .m.on').length, tip: document.getElementById('tip')!.hidden }));
      const first = [...extraction.people, ...extraction.organizations, ...extraction.places].flatMap((entity) => entity.mentions).sort((a, b) => a.start - b.start)[0]!;
      expect(focused.text).toBe(first.text);
      expect(focused.lit).toBeGreaterThan(0);
      expect(focused.tip).toBe(false);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('m'))).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => ({ lit: document.querySelectorAll('.on').length, tip: document.getElementById('tip')!.hidden }))).toEqual({ lit: 0, tip: true });
      // A link of the side panel moves the focus to the entity's first mention.
      await page.click('#ent-0 a.name');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-e'))).toBe('0');
      await page.close();
    });

    it('of a hostile 1 MB article runs no script, requests nothing and still renders', async () => {
      const text = `${HOSTILE_ARTICLE}\n\n${newsText(1_000_000)}\n\n${HOSTILE_ARTICLE}`;
      const extraction = lede.extract(text, { publishedAt: '2025-03-14' });
      const { page, requests, dialogs, errors, state } = await openView(lede.renderHtml(text, extraction));
      expect(await state()).toEqual({ violations: [], pwned: null });
      expect(requests).toEqual([VIEW_URL]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      const layout = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        panel: document.querySelector('aside')!.getBoundingClientRect().width,
        styled: getComputedStyle(document.querySelector('.panel')!).position,
        hidden: getComputedStyle(document.body).display,
      }));
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.panel).toBeGreaterThan(200);
      expect(layout.styled).toBe('sticky');
      expect(layout.hidden).toBe('block');
      await expectOneHighlightPerSpan(page, text, extraction);
      await page.hover('#text .m[tabindex]');
      expect(await state()).toEqual({ violations: [], pwned: null });
      await page.close();
    }, 300_000);

    it('stops markup slipped past the escaping with its policy: no script runs, nothing loads', async () => {
      const text = readSample();
      const page = lede.renderHtml(text, lede.extract(text));
      const injected = page.replace(
        '<body>',
        '<body><img src="http://lede.invalid/x.png" onerror="window.__pwned=1"><script>window.__pwned=2</script><link rel="stylesheet" href="http://lede.invalid/x.css"><iframe src="http://lede.invalid/frame"></iframe><div style="display:none">styled</div>',
      );
      const view = await openView(injected);
      const { violations, pwned } = await view.state();
      expect(pwned).toBeNull();
      // The image and the style sheet are refused by the policy before any request leaves the page.
      expect(view.routed).toEqual([VIEW_URL]);
      expect(view.blocked.sort()).toEqual(['csp http://lede.invalid/x.css', 'csp http://lede.invalid/x.png']);
      expect(violations.map((violation) => violation.split(' ')[0]).sort()).toEqual(expect.arrayContaining(['frame-src', 'img-src', 'script-src-elem', 'style-src-attr', 'style-src-elem']));
      // The page's own script still works.
      await view.page.hover('.m[data-e="0"][tabindex]');
      expect(await view.page.evaluate(() => document.querySelectorAll('.m.on').length)).toBeGreaterThan(0);
      await view.page.close();
    });
  });

  describe('lede serve and the browser build', () => {
    it("runs dist/browser.js in the page: extract() equals the Node build's, byte for byte", async () => {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
      const articles = comparedArticles();
      // A string, not a function: the test's own transform would rewrite a function's import().
      const fromPage = (await page.evaluate(`(async () => {
        const list = ${JSON.stringify(articles)};
        const started = performance.now();
        const lede = await import('/browser.js');
        const imported = performance.now();
        const results = [];
        const times = [];
        for (const { text, publishedAt } of list) {
          const before = performance.now();
          results.push(JSON.stringify(lede.extract(text, publishedAt === undefined ? undefined : { publishedAt })));
          times.push(performance.now() - before);
        }
        return { results, times, importMs: imported - started };
      })()`)) as { results: string[]; times: number[]; importMs: number };
      articles.forEach(({ name, text, publishedAt }, i) => {
        expect(fromPage.results[i] === JSON.stringify(lede.extract(text, publishedAt === undefined ? undefined : { publishedAt })), name).toBe(true);
      });
      writeFileSync(join(ARTIFACTS, 'browser-timing.json'), `${JSON.stringify({ importMs: Math.round(fromPage.importMs), firstExtractMs: Math.round(fromPage.times[0]!), laterMs: fromPage.times.slice(1).map(Math.round) }, null, 2)}\n`);
      await page.close();
    });

    it('shows the view of a pasted article, downloads its JSON, and requests only its own files', async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(server.url);
      await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
      const text = readSample();
      await page.fill('#published', '2025-03-14');
      await page.fill('#article', text);
      const view = page.frameLocator('#view');
      await view.locator('#text').waitFor({ timeout: 60_000 });
      const extraction = lede.extract(text, { publishedAt: '2025-03-14' });
      const mentions = [...extraction.people, ...extraction.organizations, ...extraction.places].reduce((sum, entity) => sum + entity.mentions.length, 0);
      expect(await view.locator('#text .m[tabindex]').count()).toBe(mentions);
      expect(await page.textContent('#status')).toContain(`${extraction.quotes.length} quotes`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual(extraction);
      expect(requests.filter((url) => !url.startsWith('blob:')).map((url) => new URL(url).pathname).sort()).toEqual(['/', '/app.css', '/app.js', '/browser.js']);
      const traversal = await page.goto(`${server.url}%2e%2e/%2e%2e/package.json`);
      expect(traversal?.status()).toBe(404);
      await page.close();
    });
  });
});

describe.runIf(CHROMIUM === undefined && !IN_CI)('in a real browser', () => {
  it.skip('needs Chromium (/usr/bin/chromium or LEDE_CHROMIUM)', () => undefined);
});
