/**
 * Keeps non-overlapping candidates: the longest span wins; on a tie, lede's own
 * parsers (which know the granularity) win over chrono's, then the earlier one.
 * Returns the survivors in text order.
 */

import type { DateCandidate } from '../candidate.js';
import type { DateRefiner } from '../refiner.js';

function rank(a: DateCandidate, b: DateCandidate): number {
  return (b.end - b.start) - (a.end - a.start) || (a.source === b.source ? 0 : a.source === 'lede' ? -1 : 1) || a.start - b.start;
}

export const removeOverlaps: DateRefiner = {
  id: 'remove-overlaps',
  refine(candidates) {
    const kept: DateCandidate[] = [];
    for (const candidate of [...candidates].sort(rank)) {
      if (kept.every((other) => other.end <= candidate.start || other.start >= candidate.end)) kept.push(candidate);
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};
