/**
 * The page of `lede serve`: a form for an article and its publication date, and
 * the view of what lede finds in it, drawn by renderHtml into a sandboxed frame.
 * The page's script (app.ts, built to dist/serve-app.js) runs the browser build
 * (dist/browser.js) in the page: the article never leaves the browser, and the
 * page's Content-Security-Policy refuses every connection to make sure of it.
 */

import { escapeHtml } from '../view/escape-html.js';
import { viewHashes } from '../view/content-security-policy.js';

/** The policy of the page (an HTTP header). The view's frame inherits it, so it also allows the view's style and script by hash. */
export function pageContentSecurityPolicy(): string {
  const { style, script } = viewHashes();
  return [
    "default-src 'none'",
    `script-src 'self' ${script}`,
    `style-src 'self' ${style}`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'self'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const PAGE_STYLE = `:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1b1b;--muted:#575757;--line:#d0d0c8;--accent:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#ececec;--muted:#b4b4b4;--line:#3b3b3b;--accent:#8ab4f8}}
*{box-sizing:border-box}
html,body{height:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;display:grid;grid-template-rows:auto 1fr}
header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.6rem 1rem;border-bottom:1px solid var(--line)}
h1{font-size:1.05rem;margin:0}
.controls{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
label{color:var(--muted)}
input,button,textarea{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.3rem .6rem}
button{cursor:pointer}
button:disabled{opacity:.5;cursor:default}
:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
#status{color:var(--muted);margin:0;flex-basis:100%}
main{display:grid;grid-template-columns:minmax(18rem,1fr) 2fr;min-height:0}
@media (max-width:60rem){main{grid-template-columns:1fr;grid-template-rows:16rem 1fr}}
#article{width:100%;height:100%;resize:none;border:0;border-right:1px solid var(--line);border-radius:0;padding:1rem;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
#article.dragging{outline:3px dashed var(--accent);outline-offset:-6px}
#view{width:100%;height:100%;border:0;background:var(--bg)}
.hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
`;

/** The page, with the sample article to try (escaped, read by the script as text). */
export function pageHtml(sampleArticle: string, samplePublishedAt: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>lede · see what lede finds</title>
<link rel="stylesheet" href="/app.css">
<script type="module" src="/app.js"></script>
</head>
<body>
<header>
<h1>lede</h1>
<div class="controls">
<label for="published">published</label> <input id="published" type="date">
<label class="hidden" for="file">open a text file</label><input id="file" type="file" accept=".txt,text/plain">
<button id="sample" type="button">Try the sample</button>
<button id="download" type="button" disabled>Download JSON</button>
</div>
<p id="status" role="status" aria-live="polite">Loading lede…</p>
</header>
<main>
<textarea id="article" spellcheck="false" aria-label="article text" placeholder="Paste an article here, or drop a text file. It is read in this page: nothing is sent anywhere."></textarea>
<iframe id="view" title="what lede found" sandbox="allow-scripts"></iframe>
</main>
<template id="sample-article" data-published-at="${escapeHtml(samplePublishedAt)}">${escapeHtml(sampleArticle)}</template>
</body>
</html>
`;
}
