import { type Bitset, equals, intersect, intersects, isEmpty, isSubset, minus } from './bitset.js';
import { BEGINNING, PERPETUITY, checkTerm, type Day } from './dates.js';
import { invalid } from './errors.js';
import { coversLanguage, OTHER_LANGUAGES, type Languages, type RightsBlock } from './rights.js';

/**
 * Availability of one title, cell by cell, following DOMAIN.md:
 * - exclusive: an active exclusive rights-in covers the cell, no rights-out
 *   (exclusive or not) covers it, and no holdback covers it;
 * - non-exclusive: an active rights-in covers it, no exclusive rights-out
 *   covers it, and no holdback covers it.
 * Holds (rights-out in negotiation) that would block the grant make the cell
 * "on-hold" rather than unavailable.
 *
 * The computation never walks cells one by one: countries, media leaves and
 * languages that are covered by exactly the same blocks form one class, and
 * each class's timeline only changes where a block starts or ends.
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

export type ReasonCode =
  | 'no-rights-in'
  | 'rights-in-non-exclusive'
  | 'rights-out-exist'
  | 'holdback'
  | 'on-hold'
  | 'not-yet-started'
  | 'expired'
  | 'window-not-met';

/** Reasons are listed in this order. */
export const REASON_CODES: readonly ReasonCode[] = [
  'no-rights-in',
  'not-yet-started',
  'expired',
  'rights-in-non-exclusive',
  'rights-out-exist',
  'holdback',
  'on-hold',
  'window-not-met',
];

export interface Reason {
  code: ReasonCode;
  /** Contract references that cause it, sorted. */
  contracts: string[];
}

export type AvailStatus = 'available' | 'on-hold' | 'unavailable';

export interface Outcome {
  status: AvailStatus;
  reasons: Reason[];
  /** Identity of the outcome: equal keys, equal status and reasons. */
  key: string;
  /** A small number standing for the key (outcomes are interned). */
  id: number;
}

/**
 * The cells of one title's answer, grouped: the question's territories, media
 * and languages are partitioned into classes (positions covered by the same
 * blocks), and every (territory, media, language) class triple covered by the
 * same blocks shares one timeline. A group is such a timeline.
 */
export interface TitleCells {
  /** Territory, media and language classes: each a set, disjoint, covering the question. */
  territoryClasses: Bitset[];
  mediaClasses: Bitset[];
  /** Language atoms of each class; OTHER_LANGUAGES stands for every language no block names. */
  languageClasses: string[][];
  /** The group of each class triple (t, m, l), at (t * media classes + m) * language classes + l. */
  groupOf: Int32Array;
  groups: CellGroup[];
}

export interface CellGroup {
  /** The timeline inside the window, after the match rule. */
  segments: Segment[];
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
// Outcomes

/**
 * Outcomes are interned in a trie walked by status, then each reason's code and
 * contracts: the strings are the ones the blocks already hold, whose hashes are
 * cached, so finding a known outcome builds no string. Codes are stepped by a
 * symbol of their own, so no contract can be mistaken for a code. Most nodes
 * have one child, kept inline; a Map is made from the second on (interned
 * outcomes live as long as the cache, so they should stay small).
 */
const CODE_STEP: readonly symbol[] = REASON_CODES.map((c) => Symbol(c));

class OutcomeNode {
  key: string | symbol | null = null;
  child: OutcomeNode | null = null;
  more: Map<string | symbol, OutcomeNode> | null = null;
  outcome: Outcome | null = null;

