/**
 * Errors for wrong use. Each message says what was wrong, where, and what is
 * accepted, so the caller can fix the call without reading the source.
 */

/** A wrong option value or an unknown option name (of `extract` or `createExtractor`). */
export class LedeOptionError extends Error {
  /** The option's path, e.g. 'publishedAt' or 'gazetteer[2].type'. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = 'LedeOptionError';
    this.option = option;
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the string "${value.slice(0, 40)}…"` : `the string "${value}"`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'an object';
  }
}
