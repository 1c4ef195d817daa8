/** An amount in a currency: the amount as a decimal string (no float rounding), the currency as ISO 4217. */
export interface Money {
  amount: string;
  currency: string;
}

/** Minor units per currency (ISO 4217 exponent); 2 unless listed. */
const EXPONENT: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0, BHD: 3, KWD: 3, OMR: 3, TND: 3, JOD: 3 };

export function exponent(currency: string): number {
  return EXPONENT[currency] ?? 2;
}

/** Minor units as Money: 123456 EUR → { amount: '1234.56', currency: 'EUR' }. */
export function formatMoney(minor: number, currency: string): Money {
  const e = exponent(currency);
  const neg = minor < 0;
  const digits = String(Math.abs(minor)).padStart(e + 1, '0');
  const amount = e === 0 ? digits : `${digits.slice(0, -e)}.${digits.slice(-e)}`;
  return { amount: (neg ? '-' : '') + amount, currency };
}
