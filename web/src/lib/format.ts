/** Dates and money in the reader's locale (Intl), with the contract's own currency. */
import type { Money } from '../../../src/contract/index.js';

const locale = typeof navigator !== 'undefined' ? (navigator.languages?.[0] ?? navigator.language) : undefined;

const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const stampFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** A contract day 'YYYY-MM-DD' (no time zone: it is the same day everywhere). */
export function parseDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDate(iso: string | null | undefined, opts: { open?: string; precision?: 'day' | 'month' | 'year' } = {}): string {
  if (!iso) return opts.open ?? '—';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  if (opts.precision === 'year') return iso.slice(0, 4);
  if (opts.precision === 'month') return monthFmt.format(parseDay(iso));
  return dateFmt.format(parseDay(iso));
}

export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  return `${formatDate(start, { open: 'from the start' })} – ${formatDate(end, { open: 'perpetuity' })}`;
}

export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : stampFmt.format(d);
}

const moneyFmts = new Map<string, Intl.NumberFormat>();
export function formatMoney(money: Money | null | undefined, opts: { compact?: boolean } = {}): string {
  if (!money) return '—';
  // Whole amounts read without cents ("$12,000,000"); others keep the currency's digits.
  const whole = /^-?\d+(\.0+)?$/.test(money.amount);
  const key = `${money.currency}|${opts.compact ? 'c' : ''}|${whole ? 'w' : ''}`;
  let fmt = moneyFmts.get(key);
  if (!fmt) {
    try {
      fmt = new Intl.NumberFormat(
        locale,
        opts.compact
          ? { style: 'currency', currency: money.currency, notation: 'compact', maximumFractionDigits: 1 }
          : { style: 'currency', currency: money.currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) },
      );
    } catch {
      fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    }
    moneyFmts.set(key, fmt);
  }
  // A decimal string is formatted exactly (Intl.NumberFormat v3), never through a float.
  return fmt.format(money.amount as Intl.StringNumericLiteral);
}

const intFmt = new Intl.NumberFormat(locale);
export function formatInt(n: number): string {
  return intFmt.format(n);
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDaysIso(iso: string, days: number): string {
  const d = parseDay(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addYearsIso(iso: string, years: number): string {
  const d = parseDay(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / 86_400_000);
}

const labels: Record<string, string> = {
  'north-american': 'North American',
  'opening-night': 'Opening night',
  'closing-night': 'Closing night',
  'third-party': 'Market intelligence',
  'sales-agent': 'Sales agent',
  'co-production': 'Co-production',
  'executive-producer': 'Executive producer',
  'no-rights': 'No rights',
  'on-hold': 'On hold',
  depends: 'Depends (not yet dated)',
};
/** 'closing-night' → 'Closing night'. */
export function humanize(code: string | null | undefined): string {
  if (!code) return '';
  return labels[code] ?? code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
}

export function titleName(t: { englishTitle?: string | null; originalTitle?: string; name?: string }): string {
  return t.englishTitle || t.originalTitle || t.name || '';
}
