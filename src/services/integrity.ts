/**
 * `filmrights check`: does the in-memory index agree with the store, and does
 * the store hold any exclusive right sold twice without a recorded override?
 *
 * The store is read 5,000 titles at a time, in order of id (all its blocks at once do not fit
 * a default heap at 100k titles); the titles in a series tree are read together first (an
 * episode inherits its season's and series' blocks).
 */
import { checkConflicts } from '../domain/conflicts.js';
import type { RightsBlock } from '../domain/rights.js';
import type { ScopedBlock } from '../domain/series.js';
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

const BATCH = 5_000;

const key = (b: RightsBlock) =>
  JSON.stringify([b.contract, b.kind, Array.from(b.territories), Array.from(b.media), b.languages, b.start, b.end, b.exclusive]);

export async function checkIntegrity(app: FilmRights): Promise<IntegrityReport> {
  const db = app.store.db;
  const tree = await loadWholeTree(db);
  const treeIds = [...tree.values()].map((n) => n.id);
  const treeStored = new Map<string, ScopedBlock[]>();
  for (let i = 0; i < treeIds.length; i += BATCH)
    for (const [id, list] of await loadEngineBlocks(db, treeIds.slice(i, i + BATCH))) treeStored.set(id, list);
  const indexed = new Set(app.index.titles());
  const overridden = new Set(
    (await db.selectFrom('contracts').select('ref').where('override_reason', 'is not', null).where('deleted_at', 'is', null).execute()).map(
      (r) => r.ref,
    ),
  );
  const indexMismatches: string[] = [];
  const doubleSales: IntegrityReport['doubleSales'] = [];
  let titles = 0;
  let blocks = 0;
  // a series or season is answered through its episodes, which inherit its blocks (docs/domain.md)
  const expected = (t: string, own: ScopedBlock[]) =>
    !tree.get(t) ? own : tree.children(t).length ? [] : inheritedBlocks(tree, (id) => treeStored.get(id) ?? [], t);
  const compare = (t: string, own: ScopedBlock[]) => {
    titles++;
    const a = expected(t, own).map(key).sort();
    const b = app.index.blocksOf(t).map(key).sort();
    blocks += a.length;
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) indexMismatches.push(t);
  };
  const sales = (titleId: string, list: ScopedBlock[]) => {
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
  };
  for (let after: string | null = null; ;) {
    let page = db.selectFrom('titles').select('id').orderBy('id').limit(BATCH);
    if (after !== null) page = page.where('id', '>', after);
    const ids = (await page.execute()).map((r) => r.id);
    if (!ids.length) break;
    after = ids[ids.length - 1];
    const stored = await loadEngineBlocks(db, ids);
    for (const id of ids) {
      const own = stored.get(id) ?? [];
      const inIndex = indexed.delete(id);
      if (own.length || inIndex || tree.get(id)) compare(id, own);
      if (own.length) sales(id, own);
    }
  }
  // titles the index has and the store does not
  for (const id of indexed) compare(id, []);
  return { titles, blocks, indexMismatches, doubleSales };
}
