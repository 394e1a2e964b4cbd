/**
 * lede/compromise: a compromise plugin (DESIGN §8). After
 *
 *   import nlp from 'compromise';
 *   import ledePlugin from 'lede/compromise';
 *   nlp.plugin(ledePlugin);
 *
 * `doc.people()`, `doc.organizations()` and `doc.places()` come from lede's
 * entities: compromise views over the terms of each naming mention, in text
 * order, with the terms tagged Person, Organization or Place, and lede's entity
 * (canonical name, id) on each match (`.json()` field `lede`, or
 * `.ledeEntities()`). `doc.ledeQuotes()` and `doc.ledeDates()` give lede's quotes
 * with their speakers and its dates with their values; `doc.lede()` the whole
 * extraction. Everything else is compromise's own: `doc.verbs()`, `doc.match()`.
 *
 * The plugin never imports compromise (a plugin is handed compromise's View
 * class), so compromise stays an optional peer dependency, and a program that
 * never imports lede/compromise never loads it. lede reads the document's text
 * once, on the first of these calls (the text is the concatenation of the terms
 * with their white space and punctuation, which is the input as given), and again
 * only if the document's text has changed since.
 *
 * Offsets: lede's mentions are character ranges; a match is the run of
 * compromise terms whose words overlap the mention. compromise keeps a
 * possessive and the punctuation around a word inside its term ("Lindqvist's",
 * "Tallinn,"), so a match's text can be longer than lede's mention (whose exact
 * span is on the match: `.json()[i].lede.mention`).
 */

import { extract as extractWithDefault, type Extractor } from '../index.js';
import type { DateMention, Entity, EntityType, ExtractOptions, Extraction, Quote, Span } from '../types.js';

/** A compromise term, as far as lede reads it. */
interface Term {
  text: string;
  pre: string;
  post: string;
  id: string;
}

/** A compromise pointer: sentence, first term, one past the last term (and the terms' ids). */
type Pointer = [number, number?, number?, string?, string?];

/** The part of compromise's View that the plugin uses. */
interface CompromiseView {
  readonly document: Term[][];
  readonly fullPointer: Pointer[];
  readonly world: unknown;
  update(pointer: Pointer[]): CompromiseView;
  getNth(n?: number | string): CompromiseView;
  tag(tag: string, reason?: string): CompromiseView;
  json(options?: object): Record<string, unknown>[];
}

type ViewClass = new (document: Term[][], pointer?: Pointer[]) => CompromiseView;

export interface LedePluginOptions {
  /** The extractor to read documents with (from lede's `createExtractor`); default: lede's default extractor. */
  extractor?: Pick<Extractor, 'extract'>;
  /** Options of every extraction, such as `publishedAt` (a call to `doc.lede(options)` and the like can give others). */
  extractOptions?: ExtractOptions;
}

/** What a match of `doc.people()`, `doc.organizations()` or `doc.places()` carries from lede. */
export interface LedeMatch {
  /** The entity's id in the document's extraction ('person-1'). */
  id: string;
  type: EntityType;
  /** The entity's canonical name: the fullest name the article uses. */
  name: string;
  /** lede's mention: its exact character range and text. */
  mention: Span;
}

/** The methods the plugin adds or replaces (for TypeScript: `nlp<LedeMethods>(text)`). */
export interface LedeMethods {
  /** lede's people, one match per naming mention, in text order (the nth match with `n`). */
  people(n?: number): LedeEntityView;
  /** lede's organisations, one match per naming mention, in text order. */
  organizations(n?: number): LedeEntityView;
  /** lede's places, one match per naming mention, in text order. */
  places(n?: number): LedeEntityView;
  /** lede's quotes, with their speakers, cues and kinds. */
  ledeQuotes(options?: ExtractOptions): Quote[];
  /** lede's dates, with their TIMEX3 values. */
  ledeDates(options?: ExtractOptions): DateMention[];
  /** lede's whole extraction of the document. */
  lede(options?: ExtractOptions): Extraction;
}

/** A compromise view of lede's entity mentions. */
export interface LedeEntityView {
  /** compromise's JSON of each match, with `lede`: the entity and the exact mention. */
  json(options?: object): (Record<string, unknown> & { lede: LedeMatch })[];
  /** lede's entity of each match. */
  ledeEntities(): Entity[];
  out(format?: string): unknown;
  text(format?: string): string;
  readonly length: number;
  readonly found: boolean;
}

/** A compromise plugin (compromise hands `api` its View class). */
export interface LedePlugin {
  api(View: unknown): void;
}

const TAGS: Record<EntityType, string> = { person: 'Person', organization: 'Organization', place: 'Place' };
const LISTS: Record<EntityType, 'people' | 'organizations' | 'places'> = { person: 'people', organization: 'organizations', place: 'places' };

interface DocumentState {
  text: string;
  optionsKey: string;
  extraction: Extraction;
  /** Matches per type, in text order. */
  matches: Record<EntityType, { pointer: Pointer; match: LedeMatch; entity: Entity }[]>;
  /** The same by "sentence:start:end". */
  byPointer: Map<string, { match: LedeMatch; entity: Entity }>;
}

const pointerKey = (pointer: Pointer): string => `${pointer[0]}:${pointer[1] ?? 0}:${pointer[2] ?? 0}`;

/** The document's text: its terms with their white space and punctuation, and where each term's word starts. */
function readDocument(document: Term[][]): { text: string; terms: { n: number; i: number; start: number; end: number }[] } {
  let text = '';
  const terms: { n: number; i: number; start: number; end: number }[] = [];
  document.forEach((sentence, n) => {
    sentence.forEach((term, i) => {
      const start = text.length + term.pre.length;
      terms.push({ n, i, start, end: start + term.text.length });
      text += term.pre + term.text + term.post;
    });
  });
  return { text, terms };
}

