/**
 * An edition's lineup as the acquisitions view: per selected title, its sales
 * agent and the territories sold, on hold and still free today.
 */
import type { Kysely } from 'kysely';
import { fullSet, isEmpty, addInto, emptySet, type Bitset } from '../../domain/bitset.js';
import { COUNTRIES } from '../../domain/countries.js';
import { parseDay } from '../../domain/dates.js';
import { MEDIA } from '../../domain/media.js';
import { territoryLabel } from '../../domain/territories.js';
import type { Database, FestivalKind, PremiereStatus, SelectionSlot } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { countryAvailability } from '../availabilityMap.js';
import { NotFoundError } from '../errors.js';

type Named = { id: string; name: string };

/** A festival's edition, as its page and the lineup show it. */
export interface EditionView {
  id: string;
  number: number | null;
  year: number;
  start: string | null;
  end: string | null;
}

// ------------------------------------------------------------------ the lineup (acquisitions view)

export interface LineupSelection {
  id: string;
  title: Named & { year: number | null };
  premiereStatus: PremiereStatus | null;
  slot: SelectionSlot | null;
  withdrawn: boolean;
  withdrawalReason: string | null;
  salesAgent: Named | null;
  /** Territories where some media is sold or held back on the day of `Lineup.availability` ("North America"); null when none. */
  soldLabel: string | null;
  /** Territories where every media is still free to license exclusively; null when none. */
  freeLabel: string | null;
  /** Territories held by a deal in negotiation; null when none. */
  heldLabel: string | null;
  awards: Array<{ id: string; name: string; tied: boolean }>;
}

export interface Lineup {
  edition: EditionView;
  festival: Named & { shortName: string | null; kind: FestivalKind };
  /** What the sold / held / free labels answer: that day (today), all media, exclusive. */
  availability: { asOf: string; media: 'All Media'; exclusive: true };
  sections: Array<{ id: string | null; name: string; selections: LineupSelection[] }>;
  awards: Array<{ id: string; name: string; title: Named; person: Named | null; tied: boolean; tieGroup: string | null }>;
}

/**
 * The edition's lineup by section, with its awards, and per title its sales
 * agent and what is sold, on hold and still free *today* (or `opts.today`):
 * every country, all media, exclusive, as the title page's map shows it for
 * today, whatever the festival's dates (what a buyer walking the line-up
 * needs is what can still be licensed now). `availability` says which day.
 */
export async function getEdition(app: FilmRights, _actor: Actor, editionId: string, opts: { today?: string } = {}): Promise<Lineup> {
  const db = app.store.db;
  const e = await db
    .selectFrom('festival_editions as e')
    .innerJoin('festivals as f', 'f.id', 'e.festival_id')
    .select(['e.id', 'e.number', 'e.year', 'e.start_date', 'e.end_date', 'f.id as festival_id', 'f.name', 'f.short_name', 'f.kind'])
    .where('e.id', '=', editionId)
    .executeTakeFirst();
  if (!e) throw new NotFoundError('edition', editionId);
  const sections = await db.selectFrom('sections').select(['id', 'name']).where('edition_id', '=', editionId).orderBy('name').execute();
  const selections = await db
    .selectFrom('selections as s')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .select([
      's.id',
      's.section_id',
      's.premiere_status',
      's.slot',
      's.withdrawn',
      's.withdrawal_reason',
      't.id as title_id',
      't.original_title',
      't.english_title',
      't.year',
    ])
    .where('s.edition_id', '=', editionId)
    .execute();
  const awards = await db
    .selectFrom('awards as a')
    .innerJoin('titles as t', 't.id', 'a.title_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.name',
      'a.tied',
      'a.tie_group',
      't.id as title_id',
      't.original_title',
      't.english_title',
      'p.id as person_id',
      'p.name as person_name',
    ])
    .where('a.edition_id', '=', editionId)
    .orderBy('a.name')
    .orderBy('t.original_title')
    .execute();
  const titleIds = [...new Set(selections.map((s) => s.title_id))];
  const agents = await salesAgents(db, titleIds);
  const asOf = opts.today ?? new Date().toISOString().slice(0, 10);
  const market = marketOn(app, titleIds, asOf);

  const slotOrder = (s: SelectionSlot | null) => (s === 'opening-night' ? 0 : s === 'closing-night' ? 2 : 1);
  const view = (s: (typeof selections)[number]): LineupSelection => ({
    id: s.id,
    title: { id: s.title_id, name: s.english_title ?? s.original_title, year: s.year },
    premiereStatus: s.premiere_status,
    slot: s.slot,
    withdrawn: s.withdrawn === 1,
    withdrawalReason: s.withdrawal_reason,
    salesAgent: agents.get(s.title_id) ?? null,
    ...(market.get(s.title_id) ?? { soldLabel: null, freeLabel: null, heldLabel: null }),
    awards: awards.filter((a) => a.title_id === s.title_id).map((a) => ({ id: a.id, name: a.name, tied: a.tied === 1 })),
  });
  const bySection = [
    ...sections.map((sec) => ({ id: sec.id as string | null, name: sec.name })),
    { id: null, name: 'Other selections' },
  ].map((sec) => ({
    ...sec,
    selections: selections
      .filter((s) => s.section_id === sec.id)
      .sort(
        (a, b) =>
          slotOrder(a.slot) - slotOrder(b.slot) || (a.english_title ?? a.original_title).localeCompare(b.english_title ?? b.original_title),
      )
      .map(view),
  }));
  return {
    edition: { id: e.id, number: e.number, year: e.year, start: e.start_date, end: e.end_date },
    festival: { id: e.festival_id, name: e.name, shortName: e.short_name, kind: e.kind },
    availability: { asOf, media: 'All Media', exclusive: true },
    sections: bySection.filter((s) => s.id !== null || s.selections.length > 0),
    awards: awards.map((a) => ({
      id: a.id,
      name: a.name,
      title: { id: a.title_id, name: a.english_title ?? a.original_title },
      person: a.person_id ? { id: a.person_id, name: a.person_name ?? '' } : null,
      tied: a.tied === 1,
      tieGroup: a.tie_group,
    })),
  };
}

