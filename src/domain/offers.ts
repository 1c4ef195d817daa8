/**
 * Offers (market mode): a buyer's proposal for one or more titles, its status
 * flow, the difference between two versions of its terms, and the offer check:
 * every (title, country, media leaf) of the offer answered as the deal
 * editor's conflict check answers it (docs/domain.md, "Conflicts": each cell
 * asked with the overlap-part match over the offer's term, for the grant the
 * offer asks), then named as the market names it: available, on hold, sold,
 * not held, held back. Pure: no clock, no store (docs/offers.md).
 */
import { type Bitset, intersect, intersects, isEmpty, toIndices } from './bitset.js';
import { addMonths, type Day } from './dates.js';
import { DomainError } from './errors.js';
import { titleCells, REASON_CODES, type AvailsQuestion, type Outcome, type OutcomeTable, type Reason, type ReasonCode } from './avails.js';
import type { Languages, RightsBlock } from './rights.js';
import { type MergeScratch, rollUpTitle } from './rollup.js';

export const OFFER_STATUSES = ['new', 'in-negotiation', 'accepted', 'on-signature', 'signed', 'declined', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Where each status may go. Signed, declined, withdrawn and expired are final. */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  new: ['in-negotiation', 'accepted', 'declined', 'withdrawn', 'expired'],
  'in-negotiation': ['accepted', 'declined', 'withdrawn', 'expired'],
  accepted: ['on-signature', 'signed', 'declined', 'withdrawn', 'expired'],
  'on-signature': ['signed', 'declined', 'withdrawn', 'expired'],
  signed: [],
  declined: [],
  withdrawn: [],
  expired: [],
};

/** Offers still in play: their terms can change (before acceptance) and they compete with each other. */
export const OPEN_OFFER_STATUSES: readonly OfferStatus[] = ['new', 'in-negotiation', 'accepted', 'on-signature'];
/** Statuses whose terms may still be countered. */
export const COUNTERABLE_STATUSES: readonly OfferStatus[] = ['new', 'in-negotiation'];
/** Statuses in which the offer holds rights (a rights-out contract in negotiation). */
export const HOLDING_STATUSES: readonly OfferStatus[] = ['accepted', 'on-signature'];

/** Refuses a move the status flow does not allow, saying which moves it does. */
export function checkTransition(from: OfferStatus, to: OfferStatus, field = 'status'): void {
  if (!(OFFER_STATUSES as readonly string[]).includes(to)) {
    throw new DomainError('invalid', field, to, `${field}: "${to}" is not one of ${OFFER_STATUSES.join(', ')}`);
  }
  const allowed = OFFER_TRANSITIONS[from];
  if (allowed.includes(to)) return;
  throw new DomainError(
    'illegal-transition',
    field,
    to,
    allowed.length
      ? `${field}: an offer that is ${from} cannot become ${to}; it can become ${allowed.join(', ')}`
      : `${field}: an offer that is ${from} is final; it cannot become ${to}`,
  );
}

/** An instalment of the payment schedule (financial, like the MG). */
export interface PaymentStep {
  label: string;
  /** Share of the MG as a percentage ("20"), or null when only `amount` is given. */
  percent: string | null;
  /** When it is due, as the contract says it ("on signature", "on delivery", a date). */
  due: string;
}

export interface OfferHoldbackTerms {
  territories: string;
  media: string;
  start: string | null;
  end: string | null;
  description: string;
}

/** One version of an offer's terms, as written (expressions, not parsed sets). Money apart. */
export interface OfferTerms {
  titleIds: string[];
  territories: string;
  media: string;
  /** BCP 47 tags; null: all languages. */
  languages: string[] | null;
  start: string;
  /** Last day (inclusive); null with durationMonths null: perpetuity. */
  end: string | null;
  /** The term as a duration from `start`, when the offer says it so; `end` is then derived. */
  durationMonths: number | null;
  exclusive: boolean;
  holdbacks: OfferHoldbackTerms[];
  conditions: string | null;
}

/** The financial part of a version: hidden from, and refused for, users without the financial-terms permission. */
export interface OfferMoney {
  mg: { amount: string; currency: string } | null;
  paymentSchedule: PaymentStep[] | null;
}

