/**
 * Deals told by a headline in the trade's Title Case, the article's own or a
 * linked one inside the text ("READ MORE: ...", "Related Story"):
 *
 *   Kino Lorber Picks Up 'Dawson City', Magnolia Buys 'Lucky' and More
 *   Mubi Acquires U.K. Rights To Ana Ruiz's 'Salt Road'
 *
 * one deal per `Company Verb ... 'Title'`. The sketch reads a Title Case
 * headline's words as words (so "Picks Up" is not a name); this rule reads the
 * line's text directly: a run of capitalized words, a headline verb, an
 * optional "X Rights To" and up to four capitalized words (a director's
 * possessive, "Sundance Drama"), then a quoted title. Bounded repetition over
 * one line: linear.
 */
import { territoryOf } from '../sketch.js';
import { KNOWN_COMPANY_KEYS, findEvent } from '../lexicon.js';
import { nameKey } from '../names.js';
import { addDeal } from './dealTerms.js';
import type { Ctx } from './context.js';

const WORD = String.raw`[\p{Lu}\d][\p{L}\d.&'’+-]*`;
const VERBS = String.raw`(?:Picks Up|Picked Up|Buys|Bought|Acquires|Acquired|Nabs|Nabbed|Lands|Landed|Takes|Grabs|Snaps Up|Scoops Up|Pre-Buys|Swoops On|Swoops For|Bags|Nets|Boards|Inks Deal For|Closes Deal For|Sets Deal For|Strikes Deal For)`;
const HEADLINE_DEAL = new RegExp(
  String.raw`(?:^|[:,;|–—-]\s*|\band\s+|\bAnd\s+)(${WORD}(?:\s${WORD}){0,4}?)\s${VERBS}\s((?:${WORD}\s){0,3}?Rights\s(?:To|On|For)\s)?((?:${WORD}\s){0,6}?)['"‘“]([^'"‘’“”\n]{2,80}?)[,.]?['"’”](?:\s+[Ff]or\s+(${WORD}(?:(?:,\s|\s[Aa]nd\s|\s&\s|\s)${WORD}){0,8}))?`,
  'gu',
);

// the film first: "'T' Sells To Neon", "'T' Lands At Mubi For U.K.", "'T' Picked Up By Neon" (not "Goes To" or "Heads
// To", as often a festival's)
const PASSIVE_VERBS = String.raw`(?:Sells To|Sold To|Lands At|Lands With|Finds (?:A )?Home (?:At|With)|Acquired By|Picked Up By|Bought By|Nabbed By|Snapped Up By|Taken By|Pre-Sells To|Pre-Sold To)`;
const HEADLINE_PASSIVE = new RegExp(
  String.raw`['"‘“]([^'"‘’“”\n]{2,80}?)[,.]?['"’”]\s${PASSIVE_VERBS}\s(${WORD}(?:\s${WORD}){0,4}?)(?=\s*$|\s*[,;:|–—-]|\s(?:[Ff]or|[Ii]n|[Aa]nd|&)\s)(?:\s(?:[Ff]or|[Ii]n)\s(${WORD}(?:(?:,\s|\s[Aa]nd\s|\s&\s|\s)${WORD}){0,8}))?`,
  'gu',
);
// the release planned: "Curzon To Release 'T' In U.K.", "Neon To Distribute 'T'"
const HEADLINE_RELEASE = new RegExp(
  String.raw`(?:^|[:,;|–—-]\s*)(${WORD}(?:\s${WORD}){0,4}?)\sTo\s(?:Release|Distribute)\s['"‘“]([^'"‘’“”\n]{2,80}?)[,.]?['"’”](?:\s+(?:[Ii]n|[Ff]or)\s+(${WORD}(?:(?:,\s|\s[Aa]nd\s|\s&\s|\s)${WORD}){0,8}))?`,
  'gu',
);

/** Words a headline starts with that are no company: "Film Acquisition Rundown", "Exclusive", "Cannes". */
const NOT_BUYER = /\b(?:rundown|exclusive|update|updated|breaking|read more|related story|watch|review|box office|trailer)\b/i;

export function extractHeadlineDeals(c: Ctx): void {
  const line = c.sent.text;
  if (line.length > 400 || !/['"‘“]/.test(line)) return;
  // only a line in Title Case: a headline, or a headline linked inside the text
  const words = line.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (words.length < 3 || caps / words.length < 0.6) return;
  for (const m of line.replace(/^(?:READ MORE|Related Story|RELATED|Related)\s*:?\s*/, '').matchAll(HEADLINE_DEAL)) {
    const buyer = m[1].trim();
    if (NOT_BUYER.test(buyer) || territoryOf(buyer) || c.st.reg.kinds.get(nameKey(buyer)) === 'person') continue;
    // a company the article or the trade knows, or a name of at most four words
    if (!KNOWN_COMPANY_KEYS.has(nameKey(buyer)) && c.st.reg.kinds.get(nameKey(buyer)) !== 'company' && buyer.split(' ').length > 4)
      continue;
    const rights = m[2] ? m[2].replace(/\s(?:Rights)\s(?:To|On|For)\s$/, '').trim() : '';
    const terr = rights ? territoryOf(rights.replace(/^(?:All|Worldwide)\s/, '')) : undefined;
    const title = m[4].trim().replace(/[,.]$/, '');
    // "... 'T' for Italy, Turkey and India": the territories after the title, when every one of them is a territory
    const after = m[5] ? m[5].split(/,\s*|\s+(?:and|And|&)\s+/).map((t) => territoryOf(t.trim())) : [];
    const tail = after.length && after.every((t) => t) ? after.map((t) => t!.expr) : [];
    const terrs = terr ? [terr.expr] : rights === 'Worldwide' ? ['Worldwide'] : tail;
    addDeal(c, title, buyer, terrs, { seller: null }, 0.7);
  }
  const text = line.replace(/^(?:READ MORE|Related Story|RELATED|Related)\s*:?\s*/, '');
  for (const m of text.matchAll(HEADLINE_PASSIVE)) headlineSale(c, m[1], m[2], m[3]);
  for (const m of text.matchAll(HEADLINE_RELEASE)) if (m[3]) headlineSale(c, m[2], m[1], m[3]);
}

/** A headline's sale told film first or as a release: a buyer that is a company (not a festival, a place or a person), the territories if all are. */
function headlineSale(c: Ctx, rawTitle: string, rawBuyer: string, rawTerrs: string | undefined): void {
  const buyer = rawBuyer.trim();
  if (NOT_BUYER.test(buyer) || territoryOf(buyer) || findEvent(buyer) || c.st.reg.kinds.get(nameKey(buyer)) === 'person') return;
  if (!KNOWN_COMPANY_KEYS.has(nameKey(buyer)) && c.st.reg.kinds.get(nameKey(buyer)) !== 'company' && buyer.split(' ').length > 4) return;
  // the territories up to the first item that is none ("For U.S., Mubi For U.K.": the next sale)
  const terrs: string[] = [];
  for (const t of rawTerrs ? rawTerrs.split(/,\s*|\s+(?:and|And|&)\s+/) : []) {
    const place = territoryOf(t.trim());
    if (!place) break;
    terrs.push(place.expr);
  }
  addDeal(c, rawTitle.trim().replace(/[,.]$/, ''), buyer, terrs, { seller: null }, 0.7);
}
