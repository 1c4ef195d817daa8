/**
 * Series, seasons and episodes (docs/domain.md, "Series, seasons and
 * episodes"): the shape of the catalog's tree, its checks, and how a rights
 * block on a series or a season reaches the titles under it.
 *
 * The engine answers for **units**: titles with no title under them (a film,
 * an episode, a season or series with nothing under it yet). A unit's
 * rights are its own blocks plus the blocks of its ancestors that reach it;
 * `inheritedBlocks` expands them, so the rights index holds plain blocks per
 * unit and answers as fast as it does for films.
 */
import { invalid } from './errors.js';
import type { RightsBlock } from './rights.js';
import type { AvailStatus } from './outcomes.js';

export const TITLE_KINDS = ['film', 'series', 'season', 'episode', 'miniseries', 'volume'] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

export const SERIES_STATUSES = ['continuing', 'concluded'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

/** The kinds a title of each kind may sit under (none: a title of that kind has no parent). */
export const PARENT_KINDS: Readonly<Record<TitleKind, readonly TitleKind[]>> = {
  film: [],
  series: [],
  miniseries: [],
  season: ['series'],
  volume: ['series'],
  episode: ['season', 'miniseries', 'volume'],
};

/** One title's place in the tree. `number`: a season's number in its series, an episode's in its season. */
export interface TitleNode {
  id: string;
  kind: TitleKind;
  parent: string | null;
  number: number | null;
}

/**
 * How far a block on a series or season reaches down (ignored on a title with nothing under it):
 * - `includesFuture` (the default): every title under it, those added later included;
 *   false: only the titles in `covers` (those listed, or existing when the deal was recorded);
 * - `excludes`: titles under it that the deal leaves out, each with everything under it
 *   (an episode withheld, a season sold elsewhere).
 */
export interface BlockScope {
  includesFuture: boolean;
  covers: readonly string[] | null;
  excludes: readonly string[];
}

export const WHOLE_TREE: BlockScope = { includesFuture: true, covers: null, excludes: [] };

/** A rights block as stored on a title, with how far it reaches down. */
export interface ScopedBlock extends RightsBlock {
  scope?: BlockScope;
}

/** The catalog's tree: parents, children in order of number, and the checks. */
export class TitleTree {
  private readonly nodes = new Map<string, TitleNode>();
  private readonly kids = new Map<string, string[]>();

  constructor(nodes: Iterable<TitleNode> = []) {
    for (const n of nodes) this.nodes.set(n.id, n);
    for (const n of this.nodes.values()) if (n.parent !== null) this.childList(n.parent).push(n.id);
    for (const list of this.kids.values()) this.sortChildren(list);
  }

  private childList(id: string): string[] {
    let list = this.kids.get(id);
    if (!list) this.kids.set(id, (list = []));
    return list;
  }

  private sortChildren(list: string[]): void {
    list.sort((a, b) => (this.nodes.get(a)?.number ?? Infinity) - (this.nodes.get(b)?.number ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  }

  get(id: string): TitleNode | undefined {
    return this.nodes.get(id);
  }

  kindOf(id: string): TitleKind {
    return this.nodes.get(id)?.kind ?? 'film';
  }

  children(id: string): readonly string[] {
    return this.kids.get(id) ?? [];
  }

  /** The ancestors of a title, nearest first. */
  ancestors(id: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>([id]);
    for (let p = this.nodes.get(id)?.parent ?? null; p !== null && !seen.has(p); p = this.nodes.get(p)?.parent ?? null) {
      out.push(p);
      seen.add(p);
    }
    return out;
  }

  /** Every title under a title, depth first in order of number. */
  descendants(id: string): string[] {
    const out: string[] = [];
    const walk = (x: string) => {
      for (const c of this.children(x)) {
        out.push(c);
        walk(c);
      }
    };
    walk(id);
    return out;
  }

  /** The units a title stands for: itself when nothing is under it, else the units under it. */
  units(id: string): string[] {
    if (this.children(id).length === 0) return [id];
    return this.descendants(id).filter((d) => this.children(d).length === 0);
  }

  /** Adds or replaces a node, after checking it fits (the tree is unchanged when it does not). */
  set(node: TitleNode, field = 'title'): void {
    checkNode(this, node, field);
    this.put(node);
  }

  /** Adds or replaces a node without checking it (nodes read back from the store, already checked). */
  put(node: TitleNode): void {
    this.unlink(node.id);
    this.nodes.set(node.id, node);
    if (node.parent !== null) {
      const list = this.childList(node.parent);
      list.push(node.id);
      this.sortChildren(list);
    }
  }

  /** Removes a node (its children keep a parent that no longer exists until they are removed or moved). */
  remove(id: string): void {
    this.unlink(id);
    this.nodes.delete(id);
  }

  private unlink(id: string): void {
    const old = this.nodes.get(id);
    if (old?.parent == null) return;
    const list = this.kids.get(old.parent);
    const i = list?.indexOf(id) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  /** The top of the tree a title is in (itself when it has no parent). */
  root(id: string): string {
    const up = this.ancestors(id);
    return up.length ? up[up.length - 1] : id;
  }

  values(): IterableIterator<TitleNode> {
    return this.nodes.values();
  }
}

/**
 * Checks that a node fits the tree: its parent exists and is of a kind it may sit under
 * (an episode under a season, a miniseries or a volume; a season or volume under a series),
 * no cycle, its number a positive integer unique among its parent's children, and a title
 * with titles under it keeps a kind they may sit under.
 */
const a = (k: string) => (/^[aeiou]/.test(k) ? `an ${k}` : `a ${k}`);
const oneOf = (ks: readonly string[]) =>
  ks
    .map(a)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');

export function checkNode(tree: TitleTree, node: TitleNode, field = 'title'): void {
  const allowed = PARENT_KINDS[node.kind];
  if (node.parent === null) {
    if (allowed.length > 0) throw invalid(`${field}.parent`, null, `${field}.parent: ${a(node.kind)} belongs to ${oneOf(allowed)}`);
  } else {
    if (allowed.length === 0) throw invalid(`${field}.parent`, node.parent, `${field}.parent: ${a(node.kind)} has no parent title`);
    const parent = tree.get(node.parent);
    if (!parent) throw invalid(`${field}.parent`, node.parent, `${field}.parent: no title ${node.parent}`);
    if (!allowed.includes(parent.kind))
      throw invalid(`${field}.parent`, node.parent, `${field}.parent: ${a(node.kind)} belongs to ${oneOf(allowed)}, not ${a(parent.kind)}`);
    if (node.parent === node.id || tree.ancestors(node.parent).includes(node.id))
      throw invalid(`${field}.parent`, node.parent, `${field}.parent: a title cannot sit under itself`);
  }
  if (node.number !== null) {
    if (!Number.isInteger(node.number) || node.number < 1)
      throw invalid(`${field}.number`, node.number, `${field}.number: a season or episode number is a whole number from 1`);
    if (node.parent !== null) {
      const twin = tree.children(node.parent).find((c) => c !== node.id && tree.get(c)?.number === node.number);
      if (twin !== undefined)
        throw invalid(`${field}.number`, node.number, `${field}.number: ${node.parent} already has number ${node.number} (${twin})`);
    }
  }
  for (const c of tree.children(node.id)) {
    const child = tree.get(c);
    if (child && !PARENT_KINDS[child.kind].includes(node.kind))
      throw invalid(
        `${field}.kind`,
        node.kind,
        `${field}.kind: ${c} (${a(child.kind)}) sits under this title, which cannot be ${a(node.kind)}`,
      );
  }
}

/** Does a block on `owner` reach `unit` below it (docs/domain.md, "Rights inherited downward")? */
export function reaches(tree: TitleTree, owner: string, scope: BlockScope | undefined, unit: string): boolean {
  if (unit === owner) return true;
  const s = scope ?? WHOLE_TREE;
  // the titles between the owner (excluded) and the unit (included)
  const path = [unit];
  for (const a of tree.ancestors(unit)) {
    if (a === owner) break;
    path.push(a);
  }
  if (path.some((p) => s.excludes.includes(p))) return false;
  if (!s.includesFuture) return (s.covers ?? []).includes(unit);
  return true;
}

/** A unit's rights: its own blocks, then those of its ancestors that reach it (nearest first). */
export function inheritedBlocks(tree: TitleTree, own: (titleId: string) => readonly ScopedBlock[], unit: string): RightsBlock[] {
  const out: RightsBlock[] = [];
  for (const owner of [unit, ...tree.ancestors(unit)])
    for (const b of own(owner)) if (owner === unit || reaches(tree, owner, b.scope, unit)) out.push(plain(b));
  return out;
}

function plain(b: ScopedBlock): RightsBlock {
  if (b.scope === undefined) return b;
  const { scope: _scope, ...rest } = b;
  return rest;
}

/** Where the status of a group of titles (a season, a series) stands over one question. */
export const GROUP_STATUSES = ['available', 'on-hold', 'depends', 'partly-available', 'unavailable'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/**
 * A season or series is available only if all its units are: every unit available → available;
 * none unavailable or depending on an undated event but some on hold → on hold; none unavailable
 * but some depending on an undated event → depends (the group waits for a date); some available
 * (or on hold) and some not → partly available; none available → unavailable. A group with no
 * unit answered is unavailable.
 */
export function groupStatus(unitStatuses: readonly AvailStatus[]): GroupStatus {
  if (unitStatuses.length === 0) return 'unavailable';
  const free = unitStatuses.filter((s) => s === 'available').length;
  const held = unitStatuses.filter((s) => s === 'on-hold').length;
  const depends = unitStatuses.filter((s) => s === 'depends').length;
  if (free === unitStatuses.length) return 'available';
  if (free + held === unitStatuses.length) return 'on-hold';
  if (free + held + depends === unitStatuses.length) return 'depends';
  return free + held > 0 ? 'partly-available' : 'unavailable';
}

/** Where an index of units is told a title's rights: its blocks by title (the RightsIndex does). */
export interface UnitIndex {
  setTitle(titleId: string, blocks: readonly RightsBlock[]): void;
}

/**
 * Brings an index of units up to date after the tree or some titles' own blocks changed:
 * every unit of the trees the changed titles are in is given its inherited blocks again,
 * and a title that is no longer a unit (something now sits under it) loses its entry.
 * Titles outside the tree (films) are given their own blocks as they are.
 */
export function refreshUnits(
  index: UnitIndex,
  tree: TitleTree,
  own: (titleId: string) => readonly ScopedBlock[],
  changed: Iterable<string>,
): void {
  const roots = new Set<string>();
  for (const id of changed) {
    if (!tree.get(id)) {
      index.setTitle(id, own(id).map(plain));
      continue;
    }
    roots.add(tree.root(id));
  }
  for (const r of roots) {
    for (const t of [r, ...tree.descendants(r)]) {
      if (tree.children(t).length > 0) index.setTitle(t, []);
      else index.setTitle(t, inheritedBlocks(tree, own, t));
    }
  }
}

/** A unit's status over a whole question, from its rows (asked with every row, not only the available ones): the worst of them. */
export function unitStatus(rows: readonly { outcome: { status: AvailStatus } }[]): AvailStatus {
  let s: AvailStatus = 'available';
  for (const r of rows) {
    if (r.outcome.status === 'unavailable') return 'unavailable';
    if (r.outcome.status === 'depends') s = 'depends';
    else if (r.outcome.status === 'on-hold' && s === 'available') s = 'on-hold';
  }
  return s;
}

/** A block of a proposed deal, written on a title (a series, season, episode or film), with how far it reaches down. */
export interface ProposedOnTitle<B> {
  titleId: string;
  scope?: BlockScope;
  block: B;
}

/**
 * Which proposed blocks each unit must be checked with (docs/domain.md: a deal on a season or a
 * series is checked on every episode it reaches): per unit under the titles named (or the title
 * itself), the positions of the proposed blocks that reach it. Units no block reaches are left out.
 */
export function unitsToCheck<B>(tree: TitleTree, proposed: readonly ProposedOnTitle<B>[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  proposed.forEach((p, i) => {
    const units = tree.get(p.titleId) ? tree.units(p.titleId) : [p.titleId];
    for (const u of units) {
      if (!reaches(tree, p.titleId, p.scope, u)) continue;
      let list = out.get(u);
      if (!list) out.set(u, (list = []));
      list.push(i);
    }
  });
  return out;
}
