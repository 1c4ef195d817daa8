/**
 * A film's distributor named beside it where no deal is told: box-office and
 * release pieces write `P's “T” (alt title) from X` and `X's big expansion of
 * P's “T”`, festival previews `X's T screens at 6pm`. When X is a distributor,
 * streamer or studio the gazetteer knows (a sales company there is the seller:
 * nothing) and the sentence tells no deal of its own (no deal or sale verb:
 * those sentences are the other rules'), X is the film's buyer. One pass over
 * the sentence's words.
 */
import { companyEntry } from '../companies.js';
import { type Ctx, dealsHere, nk } from './context.js';
import { addDeal } from './dealTerms.js';
import { type Word, companyEndingAt, companyStartingAt, sentenceWords, titleAt } from './clauseWords.js';

/** A sentence that tells a deal, a sale, talks or a mandate itself. */
const TOLD =
  /\b(?:acqui\w*|bought|buys?|picked up|picks up|nabbed|sold|sells?|pre-sold|licensed|landed|snapped|scooped|secured|deals?|talks|negotiat\w*|handles?|handling|represents?|sales)\b/i;

const buyerKind = (name: string) => {
  const k = companyEntry(name)?.kind;
  return k === 'distributor' || k === 'streamer' || k === 'studio';
};

/** The title after word `k`, past an auteur's possessive and a few words of description (`big expansion of`). */
function titleAfter(c: Ctx, ws: Word[], k: number, text: string): [number, string] | null {
  for (let j = k; j < Math.min(ws.length, k + 6); j++) {
    // quoted only: an unquoted run after a company's possessive is as often its label or an executive's title
    const t = ws[j].w === '“' || ws[j].w === '"' ? titleAt(c, ws, j, text) : null;
    if (t) {
      const own = ws.slice(j, t[0] - 1).findIndex((x) => /['’‘]s$/.test(x.w));
      if (own >= 0) {
        j += own;
        continue;
      }
      return t;
    }
    if (!/^(?:[a-z-]+|\p{Lu}[\p{L}.-]*|\p{Lu}[\p{L}.-]*['’‘]s)$/u.test(ws[j].w)) return null;
  }
  return null;
}

export function extractInPassing(c: Ctx): void {
  const text = c.sent.text;
  if (TOLD.test(text) || dealsHere(c).length) return;
  if (!/\bfrom\b|['’‘]s\b/.test(text)) return;
  const ws = sentenceWords(text);
  for (let i = 0; i < ws.length; i++) {
    // "“T” (alt title) from X": a quoted title, its parenthesis, then the company
    if (ws[i].lw === 'from' && i > 0) {
      const x = companyStartingAt(c, ws, i + 1, text);
      if (!x || !buyerKind(x[1])) continue;
      let e = i;
      if (ws[e - 1].w === ')') while (e > 0 && ws[e - 1].w !== '(') e--;
      if (ws[e - 1]?.w === '(') e--;
      const close = ws[e - 1]?.w;
      if (close !== '”' && close !== '"') continue;
      let q = e - 2;
      while (q >= 0 && ws[q].w !== '“' && ws[q].w !== '"' && e - q < 14) q--;
      const t = q >= 0 ? titleAt(c, ws, q, text) : null;
      if (t && t[0] === e && nk(t[1]) !== nk(x[1])) addDeal(c, t[1], x[1], [], {}, 0.6);
      continue;
    }
    // "X's big expansion of P's “T”", "X's T screens": a distributor's possessive
    const poss = /['’‘]s$/.test(ws[i].w) ? 2 : /s['’]$/.test(ws[i].w) ? 1 : 0;
    if (poss) {
      const stem = { ...ws[i], w: ws[i].w.slice(0, -poss), e: ws[i].e - poss };
      const ws2 = [...ws.slice(0, i), stem];
      const x = companyEndingAt(c, ws2, i + 1, text);
      if (!x || !buyerKind(x[1])) continue;
      const t = titleAfter(c, ws, i + 1, text);
      if (t && nk(t[1]) !== nk(x[1])) addDeal(c, t[1], x[1], [], {}, 0.6);
    }
  }
}
