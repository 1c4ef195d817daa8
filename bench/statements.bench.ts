/**
 * Statements benchmark (issue 14): every quarterly statement of 10,000 contracts over 40 quarters
 * (400,000 statements), each contract with its own terms (fee by media and territory, capped
 * expenses, a minimum guarantee, some with a reserve or an overage split) and money in most
 * quarters. Computed the way the product does (one cumulative pass per contract), and, as the
 * baseline in the same run, each statement on its own from scratch (cumulative(N) and
 * cumulative(N-1) computed apart) on a sample of the contracts, per statement.
 */
import { parseRate, type Amount } from '../src/domain/money/amounts.js';
import { compileTerms, statementFrom, type FinancialTerms } from '../src/domain/money/statement.js';
import { runThrough, runWaterfall, type Expense, type Receipt } from '../src/domain/money/waterfall.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

interface Case {
  terms: FinancialTerms;
  receipts: Receipt[];
  expenses: Expense[];
}

function makeCase(rnd: () => number, quarters: number): Case {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const cents = (max: number): Amount => BigInt(Math.floor(rnd() * max) * 100);
  const terms: FinancialTerms = {
    kind: rnd() < 0.5 ? 'licence' : 'mandate',
    currency: 'USD',
    reporter: 'reporter',
    recipient: 'recipient',
    fees: [
      { media: 'theatrical', territory: null, rate: parseRate(`${20 + Math.floor(rnd() * 20)}%`), label: 'Theatrical' },
      { media: null, territory: 'na', rate: parseRate(`${10 + Math.floor(rnd() * 15)}%`), label: 'North America' },
      { media: null, territory: null, rate: parseRate('25%'), label: 'Other' },
    ],
    expenseCap: cents(200_000),
    expenseCategoryCaps: { markets: cents(50_000) },
    advance: cents(1_000_000),
    reserve: rnd() < 0.2 ? { rate: parseRate('10%'), releaseAfter: 4 } : null,
    reporterOverageShare: rnd() < 0.2 ? parseRate('50%') : null,
  };
  const receipts: Receipt[] = [];
  const expenses: Expense[] = [];
  for (let q = 0; q < quarters; q++) {
    const n = Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) receipts.push({ period: q, media: pick(MEDIA), territory: pick(TERR), amount: cents(100_000) });
    if (rnd() < 0.15)
      expenses.push({ period: q, category: pick(['P&A', 'markets', 'legal']), amount: cents(40_000), recoupable: rnd() < 0.9 });
  }
  return { terms, receipts, expenses };
}

export async function statementsBench(contracts = Number(process.env.BENCH_STATEMENT_CONTRACTS ?? 10_000), quarters = 40): Promise<void> {
  const rnd = prng(14);
  const cases = Array.from({ length: contracts }, () => makeCase(rnd, quarters));
  const sample = cases.slice(0, Math.min(200, contracts));
  // warm up
  for (const c of sample) runThrough(compileTerms(c.terms), c.receipts, c.expenses, quarters - 1);

  let t0 = performance.now();
  let due = 0n;
  for (const c of cases) {
    const runs = runThrough(compileTerms(c.terms), c.receipts, c.expenses, quarters - 1);
    for (let n = 0; n < quarters; n++) due += statementFrom(c.terms, runs[n], n > 0 ? runs[n - 1] : null, 0n).due;
  }
  const allMs = performance.now() - t0;

  t0 = performance.now();
  for (const c of sample) {
    const w = compileTerms(c.terms);
    for (let n = 0; n < quarters; n++) {
      const now = runWaterfall(w, c.receipts, c.expenses, n);
      const before = n > 0 ? runWaterfall(w, c.receipts, c.expenses, n - 1) : null;
      statementFrom(c.terms, now, before, 0n);
    }
  }
  const scratchMs = performance.now() - t0;
  const perProduct = (allMs * 1000) / (contracts * quarters);
  const perScratch = (scratchMs * 1000) / (sample.length * quarters);

  console.log('\n## Statements (bench/statements.bench.ts)\n');
  console.log(
    `${contracts.toLocaleString('en')} contracts x ${quarters} quarters = ${(contracts * quarters).toLocaleString('en')} statements (money due in all: ${due > 0n ? 'yes' : 'none'})\n`,
  );
  console.log(
    '| figure | time | per statement | baseline: each statement from scratch (sample of ' + sample.length + ' contracts) | ratio |',
  );
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| every statement, one pass per contract | ${(allMs / 1000).toFixed(2)} s | ${perProduct.toFixed(1)} µs | ${perScratch.toFixed(1)} µs | ${(perScratch / perProduct).toFixed(1)}x faster |`,
  );
}
