/**
 * `lede serve [--port 4173] [--host 127.0.0.1]`: a local page where one pastes or
 * drops an article and sees what lede finds; the extraction runs in the page.
 * Runs until Ctrl-C (SIGINT) or SIGTERM, then closes its connections and exits 0.
 */

import { ServeError, startServer } from '../serve/server.js';
import { UsageError } from './usage.js';
import type { ServeCommand } from './view-commands.js';

export async function runServe(command: ServeCommand): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(command);
  } catch (error) {
    if (error instanceof ServeError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(`lede serve: ${server.url}\n  Paste or drop an article there; lede reads it in your browser, and nothing is sent anywhere. Ctrl-C stops.\n`);
  if (command.host !== '127.0.0.1' && command.host !== 'localhost' && command.host !== '::1') {
    process.stderr.write(`lede serve: listening on ${command.host}, so other machines can open the page (articles still stay in each browser).\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  process.stdout.write('lede serve: stopped\n');
}
