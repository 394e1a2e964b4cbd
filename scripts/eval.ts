/**
 * npm run eval -- <task> <path>
 *
 *   ner     ../shared/data/conll2003/dev.txt     CoNLL-2003 exact-span P/R/F1 per PER/ORG/LOC
 *   ner     ../shared/data/ner-extra/uner-ewt/dev.txt   the same on a ner-extra dev file (also gum/, wnut17/)
 *   dates   ../shared/data/timebank              TempEval-3 detection and value P/R/F1
 *   quotes  ../shared/data/polnear/dev           PolNeAR quote P/R/F1 and speaker accuracy
 *
 * Every task runs the public extract() on whole documents and prints a table.
 */

interface EvalTask {
  main(args: string[]): Promise<void> | void;
}

const TASKS = ['ner', 'dates', 'quotes'] as const;

export {};

const [task, ...rest] = process.argv.slice(2);
if (!task || !(TASKS as readonly string[]).includes(task)) {
  console.error(`usage: npm run eval -- <${TASKS.join('|')}> <path>\n(got ${task ? `"${task}"` : 'no task'})`);
  process.exit(2);
}
try {
  const module = (await import(`./eval/${task}.ts`)) as EvalTask;
  await module.main(rest);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
