/**
 * Held-out scenarios of the waterfall, each worked out by hand in the comments before the code was
 * asked (the figures below were not taken from the code under test): (a) a USD licence whose
 * revenue comes in EUR and GBP at the user's rates per period; (b) a reserve against returns held
 * and released two periods later; (c) two titles cross-collateralised, one losing and one winning,
 * against the same two titles accounted apart. The same scenarios run through the API in
 * test/api/money-heldout.api.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, parseRate, type Amount } from '../../src/domain/money/amounts.js';
import { convert, type ExchangeRate } from '../../src/domain/money/exchange.js';
import { statement, type FinancialTerms } from '../../src/domain/money/statement.js';
import type { Receipt } from '../../src/domain/money/waterfall.js';

const usd = (s: string) => parseAmount(s, 'USD');
const show = (a: Amount) => formatAmount(a, 'USD');
const licence = (over: Partial<FinancialTerms>): FinancialTerms => ({
  kind: 'licence',
  currency: 'USD',
  reporter: 'licensee',
  recipient: 'licensor',
  fees: [{ media: null, territory: null, rate: parseRate('25%'), label: 'All media' }],
  expenseCap: null,
  advance: null,
  ...over,
});
const receipt = (period: number, media: string, amount: Amount): Receipt => ({ period, media: [media], territory: ['world'], amount });
/** Each period's statement as [receipts, fee, MG recouped, reserve, payout, due] (current column), dues paid as they fall. */
function run(terms: FinancialTerms, receipts: Receipt[], periods: number) {
  const out: string[][] = [];
  let paid = 0n;
  for (let p = 0; p < periods; p++) {
    const s = statement(terms, receipts, [], p, paid);
    const line = (kind: string) => show(s.lines.filter((l) => l.kind === kind).reduce((a, l) => a + l.current, 0n));
    out.push([show(s.receipts.current), line('fee'), line('recoup'), line('reserve'), line('payout'), show(s.due)]);
    paid += s.due;
  }
  return out;
}

describe('held-out scenario (a): revenue in EUR and GBP on a USD licence, at the rates of each period', () => {
  // Terms: fee 30% theatrical, 20% other media; MG USD 50,000; no expenses; quarterly.
  // Rates the user entered: 2022-Q1 1 EUR = 1.10 USD, 1 GBP = 1.35 USD; 2022-Q2 1 EUR = 1.0537 USD, 1 GBP = 1.25 USD.
  const rates: ExchangeRate[] = [
    { period: '2022-Q1', from: 'EUR', to: 'USD', rate: '1.10' },
    { period: '2022-Q1', from: 'GBP', to: 'USD', rate: '1.35' },
    { period: '2022-Q2', from: 'EUR', to: 'USD', rate: '1.0537' },
    { period: '2022-Q2', from: 'GBP', to: 'USD', rate: '1.25' },
  ];
  const lines: Array<[number, string, string, string]> = [
    [0, 'theatrical', '100000.00', 'EUR'], // x 1.10   = 110,000.00
    [0, 'svod', '40000.00', 'GBP'], //        x 1.35   =  54,000.00
    [1, 'svod', '50000.00', 'EUR'], //        x 1.0537 =  52,685.00
    [1, 'svod', '33333.33', 'EUR'], //        x 1.0537 =  35,123.329821 -> 35,123.33 (rounded once, half away from zero)
    [1, 'theatrical', '10000.00', 'GBP'], //  x 1.25   =  12,500.00
    [1, 'svod', '20000.00', 'USD'], //        as it is =  20,000.00
  ];
  const terms = licence({
    fees: [
      { media: 'theatrical', territory: null, rate: parseRate('30%'), label: 'Theatrical' },
      { media: null, territory: null, rate: parseRate('20%'), label: 'Other media' },
    ],
    advance: usd('50000'),
  });
  const receipts = lines.map(([p, media, amount, cur]) =>
    receipt(p, media, convert(parseAmount(amount, cur), cur, 'USD', p === 0 ? '2022-Q1' : '2022-Q2', rates)),
  );

  it('converts each line once at its period rate', () => {
    expect(receipts.map((r) => show(r.amount))).toEqual(['110000.00', '54000.00', '52685.00', '35123.33', '12500.00', '20000.00']);
  });

  it('gives the figures worked out by hand', () => {
    // 2022-Q1: gross 110,000 + 54,000 = 164,000. Fee 30% x 110,000 = 33,000 + 20% x 54,000 = 10,800 -> 43,800.
    //   Net 120,200; MG 50,000 recouped in full; overage 70,200: due 70,200.
    // 2022-Q2: gross 52,685 + 35,123.33 + 12,500 + 20,000 = 120,308.33 (cumulative 284,308.33).
    //   The fee is taken on the cumulative bases: theatrical 122,500 x 30% = 36,750.00;
    //   other media 54,000 + 107,808.33 = 161,808.33 x 20% = 32,361.666 -> 32,361.67; cumulative 69,111.67,
    //   so 69,111.67 - 43,800 = 25,311.67 this period. Cumulative net 284,308.33 - 69,111.67 = 215,196.66;
    //   less the MG 50,000: cumulative overage 165,196.66, of which 165,196.66 - 70,200 = 94,996.66 now; due 94,996.66.
    expect(run(terms, receipts, 2)).toEqual([
      ['164000.00', '43800.00', '50000.00', '0.00', '70200.00', '70200.00'],
      ['120308.33', '25311.67', '0.00', '0.00', '94996.66', '94996.66'],
    ]);
  });

  it('refuses a line whose period has no rate, naming both currencies and the period', () => {
    expect(() => convert(100n, 'GBP', 'USD', '2022-Q3', rates, 'revenue row 7')).toThrow(
      /revenue row 7: no exchange rate from GBP to USD for 2022-Q3/,
    );
  });
});

