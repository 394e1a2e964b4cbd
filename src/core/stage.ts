/**
 * A pipeline stage: a named step that reads what earlier stages wrote on the
 * document and adds its own part. Stages keep no state between documents; what
 * they need beyond the document comes compiled, once, in `Resources`.
 */

import type { LedeDocument } from './document.js';
import type { Resources } from './resources.js';

export interface Stage {
  readonly name: string;
  run(doc: LedeDocument, resources: Resources): void;
}
