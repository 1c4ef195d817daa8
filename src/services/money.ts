import { invalid } from '../domain/errors.js';
import { exponent, formatMoney, type Money } from '../domain/money/amounts.js';

/** Money as the API writes it: a decimal string and an ISO 4217 currency. Never a float (declared in the domain). */
export { exponent, formatMoney, type Money };

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function parseMoney(m: { amount: unknown; currency: unknown }, field: string): { minor: number; currency: string } {
  const currency = typeof m.currency === 'string' ? m.currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency)) {
    throw invalid(`${field}.currency`, m.currency, `${field}.currency: "${String(m.currency)}" is not an ISO 4217 currency code`);
  }
  const text = typeof m.amount === 'number' ? String(m.amount) : typeof m.amount === 'string' ? m.amount.replace(/[,_\s]/g, '') : '';
  const e = exponent(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[3] ?? '').length > e) {
    throw invalid(
      `${field}.amount`,
      m.amount,
      `${field}.amount: "${String(m.amount)}" is not an amount in ${currency} (up to ${e} decimals)`,
    );
  }
  // an MG, a price or a gross is never below zero (what is paid back is a ledger entry of its own kind)
  if (match[1] && /[1-9]/.test(match[2] + (match[3] ?? '')))
    throw invalid(
      `${field}.amount`,
      m.amount,
      `${field}.amount: "${String(m.amount)}" is below zero; an amount of money here is zero or more`,
    );
  const minor = BigInt(match[2] + (match[3] ?? '').padEnd(e, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid(`${field}.amount`, m.amount, `${field}.amount: too large`);
  }
  return { minor: Number(minor), currency };
}
