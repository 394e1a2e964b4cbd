/**
 * wink-nlp's English model (wink-eng-lite-web-model), put together from its
 * parts. It is the package's own model object but for two things, both for the
 * start-up:
 *   - its core is read from the package's JSON without the deep copy the
 *     package's loader makes of it (a JSON.stringify and JSON.parse of 3 MB, about
 *     a third of wink-nlp's start-up). The copy only keeps the loaded JSON intact
 *     for other instances; here the parts wink-nlp changes (the feature lists and
 *     their indexes) are fresh arrays and objects, the rest a copy of the small
 *     parts, so the JSON is never changed either;
 *   - the add-ons (stemmer, lemmatiser, readability statistics) are left out: lede
 *     reads tokens, their types, parts of speech and sentences only;
 *   - the models of the annotations lede never asks for (named entities, negation,
 *     sentiment, custom entities) are empty: wink-nlp loads every model it is given
 *     (about 600 KB of JSON, each machine parsed twice) whatever its pipe, and runs
 *     only the pipe's ['sbd', 'pos'].
 * test/wink-model.test.ts checks that the core equals the package's own.
 * Browser-safe: the Node entry (src/node/wink-model.ts) and the browser build
 * (src/browser/data.ts) hand in the package's parts and a base64 decoder.
 */

import type { Model } from 'wink-nlp';

/** The core model as stored (languages/cur/models/eng-core-web-model.json). */
export interface WinkCoreJson {
  packing: { layout: Record<string, number[]>; efList?: string[] } & Record<string, unknown>;
  features: Record<string, { list: string[] } & Record<string, unknown>>;
  pos: { hash: Record<string, number> } & Record<string, unknown>;
  /** Base64 of a Uint32Array (or its bytes, decoded by the reader: see src/node/wink-model.ts). */
  lexicon: string | Uint8Array;
  /** Base64 of a Uint32Array (or its bytes). */
  xpansions: string | Uint8Array;
  header: unknown;
  tcat: unknown;
  trex: unknown;
  preserve: unknown;
}

/** The package's loaders of the models lede runs (dist/load-sbd-model.js, load-pos-model.js) and its feature function (dist/feature.js). */
export interface WinkModelParts {
  sbd: Model['sbd'];
  pos: Model['pos'];
  featureFn: Model['featureFn'];
}

/** A machine that recognises nothing, in wink-nlp's automaton format (its emptyModelJSON). */
const EMPTY_MACHINE = '[100,0,{"0":{}},{},{},{}]';
const nothing = (): void => undefined;

/** The bytes of base64 text. */
export type Base64Decoder = (base64: string) => Uint8Array;

/** A Uint32Array from base64 text (or its bytes), in a buffer of its own. */
function uint32FromBase64(base64: string | Uint8Array, decode: Base64Decoder): Uint32Array {
  const bytes = typeof base64 === 'string' ? decode(base64) : base64;
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/**
 * Where `word` is among list[1, size), which is sorted by the lower case of its
 * words in code-unit order (wink-eng-lite-web-model's lexeme list is; list[0] is
 * its out-of-vocabulary symbol, tried first): its index, or undefined.
 * test/wink-model.test.ts looks up every word of the list this way.
 */
function indexBySortedLowerCase(list: readonly string[], size: number, word: string): number | undefined {
  if (size > 0 && list[0] === word) return 0;
  const key = word.toLowerCase();
  let lo = 1;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.toLowerCase() < key) lo = mid + 1;
    else hi = mid;
  }
  // The words of the same lower case (a few spellings at most) follow one another.
  for (let k = lo; k < size && list[k]!.toLowerCase() === key; k++) if (list[k] === word) return k;
  return undefined;
}

/**
 * Texts a lazy lexeme index (lazyIndexOfList) remembers it has not got, at most:
 * with its key, some 60 bytes each, so about 3 MB. wink-nlp's instance, and its
 * index with it, is renewed every MAX_LEARNED_WORDS learned words (resources.ts).
 */
export const REMEMBERED_MISSES = 50_000;

/**
 * Value -> index of the lexeme list (87,593 words), as wink-nlp reads and writes
 * it (`hash[word]`, `hash[word] = index` for a word it has not seen), filled in as
 * it is asked for. It is a plain object, as before, whose prototype is a Proxy:
 * a word already in the object is read as any property is, and only a word that
 * is not (yet) there reaches the Proxy, which finds it in the list by bisection
 * (the list is sorted by lower case, indexBySortedLowerCase) and puts it in; a
 * word wink-nlp adds becomes the object's own property. Filling the object with
 * every word was a sixth of an extractor's start-up, and filing every word by a
 * hash of it, to fill the object a bucket at a time, still 10-25 ms of cold code;
 * an article asks for a few hundred words. Enumerating the object shows only the
 * words put in so far.
 *
 * A text read and not found is put in too, as undefined (what wink-nlp reads as
 * not there; resources.ts forgets learned words the same way), up to
 * REMEMBERED_MISSES of them. wink-nlp looks up each run of text between spaces
 * before it splits it ("said.", "Trump,", "“The"), and news is full of runs that
 * are no word: 150 an article in PolNeAR, many the same from article to article.
 * Through the Proxy and the bisection each took about 1.5 µs; remembered, a miss
 * is read as a word is, and PolNeAR articles read again took 5-7% less time. The
 * list never changes (words wink-nlp learns go after `size`), so a miss stays one.
 * The `in` operator, which wink-nlp does not use, is true of a miss so remembered.
 */
