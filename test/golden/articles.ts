/** The bundled sample articles whose full output is kept as a golden file. */
export const GOLDEN_ARTICLES = [
  { file: 'sample-article.txt', publishedAt: '2025-03-14' },
  // Single quotation marks, a quote its attribution interrupts, a split report, a partial quote, a reported question.
  { file: 'sample-article-single-marks.txt', publishedAt: '2025-06-11' },
] as const;
