/**
 * A memo of computed values by key, bounded: when full it starts again empty, so
 * its memory stays below `limit` entries whatever the input. What it holds never
 * changes a result, only whether a value is computed again; it is kept across
 * articles because the same words and names recur through a batch.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
  }
}
