/**
 * The buyers and places a clause names after its verb (svo.ts reads the clause): the territories after `for`/`in`, a
 * territory in parentheses, the further buyers of a list (`by X (France), Swiss broadcaster Y and Z (Poland)`), a
 * name the article does not know before its territory, and the film as the sketch read it without its maker.
 */
import { COMPANY_NOUNS } from '../lexicon.js';
import { territoryOf } from '../nameShapes.js';
import { type Word, companyStartingAt } from './clauseWords.js';
import { type Ctx, spellTerritories } from './context.js';

/** Territories after the object: `for Canada, Australia and New Zealand`, `for distribution in the U.K.`, `for world-wide distribution`. */
export function afterTerritories(ws: Word[], k: number, text: string): string | null {
  if (ws[k]?.lw !== 'for' && ws[k]?.lw !== 'in') return null;
  let a = k + 1;
  while (a < ws.length && /^(?:distribution|release|the|theatrical|in|rights)$/.test(ws[a].lw)) a++;
  let b = a;
  while (b < ws.length && b - a < 12 && !/^[.;(]$/.test(ws[b].w) && !/^(?:from|with|which|where|after|before|on|at)$/.test(ws[b].lw)) b++;
  for (let e = b; e > a; e--) {
    const words = ws.slice(a, e).filter((w) => !/^(?:distribution|release)$/.test(w.lw));
    if (!words.length || /^(?:,|and|or|also)$/.test(words[words.length - 1].lw)) continue;
    // "S. S. Arora's": initials that spell a country code begin a name, they are no territory
    if (/^\p{Lu}\p{Ll}/u.test(ws[e]?.w ?? '')) continue;
    const t = spellTerritories(text.slice(words[0].s, words[words.length - 1].e));
    if (t) return t;
  }
  return null;
}

/** "P’s T" read as one run where the sketch read T apart: T. */
export function sketchTitle(c: Ctx, t: string): string {
  const cut = /^.+?['’]s (.+)$/.exec(t);
  return cut && c.sk.items.some((it) => it.kind === 'title' && it.text === cut[1]) ? cut[1] : t;
}

/** A capitalized name at f the article does not know, before its territory in parentheses (or after a noun of its trade). */
export function placedName(ws: Word[], f: number, text: string, noun = false): [number, string] | null {
  let r = f;
  while (r < f + 4 && /^\p{Lu}/u.test(ws[r]?.w ?? '')) r++;
  return r > f && (noun || parenPlace(ws, r, text)) ? [r, text.slice(ws[f].s, ws[r - 1].e)] : null;
}

/** `(France)` at k: the end past the parenthesis and the territory, or null. */
export function parenPlace(ws: Word[], k: number, text: string): [number, string] | null {
  if (ws[k]?.w !== '(') return null;
  const close = ws.findIndex((w, x) => x > k && x < k + 6 && w.w === ')');
  if (close < 0) return null;
  const t = spellTerritories(text.slice(ws[k + 1].s, ws[close - 1].e));
  return t ? [close + 1, t] : null;
}

/**
 * The further buyers of a list after the first (whose name ends at k): `X (France), Swiss concern Y and Z (Poland)`,
 * each with its territory in parentheses or its nationality before it. Nothing when an item is no company.
 */
export function moreBuyers(c: Ctx, ws: Word[], k: number, text: string): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  let e = parenPlace(ws, k, text)?.[0] ?? k;
  while (ws[e]?.w === ',' || ws[e]?.lw === 'and') {
    let f = e + 1;
    if (ws[e].w === ',' && ws[f]?.lw === 'and') f++;
    let home: string | null = null;
    const at = f;
    // ("Swiss concern Y", "pubcaster Y"): a nationality and a noun of the trade before the name
    const nat = /^\p{Lu}/u.test(ws[f]?.w ?? '') ? (territoryOf(ws[f].w)?.expr ?? null) : null;
    if (nat && /^\p{Lu}/u.test(ws[f].w) && /^\p{Ll}/u.test(ws[f + 1]?.w ?? '')) {
      home = nat;
      f++;
    }
    let noun = false;
    while (f < at + 3 && COMPANY_NOUNS.has(ws[f]?.lw ?? '')) {
      f++;
      noun = true;
    }
    // (a name the article does not know is a company after a noun of its trade, or before its territory in parentheses)
    // (after a noun of the trade the capitalized run is the name: `concern Y and Z Films (Poland)` is two buyers)
    const b = noun
      ? (placedName(ws, f, text, true) ?? companyStartingAt(c, ws, f, text))
      : (companyStartingAt(c, ws, f, text) ?? placedName(ws, f, text));
    if (!b) break;
    const place = parenPlace(ws, b[0], text);
    out.push([b[1], place?.[1] ?? afterTerritories(ws, b[0], text) ?? home]);
    e = place?.[0] ?? b[0];
  }
  return out;
}
