/**
 * Money as the services take it (an MG, a press price, a box-office gross): the services check again what the
 * request schemas check, so a caller that skips the HTTP layer (an import, the CLI) meets the same rule.
 */
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/services/money.js';

describe('parseMoney', () => {
  it("takes an amount as people write it, in the currency's minor units", () => {
    expect(parseMoney({ amount: '1,500,000.00', currency: 'usd' }, 'mg')).toEqual({ minor: 150_000_000, currency: 'USD' });
    expect(parseMoney({ amount: '0', currency: 'EUR' }, 'mg')).toEqual({ minor: 0, currency: 'EUR' });
    expect(parseMoney({ amount: '-0', currency: 'EUR' }, 'mg')).toEqual({ minor: 0, currency: 'EUR' });
    expect(parseMoney({ amount: '250000', currency: 'JPY' }, 'mg')).toEqual({ minor: 250_000, currency: 'JPY' });
  });

  it('refuses an amount below zero, naming the field', () => {
    for (const amount of ['-1', '-0.01', '-1,500,000.00'])
      expect(() => parseMoney({ amount, currency: 'USD' }, 'mg')).toThrow(/^mg\.amount: .* is below zero/);
  });

  it('refuses more decimals than the currency has, and what is no amount', () => {
    expect(() => parseMoney({ amount: '1.5', currency: 'JPY' }, 'mg')).toThrow(/^mg\.amount: .*up to 0 decimals/);
    expect(() => parseMoney({ amount: '1e9', currency: 'USD' }, 'mg')).toThrow(/^mg\.amount/);
    expect(() => parseMoney({ amount: '10', currency: 'XYZ' }, 'mg')).toThrow(/^mg\.currency/);
  });
});
