/**
 * A title the article shortens after naming it in full: "Once Upon a Time in Bethlehem" ... "“Bethlehem” has sold
 * to X", "The Kids Are All Right" ... "Kids went to X". A deal told with the short form is the full title's deal
 * when the short form is the first or last words of exactly one longer title the article names (one to three
 * words, not a small word alone). The titles are noted as the article is read; the deals are renamed once at
 * the end.
 */
import { type State, nk } from './context.js';

const named = new WeakMap<State, Map<string, string>>();
const SMALL = /^(?:the|a|an|of|in|on|to|and|it|this|that|film|movie|pic)$/;

/** Notes a title the article names (its text as read). */
export function noteTitle(st: State, text: string): void {
  let m = named.get(st);
  if (!m) named.set(st, (m = new Map()));
  const key = nk(text);
  if (key && !m.has(key)) m.set(key, text);
}

/** The one longer title of the article that `title` is the first or last words of; else null. */
export function fullFormOf(st: State, title: string): string | null {
  const m = named.get(st);
  const key = nk(title);
  const words = key.split(' ');
  if (!m || !key || words.length > 3 || (words.length === 1 && SMALL.test(key))) return null;
  let full: string | null = null;
  for (const [k, text] of m) {
    if (k.length <= key.length + 1 || !(k.startsWith(key + ' ') || k.endsWith(' ' + key))) continue;
    // "Lucky Winners in France": a title read with the sentence's words after it is no longer form
    if (k.startsWith(key + ' ') && /^(?:in|to|for|from|at|on|with|by)$/.test(k.slice(key.length + 1).split(' ')[0])) continue;
    // "Kestrel Films' Salt Road", "Ana Jacobs’ Tidewater": a maker's possessive read before the title, not a longer title
    if (k.endsWith(' ' + key) && /['’]s?\s+\S+(?:\s+\S+){0,2}$/u.test(text) && !/['’]s?\s/u.test(title)) continue;
    if (full && nk(full) !== k) return null;
    full = text;
  }
  return full;
}
