/**
 * renderHtml in Node: escaping, the interval split that nests overlapping
 * highlights, the page's Content-Security-Policy, the side panel, wrong input, and
 * determinism. What a browser makes of the page is test/view/browser.test.ts.
 */

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, LedeOptionError, renderHtml, type Extraction, type Quote, type Span } from '../../src/index.js';
import { displayedText, escapeHtml, shorten } from '../../src/view/escape-html.js';
import { nestIntervals, type Interval } from '../../src/view/nest-intervals.js';
import { VIEW_SCRIPT } from '../../src/view/view-script.js';
import { VIEW_STYLE } from '../../src/view/view-style.js';
import { readSample } from '../helpers.js';

/** The article's markup split into highlights: data-h -> { class, text }, read as a browser would read it. */
function highlights(html: string): Map<number, { className: string; text: string; attributes: string }> {
  const start = html.indexOf('<div class="text" id="text">') + '<div class="text" id="text">'.length;
  const end = html.indexOf('</div></main>');
  const article = html.slice(start, end);
  const decode = (s: string): string =>
    s.replace(/&(amp|lt|gt|quot|#39|#13);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#13': '\r' })[name]!);
  const open: number[] = [];
  const found = new Map<number, { className: string; text: string; attributes: string }>();
  for (const [token, attributes] of article.matchAll(/<span ([^>]*)>|<\/span>|[^<]+/g)) {
    if (attributes !== undefined) {
      const h = Number(/data-h="(\d+)"/.exec(attributes)![1]);
      if (!found.has(h)) found.set(h, { className: /class="([^"]*)"/.exec(attributes)![1]!, text: '', attributes });
      open.push(h);
    } else if (token === '</span>') {
      expect(open.pop()).toBeDefined();
    } else {
      expect(token).not.toContain('>');
      for (const h of open) found.get(h)!.text += decode(token);
    }
  }
  expect(open).toEqual([]);
  return found;
}

function emptyExtraction(): Extraction {
  return { schemaVersion: 1, people: [], organizations: [], places: [], dates: [], quotes: [] };
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** A quote without `parts`, as lede 0.1 gives it (the view reads both shapes). */
const asQuote = (quote: Omit<Quote, 'parts'>): Quote => quote as Quote;

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["it's", 'it&#39;s'],
    ['&amp; &lt;', '&amp;amp; &amp;lt;'],
    ['a\r\nb\rc', 'a&#13;\nb&#13;c'],
    ['nul\0here', 'nul\uFFFDhere'],
    ['lone \uD800 high, lone \uDC00 low', 'lone \uFFFD high, lone \uFFFD low'],
    ['pair 😀 kept', 'pair 😀 kept'],
    ['end \uD83D', 'end \uFFFD'],
    ['\u202Ebidi\u202C \u2066isolate\u2069', '\u202Ebidi\u202C \u2066isolate\u2069'],
    ['c1 \u0085 \u009F tab\t', 'c1 \u0085 \u009F tab\t'],
    ['</style></script><!--', '&lt;/style&gt;&lt;/script&gt;&lt;!--'],
    ['plain text', 'plain text'],
  ])('%j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(escapeHtml(input).length).toBeGreaterThanOrEqual(displayedText(input).length);
  });

  it('keeps the length of what it cannot carry', () => {
    expect(displayedText('a\0b\uD800c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('shortens without splitting a surrogate pair', () => {
    expect(shorten('ab😀', 3)).toBe('ab…');
    expect(shorten('abc', 3)).toBe('abc');
  });
});

