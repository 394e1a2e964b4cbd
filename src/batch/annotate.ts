/**
 * `annotate(articles, options)`: many articles through a pool of worker threads,
 * results in input order. Node only.
 *
 *   for await (const result of annotate(articles, { concurrency: 4 })) {
 *     if (result.error) console.error(result.id, result.error.message);
 *     else index(toSearchDocument(result.extraction, result.article));
 *   }
 */

import { describeValue } from '../core/errors.js';
import { parsePublishedAt, validateConfig } from '../core/options.js';
import type { Extraction } from '../types.js';
import { checkRecord, idOf } from './annotate-record.js';
import { batchAvailable } from './batch-available.js';
import { mapInOrder } from './ordered-map.js';
import { checkConcurrency, createWorkerPool } from './worker-pool.js';
import { BATCH_MAX_CHARS, BATCH_MAX_RECORDS, type ArticleOutcome, type ArticleOutcomeMessage, type ArticlesTask } from './worker-protocol.js';
import type { AnnotateOptions, AnnotateResult, Article, ArticleId, RecordError } from './types.js';

const ANNOTATE_OPTIONS = ['concurrency', 'config'];

/** Tasks (batches) in flight per worker: enough to keep every worker busy, few enough to bound memory. */
export const TASKS_IN_FLIGHT_PER_WORKER = 4;

function checkOptions(options: unknown): { concurrency: number; config: unknown } {
  if (options === undefined || options === null) return { concurrency: checkConcurrency(undefined), config: undefined };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`annotate(articles, options): "options" must be an object such as { concurrency: 2 }; got ${describeValue(options)}.`);
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!ANNOTATE_OPTIONS.includes(key)) {
      throw new TypeError(`annotate(articles, options): unknown option "${key}"; the accepted options are "concurrency" and "config".`);
    }
  }
  return { concurrency: checkConcurrency(given.concurrency), config: validateConfig(given.config) };
}

function isIterable(value: unknown): value is AsyncIterable<unknown> | Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Symbol.asyncIterator in value || Symbol.iterator in value) &&
    typeof value !== 'string'
  );
}

/**
 * Annotates articles on worker threads (one extractor each) and yields one result
 * per article in input order. A bad article (not an object, text not a string, a
 * wrong date) gives a result with `error` instead of stopping the run. The
 * articles are read only as fast as results are consumed. Options are checked
 * at once: a wrong one throws before any article is read.
 */
export function annotate(
  articles: AsyncIterable<Article> | Iterable<Article>,
  options?: AnnotateOptions,
): AsyncIterableIterator<AnnotateResult> {
  if (!isIterable(articles)) {
    throw new TypeError(`annotate(articles, options): "articles" must be an iterable or async iterable of { id?, text, publishedAt? }; got ${describeValue(articles)}.`);
  }
  const { concurrency, config } = checkOptions(options);
  return run(articles, concurrency, config);
}

interface PreparedArticle {
  index: number;
  id: ArticleId;
  article: Article;
  /** Set when the article cannot be sent to a worker (not an object, no text, a wrong date). */
  error: RecordError | null;
}

function prepare(article: Article, index: number): PreparedArticle {
  const where = `article ${index + 1}`;
  const id = idOf(article, 'id', index + 1);
  const shapeError = checkRecord(article, 'text', where);
  if (shapeError) return { index, id, article, error: shapeError };
  try {
    parsePublishedAt(article.publishedAt);
  } catch (error) {
    return { index, id, article, error: { code: 'invalid_option', message: `${where}: ${(error as Error).message}` } };
  }
  return { index, id, article, error: null };
}

async function* indexed<T>(source: AsyncIterable<T> | Iterable<T>): AsyncGenerator<[T, number], void, undefined> {
  let index = 0;
  for await (const item of source) yield [item, index++];
}

async function* run(
  articles: AsyncIterable<Article> | Iterable<Article>,
  concurrency: number,
  config: unknown,
): AsyncGenerator<AnnotateResult, void, undefined> {
  const pool = await createWorkerPool(concurrency, config);
  try {
    const runArticles = async (group: PreparedArticle[]): Promise<ArticleOutcome[]> => {
      if (group.length === 0) return [];
      const task: ArticlesTask = {
        kind: 'articles',
        articles: group.map(({ article, index }) => ({ text: article.text, publishedAt: article.publishedAt ?? undefined, where: `article ${index + 1}` })),
      };
      try {
        const messages = await pool.run<ArticleOutcomeMessage[]>(task);
        return messages.map((message): ArticleOutcome => (message.error ? { error: message.error } : { extraction: JSON.parse(message.json) as Extraction }));
      } catch (error) {
        if (group.length > 1) {
          // One article may have ended its worker (out of memory): run each alone, so that only it fails.
          return (await Promise.all(group.map((one) => runArticles([one])))).flat();
        }
        const reason = error instanceof Error ? error.message : String(error);
        return [{ error: { code: 'worker_failed', message: `article ${group[0]!.index + 1}: the worker thread failed (${reason}).` } }];
      }
    };
    const annotateBatch = async (batch: [Article, number][]): Promise<AnnotateResult[]> => {
      const prepared = batch.map(([article, index]) => prepare(article, index));
      const sendable = prepared.filter((p) => p.error === null);
      const outcomes = await runArticles(sendable);
      let next = 0;
      return prepared.map(({ index, id, article, error }): AnnotateResult => {
        if (error) return { index, id, article, error };
        const outcome = outcomes[next++]!;
        return outcome.error ? { index, id, article, error: outcome.error } : { index, id, article, extraction: outcome.extraction };
      });
    };
    const batches = batchAvailable(indexed(articles), {
      maxItems: BATCH_MAX_RECORDS,
      maxWeight: BATCH_MAX_CHARS,
      weigh: ([article]) => (typeof article?.text === 'string' ? article.text.length : 0),
    });
    for await (const results of mapInOrder(batches, annotateBatch, concurrency * TASKS_IN_FLIGHT_PER_WORKER)) {
      yield* results;
    }
  } finally {
    await pool.close();
  }
}
