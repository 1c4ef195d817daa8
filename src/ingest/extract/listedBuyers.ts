/**
 * Buyers listed each with its territory on one side of the verb, the film on the other, as broadcast and
 * documentary sales are written: "X (U.S.), Y (MENA) and Z (New Zealand) have picked up the short T (29 minutes)",
 * "X in Sweden and Y in China have acquired T", "T (4 x 52 minutes), produced by P, was acquired by X (France) and Y
 * (Portugal)", "T is headed to X (Denmark) and Y (Sweden)", "T scored pickups from X (R) and Y (R2)". Every buyer
 * of the list must have its territory (a list of companies alone is as often a production's partners). The film is a
 * title the sentence names there, or the name that opens the sentence when a running time follows it ("T (1 x 52
 * minutes)"). Never in talks; never a sales company. One pass over the sentence's tokens.
 */
import { companyEntry } from '../companies.js';
import { type Ctx, dealsHere, nk } from './context.js';
import { addDeal } from './dealTerms.js';
import { type SaleItem, readSaleList } from './saleList.js';
import { RUMOUR_WORDS } from './words.js';

/** The verbs after a list of buyers: "have picked up", "acquired", "have licensed". */
const BUY = /^(?:acquired|picked|bought|licensed|snapped|pre-bought|nabbed|secured|taken|took)$/;
/** The words after the film that open its list of buyers: "was acquired by", "has sold to", "is headed to". */
const TO_BUYERS: string[][] = [
  ['was', 'acquired', 'by'],
  ['were', 'acquired', 'by'],
  ['has', 'been', 'acquired', 'by'],
  ['was', 'picked', 'up', 'by'],
  ['was', 'bought', 'by'],
  ['was', 'licensed', 'to'],
  ['was', 'sold', 'to'],
  ['has', 'sold', 'to'],
  ['has', 'been', 'sold', 'to'],
  ['is', 'headed', 'to'],
  ['is', 'heading', 'to'],
  ['scored', 'pickups', 'from'],
  ['scored', 'pick-ups', 'from'],
  ['has', 'gone', 'to'],
];

/** A title at token j, or the sentence's opening name followed by a running time ("T (1 x 52 minutes)"). */
function filmAt(c: Ctx, j: number): string | null {
  if (c.isTitle(j)) return c.item(j).text;
  if (
    /^E\d+$/.test(c.tok(j)) &&
    (j === 0 || c.tok(j - 1) === 'the' || /^(?:short|series|doc|documentary|special|feature|film)$/.test(c.tok(j - 1)))
  )
    if (c.tok(j + 1) === '(' && /^\d+ (?:x \d+ )?(?:minutes|mins|min|episodes|hours)\b/.test(c.words(j + 2, j + 6))) return c.item(j).text;
  return null;
}

/** The names that open the sentence up to the verb, when nothing else stands there: "Charlie Brown: Bad Boy is headed to". */
function openingNames(c: Ctx, v: number): string | null {
  if (v < 1 || v > 6) return null;
  for (let j = 0; j < v; j++) if (!/^[EP]\d+$/.test(c.tok(j)) && !(c.tok(j) === ':' && j > 0 && j < v - 1)) return null;
  return c.toks
    .slice(0, v)
    .map((_, j) => (c.tok(j) === ':' ? ':' : ` ${c.item(j).text}`))
    .join('')
    .trim();
}

function placed(items: SaleItem[]): boolean {
  return items.length > 0 && items.every((it) => it.terrs.length > 0 && companyEntry(it.buyer)?.kind !== 'sales-agent');
}

function tellAll(c: Ctx, title: string, items: SaleItem[]): void {
  const have = new Set(dealsHere(c).map((d) => `${nk(d.fields.title)}|${nk(d.fields.buyer)}`));
  for (const it of items)
    if (!have.has(`${nk(title)}|${nk(it.buyer)}`)) addDeal(c, title, it.buyer, it.terrs, { seller: null, media: it.media ?? null }, 0.7);
}

export function extractListedBuyers(c: Ctx): void {
  const n = c.toks.length;
  if (RUMOUR_WORDS.test(c.words(0, n))) return;
  // the buyers before the verb: "X (R), Y (R2) and Z (R3) have picked up T"
  for (let v = 1; v < n; v++) {
    if (!BUY.test(c.tok(v))) continue;
    let a = v;
    while (a > 0 && /^(?:has|have|had|also|now|recently|jointly|both)$/.test(c.tok(a - 1))) a--;
    let from = c.clauseStart(a);
    if (c.tok(from) === 'and' || c.tok(from) === 'while') from++;
    const items = readSaleList(c, from, a);
    if (items.length < 2 || !placed(items)) continue;
    let t = v + 1;
    if (c.tok(t) === 'up') t++;
    let title: string | null = null;
    for (let j = t; j < Math.min(n, t + 5) && !title; j++) title = filmAt(c, j);
    if (title) tellAll(c, title, items);
  }
  // the buyers after the film: "T (4 x 52 minutes), produced by P, was acquired by X (France) and Y (Portugal)"
  for (let v = 1; v < n; v++) {
    const len = c.phraseAt(v, TO_BUYERS);
    if (!len) continue;
    const items = readSaleList(c, v + len, c.clauseEnd(v + len));
    if (!placed(items)) continue;
    // the film: the sentence's first, or the title right before the verb
    // (or the one a relative clause hangs on: "T, which was sold to R (X), R2 (Y)")
    const relative = c.tok(v - 1) === 'which' && c.tok(v - 2) === ',' && c.isTitle(v - 3) ? c.item(v - 3).text : null;
    let title = relative ?? filmAt(c, 0) ?? (c.isTitle(v - 1) ? c.item(v - 1).text : null) ?? openingNames(c, v);
    if (!title && /^(?:while|;|,)$/.test(c.tok(c.clauseStart(v) - 1)))
      for (let j = c.clauseStart(v); j < v && !title; j++) title = c.isTitle(j) ? c.item(j).text : null;
    if (title) tellAll(c, title, items);
  }
}
