import { type Bitset, compareSetKeys, setKey, unionInto } from './bitset.js';
import type { Day } from './dates.js';
import type { Outcome, TitleCells } from './avails.js';
import { OTHER_LANGUAGES } from './rights.js';

/**
 * Rolling up: the fewest rows of (territories, media, languages, period) that
 * say the same thing. Rows are products, so two rows merge when they share an
 * outcome and all dimensions but one (and, for periods, touch end to start).
 * The merge is greedy, repeated until no two rows can be merged.
 *
 * Within one title the cells come in classes that partition the question
 * (territory, media and language classes), so a row's dimensions are sets of
 * class numbers: merging and comparing them is cheap, and the bitsets are
 * built once per final row.
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

interface Row {
  t: number[];
  m: number[];
  l: number[];
  start: Day;
  end: Day;
  outcome: Outcome;
  tKey: string;
  mKey: string;
  lKey: string;
}

/** A short key for a sorted list of class numbers: a bitmask while they are small, else the list. */
function idsKey(ids: readonly number[]): string {
  let mask = 0;
  for (const i of ids) {
    if (i > 29) return '#' + ids.join(',');
    mask |= 1 << i;
  }
  return mask.toString(36);
}

function row(t: number[], m: number[], l: number[], start: Day, end: Day, outcome: Outcome): Row {
  return { t, m, l, start, end, outcome, tKey: idsKey(t), mKey: idsKey(m), lKey: idsKey(l) };
}

/**
 * First pass: the triples of one timeline are factored once into products of
 * territory x media classes (per language class), and each product is a row
 * for every segment of the timeline.
 */
function factor(tc: TitleCells): Row[] {
  const rows: Row[] = [];
  for (const g of tc.groups) {
    const byLanguage = new Map<number, Array<[number, number]>>();
    for (const [t, m, l] of g.triples) {
      const list = byLanguage.get(l);
      if (list) list.push([t, m]);
      else byLanguage.set(l, [[t, m]]);
    }
    for (const [l, pairs] of byLanguage) {
      const byT = factorBy(pairs, 0);
      const byM = factorBy(pairs, 1);
      const products = byT.length <= byM.length ? byT : byM.map(([m, t]) => [t, m] as [number[], number[]]);
      for (const seg of g.segments) for (const [t, m] of products) rows.push(row(t, m, [l], seg.start, seg.end, seg.outcome));
    }
  }
  return refactorAcrossTimelines(rows);
}

/**
 * Rows of different timelines that say the same thing over the same period
 * are factored together once more (their territory x media pairs), which
 * leaves fewer rows for the pairwise merging.
 */