describe('held-out scenario (b): a reserve against returns, held and released two periods later', () => {
  // Terms: fee 25% on everything; MG USD 100,000; 20% of what is left after the MG held, released
  // after 2 periods (money that reaches the reserve in period q is held in the statements of q and
  // q+1 and paid in the statement of q+2). Receipts: 200,000 in P0, 100,000 in P1, nothing after.
  const terms = licence({ advance: usd('100000'), reserve: { rate: parseRate('20%'), releaseAfter: 2 } });
  const receipts = [receipt(0, 'svod', usd('200000')), receipt(1, 'svod', usd('100000'))];

  it('gives the figures worked out by hand', () => {
    // P0: fee 50,000; net 150,000; MG 100,000 recouped; 50,000 reaches the reserve: 20% = 10,000 held;
    //     40,000 paid out; due 40,000.
    // P1: cumulative gross 300,000; fee 75,000 (25,000 now); net 225,000; MG 100,000; 125,000 reached the
    //     reserve, 75,000 of it now. Held: 20% of (50,000 + 75,000) = 25,000 (15,000 more now).
    //     Payout cumulative 100,000, so 60,000 now; due 60,000.
    // P2: nothing new. P0's 50,000 leaves the window: held 20% of 75,000 = 15,000 (10,000 released);
    //     payout 110,000 cumulative, 10,000 now: due 10,000.
    // P3: P1's 75,000 leaves the window: held 0 (15,000 released); payout 125,000 cumulative, 15,000 now.
    // P4: nothing moves. Conservation at the end: fee 75,000 + MG 100,000 + reserve 0 + payout 125,000 = 300,000.
    expect(run(terms, receipts, 5)).toEqual([
      ['200000.00', '50000.00', '100000.00', '10000.00', '40000.00', '40000.00'],
      ['100000.00', '25000.00', '0.00', '15000.00', '60000.00', '60000.00'],
      ['0.00', '0.00', '0.00', '-10000.00', '10000.00', '10000.00'],
      ['0.00', '0.00', '0.00', '-15000.00', '15000.00', '15000.00'],
      ['0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
    ]);
  });
});

describe('held-out scenario (c): two titles cross-collateralised, one losing and one winning', () => {
  // Two licences on the same terms: fee 25%, MG USD 100,000 each. Title A grosses 40,000, title B 300,000,
  // all in the first period.
  const a = [receipt(0, 'svod', usd('40000'))];
  const b = [receipt(0, 'svod', usd('300000'))];
  const one = licence({ advance: usd('100000') });

  it('accounted apart: A owes nothing, B its own overage', () => {
    // A: fee 10,000; net 30,000 recoups 30,000 of its MG (70,000 unrecouped); due 0.
    // B: fee 75,000; net 225,000; MG 100,000; overage 125,000; due 125,000. Together 125,000 is due.
    const sa = statement(one, a, [], 0, 0n);
    const sb = statement(one, b, [], 0, 0n);
    expect([show(sa.due), show(sa.lines.find((l) => l.kind === 'recoup')!.outstanding!)]).toEqual(['0.00', '70000.00']);
    expect(show(sb.due)).toBe('125000.00');
  });

  it("pooled: A's shortfall is recouped from B's overage", () => {
    // The pool as one: gross 340,000; fee 85,000; net 255,000; the two MGs 200,000 recouped in full;
    // overage 55,000: due 55,000 (70,000 less than apart: A's unrecouped MG).
    const pool = statement(licence({ advance: usd('200000') }), [...a, ...b], [], 0, 0n);
    expect(pool.lines.map((l) => [l.kind, show(l.current)])).toEqual([
      ['fee', '85000.00'],
      ['expenses', '0.00'],
      ['recoup', '200000.00'],
      ['payout', '55000.00'],
    ]);
    expect(show(pool.due)).toBe('55000.00');
  });
});
