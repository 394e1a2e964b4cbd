/**
 * Marks that do not quote anyone: titles of works ('the film "Star Wars"'), nicknames
 * (Dwayne "The Rock" Johnson), scare quotes and terms ('so-called "reforms"').
 * Only quotes that no cue attributes are judged here; a quoted fragment inside
 * reported speech is kept by the reported-speech reader as a mixed quote.
 */

import type { QuoteContext, TopQuote } from './quote-context.js';

/** Words before a quote that announce a title or a term rather than speech. */
const TITLE_INTRODUCERS = new Set([
  'book', 'books', 'novel', 'film', 'films', 'movie', 'movies', 'song', 'songs', 'album', 'show', 'series', 'program',
  'programme', 'play', 'poem', 'article', 'op-ed', 'column', 'essay', 'headline', 'slogan', 'hashtag', 'term', 'terms',
  'word', 'words', 'phrase', 'label', 'titled', 'entitled', 'called', 'dubbed', 'named', 'nicknamed', 'known', 'as',
  'so-called', 'report', 'episode', 'documentary', 'magazine', 'newspaper', 'brand', 'campaign', 'operation', 'bill', 'act',
]);
const SMALL_TITLE_WORDS = new Set(['of', 'and', 'the', 'a', 'an', 'in', 'on', 'for', 'to', 'at', 'by', 'with', 'or', 'from']);
/** A quote of fewer words than this, without sentence punctuation, is a term or a scare quote unless reported speech takes it. */
const MIN_WORDS_OF_A_LONE_QUOTE = 5;

export type NotQuoteReason = 'title' | 'nickname' | 'scare-quote' | 'empty' | 'pull-quote';

/** A paragraph that is only a short quote in single marks is a pull quote or a heading ('A healthy environment.'), not speech. */
const MAX_WORDS_OF_A_PULL_QUOTE = 8;

/** 'War and Peace', 'Fox and Friends.': every word capitalised but the small ones. */
export function isTitleCase(content: string): boolean {
  const contentWords = words(content);
  return contentWords.length > 0 && contentWords.length <= 10 &&
    contentWords.every((word, i) => /^[\p{Lu}\p{N}]/u.test(word) || (i > 0 && SMALL_TITLE_WORDS.has(word.toLowerCase())));
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Why a quote that no cue attributes is not a quote, or null when it reads as speech. */
export function notAQuoteReason(ctx: QuoteContext, quote: TopQuote): NotQuoteReason | null {
  const { tokens, text } = ctx;
  const content = text.slice(quote.contentStart, quote.contentEnd);
  const contentWords = words(content);
  if (contentWords.length === 0) return 'empty';
  if (quote.single && contentWords.length < MAX_WORDS_OF_A_PULL_QUOTE) {
    const paragraph = ctx.doc.paragraphs[quote.paragraph]!;
    if (text.slice(paragraph.start, quote.open).trim() === '' && text.slice(quote.closeEnd >= 0 ? quote.closeEnd : paragraph.end, paragraph.end).trim().length <= 1) return 'pull-quote';
  }
  const before = tokens[quote.openToken - 1];
  const after = quote.closeToken >= 0 ? tokens[quote.closeToken + 1] : undefined;
  const sameParagraph = (t: typeof before): boolean => t !== undefined && t.paragraph === quote.paragraph;
  if (sameParagraph(before) && sameParagraph(after) && /^\p{Lu}/u.test(before!.text) && /^\p{Lu}/u.test(after!.text) &&
      before!.pos === 'PROPN' && after!.pos === 'PROPN' && contentWords.length <= 4) return 'nickname';
  if (sameParagraph(before) && TITLE_INTRODUCERS.has(before!.text.toLowerCase())) return 'title';
  const sentenceLike = /[.!?…]["”»]?\s*$/u.test(content) || /[.!?;:]\s+\S/u.test(content);
  if (contentWords.length < MIN_WORDS_OF_A_LONE_QUOTE && !sentenceLike) return 'scare-quote';
  const titleCase = isTitleCase(content);
  // A short title may end its sentence with the full stop inside the marks ('on "Fox and Friends."').
  const endsOnlyAtTheEnd = !/[.!?;:]\s+\S/u.test(content);
  if (titleCase && contentWords.length >= 2 && (!sentenceLike || (contentWords.length <= 5 && endsOnlyAtTheEnd && !/[!?]/.test(content)))) return 'title';
  return null;
}
