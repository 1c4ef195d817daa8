/**
 * A buyer's second film told after a description of the first: `X acquired North American rights to T, a drama about
 * ..., and P's T2, starring ...`, `X has acquired rights to T, from director P (A, B); and T2, a comedy`, `X bought T,
 * documenting ..., as well as T2, an Australian film`. Once a rule has read the sentence's deal for T, a title after
 * `, and` / `; and` / `as well as` / `, plus` that closes the description is the same buyer's, on the same terms. The
 * description may hold no verb of its own clause (`has`, `will`, `sold`...), no sale to someone and no company before
 * the joiner (`..., and X took T2` is another buyer's). One pass over the sentence's tokens per deal.
 */
import { type Ctx, dealsHere, nk } from './context.js';
import { addDeal } from './dealTerms.js';

/** Words that open a clause of its own: the second title would be its subject or object, not the first verb's. */
const CLAUSE =
  /^(?:has|have|had|will|would|was|were|is|are|said|says|sold|sells|acquired|bought|picked|took|takes|went|goes|released|releases|while|but|whereas|after|before|where|to|with|by)$/;
/** What may stand between the joiner and the title: a maker's possessive, a determiner, words of the film's kind. */
const LEAD = /^(?:the|a|an|its|his|her|their|[PEN]\d+|[a-z-]+)$/;

export function extractFurtherObjects(c: Ctx): void {
  const deals = dealsHere(c);
  if (!deals.length) return;
  const n = c.toks.length;
  const titleAt = new Map<string, number>();
  for (let i = 0; i < n; i++) if (c.isTitle(i)) titleAt.set(nk(c.item(i).text), titleAt.has(nk(c.item(i).text)) ? -1 : i);
  const had = new Set(deals.map((d) => `${nk(d.fields.title)}|${nk(d.fields.buyer)}`));
  for (const d of deals) {
    const t = titleAt.get(nk(d.fields.title));
    if (t === undefined || t < 0) continue;
    // the description: it must open with a comma or a parenthesis right after the film
    if (c.tok(t + 1) !== ',' && c.tok(t + 1) !== '(') continue;
    let depth = 0;
    let join = -1;
    for (let k = t + 1; k < n && k < t + 40; k++) {
      const w = c.tok(k);
      if (w === '(') depth++;
      else if (w === ')') depth = Math.max(0, depth - 1);
      if (depth) continue;
      if (w === '.' || w === ':' || c.isTitle(k) || c.isOrg(k) || CLAUSE.test(w)) break;
      if (((w === ',' || w === ';') && c.tok(k + 1) === 'and') || (w === ',' && c.tok(k + 1) === 'plus')) join = k + 2;
      else if (w === 'as' && c.tok(k + 1) === 'well' && c.tok(k + 2) === 'as') join = k + 3;
      if (join > 0) break;
    }
    if (join < 0 || join - t < 4) continue;
    let k = join;
    const lead = (i: number) =>
      LEAD.test(c.tok(i)) && !CLAUSE.test(c.tok(i)) && c.tok(i) !== 'and' && (!/^[PE]\d+$/.test(c.tok(i)) || /['’]s$/.test(c.raw(i)));
    while (k < join + 5 && !c.isTitle(k) && lead(k)) k++;
    if (!c.isTitle(k)) continue;
    // (the second film sold to someone of its own: "..., and T2 to Y")
    if (c.tok(k + 1) === 'to' || c.tok(k + 1) === 'went' || c.tok(k + 1) === 'was') continue;
    const second = c.item(k).text;
    if (had.has(`${nk(second)}|${nk(d.fields.buyer)}`)) continue;
    had.add(`${nk(second)}|${nk(d.fields.buyer)}`);
    addDeal(c, second, d.fields.buyer, d.fields.territories ? [d.fields.territories] : [], { seller: d.fields.seller }, 0.7);
  }
}
