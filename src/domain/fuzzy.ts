/**
 * Forgiving name matching: normalization of names as people type them,
 * an edit distance, suggestions for error messages and a fuzzy score for
 * search. Pure and allocation-light; nothing here knows about the domain.
 */

/** Letters that Unicode decomposition does not split into base + mark. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
};
const FOLD_RE = /[ßæœøđðþłıħŧŋ]/g;

/**
 * A comparable form of a name: lower case, accents and diacritics stripped,
 * "&" read as "and", the word "the" dropped, dots and apostrophes removed
 * ("U.S." → "us", "d'Ivoire" → "divoire"), other punctuation read as a space,
 * whitespace collapsed.
 */
export function normalizeName(s: string): string {
  let t = s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
  t = t.replace(FOLD_RE, (c) => FOLD[c] ?? c);
  t = t.replace(/&/g, ' and ');
  t = t.replace(/[.'’‘`´]/g, '');
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ');
  const words = t.split(' ').filter((w) => w !== '' && w !== 'the');
  return words.join(' ');
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau-Levenshtein distance, optimal string alignment variant (an adjacent
 * transposition counts 1; no substring is edited twice). With `max`, returns
 * max + 1 as soon as the distance is known to exceed it.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > rowA.length) {
    const size = Math.max(m + 1, rowA.length * 2);
    rowA = new Int32Array(size);
    rowB = new Int32Array(size);
    rowC = new Int32Array(size);
  }
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j - 1] + cost;
      const del = prev[j] + 1;
      if (del < v) v = del;
      const ins = cur[j - 1] + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2] + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  // a bounded call answers at most max + 1 ("more than max"), whichever row the distance grew in
  return Math.min(prev[m], max + 1);
}

/** How many edits a word of this length may carry and still match. */
function allowedEdits(len: number): number {
  if (len <= 3) return 0;
  if (len <= 5) return 1;
  if (len <= 10) return 2;
  return 3;
}

/**
 * The candidates closest to `query`, best first, for "did you mean" lists.
 * A candidate qualifies when its normalized form is within a few edits of the
 * query's (more for longer names), or starts with the query (3+ letters).
 * Duplicates (same normalized form) are listed once.
 */
export function closest(query: string, candidates: readonly string[], limit = 5): string[] {
  const q = normalizeName(query);
  if (q === '' || limit <= 0) return [];
  const maxD = Math.max(1, allowedEdits(q.length));
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  const qCompact = q.replace(/ /g, '');
  for (const c of candidates) {
    const n = normalizeName(c);
    if (n === '' || seen.has(n)) continue;
    let d = editDistance(q, n, maxD);
    if (d > maxD) {
      const nCompact = n.replace(/ /g, '');
      if (q.length >= 3 && (n.startsWith(q) || nCompact.startsWith(qCompact))) d = maxD - 0.5;
      else if (q.length >= 4 && n.split(' ').some((w) => w.length >= q.length && editDistance(q, w, 1) <= 1)) d = maxD;
      else continue;
    }
    seen.add(n);
    scored.push({ c, d: d + Math.abs(n.length - q.length) / 1000 });
  }
  scored.sort((x, y) => x.d - y.d || x.c.length - y.c.length || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.c);
}

/** The best score of one query word against the words of a text (0..1). */
function wordScore(qw: string, textWords: readonly string[], isLast: boolean): number {
  let best = 0;
  const allowed = allowedEdits(qw.length);
  for (const tw of textWords) {
    if (tw === qw) return 1;
    // Typing in progress: the last query word may be a prefix of a text word.
    if (isLast && qw.length >= 2 && tw.startsWith(qw)) {
      best = Math.max(best, 0.95);
      continue;
    }
    const d = editDistance(qw, tw, allowed);
    if (d <= allowed) best = Math.max(best, 1 - d / Math.max(qw.length, tw.length));
    if (isLast && allowed > 0 && tw.length > qw.length) {
      const dp = editDistance(qw, tw.slice(0, qw.length), allowed);
      if (dp <= allowed) best = Math.max(best, 0.9 * (1 - dp / qw.length));
    }
  }
  return best;
}

/**
 * How well `query` matches `text`, from 0 (not at all) to 1 (contains it
 * exactly once normalized). Every query word must match some word of the
 * text, exactly, with a few typos ("Titanne" ~ "Titane"), or as a prefix for
 * the last word; accents and case never matter ("Celine" = "Céline").
 */
export function fuzzyScore(query: string, text: string): number {
  return fuzzyScorer(query)(text);
}

/**
 * fuzzyScore for one query against many texts: the query is normalized once
 * (a search scores every title and every credited person's name).
 */
export function fuzzyScorer(query: string): (text: string) => number {
  const q = normalizeName(query);
  const qWords = q.split(' ');
  // Words typed together or apart ("petitemaman", "wild bunch" vs "wildbunch").
  const qc = q.replace(/ /g, '');
  return (text: string): number => {
    const t = normalizeName(text);
    if (q === '') return 0;
    if (t === q) return 1;
    if (t.includes(q)) return t.startsWith(q) ? 0.99 : 0.97;
    const tWords = t.split(' ');
    const tc = t.replace(/ /g, '');
    if (qc.length >= 4 && tc.includes(qc)) return 0.9;
    let sum = 0;
    for (let i = 0; i < qWords.length; i++) {
      const s = wordScore(qWords[i], tWords, i === qWords.length - 1);
      if (s === 0) return 0;
      sum += s;
    }
    return (0.85 * sum) / qWords.length;
  };
}

/** True when `fuzzyScore(query, text)` reaches `threshold` (default 0.6). */
export function fuzzyMatch(query: string, text: string, threshold = 0.6): boolean {
  return fuzzyScore(query, text) >= threshold;
}
