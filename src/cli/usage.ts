/**
 * The command line's help text and its usage errors (exit status 2).
 */

import { defaultConcurrency } from '../batch/worker-pool.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_WAITING, DEFAULT_QUEUE_NAME, DEFAULT_REDIS_URL, DEFAULT_STALL_TIMEOUT_S } from '../queue/options.js';

/** A wrong command line or unreadable input: the message says what to do; exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

export function helpText(): string {
  return `lede: people, organisations, places, dates and quotes (with speakers) from English news

Usage:
  lede ARTICLE.txt [--published-at DATE]      one article: its extraction as JSON on standard output
  lede - [--published-at DATE] < article.txt  the same, reading the article from standard input
  lede annotate [IN.jsonl|-] [-o OUT] [options]
                                              many articles: one JSON object per input line,
                                              one result per output line, in input order
  lede queue add|work|collect|status [options]
                                              many machines: annotate on BullMQ over Redis
                                              (lede queue --help)
  lede view ARTICLE.txt|- [--published-at DATE] [-o OUT.html]
                                              one article and what lede found in it, as one
                                              self-contained HTML page (standard output without -o)
  lede serve [--port 4173] [--host 127.0.0.1] a local page: paste or drop an article, see the view;
                                              lede runs in the browser (Ctrl-C stops)

One article:
  --published-at DATE   publication date, e.g. 2024-11-14 or 2024-11-14T09:30:00Z;
                        relative dates ("on Wednesday") are resolved against it

annotate (reads standard input when IN is - or absent):
  -o, --output FILE     write to FILE instead of standard output (required for sqlite)
  --text-field NAME     field of a record that holds the article text (default: text)
  --date-field NAME     field that holds its publication date (default: publishedAt)
  --id-field NAME       field that holds its id (default: id); a record without a
                        string or number id gets its line number (from 1) as id
  --workers N           worker threads (default: the number of cores, here ${defaultConcurrency()})
  --format FORMAT       jsonl (default): {"id": …, …extraction} per line, or
                          {"id": …, "error": {"code": …, "message": …}} for a bad record
                        es-bulk: Elasticsearch/OpenSearch bulk NDJSON (POST /<index>/_bulk);
                          bad records are reported on standard error
                        sqlite: a SQLite archive with full-text search (needs -o FILE and
                          the package better-sqlite3@12); bad records are reported on
                          standard error
                        postgres: the same archive in PostgreSQL (needs --database and
                          the package pg@8): upserted by id, one transaction per batch;
                          bad records are reported on standard error
  --database URL        postgres: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE
                          (default: the PGHOST, PGPORT, PGDATABASE, PGUSER variables)
  --schema NAME         postgres: the schema that holds the tables (default: lede)

  -h, --help            show this help
  -v, --version         show lede's version

Exit status: 0 when the input was read to the end (bad records included);
2 for a wrong command line or unreadable input.`;
}

export function queueHelpText(): string {
  return `lede queue: annotate on many machines, through a queue (BullMQ over Redis)

Usage:
  lede queue add [IN.jsonl|-] [options]   one producer: the input's records into jobs
  lede queue work [options]               on every machine: annotate jobs, results to Redis
  lede queue collect [-o OUT] [options]   one collector: every result in input order
  lede queue status [options]             jobs, records annotated and collected, rate, time left

Every action:
  --redis URL           Redis, e.g. redis://HOST:6379, redis://:PASSWORD@HOST:6379/0 or
                        rediss://HOST:6380 for TLS (default ${DEFAULT_REDIS_URL})
  --queue NAME          the queue (default ${DEFAULT_QUEUE_NAME}); one queue per input

add (reads standard input when IN is - or absent):
  --text-field, --date-field, --id-field   as for lede annotate
  --batch N             records per job (default ${DEFAULT_BATCH_SIZE})
  --max-waiting N       wait while more than N jobs wait for workers (default ${DEFAULT_MAX_WAITING})
  The same input added again adds nothing; an input that grew adds its new records.

work (until Ctrl-C or SIGTERM, which finish the current jobs first):
  --workers N           worker threads (default: the number of cores, here ${defaultConcurrency()})
  --stall-timeout S     seconds after which the jobs of a worker that stopped (killed, machine
                        lost) are retried by the others (default ${DEFAULT_STALL_TIMEOUT_S})

collect (until every record of the input is written; run it again after a stop to go on):
  -o, --output FILE     write to FILE (resumable) instead of standard output
  --format FORMAT       jsonl (default), es-bulk, sqlite or postgres, as for lede annotate
  --database URL        postgres: as for lede annotate (or the PG* environment variables)
  --schema NAME         postgres: the schema of the archive's tables (default lede)

Needs the package bullmq@5 next to lede (npm install bullmq@5) and Redis 6.2 or later,
best with appendonly yes. Exit status: 0 when done; 2 for a wrong command line, Redis out
of reach, or a queue of another application or lede version.`;
}

export function usageHint(): string {
  return 'Run `lede --help` for the usage.';
}
