/**
 * A release or a sale told with the company it goes through: "China, where the film will open on August 23 through
 * Teamer Media; North America on September 13 through Well Go USA", "also pre-sold for Malaysia and Brunei through
 * Hwa Yea", "its U.K. release through Dogwoof". The company after `through` / `via` is the buyer of the territory
 * written before it in the same clause; a clause after a semicolon goes on with the release its sentence opened. The
 * film is the one the sentence names before, else the film in focus. Never a sales company, never without a
 * territory, never in talks. One pass over the sentence's tokens.
 */
import { companyEntry } from '../companies.js';
import { lastTitleBefore } from './clauseSides.js';
import { type Ctx } from './context.js';
import { addDeal } from './dealTerms.js';

/** The words of a release or a sale, in the clause or the sentence before a semicolon. */
const RELEASE =
  /\b(?:release|releases|released|releasing|open|opens|opening|bow|bows|launch|launches|distributed|distribution|pre-sold|presold|sold)\b/;

export function extractReleaseThrough(c: Ctx): void {
  const n = c.toks.length;
  const all = c.words(0, n);
  if (!RELEASE.test(all) || /\b(?:talks|negotiat\w*|could|would|may|might|hopes?|plans?)\b/.test(all)) return;
  // (box office since a release is a release's report, no sale: "has grossed €3m since its release through X")
  if (/\b(?:grossed|grosses|box[- ]office|admissions|takings)\b/.test(all)) return;
  const said = c.plain(0, n);
  for (let v = 1; v < n; v++) {
    if ((c.tok(v) !== 'through' && c.tok(v) !== 'via') || !c.isOrg(v + 1) || c.isPer(v + 1)) continue;
    const buyer = c.name(v + 1);
    if (companyEntry(buyer)?.kind === 'sales-agent') continue;
    // the film's own producer or seller releasing it ("produced by X, opens through X, which is also handling sales")
    if (said.indexOf(buyer) < said.lastIndexOf(buyer) || /^,? (?:which|who) (?:is|are) (?:also )?handling\b/.test(c.words(v + 2, v + 7)))
      continue;
    // the territory: the last one written before `through`, back to a semicolon or a full stop, at most 16 tokens back
    // and 12 before its clause's start ("China, where the film will open on August 23 through X" reaches back past the
    // comma of the relative clause)
    const from = c.clauseStart(v);
    let terrs: string[] = [];
    for (let j = v - 1; j >= Math.max(0, from - 12) && j >= v - 16; j--) {
      if (c.tok(j) === ';' || c.tok(j) === '.') break;
      if (c.isTerr(j) && c.item(j).ent === 'territory') {
        let a = j;
        while (a > 0 && (c.isTerr(a - 1) || c.tok(a - 1) === 'and' || c.tok(a - 1) === ',') && c.isTerr(a - 2)) a -= 2;
        terrs = c.terrList(a, false).exprs;
        break;
      }
    }
    if (!terrs.length) continue;
    // (the release words in this clause or before the semicolons of its sentence)
    if (!RELEASE.test(c.words(0, v))) continue;
    const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    if (!title) continue;
    addDeal(c, title, buyer, terrs, { seller: null }, 0.7);
  }
}
