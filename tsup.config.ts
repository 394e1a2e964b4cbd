import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { DATA_FILE_NAMES } from './src/core/data-files.js';

// chrono-node and wink-nlp are bundled into dist/: loading their modules one by
// one (~270 ES modules, ~25 CommonJS ones) took ~60 ms of the cold start, one file
// ~25 ms. Their licence notices go with them.
const BUNDLED = {
  'chrono-node': 'Copyright (c) 2014 Wanasit Tanakitrungruang (https://github.com/wanasit/chrono)',
  'wink-nlp': 'Copyright (c) 2017-25 GRAYPE Systems Private Limited (https://github.com/winkjs/wink-nlp)',
  '@noble/hashes': 'Copyright (c) 2022 Paul Miller (https://paulmillr.com)',
};
// And wink-eng-lite-web-model's loaders of the models lede runs and its feature
// function (src/node/wink-model.ts; a few KB, eleven CommonJS modules: requiring
// them took ~10 ms of the cold start). Its core model stays in its package, read
// from there.
const WINK_MODEL = 'wink-eng-lite-web-model';
const WINK_PARTS = /^wink-eng-lite-web-model\/dist\/(load-sbd-model|load-pos-model|feature)\.js$/;
const WINK_MODEL_COPYRIGHT = 'Copyright (c) 2020-25 GRAYPE Systems Private Limited (https://github.com/winkjs/wink-eng-lite-web-model)';
const versionOf = (name: string): string => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
/** The bundled packages, with their versions and licences, for both builds' banners. */
const INCLUDED = Object.entries({ ...BUNDLED, [WINK_MODEL]: WINK_MODEL_COPYRIGHT })
  .map(([name, copyright]) => `${name} ${versionOf(name)} (MIT License, ${copyright})${name === 'wink-nlp' ? ', with one line changed (winkTokensYoung in tsup.config.ts)' : ''}`)
  .join('; ');
const NOTICE = `/*! Includes ${INCLUDED} */`;
const noExternal = [...Object.keys(BUNDLED), WINK_PARTS];

// The browser build also bundles wink-eng-lite-web-model's core model, and lede's data.
const BROWSER_NOTICE = `/*! Includes ${INCLUDED}; and lede's data/ (see data/README.md for each file's source and licence) */`;

/**
 * `import … from 'lede:embedded-data'` in the browser build: the files of data/ that
 * an extractor reads (DATA_FILE_NAMES) and wink's core model, as string literals
 * (binary files as base64), parsed at run time by the same code as the Node
 * entry's. Text in a string literal and JSON.parse load faster than the same data
 * as object literals.
 */
const embeddedData: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lede-embedded-data',
  setup(build) {
    build.onResolve({ filter: /^lede:embedded-data$/ }, () => ({ path: 'embedded-data', namespace: 'lede-data' }));
    build.onLoad({ filter: /.*/, namespace: 'lede-data' }, () => {
      const textFiles: Record<string, string> = {};
      const binaryFiles: Record<string, string> = {};
      const watchFiles: string[] = [];
      for (const name of DATA_FILE_NAMES) {
        const path = `data/${name}`;
        watchFiles.push(path);
        if (name.endsWith('.bin')) binaryFiles[name] = readFileSync(path).toString('base64');
        else textFiles[name] = readFileSync(path, 'utf8');
      }
      const winkCore = `node_modules/${WINK_MODEL}/dist/languages/cur/models/eng-core-web-model.json`;
      watchFiles.push(winkCore);
      const contents = [
        `export const textFiles = ${JSON.stringify(textFiles)};`,
        `export const binaryFiles = ${JSON.stringify(binaryFiles)};`,
        `export const winkCoreText = ${JSON.stringify(readFileSync(winkCore, 'utf8'))};`,
      ].join('\n');
      return { contents, loader: 'js', watchFiles };
    });
  },
};

