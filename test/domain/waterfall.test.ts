/**
 * The recoupment waterfall: the worked example of the seed's deal (Neon's licence of One Second
 * for North America, and Wild Bunch's mandate from the producer), figures exact; then properties
 * on random terms and money, against an oracle that recomputes every period from scratch and
 * shares money one unit at a time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRate, formatAmount, formatRate, parseAmount, parseRate, type Amount, type Rate } from '../../src/domain/money/amounts.js';
import { parsePeriod, periodContaining, reportingPeriods } from '../../src/domain/money/periods.js';
import { compileTerms, statement, type FinancialTerms } from '../../src/domain/money/statement.js';
import {
  checkWaterfall,
  describeSteps,
  runThrough,
  runWaterfall,
  splitAmount,
  type Expense,
  type Receipt,
  type Step,
  type Waterfall,
} from '../../src/domain/money/waterfall.js';
import { parseDay } from '../../src/domain/dates.js';

const usd = (s: string) => parseAmount(s, 'USD');
const show = (a: Amount) => formatAmount(a, 'USD');
const NA = ['US', 'north-america'];

describe('amounts and rates', () => {
  it("reads and writes amounts in the currency's minor unit, never as floats", () => {
    expect(usd('1,500,000.00')).toBe(150_000_000n);
    expect(parseAmount('1500', 'JPY')).toBe(1500n);
    expect(show(-5n)).toBe('-0.05');
    expect(formatAmount(1234n, 'KWD')).toBe('1.234');
    expect(() => parseAmount('1.234', 'USD', 'receipts[3].amount')).toThrow(/receipts\[3\]\.amount: "1.234" is not an amount in USD/);
    expect(() => parseAmount('12e3', 'USD')).toThrow(/not an amount/);
  });
  it('reads rates as people write them and rounds half away from zero once', () => {
    expect(parseRate('30%')).toEqual({ num: 30n, den: 100n });
    expect(formatRate(parseRate('0.125'))).toBe('12.5%');
    expect(() => parseRate('120%', 'fees[0].rate')).toThrow(/fees\[0\]\.rate: "120%" is more than 100%/);
    expect(applyRate(5n, parseRate('10%'))).toBe(1n); // 0.5 rounds up
    expect(applyRate(-5n, parseRate('10%'))).toBe(-1n);
    expect(applyRate(4n, parseRate('10%'))).toBe(0n);
  });
});

describe('reporting periods', () => {
  it('names quarters, halves and years, and switches to annual after the years the contract says', () => {
    expect(parsePeriod('2022-q1')).toMatchObject({ key: '2022-Q1', start: parseDay('2022-01-01'), end: parseDay('2022-03-31') });
    expect(periodContaining(parseDay('2021-07-20'), 'quarterly').key).toBe('2021-Q3');
    expect(() => parsePeriod('2022-Q5', 'period')).toThrow(/period: "2022-Q5" is not a period/);
    const keys = reportingPeriods(parseDay('2021-07-20'), parseDay('2024-02-01'), { frequency: 'quarterly', annualAfterYears: 2 }).map(
      (p) => p.key,
    );
    expect(keys).toEqual(['2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023', '2024']);
  });
});

describe('the worked example: One Second in North America', () => {
  const quarter = (key: string) => ['2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2'].indexOf(key);
  const neon: FinancialTerms = {
    kind: 'licence',
    currency: 'USD',
    reporter: 'Neon',
    recipient: 'Wild Bunch',
    fees: [
      { media: 'theatrical', territory: null, rate: parseRate('30%'), label: 'theatrical' },
      { media: null, territory: null, rate: parseRate('25%'), label: 'all other media' },
    ],
    expenseCap: usd('500,000'),
    advance: usd('1,500,000'),
  };
  const neonReceipts: Receipt[] = [
    { period: quarter('2021-Q4'), media: ['theatrical', 'all-media'], territory: NA, amount: usd('800,000') },
    { period: quarter('2021-Q4'), media: ['svod', 'vod', 'all-media'], territory: NA, amount: usd('1,200,000') },
    { period: quarter('2022-Q1'), media: ['svod', 'vod', 'all-media'], territory: NA, amount: usd('1,000,000') },
  ];
  const neonExpenses: Expense[] = [{ period: quarter('2021-Q4'), category: 'P&A', amount: usd('600,000'), recoupable: true }];

  it("Neon's statement to Wild Bunch for 2021-Q4: fees 540,000, expenses capped at 500,000, MG unrecouped 540,000, nothing due", () => {
    const s = statement(neon, neonReceipts, neonExpenses, quarter('2021-Q4'), 0n);
    const line = (kind: string) => s.lines.find((l) => l.kind === kind)!;
    expect(show(s.receipts.current)).toBe('2000000.00');
    expect(show(line('fee').current)).toBe('540000.00');
    expect(line('fee').parts!.map((p) => show(p.current))).toEqual(['240000.00', '300000.00']);
    expect(show(line('expenses').cumulative)).toBe('500000.00');
    expect(show(line('expenses').overCap!)).toBe('100000.00');
    expect(show(line('recoup').cumulative)).toBe('960000.00');
    expect(show(line('recoup').outstanding!)).toBe('540000.00');
    expect(s.due).toBe(0n);
  });

  it('and for 2022-Q1: fees 790,000 cumulative, MG recouped, overage 210,000 due', () => {
    const s = statement(neon, neonReceipts, neonExpenses, quarter('2022-Q1'), 0n);
    const line = (kind: string) => s.lines.find((l) => l.kind === kind)!;
    expect(show(line('fee').cumulative)).toBe('790000.00');
    expect(show(line('fee').prior)).toBe('540000.00');
    expect(show(line('expenses').cumulative)).toBe('500000.00');
    expect(show(s.receipts.cumulative - line('fee').cumulative - line('expenses').cumulative)).toBe('1710000.00');
    expect(line('recoup').outstanding).toBe(0n);
    expect(show(line('payout').cumulative)).toBe('210000.00');
    expect(show(s.due)).toBe('210000.00');
  });

  const wildBunch: FinancialTerms = {
    kind: 'mandate',
    currency: 'USD',
    reporter: 'Wild Bunch',
    recipient: 'Huanxi Media Group',
    fees: [
      { media: null, territory: 'north-america', rate: parseRate('10%'), label: 'North America' },
      { media: null, territory: null, rate: parseRate('20%'), label: 'elsewhere' },
    ],
    expenseCap: usd('100,000'),
    advance: null,
  };
  const collected: Receipt[] = [
    { period: quarter('2021-Q3'), media: ['all-media'], territory: NA, amount: usd('300,000') },
    { period: quarter('2021-Q3'), media: ['all-media'], territory: NA, amount: usd('1,200,000') },
    { period: quarter('2022-Q2'), media: ['all-media'], territory: NA, amount: usd('210,000') },
  ];
  const salesCosts: Expense[] = [{ period: quarter('2021-Q3'), category: 'markets', amount: usd('120,000'), recoupable: true }];

  it("Wild Bunch's statement to the producer for 2021-Q3: commission 150,000, expenses 100,000 (capped), 1,250,000 due", () => {
    const s = statement(wildBunch, collected, salesCosts, quarter('2021-Q3'), 0n);
    expect(show(s.lines[0].current)).toBe('150000.00');
    expect(show(s.lines[1].current)).toBe('100000.00');
    expect(show(s.due)).toBe('1250000.00');
  });

  it('and for 2022-Q2, after 1,250,000 was paid: commission 21,000, 189,000 due, 1,439,000 paid in all', () => {
    const s = statement(wildBunch, collected, salesCosts, quarter('2022-Q2'), usd('1,250,000'));
    expect(show(s.lines[0].current)).toBe('21000.00');
    expect(show(s.due)).toBe('189000.00');
    expect(show(s.paidBefore + s.due)).toBe('1439000.00');
    expect(show(s.earned.cumulative)).toBe('1439000.00');
  });

  it('reads the terms as a list a person can check', () => {
    expect(describeSteps(compileTerms(neon))).toEqual([
      '1. Distribution fee: 30% of theatrical; 25% of all other media',
      '2. Distribution expenses: recoupable expenses up to USD 500,000.00',
      '3. Minimum guarantee recouped: USD 1,500,000.00 recouped from what is left',
      '4. Overages to the licensor: what is left to Wild Bunch',
    ]);
  });
});

describe('a waterfall that could lose money is refused', () => {
  it('names the step that is wrong', () => {
    const pay: Step = { kind: 'payout', label: 'Balance', party: 'P' };
    expect(() => checkWaterfall({ currency: 'USD', steps: [pay, pay] })).toThrow(/steps\[0\]: a payout must be the last step/);
    const fee: Step = { kind: 'fee', label: 'Fee', rules: [{ media: null, territory: null, rate: parseRate('10%'), label: 'all' }] };
    expect(() => checkWaterfall({ currency: 'USD', steps: [fee, fee, pay] })).toThrow(/steps\[1\]: a fee is taken off the gross receipts/);
    expect(() => checkWaterfall({ currency: 'USD', steps: [{ kind: 'recoup', label: 'MG', amount: 5n }] })).toThrow(
      /steps\[0\]: the last step must give what is left/,
    );
    expect(() =>
      checkWaterfall({ currency: 'USD', steps: [{ kind: 'split', label: 'Overages', shares: [{ party: 'A', rate: parseRate('60%') }] }] }),
    ).toThrow(/steps\[0\]\.shares: the shares must add up to 100% \(they add up to 60%\)/);
  });
});

// ---------------------------------------------------------------- properties against an oracle

const MEDIA = [
  ['theatrical', 'all'],
  ['svod', 'vod', 'all'],
  ['tvod', 'vod', 'all'],
  ['free-tv', 'tv', 'all'],
];
const TERR = [
  ['US', 'na'],
  ['CA', 'na'],
  ['FR', 'europe'],
  ['DE', 'europe'],
  ['JP', 'asia'],
];

const rateArb: fc.Arbitrary<Rate> = fc.integer({ min: 0, max: 100 }).map((n) => ({ num: BigInt(n), den: 100n }));
const ruleArb = fc.record({
  media: fc.option(fc.constantFrom('theatrical', 'vod', 'svod', 'tv', 'all'), { nil: null }),
  territory: fc.option(fc.constantFrom('US', 'na', 'europe', 'JP'), { nil: null }),
  rate: rateArb,
  label: fc.constant('rule'),
});
const sharesArb = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }).map((ws) => {
  const total = ws.reduce((a, b) => a + b, 0);
  return ws.map((w, i) => ({ party: `p${i}`, rate: { num: BigInt(w), den: BigInt(total) } }));
});
const feeStep: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('fee' as const),
  label: fc.constant('Fee'),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
});
const middleStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('expenses' as const),
    label: fc.constant('Expenses'),
    cap: fc.option(fc.bigInt({ min: 0n, max: 5_000n }), { nil: null }),
    categoryCaps: fc.dictionary(fc.constantFrom('pa', 'festival', 'legal'), fc.bigInt({ min: 0n, max: 3_000n }), { maxKeys: 2 }),
  }),
  fc.record({ kind: fc.constant('recoup' as const), label: fc.constant('MG'), amount: fc.bigInt({ min: 0n, max: 8_000n }) }),
  fc.record({
    kind: fc.constant('reserve' as const),
    label: fc.constant('Reserve'),
    rate: rateArb,
    releaseAfter: fc.integer({ min: 1, max: 3 }),
  }),
);
const lastStep: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'payout', label: 'Balance', party: 'p0' }),
  sharesArb.map((shares): Step => ({ kind: 'split', label: 'Split', shares })),
);
const waterfallArb: fc.Arbitrary<Waterfall> = fc
  .tuple(fc.option(feeStep, { nil: null }), fc.array(middleStep, { maxLength: 4 }), lastStep)
  .map(([f, m, l]) => ({ currency: 'USD', steps: [...(f ? [f] : []), ...m, l] }));
const PERIODS = 5;
const receiptArb = fc.record({
  period: fc.integer({ min: 0, max: PERIODS - 1 }),
  media: fc.constantFrom(...MEDIA),
  territory: fc.constantFrom(...TERR),
  amount: fc.bigInt({ min: 0n, max: 4_000n }),
});
const expenseArb = fc.record({
  period: fc.integer({ min: 0, max: PERIODS - 1 }),
  category: fc.constantFrom('pa', 'festival', 'legal'),
  amount: fc.bigInt({ min: 0n, max: 2_000n }),
  recoupable: fc.boolean(),
});

/** D'Hondt one unit at a time: each unit to the party with the highest rate / (units + 1), the lowest index on ties. */
function oracleSplit(pot: bigint, rates: readonly Rate[]): bigint[] {
  const got = rates.map(() => 0n);
  for (let u = 0n; u < pot; u++) {
    let best = 0;
    for (let i = 1; i < rates.length; i++) {
      if (rates[i].num * rates[best].den * (got[best] + 1n) > rates[best].num * rates[i].den * (got[i] + 1n)) best = i;
    }
    got[best]++;
  }
  return got;
}

