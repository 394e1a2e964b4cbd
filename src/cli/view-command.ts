/**
 * `lede view ARTICLE.txt [--published-at DATE] [-o OUT.html]`: the article with
 * what lede found in it, as one self-contained HTML page (renderHtml).
 */

import { writeFileSync } from 'node:fs';
import { extract, LedeOptionError, renderHtml, type Extraction } from '../index.js';
import { checkOutputPath, readText } from './io.js';
import { UsageError } from './usage.js';
import type { ViewCommand } from './view-commands.js';

export async function runView(command: ViewCommand): Promise<void> {
  const text = await readText(command.input, 'lede view');
  const options = command.publishedAt === undefined ? undefined : { publishedAt: command.publishedAt };
  let extraction: Extraction;
  try {
    extraction = extract(text, options);
  } catch (error) {
    if (error instanceof LedeOptionError || error instanceof TypeError) throw new UsageError(`lede view: ${error.message}`);
    throw error;
  }
  const page = renderHtml(text, extraction, options);
  if (command.output === null) {
    process.stdout.write(page);
    return;
  }
  checkOutputPath(command.output, command.input, 'lede view');
  try {
    writeFileSync(command.output, page);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`lede view: cannot write ${command.output}: ${reason}. Name a file in a writable folder with -o.`);
  }
}
