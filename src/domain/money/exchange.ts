import { invalid } from '../errors.js';
import { exponent, type Amount } from './amounts.js';

/**
 * Exchange rates are the user's, per reporting period (the product fetches none): "in 2022-Q1,
 * 1 EUR = 1.1213 USD". A receipt in another currency enters a waterfall converted at the rate of its
 * period, rounded half away from zero to the waterfall currency's minor unit, once.
 */
export interface ExchangeRate {
  period: string;
  from: string;
  to: string;
  /** Units of `to` for one unit of `from`, as an exact decimal ("1.1213"). */
  rate: string;
}

function decimal(text: string, field: string): { num: bigint; den: bigint } {
  const m = /^(\d{1,12})(?:\.(\d{1,12}))?$/.exec(text.trim());
  if (!m || /^0*(?:\.0*)?$/.test(text.trim()))
    throw invalid(field, text, `${field}: "${text}" is not a positive exchange rate such as 1.1213`);
  const frac = m[2] ?? '';
  return { num: BigInt(m[1] + frac), den: 10n ** BigInt(frac.length) };
}

/** Converts `amount` (minor units of `from`) into minor units of `to` at the rate of `period`. */
export function convert(
  amount: Amount,
  from: string,
  to: string,
  period: string,
  rates: readonly ExchangeRate[],
  field = 'amount',
): Amount {
  if (from === to) return amount;
  const direct = rates.find((r) => r.period === period && r.from === from && r.to === to);
  const inverse = direct ? undefined : rates.find((r) => r.period === period && r.from === to && r.to === from);
  if (!direct && !inverse) {
    throw invalid(
      field,
      `${from}/${to}`,
      `${field}: no exchange rate from ${from} to ${to} for ${period}: enter one before this statement`,
    );
  }
  const r = decimal((direct ?? inverse)!.rate, `exchange rate ${from}/${to} ${period}`);
  // amount / 10^ef * rate * 10^et, the rate inverted when only the other direction is known
  const scale = 10n ** BigInt(Math.abs(exponent(to) - exponent(from)));
  let num = amount * (direct ? r.num : r.den);
  let den = direct ? r.den : r.num;
  if (exponent(to) >= exponent(from)) num *= scale;
  else den *= scale;
  const neg = num < 0n;
  const q = ((neg ? -num : num) * 2n + den) / (2n * den);
  return neg ? -q : q;
}
