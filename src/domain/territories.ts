import { type Bitset, emptySet, equals, fromIndices, fullSet, minus, toIndices } from './bitset.js';
import { COUNTRIES, COUNTRY_LIST, findCountry } from './countries.js';
import { invalid, unknownName } from './errors.js';
import { closest, fuzzyScore } from './fuzzy.js';
import { parseSetExpr } from './setExpr.js';
import { type LabelPart, SetLabeler } from './setLabel.js';
import { TERRITORY_GROUPS, territoryKey, type TerritoryGroup } from './territoryGroups.js';

/**
 * Territories: sets of countries (bits over COUNTRIES), parsed from the way
 * deals write them and named back the same way (territoryLabel, at the end of this file).
 */
export type TerritorySet = Bitset;
export { TERRITORY_GROUPS, type TerritoryGroup };

export const WORLDWIDE: TerritorySet = fullSet(COUNTRIES.size);

interface NameEntry {
  set: TerritorySet;
  kind: 'group' | 'country';
  /** Group id or country code. */
  ref: string;
}

/** Normalized name → what it names. Group names win over country names, names over codes, English over own-language names. */
const INDEX = new Map<string, NameEntry>();
/** The same, keyed without spaces ("cote d ivoire" = "cote divoire"), as a fallback. */
const COMPACT = new Map<string, NameEntry>();
const put = (name: string, e: NameEntry) => {
  const k = territoryKey(name);
  if (k && !INDEX.has(k)) INDEX.set(k, e);
  const c = k.replace(/ /g, '');
  if (c && !COMPACT.has(c)) COMPACT.set(c, e);
};
for (const g of TERRITORY_GROUPS) {
  const e: NameEntry = { set: g.set, kind: 'group', ref: g.id };
  for (const n of [g.name, g.label, ...g.aliases]) put(n, e);
}
const countryEntry = (code: string): NameEntry => ({
  set: fromIndices(COUNTRIES.size, [COUNTRIES.indexOf(code)]),
  kind: 'country',
  ref: code,
});
for (const c of COUNTRY_LIST) for (const n of [c.name, ...c.aliases]) put(n, countryEntry(c.code));
for (const c of COUNTRY_LIST) for (const n of [c.code, c.alpha3]) put(n, countryEntry(c.code));
for (const c of COUNTRY_LIST) for (const n of [...c.localNames, ...c.places]) put(n, countryEntry(c.code));

const ROW_KEYS = new Set([
  'rest of world',
  'row',
  'rotw',
  'rest of world territories',
  'rest of territories',
  'remaining territories',
  'all other territories',
]);
const NOISE = new Set([
  'rights',
  'right',
  'territory',
  'territories',
  'only',
  'country',
  'countries',
  'region',
  'market',
  'markets',
  'exclusive',
  'nonexclusive',
  'non',
]);

/** Names offered as suggestions: group names and aliases, country names and English aliases. */
const SUGGESTABLE: string[] = [
  ...TERRITORY_GROUPS.flatMap((g) => [g.name, ...g.aliases]),
  ...COUNTRY_LIST.flatMap((c) => [c.name, ...c.aliases, ...c.places]),
];

function lookupKey(k: string): NameEntry | undefined {
  const hit = INDEX.get(k) ?? COMPACT.get(k.replace(/ /g, ''));
  if (hit) return hit;
  // Adjective forms: "North American", "Latin American", "Scandinavian", "European", "Italian".
  const words = k.split(' ');
  const last = words[words.length - 1];
  const variants: string[] = [];
  if (last.endsWith('ian')) variants.push(last.slice(0, -1));
  if (last.endsWith('ean')) variants.push(last.slice(0, -2));
  if (last.endsWith('an')) variants.push(last.slice(0, -1));
  for (const v of variants) {
    const e = INDEX.get([...words.slice(0, -1), v].join(' '));
    if (e) return e;
  }
  return undefined;
}

/** What a single territory name stands for: a group, a country, or undefined. Noise words ("rights", "territory") are ignored. */
export function lookupTerritoryName(text: string): { kind: 'group' | 'country'; ref: string; set: TerritorySet } | undefined {
  const k = territoryKey(text);
  if (!k) return undefined;
  const e =
    lookupKey(k) ??
    lookupKey(
      k
        .split(' ')
        .filter((w) => !NOISE.has(w))
        .join(' '),
    );
  return e && { kind: e.kind, ref: e.ref, set: e.set.slice() };
}

/**
 * Parses a territory expression as deals write it: "Worldwide excl. North
 * America and China", "U.S. and Canada", "Latin America (excl. Brazil)",
 * "DE, AT, CH", "UK & Eire", "France; Benelux", "Rest of World" (the rest of
 * `restOf`). Names are matched forgivingly (case, accents, punctuation,
 * "the"). Throws DomainError: unknown-name with close suggestions, or invalid
 * for an expression that leaves no territory.
 */
