/**
 * Fixed-size bitsets over a code table (countries, media leaves).
 * Sets are plain Uint32Arrays, cheap to compare, key and intern;
 * every function here is pure and returns a new array unless it says "Into".
 */
export type Bitset = Uint32Array;

export function wordsFor(size: number): number {
  return Math.max(1, Math.ceil(size / 32));
}

export function emptySet(size: number): Bitset {
  return new Uint32Array(wordsFor(size));
}

export function fullSet(size: number): Bitset {
  const s = emptySet(size);
  for (let i = 0; i < size; i++) s[i >>> 5] |= 1 << (i & 31);
  return s;
}

export function fromIndices(size: number, indices: Iterable<number>): Bitset {
  const s = emptySet(size);
  for (const i of indices) {
    if (i < 0 || i >= size) throw new RangeError(`bit ${i} outside 0..${size - 1}`);
    s[i >>> 5] |= 1 << (i & 31);
  }
  return s;
}

export function has(s: Bitset, i: number): boolean {
  return (s[i >>> 5] & (1 << (i & 31))) !== 0;
}

export function addInto(s: Bitset, i: number): void {
  s[i >>> 5] |= 1 << (i & 31);
}

export function union(a: Bitset, b: Bitset): Bitset {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] | b[i];
  return r;
}

export function unionInto(target: Bitset, b: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] |= b[i];
}

export function intersect(a: Bitset, b: Bitset): Bitset {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] & b[i];
  return r;
}

export function minus(a: Bitset, b: Bitset): Bitset {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] & ~b[i];
  return r;
}

export function intersects(a: Bitset, b: Bitset): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] & b[i]) !== 0) return true;
  return false;
}

export function isSubset(a: Bitset, b: Bitset): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] & ~b[i]) !== 0) return false;
  return true;
}

export function isEmpty(a: Bitset): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

export function equals(a: Bitset, b: Bitset): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function count(a: Bitset): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32(a[i]);
  return n;
}

export function toIndices(a: Bitset): number[] {
  const out: number[] = [];
  for (let w = 0; w < a.length; w++) {
    let x = a[w];
    while (x !== 0) {
      const low = x & -x;
      out.push(w * 32 + (31 - Math.clz32(low)));
      x ^= low;
    }
  }
  return out;
}

/** A stable string key, for use in Maps (interning, grouping). */
export function setKey(a: Bitset): string {
  let k = '';
  for (let i = 0; i < a.length; i++) k += a[i].toString(36) + '.';
  return k;
}

/** Digits of x (a 32-bit word) in base 36, as toString(36) writes it. */
function base36Digits(x: number): number {
  let d = 1;
  while (x >= 36) {
    x = Math.floor(x / 36);
    d++;
  }
  return d;
}

/**
 * Orders two sets as their setKey strings compare (a < b: negative), without
 * building the strings: at the first word that differs, the base-36 digits
 * compare as numbers once the shorter is padded on the right; a word whose
 * digits are a prefix of the other's sorts first ('.' is below every digit).
 */
export function compareSetKeys(a: Bitset, b: Bitset): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const dx = base36Digits(x);
    const dy = base36Digits(y);
    const px = dx < dy ? x * 36 ** (dy - dx) : x;
    const py = dy < dx ? y * 36 ** (dx - dy) : y;
    if (px !== py) return px < py ? -1 : 1;
    return dx < dy ? -1 : 1;
  }
  return a.length - b.length;
}
