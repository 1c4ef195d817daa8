import { type Bitset, compareSetKeys, setKey, toIndices, unionInto } from './bitset.js';
import type { Day } from './dates.js';
import { AVAILABLE, type Outcome } from './outcomes.js';
import type { TitleCells } from './titleCells.js';
import { hash3, hashEnd, hashMix, hashStart } from './hash.js';
import { OTHER_LANGUAGES } from './rights.js';

/**
 * Rolling up: the fewest rows of (territories, media, languages, period) that
 * say the same thing. Rows are products, so two rows merge when they share an
 * outcome and all dimensions but one (and, for periods, touch end to start).
 * The merge is greedy, repeated until no two rows can be merged.
 *
 * Within one title the cells come in classes that partition the question
 * (territory, media and language classes), so a row's dimensions are sets of
 * class numbers, each held in one number (see ClassSets): rows are grouped by
 * hashing a few numbers, with no string keys, and the bitsets are built once
 * per final row.
 */
export interface RolledRow {
  titles: string[];
  territories: Bitset;
  media: Bitset;
  /** null: all languages (but those in `languagesExcept`); otherwise exactly these. */
  languages: string[] | null;
  languagesExcept: string[];
  start: Day;
  end: Day;
  outcome: Outcome;
}

/**
 * Sets of class numbers 0..size-1, each a number so rows compare and hash
 * cheaply: while the classes fit in 32 bits (nearly always), the set is its
 * bitmask; beyond, an interned id into a table of bit words. The empty set is
 * 0 either way, and equal sets are equal numbers.
 */
class ClassSets {
  readonly small: boolean;
  private readonly words: number;
  private readonly table: Uint32Array[] = [];
  private readonly ids = new Map<string, number>();
  private readonly scratch: Uint32Array;

  constructor(readonly size: number) {
    this.small = size <= 32;
    this.words = Math.max(1, Math.ceil(size / 32));
    this.scratch = new Uint32Array(this.words);
    if (!this.small) this.intern(); // id 0: the empty set
  }

  /** The id of the set in `scratch`. */
  private intern(): number {
    const key = this.scratch.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.table.length;
      this.table.push(this.scratch.slice());
      this.ids.set(key, id);
    }
    return id;
  }

  with(s: number, i: number): number {
    if (this.small) return s | (1 << i);
    this.scratch.set(this.table[s]);
    this.scratch[i >>> 5] |= 1 << (i & 31);
    return this.intern();
  }

  union(a: number, b: number): number {
    if (this.small) return a | b;
    if (a === b || b === 0) return a;
    if (a === 0) return b;
    const x = this.table[a];
    const y = this.table[b];
    for (let w = 0; w < this.words; w++) this.scratch[w] = x[w] | y[w];
    return this.intern();
  }

  /** Members, ascending. */
  members(s: number): number[] {
    if (!this.small) return toIndices(this.table[s]);
    const out: number[] = [];
    for (let x = s; x !== 0; x &= x - 1) out.push(31 - Math.clz32(x & -x));
    return out;
  }
}

interface Row {
  outcome: Outcome;
  /** Sets of territory, media and language classes (ClassSets). */
  t: number;
  m: number;
  l: number;
  start: Day;
  end: Day;
}

interface Spaces {
  t: ClassSets;
  m: ClassSets;
  l: ClassSets;
}

/**
 * The first rows: for each period that some timeline has (the same outcome
 * from the same start to the same end) and each language class, the
 * territory x media class pairs of every timeline with that period, factored
 * into products (see factor). This is what factoring each timeline and then
 * factoring again the rows of different timelines with the same period and
 * language class gave, without building the rows in between.
 */
