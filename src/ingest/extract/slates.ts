/**
 * A sales company's market slate told film by film, as mandates: "Lumen Sales
 * kicks off sales on Ana Ruiz's T, Tom Berg's T2, which shoots in May, and T3",
 * "Lumen Sales unveils Ana Ruiz's new film T", "The company is also handling
 * T and T2", "Its Berlin titles comprise T and T2". The verb must be one of a
 * seller presenting films (launches, unveils, debuts, screens, is handling,
 * is pre-selling, ...), and, but for the verbs that say "sales" themselves, the
 * subject must be a sales company (the gazetteer's kind, or a name that says
 * so), so a distributor launching its release is not read as a seller.
 *
 * The films are the objects of the verb: a list whose items are a title (or an
 * unknown name in a title's place) behind describing words ("Ana Ruiz's period
 * drama T"); relative clauses between the items are skipped; a list of cast
 * ("starring X, Y and Z") ends it. One pass over the sentence's tokens.
 */
import { learn } from '../sketch.js';
import { type Ctx, add, nk } from './context.js';
import { COMPANY_PRONOUN } from './words.js';
import { salesCompany } from './lineups.js';
import { companyEntry } from '../companies.js';

const salesCompanyKnown = (name: string) => companyEntry(name)?.kind === 'sales-agent';

/** Verbs that say the company sells the film: any company. */
const SALES_VERB =
  /^(?:(?:is|are|will be|will) )?(?:also |now |currently )?(?:kick(?:s|ing)? off (?:international |world |worldwide )?(?:pre-?)?sales on|launch(?:es|ed|ing)? (?:international |world |worldwide )?(?:pre-?)?sales on|continu(?:es|ing) sales on|(?:finish(?:es|ing)?|wrap(?:s|ping)?) (?:off |up )?(?:international |world )?sales on|warming up buyers for|represent(?:s|ing) sales on|pre-sell(?:s|ing)|pre-selling)\b/;
/** Verbs a seller presents films with: a sales company only. */
const SLATE_VERB =
  /^(?:(?:is|are|will be|will|has|have) )?(?:also |now |currently |likewise )?(?:launch(?:es|ing)?|unveil(?:s|ing)?|debut(?:s|ing)?|screen(?:s|ing)?|market screening|bring(?:s|ing)?|present(?:s|ing)?|handl(?:e|es|ing)|represent(?:s|ing)?|introduc(?:e|es|ing)|lead(?:s|ing) with|(?:is )?leading with|giv(?:es|ing) (?:a |the )?(?:joint )?(?:world |international |market )?premiere to|(?:will )?ha(?:s|ve) (?:the|a) (?:world |international |market )?premiere of|debuts a first promo-reel for|has a first promo for|has high expectations for|(?:head(?:s|ing)? to|arriv(?:es|ing) (?:in|at)|is in|(?:will )?travel(?:s|ling)? to) F\d+ with)\b/;
