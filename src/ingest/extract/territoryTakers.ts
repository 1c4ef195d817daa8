/**
 * A buyer that took a territory of the film the article is about, its own clause naming no film: "Denmark's X, a
 * buyer of T2 and T3, has acquired Danish rights", "Another art-house buyer, X, which acquired T2, has licensed
 * Greece", "X, whose slate features T2, has purchased rights to Poland", "X has picked up rights to the Czech
 * Republic and Slovakia". The market report names its film once and then goes buyer by buyer; the film is the one in
 * focus before the sentence (what the apposition says the buyer bought before is its own past deal, never this
 * one). The apposition's films are that buyer's too when it says so: "a buyer of T2, T3 and T4", "which acquired T2",
 * "whose distribution slate features T2" (a buyer's slate is what it bought).
 * Never in talks, never a sales company, never when the clause names a film of its own. One pass over the
 * sentence's tokens.
 */
import { companyEntry } from '../companies.js';
import { type Ctx, dealsHere, nk } from './context.js';
import { addDeal, sentenceSeller } from './dealTerms.js';
import { RUMOUR_WORDS } from './words.js';

/** The verbs of a buyer taking rights ("has acquired", "licensed", "picked up", "closed"). */
const TOOK =
  /^(?:acquired|licensed|purchased|bought|picked|snapped|snatched|gobbled|bagged|took|taken|closed|secured|nabbed|pre-bought|landed|grabbed|scooped)$/;
/** A description of a company ("a buyer of", "an art-house distributor which"). */
const TRADE = /\b(?:buyer|distributor|distrib|company|outfit|label|specialist|banner|broadcaster|streamer|platform)\b/;
/** Words of rights between the verb and the territory ("rights to", "the German distribution rights for"). */
const RIGHTS_WORDS =
  /^(?:the|rights|distribution|theatrical|all|tv|television|home|video|entertainment|free|pay|digital|vod|svod|broadcast)$/;

