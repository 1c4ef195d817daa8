import { invalid } from '../errors.js';
import {
  addRates,
  applyRate,
  applyRateDown,
  compareRates,
  formatAmount,
  formatRate,
  max,
  min,
  WHOLE,
  type Amount,
  type Rate,
} from './amounts.js';

/**
 * The recoupment waterfall: how the money a contract brings in is divided, step after step, until
 * nothing is left. Every statement of the business is one: a distributor's to its licensor (gross
 * receipts, the distribution fee by media, recoupable expenses up to a cap, recoupment of the
 * minimum guarantee, overages), a sales agent's to its producer (collections, commission by
 * territory and media, sales expenses up to a cap, the balance).
 *
 * The figures are cumulative: `runWaterfall` answers "from the first day through period N, where
 * did each unit of money go", and a statement's current column is cumulative(N) minus
 * cumulative(N-1). So a late report, a correction or an expense booked after the fact settles in the
 * next statement by itself, and a cap is a cap over the life of the contract, not per period.
 *
 * Conservation: every unit received ends in exactly one line (a fee, expenses, recoupment, a
 * reserve, a share, the payout); the lines of a run always add up to the receipts.
 */

/** A receipt: money the contract brought in, in the waterfall's currency. */
export interface Receipt {
  /** The index of its reporting period (0 = the first). */
  period: number;
  /** The media it was earned in, with every group above it (e.g. ["svod", "vod", "all-media"]). */
  media: readonly string[];
  /** The territory it was earned in, with every group holding it (e.g. ["US", "north-america"]). */
  territory: readonly string[];
  amount: Amount;
}

/** An expense the recipient of the money spent on the title (prints and advertising, sales costs). */
export interface Expense {
  period: number;
  category: string;
  amount: Amount;
  /** Only recoupable expenses come out of the receipts. */
  recoupable: boolean;
}

/** A rate for receipts of some media and/or territory; the first rule that matches a receipt applies. */
export interface RateRule {
  /** A media code or group (null: any media). */
  media: string | null;
  /** A territory code or group (null: anywhere). */
  territory: string | null;
  rate: Rate;
  /** How the statement names it ("Theatrical", "North America"). */
  label: string;
}

export type Step =
  /** A fee (or commission) on the gross receipts, at the rate of the first rule each receipt matches. */
  | { kind: 'fee'; label: string; rules: readonly RateRule[] }
  /** Recoupable expenses, capped over the life of the contract (overall and per category). */
  | { kind: 'expenses'; label: string; cap: Amount | null; categoryCaps: Readonly<Record<string, Amount>> }
  /** An advance (a minimum guarantee) recouped from what is left. */
  | { kind: 'recoup'; label: string; amount: Amount }
  /** A share of what is left held against returns, released `releaseAfter` periods later. */
  | { kind: 'reserve'; label: string; rate: Rate; releaseAfter: number }
  /** What is left, shared between parties (the shares add up to 100%). */
  | { kind: 'split'; label: string; shares: ReadonlyArray<{ party: string; rate: Rate }> }
  /** What is left, to one party. */
  | { kind: 'payout'; label: string; party: string };

export interface Waterfall {
  currency: string;
  steps: readonly Step[];
}

/** One line of a run: what a step took, cumulative through the period asked. */
export interface Line {
  step: number;
  kind: Step['kind'];
  label: string;
  amount: Amount;
  /** A fee's rules, each with its base and amount; a split's shares. */
  parts?: Array<{ label: string; base?: Amount; rate?: Rate; amount: Amount; party?: string }>;
  /** For expenses: spent (recoupable), allowed under the caps, and still to recoup. For a recoupment: still to recoup. */
  spent?: Amount;
  allowed?: Amount;
  outstanding?: Amount;
}

export interface Run {
  period: number;
  receipts: Amount;
  lines: Line[];
  /** What each party was given (payouts and split shares), cumulative. */
  toParty: Record<string, Amount>;
}

