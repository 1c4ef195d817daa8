/**
 * Import files are read in a worker thread (parse.ts does the reading): a
 * file that needs more memory or time than one import may have stops its
 * worker, not the server, and is refused (413) naming the limit. One worker
 * reads at a time; the next files wait their turn.
 *
 * FILMRIGHTS_IMPORT_MEMORY_MB (default 384) and FILMRIGHTS_IMPORT_SECONDS
 * (default 120) set the limits.
 */
import { DomainError, tooLarge } from '../domain/errors.js';
import { TaskPool, WorkerLimitError, seconds, type PlainError } from '../workers/pool.js';
import type { ParsedFile, ParseOptions } from './parse.js';
import { ImportRefused, UnreadableFile, type Problem } from './problems.js';

function revive(p: PlainError): Error {
  if (p.name === 'ImportRefused' && Array.isArray(p.problems)) return new ImportRefused(p.problems as Problem[]);
  if (p.name === 'UnreadableFile') return Object.assign(new UnreadableFile(String(p.value), ''), { message: p.message });
  if (p.code) {
    const e = new DomainError(p.code, p.field ?? 'file', p.value ?? null, p.message, p.suggestions ?? []);
    e.name = p.name;
    return e;
  }
  return Object.assign(new Error(p.message), { name: p.name });
}

const envNumber = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const importWorkers = new TaskPool({
  name: 'file import',
  module: new URL('./parseTasks.ts', import.meta.url),
  size: 1,
  maxQueue: 8,
  memoryMb: envNumber('FILMRIGHTS_IMPORT_MEMORY_MB', 384),
  timeoutMs: envNumber('FILMRIGHTS_IMPORT_SECONDS', 120) * 1000,
  idleMs: 120_000,
  revive,
});

/** Reads an import file in a worker; a file over the worker's memory or time limit is refused naming the limit. */
export async function readImportFile(data: Buffer, name: string, opts: ParseOptions = {}): Promise<ParsedFile> {
  try {
    return await importWorkers.run<ParsedFile>('parse', { data, name, opts });
  } catch (e) {
    if (e instanceof WorkerLimitError) {
      const what =
        e.limit === 'memory' ? `reading it needed more than ${e.amount} MB of memory` : `reading it took longer than ${seconds(e.amount)}`;
      throw tooLarge(
        'file',
        name,
        `${name}: ${what} (the limit of one import) and was stopped: split it into smaller files; nothing was written`,
      );
    }
    throw e;
  }
}
