/**
 * `filmrights check`: does the in-memory index agree with the store, and does
 * the store hold any exclusive right sold twice without a recorded override?
 */
import { checkConflicts } from '../domain/conflicts.js';
import type { RightsBlock } from '../domain/rights.js';
import type { FilmRights } from './app.js';
import { loadEngineBlocks } from './engineBlocks.js';
import { inheritedBlocks } from '../domain/series.js';
import { loadWholeTree } from './seriesRights.js';

export interface IntegrityReport {
  titles: number;
  blocks: number;
  /** Titles whose blocks in the index differ from the store. */
  indexMismatches: string[];
  /** Signed rights-out blocks that collide with another signed deal and carry no override reason. */
  doubleSales: Array<{ titleId: string; contract: string; against: string[] }>;
}

const key = (b: RightsBlock) =>
  JSON.stringify([b.contract, b.kind, Array.from(b.territories), Array.from(b.media), b.languages, b.start, b.end, b.exclusive]);

export async function checkIntegrity(app: FilmRights): Promise<IntegrityReport> {
  const stored = await loadEngineBlocks(app.store.db, null);
  const tree = await loadWholeTree(app.store.db);
  const indexMismatches: string[] = [];
  const titles = new Set([...stored.keys(), ...app.index.titles(), ...[...tree.values()].map((n) => n.id)]);
  let blocks = 0;
  // a series or season is answered through its episodes, which inherit its blocks (docs/domain.md)
  const expected = (t: string) =>
    !tree.get(t) ? (stored.get(t) ?? []) : tree.children(t).length ? [] : inheritedBlocks(tree, (id) => stored.get(id) ?? [], t);
  for (const t of titles) {
    const a = expected(t).map(key).sort();
    const b = app.index.blocksOf(t).map(key).sort();
    blocks += a.length;
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) indexMismatches.push(t);
  }
  const overridden = new Set(
    (
      await app.store.db
        .selectFrom('contracts')
        .select('ref')
        .where('override_reason', 'is not', null)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((r) => r.ref),
  );
  const doubleSales: IntegrityReport['doubleSales'] = [];
  for (const [titleId, list] of stored) {
    for (const b of list) {
      if (b.kind !== 'out' || overridden.has(b.contract)) continue;
      const others = list.filter((o) => o.contract !== b.contract && o.kind === 'out');
      if (!others.length) continue;
      // only other sales: rights-in are not the question here
      const rightsIn: RightsBlock = { ...b, kind: 'in', exclusive: true, contract: '(rights in)' };
      const report = checkConflicts(titleId, [rightsIn, ...others], [b]);
      const against = [...new Set(report.blocks[0].conflicts.flatMap((r) => r.outcome.reasons.flatMap((x) => x.contracts)))].filter(
        (c) => c !== '(rights in)',
      );
      if (against.length) doubleSales.push({ titleId, contract: b.contract, against });
    }
  }
  return { titles: titles.size, blocks, indexMismatches, doubleSales };
}
