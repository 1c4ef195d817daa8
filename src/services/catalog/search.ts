/**
 * Finding titles: by name (imports, the CLI) and the catalog list with its
 * forgiving search, filters, sorting and paging.
 */
import type { Kysely } from 'kysely';
import { invalid, unknownName } from '../../domain/errors.js';
import { parseDay } from '../../domain/dates.js';
import { closest, fuzzyScorer, normalizeName } from '../../domain/fuzzy.js';
import { parseMedia } from '../../domain/media.js';
import { parseTerritories } from '../../domain/territories.js';
import { PRODUCTION_STATUSES, parseJson, type Database, type ProductionStatus } from '../../store/index.js';
import type { FilmRights } from '../app.js';
import { countryCodes, oneOf, pageParams, SEARCH_THRESHOLD, todayIso, type Page } from '../lookup.js';

// ------------------------------------------------------------------ finding titles by name

/** Every title's names (original, English, aliases), for resolving names in imports and the CLI. */
export class TitleIndex {
  private readonly byKey = new Map<string, Array<{ id: string; year: number | null }>>();
  readonly names: string[] = [];
  readonly ids = new Set<string>();

  add(id: string, names: Array<string | null>, year: number | null): void {
    this.ids.add(id);
    const seen = new Set<string>();
    for (const n of names) {
      if (!n) continue;
      const k = normalizeName(n);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      let l = this.byKey.get(k);
      if (!l) this.byKey.set(k, (l = []));
      l.push({ id, year });
      this.names.push(n);
    }
  }

  /** Ids of the titles a name (or "Name (2020)") stands for: none, one, or several (ambiguous). */
  find(name: string, year?: number | null): string[] {
    let n = name.trim();
    let y = year ?? null;
    const m = /^(.*\S)\s*\((\d{4})\)$/.exec(n);
    if (m && y === null) {
      n = m[1];
      y = Number(m[2]);
    }
    const all = this.byKey.get(normalizeName(n)) ?? [];
    const ids = [...new Set((y === null ? all : all.filter((e) => e.year === y)).map((e) => e.id))];
    return ids;
  }

  /** The one title a name stands for, or a DomainError naming `field` (with suggestions, or the years that tell them apart). */
  resolve(name: unknown, field: string, year?: number | null): string {
    if (typeof name !== 'string' || name.trim() === '') throw invalid(field, name, `${field}: expected a title name`);
    if (this.ids.has(name)) return name;
    const ids = this.find(name, year);
    if (ids.length === 1) return ids[0];
    if (ids.length > 1) throw invalid(field, name, `${field}: "${name}" names ${ids.length} titles; add the year, e.g. "${name} (2020)"`);
    throw unknownName(field, name, 'title', closest(name, this.names, 3));
  }

  static async load(db: Kysely<Database>): Promise<TitleIndex> {
    const index = new TitleIndex();
    const titles = await db.selectFrom('titles').select(['id', 'original_title', 'english_title', 'year']).orderBy('id').execute();
    const aliases = await db.selectFrom('title_aliases').select(['title_id', 'alias']).execute();
    const byTitle = new Map<string, string[]>();
    for (const a of aliases) {
      let l = byTitle.get(a.title_id);
      if (!l) byTitle.set(a.title_id, (l = []));
      l.push(a.alias);
    }
    for (const t of titles) index.add(t.id, [t.english_title, t.original_title, ...(byTitle.get(t.id) ?? [])], t.year);
    return index;
  }
}

/** A title id from an id or a name (forgiving of case and accents); DomainError with suggestions otherwise. */
export async function resolveTitle(app: FilmRights, nameOrId: string, field = 'title'): Promise<string> {
  return (await TitleIndex.load(app.store.db)).resolve(nameOrId, field);
}

// ------------------------------------------------------------------ titles: list

export interface TitleListItem {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  productionStatus: ProductionStatus | null;
  directors: string[];
}

