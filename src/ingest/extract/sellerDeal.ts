/**
 * A seller's deal told with its territories and media before the deal word:
 * "Lumen Sales has closed a U.K. and Ireland distribution deal with Brightwell
 * Pictures on T", "Northlight closed U.S. rights on T with Kestrel Films",
 * "Lumen secured a deal with Sora Pictures for Japan". The subject is the
 * seller, the company after "with" the buyer, unless the gazetteer or the
 * name says the other way round (the company after "with" a sales company
 * and the subject not). Talks ("is close to signing a deal with") are not deals. One pass
 * over the sentence's tokens.
 */
import { companyEntry } from '../companies.js';
import { type Ctx, nk } from './context.js';
import { addDeal, lastTitleBefore, subjectBefore } from './dealTerms.js';
import { readSaleList } from './saleList.js';
import { RUMOUR_WORDS } from './words.js';

const VERB =
  /^(?:closed|closes|struck|strikes|inked|inks|signed|signs|sealed|seals|concluded|secured|secures|agreed|finalized|finalised|pacted|pacts)$/;
const DEAL = /^(?:deal|deals|pact|agreement|rights)$/;
// the words between the verb and the deal word besides territories: "a U.K. and Ireland theatrical distribution deal"
const FILLER =
  /^(?:a|an|the|and|,|\/|&|all|distribution|theatrical|tv|television|free|pay|pay-tv|free-tv|home|entertainment|video|dvd|vod|svod|avod|digital|streaming|broadcast|licensing|license|licence|output|exclusive|first-look|multi-year|new|separate|further|territorial|(?:\w+-)?speaking)$/;

export function extractSellerDeal(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 0; v < n; v++) {
    if (!VERB.test(c.tok(v))) continue;
    const terrs: string[] = [];
    let k = v + 1;
    let filler = 0;
    while (k < n && filler < 10) {
      if (c.isTerr(k)) {
        const l = c.terrList(k);
        if (!l.exprs.length) break;
        terrs.push(...l.exprs);
        k = l.end;
        continue;
      }
      if (!FILLER.test(c.tok(k))) break;
      k++;
      filler++;
    }
    // "closed a deal with X" is read by the seller rules already ("secured a deal with X" is not)
    if (!DEAL.test(c.tok(k)) || k === v + 1 || (k === v + 2 && c.tok(v + 1) === 'a' && c.tok(v) === 'closed')) continue;
    if (c.tok(k) === 'rights' && !terrs.length) continue;
    const dealEnd = k + 1;
    const limit = Math.min(n, c.clauseEnd(dealEnd) + 1);
    let buyer: string | null = null;
    let title: string | null = null;
    for (let j = dealEnd; j < Math.min(limit, dealEnd + 14); j++) {
      if (c.tok(j) === 'with' && !buyer) {
        const b = c.tok(j + 1) === 'the' && c.isOrg(j + 2) ? j + 2 : j + 1;
        if (c.isOrg(b) && !c.raw(b).endsWith("'s")) buyer = c.name(b);
        else if (c.raw(b).endsWith("'s") && c.isOrg(b + 1)) buyer = c.name(b + 1);
        continue;
      }
      if (!title && ['on', 'for', 'to'].includes(c.tok(j))) {
        // "on the debut feature from Ana Ruiz, T": the first title of the clause after it
        for (let t = j + 1; t < Math.min(n, j + 9); t++) {
          if (c.isTitle(t)) {
            title = c.item(t).text;
            break;
          }
          if (c.tok(t) === 'with' || c.tok(t) === '.' || c.tok(t) === ';') break;
        }
      }
      if (c.tok(j) === 'for' && c.isTerr(j + 1) && !terrs.length) terrs.push(...c.terrList(j + 1, false).exprs);
    }
    if (!buyer) continue;
    const subj = subjectBefore(c, v);
    let seller = subj?.names[subj.names.length - 1] ?? null;
    const prefix = c.words(c.clauseStart(v), v);
    if (RUMOUR_WORDS.test(prefix) && /\b(?:talks|negotiat\w*|close to|near\w*|could|may|might|expected|not|denied)\b/.test(prefix))
      continue;
    if (c.tok(v - 1) === 'to') continue; // "is set to sign a deal with"
    const ttl = title ?? lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    if (!ttl) continue;
    // a distributor closing a deal with a sales company is the buyer
    const sells = (name: string) => companyEntry(name)?.kind === 'sales-agent' || /\bsales\b/i.test(name);
    if (seller && sells(buyer) && !sells(seller)) [seller, buyer] = [buyer, seller];
    if (seller && nk(seller) === nk(buyer)) seller = null;
    if (seller) c.st.seller = { company: seller, title: ttl };
    addDeal(c, ttl, buyer, terrs, { seller }, 0.85);
  }
}

const CONCLUDED =
  /^(?:(?:was|were|has been|have been|had been|is|are) (?:also |now |just |already )?)(?:concluded|closed|signed|struck|agreed|inked|finalized|finalised|sealed|done|set|confirmed)\b/;

/**
 * A deal as the subject of a passive: "A deal with Brightwell Pictures for the U.K. was concluded before the
 * market", "Deals with X for Spain and Y for Italy were signed". The title is the one the sentence or the
 * article is about; the seller the one the article gave for it.
 */
