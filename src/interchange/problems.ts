/**
 * Problems found in a file, each saying where (sheet, row and column, or the
 * XML path) and what is wrong. An import with any error is refused as a
 * whole: nothing is written. Warnings are shown in the preview and do not
 * stop an import.
 */
import { DomainError } from '../domain/errors.js';
import { ImportError } from './json/document.js';
import type { ImportProblem } from '../contract/index.js';

/**
 * A problem, as the API answers it (src/contract: ImportProblem). Where: "sheet Template-Movies, row 8,
 * column O (AvailTrans/LicenseType)" or "/AvailList/Avail[1]/Transaction[2]/LicenseType".
 */
export type Problem = ImportProblem;

export class Problems {
  readonly list: Problem[] = [];
  private readonly seen = new Set<string>();
  /** Problems already found (by the file's reader, in its worker). */
  static from(list: readonly Problem[]): Problems {
    const p = new Problems();
    for (const x of list) p.add(x);
    return p;
  }
  private add(p: Problem): void {
    const k = `${p.severity}\u0000${p.where}\u0000${p.message}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.list.push(p);
  }
  error(where: string, message: string, suggestions: string[] = []): void {
    this.add({ severity: 'error', where, message, ...(suggestions.length ? { suggestions } : {}) });
  }
  warn(where: string, message: string): void {
    this.add({ severity: 'warning', where, message });
  }
  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === 'error');
  }
  get warnings(): Problem[] {
    return this.list.filter((p) => p.severity === 'warning');
  }
  /** Runs `fn`; a DomainError it throws becomes an error at `where`. */
  catching<T>(where: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DomainError) {
        this.error(where, e.message, e.suggestions);
        return undefined;
      }
      throw e;
    }
  }
}

export function problemLine(p: Problem): string {
  return `${p.where}: ${p.message}${p.suggestions?.length && !/Did you mean/.test(p.message) ? ` (did you mean: ${p.suggestions.join(', ')}?)` : ''}`;
}

/** A file refused as a whole: every problem is listed, nothing was written. */
export class ImportRefused extends DomainError {
  constructor(
    readonly problems: Problem[],
    what = 'the file',
  ) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      'import-refused',
      errors[0]?.where ?? 'file',
      null,
      errors.length === 1
        ? `${what} was refused, nothing was written: ${problemLine(errors[0])}`
        : `${what} was refused, nothing was written: ${errors.length} problems:\n${errors.map((p) => `  ${problemLine(p)}`).join('\n')}`,
      errors[0]?.suggestions ?? [],
    );
    this.name = 'ImportRefused';
  }
}

/** A file that cannot be read at all (truncated, wrong encoding, not the format it claims). */
export class UnreadableFile extends DomainError {
  constructor(file: string, message: string) {
    super('unreadable-file', 'file', file, `${file}: ${message}; nothing was written`);
    this.name = 'UnreadableFile';
  }
}

/**
 * The problems of a refused import in the one problem format, whichever
 * importer refused it: a plan's ImportRefused, or a JSON document's
 * ImportError (each issue names the record and field where it is).
 */
export function refusalProblems(e: unknown): Problem[] | null {
  if (e instanceof ImportRefused) return e.problems;
  if (e instanceof ImportError)
    return e.issues.map((i) => ({
      severity: 'error',
      where: i.field,
      message: i.message,
      ...(i.suggestions.length ? { suggestions: i.suggestions } : {}),
    }));
  return null;
}
