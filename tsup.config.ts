import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// chrono-node and wink-nlp are bundled into dist/: loading their modules one by
// one (~270 ES modules, ~25 CommonJS ones) took ~60 ms of the cold start, one file
// ~25 ms. Their licence notices go with them.
const BUNDLED = {
  'chrono-node': 'Copyright (c) 2014 Wanasit Tanakitrungruang (https://github.com/wanasit/chrono)',
  'wink-nlp': 'Copyright (c) 2017-25 GRAYPE Systems Private Limited (https://github.com/winkjs/wink-nlp)',
};
const versionOf = (name: string): string => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
const NOTICE = `/*! Includes ${Object.entries(BUNDLED)
  .map(([name, copyright]) => `${name} ${versionOf(name)} (MIT License, ${copyright})`)
  .join('; ')} */`;
const noExternal = Object.keys(BUNDLED);

// lede/compromise imports lede's API from the package itself ('lede'), so that a
// program that imports both loads lede once and the plugin stays a few KB.
const ledeAsPackage: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lede-as-package',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: 'lede', external: true }));
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    shims: true,
    target: 'node20',
    splitting: false,
    noExternal,
    banner: { js: NOTICE },
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: `#!/usr/bin/env node\n${NOTICE}` },
    noExternal,
    // Chunks, so that `lede annotate` and `--help` do not load the language model.
    splitting: true,
  },
  {
    // The worker thread of annotate() and `lede annotate`, found next to
    // dist/index.js, dist/index.cjs and dist/cli.js (ESM: loaded by piscina).
    entry: { 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    splitting: false,
    noExternal,
    banner: { js: NOTICE },
  },
  {
    // lede/compromise (ESM and CommonJS): the compromise plugin; compromise itself is never imported.
    entry: { compromise: 'src/compromise/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    esbuildPlugins: [ledeAsPackage],
  },
]);