  next(key: string | symbol): OutcomeNode {
    if (this.key === key) return this.child!;
    if (this.key === null) {
      this.key = key;
      return (this.child = new OutcomeNode());
    }
    this.more ??= new Map();
    let n = this.more.get(key);
    if (!n) this.more.set(key, (n = new OutcomeNode()));
    return n;
  }
}
let outcomeRoots = new Map<AvailStatus, OutcomeNode>();
let outcomeCount = 0;
let nextOutcomeId = 0;

/** Contracts sorted, each once. */
function contractList(contracts: string[]): string[] {
  if (contracts.length < 2) return contracts;
  if (contracts.length === 2) {
    const [a, b] = contracts;
    return a === b ? [a] : a < b ? contracts : [b, a];
  }
  return [...new Set(contracts)].sort();
}

export function makeOutcome(status: AvailStatus, reasons: Reason[]): Outcome {
  // this runs for every distinct state of a timeline, so the interned outcome is found
  // first and the key and the copy of the reasons are made only for a new one
  let inOrder = true;
  for (let i = 1; i < reasons.length && inOrder; i++)
    inOrder = REASON_CODES.indexOf(reasons[i - 1].code) <= REASON_CODES.indexOf(reasons[i].code);
  const ordered = inOrder ? reasons : [...reasons].sort((a, b) => REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
  let node = outcomeRoots.get(status);
  if (!node) outcomeRoots.set(status, (node = new OutcomeNode()));
  for (const r of ordered) {
    node = node.next(CODE_STEP[REASON_CODES.indexOf(r.code)]);
    for (const c of contractList(r.contracts)) node = node.next(c);
  }
  if (node.outcome) return node.outcome;
  const lists = ordered.map((r) => [...contractList(r.contracts)]);
  // one flat string (join, not a chain of concatenations): it is kept as long as the outcome
  const parts: string[] = [status, '|'];
  ordered.forEach((r, i) => parts.push(i ? ';' : '', r.code, ':', lists[i].join(',')));
  const key = parts.join('');
  node.outcome = { status, reasons: ordered.map((r, i) => ({ code: r.code, contracts: lists[i] })), key, id: nextOutcomeId++ };
  outcomeCount++;
  return node.outcome;
}

export const AVAILABLE = makeOutcome('available', []);

/**
 * Forgets the interned outcomes when there are many (each title's contracts make
 * outcomes of their own). Called only between two titles' computations, never
 * inside one, where equal outcomes must be the same object; the shared ones
 * (available, window not met) are kept, so they stay the same object for ever.
 */
function forgetOutcomesIfMany(): void {
  if (outcomeCount < 100_000) return;
  outcomeRoots = new Map();
  outcomeCount = 0;
  for (const o of LASTING_OUTCOMES) {
    let node = outcomeRoots.get(o.status);
    if (!node) outcomeRoots.set(o.status, (node = new OutcomeNode()));
    for (const r of o.reasons) {
      node = node.next(CODE_STEP[REASON_CODES.indexOf(r.code)]);
      for (const c of r.contracts) node = node.next(c);
    }
    node.outcome = o;
    outcomeCount++;
  }
}

/** The outcome of one cell on one day, given the blocks that cover the cell's place. */
export function outcomeOn(blocks: readonly RightsBlock[], day: Day, exclusive: boolean): Outcome {
  const activeIn: string[] = [];
  const activeInExclusive: string[] = [];
  const future: string[] = [];
  const past: string[] = [];
  const outs: string[] = [];
  const holdbacks: string[] = [];
  const holds: string[] = [];
  for (const b of blocks) {
    const active = b.start <= day && day <= b.end;
    switch (b.kind) {
      case 'in':
        if (active) {
          activeIn.push(b.contract);
          if (b.exclusive) activeInExclusive.push(b.contract);
        } else if (b.start > day) future.push(b.contract);
        else past.push(b.contract);
        break;
      case 'out':
        if (active && (exclusive || b.exclusive)) outs.push(b.contract);
        break;
      case 'holdback':
        if (active) holdbacks.push(b.contract);
        break;
      case 'hold':
        if (active && (exclusive || b.exclusive)) holds.push(b.contract);
        break;
    }
  }
  const reasons: Reason[] = [];
  if (activeIn.length === 0) {
    if (future.length) reasons.push({ code: 'not-yet-started', contracts: future });
    if (past.length) reasons.push({ code: 'expired', contracts: past });
    if (!future.length && !past.length) reasons.push({ code: 'no-rights-in', contracts: [] });
  } else if (exclusive && activeInExclusive.length === 0) {
    reasons.push({ code: 'rights-in-non-exclusive', contracts: activeIn });
  }
  if (outs.length) reasons.push({ code: 'rights-out-exist', contracts: outs });
  if (holdbacks.length) reasons.push({ code: 'holdback', contracts: holdbacks });
  const blocked = reasons.length > 0;
  if (holds.length) reasons.push({ code: 'on-hold', contracts: holds });
  if (blocked) return makeOutcome('unavailable', reasons);
  if (holds.length) return makeOutcome('on-hold', reasons);
  return AVAILABLE;
}

// ---------------------------------------------------------------------------
// Timelines

export interface Segment {
  start: Day;
  end: Day;
  outcome: Outcome;
}

/** The whole timeline (BEGINNING..PERPETUITY) of a place covered by `blocks`, adjacent equal segments merged. */
export function timeline(blocks: readonly RightsBlock[], exclusive: boolean, extraBreaks: readonly Day[] = []): Segment[] {
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
    const outcome = outcomeOn(blocks, start, exclusive);
    const last = out[out.length - 1];
    if (last && last.outcome === outcome) last.end = end;
    else out.push({ start, end, outcome });
  }
  return out;
}

const WINDOW_NOT_MET = makeOutcome('unavailable', [{ code: 'window-not-met', contracts: [] }]);
const LASTING_OUTCOMES: readonly Outcome[] = [AVAILABLE, WINDOW_NOT_MET];

/** Whether an available run from `start` to `end` (its whole length) meets the question's match type and minimum window. */
function meetsWindow(start: Day, end: Day, q: AvailsQuestion): boolean {
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

const freeOrHeld = (o: Outcome) => o.status !== 'unavailable';

/**
 * The answer for the available segment `i`, which does not meet the window on
 * its own: on hold when the stretch of available and held days around it
 * does (it would be available if the holds fell through), for the holds on
 * that stretch inside the window, or on the whole stretch when a minimum
 * window is asked (its whole length counts); otherwise `window-not-met`.
 * Segments must be contiguous and reach as far as such a stretch can matter.
 */
function heldStretchOutcome(segments: readonly Segment[], i: number, q: AvailsQuestion): Outcome {
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
  return makeOutcome('on-hold', [{ code: 'on-hold', contracts: holds }]);
}

/**
 * Applies the question's match type and minimum window to the available runs
 * of a timeline, then clips it to the window. An available run that does not
 * qualify is on hold when it would with the held days around it (see
 * heldStretchOutcome), else unavailable with reason `window-not-met`.
 */
export function applyMatch(segments: readonly Segment[], q: AvailsQuestion): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.end < q.start || s.start > q.end) continue;
    let outcome = s.outcome;
    if (outcome.status === 'available' && !meetsWindow(s.start, s.end, q)) outcome = heldStretchOutcome(segments, i, q);
    const start = Math.max(s.start, q.start);
    const end = Math.min(s.end, q.end);
    const last = out[out.length - 1];
    if (last && last.outcome === outcome && last.end + 1 === start) last.end = end;
    else out.push({ start, end, outcome });
  }
  return out;
}