export function extractConcludedDeal(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n; v++) {
    if (!/^deals?$/.test(c.tok(v)) || c.tok(v + 1) !== 'with' || !/^(?:a|an|the|separate|further|new|other)$/.test(c.tok(v - 1))) continue;
    const limit = c.clauseEnd(v + 2);
    const tail = c.words(v + 2, Math.min(n, limit + 1));
    const at = tail.search(/\b(?:was|were|has been|have been|had been|is|are) /);
    if (at < 0 || !CONCLUDED.test(tail.slice(at))) continue;
    if (RUMOUR_WORDS.test(c.words(0, v)) && /\b(?:talks|negotiat\w*|close to|near\w*|not|denied)\b/.test(c.words(0, n))) continue;
    const list = readSaleList(c, v + 1, limit);
    const ttl = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    if (!ttl) continue;
    const seller = c.st.seller && (!c.st.seller.title || nk(c.st.seller.title) === nk(ttl)) ? c.st.seller.company : null;
    for (const item of list) addDeal(c, ttl, item.buyer, item.terrs, { seller }, 0.8);
  }
}

/**
 * "Over 20 countries have acquired it so far, such as France (X), the UK (Y)": a sales list on the title in focus.
 * "Mubi announced multi-territory deals for P's T, P2's T2 and T3": a distributor's, streamer's or broadcaster's
 * (as the gazetteer knows it) deals, one per title; a sales company's deals are its sales and read elsewhere.
 */
export function extractCountedSales(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 0; v < n; v++) {
    if (!/^(?:countries|territories|buyers|distributors)$/.test(c.tok(v))) continue;
    const m =
      /^(?:have|has) (?:already |now |also )?(?:acquired|bought|picked up|taken|licensed) (?:it|the film|the title)(?: so far| already| to date)?(?: ,)? (?:such as|including|among them|among which)\b/.exec(
        c.words(v + 1, v + 12),
      );
    if (!m) continue;
    const start = v + 1 + m[0].split(' ').length;
    const ttl = c.st.focus ?? c.st.lead;
    if (!ttl) continue;
    const seller = c.st.seller && (!c.st.seller.title || nk(c.st.seller.title) === nk(ttl)) ? c.st.seller.company : null;
    for (const item of readSaleList(c, start, c.clauseEnd(start))) addDeal(c, ttl, item.buyer, item.terrs, { seller }, 0.8);
  }
}

export function extractBuyerDeals(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n; v++) {
    if (!/^(?:announced|closed|struck|inked|signed|sealed|unveiled|confirmed)$/.test(c.tok(v))) continue;
    let k = v + 1;
    while (
      k < v + 5 &&
      /^(?:new|further|several|multiple|multi-territory|multiterritory|territorial|distribution|international|a|string|of|raft)$/.test(
        c.tok(k),
      )
    )
      k++;
    if (!/^deals$/.test(c.tok(k)) || !/^(?:for|on)$/.test(c.tok(k + 1))) continue;
    const subj = subjectBefore(c, v);
    const buyer = subj?.names[subj.names.length - 1];
    const kind = buyer ? companyEntry(buyer)?.kind : undefined;
    if (!buyer || !kind || kind === 'sales-agent') continue;
    if (RUMOUR_WORDS.test(c.words(0, v)) && /\b(?:talks|negotiat\w*|close to|near\w*|not|denied)\b/.test(c.words(0, v))) continue;
    const titles: string[] = [];
    const terrs: string[] = [];
    const limit = c.clauseEnd(k + 2);
    for (let j = k + 2; j < n && j < k + 30; j++) {
      if (c.isTitle(j)) titles.push(c.item(j).text);
      else if ((c.tok(j) === 'for' || c.tok(j) === 'in') && c.isTerr(j + 1) && titles.length) {
        const l = c.terrList(j + 1, false);
        terrs.push(...l.exprs);
        j = l.end - 1;
      } else if (j >= limit && c.tok(j) !== ',') break;
    }
    for (const t of titles) addDeal(c, t, buyer, terrs, {}, 0.8);
  }
}

/**
 * A seller's deal told with the verb alone: "Lumen Sales inked with Korea's Sora Pictures on T, plus catalog
 * title T2", "Northlight signed with Kestrel Films for T". The subject sells (turned when the company after
 * "with" is the sales company); each title after "on"/"for" in the clause is a deal, the possessive's
 * territory the deal's.
 */
export function extractInkedWith(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n - 2; v++) {
    if (!VERB.test(c.tok(v)) || c.tok(v + 1) !== 'with') continue;
    const subj = subjectBefore(c, v);
    let seller = subj?.names[subj.names.length - 1] ?? null;
    if (!seller) continue;
    let b = v + 2;
    const terrs: string[] = [];
    if (c.isTerr(b) && c.raw(b).endsWith("'s")) {
      const t = c.terr(b);
      if (t) terrs.push(t);
      b++;
    }
    if (!c.isOrg(b) || c.item(b).ent === 'person') continue;
    let buyer = c.name(b);
    if (c.tok(b + 1) !== 'on' && c.tok(b + 1) !== 'for') continue;
    const prefix = c.words(c.clauseStart(v), v);
    if (RUMOUR_WORDS.test(prefix) && /\b(?:talks|negotiat\w*|close to|near\w*|could|may|might|expected|not|denied)\b/.test(prefix))
      continue;
    const titles: string[] = [];
    const limit = Math.min(n, b + 30);
    for (let j = b + 2; j < limit; j++) {
      if (c.tok(j) === '.' || c.tok(j) === ';') break;
      if (c.isTitle(j)) titles.push(c.item(j).text);
    }
    if (!titles.length) continue;
    const sells = (name: string) => companyEntry(name)?.kind === 'sales-agent' || /\bsales\b/i.test(name);
    if (sells(buyer) && !sells(seller)) [seller, buyer] = [buyer, seller];
    for (const t of titles) addDeal(c, t, buyer, terrs, { seller }, 0.8);
  }
}
