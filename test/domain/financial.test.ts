import { describe, expect, it } from 'vitest';
import { FINANCIAL_FIELDS, financialFieldsIn, isFinancialField, withoutFinancialFields } from '../../src/domain/financial.js';

describe('financial fields', () => {
  it('are deal terms: MGs and deal prices, not box-office grosses', () => {
    expect(FINANCIAL_FIELDS.map((f) => f.field).sort()).toEqual([
      'mg',
      'mg_amount',
      'mg_currency',
      'paymentSchedule',
      'payment_schedule',
      'price',
    ]);
    for (const gross of ['gross', 'amount', 'currency', 'boxOffice']) expect(isFinancialField(gross)).toBe(false);
  });

  it('are taken out at any depth, the rest kept as it was', () => {
    const value = {
      ref: 'A',
      mg: { amount: '7654321.00', currency: 'EUR' },
      audit: [
        { before: { mg_amount: 765432100, mg_currency: 'EUR', status: 'signed' } },
        { fields: { title: 'X', price: null, priceNote: 'seven-figure' } },
      ],
      gross: { amount: '12.00', currency: 'USD' },
    };
    expect(withoutFinancialFields(value)).toEqual({
      ref: 'A',
      audit: [{ before: { status: 'signed' } }, { fields: { title: 'X', priceNote: 'seven-figure' } }],
      gross: { amount: '12.00', currency: 'USD' },
    });
    // the original is not changed
    expect(value.mg).toEqual({ amount: '7654321.00', currency: 'EUR' });
    expect(value.audit[0].before).toEqual({ mg_amount: 765432100, mg_currency: 'EUR', status: 'signed' });
  });

  it('costs no copy where there is no money', () => {
    const value = { rows: [{ a: 1, b: [{ c: 'x' }] }], d: null };
    expect(withoutFinancialFields(value)).toBe(value);
    const buffer = Buffer.from('mg');
    expect(withoutFinancialFields(buffer)).toBe(buffer);
  });

  it('names the financial fields a write carries, null ones included', () => {
    expect(financialFieldsIn({ title: 'X', price: null })).toEqual(['price']);
    expect(financialFieldsIn({ title: 'X' })).toEqual([]);
    expect(financialFieldsIn(undefined)).toEqual([]);
  });
});
