/**
 * Sentences the reader could not read, wholly or in part: they use the words of a sale (a deal verb, rights,
 * a pre-sale, a licence) and name someone, yet no deal, talks or mandate fact was drawn from them, or the
 * facts drawn from them leave out a company they name (a list read up to its third buyer). The review lists
 * them so a person reads the few sentences where a deal may hide instead of the whole article, and adds the
 * deal the rules missed. Pure: the article's text and what its facts cite and name.
 */
import type { Span } from '../domain/articleFacts.js';
import { normalizeName } from '../domain/fuzzy.js';
import { TRADE_COMPANIES } from './companies.js';
import { KNOWN_COMPANIES } from './companyWords.js';
import { MONTHS } from './lexicon.js';
import { companyBySurface, isAwardName, personShaped, territoryOf } from './nameShapes.js';
import { segment } from './text.js';
import type { AnyFact } from './types.js';

/** The words of a sale, as the trade writes them (a verb of buying or selling, rights, a licence, a pre-sale). */
const SALE_WORDS =
  /\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|pre-?b(?:uys?|ought|uying)|pick(?:s|ed|ing)? up|snap(?:s|ped|ping) up|nab(?:s|bed|bing)|grab(?:s|bed|bing)|scoop(?:s|ed|ing)?(?: up)?|land(?:s|ed)|swoop(?:s|ed)|sec(?:ures|ured)|board(?:s|ed)|t(?:ook|aken|akes|aking)|ink(?:s|ed)|sign(?:s|ed)|closed|seal(?:s|ed)|licen[cs](?:e|es|ed|ing)|sold|sells?|selling|pre-?sol(?:d|ds|ling)|pre-?sales?|sales?|deals?|rights|distribution|distributor|distribute[sd]?|released? by|will release|handl(?:es|ed|ing))\b/i;

/** A name after the sentence's first word: a capital, a digit or a quote mark (a title, a company, a place). */
const A_NAME = /\s["“'‘]?[\p{Lu}\p{N}]/u;

/** A sentence has to be this long to state a deal (a headline's three words do not). */
const MIN_WORDS = 5;

/** A company by its corporate word: `Lantern Pictures`, `Odeon Hellas Films` (up to four capitalized words before it). */
const CORPORATE =
  /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}&'’.-]*(?: \p{Lu}[\p{L}&'’.-]*){0,3} (?:Films|Film|Pictures|Entertainment|Distribution|Releasing|Media|Studios|Filmverleih|Distribuzione|Cinema))(?![\p{L}\p{N}])/gu;

/** The gazetteer's names, longest first, as one pattern (built on first use). */
let gazetteer: RegExp | null = null;
function gazetteerPattern(): RegExp {
  if (!gazetteer) {
    const names = [
      ...new Set(
        [...TRADE_COMPANIES.flatMap((c) => [c.name, ...c.aliases]), ...KNOWN_COMPANIES].filter(
          (n) => /^[\p{Lu}\p{N}]/u.test(n) && n.length > 2,
        ),
      ),
    ].sort((a, b) => b.length - a.length);
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    gazetteer = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }
  return gazetteer;
}

/** The companies a sentence names: the trade gazetteer's, and names closed by a corporate word; in order, once each. */
export function companiesIn(sentence: string): string[] {
  const found: Array<[number, string]> = [];
  for (const m of sentence.matchAll(gazetteerPattern())) found.push([m.index, m[0]]);
  for (const m of sentence.matchAll(CORPORATE)) found.push([m.index, m[1]]);
  found.sort((a, b) => a[0] - b[0] || b[1].length - a[1].length);
  const out: string[] = [];
  let end = -1;
  for (const [at, name] of found) {
    if (at < end) continue; // inside a longer name already taken
    end = at + name.length;
    if (!out.some((n) => normalizeName(n) === normalizeName(name))) out.push(name);
  }
  return out;
}

/** A run of capitalized words (a name), with `of`, `the`, `de`, `&`... inside: `Bodega Film`, `Films de la Croisade`. */
const CAP_RUN =
  "\\p{Lu}[\\p{L}\\p{N}&'’.-]*(?: (?:(?:of|the|de|del|la|le|les|du|von|van|and|&|y|e) )?[\\p{Lu}\\p{N}][\\p{L}\\p{N}&'’.-]*){0,4}";
