import { invalid } from '../errors.js';
import { max, type Amount, type Rate } from './amounts.js';
import { runThrough, type Expense, type RateRule, type Receipt, type Run, type Step, type Waterfall } from './waterfall.js';

/**
 * A contract's financial terms, as the deal memo writes them, and the statement they produce.
 *
 * - A **licence** (a distributor to its licensor): the distribution fee by media, the
 *   distributor's recoupable expenses up to a cap, recoupment of the minimum guarantee it paid,
 *   then the overages, all to the licensor unless a share of them stays with the distributor.
 * - A **mandate** (a sales agent to its producer): the commission by territory and media, the
 *   sales and marketing expenses up to a cap, recoupment of any advance the agent paid, then the
 *   balance to the producer.
 * Either may hold a reserve against returns from what would be paid out.
 */
export interface FinancialTerms {
  kind: 'licence' | 'mandate';
  currency: string;
  /** Who reports and keeps the fee (the distributor or the sales agent). */
  reporter: string;
  /** Who is paid the balance (the licensor or the producer). */
  recipient: string;
  /** Distribution fees (licence) or commission (mandate), first matching rule wins. */
  fees: readonly RateRule[];
  expenseCap: Amount | null;
  expenseCategoryCaps?: Readonly<Record<string, Amount>>;
  /** The minimum guarantee (licence) or advance (mandate) recouped from the net; null: none. */
  advance: Amount | null;
  reserve?: { rate: Rate; releaseAfter: number } | null;
  /** A licence: the reporter's share of overages (null or absent: all to the recipient). */
  reporterOverageShare?: Rate | null;
}

/** The steps the terms compile to, in the order the money flows. */
export function compileTerms(t: FinancialTerms): Waterfall {
  const licence = t.kind === 'licence';
  const steps: Step[] = [];
  if (t.fees.length) steps.push({ kind: 'fee', label: licence ? 'Distribution fee' : 'Commission', rules: t.fees });
  steps.push({
    kind: 'expenses',
    label: licence ? 'Distribution expenses' : 'Sales and marketing expenses',
    cap: t.expenseCap,
    categoryCaps: t.expenseCategoryCaps ?? {},
  });
  if (t.advance !== null && t.advance > 0n) {
    steps.push({ kind: 'recoup', label: licence ? 'Minimum guarantee recouped' : 'Advance recouped', amount: t.advance });
  }
  if (t.reserve)
    steps.push({ kind: 'reserve', label: 'Reserve against returns', rate: t.reserve.rate, releaseAfter: t.reserve.releaseAfter });
  const share = t.reporterOverageShare;
  if (share && share.num > 0n) {
    steps.push({
      kind: 'split',
      label: licence ? 'Overages' : 'Balance',
      shares: [
        { party: t.recipient, rate: { num: share.den - share.num, den: share.den } },
        { party: t.reporter, rate: share },
      ],
    });
  } else steps.push({ kind: 'payout', label: licence ? 'Overages to the licensor' : 'Balance to the producer', party: t.recipient });
  return { currency: t.currency, steps };
}

export interface Figure {
  prior: Amount;
  current: Amount;
  cumulative: Amount;
}

export interface StatementLine extends Figure {
  step: number;
  kind: Step['kind'];
  label: string;
  parts?: Array<{ label: string } & Figure>;
  /** Still to recoup at the end of the period (expenses allowed but not yet recouped, an advance's unrecouped part). */
  outstanding?: Amount;
  /** Expenses spent beyond the caps: never recouped. */
  overCap?: Amount;
}

export interface Statement {
  period: number;
  currency: string;
  receipts: Figure;
  lines: StatementLine[];
  /** What the recipient has earned under the terms, cumulative. */
  earned: Figure;
  /** Paid to the recipient before this statement. */
  paidBefore: Amount;
  /** What this statement says is owed to the recipient now (never negative: a shortfall carries forward). */
  due: Amount;
}

const figure = (prior: Amount, cumulative: Amount): Figure => ({ prior, current: cumulative - prior, cumulative });

/**
 * The statement of period `period` (an index into the contract's reporting periods): each line's
 * prior, current and cumulative figures, and the amount due to the recipient given what was paid to
 * it before.
 */
export function statement(
  terms: FinancialTerms,
  receipts: readonly Receipt[],
  expenses: readonly Expense[],
  period: number,
  paidBefore: Amount,
): Statement {
  if (!Number.isInteger(period) || period < 0) throw invalid('period', period, 'period: not a reporting period of this contract');
  const runs = runThrough(compileTerms(terms), receipts, expenses, period);
  return statementFrom(terms, runs[period], period > 0 ? runs[period - 1] : null, paidBefore);
}

/** A statement from two cumulative runs (the period's and the one before, null for the first). */
export function statementFrom(terms: FinancialTerms, now: Run, before: Run | null, paidBefore: Amount): Statement {
  const lines = now.lines.map((l, i): StatementLine => {
    const b = before?.lines[i];
    const line: StatementLine = { step: l.step, kind: l.kind, label: l.label, ...figure(b?.amount ?? 0n, l.amount) };
    if (l.parts) line.parts = l.parts.map((part, j) => ({ label: part.label, ...figure(b?.parts?.[j]?.amount ?? 0n, part.amount) }));
    if (l.outstanding !== undefined) line.outstanding = l.outstanding;
    if (l.kind === 'expenses' && l.spent !== undefined && l.allowed !== undefined) line.overCap = l.spent - l.allowed;
    return line;
  });
  const earnedNow = now.toParty[terms.recipient] ?? 0n;
  const earnedBefore = before?.toParty[terms.recipient] ?? 0n;
  return {
    period: now.period,
    currency: terms.currency,
    receipts: figure(before?.receipts ?? 0n, now.receipts),
    lines,
    earned: figure(earnedBefore, earnedNow),
    paidBefore,
    due: max(0n, earnedNow - paidBefore),
  };
}
