/**
 * The streaming parts of batch annotation: the line reader, batching of what is
 * available, concurrent mapping that keeps input order with a bounded window, and
 * writing behind while more results are made.
 */

import { describe, expect, it } from 'vitest';
import { readLines } from '../src/batch/line-reader.js';
import { batchAvailable } from '../src/batch/batch-available.js';
import { mapInOrder } from '../src/batch/ordered-map.js';
import { toPostgresRecord } from '../src/batch/postgres-record.js';
import { joinResults } from '../src/batch/run-lines.js';
import type { LineError } from '../src/batch/worker-protocol.js';
import { writeBehind } from '../src/batch/write-behind.js';
import { extract } from '../src/index.js';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of source) all.push(item);
  return all;
}

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('readLines', () => {
  it.each<[string, (string | Buffer)[], string[]]>([
    ['lines with a final line break', ['a\nb\n'], ['a', 'b']],
    ['a last line without a line break', ['a\nb'], ['a', 'b']],
    ['empty lines are lines', ['a\n\n\nb\n'], ['a', '', '', 'b']],
    ['CRLF', ['a\r\nb\r\n'], ['a', 'b']],
    ['a CR split from its LF by a chunk boundary', ['a\r', '\nb'], ['a', 'b']],
    ['a line across chunks', ['{"te', 'xt": ', '"x"}\nnext'], ['{"text": "x"}', 'next']],
    ['a byte-order mark at the start only', ['\uFEFFa\n\uFEFFb'], ['a', '\uFEFFb']],
    ['nothing', [], []],
    ['a lone line break', ['\n'], ['']],
    ['a CR inside a line stays', ['a\rb\n'], ['a\rb']],
  ])('%s', async (_name, parts, expected) => {
    expect((await collect(readLines(chunks(...parts)))).map((l) => l.text)).toEqual(expected);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('Zoë 🚢\nKraków\n', 'utf8');
    const parts = Array.from(bytes, (byte) => Buffer.from([byte])); // one byte per chunk
    const lines = await collect(readLines(chunks(...parts)));
    expect(lines.map((l) => l.text)).toEqual(['Zoë 🚢', 'Kraków']);
  });

  it('numbers lines from 1 and counts their bytes, line breaks included', async () => {
    const lines = await collect(readLines(chunks('é\r\n', '\nabc')));
    expect(lines).toEqual([
      { text: 'é', number: 1, bytes: 4 },
      { text: '', number: 2, bytes: 1 },
      { text: 'abc', number: 3, bytes: 3 },
    ]);
  });
});

describe('batchAvailable', () => {
  const limits = { maxItems: 3, maxWeight: 10, weigh: (s: string) => s.length };

  it('fills batches from a source whose items are ready, up to maxItems or maxWeight', async () => {
    expect(await collect(batchAvailable(['a', 'b', 'c', 'd', 'e'], limits))).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    expect(await collect(batchAvailable(['aaaaaa', 'bbbbbb', 'c', 'dddddddddddd', 'e'], limits))).toEqual([
      ['aaaaaa', 'bbbbbb'],
      ['c', 'dddddddddddd'],
      ['e'],
    ]);
    expect(await collect(batchAvailable([], limits))).toEqual([]);
  });

  it('does not hold back an item to wait for a slow source', async () => {
    async function* slow(): AsyncGenerator<string> {
      yield 'a';
      yield 'b';
      await sleep(30);
      yield 'c';
    }
    expect(await collect(batchAvailable(slow(), limits))).toEqual([['a', 'b'], ['c']]);
  });
});

describe('mapInOrder', () => {
  it('yields results in input order whatever order they finish in', async () => {
    const delays = [30, 5, 20, 0, 10, 1, 25, 3];
    const results = await collect(mapInOrder(delays, async (ms, index) => {
      await sleep(ms);
      return `${index}:${ms}`;
    }, 4));
    expect(results).toEqual(delays.map((ms, i) => `${i}:${ms}`));
  });

  it('keeps at most `window` items in flight and reads the source lazily', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let pulled = 0;
    function* source(): Generator<number> {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const value of mapInOrder(source(), async (n) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(1);
      inFlight--;
      return n;
    }, 3)) {
      seen.push(value);
      expect(pulled).toBeLessThanOrEqual(value + 1 + 3);
    }
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(maxInFlight).toBe(3);
  });

  it('yields a finished result while the source is still waiting for its next item', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* source(): AsyncGenerator<number> {
      yield 1;
      await gate; // the next item comes only after the first result was seen
      yield 2;
    }
    const seen: number[] = [];
    for await (const value of mapInOrder(source(), async (n) => n * 10, 4)) {
      seen.push(value);
      release();
    }
    expect(seen).toEqual([10, 20]);
  });

  it('passes on an error of the map function, after the results before it', async () => {
    const seen: number[] = [];
    const run = async (): Promise<void> => {
      for await (const value of mapInOrder([1, 2, 3], async (n) => {
        if (n === 2) throw new Error('boom');
        return n;
      }, 2)) seen.push(value);
    };
    await expect(run()).rejects.toThrow('boom');
    expect(seen).toEqual([1]);
  });

  it('passes on an error of the source', async () => {
    async function* source(): AsyncGenerator<number> {
      yield 1;
      throw new Error('cannot read');
    }
    await expect(collect(mapInOrder(source(), async (n) => n, 2))).rejects.toThrow('cannot read');
  });
});