function firstRows(tc: TitleCells, sets: Spaces, scratch: MergeScratch): Row[] {
  const nT = sets.t.size;
  const nM = sets.m.size;
  const nL = sets.l.size;
  const groups = tc.groups;
  // the media set of each (group, language class, territory class); sets always fit in an int32
  const cellM = scratch.ints(0, groups.length * nL * nT);
  const { groupOf } = tc;
  let i = 0;
  for (let t = 0; t < nT; t++)
    for (let m = 0; m < nM; m++)
      for (let l = 0; l < nL; l++) {
        const slot = (groupOf[i++] * nL + l) * nT + t;
        cellM[slot] = sets.m.with(cellM[slot], m);
      }
  // the territory classes each (group, language class) has cells in: listT[listFrom[k]..listFrom[k + 1]]
  const slices = groups.length * nL;
  const listFrom = scratch.ints(1, slices + 1);
  const listT = scratch.ints(2, nT * nM * nL);
  let n = 0;
  for (let k = 0; k < slices; k++) {
    listFrom[k] = n;
    for (let t = 0, base = k * nT; t < nT; t++) if (cellM[base + t] !== 0) listT[n++] = t;
  }
  listFrom[slices] = n;

  // periods: the timelines' segments grouped by (outcome, start, end), in order of first sight, each
  // with its timelines (a chain through entry numbers), all in kept arrays: one title makes many
  let segs = 0;
  for (const g of groups) segs += g.segments.length;
  let size = 16;
  while (size < 2 * segs) size <<= 1;
  const mask = size - 1;
  const slot = scratch.ints(11, size); // period + 1, 0: empty
  const pStart = scratch.ints(12, segs);
  const pEnd = scratch.ints(13, segs);
  const pFirst = scratch.ints(14, segs);
  const pLast = scratch.ints(15, segs);
  const pCount = scratch.ints(16, segs);
  const entryGroup = scratch.ints(17, segs);
  const entryNext = scratch.ints(18, segs);
  const pOutcome = scratch.outcomes;
  let np = 0;
  let entries = 0;
  for (let g = 0; g < groups.length; g++) {
    for (const s of groups[g].segments) {
      let h = hash3(s.outcome.id, s.start, s.end) & mask;
      let p = -1;
      for (let x; (x = slot[h]) !== 0; h = (h + 1) & mask) {
        const c = x - 1;
        if (pOutcome[c] === s.outcome && pStart[c] === s.start && pEnd[c] === s.end) {
          p = c;
          break;
        }
      }
      const e = entries++;
      entryGroup[e] = g;
      entryNext[e] = -1;
      if (p < 0) {
        p = np++;
        slot[h] = p + 1;
        pOutcome[p] = s.outcome;
        pStart[p] = s.start;
        pEnd[p] = s.end;
        pFirst[p] = e;
      } else entryNext[pLast[p]] = e;
      pLast[p] = e;
      pCount[p]++;
    }
  }

  const rows: Row[] = [];
  const f = new Factoring(sets, scratch);
  // a period with several timelines: their pairs joined in `joined` (kept zero between uses)
  const joined = scratch.ints(3, nT);
  const joinedT = scratch.ints(4, nT);
  // one object for every period, set in turn (factor reads it and keeps nothing of it)
  const period = { outcome: AVAILABLE, start: 0, end: 0 };
  for (let p = 0; p < np; p++) {
    period.outcome = pOutcome[p];
    period.start = pStart[p];
    period.end = pEnd[p];
    for (let l = 0; l < nL; l++) {
      const lSet = sets.l.with(0, l);
      if (pCount[p] === 1) {
        const k = entryGroup[pFirst[p]] * nL + l;
        if (listFrom[k] < listFrom[k + 1]) f.factor(cellM, k * nT, listT, listFrom[k], listFrom[k + 1], lSet, period, rows);
        continue;
      }
      let count = 0;
      for (let e = pFirst[p]; e !== -1; e = entryNext[e]) {
        const k = entryGroup[e] * nL + l;
        for (let j = listFrom[k], base = k * nT; j < listFrom[k + 1]; j++) {
          const t = listT[j];
          if (joined[t] === 0) joinedT[count++] = t;
          joined[t] = sets.m.union(joined[t], cellM[base + t]);
        }
      }
      if (count === 0) continue;
      f.factor(joined, 0, joinedT, 0, count, lSet, period, rows);
      for (let j = 0; j < count; j++) joined[joinedT[j]] = 0;
    }
  }
  return rows;
}

/**
 * Factors a set of territory x media class pairs (the media set of each
 * territory class) into products: territory classes with equal media sets
 * together, or media classes with equal territory sets together, whichever
 * gives fewer rows (territories on a tie). Scratch arrays are kept for the
 * whole title.
 */
class Factoring {
  private readonly mVals: Int32Array;
  private readonly tOfVal: Int32Array;
  private readonly tOfM: Int32Array;
  private readonly tVals: Int32Array;
  private readonly mOfVal: Int32Array;

  constructor(
    private readonly sets: Spaces,
    private readonly scratch: MergeScratch,
  ) {
    this.mVals = scratch.ints(5, sets.t.size);
    this.tOfVal = scratch.ints(6, sets.t.size);
    this.tOfM = scratch.ints(7, sets.m.size);
    this.tVals = scratch.ints(8, sets.m.size);
    this.mOfVal = scratch.ints(9, sets.m.size);
  }

