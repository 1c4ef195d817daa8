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
      ...new Set(TRADE_COMPANIES.flatMap((c) => [c.name, ...c.aliases]).filter((n) => /^\p{Lu}/u.test(n) && n.length > 2)),
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
  /** The companies the sentence names that no deal, talks or mandate from it names (all of them when wholly unread). */
  names: string[];
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
    // (a producer's or a festival's company named by another fact of the sentence is read too)
    if (!citing.some((r) => r.sale)) {
      out.push({ span: [s.start, s.end], partly: false, names: companies });
      continue;
    }
    const named = citing.flatMap((r) => r.names);
    const left = companies.filter((c) => !named.some((n) => sameName(n, c)));
    if (left.length) out.push({ span: [s.start, s.end], partly: true, names: left });
  }
  return out;
}
