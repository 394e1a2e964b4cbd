/**
 * wink-nlp's English model for Node: the package's parts found with require, put
 * together by src/core/wink-core.ts (which says how it differs from the package's
 * own model object, and why).
 */

import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';
import { readWinkCoreWith, winkModelFromParts, type WinkCoreJson } from '../core/wink-core.js';

export type { WinkCoreJson } from '../core/wink-core.js';

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-eng-lite-web-model/dist/';

function bytesFromBase64(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

/** The core model that wink-eng-lite-web-model's loader makes of `json`, without changing `json`. */
export function readWinkCore(json: WinkCoreJson): Record<string, unknown> {
  return readWinkCoreWith(json, bytesFromBase64);
}

/** The core model's JSON as the package's own loader loads it (shared, never to be changed). */
export function winkCoreJson(): WinkCoreJson {
  return require(`${PACKAGE}languages/cur/models/eng-core-web-model.json`) as WinkCoreJson;
}

/** The language model for winkNLP(model, ['sbd', 'pos']) (see src/core/wink-core.ts). */
export function loadWinkModel(): Model {
  return winkModelFromParts(
    winkCoreJson(),
    {
      sbd: require(`${PACKAGE}load-sbd-model.js`),
      pos: require(`${PACKAGE}load-pos-model.js`),
      featureFn: require(`${PACKAGE}feature.js`),
    },
    bytesFromBase64,
  );
}
