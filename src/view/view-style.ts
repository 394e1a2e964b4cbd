/**
 * The view's style sheet: one constant, so that the page's Content-Security-Policy
 * allows exactly it by its hash. Per-entity colours are classes: a colour family
 * per type (people blue, organisations green, places orange), six shades in each
 * (`s0`..`s5`, given to the entities of a type in order of salience), dates purple,
 * quotes a pale tint with an underline whose style is the kind (direct solid, mixed
 * dashed, indirect dotted). Light and dark schemes; print always uses the light one.
 * The article's highlights carry no per-element isolation or box decoration: over
 * the tens of thousands of highlights of a 1 MB article, those double the layout
 * time (names in the panel and the tip are isolated from the text around them).
 */

const SHADES = [0, -16, 16, -8, 8, 24];
const TYPES: [string, number][] = [
  ['person', 214],
  ['organization', 152],
  ['place', 28],
];

const shadeRules = TYPES.map(([type, hue]) => SHADES.map((offset, shade) => `.t-${type}.s${shade}{--h:${hue + offset}}`).join('')).join('\n');
const typeRules = TYPES.map(([type, hue]) => `.t-${type}{--h:${hue}}`).join('');
const barRules = Array.from({ length: 11 }, (_, step) => `.b${step}{width:${step * 10}%}`).join('');

export const VIEW_STYLE = `
:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1b1b;--muted:#575757;--line:#d6d6d0;--panel:#f3f3ef;--focus:#0b57d0;
--ml:87%;--ms:80%;--al:73%;--as:85%;--ol:32%;--date-bg:hsl(280 65% 93%);--date-line:hsl(280 45% 42%);--date-on:hsl(280 70% 82%);
--quote-bg:hsl(52 70% 92%);--quote-on:hsl(52 95% 78%);--quote-line:hsl(38 80% 30%);--track:#e2e2dc;--tip-bg:#1b1b1b;--tip-fg:#fdfdfb}
@media screen and (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#ececec;--muted:#b4b4b4;--line:#3b3b3b;--panel:#1f1f1f;--focus:#8ab4f8;
--ml:29%;--ms:45%;--al:42%;--as:55%;--ol:78%;--date-bg:hsl(280 28% 26%);--date-line:hsl(280 60% 78%);--date-on:hsl(280 40% 40%);
--quote-bg:hsl(48 22% 20%);--quote-on:hsl(48 45% 32%);--quote-line:hsl(42 75% 65%);--track:#3a3a3a;--tip-bg:#ececec;--tip-fg:#161616}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
header{padding:1rem 1.5rem .5rem;border-bottom:1px solid var(--line)}
h1{font-size:1.15rem;margin:0 0 .25rem;unicode-bidi:isolate}
h2{font-size:.95rem;margin:1.25rem 0 .5rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.meta{color:var(--muted);margin:0}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;list-style:none;margin:.5rem 0 0;padding:0;font-size:.85rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,24rem);gap:2rem;max-width:84rem;margin:0 auto;padding:1.25rem 1.5rem 4rem}
@media (max-width:56rem){.layout{grid-template-columns:minmax(0,1fr)}}
.text{white-space:pre-wrap;font:1.08rem/1.8 Georgia,Cambria,"Times New Roman",serif;max-width:74ch;margin:0}
.panel{align-self:start;position:sticky;top:.75rem;max-height:calc(100vh - 1.5rem);overflow:auto;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:0 1rem 1rem}
@media (max-width:56rem){.panel{position:static;max-height:none}}
.panel ol{list-style:none;margin:0;padding:0}
.panel li{padding:.4rem .5rem;border-radius:6px;margin:0 -.5rem}
.panel li.on{background:var(--bg);outline:1px solid var(--line)}
.panel a{color:inherit}
.name{font-weight:600;unicode-bidi:isolate}
.type,.count,.sal,.extra,.kind,.dtype{color:var(--muted);font-size:.85rem}
.extra{display:block;unicode-bidi:isolate}
.bar{display:inline-block;vertical-align:middle;width:4rem;height:.45rem;background:var(--track);border-radius:3px;overflow:hidden;margin:0 .3rem}
.fill{display:block;height:100%;background:hsl(var(--h) 60% 45%)}
${barRules}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:3px;vertical-align:-.1em;margin-right:.3em;background:hsl(var(--h) var(--ms) var(--ml));border:1px solid hsl(var(--h) 50% var(--ol))}
.value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;unicode-bidi:isolate}
.said{display:block;font-style:italic;unicode-bidi:isolate}
.m{background:hsl(var(--h) var(--ms) var(--ml));border-radius:3px;padding:0 1px;cursor:default}
.m.on{background:hsl(var(--h) var(--as) var(--al));outline:2px solid hsl(var(--h) 70% var(--ol));outline-offset:0}
.d{background:var(--date-bg);border-bottom:2px dotted var(--date-line)}
.d.on{background:var(--date-on);outline:2px solid var(--date-line)}
.q{background:var(--quote-bg);text-decoration-line:underline;text-decoration-color:var(--quote-line);text-decoration-thickness:2px;text-underline-offset:.3em}
.k-direct{text-decoration-style:solid}.k-mixed{text-decoration-style:dashed}.k-indirect{text-decoration-style:dotted}
.q.on{background:var(--quote-on)}
.cue{font-weight:700;border-bottom:2px solid var(--quote-line)}
.spk{border-bottom:3px double var(--quote-line)}
.cue.on,.spk.on{outline:2px solid var(--quote-line)}
.legend .q,.legend .d,.legend .cue,.legend .spk,.legend .m{padding:0 .2em}
.kind{border:1px solid var(--quote-line);border-radius:4px;padding:0 .3em;margin-right:.3em}
[tabindex]:focus{outline:3px solid var(--focus);outline-offset:1px}
#tip{position:fixed;right:1rem;bottom:1rem;max-width:min(26rem,92vw);background:var(--tip-bg);color:var(--tip-fg);padding:.45rem .8rem;border-radius:6px;box-shadow:0 2px 10px rgb(0 0 0 / .3);white-space:pre-line;unicode-bidi:isolate;z-index:1}
#tip[hidden]{display:none}
${typeRules}
${shadeRules}
@media print{html{background:#fff;color:#000}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.layout{display:block;padding:0;max-width:none}.panel{position:static;max-height:none;overflow:visible;border:0;background:none;padding:0;margin-top:1.5rem}
.panel li{break-inside:avoid}.text{max-width:none}#tip{display:none}a{text-decoration:none}.m.on,.d.on,.q.on,.cue.on,.spk.on{outline:none}}
`;
