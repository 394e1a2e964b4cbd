/// <reference lib="dom" />
/**
 * The script of `lede serve`'s page (built to dist/serve-app.js for browsers):
 * loads the browser build, extracts from the article in the page as it is typed,
 * pasted or dropped, and draws renderHtml's view into a sandboxed frame. Nothing is
 * sent anywhere (the page's policy refuses every connection).
 */

export {};

type Lede = typeof import('../browser/index.js');

/** The browser build, served next to this script (a variable, so that the bundler leaves it to the browser). */
const BROWSER_BUILD = './browser.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`lede serve: the page has no #${id}`);
  return found as T;
}

const article = element<HTMLTextAreaElement>('article');
const published = element<HTMLInputElement>('published');
const file = element<HTMLInputElement>('file');
const sample = element<HTMLButtonElement>('sample');
const download = element<HTMLButtonElement>('download');
const status = element<HTMLParagraphElement>('status');
const view = element<HTMLIFrameElement>('view');

let lede: Lede | null = null;
let latest: { json: string; name: string } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

function update(): void {
  if (!lede) return;
  const text = article.value;
  const publishedAt = published.value === '' ? undefined : published.value;
  try {
    const started = performance.now();
    const extraction = lede.extract(text, publishedAt === undefined ? undefined : { publishedAt });
    const took = performance.now() - started;
    view.srcdoc = lede.renderHtml(text, extraction, publishedAt === undefined ? undefined : { publishedAt });
    latest = { json: `${JSON.stringify(extraction, null, 2)}\n`, name: 'lede-extraction.json' };
    download.disabled = false;
    status.textContent = text.trim() === ''
      ? 'Paste an article, drop a text file, or try the sample.'
      : [
          plural(extraction.people.length, 'person', 'people'),
          plural(extraction.organizations.length, 'organisation', 'organisations'),
          plural(extraction.places.length, 'place', 'places'),
          plural(extraction.dates.length, 'date', 'dates'),
          plural(extraction.quotes.length, 'quote', 'quotes'),
        ].join(' · ') + ` — read in ${Math.round(took)} ms, in this page`;
  } catch (error) {
    latest = null;
    download.disabled = true;
    status.textContent = error instanceof Error ? error.message : String(error);
  }
}

function later(): void {
  clearTimeout(timer);
  timer = setTimeout(update, 250);
}

async function open(files: FileList | null | undefined): Promise<void> {
  const first = files?.[0];
  if (!first) return;
  article.value = await first.text();
  update();
}

article.addEventListener('input', later);
published.addEventListener('change', update);
file.addEventListener('change', () => void open(file.files));
sample.addEventListener('click', () => {
  const template = element<HTMLTemplateElement>('sample-article');
  article.value = template.content.textContent ?? '';
  published.value = template.dataset.publishedAt ?? '';
  update();
});
download.addEventListener('click', () => {
  if (!latest) return;
  const url = URL.createObjectURL(new Blob([latest.json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = latest.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
});
article.addEventListener('dragover', (event) => {
  event.preventDefault();
  article.classList.add('dragging');
});
article.addEventListener('dragleave', () => article.classList.remove('dragging'));
article.addEventListener('drop', (event) => {
  event.preventDefault();
  article.classList.remove('dragging');
  void open(event.dataTransfer?.files);
});

const loading = performance.now();
import(BROWSER_BUILD).then(
  (module: Lede) => {
    lede = module;
    status.textContent = `lede loaded in ${Math.round(performance.now() - loading)} ms. Paste an article, drop a text file, or try the sample.`;
    document.documentElement.dataset.ready = 'true';
    if (article.value !== '') update();
  },
  (error: unknown) => {
    status.textContent = `lede could not load its browser build: ${error instanceof Error ? error.message : String(error)}`;
  },
);
