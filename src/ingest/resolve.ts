/**
 * Names in candidate facts resolved against the catalog, forgivingly:
 * accents, case, punctuation and "the" never matter ("Celine Sciamma" is
 * "Céline Sciamma"), a festival answers to any of its names ("Berlin
 * International Film Festival" is the Berlinale), a company written short
 * ("Magnolia") finds "Magnolia Pictures", a typo or two finds its name. A
 * name that matches nothing is proposed as new; a name that matches several
 * records is shown as ambiguous with the candidates, never guessed.
 */
import { editDistance, normalizeName } from '../domain/fuzzy.js';
import { COMPANY_SUFFIXES, findEvent, type EventEntry } from './lexicon.js';

export type EntityKind = 'title' | 'company' | 'person' | 'festival';

export interface EntityMatch {
  /** The name as the article writes it. */
  name: string;
  kind: EntityKind;
  /** known: one record has this name; similar: one record has a close name; new: none; ambiguous: several. */
  status: 'known' | 'similar' | 'new' | 'ambiguous';
  id: string | null;
  /** The record's own name when known or similar. */
  matched: string | null;
  candidates: Array<{ id: string; name: string; detail?: string }>;
}

export interface CatalogSnapshot {
  titles: Array<{ id: string; names: string[]; year: number | null; label: string }>;
  people: Array<{ id: string; name: string }>;
  companies: Array<{ id: string; name: string }>;
  festivals: Array<{ id: string; names: string[]; label: string }>;
}

/** How close two normalized names are: 1 - edit distance / length (0..1). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const max = Math.max(a.length, b.length);
  if (!max) return 0;
  return 1 - editDistance(a, b, max) / max;
}

function pick(
  name: string,
  kind: EntityKind,
  hits: Array<{ id: string; name: string; detail?: string }>,
  status: 'known' | 'similar',
): EntityMatch {
  const uniq = hits.filter((h, i) => hits.findIndex((x) => x.id === h.id) === i);
  if (uniq.length === 1) return { name, kind, status, id: uniq[0].id, matched: uniq[0].name, candidates: uniq };
  return { name, kind, status: 'ambiguous', id: null, matched: null, candidates: uniq };
}

function none(name: string, kind: EntityKind): EntityMatch {
  return { name, kind, status: 'new', id: null, matched: null, candidates: [] };
}

/** A company written without its suffix: "Magnolia" for "Magnolia Pictures", "HanWay" for "HanWay Films". */
function companyStem(k: string): string {
  const words = k.split(' ');
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

export class Resolver {
  constructor(private readonly cat: CatalogSnapshot) {}

  title(name: string, year?: number | null): EntityMatch {
    const k = normalizeName(name);
    if (!k) return none(name, 'title');
    const exact = this.cat.titles.filter((t) => t.names.some((n) => normalizeName(n) === k));
    const byYear = year ? exact.filter((t) => t.year === year) : exact;
    const hits = (byYear.length ? byYear : exact).map((t) => ({ id: t.id, name: t.label, detail: t.year ? String(t.year) : undefined }));
    if (hits.length) return pick(name, 'title', hits, 'known');
    // titles are short: only a typo or two, never a different word
    const close = this.cat.titles.filter((t) =>
      t.names.some((n) => {
        const nk = normalizeName(n);
        return k.length >= 6 && similarity(nk, k) >= 0.88;
      }),
    );
    if (close.length)
      return pick(
        name,
        'title',
        close.map((t) => ({ id: t.id, name: t.label, detail: t.year ? String(t.year) : undefined })),
        'similar',
      );
    return none(name, 'title');
  }

  person(name: string): EntityMatch {
    const k = normalizeName(name);
    if (!k) return none(name, 'person');
    const exact = this.cat.people.filter((p) => normalizeName(p.name) === k);
    if (exact.length) return pick(name, 'person', exact, 'known');
    // the same words in another order ("Yimou Zhang" / "Zhang Yimou")
    const sorted = k.split(' ').sort().join(' ');
    const reordered = this.cat.people.filter((p) => normalizeName(p.name).split(' ').sort().join(' ') === sorted);
    if (reordered.length) return pick(name, 'person', reordered, 'similar');
    const close = this.cat.people.filter((p) => k.length >= 7 && similarity(normalizeName(p.name), k) >= 0.88);
    if (close.length) return pick(name, 'person', close, 'similar');
    return none(name, 'person');
  }

  company(name: string): EntityMatch {
    const k = normalizeName(name);
    if (!k) return none(name, 'company');
    const exact = this.cat.companies.filter((c) => normalizeName(c.name) === k);
    if (exact.length) return pick(name, 'company', exact, 'known');
    const stem = companyStem(k);
    const stems = this.cat.companies.filter((c) => {
      const ck = normalizeName(c.name);
      return companyStem(ck) === stem || ck.replace(/ /g, '') === k.replace(/ /g, '');
    });
    if (stems.length) return pick(name, 'company', stems, 'similar');
    const close = this.cat.companies.filter((c) => k.length >= 6 && similarity(normalizeName(c.name), k) >= 0.88);
    if (close.length) return pick(name, 'company', close, 'similar');
    return none(name, 'company');
  }

  /** A festival by any of its names; the lexicon knows the others ("Berlin International Film Festival" → "Berlinale"). */
  festival(name: string): EntityMatch & { entry: EventEntry | null } {
    const entry = findEvent(name) ?? null;
    const keys = new Set(
      [name, ...(entry ? [entry.name, entry.shortName, ...entry.aliases] : [])]
        .filter((x): x is string => !!x)
        .map((n) => normalizeName(n)),
    );
    const hits = this.cat.festivals.filter((f) => f.names.some((n) => keys.has(normalizeName(n))));
    if (hits.length)
      return {
        ...pick(
          name,
          'festival',
          hits.map((f) => ({ id: f.id, name: f.label })),
          'known',
        ),
        entry,
      };
    return { ...none(name, 'festival'), entry };
  }
}
