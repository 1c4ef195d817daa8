/**
 * The article's registry of names: every company and person an article names,
 * with the short forms it later uses for them (a surname, an acronym, a name
 * without its suffix), learnt as the sentences are read. Also the item types a
 * sketch is made of.
 */
import { nameKey } from './names.js';
import type { EventEntry } from './lexicon.js';

export type EntKind = 'company' | 'person' | 'name' | 'territory' | 'event' | 'award' | 'section' | 'nationality' | 'date' | 'other';

export interface Item {
  kind: 'title' | 'quote' | 'ent' | 'money' | 'word' | 'punct';
  /** As written (titles: inside the quotes, without trailing punctuation). */
  text: string;
  start: number;
  end: number;
  ent?: EntKind;
  /** The canonical name (a coreference resolved: "HanWay" → "HanWay Films"). */
  name?: string;
  possessive?: boolean;
  /** X-based, X-bound, X-winning... */
  mod?: string;
  event?: EventEntry;
  /** An ordinal written just before a festival: "the 69th Berlin ...". */
  ordinal?: number;
  /** Territory expression for a territory or nationality. */
  territory?: string;
  /** Money: minor-unit-free decimal amount and currency. */
  money?: { amount: string; currency: string };
  /** The sketch code ("C3") or the word. */
  code: string;
}

export interface Registry {
  /** normalized name → kind, learned from the article (and the catalog). */
  kinds: Map<string, 'company' | 'person'>;
  /** Names that come from the catalog, not the article: a short reference prefers the article's own people. */
  seeded: Set<string>;
  /** Normalized names in the order the article first mentions them. */
  mentioned: string[];
  /** Full names by kind, in order of first mention, for short references ("Zhang", "HanWay", "SPC"). */
  people: string[];
  companies: string[];
  /**
   * Indexes over the lists above, so that a short reference is found without
   * reading every name learned so far (an article names hundreds): kept by
   * `learn`, copied by `cloneRegistry`.
   */
  index: RegistryIndex;
}

interface RegistryIndex {
  /** Position of each name in `mentioned`. */
  mentionedAt: Map<string, number>;
  /** The first person / company learned under each normalized name. */
  personByKey: Map<string, string>;
  companyByKey: Map<string, string>;
  /** People of two words or more by their first and by their last word, in list order. */
  peopleByEdgeWord: Map<string, string[]>;
  /** The first person of three words or more by their last two words ("El Moudir"). */
  personByLastTwo: Map<string, string>;
  /** The first company (its position in `companies`) by each proper word prefix of its name, by its name without spaces, by its initials. */
  companyByPrefix: Map<string, number>;
  companyBySquashed: Map<string, number>;
  companyByAcronym: Map<string, number>;
}

export function newRegistry(): Registry {
  return {
    kinds: new Map(),
    seeded: new Set(),
    mentioned: [],
    people: [],
    companies: [],
    index: {
      mentionedAt: new Map(),
      personByKey: new Map(),
      companyByKey: new Map(),
      peopleByEdgeWord: new Map(),
      personByLastTwo: new Map(),
      companyByPrefix: new Map(),
      companyBySquashed: new Map(),
      companyByAcronym: new Map(),
    },
  };
}

export function cloneRegistry(r: Registry): Registry {
  const x = r.index;
  return {
    kinds: new Map(r.kinds),
    seeded: new Set(r.seeded),
    mentioned: [...r.mentioned],
    people: [...r.people],
    companies: [...r.companies],
    index: {
      mentionedAt: new Map(x.mentionedAt),
      personByKey: new Map(x.personByKey),
      companyByKey: new Map(x.companyByKey),
      peopleByEdgeWord: new Map([...x.peopleByEdgeWord].map(([w, ps]) => [w, [...ps]])),
      personByLastTwo: new Map(x.personByLastTwo),
      companyByPrefix: new Map(x.companyByPrefix),
      companyBySquashed: new Map(x.companyBySquashed),
      companyByAcronym: new Map(x.companyByAcronym),
    },
  };
}

const setFirst = <K, V>(m: Map<K, V>, k: K, v: V) => {
  if (!m.has(k)) m.set(k, v);
};

export function learn(reg: Registry, name: string, kind: 'company' | 'person', fromArticle = true): void {
  const k = nameKey(name);
  if (!k) return;
  const x = reg.index;
  if (fromArticle && !x.mentionedAt.has(k)) {
    x.mentionedAt.set(k, reg.mentioned.length);
    reg.mentioned.push(k);
  }
  if (!reg.kinds.has(k)) reg.kinds.set(k, kind);
  if (kind === 'person') {
    if (x.personByKey.has(k)) return;
    x.personByKey.set(k, name);
    reg.people.push(name);
    const words = k.split(' ');
    if (words.length >= 2) {
      for (const w of new Set([words[0], words[words.length - 1]])) {
        const list = x.peopleByEdgeWord.get(w);
        if (list) list.push(name);
        else x.peopleByEdgeWord.set(w, [name]);
      }
    }
    if (words.length >= 3) setFirst(x.personByLastTwo, words.slice(-2).join(' '), name);
    return;
  }
  if (x.companyByKey.has(k)) return;
  x.companyByKey.set(k, name);
  const at = reg.companies.length;
  reg.companies.push(name);
  const words = k.split(' ');
  for (let n = 1; n < words.length; n++) setFirst(x.companyByPrefix, words.slice(0, n).join(' '), at);
  setFirst(x.companyBySquashed, k.replace(/ /g, ''), at);
  setFirst(
    x.companyByAcronym,
    name
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .toUpperCase(),
    at,
  );
}
