/**
 * A film and its distributor in parentheses, as roundups, festival guides and
 * box-office pieces write deals in passing: `“The Whale” (A24)`, `Ferrari
 * (Neon), Poor Things (Searchlight Pictures)`, `Sing Sing (to A24)`, `The
 * Beast (Sideshow/Janus)`, `We Grown Now and Daddio (both Sony)`. The name in
 * the parentheses must be a company the gazetteer or the article knows as a
 * distributor, streamer, studio or broadcaster (a sales company there is the
 * film's seller, not a buyer: `T (Films Boutique)` in a line-up gives
 * nothing), and the words before them a title (quoted, or a capitalized run
 * that is no person, company, territory or festival). A clause of talks gives
 * nothing. One pass over the sentence's words.
 */
import { lookupTerritoryName } from '../../domain/territories.js';
import { companyEntry } from '../companies.js';
import { type Ctx, dealsHere, nk } from './context.js';
import { addDeal } from './dealTerms.js';
import { type Word, isCompanyName, sentenceWords, titleAt } from './clauseWords.js';

const TALKS = /\b(?:talks|negotiat\w*|nearing|rumou?r\w*|in the hunt|circling|eyeing|seeking|looking for|without)\b/i;

/** The buyers inside parentheses `a` .. `b` (exclusive): `to X`, `both X`, `X/Y`, `X and Y`. */
function buyersIn(c: Ctx, ws: Word[], a: number, b: number, text: string): { names: string[]; both: boolean } | null {
  let s = a;
  let both = false;
  if (ws[s]?.lw === 'to') s++;
  if (ws[s]?.lw === 'both') {
    both = true;
    s++;
  }
  if (s >= b || b - s > 7) return null;
  // a stray closing quote inside the parentheses ("(Sony Pictures Classics”)") is the page's, not the name's
  const whole = text
    .slice(ws[s].s, ws[b - 1].e)
    .trim()
    .replace(/[”"]+$/, '');
  // "X/Y" is two buyers, even when the article has learnt the pair as one name
  if (!whole.includes('/') && isCompanyName(c, whole)) return companyEntry(whole)?.kind === 'sales-agent' ? null : { names: [whole], both };
  const parts = whole.split(/\s*\/\s*|\s+and\s+/).filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => isCompanyName(c, p))) return null;
  if (parts.some((p) => companyEntry(p)?.kind === 'sales-agent')) return null;
  return { names: parts, both };
}

/** The title ending right before word `end`: quoted, or the longest capitalized run. [start, title]. */
function titleBefore(c: Ctx, ws: Word[], end: number, text: string): [number, string] | null {
  const close = ws[end - 1]?.w;
  if (close === '”' || close === '"') {
    for (let k = end - 2; k >= 0 && end - k < 16; k--)
      if (ws[k].w === '“' || ws[k].w === '"') {
        const t = titleAt(c, ws, k, text);
        return t && t[0] === end ? [k, t[1]] : null;
      }
    return null;
  }
  // the whole capitalized run before the parentheses, or nothing: its last words alone ("Republic" of "Czech
  // Republic", "States" of "United States") are no title
  const a = runStart(ws, end);
  const t = a < end ? titleAt(c, ws, a, text) : null;
  return t && t[0] === end ? [a, t[1]] : null;
}

/** Where the capitalized run (with a title's small words) that ends before word `end` starts. */
function runStart(ws: Word[], end: number): number {
  let a = end;
  while (
    a > 0 &&
    end - a < 12 &&
    (/^[\p{Lu}\d]/u.test(ws[a - 1].w) || /^(?:of|the|a|an|as|is|:|in|on|to|from|for|at|with|&)$/.test(ws[a - 1].lw))
  )
    a--;
  while (a < end && !/^[\p{Lu}\d]/u.test(ws[a].w)) a++;
  return a;
}

export function extractTitleParens(c: Ctx): void {
  const text = c.sent.text;
  if (!text.includes('(') || TALKS.test(text)) return;
  // ("Titles acquired in Cannes include A (S); B (S2)": the films bought, each with the company it came from)
  if (
    /\b(?:acquired|bought|purchased|picked up)\b[^.]*\binclude[sd]?\b/.test(text) &&
    !/\bT\d/.test(c.words(0, 1)) &&
    !/^\s*\p{Lu}\S*['’]s\b/u.test(text) &&
    /^\s*(?:\S+\s+){0,4}(?:titles|films)\b/i.test(text)
  )
    return;
  const ws = sentenceWords(text);
  // a sales list ("France (X), Czech Republic (Y)") is pairList's: a territory before any parenthesis leaves the
  // sentence to it (the whole capitalized run is the territory, not its last word: "Hit Man" is no Isle of Man)
  for (let i = 1; i < ws.length; i++) {
    if (ws[i].w !== '(') continue;
    const a = runStart(ws, i);
    if (a < i && lookupTerritoryName(text.slice(ws[a].s, ws[i - 1].e))) return;
  }
  const found: Array<{ titles: string[]; buyers: string[]; quoted: boolean }> = [];
  const have = new Set(dealsHere(c).map((d) => nk(d.fields.buyer)));
  for (let i = 1; i < ws.length; i++) {
    if (ws[i].w !== '(') continue;
    let j = i + 1;
    while (j < ws.length && ws[j].w !== ')' && j - i < 20) j++;
    if (ws[j]?.w !== ')') continue;
    // "(bought by X)", "(grabbed by Netflix, with a premiere planned)": the buyer after a verb of buying
    const by =
      /^(?:bought|grabbed|purchased|acquired|nabbed|snapped|picked|landed|taken)$/.test(ws[i + 1]?.lw ?? '') &&
      ws.slice(i + 2, i + 4).some((w) => w.lw === 'by')
        ? ws.findIndex((w, x) => x > i && x < j && w.lw === 'by')
        : -1;
    const byEnd =
      by > 0 ? ws.findIndex((w, x) => x > by && x <= j && (w.w === ',' || w.w === ')' || /^(?:for|in|with|at)$/.test(w.lw))) : -1;
    const buyers = by > 0 && byEnd > by + 1 ? buyersIn(c, ws, by + 1, byEnd, text) : j - i < 9 ? buyersIn(c, ws, i + 1, j, text) : null;
    if (!buyers) continue;
    const t = titleBefore(c, ws, i, text);
    if (!t) continue;
    // ("Hannah Fidell’s 6 Years", "the Rupert Grint-starring Moonwalkers": the maker's possessive and the star are
    // no part of the film's name)
    const titles = [
      t[1].replace(/^.*-starring\s+(?=\p{Lu})/u, '').replace(/^\p{Lu}[\p{L}.-]+(?:\s\p{Lu}[\p{L}.-]+){1,2}['’]s\s+(?=[\p{Lu}\d])/u, ''),
    ];
    // "We Grown Now and Daddio (both Sony)"
    if (buyers.both && ws[t[0] - 1]?.lw === 'and') {
      const first = titleBefore(c, ws, t[0] - 1, text);
      if (first) titles.unshift(first[1]);
    }
    found.push({ titles, buyers: buyers.names.filter((b) => !have.has(nk(b))), quoted: /^[”"]$/.test(ws[i - 1].w) });
    i = j;
  }
  // a quoted title, or a roundup of such pairs: one unquoted name before a company in prose may be anything
  if (found.length < 2 && !found.some((f) => f.quoted)) return;
  for (const f of found) for (const b of f.buyers) for (const title of f.titles) if (nk(title) !== nk(b)) addDeal(c, title, b, [], {}, 0.7);
}
