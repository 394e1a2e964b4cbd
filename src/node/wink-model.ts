/**
 * wink-nlp's English model for Node: the package's parts found with require, put
 * together by src/core/wink-core.ts (which says how it differs from the package's
 * own model object, and why).
 */

import { readFileSync } from 'node:fs';
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

const CORE_JSON = `${PACKAGE}languages/cur/models/eng-core-web-model.json`;

/** The core model's JSON as the package's own loader loads it (shared, never to be changed). */
export function winkCoreJson(): WinkCoreJson {
  return require(CORE_JSON) as WinkCoreJson;
}

/** The core model's JSON read afresh, outside require's cache, so that nothing keeps it once the core is made. */
function readCoreJson(): WinkCoreJson {
  return JSON.parse(readFileSync(require.resolve(CORE_JSON), 'utf8')) as WinkCoreJson;
}

/** The language model for winkNLP(model, ['sbd', 'pos']) (see src/core/wink-core.ts). */
export function loadWinkModel(): Model {
  return winkModelFromParts(
    readCoreJson,
    {
      sbd: require(`${PACKAGE}load-sbd-model.js`),
      pos: require(`${PACKAGE}load-pos-model.js`),
      featureFn: require(`${PACKAGE}feature.js`),
    },
    bytesFromBase64,
  );
}
