/**
 * Escaping for the view's HTML. Every character of the article and of every name
 * goes through `escapeHtml`, in element content and in double-quoted attribute
 * values alike, so that the page's DOM text is the input's text:
 *   - & < > " ' become character references;
 *   - CR becomes &#13; (a literal CR would be folded into the next LF, or turned
 *     into one, by the HTML parser's input preprocessing);
 *   - U+0000 and lone surrogates, which no HTML document can carry (the parser
 *     drops NUL; UTF-8 cannot encode a lone surrogate), become U+FFFD, one code
 *     unit for one, so offsets into the text stay those of the input.
 * Everything else (other control characters, bidi controls, C1 controls) is
 * written as itself: a numeric reference to U+0080..U+009F would be read as
 * Windows-1252.
 */

const UNSAFE = /[&<>"'\r\0\uD800-\uDFFF]/g;

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
  '\0': '\uFFFD',
};

export function escapeHtml(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (char, offset: number, whole: string) => {
    const reference = REFERENCES[char];
    if (reference !== undefined) return reference;
    // A surrogate: kept when it is half of a pair, U+FFFD when it stands alone.
    const code = char.charCodeAt(0);
    if (code <= 0xdbff) {
      const next = whole.charCodeAt(offset + 1);
      return next >= 0xdc00 && next <= 0xdfff ? char : '\uFFFD';
    }
    const previous = whole.charCodeAt(offset - 1);
    return previous >= 0xd800 && previous <= 0xdbff ? char : '\uFFFD';
  });
}

/** The text a page shows for `text`: what `escapeHtml` writes, as the browser reads it back. */
export function displayedText(text: string): string {
  return text.replace(/\0/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** At most `limit` UTF-16 code units of `text`, never ending inside a surrogate pair, with '…' when cut. */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
