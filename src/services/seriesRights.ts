/**
 * Series, seasons and episodes in the store (docs/domain.md): the parts of the
 * catalog's tree a write or a check needs, the blocks of every title in those
 * trees, and how far a block written on a series or season reaches down.
 */
import type { Kysely } from 'kysely';
import { invalid } from '../domain/errors.js';
import type { RightsBlock } from '../domain/rights.js';
import { inheritedBlocks, TitleTree, type BlockScope, type TitleKind } from '../domain/series.js';
import type { Database } from '../store/index.js';
import { loadEngineBlocks } from './engineBlocks.js';

const COLS = ['id', 'kind', 'parent_id', 'number'] as const;
type NodeRow = { id: string; kind: TitleKind; parent_id: string | null; number: number | null };
const put = (tree: TitleTree, r: NodeRow) => tree.put({ id: r.id, kind: r.kind, parent: r.parent_id, number: r.number });
const CHUNK = 500;

/** Every title in a tree, when the whole catalog is read (films with nothing under them are left out). */
export async function loadWholeTree(db: Kysely<Database>): Promise<TitleTree> {
  const tree = new TitleTree();
  const rows = await db
    .selectFrom('titles')
    .select(COLS)
    .where((eb) => eb.or([eb('kind', '!=', 'film'), eb('parent_id', 'is not', null)]))
    .execute();
  for (const r of rows) put(tree, r);
  return tree;
}

/** The trees these titles are in, whole (from their tops down); films are not in it. */
export async function loadTrees(db: Kysely<Database>, titleIds: readonly string[]): Promise<TitleTree> {
  const tree = new TitleTree();
  const seen = new Set<string>();
  let ids = [...new Set(titleIds)];
  const tops = new Set<string>();
  // up to the tops
  while (ids.length) {
    const next: string[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const r of await db
        .selectFrom('titles')
        .select(COLS)
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()) {
        seen.add(r.id);
        if (r.kind === 'film' && r.parent_id === null) continue;
        put(tree, r);
        if (r.parent_id === null) tops.add(r.id);
        else if (!seen.has(r.parent_id)) next.push(r.parent_id);
      }
    }
    ids = [...new Set(next)];
  }
  // and down again
  let level = [...tops];
  while (level.length) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += CHUNK) {
      for (const r of await db
        .selectFrom('titles')
        .select(COLS)
        .where('parent_id', 'in', level.slice(i, i + CHUNK))
        .execute()) {
        put(tree, r);
        next.push(r.id);
      }
    }
    level = next;
  }
  return tree;
}

/** The units these titles stand for (a film: itself; a series or season: the titles with nothing under them). */
export function unitsOf(tree: TitleTree, titleIds: readonly string[]): string[] {
  return [...new Set(titleIds.flatMap((t) => (tree.get(t) ? tree.units(t) : [t])))];
}

/**
 * What a rights check on these titles needs: their trees and every title's own blocks in them
 * (`excludeContractId`: without that contract's), and each unit's blocks, inherited included.
 */
export async function loadUnitRights(
  db: Kysely<Database>,
  titleIds: readonly string[],
  excludeContractId?: string,
): Promise<{ tree: TitleTree; blocksOf: (unit: string) => RightsBlock[] }> {
  const tree = await loadTrees(db, titleIds);
  const all = [...new Set([...titleIds, ...[...tree.values()].map((n) => n.id)])];
  const own = await loadEngineBlocks(db, all, excludeContractId);
  return { tree, blocksOf: (unit) => inheritedBlocks(tree, (id) => own.get(id) ?? [], unit) };
}

/** A block's reach as written, before it is resolved against the tree. */
export interface ScopeInput {
  includesFuture?: boolean;
  covers?: readonly string[] | null;
  excludes?: readonly string[];
}

/**
 * Resolves how far a block written on `titleId` reaches down: the titles it covers and
 * excludes must sit under it (errors name `field`); with includesFuture false, `covers`
 * absent means every title under it now, and a title listed brings the titles under it
 * now. Returns null for the default (every title under it, future ones included).
 */
export function resolveScope(tree: TitleTree, titleId: string, input: ScopeInput, field: string): BlockScope | null {
  const under = new Set(tree.descendants(titleId));
  const check = (list: readonly string[], name: string) =>
    list.forEach((t, i) => {
      if (!under.has(t)) throw invalid(`${field}.${name}[${i}]`, t, `${field}.${name}[${i}]: "${t}" is not a title under ${titleId}`);
    });
  const excludes = [...new Set(input.excludes ?? [])];
  check(excludes, 'excludes');
  if (input.includesFuture !== false) {
    if (input.covers?.length)
      throw invalid(
        `${field}.covers`,
        input.covers,
        `${field}.covers: a block that includes future titles covers every title under it; set includesFuture to false to list them`,
      );
    return excludes.length ? { includesFuture: true, covers: null, excludes } : null;
  }
  let covers: string[];
  if (input.covers == null) covers = [...under];
  else {
    check(input.covers, 'covers');
    covers = [...new Set(input.covers.flatMap((t) => [t, ...tree.descendants(t)]))];
  }
  return { includesFuture: false, covers: covers.sort(), excludes };
}

/** Per block of a deal, per title it is written on: how far it reaches down (null: everything under it). */
export type DealScopes = Array<Map<string, BlockScope | null>>;

export function resolveDealScopes(
  tree: TitleTree,
  blocks: ReadonlyArray<{ titleIds: string[]; input: ScopeInput }>,
  f: (n: string) => string = (n) => n,
): DealScopes {
  return blocks.map((b, i) => new Map(b.titleIds.map((t) => [t, resolveScope(tree, t, b.input, f(`blocks[${i}]`))])));
}
