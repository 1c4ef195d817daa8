import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIndices, intersects, toIndices } from '../../src/domain/bitset.js';
import type { AvailsQuestion } from '../../src/domain/avails.js';
import { checkConflicts } from '../../src/domain/conflicts.js';
import type { RightsBlock } from '../../src/domain/rights.js';
import { titleCells } from '../../src/domain/avails.js';
import { RightsIndex, type NotShownReason } from '../../src/domain/rightsIndex.js';
import { rollUpTitle, type RolledRow } from '../../src/domain/rollup.js';
import { SMALL, block, catalog, question } from './testing/arbitraries.js';
import { oracleAvails, oracleLanguages, type OracleCell } from './testing/oracle.js';

const key = (status: string, reasons: Array<{ code: string; contracts: string[] }>) =>
  status + '|' + reasons.map((r) => r.code + ':' + [...r.contracts].sort().join(',')).join(';');

/** Cells of rows for one title, as "country/media/language/day" → outcome. */
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

/** One title's rows, without the other titles they are shared with, in a stable order. */
function rowsOf(rows: RolledRow[], title: string): string[] {
  return rows
    .filter((r) => r.titles.includes(title))
    .map((r) =>
      JSON.stringify([toIndices(r.territories), toIndices(r.media), r.languages, r.languagesExcept, r.start, r.end, r.outcome.key]),
    )
    .sort();
}

function oracleMap(cells: OracleCell[], keep: (c: OracleCell) => boolean): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of cells) if (keep(c)) m.set(`${c.country}/${c.media}/${c.language}/${c.day}`, key(c.status, c.reasons));
  return m;
}

const titles = ['A', 'B', 'C'];
const update = fc.record({ title: fc.constantFrom(...titles), blocks: catalog });

/** A question asked inside one block's place and term: the fast path of the index gets exercised. */
const inside = (b: RightsBlock) =>
  fc
    .record({
      q: question,
      t: fc.subarray(toIndices(b.territories), { minLength: 1 }),
      m: fc.subarray(toIndices(b.media), { minLength: 1 }),
      a: fc.integer({ min: b.start, max: Math.min(b.end, SMALL.horizon) }),
      len: fc.integer({ min: 0, max: 10 }),
    })
    .map(({ q, t, m, a, len }) => ({
      ...q,
      territories: fromIndices(SMALL.countries, t),
      media: fromIndices(SMALL.media, m),
      languages: b.languages,
      start: a,
      end: Math.min(b.end, a + len),
    }));

const scenario = fc.array(update, { minLength: 1, maxLength: 8 }).chain((updates) => {
  const blocks = updates.flatMap((u) => u.blocks).filter((b) => b.kind === 'in');
  const q = blocks.length ? fc.oneof(question, fc.constantFrom(...blocks).chain(inside)) : question;
  return fc.tuple(fc.constant(updates), q);
});

