/** fast-check generators of small random series/season/episode trees with blocks at every level. */
import fc from 'fast-check';
import type { BlockScope, ScopedBlock, TitleNode } from '../../../src/domain/series.js';
import { block } from './arbitraries.js';

/**
 * A small catalog tree: a film, a series with up to three seasons of up to three episodes
 * (some seasons with none yet), and a miniseries with up to two episodes. `late` titles are
 * added after the blocks are recorded (seasons and episodes made after the deal).
 */
export interface TreeCase {
  nodes: TitleNode[];
  late: string[];
}

export const tree: fc.Arbitrary<TreeCase> = fc
  .record({
    seasons: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 3 }),
    mini: fc.integer({ min: 0, max: 2 }),
    lateMask: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
  })
  .map(({ seasons, mini, lateMask }) => {
    const nodes: TitleNode[] = [
      { id: 'F', kind: 'film', parent: null, number: null },
      { id: 'S', kind: 'series', parent: null, number: null },
      { id: 'M', kind: 'miniseries', parent: null, number: null },
    ];
    seasons.forEach((eps, i) => {
      const s = `S${i + 1}`;
      nodes.push({ id: s, kind: 'season', parent: 'S', number: i + 1 });
      for (let e = 1; e <= eps; e++) nodes.push({ id: `${s}E${e}`, kind: 'episode', parent: s, number: e });
    });
    for (let e = 1; e <= mini; e++) nodes.push({ id: `ME${e}`, kind: 'episode', parent: 'M', number: e });
    // a title added late brings every title under it late too (it did not exist before)
    const late = new Set<string>();
    nodes.forEach((n, i) => {
      if (i >= 3 && (lateMask[i % 16] || (n.parent !== null && late.has(n.parent)))) late.add(n.id);
    });
    return { nodes, late: nodes.filter((n) => late.has(n.id)).map((n) => n.id) };
  });

const scope = (ids: readonly string[]): fc.Arbitrary<BlockScope | undefined> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.record({
        includesFuture: fc.boolean(),
        covers: fc.oneof(fc.constant(null), fc.subarray([...ids])),
        excludes: fc.subarray([...ids], { maxLength: 2 }),
      }),
    },
  );

/** Blocks on titles of the tree, each with a scope drawn from the tree's titles. */
export const treeWithBlocks = tree.chain((t) => {
  const ids = t.nodes.map((n) => n.id);
  const owned = fc.record({ owner: fc.constantFrom(...ids), block, scope: scope(ids) });
  return fc.tuple(
    fc.constant(t),
    fc.array(owned, { minLength: 0, maxLength: 8 }).map((list) => {
      const byTitle = new Map<string, ScopedBlock[]>();
      for (const { owner, block: b, scope: s } of list) {
        const sb: ScopedBlock = s === undefined ? b : { ...b, scope: s };
        byTitle.set(owner, [...(byTitle.get(owner) ?? []), sb]);
      }
      return byTitle;
    }),
  );
});
