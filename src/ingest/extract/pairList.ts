/**
 * Territory–buyer pairs wherever a sales sentence writes them, whatever
 * introduces the list: "Spain (Caramel Films), Italy (Be Water)", "Norway's
 * Fjordkino", "the Baltics and Scandinavia (Nordlys, which also takes
 * Iceland)". The shaped rules (deals.ts) read such lists after the words that
 * open them ("has sold to", "deals include"); the trade opens them in many
 * more ways ("has gone out to", "as well as", a typo, an interjection "and,
 * as previously announced, the U.S. (X)"), and a list cut by a clause is
 * still a list. So this rule reads every pair of a sentence that says it
 * tells sales (a deal word) and no talks, each as a deal of the sentence's
 * title (saleTitle: the film the sale's verb governs) or, when the sentence
 * names none but says "the film", the article's focus. One pass over the
 * sentence's tokens.
 */
import { companyEntry } from '../companies.js';
import { typoTerritory } from '../territoryTypos.js';
import { type Ctx, dealsHere, nk } from './context.js';
import { otherFilm, pronounAt } from './otherFilm.js';
import { addDeal, pairTerritories, parenBuyer, sentenceSeller, splitBuyers } from './dealTerms.js';

/** A word that says the sentence reports sales. */
const SALE_CUE =
  /^(?:sold|sells|sale|sales|deal|deals|bought|acquired|pre-sold|presold|pre-sales|picked|snapped|taken|took|gone|went|licensed|territories|buyers|takers|homes|closed|secured|inked|signed|bagged|snatched|nabbed)$/;
/** A sale word at j: one of SALE_CUE, or a sale told as done with a modal ("was able to sell", "managed to sell"). */
function saleCueAt(c: Ctx, j: number): boolean {
  if (SALE_CUE.test(c.tok(j))) return true;
  return /^(?:sell|license|pre-sell)$/.test(c.tok(j)) && /^(?:able|managed) to$/.test(c.words(j - 2, j));
}

/** Words that make a clause talks, not a deal. */
const TALKS = /^(?:negotiations?|negotiating|talks|pending|discussions|finalizing|finalising|almost|close|nearing|underway)$/;

export function extractPairLists(c: Ctx): void {
  const n = c.toks.length;
  let cue = -1;
  for (let j = 0; j < n; j++)
    if (saleCueAt(c, j)) {
      cue = j;
      break;
    }
  if (cue < 0) return;
  // "the series aired in 100 territories, including France (X)": where it was broadcast, not what was sold
  const said = c.words(0, n);
  if (/\b(?:aired|airs|has aired|was broadcast|were broadcast)\b/.test(said) && !/\b(?:sold|bought|acquired|licensed|picked)\b/.test(said))
    return;
  const have = new Set(dealsHere(c).map((d) => nk(d.fields.buyer)));
  const seller = sentenceSeller(c);
  for (let k = 0; k < n; k++) {
    // a territory the source misspelt, in a pair's place: "Columbia (X)", "Former Yugoslovia (X)"
    const typo = !c.isTerr(k) && k > cue && /^[CE]\d+$/.test(c.tok(k)) && c.tok(k + 1) === '(' ? typoTerritory(c.item(k).text) : null;
    // ("French-speaking territories (X)": a nationality with its territories is a pair's place too)
    const natPlace = c.item(k)?.ent === 'nationality' && /^territor(?:y|ies)$/.test(c.tok(k + 1)) && c.tok(k + 2) === '(';
    if ((!c.isTerr(k) && !typo) || (c.item(k)?.ent === 'nationality' && !natPlace)) continue;
    // "sold T to Germany (X) and T2 to Spain (Y)": a second object the reading did not take for a title owns the pair
    if (c.tok(k - 1) === 'to' && /^E\d+$/.test(c.tok(k - 2)) && c.item(k - 2).ent !== 'company' && /^(?:and|,)$/.test(c.tok(k - 3)))
      continue;
    // the territories of the pair: "the Baltics and Scandinavia (X)"
    let first = k;
    const terrs: string[] = [];
    const l = typo ? { exprs: [typo], end: k + 1 } : c.terrList(k, false);
    // ("Japan, (X)": a comma the page left before the parenthesis)
    const j = c.tok(l.end) === ',' && c.tok(l.end + 1) === '(' && parenBuyer(c, l.end + 1) ? l.end + 1 : l.end;
    const own = c.tok(j) === '(' ? pairTerritories(c, k, l) : l.exprs;
    terrs.push(...own);
    let buyers: string[] = [];
    let end = j;
    if (c.tok(j) === '(') {
      const p = parenBuyer(c, j);
      if (p) {
        buyers = splitBuyers(p[0]);
        end = p[1];
      } else if (c.isOrg(j + 1) && c.tok(j + 2) === ',' && !c.isPer(j + 1)) {
        // "(X, except for Norway, where ...)": the buyer before the clause inside the parentheses
        buyers = [c.name(j + 1)];
        end = j + 2;
      }
    } else if (c.raw(j - 1).endsWith("'s") && l.exprs.length === 1 && k > cue && c.isOrg(j) && !c.isPer(j)) {
      // "Norway's X": a possessive territory before its buyer
      buyers = [c.name(j)];
      end = j + 1;
    }
    if (!buyers.length || first < cue || /^(?:from|of|in|by)$/.test(c.tok(first - 1))) {
      k = Math.max(k, l.end - 1);
      continue;
    }
    // talks in the pair's clause ("negotiations are underway with Austria (X)")
    const from = c.clauseStart(first);
    let talks = false;
    for (let t = from; t < end && !talks; t++) talks = TALKS.test(c.tok(t));
    if (!talks) {
      const title = saleTitle(c, first);
      for (const b of buyers) {
        if (have.has(nk(b)) || companyEntry(b)?.kind === 'sales-agent') continue;
        addDeal(c, title, b, terrs, { seller }, 0.75);
        have.add(nk(b));
      }
    }
    first = end;
    k = end - 1;
  }
}

