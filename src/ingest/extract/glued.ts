/**
 * Spacing a page lost: some outlets' archived pages glue a word to the next
 * ("The Persian Catssold to", "Christal Filmsfor Canada"). A guessed title
 * that ends in such a glued word ends before the glued verb or preposition,
 * so the title is the film's and the rest of the sentence still reads
 * ("sold to thirteen territories"). Offsets stay those of the article.
 */
import type { Span } from '../types.js';

/** A capitalized word with a lower-case "sold" or "for" glued to its end ("Catssold", "Filmsfor"). */
const GLUED = /(\p{Lu}\p{Ll}{2,}?)(sold|for)$/u;

export function trimGluedEnds(view: string, spans: Span[]): Span[] {
  return spans.map((sp) => {
    const text = view.slice(sp[0], sp[1]);
    const m = GLUED.exec(text);
    if (!m || /\s/.test(m[0]) || !/\s/.test(text)) return sp;
    return [sp[0], sp[1] - m[2].length] as Span;
  });
}
