import { type Bitset, intersects, isSubset, setKey } from './bitset.js';
import { AVAILABLE, checkQuestion, OutcomeTable, titleCells, type AvailsQuestion } from './avails.js';
import { checkConflicts, type ConflictReport, type ProposedBlock } from './conflicts.js';
import { type BlockKind, type Languages, type RightsBlock } from './rights.js';
import { MergeScratch, mergeTitles, rollUpTitle, type RolledRow } from './rollup.js';
import { Interner, TitleBlocks, type PackedValues } from './indexStorage.js';
export type { PackedValues } from './indexStorage.js';
import { OnePlaceRows } from './onePlaceRows.js';
import { DEAD_META, E_END, E_META, E_START, E_TITLE, K_HOLDBACK, K_IN, STRIDE, UNDATED } from './postingLayout.js';

/**
 * The in-memory index of every title's rights blocks, built from the store at
 * start and updated title by title after each committed write.
 *
 * Territory, media and language sets and contract references are interned:
 * a block is numbers. Blocks live in posting lists, one per (territory set,
 * media set) pair, as entries of a few numbers each (position, title, start,
 * end, kind, exclusivity and language set), so a catalog-wide question reads
 * only the lists whose sets touch it (for one country and one medium, a few
 * blocks per title rather than all of them) and tests each distinct set
 * against the question once. Per block position, typed-array columns keep
 * its sets, its contract and where its entry is. Replacing a title's blocks
 * marks the old entries dead and appends the new ones; everything is rebuilt
 * without the dead when they outnumber the living.
 *
 * A title whose touching blocks all contain the whole question is one place
 * with one timeline: its available periods come straight from the posting
 * entries (availableRuns), without rolling up cells; the others take the
 * full path (titleCells, then rollUpTitle). The index owns the outcome table
 * and the rollup's merge space its answers are made with.
 */

const NO_FLAGS = new Uint8Array(0);
const KINDS: readonly BlockKind[] = ['in', 'out', 'hold', 'holdback'];
// per-title flags while answering a question
const RELEVANT = 1;
const COVERED = 2;
const BLOCKED = 4;
const BLOCKED_EVERYWHERE = 8;
const PARTIAL = 16;
// rights-in touching the question: over some of the window, ended before it, starting after it
const IN_WINDOW = 32;
const IN_PAST = 64;
const IN_FUTURE = 128;

/**
 * A RightsIndex as plain columns (what an index snapshot stores): the interned values by number,
 * each title's block positions (titleStart[t]..titleStart[t + 1] in titleBlockList), the block
 * columns, and the posting lists (each trimmed to its entries).
 */
export interface IndexColumns {
  territorySets: Bitset[];
  mediaSets: Bitset[];
  languageSets: Languages[];
  contracts: string[] | PackedValues<string>;
  titleIds: string[];
  titleStart: Int32Array;
  titleBlockList: Int32Array;
  /** Block positions written (living and dead) and how many of them are dead. */
  length: number;
  dead: number;
  tset: Int32Array<ArrayBuffer>;
  mset: Int32Array<ArrayBuffer>;
  contract: Int32Array<ArrayBuffer>;
  pairOf: Int32Array<ArrayBuffer>;
  slot: Int32Array<ArrayBuffer>;
  pairTset: Int32Array;
  pairMset: Int32Array;
  postings: Int32Array[];
}

export interface CatalogOptions {
  /** 'available': only rows where the question is answered yes (the default for catalog-wide questions). */
  include?: 'all' | 'available';
  /**
   * Told of each title that was looked at and has no row in the answer, and why. Titles
   * no block of which touches the question's territories, media and languages are not
   * looked at in a catalog-wide question: the caller knows them as not named by any row.
   */
  notShown?: (titleId: string, reason: NotShownReason) => void;
}

/**
 * Why a title asked about has no row: we hold no rights there; our rights there
 * ended before the window, start after it, or both (a gap between two terms);
 * or we hold rights in the window and nothing is available as asked.
 */
