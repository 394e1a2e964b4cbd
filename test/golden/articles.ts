/** The bundled sample articles whose full output is kept as a golden file. */
export const GOLDEN_ARTICLES = [{ file: 'sample-article.txt', publishedAt: '2025-03-14' }] as const;