/**
 * One line of wink-nlp changed as it is bundled. Its readDoc starts each
 * document's packed token array as an array literal, `rdd.tokens = [];`, and V8
 * pretenures that literal's allocation site: after a few hundred articles every
 * document's token array, and each larger copy it grows into token by token, is
 * made in the old generation, where it outlives its document until a full
 * collection. Made as `Array.of()` (no allocation site; the same empty array),
 * they die young. The bench's one-extractor child (`node --expose-gc
 * scripts/bench.mjs --child-single`) peaked at 210-211 MB of RSS before, 202-204 MB
 * after, with the same output. The build
 * fails if the line is not there once (a new wink-nlp version), rather than
 * quietly bundling it unchanged.
 */
const WINK_READ_DOC = /[\\/]wink-nlp[\\/]src[\\/]wink-nlp\.js$/;
const WINK_TOKENS_LITERAL = 'rdd.tokens = [];';
const winkTokensYoung: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lede-wink-tokens-young',
  setup(build) {
    build.onLoad({ filter: WINK_READ_DOC }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const pieces = source.split(WINK_TOKENS_LITERAL);
      if (pieces.length !== 2) {
        throw new Error(`${path}: expected "${WINK_TOKENS_LITERAL}" once, found it ${pieces.length - 1} times; see winkTokensYoung in tsup.config.ts`);
      }
      return { contents: pieces.join('rdd.tokens = Array.of();'), loader: 'js' };
    });
  },
};

// Source maps only on request (LEDE_SOURCEMAP=1 npm run build): they were a quarter of
// the package, and its size is a budget (DESIGN §4).
const sourcemap = process.env.LEDE_SOURCEMAP === '1';

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
    sourcemap,
    clean: true,
    shims: true,
    target: 'node20',
    splitting: false,
    noExternal,
    esbuildPlugins: [winkTokensYoung],
    banner: { js: NOTICE },
  },
  {
    // The command line, and the worker thread of annotate() and `lede annotate`
    // (dist/batch-worker.js, found next to dist/index.js, dist/index.cjs and
    // dist/cli.js; ESM, loaded by piscina). Chunks, so that `lede annotate` and
    // `--help` do not load the language model, and so that the worker shares the
    // pipeline's code with the command line instead of carrying a copy of its own
    // (the package's size is a budget, DESIGN §4).
    entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    sourcemap,
    target: 'node20',
    banner: { js: `#!/usr/bin/env node\n${NOTICE}` },
    noExternal,
    esbuildPlugins: [winkTokensYoung],
    splitting: true,
  },
  {
    // lede/queue (distributed annotation on BullMQ): its own entry, so that the core
    // never loads it; bullmq, an optional peer dependency, stays external. It holds
    // no extractor (its worker threads load dist/batch-worker.js).
    entry: { queue: 'src/queue/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap,
    shims: true,
    target: 'node20',
    splitting: false,
  },
  {
    // lede/browser: ESM for browsers and bundlers, everything inside (no Node
    // built-ins: platform 'browser' refuses to resolve one). Minified: most of it is
    // data, and its size is a budget (DESIGN §4). Class names are kept: the dates
    // stage picks chrono's parsers by them.
    entry: { browser: 'src/browser/index.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    dts: true,
    minify: true,
    keepNames: true,
    splitting: false,
    noExternal: [/.*/],
    esbuildPlugins: [embeddedData, winkTokensYoung],
    banner: { js: BROWSER_NOTICE },
  },
  {
    // The script of `lede serve`'s page; it loads dist/browser.js, served beside it.
    entry: { 'serve-app': 'src/serve/app.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    splitting: false,
  },
  {
    // lede/compromise (ESM and CommonJS): the compromise plugin; compromise itself is never imported.
    entry: { compromise: 'src/compromise/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap,
    target: 'node20',
    splitting: false,
    esbuildPlugins: [ledeAsPackage],
  },
]);
