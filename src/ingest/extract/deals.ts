/**
 * Deals: acquired, nabbed, picked up, pre-bought, sold to; and the talks,
 * rumours and denials that never become deals (low-confidence rumour facts).
 */
import { describedBuyer } from './describedBuyer.js';
import { companyEntry } from '../companies.js';
import { splitHomeCountry } from './homeCountry.js';
import { learn } from '../sketch.js';
import { COMPANY_PRONOUN, DEAL_VERBS, PASSIVE_VERBS, PRONOUN_TITLE, RUMOUR_WORDS, SELL_VERBS } from './words.js';
import { type Ctx, add, joinList, nameSubjectOf, nk, validMedia, validTerritories } from './context.js';
import {
  addDeal,
  brokeredBy,
  dealConfidence,
  lastTitleBefore,
  pastAlias,
  readDealObject,
  rumourKind,
  sentenceSeller,
  subjectBefore,
} from './dealTerms.js';
import { readSaleList, readSales } from './saleList.js';

/** The first words of the list intros of rule 2 (its expressions are anchored there): any other word is passed over at once. */
const LIST_INTRO_START = new Set(
  'deals other further additional more previous earlier prior existing buyers sales pre-sales presales territories licensees distributors has have was were individual territory new separate also clinched closed inked signed recent latest returning broadcast tv among previously already announced acquisitions pickups purchases licensing licence license arrangements release'.split(
    ' ',
  ),
);

/**
 * The film a list of sales names after its items: `deals were signed with X (R), Y (R2) for P's family film T` (a
 * `for` the list's items do not own: no territory follows it).
 */
