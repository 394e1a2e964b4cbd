/** Drops candidates that touch page furniture (agency codes such as "-02D-", section labels, footers). */

import { overlapsAny } from '../../../core/document.js';
import type { DateRefiner } from '../refiner.js';

export const dropFurniture: DateRefiner = {
  id: 'drop-furniture',
  refine(candidates, context) {
    const { furniture } = context.doc;
    if (furniture.length === 0) return [...candidates];
    return candidates.filter((candidate) => !overlapsAny(furniture, candidate.start, candidate.end));
  },
};