export function extractTerritoryTakers(c: Ctx): void {
  const n = c.toks.length;
  if (RUMOUR_WORDS.test(c.words(0, n))) return;
  for (let v = 1; v < n; v++) {
    // ("X was also a buyer for the UK and Canada": the buyer's verb is its noun)
    const buyerNoun = c.tok(v) === 'buyer' && /\b(?:was|is|has been) (?:also )?(?:a|another|the)$/.test(c.words(Math.max(0, v - 4), v));
    if (!TOOK.test(c.tok(v)) && !buyerNoun) continue;
    let k = v + 1;
    if (c.tok(k) === 'up') k++;
    if (buyerNoun && c.tok(k) === 'for') k++;
    // the object: territories, "Danish rights", "rights to Poland", "the German-language rights for Austria"
    let terrs: string[] = [];
    let j = k;
    while (j < n && j < k + 5 && RIGHTS_WORDS.test(c.tok(j)) && !c.isTerr(j)) j++;
    if (/^(?:to|for|in)$/.test(c.tok(j)) && c.tok(j - 1) === 'rights') j++;
    if (c.isTerr(j)) {
      const l = c.terrList(j, true);
      // a nationality is a territory only before its rights ("Danish rights", not "Danish films")
      const natOnly = l.exprs.length && c.item(j).ent === 'nationality';
      if (!natOnly || c.tok(l.end) === 'rights' || c.tok(l.end + 1) === 'rights') terrs = l.exprs;
      j = l.end;
      while (j < n && RIGHTS_WORDS.test(c.tok(j))) j++;
    }
    if (!terrs.length) continue;
    // the clause ends there: a film named after it is its own ("rights to Poland on T", "Poland for T")
    const end = c.clauseEnd(v);
    let titled = false;
    for (let t = v + 1; t < end; t++) if (c.isTitle(t)) titled = true;
    if (titled || !/^(?:\.|;|,|and|$)$/.test(c.tok(j) || '')) continue;
    // the subject: a company right before the verb ("X has acquired"), or before an apposition that ends there
    // ("X, a buyer of T2 and T3, has acquired")
    let s = v - 1;
    while (s > 0 && /^(?:has|have|had|also|now|already|recently|since)$/.test(c.tok(s))) s--;
    if (buyerNoun) while (s > 0 && /^(?:was|is|has|been|also|a|another|the)$/.test(c.tok(s))) s--;
    let subject = -1;
    let appos = -1;
    // (a name the article does not place is a company after a country's possessive, "Denmark's Nordlys", or before
    // a description of a company, "Nordlys, a buyer of ...")
    const company = (p: number, described: boolean) =>
      c.isOrg(p) &&
      (!c.isPer(p) || (c.item(p).ent !== 'person' && (described || (p > 0 && c.isTerr(p - 1) && c.raw(p - 1).endsWith("'s")))));
    if (company(s, false)) subject = s;
    else if (c.tok(s) === ',') {
      for (let p = s - 1; p >= 0 && p >= s - 30; p--) {
        if (c.tok(p) === ',' && company(p - 1, TRADE.test(c.words(p + 1, s)))) {
          subject = p - 1;
          appos = p;
          break;
        }
        if (c.tok(p) === '.' || c.tok(p) === ';' || c.tok(p) === '(' || c.tok(p) === ')') break;
      }
    }
    if (subject < 0) continue;
    // a subject at the clause's start: the sentence's first name, after a country's possessive ("Denmark's X"), or
    // after a fronted phrase or a description closed by a comma ("In further deals, X", "Another buyer, X")
    const before = c.tok(subject - 1);
    // (or after the noun of its trade that opens the sentence: "SVOD service X", "Russian net X")
    const described =
      subject > 0 &&
      subject <= 3 &&
      /^(?:[a-z-]+|N\d+|R\d+)(?: (?:[a-z-]+|N\d+))*$/.test(c.words(0, subject)) &&
      !/\b(?:the|and|of|to|for)\b/.test(c.words(0, subject));
    if (
      subject > 0 &&
      !described &&
      !(before === ',' || (c.isTerr(subject - 1) && subject - 1 === 0) || (c.isTerr(subject - 1) && c.tok(subject - 2) === ','))
    )
      continue;
    const buyer = c.name(subject);
    if (companyEntry(buyer)?.kind === 'sales-agent' || /^(?:sales|sold|selling)\b/.test(c.words(subject + 1, subject + 2))) continue;
    // (a country's possessive before the buyer is its territory: "Denmark's X")
    const home = c.isTerr(subject - 1) && c.terr(subject - 1) ? [c.terr(subject - 1)!] : [];
    const title = c.st.focus ?? c.st.lead;
    if (!title) continue;
    // (a deal another rule read without its territory is completed: "X has purchased rights to Poland")
    const placedHere = new Set(
      dealsHere(c)
        .filter((d) => d.fields.territories)
        .map((d) => `${nk(d.fields.title)}|${nk(d.fields.buyer)}`),
    );
    if (!placedHere.has(`${nk(title)}|${nk(buyer)}`)) addDeal(c, title, buyer, terrs, { seller: sentenceSeller(c) }, 0.7);
    // the apposition's own films: "a buyer of T2, T3 and T4", "which acquired T2", "which released T2"
    if (appos >= 0) {
      const words = c.words(appos + 1, s);
      if (
        /^(?:(?:a|an|the) (?:\S+ ){0,3}buyer of|which (?:also )?(?:acquired|bought|released|distributed|picked up)|whose (?:\S+ )?(?:slate|line-up|lineup|catalogue|catalog) (?:features|includes|included|boasts))\b/.test(
          words,
        )
      )
        for (let t = appos + 1; t < s; t++) if (c.isTitle(t)) addDeal(c, c.item(t).text, buyer, home, { seller: null }, 0.6);
    }
    v = j;
  }
}
