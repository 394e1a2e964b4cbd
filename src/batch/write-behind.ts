/**
 * Writes items in order while more are being made: at most one write is in flight,
 * the items that arrive meanwhile wait, and the next write takes all of them at
 * once. So a slow write (a database commit waiting on its disk) does not stop the
 * producer, and the slower the writes, the more each one carries. At most
 * `maxWaiting` items wait: then `push` waits for the write in flight to end
 * (backpressure), so memory stays bounded.
 *
 * `lede annotate` runs its output through it: while a batch is being committed to
 * PostgreSQL, the worker threads go on annotating the next ones instead of
 * standing idle once the window of tasks in flight is full of finished results.
 */

export interface WriteBehind<T> {
  /** Queues `item` behind those before it; resolves at once, or once there is room. Rejects with the error of a failed write. */
  push(item: T): Promise<void>;
  /** Resolves when every item pushed is written; rejects with the error of a failed write. */
  finish(): Promise<void>;
  /** Waits for the write in flight, if any, to end (without its error), and drops the items waiting. For clean-up after a failure. */
  abandon(): Promise<void>;
}

export function writeBehind<T>(write: (items: T[]) => Promise<void>, maxWaiting: number): WriteBehind<T> {
  if (!Number.isInteger(maxWaiting) || maxWaiting < 1) throw new TypeError(`writeBehind: maxWaiting must be a whole number from 1, not ${maxWaiting}`);
  let waiting: T[] = [];
  let inFlight: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  /** Woken whenever a write ends. */
  let wake: () => void = () => undefined;
  let writeEnded = new Promise<void>((resolve) => (wake = resolve));
  const signalWriteEnded = (): void => {
    const woken = wake;
    writeEnded = new Promise<void>((resolve) => (wake = resolve));
    woken();
  };

  const run = async (): Promise<void> => {
    try {
      while (waiting.length > 0 && failure === null) {
        const items = waiting;
        waiting = [];
        try {
          // Called a turn later, so that run() never ends before `inFlight` holds it, even if write throws at once.
          await Promise.resolve().then(() => write(items));
        } finally {
          signalWriteEnded();
        }
      }
    } catch (error) {
      failure = { error };
    } finally {
      inFlight = null;
    }
  };

  const rethrow = (): void => {
    if (failure !== null) throw failure.error;
  };

  return {
    async push(item) {
      rethrow();
      waiting.push(item);
      inFlight ??= run();
      while (waiting.length >= maxWaiting && failure === null) await writeEnded;
      rethrow();
    },
    async finish() {
      while (inFlight !== null) await inFlight;
      rethrow();
    },
    async abandon() {
      waiting = [];
      while (inFlight !== null) await inFlight;
    },
  };
}
