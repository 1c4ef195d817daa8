/**
 * A market rundown's record: the film with its credits in parentheses, a dash, then each buyer with the rights it
 * took, as festival and market round-ups list acquisitions: "T (Dir.: P)--X: all Nordic rights", "T (Dirs.: P and
 * P2; Prods.: P3)—X: US Television Rights; Y: US Home Video Rights". One deal per buyer, its territories read from
 * the words before the media ("US, UK and Mexico Home Video ..."). The record must open the sentence and carry a
 * credit (Dir., Dirs., Prod., Prods.) in its parenthesis: a dash after a name alone is too often an aside.
 */
import { companyEntry } from '../companies.js';
import { type Ctx, dealsHere, nk, spellTerritories } from './context.js';
import { addDeal } from './dealTerms.js';

const RECORD = /^\s*([^()]{2,90}?)\s*\((?:Dirs?\.|Dirs?\.\/Prods?\.|Prods?\.|Directors?:)[^()]{1,160}\)\s*(?:--|—|–)\s*(.+)$/u;
/** The words of media and rights that end a record's territories ("Home Video Distribution Rights"). */
const MEDIA =
  /\b(?:all|home|video|television|tv|theatrical|distribution|rights|dvd|vod|svod|digital|broadcast|free|pay|ancillary|worldwide rights)\b/i;

export function extractRundownRecords(c: Ctx): void {
  const m = RECORD.exec(c.sent.text);
  if (!m) return;
  const title = m[1].trim();
  if (!/^\p{Lu}|^\d/u.test(title) || /[.;:]$/.test(title)) return;
  const have = new Set(dealsHere(c).map((d) => nk(d.fields.buyer)));
  for (const part of m[2].replace(/\s+https?:\/\/\S+\s*$/, '').split(';')) {
    // (a buyer alone, its rights not written: "T (Dir.: P)--X")
    const at = part.includes(':') ? part.indexOf(':') : part.length;
    if (at < 2) continue;
    const buyer = part.slice(0, at).trim().replace(/[.]$/, '');
    // a sales company's record is its mandate ("X: International Sales"), never a deal
    if (/\bsales\b/i.test(part.slice(at)) || companyEntry(buyer)?.kind === 'sales-agent') continue;
    if (!/^\p{Lu}/u.test(buyer) || buyer.split(/\s+/).length > 6 || have.has(nk(buyer))) continue;
    const rights = part.slice(at + 1).trim();
    // the territories: the words before the first word of media ("US, UK and Mexico Home Video"), or the rights
    // spelled whole ("Worldwide Rights (excluding North America)")
    const cut = MEDIA.exec(rights);
    const head = (cut ? rights.slice(0, cut.index) : rights).replace(/[\s,]+$/, '');
    const excl = /\((?:excluding|except|ex\.?|outside) ([^)]+)\)/i.exec(rights);
    let terr = head ? spellTerritories(head) : null;
    if (!terr && /^(?:worldwide|world)\b/i.test(rights)) terr = 'Worldwide';
    // "all Nordic rights": a region's adjective after "all"
    if (!terr && /^all\s+/i.test(rights)) {
      const region = /^all\s+(\p{Lu}[\p{L}-]+)/u.exec(rights);
      terr = region ? spellTerritories(region[1]) : null;
    }
    if (terr && excl) terr = spellTerritories(`${terr} excluding ${excl[1]}`) ?? terr;
    addDeal(c, title, buyer, terr ? [terr] : [], { seller: null }, 0.7);
  }
}
