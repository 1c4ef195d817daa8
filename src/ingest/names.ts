/**
 * The comparable form of a name (domain/fuzzy's normalizeName), remembered:
 * the extractor compares the same few hundred names of an article thousands
 * of times, and normalizing (Unicode decomposition, several regular
 * expressions) is the costly part of a comparison. The memory is bounded: it
 * starts over when it holds too many names.
 */
import { normalizeName } from '../domain/fuzzy.js';

const MAX_REMEMBERED = 50_000;
let remembered = new Map<string, string>();

export function nameKey(s: string): string {
  let k = remembered.get(s);
  if (k === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered = new Map();
    k = normalizeName(s);
    remembered.set(s, k);
  }
  return k;
}
