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
  .map(([name, copyright]) => `${name} ${versionOf(name)} (MIT License, ${copyright})${name === 'wink-nlp' ? ', changed in three places (winkEdits in tsup.config.ts)' : ''}`)
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
 * wink-nlp, changed in three places as it is bundled, each to allocate less per
 * token; what it computes is the same. An edit whose text is not in its file
 * exactly once (a new wink-nlp version) fails the build rather than quietly
 * bundling wink-nlp unchanged. Measured over the bench corpus (CoNLL-2003 dev) by
 * V8's sampling heap profiler, steady state: 136 MB allocated per pass with the
 * first edit alone, 120 MB with all three, the same output (see README, Speed).
 *
 * - readDoc starts each document's packed token array as an array literal,
 *   `rdd.tokens = [];`, and V8 pretenures that literal's allocation site: after a
 *   few hundred articles every document's token array, and each larger copy it
 *   grows into token by token, is made in the old generation, where it outlives
 *   its document until a full collection. Made as `Array.of()` (no allocation
 *   site; the same empty array), they die young. The bench's one-extractor child
 *   (`node --expose-gc scripts/bench.mjs --child-single`) peaked at 210-211 MB of
 *   RSS before, 202-204 MB after.
 * - The tokenizer tests every piece of the text (words and the spaces between
 *   them) against a regular expression literal written inside its loop, which
 *   makes a new RegExp object per piece: about 4% of all allocation. It is made
 *   once instead (`.test` of a regular expression without the g or y flag does not
 *   depend on its lastIndex).
 * - The cache's lookup, called for every piece, answered in a new array: one
 *   index, or four numbers per part of a contraction ("can't"). Every caller
 *   reads the answer at once and keeps nothing of it (dd-wrapper.js, doc-v2.js's
 *   isLexeme, automaton.js, cache.js's own hasSamePOS and isOOV; lede never calls
 *   wink's isLexeme), so the one-index answer is now one array, reused: about 12%
 *   of all allocation. A contraction still gets an array of its own.
 */
interface WinkEdit {
  readonly from: string;
  readonly to: string;
}
const WINK_EDITS: ReadonlyMap<string, readonly WinkEdit[]> = new Map([
  ['wink-nlp.js', [{ from: 'rdd.tokens = [];', to: 'rdd.tokens = Array.of();' }]],
  [
    'tokenizer.js',
    [
      {
        from: 'const hasNBSP = ( /[\\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]/ ).test( t );',
        to: 'const hasNBSP = rgxNBSP.test( t );',
      },
      {
        from: '  var tokenize = function ( doc, text ) {',
        to: '  var rgxNBSP = /[\\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]/;\n  var tokenize = function ( doc, text ) {',
      },
    ],
  ],
  [
    'cache.js',
    [
      { from: '  var lookup = function ( text ) {', to: '  var oneIndex = [ 0 ];\n  var lookup = function ( text ) {' },
      { from: '    var tokens = [];\n    var isContraction;', to: '    var tokens;\n    var isContraction;' },
      { from: '        for ( cxi = 0; cxi < cc; cxi += 4 ) {', to: '        tokens = [];\n        for ( cxi = 0; cxi < cc; cxi += 4 ) {' },
      {
        from: "        // Not a contraction, simply add `text`'s `index` to `tokens`.\n        tokens.push( index );",
        to: '        oneIndex[ 0 ] = index;\n        tokens = oneIndex;',
      },
      {
        from: "      // An OOV, only add `text`'s `index` to `tokens`.\n      tokens.push( index );",
        to: '      oneIndex[ 0 ] = index;\n      tokens = oneIndex;',
      },
    ],
  ],
]);
/** wink-nlp's files that WINK_EDITS changes, made from its keys so that an edit of another file cannot be skipped unnoticed. */
const WINK_SOURCE = new RegExp(`[\\\\/]wink-nlp[\\\\/]src[\\\\/](${[...WINK_EDITS.keys()].map((file) => file.replace(/[.]/g, '\\.')).join('|')})$`);
const winkEdits: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lede-wink-edits',
  setup(build) {
    build.onLoad({ filter: WINK_SOURCE }, ({ path }) => {
      const file = path.slice(path.search(/[^\\/]+$/));
      let source = readFileSync(path, 'utf8');
      for (const { from, to } of WINK_EDITS.get(file) ?? []) {
        const pieces = source.split(from);
        if (pieces.length !== 2) {
          throw new Error(`${path}: expected ${JSON.stringify(from)} once, found it ${pieces.length - 1} times; see winkEdits in tsup.config.ts`);
        }
        source = pieces.join(to);
      }
      return { contents: source, loader: 'js' };
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
    esbuildPlugins: [winkEdits],
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
    esbuildPlugins: [winkEdits],
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
    esbuildPlugins: [embeddedData, winkEdits],
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
