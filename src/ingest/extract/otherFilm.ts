/**
 * Which film a sale is about when a sentence names several: a title after
 * `following`, `like` or `than`, `the director of T`, `a follow-up to T`,
 * `like P's previous film T`, a title in a relative clause or parentheses that
 * close before the sale, names another film than the one sold. The rules that
 * take "the last title before the verb" (lastTitleBefore), a pronoun's
 * antecedent (Ctx.titleAt) and the pairs of a sales sentence (pairList.ts)
 * skip such titles. Looks at a few tokens around the title: no cost per article.
 */
import { PRONOUN_TITLE } from './words.js';

/** What these tests read of a sentence (context.ts's Ctx; named here so that Ctx can use them without a cycle). */
interface Sentence {
  tok(i: number): string;
  raw(i: number): string;
  item(i: number): { text: string };
  words(a: number, b: number): string;
}

/** Words right before a title that make it another film than the one sold: a comparison, an earlier work, a credit. */
const OTHER_FILM_BEFORE =
  /^(?:following|after|like|unlike|than|since|before|besides|starring|featuring|with|by|director|from|behind|including)$/;
/** "the director of T", "a follow-up to T", "the success of T": a noun that names another film after of/to/for. */
const OTHER_FILM_NOUN =
  /^(?:director|directors|helmer|filmmaker|maker|makers|creator|creators|star|stars|producer|producers|writer|team|success|follow-up|followup|sequel|prequel|remake|spin-off|companion|heels|version|adaptation|winner|reviews|release|breakout|hit)$/;
/** Words between such a cue and the title: a determiner, an ordinal, a year, a kind of film. */
const DESCRIBING =
  /^(?:the|his|her|their|its|a|an|own|previous|earlier|prior|last|new|latest|director|debut|first|second|third|film|feature|documentary|doc|drama|movie|hit|thriller|comedy|breakout|acclaimed|\d{4}|[a-z]+-(?:thriller|drama|comedy|horror))$/;
/** "the film", "it", "the new film": the title in focus. */
const NEW_FILM = /^the (?:new|latest|next|upcoming) (?:film|feature|title|movie|drama|documentary|pic)$/;

/**
 * Whether the title at t is another film than the sentence's sale: after `following`, `like`, `than`,
 * `starring`, `by`; `the director of T`, `a follow-up to T`, `like P's previous film T`; in a relative clause
 * (`, which follows T,`) or in parentheses; the possessor of something (`T's director`).
 */
export function otherFilm(c: Sentence, t: number, upTo: number): boolean {
  // past a determiner and a kind of film ("following her debut T", "the director of the 2019 hit T")
  let k = t - 1;
  while (k > t - 5 && DESCRIBING.test(c.tok(k))) k--;
  // a sentence's first word may be read as a name ("Like", "Following"): its own word counts
  const word = (i: number) => (i === 0 && /^[EP]\d+$/.test(c.tok(i)) ? c.item(i).text.toLowerCase() : c.tok(i));
  for (const b of k === t - 1 ? [k] : [k, t - 1]) {
    if (OTHER_FILM_BEFORE.test(word(b))) return true;
    if (/^(?:of|to|for)$/.test(c.tok(b)) && OTHER_FILM_NOUN.test(c.tok(b - 1))) return true;
  }
  // ("her follow-up to the 2013 Cannes Directors' Fortnight title T": a year, a festival and its section between)
  let f = t - 1;
  while (f > t - 8 && (DESCRIBING.test(c.tok(f)) || /^(?:title|entry|selection|competition|[FSN]\d+)$/.test(c.tok(f)))) f--;
  if (f < k && /^(?:of|to)$/.test(c.tok(f)) && /^(?:follow-up|followup|sequel|prequel|remake|spin-off|companion)$/.test(c.tok(f - 1)))
    return true;
  if (c.raw(t).endsWith("'s")) return true;
  // a relative clause or parentheses that close before the sale ("T, which follows T2, has sold"); not a
  // clause that holds the sale itself ("X, which has sold T to Spain (Y)")
  let open = -1;
  for (let k = t - 1; k >= 0 && k >= t - 12 && open < 0; k--) {
    const w = c.tok(k);
    if (w === ',' || w === ')' || w === ';') return false;
    if (w === '(' || /^(?:which|who|whose)$/.test(w)) open = k;
  }
  if (open < 0) return false;
  const close = c.tok(open) === '(' ? ')' : ',';
  for (let k = t + 1; k < upTo; k++) if (c.tok(k) === close) return true;
  return false;
}

/** A pronoun phrase at t ("the film", "it", "the new film"): its length, or 0. */
export function pronounAt(c: Sentence, t: number): number {
  for (let n = 4; n >= 1; n--) {
    const w = c.words(t, t + n);
    if (PRONOUN_TITLE.test(w) || NEW_FILM.test(w)) return n;
  }
  return 0;
}
