/**
 * A list of buyers as the subject of one purchase, each with its own place: `ZDF, Norway's Fjord TV, Kanal 9 in
 * Sweden and Vrt have licensed T`, `A (Finland), B and C (Poland) have acquired T`. The television trade writes its
 * sales this way (a programme's broadcasters first, then the programme). Each buyer gets its deal with the territory
 * written beside it: `R's X`, `X in R`, `X for R`, `X (R)`; one buyer with its place is a list too (`X in both the US
 * and Belgium have acquired T`). The subject must run from the clause's start to the verb
 * and be a list of names and nothing else; two buyers without a place (`X and Y have acquired T`) are the clause
 * reader's (svo.ts), and a list whose every buyer has its place listedBuyers.ts's (read first). The object is read as the clause reader reads it. One pass over the sentence's words.
 */
import { lookupTerritoryName } from '../../domain/territories.js';
import { type Ctx, dealsHere, nk, spellTerritories } from './context.js';
import { addDeal } from './dealTerms.js';
import { type Word, sentenceWords, phraseAt } from './clauseWords.js';
import { parenPlace } from './moreBuyers.js';
import { notClosed, objectAt } from './svo.js';
import { ACTIVE } from './svoWords.js';

const CUE = /\b(?:have|has|acquired|picked up|bought|pre-bought|snapped up|took)\b/;

/** What may stand between the list and its verb. */
const AUX = /^(?:have|has|also|all|jointly|each|now|recently|already|both)$/;

/** An opening word and its comma before the list: `Meanwhile,`, `In addition,`, `Finally,`. */
const OPENER = /^(?:meanwhile|finally|elsewhere|separately|additionally|also|in addition|in other deals|in television|on the tv side)$/;

interface Item {
  buyer: string;
  terr: string | null;
}

/** A broadcaster's purchase told as a licence (`have licensed T`, never `have licensed T to X`: that is a sale). */
const LICENSED: string[][] = [['licensed'], ['taken']];

const capital = (w: string | undefined): boolean => !!w && /^[\p{Lu}\d]/u.test(w);

/** A territory written as the possessive at i (`Norway's`, `New Zealand's`): [end, territory]. */
function homeAt(ws: Word[], i: number, text: string): [number, string] | null {
  for (const n of [2, 1]) {
    const last = ws[i + n - 1];
    if (!last || !/['’]s$/.test(last.w) || !ws.slice(i, i + n).every((w) => capital(w.w))) continue;
    const name = text.slice(ws[i].s, last.e).replace(/['’]s$/, '');
    if (lookupTerritoryName(name)) return [i + n, name];
  }
  return null;
}

/** The place after a name at k: `in R`, `for R`, `(R)`, up to the next comma, `and` or `end`: [end, territory]. */
function placeAt(ws: Word[], k: number, end: number, text: string): [number, string] | null {
  const paren = parenPlace(ws, k, text);
  if (paren) return paren;
  if (ws[k]?.lw !== 'in' && ws[k]?.lw !== 'for') return null;
  let a = k + 1;
  // ("in both the US and Belgium")
  if (ws[a]?.lw === 'both') a++;
  if (ws[a]?.lw === 'the') a++;
  let b = a;
  while (b < end && (capital(ws[b].w) || (ws[b].lw === 'and' && capital(ws[b + 1]?.w)) || ws[b].lw === 'the')) b++;
  // (the longest run that is places: "in Sweden and Vrt" is Sweden, then the list's next buyer)
  for (let e = b; e > a; e--) {
    if (/^(?:and|the)$/.test(ws[e - 1].lw)) continue;
    const t = spellTerritories(text.slice(ws[a].s, ws[e - 1].e));
    if (t) return [e, t];
  }
  return null;
}

/** The list of buyers from `start` to `end` (exclusive), or null when anything else stands there. */
function buyerList(ws: Word[], start: number, end: number, text: string): Item[] | null {
  const out: Item[] = [];
  let i = start;
  while (i < end) {
    const home = homeAt(ws, i, text);
    if (home) i = home[0];
    let j = i;
    while (j < end && (capital(ws[j].w) || ws[j].w === '&' || ws[j].w === '+') && !/['’]s$/.test(ws[j].w)) j++;
    if (j === i) return null;
    const buyer = text.slice(ws[i].s, ws[j - 1].e);
    // a place alone is no buyer ("Sweden and Norway have acquired")
    if (lookupTerritoryName(buyer)) return null;
    const place = placeAt(ws, j, end, text);
    if (place) j = place[0];
    out.push({ buyer, terr: place?.[1] ?? home?.[1] ?? null });
    if (j === end) return out;
    if (ws[j].w === ',' && ws[j + 1]?.lw === 'and') j += 2;
    else if (ws[j].w === ',' || ws[j].lw === 'and') j++;
    else return null;
    i = j;
  }
  return null;
}

/** The film as the sketch wrote it (its quotes and apostrophes made plain), when the sketch read it whole. */
function asSketched(c: Ctx, t: string): string {
  return c.sk.items.find((it) => it.kind === 'title' && nk(it.text) === nk(t))?.text ?? t;
}

export function extractSubjectBuyerList(c: Ctx): void {
  const text = c.sent.text;
  if (!CUE.test(text)) return;
  const ws = sentenceWords(text);
  let start = 0;
  const comma = ws.findIndex((w, x) => x < 4 && w.w === ',');
  if (
    comma > 0 &&
    OPENER.test(
      ws
        .slice(0, comma)
        .map((w) => w.lw)
        .join(' '),
    )
  )
    start = comma + 1;
  for (let v = start + 1; v < ws.length; v++) {
    const aux = /^(?:have|has)$/.test(ws[v - 1].lw) || /^(?:have|has)$/.test(ws[v - 2]?.lw ?? '');
    const act = phraseAt(ws, v, ACTIVE) || (aux ? phraseAt(ws, v, LICENSED) : 0);
    if (!act) continue;
    let k = v;
    while (k > start && AUX.test(ws[k - 1].lw)) k--;
    const items = buyerList(ws, start, k, text);
    // (one buyer with its place: "X in both the US and Belgium have acquired T")
    if (!items || (items.length < 3 && !items.some((it) => it.terr))) return;
    // (without `has`/`have` every buyer must have its place: "SRF in Switzerland picked up T")
    if (!aux && !items.every((it) => it.terr)) return;
    if (notClosed(ws, v)) return;
    const obj = objectAt(c, ws, v + act, text);
    if (!obj?.titles.length || ws[obj.end]?.lw === 'to') return;
    // (a buyer another rule read a deal for here keeps that reading: listedBuyers.ts reads lists whose every buyer has
    // its place)
    const had = new Set(dealsHere(c).map((d) => nk(d.fields.buyer)));
    for (const t of obj.titles)
      for (const it of items)
        if (!had.has(nk(it.buyer)))
          addDeal(c, asSketched(c, t), it.buyer, it.terr ? [it.terr] : obj.terr ? [obj.terr] : [], { seller: null }, 0.75);
    // ("SRF in Switzerland picked up T, VRT (Belgium) acquired T2 and ...": the next clause may open the same way)
    let next = obj.end;
    if (ws[next]?.w === ',') next++;
    if (ws[next]?.lw === 'and') next++;
    if (next === obj.end) return;
    start = next;
    v = next;
  }
}
