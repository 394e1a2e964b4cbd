import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/index.js';
import type { CueData } from '../../src/stages/quotes/cue-lexicon.js';
import { compileCues } from '../../src/stages/quotes/cue-lexicon.js';
import { expectValidResult, ROOT } from '../helpers.js';

const data = JSON.parse(readFileSync(join(ROOT, 'data', 'lexicon', 'cues.json'), 'utf8')) as CueData;
const extractor = createExtractor();

describe('cue lexicon (data/lexicon/cues.json)', () => {
  it('has unique ids, a type, forms and at least one example per cue', () => {
    const ids = data.cues.map((cue) => cue.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cue of data.cues) {
      expect(['speech', 'belief', 'intention', 'characterization']).toContain(cue.type);
      expect(cue.forms.length).toBeGreaterThan(0);
      expect(cue.examples.length).toBeGreaterThan(0);
    }
  });

  it('compiles every form to its cue', () => {
    const compiled = compileCues(data);
    for (const cue of data.cues) for (const form of cue.forms) expect(compiled.byForm.get(form)?.some((c) => c.id === cue.id)).toBe(true);
  });

  const examples = data.cues.flatMap((cue) => cue.examples.map((example) => [cue.id, cue.type, example] as const));
  it.each(examples)('%s (%s): %j', (_id, type, example) => {
    const result = extractor.extract(example.text);
    expectValidResult(result, example.text);
    if (example.quote === null) {
      expect(type).not.toBe('speech');
      expect(result.quotes).toEqual([]);
      return;
    }
    const quote = result.quotes.find((q) => q.text === example.quote);
    expect(quote, `no quote ${JSON.stringify(example.quote)} in ${JSON.stringify(result.quotes.map((q) => q.text))}`).toBeDefined();
    expect(quote!.kind).toBe(example.kind);
    expect(quote!.cue?.text).toBe(example.cue);
    expect(quote!.speaker?.mention.text).toBe(example.speaker);
  });
});