  /** The pairs: for the territory classes ts[from..to), their media sets mOfT[base + t] (none empty). */
  factor(
    mOfT: Int32Array,
    base: number,
    ts: Int32Array,
    from: number,
    to: number,
    l: number,
    p: { outcome: Outcome; start: Day; end: Day },
    out: Row[],
  ): void {
    const { sets, mVals, tOfVal, tOfM, tVals, mOfVal } = this;
    const { outcome, start, end } = p;
    // by territory: distinct media sets, and the territory classes that have each
    let nm = 0;
    for (let i = from; i < to; i++) {
      const t = ts[i];
      const v = mOfT[base + t];
      let j = 0;
      while (j < nm && mVals[j] !== v) j++;
      if (j === nm) {
        mVals[nm++] = v;
        tOfVal[j] = sets.t.with(0, t);
      } else tOfVal[j] = sets.t.with(tOfVal[j], t);
    }
    if (nm > 1) {
      // by media: the territory set of each media class, then distinct ones
      tOfM.fill(0);
      for (let i = from; i < to; i++) {
        const t = ts[i];
        const v = mOfT[base + t];
        if (sets.m.small) {
          for (let x = v; x !== 0; x &= x - 1) {
            const m = 31 - Math.clz32(x & -x);
            tOfM[m] = sets.t.with(tOfM[m], t);
          }
        } else for (const m of sets.m.members(v)) tOfM[m] = sets.t.with(tOfM[m], t);
      }
      let nt = 0;
      for (let m = 0; m < tOfM.length && nt < nm; m++) {
        const v = tOfM[m];
        if (v === 0) continue;
        let j = 0;
        while (j < nt && tVals[j] !== v) j++;
        if (j === nt) {
          tVals[nt++] = v;
          mOfVal[j] = sets.m.with(0, m);
        } else mOfVal[j] = sets.m.with(mOfVal[j], m);
      }
      if (nt < nm) {
        for (let j = 0; j < nt; j++) out.push(this.scratch.row(out.length, outcome, tVals[j], mOfVal[j], l, start, end));
        return;
      }
    }
    for (let j = 0; j < nm; j++) out.push(this.scratch.row(out.length, outcome, tOfVal[j], mVals[j], l, start, end));
  }
}

const PERIOD = 0;
const TERRITORIES = 1;
const MEDIA = 2;
const LANGUAGES = 3;
type Dim = typeof PERIOD | typeof TERRITORIES | typeof MEDIA | typeof LANGUAGES;

/** A hash of the row's outcome and every dimension but `free`. */
function keyHash(r: Row, free: Dim): number {
  let h = hashStart(r.outcome.id);
  if (free !== TERRITORIES) h = hashMix(h, r.t);
  if (free !== MEDIA) h = hashMix(h, r.m);
  if (free !== LANGUAGES) h = hashMix(h, r.l);
  if (free !== PERIOD) h = hashMix(hashMix(h, r.start), r.end);
  return hashEnd(h);
}

function sameKey(a: Row, b: Row, free: Dim): boolean {
  return (
    a.outcome === b.outcome &&
    (free === TERRITORIES || a.t === b.t) &&
    (free === MEDIA || a.m === b.m) &&
    (free === LANGUAGES || a.l === b.l) &&
    (free === PERIOD || (a.start === b.start && a.end === b.end))
  );
}

/**
 * Space for the merge passes, reused from title to title (grown as needed): a
 * hash table of row numbers, and each group's chain of rows. Whoever rolls up
 * many titles keeps one (the RightsIndex does); one call at a time uses it.
 */
export class MergeScratch {
  slots = new Int32Array(1024);
  next = new Int32Array(512);
  last = new Int32Array(512);
  private readonly pool: Int32Array[] = [];
  /** The first rows' objects, kept from title to title (a merge makes new rows; it never changes one). */
  private readonly rows: Row[] = [];
  /**
   * The rows of the merge passes, each pass's in the list its input is not in, and the group of a
   * period pass (kept likewise: valid until the next title).
   */
  readonly lists: [Row[], Row[]] = [[], []];
  readonly group: Row[] = [];
  /** The outcome of each period (firstRows), kept likewise. */
  readonly outcomes: Outcome[] = [];

  /** The k-th kept row, set to these values (valid until it is asked for again). */
  row(k: number, outcome: Outcome, t: number, m: number, l: number, start: Day, end: Day): Row {
    let r = this.rows[k];
    if (r === undefined) this.rows[k] = r = { outcome, t, m, l, start, end };
    r.outcome = outcome;
    r.t = t;
    r.m = m;
    r.l = l;
    r.start = start;
    r.end = end;
    return r;
  }