/** Refuses a waterfall that could lose or invent money: it must end by giving what is left to someone. */
export function checkWaterfall(w: Waterfall): void {
  if (w.steps.length === 0) throw invalid('steps', w.steps, 'steps: a waterfall needs at least a payout');
  w.steps.forEach((s, i) => {
    const f = `steps[${i}]`;
    const last = i === w.steps.length - 1;
    if ((s.kind === 'payout' || s.kind === 'split') !== last) {
      throw invalid(
        f,
        s.kind,
        last ? `${f}: the last step must give what is left to someone (a payout or a split)` : `${f}: a ${s.kind} must be the last step`,
      );
    }
    if (s.kind === 'fee' && i > 0)
      throw invalid(f, s.kind, `${f}: a fee is taken off the gross receipts: it is the first step, and the only fee`);
    if (s.kind === 'fee' && s.rules.length === 0) throw invalid(`${f}.rules`, s.rules, `${f}.rules: a fee needs at least one rate`);
    if ((s.kind === 'expenses' && s.cap !== null && s.cap < 0n) || (s.kind === 'recoup' && s.amount < 0n)) {
      throw invalid(f, s.kind, `${f}: an amount may not be negative`);
    }
    if (s.kind === 'reserve' && (!Number.isInteger(s.releaseAfter) || s.releaseAfter < 1)) {
      throw invalid(`${f}.releaseAfter`, s.releaseAfter, `${f}.releaseAfter: a reserve is released after one period or more`);
    }
    if (s.kind === 'split') {
      const total = s.shares.reduce((a, x) => addRates(a, x.rate), { num: 0n, den: 1n });
      if (s.shares.length === 0 || compareRates(total, WHOLE) !== 0) {
        throw invalid(`${f}.shares`, s.shares, `${f}.shares: the shares must add up to 100% (they add up to ${formatRate(total)})`);
      }
    }
  });
}

function matches(rule: RateRule, r: Receipt): boolean {
  return (rule.media === null || r.media.includes(rule.media)) && (rule.territory === null || r.territory.includes(rule.territory));
}

/**
 * A split of `pot` in whole minor units that never takes from a party when the pot grows: each
 * party first gets its share rounded down, and the few units left go one by one to the party whose
 * share is furthest behind (the highest rate per unit already given, as in a divisor method).
 */
export function splitAmount(pot: Amount, rates: readonly Rate[]): Amount[] {
  const got = rates.map((r) => applyRateDown(pot, r));
  let left = pot - got.reduce((a, b) => a + b, 0n);
  while (left > 0n) {
    let best = 0;
    // priority rate / (got + 1): compare r_a * (got_b + 1) against r_b * (got_a + 1)
    for (let i = 1; i < rates.length; i++) {
      const a = rates[i].num * rates[best].den * (got[best] + 1n);
      const b = rates[best].num * rates[i].den * (got[i] + 1n);
      if (a > b) best = i;
    }
    got[best] += 1n;
    left -= 1n;
  }
  return got;
}

/** Where the money went from the first period through `period` (inclusive), cumulative. */
export function runWaterfall(w: Waterfall, receipts: readonly Receipt[], expenses: readonly Expense[], period: number): Run {
  return runThrough(w, receipts, expenses, period)[period];
}

/**
 * The cumulative runs of periods 0..`last`, in one pass: the same figures as asking each period
 * on its own (a reserve needs the money of the periods before it, so each period is computed in order).
 */
