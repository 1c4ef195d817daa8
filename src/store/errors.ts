/**
 * Recognising constraint violations the same way on both databases, so a
 * service can turn "duplicate contract ref" into a typed error that names the
 * field, without knowing which database it runs on.
 *
 * SQLite (better-sqlite3) sets `code` to e.g. 'SQLITE_CONSTRAINT_UNIQUE';
 * PostgreSQL (pg) sets the SQLSTATE, e.g. '23505', and `constraint`.
 */

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique or primary-key constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A foreign key refused the write (unknown parent, or a parent still referenced). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** A CHECK constraint (a vocabulary, a 0/1 flag, a date shape, a term order) refused the write. */
export function isCheckViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23514' || code === 'SQLITE_CONSTRAINT_CHECK';
}
