import { type Bitset, addInto, emptySet, fullSet, isEmpty, minus, unionInto } from './bitset.js';
import type { CodeTable } from './codeTable.js';
import { COUNTRIES } from './countries.js';
import { dataError, isRecord, optStr, str, strList } from './dataFile.js';
import { normalizeName } from './fuzzy.js';
import territoryGroupsData from '../../data/territory-groups.json' with { type: 'json' };

/**
 * The film business's territory groups (Worldwide, North America, Benelux,
 * CIS...), from data/territory-groups.json: their names, aliases, members and
 * the notes on every judgment call. See docs/territories.md.
 */
export interface TerritoryGroup {
  id: string;
  /** How people write it ("North America"). */
  name: string;
  /** The short form used in labels ("U.S."); defaults to the name. */
  label: string;
  aliases: string[];
  /** The countries, as a set over COUNTRIES. */
  set: Bitset;
  /** The definition as written in the file. */
  members: string[];
  includes: string[];
  excludes: string[];
  allCountries: boolean;
  source: string;
  notes: string[];
  verified: boolean;
}

const FILE = 'data/territory-groups.json';

/** The comparable form of a territory name ("St. Lucia" = "Saint Lucia"). */
export function territoryKey(s: string): string {
  return normalizeName(s)
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w))
    .join(' ');
}

/**
 * Checks the parsed content of data/territory-groups.json against a country
 * table and resolves every group to its set. Throws a DomainError naming the
 * file, the group and the field on the first problem.
 */
export function validateTerritoryGroups(raw: unknown, countries: CodeTable = COUNTRIES, file = FILE): TerritoryGroup[] {
  if (!isRecord(raw) || !Array.isArray(raw.groups)) throw dataError(file, 'root', 'groups', 'expected an object with a "groups" array');
  const defs: TerritoryGroup[] = [];
  const byId = new Map<string, TerritoryGroup>();
  (raw.groups as unknown[]).forEach((g, i) => {
    let entry = `groups[${i}]`;
    if (!isRecord(g)) throw dataError(file, entry, '', 'expected an object');
    const id = str(g, 'id', file, entry);
    entry = `group "${id}"`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw dataError(file, entry, 'id', `"${id}" is not a lower-case, hyphenated id`);
    if (byId.has(id)) throw dataError(file, entry, 'id', `duplicate id "${id}"`);
    const name = str(g, 'name', file, entry);
    const members = strList(g, 'members', file, entry);
    const includes = strList(g, 'includes', file, entry);
    const excludes = strList(g, 'excludes', file, entry);
    const all = g.allCountries;
    if (all !== undefined && typeof all !== 'boolean') throw dataError(file, entry, 'allCountries', 'expected true or false');
    if (!members.length && !includes.length && !all)
      throw dataError(file, entry, 'members', 'a group needs members, includes or allCountries');
    members.forEach((c, k) => {
      if (!countries.has(c)) throw dataError(file, entry, `members[${k}]`, `unknown country code "${c}"`);
    });
    excludes.forEach((c, k) => {
      if (!countries.has(c)) throw dataError(file, entry, `excludes[${k}]`, `unknown country code "${c}"`);
    });
    const verified = g.verified;
    if (verified !== undefined && typeof verified !== 'boolean') throw dataError(file, entry, 'verified', 'expected true or false');
    const def: TerritoryGroup = {
      id,
      name,
      label: optStr(g, 'label', file, entry) ?? name,
      aliases: strList(g, 'aliases', file, entry),
      set: emptySet(countries.size),
      members,
      includes,
      excludes,
      allCountries: all === true,
      source: str(g, 'source', file, entry),
      notes: strList(g, 'notes', file, entry),
      verified: verified === true,
    };
    defs.push(def);
    byId.set(id, def);
  });
  // Includes: known ids, no cycles; then the sets.
  for (const d of defs) {
    d.includes.forEach((inc, k) => {
      if (!byId.has(inc)) throw dataError(file, `group "${d.id}"`, `includes[${k}]`, `unknown group id "${inc}"`);
    });
  }
  const state = new Map<string, 'busy' | 'done'>();
  const resolve = (d: TerritoryGroup, path: string[]): void => {
    if (state.get(d.id) === 'done') return;
    if (state.get(d.id) === 'busy') throw dataError(file, `group "${d.id}"`, 'includes', `includes itself: ${[...path, d.id].join(' → ')}`);
    state.set(d.id, 'busy');
    const s = d.allCountries ? fullSet(countries.size) : emptySet(countries.size);
    for (const c of d.members) addInto(s, countries.indexOf(c));
    for (const inc of d.includes) {
      const g = byId.get(inc)!;
      resolve(g, [...path, d.id]);
      unionInto(s, g.set);
    }
    const ex = emptySet(countries.size);
    for (const c of d.excludes) addInto(ex, countries.indexOf(c));
    d.set = minus(s, ex);
    if (isEmpty(d.set)) throw dataError(file, `group "${d.id}"`, 'members', 'the group has no countries');
    state.set(d.id, 'done');
  };
  for (const d of defs) resolve(d, []);
  // Names and aliases: each names one group only.
  const owner = new Map<string, string>();
  for (const d of defs) {
    const names: [string, string][] = [
      ['name', d.name],
      ['label', d.label],
      ...d.aliases.map((a, k): [string, string] => [`aliases[${k}]`, a]),
    ];
    for (const [field, n] of names) {
      const k = territoryKey(n);
      if (!k) throw dataError(file, `group "${d.id}"`, field, `"${n}" has no letters`);
      const prev = owner.get(k);
      if (prev !== undefined && prev !== d.id) throw dataError(file, `group "${d.id}"`, field, `"${n}" already names group "${prev}"`);
      owner.set(k, d.id);
    }
  }
  return defs;
}

export const TERRITORY_GROUPS: readonly TerritoryGroup[] = validateTerritoryGroups(territoryGroupsData);
