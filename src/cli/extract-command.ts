/**
 * `lede ARTICLE.txt [--published-at DATE]` and `lede - < article.txt`: one article,
 * its extraction as indented JSON on standard output.
 */

import { extract, LedeOptionError, type Extraction } from '../index.js';
import { UsageError } from './usage.js';
import { readText } from './io.js';
import type { ExtractCommand } from './parse-command.js';

/** One article read from a file or standard input, and its extraction; a wrong option is a UsageError (prefixed with `prefix`). */
export async function readAndExtract(
  input: string,
  publishedAt: string | undefined,
  command: string,
  prefix = '',
): Promise<{ text: string; extraction: Extraction; options: { publishedAt: string } | undefined }> {
  const text = await readText(input, command);
  const options = publishedAt === undefined ? undefined : { publishedAt };
  try {
    return { text, extraction: extract(text, options), options };
  } catch (error) {
    // A wrong option (a bad --published-at): the library's message says what is accepted.
    if (error instanceof LedeOptionError || error instanceof TypeError) throw new UsageError(`${prefix}${error.message}`);
    throw error;
  }
}

export async function runExtract(command: ExtractCommand): Promise<void> {
  const { extraction } = await readAndExtract(command.input, command.publishedAt, 'lede');
  process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
}
