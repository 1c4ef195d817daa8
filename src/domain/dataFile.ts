import { DomainError } from './errors.js';

/**
 * Checking the reference data files under data/. The modules that use them
 * import the JSON statically (the bundler or Node loads it with the code, so
 * the domain does no I/O of its own) and check it once, at module load; a
 * bad file stops the start with an error that names the file, the entry and
 * the field.
 */

export function dataError(file: string, entry: string, field: string, message: string): DomainError {
  const where = `${file}: ${entry}${field ? `, field "${field}"` : ''}`;
  return new DomainError('invalid-data', `${file}#${entry}${field ? `.${field}` : ''}`, entry, `${where}: ${message}`);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A required non-empty string field. */
export function str(o: Record<string, unknown>, key: string, file: string, entry: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') throw dataError(file, entry, key, `expected a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

export function optStr(o: Record<string, unknown>, key: string, file: string, entry: string): string | undefined {
  if (o[key] === undefined) return undefined;
  return str(o, key, file, entry);
}

/** An optional array of non-empty strings (absent → []). */
export function strList(o: Record<string, unknown>, key: string, file: string, entry: string): string[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw dataError(file, entry, key, `expected an array of strings, got ${JSON.stringify(v)}`);
  v.forEach((x, i) => {
    if (typeof x !== 'string' || x.trim() === '')
      throw dataError(file, entry, `${key}[${i}]`, `expected a non-empty string, got ${JSON.stringify(x)}`);
  });
  return v as string[];
}