// ---------------------------------------------------------------------------
// One title

function languageAtoms(blocks: readonly RightsBlock[], q: AvailsQuestion): string[] {
  if (q.languages !== null) return [...new Set(q.languages)].sort();
  const named = new Set<string>();
  for (const b of blocks) if (b.languages) for (const l of b.languages) named.add(l);
  return [...[...named].sort(), OTHER_LANGUAGES];
}

function touchesLanguages(b: RightsBlock, atoms: readonly string[]): boolean {
  for (const a of atoms) if (coversLanguage(b.languages, a)) return true;
  return false;
}

/**
 * Sets of blocks (by position in the relevant list) are bit words, one bit a
 * block: with up to 32 relevant blocks, as for most titles, a single word.
 */
type BlockSet = Uint32Array;

/** Splits the language atoms into classes of atoms covered by exactly the same blocks. */
function languageClassesOf(
  atoms: readonly string[],
  relevant: readonly RightsBlock[],
  words: number,
): Array<{ blocks: BlockSet; atoms: string[] }> {
  const classes: Array<{ blocks: BlockSet; atoms: string[] }> = [];
  for (const atom of atoms) {
    const bs = new Uint32Array(words);
    for (let b = 0; b < relevant.length; b++) if (coversLanguage(relevant[b].languages, atom)) bs[b >>> 5] |= 1 << (b & 31);
    const c = classes.find((x) => equals(x.blocks, bs));
    if (c) c.atoms.push(atom);
    else classes.push({ blocks: bs, atoms: [atom] });
  }
  return classes;
}

