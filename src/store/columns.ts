/**
 * The column types every table interface uses (schema.ts and marketSchema.ts): how booleans,
 * dates, timestamps and JSON lists are kept on both databases.
 */
import type { ColumnType } from 'kysely';
import type { JsonText } from './json.js';

/** A boolean column: integer 0/1 on both databases (SQLite has no boolean). */
export type Flag = 0 | 1;
/** 'YYYY-MM-DD'. */
export type IsoDate = string;
/** ISO 8601 timestamp in UTC, as `Date.prototype.toISOString()` writes it. */
export type IsoTimestamp = string;
/** A timestamp column the database fills on insert when the caller leaves it out. */
export type CreatedAt = ColumnType<IsoTimestamp, IsoTimestamp | undefined, IsoTimestamp>;
/** A 0/1 column with a database default. */
export type FlagWithDefault = ColumnType<Flag, Flag | undefined, Flag>;
/** A JSON array column that defaults to '[]' when the caller leaves it out. */
export type JsonListWithDefault<T> = ColumnType<JsonText<T[]>, JsonText<T[]> | undefined, JsonText<T[]>>;