/** The last day of a term given as a duration: the day before the same date `months` later. */
export function endOfDuration(start: Day, months: number): Day {
  return addMonths(start, months) - 1;
}

export interface OfferDiffEntry {
  field: string;
  before: unknown;
  after: unknown;
}

const TERM_FIELDS: ReadonlyArray<keyof OfferTerms> = [
  'titleIds',
  'territories',
  'media',
  'languages',
  'start',
  'end',
  'durationMonths',
  'exclusive',
  'holdbacks',
  'conditions',
];
const MONEY_FIELDS: ReadonlyArray<keyof OfferMoney> = ['mg', 'paymentSchedule'];

/** Canonical JSON (sorted keys) to compare two values of a field. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/**
 * The fields that differ between two versions, in a fixed order. Money (the
 * MG and the payment schedule) is compared only when `financial` is true: for
 * anyone else it is neither shown nor hinted at (an unchanged diff looks the
 * same as a changed MG).
 */
export function diffOffer(
  a: OfferTerms & Partial<OfferMoney>,
  b: OfferTerms & Partial<OfferMoney>,
  opts: { financial: boolean },
): OfferDiffEntry[] {
  const out: OfferDiffEntry[] = [];
  for (const f of TERM_FIELDS) if (canonical(a[f]) !== canonical(b[f])) out.push({ field: f, before: a[f], after: b[f] });
  if (opts.financial)
    for (const f of MONEY_FIELDS) {
      const x = a[f] ?? null;
      const y = b[f] ?? null;
      if (canonical(x) !== canonical(y)) out.push({ field: f, before: x, after: y });
    }
  return out;
}

/** The rights an offer asks, parsed: the same sets for every title it names. */
export interface ParsedOffer {
  titles: readonly string[];
  territories: Bitset;
  media: Bitset;
  languages: Languages;
  start: Day;
  end: Day;
  exclusive: boolean;
}

/** How the market names a cell's answer. */
export const OFFER_CELL_STATUSES = ['available', 'on-hold', 'depends', 'sold', 'not-held', 'holdback'] as const;
export type OfferCellStatus = (typeof OFFER_CELL_STATUSES)[number];

const NOT_HELD: ReadonlySet<ReasonCode> = new Set(['no-rights-in', 'not-yet-started', 'expired', 'rights-in-non-exclusive']);

/**
 * The market's name for an answer: not held first (nothing else matters), then sold, then held
 * back, then depends (an undated event decides: a conflict, never free), then on hold.
 */
export function cellStatus(unavailable: boolean, held: boolean, codes: ReadonlySet<ReasonCode>): OfferCellStatus {
  if (unavailable) {
    for (const c of codes) if (NOT_HELD.has(c)) return 'not-held';
    if (codes.has('rights-out-exist')) return 'sold';
    if (codes.has('holdback')) return 'holdback';
    if (codes.has('depends')) return 'depends';
    return 'not-held';
  }
  return held ? 'on-hold' : 'available';
}

/** One (title, country, media leaf) of an offer, over every language and day of its term. */
export interface OfferCell {
  title: string;
  /** Country and media leaf positions in their code tables. */
  country: number;
  media: number;
  status: OfferCellStatus;
  /** Every reason met on any language or day of the term, in the engine's order, each with its contracts. */
  reasons: Reason[];
}

/**
 * The offer check: for each title, the offer's rights asked as the conflict
 * check asks a proposed block (overlap-part over the term, the offer's
 * exclusivity), the rolled-up rows spread back over the offer's countries and
 * media leaves. A cell is unavailable when any of its languages or days is,
 * on hold when any is and none is unavailable. `blocksOf` gives a title's
 * engine blocks (holds already expired left out by the caller).
 */
