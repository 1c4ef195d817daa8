/**
 * Hashing a few small integers into one, for the engine's own hash tables
 * (timelines by their sets of blocks, periods, rows to merge). Start with
 * hashStart(first), fold each further number in with hashMix, finish with
 * hashEnd. Equal inputs give equal hashes; callers still compare the entries
 * a hash finds, so a collision costs time, never a wrong answer.
 */
export function hashStart(x: number): number {
  return Math.imul(x ^ 0x9e3779b9, 0x85ebca6b);
}

export function hashMix(h: number, x: number): number {
  return Math.imul(h ^ (h >>> 13) ^ x, 0xc2b2ae35);
}

export function hashEnd(h: number): number {
  return h ^ (h >>> 16);
}

/** The hash of three numbers. */
export function hash3(a: number, b: number, c: number): number {
  return hashEnd(hashMix(hashMix(hashStart(a), b), c));
}
