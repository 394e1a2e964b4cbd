/**
 * `lede view` and `lede serve` on the command line: their commands, read from the
 * parsed arguments (parse-command.ts hands them over), and their usage errors.
 */

import { UsageError, usageHint } from './usage.js';

export interface ViewCommand {
  kind: 'view';
  /** A file path, or '-' for standard input. */
  input: string;
  /** A file path, or null for standard output. */
  output: string | null;
  publishedAt: string | undefined;
}

export interface ServeCommand {
  kind: 'serve';
  port: number;
  host: string;
}

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

/** The options of the command line that `lede serve` takes. */
export const SERVE_OPTIONS = ['port', 'host'] as const;

type Values = Record<string, string | boolean | undefined>;

function rejectOthers(values: Values, allowed: readonly string[], command: string): void {
  const others = Object.keys(values).filter((name) => values[name] !== undefined && !allowed.includes(name));
  if (others.length > 0) {
    const shown = others.map((name) => (name === 'output' ? '-o/--output' : `--${name}`)).join(', ');
    throw new UsageError(`${command}: ${shown} ${others.length === 1 ? 'is not an option' : 'are not options'} of ${command}. ${usageHint()}`);
  }
}

export function parseViewCommand(values: Values, positionals: readonly string[]): ViewCommand {
  rejectOthers(values, ['published-at', 'output'], 'lede view');
  if (positionals.length !== 2) {
    throw new UsageError(`lede view: name one article file (lede view ARTICLE.txt), or - to read standard input; got ${positionals.length - 1}. ${usageHint()}`);
  }
  const output = values.output as string | undefined;
  if (output === '') throw new UsageError(`lede view: -o needs a file name, e.g. -o article.html. ${usageHint()}`);
  return {
    kind: 'view',
    input: positionals[1]!,
    output: output === undefined || output === '-' ? null : output,
    publishedAt: values['published-at'] as string | undefined,
  };
}

export function parseServeCommand(values: Values, positionals: readonly string[]): ServeCommand {
  rejectOthers(values, SERVE_OPTIONS, 'lede serve');
  if (positionals.length > 1) throw new UsageError(`lede serve: takes no file (paste or drop the article in the page); got ${positionals.slice(1).join(' ')}. ${usageHint()}`);
  const portText = (values.port as string | undefined)?.trim();
  let port = DEFAULT_PORT;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) throw new UsageError(`lede serve: --port must be a port number from 0 to 65535 (0 picks a free one); got "${String(values.port)}".`);
  }
  const host = (values.host as string | undefined)?.trim() ?? DEFAULT_HOST;
  if (host === '') throw new UsageError(`lede serve: --host needs an address, such as --host ${DEFAULT_HOST}.`);
  return { kind: 'serve', port, host };
}
