/**
 * `lede view ARTICLE.txt [--published-at DATE] [-o OUT.html]`: the article with
 * what lede found in it, as one self-contained HTML page (renderHtml).
 */

import { writeFileSync } from 'node:fs';
import { renderHtml } from '../index.js';
import { readAndExtract } from './extract-command.js';
import { checkOutputPath } from './io.js';
import { UsageError } from './usage.js';
import type { ViewCommand } from './view-commands.js';

export async function runView(command: ViewCommand): Promise<void> {
  const { text, extraction, options } = await readAndExtract(command.input, command.publishedAt, 'lede view', 'lede view: ');
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
