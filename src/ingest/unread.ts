/**
 * Sentences the reader could not read: they use the words of a sale (a deal verb, rights, a pre-sale, a
 * licence) and name someone, yet no deal, talks or mandate fact was drawn from them. The review lists them
 * so a person reads the few sentences where a deal may hide instead of the whole article, and adds the deal
 * the rules missed. Pure: the article's text and the spans its facts cite.
 */
import type { Span } from '../domain/articleFacts.js';
import { segment } from './text.js';

/** The words of a sale, as the trade writes them (a verb of buying or selling, rights, a licence, a pre-sale). */
const SALE_WORDS =
  /\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|pre-?b(?:uys?|ought|uying)|pick(?:s|ed|ing)? up|snap(?:s|ped|ping) up|nab(?:s|bed|bing)|grab(?:s|bed|bing)|scoop(?:s|ed|ing)?(?: up)?|land(?:s|ed)|swoop(?:s|ed)|sec(?:ures|ured)|board(?:s|ed)|t(?:ook|aken|akes|aking)|ink(?:s|ed)|sign(?:s|ed)|clos(?:es|ed)|seal(?:s|ed)|licen[cs](?:e|es|ed|ing)|sold|sells?|selling|pre-?sol(?:d|ds|ling)|pre-?sales?|sales?|deals?|rights|distribution|distributor|distribute[sd]?|released? by|will release|handl(?:es|ed|ing))\b/i;

/** A name after the sentence's first word: a capital, a digit or a quote mark (a title, a company, a place). */
const A_NAME = /\s["“'‘]?[\p{Lu}\p{N}]/u;

/** A sentence has to be this long to state a deal (a headline's three words do not). */
const MIN_WORDS = 5;

/** The sentences (as spans) that look like a deal and overlap no span of a deal, talks or mandate fact. */
export function unreadDealSentences(text: string, factSpans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of segment(text)) {
    const sentence = text.slice(s.start, s.end);
    if (sentence.split(/\s+/).filter(Boolean).length < MIN_WORDS) continue;
    if (!SALE_WORDS.test(sentence) || !A_NAME.test(sentence)) continue;
    if (factSpans.some(([a, b]) => a < s.end && s.start < b)) continue;
    out.push([s.start, s.end]);
  }
  return out;
}