export type NotShownReason = 'no-rights-held' | 'rights-expired' | 'not-yet-started' | 'between-terms' | 'not-available';

function notShownReason(f: number): NotShownReason {
  if ((f & IN_WINDOW) !== 0) return 'not-available';
  if ((f & IN_PAST) !== 0) return (f & IN_FUTURE) !== 0 ? 'between-terms' : 'rights-expired';
  if ((f & IN_FUTURE) !== 0) return 'not-yet-started';
  return 'no-rights-held';
}

/** One page of the catalog-wide answer (RightsIndex.availsPage). */
export interface CatalogPage {
  rows: RolledRow[];
  /** Titles the page's rows name. */
  titles: number;
  /** The last title id looked at when more titles follow (ask the next page after it); null on the last page. */
  last: string | null;
}

/**
 * A set's flags (bit 1: touches the question, bit 2: contains all of it), tested the first time
 * it is asked for and kept in `known` (bit 4: tested): a page meets a few sets of the many.
 */
function setFlag(known: Uint8Array, i: number, sets: readonly Bitset[], question: Bitset): number {
  let f = known[i];
  if (f === 0) known[i] = f = 4 | (intersects(sets[i], question) ? 1 : 0) | (isSubset(question, sets[i]) ? 2 : 0);
  return f & 3;
}

/**
 * A title's flags with one more block touching the question (tm: its territory and media flags,
 * lf: its language flags; bit 1 touches, bit 2 contains all of it): one rule for the scan of the
 * posting lists and for a page's own titles.
 */
function withBlock(
  flags: number,
  tm: number,
  lf: number,
  meta: number,
  start: number,
  end: number,
  qStart: number,
  qEnd: number,
  qExclusive: boolean,
): number {
  const k = meta & 3;
  const exclusive = (meta >> 2) & 1;
  let f = flags | RELEVANT;
  // some block touches only part of the question's territories or media: the title takes the full path
  if ((tm & 2) === 0) f |= PARTIAL;
  if (k === K_IN) {
    // an undated rights-in never covers the question on its own (its cells may depend on the event)
    if ((meta & UNDATED) === 0 && (tm & lf & 2) !== 0 && start <= qStart && end >= qEnd && (!qExclusive || exclusive === 1)) f |= COVERED;
    f |= start > qEnd ? IN_FUTURE : end < qStart ? IN_PAST : IN_WINDOW;
  } else if (start <= qEnd && end >= qStart && (k === K_HOLDBACK || qExclusive || exclusive === 1)) {
    f |= BLOCKED;
    // it blocks every cell of the question on some day of the window: nothing can cover the entire window
    if ((tm & lf & 2) !== 0) f |= BLOCKED_EVERYWHERE;
  }
  return f;
}

export class RightsIndex {
  /**
   * The outcomes answers are made of, interned: those of catalog-wide questions and pages for the
   * index's lifetime (the next such question meets most of them again: the same titles, the same
   * reasons), those of questions about named titles and of conflict checks only while the answer
   * is made (they name one title's contracts, and the next question is most often about another:
   * kept, they were what young collections copied; see OutcomeTable.forgetAll); and the rollup's
   * merge space.
   */
  private readonly outcomes = new OutcomeTable();
  private readonly titleOutcomes = new OutcomeTable();
  private readonly merge = new MergeScratch();
  private readonly territorySets = new Interner<Bitset>(setKey);
  private readonly mediaSets = new Interner<Bitset>(setKey);
  private readonly languageSets = new Interner<Languages>((l) => (l === null ? '*' : l.join(',')));
  private readonly contracts = new Interner<string>((c) => c);
  private readonly titleIds = new Interner<string>((t) => t);
  /** Block positions of each title (by title number). */
  private titleBlocks = new TitleBlocks();
  /**
   * Posting lists, which hold the blocks: per (territory set, media set) pair, its blocks as
   * entries of STRIDE numbers (position, title, start, end, meta: kind | exclusive << 2 |
   * undated << 3 | language set << 4; -1 once dead). A question reads them front to back.
   */
  private readonly pairNumbers = new Map<number, number>();
  private pairTset: number[] = [];
  private pairMset: number[] = [];
  private postings: Int32Array[] = [];
  /** Entries in each posting list. */
  private postingLength: number[] = [];

