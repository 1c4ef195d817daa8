/**
 * Buyers each named with the territory they took, after the sale's word: "has been bought by X for Canada,
 * Y for Australia and New Zealand, Z in Switzerland", "went to X for Poland, to Y for Israel and Z for Spain",
 * "has sold to Hungarian distributor X, to Russian company Y and to Z for Australia". The buyer comes first and
 * its territory after `for` / `in` (or before it, as a nationality with a trade word: "Hungarian distributor
 * X"). The list opens on `to` or `by` right after a sale word, and every item must have its territory; the
 * film is the one the sale's verb governs (saleTitle). A buyer another rule of the sentence already read keeps
 * that reading. One pass over the sentence's tokens.
 */
import { companyEntry } from '../companies.js';
import { type Ctx, dealsHere, nameSubjectOf, nk } from './context.js';
import { addDeal, sentenceSeller } from './dealTerms.js';
import { saleTitle } from './pairList.js';

/** The sale words a list of buyers follows ("sold to", "bought by", "picked up by", "went to"). */
const SALE = /^(?:sold|pre-sold|presold|bought|acquired|picked|snapped|licensed|went|gone|go|sell|pre-sell)$/;
/** The trade's word between a buyer's nationality and its name ("Hungarian distributor X"). */
const TRADE = /^(?:distributor|distributors|company|outfit|label|banner|streamer|broadcaster|platform|distrib|shingle)$/;
/** Words that make the sentence talks or a rumour, not sales. */
const NOT_SOLD = /\b(?:talks|negotiat\w*|offers?|interest|pending|close to|nearing|circling)\b/;

interface ItemRead {
  buyer: string;
  terrs: string[];
  end: number;
  /** Whether the territory is written after the buyer (`for` / `in`), not only its nationality before. */
  written: boolean;
}

/** One item at k: `[to] [Nationality [trade word]] X [for|in Territories]`, or null. */
function itemAt(c: Ctx, k: number): ItemRead | null {
  if (c.tok(k) === 'to' || c.tok(k) === 'by') k++;
  let home: string | null = null;
  if (c.isTerr(k) && c.item(k).ent === 'nationality' && TRADE.test(c.tok(k + 1))) {
    home = c.terr(k);
    k += 2;
  }
  // after a trade word ("company X"), or before its territory ("X for Spain"), a name the article has not placed is
  // the company
  const placed = (c.tok(k + 1) === 'for' || c.tok(k + 1) === 'in') && c.isTerr(k + 2);
  if (!c.isOrg(k) || (c.isPer(k) && !home && !placed)) return null;
  const buyer = c.name(k);
  k++;
  if ((c.tok(k) === 'for' || c.tok(k) === 'in') && c.isTerr(k + 1)) {
    const l = c.terrList(k + 1, false);
    // "sold by X for the U.S. (Y)": the territory has its own buyer, X is the seller
    if (!l.exprs.length || c.tok(l.end) === '(') return null;
    return { buyer, terrs: l.exprs, end: l.end, written: true };
  }
  if (home) return { buyer, terrs: [home], end: k, written: false };
  // "snapped by X and Y for German-speaking territories": joint buyers, the territory written once after the second
  if (c.tok(k) === 'and') {
    const next = itemAt(c, k + 1);
    if (next?.written) return { buyer, terrs: next.terrs, end: k, written: true };
  }
  return null;
}

export function extractBuyerFor(c: Ctx): void {
  const n = c.toks.length;
  if (NOT_SOLD.test(c.words(0, n))) return;
  for (let v = 0; v < n; v++) {
    if (!SALE.test(c.tok(v))) continue;
    // the list opens on "to" / "by" after the sale word ("picked up by", "has been sold to"), or after its object
    // ("sold rom-com T, directed by P, to X for R"): the first "to" of the clause that a buyer follows
    let k = v + 1;
    if (c.tok(k) === 'up' || c.tok(k) === 'it') k++;
    // "sold by X", "licensed by X": the seller; only a buying verb's "by" names buyers ("bought by X for Canada")
    if (c.tok(k) === 'by' && !/^(?:bought|acquired|picked|snapped)$/.test(c.tok(v))) continue;
    if (c.tok(k) !== 'to' && c.tok(k) !== 'by') {
      const end = Math.min(n, v + 16);
      while (k < end && !(c.tok(k) === 'to' && c.isOrg(k + 1)) && c.tok(k) !== '.' && c.tok(k) !== ';') k++;
      // right after the object title, or after a clause closed by a comma or a dash
      const afterObject = c.isTitle(k - 1 - (c.tok(k - 1) === ',' ? 1 : 0)) || /^[-,—–]$/.test(c.tok(k - 1));
      if (c.tok(k) !== 'to' || !afterObject) continue;
    }
    const items: ItemRead[] = [];
    let at = k;
    for (;;) {
      const it = itemAt(c, at);
      if (!it) break;
      items.push(it);
      at = it.end;
      // the next item: ", Y", "and Y", ", and Y", "and to Y"
      if (c.tok(at) === ',' && c.tok(at + 1) === 'and') at += 2;
      else if (c.tok(at) === ',' || c.tok(at) === 'and') at++;
      else break;
    }
    // one item is enough when its territory follows "for" or "in" ("went to X for Spain"); a buyer known only by
    // its nationality needs a second item
    if (!items.length || (items.length < 2 && !items[0].written)) continue;
    // a list of two or more buyers each with its territory in a sentence that names no film: the film in focus
    // ("The Africa-set drama went to X for Italy, Y for Spain and Z for Canada")
    const untitled = items.length >= 2 && items.every((it) => it.written) && !c.toks.some((_, t) => c.isTitle(t));
    // "..., while Copper Bay went to X for Spain": a name right before the verb is its subject, a film the sketch did
    // not know; never the title named earlier in the sentence
    const subject = /^(?:went|gone|go)$/.test(c.tok(v)) ? nameSubjectOf(c, v) : -1;
    if (subject >= 0 && !/^E\d+$/.test(c.tok(subject))) continue;
    const title = subject >= 0 ? c.item(subject).text : (saleTitle(c, k) ?? (untitled ? (c.st.focus ?? c.st.lead) : null));
    if (!title) continue;
    const have = new Set(dealsHere(c).map((d) => nk(d.fields.buyer)));
    const seller = sentenceSeller(c);
    for (const it of items) {
      if (companyEntry(it.buyer)?.kind === 'sales-agent' || have.has(nk(it.buyer))) continue;
      addDeal(c, title, it.buyer, it.terrs, { seller }, 0.75);
    }
    v = at;
  }
}
