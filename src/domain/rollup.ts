import { type Bitset, setKey, unionInto } from './bitset.js';
import type { Day } from './dates.js';
import type { AvailCell, Outcome } from './avails.js';
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

const sortedUnion = (a: number[], b: number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);

function row(t: number[], m: number[], l: number[], start: Day, end: Day, outcome: Outcome): Row {
  return { t, m, l, start, end, outcome, tKey: t.join(','), mKey: m.join(','), lKey: l.join(',') };
}

/** First pass: within each (outcome, period, language class), factor the territory x media class pairs. */
function factor(cells: readonly AvailCell[]): Row[] {
  const groups = new Map<string, AvailCell[]>();
  for (const c of cells) {
    const k = `${c.outcome.id}#${c.start}#${c.end}#${c.lClass}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(c);
  }
  const rows: Row[] = [];
  for (const g of groups.values()) {
    const byT = factorBy(g, (c) => c.tClass, (c) => c.mClass);
    const byM = factorBy(g, (c) => c.mClass, (c) => c.tClass);
    const { start, end, outcome, lClass } = g[0];
    if (byT.length <= byM.length) for (const [t, m] of byT) rows.push(row(t, m, [lClass], start, end, outcome));
    else for (const [m, t] of byM) rows.push(row(t, m, [lClass], start, end, outcome));
  }
  return rows;
}

/** The `other` classes of each `key` class, then the key classes grouped by equal `other` sets. */
function factorBy(cells: readonly AvailCell[], key: (c: AvailCell) => number, other: (c: AvailCell) => number): Array<[number[], number[]]> {
  const perKey = new Map<number, number[]>();
  for (const c of cells) {
    const k = key(c);
    const list = perKey.get(k);
    if (list) list.push(other(c));
    else perKey.set(k, [other(c)]);
  }
  const perOther = new Map<string, [number[], number[]]>();
  for (const [k, others] of perKey) {
    const o = [...new Set(others)].sort((a, b) => a - b);
    const ok = o.join(',');
    const e = perOther.get(ok);
    if (e) e[0].push(k);
    else perOther.set(ok, [[k], o]);
  }
  return [...perOther.values()].map(([k, o]) => [k.sort((a, b) => a - b), o]);
}

type Dim = 'territories' | 'media' | 'languages' | 'period';

function mergeKey(r: Row, free: Dim): string {
  return `${r.outcome.id}#${free === 'territories' ? '' : r.tKey}#${free === 'media' ? '' : r.mKey}#${free === 'languages' ? '' : r.lKey}#${free === 'period' ? '' : `${r.start}-${r.end}`}`;
}

function mergePass(rows: Row[], free: Dim): { rows: Row[]; merged: boolean } {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = mergeKey(r, free);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  if (groups.size === rows.length && free !== 'period') return { rows, merged: false };
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
      if (free === 'territories') t = sortedUnion(t, g[i].t);
      else if (free === 'media') m = sortedUnion(m, g[i].m);
      else l = sortedUnion(l, g[i].l);
    }
    out.push(row(t, m, l, g[0].start, g[0].end, g[0].outcome));
  }
  return { rows: out, merged };
}

function mergeRows(rows: Row[]): Row[] {
  let current = rows;
  for (;;) {
    let any = false;
    for (const dim of ['period', 'territories', 'media', 'languages'] as const) {
      const r = mergePass(current, dim);
      current = r.rows;
      any ||= r.merged;
    }
    if (!any) return current;
  }
}

/** Rolls up the cells of one title (as titleCells gives them). */
export function rollUpTitle(title: string, cells: readonly AvailCell[]): RolledRow[] {
  const tSets: Bitset[] = [];
  const mSets: Bitset[] = [];
  const lAtoms: string[][] = [];
  const universe = new Set<string>();
  for (const c of cells) {
    tSets[c.tClass] = c.territories;
    mSets[c.mClass] = c.media;
    lAtoms[c.lClass] = c.languages;
    for (const l of c.languages) universe.add(l);
  }
  const unionOf = (sets: Bitset[], ids: number[]) => {
    const out = new Uint32Array(sets[ids[0]].length);
    for (const i of ids) unionInto(out, sets[i]);
    return out;
  };
  return mergeRows(factor(cells)).map((r) => {
    const langs = r.l.flatMap((i) => lAtoms[i]).sort();
    const all = langs.includes(OTHER_LANGUAGES);
    return {
      titles: [title],
      territories: unionOf(tSets, r.t),
      media: unionOf(mSets, r.m),
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
  const byKey = new Map<string, RolledRow>();
  for (const r of rows) {
    const k = `${r.outcome.key}#${setKey(r.territories)}#${setKey(r.media)}#${r.languages?.join(',') ?? '*'}-${r.languagesExcept.join(',')}#${r.start}#${r.end}`;
    const e = byKey.get(k);
    if (e) e.titles.push(...r.titles);
    else byKey.set(k, { ...r, titles: [...r.titles] });
  }
  return sortRows([...byKey.values()]);
}

const STATUS_ORDER = { available: 0, 'on-hold': 1, unavailable: 2 } as const;

export function sortRows(rows: RolledRow[]): RolledRow[] {
  return rows.sort(
    (a, b) =>
      a.start - b.start ||
      STATUS_ORDER[a.outcome.status] - STATUS_ORDER[b.outcome.status] ||
      a.outcome.key.localeCompare(b.outcome.key) ||
      setKey(a.territories).localeCompare(setKey(b.territories)) ||
      setKey(a.media).localeCompare(setKey(b.media)),
  );
}