  // per block position: its sets and contract, and where its entry is
  private capacity = 0;
  private length = 0;
  private dead = 0;
  private tset = new Int32Array(0);
  private mset = new Int32Array(0);
  private contract = new Int32Array(0);
  private pairOf = new Int32Array(0);
  private slot = new Int32Array(0);

  get blockCount(): number {
    return this.length - this.dead;
  }

  get titleCount(): number {
    let n = 0;
    for (let t = 0; t < this.titleBlocks.length; t++) if (this.titleBlocks.count(t) > 0) n++;
    return n;
  }

  /** Bytes held by the block columns and their posting lists (what a catalog-wide question reads at most). */
  columnBytes(): number {
    return this.length * (4 * 5 + 4 * STRIDE);
  }

  private post(p: number, title: number, start: number, end: number, meta: number): void {
    const key = this.tset[p] * 2 ** 21 + this.mset[p];
    let i = this.pairNumbers.get(key);
    if (i === undefined) {
      i = this.postings.length;
      this.pairNumbers.set(key, i);
      this.pairTset.push(this.tset[p]);
      this.pairMset.push(this.mset[p]);
      this.postings.push(new Int32Array(16 * STRIDE));
      this.postingLength.push(0);
    }
    const n = this.postingLength[i];
    let list = this.postings[i];
    if ((n + 1) * STRIDE > list.length) {
      const bigger = new Int32Array(list.length * 2);
      bigger.set(list);
      this.postings[i] = list = bigger;
    }
    const e = n * STRIDE;
    list[e] = p;
    list[e + E_TITLE] = title;
    list[e + E_START] = start;
    list[e + E_END] = end;
    list[e + E_META] = meta;
    this.postingLength[i] = n + 1;
    this.pairOf[p] = i;
    this.slot[p] = n;
  }

  private grow(min: number): void {
    if (min <= this.capacity) return;
    const cap = Math.max(min, this.capacity * 2, 1024);
    const copy = (old: Int32Array): Int32Array<ArrayBuffer> => {
      const a = new Int32Array(cap);
      a.set(old.subarray(0, this.length));
      return a;
    };
    this.tset = copy(this.tset);
    this.mset = copy(this.mset);
    this.contract = copy(this.contract);
    this.pairOf = copy(this.pairOf);
    this.slot = copy(this.slot);
    this.capacity = cap;
  }

  /** Replaces all blocks of a title (an empty list removes its rights). */
  setTitle(titleId: string, blocks: readonly RightsBlock[]): void {
    const t = this.titleIds.intern(titleId);
    for (const p of this.titleBlocks.of(t)) {
      this.postings[this.pairOf[p]][this.slot[p] * STRIDE + E_META] = DEAD_META;
      this.dead++;
    }
    this.grow(this.length + blocks.length);
    const positions: number[] = [];
    for (const b of blocks) {
      const p = this.length++;
      this.tset[p] = this.territorySets.intern(b.territories);
      this.mset[p] = this.mediaSets.intern(b.media);
      this.contract[p] = this.contracts.intern(b.contract);
      const lset = this.languageSets.intern(b.languages === null ? null : [...b.languages].sort());
      this.post(p, t, b.start, b.end, KINDS.indexOf(b.kind) | ((b.exclusive ? 1 : 0) << 2) | ((b.undated ? 1 : 0) << 3) | (lset << 4));
      positions.push(p);
    }
    this.titleBlocks.set(t, positions);
    if (this.mostBlocks >= 0 && positions.length > this.mostBlocks) this.mostBlocks = positions.length;
    if (this.dead > 1024 && this.dead > this.length / 2) this.compact();
  }