describe('nestIntervals', () => {
  /** The pieces as markup: <id> opens, <id+> reopens a fragment, </id> closes. */
  function markup(text: string, intervals: [number, number, number?][]): string {
    const list: Interval[] = intervals.map(([start, end, rank = 0], id) => ({ start, end, rank, id }));
    return nestIntervals(list, text.length)
      .map((piece) => {
        if (piece.kind === 'text') return text.slice(piece.start, piece.end);
        if (piece.kind === 'close') return `</${piece.interval.id}>`;
        return `<${piece.interval.id}${piece.first ? '' : '+'}>`;
      })
      .join('');
  }

  it.each<[string, [number, number, number?][], string]>([
    ['no ranges', [], 'abcdefghij'],
    ['disjoint', [[0, 2], [5, 7]], '<0>ab</0>cde<1>fg</1>hij'],
    ['nested', [[0, 10], [2, 4]], '<0>ab<1>cd</1>efghij</0>'],
    ['nested, given inner first', [[2, 4], [0, 10]], '<1>ab<0>cd</0>efghij</1>'],
    ['crossing: the later one is split', [[0, 5], [3, 8]], '<0>abc<1>de</1></0><1+>fgh</1>ij'],
    ['equal extent: the lower rank is outside', [[2, 5, 2], [2, 5, 1]], 'ab<1><0>cde</0></1>fghij'],
    ['same start, the longer is outside', [[2, 4], [2, 8]], 'ab<1><0>cd</0>efgh</1>ij'],
    ['same end', [[2, 8], [5, 8]], 'ab<0>cde<1>fgh</1></0>ij'],
    ['empty and out-of-range ranges open nothing', [[3, 3], [8, 12], [-1, 2]], 'abcdefghij'],
    ['a range crossing two nested ones', [[0, 6], [1, 4], [3, 9]], '<0>a<1>bc<2>d</2></1><2+>ef</2></0><2+>ghi</2>j'],
  ])('%s', (_, intervals, expected) => {
    expect(markup('abcdefghij', intervals)).toBe(expected);
  });

  it('always nests, and each range gets exactly its text', () => {
    const intervals = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 12 }), rank: fc.integer({ min: 0, max: 3 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(intervals, (raw) => {
        const length = 30;
        const list = raw.map(({ start, length: size, rank }, id) => ({ start, end: Math.min(length, start + size), rank, id }));
        const stack: number[] = [];
        const covered = new Map<number, number[]>();
        let firsts = 0;
        for (const piece of nestIntervals(list, length)) {
          if (piece.kind === 'open') {
            stack.push(piece.interval.id);
            if (piece.first) firsts++;
          } else if (piece.kind === 'close') {
            expect(stack.pop()).toBe(piece.interval.id);
          } else {
            for (const id of stack) for (let k = piece.start; k < piece.end; k++) (covered.get(id) ?? covered.set(id, []).get(id)!).push(k);
          }
        }
        expect(stack).toEqual([]);
        const nonEmpty = list.filter((interval) => interval.start < interval.end);
        expect(firsts).toBe(nonEmpty.length);
        for (const interval of nonEmpty) {
          expect(covered.get(interval.id)).toEqual(Array.from({ length: interval.end - interval.start }, (_, k) => interval.start + k));
        }
      }),
      { numRuns: 500, seed: 17 },
    );
  });
});

