/**
 * An article full of hostile text for the view: markup, event handlers,
 * javascript: links, closing tags of the page's own elements, bidi controls,
 * control characters, lone surrogates, CR LF. `window.__pwned` is what any of it
 * would set if it ran.
 */

export const HOSTILE_ARTICLE = [
  'Moscow <script>window.__pwned = "script"</script> talks: Lavrov meets Mamedyarov',
  'BAKU, Nov 14 - "><img src=x onerror="window.__pwned=\'img\'"> Sergey Lavrov said on Friday that <a href="javascript:window.__pwned=\'link\'">the talks</a> went well.',
  '"We will not </style><style>body{display:none}</style> give in," Lavrov told reporters in Baku.\r\n',
  'According to the Russian Foreign Ministry, </textarea></title></div></main><svg onload="window.__pwned=\'svg\'"> the meeting will resume in March.',
  'Elmar Mammadyarov \u202Etnemetats a deussi\u202C said the \u2066isolate\u2069 and \u200Fmarks\u200E were fine; <iframe src="javascript:window.__pwned=\'frame\'"></iframe>',
  'Control characters: \u0000 \u0001 \u0008 \u000B \u000C \u001B \u007F \u0085 \u009F; lone surrogates: \uD800 and \uDFFF; emoji 🚢 kept.',
  '<!-- comment --> <![CDATA[ x ]]> &amp; &lt;script&gt; &#x3C;script&#x3E; {{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=2}',
  '<base href="http://lede.invalid/"><link rel="stylesheet" href="http://lede.invalid/x.css"><meta http-equiv="refresh" content="0;url=http://lede.invalid/">',
].join('\n');
