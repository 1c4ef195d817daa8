import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIndices, toIndices } from '../../src/domain/bitset.js';
import { titleCells, type AvailsQuestion } from '../../src/domain/avails.js';
import { eventsAlongChain, resolveBlocks, type Condition, type ConditionalBlock, type TermEnd } from '../../src/domain/conditions.js';
import { PERPETUITY, type Day } from '../../src/domain/dates.js';
import type { BlockKind } from '../../src/domain/rights.js';
import { RightsIndex } from '../../src/domain/rightsIndex.js';
import { rollUpTitle, type RolledRow } from '../../src/domain/rollup.js';
import { SMALL, question } from './testing/arbitraries.js';
import { conditionsOracle, oracleBlocks, oracleChainEvents } from './testing/conditionsOracle.js';
import { oracleLanguages, type OracleCell } from './testing/oracle.js';

const key = (status: string, reasons: Array<{ code: string; contracts: string[] }>) =>
  status + '|' + reasons.map((r) => r.code + ':' + [...r.contracts].sort().join(',')).join(';');

function cellsOf(rows: RolledRow[], title: string, q: AvailsQuestion, universe: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (!r.titles.includes(title)) continue;
    for (const c of toIndices(r.territories))
      for (const m of toIndices(r.media))
        for (const l of r.languages ?? universe.filter((a) => !r.languagesExcept.includes(a)))
          for (let d = Math.max(r.start, q.start); d <= Math.min(r.end, q.end, SMALL.horizon + 1); d++) {
            const k = `${c}/${m}/${l}/${d}`;
            if (out.has(k)) throw new Error(`${title}: cell ${k} in two rows`);
            out.set(k, key(r.outcome.status, r.outcome.reasons));
          }
  }
  return out;
}

const oracleMap = (cells: OracleCell[], keep: (c: OracleCell) => boolean) => {
  const m = new Map<string, string>();
  for (const c of cells) if (keep(c)) m.set(`${c.country}/${c.media}/${c.language}/${c.day}`, key(c.status, c.reasons));
  return m;
};

// three events, each dated (days 10..30) or not; conditions are offsets of -10..10 days from them
const EVENTS: ReadonlyArray<Pick<Condition, 'event' | 'territory' | 'media'> & { key: string }> = [
  { event: 'release', territory: 'DE', media: 'theatrical', key: 'release:DE:theatrical' },
  { event: 'broadcast', territory: 'US', media: null, key: 'release:US:tv' },
  { event: 'delivery', territory: null, media: null, key: 'delivery' },
];

const events = fc
  .tuple(...EVENTS.map(() => fc.option(fc.integer({ min: 10, max: 30 }), { nil: undefined })))
  .map((days) => new Map(EVENTS.flatMap((e, i) => (days[i] === undefined ? [] : [[e.key, days[i]] as [string, Day]]))));

const condition: fc.Arbitrary<Condition> = fc
  .record({ which: fc.integer({ min: 0, max: EVENTS.length - 1 }), offset: fc.integer({ min: -10, max: 10 }) })
  .map(({ which, offset }) => {
    const { key: _key, ...e } = EVENTS[which];
    return { ...e, window: null, offset, unit: 'days' as const };
  });

const subset = (size: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { minLength: 1, maxLength: size }).map((ix) => fromIndices(size, ix));

const startEnd = (open: boolean): fc.Arbitrary<TermEnd> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: SMALL.horizon }).map((d): TermEnd => ({ date: d, condition: null })) },
    { weight: 2, arbitrary: condition.map((c): TermEnd => ({ date: null, condition: c })) },
    { weight: open ? 1 : 0, arbitrary: fc.constant<TermEnd>({ date: null, condition: null }) },
  );

const conditionalBlock: fc.Arbitrary<ConditionalBlock> = fc
  .record({
    contract: fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5'),
    kind: fc.constantFrom<BlockKind>('in', 'in', 'out', 'hold', 'holdback'),
    territories: subset(SMALL.countries),
    media: subset(SMALL.media),
    languages: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(['fr']) }),
    start: startEnd(false),
    end: startEnd(true),
    exclusive: fc.boolean(),
  })
  .filter((b) => !(b.start.date !== null && b.end.date !== null && b.end.date < b.start.date));

