/**
 * The rule-based extractor: trade-press sentences in, candidate facts out.
 *
 * Each sentence is read into a sketch (sketch.ts) and the rules below match
 * the language of the trade on it: who acquired, nabbed, picked up, landed,
 * took or pre-bought which territories of which title from whom; who sold a
 * title to whom for where (one deal per "X for territory" item); who handles
 * sales; what premieres, opens, closes or was pulled where; what won; what
 * grossed where and when; who directed, wrote, stars and produced. Talks,
 * rumours and denials never become deals: they become low-confidence rumour
 * facts. Pronouns ("the film", "it", "the company") follow the article's focus.
 *
 * The article is read twice: the first pass learns which names are people and
 * which are companies (from role words, company suffixes, deal slots), the
 * second extracts with that knowledge, so a name used before it is introduced
 * ("Zhang", "HanWay", "SPC") still resolves.
 *
 * The rules live in extract/, one module per kind of fact: context.ts (the
 * state and the sentence every rule reads), words.ts, dealTerms.ts and
 * deals.ts, mandates.ts, negotiators.ts, festivals.ts, boxOffice.ts,
 * credits.ts, and article.ts, which runs them over the article.
 */
export { extractFacts } from './extract/article.js';
export type { ExtractOptions, Extraction } from './extract/context.js';
export type { AnyFact, CandidateFact } from './types.js';
