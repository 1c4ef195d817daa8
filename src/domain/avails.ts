/**
 * Availability: the public face of the rights engine's rule and its fast
 * paths, so callers import one module. The rule itself reads top to bottom in
 * availsRule.ts (docs/domain.md says it in words); outcomes and their
 * interning are in outcomes.ts; one title's cells, computed fast, in
 * titleCells.ts; the catalog's short path in availableRuns.ts.
 */
export {
  applyMatch,
  checkQuestion,
  MATCH_TYPES,
  meetsWindow,
  outcomeOn,
  timeline,
  type AvailsQuestion,
  type MatchType,
  type Segment,
} from './availsRule.js';
export {
  AVAILABLE,
  makeOutcome,
  OutcomeTable,
  REASON_CODES,
  type AvailStatus,
  type Outcome,
  type Reason,
  type ReasonCode,
} from './outcomes.js';
export { titleCells, type CellGroup, type TitleCells } from './titleCells.js';
export { availableRuns, RunScratch } from './availableRuns.js';
