/**
 * Small builders that keep the one schema portable between SQLite and
 * PostgreSQL. Everything dialect-specific in a migration goes through here.
 */
import { sql, type ColumnDefinitionBuilder, type RawBuilder } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/** Default for a timestamp column: now, in UTC, written like `Date.toISOString()` ('2021-07-20T14:03:12.345Z'). */
export function nowIsoDefault(dialect: StoreDialect): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`
    : sql<string>`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
}

/** CHECK that a column holds one of a vocabulary's words (NULL passes: nullability is separate). */
export function oneOf(column: string, values: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** CHECK that a text column looks like 'YYYY-MM-DD' (NULL passes). */
export function looksLikeIsoDate(column: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like '____-__-__'`;
}

/** A 0/1 flag column: integer, not null, default 0. */
export function flagColumn(column: string) {
  return (col: ColumnDefinitionBuilder) =>
    col
      .notNull()
      .defaultTo(0)
      .check(sql`${sql.ref(column)} in (0, 1)`);
}

/** A nullable 'YYYY-MM-DD' date column. */
export function dateColumn(column: string, required = false) {
  return (col: ColumnDefinitionBuilder) => {
    const checked = col.check(looksLikeIsoDate(column));
    return required ? checked.notNull() : checked;
  };
}

/** A not-null ISO timestamp column that defaults to now. */
export function createdAtColumn(dialect: StoreDialect) {
  return (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(nowIsoDefault(dialect));
}
