/**
 * A TCP port of 127.0.0.1 that nothing listens on now, for the servers that the
 * tests and the bench start of their own (PostgreSQL, Redis). Plain JavaScript
 * (scripts/bench.mjs runs it with node); types in free-port.d.mts.
 */

import { createServer } from 'node:net';

/** Resolves with a port the system handed out and that was closed again at once. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
