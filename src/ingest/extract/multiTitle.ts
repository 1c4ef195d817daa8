/**
 * Multi-title deals: "Brightwell Pictures has inked a three-picture deal with
 * Lumen Sales covering T, T2 and T3", "a two-film pact for T and T2", "a slate
 * deal including T and T2": one deal per title, the company before the verb
 * the buyer, the company after "with" the seller, territories after "for" or
 * before "rights". Talks ("is in talks on a two-picture deal") are not deals.
 * One pass over the sentence's tokens.
 */
import { type Ctx, nk } from './context.js';
import { addDeal } from './dealTerms.js';
import { RUMOUR_WORDS } from './words.js';

const COUNT = /^(?:two|three|four|five|six|seven|eight|nine|ten|twelve|multi|multiple|\d+)-(?:picture|film|title|movie|feature)s?$/;
const DEAL_WORD = /^(?:deal|pact|package|agreement|output)$/;

export function extractMultiTitleDeals(c: Ctx): void {
  const n = c.toks.length;
  let cue = -1;
  for (let k = 0; k < n - 1; k++)
    if ((COUNT.test(c.tok(k)) || c.tok(k) === 'slate') && DEAL_WORD.test(c.tok(k + 1))) {
      cue = k;
      break;
    }
  if (cue < 0) return;
  const before = c.words(0, cue);
  if (RUMOUR_WORDS.test(before) && /\b(?:talks|negotiat\w*|denied|rumou?red|reportedly|not|no|could|may|might)\b/.test(before)) return;
  // the buyer: the first company of the sentence, before a verb of closing, not after "with"
  let buyer: string | null = null;
  for (let k = 0; k < cue; k++) {
    if (!c.isOrg(k) || c.raw(k).endsWith("'s") || c.tok(k - 1) === 'with') continue;
    if (!/\b(?:inked|signed|struck|closed|sealed|agreed|has|have|set|entered|pacted|landed|secured)\b/.test(c.words(k + 1, cue))) continue;
    buyer = c.name(k);
    break;
  }
  if (!buyer) return;
  let seller: string | null = null;
  const terrs: string[] = [];
  const titles: string[] = [];
  for (let k = cue + 2; k < n; k++) {
    if (c.tok(k) === 'with' && c.isOrg(k + 1) && !seller) seller = c.name(k + 1);
    else if ((c.tok(k) === 'for' || c.tok(k) === 'in') && c.isTerr(k + 1)) {
      const l = c.terrList(k + 1, false);
      terrs.push(...l.exprs);
      k = l.end - 1;
    } else if (c.isTerr(k) && c.tok(k + 1) === 'rights') {
      const l = c.terrList(k);
      terrs.push(...l.exprs);
      k = l.end - 1;
    } else if (c.isTitle(k)) {
      const t = c.item(k).text;
      if (!titles.some((x) => nk(x) === nk(t))) titles.push(t);
    }
  }
  if (titles.length < 2) return;
  for (const t of titles) addDeal(c, t, buyer, terrs, { seller: seller && nk(seller) !== nk(buyer) ? seller : null }, 0.75);
}
