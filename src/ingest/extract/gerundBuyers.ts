/**
 * Buyers told as gerunds after "with": "more sales for T, with X picking up Singapore rights, Y purchasing rights for
 * Thailand and Z buying distribution rights in Indonesia". Each item is a company, a verb of buying in -ing and its
 * rights (with the territories they name); the film is the one the sentence named before "with", else the film in
 * focus. One pass over the sentence's tokens.
 */
import { lastTitleBefore } from './clauseSides.js';
import { type Ctx } from './context.js';
import { addDeal, sentenceSeller } from './dealTerms.js';

const BUYING: string[][] = [
  ['picking', 'up'],
  ['purchasing'],
  ['buying'],
  ['taking'],
  ['acquiring'],
  ['snapping', 'up'],
  ['nabbing'],
  ['landing'],
  ['securing'],
];

export function extractGerundBuyers(c: Ctx): void {
  const n = c.toks.length;
  if (/\b(?:talks|negotiat\w*|circling|eyeing|close to|nearing|rumou?r\w*|could|would|may|might)\b/.test(c.words(0, n))) return;
  for (let v = 0; v < n; v++) {
    if (c.tok(v) !== 'with' || !c.isOrg(v + 1)) continue;
    const items: Array<{ buyer: string; terrs: string[] }> = [];
    let k = v + 1;
    // (a name the article does not know is a company before a verb of buying: "with Scorpio East picking up")
    while (k < n && c.isOrg(k) && (!c.isPer(k) || c.phraseAt(k + 1, BUYING) > 0)) {
      const buyer = c.name(k);
      const g = c.phraseAt(k + 1, BUYING);
      if (!g) break;
      let e = k + 1 + g;
      const terrs: string[] = [];
      while (e < n && e < k + 12 && ![',', 'and', ';', '.', 'while', 'with'].includes(c.tok(e))) {
        if (c.isTerr(e)) {
          const l = c.terrList(e, false);
          terrs.push(...l.exprs);
          e = Math.max(l.end, e + 1);
          continue;
        }
        e++;
      }
      // (a purchase of rights, never "X taking the stage")
      if (!/\brights\b/.test(c.words(k + 1 + g, e))) break;
      items.push({ buyer, terrs });
      k = e;
      if (c.tok(k) === ',' && c.tok(k + 1) === 'and') k += 2;
      else if (c.tok(k) === ',' || c.tok(k) === 'and') k++;
      else break;
    }
    if (!items.length) continue;
    const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    if (!title) continue;
    for (const it of items) addDeal(c, title, it.buyer, it.terrs, { seller: sentenceSeller(c) }, 0.75);
    v = k;
  }
}
