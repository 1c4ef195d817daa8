import { invalid } from './errors.js';

/**
 * Days are integers: the number of days since 1970-01-01 (UTC). Contract
 * terms are inclusive at both ends, as contracts write them; an open end
 * (perpetuity) is PERPETUITY.
 */
export type Day = number;

export const PERPETUITY: Day = 2_147_483_647;
/** The earliest day the engine reasons about (a rights-in that started "always"). */
export const BEGINNING: Day = -2_147_483_648;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The one date rule of the product: every date a user or a file gives (a contract term, a release,
 * a festival, an article) is a real calendar day from 1870 (before the first film) to 2199.
 * An open end is written as no date ("perpetuity"), never as a far year.
 */
export const FIRST_YEAR = 1870;
export const LAST_YEAR = 2199;

/** True for a real calendar day written YYYY-MM-DD within FIRST_YEAR..LAST_YEAR. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  if (y < FIRST_YEAR || y > LAST_YEAR) return false;
  const back = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3])));
  return back.getUTCFullYear() === y && back.getUTCMonth() === Number(m[2]) - 1 && back.getUTCDate() === Number(m[3]);
}

export function parseDay(value: unknown, field = 'date'): Day {
  if (typeof value !== 'string') throw invalid(field, value, `${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const m = ISO_DATE.exec(value.trim());
  if (!m) throw invalid(field, value, `${field}: "${value}" is not a date as YYYY-MM-DD`);
  const y = Number(m[1]);
  if (y < FIRST_YEAR || y > LAST_YEAR)
    throw invalid(field, value, `${field}: "${value}" is outside the years ${FIRST_YEAR} to ${LAST_YEAR}`);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw invalid(field, value, `${field}: "${value}" is not a real calendar date`);
  }
  return Math.round(ms / 86_400_000);
}

/** An end date: null, undefined, "" or "open"/"perpetuity" mean perpetuity. */
export function parseEndDay(value: unknown, field = 'end'): Day {
  if (value === null || value === undefined || value === '') return PERPETUITY;
  if (typeof value === 'string' && /^(open|perpetuity)$/i.test(value.trim())) return PERPETUITY;
  return parseDay(value, field);
}

export function formatDay(day: Day): string {
  if (day >= PERPETUITY) return 'perpetuity';
  if (day <= BEGINNING) return 'the beginning';
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO date, or null for an open end (perpetuity) or an open start (a term with no start date). */
export function dayOrNull(day: Day): string | null {
  return day >= PERPETUITY || day <= BEGINNING ? null : formatDay(day);
}

export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * 86_400_000);
  const ms = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
  return Math.round(ms / 86_400_000);
}

export function checkTerm(start: Day, end: Day, field = 'term'): void {
  if (end < start) {
    throw invalid(`${field}.end`, formatDay(end), `${field}: end ${formatDay(end)} is before start ${formatDay(start)}`);
  }
}
