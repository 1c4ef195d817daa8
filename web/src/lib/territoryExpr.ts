/**
 * Editing help for territory expressions ("Worldwide excl. North America and
 * China"): which part of the text the caret is in, so autocomplete can offer
 * names for that part and put the chosen one in its place. The server parses
 * the whole expression (docs/api.md); this only finds the fragment.
 */
import { SET_EXPR_KEYWORDS } from '../../../src/domain/setExpr.js';

/** Characters that separate items in the expression language (src/domain/setExpr.ts). */
const SEP_CHARS = new Set([',', ';', '/', '&', '+', '(', ')']);
/** Keywords that start a new item (the domain's own list), longest first. "and" is handled apart: it is also inside names. */
const KEYWORDS = [...SET_EXPR_KEYWORDS].sort((a, b) => b.length - a.length);

export interface Fragment {
  /** Offset of the fragment's first character. */
  start: number;
  /** Offset just past its last character (the end of the word at the caret). */
  end: number;
  text: string;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n';
}

/** Start of the item that `pos` is in, treating " and " as a separator only when `splitAnd`. */
function itemStart(text: string, pos: number, splitAnd: boolean): number {
  const lower = text.toLowerCase();
  for (let i = pos - 1; i >= 0; i--) {
    if (SEP_CHARS.has(text[i])) return i + 1;
    if (isSpace(text[i])) {
      // Does a keyword end here, preceded by the start of text or a space/separator?
      const words = splitAnd ? [...KEYWORDS, 'and'] : KEYWORDS;
      for (const k of words) {
        const from = i - k.length;
        if (from < 0) continue;
        if (lower.slice(from, i) !== k) continue;
        const before = text[from - 1];
        if (from === 0 || isSpace(before) || SEP_CHARS.has(before)) return i + 1;
      }
    }
  }
  return 0;
}

function trimRange(text: string, start: number, end: number): Fragment {
  while (start < end && isSpace(text[start])) start++;
  let e = end;
  while (e > start && isSpace(text[e - 1])) e--;
  return { start, end: e, text: text.slice(start, e) };
}

/** The end of the item the caret is in: up to the next separator character or keyword. */
function itemEnd(text: string, caret: number): number {
  let i = caret;
  while (i < text.length && !SEP_CHARS.has(text[i])) {
    if (isSpace(text[i])) {
      const rest = text.slice(i + 1).toLowerCase();
      if (KEYWORDS.some((k) => rest.startsWith(k + ' ') || rest === k) || rest.startsWith('and ')) return i;
    }
    i++;
  }
  return i;
}

/**
 * The fragments to complete at the caret, the most specific last: the text
 * since the last separator or keyword, and, when it contains " and ", also the
 * words after that "and" ("Bosnia and Her" may be one name; "China and Ja" two).
 */
export function fragmentsAt(text: string, caret: number = text.length): Fragment[] {
  const end = itemEnd(text, caret);
  const long = trimRange(text, itemStart(text, caret, false), end);
  const short = trimRange(text, itemStart(text, caret, true), end);
  const out: Fragment[] = [];
  if (long.text) out.push(long);
  if (short.text && short.start !== long.start) out.push(short);
  return out;
}

/** Replaces the fragment by the chosen name; returns the new text and where the caret goes. */
export function applySuggestion(text: string, fragment: Fragment, name: string): { text: string; caret: number } {
  let before = text.slice(0, fragment.start);
  const after = text.slice(fragment.end);
  if (before && !isSpace(before[before.length - 1]) && before[before.length - 1] !== '(') before += ' ';
  const next = before + name + after;
  return { text: next, caret: before.length + name.length };
}

/** Whether the expression ends in a place where a name is expected (after "excl. ", ", "...). */
export function expectsName(text: string): boolean {
  const t = text.replace(/\s+$/, '');
  if (!t) return true;
  if (SEP_CHARS.has(t[t.length - 1]) && t[t.length - 1] !== ')') return true;
  const lower = t.toLowerCase();
  return [...KEYWORDS, 'and'].some((k) => lower.endsWith(' ' + k) || lower === k);
}
