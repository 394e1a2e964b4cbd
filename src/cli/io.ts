/**
 * Opening the command line's input and output, with errors that say what to do,
 * and writing with backpressure.
 */

import { createReadStream, createWriteStream, ftruncateSync, openSync, realpathSync, statSync, type ReadStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { UsageError } from './usage.js';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export interface OpenedInput {
  stream: Readable;
  /** Size in bytes when known (a regular file), for the progress bar's ETA. */
  size: number | null;
}

/** Opens a file (or standard input for '-') for reading; a file that cannot be read is a usage error. */
export function openInput(path: string, command: string, what: string): OpenedInput {
  if (path === '-') return { stream: process.stdin, size: null };
  let size: number | null = null;
  let stream: ReadStream;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = stats.isFile() ? stats.size : null;
    stream = createReadStream('', { fd: openSync(path, 'r'), highWaterMark: 256 * 1024 });
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${path}: ${reasonOf(error)}. Pass the path of ${what}, or - to read standard input.`);
  }
  return { stream, size };
}

/** Reads a whole file (or standard input for '-') as UTF-8 text. */
export async function readText(path: string, command: string): Promise<string> {
  const { stream } = openInput(path, command, 'a plain-text article');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${path === '-' ? 'standard input' : path}: ${reasonOf(error)}.`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Refuses an output path that names the input file (writing would destroy the input). */
export function checkOutputPath(path: string, input: string, command: string): void {
  if (input !== '-' && sameFile(path, input)) {
    throw new UsageError(`${command}: the output ${path} is the input file; write to another file with -o.`);
  }
}

/** Opens an output file (truncating it), or refuses with a usage error. */
export function openOutputFile(path: string, input: string, command: string): WriteStream {
  checkOutputPath(path, input, command);
  try {
    return createWriteStream('', { fd: openSync(path, 'w') });
  } catch (error) {
    throw new UsageError(`${command}: cannot write ${path}: ${reasonOf(error)}. Name a file in a writable folder with -o.`);
  }
}

/**
 * Opens an output file to go on writing after its first `offset` bytes (a writer
 * that resumes): what follows them is cut off; a missing file is created when
 * `offset` is 0. A file shorter than `offset` is refused.
 */
export function openOutputFileAt(path: string, input: string, command: string, offset: number): { stream: WriteStream; fd: number } {
  checkOutputPath(path, input, command);
  let fd: number;
  try {
    fd = offset === 0 ? openSync(path, 'w') : openSync(path, 'r+');
  } catch (error) {
    throw new UsageError(`${command}: cannot write ${path}: ${reasonOf(error)}. Name a file in a writable folder with -o.`);
  }
  const size = statSync(path).size;
  if (size < offset) {
    throw new UsageError(`${command}: ${path} holds ${size} bytes, fewer than the ${offset} written to it before: it was changed since; write to a new file with -o.`);
  }
  ftruncateSync(fd, offset);
  return { stream: createWriteStream('', { fd, start: offset }), fd };
}

/** A writable with backpressure: `write` waits for 'drain' when the stream's buffer is full. */
export class OutputWriter {
  private failure: Error | null = null;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  get error(): Error | null {
    return this.failure;
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Ends a file stream and waits until it is written; leaves standard output open. */
  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream === process.stdout) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
