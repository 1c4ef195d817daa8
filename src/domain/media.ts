import { type Bitset, addInto, emptySet, equals, fullSet, toIndices, unionInto } from './bitset.js';
import { CodeTable } from './codeTable.js';
import { dataError, isRecord, optStr, str, strList } from './dataFile.js';
import { unknownName } from './errors.js';
import { closest, normalizeName } from './fuzzy.js';
import { parseSetExpr } from './setExpr.js';
import { type LabelPart, SetLabeler } from './setLabel.js';
import mediaTreeData from '../../data/media-tree.json' with { type: 'json' };

/**
 * Media: a tree (All Media → Cinematic → Theatrical...) from
 * data/media-tree.json. Sets of media are bitsets over the leaves; deals name
 * nodes at any level ("all rights", "TV rights", "SVOD"). See docs/media.md.
 */
export type MediaSet = Bitset;

/** A node as data/media-tree.json writes it. */
interface RawNode {
  id: string;
  name: string;
  aliases: string[];
  definition: string | null;
  /** "filmrights" for our additions, else IFTA's source. */
  source: string;
  /** IFTA's reading status for IFTA nodes ("read", "read-partial", "name-only", "not-read"). */
  status?: string;
  verified?: boolean;
  note?: string;
  /** For our completions of IFTA placeholders: the IFTA source the node stands in for. */
  iftaSource?: string;
  children: RawNode[];
}

export interface MediaNode extends Omit<RawNode, 'children'> {
  children: MediaNode[];
  /** The leaves under this node (itself, for a leaf). */
  leaves: MediaSet;
}

/** A name for a set of nodes that is not one branch ("Streaming" = SVOD + AVOD + FAST). */
export interface MediaAliasSet {
  id: string;
  name: string;
  aliases: string[];
  nodes: string[];
  source: string;
  note?: string;
  leaves: MediaSet;
}

const FILE = 'data/media-tree.json';

function checkNode(n: unknown, path: string, file: string, ids: Set<string>): RawNode {
  if (!isRecord(n)) throw dataError(file, path, '', 'expected an object');
  const id = str(n, 'id', file, path);
  const entry = `node "${id}"`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw dataError(file, entry, 'id', `"${id}" is not a lower-case, hyphenated id`);
  if (ids.has(id)) throw dataError(file, entry, 'id', `duplicate id "${id}"`);
  ids.add(id);
  const def = n.definition;
  if (def !== null && def !== undefined && typeof def !== 'string') throw dataError(file, entry, 'definition', 'expected a string or null');
  const children = n.children ?? [];
  if (!Array.isArray(children)) throw dataError(file, entry, 'children', 'expected an array');
  const verified = n.verified;
  if (verified !== undefined && typeof verified !== 'boolean') throw dataError(file, entry, 'verified', 'expected true or false');
  const status = optStr(n, 'status', file, entry);
  if (status !== undefined && !['read', 'read-partial', 'name-only', 'not-read'].includes(status)) {
    throw dataError(file, entry, 'status', `unknown status "${status}"`);
  }
  return {
    id,
    name: str(n, 'name', file, entry),
    aliases: strList(n, 'aliases', file, entry),
    definition: (def as string | null | undefined) ?? null,
    source: str(n, 'source', file, entry),
    status,
    verified: verified as boolean | undefined,
    note: optStr(n, 'note', file, entry),
    iftaSource: optStr(n, 'iftaSource', file, entry),
    children: children.map((c, i) => checkNode(c, `${entry}.children[${i}]`, file, ids)),
  };
}

export interface MediaData {
  table: CodeTable;
  tree: MediaNode;
  nodes: Map<string, MediaNode>;
  aliasSets: MediaAliasSet[];
}

/** Checks the parsed content of data/media-tree.json and builds the tree; throws naming the node and field. */
export function validateMediaTree(raw: unknown, file = FILE): MediaData {
  if (!isRecord(raw) || !isRecord(raw.tree)) throw dataError(file, 'root', 'tree', 'expected an object with a "tree" object');
  const ids = new Set<string>();
  const root = checkNode(raw.tree, 'tree', file, ids);
  const leafIds: string[] = [];
  const collect = (n: RawNode) => (n.children.length ? n.children.forEach(collect) : leafIds.push(n.id));
  collect(root);
  if (leafIds.length > 64) throw dataError(file, 'tree', 'children', `${leafIds.length} leaves: keep media sets small`);
  const table = new CodeTable('media', leafIds);
  const nodes = new Map<string, MediaNode>();
  const build = (n: RawNode): MediaNode => {
    const children = n.children.map(build);
    const leaves = emptySet(table.size);
    if (!children.length) addInto(leaves, table.indexOf(n.id));
    for (const c of children) unionInto(leaves, c.leaves);
    const node: MediaNode = { ...n, children, leaves };
    for (const k of ['status', 'verified', 'note', 'iftaSource'] as const) if (node[k] === undefined) delete node[k];
    nodes.set(n.id, node);
    return node;
  };
  const tree = build(root);
  const aliasSets: MediaAliasSet[] = [];
  const rawSets = raw.aliasSets ?? [];
  if (!Array.isArray(rawSets)) throw dataError(file, 'root', 'aliasSets', 'expected an array');
  rawSets.forEach((a, i) => {
    let entry = `aliasSets[${i}]`;
    if (!isRecord(a)) throw dataError(file, entry, '', 'expected an object');
    const id = str(a, 'id', file, entry);
    entry = `alias set "${id}"`;
    if (ids.has(id)) throw dataError(file, entry, 'id', `duplicate id "${id}"`);
    ids.add(id);
    const list = strList(a, 'nodes', file, entry);
    if (!list.length) throw dataError(file, entry, 'nodes', 'an alias set needs nodes');
    const leaves = emptySet(table.size);
    list.forEach((nid, k) => {
      const n = nodes.get(nid);
      if (!n) throw dataError(file, entry, `nodes[${k}]`, `unknown media node "${nid}"`);
      unionInto(leaves, n.leaves);
    });
    const set: MediaAliasSet = {
      id,
      name: str(a, 'name', file, entry),
      aliases: strList(a, 'aliases', file, entry),
      nodes: list,
      source: str(a, 'source', file, entry),
      leaves,
    };
    const note = optStr(a, 'note', file, entry);
    if (note) set.note = note;
    aliasSets.push(set);
  });
  // Every name names one thing.
  const owner = new Map<string, string>();
  const claim = (who: string, field: string, n: string) => {
    const k = normalizeName(n);
    if (!k) throw dataError(file, who, field, `"${n}" has no letters`);
    const prev = owner.get(k);
    if (prev !== undefined && prev !== who) throw dataError(file, who, field, `"${n}" already names ${prev}`);
    owner.set(k, who);
  };
  for (const n of nodes.values()) {
    claim(`node "${n.id}"`, 'id', n.id);
    claim(`node "${n.id}"`, 'name', n.name);
    n.aliases.forEach((a, k) => claim(`node "${n.id}"`, `aliases[${k}]`, a));
  }
  for (const a of aliasSets) {
    claim(`alias set "${a.id}"`, 'name', a.name);
    a.aliases.forEach((x, k) => claim(`alias set "${a.id}"`, `aliases[${k}]`, x));
  }
  return { table, tree, nodes, aliasSets };
}

