/**
 * `lede ARTICLE.txt [--published-at DATE]` and `lede - < article.txt`: one article,
 * its extraction as indented JSON on standard output.
 */

import { extract, LedeOptionError, type Extraction } from '../index.js';
import { UsageError } from './usage.js';
import { readText } from './io.js';
import type { ExtractCommand } from './parse-command.js';

export async function runExtract(command: ExtractCommand): Promise<void> {
  const text = await readText(command.input, 'lede');
  const options = command.publishedAt === undefined ? undefined : { publishedAt: command.publishedAt };
  let extraction: Extraction;
  try {
    extraction = extract(text, options);
  } catch (error) {
    // A wrong option (a bad --published-at): the library's message says what is accepted.
    if (error instanceof LedeOptionError || error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
}