/**
 * Splits `universe` into classes of positions contained in exactly the same
 * `sets` (partition refinement on bitsets: one split per set and class, no
 * walk over positions). Each class carries the set of sets that contain it.
 */
function refine(universe: Bitset, sets: readonly Bitset[], words: number): Array<{ set: Bitset; blocks: BlockSet }> {
  let classes = [{ set: universe, blocks: new Uint32Array(words) }];
  for (let b = 0; b < sets.length; b++) {
    const s = sets[b];
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    const next: typeof classes = [];
    for (const c of classes) {
      if (!intersects(c.set, s)) {
        next.push(c);
      } else if (isSubset(c.set, s)) {
        c.blocks[word] |= bit;
        next.push(c);
      } else {
        const inside = c.blocks.slice();
        inside[word] |= bit;
        next.push({ set: intersect(c.set, s), blocks: inside }, { set: minus(c.set, s), blocks: c.blocks });
      }
    }
    classes = next;
  }
  return classes;
}

/**
 * Timelines of sets of blocks given as one bit word (up to 32 relevant blocks),
 * the same as timeline() then applyMatch() give, computed from what every
 * block does at every day where some block starts or ends: a set's timeline
 * changes only on days where one of its blocks does, and its outcome on a day
 * depends only on which of its blocks are active, not yet started (rights-in)
 * or over (rights-in), so outcomes are remembered by those three sets. Only
 * the segments that reach into the window are built.
 */
function maskTimelines(relevant: readonly RightsBlock[], q: AvailsQuestion): (covering: number) => Segment[] {
  const daySet = new Set<Day>([BEGINNING]);
  for (const b of relevant) {
    daySet.add(b.start);
    if (b.end < PERPETUITY) daySet.add(b.end + 1);
  }
  const days = [...daySet].sort((a, b) => a - b);
  const n = days.length;
  const index = new Map<Day, number>();
  for (let k = 0; k < n; k++) index.set(days[k], k);
  // blocks that start on each day, and that end the day before
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let rightsIn = 0;
  for (let b = 0; b < relevant.length; b++) {
    const x = relevant[b];
    starts[index.get(x.start)!] |= 1 << b;
    if (x.end < PERPETUITY) ends[index.get(x.end + 1)!] |= 1 << b;
    if (x.kind === 'in') rightsIn |= 1 << b;
  }
  // swept from the beginning: active blocks, rights-in not yet started, rights-in over
  const active = new Int32Array(n);
  const future = new Int32Array(n);
  const past = new Int32Array(n);
  const change = new Int32Array(n);
  let a = 0;
  let f = rightsIn;
  let p = 0;
  for (let k = 0; k < n; k++) {
    a = (a | starts[k]) & ~ends[k];
    f &= ~starts[k];
    p |= ends[k] & rightsIn;
    active[k] = a;
    future[k] = f;
    past[k] = p;
    change[k] = starts[k] | ends[k];
  }
  const known = new Map<number, Array<{ a: number; f: number; p: number; outcome: Outcome }>>();
  const outcomeAt = (covering: number, k: number): Outcome => {
    const a = active[k] & covering;
    const f = future[k] & covering;
    const p = past[k] & covering;
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13) ^ f, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16) ^ p, 0x85ebca6b);
    let list = known.get(h);
    if (list) {
      for (const e of list) if (e.a === a && e.f === f && e.p === p) return e.outcome;
    } else known.set(h, (list = []));
    const bs: RightsBlock[] = [];
    for (let b = 0; b < relevant.length; b++) if ((covering & (1 << b)) !== 0) bs.push(relevant[b]);
    const outcome = outcomeOn(bs, days[k], q.exclusive);
    list.push({ a, f, p, outcome });
    return outcome;
  };
  const stretches = q.minDays !== undefined;
  return (covering) => {
    // the days where the timeline may change: the beginning, and where one of the blocks starts or ends
    const ks = [0];
    for (let k = 1; k < n; k++) if ((change[k] & covering) !== 0) ks.push(k);
    // from the segment that holds the window's start (back to where it starts) to the one that holds its end;
    // with a minimum window, also the available and held days on either side (a run's whole length counts)
    let i = 0;
    while (i + 1 < ks.length && days[ks[i + 1]] <= q.start) i++;
    const first = outcomeAt(covering, ks[i]);
    let j = i;
    while (j > 0 && outcomeAt(covering, ks[j - 1]) === first) j--;
    if (stretches && freeOrHeld(first)) {
      while (j > 0 && freeOrHeld(outcomeAt(covering, ks[j - 1]))) j--;
      i = j;
    }
    const segments: Segment[] = [];
    let cur: Segment | null = { start: days[ks[j]], end: PERPETUITY, outcome: outcomeAt(covering, ks[j]) };
    for (i++; i < ks.length; i++) {
      const d = days[ks[i]];
      const outcome = outcomeAt(covering, ks[i]);
      if (outcome === cur.outcome) continue;
      cur.end = d - 1;
      segments.push(cur);
      if (d > q.end && !(stretches && freeOrHeld(cur.outcome) && freeOrHeld(outcome))) {
        cur = null;
        break;
      }
      cur = { start: d, end: PERPETUITY, outcome };
    }
    if (cur) segments.push(cur);
    return applyMatch(segments, q);
  };
}

