/**
 * The command line's help text and its usage errors (exit status 2).
 */

import { defaultConcurrency } from '../batch/worker-pool.js';

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

  -h, --help            show this help
  -v, --version         show lede's version

Exit status: 0 when the input was read to the end (bad records included);
2 for a wrong command line or unreadable input.`;
}

export function usageHint(): string {
  return 'Run `lede --help` for the usage.';
}
