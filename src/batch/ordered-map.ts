/**
 * Concurrent mapping that keeps input order: up to `window` items are in flight;
 * results come out in the order their items went in, each as soon as it and all
 * before it are done. The source is pulled only while the window has room, so a
 * slow consumer slows the reading (backpressure) and memory stays bounded.
 */

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export async function* mapInOrder<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  map: (item: T, index: number) => Promise<R>,
  window: number,
): AsyncGenerator<R, void, undefined> {
  const iterator: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
  const pending: Promise<Settled<R>>[] = [];
  let nextItem: Promise<IteratorResult<T>> | null = null;
  let sourceDone = false;
  let index = 0;

  const start = (item: T): void => {
    const settled = map(item, index++).then(
      (value): Settled<R> => ({ ok: true, value }),
      (error: unknown): Settled<R> => ({ ok: false, error }),
    );
    pending.push(settled);
  };

  try {
    while (!sourceDone || pending.length > 0) {
      if (!sourceDone && pending.length < window) {
        nextItem ??= Promise.resolve(iterator.next());
        // Wait for the next item, unless the oldest result is ready first.
        const first = pending[0];
        const winner = first
          ? await Promise.race([nextItem.then((item) => ({ item })), first.then(() => null)])
          : { item: await nextItem };
        if (winner) {
          nextItem = null;
          if (winner.item.done) sourceDone = true;
          else start(winner.item.value);
          continue;
        }
      }
      const settled = await pending.shift()!;
      if (!settled.ok) throw settled.error;
      yield settled.value;
    }
  } finally {
    if (!sourceDone) await closeEarly(iterator, nextItem !== null);
  }
}

/**
 * Closes a source that is not done. While a `next()` is still pending (a live feed
 * with nothing to say), an async generator cannot finish its `return()` until that
 * item comes: then the source is told to close, and not waited for.
 */
export async function closeEarly<T>(iterator: AsyncIterator<T> | Iterator<T>, nextPending: boolean): Promise<void> {
  const closing = Promise.resolve(iterator.return?.()).catch(() => undefined);
  if (!nextPending) await closing;
}
