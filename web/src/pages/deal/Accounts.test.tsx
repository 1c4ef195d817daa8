import { describe, expect, it } from 'vitest';
import { endedPeriods } from './Accounts';
import { percent } from './AccountsTerms';

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
  });
});
