/**
 * Helpers of the PostgreSQL tests: a throwaway server per test file (see
 * scripts/lib/pg-cluster.mjs), and queries against it. Without PostgreSQL's
 * binaries the tests are skipped with a message, except under CI=true, where
 * their absence fails them.
 */

import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { findPostgresBin, startCluster, type Cluster } from '../scripts/lib/pg-cluster.mjs';

const IN_CI = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());

export const SKIP_POSTGRES = findPostgresBin() === null && !IN_CI;
if (SKIP_POSTGRES) {
  console.warn(
    '[lede tests] no PostgreSQL binaries (initdb, pg_ctl, postgres) in /usr/lib/postgresql/*/bin or on the PATH: ' +
      'the PostgreSQL tests are skipped (install the Debian package postgresql to run them; under CI=true they fail).',
  );
}

/** A server started before the file's tests and removed after them; `cluster()` returns it. */
export function useCluster(): () => Cluster {
  let cluster: Cluster | null = null;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(() => cluster?.remove());
  return () => {
    if (!cluster) throw new Error('the PostgreSQL test server did not start');
    return cluster;
  };
}

/** Runs `fn` with a connected client whose search_path is `schema`. */
export async function withClient<T>(url: string, schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The rows of one query. */
export function rows<T = Record<string, unknown>>(url: string, schema: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, schema, async (client) => (await client.query(sql, params)).rows as T[]);
}