export function runThrough(w: Waterfall, receipts: readonly Receipt[], expenses: readonly Expense[], last: number): Run[] {
  checkWaterfall(w);
  const byPeriod = (xs: ReadonlyArray<{ period: number }>) => {
    const out: number[][] = Array.from({ length: last + 1 }, () => []);
    xs.forEach((x, i) => {
      if (x.period <= last && x.period >= 0) out[x.period].push(i);
    });
    return out;
  };
  const rIdx = byPeriod(receipts);
  const eIdx = byPeriod(expenses);
  const feeBases = w.steps.map((s) => (s.kind === 'fee' ? s.rules.map(() => 0n) : []));
  const spent = new Map<string, Amount>();
  let gross = 0n;
  /** Per reserve step, what flowed into it in each period so far. */
  const reserveInflow = w.steps.map(() => [] as Amount[]);
  const prevInto = w.steps.map(() => 0n);
  const runs: Run[] = [];

  for (let p = 0; p <= last; p++) {
    for (const i of rIdx[p]) {
      const r = receipts[i];
      gross += r.amount;
      w.steps.forEach((s, k) => {
        if (s.kind !== 'fee') return;
        const j = s.rules.findIndex((rule) => matches(rule, r));
        if (j >= 0) feeBases[k][j] += r.amount;
      });
    }
    for (const i of eIdx[p]) {
      const e = expenses[i];
      if (e.recoupable) spent.set(e.category, (spent.get(e.category) ?? 0n) + e.amount);
    }

    let pot = gross;
    const lines: Line[] = [];
    const toParty: Record<string, Amount> = {};
    const give = (party: string, a: Amount) => (toParty[party] = (toParty[party] ?? 0n) + a);
    w.steps.forEach((s, k) => {
      const into = pot;
      switch (s.kind) {
        case 'fee': {
          const parts = s.rules.map((rule, j) => ({
            label: rule.label,
            base: feeBases[k][j],
            rate: rule.rate,
            amount: applyRate(feeBases[k][j], rule.rate),
          }));
          const amount = min(
            pot,
            parts.reduce((a, x) => a + x.amount, 0n),
          );
          pot -= amount;
          lines.push({ step: k, kind: s.kind, label: s.label, amount, parts });
          break;
        }
        case 'expenses': {
          let total = 0n;
          let allowed = 0n;
          for (const [category, a] of spent) {
            total += a;
            const cap = s.categoryCaps[category];
            allowed += cap === undefined ? a : min(a, cap);
          }
          if (s.cap !== null) allowed = min(allowed, s.cap);
          allowed = max(allowed, 0n);
          const amount = min(pot, allowed);
          pot -= amount;
          lines.push({ step: k, kind: s.kind, label: s.label, amount, spent: total, allowed, outstanding: allowed - amount });
          break;
        }
        case 'recoup': {
          const amount = min(pot, s.amount);
          pot -= amount;
          lines.push({ step: k, kind: s.kind, label: s.label, amount, outstanding: s.amount - amount });
          break;
        }
        case 'reserve': {
          const flows = reserveInflow[k];
          flows[p] = max(0n, into - prevInto[k]);
          let held = 0n;
          for (let q = Math.max(0, p - s.releaseAfter + 1); q <= p; q++) held += flows[q] ?? 0n;
          const amount = min(pot, applyRate(held, s.rate));
          pot -= amount;
          lines.push({ step: k, kind: s.kind, label: s.label, amount });
          break;
        }
        case 'split': {
          const shares = splitAmount(
            pot,
            s.shares.map((x) => x.rate),
          );
          const parts = s.shares.map((x, j) => ({ label: x.party, party: x.party, rate: x.rate, amount: shares[j] }));
          for (const part of parts) give(part.party, part.amount);
          lines.push({ step: k, kind: s.kind, label: s.label, amount: pot, parts });
          pot = 0n;
          break;
        }
        case 'payout': {
          give(s.party, pot);
          lines.push({ step: k, kind: s.kind, label: s.label, amount: pot });
          pot = 0n;
          break;
        }
      }
      prevInto[k] = into;
    });
    runs.push({ period: p, receipts: gross, lines, toParty });
  }
  return runs;
}

/** The steps as a person reads them, one sentence each, in order ("Distribution fee: Theatrical 30%, other media 25%"). */
export function describeSteps(w: Waterfall): string[] {
  const money = (a: Amount) => `${w.currency} ${formatAmount(a, w.currency)}`;
  return w.steps.map((s, i) => {
    const n = `${i + 1}. ${s.label}: `;
    switch (s.kind) {
      case 'fee':
        return n + s.rules.map((r) => `${formatRate(r.rate)} of ${r.label}`).join('; ');
      case 'expenses': {
        const caps = Object.entries(s.categoryCaps).map(([c, a]) => `${c} up to ${money(a)}`);
        return `${n}recoupable expenses${s.cap === null ? ', no cap' : ` up to ${money(s.cap)}`}${caps.length ? ` (${caps.join(', ')})` : ''}`;
      }
      case 'recoup':
        return `${n}${money(s.amount)} recouped from what is left`;
      case 'reserve':
        return `${n}${formatRate(s.rate)} of what is left held, released after ${s.releaseAfter} period${s.releaseAfter === 1 ? '' : 's'}`;
      case 'split':
        return n + s.shares.map((x) => `${formatRate(x.rate)} to ${x.party}`).join(', ');
      case 'payout':
        return `${n}what is left to ${s.party}`;
    }
  });
}
