import { type Bitset, count, fullSet, isEmpty, isSubset, minus, setKey, toIndices, union } from './bitset.js';

/**
 * Naming a set the way people write it, from named parts (groups and single
 * items): "North America", "Benelux and Germany", "Worldwide excl. North
 * America and China", "Latin America excl. Brazil", "All Media excl.
 * Theatrical". A label is a list of included parts, optionally followed by
 * " excl. " and the label of what they overshoot (itself possibly with an
 * exclusion): parsed back by setExpr it is exactly the set.
 *
 * Among the candidate labels (a greedy cover by the largest groups inside the
 * set, then single items; and "<group(s)> excl. <label of the overshoot>" for
 * every group mostly inside the set), the one with the fewest named parts
 * wins, then the least nesting, then the fewest characters.
 */
export interface LabelPart {
  name: string;
  set: Bitset;
  /** Where the part goes in a list (e.g. tree order); without it, groups by size, then names alphabetically. */
  rank?: number;
}

interface Part extends LabelPart {
  size: number;
  group: boolean;
}

interface Cand {
  inc: Part[];
  exc: Cand | null;
  parts: number;
  nest: number;
  text: string;
}

/** How deep exclusions nest ("A excl. B excl. C" is depth 2); deeper only when nothing shallower names the set. */
const MAX_DEPTH = 2;
const LAST_RESORT_DEPTH = 6;
/** A group this small may stand for one of its items when its name is shorter ("France" for metropolitan France, where the rest does not matter). */
const SMALL_GROUP = 15;

function partOrder(a: Part, b: Part): number {
  if (a.rank !== undefined && b.rank !== undefined && a.rank !== b.rank) return a.rank - b.rank;
  if (a.group !== b.group) return a.group ? -1 : 1;
  if (a.group && a.size !== b.size) return b.size - a.size;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function interCount(a: Bitset, b: Bitset): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i] & b[i];
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

