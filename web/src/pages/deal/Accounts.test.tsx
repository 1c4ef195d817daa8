import { describe, expect, it } from 'vitest';
import { endedPeriods } from './Accounts';
import type { TermsView } from '../../../../src/contract/index.js';
import { draftOf, inputOf, percent } from './termsDraft';

describe('the accounts section', () => {
  it('shows a decimal rate as a percentage without floating point', () => {
    expect(percent('0.2')).toBe('20%');
    expect(percent('0.8')).toBe('80%');
    expect(percent('0.125')).toBe('12.5%');
    expect(percent('1')).toBe('100%');
    expect(percent('0.07')).toBe('7%');
  });

  it('lists the ended reporting periods, newest first', () => {
    expect(endedPeriods('2021-07-20', 'quarterly', '2022-04-01')).toEqual(['2022-Q1', '2021-Q4', '2021-Q3']);
    expect(endedPeriods('2021-07-20', 'quarterly', '2022-03-31')).toEqual(['2021-Q4', '2021-Q3']);
    expect(endedPeriods('2021-02-01', 'semi-annual', '2022-07-01')).toEqual(['2022-H1', '2021-H2', '2021-H1']);
    expect(endedPeriods('2020-05-01', 'annual', '2022-01-01')).toEqual(['2021', '2020']);
    expect(endedPeriods('2021-07-20', 'quarterly', '2024-01-01', 2)).toEqual([
      '2023',
      '2022-Q4',
      '2022-Q3',
      '2022-Q2',
      '2022-Q1',
      '2021-Q4',
      '2021-Q3',
    ]);
  });

  it('carries every term of the API through the form and back', () => {
    const view: TermsView = {
      contractId: 'c1',
      kind: 'licence',
      currency: 'USD',
      fees: [{ media: 'Theatrical', territories: 'France', rate: '0.3', label: 'Theatrical in France' }],
      expenseCap: '500000.00',
      expenseCaps: [{ category: 'P&A', cap: '400000.00' }],
      reserve: { rate: '0.1', releaseAfter: 2 },
      reporterOverageShare: '0.5',
      frequency: 'quarterly',
      annualAfterYears: 3,
      statementDueDays: 60,
      reportingFrom: '2021-07-20',
      pool: 'one-second',
      mg: { amount: '1500000.00', currency: 'USD' },
      instalments: [{ label: 'On delivery', rate: '0.8', amount: null, dueOn: null, dueEvent: 'delivery', dueDays: 30 }],
      events: { delivery: '2021-09-01' },
      version: 4,
    };
    expect(inputOf(draftOf(view), view)).toEqual({
      kind: 'licence',
      currency: 'USD',
      frequency: 'quarterly',
      annualAfterYears: 3,
      statementDueDays: 60,
      reportingFrom: '2021-07-20',
      expenseCap: '500000.00',
      expenseCaps: [{ category: 'P&A', cap: '400000.00' }],
      reserve: { rate: '10%', releaseAfter: 2 },
      reporterOverageShare: '50%',
      pool: 'one-second',
      fees: [{ media: 'Theatrical', territories: 'France', rate: '30%', label: 'Theatrical in France' }],
      instalments: [{ label: 'On delivery', rate: '80%', dueEvent: 'delivery', dueDays: 30 }],
      events: { signature: null, delivery: '2021-09-01', 'first-release': null },
      version: 4,
    });
    expect(() => inputOf({ ...draftOf(view), annualAfterYears: 'three' }, view)).toThrow(/annualAfterYears: a whole number/);
  });
});