describe('stopping early', () => {
  it('does not wait for a live source that has nothing more to give', { timeout: 10_000 }, async () => {
    let closed = false;
    async function* stalled(): AsyncGenerator<number> {
      try {
        yield 1;
        await new Promise(() => {}); // never resolves
      } finally {
        closed = true;
      }
    }
    const seen: number[][] = [];
    const batches = batchAvailable(stalled(), { maxItems: 4, maxWeight: 100, weigh: () => 1 });
    for await (const value of mapInOrder(batches, async (batch) => batch, 2)) {
      seen.push(value);
      break;
    }
    expect(seen).toEqual([[1]]);
    expect(closed).toBe(false); // still stalled, but the consumer was not held up
  });
});

describe('writeBehind', () => {
  /** A write that records what it took and ends when told to. */
  function gatedWriter() {
    const written: number[][] = [];
    const gates: (() => void)[] = [];
    const write = (items: number[]): Promise<void> => {
      written.push(items);
      return new Promise((resolve) => gates.push(resolve));
    };
    const open = async (): Promise<void> => {
      while (gates.length === 0) await sleep(1);
      gates.shift()!();
      await sleep(1);
    };
    return { written, write, open };
  }

  it('writes the first item at once and the items that came meanwhile together, in order', async () => {
    const { written, write, open } = gatedWriter();
    const output = writeBehind(write, 10);
    await output.push(1);
    await output.push(2);
    await output.push(3);
    expect(written).toEqual([[1]]);
    await open();
    expect(written).toEqual([[1], [2, 3]]);
    await output.push(4);
    await open();
    expect(written).toEqual([[1], [2, 3], [4]]);
    const finished = output.finish();
    await open();
    await finished;
  });

  it('lets at most maxWaiting items wait: push waits for the write in flight to end', async () => {
    const { written, write, open } = gatedWriter();
    const output = writeBehind(write, 2);
    await output.push(1);
    await output.push(2);
    let third = false;
    const pushed = output.push(3).then(() => (third = true));
    await sleep(5);
    expect(third).toBe(false);
    await open();
    await pushed;
    expect(written).toEqual([[1], [2, 3]]);
    const finished = output.finish();
    await open();
    await finished;
  });

  it('passes on a failed write on the next push, and on finish; nothing after it is written', async () => {
    const failure = new Error('disk full');
    const written: number[][] = [];
    const output = writeBehind(async (items: number[]) => {
      written.push(items);
      if (items.includes(2)) throw failure;
    }, 10);
    await output.push(1);
    await sleep(1);
    await output.push(2);
    await sleep(1);
    await expect(output.push(3)).rejects.toBe(failure);
    await expect(output.finish()).rejects.toBe(failure);
    expect(written).toEqual([[1], [2]]);
  });

  it('passes on a write that throws at once', async () => {
    const output = writeBehind<number>(() => {
      throw new TypeError('bad');
    }, 10);
    await output.push(1);
    await expect(output.finish()).rejects.toThrow('bad');
  });

  it('abandon() waits for the write in flight and drops the items waiting', async () => {
    const { written, write, open } = gatedWriter();
    const output = writeBehind(write, 10);
    await output.push(1);
    await output.push(2);
    let abandoned = false;
    const done = output.abandon().then(() => (abandoned = true));
    await sleep(5);
    expect(abandoned).toBe(false);
    await open();
    await done;
    expect(written).toEqual([[1]]);
  });
});

describe('joinResults', () => {
  it('joins output, errors and records in order, and keeps the PostgreSQL records', () => {
    const error = (lineNumber: number): LineError => ({ lineNumber, id: lineNumber, error: { code: 'invalid_json', message: `line ${lineNumber}` } });
    const postgres = (lineNumber: number) => ({ ...toPostgresRecord({ lineNumber, id: `a${lineNumber}`, text: 'x', publishedAt: undefined, extraction: extract('x') }) });
    const joined = joinResults([
      { output: 'a\n', errors: [error(1)], records: [], postgresRecords: [postgres(2)] },
      { output: 'b\n', errors: [error(3)], records: [], postgresRecords: [postgres(4)] },
      { output: '', errors: [error(5)], records: [] },
    ]);
    expect(joined.output).toBe('a\nb\n');
    expect(joined.errors.map((e) => e.lineNumber)).toEqual([1, 3, 5]);
    expect(joined.postgresRecords?.map((r) => r.lineNumber)).toEqual([2, 4]);
    expect(joinResults([{ output: 'a\n', errors: [], records: [] }, { output: 'b\n', errors: [], records: [] }])).toEqual({ output: 'a\nb\n', errors: [], records: [] });
  });
});
