/**
 * The media tree (All Media → Theatrical; Television → Pay TV ...) as a
 * picker sees it: which leaves a node stands for, a node's check state, and
 * the shortest expression for a set of leaves ("Television, SVOD"), read back
 * from an expression when the names are the tree's own.
 */
import type { MediaNode } from '../../../src/contract/index.js';

export type CheckState = 'all' | 'some' | 'none';

export function children(n: MediaNode): MediaNode[] {
  return n.children ?? [];
}

export function leavesOf(n: MediaNode): string[] {
  const kids = children(n);
  return kids.length ? kids.flatMap(leavesOf) : [n.id];
}

export function allNodes(roots: MediaNode[]): MediaNode[] {
  return roots.flatMap((r) => [r, ...allNodes(children(r))]);
}

export function checkState(n: MediaNode, selected: ReadonlySet<string>): CheckState {
  const leaves = leavesOf(n);
  const on = leaves.filter((l) => selected.has(l)).length;
  return on === 0 ? 'none' : on === leaves.length ? 'all' : 'some';
}

/** Toggles a node: all its leaves on, or (when all are on already) all off. */
export function toggle(n: MediaNode, selected: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  const leaves = leavesOf(n);
  if (checkState(n, selected) === 'all') leaves.forEach((l) => next.delete(l));
  else leaves.forEach((l) => next.add(l));
  return next;
}

/** The fewest node names that cover exactly the selected leaves, in tree order. */
export function toExpression(roots: MediaNode[], selected: ReadonlySet<string>): string {
  const names: string[] = [];
  const walk = (n: MediaNode) => {
    const s = checkState(n, selected);
    if (s === 'all') names.push(n.name);
    else if (s === 'some') children(n).forEach(walk);
  };
  roots.forEach(walk);
  return names.join(', ');
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\brights?\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function findNode(roots: MediaNode[], name: string): MediaNode | undefined {
  const key = norm(name);
  if (!key) return undefined;
  return allNodes(roots).find((n) => norm(n.name) === key || (n.aliases ?? []).some((a) => norm(a) === key));
}

const EXCL = /\s+(?:excl\.?|excluding|except(?: for)?|less|minus|without|but not|other than)\s+/i;

/**
 * Reads an expression written with the tree's names and aliases ("TV rights",
 * "All Media excl. Airline"). `unknown` lists the parts it could not read: the
 * picker then leaves the text as written and lets the server judge it.
 */
export function fromExpression(roots: MediaNode[], expr: string): { selected: Set<string>; unknown: string[] } {
  const selected = new Set<string>();
  const unknown: string[] = [];
  const [plus, ...minus] = expr.split(EXCL);
  const read = (part: string, into: (leaves: string[]) => void) => {
    for (const piece of part.split(/\s*(?:[,;/&+]|\band\b)\s*/i)) {
      const p = piece.trim();
      if (!p) continue;
      const n = findNode(roots, p);
      if (n) into(leavesOf(n));
      else unknown.push(p);
    }
  };
  read(plus ?? '', (ls) => ls.forEach((l) => selected.add(l)));
  for (const m of minus) read(m, (ls) => ls.forEach((l) => selected.delete(l)));
  return { selected, unknown };
}

export function asRoots(tree: MediaNode | MediaNode[] | undefined): MediaNode[] {
  if (!tree) return [];
  return Array.isArray(tree) ? tree : [tree];
}

/** Leaf id → its name, for labels. */
export function leafNames(roots: MediaNode[]): Map<string, string> {
  return new Map(allNodes(roots).map((n) => [n.id, n.name]));
}
