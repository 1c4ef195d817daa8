/**
 * A buyer named in a relative clause about the film: `T, which X acquired in Cannes, opens in France next week`,
 * `T, which X picked up last year, ...`, `T, which X bought for Germany and Austria, ...`. The title the clause
 * hangs on is the object of the deal verb, the company before the verb its buyer, the territories after the verb
 * the deal's. Only the verbs of buying (never `which X produced`, `which X directed`), only a company as the
 * subject, and only when nothing stands between the company and the verb but an auxiliary (`which X is said to
 * have acquired` is hearsay, left to the rumour rules). One pass over the sentence's words, each look bounded.
 */
import { type Ctx, spellTerritories } from './context.js';
import { territoryOf } from '../nameShapes.js';
import { sentenceSeller } from './dealTerms.js';
import { CORPORATE_END, type Word, companyStartingAt, sentenceWords, titleAt, phraseAt } from './clauseWords.js';
import { afterTerritories, sellerAfter, tell } from './svo.js';

/** Every shape needs one of these words. */
const CUE = /(?:,\s+|\()(?:which|that)\s/;

/** The verbs of buying a relative clause tells (past tense: the deal is done). */
const BOUGHT: string[][] = [
  ['acquired'],
  ['bought'],
  ['pre-bought'],
  ['picked', 'up'],
  ['snapped', 'up'],
  ['scooped', 'up'],
  ['nabbed'],
  ['landed'],
  ['purchased'],
  // a release in the past is a deal done ("T, which X released in 2019", "which X distributed")
  ['released'],
  ['distributed'],
];
/** A possessive: `Neon's`, `Ana Jacobs’`. */
const POSSESSIVE = /['’]s$|s['’]$/;
/** Auxiliaries between the company and its verb. */
const AUX = /^(?:has|have|had|also|recently|just|already|quickly)$/;

/**
 * The title whose words end right before `end`, starting at most twelve words before, and where a title may start
 * (not inside a longer capitalized run, past an owner's possessive: `Neon's T`); never a run a company's word ends
 * (`Kestrel Pictures, which X acquired` is a company sold). [start, title].
 */
function titleBefore(c: Ctx, ws: Word[], end: number, text: string): [number, string] | null {
  for (let a = Math.max(0, end - 12); a < end; a++) {
    const before = ws[a - 1];
    if (before && /^\p{Lu}/u.test(before.w) && !POSSESSIVE.test(before.w)) continue;
    const t = titleAt(c, ws, a, text);
    if (!t || t[0] !== end) continue;
    if (ws.slice(a, end).some((w) => POSSESSIVE.test(w.w) && !/^[“"‘]$/.test(ws[a].w))) continue;
    if (CORPORATE_END.test(ws[end - 1].w)) return null;
    return [a, t[1]];
  }
  return null;
}

export function extractRelativeBuyer(c: Ctx): void {
  const text = c.sent.text;
  if (!CUE.test(text)) return;
  const ws = sentenceWords(text);
  for (let k = 1; k + 3 < ws.length; k++) {
    // (or in parentheses: "P's “T” (which X bought last year for $12.5 million)")
    if ((ws[k].w !== ',' && ws[k].w !== '(') || !/^(?:which|that)$/.test(ws[k + 1].lw)) continue;
    // "T, which was released in German cinemas by X earlier this year": the passive, its buyer after `by`
    if (/^(?:was|were|has been|had been)$/.test(ws[k + 2].lw) || (/^(?:has|had)$/.test(ws[k + 2].lw) && ws[k + 3]?.lw === 'been')) {
      const p = k + 2 + (ws[k + 2].lw === 'was' || ws[k + 2].lw === 'were' ? 1 : 2);
      const len = phraseAt(ws, p, BOUGHT);
      if (!len) continue;
      // where and how: "in German cinemas", "theatrically in France", "in the U.S."
      let b = p + len;
      let place: string | null = null;
      while (b < ws.length && b - p - len < 6 && ws[b].lw !== 'by' && !/^[,.;:)]$/.test(ws[b].w)) b++;
      if (ws[b]?.lw !== 'by') continue;
      const inside = text.slice(ws[p + len - 1].e, ws[b].s);
      const nat = /\bin\s+(?:the\s+)?([\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)?)/u.exec(inside);
      if (nat) place = spellTerritories(nat[1]) ?? territoryOf(nat[1])?.expr ?? null;
      const buyer = companyStartingAt(c, ws, b + 1, text);
      const title = buyer ? titleBefore(c, ws, k, text) : null;
      if (!buyer || !title) continue;
      tell(c, [title[1]], [buyer[1]], place, null);
      k = buyer[0] - 1;
      continue;
    }
    const buyer = companyStartingAt(c, ws, k + 2, text);
    if (!buyer) continue;
    let v = buyer[0];
    while (v < ws.length && v - buyer[0] < 3 && AUX.test(ws[v].lw)) v++;
    const len = phraseAt(ws, v, BOUGHT);
    if (!len) continue;
    // the relative pronoun is the verb's object: what follows the verb is no object of its own
    const next = ws[v + len];
    if (
      next &&
      !/^[,.;:)–—]$/.test(next.w) &&
      !/^(?:in|at|for|from|out|during|after|before|ahead|last|this|earlier|back|on|when|while|following)$/.test(next.lw)
    )
      continue;
    const title = titleBefore(c, ws, k, text);
    if (!title) continue;
    tell(c, [title[1]], [buyer[1]], afterTerritories(ws, v + len, text), sellerAfter(c, ws, v + len, text) ?? sentenceSeller(c));
    k = v + len - 1;
  }
}
