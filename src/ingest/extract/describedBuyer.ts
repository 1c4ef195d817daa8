/**
 * A buyer named behind a description of itself: "Nordlys regular client Arrow
 * Films" (the sales company's client is the buyer), "U.K. distributor and
 * long-time partner Arrow Films", "U.K. distributor and Ruiz fan Arrow Films".
 * The rules that read the company after "by" read the company the description
 * ends on. A few tokens looked at: no cost per article.
 */
import type { Ctx } from './context.js';

/** A relation the description names: the buyer is someone's client, partner, fan. */
const RELATION = /^(?:client|clients|customer|partner|partners|collaborator|fan|fans|admirer|champion|supporter|ally)$/;
/** Words a description is made of, besides the relation and a person's name. */
const DESCRIBING =
  /^(?:regular|long-time|longtime|long|old|frequent|loyal|trusted|repeat|usual|and|the|of|a|an|distributor|buyer|streamer|broadcaster|label|outfit|company|time|-)$/;

/**
 * At k (the token after "by", or a list item), a description that ends on a company: the company's token and the
 * territory the description gives it (`U.K. distributor and ...`), or null when k is no such description. The
 * description must name a relation (client, partner, fan): two companies side by side are not one described.
 */
export function describedBuyer(c: Ctx, k: number): { at: number; territory: string | null } | null {
  let territory: string | null = null;
  let j = k;
  if (c.isTerr(j) && /^(?:distributor|buyer|streamer|broadcaster|label|outfit|company)$/.test(c.tok(j + 1))) territory = c.terr(j);
  let relation = false;
  let at = -1;
  for (; j < k + 9 && j < c.toks.length; j++) {
    const w = c.tok(j);
    if (RELATION.test(w)) {
      relation = true;
      continue;
    }
    // the description's own words: a relation's owner ("Nordlys regular client"), a person ("Ruiz fan"), a country
    if (j === k && (c.isTerr(j) || /^[CE]\d+$/.test(w))) continue;
    if (DESCRIBING.test(w) || (/^[PE]\d+$/.test(w) && RELATION.test(c.tok(j + 1)))) continue;
    if (relation && c.isOrg(j) && !c.isPer(j)) at = j;
    break;
  }
  return at > 0 && relation ? { at, territory } : null;
}
