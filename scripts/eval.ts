/**
 * npm run eval -- <task> <path>
 *
 *   ner     ../shared/data/conll2003/dev.txt     CoNLL-2003 exact-span P/R/F1 per PER/ORG/LOC
 *   dates   ../shared/data/timebank              TempEval-3 detection and value P/R/F1
 *   quotes  ../shared/data/polnear/dev           PolNeAR quote P/R/F1 and speaker accuracy
 *
 * Every task runs the public extract() on whole documents and prints a table.
 */

const tasks: Record<string, () => Promise<{ main(args: string[]): Promise<void> | void }>> = {
  ner: () => import('./eval/ner.js'),
  dates: () => import('./eval/dates.js'),
  quotes: () => import('./eval/quotes.js'),
};

const [task, ...rest] = process.argv.slice(2);
const load = task ? tasks[task] : undefined;
if (!load) {
  console.error(`usage: npm run eval -- <${Object.keys(tasks).join('|')}> <path>\n(got ${task ? `"${task}"` : 'no task'})`);
  process.exit(2);
}
try {
  await (await load()).main(rest);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
