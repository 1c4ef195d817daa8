/**
 * The sides a clause names apart from its deal: the broker (`brokered by X`), the seller a sentence names as
 * such (`sales agent X said`), and the last title before a verb that is no other film's.
 */
import { otherFilm } from './otherFilm.js';
import type { Ctx } from './context.js';

/** "brokered by CAA Media Finance", "negotiated by Submarine" in the rest of the clause: the seller's side. */
export function brokeredBy(c: Ctx, from: number): string | null {
  for (let j = from; j < c.toks.length - 2; j++) {
    if (
      (c.tok(j) === 'brokered' || c.tok(j) === 'negotiated' || c.tok(j) === 'repped') &&
      c.tok(j + 1) === 'by' &&
      /^[CE]\d+$/.test(c.tok(j + 2)) &&
      c.isCompanyName(j + 2)
    ) {
      if (/\bon behalf of the (?:filmmakers|producers|sellers)\b/.test(c.words(j + 3, j + 8)) || c.isCompanyName(j + 2))
        return c.name(j + 2);
    }
  }
  return null;
}

/** The seller a sentence names as such: "sales agent Charades told Deadline", "sales company Cercamon said". */
export function sentenceSeller(c: Ctx): string | null {
  for (let j = 0; j < c.toks.length; j++) {
    if (!/^[CE]\d+$/.test(c.tok(j)) || c.item(j).ent === 'person') continue;
    const before = c.words(j - 3, j);
    if (/\bsales (?:agent|company|outfit|house|banner)$|\bseller$/.test(before)) return c.name(j);
  }
  return null;
}

/** The last title before token v that is no other film's (`Following T2, T has sold`: T; otherFilm.ts). */
export function lastTitleBefore(c: Ctx, v: number): string | null {
  for (let j = v - 1; j >= 0; j--) if (c.isTitle(j) && !otherFilm(c, j, v)) return c.item(j).text;
  return null;
}