function joinList(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function better(a: Cand | null, b: Cand | null): Cand | null {
  if (!a) return b;
  if (!b) return a;
  if (a.parts !== b.parts) return a.parts < b.parts ? a : b;
  if (a.nest !== b.nest) return a.nest < b.nest ? a : b;
  if (a.text.length !== b.text.length) return a.text.length < b.text.length ? a : b;
  return a.text <= b.text ? a : b;
}

export class SetLabeler {
  private readonly groups: Part[];
  private readonly single: (Part | undefined)[];
  private readonly container: (Part | undefined)[];
  private readonly cache = new Map<string, string>();
  private readonly universe: Bitset;
  private memo = new Map<string, Cand | null>();
  private maxDepth = MAX_DEPTH;

  /**
   * @param size bits in the universe
   * @param parts named sets; a name must parse back to exactly its set
   * @param emptyLabel the label of the empty set
   */
  constructor(
    size: number,
    parts: readonly LabelPart[],
    private readonly emptyLabel: string,
  ) {
    this.universe = fullSet(size);
    const seen = new Map<string, Part>();
    for (const p of parts) {
      const n = count(p.set);
      if (n === 0) continue;
      const k = setKey(p.set);
      const prev = seen.get(k);
      // One name per set: the first given wins (callers list groups first).
      if (!prev) seen.set(k, { ...p, size: n, group: n > 1 });
    }
    const all = [...seen.values()];
    this.groups = all.filter((p) => p.group).sort((a, b) => b.size - a.size || a.name.length - b.name.length);
    this.single = new Array(size);
    for (const p of all) if (!p.group) this.single[toIndices(p.set)[0]] = p;
    this.container = new Array(size);
    for (let i = 0; i < size; i++) {
      if (this.single[i]) continue;
      // Smallest group that holds the item (used when the item has no name of its own).
      for (let g = this.groups.length - 1; g >= 0; g--) {
        const grp = this.groups[g];
        if ((grp.set[i >>> 5] & (1 << (i & 31))) !== 0) {
          this.container[i] = grp;
          break;
        }
      }
    }
  }

  label(set: Bitset): string {
    if (isEmpty(set)) return this.emptyLabel;
    const key = setKey(set);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    this.memo = new Map();
    let c = this.best(set, set, 0);
    if (!c) {
      this.maxDepth = LAST_RESORT_DEPTH;
      this.memo = new Map();
      try {
        c = this.best(set, set, 0);
      } finally {
        this.maxDepth = MAX_DEPTH;
      }
    }
    if (!c) throw new Error('set cannot be labelled with the known names');
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(key, c.text);
    return c.text;
  }

  /**
   * A cover of `must` by parts inside `may` where possible: the largest
   * groups first, then single items (or a small group with a shorter name);
   * an item with no name of its own takes its smallest group, which may
   * overshoot `may` (the caller then excludes the overshoot).
   */
  private cover(must: Bitset, may: Bitset): Part[] {
    let uncovered: Bitset = must.slice();
    const inc: Part[] = [];
    for (;;) {
      let best: Part | undefined;
      let bestGain = 1;
      for (const g of this.groups) {
        if (g.size <= bestGain) break; // sorted by size: no later group can gain more
        const gain = interCount(g.set, uncovered);
        if (gain > bestGain && isSubset(g.set, may)) {
          best = g;
          bestGain = gain;
        }
      }
      if (!best) break;
      inc.push(best);
      uncovered = minus(uncovered, best.set);
    }
    for (const i of toIndices(uncovered)) {
      if ((uncovered[i >>> 5] & (1 << (i & 31))) === 0) continue;
      let p = this.single[i];
      let inside: Part | undefined;
      for (let g = this.groups.length - 1; g >= 0; g--) {
        const grp = this.groups[g];
        if ((grp.set[i >>> 5] & (1 << (i & 31))) !== 0 && isSubset(grp.set, may)) {
          inside = grp;
          break;
        }
      }
      if (inside && (!p || (inside.size <= SMALL_GROUP && inside.name.length < p.name.length))) p = inside;
      p ??= this.container[i];
      if (!p) continue;
      inc.push(p);
      uncovered = minus(uncovered, p.set);
    }
    // Drop parts the others already cover.
    const order = [...inc].sort((a, b) => a.size - b.size);
    let kept = inc;
    for (const p of order) {
      const others = kept.filter((q) => q !== p);
      if (!others.length) continue;
      let u = others[0].set;
      for (let k = 1; k < others.length; k++) u = union(u, others[k].set);
      if (isSubset(must, u)) kept = others;
    }
    return kept;
  }

  /** A label for some set X with must ⊆ X ⊆ may: the parts `inc`, less a label of their overshoot. */
  private candidate(inc: Part[], must: Bitset, may: Bitset, depth: number): Cand | null {
    if (!inc.length) return null;
    let u = inc[0].set;
    for (let k = 1; k < inc.length; k++) u = union(u, inc[k].set);
    if (!isSubset(must, u)) return null;
    const over = minus(u, may);
    const sorted = [...inc].sort(partOrder);
    const list = joinList(sorted.map((p) => p.name));
    if (isEmpty(over)) return { inc: sorted, exc: null, parts: inc.length, nest: 0, text: list };
    if (depth + 1 > this.maxDepth) return null;
    // Whatever is excluded must hold the overshoot and must spare `must`.
    const e = this.best(over, minus(this.universe, must), depth + 1);
    if (!e) return null;
    return { inc: sorted, exc: e, parts: inc.length + e.parts, nest: 1 + e.nest, text: `${list} excl. ${e.text}` };
  }

  private best(must: Bitset, may: Bitset, depth: number): Cand | null {
    const key = `${setKey(must)}/${setKey(may)}/${depth}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    let best = this.candidate(this.cover(must, may), must, may, depth);
    if (depth < MAX_DEPTH) {
      const bases: { g: Part; inside: number }[] = [];
      for (const g of this.groups) {
        if (isSubset(g.set, may)) continue; // the cover already uses it
        const inside = interCount(g.set, must);
        if (inside === 0) continue;
        const outside = g.size - interCount(g.set, may);
        // Worth naming as "<group> excl. ...": at the top, any group that
        // holds some of the set; below, only groups mostly inside it.
        if (depth === 0 ? inside >= Math.min(2, count(must)) : 2 * outside <= inside) bases.push({ g, inside });
      }
      for (const { g } of bases) {
        const restIn = minus(must, g.set);
        const inc = isEmpty(restIn) ? [g] : [g, ...this.cover(restIn, may)];
        best = better(best, this.candidate(inc, must, may, depth));
      }
      if (bases.length > 1) {
        bases.sort((a, b) => b.inside - a.inside);
        let uncovered = must;
        const inc: Part[] = [];
        for (const { g } of bases) {
          const outside = g.size - interCount(g.set, may);
          if (interCount(g.set, uncovered) >= 2 && outside <= interCount(g.set, must)) {
            inc.push(g);
            uncovered = minus(uncovered, g.set);
          }
        }
        if (!isEmpty(uncovered)) inc.push(...this.cover(uncovered, may));
        best = better(best, this.candidate(inc, must, may, depth));
      }
    }
    this.memo.set(key, best);
    return best;
  }
}