  /**
   * The k-th kept array, as n zeros (valid until it is asked for again): the rollup's working
   * arrays, which made fresh per title were external memory to V8 and most of a grid's garbage.
   */
  ints(k: number, n: number): Int32Array {
    let a = this.pool[k];
    if (a === undefined || a.length < n) this.pool[k] = a = new Int32Array(Math.max(256, 2 * n));
    a.fill(0, 0, n);
    return a.subarray(0, n);
  }
}

/**
 * One pass: rows that agree on all but `free` are merged (sets joined; periods
 * joined where they touch). Groups come out in order of their first row.
 */
function mergePass(rows: Row[], free: Dim, sets: Spaces, scratch: MergeScratch): { rows: Row[]; merged: boolean } {
  const n = rows.length;
  let size = 16;
  while (size < 2 * n) size <<= 1;
  if (scratch.slots.length < size) scratch.slots = new Int32Array(size);
  if (scratch.next.length < n) {
    scratch.next = new Int32Array(2 * n);
    scratch.last = new Int32Array(2 * n);
  }
  const { slots, next, last } = scratch;
  const mask = size - 1;
  slots.fill(-1, 0, size);
  // next[i]: the next row of i's group (-1: none); -2 marks a row that is not first in its group
  let shared = false;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    let s = keyHash(r, free) & mask;
    let j: number;
    while ((j = slots[s]) !== -1 && !sameKey(rows[j], r, free)) s = (s + 1) & mask;
    if (j === -1) {
      slots[s] = i;
      last[i] = i;
    } else {
      next[last[j]] = i;
      last[j] = i;
      shared = true;
    }
    next[i] = -1;
  }
  if (!shared) return { rows, merged: false };
  const firsts = scratch.ints(10, n);
  for (let s = 0; s < size; s++) if (slots[s] !== -1) firsts[slots[s]] = 1;
  let merged = false;
  // the pass's rows in the kept list that is not its input, the group of a period pass in another
  const out = scratch.lists[0] === rows ? scratch.lists[1] : scratch.lists[0];
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!firsts[i]) continue;
    if (next[i] === -1) {
      out[count++] = rows[i];
      continue;
    }
    if (free === PERIOD) {
      // the group by start (insertion sort, stable: groups are small)
      const g = scratch.group;
      let size = 0;
      for (let k = i; k !== -1; k = next[k]) {
        const r = rows[k];
        let j = size++;
        for (; j > 0 && g[j - 1].start > r.start; j--) g[j] = g[j - 1];
        g[j] = r;
      }
      let cur = g[0];
      for (let k = 1; k < size; k++) {
        const r = g[k];
        if (cur.end + 1 === r.start) {
          cur = { outcome: cur.outcome, t: cur.t, m: cur.m, l: cur.l, start: cur.start, end: r.end };
          merged = true;
        } else {
          out[count++] = cur;
          cur = r;
        }
      }
      out[count++] = cur;
      continue;
    }
    merged = true;
    const first = rows[i];
    let { t, m, l } = first;
    for (let k = next[i]; k !== -1; k = next[k]) {
      const r = rows[k];
      if (free === TERRITORIES) t = sets.t.union(t, r.t);
      else if (free === MEDIA) m = sets.m.union(m, r.m);
      else l = sets.l.union(l, r.l);
    }
    out[count++] = { outcome: first.outcome, t, m, l, start: first.start, end: first.end };
  }
  // never emptied (an emptied array gives up its storage): a pass that merges keeps at least one row
  out.length = count;
  return { rows: out, merged };
}

const DIMS: readonly Dim[] = [PERIOD, TERRITORIES, MEDIA, LANGUAGES];

/**
 * Merges until no pass merges anything; a pass is run again only after another
 * dimension merged. `clean`: dimensions known to have nothing to merge (a bit per dimension).
 */
function mergeRows(rows: Row[], sets: Spaces, clean: number, scratch: MergeScratch): Row[] {
  let current = rows;
  for (let i = 0; clean !== 15; i = (i + 1) % DIMS.length) {
    const dim = DIMS[i];
    if (clean & (1 << dim)) continue;
    const r = mergePass(current, dim, sets, scratch);
    current = r.rows;
    if (r.merged) clean = 0;
    clean |= 1 << dim;
  }
  return current;
}

/** The union of the classes in `s`. */
function unionOf(classes: Bitset[], space: ClassSets, s: number): Bitset {
  const out = new Uint32Array(classes[0].length);
  for (const i of space.members(s)) unionInto(out, classes[i]);
  return out;
}

