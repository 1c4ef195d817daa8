/**
 * How the rights index (rightsIndex.ts) keeps its interned values and each title's block
 * positions, in forms an index snapshot loads without rebuilding them.
 */

/** A JavaScript Map holds at most 2^24 entries: an interner keys its values in maps of at most this many. */
const SHARD = 1 << 23;

/** Values read on first use (an index snapshot's contract references): how many, and how to read one. */
export interface PackedValues<T> {
  length: number;
  at(i: number): T;
}

/** A string's hash (FNV-1a over its UTF-16 code units). */
function hashOf(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Interner<T> {
  /** The values by number; with packed values loaded, those interned after them (number packed.length + i). */
  values: T[] = [];
  private packed: PackedValues<T> | null = null;
  /** How many packed values there are (0 without). */
  private base = 0;
  private readonly ids: Map<string, number>[] = [new Map()];
  /**
   * The values loaded keyed (load), by number in an open-addressed table of their keys' hashes
   * (-1: empty): a million title ids are one typed array, made in a fraction of the time a Map
   * of them takes. Values interned after the load are keyed in `ids`.
   */
  private table: Int32Array | null = null;
  constructor(private readonly keyOf: (v: T) => string) {}
  /** The number of a value already interned, or undefined. */
  find(v: T): number | undefined {
    return this.findKey(this.keyOf(v));
  }

  private findKey(k: string): number | undefined {
    for (const m of this.ids) {
      const id = m.get(k);
      if (id !== undefined) return id;
    }
    const table = this.table;
    if (table !== null) {
      const mask = table.length - 1;
      for (let slot = hashOf(k) & mask; ; slot = (slot + 1) & mask) {
        const id = table[slot];
        if (id < 0) break;
        if (this.keyOf(this.values[id]) === k) return id;
      }
    }
    return undefined;
  }

  intern(v: T): number {
    const k = this.keyOf(v);
    let id = this.findKey(k);
    if (id === undefined) {
      id = this.base + this.values.length;
      this.values.push(v);
      this.keep(k, id);
    }
    return id;
  }

  /** The value of a number (read from the packed values, if it is one of them: not kept, it is cheap to read again). */
  value(i: number): T {
    return i < this.base ? this.packed!.at(i) : this.values[i - this.base];
  }

  /** Every value, read. */
  all(): T[] | PackedValues<T> {
    if (!this.packed) return this.values;
    const { base, packed, values } = this;
    return { length: base + values.length, at: (i) => (i < base ? packed.at(i) : values[i - base]) };
  }

  private keep(k: string, id: number): void {
    let last = this.ids[this.ids.length - 1];
    if (last.size >= SHARD) this.ids.push((last = new Map()));
    last.set(k, id);
  }

  /**
   * Takes these values as numbers 0.. (an empty interner only). Unkeyed, a value loaded is not
   * found again: interning it once more adds a second number for it (right, if less compact;
   * the contract references, read only by number, are loaded so, which saves keying millions).
   */
  load(values: readonly T[] | PackedValues<T>, keyed: boolean): void {
    if (this.values.length || this.base) throw new Error('Interner.load: not empty');
    if (!Array.isArray(values)) {
      if (keyed) throw new Error('Interner.load: packed values are never keyed');
      this.packed = values as PackedValues<T>;
      this.base = this.packed.length;
      return;
    }
    // taken, not copied (as fromColumns takes its columns)
    this.values = values as T[];
    if (!keyed || !values.length) return;
    // a table at most half full: 2^k slots, k the least with 2^k >= 2 x values
    const table = new Int32Array(2 ** Math.ceil(Math.log2(values.length * 2))).fill(-1);
    const mask = table.length - 1;
    for (let i = 0; i < values.length; i++) {
      const k = this.keyOf(values[i]);
      let slot = hashOf(k) & mask;
      while (table[slot] >= 0) {
        // a value twice in what was loaded keeps its first number, as intern() would
        if (this.keyOf(values[table[slot]]) === k) break;
        slot = (slot + 1) & mask;
      }
      if (table[slot] < 0) table[slot] = i;
    }
    this.table = table;
  }
}

const NO_POSITIONS = new Int32Array(0);

/**
 * Each title's block positions, by title number. Those loaded from columns (an index snapshot)
 * stay in its two typed arrays (titleStart[t]..titleStart[t + 1] in titleBlockList): a million
 * titles are then two arrays rather than a million, which a load would have to make and the
 * garbage collector to trace. A title changed since has an array of its own.
 */
export class TitleBlocks {
  private own: Array<number[] | undefined> = [];
  private start: Int32Array = new Int32Array(1);
  private list: Int32Array = NO_POSITIONS;
  /** Titles whose positions are in start/list (those loaded). */
  private loaded = 0;
  private titles = 0;

  get length(): number {
    return this.titles;
  }

  /** Title t's block positions (a view: read it before the title changes). */
  of(t: number): ArrayLike<number> & Iterable<number> {
    const own = this.own[t];
    if (own !== undefined) return own;
    return t < this.loaded ? this.list.subarray(this.start[t], this.start[t + 1]) : NO_POSITIONS;
  }

  count(t: number): number {
    const own = this.own[t];
    if (own !== undefined) return own.length;
    return t < this.loaded ? this.start[t + 1] - this.start[t] : 0;
  }

  set(t: number, positions: number[]): void {
    if (t >= this.titles) this.titles = t + 1;
    this.own[t] = positions;
  }

  /** Positions of `titles` titles from columns (taken, not copied): an empty TitleBlocks only. */
  load(titles: number, start: Int32Array, list: Int32Array): void {
    this.start = start;
    this.list = list;
    this.titles = this.loaded = titles;
  }
}
