/**
 * Small helpers the catalog services share: list paging, forgiving search over
 * names (the fuzzy module ranks; this file only loops), and the checks of
 * plain input fields, each throwing a DomainError that names the field.
 */
import { COUNTRY_LIST, findCountry } from '../domain/countries.js';
import { invalid, unknownName } from '../domain/errors.js';
import { closest, fuzzyScore, normalizeName } from '../domain/fuzzy.js';
import { isIsoDate } from '../store/index.js';
import { FIRST_YEAR, LAST_YEAR } from '../domain/dates.js';
import { NAME_MAX } from '../contract/common.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function pageParams(page: unknown, pageSize: unknown): { page: number; pageSize: number; offset: number } {
  const p = page === undefined || page === null || page === '' ? 1 : Number(page);
  const s = pageSize === undefined || pageSize === null || pageSize === '' ? DEFAULT_PAGE_SIZE : Number(pageSize);
  if (!Number.isInteger(p) || p < 1) throw invalid('page', page, `page: "${String(page)}" is not a page number (1, 2, ...)`);
  if (!Number.isInteger(s) || s < 1 || s > MAX_PAGE_SIZE) {
    throw invalid('pageSize', pageSize, `pageSize: "${String(pageSize)}" must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { page: p, pageSize: s, offset: (p - 1) * s };
}

export function paginate<T>(all: T[], page: number, pageSize: number): Page<T> {
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

/** Below this fuzzy score a name does not match a search. */
export const SEARCH_THRESHOLD = 0.6;

/**
 * Ranks candidates by the best fuzzy score of any of their names, best first
 * (ties keep the given order). Candidates scoring under the threshold are dropped.
 */
export function rankByNames<T>(query: string, candidates: Iterable<{ item: T; names: readonly (string | null | undefined)[] }>): T[] {
  const q = normalizeName(query);
  if (q === '') return [...candidates].map((c) => c.item);
  const scored: Array<{ item: T; score: number; i: number }> = [];
  let i = 0;
  for (const c of candidates) {
    let best = 0;
    for (const n of c.names) {
      if (!n) continue;
      const s = fuzzyScore(query, n);
      if (s > best) best = s;
      if (best === 1) break;
    }
    if (best >= SEARCH_THRESHOLD) scored.push({ item: c.item, score: best, i });
    i++;
  }
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map((s) => s.item);
}

// ------------------------------------------------------------------ field checks

export function requiredText(value: unknown, field: string, max = Infinity): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, value, `${field}: required, a non-empty text`);
  return withinLength(value.trim(), field, max);
}

export function optionalText(value: unknown, field: string, max = Infinity): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(field, value, `${field}: expected a text, got ${JSON.stringify(value).slice(0, 80)}`);
  return value.trim() === '' ? null : withinLength(value.trim(), field, max);
}

/** A name (of a title, a person, a company...), held to the API's limit whatever way it comes (an import too). */
export const requiredName = (value: unknown, field: string): string => requiredText(value, field, NAME_MAX);
export const optionalName = (value: unknown, field: string): string | null => optionalText(value, field, NAME_MAX);

function withinLength(text: string, field: string, max: number): string {
  if (text.length > max)
    throw invalid(
      field,
      `${text.slice(0, 40)}…`,
      `${field}: ${text.length.toLocaleString('en-US')} characters, at most ${max.toLocaleString('en-US')}`,
    );
  return text;
}

export function optionalInt(value: unknown, field: string, min: number, max: number): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw invalid(field, value, `${field}: "${String(value)}" is not a whole number from ${min} to ${max}`);
  }
  return n;
}

export function optionalBool(value: unknown, field: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') throw invalid(field, value, `${field}: expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const suggestions = typeof value === 'string' ? closest(value, allowed, 3) : [];
  const hint = suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
  throw invalid(field, value, `${field}: "${String(value)}" is not one of ${allowed.join(', ')}.${hint}`, suggestions);
}

export function optionalOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T | null {
  if (value === undefined || value === null || value === '') return null;
  return oneOf(value, allowed, field);
}

export function optionalIsoDate(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !isIsoDate(value.trim())) {
    throw invalid(field, value, `${field}: "${String(value)}" is not a date as YYYY-MM-DD from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  return value.trim();
}

const COUNTRY_NAMES = COUNTRY_LIST.map((c) => c.name);

/** An ISO 3166-1 alpha-2 code from a code or a country name ("China", "CN", "Deutschland"). */
export function countryCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, value, `${field}: expected a country (a name or an ISO code)`);
  const code = findCountry(value.trim());
  if (!code) throw unknownName(field, value.trim(), 'country', closest(value, COUNTRY_NAMES, 3));
  return code;
}

export function countryCodes(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, value, `${field}: expected a list of countries`);
  return [...new Set(value.map((v, i) => countryCode(v, `${field}[${i}]`)))];
}

/** Days from `from` to `to` (both 'YYYY-MM-DD' or ISO timestamps), rounded down. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from);
  const b = Date.parse(to.length === 10 ? `${to}T00:00:00Z` : to);
  return Math.floor((b - a) / 86_400_000);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDaysIso(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