/**
 * The cells of one title for a question, grouped by timeline (see TitleCells).
 * `blocks` are the title's blocks.
 */
export function titleCells(blocks: readonly RightsBlock[], q: AvailsQuestion): TitleCells {
  forgetOutcomesIfMany();
  const atoms = languageAtoms(blocks, q);
  const relevant = blocks.filter(
    (b) => intersects(b.territories, q.territories) && intersects(b.media, q.media) && touchesLanguages(b, atoms),
  );
  const words = Math.max(1, Math.ceil(relevant.length / 32));
  const tList = refine(
    q.territories,
    relevant.map((b) => b.territories),
    words,
  );
  const mList = refine(
    q.media,
    relevant.map((b) => b.media),
    words,
  );
  const lList = languageClassesOf(atoms, relevant, words);
  const nT = tList.length;
  const nM = mList.length;
  const nL = lList.length;

  // the blocks covering a triple: the intersection of its three classes' blocks; one group per distinct set
  const groupOf = new Int32Array(nT * nM * nL);
  const groups: CellGroup[] = [];
  if (words === 1) {
    // up to 32 relevant blocks: sets of blocks are numbers
    const segmentsOf = maskTimelines(relevant, q);
    const lb = lList.map((c) => c.blocks[0] | 0);
    const ids = new Map<number, number>();
    let lastKey = 0;
    let lastGroup = -1;
    let i = 0;
    for (let t = 0; t < nT; t++) {
      const tb = tList[t].blocks[0];
      for (let m = 0; m < nM; m++) {
        const tm = tb & mList[m].blocks[0];
        for (let l = 0; l < nL; l++) {
          const key = tm & lb[l];
          let g = key === lastKey && lastGroup >= 0 ? lastGroup : ids.get(key);
          if (g === undefined) {
            g = groups.length;
            ids.set(key, g);
            groups.push({ segments: segmentsOf(key) });
          }
          lastKey = key;
          lastGroup = g;
          groupOf[i++] = g;
        }
      }
    }
  } else {
    const ids = new Map<string, number>();
    const tm = new Uint32Array(words);
    const covering = new Uint32Array(words);
    let i = 0;
    for (let t = 0; t < nT; t++) {
      const tb = tList[t].blocks;
      for (let m = 0; m < nM; m++) {
        const mb = mList[m].blocks;
        for (let w = 0; w < words; w++) tm[w] = tb[w] & mb[w];
        for (let l = 0; l < nL; l++) {
          const lb = lList[l].blocks;
          for (let w = 0; w < words; w++) covering[w] = tm[w] & lb[w];
          const key = covering.join(',');
          let g = ids.get(key);
          if (g === undefined) {
            g = groups.length;
            ids.set(key, g);
            const bs: RightsBlock[] = [];
            for (let b = 0; b < relevant.length; b++) if ((covering[b >>> 5] & (1 << (b & 31))) !== 0) bs.push(relevant[b]);
            groups.push({ segments: applyMatch(timeline(bs, q.exclusive), q) });
          }
          groupOf[i++] = g;
        }
      }
    }
  }
  return {
    territoryClasses: tList.map((t) => t.set),
    mediaClasses: mList.map((m) => m.set),
    languageClasses: lList.map((l) => l.atoms),
    groupOf,
    groups,
  };
}

