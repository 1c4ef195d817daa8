/**
 * Reading a deal's parts: what was bought (titles, territories, media, the
 * exclusions), who bought or sold it (the subject before the verb), the list of
 * sales "to X for territory", its confidence, and the seller or broker a clause names.
 */
import { companyEntry } from '../companies.js';
import { isKnownSection } from '../events.js';
import { splitHomeCountry } from './homeCountry.js';
import { KNOWN_COMPANY_KEYS, PERSON_ROLE_WORDS, eventByName } from '../lexicon.js';
import { learn, territoryOf } from '../sketch.js';
import type { DealFields, EventRef } from '../types.js';
import {
  AUX,
  COMPANY_PRONOUN,
  DEAL_VERBS,
  DENIAL_WORDS,
  NO_COMMENT,
  MEDIA_WORDS,
  MONEY_INTRO,
  PRONOUN_TITLE,
  ROLE_AFTER_FROM,
  SALES_DESCRIPTOR,
  TALKS_WORDS,
  TERR_WORDS,
} from './words.js';
import { type Ctx, add, festivalOf, joinList, nk, validTerritories } from './context.js';
import { buyerWithoutOfficer, toldAsNoDeal } from './notADeal.js';

export { brokeredBy, lastTitleBefore, sentenceSeller } from './clauseSides.js';

interface DealObject {
  terrs: string[];
  media: string[];
  titles: string[];
  explicitTitle: boolean;
  seller: string | null;
  price: { amount: string; currency: string } | null;
  priceNote: string | null;
  end: number;
}

/** "excluding China", "outside North America", "ex-China", "except France": the last territories lose these. */
function readExclusion(c: Ctx, k: number, o: { terrs: string[] }): number {
  let j = k;
  if (c.tok(j) === 'rights') j++;
  const w = c.words(j, j + 4);
  const m =
    /^(?:, )?(?:excluding|excl\.?|except(?: for| in)?|outside(?: of)?|other than|minus|ex|but not(?: in)?|with the exception of|barring|bar)\b/.exec(
      w,
    );
  if (!m) return k;
  const start = j + m[0].split(' ').length;
  const l = c.terrList(start);
  if (!l.exprs.length) return k;
  const base = o.terrs.length ? joinList(o.terrs)! : 'Worldwide';
  o.terrs.splice(0, o.terrs.length, `${base} excluding ${joinList(l.exprs)}`);
  return l.end;
}

/** Words that end the lead-in before a title after a deal verb ("picked up the dark comedy T"): prepositions and the like. */
const LEAD_STOP = new Set([
  'to',
  'for',
  'from',
  'in',
  'on',
  'of',
  'with',
  'by',
  'at',
  'and',
  'or',
  'rights',
  'right',
  'as',
  'after',
  'its',
  'their',
  'his',
  'her',
  'sales',
  'stake',
  'remake',
  'stakes',
  'interest',
  'share',
  'prize',
  'award',
  'home',
  'top',
]);

/** Reads what follows a deal verb: territories, media, "rights to" a title, "from" a seller, a price. */
/** The words of a film's makers a nationality may describe ("Dutch filmmaker", "Korean helmer"). */
const FILMMAKER =
  /^(?:filmmaker|film-maker|director|helmer|auteur|actor|actress|star|producer|writer|writer-director|documentarian|documentary-maker|animator|artist|novelist|author|newcomer|veteran|maestro|comedian|duo|siblings|brothers|sisters)$/;

/** Kinds of film a nationality may describe: the film's origin (`British dramas`), never the rights' territory. */
const ORIGIN_KIND =
  /^(?:films?|dramas?|comedy|comedies|thrillers?|documentar(?:y|ies)|docs?|series|features?|titles?|movies?|animations?|musicals?|romances?|westerns?|co-productions?|productions?|pics?|shows?|miniseries|docuseries|horror|hits?|blockbusters?)$/;