function titleAfterList(c: Ctx, start: number, limit: number): string | null {
  for (let k = start; k < limit; k++) {
    if (c.tok(k) !== 'for') continue;
    for (let j = k + 1; j < Math.min(limit, k + 7); j++) {
      if (c.isTitle(j)) return c.item(j).text;
      if (!/^(?:P\d+(?:'s)?|the|[a-z-]+)$/.test(c.tok(j)) || /^(?:and|or|with|to|in)$/.test(c.tok(j))) break;
    }
  }
  return null;
}

/** Words of manner between a passive verb and its parts ("released theatrically in Germany by X"). */
const RELEASE_MANNER = /^(?:theatrically|digitally|domestically|locally|nationally|nationwide|exclusively|theatrically,)$/;

/** A company that takes a licence (a broadcaster, a streamer, a distributor), not one that grants it: "was licensed by SVT Sweden". */
function licensee(name: string): boolean {
  const kind = companyEntry(splitHomeCountry(name)?.company ?? name)?.kind;
  return kind === 'broadcaster' || kind === 'streamer' || kind === 'distributor';
}

export function extractDeals(c: Ctx): void {
  const n = c.toks.length;
  const used = new Set<number>();
  // 1. seller sells: "The Match Factory has also closed deals with Lucky Red for Italy, ..."
  for (let v = 0; v < n; v++) {
    // ("X has closed Germany with Y, Austria with Z": a seller closes territories)
    // ("Busan saw X sell T to R (Y)": the seller's sale told after `saw`)
    const sawSell = c.tok(v) === 'sell' && /^(?:saw|sees|see)$/.test(c.tok(v - 2)) && c.isOrg(v - 1) ? 1 : 0;
    const len =
      c.phraseAt(v, SELL_VERBS) || sawSell || (c.tok(v) === 'closed' && c.isTerr(v + 1) && c.item(v + 1).ent === 'territory' ? 1 : 0);
    if (!len) continue;
    if (c.tok(v - 1) === 'been' || c.tok(v - 1) === 'being' || c.tok(v - 1) === 'was' || c.tok(v - 1) === 'were' || c.tok(v - 1) === 'is')
      continue;
    const subj = subjectBefore(c, v);
    // "T by Ana Ruiz sold to X": the film's maker, not its seller
    let seller = subj && c.tok(subj.start - 1) !== 'by' ? (subj.names[subj.names.length - 1] ?? null) : null;
    if (!seller && /^(?:which|who)$/.test(c.tok(v - 1)) === false && c.tok(v - 1) === 'also' && c.st.seller) seller = c.st.seller.company;
    const limit = c.clauseEnd(v + len);
    let k = v + len;
    let title: string | null = null;
    const more: string[] = [];
    // "sold T to ...", "closed deals on T with ..."
    if (['on', 'for'].includes(c.tok(k)) && (c.isTitle(k + 1) || PRONOUN_TITLE.test(c.words(k + 1, k + 3)))) k++;
    // "sold U.S. theatrical and DVD rights on T to X": territories and media before the title
    const objTerrs: string[] = [];
    for (let s2 = k; s2 < Math.min(limit, k + 8); s2++) {
      const [t, tn] = c.titleAt(s2);
      if (t) {
        title = t;
        k = pastAlias(c, s2 + tn);
        // "sold “T” and “T2” to X", "sold T, T2 and T3 to X": every film of the object goes to the buyers after it
        // (each maker's possessive before its film: "sold P's T and P2's T2 to X")
        const nextAt = (j: number) => {
          const at = j + (c.tok(j + 1) === 'and' ? 2 : 1);
          return /^[PE]\d+$/.test(c.tok(at)) && /['’]s$/.test(c.raw(at)) && c.isTitle(at + 1) ? at + 1 : at;
        };
        while ((c.tok(k) === 'and' || c.tok(k) === ',') && c.isTitle(nextAt(k))) {
          const at = nextAt(k);
          more.push(c.item(at).text);
          k = pastAlias(c, at + 1);
        }
        if (more.length && c.tok(k) !== 'to') more.length = 0;
        break;
      }
      if (c.isTerr(s2) && /\brights (?:on|to|for)\b/.test(c.words(s2 + 1, s2 + 7))) {
        const l = c.terrList(s2);
        objTerrs.push(...l.exprs);
        s2 = l.end - 1;
        continue;
      }
      if (
        !/^(?:[a-z-]+|N\d+|[FAS]\d+|P\d+'s|E\d+'s)$/.test(c.raw(s2)) ||
        (['to', 'with', 'for', 'in'].includes(c.tok(s2)) && c.tok(s2 - 1) !== 'rights')
      )
        break;
    }
    // "found takers worldwide: the U.K. (X), ...", "sold to twelve territories including Mexico (X), ...": the list follows
    if (/^(?:worldwide|internationally|abroad) :$/.test(c.words(k, k + 2))) k += 2;
    const counted =
      /^(?:to )?(?:\w+ |more than \w+ |over \w+ |a (?:raft|number|host|slew|string) of )?(?:territories|countries|markets|buyers|distributors)(?: so far| already)?(?: ,)? (?:including|such as|among them|led by|:)/.exec(
        c.words(k, k + 8),
      );
    if (counted && !/^T\d/.test(c.tok(k))) k += counted[0].split(' ').length;
    // "sold T widely – to X in France, ...": a manner and a dash before the buyers
    if (title && /^(?:widely|internationally|abroad|also|further)$/.test(c.tok(k)) && /^(?:[-–—,]|to)$/.test(c.tok(k + 1))) k++;
    if (title && /^[-–—]$/.test(c.tok(k)) && c.tok(k + 1) === 'to') k++;
    // seller-subject statements carry the seller to later sentences of the same title
    const read = readSales(c, k - (c.tok(k - 1) === 'with' ? 1 : 0), limit);
    const list = read.items;
    // one sale: "X sold T to Y", "X has sold North American rights to T to Y for Spain"
    // ("new broadcast sales to X, Y and Z": the verb's own `to`)
    const salesTo = c.tok(v) === 'sales' && c.tok(v + 1) === 'to';
    if (!list.length && salesTo && c.tok(k - 1) === 'to' && c.tok(k) !== 'to') k--;
    if (!list.length && (title || salesTo) && c.tok(k) === 'to' && c.isOrg(k + 1) && !c.raw(k + 1).endsWith("'s")) {
      const one = { buyer: c.name(k + 1), terrs: [] as string[] };
      if ((c.tok(k + 2) === 'for' || c.tok(k + 2) === 'in') && c.isTerr(k + 3)) one.terrs.push(...c.terrList(k + 3, false).exprs);
      list.push(one);
      // "sold T to X, Y and Z": buyers named bare, one after another to the end of the clause
      if (!one.terrs.length) list.push(...bareBuyers(c, k + 2, limit));
    }
    // "sold to X in Germany; Y in Benelux; and Z in the U.K.": a list the press runs on past semicolons. readSales went on
    // past those after a clause it read to the end; this goes on after one whose list stopped short of its end
    let end = read.end;
    while (list.length && c.tok(end) === ';') {
      const further = readSaleList(c, end + 1, c.clauseEnd(end + 1));
      if (!further.length) break;
      list.push(...further);
      end = c.clauseEnd(end + 1);
    }
    let later: string | null = null;
    for (let j = v; j < limit; j++) {
      if (!c.isTitle(j)) continue;
      // (its description between: "for P's rapper biopic T")
      let d = j - 1;
      while (
        d > j - 5 &&
        (/^[a-z][a-z-]*$/.test(c.tok(d)) || /^[PE]\d+'s$/.test(c.raw(d))) &&
        !/^(?:on|for|of|to|and|with)$/.test(c.tok(d))
      )
        d--;
      if (/^(?:on|for|of|to)$/.test(c.tok(d))) {
        later = c.item(j).text;
        break;
      }
    }
    // ("T, the festival's winner based on the opera T2, did brisk business, selling to ...": what the sentence is about,
    // its first film, not the last film named before the verb)
    const gerund = /^(?:selling|pre-selling)$/.test(c.tok(v));
    // (a title the sketch did not read, written before the apposition that opens the sentence: "U-Carmen e Khayelitsha,
    // the festival's winner, did brisk business, selling to")
    const unread =
      gerund && /^E\d+$/.test(c.tok(0))
        ? /^([\p{Lu}][\p{L}'’-]*(?: (?:[\p{Lu}][\p{L}'’-]*|e|y|et|of|the|de|la|le|du|del)){0,5}), the /u.exec(c.sent.text)
        : null;
    const opening = c.isTitle(0)
      ? c.item(0).text
      : c.isTitle(1) && /^[PE]\d+$/.test(c.tok(0))
        ? c.item(1).text
        : unread && c.item(0).ent !== 'person' && c.item(0).ent !== 'company'
          ? unread[1]
          : null;
    // (`with the latter recently pre-selling to`: the film the pronoun names; a sentence that opens on no film the
    // sketch read tells no sale of this kind)
    let pointed: string | null = null;
    for (let j = 0; j < v && gerund; j++) if (c.tok(j) === 'the' && /^(?:latter|former)$/.test(c.tok(j + 1))) pointed = c.titleAt(j)[0];
    if (gerund && !title && !later && !(pointed ?? opening)) continue;
    // ("as well as its sale of competition title T2 to X": a sale of a film the sketch could not read is no sale of
    // the film named before it)
    if ((c.seq(v, ['the', 'sale', 'of']) || c.seq(v, ['sale', 'of'])) && !title) continue;
    const ttl = title ?? later ?? (gerund ? (pointed ?? opening) : lastTitleBefore(c, v)) ?? c.st.focus ?? c.st.lead;
    const prefix = c.words(c.clauseStart(v), v);
    if (/\b(?:in talks|negotiations|denied|not|rumou?red|said to|believed to|reportedly)\b/.test(prefix)) continue;
    if (seller) c.st.seller = { company: seller, title: ttl };
    for (const item of list)
      for (const t of item.title ? [item.title] : [ttl, ...more])
        addDeal(c, t, item.buyer, item.terrs.length ? item.terrs : objTerrs, { seller, media: item.media ?? null }, 0.85);
    if (list.length) for (let j = v; j < end; j++) used.add(j);
  }
  // 2. list intros: "Other deals include ...", "Buyers include ...", "Deals are also in place with ..."
  for (let v = 0; v < n; v++) {
    if (used.has(v) || !LIST_INTRO_START.has(c.tok(v))) continue;
    let start = -1;
    const w = c.words(v, v + 6);
    const m =
      /^deals (?:(?:on|for) T\d+ )?(?:(?:are|were|have been|had been|have|had) )?(?:also )?(?:in place|struck|closed|done|inked|signed|agreed) (?:with|for)\b/.exec(
        c.words(v, v + 8),
      ) ??
      // ("New buyers at the market included", "Sales include those to", "Sales have been made to")
      // ("Sales deals reported to Screen include", "Deals announced so far include")
      /^(?:(?:other|further|additional|more|previous|earlier|prior|existing|new|recent|latest|returning|broadcast|tv|and) )*(?:sales )?(?:deals|buyers|sales|pre-sales|presales|territories sold|licensees|distributors)(?: (?:on|for) T\d+)?(?: (?:at|in|during) (?:the )?\S+)?(?: (?:reported|announced|confirmed|closed|done|inked|signed)(?: (?:to|by|at|in) \S+| so far)?)? (?:so far |already |also )?(?:include|included|includes|including|are|were|comprise|have been made to|were made to|have been|went to)(?: those to)?\b/.exec(
        c.words(v, v + 14),
      ) ??
      /^(?:(?:individual|territory|further|other|new|more|separate) )*deals (?:to|with)\b(?= (?:the )?[RN]\d)/.exec(w) ??
      /^(?:has|have) (?:also )?(?:gone|sold|been sold|been pre-sold|been picked up|been acquired|been licensed) (?:to|by)\b/.exec(w) ??
      /^(?:has been|was|were|have been) (?:also )?(?:picked up|acquired|bought) by\b/.exec(w) ??
      // ("has been licensed in newest deals off Berlin and now the Cannes Festival to X for R": where it was sold between)
      /^(?:has|have) (?:also )?been (?:sold|licensed|pre-sold) (?:(?:in|off|at|out of|during|and|now|the|newest|new|latest|further|recent|first|deals|market|F\d+) ){1,12}to\b/.exec(
        c.words(v, v + 18),
      ) ??
      // ("Among the new buyers were X in R, Y in R2")
      /^among (?:the )?(?:(?:new|other|latest|first|key) )?buyers (?:were|are|was|is)\b/.exec(w) ??
      // ("Also clinched are Switzerland (X), Portugal (Y)": the sales told after an inverted verb)
      /^(?:also )?(?:clinched|closed|inked|signed) (?:so far )?(?:are|were|have been)\b/.exec(w) ??
      // ("prior acquisitions by X in R and Y in R2", "licensing arrangements to X for R", "a theatrical release in R (X)")
      /^(?:acquisitions|pickups|purchases) by\b/.exec(w) ??
      /^(?:licensing|licence|license|distribution) (?:arrangements|deals|agreements|pacts) (?:to|with)\b/.exec(w) ??
      /^release in\b(?= (?:the )?R\d+ \()/.exec(w) ??
      // ("Previously announced were sales to X for R, Y for R2")
      /^(?:previously |already |earlier )?(?:announced|reported|confirmed|closed|inked|signed) (?:were|are|have been) (?:the )?(?:sales|deals|pre-sales) (?:to|with)\b/.exec(
        c.words(v, v + 8),
      ) ??
      // ("Further sales on P's comedy T (T2) were concluded with X for R and Y for R2": the film inside the intro)
      /^(?:(?:further|other|new|more|additional|first) )?(?:sales|deals|pre-sales) (?:on|for) (?:P\d+(?:'s)? )?(?:[a-z-]+ ){0,3}T\d+ (?:\( [^)]{1,20} \) )?(?:were|have been|had been|was|has been) (?:also )?(?:concluded|closed|signed|struck|inked|agreed|done) with\b/.exec(
        c.words(v, v + 16),
      );
    if (!m) continue;
    start = v + m[0].split(' ').length;
    const limit = c.clauseEnd(start);
    const list = readSaleList(c, start, limit);
    if (!list.length) continue;
    const [t] = c.titleAt(v - 1 >= 0 && c.isTitle(v - 1) ? v - 1 : -1);
    const inside = /\b(?:on|for) (?:P\d+(?:'s)? )?(?:[a-z-]+ ){0,3}T(\d+)\b/.exec(m[0]);
    const title =
      (inside ? c.sk.items[Number(inside[1])].text : null) ??
      titleAfterList(c, start, limit) ??
      t ??
      lastTitleBefore(c, v) ??
      c.st.focus ??
      c.st.lead;
    const seller = c.st.seller && (!c.st.seller.title || nk(c.st.seller.title) === nk(title)) ? c.st.seller.company : null;
    for (const item of list) addDeal(c, title, item.buyer, item.terrs, { seller }, 0.85);
    for (let j = v; j < limit; j++) used.add(j);
  }
  // 2b. deals in passing: "Other titles the streamer picked up in Cannes include T, T and T", "ORG's earlier acquisitions include T and T"
  for (let v = 0; v < n; v++) {
    if (used.has(v) || !/^(?:include|includes|included|including)$/.test(c.tok(v))) continue;
    const cs = c.clauseStart(v);
    const head = c.words(cs, v);
    if (!/\b(?:titles|films|acquisitions|pickups|pick-ups|releases|purchases|deals)\b/.test(head)) continue;
    let buyer: string | null = null;
    // ("Other Curzon deals locked in during the market included A, B and C": the company before its deals)
    for (let j = cs; j < v && !buyer; j++)
      if (
        c.isOrg(j) &&
        c.item(j).ent !== 'person' &&
        c.tok(j + 1) === 'deals' &&
        /^(?:other|further|more|new|recent|the)?$/.test(c.tok(j - 1) ?? '')
      )
        buyer = c.name(j);
    // "ORG's acquisitions", "titles ORG picked up", "titles the streamer picked up"
    for (let j = cs; j < v; j++) {
      if (c.isOrg(j) && c.item(j).ent !== 'person') {
        const after = c.words(j + 1, v);
        if (
          c.raw(j).endsWith("'s") &&
          /^(?:(?:other|earlier|previous|recent|past|latest|\d{4}) )*(?:acquisitions|pickups|pick-ups|purchases)\b/.test(after)
        )
          buyer = c.name(j);
        else if (/^(?:has |had |also |previously |recently )*(?:picked up|acquired|bought|nabbed|released|snapped up|landed)\b/.test(after))
          buyer = c.name(j);
        if (buyer) break;
      }
      if (/^the (?:streamer|distributor|company|studio|label|platform|buyer|outfit|banner)$/.test(c.words(j, j + 2)) && c.st.focusCompany) {
        if (
          /^(?:has |had |also |previously |recently )*(?:picked up|acquired|bought|nabbed|released|snapped up|landed)\b/.test(
            c.words(j + 2, v),
          )
        ) {
          buyer = c.st.focusCompany;
          break;
        }
      }
    }
    if (!buyer || RUMOUR_WORDS.test(head)) continue;
    const titles: string[] = [];
    let k = v + 1;
    while (k < n) {
      // (a maker's possessive, also where the sketch kept it in the name: "Tom Berg's" before a prize)
      const maker = /^[PE]\d+'s$/.test(c.raw(k)) || (/^[PE]\d+$/.test(c.tok(k)) && /['’]s$/.test(c.item(k).text));
      if (maker || c.tok(k) === ',' || c.tok(k) === 'and' || c.tok(k) === 'the') {
        k++;
        continue;
      }
      // ("P's Palme d'Or winner T": the prize the film won before it)
      if (/^A\d+$/.test(c.tok(k)) && c.tok(k + 1) === 'winner' && c.isTitle(k + 2)) k += 2;
      if (c.isTitle(k)) {
        titles.push(c.item(k).text);
        k++;
        // "T (2019)", "T, from ..."
        if (c.tok(k) === '(') while (k < n && c.tok(k) !== ')') k++;
        if (c.tok(k) === ')') k++;
        continue;
      }
      break;
    }
    if (!titles.length) continue;
    for (const t of titles) addDeal(c, t, buyer, [], { seller: null }, 0.7);
    for (let j = cs; j < k; j++) used.add(j);
  }
  // 3. passive: "T has been acquired by ORG for TERRS", "the film was acquired for North America by Janus Films", "T has been sold to X for France, ..."
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    if (!['been', 'was', 'were', 'is', 'are', 'be'].includes(c.tok(v))) continue;
    // "will be distributed in France by X": settled, so a deal; "could be acquired" is not
    if (c.tok(v) === 'be' && c.tok(v - 1) !== 'will' && !(c.tok(v - 1) === 'also' && c.tok(v - 2) === 'will')) continue;
    // "was also acquired by": an adverb between the auxiliary and the verb
    const vb = v + 1 + (/^(?:also|recently|previously|already|now|quickly|swiftly|just|subsequently)$/.test(c.tok(v + 1)) ? 1 : 0);
    const len = c.phraseAt(vb, PASSIVE_VERBS);
    if (!len) continue;
    const prefix = c.words(c.clauseStart(v), v);
    // the title: the subject before the auxiliary
    let title: string | null = null;
    let explicit = false;
    const cs = c.clauseStart(v);
    const others: string[] = [];
    for (let j = v - 1; j >= cs; j--) {
      const [t] = c.titleAt(j);
      if (t && (c.isTitle(j) || j >= v - 4)) {
        title = t;
        explicit = c.isTitle(j);
        // "“T” and “T2” were sold to X", "T, T2 and T3 were acquired by X": each film of the subject
        // (each maybe after its maker's possessive: "P's “T” and P2's “T2” were sold to X")
        const maker = (x: number) => (/['’]s?$/.test(c.raw(x)) && /^[PEC]\d+/.test(c.tok(x)) ? x - 1 : x);
        if (explicit && j === v - 1)
          for (let x = maker(j - 1); x > cs && (c.tok(x) === 'and' || c.tok(x) === ',') && c.isTitle(x - 1); x = maker(x - 2))
            others.unshift(c.item(x - 1).text);
        break;
      }
    }
    // "which was acquired by": the title before "which"
    if (!title && c.tok(v - 1) === 'which') title = lastTitleBefore(c, v);
    // "whose previous feature was bought by X", "her debut was picked up by X": another film, not the one in focus or
    // named before "whose" (a title's own rights stay: "T, whose U.S. rights were bought by X")
    const whose = prefix.lastIndexOf('whose ');
    const subject = whose >= 0 ? prefix.slice(whose) : title ? '' : prefix;
    if (/\b(?:previous|last|earlier|prior|first|debut|predecessor|original|prequel|sequel|follow-up|other)\b/.test(subject)) continue;
    title ??= c.st.focus ?? c.st.lead;
    // territories in the subject: "North American rights to T have been acquired"
    const subjTerrs: string[] = [];
    for (let j = cs; j < v; j++) if (c.isTerr(j) && c.tok(j + 1) === 'rights') subjTerrs.push(...c.terrList(j).exprs);
    let k = vb + len;
    const limit = c.clauseEnd(k);
    const terrs: string[] = [...subjTerrs];
    let buyer: string | null = null;
    let list: Array<{ buyer: string; terrs: string[] }> = [];
    let byseller: string | null = null;
    // "was picked up for distribution by A24", "was acquired for release by"
    if (c.tok(k) === 'for' && /^(?:distribution|release)$/.test(c.tok(k + 1)) && c.tok(k + 2) === 'by') k += 2;
    for (let round = 0; round < 4 && k < limit; round++) {
      // "will be released theatrically in Germany next June by X": a manner or a date between the parts
      while (
        k < limit &&
        (RELEASE_MANNER.test(c.tok(k)) ||
          /^D\d+$/.test(c.tok(k)) ||
          (/^(?:next|this|in|early|late)$/.test(c.tok(k)) && /^D\d+$/.test(c.tok(k + 1))))
      )
        k++;
      if ((c.tok(k) === 'for' || c.tok(k) === 'in') && c.isTerr(k + 1)) {
        // "for Benelux by Cinemaret, for Austria by Alpenkino": one sale per item
        const sales = round === 0 ? readSaleList(c, k, limit) : [];
        if (sales.length > 1) {
          list = sales;
          break;
        }
        const l = c.terrList(k + 1, false);
        terrs.push(...l.exprs);
        k = l.end;
        continue;
      }
      // "acquired by Nordlys regular client Arrow Films", "by U.K. distributor and long-time partner X": the company described
      const described = c.tok(k) === 'by' && !buyer ? describedBuyer(c, k + 1) : null;
      if (described) {
        if (described.territory) terrs.push(described.territory);
        buyer = c.name(described.at);
        k = described.at + 1;
        continue;
      }
      // "acquired by U.K. distributor Picturehouse": the buyer's country
      if (
        c.tok(k) === 'by' &&
        !buyer &&
        c.isTerr(k + 1) &&
        /^(?:distributor|buyer|streamer|broadcaster|label|outfit|company)$/.test(c.tok(k + 2)) &&
        c.isOrg(k + 3)
      ) {
        const t = c.terr(k + 1);
        if (t) terrs.push(t);
        buyer = c.name(k + 3);
        k += 4;
        continue;
      }
      // "was snapped up by Austria (X), Spain (Y) and Korea": by territories, each with its buyer in parentheses
      if (c.tok(k) === 'by' && !buyer && (c.isTerr(k + 1) || (c.tok(k + 1) === 'the' && c.isTerr(k + 2)))) {
        const l = readSaleList(c, k + 1, limit);
        if (l.length) {
          list = l;
          break;
        }
      }
      if (c.tok(k) === 'by' && /^[CE]\d+$/.test(c.tok(k + 1))) {
        // "is sold by Charades", "is licensed by": who sells, not who buys; the sales may follow ("was sold by X for the U.S. (Y), ...")
        if (
          /^(?:sold|pre-sold|presold|licensed)$/.test(c.tok(vb)) &&
          !/\bto\b/.test(c.words(vb + 1, k)) &&
          !(c.tok(vb) === 'licensed' && licensee(c.name(k + 1)))
        ) {
          const after = readSaleList(c, k + 2, limit);
          if (!byseller && after.length) {
            byseller = c.name(k + 1);
            list = after;
          }
          break;
        }
        const l = readSaleList(c, k + 1, limit);
        if (l.length > 1 || (l.length === 1 && l[0].terrs.length)) {
          list = l;
          break;
        }
        buyer = c.name(k + 1);
        k += 2;
        continue;
      }
      // "was sold to Italy (Fandango), Spain (Golem)", "was bought for the United States (IFC Films)"
      if ((c.tok(k) === 'to' || c.tok(k) === 'for') && (c.isTerr(k + 1) || (c.tok(k + 1) === 'the' && c.isTerr(k + 2)))) {
        const l = readSaleList(c, c.tok(k) === 'to' ? k : k, limit);
        if (l.length) {
          list = l;
          break;
        }
      }
      if (c.tok(k) === 'to' && /^[CE]\d+$/.test(c.tok(k + 1))) {
        list = readSaleList(c, k, limit);
        if (!list.length) {
          buyer = c.name(k + 1);
          k += 2;
        }
        break;
      }
      break;
    }
    if (!buyer && !list.length) continue;
    // "was released by X" is a deal only with its territory: "was released by Pan in France"
    if (/^(?:released|distributed)$/.test(c.tok(vb)) && !list.length && !terrs.length) continue;
    if (RUMOUR_WORDS.test(prefix) && /\b(?:talks|denied|denies|rumou?red|reportedly|not|no)\b/.test(prefix)) continue;
    // the seller: "sales agent Charades told Deadline", "sales company Cercamon said"
    const seller =
      byseller ??
      sentenceSeller(c) ??
      (c.st.seller && (!c.st.seller.title || nk(c.st.seller.title) === nk(title)) ? c.st.seller.company : null);
    const conf = explicit ? 0.85 : 0.75;
    for (const t of [...others, title]) {
      if (list.length) for (const item of list) addDeal(c, t, item.buyer, item.terrs, { seller }, conf);
      else if (buyer) addDeal(c, t, buyer, terrs, { seller }, conf);
    }
    // one buyer: the clause may go on with other sales ("which will be distributed in France by X, was bought for Benelux by Y")
    for (let j = v; j < (list.length ? limit : k); j++) used.add(j);
  }
  // 4. "TERRS went to ORG", "TERR rights went to ORG", "German rights went to X and Benelux rights to Y"
  for (let v = 0; v < n; v++) {
    if (used.has(v) || !c.isTerr(v)) continue;
    // a nationality only before "rights" ("German rights went to X")
    const adjective = c.item(v).ent !== 'territory';
    if (adjective && c.tok(v + 1) !== 'rights') continue;
    if (c.tok(v - 1) === 'for' || c.tok(v - 1) === 'in' || c.tok(v - 1) === '(') continue;
    const l = c.terrList(v, adjective);
    let k = l.end;
    if (c.tok(k) === 'rights') k++;
    if (c.seq(k, ['went', 'to']) && /^[CE]\d+$/.test(c.tok(k + 2))) {
      const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
      const seller = sentenceSeller(c);
      addDeal(c, title, c.name(k + 2), l.exprs, { seller }, 0.8);
      let e = k + 3;
      // the verb said once: "..., and Benelux (rights) to Y"
      while ((c.tok(e) === 'and' || c.tok(e) === ',') && c.isTerr(e + 1)) {
        const l2 = c.terrList(e + 1, true);
        let t = l2.end;
        if (c.tok(t) === 'rights') t++;
        if (c.tok(t) !== 'to' || !/^[CE]\d+$/.test(c.tok(t + 1)) || c.item(t + 1).ent === 'person') break;
        addDeal(c, title, c.name(t + 1), l2.exprs, { seller }, 0.8);
        e = t + 2;
      }
      for (let j = v; j < e; j++) used.add(j);
    } else if (c.seq(k, ['was', 'picked', 'up', 'by']) || c.seq(k, ['was', 'acquired', 'by']) || c.seq(k, ['was', 'taken', 'by'])) {
      const b = k + (c.tok(k + 1) === 'picked' ? 4 : 3);
      if (/^[CE]\d+$/.test(c.tok(b))) {
        const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
        addDeal(c, title, c.name(b), l.exprs, { seller: sentenceSeller(c) }, 0.8);
        for (let j = v; j <= b; j++) used.add(j);
      }
    }
  }
  // 5. buyers: "Neon has nabbed North American rights to T", "Eagle Films picked up the Middle East"
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    const len = c.phraseAt(v, DEAL_VERBS);
    if (!len) continue;
    const verb = c.toks.slice(v, v + len).join(' ');
    if (['been', 'being', 'was', 'were', 'is', 'are'].includes(c.tok(v - 1)) && !['has', 'had'].includes(verb)) continue;
    const subj = subjectBefore(c, v);
    if (!subj) continue;
    const limit = c.clauseEnd(v + len);
    const o = readDealObject(c, v + len, limit);
    // a title or territories are needed; "has"/"holds"/"owns" need territories
    if (['has', 'had', 'holds', 'owns'].includes(verb) && !o.terrs.length) continue;
    if (verb === 'had' && c.tok(v + len) !== 'rights' && !c.isTerr(v + len)) continue;
    if ((verb === 'distributed' || verb === 'released') && !(o.explicitTitle && o.terrs.length)) continue;
    if (verb === 'took' || verb === 'takes' || verb === 'taken' || verb === 'taking') {
      // "took home the Palme", "took $3 million": not deals
      if (!o.terrs.length && !c.words(v + len, v + len + 3).includes('rights')) continue;
    }
    if (!o.titles.length && !o.terrs.length && !c.words(v + len, v + len + 4).includes('rights')) continue;
    // sales rights are a sales mandate, not a deal
    if (
      /\b(?:sales|remake|format|book|life|story|music|sequel)\b/.test(c.words(v + len, o.end)) &&
      /\bsales\b|remake|format|life|story|book/.test(c.words(v + len, Math.min(o.end + 1, limit)))
    )
      continue;
    // rumours and denials: a cue between the clause start and the verb, or talk of it being unsigned after
    const prefix = c.words(c.clauseStart(subj.start), v);
    const sentenceWords = c.words(0, n);
    const denialAround =
      /\b(?:denied|denies|denying|deny) (?:reports? |a report |rumou?rs? )?(?:that )?/.test(c.words(0, v)) ||
      /\bhas not\b|\bhave not\b|\bhad not\b|\bdid not\b|\bhasn't\b|\bdidn't\b/.test(c.words(v - 3, v));
    const unsigned =
      /\bnothing has been (?:signed|closed)\b|\bno deal has\b|\bnot yet (?:signed|closed)\b|\bwould(?:n't| not) confirm\b|\bdeclined to confirm\b|\bdid not confirm\b|\bcould not be confirmed\b|\bunconfirmed\b/.test(
        sentenceWords,
      );
    // ("Three films sold at or near that price: X took T": a price compared, no hedge on the deal)
    const cue = RUMOUR_WORDS.exec(
      prefix
        .replace(/\bsources? (?:say|said|tell)\b.*$/, '')
        .replace(/\b(?:at or )?near (?:that|the|this|a|its) (?:price|figure|sum|level|mark)\b/g, ''),
    );
    // "the latter" the reading could not pair with a title: not the film in focus
    if (!o.titles.length && /\bthe (?:latter|former)\b/.test(c.words(v + len, limit))) continue;
    // ("bought all North American rights to Jacques Nolot's Avant que j'oublie": rights to a film the sketch could not
    // read are no sale of the film named before)
    if (!o.titles.length) {
      let r = v + len;
      while (r < limit && !(c.tok(r) === 'rights' && /^(?:to|on)$/.test(c.tok(r + 1)))) r++;
      const x = r + 2;
      if (r < limit && x < limit && /^[PEN]\d+$/.test(c.tok(x)) && !PRONOUN_TITLE.test(c.words(x, x + 3))) continue;
    }
    const titles = o.titles.length ? o.titles : [lastTitleBefore(c, subj.start) ?? c.st.focus ?? c.st.lead];
    if (denialAround || unsigned || (cue && !/^(?:no)$/.test(cue[0]))) {
      for (const title of titles) {
        for (const party of subj.names) {
          if (!title) continue;
          add(
            c.st,
            'rumour',
            {
              title,
              party,
              kind: denialAround ? 'denial' : rumourKind(prefix + ' ' + sentenceWords),
              territories: validTerritories(joinList(o.terrs)),
            },
            0.3,
            c.span(),
          );
          learn(c.st.reg, party, 'company');
        }
      }
      for (let j = v; j < limit; j++) used.add(j);
      continue;
    }
    const media = validMedia(o.media);
    const contextSeller = (title: string | null) =>
      c.st.seller && title && (!c.st.seller.title || nk(c.st.seller.title) === nk(title)) ? c.st.seller.company : null;
    const seller = o.seller ?? brokeredBy(c, o.end) ?? sentenceSeller(c) ?? contextSeller(titles[0]);
    for (const title of titles) {
      subj.names.forEach((buyer, b) => {
        const home = subj.homes?.[b];
        const terrs = o.terrs.length || !home ? o.terrs : [home];
        addDeal(c, title, buyer, terrs, { seller, media, price: o.price, priceNote: o.priceNote }, dealConfidence(c, o, verb));
      });
    }
    // "bought T for Germany and T2 for Austria": a further title with territories of its own, the verb said once
    let e = o.end;
    if (o.terrs.length)
      while ((c.tok(e) === 'and' || c.tok(e) === ',') && c.isTitle(e + 1) && (c.tok(e + 2) === 'for' || c.tok(e + 2) === 'in')) {
        const l = c.terrList(e + 3, false);
        if (!l.exprs.length) break;
        for (const buyer of subj.names) addDeal(c, c.item(e + 1).text, buyer, l.exprs, { seller }, dealConfidence(c, o, verb));
        e = l.end;
      }
    if (subj.names.length) c.st.focusCompany = subj.names[subj.names.length - 1];
    for (let j = v; j < Math.max(e, v + len); j++) used.add(j);
  }
  // 6b. a title that went somewhere: "the dark comedy T went to ORG", "T, which premiered in Venice, and T2, a market title, went to ORG"
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    const len =
      c.seq(v, ['went', 'to']) || c.seq(v, ['landed', 'at']) || c.seq(v, ['landed', 'with'])
        ? 2
        : c.seq(v, ['has', 'gone', 'to']) || c.seq(v, ['have', 'gone', 'to'])
          ? 3
          : c.seq(v, ['goes', 'to'])
            ? 2
            : 0;
    if (!len || !c.isOrg(v + len) || c.isTerr(v + len)) continue;
    if (c.tok(v + len + 1) === '(' || c.raw(v + len).endsWith("'s")) continue;
    // "..., while Copper Bay went to X": a film the sketch did not know, read where the buyer's territory is
    // (buyerFor.ts)
    if (nameSubjectOf(c, v) >= 0) continue;
    // "..., and T2, which went to X": the relative clause is about what stands before its comma, a title or nothing
    const rel = /^(?:which|that)$/.test(c.tok(v - 1))
      ? v - 1
      : c.tok(v - 1) === 'also' && /^(?:which|that)$/.test(c.tok(v - 2))
        ? v - 2
        : -1;
    if (rel > 1 && c.tok(rel - 1) === ',' && !c.isTitle(rel - 2)) continue;
    // the subject: the titles of the clause before the verb, at its start or after "and"; the nearest one at least
    const titles: string[] = [];
    for (let j = 0; j < v; j++)
      if (
        c.isTitle(j) &&
        (j === 0 ||
          c.tok(j - 1) === 'and' ||
          c.tok(j - 1) === ',' ||
          /^(?:the|film|comedy|drama|documentary|thriller)$/.test(c.tok(j - 1)) ||
          (j === 1 && /^[PE]\d+'s$/.test(c.raw(0))))
      )
        titles.push(c.item(j).text);
    const near = lastTitleBefore(c, v);
    // "The film went to X", "In France, it went to X": a word for the film as the subject, at the clause's start
    if (!titles.length) {
      const a = c.tok(v - 1) === 'also' ? v - 1 : v;
      for (let w = 1; w <= 4 && a - w >= 0; w++)
        if (PRONOUN_TITLE.test(c.words(a - w, a)) && (a - w === 0 || c.tok(a - w - 1) === ',')) {
          const [t] = c.titleAt(a - w);
          if (t) titles.push(t);
          break;
        }
      if (titles.length) {
        const terrs: string[] = [];
        const k = v + len + 1;
        if ((c.tok(k) === 'for' || c.tok(k) === 'in') && c.isTerr(k + 1)) terrs.push(...c.terrList(k + 1, false).exprs);
        addDeal(c, titles[0], c.name(v + len), terrs, { seller: sentenceSeller(c) }, 0.75);
        for (let j = v; j < k; j++) used.add(j);
        continue;
      }
    }
    if (!near || !titles.includes(near)) continue;
    const before = c.words(0, v);
    if (RUMOUR_WORDS.test(before) && /\b(?:talks|denied|rumou?red|reportedly|not|no)\b/.test(before)) continue;
    if (/\b(?:prize|award|bear|lion|palme|jury)\b/i.test(c.plain(v - 6, v))) continue;
    const terrs: string[] = [];
    let k = v + len + 1;
    if ((c.tok(k) === 'for' || c.tok(k) === 'in') && c.isTerr(k + 1)) {
      const l = c.terrList(k + 1, false);
      terrs.push(...l.exprs);
      k = l.end;
    }
    for (const t of titles) addDeal(c, t, c.name(v + len), terrs, { seller: sentenceSeller(c) }, 0.75);
    for (let j = v; j < k; j++) used.add(j);
  }
  // 6. "ORG will release/distribute T in TERRS", "T, which ORG is releasing in the U.S."
  for (let v = 0; v < n; v++) {
    if (used.has(v)) continue;
    const w = c.words(v, v + 6);
    const m =
      /^(?:has |have )?(?:come|came) (?:on board|aboard) to (?:release|distribute|handle)\b|^(?:will|is set to|plans to|is to|are set to|will also) (?:release|distribute|handle)\b|^(?:is|are) (?:releasing|distributing|handling)\b|^(?:releases|distributes|handle|handles|distribute)\b/.exec(
        w,
      );
    if (!m) continue;
    const vend = v + m[0].split(' ').length;
    // ("X, the distribution powerhouse of Y, will release": the subject before its description)
    const described = c.tok(v - 1) === ',' ? subjectBefore(c, v) : null;
    const k = described && described.names.length === 1 ? described.start : v - 1;
    // "The company will release the film in North America": the company in focus
    const pronoun = COMPANY_PRONOUN.test(c.words(v - 2, v)) && c.tok(v - 1) !== 'it' && c.st.focusCompany;
    if (!pronoun && (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person')) continue;
    const buyers = pronoun ? [pronoun] : [c.name(k)];
    if (!pronoun && c.tok(k - 1) === 'and' && /^[CE]\d+$/.test(c.tok(k - 2)) && c.item(k - 2).ent !== 'person')
      buyers.unshift(c.name(k - 2));
    let title: string | null = null;
    let j = vend;
    // "will release Ana Ruiz's T": the maker's possessive before the film
    if (/['’]s?$/.test(c.raw(j)) && /^[PEC]\d+$/.test(c.tok(j)) && c.isTitle(j + 1)) j++;
    // "will distribute Eli Roth’s horror pic T", "will release the thriller T": a description before the film
    else {
      let d = j;
      if (/['’]s?$/.test(c.raw(d)) && /^[PEC]\d+$/.test(c.tok(d))) d++;
      else if (c.tok(d) === 'the') d++;
      let words = 0;
      while (words < 3 && /^[\p{Ll}-]+$/u.test(c.tok(d)) && !/^(?:the|film|in|it|them|its|their)$/.test(c.tok(d))) {
        d++;
        words++;
      }
      if (d > j && words && c.isTitle(d)) j = d;
    }
    const [t, tn] = c.titleAt(j);
    if (t) {
      title = t;
      j += tn;
    } else if (c.tok(k - 1) === 'which' && c.tok(k - 2) === ',' && c.isTitle(k - 3)) title = c.item(k - 3).text;
    while (['the', 'film', 'theatrically', 'in', 'cinemas', 'theaters', 'theatres'].includes(c.tok(j)) && !c.isTerr(j + 1)) j++;
    // ("in theaters across the U.K.")
    const placed = /^(?:in|across|throughout)$/.test(c.tok(j)) && c.isTerr(j + 1);
    // "X will distribute T, about a farmer", "X will release T in theaters and VOD": a settled release of a film the
    // sentence names, the territory not written (never `handle`, which a sales company says of its sales)
    if (
      !placed &&
      t &&
      /^(?:will|will also|is set to|are set to) (?:release|distribute)$/.test(m[0]) &&
      /^(?:[,.;(]|and|on|this|next|later|via|through|)$/.test(c.tok(j))
    ) {
      // ("the thriller T in the US" read as one title: the places it ends with are the release's)
      const tail = /^(.+?) (?:in|across) (?:the )?(\p{Lu}.*)$/u.exec(t);
      const where = tail ? validTerritories(tail[2]) : null;
      for (const buyer of buyers) addDeal(c, where ? tail![1] : title, buyer, where ? [where] : [], { seller: null }, 0.7);
      for (let x = v; x < j; x++) used.add(x);
      continue;
    }
    if (!placed) continue;
    const l = c.terrList(j + 1, false);
    if (!l.exprs.length) continue;
    title ??= lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    for (const buyer of buyers) addDeal(c, title, buyer, l.exprs, { seller: null }, 0.7);
    for (let x = v; x < l.end; x++) used.add(x);
  }
}

/** `, Y, Z and W` after a first buyer: companies named bare to the end of the clause, or none when any item is more. */
function bareBuyers(c: Ctx, k: number, limit: number): Array<{ buyer: string; terrs: string[] }> {
  const out: Array<{ buyer: string; terrs: string[] }> = [];
  while (k < limit && (c.tok(k) === ',' || c.tok(k) === 'and')) {
    const at = k + (c.tok(k) === ',' && c.tok(k + 1) === 'and' ? 2 : 1);
    if (!/^[CE]\d+$/.test(c.tok(at)) || c.item(at).ent === 'person' || c.raw(at).endsWith("'s")) return [];
    out.push({ buyer: c.name(at), terrs: [] });
    k = at + 1;
    // ("and X South & Latin America": the last buyer's name runs into a territory; the list ends there)
    if (c.tok(at - 1) === 'and' && c.isTerr(k) && (k + 1 >= limit || c.tok(k + 1) === '.')) return out;
  }
  return k >= limit || c.tok(k) === '.' ? out : [];
}