// ---------------------------------------------------------------------------
// Available runs of one place (the catalog's short path)

/**
 * The periods, inside the window, in which one place (a territory x media x
 * language cell, or many cells covered by exactly the same blocks) is
 * available, after the match rule and the minimum window: the `available`
 * segments `applyMatch(timeline(blocks))` would give, without building
 * outcomes and reasons. Blocks are given as columns (kind 0 in, 1 out,
 * 2 hold, 3 holdback), `n` of them; returns [start, end, start, end, ...]
 * (in `out` when given; `points` is scratch space).
 */
export function availableRuns(
  n: number,
  kind: ArrayLike<number>,
  exclusive: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  q: AvailsQuestion,
  scratch: RunScratch = new RunScratch(),
): RunScratch {
  // the days where something starts or ends, in order (a handful: insertion sort, no comparator
  // closure); typed arrays, because open ends and starts (PERPETUITY, BEGINNING) are too large
  // for V8's small integers and would be boxed one by one in plain arrays
  scratch.reserve(2 * n + 1);
  const points = scratch.points;
  let nPoints = 0;
  insertSorted(points, nPoints++, BEGINNING);
  for (let i = 0; i < n; i++) {
    insertSorted(points, nPoints++, start[i]);
    if (end[i] < PERPETUITY) insertSorted(points, nPoints++, end[i] + 1);
  }
  scratch.length = 0;
  const qStart = q.start;
  const qEnd = q.end;
  const exclusiveAsked = q.exclusive;
  let runStart = 0;
  let inRun = false;
  for (let i = 0; i <= nPoints; i++) {
    // past the last point: the run (if any) ends at perpetuity
    let available = false;
    const d = i < nPoints ? points[i] : 0;
    if (i < nPoints) {
      if (i > 0 && d === points[i - 1]) continue;
      // available on d: an active rights-in (exclusive when asked so), and nothing active that blocks the grant
      let granted = false;
      let blocked = false;
      for (let b = 0; b < n && !blocked; b++) {
        if (start[b] > d || end[b] < d) continue;
        const k = kind[b];
        if (k === 0) granted ||= !exclusiveAsked || exclusive[b] === 1;
        else if (k === 3 || exclusiveAsked || exclusive[b] === 1) blocked = true;
      }
      available = granted && !blocked;
    }
    if (available && !inRun) {
      runStart = d;
      inRun = true;
    } else if (!available && inRun) {
      inRun = false;
      const s = runStart;
      const e = i < nPoints ? d - 1 : PERPETUITY;
      // keep the run, clipped to the window, if it meets the match rule and the minimum window
      if (e < qStart || s > qEnd) continue;
      let ok: boolean;
      switch (q.match) {
        case 'cover-entire':
          ok = s <= qStart && e >= qEnd;
          break;
        case 'overlap-part':
          ok = true;
          break;
        case 'start-within':
          ok = s >= qStart && s <= qEnd;
          break;
        case 'end-within':
          ok = e >= qStart && e <= qEnd && e < PERPETUITY;
          break;
      }
      if (ok && q.minDays !== undefined && (e >= PERPETUITY ? Infinity : e - s + 1) < q.minDays) ok = false;
      if (ok) scratch.push(Math.max(s, qStart), Math.min(e, qEnd));
    }
  }
  return scratch;
}

/** Inserts x into the sorted points[0 .. n). */
function insertSorted(points: Int32Array, n: number, x: number): void {
  let i = n;
  while (i > 0 && points[i - 1] > x) {
    points[i] = points[i - 1];
    i--;
  }
  points[i] = x;
}

/** Space for availableRuns, reused from call to call: the runs found are `runs[0 .. length)`, start and end by pairs. */
export class RunScratch {
  points = new Int32Array(64);
  runs = new Int32Array(64);
  length = 0;

  reserve(points: number): void {
    if (this.points.length < points) this.points = new Int32Array(points * 2);
    // at most one run per point, two numbers each
    if (this.runs.length < 2 * points + 2) this.runs = new Int32Array(points * 4 + 4);
  }

  push(start: number, end: number): void {
    this.runs[this.length++] = start;
    this.runs[this.length++] = end;
  }
}
