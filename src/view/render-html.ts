/**
 * renderHtml(text, extraction, options?): what lede found in an article, as one
 * self-contained HTML page (DESIGN §6). Browser-safe, synchronous, deterministic.
 *
 * The page: the article as written (white space kept), every mention, date, quote,
 * cue and speaker word highlighted, the highlights nested by `nestIntervals` where
 * they overlap; a side panel with the entities by salience, the quotes with their
 * speakers and the dates with their values; a small script (view-script.ts) for
 * hover and focus. All of the input is untrusted: every character of the text and
 * of every name or value is escaped (escape-html.ts), and the page's
 * Content-Security-Policy allows only its own style sheet and script.
 */

import { describeValue, LedeOptionError } from '../core/errors.js';
import type { DateMention, Entity, EntityType, Extraction, Quote, Span } from '../types.js';
import { viewContentSecurityPolicy } from './content-security-policy.js';
import { escapeHtml, shorten } from './escape-html.js';
import { nestIntervals, type Interval } from './nest-intervals.js';
import { VIEW_SCRIPT } from './view-script.js';
import { VIEW_STYLE } from './view-style.js';

export interface RenderHtmlOptions {
  /** The page's heading and title; default: the article's first line. */
  title?: string;
  /** The publication date the extraction was made with, shown under the heading. */
  publishedAt?: string | Date;
}

/** A quote as the view reads it: `parts` (schema 1, lede 0.2) when the extraction has them. */
type ViewQuote = Quote & { parts?: Span[] };
/** A date as the view reads it: `mod` (schema 1, lede 0.2) when the extraction has one. */
type ViewDate = DateMention & { mod?: string };

const TYPE_LABELS: Record<EntityType, string> = { person: 'person', organization: 'organisation', place: 'place' };
const SHADES = 6;
const WHERE = 'renderHtml(text, extraction, options)';

// ---------------------------------------------------------------------------
// Checking the input: a clear TypeError for an extraction that is not one, or that
// was made from another text.

function fail(message: string): never {
  throw new TypeError(`${WHERE}: ${message}`);
}

function checkSpan(span: unknown, path: string, text: string): Span {
  if (typeof span !== 'object' || span === null) fail(`${path} must be a span ({ start, end, text }); got ${describeValue(span)}.`);
  const { start, end, text: spanText } = span as Partial<Span>;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start! < 0 || end! < start! || end! > text.length) {
    fail(`${path} (${String(start)}-${String(end)}) is not a range of the text (0-${text.length}): pass the text the extraction was made from.`);
  }
  const actual = text.slice(start, end);
  if (typeof spanText === 'string' && spanText !== actual) {
    fail(`${path} is ${JSON.stringify(shorten(spanText, 40))} but the text there is ${JSON.stringify(shorten(actual, 40))}: pass the text the extraction was made from.`);
  }
  return { start: start!, end: end!, text: actual };
}