const DATA = validateMediaTree(mediaTreeData);

export const MEDIA: CodeTable = DATA.table;
export const MEDIA_TREE: MediaNode = DATA.tree;
export const MEDIA_ALIAS_SETS: readonly MediaAliasSet[] = DATA.aliasSets;
export const ALL_MEDIA: MediaSet = fullSet(MEDIA.size);

const INDEX = new Map<string, MediaSet>();
for (const n of DATA.nodes.values()) for (const name of [n.name, n.id, ...n.aliases]) INDEX.set(normalizeName(name), n.leaves);
for (const a of DATA.aliasSets) for (const name of [a.name, a.id, ...a.aliases]) INDEX.set(normalizeName(name), a.leaves);
const NOISE = new Set([
  'rights',
  'right',
  'media',
  'only',
  'exploitation',
  'window',
  'windows',
  'platforms',
  'platform',
  'exclusive',
  'nonexclusive',
  'non',
]);
const SUGGESTABLE = [
  ...[...DATA.nodes.values()].flatMap((n) => [n.name, ...n.aliases]),
  ...DATA.aliasSets.flatMap((a) => [a.name, ...a.aliases]),
];

function lookup(text: string, joined = false): MediaSet | null | undefined {
  const k = normalizeName(text);
  if (!k) return null;
  if (joined) return INDEX.get(k);
  const hit = INDEX.get(k);
  if (hit) return hit;
  const stripped = k
    .split(' ')
    .filter((w) => !NOISE.has(w))
    .join(' ');
  if (!stripped) return null;
  return INDEX.get(stripped) ?? INDEX.get(stripped.replace(/s$/, ''));
}

/**
 * Parses a media expression as deals write it: "All Media", "all rights",
 * "TV rights", "SVOD and AVOD", "Theatrical, DVD", "all media excl.
 * theatrical", "all rights except SVOD", "streaming", "digital", "EST/TVOD".
 * Throws DomainError: unknown-name with close suggestions, or invalid when
 * nothing is left.
 */
export function parseMedia(expr: string, field = 'media'): MediaSet {
  return parseSetExpr(expr, {
    field,
    kind: 'media',
    size: MEDIA.size,
    resolve: lookup,
    suggest: (text) => closest(text, SUGGESTABLE),
  });
}

/** The set of the given node ids (a branch id stands for its leaves); unknown ids throw unknown-name with suggestions. */
export function mediaSetFromIds(ids: readonly string[], field = 'media'): MediaSet {
  const s = emptySet(MEDIA.size);
  for (const id of ids) {
    const n = DATA.nodes.get(id);
    if (!n) throw unknownName(field, String(id), 'media id', closest(String(id), [...DATA.nodes.keys()]));
    unionInto(s, n.leaves);
  }
  return s;
}

/** The leaf ids of a set, in tree order. */
export function mediaLeafIds(set: MediaSet): string[] {
  return toIndices(set).map((i) => MEDIA.codeAt(i));
}

export function mediaNode(id: string): MediaNode | undefined {
  return DATA.nodes.get(id);
}

let labeler: SetLabeler | undefined;

/** The shortest faithful name of a media set: "All Media", "Television", "SVOD and AVOD", "All Media excl. Theatrical". */
export function mediaLabel(set: MediaSet): string {
  if (!labeler) {
    const parts: LabelPart[] = [];
    // Tree nodes first (a branch with a single child would name the same set as the child).
    const order: MediaNode[] = [];
    const walk = (n: MediaNode) => {
      order.push(n);
      n.children.forEach(walk);
    };
    walk(DATA.tree);
    order.forEach((n, rank) => parts.push({ name: n.name, set: n.leaves, rank }));
    DATA.aliasSets.forEach((a, k) => {
      if (equals(parseMedia(a.name), a.leaves)) parts.push({ name: a.name, set: a.leaves, rank: order.length + k });
    });
    labeler = new SetLabeler(MEDIA.size, parts, 'no media');
  }
  return labeler.label(set);
}