/**
 * The pointer of the terms whose words overlap [start, end): the first such term
 * to the last in the same sentence (a mention never crosses a sentence in lede,
 * but compromise's sentences are its own), or null when no word overlaps.
 */
function pointerOf(terms: readonly { n: number; i: number; start: number; end: number }[], start: number, end: number): Pointer | null {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = terms[lo];
  if (first === undefined || first.start >= end) return null;
  let last = first;
  for (let k = lo + 1; k < terms.length && terms[k]!.start < end && terms[k]!.n === first.n; k++) last = terms[k]!;
  return [first.n, first.i, last.i + 1];
}

/** Creates the plugin; `ledePlugin` is this with lede's default extractor. */
export function createLedePlugin(options: LedePluginOptions = {}): LedePlugin {
  const extract = options.extractor ? (text: string, extractOptions?: ExtractOptions) => options.extractor!.extract(text, extractOptions) : extractWithDefault;
  const defaults = options.extractOptions ?? {};
  const states = new WeakMap<Term[][], DocumentState>();
  const keyOf = (extractOptions: ExtractOptions): string => {
    const at = extractOptions.publishedAt;
    return at instanceof Date ? `date:${at.getTime()}` : `string:${at ?? ''}`;
  };

  /** The document's state, computed (and its terms tagged) when missing, stale, or read with other options. */
  const stateOf = (view: CompromiseView, extractOptions?: ExtractOptions): DocumentState => {
    const document = view.document;
    const { text, terms } = readDocument(document);
    const previous = states.get(document);
    const wanted = extractOptions ?? (previous?.text === text ? null : defaults);
    if (previous && previous.text === text && (wanted === null || keyOf(wanted) === previous.optionsKey)) return previous;
    const used = wanted ?? defaults;
    const extraction = extract(text, used);
    const state: DocumentState = {
      text,
      optionsKey: keyOf(used),
      extraction,
      matches: { person: [], organization: [], place: [] },
      byPointer: new Map(),
    };
    for (const type of ['person', 'organization', 'place'] as const) {
      const found = state.matches[type];
      for (const entity of extraction[LISTS[type]]) {
        for (const mention of entity.mentions) {
          const pointer = pointerOf(terms, mention.start, mention.end);
          if (!pointer) continue;
          const match: LedeMatch = { id: entity.id, type, name: entity.name, mention };
          found.push({ pointer, match, entity });
          state.byPointer.set(pointerKey(pointer), { match, entity });
        }
      }
      found.sort((a, b) => a.match.mention.start - b.match.mention.start);
      if (found.length > 0) view.update(found.map((f) => f.pointer)).tag(TAGS[type], 'lede');
    }
    states.set(document, state);
    return state;
  };

  const copy = <T>(value: T): T => structuredClone(value);

  return {
    api(CompromiseView: unknown) {
      const View = CompromiseView as ViewClass;
      /** A view of lede's matches: compromise's own methods, plus lede's entity on each match. */
      class LedeEntities extends View {
        constructor(document: Term[][], pointer?: Pointer[]) {
          super(document, pointer);
          (this as unknown as { viewType: string }).viewType = 'LedeEntities';
        }
        private lookup(): ({ match: LedeMatch; entity: Entity } | undefined)[] {
          const state = states.get(this.document);
          return this.fullPointer.map((pointer) => state?.byPointer.get(pointerKey(pointer)));
        }
        override json(options?: object): Record<string, unknown>[] {
          const found = this.lookup();
          return super.json(options).map((item, i) => ({ ...item, lede: found[i] ? copy(found[i]!.match) : null }));
        }
        ledeEntities(): Entity[] {
          return this.lookup().flatMap((f) => (f ? [copy(f.entity)] : []));
        }
        override update(pointer: Pointer[]): CompromiseView {
          const view = new LedeEntities(this.document, pointer);
          (view as unknown as { world: unknown }).world = this.world;
          return view;
        }
      }

      const entityView = (view: CompromiseView, type: EntityType, n?: number): CompromiseView => {
        const state = stateOf(view);
        // Only the matches inside this view (a sentence, a match of its own).
        const ranges = view.fullPointer;
        const inside = state.matches[type].filter(({ pointer: [n2, start = 0, end = 0] }) =>
          ranges.some(([rn, rs = 0, re]) => rn === n2 && rs <= start && end <= (re ?? view.document[rn]?.length ?? 0)),
        );
        const result = new LedeEntities(view.document, inside.map((f) => f.pointer));
        (result as unknown as { world: unknown }).world = view.world;
        return result.getNth(n);
      };

      const proto = View.prototype as unknown as Record<string, unknown>;
      proto.people = function (this: CompromiseView, n?: number) {
        return entityView(this, 'person', n);
      };
      proto.organizations = function (this: CompromiseView, n?: number) {
        return entityView(this, 'organization', n);
      };
      proto.places = function (this: CompromiseView, n?: number) {
        return entityView(this, 'place', n);
      };
      proto.ledeQuotes = function (this: CompromiseView, extractOptions?: ExtractOptions) {
        return copy(stateOf(this, extractOptions).extraction.quotes);
      };
      proto.ledeDates = function (this: CompromiseView, extractOptions?: ExtractOptions) {
        return copy(stateOf(this, extractOptions).extraction.dates);
      };
      proto.lede = function (this: CompromiseView, extractOptions?: ExtractOptions) {
        return copy(stateOf(this, extractOptions).extraction);
      };
    },
  };
}

/** The compromise plugin with lede's default extractor: `nlp.plugin(ledePlugin)`. */
export const ledePlugin: LedePlugin = createLedePlugin();

export default ledePlugin;
