import { formatDay, type Day } from '../dates.js';
import { invalid } from '../errors.js';
import { addRates, applyRateDown, compareRates, WHOLE, ZERO_RATE, type Amount, type Rate } from './amounts.js';

/**
 * A minimum guarantee is paid in instalments: "20% on signature, 80% on delivery", or fixed sums on
 * dates. An instalment falls due on a date, or on an event of the deal (signature, delivery of the
 * materials, the first release in the territory) once that event has a date. The schedule says what
 * is due when, what was paid against it, and what is overdue on a given day.
 */
export type DealEvent = 'signature' | 'delivery' | 'first-release';
export const DEAL_EVENTS: readonly DealEvent[] = ['signature', 'delivery', 'first-release'];

export interface Instalment {
  label: string;
  /** A share of the guarantee, or a fixed amount. */
  share: { rate: Rate } | { amount: Amount };
  /** Due on a day, or on an event (plus some days: "30 days after delivery"). */
  due: { day: Day } | { event: DealEvent; days?: number };
}

export interface InstalmentDue {
  label: string;
  amount: Amount;
  /** Null while the event it waits for has no date. */
  dueOn: Day | null;
  paid: Amount;
  status: 'paid' | 'part-paid' | 'overdue' | 'due' | 'not-yet-due' | 'waiting';
}

/**
 * The amounts of the instalments of `guarantee`: shares round down and the last instalment given as a
 * share takes what rounding left, so they add up to the guarantee exactly when the shares make 100%.
 */
export function instalmentAmounts(guarantee: Amount, instalments: readonly Instalment[]): Amount[] {
  const amounts = instalments.map((i) => ('amount' in i.share ? i.share.amount : applyRateDown(guarantee, i.share.rate)));
  const shares = instalments.map((i, k) => ('rate' in i.share ? k : -1)).filter((k) => k >= 0);
  const rateTotal = instalments.reduce((acc, i) => ('rate' in i.share ? addRates(acc, i.share.rate) : acc), ZERO_RATE);
  if (shares.length && compareRates(rateTotal, WHOLE) === 0) {
    const fixed = amounts.reduce((a, b) => a + b, 0n);
    amounts[shares[shares.length - 1]] += guarantee - fixed;
  }
  return amounts;
}

/** Refuses a schedule that pays more or less than the guarantee. */
export function checkInstalments(guarantee: Amount, instalments: readonly Instalment[]): void {
  const total = instalmentAmounts(guarantee, instalments).reduce((a, b) => a + b, 0n);
  if (instalments.length && total !== guarantee) {
    throw invalid(
      'instalments',
      instalments.length,
      `instalments: they add up to ${total} minor units, not the guarantee's ${guarantee}: make the shares 100% or the amounts the whole guarantee`,
    );
  }
  instalments.forEach((i, k) => {
    if ('event' in i.due && i.due.days !== undefined && (!Number.isInteger(i.due.days) || i.due.days < 0 || i.due.days > 3650)) {
      throw invalid(`instalments[${k}].due.days`, i.due.days, `instalments[${k}].due.days: a number of days from 0 to 3650`);
    }
  });
}

/**
 * The schedule on `today`: each instalment's amount and due day, and what the payments (in the order
 * they came) paid of it: a payment goes to the earliest instalment not yet paid in full.
 */
export function instalmentSchedule(
  guarantee: Amount,
  instalments: readonly Instalment[],
  events: Partial<Record<DealEvent, Day | null>>,
  payments: readonly Amount[],
  today: Day,
): InstalmentDue[] {
  const amounts = instalmentAmounts(guarantee, instalments);
  let pool = payments.reduce((a, b) => a + b, 0n);
  return instalments.map((i, k) => {
    const dueOn = 'day' in i.due ? i.due.day : events[i.due.event] == null ? null : (events[i.due.event] as Day) + (i.due.days ?? 0);
    const amount = amounts[k];
    const paid = pool >= amount ? amount : pool > 0n ? pool : 0n;
    pool -= paid;
    const status: InstalmentDue['status'] =
      paid === amount
        ? 'paid'
        : dueOn === null
          ? 'waiting'
          : dueOn < today
            ? 'overdue'
            : paid > 0n
              ? 'part-paid'
              : dueOn === today
                ? 'due'
                : 'not-yet-due';
    return { label: i.label, amount, dueOn, paid, status };
  });
}

export function describeDue(d: InstalmentDue): string {
  return d.dueOn === null ? `${d.label}: waiting for its event` : `${d.label}: due ${formatDay(d.dueOn)} (${d.status})`;
}