describe('renderHtml', () => {
  const sample = readSample();
  const sampleExtraction = extract(sample, { publishedAt: '2025-03-14' });
  const samplePage = renderHtml(sample, sampleExtraction, { publishedAt: '2025-03-14' });

  it('is deterministic', () => {
    expect(renderHtml(sample, extract(sample, { publishedAt: '2025-03-14' }), { publishedAt: '2025-03-14' })).toBe(samplePage);
  });

  it('highlights every mention, date and quote once, each with exactly its text', () => {
    const found = [...highlights(samplePage).values()];
    const of = (name: string) => found.filter((h) => h.className.split(' ').includes(name));
    const entities = [...sampleExtraction.people, ...sampleExtraction.organizations, ...sampleExtraction.places];
    const mentions = entities.flatMap((e) => e.mentions);
    expect(of('m').map((h) => h.text).sort()).toEqual(mentions.map((m) => m.text).sort());
    expect(of('d').map((h) => h.text)).toEqual(sampleExtraction.dates.map((d) => d.text));
    expect(of('q').map((h) => h.text)).toEqual(sampleExtraction.quotes.map((q) => q.text));
    // The article's text is all there, unchanged.
    const start = samplePage.indexOf('id="text">') + 'id="text">'.length;
    const article = samplePage.slice(start, samplePage.indexOf('</div></main>'));
    expect(article.replace(/<[^>]*>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(sample);
  });

  it('allows exactly its own style sheet and script by their hashes', () => {
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(samplePage)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(VIEW_STYLE)};`);
    expect(csp).toContain(`script-src ${hash(VIEW_SCRIPT)};`);
    expect(samplePage.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(samplePage.indexOf('<style>'));
    expect(samplePage.match(/<script/g)).toHaveLength(1);
    expect(samplePage.match(/<style/g)).toHaveLength(1);
    expect(samplePage).not.toMatch(/\sstyle=|\son[a-z]+=|https?:|src=/);
  });

  it('lists entities by salience with names, titles, aliases and mention counts', () => {
    const panel = samplePage.slice(samplePage.indexOf('<aside'));
    const first = sampleExtraction.people[0]!;
    expect(panel).toContain(`>${first.name}</a>`);
    for (const title of first.titles) expect(panel).toContain(title);
    expect(panel).toContain(`also: ${first.aliases.join(', ')}`);
    expect(panel).toContain(`${first.mentions.length} mentions`);
    const order = [...panel.matchAll(/<li id="ent-(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual(order.map((_, i) => i));
    const saliences = [...panel.matchAll(/<span class="sal">([\d.]+)<\/span>/g)].map((m) => Number(m[1]));
    expect(saliences).toEqual([...saliences].sort((a, b) => b - a));
    expect(panel).toContain('<span class="value">2025-03-12</span>');
  });

  it('escapes every character of hostile text and names', () => {
    const text = '<script>alert(1)</script> "><img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a> </style></div>\r\n\u202EevilName\0 said';
    const hostileName = '"><img src=x onerror=alert(4)></li><script>alert(5)</script>';
    const at = text.indexOf('evilName');
    const extraction: Extraction = {
      ...emptyExtraction(),
      people: [
        {
          id: 'person-1"><b>',
          type: 'person',
          name: hostileName,
          aliases: ['</style>'],
          titles: ['<iframe src=javascript:alert(6)>'],
          mentions: [span(text, at, at + 8)],
          salience: 0.5,
          confidence: 1,
        },
      ],
      dates: [{ ...span(text, 0, 8), type: 'date', value: '"><svg onload=alert(7)>' }],
      quotes: [asQuote({ ...span(text, 9, 24), kind: 'direct', speaker: { name: '<b>x</b>', entityId: 'person-1"><b>', mention: span(text, at, at + 8) }, cue: span(text, text.length - 4, text.length) })],
    };
    const page = renderHtml(text, extraction, { title: '</title><script>alert(8)</script>' });
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/<(img|svg|iframe|a href="j|b>|\/style><)/);
    expect(page).not.toContain('\r');
    expect(page).not.toContain('\0');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &lt;a href=&quot;javascript:alert(3)&quot;&gt;x&lt;/a&gt; &lt;/style&gt;&lt;/div&gt;&#13;\n\u202E');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(4)&gt;');
    const found = [...highlights(page).values()];
    expect(found.map((h) => h.text).sort()).toEqual(['<script>', text.slice(9, 24), 'evilName', 'said'].sort());
  });

  it('nests a name inside a date inside a quote, and splits a date that crosses a name', () => {
    const text = '"We met on Christmas Day in Tallinn," she said.';
    const at = (words: string): Span => span(text, text.indexOf(words), text.indexOf(words) + words.length);
    const quote = at('We met on Christmas Day in Tallinn,');
    const date = at('Christmas Day');
    const crossing = at('Day in Tallinn'); // crosses the end of the date
    const extraction: Extraction = {
      ...emptyExtraction(),
      places: [{ id: 'place-1', type: 'place', name: 'Tallinn', aliases: [], titles: [], mentions: [at('Tallinn')], salience: 0.4, confidence: 1 }],
      people: [{ id: 'person-1', type: 'person', name: 'Christmas', aliases: [], titles: [], mentions: [at('Christmas')], salience: 0.2, confidence: 1 }],
      dates: [{ ...date, type: 'date', value: 'XXXX-12-25' }, { ...crossing, type: 'duration', value: null }],
      quotes: [asQuote({ ...quote, kind: 'direct', speaker: { name: 'she', entityId: null, mention: at('she') }, cue: at('said') })],
    };
    const found = [...highlights(renderHtml(text, extraction)).values()];
    const texts = found.map((h) => `${h.className.split(' ')[0]}:${h.text}`).sort();
    expect(texts).toEqual(['cue:said', 'd:Christmas Day', 'd:Day in Tallinn', 'm:Christmas', 'm:Tallinn', 'q:We met on Christmas Day in Tallinn,', 'spk:she'].sort());
  });

  it('draws a quote by its parts when it has them, and shows a date mod', () => {
    const text = '"We will not give in," she said, "not now." Talks ended in mid-2011.';
    const first = span(text, 1, 21);
    const second = span(text, 34, 42);
    const extraction = {
      ...emptyExtraction(),
      dates: [{ ...span(text, 59, 67), type: 'date' as const, value: '2011', mod: 'MID' as const }],
      quotes: [{ ...span(text, 1, 42), parts: [first, second], kind: 'direct' as const, speaker: { name: 'she', entityId: null, mention: span(text, 23, 26) }, cue: span(text, 27, 31) }],
    };
    const page = renderHtml(text, extraction);
    const quotes = [...highlights(page).values()].filter((h) => h.className.startsWith('q '));
    expect(quotes.map((q) => q.text)).toEqual([first.text, second.text]);
    expect(quotes.every((q) => q.attributes.includes('data-q="0"'))).toBe(true);
    expect(page).toContain('date: 2011 (MID)');
    expect(page).toContain('<span class="value">MID</span>');
  });

  it('gives one highlight to a speaker word shared by two quotes, and links a speaker to its entity', () => {
    const page = samplePage;
    const quote = sampleExtraction.quotes.find((q) => q.speaker?.entityId)!;
    const entityIndex = /<li id="ent-(\d+)" data-e="\1"[^>]*><span class="swatch[^>]*><\/span><a href="#h\d+" class="name">([^<]*)<\/a>/g;
    const indexByName = new Map([...page.matchAll(entityIndex)].map((m) => [m[2]!, m[1]!]));
    const speakerEntity = [...sampleExtraction.people, ...sampleExtraction.organizations].find((e) => e.id === quote.speaker!.entityId)!;
    expect(page).toContain(`class="name" data-e="${indexByName.get(speakerEntity.name)}">${speakerEntity.name}</a>`);
    expect(page).toMatch(/class="m t-person s\d spk"[^>]*data-s="/);
  });

  it('renders an empty article and an empty extraction', () => {
    const page = renderHtml('', emptyExtraction());
    expect(page).toContain('<h1>Untitled article</h1>');
    expect(page).toContain('No quotes found.');
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a non-string text', () => renderHtml(42 as unknown as string, emptyExtraction()), /"text" must be a string/],
    ['no extraction', () => renderHtml('x', undefined as unknown as Extraction), /"extraction" must be the Extraction/],
    ['a list that is not an array', () => renderHtml('x', { ...emptyExtraction(), dates: null } as unknown as Extraction), /extraction\.dates must be an array/],
    ['an extraction of another text', () => renderHtml(`${sample}`.slice(5), sampleExtraction), /extraction\.people\[0\]\.mentions\[0\] .*pass the text the extraction was made from/],
    ['a span outside the text', () => renderHtml('short', { ...emptyExtraction(), dates: [{ start: 2, end: 40, text: 'x', type: 'date', value: null }] }), /extraction\.dates\[0\] \(2-40\) is not a range of the text \(0-5\)/],
  ])('refuses %s with a TypeError that says what to pass', (_, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('refuses wrong options with a LedeOptionError', () => {
    expect(() => renderHtml('x', emptyExtraction(), { title: 3 } as unknown as { title: string })).toThrow(LedeOptionError);
    expect(() => renderHtml('x', emptyExtraction(), { colour: 'red' } as unknown as { title: string })).toThrow(/unknown option "colour"/);
    expect(() => renderHtml('x', emptyExtraction(), { publishedAt: new Date(Number.NaN) })).toThrow(/invalid Date/);
    expect(renderHtml('x', emptyExtraction(), { publishedAt: new Date(Date.UTC(2025, 2, 14)) })).toContain('published 2025-03-14T00:00:00.000Z');
  });

  it('renders any string with the extraction lede makes of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const page = renderHtml(text, extract(text));
        for (const highlight of highlights(page).values()) expect(displayedText(text)).toContain(highlight.text.replace(/\0/g, '\uFFFD'));
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});