const titles = ['A', 'B'];
const scenario = fc.tuple(
  fc.array(fc.record({ title: fc.constantFrom(...titles), blocks: fc.array(conditionalBlock, { maxLength: 5 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  events,
  question,
);

describe('windows that depend on events agree with the oracle, which resolves events cell by cell', () => {
  it('one title at a time (titleCells), on random conditional blocks and random known and unknown events', () => {
    fc.assert(
      fc.property(fc.array(conditionalBlock, { maxLength: 6 }), events, question, (written, known, q) => {
        const blocks = resolveBlocks(written, known);
        const rows = rollUpTitle('T', titleCells(blocks, q));
        const want = conditionsOracle(written, known, q, SMALL.horizon, SMALL.countries, SMALL.media);
        const universe = oracleLanguages(oracleBlocks(written, known), q);
        expect(cellsOf(rows, 'T', q, universe)).toEqual(oracleMap(want, () => true));
      }),
      { numRuns: 600 },
    );
  });

  it('an episode whose events come from itself, its season and its series (the nearest title with an event wins)', () => {
    fc.assert(
      fc.property(
        fc.array(conditionalBlock, { maxLength: 6 }),
        fc.array(events, { minLength: 1, maxLength: 3 }),
        question,
        (written, chain, q) => {
          const known = eventsAlongChain(chain);
          const blocks = resolveBlocks(written, known);
          const rows = rollUpTitle('T', titleCells(blocks, q));
          const oracleKnown = oracleChainEvents(chain);
          const want = conditionsOracle(written, oracleKnown, q, SMALL.horizon, SMALL.countries, SMALL.media);
          const universe = oracleLanguages(oracleBlocks(written, oracleKnown), q);
          expect(cellsOf(rows, 'T', q, universe)).toEqual(oracleMap(want, () => true));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the catalog index, whole catalog and chosen titles, everything and available only', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ([updates, known, q], wholeCatalog) => {
        const index = new RightsIndex();
        const truth = new Map<string, ConditionalBlock[]>();
        for (const u of updates) {
          index.setTitle(u.title, resolveBlocks(u.blocks, known));
          truth.set(u.title, u.blocks);
        }
        const asked = wholeCatalog ? null : titles;
        const everything = index.avails(asked, q, { include: 'all' });
        const availableOnly = index.avails(asked, q, { include: 'available' });
        for (const t of titles) {
          const written = truth.get(t);
          if (!written) continue;
          const resolved = resolveBlocks(written, known);
          if (resolved.length === 0 && wholeCatalog) continue;
          const want = conditionsOracle(written, known, q, SMALL.horizon, SMALL.countries, SMALL.media);
          const universe = oracleLanguages(oracleBlocks(written, known), q);
          expect(cellsOf(everything, t, q, universe)).toEqual(oracleMap(want, () => true));
          expect(cellsOf(availableOnly, t, q, universe)).toEqual(oracleMap(want, (c) => c.status === 'available'));
          expect(index.blocksOf(t)).toEqual(resolved);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('a cell is `depends` (status and reason) exactly while an event it waits for is undated, and never once every event is dated', () => {
    fc.assert(
      fc.property(fc.array(conditionalBlock, { maxLength: 6 }), events, question, (written, known, q) => {
        const rows = rollUpTitle('T', titleCells(resolveBlocks(written, known), q));
        for (const r of rows) {
          const says = r.outcome.reasons.some((x) => x.code === 'depends');
          // the status and the reason code go together: a `depends` cell is never reported unavailable or free
          expect(r.outcome.status === 'depends', r.outcome.key).toBe(says);
          if (says) expect(r.outcome.reasons.map((x) => x.code)).toEqual(['depends']);
        }
        const allDated = new Map(EVENTS.map((e, i) => [e.key, known.get(e.key) ?? 12 + i]));
        const dated = rollUpTitle('T', titleCells(resolveBlocks(written, allDated), q));
        expect(dated.filter((r) => r.outcome.status === 'depends')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('dating an event never makes available a cell that was unavailable for a reason other than depends', () => {
    fc.assert(
      fc.property(
        fc.array(conditionalBlock, { maxLength: 6 }),
        events,
        question,
        fc.integer({ min: 10, max: 30 }),
        (written, known, asked, day) => {
          // start-within and end-within are not monotone: dating an event can lengthen a free run past
          // the window's end (a sale whose term turns out empty), so that it no longer ends inside it
          const q = asked.match === 'start-within' || asked.match === 'end-within' ? { ...asked, match: 'overlap-part' as const } : asked;
          const before = conditionsOracle(written, known, q, SMALL.horizon, SMALL.countries, SMALL.media);
          const missing = ['release:DE:theatrical', 'release:US:tv', 'delivery'].find((k) => !known.has(k));
          if (!missing) return;
          const after = conditionsOracle(written, new Map([...known, [missing, day]]), q, SMALL.horizon, SMALL.countries, SMALL.media);
          const was = oracleMap(before, () => true);
          for (const c of after) {
            const k = `${c.country}/${c.media}/${c.language}/${c.day}`;
            const old = was.get(k);
            // a cell reported available stays available whatever the event's date (never a guess)
            if (old?.startsWith('available')) expect(c.status, k).toBe('available');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a block whose window is undated', () => {
  it('keeps PERPETUITY and the beginning as its widened ends', () => {
    const b = resolveBlocks(
      [
        {
          contract: 'X',
          kind: 'in',
          territories: fromIndices(SMALL.countries, [0]),
          media: fromIndices(SMALL.media, [0]),
          languages: null,
          exclusive: true,
          start: { date: null, condition: { event: 'delivery', territory: null, media: null, window: null, offset: 0, unit: 'days' } },
          end: { date: null, condition: null },
        },
      ],
      new Map(),
    );
    expect(b).toHaveLength(1);
    expect(b[0].undated).toBe(true);
    expect(b[0].end).toBe(PERPETUITY);
  });
});
