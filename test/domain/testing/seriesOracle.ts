/**
 * The brute-force reading of "Rights inherited downward" (docs/domain.md): for each block,
 * the titles it covers are found by walking down from the title it is on, title by title,
 * leaving out what it excludes (with everything under it) and, when it does not include
 * future titles, whatever it does not list. Shares no code with src/domain/series.ts.
 */
import type { RightsBlock } from '../../../src/domain/rights.js';
import type { ScopedBlock, TitleNode } from '../../../src/domain/series.js';

export function oracleCovered(nodes: readonly TitleNode[], owner: string, b: ScopedBlock): Set<string> {
  const covered = new Set<string>([owner]);
  const stack = [owner];
  while (stack.length) {
    const at = stack.pop()!;
    for (const n of nodes) {
      if (n.parent !== at) continue;
      if (b.scope && b.scope.excludes.includes(n.id)) continue;
      stack.push(n.id);
      if (!b.scope || b.scope.includesFuture || (b.scope.covers ?? []).includes(n.id)) covered.add(n.id);
    }
  }
  return covered;
}

/** The blocks that reach a title, in no particular order, without their scope. */
export function oracleBlocksOf(
  nodes: readonly TitleNode[],
  byTitle: ReadonlyMap<string, readonly ScopedBlock[]>,
  unit: string,
): RightsBlock[] {
  const out: RightsBlock[] = [];
  for (const [owner, blocks] of byTitle)
    for (const b of blocks)
      if (oracleCovered(nodes, owner, b).has(unit)) {
        const { scope: _s, ...plain } = b;
        out.push(plain);
      }
  return out;
}

/** Titles with nothing under them: the ones availability is answered for. */
export function oracleUnits(nodes: readonly TitleNode[]): string[] {
  return nodes.filter((n) => !nodes.some((c) => c.parent === n.id)).map((n) => n.id);
}
