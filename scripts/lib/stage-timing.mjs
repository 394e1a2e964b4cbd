/**
 * The pipeline of a source tree, stage by stage, for the scripts that time its
 * stages (scripts/bench.mjs's stage shares, scripts/stage-ab.mjs). Run under tsx:
 * dist/ is one bundle with no stage boundaries in it.
 */

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The stages of the source tree at `root` with its compiled resources: `names` (the
 * first `stageCount` stages, and 'output' when they are all of them) and `run(text,
 * times)`, which runs them over a text, adds each step's milliseconds to `times` (by
 * index of `names`) and returns the extraction (null without the output step).
 */
export async function stagedPipeline(root, stageCount = Infinity) {
  const src = (path) => import(pathToFileURL(join(resolve(root), 'src', path)).href);
  const { PIPELINE } = await src('core/pipeline.ts');
  const { loadResourceData } = await src('node/load-data.ts');
  const { compileResources } = await src('core/resources.ts');
  const { createDocument } = await src('core/document.ts');
  const { buildExtraction } = await src('core/output.ts');
  const { validateConfig } = await src('core/options.ts');
  const resources = compileResources(loadResourceData(), validateConfig(undefined));
  const stages = PIPELINE.slice(0, stageCount);
  const withOutput = stages.length === PIPELINE.length;
  const names = [...stages.map((stage) => stage.name), ...(withOutput ? ['output'] : [])];
  const run = (text, times) => {
    const doc = createDocument(text, null);
    for (let s = 0; s < stages.length; s++) {
      const t0 = performance.now();
      stages[s].run(doc, resources);
      times[s] += performance.now() - t0;
    }
    if (!withOutput) return null;
    const t0 = performance.now();
    const extraction = buildExtraction(doc);
    times[stages.length] += performance.now() - t0;
    return extraction;
  };
  return { names, run };
}
