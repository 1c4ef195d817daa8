import { type Bitset, emptySet, isEmpty, minus, union } from './bitset.js';
import { invalid, unknownName } from './errors.js';

/**
 * The small language in which deals name sets of territories or media:
 *
 *   "Worldwide excl. North America and China"      → W − (NA ∪ CN)
 *   "Latin America (excl. Brazil), Spain"          → (LatAm − BR) ∪ ES
 *   "France; Benelux", "DE, AT, CH", "EST/TVOD"    → unions
 *   "Europe excl. EU except France"                → Europe − (EU − FR)
 *   "North America incl. Bermuda"                  → NA ∪ BM
 *
 * Grammar (case-insensitive keywords):
 *   expr   := clause (";" clause)*                      union
 *   clause := list [EXCL clause]                        list − clause
 *   list   := item ((","|"/"|"&"|"+"|"and"|INCL) item)*  union
 *   item   := words ["(" (EXCL|INCL) clause ")"]*
 * EXCL: excl., excluding, except (for), ex, ex-, exc., less, minus, without, w/o,
 * but not, other than, not including, apart from. INCL: incl., including,
 * plus. Parentheses that do not start with a keyword are part of a name
 * ("Cocos (Keeling) Islands"). Consecutive items are joined back when the
 * joined text is itself a name ("Bosnia and Herzegovina", "Korea, Republic
 * of", "U.S. and Canada"), longest first.
 */
export interface SetExprOptions {
  /** The field named in errors. */
  field: string;
  /** What the names are ("territory", "media"), for errors. */
  kind: string;
  /** Bits in the universe. */
  size: number;
  /**
   * The set a name stands for, or undefined when unknown; null for a word
   * that names nothing (noise such as "rights"). `joined` is true when the
   * text is several list items joined back ("Bosnia and Herzegovina"): then
   * only an exact name may match, never a looser reading.
   */
  resolve(text: string, joined: boolean): Bitset | null | undefined;
  /** Close known names, for the unknown-name error. */
  suggest(text: string): string[];
}

type Tok =
  | { t: 'word'; v: string }
  | { t: 'sep'; v: string }
  | { t: 'semi' }
  | { t: 'excl' }
  | { t: 'incl' }
  | { t: 'lp'; k: 'excl' | 'incl' }
  | { t: 'rp' };

const EXCL_WORDS = new Set([
  'excl',
  'excluding',
  'except',
  'ex',
  'exc',
  'less',
  'minus',
  'without',
  'excepting',
  'exclusive of',
  'but not',
  'other than',
  'not including',
  'apart from',
  'except for',
  'with exception of',
]);
const INCL_WORDS = new Set(['incl', 'including', 'plus', 'inclusive of', 'together with', 'as well as']);
const MULTI = [
  'with the exception of',
  'exclusive of',
  'but not',
  'other than',
  'not including',
  'apart from',
  'except for',
  'inclusive of',
  'together with',
  'as well as',
];

/**
 * Every keyword of the language as people type it, for editors that help with an expression (the
 * web app's territory input finds the part the caret is in with these): the phrases, and the
 * abbreviations also written with a full stop ("excl.").
 */
export const SET_EXPR_KEYWORDS: readonly string[] = [
  ...new Set([...MULTI, ...EXCL_WORDS, ...INCL_WORDS].filter((w) => w !== 'with exception of')),
  ...['excl', 'incl', 'exc'].map((w) => `${w}.`),
  'w/o',
];

function bare(w: string): string {
  return w.toLowerCase().replace(/[.:]+$/, '');
}

function keyword(words: string[], i: number): { kind: 'excl' | 'incl'; len: number } | undefined {
  for (const phrase of MULTI) {
    const parts = phrase.split(' ');
    if (parts.every((p, k) => i + k < words.length && bare(words[i + k]) === p)) {
      const key = phrase === 'with the exception of' ? 'with exception of' : phrase;
      return { kind: EXCL_WORDS.has(key) ? 'excl' : 'incl', len: parts.length };
    }
  }
  const w = bare(words[i]);
  if (EXCL_WORDS.has(w)) return { kind: 'excl', len: 1 };
  if (INCL_WORDS.has(w)) return { kind: 'incl', len: 1 };
  return undefined;
}

