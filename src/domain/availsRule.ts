import { type Bitset, isEmpty } from './bitset.js';
import { BEGINNING, PERPETUITY, checkTerm, type Day } from './dates.js';
import { invalid } from './errors.js';
import { AVAILABLE, REASON_CODES, SHARED_OUTCOMES, WINDOW_NOT_MET, type Outcome, type OutcomeTable, type Reason } from './outcomes.js';
import type { Languages, RightsBlock } from './rights.js';

/**
 * The availability rule (docs/domain.md, "Availability"), read top to bottom:
 * the question; the outcome of one cell on one day (outcomeOn); a cell's
 * timeline; and the match types and minimum window that decide which
 * available runs answer the question (meetsWindow, applyMatch).
 *
 * - exclusive: an active exclusive rights-in covers the cell, no rights-out
 *   (exclusive or not) covers it, and no holdback covers it;
 * - non-exclusive: an active rights-in covers it, no exclusive rights-out
 *   covers it, and no holdback covers it.
 * Holds (rights-out in negotiation) that would block the grant make the cell
 * "on-hold" rather than unavailable.
 *
 * This is the rule as written, cell by cell and day by day; the engine's fast
 * paths (titleCells.ts, availableRuns.ts) give the same answers without
 * walking cells, and the oracle tests hold them to it.
 */

export type MatchType = 'cover-entire' | 'overlap-part' | 'start-within' | 'end-within';
export const MATCH_TYPES: readonly MatchType[] = ['cover-entire', 'overlap-part', 'start-within', 'end-within'];

export interface AvailsQuestion {
  territories: Bitset;
  media: Bitset;
  /** null: all languages. */
  languages: Languages;
  /** The window, inclusive; end PERPETUITY for "from this date on". */
  start: Day;
  end: Day;
  exclusive: boolean;
  match: MatchType;
  /** An available period must last at least this many days (its whole length, not only inside the window). */
  minDays?: number;
}

export function checkQuestion(q: AvailsQuestion): void {
  if (isEmpty(q.territories)) throw invalid('territories', '', 'territories: the question names no territory');
  if (isEmpty(q.media)) throw invalid('media', '', 'media: the question names no media');
  if (q.languages !== null && q.languages.length === 0)
    throw invalid('languages', [], 'languages: empty list; leave it out to mean all languages');
  checkTerm(q.start, q.end, 'window');
  if (!MATCH_TYPES.includes(q.match)) throw invalid('match', q.match, `match: "${q.match}" is not one of ${MATCH_TYPES.join(', ')}`);
  if (q.minDays !== undefined && (!Number.isInteger(q.minDays) || q.minDays < 1)) {
    throw invalid('minDays', q.minDays, 'minDays: a minimum window is a whole number of days, at least 1');
  }
}

// ---------------------------------------------------------------------------
// One cell on one day

/**
 * The outcome of one cell on one day, given the blocks that cover the cell's place.
 *
 * Undated blocks (a condition whose event is not dated, docs/domain.md "Windows
 * that depend on events") may or may not be active on a day of their widened
 * term. The cell is available only if it is available at worst (undated
 * rights-in left out, undated rights-out and holdbacks counted); unavailable
 * for its own reasons if it is unavailable at best (undated rights-in counted,
 * undated rights-out and holdbacks left out); otherwise its status is `depends`
 * (reason `depends`), naming the undated contracts in play that day.
 */
export function outcomeOn(blocks: readonly RightsBlock[], day: Day, exclusive: boolean, outcomes: OutcomeTable = SHARED_OUTCOMES): Outcome {
  let undated = false;
  for (const b of blocks) if (b.undated) undated = true;
  if (!undated) return datedOutcomeOn(blocks, day, exclusive, outcomes);
  const worst = datedOutcomeOn(
    blocks.filter((b) => !(b.undated && b.kind === 'in')),
    day,
    exclusive,
    outcomes,
  );
  if (worst.status !== 'unavailable') return worst;
  const best = datedOutcomeOn(
    blocks.filter((b) => !b.undated || b.kind === 'in'),
    day,
    exclusive,
    outcomes,
  );
  if (best.status === 'unavailable') return best;
  const inPlay: string[] = [];
  for (const b of blocks) {
    if (!b.undated || b.start > day || day > b.end) continue;
    if (b.kind === 'in' || b.kind === 'holdback' || (b.kind === 'out' && (exclusive || b.exclusive))) inPlay.push(b.contract);
  }
  return outcomes.make('depends', [{ code: 'depends', contracts: inPlay }]);
}

/**
 * Lists reused from call to call, never shortened (each with its count of contracts): the
 * outcome table copies what it keeps and finds a known outcome without keeping them, and a
 * grid asks for outcomes thousands of times, so fresh lists each time were a large part of
 * its garbage.
 */
type ReasonList = Reason & { count: number };
const reasonScratch: ReasonList[] = REASON_CODES.map((code) => ({ code, contracts: [], count: 0 }));
const activeInExclusive: string[] = [];
const inUse: ReasonList[] = [];

function add(list: ReasonList, contract: string): void {
  list.contracts[list.count++] = contract;
}

