/**
 * Stage 3: the statistical entity tagger. Proposes one candidate per predicted
 * name (person, organization, place, or misc, which is learned so it does not
 * pollute the other types but is never output) with provenance
 * `{ stage: 'ner', rule: <model name>, score }`; the resolver decides.
 */

import type { EntityCandidate, LedeDocument } from '../../core/document.js';
import type { Stage } from '../../core/stage.js';
import { buildFeatureView } from './features.js';
import { tagView, type TaggedDocument } from './decode.js';
import { CANDIDATE_TYPE, spansOfLabels } from './labels.js';
import type { CompiledGazetteer } from './gazetteer.js';
import type { CompiledNerModel, ScoringModel } from './model.js';

export interface NerResources {
  /** Null when no model is loaded (e.g. while training one): the stage then proposes nothing. */
  readonly model: CompiledNerModel | null;
  readonly gazetteer: CompiledGazetteer;
  /** Honorifics, lower case ("mr.", "sen."): no organisation, place or misc name starts right after one (decode.ts). */
  readonly honorifics?: ReadonlySet<string>;
}

/** Margin at which a token's confidence reaches about 0.73 (logistic of 1). */
const MARGIN_SCALE = 4;

/** Tags a segmented and tokenised document. */
export function tagDocument(doc: LedeDocument, model: ScoringModel, gazetteer: CompiledGazetteer, honorifics?: ReadonlySet<string>): TaggedDocument {
  return tagView(buildFeatureView(doc, gazetteer), model, honorifics);
}

/** Turns a tagged document into entity candidates. */
export function candidatesOf(tagged: TaggedDocument, modelName: string): EntityCandidate[] {
  const tokens = tagged.view.doc.tokens;
  const candidates: EntityCandidate[] = [];
  for (const span of spansOfLabels(tagged.labels)) {
    let weakest = Infinity;
    for (let t = span.tokenStart; t < span.tokenEnd; t++) weakest = Math.min(weakest, tagged.margins[t]!);
    const score = 1 / (1 + Math.exp(-weakest / MARGIN_SCALE));
    candidates.push({
      start: tokens[span.tokenStart]!.start,
      end: tokens[span.tokenEnd - 1]!.end,
      tokenStart: span.tokenStart,
      tokenEnd: span.tokenEnd,
      type: CANDIDATE_TYPE[span.type],
      provenance: { stage: 'ner', rule: modelName, score: Math.round(score * 1000) / 1000 },
    });
  }
  return candidates;
}

export const nerStage: Stage = {
  name: 'ner',
  run(doc, resources) {
    const { model, gazetteer, honorifics } = resources.ner;
    if (!model || doc.tokens.length === 0) return;
    doc.entityCandidates.push(...candidatesOf(tagDocument(doc, model, gazetteer, honorifics), model.name));
  },
};
