/**
 * Nested markup from overlapping ranges. The view highlights quotes, dates,
 * mentions, cues and speakers, which may overlap (a date inside a quote, a name
 * inside a date, a date that crosses a name's end). HTML elements must nest, so
 * the text is cut at every range boundary; between two boundaries the set of open
 * ranges is fixed, and it is opened outermost first. A range that crosses the end
 * of one opened before it is closed there and opened again after it: one range may
 * become several fragments, and every fragment knows which range it belongs to and
 * whether it is the first.
 *
 * Outermost first means: earlier start, then later end, then lower rank (the
 * caller's order for ranges of equal extent), then lower id.
 */

export interface Interval {
  start: number;
  end: number;
  /** Among ranges of equal extent, the lower rank is the outer element. */
  rank: number;
  /** The caller's id for the range, unique. */
  id: number;
}

export type Piece<T extends Interval> =
  | { kind: 'open'; interval: T; first: boolean }
  | { kind: 'close'; interval: T }
  | { kind: 'text'; start: number; end: number };

function outerFirst(a: Interval, b: Interval): number {
  return a.start - b.start || b.end - a.end || a.rank - b.rank || a.id - b.id;
}

/**
 * The pieces of `0..length` with `intervals` as properly nested elements. Empty
 * ranges (start === end) and ranges outside 0..length open nothing.
 */
export function nestIntervals<T extends Interval>(intervals: readonly T[], length: number): Piece<T>[] {
  const sorted = intervals.filter((interval) => interval.start < interval.end && interval.start >= 0 && interval.end <= length).sort(outerFirst);
  const boundaries = new Set<number>([0, length]);
  for (const interval of sorted) {
    boundaries.add(interval.start);
    boundaries.add(interval.end);
  }
  const points = [...boundaries].sort((a, b) => a - b);

  const pieces: Piece<T>[] = [];
  const stack: T[] = [];
  let next = 0; // the next interval of `sorted` to open
  for (let p = 0; p < points.length; p++) {
    const at = points[p]!;
    // Close what ends here, and what was opened inside it (to be reopened).
    const firstEnded = stack.findIndex((interval) => interval.end <= at);
    if (firstEnded >= 0) {
      const reopen: T[] = [];
      for (let k = stack.length - 1; k >= firstEnded; k--) {
        const interval = stack[k]!;
        pieces.push({ kind: 'close', interval });
        if (interval.end > at) reopen.unshift(interval);
      }
      stack.length = firstEnded;
      for (const interval of reopen) {
        pieces.push({ kind: 'open', interval, first: false });
        stack.push(interval);
      }
    }
    // Open what starts here, outermost first.
    while (next < sorted.length && sorted[next]!.start === at) {
      const interval = sorted[next++]!;
      pieces.push({ kind: 'open', interval, first: true });
      stack.push(interval);
    }
    const following = points[p + 1];
    if (following !== undefined && following > at) pieces.push({ kind: 'text', start: at, end: following });
  }
  return pieces;
}