function datedOutcomeOn(blocks: readonly RightsBlock[], day: Day, exclusive: boolean, outcomes: OutcomeTable): Outcome {
  const [noRightsIn, future, past, nonExclusive, outs, holdbacks, , holds] = reasonScratch;
  for (const r of reasonScratch) r.count = 0;
  // the contracts of active rights-in, in nonExclusive (the reason they give if none is exclusive)
  const activeIn = nonExclusive;
  let exclusiveIn = 0;
  for (const b of blocks) {
    const active = b.start <= day && day <= b.end;
    switch (b.kind) {
      case 'in':
        if (active) {
          add(activeIn, b.contract);
          if (b.exclusive) activeInExclusive[exclusiveIn++] = b.contract;
        } else if (b.start > day) add(future, b.contract);
        else add(past, b.contract);
        break;
      case 'out':
        if (active && (exclusive || b.exclusive)) add(outs, b.contract);
        break;
      case 'holdback':
        if (active) add(holdbacks, b.contract);
        break;
      case 'hold':
        if (active && (exclusive || b.exclusive)) add(holds, b.contract);
        break;
    }
  }
  let n = 0;
  if (activeIn.count === 0) {
    if (future.count) inUse[n++] = future;
    if (past.count) inUse[n++] = past;
    if (!future.count && !past.count) inUse[n++] = noRightsIn;
  } else if (exclusive && exclusiveIn === 0) {
    inUse[n++] = nonExclusive;
  }
  if (outs.count) inUse[n++] = outs;
  if (holdbacks.count) inUse[n++] = holdbacks;
  const blocked = n > 0;
  if (holds.count) inUse[n++] = holds;
  if (blocked) return outcomes.make('unavailable', inUse, n);
  if (holds.count) return outcomes.make('on-hold', inUse, n);
  return AVAILABLE;
}

// ---------------------------------------------------------------------------
// A cell's timeline

export interface Segment {
  start: Day;
  end: Day;
  outcome: Outcome;
}

/** The whole timeline (BEGINNING..PERPETUITY) of a place covered by `blocks`, adjacent equal segments merged. */
export function timeline(
  blocks: readonly RightsBlock[],
  exclusive: boolean,
  extraBreaks: readonly Day[] = [],
  outcomes: OutcomeTable = SHARED_OUTCOMES,
): Segment[] {
  const breaks = new Set<Day>([BEGINNING]);
  for (const b of blocks) {
    breaks.add(b.start);
    if (b.end < PERPETUITY) breaks.add(b.end + 1);
  }
  for (const d of extraBreaks) if (d > BEGINNING && d <= PERPETUITY) breaks.add(d);
  const points = [...breaks].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i];
    const end = i + 1 < points.length ? points[i + 1] - 1 : PERPETUITY;
    const outcome = outcomeOn(blocks, start, exclusive, outcomes);
    const last = out[out.length - 1];
    if (last && last.outcome === outcome) last.end = end;
    else out.push({ start, end, outcome });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Match types and the minimum window

/** Whether an available run from `start` to `end` (its whole length) meets the question's match type and minimum window. */
export function meetsWindow(start: Day, end: Day, q: AvailsQuestion): boolean {
  let ok: boolean;
  switch (q.match) {
    case 'cover-entire':
      ok = start <= q.start && end >= q.end;
      break;
    case 'overlap-part':
      ok = true;
      break;
    case 'start-within':
      ok = start >= q.start && start <= q.end;
      break;
    case 'end-within':
      ok = end >= q.start && end <= q.end && end < PERPETUITY;
      break;
  }
  if (ok && q.minDays !== undefined && (end >= PERPETUITY ? Infinity : end - start + 1) < q.minDays) ok = false;
  return ok;
}

/** Whether a cell with this outcome could still be granted: free, or free once the holds fall through (a `depends` cell is not). */
export const freeOrHeld = (o: Outcome) => o.status === 'available' || o.status === 'on-hold';

/**
 * The answer for the available segment `i`, which does not meet the window on
 * its own: on hold when the stretch of available and held days around it
 * does (it would be available if the holds fell through), for the holds on
 * that stretch inside the window, or on the whole stretch when a minimum
 * window is asked (its whole length counts); otherwise `window-not-met`.
 * Segments must be contiguous and reach as far as such a stretch can matter.
 */
function heldStretchOutcome(segments: readonly Segment[], i: number, q: AvailsQuestion, outcomes: OutcomeTable): Outcome {
  let a = i;
  let b = i;
  while (a > 0 && freeOrHeld(segments[a - 1].outcome)) a--;
  while (b + 1 < segments.length && freeOrHeld(segments[b + 1].outcome)) b++;
  if (a === b || !meetsWindow(segments[a].start, segments[b].end, q)) return WINDOW_NOT_MET;
  const holds: string[] = [];
  const inWindowOnly = q.minDays === undefined;
  for (let k = a; k <= b; k++) {
    const s = segments[k];
    if (s.outcome.status !== 'on-hold' || (inWindowOnly && (s.end < q.start || s.start > q.end))) continue;
    for (const r of s.outcome.reasons) if (r.code === 'on-hold') holds.push(...r.contracts);
  }
  return outcomes.make('on-hold', [{ code: 'on-hold', contracts: holds }]);
}

const matched: Segment[] = [];

/**
 * Applies the question's match type and minimum window to the available runs
 * of a timeline, then clips it to the window. An available run that does not
 * qualify is on hold when it would with the held days around it (see
 * heldStretchOutcome), else unavailable with reason `window-not-met`.
 */
export function applyMatch(segments: readonly Segment[], q: AvailsQuestion, outcomes: OutcomeTable = SHARED_OUTCOMES): Segment[] {
  // gathered in a kept list, then copied to their number (a list grown by push from empty is made
  // again as it grows, and a grid applies the match rule to dozens of timelines)
  const out = matched;
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.end < q.start || s.start > q.end) continue;
    let outcome = s.outcome;
    if (outcome.status === 'available' && !meetsWindow(s.start, s.end, q)) outcome = heldStretchOutcome(segments, i, q, outcomes);
    const start = Math.max(s.start, q.start);
    const end = Math.min(s.end, q.end);
    const last = n > 0 ? out[n - 1] : undefined;
    if (last && last.outcome === outcome && last.end + 1 === start) last.end = end;
    else out[n++] = { start, end, outcome };
  }
  return out.slice(0, n);
}
