import { type Bitset, setKey, union } from './bitset.js';
import type { Day } from './dates.js';
import type { AvailCell, Outcome } from './avails.js';
import { OTHER_LANGUAGES } from './rights.js';

/**
 * Rolling up: the fewest rows of (territories, media, languages, period) that
 * say the same thing. Rows are products, so two rows merge when they share an
 * outcome and all dimensions but one (and, for periods, touch end to start).
 * The merge is greedy, repeated until no two rows can be merged.
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
  territories: Bitset;
  media: Bitset;
  languages: string[];
  start: Day;
  end: Day;
  outcome: Outcome;
  tKey: string;
  mKey: string;
  lKey: string;
}

function row(territories: Bitset, media: Bitset, languages: string[], start: Day, end: Day, outcome: Outcome): Row {
  const langs = [...new Set(languages)].sort();
  return { territories, media, languages: langs, start, end, outcome, tKey: setKey(territories), mKey: setKey(media), lKey: langs.join(',') };
}

/** First pass: within each (outcome, period, languages), factor the territory x media pairs. */
function factor(cells: readonly AvailCell[]): Row[] {
  const groups = new Map<string, AvailCell[]>();
  for (const c of cells) {
    const k = `${c.outcome.key}#${c.start}#${c.end}#${[...c.languages].sort().join(',')}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(c);
  }
  const rows: Row[] = [];
  for (const g of groups.values()) {
    const byT = factorBy(g, (c) => c.territories, (c) => c.media);
    const byM = factorBy(g, (c) => c.media, (c) => c.territories);
    const first = g[0];
    if (byT.length <= byM.length) {
      for (const [t, m] of byT) rows.push(row(t, m, first.languages, first.start, first.end, first.outcome));
    } else {
      for (const [m, t] of byM) rows.push(row(t, m, first.languages, first.start, first.end, first.outcome));
    }
  }
  return rows;
}

/** Union `other` per distinct `key` set, then union the keys that ended with the same `other`. */
function factorBy(cells: readonly AvailCell[], key: (c: AvailCell) => Bitset, other: (c: AvailCell) => Bitset): Array<[Bitset, Bitset]> {
  const perKey = new Map<string, [Bitset, Bitset]>();
  for (const c of cells) {
    const k = setKey(key(c));
    const e = perKey.get(k);
    if (e) e[1] = union(e[1], other(c));
    else perKey.set(k, [key(c), other(c)]);
  }
  const perOther = new Map<string, [Bitset, Bitset]>();
  for (const [k, o] of perKey.values()) {
    const ok = setKey(o);
    const e = perOther.get(ok);
    if (e) e[0] = union(e[0], k);
    else perOther.set(ok, [k, o]);
  }
  return [...perOther.values()];
}

type Dim = 'territories' | 'media' | 'languages' | 'period';

function mergeKey(r: Row, free: Dim): string {
  return [
    r.outcome.key,
    free === 'territories' ? '' : r.tKey,
    free === 'media' ? '' : r.mKey,
    free === 'languages' ? '' : r.lKey,
    free === 'period' ? '' : `${r.start}-${r.end}`,
  ].join('#');
}

function mergePass(rows: Row[], free: Dim): { rows: Row[]; merged: boolean } {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = mergeKey(r, free);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
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
          cur = row(cur.territories, cur.media, cur.languages, cur.start, n.end, cur.outcome);
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
    let acc = g[0];
    for (let i = 1; i < g.length; i++) {
      const n = g[i];
      acc = row(
        free === 'territories' ? union(acc.territories, n.territories) : acc.territories,
        free === 'media' ? union(acc.media, n.media) : acc.media,
        free === 'languages' ? [...acc.languages, ...n.languages] : acc.languages,
        acc.start,
        acc.end,
        acc.outcome,
      );
    }
    out.push(acc);
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

/** Rolls up the cells of one title. */
export function rollUpTitle(title: string, cells: readonly AvailCell[]): RolledRow[] {
  const universe = new Set<string>();
  for (const c of cells) for (const l of c.languages) universe.add(l);
  return mergeRows(factor(cells)).map((r) => ({
    titles: [title],
    territories: r.territories,
    media: r.media,
    languages: r.languages.includes(OTHER_LANGUAGES) ? null : r.languages,
    languagesExcept: r.languages.includes(OTHER_LANGUAGES) ? [...universe].filter((l) => !r.languages.includes(l)).sort() : [],
    start: r.start,
    end: r.end,
    outcome: r.outcome,
  }));
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
