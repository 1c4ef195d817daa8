/**
 * Gapping: the verb said once for several sales. "Kino Wolna has taken
 * Poland and Alma Cine Spain" (each buyer with its territories, the verb
 * left out after the first); "Both films also sold in Canada; T to X and T2
 * to Y" (each title with its buyer, the sale and its territory said once).
 * One pass over the sentence's tokens.
 */
import { lookupTerritoryName } from '../../domain/territories.js';
import { type Ctx, dealsHere, nk } from './context.js';
import { addDeal, sentenceSeller } from './dealTerms.js';
import { DEAL_VERBS, RUMOUR_WORDS } from './words.js';

const TAKE = DEAL_VERBS.filter(
  (p) => /^(?:taken|took|takes|acquired|bought|picked|snapped|nabbed|landed|secured|pre-bought)$/.test(p[0]) && p.length <= 2,
);
const SOLD = /^(?:sold|sells|pre-sold|presold|licensed|went|gone)$/;

export function extractGapping(c: Ctx): void {
  if (
    RUMOUR_WORDS.test(c.words(0, c.toks.length)) &&
    /\b(?:talks|negotiat\w*|close to|near\w*|not|denied)\b/.test(c.words(0, c.toks.length))
  )
    return;
  buyersGapped(c);
  titlesGapped(c);
  placedBuyersGapped(c);
}

/**
 * "X will distribute T in Germany, Y in Spain, and Z in Russia", "X acquired T for Germany, Y for Spain": after a
 * deal the sentence told for one buyer and its territory, each further buyer with its own territory, the verb and
 * the film said once.
 */
function placedBuyersGapped(c: Ctx): void {
  const told = dealsHere(c);
  if (told.length !== 1 || !told[0].fields.territories) return;
  const first = told[0];
  const n = c.toks.length;
  // where the first buyer is named: the gapped items come after it
  let from = -1;
  for (let k = 0; k < n && from < 0; k++) if (c.isOrg(k) && nk(c.name(k)) === nk(first.fields.buyer)) from = k;
  if (from < 0) return;
  const seller = sentenceSeller(c);
  for (let k = from + 1; k < n; k++) {
    if (c.tok(k) !== ',' && c.tok(k) !== 'and') continue;
    const j = k + (c.tok(k) === ',' && c.tok(k + 1) === 'and' ? 2 : 1);
    if (!/^[CE]\d+$/.test(c.tok(j)) || c.item(j).ent === 'person' || !/^(?:in|for)$/.test(c.tok(j + 1)) || !c.isTerr(j + 2)) continue;
    if (c.item(j + 2).ent !== 'territory') continue;
    const l = c.terrList(j + 2, false);
    if (!l.exprs.length) continue;
    addDeal(c, first.fields.title, c.name(j), l.exprs, { seller }, 0.7);
    k = l.end - 1;
  }
}

/** "X has taken Poland and Y Spain", "X took France, Y Benelux and Z Italy". */
function buyersGapped(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n; v++) {
    const len = c.phraseAt(v, TAKE);
    if (!len) continue;
    let s = v - 1;
    while (s > 0 && /^(?:has|have|had|also|now|already)$/.test(c.tok(s))) s--;
    if (!c.isOrg(s) || c.isPer(s)) continue;
    let k = v + len;
    if (!c.isTerr(k)) continue;
    const first = c.terrList(k, false);
    if (!first.exprs.length) continue;
    const pairs: Array<[string, string[]]> = [[c.name(s), first.exprs]];
    k = first.end;
    // the gapped items: ", Y Spain", "and Y Spain" (the item's territories right after its buyer)
    while ((c.tok(k) === ',' || c.tok(k) === 'and') && c.isOrg(k + 1)) {
      if (c.isTerr(k + 2)) {
        const l = c.terrList(k + 2, false);
        if (!l.exprs.length) break;
        pairs.push([c.name(k + 1), l.exprs]);
        k = l.end;
        continue;
      }
      // "Alma Cine Spain" read as one name: the territory it ends with is the item's
      const split = trailingTerritory(c.name(k + 1));
      if (!split) break;
      pairs.push([split.name, [split.territory]]);
      k += 2;
    }
    if (pairs.length < 2) continue;
    const title = titleOf(c, s, k);
    if (!title) continue;
    for (const [buyer, terrs] of pairs) addDeal(c, title, buyer, terrs, { seller: sentenceSeller(c) }, 0.75);
    v = k;
  }
}

/** "Both films also sold in Canada; T to X and T2 to Y": after a sale, each title with its buyer. */
function titlesGapped(c: Ctx): void {
  const n = c.toks.length;
  let sale = -1;
  for (let j = 0; j < n && sale < 0; j++) if (SOLD.test(c.tok(j))) sale = j;
  if (sale < 0) return;
  const have = new Set(dealsHere(c).map((d) => `${nk(d.fields.title)}|${nk(d.fields.buyer)}`));
  // the territories said once: "sold in Canada", "sold to Canada"
  const terrs: string[] = [];
  if (/^(?:in|to|for)$/.test(c.tok(sale + 1)) && c.isTerr(sale + 2)) terrs.push(...c.terrList(sale + 2, false).exprs);
  const items: Array<[string, string]> = [];
  let firstAt = -1;
  for (let j = sale + 1; j < n - 2; j++) {
    // the name after "to" is the buyer unless the article knows it as a person: a one-word distributor the article
    // names only there ("T2 to Nordkino") is no better known than a surname
    if (!c.isTitle(j) || c.tok(j + 1) !== 'to' || !c.isOrg(j + 2) || c.st.reg.kinds.get(nk(c.name(j + 2))) === 'person') continue;
    if (c.tok(j - 1) !== ';' && c.tok(j - 1) !== ',' && c.tok(j - 1) !== 'and' && c.tok(j - 1) !== ':') continue;
    if (!items.length) firstAt = j;
    items.push([c.item(j).text, c.name(j + 2)]);
  }
  // one item is enough right after a semicolon or colon ("sold in Canada; T to X")
  if (!items.length || (items.length < 2 && !/^[;:]$/.test(c.tok(firstAt - 1)))) return;
  for (const [title, buyer] of items)
    if (!have.has(`${nk(title)}|${nk(buyer)}`)) addDeal(c, title, buyer, terrs, { seller: sentenceSeller(c) }, 0.75);
}

/** A name that ends with a territory ("Alma Cine Spain"): the name before it and the territory. */
function trailingTerritory(name: string): { name: string; territory: string } | null {
  const words = name.split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const place = words.slice(words.length - n).join(' ');
    if (lookupTerritoryName(place)) return { name: words.slice(0, words.length - n).join(' '), territory: place };
  }
  return null;
}

/** The title of a buyer's gapped sales: one named in the sentence, else "rights to T" after them, else the article's focus. */
function titleOf(c: Ctx, from: number, to: number): string | null {
  for (let j = to; j < Math.min(c.toks.length, to + 6); j++) if (c.isTitle(j)) return c.item(j).text;
  for (let j = from - 1; j >= 0; j--) if (c.isTitle(j)) return c.item(j).text;
  return c.st.focus ?? c.st.lead;
}