/** Where the trade names the buyer: `France (X)`, `to X`, `by X`, `with X`, `X has acquired`, `X picked up`. */
const BUYER_PLACES = [
  new RegExp(`\\((${CAP_RUN})\\)`, 'gu'),
  new RegExp(`\\b(?:to|by|with)\\s+(?:(?:distributor|streamer|broadcaster|banner|outfit|label)\\s+)?(${CAP_RUN})`, 'gu'),
  new RegExp(
    `(?:^|[,;:]\\s|\\b(?:and|while)\\s)(${CAP_RUN})\\s+(?:has|have|had|also|recently|quickly|swiftly)?\\s*(?:acquired|bought|picked up|snapped up|nabbed|grabbed|took|taken|scooped|landed|secured|pre-bought|boarded|licensed|closed)\\b`,
    'gu',
  ),
];
const MONTH_WORDS = new Set(MONTHS);
/** Not a buyer: a territory, a month, a weekday word, a lone article or pronoun. */
const notABuyer = (n: string) =>
  !!territoryOf(n) ||
  MONTH_WORDS.has(n.toLowerCase()) ||
  /^(?:The|A|An|It|Its|This|That|These|Those|He|She|They|We|I|In|On|At|For|From|With|By|To|As|After|Before|Elsewhere|Meanwhile|Also|Both|Other|Others|Deals?|Rights?|Sales?|North|South|East|West)$/.test(
    n,
  );

/**
 * The names a sentence gives where the trade puts a buyer (in parentheses after a territory, after `to`,
 * `by` or `with`, before a verb of buying), that are no territory nor month; in order, once each.
 */
