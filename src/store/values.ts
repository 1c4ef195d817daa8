/**
 * Column value helpers for the portable types the schema uses: 0/1 flags,
 * money in minor units, ISO dates and timestamps.
 */
import { isCalendarDate } from '../domain/dates.js';
import type { DatePrecision, Flag, IsoDate, IsoTimestamp } from './schema.js';

/** A boolean as the 0/1 integer both databases store. */
export function flag(value: boolean): Flag {
  return value ? 1 : 0;
}

/** A 0/1 column back to a boolean. */
export function isSet(value: Flag | number): boolean {
  return value === 1;
}

/**
 * Money in minor units (cents) as stored in a `bigint` column. The value is a
 * JS number and must be a safe integer (|n| < 2^53, i.e. up to ~90 trillion
 * dollars): SQLite would silently round a larger one and PostgreSQL's reader
 * refuses it. Throws a RangeError naming the value otherwise.
 */
export function minorUnits(amount: number | bigint): number {
  const n = typeof amount === 'bigint' ? Number(amount) : amount;
  if (!Number.isSafeInteger(n) || (typeof amount === 'bigint' && BigInt(n) !== amount)) {
    throw new RangeError(`money: ${String(amount)} is not a whole number of minor units within ±${Number.MAX_SAFE_INTEGER}`);
  }
  return n;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written 'YYYY-MM-DD', within the product's one date rule (domain/dates.ts). */
export function isIsoDate(value: string): value is IsoDate {
  return ISO_DATE.test(value) && isCalendarDate(value);
}

/** The current time as the ISO timestamp the timestamp columns hold. */
export function nowIso(): IsoTimestamp {
  return new Date().toISOString();
}

/** A release date as its precision allows: "2024", "2024-05" or "2024-05-17". */
export function formatReleaseDate(date: string | null, precision: DatePrecision): string | null {
  if (!date) return null;
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}
