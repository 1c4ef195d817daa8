/**
 * Articles are read (an HTML page reduced to its text) and their facts
 * extracted in a worker thread: a long article keeps its worker busy, not
 * the server. A worker over its memory or time limit is stopped and the
 * article refused (413) naming the limit.
 *
 * FILMRIGHTS_ARTICLE_MEMORY_MB (default 256) and FILMRIGHTS_ARTICLE_SECONDS
 * (default 60) set the limits.
 */
import { DomainError, tooLarge } from '../domain/errors.js';
import { TaskPool, WorkerLimitError, seconds, type PlainError } from '../workers/pool.js';
import type { ExtractOptions, Extraction } from './extract.js';
import type { ArticleText, FetchedPage, IntakeInput } from './intake.js';

function revive(p: PlainError): Error {
  if (p.code) {
    const e = new DomainError(p.code, p.field ?? 'text', p.value ?? null, p.message, p.suggestions ?? []);
    e.name = p.name;
    return e;
  }
  return Object.assign(new Error(p.message), { name: p.name });
}

const envNumber = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const articleWorkers = new TaskPool({
  name: 'article extraction',
  module: new URL('./tasks.ts', import.meta.url),
  size: 1,
  maxQueue: 32,
  memoryMb: envNumber('FILMRIGHTS_ARTICLE_MEMORY_MB', 256),
  timeoutMs: envNumber('FILMRIGHTS_ARTICLE_SECONDS', 60) * 1000,
  idleMs: 300_000,
  revive,
});

async function inWorker<T>(field: string, task: string, input: unknown): Promise<T> {
  try {
    return await articleWorkers.run<T>(task, input);
  } catch (e) {
    if (e instanceof WorkerLimitError) {
      const what = e.limit === 'memory' ? `needed more than ${e.amount} MB of memory` : `took longer than ${seconds(e.amount)}`;
      throw tooLarge(field, null, `${field}: reading the article ${what} (the limit) and was stopped; split it into several`);
    }
    throw e;
  }
}

/** Reads an article (a URL's page fetched already) in a worker. */
export function readArticleInWorker(input: IntakeInput, page?: FetchedPage): Promise<ArticleText> {
  return inWorker('text', 'read', { input, page });
}

/** Extracts an article's candidate facts in a worker. */
export function extractInWorker(text: string, opts: ExtractOptions): Promise<Extraction> {
  return inWorker('text', 'extract', { text, opts });
}
