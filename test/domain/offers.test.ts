import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIndices, toIndices } from '../../src/domain/bitset.js';
import type { AvailsQuestion } from '../../src/domain/avails.js';
import { parseDay, PERPETUITY } from '../../src/domain/dates.js';
import {
  checkOffer,
  checkTransition,
  diffOffer,
  endOfDuration,
  OFFER_STATUSES,
  OFFER_TRANSITIONS,
  offerOverlap,
  withoutExpiredHolds,
  type OfferCell,
  type OfferTerms,
  type ParsedOffer,
} from '../../src/domain/offers.js';
import type { RightsBlock } from '../../src/domain/rights.js';
import { catalog, SMALL } from './testing/arbitraries.js';
import { domainError } from './testing/expectError.js';
import { oracleAvails } from './testing/oracle.js';

const subset = (size: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { minLength: 1, maxLength: size }).map((ix) => fromIndices(size, ix));

const offerArb = fc
  .record({
    territories: subset(SMALL.countries),
    media: subset(SMALL.media),
    languages: fc.oneof(fc.constant(null), fc.uniqueArray(fc.constantFrom('fr', 'de', 'es'), { minLength: 1, maxLength: 2 })),
    a: fc.integer({ min: 0, max: SMALL.horizon }),
    b: fc.integer({ min: 0, max: SMALL.horizon }),
    open: fc.boolean(),
    exclusive: fc.boolean(),
  })
  .map(({ a, b, open, ...o }) => ({ ...o, start: Math.min(a, b), end: open ? PERPETUITY : Math.max(a, b) }));

/** The oracle's answer for each (country, media leaf) of the offer: the worst of its languages and days, reasons united. */
function oracleCells(title: string, blocks: readonly RightsBlock[], o: Omit<ParsedOffer, 'titles'>): Map<string, string> {
  const q: AvailsQuestion = { ...o, match: 'overlap-part' };
  const byCell = new Map<string, { bad: boolean; held: boolean; reasons: Map<string, Set<string>> }>();
  for (const cell of oracleAvails(blocks, q, SMALL.horizon, SMALL.countries, SMALL.media)) {
    const k = `${title}/${cell.country}/${cell.media}`;
    let e = byCell.get(k);
    if (!e) byCell.set(k, (e = { bad: false, held: false, reasons: new Map() }));
    if (cell.status === 'available') continue;
    if (cell.status === 'unavailable' || cell.status === 'depends') e.bad = true;
    else e.held = true;
    for (const r of cell.reasons) {
      let s = e.reasons.get(r.code);
      if (!s) e.reasons.set(r.code, (s = new Set()));
      for (const c of r.contracts) s.add(c);
    }
  }
  const out = new Map<string, string>();
  for (const [k, e] of byCell) {
    const codes = [...e.reasons.keys()];
    const notHeld = codes.some((c) => ['no-rights-in', 'not-yet-started', 'expired', 'rights-in-non-exclusive'].includes(c));
    const status = e.bad
      ? notHeld
        ? 'not-held'
        : codes.includes('rights-out-exist')
          ? 'sold'
          : codes.includes('holdback')
            ? 'holdback'
            : codes.includes('depends')
              ? 'depends'
              : 'not-held'
      : e.held
        ? 'on-hold'
        : 'available';
    const reasons = [...e.reasons.entries()]
      .map(([code, s]) => `${code}:${[...s].sort().join(',')}`)
      .sort()
      .join(';');
    out.set(k, `${status}|${reasons}`);
  }
  return out;
}

function engineCells(cells: OfferCell[]): Map<string, string> {
  return new Map(
    cells.map((c) => [
      `${c.title}/${c.country}/${c.media}`,
      `${c.status}|${c.reasons
        .map((r) => `${r.code}:${r.contracts.join(',')}`)
        .sort()
        .join(';')}`,
    ]),
  );
}

