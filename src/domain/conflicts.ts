import type { Bitset } from './bitset.js';
import type { Day } from './dates.js';
import { titleCells, type AvailsQuestion, type OutcomeTable } from './avails.js';
import { checkBlock, type Languages, type RightsBlock } from './rights.js';
import { type MergeScratch, rollUpTitle, type RolledRow } from './rollup.js';

/**
 * Conflicts: whether a proposed rights-out deal can be signed on a title, as
 * the availability rule answers it for every cell of every block over its
 * whole term (docs/domain.md, "Conflicts").
 */

/** A block of a proposed rights-out deal. */
export interface ProposedBlock {
  territories: Bitset;
  media: Bitset;
  languages: Languages;
  start: Day;
  end: Day;
  exclusive: boolean;
}

export interface BlockConflicts {
  /** Position of the block in the proposed deal. */
  block: number;
  /** Where the deal collides with what is sold, held back or not held: it cannot be signed as is. */
  conflicts: RolledRow[];
  /** Where it touches a deal in negotiation: a warning, not a refusal. */
  holds: RolledRow[];
}

export interface ConflictReport {
  blocks: BlockConflicts[];
  /** True when no block collides: the deal can be signed (holds are warnings). */
  clear: boolean;
}

/**
 * The conflict check of a proposed rights-out deal on one title: every cell of
 * every block must be available for the grant it asks (exclusive or not) for
 * its whole term. `excludeContract` leaves out the deal's own blocks when an
 * existing contract is being changed. `work`: the caller's outcome table and
 * merge space, when it keeps them (the RightsIndex does).
 */
export function checkConflicts(
  title: string,
  titleBlocks: readonly RightsBlock[],
  proposed: readonly ProposedBlock[],
  excludeContract?: string,
  work: { outcomes?: OutcomeTable; merge?: MergeScratch } = {},
): ConflictReport {
  const others = excludeContract === undefined ? titleBlocks : titleBlocks.filter((b) => b.contract !== excludeContract);
  const blocks = proposed.map((p, i) => {
    checkBlock({ ...p, contract: '', kind: 'out' }, `blocks[${i}]`);
    const q: AvailsQuestion = { ...p, match: 'overlap-part' };
    const rows = rollUpTitle(title, titleCells(others, q, work.outcomes), work.merge);
    return {
      block: i,
      // a cell that depends on an undated event is not free: a conflict, as docs/domain.md says
      conflicts: rows.filter((r) => r.outcome.status === 'unavailable' || r.outcome.status === 'depends'),
      holds: rows.filter((r) => r.outcome.status === 'on-hold'),
    };
  });
  return { blocks, clear: blocks.every((b) => b.conflicts.length === 0) };
}
