/**
 * A territory put first: `In Germany, Kinofilm has acquired T.`, `In the U.K. and Ireland, T went to X.`
 * The place opens the sentence and is what the sale is for; a deal this sentence told without territories
 * takes it. Runs after the deal rules of the sentence.
 */
import { type Ctx, dealsHere, validTerritories } from './context.js';

/** `In <territories>,` or `For <territories>,` at the sentence's start (up to six words). */
const FRONTED =
  /^\s*(?:In|For|Over in|Down in|Across)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}.'’-]*|and|&|,)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|&))*?)\s*,\s/u;

export function extractFrontedPlace(c: Ctx): void {
  const deals = dealsHere(c).filter((d) => !d.fields.territories);
  if (!deals.length) return;
  const m = FRONTED.exec(c.sent.text);
  if (!m || m[1].split(/\s+/).length > 6) return;
  const place = validTerritories(m[1]);
  if (!place) return;
  for (const d of deals) d.fields.territories = place;
}