/** Each title's sales agent: the company credited as such, else the one named on a rights-in contract. */
async function salesAgents(db: Kysely<Database>, titleIds: string[]): Promise<Map<string, Named>> {
  const out = new Map<string, Named>();
  if (!titleIds.length) return out;
  const credited = await db
    .selectFrom('title_companies as tc')
    .innerJoin('companies as c', 'c.id', 'tc.company_id')
    .select(['tc.title_id', 'c.id', 'c.name'])
    .where('tc.role', '=', 'sales-agent')
    .where('tc.title_id', 'in', titleIds)
    .orderBy('c.name')
    .execute();
  for (const r of credited) if (!out.has(r.title_id)) out.set(r.title_id, { id: r.id, name: r.name });
  const viaContracts = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('contracts as k', 'k.id', 'ct.contract_id')
    .innerJoin('companies as c', (j) =>
      j.on((eb) =>
        eb.or([
          eb('c.id', '=', eb.ref('k.sales_agent_id')),
          eb.and([eb('k.direction', '=', 'in'), eb('c.id', '=', eb.ref('k.licensee_id'))]),
        ]),
      ),
    )
    .select(['ct.title_id', 'c.id', 'c.name'])
    .where('ct.title_id', 'in', titleIds)
    .where('k.deleted_at', 'is', null)
    .where('k.status', 'in', ['signed', 'announced'])
    .orderBy('k.ref')
    .execute();
  for (const r of viaContracts) if (!out.has(r.title_id)) out.set(r.title_id, { id: r.id, name: r.name });
  return out;
}

function labelOrNull(set: Bitset): string | null {
  return isEmpty(set) ? null : territoryLabel(set);
}

/**
 * Sold / held / free territory labels per title on one day, all media,
 * exclusive: read from the title page's map for that day (countryAvailability),
 * so the two always say the same. Sold: some media sold or held back; held:
 * some media on hold and none sold; free: every media free.
 */
function marketOn(
  app: FilmRights,
  titleIds: string[],
  day: string,
): Map<string, { soldLabel: string | null; freeLabel: string | null; heldLabel: string | null }> {
  const out = new Map<string, { soldLabel: string | null; freeLabel: string | null; heldLabel: string | null }>();
  const d = parseDay(day, 'today');
  for (const id of titleIds) {
    const countries = countryAvailability(app, id, { media: fullSet(MEDIA.size), start: d, end: d, exclusive: true });
    const sold = emptySet(COUNTRIES.size);
    const held = emptySet(COUNTRIES.size);
    const free = emptySet(COUNTRIES.size);
    for (const [code, c] of Object.entries(countries)) {
      const i = COUNTRIES.indexOf(code);
      if (c.status === 'available') addInto(free, i);
      else if (c.reasons.some((r) => r.code === 'rights-out-exist' || r.code === 'holdback')) addInto(sold, i);
      else if (c.reasons.some((r) => r.code === 'on-hold')) addInto(held, i);
    }
    out.set(id, { soldLabel: labelOrNull(sold), freeLabel: labelOrNull(free), heldLabel: labelOrNull(held) });
  }
  return out;
}