function lex(expr: string, o: SetExprOptions): Tok[] {
  const raw = expr.replace(/\bw\/o\b/gi, ' without ').match(/[,;/&+()]|[^\s,;/&+()]+/g) ?? [];
  const out: Tok[] = [];
  const stack: ('S' | 'L')[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    if (r === '(') {
      let j = i + 1;
      const ws: string[] = [];
      while (j < raw.length && ws.length < 4 && !/^[,;/&+()]$/.test(raw[j])) ws.push(raw[j++]);
      const kw = ws.length ? keyword(ws, 0) : undefined;
      if (kw) {
        stack.push('S');
        out.push({ t: 'lp', k: kw.kind });
        i += kw.len;
      } else {
        stack.push('L');
        out.push({ t: 'word', v: '(' });
      }
    } else if (r === ')') {
      const top = stack.pop();
      out.push(top === 'S' ? { t: 'rp' } : { t: 'word', v: ')' });
    } else if (r === ';') out.push({ t: 'semi' });
    else if (r === ',' || r === '/' || r === '&' || r === '+') out.push({ t: 'sep', v: r });
    else if (/^ex-./i.test(r) && out.length > 0 && out[out.length - 1].t === 'word' && o.resolve(r, true) === undefined) {
      // "WW ex-China": a hyphenated "ex" after a name, not itself a name ("Ex-Yugoslavia").
      out.push({ t: 'word', v: 'ex' }, { t: 'word', v: r.slice(3) });
    } else out.push({ t: 'word', v: r });
  }
  while (stack.length) if (stack.pop() === 'S') out.push({ t: 'rp' });
  // Word-level keywords (multi-word ones included) and "and".
  const res: Tok[] = [];
  for (let i = 0; i < out.length; i++) {
    const tok = out[i];
    if (tok.t !== 'word') {
      res.push(tok);
      continue;
    }
    const words: string[] = [];
    for (let j = i; j < out.length && out[j].t === 'word' && words.length < 4; j++) words.push((out[j] as { v: string }).v);
    const kw = keyword(words, 0);
    if (kw) {
      res.push({ t: kw.kind });
      i += kw.len - 1;
    } else if (bare(tok.v) === 'and') res.push({ t: 'sep', v: 'and' });
    else res.push(tok);
  }
  return res;
}

/** Splits at top-level tokens matching `pred` (outside structured parentheses). */
function splitTop(toks: Tok[], pred: (t: Tok) => boolean): { parts: Tok[][]; seps: Tok[] } {
  const parts: Tok[][] = [[]];
  const seps: Tok[] = [];
  let depth = 0;
  for (const t of toks) {
    if (t.t === 'lp') depth++;
    if (t.t === 'rp') depth--;
    if (depth === 0 && pred(t)) {
      parts.push([]);
      seps.push(t);
    } else parts[parts.length - 1].push(t);
  }
  return { parts, seps };
}

interface Segment {
  words: string[];
  sep: string; // separator before this segment, as written
  mods: { k: 'excl' | 'incl'; toks: Tok[] }[];
}

class Parser {
  constructor(
    private readonly o: SetExprOptions,
    private readonly expr: string,
  ) {}

  expr_(toks: Tok[]): Bitset {
    const { parts } = splitTop(toks, (t) => t.t === 'semi');
    let acc = emptySet(this.o.size);
    let any = false;
    for (const p of parts) {
      if (p.length === 0) continue;
      acc = union(acc, this.clause(p));
      any = true;
    }
    if (!any) throw invalid(this.o.field, this.expr, `${this.o.field}: "${this.expr}" names no ${this.o.kind}`);
    return acc;
  }

