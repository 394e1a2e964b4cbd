/**
 * Groups a stream's items into batches of what is already available: a batch
 * grows while the next item arrives without waiting for I/O (it settles before a
 * `setImmediate` callback runs), up to `maxItems` items or `maxWeight`. So a file
 * is read in full batches, while a slow live feed is passed on item by item,
 * never held back waiting for a batch to fill.
 *
 * Batching makes one worker task carry many small articles: a task costs a round
 * trip between threads, which would otherwise dominate on short articles.
 */

import { closeEarly } from './ordered-map.js';

const NOT_YET = Symbol('not yet');

function nextTurn(): Promise<typeof NOT_YET> {
  return new Promise((resolve) => setImmediate(() => resolve(NOT_YET)));
}

export interface BatchLimits<T> {
  maxItems: number;
  maxWeight: number;
  weigh(item: T): number;
}

export async function* batchAvailable<T>(
  source: AsyncIterable<T> | Iterable<T>,
  limits: BatchLimits<T>,
): AsyncGenerator<T[], void, undefined> {
  const iterator: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
  let waiting: Promise<IteratorResult<T>> | null = null;
  let done = false;
  try {
    while (!done) {
      const first = await (waiting ?? iterator.next());
      waiting = null;
      if (first.done) {
        done = true;
        return;
      }
      const batch = [first.value];
      let weight = limits.weigh(first.value);
      while (batch.length < limits.maxItems && weight < limits.maxWeight) {
        const next = Promise.resolve(iterator.next());
        const ready = await Promise.race([next, nextTurn()]);
        if (ready === NOT_YET) {
          waiting = next;
          break;
        }
        if (ready.done) {
          done = true;
          break;
        }
        batch.push(ready.value);
        weight += limits.weigh(ready.value);
      }
      yield batch;
    }
  } finally {
    if (!done) await closeEarly(iterator, waiting !== null);
  }
}
