/**
 * Talks, rumours and denials told without a deal verb of their own ("X is said to be the frontrunner for T", "X is in
 * the running for T"): low-confidence rumour facts that never become deals (deals.ts reads the deals).
 */
import { learn } from '../sketch.js';
import { COMPANY_PRONOUN } from './words.js';
import { type Ctx, add, joinList, nk, validTerritories } from './context.js';
import { lastTitleBefore, rumourKind } from './dealTerms.js';
import { pactWith, talksForRole } from './talks.js';

/** The ways the press says a party is in talks without a deal verb, each a regular expression of its own (one alternation). */
const RUMOUR_SHAPES = new RegExp(
  `^(?:${[
    String.raw`(?:is|are|was|were) (?:also )?(?:believed|thought|said|understood|reported) to be (?:the )?(?:front-?runners?|favou?rites?|leading contenders?)`,
    String.raw`(?:also )?in the (?:mix|running|hunt)\b`,
    String.raw`(?:(?:is|are|was|were) )?(?:also )?(?:believed|thought|said|understood|reported) to be (?:also )?in the (?:chase|mix|running|hunt|frame)\b`,
    String.raw`(?:(?:have|has|had) )?(?:also )?(?:made|put in|submitted) (?:an? )?(?:offers?|bids?)\b`,
    String.raw`(?:(?:is|are|was|were) )?(?:believed|thought|said|understood|reported) to have (?:made|put in|submitted) (?:an? )?(?:offers?|bids?)\b`,
    String.raw`(?:(?:has|have|had) )?(?:also )?(?:emerged|emerges|emerging) as (?:the |a )?(?:front-?runners?|favou?rites?|leading contenders?)\b`,
    String.raw`(?:as )?(?:possibly |reportedly )?(?:having|has|have) the inside track\b`,
    String.raw`(?:is|are|was|were|has been|have been) (?:also )?(?:rumou?red|reported|said|believed|thought|understood|alleged) to (?:have |be )?(?:acquired|bought|picked up|nabbed|landed|taken|snapped up|paid|offered|bid|circling|eyeing|interested|in talks|negotiating|closing|close)`,
    String.raw`(?:is|are|was|were|had|has|have) (?:also )?(?:been )?(?:said to be |reportedly |believed to be |understood to be )?(?:circling|eyeing|in (?:advanced |early |final |exclusive )?(?:talks|negotiations) (?:for|on|over|to)|close to a deal (?:for|on)|nearing a deal (?:for|on)|the frontrunner for|in the running for|bidding for|interested in)`,
    String.raw`(?:was|were) (?:rumou?red|reported|said) to (?:have )?(?:offered|acquired|bid|paid)`,
    String.raw`(?:denied|denies) (?:(?:that )?it (?:was|is|had) )?(?:in talks|acquiring|acquired|buying|bought|a report|reports|rumou?rs)`,
    String.raw`is (?:reportedly )?close to (?:a )?deal`,
    // "X reportedly paid $5 million for T", "X allegedly bought T": the sale itself is hearsay
    String.raw`(?:reportedly|allegedly) (?:paid|acquired|bought|picked up|nabbed|landed|snapped up|took|scooped up)`,
    String.raw`(?:is|are|was|were) (?:currently |now |also |reportedly )?negotiating (?:a deal |terms )?(?:on|for|over|to acquire|to pick up|to buy)\b`,
    String.raw`(?:is|are|was|were) (?:reportedly |said to be |understood to be )?in (?:final|advanced|exclusive|early|late-stage) negotiations\b`,
  ].join('|')})`,
);

/** Every shape of RUMOUR_SHAPES needs one of these words: a sentence without any is skipped at once. */
const RUMOUR_CUE =
  /\b(?:believed|thought|said|understood|reported|reportedly|allegedly|mix|running|hunt|rumou?red|alleged|circling|eyeing|talks|negotiations|negotiating|close|nearing|front-?runners?|favou?rites?|contenders?|bidding|interested|denied|denies|offers?|bids?|track|emerged|emerges|emerging)\b/;