function lazyIndexOfList(list: readonly string[]): Record<string, number> {
  const size = list.length;
  const own = (value: number | undefined): PropertyDescriptor => ({ value, writable: true, enumerable: true, configurable: true });
  let misses = 0;
  /** Puts in `key` (not in the object: the Proxy is asked) if it is in the list; its index, or undefined. */
  const enter = (key: string): number | undefined => {
    const found = indexBySortedLowerCase(list, size, key);
    if (found !== undefined) Object.defineProperty(index, key, own(found));
    return found;
  };
  /** As enter, and a text not in the list is remembered as such (see REMEMBERED_MISSES). */
  const read = (key: string): number | undefined => {
    const found = enter(key);
    if (found === undefined && misses < REMEMBERED_MISSES) {
      misses++;
      Object.defineProperty(index, key, own(undefined));
    }
    return found;
  };
  const missing = new Proxy(Object.create(null) as Record<string, number>, {
    get: (_target, key) => (typeof key === 'string' ? read(key) : undefined),
    has: (_target, key) => typeof key === 'string' && enter(key) !== undefined,
    set: (_target, key, value: number, receiver: object) => Object.defineProperty(receiver, key, own(value)) === receiver,
  });
  const index = Object.create(missing) as Record<string, number>;
  return index;
}

/** Every word of a lazy lexeme index put in (lazyIndexOfList): for comparing the index with an object filled at once. */
export function enterEveryWord(core: Record<string, unknown>): void {
  const lexeme = (core.features as Record<string, { list: string[]; hash: Record<string, number> }>).lexeme!;
  for (const word of lexeme.list) void lexeme.hash[word];
}

/** Value -> index of a feature's list, as wink-nlp looks values up. */
function indexOfList(list: readonly string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

/**
 * The core model that wink-eng-lite-web-model's loader (read-core-model.js and
 * load-core-model.js) makes of `json`: without changing `json`, or, when `owned`
 * (a JSON parsed for this call alone, that nothing else holds), made of `json`'s
 * own objects, without copying them (about 5 ms of the start-up).
 */
export function readWinkCoreWith(json: WinkCoreJson, decode: Base64Decoder, owned = false): Record<string, unknown> {
  const { features: storedFeatures, lexicon, xpansions, ...small } = json;
  const model = (owned ? small : structuredClone(small)) as Omit<WinkCoreJson, 'features' | 'lexicon' | 'xpansions'>;
  const features = (owned ? storedFeatures : {}) as Record<string, Record<string, unknown> & { list: unknown[] }>;
  if (!owned) for (const name in storedFeatures) features[name] = { ...storedFeatures[name]!, list: storedFeatures[name]!.list.slice() };
  const layout = model.packing.layout;
  for (const name in layout) if (layout[name]![3] === 0) features[name]!.hash = indexOfList(features[name]!.list as string[]);
  const lexeme = features.lexeme!;
  lexeme.hash = lazyIndexOfList(lexeme.list as string[]);
  const clusters = features.posClusters!.list as string[];
  features.posClusters!.list = clusters.map((cluster) => new Set(cluster.split('_').map((tag) => model.pos.hash[tag] || 0)));
  const efList: string[] = [];
  for (const name in layout) {
    const [, mask, shift, intrinsic, extrinsic] = layout[name]!;
    if (intrinsic === 0) {
      const feature = features[name]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = mask! >>> shift!;
    }
    if (extrinsic === 1) efList.push(name);
  }
  model.packing.efList = efList;
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return { ...model, features, lexicon: uint32FromBase64(lexicon, decode), xpansions: uint32FromBase64(xpansions, decode) };
}

/**
 * The language model for winkNLP(model, ['sbd', 'pos']): the package's core,
 * sentence and part-of-speech models, and empty ones for the annotations that
 * pipe never runs (wink-nlp requires them to be there). `readJson` gives the
 * core's JSON, parsed afresh (the core is made of its objects), each time wink-nlp
 * asks for the core (once per winkNLP instance):
 * the model holds no parsed copy of it (about 2.6 MB, the lexicon as base64 and
 * the word lists, that nothing reads once the core is made).
 */
export function winkModelFromParts(readJson: () => WinkCoreJson, parts: WinkModelParts, decode: Base64Decoder): Model {
  return {
    core: () => readWinkCoreWith(readJson(), decode, true),
    sbd: parts.sbd,
    pos: parts.pos,
    ner: () => ({ machines: [], transformers: [] }),
    negation: () => ({ machines: [EMPTY_MACHINE], setter: nothing }),
    sa: () => ({ machines: [EMPTY_MACHINE], setter: nothing }),
    metaCER: () => ({ machines: '[]', transformers: [nothing] }),
    featureFn: parts.featureFn,
    addons: Object.create(null),
  } as unknown as Model;
}
