/**
 * The browser build's ResourceData: the files of data/ and wink-nlp's language
 * model, embedded in the bundle at build time (tsup.config.ts), read by the same
 * code as the Node entry's (src/core/data-files.ts, src/core/wink-core.ts), so the
 * two builds give the same results.
 */

/// <reference path="./embedded-data.d.ts" />
/// <reference path="./wink-parts.d.ts" />

import { binaryFiles, textFiles, winkCoreText } from 'lede:embedded-data';
import loadSbdModel from 'wink-eng-lite-web-model/dist/load-sbd-model.js';
import loadPosModel from 'wink-eng-lite-web-model/dist/load-pos-model.js';
import featureFn from 'wink-eng-lite-web-model/dist/feature.js';
import type { Model } from 'wink-nlp';
import { resourceDataFromFiles, type DataFiles } from '../core/data-files.js';
import type { ResourceData } from '../core/resources.js';
import { winkModelFromParts, type WinkCoreJson } from '../core/wink-core.js';

/** The bytes of base64 text (atob: in every browser, and in Node ≥ 16). */
export function bytesFromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

const embeddedFiles: DataFiles = {
  text: (path) => (Object.hasOwn(textFiles, path) ? textFiles[path] : undefined),
  bytes: (path) => (Object.hasOwn(binaryFiles, path) ? bytesFromBase64(binaryFiles[path]!) : undefined),
};

let cached: ResourceData | null = null;

/** The embedded data, read once per page. */
export function embeddedResourceData(): ResourceData {
  cached ??= resourceDataFromFiles(
    embeddedFiles,
    winkModelFromParts(
      () => JSON.parse(winkCoreText) as WinkCoreJson,
      {
        sbd: loadSbdModel as Model['sbd'],
        pos: loadPosModel as Model['pos'],
        featureFn: featureFn as Model['featureFn'],
      },
      bytesFromBase64,
    ),
  );
  return cached;
}
