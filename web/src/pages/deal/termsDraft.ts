/** The terms form's draft (strings, as typed) and its conversions from and to the API's terms (docs/money.md). */
import type { TermsInput, TermsView } from '../../../../src/contract/index.js';
import { ApiError } from '../../lib/api';

export type DealEvent = NonNullable<TermsView['instalments'][number]['dueEvent']>;
export const EVENTS: DealEvent[] = ['signature', 'delivery', 'first-release'];

export interface Fee extends Record<string, string> {
  media: string;
  territories: string;
  rate: string;
  label: string;
}
export interface Inst extends Record<string, string> {
  label: string;
  /** "20%" (a share of the MG) or an amount. */
  rate: string;
  dueEvent: DealEvent | '';
  /** Days after the event. */
  dueDays: string;
  dueOn: string;
}
export interface Cap extends Record<string, string> {
  category: string;
  cap: string;
}
export interface TermsDraft {
  kind: 'licence' | 'mandate';
  currency: string;
  frequency: 'quarterly' | 'semi-annual' | 'annual';
  annualAfterYears: string;
  statementDueDays: string;
  reportingFrom: string;
  expenseCap: string;
  expenseCaps: Cap[];
  reserveRate: string;
  reserveReleaseAfter: string;
  overageShare: string;
  pool: string;
  fees: Fee[];
  instalments: Inst[];
  events: Record<DealEvent, string>;
}

/** A decimal rate as a percentage, without floating point: "0.2" → "20%", "0.125" → "12.5%". */
export function percent(rate: string): string {
  const [w, f = ''] = rate.split('.');
  const digits = `${f}00`;
  const whole = `${w}${digits.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = digits.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function draftOf(t: TermsView | undefined): TermsDraft {
  return {
    kind: t?.kind ?? 'licence',
    currency: t?.currency ?? t?.mg?.currency ?? 'USD',
    frequency: t?.frequency ?? 'quarterly',
    annualAfterYears: text(t?.annualAfterYears),
    statementDueDays: String(t?.statementDueDays ?? 45),
    reportingFrom: t?.reportingFrom ?? '',
    expenseCap: t?.expenseCap ?? '',
    expenseCaps: (t?.expenseCaps ?? []).map((c) => ({ category: c.category, cap: c.cap })),
    reserveRate: t?.reserve ? percent(t.reserve.rate) : '',
    reserveReleaseAfter: text(t?.reserve?.releaseAfter),
    overageShare: t?.reporterOverageShare ? percent(t.reporterOverageShare) : '',
    pool: t?.pool ?? '',
    fees: (t?.fees ?? []).map((f) => ({ media: f.media ?? '', territories: f.territories ?? '', rate: percent(f.rate), label: f.label })),
    instalments: (t?.instalments ?? []).map((i) => ({
      label: i.label,
      rate: i.rate !== null ? percent(i.rate) : (i.amount ?? ''),
      dueEvent: i.dueEvent ?? '',
      dueDays: text(i.dueDays),
      dueOn: i.dueOn ?? '',
    })),
    events: { signature: t?.events.signature ?? '', delivery: t?.events.delivery ?? '', 'first-release': t?.events['first-release'] ?? '' },
  };
}

/** A whole number as typed (empty: none); anything else is refused here, naming the field as the server would. */
function count(s: string, field: string): number | null {
  const v = s.trim();
  if (v === '') return null;
  if (!/^\d{1,4}$/.test(v)) throw new ApiError(400, { error: 'invalid', field, message: `${field}: a whole number, such as 3` });
  return Number(v);
}

/** The terms to save: every term the API has, as the form holds it. */
export function inputOf(d: TermsDraft, before: TermsView | undefined): TermsInput {
  const or = (s: string) => (s.trim() ? s.trim() : null);
  const reserveRate = or(d.reserveRate);
  return {
    kind: d.kind,
    currency: d.currency.trim().toUpperCase(),
    frequency: d.frequency,
    annualAfterYears: count(d.annualAfterYears, 'annualAfterYears'),
    statementDueDays: count(d.statementDueDays, 'statementDueDays'),
    reportingFrom: or(d.reportingFrom),
    expenseCap: or(d.expenseCap),
    expenseCaps: d.expenseCaps.map((c) => ({ category: c.category.trim(), cap: c.cap.trim() })),
    reserve: reserveRate ? { rate: reserveRate, releaseAfter: count(d.reserveReleaseAfter, 'reserve.releaseAfter') ?? 1 } : null,
    reporterOverageShare: or(d.overageShare),
    pool: or(d.pool),
    fees: d.fees.map((f) => ({ media: or(f.media), territories: or(f.territories), rate: f.rate.trim(), label: or(f.label) })),
    instalments: d.instalments.map((i, n) => {
      const share = i.rate.trim();
      return {
        label: i.label,
        ...(share.endsWith('%') ? { rate: share } : { amount: share }),
        ...(i.dueEvent ? { dueEvent: i.dueEvent, dueDays: count(i.dueDays, `instalments[${n}].dueDays`) } : { dueOn: or(i.dueOn) }),
      };
    }),
    events: { signature: or(d.events.signature), delivery: or(d.events.delivery), 'first-release': or(d.events['first-release']) },
    ...(before ? { version: before.version } : {}),
  };
}
