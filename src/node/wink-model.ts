/**
 * wink-nlp's English model (wink-eng-lite-web-model), put together from its
 * parts. It is the package's own model object but for two things, both for the
 * cold start:
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
 * test/wink-model.test.ts checks that the core equals the package's own. Node
 * only (the package's files are found with require); a browser bundle hands in
 * the package's default export instead (ResourceData.languageModel).
 */

import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-eng-lite-web-model/dist/';

/** The core model as stored (languages/cur/models/eng-core-web-model.json). */
export interface WinkCoreJson {
  packing: { layout: Record<string, number[]>; efList?: string[] } & Record<string, unknown>;
  features: Record<string, { list: string[] } & Record<string, unknown>>;
  pos: { hash: Record<string, number> } & Record<string, unknown>;
  /** Base64 of a Uint32Array. */
  lexicon: string;
  /** Base64 of a Uint32Array. */
  xpansions: string;
  header: unknown;
  tcat: unknown;
  trex: unknown;
  preserve: unknown;
}

/** A Uint32Array from base64 text, in a buffer of its own. */
function uint32FromBase64(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** Value -> index of a feature's list, as wink-nlp looks values up. */
function indexOfList(list: readonly string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

/**
 * The core model that wink-eng-lite-web-model's loader (read-core-model.js and
 * load-core-model.js) makes of `json`, without changing `json`.
 */
export function readWinkCore(json: WinkCoreJson): Record<string, unknown> {
  const { features: storedFeatures, lexicon, xpansions, ...small } = json;
  const model = structuredClone(small) as Omit<WinkCoreJson, 'features' | 'lexicon' | 'xpansions'>;
  const features: Record<string, Record<string, unknown> & { list: unknown[] }> = {};
  for (const name in storedFeatures) features[name] = { ...storedFeatures[name]!, list: storedFeatures[name]!.list.slice() };
  const layout = model.packing.layout;
  for (const name in layout) if (layout[name]![3] === 0) features[name]!.hash = indexOfList(features[name]!.list as string[]);
  const lexeme = features.lexeme!;
  lexeme.hash = indexOfList(lexeme.list as string[]);
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
  return { ...model, features, lexicon: uint32FromBase64(lexicon), xpansions: uint32FromBase64(xpansions) };
}

/** The core model's JSON as the package's own loader loads it (shared, never to be changed). */
export function winkCoreJson(): WinkCoreJson {
  return require(`${PACKAGE}languages/cur/models/eng-core-web-model.json`) as WinkCoreJson;
}

/** A machine that recognises nothing, in wink-nlp's automaton format (its emptyModelJSON). */
const EMPTY_MACHINE = '[100,0,{"0":{}},{},{},{}]';
const nothing = (): void => undefined;

/**
 * The language model for winkNLP(model, ['sbd', 'pos']): the package's core,
 * sentence and part-of-speech models, and empty ones for the annotations that
 * pipe never runs (wink-nlp requires them to be there).
 */
export function loadWinkModel(): Model {
  const json = winkCoreJson();
  return {
    core: () => readWinkCore(json),
    sbd: require(`${PACKAGE}load-sbd-model.js`),
    pos: require(`${PACKAGE}load-pos-model.js`),
    ner: () => ({ machines: [], transformers: [] }),
    negation: () => ({ machines: [EMPTY_MACHINE], setter: nothing }),
    sa: () => ({ machines: [EMPTY_MACHINE], setter: nothing }),
    metaCER: () => ({ machines: '[]', transformers: [nothing] }),
    featureFn: require(`${PACKAGE}feature.js`),
    addons: Object.create(null),
  } as unknown as Model;
}
