/**
 * The buyer's question, as people and programs ask it (titles by name or id,
 * territories and media as expressions, ISO dates), answered by the engine's
 * index and described with labels and reasons.
 */
import { MATCH_TYPES, type AvailsQuestion } from '../domain/avails.js';
import { parseDay, parseEndDay } from '../domain/dates.js';
import { DomainError, invalid } from '../domain/errors.js';
import { closest, normalizeName } from '../domain/fuzzy.js';
import { parseLanguages } from '../domain/languages.js';
import { parseMedia } from '../domain/media.js';
import { RightsIndex, type NotShownReason } from '../domain/rightsIndex.js';
import { checkCondition, eventKey } from '../domain/conditions.js';
import { loadEngineBlocks } from './engineBlocks.js';
import type { RolledRow } from '../domain/rollup.js';
import { groupStatus, refreshUnits, unitStatus } from '../domain/series.js';
import { unitsOf } from './seriesRights.js';
import { parseTerritories } from '../domain/territories.js';
import { firstNotBefore, type Actor, type FilmRights } from './app.js';
import { markNotReviewed, reasonDeals } from './reasonDeals.js';
import { rowView, type AvailRowView } from './views.js';
import { AVAILS_PAGE_DEFAULT, AVAILS_PAGE_MAX, type AvailsInput, type SeriesGroup } from '../contract/index.js';
export type { AvailsInput } from '../contract/index.js';

export interface NotShownTitle {
  id: string;
  title: string;
  reason: NotShownReason;
}

export interface AvailsAnswer {
  rows: AvailRowView[];
  /** How many titles the question asked about: those named, or every title in the catalog. */
  asked: number;
  /** The titles asked about that no row names, and why (the first NOT_SHOWN_LISTED of them by name; `count` is all of them). */
  notShown: {
    count: number;
    reasons: Array<{ reason: NotShownReason; message: string; count: number }>;
    titles: NotShownTitle[];
  };
  groups?: SeriesGroup[];
  /** A page of the catalog-wide answer (asked with limit or cursor): titles its rows name, and the next page's cursor. */
  page?: { limit: number; titles: number; next: string | null };
}

/** At most this many titles left out are listed by name (a catalog-wide answer can leave out thousands). */
export const NOT_SHOWN_LISTED = 500;

export const NOT_SHOWN_MESSAGES: Record<NotShownReason, string> = {
  'no-rights-held': 'no rights held in these territories and media',
  'rights-expired': 'our rights expired before the window',
  'not-yet-started': 'our rights start after the window',
  'between-terms': 'our rights expired before the window and start again after it',
  'not-available':
    'nothing available as asked (sold, on hold, held back, waiting for an event not yet dated, non-exclusive or not for the whole window)',
};
const REASON_ORDER: readonly NotShownReason[] = ['no-rights-held', 'rights-expired', 'not-yet-started', 'between-terms', 'not-available'];

export function parseQuestion(input: AvailsInput): AvailsQuestion {
  if (!input || typeof input !== 'object') throw invalid('question', input, 'question: expected an object');
  const match = input.match ?? 'cover-entire';
  if (!MATCH_TYPES.includes(match)) throw invalid('match', match, `match: "${match}" is not one of ${MATCH_TYPES.join(', ')}`);
  const start = parseDay(input.start, 'start');
  const end = parseEndDay(input.end, 'end');
  if (end < start) throw invalid('end', input.end, `end: ${input.end} is before start ${input.start}`);
  return {
    territories: parseTerritories(input.territories ?? '', 'territories'),
    media: parseMedia(input.media ?? '', 'media'),
    languages: parseLanguages(input.languages ?? null, 'languages'),
    start,
    end,
    exclusive: input.exclusive ?? true,
    match,
    minDays: input.minDays,
  };
}

/**
 * Resolves titles given by id or by name. Ids and exact names (any case) are
 * looked up directly; anything else is matched forgivingly (accents,
 * punctuation) against every title, and a typo gets suggestions, not a guess.
 */
