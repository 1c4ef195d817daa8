import { describe, expect, it } from 'vitest';
import { conflictRequest, contractInput, emptyDraft, newBlock } from './dealDraft';

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

describe('the deal editor keeps how far a block on a series reaches down', () => {
  const block = {
    ...newBlock(),
    territories: 'Germany',
    media: 'Pay TV',
    includesFuture: false,
    covers: ['borderland-season-1', 'borderland-s1e1'],
    excludes: 'borderland-s1e2, borderland-s1e3',
  };
  const draft = { ...emptyDraft(), titles: [{ id: 'borderland', name: 'Borderland' }], blocks: [block] };

  it('sends includesFuture, the titles it covers and those it leaves out, on save and to the conflict check', () => {
    const want = {
      includesFuture: false,
      covers: ['borderland-season-1', 'borderland-s1e1'],
      excludes: ['borderland-s1e2', 'borderland-s1e3'],
    };
    expect(contractInput(draft, { financials: false }).blocks[0]).toMatchObject(want);
    expect(conflictRequest(draft).body.blocks[0]).toMatchObject({ titleId: 'borderland', ...want });
  });

  it('sends nothing of it for a block that reaches everything under its title (the default)', () => {
    const plain = contractInput({ ...draft, blocks: [{ ...newBlock(), territories: 'Germany', media: 'Pay TV' }] }, { financials: false });
    expect(plain.blocks[0]).not.toHaveProperty('includesFuture');
    expect(plain.blocks[0]).not.toHaveProperty('excludes');
  });
});
