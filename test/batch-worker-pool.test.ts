/**
 * The worker pool closes only threads that have loaded: terminating a thread while
 * it still loads its modules can abort the whole process under Node 20 ("v8::Module::
 * IsGraphAsync must be used on an instantiated module"), which an early failure of
 * `lede annotate` (a schema it refuses) did about once in thirty runs; and, when a
 * thread said so while its module's body still ran, before Node had finished loading
 * it ("Assertion failed: facade->InstantiateModule(...)"), this test's first case did
 * once in a clean-clone CI run.
 */

import { describe, expect, it } from 'vitest';
import { loadDist } from './batch-helpers.js';
import { createWorkerPool } from '../src/batch/worker-pool.js';

describe('createWorkerPool(threads).close()', () => {
  it('right after the pool starts, waits for its threads to load, then ends them', async () => {
    await loadDist(); // the pool's threads run dist/batch-worker.js
    for (let round = 0; round < 3; round++) {
      const pool = await createWorkerPool(2, undefined);
      const started = performance.now();
      await pool.close();
      // Loading a thread (its modules, the model, a first extraction) takes some 300 ms; ending one, a few.
      expect(performance.now() - started).toBeGreaterThan(100);
    }
  });

  it('after work, closes at once: its threads have loaded long before', async () => {
    const pool = await createWorkerPool(1, undefined);
    const result = await pool.run<{ output: string }>({ kind: 'lines', lines: ['{"text":"Lavrov spoke in Baku."}'], firstLineNumber: 1, fields: { id: 'id', text: 'text', date: 'publishedAt' }, format: 'jsonl' });
    expect(result.output).toContain('Lavrov');
    const started = performance.now();
    await pool.close();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