describe('the offer check agrees with the avails oracle', () => {
  it('for random offers of two titles over random catalogs', () => {
    fc.assert(
      fc.property(catalog, catalog, offerArb, (one, two, o) => {
        const blocks: Record<string, RightsBlock[]> = { T1: one, T2: two };
        const cells = checkOffer((t) => blocks[t], { ...o, titles: ['T1', 'T2'] });
        // one cell per title x country x media leaf of the offer
        expect(cells).toHaveLength(2 * toIndices(o.territories).length * toIndices(o.media).length);
        const expected = new Map([...oracleCells('T1', one, o), ...oracleCells('T2', two, o)]);
        expect(engineCells(cells)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('names each kind of obstacle as the market does', () => {
    const all = fromIndices(SMALL.countries, [0, 1, 2, 3]);
    const media = fromIndices(SMALL.media, [0]);
    const b = (contract: string, kind: RightsBlock['kind'], countries: number[]): RightsBlock => ({
      contract,
      kind,
      territories: fromIndices(SMALL.countries, countries),
      media,
      languages: null,
      start: 0,
      end: PERPETUITY,
      exclusive: true,
    });
    const blocks = [b('IN', 'in', [0, 1, 2]), b('SOLD', 'out', [1]), b('HELD', 'hold', [2]), b('HB', 'holdback', [0])];
    const cells = checkOffer(() => blocks, { titles: ['T'], territories: all, media, languages: null, start: 5, end: 10, exclusive: true });
    expect(cells.map((c) => [c.country, c.status])).toEqual([
      [0, 'holdback'],
      [1, 'sold'],
      [2, 'on-hold'],
      [3, 'not-held'],
    ]);
    expect(cells[1].reasons).toEqual([{ code: 'rights-out-exist', contracts: ['SOLD'] }]);
  });

  it('names a place whose answer waits for an undated event "depends": never free, worse than a hold', () => {
    const media = fromIndices(SMALL.media, [0]);
    const at = (contract: string, kind: RightsBlock['kind'], countries: number[], undated = false): RightsBlock => ({
      contract,
      kind,
      territories: fromIndices(SMALL.countries, countries),
      media,
      languages: null,
      start: 0,
      end: PERPETUITY,
      exclusive: true,
      ...(undated ? { undated: true } : {}),
    });
    // a sale whose start follows a release not yet dated, on country 0; a hold as well on country 1
    const blocks = [at('IN', 'in', [0, 1, 2]), at('LATER', 'out', [0, 1], true), at('HELD', 'hold', [1]), at('SOLD', 'out', [2])];
    const offer = {
      titles: ['T'],
      territories: fromIndices(SMALL.countries, [0, 1, 2]),
      media,
      languages: null,
      start: 5,
      end: 10,
      exclusive: true,
    };
    const cells = checkOffer(() => blocks, offer);
    expect(cells.map((c) => [c.country, c.status])).toEqual([
      [0, 'depends'],
      [1, 'depends'],
      [2, 'sold'],
    ]);
    expect(cells[0].reasons).toEqual([{ code: 'depends', contracts: ['LATER'] }]);
  });
});

describe('holds expire', () => {
  it('a hold counts up to its expiry day and frees the rights the day after', () => {
    const countries = fromIndices(SMALL.countries, [0]);
    const media = fromIndices(SMALL.media, [0]);
    const rightsIn: RightsBlock = {
      contract: 'IN',
      kind: 'in',
      territories: countries,
      media,
      languages: null,
      start: 0,
      end: PERPETUITY,
      exclusive: true,
    };
    const hold: RightsBlock = { ...rightsIn, contract: 'HOLD', kind: 'hold' };
    const expiries = new Map([['HOLD', 20]]);
    const offer: ParsedOffer = { titles: ['T'], territories: countries, media, languages: null, start: 30, end: 40, exclusive: true };
    const on = (today: number) => checkOffer(() => withoutExpiredHolds([rightsIn, hold], expiries, today), offer)[0].status;
    expect(on(19)).toBe('on-hold');
    expect(on(20)).toBe('on-hold');
    expect(on(21)).toBe('available');
    // a hold without an expiry, and other blocks, are kept whatever the day
    expect(withoutExpiredHolds([rightsIn, { ...hold, contract: 'OPEN' }], expiries, 1000)).toHaveLength(2);
  });
});

describe('the status flow', () => {
  it('follows new → in negotiation → accepted → on signature → signed, and ends in declined, withdrawn or expired', () => {
    expect(() => checkTransition('new', 'in-negotiation')).not.toThrow();
    expect(() => checkTransition('in-negotiation', 'accepted')).not.toThrow();
    expect(() => checkTransition('accepted', 'on-signature')).not.toThrow();
    expect(() => checkTransition('on-signature', 'signed')).not.toThrow();
    for (const s of ['new', 'in-negotiation', 'accepted', 'on-signature'] as const)
      for (const end of ['declined', 'withdrawn', 'expired'] as const) expect(() => checkTransition(s, end)).not.toThrow();
  });

  it('refuses illegal moves and says which are allowed', () => {
    const e = domainError(() => checkTransition('new', 'signed'));
    expect(e.code).toBe('illegal-transition');
    expect(e.field).toBe('status');
    expect(e.message).toContain('can become in-negotiation, accepted');
    expect(domainError(() => checkTransition('signed', 'withdrawn')).message).toContain('is final');
    expect(domainError(() => checkTransition('declined', 'accepted')).code).toBe('illegal-transition');
    expect(domainError(() => checkTransition('new', 'sold' as never)).code).toBe('invalid');
    // final statuses go nowhere
    for (const s of OFFER_STATUSES)
      if (['signed', 'declined', 'withdrawn', 'expired'].includes(s)) expect(OFFER_TRANSITIONS[s]).toEqual([]);
  });
});

describe('versions', () => {
  const v1: OfferTerms & { mg: { amount: string; currency: string } | null; paymentSchedule: null } = {
    titleIds: ['a'],
    territories: 'France',
    media: 'All Media',
    languages: null,
    start: '2027-01-01',
    end: '2033-12-31',
    durationMonths: null,
    exclusive: true,
    holdbacks: [],
    conditions: null,
    mg: { amount: '100000.00', currency: 'EUR' },
    paymentSchedule: null,
  };

  it('diffs field by field, money only for those allowed to see it', () => {
    const v2 = { ...v1, territories: 'France, Benelux', mg: { amount: '150000.00', currency: 'EUR' } };
    expect(diffOffer(v1, v2, { financial: true })).toEqual([
      { field: 'territories', before: 'France', after: 'France, Benelux' },
      { field: 'mg', before: v1.mg, after: v2.mg },
    ]);
    expect(diffOffer(v1, v2, { financial: false })).toEqual([{ field: 'territories', before: 'France', after: 'France, Benelux' }]);
    expect(diffOffer(v1, { ...v1 }, { financial: true })).toEqual([]);
  });

  it('derives the end of a term given as a duration', () => {
    expect(endOfDuration(parseDay('2027-01-01'), 84)).toBe(parseDay('2033-12-31'));
  });
});

describe('competing offers', () => {
  const o = (countries: number[], start: number, end: number, titles = ['T']): ParsedOffer => ({
    titles,
    territories: fromIndices(SMALL.countries, countries),
    media: fromIndices(SMALL.media, [0, 1]),
    languages: null,
    start,
    end,
    exclusive: true,
  });
  it('overlap where they share a title, places, media and days', () => {
    const x = offerOverlap(o([0, 1], 0, 10), o([1, 2], 5, 20));
    expect(x && toIndices(x.territories)).toEqual([1]);
    expect(offerOverlap(o([0], 0, 10), o([1], 0, 10))).toBeNull();
    expect(offerOverlap(o([0], 0, 10), o([0], 11, 20))).toBeNull();
    expect(offerOverlap(o([0], 0, 10), o([0], 0, 10, ['U']))).toBeNull();
  });
});
