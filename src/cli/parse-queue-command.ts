/**
 * Reads `lede queue add|work|collect|status …` into a command. Every mistake is
 * a UsageError that says what is accepted.
 */

import { parseArgs } from 'node:util';
import { checkConcurrency } from '../batch/worker-pool.js';
import type { FieldNames } from '../batch/annotate-record.js';
import { LedeOptionError } from '../core/errors.js';
import { checkBatchSize, checkMaxWaiting, checkQueueName, checkRedisUrl, checkStallTimeout, DEFAULT_QUEUE_NAME, DEFAULT_REDIS_URL } from '../queue/options.js';
import { OUTPUT_FORMATS, parseDatabase, type OutputFormat } from './parse-command.js';
import { UsageError } from './usage.js';

export const QUEUE_ACTIONS = ['add', 'work', 'collect', 'status'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

interface QueueTarget {
  kind: 'queue';
  /** Redis URL. */
  redis: string;
  queue: string;
}

export interface QueueAddCommand extends QueueTarget {
  action: 'add';
  /** A file path, or '-' for standard input. */
  input: string;
  fields: FieldNames;
  batchSize: number;
  maxWaiting: number;
}

export interface QueueWorkCommand extends QueueTarget {
  action: 'work';
  workers: number;
  stallTimeoutSeconds: number;
}

export interface QueueCollectCommand extends QueueTarget {
  action: 'collect';
  /** A file path, or null for standard output. */
  output: string | null;
  format: OutputFormat;
  /** postgres: the database URL, or null to take it from the PG* environment variables. */
  database: string | null;
  /** postgres: the schema of the archive's tables. */
  schema: string;
}

export interface QueueStatusCommand extends QueueTarget {
  action: 'status';
}

export type QueueCommand = QueueAddCommand | QueueWorkCommand | QueueCollectCommand | QueueStatusCommand | { kind: 'queue-help' };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  redis: { type: 'string' },
  queue: { type: 'string' },
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  database: { type: 'string' },
  schema: { type: 'string' },
  'text-field': { type: 'string' },
  'date-field': { type: 'string' },
  'id-field': { type: 'string' },
  workers: { type: 'string' },
  batch: { type: 'string' },
  'max-waiting': { type: 'string' },
  'stall-timeout': { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;

const ACCEPTED: Record<QueueAction, readonly OptionName[]> = {
  add: ['redis', 'queue', 'text-field', 'date-field', 'id-field', 'batch', 'max-waiting'],
  work: ['redis', 'queue', 'workers', 'stall-timeout'],
  collect: ['redis', 'queue', 'output', 'format', 'database', 'schema'],
  status: ['redis', 'queue'],
};

const HINT = 'Run `lede queue --help` for the usage.';

function optionName(name: string): string {
  return name === 'output' ? '-o/--output' : `--${name}`;
}

function wholeNumber(value: string | undefined, option: string, check: (n: unknown, option: string) => number, command: string): number {
  const trimmed = value?.trim();
  const number = trimmed !== undefined && /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : value;
  try {
    return check(number, option);
  } catch (error) {
    if (error instanceof LedeOptionError) throw new UsageError(`${command}: ${error.message}`);
    throw error;
  }
}

function checked<T>(command: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof LedeOptionError) throw new UsageError(`${command}: ${error.message} ${HINT}`);
    throw error;
  }
}

function fieldName(value: string | undefined, option: string, fallback: string, command: string): string {
  if (value === undefined) return fallback;
  if (value.trim() === '') throw new UsageError(`${command}: ${option} needs a field name, such as ${option} ${fallback}. ${HINT}`);
  return value;
}

/** `argv` is what follows `lede queue`. */
export function parseQueueCommand(argv: readonly string[]): QueueCommand {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`lede queue: ${reason} ${HINT}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'queue-help' };
  const action = positionals[0];
  if (action === undefined) throw new UsageError(`lede queue: name what to do: lede queue ${QUEUE_ACTIONS.join('|')}. ${HINT}`);
  if (!(QUEUE_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`lede queue: unknown action "${action}"; expected one of ${QUEUE_ACTIONS.join(', ')}. ${HINT}`);
  }
  const command = `lede queue ${action}`;
  const accepted = ACCEPTED[action as QueueAction];
  const misplaced = (Object.keys(values) as OptionName[]).filter((name) => name !== 'help' && values[name] !== undefined && !accepted.includes(name));
  if (misplaced.length > 0) {
    throw new UsageError(`${command}: ${misplaced.map(optionName).join(', ')} ${misplaced.length === 1 ? 'does' : 'do'} not apply here; it takes ${accepted.map(optionName).join(', ')}. ${HINT}`);
  }
  const maxPositionals = action === 'add' ? 2 : 1;
  if (positionals.length > maxPositionals) {
    throw new UsageError(
      action === 'add'
        ? `${command}: expected at most one input (a JSONL file, or - for standard input); got ${positionals.length - 1}: ${positionals.slice(1).join(' ')}. ${HINT}`
        : `${command}: takes no file argument; got ${positionals.slice(1).join(' ')}. ${HINT}`,
    );
  }
  const target: QueueTarget = {
    kind: 'queue',
    redis: checked(command, () => checkRedisUrl(values.redis ?? DEFAULT_REDIS_URL, '--redis')),
    queue: checked(command, () => checkQueueName(values.queue ?? DEFAULT_QUEUE_NAME, '--queue')),
  };

  switch (action as QueueAction) {
    case 'add':
      return {
        ...target,
        action: 'add',
        input: positionals[1] ?? '-',
        fields: {
          text: fieldName(values['text-field'], '--text-field', 'text', command),
          date: fieldName(values['date-field'], '--date-field', 'publishedAt', command),
          id: fieldName(values['id-field'], '--id-field', 'id', command),
        },
        batchSize: wholeNumber(values.batch, '--batch', checkBatchSize, command),
        maxWaiting: wholeNumber(values['max-waiting'], '--max-waiting', checkMaxWaiting, command),
      };
    case 'work':
      return {
        ...target,
        action: 'work',
        workers: wholeNumber(values.workers, '--workers', (n, option) => checkConcurrency(n, option), command),
        stallTimeoutSeconds: wholeNumber(values['stall-timeout'], '--stall-timeout', checkStallTimeout, command),
      };
    case 'collect': {
      const format = values.format ?? 'jsonl';
      if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`${command}: --format must be one of ${OUTPUT_FORMATS.join(', ')}; got "${format}".`);
      }
      if (values.output === '') throw new UsageError(`${command}: -o needs a file name, e.g. -o results.jsonl. ${HINT}`);
      const output = values.output === undefined || values.output === '-' ? null : values.output;
      if (format === 'sqlite' && output === null) throw new UsageError(`${command}: --format sqlite writes a database file: name it with -o, e.g. -o archive.db.`);
      return { ...target, action: 'collect', output, format: format as OutputFormat, ...parseDatabase(format, values, command) };
    }
    case 'status':
      return { ...target, action: 'status' };
  }
}