export async function resolveTitles(app: FilmRights, refs: readonly string[], field = 'titles'): Promise<string[]> {
  if (!refs.length) return [];
  const db = app.store.db;
  const byId = new Set(
    (
      await db
        .selectFrom('titles')
        .select('id')
        .where('id', 'in', [...refs])
        .execute()
    ).map((r) => r.id),
  );
  const lowered = [...new Set(refs.filter((r) => !byId.has(r)).map((r) => r.toLowerCase()))];
  const exact = new Map<string, Set<string>>();
  if (lowered.length) {
    const rows = await db
      .selectFrom('titles')
      .select(['id', 'original_title', 'english_title'])
      .where((eb) => eb.or([eb(eb.fn('lower', ['original_title']), 'in', lowered), eb(eb.fn('lower', ['english_title']), 'in', lowered)]))
      .execute();
    for (const r of rows) {
      for (const name of [r.original_title, r.english_title]) {
        if (!name) continue;
        const k = name.toLowerCase();
        if (!exact.has(k)) exact.set(k, new Set());
        exact.get(k)!.add(r.id);
      }
    }
  }
  let all: Array<{ id: string; original_title: string; english_title: string | null }> | undefined;
  const resolved: string[] = [];
  for (const [i, ref] of refs.entries()) {
    if (byId.has(ref)) {
      resolved.push(ref);
      continue;
    }
    let found = [...(exact.get(ref.toLowerCase()) ?? [])];
    if (!found.length) {
      all ??= await db.selectFrom('titles').select(['id', 'original_title', 'english_title']).execute();
      const k = normalizeName(ref);
      found = all
        .filter((t) => normalizeName(t.original_title) === k || (t.english_title !== null && normalizeName(t.english_title) === k))
        .map((t) => t.id);
      if (!found.length) {
        const suggestions = closest(
          ref,
          all.map((t) => t.english_title ?? t.original_title),
          5,
        );
        throw new DomainError(
          'unknown-name',
          `${field}[${i}]`,
          ref,
          `${field}[${i}]: no title "${ref}"${suggestions.length ? `. Did you mean: ${suggestions.join(', ')}?` : ''}`,
          suggestions,
        );
      }
    }
    if (found.length > 1)
      throw new DomainError(
        'ambiguous',
        `${field}[${i}]`,
        ref,
        `${field}[${i}]: "${ref}" names ${found.length} titles; use the title id`,
        found,
      );
    resolved.push(found[0]);
  }
  await app.ensureTitleNames(resolved);
  return resolved;
}

/** A page's cursor: the last title id it looked at, opaque to clients. */
export function encodeCursor(lastTitle: string): string {
  return Buffer.from(lastTitle, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!id || encodeCursor(id) !== cursor)
    throw invalid('cursor', cursor, "cursor: not a cursor this server gave; pass the previous answer's page.next as it came");
  return id;
}

/**
 * The answer to an avails question. A catalog-wide question (no titles) with `limit` or `cursor`
 * is answered a page at a time (titles in order of their ids); without either, whole.
 */
