import { describe, expect, it } from 'vitest';
import { conflictRequest, contractInput, dealFieldLabel, emptyDraft, newBlock } from './dealDraft';

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

describe('the deal editor sends a term that follows an event', () => {
  const block = {
    ...newBlock(),
    territories: 'Germany',
    media: 'Pay TV',
    start: '2027-01-01',
    end: '2031-12-31',
    startCondition: { event: 'release' as const, territory: 'de', media: 'theatrical', offset: '6', unit: 'months' as const },
  };
  const draft = { ...emptyDraft(), titles: [{ id: 'tidewater', name: 'Tidewater' }], blocks: [block] };

  it('as a condition instead of the start date, the country upper-cased', () => {
    const sent = contractInput(draft, { financials: false }).blocks[0];
    expect(sent).toMatchObject({
      start: null,
      end: '2031-12-31',
      startCondition: { event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' },
    });
    expect(sent).not.toHaveProperty('endCondition');
  });

  it('to the conflict check, from a known day rather than from the beginning', () => {
    const [checked] = conflictRequest(draft).body.blocks as Array<{ start: string | null; end: string | null }>;
    expect(checked.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(checked.end).toBe('2031-12-31');
  });
});

describe('a deal from the press whose term was not reported', () => {
  const block = { ...newBlock(), territories: 'France', media: 'All Media', start: '2024-03-01', termNotReported: true };
  const draft = { ...emptyDraft(), titles: [{ id: 'quiet-harbour', name: 'Quiet Harbour' }], blocks: [block] };

  it('keeps the term not reported on save and in the conflict check while no end is entered', () => {
    expect(contractInput(draft, { financials: false }).blocks[0]).toMatchObject({ end: null, termReported: false });
    expect(conflictRequest(draft).body.blocks[0]).toMatchObject({ end: null, termReported: false });
  });

  it('is cleared by an end date: the term is then reported', () => {
    const dated = { ...draft, blocks: [{ ...block, end: '2026-12-31' }] };
    expect(contractInput(dated, { financials: false }).blocks[0]).not.toHaveProperty('termReported');
    expect(contractInput(dated, { financials: false }).blocks[0]).toMatchObject({ end: '2026-12-31' });
  });
});

describe('a refused deal names the field as the editor labels it', () => {
  it('reads the server’s path as the label: titles, parties, a block’s and a holdback’s fields, the MG', () => {
    expect(dealFieldLabel('titleIds')).toBe('Titles');
    expect(dealFieldLabel('titleIds[0]')).toBe('Titles');
    expect(dealFieldLabel('licenseeId')).toBe('Licensee');
    expect(dealFieldLabel('newCompanies.salesAgent.name')).toBe('Sales agent');
    expect(dealFieldLabel('blocks[0].territories')).toBe('Territories of rights block 1');
    expect(dealFieldLabel('blocks[2].end')).toBe('End of rights block 3');
    expect(dealFieldLabel('blocks[1]')).toBe('Rights block 2');
    expect(dealFieldLabel('holdbacks[0].end')).toBe('Until of holdback 1');
    expect(dealFieldLabel('negotiators[1].personId')).toBe('Person of negotiator 2');
    expect(dealFieldLabel('mg.amount')).toBe('Minimum guarantee');
    expect(dealFieldLabel('mg.currency')).toBe('Currency of the minimum guarantee');
    expect(dealFieldLabel('somethingElse')).toBeUndefined();
  });

  it('sends an MG that does not read as an amount as typed, so the refusal quotes what the user wrote', () => {
    const mg = (typed: string) => contractInput({ ...emptyDraft(), mgAmount: typed, mgCurrency: 'eur' }, { financials: true }).mg;
    expect(mg(' 1 500 000 ')).toEqual({ amount: '1500000', currency: 'EUR' });
    expect(mg('1,5 Mio')).toEqual({ amount: '1,5 Mio', currency: 'EUR' });
    expect(mg('-5,000')).toEqual({ amount: '-5,000', currency: 'EUR' });
  });
});
