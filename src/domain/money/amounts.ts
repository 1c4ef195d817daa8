import { invalid } from '../errors.js';

/**
 * Money in the accounts: an amount is an integer count of the currency's minor unit (cents for
 * USD, yen for JPY, fils for KWD) held as a bigint, so sums of any size are exact and no binary
 * fraction ever enters a statement. A rate (a fee, a commission, a share, a reserve) is an exact
 * decimal fraction; applying one rounds half up to the minor unit, once, where the figure is made.
 */
export type Amount = bigint;

/** Minor units per currency (ISO 4217 exponent); 2 unless listed. */
const EXPONENT: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0, BHD: 3, KWD: 3, OMR: 3, TND: 3, JOD: 3 };

export function exponent(currency: string): number {
  return EXPONENT[currency] ?? 2;
}

const CURRENCY = /^[A-Z]{3}$/;

/** An ISO 4217 code as written (trimmed, upper case); the shape only: the services check it exists. */
export function currencyCode(value: unknown, field = 'currency'): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!CURRENCY.test(code)) throw invalid(field, value, `${field}: "${String(value)}" is not an ISO 4217 currency code`);
  return code;
}

/** "1,500,000.00" or "1500000" in `currency` to minor units; more decimals than the currency has is an error. */
export function parseAmount(text: unknown, currency: string, field = 'amount'): Amount {
  const raw = typeof text === 'string' ? text.replace(/[,_\s]/g, '') : typeof text === 'bigint' ? String(text) : '';
  const e = exponent(currency);
  const m = /^(-?)(\d{1,30})(?:\.(\d+))?$/.exec(raw);
  if (!m || (m[3] ?? '').length > e) {
    throw invalid(field, text, `${field}: "${String(text)}" is not an amount in ${currency} (digits, up to ${e} decimals)`);
  }
  const minor = BigInt(m[2] + (m[3] ?? '').padEnd(e, '0'));
  return m[1] ? -minor : minor;
}

/** Minor units back to the decimal text of `currency`: 150000000n USD is "1500000.00". */
export function formatAmount(amount: Amount, currency: string): string {
  const e = exponent(currency);
  const neg = amount < 0n;
  const digits = (neg ? -amount : amount).toString().padStart(e + 1, '0');
  const text = e === 0 ? digits : `${digits.slice(0, -e)}.${digits.slice(-e)}`;
  return neg ? `-${text}` : text;
}

/** An exact decimal fraction: `num / den`, den a power of ten. */
export interface Rate {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO_RATE: Rate = { num: 0n, den: 1n };
export const WHOLE: Rate = { num: 1n, den: 1n };

/** "30%", "0.3", "12.5 %" to a rate between 0 and 1 inclusive. */
export function parseRate(text: unknown, field = 'rate'): Rate {
  const raw = typeof text === 'number' ? String(text) : typeof text === 'string' ? text.trim() : '';
  const m = /^(\d{1,3})(?:\.(\d{1,8}))?\s*(%?)$/.exec(raw);
  if (!m) throw invalid(field, text, `${field}: "${String(text)}" is not a rate (such as "30%" or "0.3")`);
  const decimals = m[2] ?? '';
  let den = 10n ** BigInt(decimals.length);
  if (m[3]) den *= 100n;
  const num = BigInt(m[1] + decimals);
  if (num > den) throw invalid(field, text, `${field}: "${String(text)}" is more than 100%`);
  return { num, den };
}

/** The rate as people write it: "30%", "12.5%". */
export function formatRate(r: Rate): string {
  // percent with up to 6 decimals, trailing zeros dropped
  const scaled = (r.num * 100n * 1_000_000n) / r.den;
  const whole = scaled / 1_000_000n;
  const frac = (scaled % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

export function addRates(a: Rate, b: Rate): Rate {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function compareRates(a: Rate, b: Rate): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** `amount × rate`, rounded half away from zero to the minor unit. */
export function applyRate(amount: Amount, r: Rate): Amount {
  const p = amount * r.num;
  const neg = p < 0n;
  const abs = neg ? -p : p;
  const q = (abs * 2n + r.den) / (2n * r.den);
  return neg ? -q : q;
}

/** `amount × rate`, rounded down (toward zero): for shares that must never add up to more than the whole. */
export function applyRateDown(amount: Amount, r: Rate): Amount {
  return (amount * r.num) / r.den;
}

export const min = (a: Amount, b: Amount): Amount => (a < b ? a : b);
export const max = (a: Amount, b: Amount): Amount => (a > b ? a : b);
export const sum = (xs: Iterable<Amount>): Amount => {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
};

/** An amount in a currency as the API and the files write it: decimal text (no float rounding) and ISO 4217. */
export interface Money {
  amount: string;
  currency: string;
}

/** Minor units as Money: 123456 EUR → { amount: '1234.56', currency: 'EUR' }. */
export function formatMoney(minor: number, currency: string): Money {
  return { amount: formatAmount(BigInt(minor), currency), currency };
}