/** GET /api/titles: declared in the API contract (src/contract/catalog.ts). */
export type { TitleListParams } from '../../contract/index.js';
import type { TitleListParams } from '../../contract/index.js';

/** Credited people's names count in the search, below a title's own names: directors first, then everyone else. */
const DIRECTOR_WEIGHT = 0.95;
const OTHER_CREDIT_WEIGHT = 0.9;

/**
 * The titles free to license exclusively in `territories` for `media` (All
 * Media when not given) from today for a year (today and the 364 days after
 * it, cover-entire), from the engine's index.
 */
function freeTitleIds(app: FilmRights, territories: string | undefined, media: string | undefined, today: string): Set<string> {
  if (!territories?.trim())
    throw invalid(
      'freeTerritory',
      territories ?? null,
      'freeTerritory: name the territory where the titles must be free (e.g. "Germany"), with freeMedia',
    );
  const start = parseDay(today, 'today');
  const rows = app.index.avails(
    null,
    {
      territories: parseTerritories(territories, 'freeTerritory'),
      media: parseMedia(media?.trim() || 'All Media', 'freeMedia'),
      languages: null,
      start,
      end: start + 364,
      exclusive: true,
      match: 'cover-entire',
    },
    { include: 'available' },
  );
  const ids = new Set<string>();
  for (const r of rows) for (const t of r.titles) ids.add(t);
  return ids;
}

/**
 * Each title's best score for a search among the people credited on it:
 * people's names are scored once each (forgivingly, as titles are), and only
 * the credits of those who match are read.
 */
async function creditScores(db: Kysely<Database>, query: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const people = await db.selectFrom('people').select(['id', 'name']).execute();
  const scoreOf = new Map<string, number>();
  const score = fuzzyScorer(query);
  for (const p of people) {
    const s = score(p.name);
    if (s >= SEARCH_THRESHOLD) scoreOf.set(p.id, s);
  }
  const ids = [...scoreOf.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const credits = await db
      .selectFrom('credits')
      .select(['title_id', 'person_id', 'role'])
      .where('person_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const c of credits) {
      const s = scoreOf.get(c.person_id)! * (c.role === 'director' ? DIRECTOR_WEIGHT : OTHER_CREDIT_WEIGHT);
      if (s > (out.get(c.title_id) ?? 0)) out.set(c.title_id, s);
    }
  }
  return out;
}

