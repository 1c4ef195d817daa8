/**
 * A seller's sales of one film whose title carries an apposition before the
 * buyers: `X pre-sold “T,” the follow-up to P's 2005 hit “T2,” to A in Japan
 * and B of Turkey`, `X said it has sold the rights to comedy hit “T” to A for
 * Brazil, B in Thailand and Turkey's C`. The rules that read `sold T to` look
 * at the words right after the title; here the list starts after the
 * apposition's closing comma. The film sold is the one the verb governs (the
 * first title after it), never the one the apposition names. The list is read
 * as every sales list is (readSaleList: `A in R`, `A for R`, `R's A`, `A of R`).
 * One pass over the sentence's tokens, each look bounded.
 */
import { type Ctx } from './context.js';
import { addDeal, subjectBefore } from './dealTerms.js';
import { readSaleList } from './saleList.js';

const SOLD = /^(?:sold|pre-sold|presold|licensed|licenced)$/;
const TALK = /\b(?:talks|negotiat\w*|close to|near\w*|could|may|might|expected|hopes?|plans?|not)\b/;

export function extractAppositionSales(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n; v++) {
    if (!SOLD.test(c.tok(v))) continue;
    // the title the verb governs: within nine tokens after it (`the rights to bilingual comedy hit T`)
    let t = v + 1;
    while (t < Math.min(n, v + 10) && !c.isTitle(t) && !/^[.;]$/.test(c.tok(t))) t++;
    if (!c.isTitle(t)) continue;
    // the list right after the title (`the rights to comedy hit T to A for R`, read here when a description stood
    // between the verb and the title), or after an apposition's closing comma
    let k = t;
    if (c.tok(t + 1) === ',') {
      k = t + 2;
      while (k < Math.min(n, t + 26) && !(c.tok(k) === ',' && c.tok(k + 1) === 'to' && c.isOrg(k + 2)) && !/^[.;]$/.test(c.tok(k))) k++;
      if (c.tok(k) !== ',') continue;
    } else if (t === v + 1) continue;
    if (c.tok(k + 1) !== 'to' || !c.isOrg(k + 2)) continue;
    if (TALK.test(c.words(c.clauseStart(v), v))) continue;
    const subj = subjectBefore(c, v);
    const seller = subj?.names[subj.names.length - 1] ?? null;
    const title = c.item(t).text;
    for (const item of readSaleList(c, k + 1, Math.min(n, c.clauseEnd(k + 2) + 1)))
      if (item.terrs.length) addDeal(c, item.title ?? title, item.buyer, item.terrs, { seller, media: item.media ?? null }, 0.8);
    v = k;
  }
}
