/** Minimum guarantee instalments and currency conversion, as the accounts need them. */
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/domain/dates.js';
import { parseAmount, parseRate } from '../../src/domain/money/amounts.js';
import { convert } from '../../src/domain/money/exchange.js';
import { checkInstalments, instalmentAmounts, instalmentSchedule, type Instalment } from '../../src/domain/money/instalments.js';

const usd = (s: string) => parseAmount(s, 'USD');
const MG = usd('1,500,000');
const neon: Instalment[] = [
  { label: 'On signature', share: { rate: parseRate('20%') }, due: { event: 'signature' } },
  { label: 'On delivery', share: { rate: parseRate('80%') }, due: { event: 'delivery' } },
];

describe('minimum guarantee instalments', () => {
  it("Neon's MG: 20% on signature (2021-07-20) and 80% on delivery (2021-09-01)", () => {
    expect(instalmentAmounts(MG, neon)).toEqual([usd('300,000'), usd('1,200,000')]);
    const events = { signature: parseDay('2021-07-20'), delivery: parseDay('2021-09-01') };
    const onAug1 = instalmentSchedule(MG, neon, events, [usd('300,000')], parseDay('2021-08-01'));
    expect(onAug1.map((d) => d.status)).toEqual(['paid', 'not-yet-due']);
    const late = instalmentSchedule(MG, neon, events, [usd('300,000'), usd('200,000')], parseDay('2021-09-15'));
    expect(late[1]).toMatchObject({ status: 'overdue', paid: usd('200,000'), dueOn: parseDay('2021-09-01') });
    const noDelivery = instalmentSchedule(MG, neon, { signature: parseDay('2021-07-20') }, [], parseDay('2021-09-15'));
    expect(noDelivery.map((d) => d.status)).toEqual(['overdue', 'waiting']);
  });

  it('shares that do not divide evenly still add up to the guarantee', () => {
    const thirds: Instalment[] = [1, 2, 3].map((n) => ({
      label: `#${n}`,
      share: { rate: { num: 1n, den: 3n } },
      due: { day: parseDay(`2022-0${n}-01`) },
    }));
    const amounts = instalmentAmounts(100n, thirds);
    expect(amounts).toEqual([33n, 33n, 34n]);
    expect(() => checkInstalments(100n, thirds)).not.toThrow();
  });

  it('a schedule that does not add up to the guarantee is refused', () => {
    const short: Instalment[] = [{ label: 'Signature', share: { rate: parseRate('20%') }, due: { event: 'signature' } }];
    expect(() => checkInstalments(MG, short)).toThrow(/instalments: they add up to 30000000 minor units, not the guarantee's 150000000/);
  });
});

describe('exchange rates per period', () => {
  const rates = [{ period: '2022-Q1', from: 'EUR', to: 'USD', rate: '1.1213' }];
  it('converts at the rate of the period, either way, rounding once to the minor unit', () => {
    expect(convert(parseAmount('1000.00', 'EUR'), 'EUR', 'USD', '2022-Q1', rates)).toBe(usd('1121.30'));
    expect(convert(usd('1121.30'), 'USD', 'EUR', '2022-Q1', rates)).toBe(parseAmount('1000.00', 'EUR'));
    expect(convert(parseAmount('1000', 'JPY'), 'JPY', 'JPY', '2022-Q1', [])).toBe(1000n);
    expect(
      convert(parseAmount('100.00', 'EUR'), 'EUR', 'JPY', '2022-Q1', [{ period: '2022-Q1', from: 'EUR', to: 'JPY', rate: '140.5' }]),
    ).toBe(14050n);
  });
  it('a missing rate names the currencies and the period', () => {
    expect(() => convert(100n, 'GBP', 'USD', '2022-Q1', rates, 'receipts[2].amount')).toThrow(
      /receipts\[2\]\.amount: no exchange rate from GBP to USD for 2022-Q1/,
    );
  });
});
