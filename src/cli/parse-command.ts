/**
 * Reads the command line into a command: help, version, one article, or annotate.
 * Every mistake is a UsageError that says what is accepted.
 */

import { parseArgs } from 'node:util';
import { checkConcurrency } from '../batch/worker-pool.js';
import { LedeOptionError } from '../core/errors.js';
import { UsageError, usageHint } from './usage.js';
import type { FieldNames } from '../batch/annotate-record.js';
import { DEFAULT_POSTGRES_SCHEMA, OUTPUT_FORMATS, type OutputFormat } from './output-sink.js';
import { parseQueueCommand, type QueueCommand } from './parse-queue-command.js';
import { parseServeCommand, parseViewCommand, SERVE_OPTIONS, type ServeCommand, type ViewCommand } from './view-commands.js';

export { OUTPUT_FORMATS, type OutputFormat };

export interface ExtractCommand {
  kind: 'extract';
  /** A file path, or '-' for standard input. */
  input: string;
  publishedAt: string | undefined;
}

export interface AnnotateCommand {
  kind: 'annotate';
  /** A file path, or '-' for standard input. */
  input: string;
  /** A file path, or null for standard output. */
  output: string | null;
  fields: FieldNames;
  workers: number;
  format: OutputFormat;
  /** postgres: the database URL, or null to take it from the PG* environment variables. */
  database: string | null;
  /** postgres: the schema of the archive's tables. */
  schema: string;
}

export type Command = { kind: 'help' } | { kind: 'version' } | ExtractCommand | AnnotateCommand | QueueCommand | ViewCommand | ServeCommand;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'published-at': { type: 'string' },
  output: { type: 'string', short: 'o' },
  'text-field': { type: 'string' },
  'date-field': { type: 'string' },
  'id-field': { type: 'string' },
  workers: { type: 'string' },
  format: { type: 'string' },
  database: { type: 'string' },
  schema: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
} as const;

const ANNOTATE_ONLY = ['output', 'text-field', 'date-field', 'id-field', 'workers', 'format', 'database', 'schema'] as const;

function optionName(name: string): string {
  return name === 'output' ? '-o/--output' : `--${name}`;
}

function fieldName(value: string | undefined, option: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.trim() === '') throw new UsageError(`lede annotate: ${option} needs a field name, such as ${option} ${fallback}. ${usageHint()}`);
  return value;
}

/** --database and --schema: only for --format postgres, a postgres:// URL, a plain lower-case schema name. */
export function parseDatabase(
  format: string,
  values: { database?: string | undefined; schema?: string | undefined; output?: string | undefined },
  command = 'lede annotate',
): { database: string | null; schema: string } {
  const { database, schema } = values;
  if (format !== 'postgres') {
    const given = (['database', 'schema'] as const).filter((name) => values[name] !== undefined);
    if (given.length > 0) {
      throw new UsageError(`${command}: ${given.map((name) => `--${name}`).join(' and ')} belong${given.length === 1 ? 's' : ''} to --format postgres.`);
    }
    return { database: null, schema: DEFAULT_POSTGRES_SCHEMA };
  }
  if (values.output !== undefined) {
    throw new UsageError(`${command}: --format postgres writes to the database that --database names; -o does not apply.`);
  }
  if (database !== undefined && !/^postgres(?:ql)?:\/\/\S*$/.test(database)) {
    throw new UsageError(
      `${command}: --database must be a URL such as postgres://user@localhost:5432/news (or postgresql://…); got "${database.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')}". Without it, the PG* environment variables name the database.`,
    );
  }
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new UsageError(
      `${command}: --schema must be a plain PostgreSQL name: lower-case letters, digits and _, not starting with a digit, at most 63 characters (default ${DEFAULT_POSTGRES_SCHEMA}); got "${schema}".`,
    );
  }
  return { database: database ?? null, schema: schema ?? DEFAULT_POSTGRES_SCHEMA };
}

function parseWorkers(value: string | undefined): number {
  if (value === undefined) return checkConcurrency(undefined, '--workers');
  const trimmed = value.trim();
  const number = /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  try {
    return checkConcurrency(Number.isNaN(number) ? value : number, '--workers');
  } catch (error) {
    if (error instanceof LedeOptionError) throw new UsageError(`lede annotate: ${error.message}`);
    throw error;
  }
}

/** Whether `argv` is a `lede queue …` command (its options are parsed by parse-queue-command.ts). */
export function isQueueCommand(argv: readonly string[]): boolean {
  return argv[0] === 'queue';
}

export function parseCommand(argv: readonly string[]): Command {
  if (isQueueCommand(argv)) return parseQueueCommand(argv.slice(1));
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`lede: ${reason} ${usageHint()}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals[0] === 'view') return parseViewCommand(values, positionals);
  if (positionals[0] === 'serve') return parseServeCommand(values, positionals);

  if (positionals[0] === 'annotate') {
    if (values['published-at'] !== undefined) {
      throw new UsageError(
        `lede annotate: --published-at applies to one article; give each record its date in a field instead (--date-field, default publishedAt). ${usageHint()}`,
      );
    }
    if (positionals.length > 2) {
      throw new UsageError(`lede annotate: expected at most one input (a JSONL file, or - for standard input); got ${positionals.length - 1}: ${positionals.slice(1).join(' ')}. ${usageHint()}`);
    }
    const format = values.format ?? 'jsonl';
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`lede annotate: --format must be one of ${OUTPUT_FORMATS.join(', ')}; got "${format}".`);
    }
    const output = values.output === undefined || values.output === '-' ? null : values.output;
    if (format === 'sqlite' && output === null) {
      throw new UsageError('lede annotate: --format sqlite writes a database file: name it with -o, e.g. -o archive.db.');
    }
    if (values.output === '') throw new UsageError(`lede annotate: -o needs a file name, e.g. -o out.jsonl. ${usageHint()}`);
    return {
      kind: 'annotate',
      input: positionals[1] ?? '-',
      output,
      fields: {
        text: fieldName(values['text-field'], '--text-field', 'text'),
        date: fieldName(values['date-field'], '--date-field', 'publishedAt'),
        id: fieldName(values['id-field'], '--id-field', 'id'),
      },
      workers: parseWorkers(values.workers),
      format: format as OutputFormat,
      ...parseDatabase(format, values),
    };
  }

  const serveOnly = SERVE_OPTIONS.filter((name) => values[name] !== undefined);
  if (serveOnly.length > 0) throw new UsageError(`lede: ${serveOnly.map(optionName).join(', ')} belong${serveOnly.length === 1 ? 's' : ''} to \`lede serve\`. ${usageHint()}`);
  const misplaced = ANNOTATE_ONLY.filter((name) => values[name] !== undefined);
  if (misplaced.length > 0) {
    throw new UsageError(`lede: ${misplaced.map(optionName).join(', ')} belong${misplaced.length === 1 ? 's' : ''} to \`lede annotate\`. ${usageHint()}`);
  }
  if (positionals.length === 0) {
    throw new UsageError(`lede: name an article file (lede ARTICLE.txt), use - to read standard input (lede - < article.txt), or run lede annotate for JSONL. ${usageHint()}`);
  }
  if (positionals.length > 1) {
    throw new UsageError(`lede: expected one article file; got ${positionals.length}: ${positionals.join(' ')}. For many articles, use lede annotate with JSONL. ${usageHint()}`);
  }
  return { kind: 'extract', input: positionals[0]!, publishedAt: values['published-at'] };
}
