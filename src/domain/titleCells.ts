import { type Bitset, equals, intersect, intersects, isSubset, minus } from './bitset.js';
import { BEGINNING, PERPETUITY, type Day } from './dates.js';
import { applyMatch, freeOrHeld, outcomeOn, timeline, type AvailsQuestion, type Segment } from './availsRule.js';
import { hash3 } from './hash.js';
import { SHARED_OUTCOMES, type Outcome, type OutcomeTable } from './outcomes.js';
import { coversLanguage, OTHER_LANGUAGES, type RightsBlock } from './rights.js';

/**
 * The cells of one title for a question, computed fast: the answer the rule
 * (availsRule.ts) gives cell by cell and day by day, without walking cells.
 * Countries, media leaves and languages that are covered by exactly the same
 * blocks form one class, and each class's timeline only changes where a block
 * starts or ends.
 */

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
  /**
   * The group of each class triple (t, m, l), at (t * media classes + m) * language classes + l
   * (a plain array: a typed array this long has its own ArrayBuffer, which each young-generation
   * collection has to sweep, one per title).
   */
  groupOf: number[];
  groups: CellGroup[];
}

export interface CellGroup {
  /** The timeline inside the window, after the match rule. */
  segments: Segment[];
}

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
  // split in place, each class followed by its part outside the set (the order the classes always
  // came in); the parts outside are made from sets this call made itself, so they are cut down in
  // place rather than copied (a grid refines every title, and the copies were much of its garbage)
  const classes = [{ set: universe, blocks: new Uint32Array(words) }];
  for (let b = 0; b < sets.length; b++) {
    const s = sets[b];
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    for (let i = 0; i < classes.length; i++) {
      const c = classes[i];
      if (!intersects(c.set, s)) continue;
      if (isSubset(c.set, s)) {
        c.blocks[word] |= bit;
        continue;
      }
      const inside = c.blocks.slice();
      inside[word] |= bit;
      const within = intersect(c.set, s);
      if (c.set === universe) c.set = minus(c.set, s);
      else for (let w = 0; w < c.set.length; w++) c.set[w] &= ~s[w];
      classes.splice(i, 0, { set: within, blocks: inside });
      i++;
    }
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
let sweep = new Int32Array(0);
const NO_BLOCKS: readonly RightsBlock[] = [];
let dayList = new Int32Array(0);
/** Segment objects reused from timeline to timeline (the k-th segment of a timeline is the k-th of these). */
const segmentPool: Segment[] = [];
/** The outcomes a title's timelines have met, by state (see maskTimelines), kept likewise. */
let knownSlots = new Int32Array(0);
let knownStates = new Int32Array(0);
const knownOutcomes: Outcome[] = [];

function maskTimelines(relevant: readonly RightsBlock[], q: AvailsQuestion, outcomes: OutcomeTable): (covering: number) => Segment[] {
  // the days where some block starts or ends, sorted and each once, in a kept array (a Set and a Map
  // made per title were a tenth of a grid's garbage); a day's number is found by binary search
  if (dayList.length < 1 + 2 * relevant.length) dayList = new Int32Array(2 + 4 * relevant.length);
  let all = 0;
  dayList[all++] = BEGINNING;
  for (const b of relevant) {
    dayList[all++] = b.start;
    if (b.end < PERPETUITY) dayList[all++] = b.end + 1;
  }
  dayList.subarray(0, all).sort();
  let n = 1;
  for (let k = 1; k < all; k++) if (dayList[k] !== dayList[n - 1]) dayList[n++] = dayList[k];
  const days = dayList;
  const dayNumber = (day: Day): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // blocks that start on each day, and that end the day before (in the kept scratch: small typed
  // arrays made per title are external memory to V8, and a grid makes one set per title)
  if (sweep.length < 7 * n) sweep = new Int32Array(14 * n);
  sweep.fill(0, 0, 2 * n);
  const starts = sweep.subarray(0, n);
  const ends = sweep.subarray(n, 2 * n);
  let rightsIn = 0;
  for (let b = 0; b < relevant.length; b++) {
    const x = relevant[b];
    starts[dayNumber(x.start)] |= 1 << b;
    if (x.end < PERPETUITY) ends[dayNumber(x.end + 1)] |= 1 << b;
    if (x.kind === 'in') rightsIn |= 1 << b;
  }
  // swept from the beginning: active blocks, rights-in not yet started, rights-in over
  const active = sweep.subarray(2 * n, 3 * n);
  const future = sweep.subarray(3 * n, 4 * n);
  const past = sweep.subarray(4 * n, 5 * n);
  const change = sweep.subarray(5 * n, 6 * n);
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
  // outcomes known by (active, future, past): an open-addressed table in kept arrays (entry + 1 in
  // a slot, 0: empty), sized for every day of every timeline being a new state
  let size = 64;
  while (size < 4 * n) size <<= 1;
  if (knownSlots.length < size) knownSlots = new Int32Array(size);
  knownSlots.fill(0, 0, size);
  let known = 0;
  const outcomeAt = (covering: number, k: number): Outcome => {
    const a = active[k] & covering;
    const f = future[k] & covering;
    const p = past[k] & covering;
    const mask = size - 1;
    let h = hash3(a, f, p) & mask;
    for (let x; (x = knownSlots[h]) !== 0; h = (h + 1) & mask) {
      const e = 3 * (x - 1);
      if (knownStates[e] === a && knownStates[e + 1] === f && knownStates[e + 2] === p) return knownOutcomes[x - 1];
    }
    // the covering blocks, in a list kept for the title and never emptied (an emptied array gives
    // up its storage, and the next push makes it again: a grid asks for dozens of outcomes)
    let nb = 0;
    for (let b = 0; b < relevant.length; b++) if ((covering & (1 << b)) !== 0) coveringBlocks[nb++] = relevant[b];
    if (nb > 0) coveringBlocks.length = nb;
    const outcome = outcomeOn(nb > 0 ? coveringBlocks : NO_BLOCKS, days[k], q.exclusive, outcomes);
    if (2 * known < size) {
      // beyond half full (many timelines, each with many states), outcomes are asked again instead
      if (knownStates.length < 3 * (known + 1)) {
        const grown = new Int32Array(6 * (known + 1));
        grown.set(knownStates);
        knownStates = grown;
      }
      knownStates[3 * known] = a;
      knownStates[3 * known + 1] = f;
      knownStates[3 * known + 2] = p;
      knownOutcomes[known] = outcome;
      knownSlots[h] = ++known;
    }
    return outcome;
  };
  const stretches = q.minDays !== undefined;
  const coveringBlocks: RightsBlock[] = [];
  // the days a timeline may change on, in the kept scratch after the sweep's arrays
  const ks = sweep.subarray(6 * n, 7 * n);
  let nks = 0;
  const segments: Segment[] = [];
  const segment = (k: number, start: Day, outcome: Outcome): Segment => {
    let x = segmentPool[k];
    if (x === undefined) segmentPool[k] = x = { start, end: PERPETUITY, outcome };
    x.start = start;
    x.end = PERPETUITY;
    x.outcome = outcome;
    return x;
  };
  return (covering) => {
    // the days where the timeline may change: the beginning, and where one of the blocks starts or ends
    ks[0] = 0;
    nks = 1;
    for (let k = 1; k < n; k++) if ((change[k] & covering) !== 0) ks[nks++] = k;
    // from the segment that holds the window's start (back to where it starts) to the one that holds its end;
    // with a minimum window, also the available and held days on either side (a run's whole length counts)
    let i = 0;
    while (i + 1 < nks && days[ks[i + 1]] <= q.start) i++;
    const first = outcomeAt(covering, ks[i]);
    let j = i;
    while (j > 0 && outcomeAt(covering, ks[j - 1]) === first) j--;
    if (stretches && freeOrHeld(first)) {
      while (j > 0 && freeOrHeld(outcomeAt(covering, ks[j - 1]))) j--;
      i = j;
    }
    // the segments before the match rule are kept objects (applyMatch makes the ones kept)
    segments.length = 0;
    let cur: Segment | null = segment(0, days[ks[j]], outcomeAt(covering, ks[j]));
    for (i++; i < nks; i++) {
      const d = days[ks[i]];
      const outcome = outcomeAt(covering, ks[i]);
      if (outcome === cur.outcome) continue;
      cur.end = d - 1;
      segments.push(cur);
      if (d > q.end && !(stretches && freeOrHeld(cur.outcome) && freeOrHeld(outcome))) {
        cur = null;
        break;
      }
      cur = segment(segments.length, d, outcome);
    }
    if (cur) segments.push(cur);
    return applyMatch(segments, q, outcomes);
  };
}

/**
 * The cells of one title for a question, grouped by timeline (see TitleCells).
 * `blocks` are the title's blocks.
 */
export function titleCells(blocks: readonly RightsBlock[], q: AvailsQuestion, outcomes: OutcomeTable = SHARED_OUTCOMES): TitleCells {
  outcomes.forgetIfMany();
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
  const groupOf = new Array<number>(nT * nM * nL);
  let i = 0;
  const groups: CellGroup[] = [];
  if (words === 1) {
    // up to 32 relevant blocks: sets of blocks are numbers
    const segmentsOf = maskTimelines(relevant, q, outcomes);
    const lb = lList.map((c) => c.blocks[0] | 0);
    const ids = new Map<number, number>();
    let lastKey = 0;
    let lastGroup = -1;
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
            groups.push({ segments: applyMatch(timeline(bs, q.exclusive, [], outcomes), q, outcomes) });
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
