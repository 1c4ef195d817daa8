/** The tasks of the article workers (workers.ts): run in a worker thread, plain data in and out. */
import { extractFacts, type ExtractOptions } from './extract.js';
import { readArticleFrom, type FetchedPage, type IntakeInput } from './intake.js';

export const tasks = {
  read: ({ input, page }: { input: IntakeInput; page?: FetchedPage }) => readArticleFrom(input, page),
  extract: ({ text, opts }: { text: string; opts: ExtractOptions }) => extractFacts(text, opts),
};