/** "its Cannes titles comprise", "the company's slate also includes": the titles of the company in focus or named. */
const TITLES_INCLUDE =
  /^(?:(?:further|other|its|the (?:sales )?(?:company|firm|outfit|banner)(?:'s)?) )?(?:F\d+ |market |new |official )?(?:titles|slate|line-up|lineup) (?:also )?(?:include|includes|comprise|comprises|is headed by)\b/;

/** "The sales outfit", "the Madrid-based sales agency": the company in focus, named as a seller. */
const SELLER_PRONOUN = /^the (?:[a-z]+-based |X\d+ )?(?:international |world )?sales (?:outfit|house|agency|company|agent|banner)$/;
/** A sales company taking films on: "has acquired", "has picked up (world sales rights to)", "has boarded". */
const ACQUIRE_VERB =
  /^(?:(?:has|have) )?(?:also |now )?(?:acquired|picked up|boarded|taken on|nabbed|secured|added)(?: (?:the )?(?:international |world |worldwide |global )?(?:sales )?rights (?:to|on|for))?\b/;

/** Words that open a clause, not a list item's description. */
const STOP =
  /^(?:which|who|whose|that|starring|co-starring|featuring|about|with|opposite|by|after|following|like|than|from|at|in|to|of|on|as|is|are|was|were|has|have|will|based|directed|produced|written|set)$/;
/** A list item's describing token: a lower-case word, a nationality, a section, a festival, an award, a number (and a name's possessive). */
const DESCRIBING = /^(?:[a-z][a-z-]*|[NSAFX]\d+|\d+)$/;
const POSSESSIVE = /['’]s?$/;
/** A maker's role written before their name. */
const MAKER = /^(?:helmer|director|filmmaker|auteur|writer-director|actress-director|actor-director|documentarian|documentary-maker)$/;

export function extractSlates(c: Ctx): void {
  rundownSellers(c);
  // the subject: a company opening the sentence, or "the company" / "it" / "its" for the company in focus
  let company: string | null = null;
  let v = 0;
  // (a one-word sales company of the gazetteer, "Memento", may stand as an unknown name)
  if (/^[CE]\d+$/.test(c.tok(0)) && c.isOrg(0) && (!c.isPer(0) || salesCompanyKnown(c.name(0))) && !POSSESSIVE.test(c.raw(0))) {
    company = c.name(0);
    v = 1;
  } else {
    for (const len of [6, 5, 4, 3, 2, 1]) {
      const phrase = c.words(0, len);
      if ((COMPANY_PRONOUN.test(phrase) || SELLER_PRONOUN.test(phrase)) && c.st.focusCompany) {
        company = c.st.focusCompany;
        v = len;
        break;
      }
    }
  }
  // "X ("an earlier film") has acquired": past a parenthesis after the subject
  if (company && c.tok(v) === '(') {
    const close = c.toks.indexOf(')', v);
    if (close > 0 && close < v + 8) v = close + 1;
  }
  const w = c.words(v, v + 12);
  let m = SALES_VERB.exec(w);
  // a sales company that acquires a film without a territory's rights takes on its sales
  if (!m && company && salesCompany(company) && !c.toks.some((t, i) => c.isTerr(i) && /^(?:rights|for)$/.test(c.tok(i + 1)) && i > v)) {
    m = ACQUIRE_VERB.exec(w);
    if (m && c.toks.some((t, i) => c.isTerr(i) && (c.tok(i - 1) === 'for' || c.tok(i - 1) === 'in'))) m = null;
  }
  let strong = !!m;
  if (!m && company) m = SLATE_VERB.exec(w);
  // "Its Cannes titles comprise T and T2", "Further titles include T": the company in focus
  if (!m && (!company || company === c.st.focusCompany) && c.st.focusCompany && /^(?:its|further|other|the)$/.test(c.tok(0))) {
    const t = TITLES_INCLUDE.exec(c.words(0, 8));
    if (t) {
      company = c.st.focusCompany;
      m = t;
      v = 0;
      strong = false;
    }
  }
  if (!m || !company) return;
  if (!strong && !salesCompany(company)) return;
  const titles = objectTitles(c, v + m[0].split(' ').length);
  for (const title of titles) {
    if (nk(title) === nk(company)) continue;
    add(c.st, 'mandate', { title, company, territories: null }, 0.7, c.span());
    c.st.mandates.set(nk(title), company);
  }
  if (titles.length) learn(c.st.reg, company, 'company');
}

/** The films a slate verb governs from `from` on: one per list item, relative clauses skipped, a cast list ends it. */
function objectTitles(c: Ctx, from: number): string[] {
  const n = c.toks.length;
  const out: string[] = [];
  let k = from;
  while (k < n && c.tok(k) !== '.' && c.tok(k) !== ';') {
    // "T and T2; as well as P's T3": the list goes on past the semicolon
    if (/^as well as\b/.test(c.words(k, k + 3))) k += 3;
    // one list item: up to the next ',' or 'and' at its level
    let end = k;
    while (end < n && !/^(?:,|and|\.|;)$/.test(c.tok(end))) end++;
    const item = c.toks.slice(k, end);
    if (item.length && !/^(?:which|who|whose|in which|the details)/.test(c.words(k, k + 2))) {
      let at = -1;
      for (let i = 0; i < item.length; i++) {
        const t = item[i];
        // "Ana Ruiz ("Cold Harbour")'s T": a director named with an earlier film, then the film
        if (t === '(' && i > 0) {
          const close = item.indexOf(')', i);
          if (close < 0) break;
          i = close + (item[close + 1] === 's' ? 1 : 0);
          continue;
        }
        const code =
          c.isTitle(k + i) ||
          (/^E\d+$/.test(t) && c.item(k + i).ent !== 'person' && !c.isCompanyName(k + i) && !MAKER.test(item[i + 1] ?? ''));
        if (code && !POSSESSIVE.test(c.raw(k + i)) && (c.isTitle(k + i) || item[i + 1] !== '(')) {
          at = k + i;
          break;
        }
        // "rising Moroccan helmer P's T": a word the reader took for a name before a maker's role describes the maker
        const named = /^[PEC]\d+$/.test(t) && (POSSESSIVE.test(c.raw(k + i)) || item[i + 1] === '(' || MAKER.test(item[i + 1] ?? ''));
        if (STOP.test(t) || !(DESCRIBING.test(t) || named)) break;
      }
      // an unknown name is a film only where a film's name ends: "T, ...", "T by X", "T about ..." ("X directs" is a person)
      const ends =
        at >= 0 &&
        (c.isTitle(at) || at + 1 >= end || /^(?:by|from|about|starring|co-starring|featuring|reboot|remake|sequel)$/.test(c.tok(at + 1)));
      if (ends) out.push(c.item(at).text);
      // "T from X and Y", "T by X and Y": the item after "and" is the same people
      if (at >= 0 && c.tok(end) === 'and' && /\b(?:from|by|directed|written)\b/.test(c.words(at + 1, end))) {
        while (end + 1 < n && !/^(?:,|\.|;)$/.test(c.tok(end + 1))) end++;
      }
      // "starring X, Y and Z", "about ...": the rest of the sentence is not a list of films
      if (at >= 0 && /\b(?:starring|co-starring|featuring|with|opposite)\b/.test(c.words(at + 1, end))) break;
      if (at < 0 && out.length && /\b(?:starring|co-starring|featuring)\b/.test(c.words(k, end))) break;
    }
    k = end + 1;
  }
  return [...new Set(out)];
}

/**
 * A rundown's entry, a film's paragraph that names its sellers in a sentence of their own: "X and Y are repping.",
 * "X selling offshore.", "X is handling world sales." The film is the one the paragraph is about (its focus, set
 * in this paragraph); the sentence holds nothing but the companies and the verb.
 */
function rundownSellers(c: Ctx): void {
  const n = c.toks.length;
  if (!c.st.focus || c.st.focusParagraph !== c.sent.paragraph) return;
  const companies: string[] = [];
  let k = 0;
  while (k < n && c.isOrg(k) && !c.isPer(k) && !POSSESSIVE.test(c.raw(k))) {
    companies.push(c.name(k));
    if (c.tok(k + 1) !== 'and' && c.tok(k + 1) !== ',') break;
    k += 2;
  }
  if (!companies.length) return;
  const m = RUNDOWN_VERB.exec(c.words(k + 1, n));
  if (!m) return;
  const territories =
    m[1] && /offshore|international|foreign|overseas/.test(m[1]) ? 'International' : m[1] && /world/.test(m[1]) ? 'Worldwide' : null;
  for (const company of companies) {
    if (nk(company) === nk(c.st.focus)) continue;
    add(c.st, 'mandate', { title: c.st.focus, company, territories }, 0.7, c.span());
    learn(c.st.reg, company, 'company');
  }
}

/** The whole rest of a rundown's seller sentence. */
const RUNDOWN_VERB =
  /^(?:(?:is|are) )?(?:also )?(?:repping|representing|selling|handling|co-repping)(?: (offshore|international|foreign|overseas|world|worldwide)(?: sales| rights)?| (?:international |world |worldwide |foreign )?sales)? \.?$/;
