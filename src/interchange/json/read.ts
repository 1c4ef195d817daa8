/**
 * Reading a `filmrights/1` document's shape: its sections and lists, every
 * issue collected (never thrown) until the whole document has been read,
 * each naming the record and the field.
 */
import { DomainError } from '../../domain/errors.js';
import { ImportError, type ImportIssue } from './document.js';

/** The key of a record the import creates (until its id is known). */
export const NEW = 'new:';

/** Issues are collected, never thrown, until the whole document has been read. */
export class Collector {
  readonly issues: ImportIssue[] = [];
  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ImportError) this.issues.push(...e.issues);
      else if (e instanceof DomainError) this.issues.push({ field: e.field, message: e.message, suggestions: e.suggestions });
      else throw e;
      return undefined;
    }
  }
  add(field: string, message: string, suggestions: string[] = []): void {
    this.issues.push({ field, message: `${field}: ${message}`, suggestions });
  }
}

export function list<T>(doc: object, key: string, c: Collector, field = key): T[] {
  const v = (doc as Record<string, unknown>)[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    c.add(field, 'expected a list');
    return [];
  }
  return v
    .map((x, i) => {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) c.add(`${field}[${i}]`, 'expected an object');
      return x as T;
    })
    .filter((x) => typeof x === 'object' && x !== null);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