export function buyerPlacesIn(sentence: string): string[] {
  const found: Array<[number, string]> = [];
  BUYER_PLACES.forEach((re, place) => {
    for (const m of sentence.matchAll(re)) {
      const start = m.index + m[0].indexOf(m[1]);
      let from = 0;
      // `by Ana Ruiz and Salt Road`: each name apart; after `to`, `by` or `with` a person's name is no buyer
      for (const part of m[1].split(/ and | & (?=\p{Lu}\p{Ll}+ \p{Lu})/u)) {
        from = m[1].indexOf(part, from);
        const name = part.replace(/['’]s$/, '').replace(/[.,]$/, '');
        const person = place === 1 && personShaped(name) && !companyBySurface(name);
        if (!notABuyer(name) && !person) found.push([start + from, name]);
        from += part.length;
      }
    }
  });
  found.sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  for (const [, n] of found) if (!out.some((o) => normalizeName(o) === normalizeName(n))) out.push(n);
  return out;
}

/** A title in quotes: straight or curly, double or single (1 to 10 words, starting with a capital or a digit). */
const QUOTED = /["“‘']([\p{Lu}\p{N}][^"“”‘’']{0,80}?)["”’'](?![\p{L}])/gu;
/** A title after an auteur's possessive or a kind of film: `Ana Ruiz's Salt Road`, `drama Salt Road`, `rights to Salt Road`. */
const TITLE_PLACES = new RegExp(
  `(?:['’]s|\\b(?:film|drama|comedy|thriller|documentary|doc|feature|debut|title|pic|movie|horror|romance|animation|series|rights to|rights on|rights for|deal on|deals on|deal for|closed on|sales on|sale of|acquired|bought|picked up|pre-bought|sold)) (?:(?:new|latest|first|second|upcoming|[\\p{Ll}-]+ian|[\\p{Ll}-]+ese|[\\p{Ll}-]+ish) )?(${CAP_RUN})`,
  'gu',
);

const NOT_A_TITLE =
  /\b(?:Festival|Fest|Berlinale|Cannes|Venice|Sundance|TIFF|Toronto|Locarno|Rotterdam|Fortnight|Regard|Panorama|Competition|Forum|Critics|Week|Bear|Lion|Palme|Prize|Award|Awards|Market|Marché|EFM|AFM|MIFED|Section|Special|Selection|Generation|Encounters|Orizzonti|Discovery|Platform)\b/;

/** Titles a sentence may name, for a person to pick from: quoted ones first, then those in a title's places; not its companies. */
export function titlePlacesIn(sentence: string, companies: readonly string[]): string[] {
  const out: string[] = [];
  const add = (t: string) => {
    const title = t.trim().replace(/[.,;:]$/, '');
    if (!title || title.split(/\s+/).length > 10) return;
    if (companies.some((c) => sameName(c, title)) || territoryOf(title) || MONTH_WORDS.has(title.toLowerCase())) return;
    // a festival, its sections and prizes; a word of a foreign title's beginning (`La`)
    if (NOT_A_TITLE.test(title) || isAwardName(title) || (!/\s/.test(title) && title.length < 4)) return;
    if (!out.some((o) => normalizeName(o) === normalizeName(title))) out.push(title);
  };
  for (const m of sentence.matchAll(QUOTED)) add(m[1]);
  for (const m of sentence.matchAll(TITLE_PLACES)) {
    // `closed on Ana Ruiz's Salt Road`: the title after the possessive first, the whole run too (`Schindler's List`)
    const after = /^.+['’]s ([\p{Lu}\p{N}].*)$/u.exec(m[1]);
    if (after) add(after[1]);
    add(m[1]);
  }
  return out;
}

/** What a fact cites (its sentences) and names (its companies, whatever the field); `sale`: a deal, talks or a mandate. */
export interface Reading {
  spans: readonly Span[];
  names: readonly string[];
  sale: boolean;
}

/** What each extracted fact cites and names (its string fields: buyer, seller, company, party...). */
export function readingsOf(facts: ReadonlyArray<Pick<AnyFact, 'type' | 'span' | 'spans'> & { fields: object }>): Reading[] {
  return facts.map((f) => ({
    spans: [f.span, ...f.spans],
    names: Object.values(f.fields).filter((v): v is string => typeof v === 'string'),
    sale: f.type === 'deal' || f.type === 'rumour' || f.type === 'mandate',
  }));
}

/** A sentence to read: wholly unread (no fact cites it) or read in part (`names`: companies no fact of it names). */
export interface UnreadSentence {
  span: Span;
  /** True when a fact cites the sentence but leaves out the companies in `names`. */
  partly: boolean;
  /**
   * The companies the sentence names that no deal, talks or mandate from it names (all of them when wholly
   * unread), then the names it gives where the trade puts a buyer: offered as the buyer, the first filled in.
   */
  names: string[];
  /** Titles the sentence may name (quoted, or in a title's place), offered as the title beside the article's. */
  titles: string[];
}

const sameName = (a: string, b: string) => {
  const x = normalizeName(a);
  const y = normalizeName(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
};

/** The sentences that look like a sale and that the deal, talks and mandate facts do not read, wholly or in part. */
export function unreadDealSentences(text: string, readings: readonly Reading[]): UnreadSentence[] {
  const out: UnreadSentence[] = [];
  for (const s of segment(text)) {
    const sentence = text.slice(s.start, s.end);
    if (sentence.split(/\s+/).filter(Boolean).length < MIN_WORDS) continue;
    if (!SALE_WORDS.test(sentence) || !A_NAME.test(sentence)) continue;
    const citing = readings.filter((r) => r.spans.some(([a, b]) => a < s.end && s.start < b));
    const companies = companiesIn(sentence);
    const offered = (known: string[]) => {
      const places = buyerPlacesIn(sentence).filter((n) => !known.some((c) => sameName(c, n)) && !companies.some((c) => sameName(c, n)));
      return [...known, ...places];
    };
    // (a producer's or a festival's company named by another fact of the sentence is read too)
    if (!citing.some((r) => r.sale)) {
      const names = offered(companies);
      out.push({ span: [s.start, s.end], partly: false, names, titles: titlePlacesIn(sentence, names) });
      continue;
    }
    const named = citing.flatMap((r) => r.names);
    const left = companies.filter((c) => !named.some((n) => sameName(n, c)));
    if (left.length)
      out.push({ span: [s.start, s.end], partly: true, names: left, titles: titlePlacesIn(sentence, [...companies, ...named]) });
  }
  return out;
}
