/**
 * wink-nlp's English model for Node: the package's loaders (imported, and bundled
 * into dist/) and its core model (read from the package's file), put together by
 * src/core/wink-core.ts (which says how it differs from the package's
 * own model object, and why).
 */

/// <reference path="../browser/wink-parts.d.ts" />

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';
// Bundled into dist/ (tsup.config.ts): requiring them and their modules one by one took ~10 ms.
import loadSbdModel from 'wink-eng-lite-web-model/dist/load-sbd-model.js';
import loadPosModel from 'wink-eng-lite-web-model/dist/load-pos-model.js';
import featureFn from 'wink-eng-lite-web-model/dist/feature.js';
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

/** The core's members that are base64 text (1.9 MB of its 3 MB). */
const BASE64_MEMBERS = ['lexicon', 'xpansions'] as const;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The core model's JSON read afresh, outside require's cache, so that nothing
 * keeps it once the core is made. Its base64 members are decoded from the file's
 * bytes as they are, and the rest alone is decoded as UTF-8 and parsed: decoding
 * them as UTF-8 (the file is not ASCII, so all of it became a two-byte string)
 * and scanning them as JSON was about 10 ms of the start-up.
 */
function readCoreJson(): WinkCoreJson {
  const bytes = readFileSync(require.resolve(CORE_JSON));
  const pieces: Buffer[] = [];
  const decoded: Partial<Record<(typeof BASE64_MEMBERS)[number], Uint8Array>> = {};
  let from = 0;
  for (const name of BASE64_MEMBERS) {
    const start = bytes.indexOf(`"${name}":"`, from);
    if (start < 0) continue;
    const valueStart = start + name.length + 4;
    const valueEnd = bytes.indexOf(QUOTE, valueStart);
    const escaped = bytes.indexOf(BACKSLASH, valueStart);
    if (valueEnd < 0 || (escaped >= 0 && escaped < valueEnd)) continue;
    decoded[name] = bytesFromBase64(bytes.toString('latin1', valueStart, valueEnd));
    pieces.push(bytes.subarray(from, valueStart));
    from = valueEnd;
  }
  pieces.push(bytes.subarray(from));
  return Object.assign(JSON.parse(Buffer.concat(pieces).toString('utf8')) as WinkCoreJson, decoded);
}

/** The language model for winkNLP(model, ['sbd', 'pos']) (see src/core/wink-core.ts). */
export function loadWinkModel(): Model {
  return winkModelFromParts(
    readCoreJson,
    {
      sbd: loadSbdModel as Model['sbd'],
      pos: loadPosModel as Model['pos'],
      featureFn: featureFn as Model['featureFn'],
    },
    bytesFromBase64,
  );
}