export function readDealObject(c: Ctx, i: number, limit: number): DealObject {
  const o: DealObject = { terrs: [], media: [], titles: [], explicitTitle: false, seller: null, price: null, priceNote: null, end: i };
  let k = i;
  const takeTitles = (from: number): number => {
    let j = from;
    for (; j < limit && j < from + 14; j++) {
      const t = c.tok(j);
      if (t === '.' || t === ';' || (t === ',' && c.tok(j + 1) === 'while')) break;
      if (c.tok(j) === 'from' && o.titles.length === 0 && !c.isTitle(j + 1) && j > from + 1 && /^[CE]\d+$/.test(c.tok(j + 1))) break;
      const [title, n] = c.titleAt(j);
      // "the 'Midnight Madness' hit thriller T": a festival section quoted before the film is not the film
      if (title && c.isTitle(j) && isKnownSection(title)) {
        let nx = j + 1;
        while (nx < Math.min(limit, j + 6) && !c.isTitle(nx)) nx++;
        if (c.isTitle(nx)) {
          j = nx - 1;
          continue;
        }
      }
      if (title) {
        o.titles.push(title);
        if (c.isTitle(j)) o.explicitTitle = true;
        j = pastAlias(c, j + n);
        // "T and T"
        while ((c.tok(j) === 'and' || c.tok(j) === ',') && c.isTitle(j + 1) && !c.isTitle(j + 2)) {
          o.titles.push(c.item(j + 1).text);
          j += 2;
        }
        // "T, starring A and B, and T2": a second title past the first's credit
        if (c.tok(j) === ',' && /^(?:starring|co-starring|featuring|directed|written|from|by)$/.test(c.tok(j + 1)))
          for (let x = j + 2; x < Math.min(limit, j + 14); x++) {
            if (c.tok(x) === '.' || c.tok(x) === ';' || c.isTitle(x) || c.phraseAt(x, DEAL_VERBS) > 0) break;
            if (c.tok(x) === ',' && c.tok(x + 1) === 'and' && c.isTitle(x + 2)) {
              o.titles.push(c.item(x + 2).text);
              return x + 3;
            }
          }
        return j;
      }
    }
    return from;
  };
  // leading words and territories before "rights"
  let sawRights = false;
  while (k < limit) {
    const t = c.tok(k);
    // ("its North American rights": the film's rights, their territories first; the title is the one in focus)
    if (c.titleAt(k)[0] !== null && !c.isTerr(k) && !(t === 'its' && c.words(k + 1, k + 5).includes('rights'))) break;
    if (
      t === 'the' ||
      t === 'exclusive' ||
      t === 'non-exclusive' ||
      t === 'full' ||
      t === 'its' ||
      t === 'first' ||
      /^[a-z]+-(?:winning|nominated|acclaimed|hit)$/.test(t) ||
      (/^[AF]\d+$/.test(t) && c.item(k).mod)
    ) {
      k++;
      continue;
    }
    // "picked up Dutch filmmaker P's T": the filmmaker's nationality, not a territory bought
    if (c.item(k)?.ent === 'nationality' && FILMMAKER.test(c.tok(k + 1))) break;
    // ("acquired British dramas A and B", "the Australian musical T": where the films come from, no territory bought)
    if (c.item(k)?.ent === 'nationality' && ORIGIN_KIND.test(c.tok(k + 1))) {
      k++;
      continue;
    }
    if (c.isTerr(k) || (TERR_WORDS[t] && c.tok(k + 1) !== 'sales')) {
      const l = c.terrList(k);
      if (!l.exprs.length) break;
      o.terrs.push(...l.exprs);
      k = l.end;
      k = readExclusion(c, k, o);
      continue;
    }
    if (MEDIA_WORDS.has(t) && t !== 'distribution') {
      o.media.push(t);
      k++;
      continue;
    }
    if (t === 'distribution' || t === 'and' || t === ',' || t === '/' || t === '&') {
      if (t === 'distribution') o.media.push(t);
      if (
        (t === 'and' || t === ',') &&
        !(c.isTerr(k + 1) || MEDIA_WORDS.has(c.tok(k + 1)) || c.tok(k + 1) === 'rights' || TERR_WORDS[c.tok(k + 1)])
      )
        break;
      k++;
      continue;
    }
    if (t === 'rights' || t === 'right') {
      sawRights = true;
      k++;
      break;
    }
    break;
  }
  if (sawRights) k = readExclusion(c, k, o);
  if (sawRights) {
    // "all rights in North America, ... and airlines to T"
    if (c.tok(k) === 'in' || c.tok(k) === 'for' || c.tok(k) === 'across' || c.tok(k) === 'throughout') {
      const l = c.terrList(k + 1);
      if (l.exprs.length) {
        o.terrs.push(...l.exprs);
        k = l.end;
        while (c.tok(k) === 'and' || c.tok(k) === ',') {
          if (MEDIA_WORDS.has(c.tok(k + 1))) {
            o.media.push(c.tok(k + 1));
            k += 2;
          } else break;
        }
      }
    }
    if (['to', 'for', 'on', 'of', 'in'].includes(c.tok(k))) k = takeTitles(k + 1);
  } else if (c.tok(i - 1) === 'up' && c.tok(i - 2) === 'it' && c.titleAt(i - 2)[0]) {
    // "Mubi picked it up for Latin America": the object stood between the verb and its particle
    o.titles.push(c.titleAt(i - 2)[0]!);
  } else {
    // a title straight after the verb: "acquired T for France", "picked up the film"
    const [title, n] = c.titleAt(k);
    if (title) {
      k = takeTitles(k);
      void n;
    } else {
      // "picked up Ana Ruiz's romantic comedy T", "picked up the dark comedy T", "picked up French filmmaker P's T"
      for (let j = k; j < Math.min(limit, k + 7); j++) {
        if (c.isTitle(j)) {
          if (!c.isTitle(j + 1) && !/^(?:hit|thriller|drama|comedy|documentary|film|winner|title|entry)$/.test(c.tok(j + 1)))
            k = takeTitles(j);
          else continue;
          break;
        }
        const r = c.raw(j);
        // (a festival or section before the kind: "the Sundance drama T", "the Panorama title T")
        if (/^[PE]\d+'s$/.test(r) || /^[NFS]\d+$/.test(r) || /^(?:the|a|an|new|latest|upcoming|debut)$/.test(r)) continue;
        if (/^[a-z][a-z-]*$/.test(r) && !LEAD_STOP.has(r)) continue;
        break;
      }
    }
  }
  // "acquired T, which premiered in Venice, for North America": the territories after a relative clause
  // and after any phrase set off by commas ("T, a comedy about two brothers, for ...", "T, directed by P, for ..."):
  // the "for" right after the closing comma is the deal's, as long as no other film or deal stands between
  const relative = /^(?:which|that)$/.test(c.tok(k + 1));
  if (o.titles.length && !o.terrs.length && c.tok(k) === ',')
    for (let j = k + 1; j < Math.min(c.toks.length, k + 16); j++) {
      if (c.tok(j) === '.' || c.tok(j) === ';') break;
      if (!relative && (c.tok(j) === 'while' || c.isTitle(j) || c.phraseAt(j, DEAL_VERBS) > 0)) break;
      if (c.tok(j) === ',' && c.tok(j + 1) === 'for' && (c.isTerr(j + 2) || (c.tok(j + 2) === 'the' && c.isTerr(j + 3)))) {
        k = j + 1;
        break;
      }
    }
  // "acquired T from Wild Bunch for North America": the seller between the title and its territories (read below)
  if (
    o.titles.length &&
    !o.terrs.length &&
    c.tok(k) === 'from' &&
    /^[CE]\d+$/.test(c.tok(k + 1)) &&
    c.item(k + 1).ent !== 'person' &&
    c.tok(k + 2) === 'for'
  )
    o.terrs.push(...c.terrList(k + 3, false).exprs);
  // "acquired T and will release it in U.S. theaters": where the buyer releases the film is what it bought
  if (o.titles.length && !o.terrs.length && c.tok(k) === 'and') {
    let j = k + 1;
    while (j < k + 5 && /^(?:will|plans|intends|is|set|to|also)$/.test(c.tok(j))) j++;
    if (j > k + 1 && /^(?:release|distribute)$/.test(c.tok(j))) {
      j += c.tok(j + 1) === 'it' ? 2 : PRONOUN_TITLE.test(c.words(j + 1, j + 3)) ? 3 : 0;
      if (c.tok(j) === 'theatrically') j++;
      if (j > k + 3 && c.tok(j) === 'in' && (c.isTerr(j + 1) || (c.tok(j + 1) === 'the' && c.isTerr(j + 2))))
        o.terrs.push(...c.terrList(j + 1, false).exprs);
    }
  }
  // "for / in TERRS" after the title; "for TERRS by" (passive)
  if (o.titles.length && !o.terrs.length && (c.tok(k) === 'for' || c.tok(k) === 'in')) {
    const l = c.terrList(k + 1, false);
    if (l.exprs.length) {
      o.terrs.push(...l.exprs);
      k = l.end;
      // "for the U.K. theatrical release", "for North American SVOD"
      while (MEDIA_WORDS.has(c.tok(k)) && c.tok(k) !== 'distribution') o.media.push(c.tok(k++));
    }
  }
  if (!o.titles.length && (o.terrs.length || sawRights)) {
    // "rights to" may come later: "acquired North American rights to the film"; "has taken Germany on T"
    for (let j = k; j < Math.min(limit, k + 3); j++) {
      if (
        c.tok(j) === 'to' ||
        ((c.tok(j) === 'on' || c.tok(j) === 'for' || c.tok(j) === 'of') &&
          /^(?:(?:[a-z-]+|[SFANX]\d+) ){0,4}T\d+/.test(c.words(j + 1, j + 7).replace(/'s/g, '')))
      ) {
        k = takeTitles(j + 1);
        break;
      }
    }
  }
  // the rest of the clause: from SELLER, price
  for (let j = k; j < limit; j++) {
    const t = c.tok(j);
    if (t === '.' || t === ';' || t === 'while' || (t === ',' && c.tok(j + 1) === 'and' && /^[CE]\d+$/.test(c.tok(j + 2)))) break;
    if (t === 'and' && /^[CE]\d+$/.test(c.tok(j + 1)) && c.phraseAt(j + 2, DEAL_VERBS) > 0) break;
    // "T2, the new movie from P": a film's maker, not its seller (unless the name is a company's)
    const maker = /^(?:movie|film|feature|documentary|doc|drama|comedy|thriller|debut|latest|effort|follow-up|work|pic)$/.test(
      c.tok(j - 1),
    );
    if (t === 'from' && !o.seller && !(maker && !c.isCompanyName(j + 1))) {
      let m = j + 1;
      if (ROLE_AFTER_FROM.has(c.tok(m)) && c.tok(m) !== 'the' && c.tok(m) !== 'its') continue;
      while (
        m < limit &&
        (SALES_DESCRIPTOR.test(c.tok(m)) || /^N\d+$/.test(c.tok(m)) || (/^[CE]\d+$/.test(c.tok(m)) && c.item(m).mod === 'based'))
      )
        m++;
      if (
        /^[CE]\d+$/.test(c.tok(m)) &&
        !c.raw(m).endsWith("'s") &&
        c.item(m).ent !== 'person' &&
        !(ROLE_AFTER_FROM.has(c.tok(m - 1)) && c.tok(m - 1) !== 'the') &&
        !PERSON_ROLE_WORDS.has(c.tok(m + 1)) &&
        !/^(?:helmer|auteur|first-time)$/.test(c.tok(m + 1))
      ) {
        o.seller = c.name(m);
      }
    }
    if (/^M\d+$/.test(t) && !o.price) {
      const before = c.toks.slice(Math.max(k, j - 4), j);
      if (before.some((w) => MONEY_INTRO.has(w)) || c.tok(j + 1) === 'deal') {
        o.price = c.item(j).money ?? null;
        const note = before.filter((w) =>
          ['reported', 'around', 'about', 'nearly', 'close', 'roughly', 'approximately', 'some', 'than'].includes(w),
        );
        if (note.length)
          o.priceNote = note
            .join(' ')
            .replace(/^than$/, 'more than')
            .replace(/^close$/, 'close to');
      }
    }
    if (/^(?:low-|mid-|high-)?(?:six|seven|eight|nine)-figure$/.test(t) && !o.priceNote) o.priceNote = t;
  }
  o.end = k;
  return o;
}

/** The deal's festival or market: "out of Cannes", "at this year's AFM", "during the EFM". */
function dealPlace(c: Ctx): EventRef | null {
  for (let j = 0; j < c.toks.length; j++) {
    if (!/^F\d+$/.test(c.tok(j))) continue;
    const before = c.words(j - 3, j);
    if (/\b(?:ahead of|before|prior to|after|following)\b/.test(c.words(j - 6, j))) continue;
    if (!/\b(?:out of|at|during|from)(?: this year's| last year's| the)?$/.test(before) && !/\bat\b/.test(c.words(j - 2, j))) continue;
    const ev = c.item(j).event!;
    const ctx = festivalOf(c, j);
    const market = ev.kind === 'festival' && ev.market ? eventByName(ev.market) : ev.kind === 'market' ? ev : null;
    const place = /\bmarket\b/.test(c.words(j + 1, j + 2)) && market ? market : ev;
    return { name: place.name, year: ctx.year, edition: place === ev ? ctx.edition : null };
  }
  return null;
}

export function rumourKind(text: string): 'talks' | 'rumour' | 'denial' {
  // "X declined to comment on reports that Y had acquired T": silence on a report denies nothing
  const silent =
    /\b(?:declined|refused|would not|wouldn't|did not|didn't) (?:to )?comment on (?:the |these )?(?:reports?|rumou?rs?|speculation)\b/;
  if (DENIAL_WORDS.test(text) && !(silent.test(text) && !/\bden(?:ied|ies|y|ying)\b/.test(text))) return 'denial';
  if (TALKS_WORDS.test(text)) return 'talks';
  return 'rumour';
}

/**
 * The company that is the subject of the verb at `v` (after aux words), or the company a pronoun stands for;
 * joint subjects each behind its country ("France's X and Portugal's Y") with those countries (`homes`).
 */
export function subjectBefore(c: Ctx, v: number): { names: string[]; start: number; homes?: Array<string | null> } | null {
  let k = v - 1;
  while (k >= 0 && AUX.has(c.tok(k))) k--;
  // "Samuel Goldwyn films has picked up": a corporate word written in lower case ends the company's name
  if (
    /^(?:films|pictures|entertainment|releasing|distribution|media)$/.test(c.tok(k)) &&
    /^[CE]\d+$/.test(c.tok(k - 1)) &&
    c.item(k - 1).ent !== 'person'
  )
    k--;
  // "ORG has launched sales on T and has already closed deals with ...": the sentence's subject
  if (c.tok(k) === 'and' && k > 2) {
    const first = c.toks.findIndex(
      (t, i) =>
        /^[CE]\d+$/.test(t) &&
        !c.raw(i).endsWith("'s") &&
        c.item(i).ent !== 'person' &&
        /^(?:has|have|had|is|are|was|were|will|also|\w+ed)$/.test(c.tok(i + 1)),
    );
    if (first >= 0 && first < k && c.toks.slice(0, first).every((t) => /^[a-z,-]+$|^X\d+$|^N\d+$/.test(t)))
      return { names: [c.name(first)], start: first };
  }
  // "A24, which co-financed the project with BBC Film, holds U.S. rights"
  if (c.tok(k) === ',') {
    for (let b = k - 1; b >= Math.max(0, k - 16); b--) {
      if (c.tok(b) === ',' && /^(?:which|who)$/.test(c.tok(b + 1)) && /^[CE]\d+$/.test(c.tok(b - 1)) && c.item(b - 1).ent !== 'person')
        return { names: [c.name(b - 1)], start: b - 1 };
      if (c.tok(b) === '.' || c.tok(b) === ';') break;
    }
  }
  // "X, Mexico's biggest arthouse distributor, also closed with": a description of the company between commas
  // ("X, the distribution powerhouse of Mexican TV giant Y, will release": the description may name its owner)
  if (c.tok(k) === ',') {
    for (let b = k - 1; b >= Math.max(1, k - 14); b--) {
      if (c.tok(b) !== ',') continue;
      const between = c.toks.slice(b + 1, k);
      const trade =
        /^(?:distributor|buyer|company|outfit|streamer|broadcaster|pubcaster|label|banner|arm|division|player|shingle|distrib|powerhouse|unit|subsidiary)$/;
      if (
        /^[CE]\d+$/.test(c.tok(b - 1)) &&
        c.item(b - 1).ent !== 'person' &&
        ((between.every((t) => /^[a-z-]+$|^[RN]\d+$/.test(t)) && trade.test(between[between.length - 1] ?? '')) ||
          (/^(?:the|a|an)$/.test(between[0] ?? '') &&
            between.slice(0, 5).some((t) => trade.test(t)) &&
            between.every((t) => !/^(?:has|have|had|is|are|was|were|will|which|who|that)$/.test(t))))
      )
        return { names: [c.name(b - 1)], start: b - 1 };
      break;
    }
  }
  // "Shudder, meanwhile, has picked up"
  if (
    c.tok(k) === ',' &&
    /^(?:meanwhile|however|too|also|separately|likewise|similarly|for its part|in turn)$/.test(c.tok(k - 1)) &&
    c.tok(k - 2) === ','
  ) {
    k -= 3;
    while (k >= 0 && AUX.has(c.tok(k))) k--;
  }
  // "ORG, which ..." / "ORG, the company that ..."
  if (c.tok(k) === ',' && c.tok(k + 1) === 'which' && /^[CE]\d+$/.test(c.tok(k - 1))) k--;
  if (k >= 0 && /^[CE]\d+$/.test(c.tok(k)) && !c.raw(k).endsWith("'s") && c.item(k).ent !== 'person') {
    const names = [c.name(k)];
    let start = k;
    // "ORG and ORG acquired"
    if (c.tok(k - 1) === 'and' && /^[CE]\d+$/.test(c.tok(k - 2))) {
      names.unshift(c.name(k - 2));
      start = k - 2;
    }
    // "France's X and Portugal's Y secured": each joint buyer behind its possessive country
    const possessed = (i: number) => c.isTerr(i) && c.raw(i).endsWith("'s");
    if (names.length === 1 && possessed(k - 1)) {
      const homes = [c.terr(k - 1)];
      for (let j = k - 2; j >= 2 && (c.tok(j) === 'and' || c.tok(j) === ','); j -= 3) {
        if (!/^[CE]\d+$/.test(c.tok(j - 1)) || c.item(j - 1).ent === 'person' || !possessed(j - 2)) break;
        names.unshift(c.name(j - 1));
        homes.unshift(c.terr(j - 2));
        start = j - 2;
        if (c.tok(j) === 'and' && c.tok(j - 3) !== ',') break;
      }
      if (names.length > 1) return { names, start, homes };
    }
    return { names, start };
  }
  // "the company acquired", "it acquired"
  for (let n = 3; n >= 1; n--) {
    const phrase = c.toks.slice(k - n + 1, k + 1).join(' ');
    if (!COMPANY_PRONOUN.test(phrase)) continue;
    // "X announced it acquired", "X has said that the company acquired": the company that opens the sentence
    const from = k - n + 1;
    const between = c.toks.slice(1, from);
    if (
      from > 0 &&
      /^[CE]\d+$/.test(c.tok(0)) &&
      c.item(0).ent !== 'person' &&
      (between.every((t) => REPORTING.has(t)) || NO_COMMENT.test(between.join(' ')))
    )
      return { names: [c.name(0)], start: 0 };
    if (c.st.focusCompany) return { names: [c.st.focusCompany], start: from };
  }
  // "ORG, the company that distributed ..." : an appositive
  for (let j = k; j >= Math.max(0, k - 12); j--) {
    if (
      c.tok(j) === ',' &&
      /^[CE]\d+$/.test(c.tok(j - 1)) &&
      /^the (?:company|distributor|streamer|studio|label|outfit) (?:that|which)$/.test(c.words(j + 1, j + 4))
    )
      return { names: [c.name(j - 1)], start: j - 1 };
  }
  return null;
}

/** Words between a company that opens a sentence and the pronoun that takes it up (`X has announced that it`). */
const REPORTING = new Set([
  'has',
  'have',
  'announced',
  'announces',
  'said',
  'says',
  'confirmed',
  'confirms',
  'revealed',
  'that',
  'today',
  'also',
]);

export function dealConfidence(c: Ctx, o: DealObject, verb: string): number {
  let conf = 0.9;
  if (!o.explicitTitle) conf -= 0.1;
  if (!o.terrs.length) conf -= 0.1;
  if (['has', 'had', 'holds', 'owns', 'distributed', 'released'].includes(verb)) conf -= 0.1;
  if (/\bsources?\b/.test(c.words(0, c.toks.length))) conf -= 0.1;
  return Math.max(0.4, Math.round(conf * 100) / 100);
}

/** A sentence that reports what others say: its deals are rumours. */
const HEARSAY =
  /^(?:(?:some |several |other |industry |market )?(?:buyers|sources|insiders|observers|reports|rumou?rs) (?:report|reported|say|said|suggest|suggested|claim|claimed|indicate|have it)\b|according to (?:buyers|sources|insiders|reports)\b|word (?:is|has it)\b)/;

/** Words that are no buyer's name when they stand alone. */
const NO_BUYER =
  /^(?:Films?|Pictures|Entertainment|Media|Distribution|Releasing|Studios?|Cinema|Productions|Communications|Group|Networks?|Television|Company|Co\.|EXCLUSIVE|Exclusive|UPDATE[D]?|Updated?|WATCH|VIDEO|PHOTOS|They|They['’](?:ve|re|ll|d)|We|We['’](?:ve|re|ll|d)|It|It['’]s)$/;

/** The corporate words a company's name ends with. */
const COMPANY_WORD_END = /\b(?:Films|Film|Entertainment|Pictures|Media|Distribution|Releasing|Communications|Cinema)$/;

/** Whether the sentence calls the company a sales company: `sales company X`, `X, a ... sales outfit,`. */
function describedAsSeller(sentence: string, company: string): boolean {
  const at = sentence.indexOf(company);
  if (at < 0) return false;
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(at + company.length, at + company.length + 50);
  return (
    /\b(?:sales|world sales|international sales) (?:company|agent|outfit|banner|house|arm|agency|firm)\s+$/i.test(before) ||
    /^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:sales (?:company|agent|outfit|banner|house|agency|firm))\b/iu.test(after)
  );
}

export function addDeal(c: Ctx, title: string | null, buyer: string, terrs: string[], extra: Partial<DealFields>, conf: number): void {
  if (!title) return;
  // "Sienna Films' T": a producer's possessive read into the title
  const owned = /^\p{Lu}[\p{L}\d&.\- ]*\b(?:Films|Pictures|Productions|Entertainment|Media|Studios?)['’]s?\s+(\p{Lu}.*)$/u.exec(title);
  if (owned) title = owned[1];
  // "ahead of “T’s” debut": a title the article names, read with its possessive
  const possessive = /^(.+?)['’]s$/.exec(title);
  if (possessive && c.st.titlesSeen.has(nk(possessive[1]))) title = possessive[1];
  // "Scanbox Entertainmentfor": a page that lost its spacing glued the next word to a known company's name
  const glued = /^(.*\p{Ll}{2})(?:for|sold)$/u.exec(buyer);
  if (glued && (companyEntry(glued[1]) || COMPANY_WORD_END.test(glued[1]))) buyer = glued[1];
  // "GagaCommunications": the same lost space before a corporate word
  buyer = buyer.replace(/^(\p{Lu}\p{Ll}{2,})(Films|Entertainment|Pictures|Media|Distribution|Releasing|Communications|Cinema)$/u, '$1 $2');
  // "SVT Sweden": the company and the country it serves
  const home = splitHomeCountry(buyer);
  if (home) {
    buyer = home.company;
    if (!terrs.length) terrs = [home.territory];
  }
  buyer = buyerWithoutOfficer(buyer)
    // "And IFC Films made its second acquisition", "2- Worldview Entertainment had acquired": a sentence's opening word or
    // a list's number read into the name
    .replace(/^(?:And|&)\s+(?=\S)/, '')
    .replace(/^\d{1,2}\s*[-–.)]\s+(?=\p{Lu})/u, '');
  // "Spain’s Golem", "Buyer AOE": the buyer's country as a possessive (its territory when none is written), a role word
  const possessed = /^(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s+(?=\p{Lu})/u.exec(buyer);
  const place = possessed ? territoryOf(possessed[1]) : undefined;
  if (possessed && place && !place.demonym) {
    buyer = buyer.slice(possessed[0].length);
    if (!terrs.length) terrs = [place.expr];
  }
  buyer = buyer.replace(/^(?:Buyer|Distributor|Streamer|Broadcaster)\s+(?=\p{Lu})/u, '');
  // "Bologna-based I Wonder Pictures": where the company sits is no part of its name
  buyer = buyer.replace(/^\p{Lu}[\p{L}.]*(?:[\s-]\p{Lu}[\p{L}.]*)?-based\s+(?=\p{Lu})/u, '');
  // no company: a bare corporate word ("September Film" cut at the month), an editor's tag ("(EXCLUSIVE)"), a pronoun
  if (NO_BUYER.test(buyer)) return;
  if (nk(title) === nk(buyer)) return;
  if (toldAsNoDeal(c.sent.text, title, buyer)) return;
  const list = terrs.filter((t) => t !== 'international');
  const territories = list.length === 1 ? validTerritories(list[0]) : validTerritories(joinList(list));
  // "Buyers report the film has gone to X", "Sources say ...": a deal told by hearsay is not yet a deal
  if (HEARSAY.test(c.words(0, 6))) {
    add(c.st, 'rumour', { title, party: buyer, kind: 'rumour', territories }, 0.3, c.span());
    return;
  }
  // "sales company X has picked up T": what a company the sentence calls a seller picks up for the world is its sales
  if ((!territories || /^(?:world(?:wide)?|international)$/i.test(territories)) && describedAsSeller(c.sent.text, buyer)) {
    add(c.st, 'mandate', { title, company: buyer, territories: null }, conf, c.span());
    return;
  }
  const fields: DealFields = {
    title,
    buyer,
    seller: extra.seller ?? null,
    territories,
    media: extra.media ?? null,
    price: extra.price ?? null,
    priceNote: extra.priceNote ?? null,
    negotiators: [],
    festival: extra.festival ?? dealPlace(c),
    announcedOn: c.st.date,
  };
  if (fields.seller && nk(fields.seller) === nk(buyer)) fields.seller = null;
  // "Fox Searchlight took T ... Searchlight closed the deal on T": the short form of a buyer the article already gave
  // the film is the same deal, told again
  const key = nk(buyer);
  const same = c.st.deals.some(
    (d) => nk(d.fields.title) === nk(title) && nk(d.fields.buyer) !== key && nk(d.fields.buyer).endsWith(` ${key}`),
  );
  if (same) return;
  const fact = add(c.st, 'deal', fields, conf, c.span());
  if (fact) learn(c.st.reg, buyer, 'company');
  if (fields.seller) learn(c.st.reg, fields.seller, 'company');
}

/**
 * A buyer named in parentheses after a territory, whatever the sketch made of
 * its words: "Benelux (September Film Distribution)", "Italy (Be Water)" read
 * a month or a lower-case word inside a company name. The name is the text
 * between the parentheses when it is short, starts with a capital or a digit
 * and is not a territory, a person or a year: [name, index after ")"].
 */
export function parenBuyer(c: Ctx, k: number): [string, number] | null {
  if (c.tok(k) !== '(') return null;
  if (/^[CE]\d+$/.test(c.tok(k + 1)) && c.tok(k + 2) === ')') return c.item(k + 1).ent === 'person' ? null : [c.name(k + 1), k + 3];
  // ("(MATV.)": a full stop the page put inside the parenthesis)
  if (/^[CE]\d+$/.test(c.tok(k + 1)) && c.tok(k + 2) === '.' && c.tok(k + 3) === ')')
    return c.item(k + 1).ent === 'person' ? null : [c.name(k + 1), k + 4];
  let e = k + 1;
  while (e < c.toks.length && e < k + 8 && c.tok(e) !== ')' && c.tok(e) !== '(' && c.tok(e) !== '.' && c.tok(e) !== ';') e++;
  if (c.tok(e) !== ')' || e === k + 1) return null;
  if (c.isTerr(k + 1) || c.isTitle(k + 1) || /^P\d+$/.test(c.tok(k + 1))) return null;
  const a = c.item(k + 1).start - c.sent.start;
  const b = c.item(e - 1).end - c.sent.start;
  // "(Lucky Red, which also co-produced)": the company, not what is said of it
  const name = c.sent.text
    .slice(a, b)
    .replace(/\s+/g, ' ')
    .replace(/,\s*(?:which|who|that|also|as|its|a|an|the)\b.*$/, '')
    .trim();
  if (
    !/^[\p{Lu}\d]/u.test(name) ||
    name.length > 60 ||
    /^\d{4}$/.test(name) ||
    /^(?:see|sold|via|by|aka|also|formerly|previously)\b/i.test(name)
  )
    return null;
  if (/,\s*(?:and\s+)?[\p{Lu}]/u.test(name) && !/,\s*(?:Ltd|Inc|LLC|Co|S\.?A|GmbH)\b/i.test(name)) return null;
  return [name, e + 1];
}

/**
 * Two buyers in one pair of parentheses: "France (Why Not and Bac Films)",
 * "Israel (Shani Films/Lev Cinema)"; a name the trade writes with a slash or
 * an "and" ("Curzon/Artificial Eye") stays whole when it is a known company.
 */
export function splitBuyers(name: string): string[] {
  if (KNOWN_COMPANY_KEYS.has(nk(name))) return [name];
  const parts = name.split(/\s*\/\s*|\s+and\s+|\s+&\s+(?=\p{Lu}\p{Ll}+\s+\p{Lu})/u).map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => !/^[\p{Lu}\d]/u.test(p) || p.length < 2)) return [name];
  return parts;
}

/** Past a title's other name in parentheses ("T (aka T2)", "T (a.k.a. T2)", "T (T2)"): where the sentence goes on. */
export function pastAlias(c: Ctx, k: number): number {
  if (c.tok(k) !== '(') return k;
  let j = k + 1;
  if (/^(?:aka|a\.k\.a\.|also|formerly|previously|originally|working|orig\.)$/.test(c.tok(j))) j++;
  while (j < k + 4 && /^(?:known|as|titled|called|title)$/.test(c.tok(j))) j++;
  return c.isTitle(j) && c.tok(j + 1) === ')' ? j + 2 : k;
}

/**
 * The territories of a pair `R (X)` read from `k` as `l`: "the US, Italy (X)": a bare comma before the last
 * territories ends an item sold without a named buyer (as the annotated trade lists read them), so X has Italy;
 * "Germany, Austria and Switzerland (X)", joined by "and", is the buyer's group.
 */
export function pairTerritories(c: Ctx, k: number, l: { exprs: string[]; end: number }): string[] {
  if (l.exprs.length < 2) return l.exprs;
  let comma = -1;
  for (let t = l.end - 1; t > k && comma < 0; t--) {
    if (/^(?:and|&|\/)$/.test(c.tok(t))) return l.exprs;
    if (c.tok(t) === ',') comma = t;
  }
  if (comma < 0) return l.exprs;
  const tail = c.terrList(comma + 1, false);
  return tail.end === l.end && tail.exprs.length ? tail.exprs : l.exprs;
}