/** Rolls up the cells of one title (as titleCells gives them). */
export function rollUpTitle(title: string, tc: TitleCells, scratch: MergeScratch = new MergeScratch()): RolledRow[] {
  const sets: Spaces = {
    t: new ClassSets(tc.territoryClasses.length),
    m: new ClassSets(tc.mediaClasses.length),
    l: new ClassSets(tc.languageClasses.length),
  };
  // the first rows have nothing to merge over periods, territories or media (see firstRows)
  const rows = mergeRows(firstRows(tc, sets, scratch), sets, (1 << PERIOD) | (1 << TERRITORIES) | (1 << MEDIA), scratch);

  const universe = [...new Set(tc.languageClasses.flat())];
  // the title's rows share their lists of titles and languages, frozen (lists of their own were a
  // tenth of a grid's garbage; frozen, a change to one row's list cannot reach the others)
  const titles = Object.freeze([title]) as string[];
  const languagesOf = new Map<number, { languages: string[] | null; except: string[] }>();
  // rows with the same territories (or media) share one bitset, as rows built from the question's own sets do
  const territoriesOf = new Map<number, Bitset>();
  const mediaOf = new Map<number, Bitset>();
  const out: RolledRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let langs = languagesOf.get(r.l);
    if (!langs) {
      const named = sets.l
        .members(r.l)
        .flatMap((c) => tc.languageClasses[c])
        .sort();
      const all = named.includes(OTHER_LANGUAGES);
      langs = {
        languages: all ? null : (Object.freeze(named) as string[]),
        except: Object.freeze(all ? universe.filter((a) => !named.includes(a)).sort() : []) as string[],
      };
      languagesOf.set(r.l, langs);
    }
    let territories = territoriesOf.get(r.t);
    if (!territories) territoriesOf.set(r.t, (territories = unionOf(tc.territoryClasses, sets.t, r.t)));
    let media = mediaOf.get(r.m);
    if (!media) mediaOf.set(r.m, (media = unionOf(tc.mediaClasses, sets.m, r.m)));
    out[i] = {
      titles,
      territories,
      media,
      languages: langs.languages,
      languagesExcept: langs.except,
      start: r.start,
      end: r.end,
      outcome: r.outcome,
    };
  }
  return out;
}

/** Merges rows of several titles that say exactly the same thing. */
export function mergeTitles(rows: readonly RolledRow[]): RolledRow[] {
  // one title's rows never say the same thing twice: nothing to merge
  if (rows.every((r) => r.titles.length === 1 && r.titles[0] === rows[0].titles[0])) return sortRows([...rows]);
  // many rows share their set objects (the question's own sets): key each object once
  const keys = new WeakMap<Bitset, string>();
  const keyOf = (b: Bitset) => {
    let k = keys.get(b);
    if (k === undefined) keys.set(b, (k = setKey(b)));
    return k;
  };
  const byKey = new Map<string, RolledRow>();
  for (const r of rows) {
    const k = `${r.outcome.key}#${keyOf(r.territories)}#${keyOf(r.media)}#${r.languages?.join(',') ?? '*'}-${r.languagesExcept.join(',')}#${r.start}#${r.end}`;
    const e = byKey.get(k);
    if (e) for (const t of r.titles) e.titles.push(t);
    else byKey.set(k, { ...r, titles: [...r.titles] });
  }
  return sortRows([...byKey.values()]);
}

const STATUS_ORDER = { available: 0, 'on-hold': 1, depends: 2, unavailable: 3 } as const;

function languagesKey(r: RolledRow): string {
  return r.languages === null ? '*' + r.languagesExcept.join(',') : r.languages.join(',');
}

/**
 * By start, status, outcome, territories and media (the sets as their setKey
 * strings order); rows equal on all of these (they differ in languages or
 * end) by end, then languages, so the order never depends on how the rows
 * were built.
 */
function compareRows(a: RolledRow, b: RolledRow): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.outcome !== b.outcome) {
    const s = STATUS_ORDER[a.outcome.status] - STATUS_ORDER[b.outcome.status];
    if (s !== 0) return s;
    if (a.outcome.key !== b.outcome.key) return a.outcome.key < b.outcome.key ? -1 : 1;
  }
  const t = a.territories === b.territories ? 0 : compareSetKeys(a.territories, b.territories);
  if (t !== 0) return t;
  const m = a.media === b.media ? 0 : compareSetKeys(a.media, b.media);
  if (m !== 0) return m;
  if (a.end !== b.end) return a.end - b.end;
  const la = languagesKey(a);
  const lb = languagesKey(b);
  return la < lb ? -1 : la > lb ? 1 : 0;
}

export function sortRows(rows: RolledRow[]): RolledRow[] {
  return rows.slice().sort(compareRows);
}