describe('the catalog index agrees with the oracle', () => {
  it('after random sequences of incremental updates, for the whole catalog and for chosen titles', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ([updates, q], wholeCatalog) => {
        const index = new RightsIndex();
        const truth = new Map<string, RightsBlock[]>();
        for (const u of updates) {
          index.setTitle(u.title, u.blocks);
          truth.set(u.title, u.blocks);
        }
        const asked = wholeCatalog ? null : titles;
        const everything = index.avails(asked, q, { include: 'all' });
        const availableOnly = index.avails(asked, q, { include: 'available' });
        for (const t of titles) {
          const blocks = truth.get(t);
          if (!blocks && wholeCatalog) {
            expect(everything.some((r) => r.titles.includes(t))).toBe(false);
            continue;
          }
          const oracle = oracleAvails(blocks ?? [], q, SMALL.horizon, SMALL.countries, SMALL.media);
          const universe = oracleLanguages(blocks ?? [], q);
          expect(cellsOf(everything, t, q, universe)).toEqual(oracleMap(oracle, () => true));
          expect(cellsOf(availableOnly, t, q, universe)).toEqual(oracleMap(oracle, (c) => c.status === 'available'));
          // the index's short paths give exactly the rows the full rollup gives (not only the same cells)
          const full = rollUpTitle(t, titleCells(blocks ?? [], q)).filter((r) => r.outcome.status === 'available');
          expect(rowsOf(availableOnly, t)).toEqual(rowsOf(full, t));
          expect(index.blocksOf(t)).toEqual(blocks ?? []);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('answers the same from its columns (an index snapshot), and after updates made on the copy', () => {
    fc.assert(
      fc.property(scenario, fc.array(update, { maxLength: 4 }), ([updates, q], later) => {
        const index = new RightsIndex();
        const truth = new Map<string, RightsBlock[]>();
        for (const u of updates) {
          index.setTitle(u.title, u.blocks);
          truth.set(u.title, u.blocks);
        }
        // as a snapshot loads them: contract references read when first used
        const columns = structuredClone(index.toColumns());
        const refs = columns.contracts as string[];
        const copy = RightsIndex.fromColumns({ ...columns, contracts: { length: refs.length, at: (i) => refs[i] } });
        expect(copy.blockCount).toBe(index.blockCount);
        expect(rowsOf(copy.avails(null, q, { include: 'all' }), 'A')).toEqual(rowsOf(index.avails(null, q, { include: 'all' }), 'A'));
        for (const u of later) {
          copy.setTitle(u.title, u.blocks);
          truth.set(u.title, u.blocks);
        }
        const everything = copy.avails(titles, q, { include: 'all' });
        for (const t of titles) {
          const blocks = truth.get(t) ?? [];
          const oracle = oracleAvails(blocks, q, SMALL.horizon, SMALL.countries, SMALL.media);
          expect(cellsOf(everything, t, q, oracleLanguages(blocks, q))).toEqual(oracleMap(oracle, () => true));
          expect(copy.blocksOf(t)).toEqual(blocks);
        }
        // the copy, changed since its load (some titles' positions its own, the rest the loaded
        // columns'; contract references packed and interned), written out and loaded again
        const again = RightsIndex.fromColumns(copy.toColumns());
        expect(again.blockCount).toBe(copy.blockCount);
        for (const t of titles) expect(again.blocksOf(t)).toEqual(truth.get(t) ?? []);
        expect(rowsOf(again.avails(null, q, { include: 'all' }), 'A')).toEqual(rowsOf(copy.avails(null, q, { include: 'all' }), 'A'));
      }),
      { numRuns: 500 },
    );
  });

  it('tells of every title it leaves out of an available-only answer, with the reason its rights-in give', () => {
    const touches = (b: RightsBlock, q: AvailsQuestion) =>
      intersects(b.territories, q.territories) &&
      intersects(b.media, q.media) &&
      (b.languages === null || q.languages === null || q.languages.some((l) => b.languages!.includes(l)));
    fc.assert(
      fc.property(scenario, fc.boolean(), ([updates, q], wholeCatalog) => {
        const index = new RightsIndex();
        const truth = new Map<string, RightsBlock[]>();
        for (const u of updates) {
          index.setTitle(u.title, u.blocks);
          truth.set(u.title, u.blocks);
        }
        const reported = new Map<string, NotShownReason>();
        const rows = index.avails(wholeCatalog ? null : titles, q, {
          include: 'available',
          notShown: (id, reason) => {
            expect(reported.has(id), `${id} told twice`).toBe(false);
            reported.set(id, reason);
          },
        });
        for (const t of titles) {
          const blocks = truth.get(t) ?? [];
          const shown = rows.some((r) => r.titles.includes(t));
          const free = oracleAvails(blocks, q, SMALL.horizon, SMALL.countries, SMALL.media).some((c) => c.status === 'available');
          expect(shown, t).toBe(free);
          if (shown) {
            expect(reported.has(t), t).toBe(false);
            continue;
          }
          const rightsIn = blocks.filter((b) => b.kind === 'in' && touches(b, q));
          const want: NotShownReason = rightsIn.some((b) => b.start <= q.end && b.end >= q.start)
            ? 'not-available'
            : rightsIn.some((b) => b.end < q.start)
              ? rightsIn.some((b) => b.start > q.end)
                ? 'between-terms'
                : 'rights-expired'
              : rightsIn.some((b) => b.start > q.end)
                ? 'not-yet-started'
                : 'no-rights-held';
          // a catalog-wide question does not look at titles no block of which touches it: the caller says "no rights held"
          if (wholeCatalog && !blocks.some((b) => touches(b, q))) expect(reported.has(t), t).toBe(false);
          else expect(reported.get(t), t).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the catalog-wide answer in pages a client can follow: each title once, in order of ids, with the rows of the whole answer', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('all' as const, 'available' as const),
        ([updates, q], limit, include) => {
          const index = new RightsIndex();
          for (const u of updates) index.setTitle(u.title, u.blocks);
          const whole = index.avails(null, q, { include });
          const seen: string[] = [];
          let after: string | undefined;
          for (let pages = 0; ; pages++) {
            expect(pages, 'pages never end').toBeLessThan(titles.length + 2);
            const page = index.availsPage(q, { ...(after === undefined ? {} : { after }), limit }, { include });
            const named = [...new Set(page.rows.flatMap((r) => r.titles))].sort();
            expect(named.length).toBe(page.titles);
            expect(page.titles).toBeLessThanOrEqual(limit);
            for (const t of named) {
              if (after !== undefined) expect(t > after, `${t} after ${after}`).toBe(true);
              if (page.last !== null) expect(t <= page.last, `${t} up to ${page.last}`).toBe(true);
              expect(rowsOf(page.rows, t)).toEqual(rowsOf(whole, t));
            }
            seen.push(...named);
            if (page.last === null) break;
            expect(page.titles).toBe(limit);
            after = page.last;
          }
          expect(seen).toEqual([...new Set(whole.flatMap((r) => r.titles))].sort());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps answering right after compaction of many replaced blocks', () => {
    const index = new RightsIndex();
    const blocks = fc.sample(block, { numRuns: 40, seed: 7 });
    for (let i = 0; i < 400; i++) index.setTitle(`T${i % 7}`, blocks.slice(i % 30, (i % 30) + 8));
    expect(index.blockCount).toBe(7 * 8);
    for (let t = 0; t < 7; t++) {
      const last = [...Array(400).keys()].filter((i) => i % 7 === t).pop()!;
      expect(index.blocksOf(`T${t}`)).toEqual(blocks.slice(last % 30, (last % 30) + 8));
    }
    // the posting lists were rebuilt too: catalog-wide answers are those of an index built afresh
    const fresh = new RightsIndex();
    for (let t = 0; t < 7; t++) fresh.setTitle(`T${t}`, index.blocksOf(`T${t}`));
    for (const q of fc.sample(question, { numRuns: 50, seed: 11 })) {
      const strip = (rows: RolledRow[]) =>
        rows
          .map((r) =>
            JSON.stringify({ ...r, titles: [...r.titles].sort(), territories: toIndices(r.territories), media: toIndices(r.media) }),
          )
          .sort();
      expect(strip(index.avails(null, q))).toEqual(strip(fresh.avails(null, q)));
    }
  });
});

describe('the conflict check agrees with the oracle', () => {
  it('names exactly the cells where a proposed sale is not available, and holds apart', () => {
    fc.assert(
      fc.property(catalog, block, (blocks, p) => {
        const report = checkConflicts('T', blocks, [p]);
        const q: AvailsQuestion = {
          territories: p.territories,
          media: p.media,
          languages: p.languages,
          start: p.start,
          end: p.end,
          exclusive: p.exclusive,
          match: 'overlap-part',
        };
        const oracle = oracleAvails(blocks, q, SMALL.horizon, SMALL.countries, SMALL.media);
        const universe = oracleLanguages(blocks, q);
        expect(cellsOf(report.blocks[0].conflicts, 'T', q, universe)).toEqual(oracleMap(oracle, (c) => c.status === 'unavailable'));
        expect(cellsOf(report.blocks[0].holds, 'T', q, universe)).toEqual(oracleMap(oracle, (c) => c.status === 'on-hold'));
        expect(report.clear).toBe(!oracle.some((c) => c.status === 'unavailable'));
      }),
      { numRuns: 1500 },
    );
  });

  it("leaves the deal's own blocks out when an existing contract is changed", () => {
    const [b] = fc.sample(block, { numRuns: 1, seed: 3 });
    const rightsIn: RightsBlock = { ...b, kind: 'in', exclusive: true, contract: 'IN', start: 0, end: 100 };
    const sold: RightsBlock = { ...b, kind: 'out', exclusive: true, contract: 'OUT', start: 0, end: 100 };
    expect(checkConflicts('T', [rightsIn, sold], [{ ...sold }]).clear).toBe(false);
    expect(checkConflicts('T', [rightsIn, sold], [{ ...sold }], 'OUT').clear).toBe(true);
  });
});