/**
 * The film a sale's pair belongs to: the one the sale's verb governs, not the last one named. The verb is the
 * last sale word before the pair; its object (`has sold T to Spain (X)`) wins, else its subject, the last title
 * (or "the film") of the clause before it (`T, a follow-up to T2, has sold to`). A title that names another film
 * (otherFilm) is never the one: `Following T2, the film has sold to` is the film in focus. A pronoun means the
 * last title of the sentence before it that is no other film, else the article's focus. With neither in the
 * verb's clause, the last title of the sentence before the pair that is no other film; else none (not read).
 */
export function saleTitle(c: Ctx, first: number): string | null {
  let cue = -1;
  for (let j = first - 1; j >= 0 && cue < 0; j--) if (saleCueAt(c, j)) cue = j;
  if (cue < 0) return null;
  const titleOf = (t: number) => c.item(t).text;
  const meaning = (p: number): string | null => {
    for (let t = p - 1; t >= 0; t--) if (c.isTitle(t) && !otherFilm(c, t, first)) return titleOf(t);
    return c.st.focus ?? c.st.lead;
  };
  // the object: between the verb and the pair
  for (let t = first - 1; t > cue; t--) {
    if (c.isTitle(t) && !otherFilm(c, t, first)) return titleOf(t);
    if (pronounAt(c, t) && !c.isTitle(t)) return meaning(t);
    // ("its sale of competition title 12 Flowers to X": the object is a film the sketch did not read, never one named
    // before the verb)
    if (/^E\d+$/.test(c.tok(t)) && /^(?:title|film|feature|documentary|drama|comedy|thriller|movie|\d+)$/.test(c.tok(t - 1))) return null;
  }
  // the subject: the clause before the verb, back to the sale word before it
  const from = c.clauseStart(cue);
  for (let t = cue - 1; t >= from; t--) {
    if (t < cue - 1 && SALE_CUE.test(c.tok(t))) break;
    if (c.isTitle(t) && !otherFilm(c, t, first)) return titleOf(t);
    if (pronounAt(c, t) && !c.isTitle(t)) return meaning(t);
  }
  // elsewhere in the sentence before the pair
  for (let t = first - 1; t >= 0; t--) if (c.isTitle(t) && !otherFilm(c, t, first)) return titleOf(t);
  for (let t = first - 1; t >= 0; t--) if (pronounAt(c, t) && !c.isTitle(t)) return meaning(t);
  // "Rights also went to R (X)", "This deal follows earlier ones signed with R (X)": a sentence that names no film
  // at all sells the one in focus
  if (
    !c.toks.some((_, t) => c.isTitle(t)) &&
    /^(?:(?:this|the|these|those|further|other|more|its|remaining|earlier) )*(?:deal|deals|sale|sales|rights|territories)\b/.test(
      c.words(0, 4),
    )
  )
    return c.st.focus ?? c.st.lead;
  return null;
}
