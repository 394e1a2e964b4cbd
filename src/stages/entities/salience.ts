/**
 * Salience and confidence of entities, once quotes are known.
 *
 * Salience mixes how often the article names the entity (relative to the most
 * named one), how widely the mentions spread over its paragraphs, how early it
 * first appears, whether the headline names it, and how often it is quoted.
 * Confidence combines the evidence of the mentions: each naming mention's score
 * (model margin or rule strength), so repeated mentions raise it.
 */

import type { LedeDocument } from '../../core/document.js';
import type { Stage } from '../../core/stage.js';

const WEIGHTS = { count: 0.35, spread: 0.2, position: 0.15, headline: 0.15, quoted: 0.15 } as const;

export function scoreEntities(doc: LedeDocument): void {
  const { entities, mentions } = doc;
  if (entities.length === 0) return;
  const storyParagraphs = new Set(doc.sentences.map((s) => s.paragraph)).size || 1;
  const length = Math.max(1, doc.text.length);
  const quotedCount = new Map<number, number>();
  for (const quote of doc.quotes) {
    const entity = quote.speaker?.entity ?? -1;
    if (entity >= 0) quotedCount.set(entity, (quotedCount.get(entity) ?? 0) + 1);
  }
  const maxMentions = Math.max(...entities.map((e) => e.mentions.length));
  const maxQuoted = Math.max(1, ...quotedCount.values());

  entities.forEach((entity, index) => {
    const own = entity.mentions.map((m) => mentions[m]!);
    if (own.length === 0) return;
    const paragraphs = new Set(own.map((m) => doc.tokens[m.tokenStart]!.paragraph));
    const inHeadline = [...paragraphs].some((p) => doc.paragraphs[p]?.kind === 'headline');
    const first = own[0]!.start / length;
    const salience =
      WEIGHTS.count * (own.length / Math.max(1, maxMentions)) +
      WEIGHTS.spread * Math.min(1, paragraphs.size / Math.min(storyParagraphs, 4)) +
      WEIGHTS.position * (1 - first) +
      WEIGHTS.headline * (inHeadline ? 1 : 0) +
      WEIGHTS.quoted * ((quotedCount.get(index) ?? 0) / maxQuoted);
    entity.salience = Math.min(1, Math.max(0, salience));

    let doubt = 1;
    for (const m of own) {
      let score = 0;
      for (const p of m.provenance) score = Math.max(score, p.score);
      doubt *= 1 - 0.9 * Math.min(1, Math.max(0, score));
    }
    entity.confidence = Math.min(1, Math.max(0, 1 - doubt));
  });
}

export const salienceStage: Stage = {
  name: 'salience',
  run(doc) {
    scoreEntities(doc);
  },
};
