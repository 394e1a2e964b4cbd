/**
 * The view's Content-Security-Policy. The page's only style sheet and script are
 * constants, allowed by their SHA-256 hashes; everything else is refused: no other
 * script, no style attribute, no image, font, frame, connection, form or base URL.
 * So nothing an article smuggles past the escaping could run or load anything.
 */

import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { VIEW_SCRIPT } from './view-script.js';
import { VIEW_STYLE } from './view-style.js';

/** The CSP source expression of an inline element's text: 'sha256-<base64>'. */
export function hashSource(inline: string): string {
  let binary = '';
  for (const byte of sha256(utf8ToBytes(inline))) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

let hashes: { style: string; script: string } | null = null;

/** The hash sources of the view's style sheet and script (computed once). */
export function viewHashes(): { style: string; script: string } {
  hashes ??= { style: hashSource(VIEW_STYLE), script: hashSource(VIEW_SCRIPT) };
  return hashes;
}

/** The policy of the view page (for its <meta http-equiv> tag). */
export function viewContentSecurityPolicy(): string {
  const { style, script } = viewHashes();
  return `default-src 'none'; style-src ${style}; script-src ${script}; img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'`;
}