  /** The index as columns (views on its arrays: copy or write them out before changing the index). */
  toColumns(): IndexColumns {
    const titles = this.titleIds.values.length;
    const titleStart = new Int32Array(titles + 1);
    for (let t = 0; t < titles; t++) titleStart[t + 1] = titleStart[t] + this.titleBlocks.count(t);
    const titleBlockList = new Int32Array(titleStart[titles]);
    for (let t = 0; t < titles; t++) titleBlockList.set(this.titleBlocks.of(t), titleStart[t]);
    const n = this.length;
    return {
      territorySets: this.territorySets.values,
      mediaSets: this.mediaSets.values,
      languageSets: this.languageSets.values,
      contracts: this.contracts.all(),
      titleIds: this.titleIds.values,
      titleStart,
      titleBlockList,
      length: n,
      dead: this.dead,
      tset: this.tset.subarray(0, n),
      mset: this.mset.subarray(0, n),
      contract: this.contract.subarray(0, n),
      pairOf: this.pairOf.subarray(0, n),
      slot: this.slot.subarray(0, n),
      pairTset: Int32Array.from(this.pairTset),
      pairMset: Int32Array.from(this.pairMset),
      postings: this.postings.map((list, i) => list.subarray(0, this.postingLength[i] * STRIDE)),
    };
  }

  /** An index from its columns (as toColumns gave them; the arrays are taken, not copied). */
  static fromColumns(c: IndexColumns): RightsIndex {
    const n = c.length;
    const pairs = c.postings.length;
    for (const [name, a, len] of [
      ['tset', c.tset, n],
      ['mset', c.mset, n],
      ['contract', c.contract, n],
      ['pairOf', c.pairOf, n],
      ['slot', c.slot, n],
      ['pairTset', c.pairTset, pairs],
      ['pairMset', c.pairMset, pairs],
      ['titleStart', c.titleStart, c.titleIds.length + 1],
    ] as const)
      if (a.length !== len) throw new RangeError(`index columns: ${name} has ${a.length} entries, expected ${len}`);
    const ix = new RightsIndex();
    ix.territorySets.load(c.territorySets, true);
    ix.mediaSets.load(c.mediaSets, true);
    ix.languageSets.load(c.languageSets, true);
    ix.contracts.load(c.contracts, false);
    ix.titleIds.load(c.titleIds, true);
    ix.titleBlocks.load(c.titleIds.length, c.titleStart, c.titleBlockList);
    ix.capacity = n;
    ix.length = n;
    ix.dead = c.dead;
    ix.tset = c.tset;
    ix.mset = c.mset;
    ix.contract = c.contract;
    ix.pairOf = c.pairOf;
    ix.slot = c.slot;
    ix.pairTset = Array.from(c.pairTset);
    ix.pairMset = Array.from(c.pairMset);
    ix.postings = c.postings;
    ix.postingLength = c.postings.map((list) => list.length / STRIDE);
    for (let i = 0; i < pairs; i++) ix.pairNumbers.set(ix.pairTset[i] * 2 ** 21 + ix.pairMset[i], i);
    return ix;
  }

  removeTitle(titleId: string): void {
    this.setTitle(titleId, []);
  }

  /** Drops the dead blocks: every title's living blocks are added again to empty columns and lists. */
  private compact(): void {
    const titles = this.titleBlocks.length;
    const living = Array.from({ length: titles }, (_, t) => Array.from(this.titleBlocks.of(t), (p) => this.blockAt(p)));
    this.capacity = 0;
    this.length = 0;
    this.dead = 0;
    for (const k of ['tset', 'mset', 'contract', 'pairOf', 'slot'] as const) this[k] = new Int32Array(0);
    this.pairNumbers.clear();
    this.pairTset = [];
    this.pairMset = [];
    this.postings = [];
    this.postingLength = [];
    this.titleBlocks = new TitleBlocks();
    living.forEach((blocks, t) => {
      if (blocks.length) this.setTitle(this.titleIds.values[t], blocks);
    });
  }