function checkList(extraction: Record<string, unknown>, name: keyof Extraction): unknown[] {
  const list = extraction[name];
  if (!Array.isArray(list)) fail(`extraction.${name} must be an array; got ${describeValue(list)}. Pass the Extraction that extract(text) returned.`);
  return list;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function fraction(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

interface ViewEntity {
  index: number;
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  titles: string[];
  salience: number;
  shade: number;
  mentions: Span[];
}

interface ViewInput {
  entities: ViewEntity[];
  dates: { span: Span; type: string; value: string | null; mod: string | null }[];
  quotes: { parts: Span[]; kind: string; cue: Span | null; speaker: { name: string; entityId: string | null; mention: Span } | null }[];
}

function readEntities(extraction: Record<string, unknown>, text: string): ViewEntity[] {
  const read: Omit<ViewEntity, 'index' | 'shade'>[] = [];
  for (const [list, type] of [
    ['people', 'person'],
    ['organizations', 'organization'],
    ['places', 'place'],
  ] as const) {
    checkList(extraction, list).forEach((value, i) => {
      const path = `extraction.${list}[${i}]`;
      if (typeof value !== 'object' || value === null) fail(`${path} must be an entity object; got ${describeValue(value)}.`);
      const entity = value as Partial<Entity>;
      if (!Array.isArray(entity.mentions)) fail(`${path}.mentions must be an array; got ${describeValue(entity.mentions)}.`);
      read.push({
        id: String(entity.id ?? `${type}-${i + 1}`),
        type,
        name: typeof entity.name === 'string' ? entity.name : '',
        aliases: strings(entity.aliases),
        titles: strings(entity.titles),
        salience: fraction(entity.salience),
        mentions: entity.mentions.map((mention, k) => checkSpan(mention, `${path}.mentions[${k}]`, text)),
      });
    });
  }
  // Most salient first (a stable sort: ties keep people, organisations, places order).
  const ranked = read.map((entity, order) => ({ entity, order })).sort((a, b) => b.entity.salience - a.entity.salience || a.order - b.order);
  const perType: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
  return ranked.map(({ entity }, index) => ({ ...entity, index, shade: perType[entity.type]++ % SHADES }));
}

function readInput(text: unknown, extraction: unknown): ViewInput {
  if (typeof text !== 'string') fail(`"text" must be a string (the article the extraction was made from); got ${describeValue(text)}.`);
  if (typeof extraction !== 'object' || extraction === null || Array.isArray(extraction)) {
    fail(`"extraction" must be the Extraction that extract(text) returned; got ${describeValue(extraction)}.`);
  }
  const record = extraction as Record<string, unknown>;
  const entities = readEntities(record, text);
  const dates = checkList(record, 'dates').map((value, i) => {
    const date = value as Partial<ViewDate>;
    return {
      span: checkSpan(value, `extraction.dates[${i}]`, text),
      type: typeof date.type === 'string' ? date.type : 'date',
      value: typeof date.value === 'string' ? date.value : null,
      mod: typeof date.mod === 'string' ? date.mod : null,
    };
  });
  const quotes = checkList(record, 'quotes').map((value, i) => {
    const path = `extraction.quotes[${i}]`;
    const quote = value as Partial<ViewQuote>;
    const whole = checkSpan(value, path, text);
    const parts = Array.isArray(quote.parts) && quote.parts.length > 0 ? quote.parts.map((part, k) => checkSpan(part, `${path}.parts[${k}]`, text)) : [whole];
    const speaker = quote.speaker;
    if (speaker !== null && speaker !== undefined && (typeof speaker !== 'object' || Array.isArray(speaker))) fail(`${path}.speaker must be an object or null; got ${describeValue(speaker)}.`);
    return {
      parts,
      kind: quote.kind === 'direct' || quote.kind === 'indirect' || quote.kind === 'mixed' ? quote.kind : 'direct',
      cue: quote.cue === null || quote.cue === undefined ? null : checkSpan(quote.cue, `${path}.cue`, text),
      speaker: speaker
        ? {
            name: typeof speaker.name === 'string' ? speaker.name : '',
            entityId: typeof speaker.entityId === 'string' ? speaker.entityId : null,
            mention: checkSpan(speaker.mention, `${path}.speaker.mention`, text),
          }
        : null,
    };
  });
  return { entities, dates, quotes };
}

function checkOptions(options: unknown): { title: string | null; publishedAt: string | null } {
  if (options === undefined || options === null) return { title: null, publishedAt: null };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new LedeOptionError('options', `${WHERE}: options must be an object such as { title: 'Harbour talks' }; got ${describeValue(options)}.`);
  }
  const { title, publishedAt, ...rest } = options as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new LedeOptionError(unknown[0]!, `${WHERE}: unknown option "${unknown[0]}"; the options are title and publishedAt.`);
  if (title !== undefined && typeof title !== 'string') throw new LedeOptionError('title', `${WHERE}: options.title must be a string; got ${describeValue(title)}.`);
  let published: string | null = null;
  if (publishedAt instanceof Date) {
    if (Number.isNaN(publishedAt.getTime())) throw new LedeOptionError('publishedAt', `${WHERE}: options.publishedAt is an invalid Date.`);
    published = publishedAt.toISOString();
  } else if (typeof publishedAt === 'string') {
    published = publishedAt;
  } else if (publishedAt !== undefined) {
    throw new LedeOptionError('publishedAt', `${WHERE}: options.publishedAt must be a string or a Date; got ${describeValue(publishedAt)}.`);
  }
  return { title: title ?? null, publishedAt: published };
}

// ---------------------------------------------------------------------------
// The article's highlights.

type MarkKind = 'quote' | 'date' | 'mention' | 'speaker' | 'cue';

/** Among ranges of equal extent: a quote holds a date, a date holds a name, a name holds a cue or speaker word. */
const RANK: Record<MarkKind, number> = { quote: 0, date: 1, mention: 2, speaker: 3, cue: 3 };

interface Mark extends Interval {
  kind: MarkKind;
  /** The entity, date or quote it belongs to (its index); -1 for a cue or speaker word. */
  owner: number;
  /** Class list. */
  className: string;
  /** data-* attributes, already escaped, each with its leading space. */
  data: string;
  /** Attributes of the first fragment only (tabindex, aria). */
  firstOnly: string;
  /** A link of the side panel points to it: its first fragment gets an id. */
  target: boolean;
  /** Its own description (cue and speaker words); a mention, date or quote shows its panel entry's. */
  tip: string | null;
}

const spanKey = (span: { start: number; end: number }): string => `${span.start}:${span.end}`;
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

function entityTip(entity: ViewEntity): string {
  const lines = [`${entity.name} · ${TYPE_LABELS[entity.type]}`];
  if (entity.titles.length > 0) lines.push(entity.titles.join('; '));
  if (entity.aliases.length > 0) lines.push(`also: ${entity.aliases.join(', ')}`);
  lines.push(`${plural(entity.mentions.length, 'mention', 'mentions')} · salience ${entity.salience.toFixed(2)}`);
  return lines.join('\n');
}

function dateTip(date: ViewInput['dates'][number]): string {
  return `${date.type}: ${date.value ?? 'no value'}${date.mod ? ` (${date.mod})` : ''}`;
}

function quoteTip(quote: ViewInput['quotes'][number]): string {
  const speaker = quote.speaker ? quote.speaker.name || quote.speaker.mention.text : 'speaker unknown';
  return `${quote.kind} quote · ${speaker}${quote.cue ? ` · “${quote.cue.text}”` : ''}`;
}

function buildMarks(input: ViewInput, entityById: Map<string, ViewEntity>): { marks: Mark[]; bySpan: Map<string, Mark> } {
  const marks: Mark[] = [];
  const mentionAt = new Map<string, Mark & { speaks: number[] }>();
  const add = (kind: MarkKind, owner: number, span: Span, className: string, data: string, firstOnly: string, tip: string | null = null): Mark => {
    const id = marks.length;
    const target = kind === 'date' || kind === 'speaker';
    const mark: Mark = { kind, owner, start: span.start, end: span.end, rank: RANK[kind], id, className, data: ` data-h="${id}"${data}`, firstOnly, target, tip };
    marks.push(mark);
    return mark;
  };
  for (const entity of input.entities) {
    for (const mention of entity.mentions) {
      const mark = add('mention', entity.index, mention, `m t-${entity.type} s${entity.shade}`, ` data-e="${entity.index}"`, ` tabindex="0" aria-describedby="ent-${entity.index}"`);
      mentionAt.set(spanKey(mention), Object.assign(mark, { speaks: [] as number[] }));
    }
  }
  input.dates.forEach((date, i) => {
    add('date', i, date.span, 'd', ` data-d="${i}"`, ` tabindex="-1" aria-describedby="date-${i}"`);
  });
  // Cue and speaker words: one highlight per distinct span, whatever the number of quotes that share it.
  const cues = new Map<string, { span: Span; quotes: number[] }>();
  const speakers = new Map<string, { span: Span; quotes: number[]; tip: string }>();
  input.quotes.forEach((quote, i) => {
    quote.parts.forEach((part, k) => {
      const mark = add('quote', i, part, `q k-${quote.kind}`, ` data-q="${i}"`, `${k === 0 ? ' tabindex="-1"' : ''} aria-describedby="quote-${i}"`);
      mark.target = k === 0;
    });
    if (quote.cue) {
      const key = spanKey(quote.cue);
      const cue = cues.get(key) ?? cues.set(key, { span: quote.cue, quotes: [] }).get(key)!;
      cue.quotes.push(i);
    }
    if (quote.speaker) {
      const key = spanKey(quote.speaker.mention);
      const mention = mentionAt.get(key);
      if (mention) mention.speaks.push(i);
      else {
        const speaker = speakers.get(key) ?? speakers.set(key, { span: quote.speaker.mention, quotes: [], tip: '' }).get(key)!;
        speaker.quotes.push(i);
        const entity = quote.speaker.entityId === null ? undefined : entityById.get(quote.speaker.entityId);
        speaker.tip = `speaker: ${quote.speaker.mention.text}${entity ? ` → ${entity.name}` : quote.speaker.name && quote.speaker.name !== quote.speaker.mention.text ? ` → ${quote.speaker.name}` : ''}`;
      }
    }
  });
  for (const mention of mentionAt.values()) {
    if (mention.speaks.length > 0) {
      mention.className += ' spk';
      mention.target = true;
      mention.data += ` data-s="${mention.speaks.join(' ')}"`;
    }
  }
  for (const speaker of speakers.values()) add('speaker', -1, speaker.span, 'spk', ` data-q="${speaker.quotes.join(' ')}"`, '', speaker.tip);
  for (const cue of cues.values()) add('cue', -1, cue.span, 'cue', ` data-q="${cue.quotes.join(' ')}"`, '', `cue of ${plural(cue.quotes.length, 'quote', 'quotes')}: “${cue.span.text}”`);

  const bySpan = new Map<string, Mark>();
  // A speaker's words: the mention, or the speaker highlight, at that span.
  for (const mark of marks) if (mark.kind === 'mention' || mark.kind === 'speaker') bySpan.set(spanKey(mark), mark);
  return { marks, bySpan };
}

function renderArticle(text: string, marks: readonly Mark[]): string {
  const out: string[] = [];
  for (const piece of nestIntervals(marks, text.length)) {
    if (piece.kind === 'text') out.push(escapeHtml(text.slice(piece.start, piece.end)));
    else if (piece.kind === 'close') out.push('</span>');
    else {
      const mark = piece.interval;
      const first = piece.first ? `${mark.target ? ` id="h${mark.id}"` : ''}${mark.firstOnly}` : '';
      out.push(`<span class="${mark.className}"${mark.data}${first}${mark.tip === null ? '' : ` data-tip="${escapeHtml(mark.tip)}"`}>`);
    }
  }
  return out.join('');
}

// ---------------------------------------------------------------------------
// The side panel.

function anchor(mark: Mark | undefined, body: string, attributes = ''): string {
  return mark ? `<a href="#h${mark.id}"${attributes}>${body}</a>` : `<span${attributes}>${body}</span>`;
}

function renderEntities(entities: readonly ViewEntity[], firstMention: Map<number, Mark>): string {
  if (entities.length === 0) return '<p class="meta">No people, organisations or places found.</p>';
  const items = entities.map((entity) => {
    const step = Math.round(entity.salience * 10);
    const parts = [
      `<span class="swatch t-${entity.type} s${entity.shade}" aria-hidden="true"></span>`,
      anchor(firstMention.get(entity.index), escapeHtml(entity.name || entity.mentions[0]?.text || entity.id), ' class="name"'),
      ` <span class="type">${TYPE_LABELS[entity.type]}</span>`,
      `<br><span class="bar" role="img" aria-label="salience ${entity.salience.toFixed(2)}"><span class="fill b${step} t-${entity.type}"></span></span>`,
      `<span class="sal">${entity.salience.toFixed(2)}</span> · <span class="count">${plural(entity.mentions.length, 'mention', 'mentions')}</span>`,
    ];
    if (entity.titles.length > 0) parts.push(`<span class="extra">${entity.titles.map(escapeHtml).join('; ')}</span>`);
    if (entity.aliases.length > 0) parts.push(`<span class="extra">also: ${entity.aliases.map(escapeHtml).join(', ')}</span>`);
    return `<li id="ent-${entity.index}" data-e="${entity.index}" data-tip="${escapeHtml(entityTip(entity))}">${parts.join('')}</li>`;
  });
  return `<ol class="entities">${items.join('\n')}</ol>`;
}

function renderQuotes(input: ViewInput, marks: readonly Mark[], bySpan: Map<string, Mark>, entityById: Map<string, ViewEntity>): string {
  if (input.quotes.length === 0) return '<p class="meta">No quotes found.</p>';
  const firstPart = new Map<number, Mark>();
  for (const mark of marks) if (mark.kind === 'quote' && !firstPart.has(mark.owner)) firstPart.set(mark.owner, mark);
  const items = input.quotes.map((quote, i) => {
    let speaker = '<span class="meta">speaker unknown</span>';
    if (quote.speaker) {
      const entity = quote.speaker.entityId === null ? undefined : entityById.get(quote.speaker.entityId);
      const name = escapeHtml(quote.speaker.name || quote.speaker.mention.text);
      const words = quote.speaker.mention.text !== (quote.speaker.name || quote.speaker.mention.text) ? ` <span class="type">(“${escapeHtml(quote.speaker.mention.text)}”)</span>` : '';
      speaker = anchor(bySpan.get(spanKey(quote.speaker.mention)), name, ` class="name"${entity ? ` data-e="${entity.index}"` : ''}`) + words;
    }
    const cue = quote.cue ? ` <span class="type">${escapeHtml(quote.cue.text)}</span>` : '';
    const words = quote.parts.map((part) => part.text).join(' … ');
    const said = anchor(firstPart.get(i), escapeHtml(shorten(words, 240)), ' class="said"');
    return `<li id="quote-${i}" data-q="${i}" data-tip="${escapeHtml(quoteTip(quote))}"><span class="kind">${quote.kind}</span>${speaker}${cue}${said}</li>`;
  });
  return `<ol class="quotes">${items.join('\n')}</ol>`;
}

function renderDates(input: ViewInput, marks: readonly Mark[]): string {
  if (input.dates.length === 0) return '<p class="meta">No dates found.</p>';
  const dateMarks = marks.filter((mark) => mark.kind === 'date');
  const items = input.dates.map((date, i) => {
    const value = date.value === null ? '<span class="meta">no value</span>' : `<span class="value">${escapeHtml(date.value)}</span>`;
    const mod = date.mod ? ` <span class="value">${escapeHtml(date.mod)}</span>` : '';
    return `<li id="date-${i}" data-d="${i}" data-tip="${escapeHtml(dateTip(date))}">${anchor(dateMarks[i], escapeHtml(shorten(date.span.text, 120)), ' class="name"')} → ${value}${mod} <span class="dtype">${escapeHtml(date.type)}</span></li>`;
  });
  return `<ol class="dates">${items.join('\n')}</ol>`;
}

// ---------------------------------------------------------------------------

function defaultTitle(text: string): string {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') return shorten(trimmed, 120);
  }
  return 'Untitled article';
}