/** Period N from scratch: every figure from the receipts and expenses up to N, a reserve from the periods before. */
function oracle(
  w: Waterfall,
  receipts: readonly Receipt[],
  expenses: readonly Expense[],
  n: number,
): { lines: bigint[]; toParty: Record<string, bigint> } {
  const upTo = <T extends { period: number }>(xs: readonly T[]) => xs.filter((x) => x.period <= n);
  let pot = upTo(receipts).reduce((a, r) => a + r.amount, 0n);
  const lines: bigint[] = [];
  const toParty: Record<string, bigint> = {};
  for (let k = 0; k < w.steps.length; k++) {
    const s = w.steps[k];
    let take = 0n;
    if (s.kind === 'fee') {
      take = s.rules.reduce((acc, rule, j) => {
        const base = upTo(receipts)
          .filter(
            (r) =>
              s.rules.findIndex(
                (x) => (x.media === null || r.media.includes(x.media)) && (x.territory === null || r.territory.includes(x.territory)),
              ) === j,
          )
          .reduce((a, r) => a + r.amount, 0n);
        return acc + applyRate(base, rule.rate);
      }, 0n);
    } else if (s.kind === 'expenses') {
      const cats = new Map<string, bigint>();
      for (const e of upTo(expenses)) if (e.recoupable) cats.set(e.category, (cats.get(e.category) ?? 0n) + e.amount);
      let allowed = 0n;
      for (const [c, a] of cats) allowed += s.categoryCaps[c] !== undefined && s.categoryCaps[c] < a ? s.categoryCaps[c] : a;
      if (s.cap !== null && s.cap < allowed) allowed = s.cap;
      take = allowed;
    } else if (s.kind === 'recoup') take = s.amount;
    else if (s.kind === 'reserve') {
      // what flowed into this step in each of the last periods, from scratch
      const into = (m: number) => (m < 0 ? 0n : potBefore(w, receipts, expenses, m, k));
      let held = 0n;
      for (let q = Math.max(0, n - s.releaseAfter + 1); q <= n; q++) {
        const d = into(q) - into(q - 1);
        held += d > 0n ? d : 0n;
      }
      take = applyRate(held, s.rate);
    } else if (s.kind === 'split') {
      const got = oracleSplit(
        pot,
        s.shares.map((x) => x.rate),
      );
      s.shares.forEach((x, i) => (toParty[x.party] = (toParty[x.party] ?? 0n) + got[i]));
      take = pot;
    } else {
      toParty[s.party] = (toParty[s.party] ?? 0n) + pot;
      take = pot;
    }
    if (take > pot) take = pot;
    lines.push(take);
    pot -= take;
  }
  return { lines, toParty };
}

