/** Types of pg-cluster.mjs: a throwaway PostgreSQL server for the tests and the bench. */

export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication). */
  url: string;
  host: string;
  port: number;
  /** The temporary folder: data, socket and log. */
  dir: string;
  /** Starts the server (again) on the same port. */
  start(): void;
  /** Stops the server ('fast' by default: open transactions are rolled back, connections ended). */
  stop(mode?: 'smart' | 'fast' | 'immediate'): void;
  /** Stops the server and removes its folder. */
  remove(): void;
  /** The server's log. */
  log(): string;
}

/** The folder of initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null;

/** Creates and starts a cluster in a temporary folder, on a free port of 127.0.0.1. */
export function startCluster(options?: { fsync?: boolean }): Promise<Cluster>;
