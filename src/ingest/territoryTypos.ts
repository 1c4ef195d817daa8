/**
 * Territory names the source misspelt ("Columbia" for Colombia, "Former
 * Yugoslovia"): a name that is no territory, of six letters or more, one edit
 * away from a country's or group's name (two for names of nine letters or
 * more), with the same first letter, is that territory. Short names are never
 * forgiven (a company called "Iberia" is no typo). Read only where a sales list
 * puts a name in a territory's place (`Columbia (X)`).
 */
import { COUNTRY_LIST } from '../domain/countries.js';
import { TERRITORY_GROUPS } from '../domain/territories.js';

let names: Map<number, Array<[string, string]>> | null = null;

/** The territory names by length: lower case, and as written. */
function byLength(): Map<number, Array<[string, string]>> {
  if (names) return names;
  names = new Map();
  const all = [...TERRITORY_GROUPS.flatMap((g) => [g.name, ...g.aliases]), ...COUNTRY_LIST.flatMap((c) => [c.name, ...c.aliases])];
  for (const n of all) {
    const k = n.toLowerCase();
    if (!/^[a-z][a-z .'-]+$/.test(k)) continue;
    const list = names.get(k.length) ?? [];
    list.push([k, n]);
    names.set(k.length, list);
  }
  return names;
}

/** Edit distance of a and b when it is at most max, else max + 1 (one row, stopped early). */
function distance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

const memo = new Map<string, string | null>();

/** The territory a misspelt name stands for (its name as the territory lists write it), or null. */
export function typoTerritory(name: string): string | null {
  const k = name.trim().toLowerCase();
  const letters = k.replace(/[^a-z]/g, '').length;
  if (letters < 6 || !/^[a-z][a-z .'-]+$/.test(k)) return null;
  const hit = memo.get(k);
  if (hit !== undefined) return hit;
  const max = letters >= 9 ? 2 : 1;
  let found: string | null = null;
  let ambiguous = false;
  for (let len = k.length - max; len <= k.length + max; len++)
    for (const [n, written] of byLength().get(len) ?? []) {
      if (n[0] !== k[0] || n === k || distance(k, n, max) > max) continue;
      if (found && found !== written) ambiguous = true;
      found = written;
    }
  const out = ambiguous ? null : found;
  if (memo.size > 5_000) memo.clear();
  memo.set(k, out);
  return out;
}