export function extractRumours(c: Ctx): void {
  const n = c.toks.length;
  if (!RUMOUR_CUE.test(c.words(0, n))) return;
  for (let v = 0; v < n; v++) {
    const w = c.words(v, v + 8);
    const m = RUMOUR_SHAPES.exec(w);
    if (!m) continue;
    // "X and Y are in talks to star", "to join the cast", "to direct": a role, not the film's rights
    if (talksForRole(c, v + m[0].split(' ').length)) continue;
    if (/\bto (?:join|star|co-star|direct|helm|write|play|lead|topline|front|appear|produce|score)\b/.test(c.words(v, v + 10))) continue;
    // "X in negotiations for a distribution pact with Y": Y is the buyer (talks.ts)
    if (pactWith(c, v + m[0].split(' ').length) >= 0) continue;
    // the parties: "ORG and ORG were said to be circling", "several streamers, including Netflix"
    const parties: string[] = [];
    let k = v - 1;
    while (
      k >= 0 &&
      [
        'also',
        'reportedly',
        'now',
        'still',
        'has',
        'have',
        'had',
        'is',
        'are',
        'was',
        'were',
        ',',
        'meanwhile',
        'however',
        'though',
        'too',
        'for',
        'its',
        'part',
        'which',
        'who',
        'that',
        'with',
      ].includes(c.tok(k))
    )
      k--;
    while (k >= 0 && /^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') {
      parties.unshift(c.name(k));
      if (c.tok(k - 1) === 'and' || c.tok(k - 1) === ',') k -= 2;
      else break;
    }
    if (!parties.length) {
      // "several buyers, including X and Y, made offers"
      for (let j = 0; j < v; j++)
        if (c.seq(j, ['including']))
          for (let x = j + 1; x < v && /^[CE]\d+$/.test(c.tok(x)) && c.item(x).ent !== 'person'; x += 2) {
            parties.push(c.name(x));
            if (c.tok(x + 1) !== 'and' && c.tok(x + 1) !== ',') break;
          }
    }
    // "point to X as possibly having the inside track"
    if (!parties.length && c.tok(v) === 'as' && /^[CE]\d+$/.test(c.tok(v - 1)) && c.item(v - 1).ent !== 'person')
      parties.push(c.name(v - 1));
    if (
      !parties.length &&
      (COMPANY_PRONOUN.test(c.words(v - 2, v)) ||
        COMPANY_PRONOUN.test(c.words(k - 1, k + 1)) ||
        COMPANY_PRONOUN.test(c.words(k - 2, k + 1))) &&
      c.st.focusCompany
    )
      parties.push(c.st.focusCompany);
    if (!parties.length) continue;
    let title: string | null = null;
    const len = m[0].split(' ').length;
    const limit = c.clauseEnd(v + len);
    // a shape with no object ("X believed to be in the chase, and ..."): the title is the one before it
    if (!/\b(?:for|on|over|to|in)$/.test(m[0]) && !/^(?:for|on|over|to|in)$/.test(c.tok(v + len)) && !c.titleAt(v + len)[0])
      title = lastTitleBefore(c, v);
    for (let j = v; j < Math.min(n, v + 20) && !title; j++) {
      if (c.tok(j) === 'it' || c.tok(j) === 'its') continue;
      const [t] = c.titleAt(j);
      if (t) {
        title = t;
        break;
      }
    }
    // "Interest in T is high, with X believed to be in the chase": the title before the parties
    title ??= lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    const terrs: string[] = [];
    for (let j = v; j < limit; j++) if (c.isTerr(j) && c.tok(j + 1) === 'rights') terrs.push(...c.terrList(j).exprs);
    for (const party of parties) {
      if (!title) continue;
      // "Searchlight is understood to have paid $6 million": a detail of a deal already told, not a rumour
      if (c.st.deals.some((d) => nk(d.fields.title) === nk(title) && nk(d.fields.buyer) === nk(party))) continue;
      add(
        c.st,
        'rumour',
        { title, party, kind: /denie/.test(m[0]) ? 'denial' : rumourKind(m[0]), territories: validTerritories(joinList(terrs)) },
        0.3,
        c.span(),
      );
      learn(c.st.reg, party, 'company');
    }
  }
}