export function checkOffer(
  blocksOf: (title: string) => readonly RightsBlock[],
  offer: ParsedOffer,
  work: { outcomes?: OutcomeTable; merge?: MergeScratch } = {},
): OfferCell[] {
  const q: AvailsQuestion = {
    territories: offer.territories,
    media: offer.media,
    languages: offer.languages,
    start: offer.start,
    end: offer.end,
    exclusive: offer.exclusive,
    match: 'overlap-part',
  };
  const countries = toIndices(offer.territories);
  const leaves = toIndices(offer.media);
  const out: OfferCell[] = [];
  for (const title of offer.titles) {
    const rows = rollUpTitle(title, titleCells(blocksOf(title), q, work.outcomes), work.merge);
    // per cell (country x leaf): the outcomes of the rows that cover it (most cells: none or one)
    const n = countries.length * leaves.length;
    const met: Array<Outcome[] | undefined> = new Array(n);
    const cIndex = new Int32Array(offer.territories.length * 32).fill(-1);
    countries.forEach((c, i) => (cIndex[c] = i));
    const mIndex = new Int32Array(offer.media.length * 32).fill(-1);
    leaves.forEach((m, i) => (mIndex[m] = i));
    for (const r of rows) {
      if (r.outcome.status === 'available') continue;
      const rm = toIndices(r.media);
      for (const c of toIndices(r.territories)) {
        const ci = cIndex[c];
        if (ci === undefined || ci < 0) continue;
        for (const m of rm) {
          const mi = mIndex[m];
          if (mi === undefined || mi < 0) continue;
          const k = ci * leaves.length + mi;
          const list = met[k];
          if (!list) met[k] = [r.outcome];
          else if (!list.includes(r.outcome)) list.push(r.outcome);
        }
      }
    }
    for (let ci = 0; ci < countries.length; ci++)
      for (let mi = 0; mi < leaves.length; mi++) {
        const list = met[ci * leaves.length + mi];
        out.push({ title, country: countries[ci], media: leaves[mi], ...cellOf(list) });
      }
  }
  return out;
}

const FREE = { status: 'available' as const, reasons: [] as Reason[] };

/** A cell's answer from the outcomes met on its languages and days: the worst, the reasons united. */
function cellOf(list: readonly Outcome[] | undefined): { status: OfferCellStatus; reasons: Reason[] } {
  if (!list) return FREE;
  // a cell that depends on an undated event is never free: it is named apart (cellStatus), as a conflict
  const bad = list.some((o) => o.status === 'unavailable' || o.status === 'depends');
  if (list.length === 1) return { status: cellStatus(bad, !bad, new Set(list[0].reasons.map((r) => r.code))), reasons: list[0].reasons };
  const map = new Map<ReasonCode, Set<string>>();
  for (const o of list)
    for (const reason of o.reasons) {
      let set = map.get(reason.code);
      if (!set) map.set(reason.code, (set = new Set()));
      for (const x of reason.contracts) set.add(x);
    }
  return {
    status: cellStatus(bad, !bad, new Set(map.keys())),
    reasons: REASON_CODES.filter((c) => map.has(c)).map((code) => ({ code, contracts: [...map.get(code)!].sort() })),
  };
}

/** Where two offers ask for the same rights: the titles, countries and media they share, or null when none (or the terms or languages never meet). */
export function offerOverlap(a: ParsedOffer, b: ParsedOffer): { titles: string[]; territories: Bitset; media: Bitset } | null {
  const titles = a.titles.filter((t) => b.titles.includes(t));
  if (!titles.length) return null;
  if (a.start > b.end || b.start > a.end) return null;
  if (a.languages !== null && b.languages !== null && !a.languages.some((l) => b.languages!.includes(l))) return null;
  if (!intersects(a.territories, b.territories) || !intersects(a.media, b.media)) return null;
  const territories = intersect(a.territories, b.territories);
  const media = intersect(a.media, b.media);
  if (isEmpty(territories) || isEmpty(media)) return null;
  return { titles, territories, media };
}

/**
 * A title's blocks without the holds that have lapsed: a hold whose expiry day
 * is before `today` no longer counts (docs/offers.md, "Holds expire").
 * `expiries` maps a contract reference to its hold's last day.
 */
export function withoutExpiredHolds(blocks: readonly RightsBlock[], expiries: ReadonlyMap<string, Day>, today: Day): RightsBlock[] {
  return blocks.filter((b) => {
    if (b.kind !== 'hold') return true;
    const last = expiries.get(b.contract);
    return last === undefined || last >= today;
  });
}