const LEGEND = [
  '<li><span class="m t-person s0">person</span></li>',
  '<li><span class="m t-organization s0">organisation</span></li>',
  '<li><span class="m t-place s0">place</span></li>',
  '<li><span class="d">date</span></li>',
  '<li><span class="q k-direct">direct</span> <span class="q k-mixed">mixed</span> <span class="q k-indirect">indirect</span> quote</li>',
  '<li><span class="cue">cue</span> <span class="spk">speaker</span></li>',
].join('');

/**
 * The article and what lede found in it, as one self-contained HTML page: no
 * network, no external resource, a strict Content-Security-Policy. `extraction`
 * must be the result of `extract(text)` (a span that does not fit the text is a
 * TypeError). Quotes are drawn by their `parts` when the extraction has them, and
 * dates show their `mod` when they have one.
 */
export function renderHtml(text: string, extraction: Extraction, options?: RenderHtmlOptions): string {
  const input = readInput(text, extraction);
  const { title, publishedAt } = checkOptions(options);
  const entityById = new Map<string, ViewEntity>();
  for (const entity of input.entities) if (!entityById.has(entity.id)) entityById.set(entity.id, entity);
  const { marks, bySpan } = buildMarks(input, entityById);
  const firstMention = new Map<number, Mark>();
  for (const mark of marks) {
    if (mark.kind !== 'mention') continue;
    const known = firstMention.get(mark.owner);
    if (!known || mark.start < known.start) firstMention.set(mark.owner, mark);
  }
  for (const mark of firstMention.values()) mark.target = true;
  const heading = title ?? defaultTitle(text);
  const counts = { person: 0, organization: 0, place: 0 };
  for (const entity of input.entities) counts[entity.type]++;
  const summary = [
    publishedAt === null ? null : `published ${escapeHtml(publishedAt)}`,
    plural(counts.person, 'person', 'people'),
    plural(counts.organization, 'organisation', 'organisations'),
    plural(counts.place, 'place', 'places'),
    plural(input.dates.length, 'date', 'dates'),
    plural(input.quotes.length, 'quote', 'quotes'),
  ].filter((part) => part !== null);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${viewContentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lede">
<title>lede · ${escapeHtml(heading)}</title>
<style>${VIEW_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(heading)}</h1>
<p class="meta">${summary.join(' · ')}</p>
<ul class="legend" aria-label="legend">${LEGEND}</ul>
</header>
<div class="layout">
<main><div class="text" id="text">${renderArticle(text, marks)}</div></main>
<aside class="panel" aria-label="what lede found">
<h2>Entities, by salience</h2>
${renderEntities(input.entities, firstMention)}
<h2>Quotes</h2>
${renderQuotes(input, marks, bySpan, entityById)}
<h2>Dates</h2>
${renderDates(input, marks)}
</aside>
</div>
<div id="tip" role="status" aria-live="polite" hidden></div>
<script>${VIEW_SCRIPT}</script>
</body>
</html>
`;
}