export async function askAvails(app: FilmRights, _actor: Actor, input: AvailsInput): Promise<AvailsAnswer> {
  const q = parseQuestion(input);
  const paged = input.limit !== undefined || input.cursor !== undefined;
  if (paged && input.titles?.length) {
    const field = input.limit !== undefined ? 'limit' : 'cursor';
    throw invalid(field, input[field], `${field}: pages are for the catalog-wide question; leave out titles, or ${field}`);
  }
  if (input.limit !== undefined && (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > AVAILS_PAGE_MAX))
    throw invalid('limit', input.limit, `limit: a page holds 1 to ${AVAILS_PAGE_MAX} titles`);
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const named = input.titles?.length ? await resolveTitles(app, input.titles) : null;
  // a series or season is asked through its episodes (docs/domain.md)
  const titleIds = named ? unitsOf(app.tree, named) : null;
  if (titleIds) await app.ensureTitleNames(titleIds);
  const index = input.assume?.length ? await assumingIndex(app, input, named) : app.index;
  const reported = new Map<string, NotShownReason>();
  const deals = reasonDeals(app);
  const opts = {
    ...(input.include ? { include: input.include } : {}),
    notShown: (id: string, reason: NotShownReason) => reported.set(id, reason),
  };
  const limit = input.limit ?? AVAILS_PAGE_DEFAULT;
  const page = paged ? index.availsPage(q, { ...(after === undefined ? {} : { after }), limit }, opts) : null;
  const rows = page ? page.rows : index.avails(titleIds, q, opts);
  const shown = new Set<string>();
  for (const r of rows) for (const t of r.titles) shown.add(t);
  // every title asked about that no row names: the reason the index gave, else it has no rights touching the question
  let asked: number;
  let stretch: readonly string[];
  if (page) {
    // a page tells of the titles of its own stretch of the catalog: after the cursor, up to the last
    // title it looked at; the titles asked are kept in order of id, so only that stretch is read
    const all = await app.askedTitles();
    asked = all.length;
    const from = after === undefined ? 0 : firstNotBefore(all, after + '\0');
    const to = page.last === null ? all.length : firstNotBefore(all, page.last + '\0');
    stretch = all.slice(from, Math.max(from, to));
    await app.ensureTitleNames([...shown]);
  } else {
    stretch = titleIds ? [...new Set(titleIds)] : (await app.allTitleIds()).filter((id) => app.tree.children(id).length === 0);
    asked = stretch.length;
  }
  const left: NotShownTitle[] = [];
  for (const id of stretch) if (!shown.has(id)) left.push({ id, title: app.titleName(id), reason: reported.get(id) ?? 'no-rights-held' });
  const counts = new Map<NotShownReason, number>();
  for (const l of left) counts.set(l.reason, (counts.get(l.reason) ?? 0) + 1);
  left.sort(
    (a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  );
  const groups = named ? seriesGroups(app, named, q, index) : [];
  const views = rows.map((r) => rowView(r, app.titleName, app.contractParties, deals));
  await markNotReviewed(
    app.store.db,
    views.flatMap((v) => v.reasons),
  );
  return {
    ...(groups.length ? { groups } : {}),
    rows: views,
    asked,
    notShown: {
      count: left.length,
      reasons: REASON_ORDER.filter((r) => counts.has(r)).map((reason) => ({
        reason,
        message: NOT_SHOWN_MESSAGES[reason],
        count: counts.get(reason)!,
      })),
      titles: left.slice(0, NOT_SHOWN_LISTED),
    },
    ...(page ? { page: { limit, titles: page.titles, next: page.last === null ? null : encodeCursor(page.last) } } : {}),
  };
}

/** Each series or season among the titles: its episodes' statuses over the whole question, and its own (docs/domain.md). */
export function seriesGroups(
  app: FilmRights,
  titleIds: readonly string[],
  q: AvailsQuestion,
  index: RightsIndex = app.index,
): SeriesGroup[] {
  const out: SeriesGroup[] = [];
  for (const id of new Set(titleIds)) {
    const node = app.tree.get(id);
    if (!node || app.tree.children(id).length === 0) continue;
    const units = app.tree.units(id);
    const rows = index.avails(units, q, { include: 'all' });
    const byUnit = new Map<string, RolledRow[]>(units.map((u) => [u, []]));
    for (const r of rows) for (const t of r.titles) byUnit.get(t)?.push(r);
    const unitViews = units.map((u) => ({
      id: u,
      title: app.titleName(u),
      number: app.tree.get(u)?.number ?? null,
      status: unitStatus(byUnit.get(u) ?? []),
    }));
    out.push({ id, title: app.titleName(id), kind: node.kind, status: groupStatus(unitViews.map((u) => u.status)), units: unitViews });
  }
  return out;
}

/**
 * The asked titles' rights with the question's assumed event dates ("assuming the release on D"):
 * a small index of their own, built from the store, the shared index left as it is.
 */
async function assumingIndex(app: FilmRights, input: AvailsInput, named: readonly string[] | null): Promise<RightsIndex> {
  if (!named) throw invalid('assume', input.assume, 'assume: name the titles the assumed dates are for');
  const assumed = new Map<string, number>();
  input.assume!.forEach((a, i) => {
    const c = checkCondition(
      { event: a.event, territory: a.territory?.toUpperCase() ?? null, media: a.media ?? null, window: null, offset: 0, unit: 'days' },
      `assume[${i}]`,
    );
    assumed.set(eventKey(c), parseDay(a.date, `assume[${i}].date`));
  });
  const all = new Set<string>();
  for (const id of named) {
    if (!app.tree.get(id)) all.add(id);
    else {
      const root = app.tree.root(id);
      for (const t of [root, ...app.tree.descendants(root)]) all.add(t);
    }
  }
  const blocks = await loadEngineBlocks(app.store.db, [...all], undefined, undefined, undefined, assumed);
  const index = new RightsIndex();
  refreshUnits(index, app.tree, (id) => blocks.get(id) ?? [], all);
  return index;
}