export async function listTitles(
  app: FilmRights,
  params: TitleListParams = {},
  opts: { today?: string } = {},
): Promise<Page<TitleListItem>> {
  const db = app.store.db;
  const { page, pageSize, offset } = pageParams(params.page, params.pageSize);
  const sort = params.sort ? oneOf(params.sort, ['title', 'year', 'relevance'] as const, 'sort') : params.q?.trim() ? 'relevance' : 'title';
  const dir = params.dir ? oneOf(params.dir, ['asc', 'desc'] as const, 'dir') : 'asc';
  const free =
    params.freeTerritory || params.freeMedia ? freeTitleIds(app, params.freeTerritory, params.freeMedia, opts.today ?? todayIso()) : null;
  let query = db.selectFrom('titles as t');
  if (params.status) query = query.where('t.production_status', '=', oneOf(params.status, PRODUCTION_STATUSES, 'status'));
  if (params.country) {
    const code = countryCodes([params.country], 'country')[0];
    query = query.where('t.countries', 'like', `%"${code}"%`);
  }
  if (params.festival) {
    const festivalId = await resolveFestival(db, params.festival, 'festival');
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('selections as s')
          .innerJoin('festival_editions as e', 'e.id', 's.edition_id')
          .select('s.id')
          .whereRef('s.title_id', '=', 't.id')
          .where('e.festival_id', '=', festivalId),
      ),
    );
  }
  const columns = ['t.id', 't.original_title', 't.english_title', 't.year', 't.countries', 't.production_status'] as const;
  // Sorted and paged here rather than in SQL: one order on both databases (collations and NULL
  // placement differ), and the forgiving search has to rank every candidate anyway. A few
  // columns of tens of thousands of titles is a small read.
  let candidates = await query.select([...columns]).execute();
  // "free in territory": only the titles the engine answers free (thousands of ids: filtered here, not as SQL parameters)
  if (free) candidates = candidates.filter((c) => free.has(c.id));
  let ranked: typeof candidates;
  if (params.q?.trim() && normalizeName(params.q) !== '') {
    const aliases = await db.selectFrom('title_aliases').select(['title_id', 'alias']).execute();
    const aliasesOf = new Map<string, string[]>();
    for (const a of aliases) {
      let l = aliasesOf.get(a.title_id);
      if (!l) aliasesOf.set(a.title_id, (l = []));
      l.push(a.alias);
    }
    const byCredit = await creditScores(db, params.q);
    const score = fuzzyScorer(params.q);
    // best of the title's own names and of its credits; best first, ties in the order read
    const scored: Array<{ c: (typeof candidates)[number]; score: number; i: number }> = [];
    candidates.forEach((c, i) => {
      let best = byCredit.get(c.id) ?? 0;
      for (const n of [c.english_title, c.original_title, ...(aliasesOf.get(c.id) ?? [])]) {
        if (!n) continue;
        best = Math.max(best, score(n));
        if (best === 1) break;
      }
      if (best >= SEARCH_THRESHOLD) scored.push({ c, score: best, i });
    });
    scored.sort((a, b) => b.score - a.score || a.i - b.i);
    ranked = scored.map((x) => x.c);
  } else ranked = candidates;
  if (sort !== 'relevance') ranked = ranked.sort(sort === 'year' ? byYear : byName);
  if (dir === 'desc') ranked.reverse();
  const total = ranked.length;
  const rows = ranked.slice(offset, offset + pageSize);
  const directors = await directorsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      originalTitle: r.original_title,
      englishTitle: r.english_title,
      year: r.year,
      countries: parseJson(r.countries),
      productionStatus: r.production_status,
      directors: directors.get(r.id) ?? [],
    })),
    total,
    page,
    pageSize,
  };
}

type Sortable = { original_title: string; english_title: string | null; year: number | null; id: string };
const nameOf = (t: Sortable) => t.english_title ?? t.original_title;
function byName(a: Sortable, b: Sortable): number {
  return nameOf(a).localeCompare(nameOf(b)) || (a.year ?? 0) - (b.year ?? 0) || a.id.localeCompare(b.id);
}
function byYear(a: Sortable, b: Sortable): number {
  return (b.year ?? -1) - (a.year ?? -1) || byName(a, b);
}

async function directorsOf(db: Kysely<Database>, titleIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!titleIds.length) return out;
  const rows = await db
    .selectFrom('credits as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.title_id', 'p.name'])
    .where('c.role', '=', 'director')
    .where('c.title_id', 'in', titleIds)
    .orderBy('c.position')
    .orderBy('p.name')
    .execute();
  for (const r of rows) {
    let l = out.get(r.title_id);
    if (!l) out.set(r.title_id, (l = []));
    l.push(r.name);
  }
  return out;
}

/** A festival id from an id, a name, a short name or an alias ("TIFF", "Berlinale"). */
export async function resolveFestival(db: Kysely<Database>, nameOrId: string, field: string): Promise<string> {
  const festivals = await db.selectFrom('festivals').select(['id', 'name', 'short_name', 'aliases']).execute();
  if (festivals.some((f) => f.id === nameOrId)) return nameOrId;
  const k = normalizeName(nameOrId);
  const names = festivals.map((f) => ({
    id: f.id,
    names: [f.name, f.short_name, ...parseJson(f.aliases)].filter((n): n is string => !!n),
  }));
  const hit = names.find((f) => f.names.some((n) => normalizeName(n) === k));
  if (hit) return hit.id;
  throw unknownName(
    field,
    nameOrId,
    'festival',
    closest(
      nameOrId,
      names.flatMap((f) => f.names),
      3,
    ),
  );
}
