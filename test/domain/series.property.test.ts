import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIndices } from '../../src/domain/bitset.js';
import type { AvailsQuestion } from '../../src/domain/avails.js';
import { RightsIndex } from '../../src/domain/rightsIndex.js';
import type { RolledRow } from '../../src/domain/rollup.js';
import { checkConflicts } from '../../src/domain/conflicts.js';
import {
  groupStatus,
  inheritedBlocks,
  refreshUnits,
  TitleTree,
  unitStatus,
  unitsToCheck,
  type ScopedBlock,
} from '../../src/domain/series.js';
import { SMALL, block, question } from './testing/arbitraries.js';
import { oracleAvails, oracleLanguages, type OracleCell } from './testing/oracle.js';
import { treeWithBlocks } from './testing/seriesArbitraries.js';
import { oracleBlocksOf, oracleCovered, oracleUnits } from './testing/seriesOracle.js';

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

const worst = (cells: OracleCell[]) =>
  cells.some((c) => c.status === 'unavailable') ? 'unavailable' : cells.some((c) => c.status === 'on-hold') ? 'on-hold' : 'available';

describe('rights inherited down series, seasons and episodes agree with the oracle', () => {
  it('per unit, cell by cell, with titles added after the deals and blocks at every level', () => {
    fc.assert(
      fc.property(treeWithBlocks, question, fc.boolean(), fc.nat(), fc.nat(), ([t, byTitle], q, wholeCatalog, pickEpisode, pickParent) => {
        const index = new RightsIndex();
        const own = (id: string): readonly ScopedBlock[] => byTitle.get(id) ?? [];
        // the titles that exist when the deals are recorded, then the deals, then the late titles one by one
        const early = t.nodes.filter((n) => !t.late.includes(n.id));
        const tree = new TitleTree();
        for (const n of early) tree.set(n);
        refreshUnits(
          index,
          tree,
          () => [],
          early.map((n) => n.id),
        );
        refreshUnits(index, tree, own, [...byTitle.keys()]);
        for (const id of t.late) {
          const n = t.nodes.find((x) => x.id === id)!;
          tree.set(n);
          refreshUnits(index, tree, own, [n.id]);
        }
        // an episode moved to another season or miniseries (last in it): the trees it left and joined are answered again
        const episodes = t.nodes.filter((n) => n.kind === 'episode');
        const parents = t.nodes.filter((n) => n.kind === 'season' || n.kind === 'miniseries');
        if (episodes.length && parents.length) {
          const e = episodes[pickEpisode % episodes.length];
          const to = parents[pickParent % parents.length];
          const moved = { ...e, parent: to.id, number: 99 };
          const oldTop = tree.root(e.id);
          tree.set(moved);
          t.nodes[t.nodes.indexOf(e)] = moved;
          refreshUnits(index, tree, own, [e.id, oldTop]);
        }
        const units = oracleUnits(t.nodes);
        expect(new Set(index.titles().filter((x) => !units.includes(x)))).toEqual(new Set());
        const rows = index.avails(wholeCatalog ? null : units, q, { include: 'all' });
        const perUnit = new Map<string, OracleCell[]>();
        for (const u of units) {
          const blocks = oracleBlocksOf(t.nodes, byTitle, u);
          const want = oracleAvails(blocks, q, SMALL.horizon, SMALL.countries, SMALL.media);
          perUnit.set(u, want);
          if (wholeCatalog && blocks.length === 0) continue; // the whole catalog names only titles with rights
          const got = cellsOf(rows, u, q, oracleLanguages(blocks, q));
          expect(got.size, `${u}: cells`).toBe(want.length);
          for (const c of want)
            expect(got.get(`${c.country}/${c.media}/${c.language}/${c.day}`), `${u} ${c.country}/${c.media}/${c.language}/${c.day}`).toBe(
              key(c.status, c.reasons),
            );
        }
        if (!wholeCatalog) {
          // a season (or series) is available only if all its episodes are
          for (const group of ['S', 'S1', 'S2', 'M']) {
            if (!tree.get(group)) continue;
            const groupUnits = tree.units(group);
            const got = groupStatus(groupUnits.map((u) => unitStatus(rows.filter((r) => r.titles.includes(u)))));
            const want = groupStatus(groupUnits.map((u) => worst(perUnit.get(u)!)));
            expect(got, group).toBe(want);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a deal on a series or season is checked on every episode it reaches, as the oracle reads it', () => {
  it('names exactly the units the proposed block reaches, and their conflicts cell by cell', () => {
    const proposal = treeWithBlocks.chain(([t, byTitle]) =>
      fc.tuple(
        fc.constant(t),
        fc.constant(byTitle),
        fc.constantFrom(...t.nodes.map((n) => n.id)),
        block,
        fc.option(
          fc.record({
            includesFuture: fc.boolean(),
            covers: fc.oneof(fc.constant(null), fc.subarray(t.nodes.map((n) => n.id))),
            excludes: fc.subarray(
              t.nodes.map((n) => n.id),
              { maxLength: 2 },
            ),
          }),
          { nil: undefined },
        ),
      ),
    );
    fc.assert(
      fc.property(proposal, ([t, byTitle, owner, p, scope]) => {
        const tree = new TitleTree(t.nodes);
        const own = (id: string): readonly ScopedBlock[] => byTitle.get(id) ?? [];
        const checks = unitsToCheck(tree, [{ titleId: owner, scope, block: p }]);
        const proposed: ScopedBlock = scope ? { ...p, scope } : p;
        const reached = oracleCovered(t.nodes, owner, proposed);
        const units = oracleUnits(t.nodes).filter((u) => reached.has(u));
        expect([...checks.keys()].sort()).toEqual(units.sort());
        const q: AvailsQuestion = { ...p, match: 'overlap-part' };
        for (const u of units) {
          const report = checkConflicts(u, inheritedBlocks(tree, own, u), [p]);
          const blocks = oracleBlocksOf(t.nodes, byTitle, u);
          const want = oracleAvails(blocks, q, SMALL.horizon, SMALL.countries, SMALL.media).filter((c) => c.status === 'unavailable');
          const got = cellsOf(report.blocks[0].conflicts, u, q, oracleLanguages(blocks, q));
          expect(got.size, `${u}: conflicting cells`).toBe(want.length);
          for (const c of want) expect(got.has(`${c.country}/${c.media}/${c.language}/${c.day}`)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