export function parseTerritories(expr: string, field = 'territories', restOf?: TerritorySet): TerritorySet {
  return parseSetExpr(expr, {
    field,
    kind: 'territory',
    size: COUNTRIES.size,
    resolve(text, joined) {
      const k = territoryKey(text);
      if (!k) return null;
      if (joined) return INDEX.get(k)?.set;
      const stripped = k
        .split(' ')
        .filter((w) => !NOISE.has(w))
        .join(' ');
      if (ROW_KEYS.has(k) || ROW_KEYS.has(stripped)) {
        if (!restOf) {
          throw invalid(
            field,
            expr,
            `${field}: "${text}" (Rest of World) is the rest of the territories named elsewhere in the deal, and none were given`,
          );
        }
        return minus(WORLDWIDE, restOf);
      }
      if (!stripped) return null;
      const e = lookupKey(k) ?? lookupKey(stripped);
      return e ? e.set : undefined;
    },
    suggest: (text) => closest(text, SUGGESTABLE),
  });
}

/** The alpha-2 codes of a set, in code order. */
export function territoryCodes(set: TerritorySet): string[] {
  return toIndices(set).map((i) => COUNTRIES.codeAt(i));
}

/** The set of the given alpha-2 codes (case-insensitive); unknown codes throw unknown-name with suggestions. */
export function territorySetFromCodes(codes: readonly string[], field = 'territories'): TerritorySet {
  const s = emptySet(COUNTRIES.size);
  for (const raw of codes) {
    const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
    if (!COUNTRIES.has(code)) {
      const found = typeof raw === 'string' ? findCountry(raw) : undefined;
      const sugg = found ? [found] : closest(String(raw), COUNTRIES.codes as string[], 5);
      throw unknownName(field, String(raw), 'country code', sugg);
    }
    const i = COUNTRIES.indexOf(code);
    s[i >>> 5] |= 1 << (i & 31);
  }
  return s;
}

export interface TerritorySuggestion {
  name: string;
  kind: 'group' | 'country';
  codes: string[];
}

interface Suggestable {
  name: string;
  kind: 'group' | 'country';
  keys: string[];
  codes: string[];
}

const SUGGEST_ITEMS: Suggestable[] = [
  ...TERRITORY_GROUPS.map((g) => ({
    name: g.name,
    kind: 'group' as const,
    keys: [g.name, g.label, ...g.aliases].map(territoryKey),
    codes: territoryCodes(g.set),
  })),
  ...COUNTRY_LIST.map((c) => ({
    name: c.name,
    kind: 'country' as const,
    keys: [c.name, ...c.aliases, c.code, c.alpha3, ...c.localNames, ...c.places].map(territoryKey),
    codes: [c.code],
  })),
];

/** Autocomplete: groups and countries whose name or alias starts with (or fuzzily matches) `prefix`, best first. */
export function suggestTerritories(prefix: string, limit = 10): TerritorySuggestion[] {
  const q = territoryKey(prefix);
  if (!q || limit <= 0) return [];
  const scored: { item: Suggestable; score: number }[] = [];
  for (const item of SUGGEST_ITEMS) {
    let score = 0;
    for (let k = 0; k < item.keys.length; k++) {
      const key = item.keys[k];
      const isName = k === 0;
      let s = 0;
      if (key === q) s = isName ? 1 : 0.98;
      else if (key.startsWith(q)) s = isName ? 0.95 : 0.9;
      else if (key.split(' ').some((w) => w.startsWith(q))) s = 0.8;
      else if (q.length >= 3) s = 0.75 * fuzzyScore(q, key);
      if (s > score) score = s;
    }
    if (score >= 0.45) scored.push({ item, score: score + (item.kind === 'group' ? 0.001 : 0) });
  }
  scored.sort((a, b) => b.score - a.score || a.item.name.length - b.item.name.length || (a.item.name < b.item.name ? -1 : 1));
  const out: TerritorySuggestion[] = [];
  const seen = new Set<string>();
  for (const { item } of scored) {
    const k = `${item.kind}:${item.name}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ name: item.name, kind: item.kind, codes: [...item.codes] });
    if (out.length >= limit) break;
  }
  return out;
}

// ------------------------------------------------------------------ naming a set back
/**
 * The shortest faithful name of a set of countries, as people write it:
 * "Worldwide", "North America", "Germany", "Benelux and Germany",
 * "Worldwide excl. North America and China", "Latin America excl. Brazil".
 * parseTerritories(territoryLabel(s)) is s for every non-empty s.
 */
let labeler: SetLabeler | undefined;

function build(): SetLabeler {
  const parts: LabelPart[] = [];
  const faithful = (name: string, set: TerritorySet): boolean => {
    try {
      return equals(parseTerritories(name), set);
    } catch {
      return false;
    }
  };
  for (const g of TERRITORY_GROUPS) {
    if (faithful(g.label, g.set)) parts.push({ name: g.label, set: g.set });
    else if (faithful(g.name, g.set)) parts.push({ name: g.name, set: g.set });
  }
  for (const c of COUNTRY_LIST) {
    // A country is named by its first English name that names it alone
    // ("United States" names the U.S. group, so the bare code US has none).
    for (const n of [c.name, ...c.aliases]) {
      const hit = lookupTerritoryName(n);
      if (hit?.kind === 'country' && hit.ref === c.code && faithful(n, hit.set)) {
        parts.push({ name: n, set: hit.set });
        break;
      }
    }
  }
  return new SetLabeler(COUNTRIES.size, parts, 'no territories');
}

export function territoryLabel(set: TerritorySet): string {
  labeler ??= build();
  return labeler.label(set);
}
