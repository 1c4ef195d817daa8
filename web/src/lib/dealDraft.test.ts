import { describe, expect, it } from 'vitest';
import { contractInput, emptyDraft } from './dealDraft';

describe('the deal editor sends the MG only for a user who may see it', () => {
  const draft = { ...emptyDraft(), mgAmount: '1,500,000.00', mgCurrency: 'eur' };

  it('sends it, or null to clear it, with the financial-terms permission', () => {
    expect(contractInput(draft, { financials: true }).mg).toEqual({ amount: '1500000.00', currency: 'EUR' });
    expect(contractInput({ ...draft, mgAmount: ' ' }, { financials: true })).toHaveProperty('mg', null);
  });

  it('leaves the field out without it (the server keeps the MG on file)', () => {
    expect(contractInput(draft, { financials: false })).not.toHaveProperty('mg');
    expect(contractInput({ ...draft, mgAmount: '' }, { financials: false })).not.toHaveProperty('mg');
  });
});
