/**
 * The `lede` command (built to dist/cli.js). See `lede --help` and the README.
 * Exit status: 0 when the input was read to the end, 2 for a wrong command line,
 * a wrong option (such as a bad --published-at) or unreadable input.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedeOptionError } from '../core/errors.js';
import { packageRoot } from '../node/data-dir.js';
import { isQueueCommand, parseCommand } from './parse-command.js';
import { EXIT_OK, EXIT_USAGE, helpText, queueHelpText, UsageError } from './usage.js';

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.kind) {
      case 'help':
        process.stdout.write(`${helpText()}\n`);
        return EXIT_OK;
      case 'version':
        process.stdout.write(`${version()}\n`);
        return EXIT_OK;
      // Loaded on demand: `annotate` never loads the language model on the main thread.
      case 'extract':
        await (await import('./extract-command.js')).runExtract(command);
        return EXIT_OK;
      case 'annotate':
        await (await import('./annotate-command.js')).runAnnotate(command);
        return EXIT_OK;
      case 'queue-help':
        process.stdout.write(`${queueHelpText()}\n`);
        return EXIT_OK;
      case 'queue':
        return await (await import('./queue-command.js')).runQueue(command);
      case 'view':
        await (await import('./view-command.js')).runView(command);
        return EXIT_OK;
      case 'serve':
        await (await import('./serve-command.js')).runServe(command);
        return EXIT_OK;
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof LedeOptionError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader of standard output went away (`lede … | head`): stop quietly.
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
  throw error;
});

/** Resolves once what was written to `stream` so far has been handed to the system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const argv = process.argv.slice(2);
process.exitCode = await main(argv);
if (isQueueCommand(argv)) {
  // A queue command has closed its Redis connections when it returns, but ioredis's reply
  // parser (redis-parser 3) shrinks its buffer pool by a tenth every 50 ms on a timer that
  // holds the process open until the pool is under 50 KB: after a batch's results (about
  // 1 MB), `lede queue collect` stayed alive some 2 s after its work was done.
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit();
}