  private blockAt(p: number): RightsBlock {
    const list = this.postings[this.pairOf[p]];
    const e = this.slot[p] * STRIDE;
    const meta = list[e + E_META];
    return {
      contract: this.contracts.value(this.contract[p]),
      kind: KINDS[meta & 3],
      territories: this.territorySets.values[this.tset[p]],
      media: this.mediaSets.values[this.mset[p]],
      languages: this.languageSets.values[meta >>> 4],
      start: list[e + E_START],
      end: list[e + E_END],
      exclusive: ((meta >> 2) & 1) === 1,
      ...(((meta >> 3) & 1) === 1 ? { undated: true } : {}),
    };
  }

  blocksOf(titleId: string): RightsBlock[] {
    const t = this.titleNumber(titleId);
    return t === undefined ? [] : Array.from(this.titleBlocks.of(t), (p) => this.blockAt(p));
  }

  private titleNumber(titleId: string): number | undefined {
    return this.titleIds.find(titleId);
  }

  /** Every title with at least one block. */
  titles(): string[] {
    return this.titleIds.values.filter((_, t) => this.titleBlocks.count(t) > 0);
  }

  /**
   * The rolled-up answer to an avails question, for the given titles or, with
   * `titles` null, for the whole catalog (titles without any rights block are
   * not in the index and so never reported as available).
   */
  avails(titleIds: readonly string[] | null, q: AvailsQuestion, opts: CatalogOptions = {}): RolledRow[] {
    try {
      return this.ask(titleIds, q, opts, null).rows;
    } finally {
      this.titleOutcomes.forgetAll();
    }
  }

  /**
   * One page of the catalog-wide answer: the titles in order of their ids after `after` (all of
   * them when absent), answered one by one until `limit` titles have rows; the rows name only
   * those. `last` is the last title looked at (the next page starts after it), null when the
   * catalog ends on this page. The catalog is scanned once, as for the whole answer, but only the
   * page's titles are rolled up; titles looked at and left out are told to `notShown`.
   */
  availsPage(q: AvailsQuestion, page: { after?: string; limit: number }, opts: CatalogOptions = {}): CatalogPage {
    if (!Number.isInteger(page.limit) || page.limit < 1) throw new RangeError(`availsPage: limit ${page.limit} is not a whole number >= 1`);
    return this.ask(null, q, opts, page);
  }

  /** Title numbers in order of their ids (kept until a title is added). */
  private titlesById(): Int32Array {
    if (this.byId === null || this.byId.length !== this.titleIds.values.length) {
      const names = this.titleIds.values;
      const order = Array.from({ length: names.length }, (_, t) => t);
      order.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
      this.byId = Int32Array.from(order);
    }
    return this.byId;
  }

  private byId: Int32Array | null = null;