function potBefore(w: Waterfall, receipts: readonly Receipt[], expenses: readonly Expense[], n: number, step: number): bigint {
  const total = receipts.filter((r) => r.period <= n).reduce((a, r) => a + r.amount, 0n);
  const { lines } = oracle({ ...w, steps: [...w.steps.slice(0, step), { kind: 'payout', label: '', party: '_' }] }, receipts, expenses, n);
  return total - lines.slice(0, step).reduce((a, b) => a + b, 0n);
}

describe('waterfall properties', () => {
  it('agrees with the from-scratch oracle on every period', () => {
    fc.assert(
      fc.property(waterfallArb, fc.array(receiptArb, { maxLength: 12 }), fc.array(expenseArb, { maxLength: 6 }), (w, rs, es) => {
        const runs = runThrough(w, rs, es, PERIODS - 1);
        for (let n = 0; n < PERIODS; n++) {
          const o = oracle(w, rs, es, n);
          expect(runs[n].lines.map((l) => l.amount)).toEqual(o.lines);
          expect(runs[n].toParty).toEqual(o.toParty);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('conserves money: the lines always add up to the receipts', () => {
    fc.assert(
      fc.property(waterfallArb, fc.array(receiptArb, { maxLength: 12 }), fc.array(expenseArb, { maxLength: 6 }), (w, rs, es) => {
        for (const run of runThrough(w, rs, es, PERIODS - 1)) {
          expect(run.lines.reduce((a, l) => a + l.amount, 0n)).toBe(run.receipts);
          const last = run.lines[run.lines.length - 1];
          expect(Object.values(run.toParty).reduce((a, b) => a + b, 0n)).toBe(last.amount);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a statement is cumulative(N) minus cumulative(N-1), each computed on its own', () => {
    fc.assert(
      fc.property(
        waterfallArb,
        fc.array(receiptArb, { maxLength: 12 }),
        fc.array(expenseArb, { maxLength: 6 }),
        fc.integer({ min: 1, max: PERIODS - 1 }),
        (w, rs, es, n) => {
          const together = runThrough(w, rs, es, n);
          const now = runWaterfall(w, rs, es, n);
          const before = runWaterfall(w, rs, es, n - 1);
          expect(now).toEqual(together[n]);
          expect(before).toEqual(together[n - 1]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('where money only comes in, no cumulative figure goes down (reserves aside, which are released)', () => {
    fc.assert(
      fc.property(
        waterfallArb.filter((w) => !w.steps.some((s) => s.kind === 'reserve')),
        fc.array(receiptArb, { maxLength: 12 }),
        fc.array(
          expenseArb.map((e) => ({ ...e, period: 0 })),
          { maxLength: 6 },
        ),
        (w, rs, es) => {
          const runs = runThrough(w, rs, es, PERIODS - 1);
          for (let n = 1; n < PERIODS; n++) {
            runs[n].lines.forEach((l, i) => expect(l.amount >= runs[n - 1].lines[i].amount).toBe(true));
            for (const [p, a] of Object.entries(runs[n - 1].toParty)) expect(runs[n].toParty[p] >= a).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('caps are enforced, not warned: expenses never recoup more than the caps allow', () => {
    fc.assert(
      fc.property(waterfallArb, fc.array(receiptArb, { maxLength: 12 }), fc.array(expenseArb, { maxLength: 8 }), (w, rs, es) => {
        const run = runWaterfall(w, rs, es, PERIODS - 1);
        w.steps.forEach((s, i) => {
          if (s.kind !== 'expenses') return;
          const line = run.lines[i];
          if (s.cap !== null) expect(line.amount <= s.cap).toBe(true);
          for (const [c, cap] of Object.entries(s.categoryCaps)) {
            const spent = es.filter((e) => e.recoupable && e.category === c).reduce((a, e) => a + e.amount, 0n);
            const others = es.filter((e) => e.recoupable && e.category !== c).reduce((a, e) => a + e.amount, 0n);
            expect(line.amount <= (spent < cap ? spent : cap) + others).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a split never takes from a party as the pot grows, and always shares all of it', () => {
    fc.assert(
      fc.property(sharesArb, fc.bigInt({ min: 0n, max: 300n }), (shares, pot) => {
        const rates = shares.map((s) => s.rate);
        const a = splitAmount(pot, rates);
        const b = splitAmount(pot + 1n, rates);
        expect(a.reduce((x, y) => x + y, 0n)).toBe(pot);
        a.forEach((x, i) => expect(b[i] >= x).toBe(true));
        expect(a).toEqual(oracleSplit(pot, rates));
      }),
      { numRuns: 500 },
    );
  });

  it("a cross-collateralised pool's run does not depend on the order its titles' receipts come in", () => {
    fc.assert(
      fc.property(waterfallArb, fc.array(receiptArb, { maxLength: 8 }), fc.array(receiptArb, { maxLength: 8 }), (w, a, b) => {
        const pooled = runWaterfall(w, [...a, ...b], [], PERIODS - 1);
        const reversed = runWaterfall(w, [...b, ...a], [], PERIODS - 1);
        expect(pooled).toEqual(reversed);
        expect(pooled.receipts).toBe([...a, ...b].reduce((x, r) => x + r.amount, 0n));
      }),
      { numRuns: 100 },
    );
  });
});