function refactorAcrossTimelines(rows: Row[]): Row[] {
  const byKey = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${r.outcome.id}|${r.start}|${r.end}|${r.lKey}`;
    const g = byKey.get(k);
    if (g) g.push(r);
    else byKey.set(k, [r]);
  }
  if (byKey.size === rows.length) return rows;
  const out: Row[] = [];
  for (const g of byKey.values()) {
    if (g.length === 1) {
      out.push(g[0]);
      continue;
    }
    const pairs: Array<[number, number]> = [];
    for (const r of g) for (const t of r.t) for (const m of r.m) pairs.push([t, m]);
    const byT = factorBy(pairs, 0);
    const byM = factorBy(pairs, 1);
    const products = byT.length <= byM.length ? byT : byM.map(([m, t]) => [t, m] as [number[], number[]]);
    const { l, start, end, outcome } = g[0];
    for (const [t, m] of products) out.push(row(t, m, l, start, end, outcome));
  }
  return out;
}

/** Pairs grouped by their `key` side, then the keys grouped by equal sets on the other side: [keys, others]. */
function factorBy(pairs: ReadonlyArray<[number, number]>, key: 0 | 1): Array<[number[], number[]]> {
  const other = key === 0 ? 1 : 0;
  const perKey = new Map<number, number[]>();
  for (const p of pairs) {
    const list = perKey.get(p[key]);
    if (list) list.push(p[other]);
    else perKey.set(p[key], [p[other]]);
  }
  const perOther = new Map<string, [number[], number[]]>();
  for (const [k, others] of perKey) {
    others.sort((a, b) => a - b);
    const ok = idsKey(others);
    const e = perOther.get(ok);
    if (e) e[0].push(k);
    else perOther.set(ok, [[k], others]);
  }
  return [...perOther.values()].map(([k, o]) => [k.sort((a, b) => a - b), o]);
}

type Dim = 'territories' | 'media' | 'languages' | 'period';

function mergeKey(r: Row, free: Dim): string {
  switch (free) {
    case 'territories':
      return `${r.outcome.id}|${r.mKey}|${r.lKey}|${r.start}|${r.end}`;
    case 'media':
      return `${r.outcome.id}|${r.tKey}|${r.lKey}|${r.start}|${r.end}`;
    case 'languages':
      return `${r.outcome.id}|${r.tKey}|${r.mKey}|${r.start}|${r.end}`;
    case 'period':
      return `${r.outcome.id}|${r.tKey}|${r.mKey}|${r.lKey}`;
  }
}

function mergePass(rows: Row[], free: Dim): { rows: Row[]; merged: boolean } {
  const groups = new Map<string, Row[]>();
  let shared = false;
  for (const r of rows) {
    const k = mergeKey(r, free);
    const g = groups.get(k);
    if (g) {
      g.push(r);
      shared = true;
    } else groups.set(k, [r]);
  }
  if (!shared) return { rows, merged: false };
  let merged = false;
  const out: Row[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push(g[0]);
      continue;
    }
    if (free === 'period') {
      g.sort((a, b) => a.start - b.start);
      let cur = g[0];
      for (let i = 1; i < g.length; i++) {
        const n = g[i];
        if (cur.end + 1 === n.start) {
          cur = { ...cur, end: n.end };
          merged = true;
        } else {
          out.push(cur);
          cur = n;
        }
      }
      out.push(cur);
      continue;
    }
    merged = true;
    let { t, m, l } = g[0];
    for (let i = 1; i < g.length; i++) {
      if (free === 'territories') t = t.concat(g[i].t);
      else if (free === 'media') m = m.concat(g[i].m);
      else l = l.concat(g[i].l);
    }
    const sort = (xs: number[]) => xs.sort((a, b) => a - b);
    out.push(row(free === 'territories' ? sort(t) : t, free === 'media' ? sort(m) : m, free === 'languages' ? sort(l) : l, g[0].start, g[0].end, g[0].outcome));
  }
  return { rows: out, merged };
}

const DIMS: readonly Dim[] = ['period', 'territories', 'media', 'languages'];

/** Merges until no pass merges anything; a pass is run again only after another dimension merged. */
function mergeRows(rows: Row[]): Row[] {
  let current = rows;
  const clean = new Set<Dim>();
  for (let i = 0; clean.size < DIMS.length; i = (i + 1) % DIMS.length) {
    const dim = DIMS[i];
    if (clean.has(dim)) continue;
    const r = mergePass(current, dim);
    current = r.rows;
    if (r.merged) clean.clear();
    clean.add(dim);
  }
  return current;
}

/** Rolls up the cells of one title (as titleCells gives them). */
export function rollUpTitle(title: string, tc: TitleCells): RolledRow[] {
  const universe = new Set(tc.languageClasses.flat());
  const unionOf = (sets: Bitset[], ids: number[]) => {
    const out = new Uint32Array(sets[ids[0]].length);
    for (const i of ids) unionInto(out, sets[i]);
    return out;
  };
  return mergeRows(factor(tc)).map((r) => {
    const langs = r.l.flatMap((i) => tc.languageClasses[i]).sort();
    const all = langs.includes(OTHER_LANGUAGES);
    return {
      titles: [title],
      territories: unionOf(tc.territoryClasses, r.t),
      media: unionOf(tc.mediaClasses, r.m),
      languages: all ? null : langs,
      languagesExcept: all ? [...universe].filter((l) => !langs.includes(l)).sort() : [],
      start: r.start,
      end: r.end,
      outcome: r.outcome,
    };
  });
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
    const k = `${r.outcome.id}#${keyOf(r.territories)}#${keyOf(r.media)}#${r.languages?.join(',') ?? '*'}-${r.languagesExcept.join(',')}#${r.start}#${r.end}`;
    const e = byKey.get(k);
    if (e) e.titles.push(...r.titles);
    else byKey.set(k, { ...r, titles: [...r.titles] });
  }
  return sortRows([...byKey.values()]);
}

const STATUS_ORDER = { available: 0, 'on-hold': 1, unavailable: 2 } as const;

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