  clause(toks: Tok[]): Bitset {
    let depth = 0;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.t === 'lp') depth++;
      else if (t.t === 'rp') depth--;
      else if (depth === 0 && t.t === 'excl') {
        const left = toks.slice(0, i);
        const right = toks.slice(i + 1);
        if (!left.some((x) => x.t === 'word')) {
          throw invalid(
            this.o.field,
            this.expr,
            `${this.o.field}: "${this.expr}": nothing before the exclusion (say what it is excluded from, e.g. "Worldwide excl. ...")`,
          );
        }
        if (!right.some((x) => x.t === 'word')) {
          throw invalid(this.o.field, this.expr, `${this.o.field}: "${this.expr}": nothing after the exclusion`);
        }
        return minus(this.list(left), this.clause(right));
      }
    }
    return this.list(toks);
  }

  list(toks: Tok[]): Bitset {
    const { parts, seps } = splitTop(toks, (t) => t.t === 'sep' || t.t === 'incl');
    const segs: Segment[] = [];
    parts.forEach((p, k) => {
      const seg: Segment = { words: [], sep: k === 0 ? '' : sepText(seps[k - 1]), mods: [] };
      for (let i = 0; i < p.length; i++) {
        const t = p[i];
        if (t.t === 'word') seg.words.push(t.v);
        else if (t.t === 'lp') {
          let depth = 1;
          let j = i + 1;
          for (; j < p.length; j++) {
            if (p[j].t === 'lp') depth++;
            if (p[j].t === 'rp' && --depth === 0) break;
          }
          seg.mods.push({ k: t.k, toks: p.slice(i + 1, j) });
          i = j;
        } else if (t.t === 'excl' || t.t === 'incl') {
          // Only reachable inside a structured parenthesis; handled by clause().
        }
      }
      segs.push(seg);
    });
    let acc = emptySet(this.o.size);
    let i = 0;
    while (i < segs.length) {
      if (segs[i].words.length === 0) {
        if (segs[i].mods.length) {
          throw invalid(this.o.field, this.expr, `${this.o.field}: "${this.expr}": a parenthesis with nothing before it`);
        }
        i++;
        continue;
      }
      let matched = false;
      for (let j = Math.min(segs.length - 1, i + 4); j >= i; j--) {
        let text = segs[i].words.join(' ');
        let ok = true;
        for (let k = i + 1; k <= j; k++) {
          if (segs[k].words.length === 0 || segs[k - 1].mods.length) {
            ok = false;
            break;
          }
          text += joinSep(segs[k].sep) + segs[k].words.join(' ');
        }
        if (!ok) continue;
        const set = this.o.resolve(text, j > i);
        if (set === undefined) continue;
        matched = true;
        let s = set ?? emptySet(this.o.size);
        for (const m of segs[j].mods) {
          if (!m.toks.some((x) => x.t === 'word')) {
            throw invalid(this.o.field, this.expr, `${this.o.field}: "${this.expr}": empty "${m.k}." parenthesis`);
          }
          const inner = this.clause(m.toks);
          s = m.k === 'excl' ? minus(s, inner) : union(s, inner);
        }
        acc = union(acc, s);
        i = j + 1;
        break;
      }
      if (!matched) {
        const text = segs[i].words.join(' ');
        throw unknownName(this.o.field, text, this.o.kind, this.o.suggest(text));
      }
    }
    return acc;
  }
}

function sepText(t: Tok): string {
  if (t.t === 'sep') return t.v;
  return 'and';
}

function joinSep(sep: string): string {
  if (sep === 'and') return ' and ';
  if (sep === '&') return ' & ';
  if (sep === '/') return '/';
  if (sep === '+') return ' + ';
  return sep + ' ';
}

/** Parses a set expression; throws DomainError (invalid / unknown-name), never returns an empty set. */
export function parseSetExpr(expr: string, o: SetExprOptions): Bitset {
  if (typeof expr !== 'string' || expr.trim() === '') {
    throw invalid(o.field, expr, `${o.field}: no ${o.kind} given`);
  }
  const set = new Parser(o, expr).expr_(lex(expr, o));
  if (isEmpty(set)) throw invalid(o.field, expr, `${o.field}: "${expr}" leaves no ${o.kind}`);
  return set;
}
