/**
 * A throwaway PostgreSQL server for the tests and the bench: `initdb` in a
 * temporary folder, the server on a free port of 127.0.0.1 with its socket in
 * that folder, trust authentication for the user `postgres`; stopped and removed
 * afterwards. The binaries are found in /usr/lib/postgresql/<version>/bin
 * (Debian's packages; the newest version first) or on the PATH.
 *
 * PostgreSQL refuses to run as root: run as root, the server runs as the system
 * user `postgres` (created by Debian's package), else `nobody`, through runuser.
 *
 * Plain JavaScript (scripts/bench.mjs runs it with node); types in pg-cluster.d.mts.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free-port.mjs';

const TOOLS = ['initdb', 'pg_ctl', 'postgres'];

/** The folder of initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(root, version, 'bin'))
    : [];
  const path = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...versions, ...path].find((dir) => TOOLS.every((tool) => existsSync(join(dir, tool)))) ?? null;
}

/** The unprivileged user to run the server as when we are root: [name, uid, gid]. */
function serverUser() {
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { name, uid, gid };
    } catch {
      // try the next one
    }
  }
  throw new Error('pg-cluster: running as root, and neither the user postgres nor nobody exists to run PostgreSQL as.');
}

/**
 * Creates and starts a cluster. Options: `fsync` (default false: faster, and a
 * test never needs the data to survive a crash of the machine).
 * Returns { url, host, port, dir, stop(), start(), remove(), log() }.
 */
export async function startCluster({ fsync = false } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('pg-cluster: no PostgreSQL binaries (initdb, pg_ctl, postgres) in /usr/lib/postgresql/*/bin or on the PATH.');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? serverUser() : null;
  const dir = mkdtempSync(join(tmpdir(), 'lede-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const port = await freePort();

  const run = (tool, args) => {
    const command = user ? 'runuser' : join(bin, tool);
    const argv = user ? ['-u', user.name, '--', join(bin, tool), ...args] : args;
    const result = spawnSync(command, argv, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' } });
    if (result.status !== 0) {
      throw new Error(`pg-cluster: ${tool} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
    }
    return result.stdout;
  };

  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c fsync=${fsync ? 'on' : 'off'}`,
    `-c full_page_writes=${fsync ? 'on' : 'off'}`,
    '-c max_connections=20',
  ].join(' ');
  let running = false;
  const cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    host: '127.0.0.1',
    port,
    dir,
    /** Starts the server (again) on the same port. */
    start() {
      run('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start']);
      running = true;
    },
    /** Stops the server: 'fast' rolls back open transactions and ends connections. */
    stop(mode = 'fast') {
      if (!running) return;
      run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    /** Stops the server and removes its folder. */
    remove() {
      try {
        cluster.stop('immediate');
      } finally {
        process.off('exit', onExit);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    /** The server's log, for failure messages. */
    log() {
      return existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    },
  };
  // A test run that ends early must not leave a server behind.
  const onExit = () => {
    try {
      cluster.stop('immediate');
    } catch {
      // nothing more to do on the way out
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    cluster.start();
  } catch (error) {
    cluster.remove();
    throw error;
  }
  return cluster;
}