  private ask(
    titleIds: readonly string[] | null,
    q: AvailsQuestion,
    opts: CatalogOptions,
    page: { after?: string; limit: number } | null,
  ): CatalogPage {
    checkQuestion(q);
    const include = opts.include ?? (titleIds === null ? 'available' : 'all');
    const titleNumbers =
      titleIds === null
        ? null
        : titleIds.map((id) => {
            const t = this.titleNumber(id);
            return t === undefined ? -1 : t;
          });
    const rows: RolledRow[] = [];
    const outcomes = titleNumbers === null ? this.outcomes : this.titleOutcomes;

    // Per distinct set: does it touch the question (bit 1) and contain all of it (bit 2)? (for the
    // chosen titles, each block's sets are tested instead: a grid of one title reads ~30 blocks,
    // and testing every set of the catalog made more work and garbage than the title itself)
    // (a page tests the sets of its own titles' blocks, as it comes to them: see setFlag)
    const tFlags = titleNumbers === null && page === null ? this.setFlags(this.territorySets.values, q.territories) : NO_FLAGS;
    const mFlags = titleNumbers === null && page === null ? this.setFlags(this.mediaSets.values, q.media) : NO_FLAGS;
    const lFlags = new Uint8Array(this.languageSets.values.length);
    this.languageSets.values.forEach((l, i) => {
      if (l === null) lFlags[i] = 3;
      else if (q.languages === null) lFlags[i] = 1;
      else {
        const touch = q.languages.some((x) => l.includes(x));
        const all = q.languages.every((x) => l.includes(x));
        lFlags[i] = (touch ? 1 : 0) | (all ? 2 : 0);
      }
    });
    // The fast path is exact only where the answer does not depend on how long the available period runs.
    const simple = q.minDays === undefined && (q.match === 'cover-entire' || q.match === 'overlap-part');

    // The blocks to read: the posting lists of the pairs of sets that touch the question, or the chosen titles' blocks.
    // (always Int32Arrays: one element type keeps the scan loop monomorphic)
    // A posting list's blocks share their territory and media flags (listFlags); the chosen
    // titles' list mixes pairs (-1: read each block's sets).
    const lists: Int32Array[] = [];
    const listLengths: number[] = [];
    const listFlags: number[] = [];
    let mostBlocks = 0;
    if (page !== null) {
      // a page reads its own titles' blocks, title by title (below), not the posting lists:
      // the scratch needs room for the chain of the title with the most blocks
      if (this.mostBlocks < 0)
        for (let t = 0; t < this.titleBlocks.length; t++) this.mostBlocks = Math.max(this.mostBlocks, this.titleBlocks.count(t));
      mostBlocks = this.mostBlocks;
    } else if (titleNumbers === null) {
      for (let i = 0; i < this.postings.length; i++) {
        const tm = tFlags[this.pairTset[i]] & mFlags[this.pairMset[i]];
        if ((tm & 1) === 0 || this.postingLength[i] === 0) continue;
        lists.push(this.postings[i]);
        listLengths.push(this.postingLength[i]);
        listFlags.push(tm);
      }
    } else {
      // the chosen titles' entries, copied into one list of the same layout (kept between questions)
      const unique = titleNumbers.length > 8 ? [...new Set(titleNumbers)] : titleNumbers.filter((t, i) => titleNumbers.indexOf(t) === i);
      let count = 0;
      for (const t of unique) if (t >= 0) count += this.titleBlocks.of(t).length;
      if (this.chosen.length < count * STRIDE) this.chosen = new Int32Array(count * STRIDE * 2);
      const list = this.chosen;
      let e = 0;
      for (const t of unique) {
        if (t < 0) continue;
        for (const p of this.titleBlocks.of(t)) {
          const from = this.postings[this.pairOf[p]];
          const f = this.slot[p] * STRIDE;
          for (let k = 0; k < STRIDE; k++) list[e + k] = from[f + k];
          e += STRIDE;
        }
      }
      lists.push(list);
      listLengths.push(count);
      listFlags.push(-1);
    }
    const bound = listLengths.reduce((a, b) => a + b, 0);

    const nTitles = this.titleIds.values.length;
    // per title: flag bits (RELEVANT, COVERED, ...) and the chain of its touching blocks
    // (head by title, next by link), in scratch arrays kept between questions: a fresh
    // ArrayBuffer per question is external memory to V8, and under load it triggers full GCs
    const { flags, chainHead, chainNext, chainBlock } = this.scratchFor(nTitles, Math.max(bound, mostBlocks));
    if (page === null) {
      flags.fill(0, 0, nTitles);
      chainHead.fill(-1, 0, nTitles);
    }
    let links = 0;
    const qStart = q.start;
    const qEnd = q.end;
    const qExclusive = q.exclusive;
    for (let li = 0; li < lists.length; li++) {
      const list = lists[li];
      const n = listLengths[li];
      const shared = listFlags[li];
      for (let i = 0; i < n; i++) {
        const e = i * STRIDE;
        const meta = list[e + E_META];
        if (meta === DEAD_META) continue;
        const p = list[e];
        // tm: the territory and media flags together
        const tm = shared >= 0 ? shared : this.blockFlags(p, q);
        const lf = lFlags[meta >>> 4];
        if ((tm & lf & 1) === 0) continue;
        const t = list[e + E_TITLE];
        chainBlock[links] = p;
        chainNext[links] = chainHead[t];
        chainHead[t] = links++;
        flags[t] = withBlock(flags[t], tm, lf, meta, list[e + E_START], list[e + E_END], qStart, qEnd, qExclusive);
      }
    }

    // Titles answered by the fast path share one row: available over the whole question.
    const freeEverywhere: string[] = [];
    // made at the first title that takes it (a grid never does: its arrays would be garbage of every grid)
    let onePlace: OnePlaceRows | undefined;
    let nothingHere: RolledRow[] | undefined;
    const notShown = opts.notShown;
    /** Answers title t; false when it has no row. */
    const answer = (t: number, id: string): boolean => {
      const f = t < 0 ? 0 : flags[t];
      if ((f & RELEVANT) === 0) {
        if (include === 'all') {
          nothingHere ??= rollUpTitle('', titleCells([], q, outcomes), this.merge);
          for (const r of nothingHere) rows.push({ ...r, titles: [id] });
          return true;
        }
        notShown?.(id, 'no-rights-held');
        return false;
      }
      if (include === 'available' && q.match === 'cover-entire' && (f & BLOCKED_EVERYWHERE) !== 0) {
        notShown?.(id, notShownReason(f));
        return false;
      }
      if (simple && (f & (COVERED | BLOCKED)) === COVERED) {
        freeEverywhere.push(id);
        return true;
      }
      if (include === 'available' && (f & PARTIAL) === 0) {
        onePlace ??= new OnePlaceRows(
          q,
          { postings: this.postings, pairOf: this.pairOf, slot: this.slot, languageSets: this.languageSets.values },
          chainHead,
          chainNext,
          chainBlock,
        );
        if (onePlace.add(t, id)) return true;
        notShown?.(id, notShownReason(f));
        return false;
      }
      let own = rollUpTitle(
        id,
        titleCells(
          Array.from(this.titleBlocks.of(t), (p) => this.blockAt(p)),
          q,
          outcomes,
        ),
        this.merge,
      );
      if (include === 'available') own = own.filter((r) => r.outcome.status === 'available');
      if (own.length === 0) notShown?.(id, notShownReason(f));
      for (const r of own) rows.push(r);
      return own.length > 0;
    };
    let shownOnPage = 0;
    let last: string | null = null;
    if (page !== null) {
      // the page: titles in order of their ids after `after`, until `limit` of them have rows
      const order = this.titlesById();
      const names = this.titleIds.values;
      let lo = 0;
      if (page.after !== undefined) {
        const after = page.after;
        let hi = order.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (names[order[mid]] <= after) lo = mid + 1;
          else hi = mid;
        }
      }
      const { tset, mset } = this;
      const tLazy = this.lazyFlags(0, this.territorySets.values.length);
      const mLazy = this.lazyFlags(1, this.mediaSets.values.length);
      for (let i = lo; i < order.length; i++) {
        const t = order[i];
        // the title's flags and chain, from its own blocks (as the scan of the posting lists gives them)
        flags[t] = 0;
        chainHead[t] = -1;
        links = 0;
        for (const p of this.titleBlocks.of(t)) {
          const list = this.postings[this.pairOf[p]];
          const e = this.slot[p] * STRIDE;
          const meta = list[e + E_META];
          const tm =
            setFlag(tLazy, tset[p], this.territorySets.values, q.territories) & setFlag(mLazy, mset[p], this.mediaSets.values, q.media);
          const lf = lFlags[meta >>> 4];
          if ((tm & lf & 1) === 0) continue;
          chainBlock[links] = p;
          chainNext[links] = chainHead[t];
          chainHead[t] = links++;
          flags[t] = withBlock(flags[t], tm, lf, meta, list[e + E_START], list[e + E_END], qStart, qEnd, qExclusive);
        }
        if ((flags[t] & RELEVANT) === 0 && include !== 'all') continue;
        if (shownOnPage === page.limit) {
          last = names[order[i - 1]];
          break;
        }
        if (answer(t, names[t])) shownOnPage++;
      }
    } else if (titleNumbers === null) {
      const names = this.titleIds.values;
      for (let t = 0; t < nTitles; t++) if ((flags[t] & RELEVANT) !== 0 || include === 'all') answer(t, names[t]);
    } else {
      const seen = new Set<string>();
      titleNumbers.forEach((t, i) => {
        const id = titleIds![i];
        if (seen.has(id)) return;
        seen.add(id);
        answer(t, id);
      });
    }
    if (freeEverywhere.length) {
      rows.push({
        titles: freeEverywhere,
        territories: q.territories,
        media: q.media,
        languages: q.languages === null ? null : [...new Set(q.languages)].sort(),
        languagesExcept: [],
        start: q.start,
        end: q.end,
        outcome: AVAILABLE,
      });
    }
    if (onePlace) for (const r of onePlace.rows()) rows.push(r);
    return { rows: mergeTitles(rows), titles: shownOnPage, last };
  }

  private scratch = { flags: new Uint8Array(0), chainHead: new Int32Array(0), chainNext: new Int32Array(0), chainBlock: new Int32Array(0) };

  private scratchFor(titles: number, links: number): RightsIndex['scratch'] {
    const s = this.scratch;
    if (s.flags.length < titles) {
      s.flags = new Uint8Array(titles * 2);
      s.chainHead = new Int32Array(titles * 2);
    }
    if (s.chainNext.length < links) {
      s.chainNext = new Int32Array(links * 2);
      s.chainBlock = new Int32Array(links * 2);
    }
    return s;
  }

  /** A block's territory and media flags together (bit 1: touches the question, bit 2: contains all of it). */
  private blockFlags(p: number, q: AvailsQuestion): number {
    const ts = this.territorySets.values[this.tset[p]];
    const ms = this.mediaSets.values[this.mset[p]];
    return (
      (intersects(ts, q.territories) && intersects(ms, q.media) ? 1 : 0) | (isSubset(q.territories, ts) && isSubset(q.media, ms) ? 2 : 0)
    );
  }

  private chosen = new Int32Array(0);
  /** At least as many blocks as the title with the most has (-1: not known yet; an index from columns finds out at its first page). */
  private mostBlocks = -1;
  private readonly lazy = [new Uint8Array(0), new Uint8Array(0)];

  /** Kept array k of per-set flags, n of them, all unknown (0). */
  private lazyFlags(k: number, n: number): Uint8Array {
    if (this.lazy[k].length < n) this.lazy[k] = new Uint8Array(2 * n);
    const a = this.lazy[k];
    a.fill(0, 0, n);
    return a;
  }

  private setFlags(sets: readonly Bitset[], question: Bitset): Uint8Array {
    const flags = new Uint8Array(sets.length);
    for (let i = 0; i < sets.length; i++) {
      flags[i] = (intersects(sets[i], question) ? 1 : 0) | (isSubset(question, sets[i]) ? 2 : 0);
    }
    return flags;
  }

  conflicts(titleId: string, proposed: readonly ProposedBlock[], excludeContract?: string): ConflictReport {
    try {
      return checkConflicts(titleId, this.blocksOf(titleId), proposed, excludeContract, {
        outcomes: this.titleOutcomes,
        merge: this.merge,
      });
    } finally {
      this.titleOutcomes.forgetAll();
    }
  }
}
