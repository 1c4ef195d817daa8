/**
 * From stored contracts to the engine's rights blocks. Only contracts that
 * give or take *our* rights count: a rights-in or rights-out contract that is
 * signed or announced, and rights-out in negotiation as a hold. Contracts
 * between other companies (third-party) are market intelligence and never
 * make rights available to us.
 */
import type { Kysely } from 'kysely';
import { describeCondition, eventsAlongChain, releaseEvents, resolveCondition, resolveTerm } from '../domain/conditions.js';
import { BEGINNING, parseDay, parseEndDay, PERPETUITY } from '../domain/dates.js';
import { conditionOf } from './contracts/conditions.js';
import { TERM_NOT_REPORTED } from './views.js';
import { mediaSetFromIds } from '../domain/media.js';
import type { BlockKind } from '../domain/rights.js';
import type { ScopedBlock } from '../domain/series.js';
import { territorySetFromCodes } from '../domain/territories.js';
import { parseJson, type JsonText, type ContractDirection, type ContractStatus, type Database } from '../store/index.js';

export const ACTIVE_STATUSES: readonly ContractStatus[] = ['signed', 'announced'];
export const HOLD_STATUSES: readonly ContractStatus[] = ['negotiating'];

export function blockKind(direction: ContractDirection, status: ContractStatus): BlockKind | null {
  if (direction === 'third-party') return null;
  if (ACTIVE_STATUSES.includes(status)) return direction === 'in' ? 'in' : 'out';
  if (direction === 'out' && HOLD_STATUSES.includes(status)) return 'hold';
  return null;
}

export interface StoredBlocks {
  /** Title id → its engine blocks. */
  byTitle: Map<string, ScopedBlock[]>;
}

/** Loads the engine blocks of the given titles (all titles when null), inside `db` (a transaction or the store). */
export async function loadEngineBlocks(
  db: Kysely<Database>,
  titleIds: readonly string[] | null,
  excludeContractId?: string,
  /** Holds whose expiry day is before this day no longer count (docs/offers.md); default today (UTC). */
  today: string = new Date().toISOString().slice(0, 10),
  /** Filled with the events each contract's undated windows wait for, in words (contract ref → words). */
  waiting?: Map<string, Set<string>>,
  /** Event dates taken as known over those recorded ("assuming the release on D"), by event key. */
  assumed?: ReadonlyMap<string, number>,
): Promise<Map<string, ScopedBlock[]>> {
  const byTitle = new Map<string, ScopedBlock[]>();
  for (const id of titleIds ?? []) byTitle.set(id, []);
  if (titleIds !== null && titleIds.length === 0) return byTitle;
  const push = (title: string, b: ScopedBlock) => {
    let list = byTitle.get(title);
    if (!list) byTitle.set(title, (list = []));
    list.push(b);
  };

  // CROSS JOIN with the join's condition in WHERE: the same rows, but SQLite then reads the
  // titles' blocks first (by rights_blocks_title_idx) and their contracts by key. With an inner
  // join and 8 titles or more its planner walked every contract of the wanted statuses instead
  // (the whole catalog: ~27M contracts at 1M titles). PostgreSQL plans both forms alike.
  let blocks = db
    .selectFrom('rights_blocks as b')
    .crossJoin('contracts as c')
    .whereRef('c.id', '=', 'b.contract_id')
    .leftJoin('hold_expiries as hx', 'hx.contract_id', 'c.id')
    .select([
      'hx.expires_on',
      'b.title_id',
      'b.territory_codes',
      'b.media_ids',
      'b.languages',
      'b.start_date',
      'b.end_date',
      'b.term_reported',
      'b.exclusive',
      'b.includes_future',
      'b.covers_titles',
      'b.excludes_titles',
      'c.id as contract_id',
      'c.ref',
      'c.direction',
      'c.status',
      'c.delivery_date',
      ...CONDITION_SELECT('b'),
    ])
    .where('c.deleted_at', 'is', null)
    .where('c.direction', '!=', 'third-party')
    .where('c.status', 'in', [...ACTIVE_STATUSES, ...HOLD_STATUSES]);
  if (titleIds !== null) blocks = blocks.where('b.title_id', 'in', [...titleIds]);
  if (excludeContractId) blocks = blocks.where('c.id', '!=', excludeContractId);
  const blockRows = await blocks.execute();
  let holdbacks = db
    .selectFrom('holdbacks as h')
    .crossJoin('contracts as c')
    .whereRef('c.id', '=', 'h.contract_id')
    .select([
      'h.title_id',
      'h.territory_codes',
      'h.media_ids',
      'h.start_date',
      'h.end_date',
      'c.ref',
      'c.delivery_date',
      ...CONDITION_SELECT('h'),
    ])
    .where('c.deleted_at', 'is', null)
    .where('c.direction', '!=', 'third-party')
    .where('c.status', 'in', [...ACTIVE_STATUSES]);
  if (titleIds !== null) holdbacks = holdbacks.where('h.title_id', 'in', [...titleIds]);
  if (excludeContractId) holdbacks = holdbacks.where('c.id', '!=', excludeContractId);
  const holdbackRows = await holdbacks.execute();
  // the events windows follow: the titles' releases (only where some window follows an event)
  const conditional = [...blockRows, ...holdbackRows].filter((r) => r.start_event !== null || r.end_event !== null);
  const events = await titleEvents(db, [...new Set(conditional.map((r) => r.title_id))]);
  const termOf = (r: (typeof conditional)[number], fallbackStart: string | null) => {
    const known = new Map(events.get(r.title_id) ?? []);
    if (r.delivery_date) known.set('delivery', parseDay(r.delivery_date));
    for (const [k, d] of assumed ?? []) known.set(k, d);
    const start = conditionOf(r, 'start');
    const end = conditionOf(r, 'end');
    const t = resolveTerm(
      { date: fallbackStart ? parseDay(fallbackStart) : null, condition: start },
      { date: r.end_date ? parseDay(r.end_date) : null, condition: end },
      known,
      { start: BEGINNING, end: PERPETUITY },
    );
    if (t.undated && waiting) {
      let words = waiting.get(r.ref);
      if (!words) waiting.set(r.ref, (words = new Set()));
      for (const c of [start, end]) if (c && resolveCondition(c, known) === null) words.add(describeCondition(c));
    }
    return t;
  };
  for (const r of blockRows) {
    const kind = blockKind(r.direction, r.status);
    if (!kind) continue;
    // a hold past its expiry day frees the rights at once, before the sweep gives it its final status
    if (kind === 'hold' && r.expires_on !== null && r.expires_on < today) continue;
    let term = r.start_event !== null || r.end_event !== null ? termOf(r, r.start_date) : null;
    // a window dated by its events that ends before it starts covers no day
    if (term && !term.undated && term.end < term.start) continue;
    // a term the source did not report (a press deal): its end is not known, so it is undated, not perpetual
    if (r.term_reported === 0 && r.end_date === null && r.end_event === null) {
      term = { start: term ? term.start : r.start_date ? parseDay(r.start_date) : BEGINNING, end: PERPETUITY, undated: true };
      if (waiting) {
        let words = waiting.get(r.ref);
        if (!words) waiting.set(r.ref, (words = new Set()));
        words.add(TERM_NOT_REPORTED);
      }
    }
    push(r.title_id, {
      contract: r.ref,
      kind,
      territories: territorySetFromCodes(parseJson(r.territory_codes), 'territory_codes'),
      media: mediaSetFromIds(parseJson(r.media_ids), 'media_ids'),
      languages: parseJson(r.languages),
      start: term ? term.start : r.start_date ? parseDay(r.start_date) : BEGINNING,
      end: term ? term.end : parseEndDay(r.end_date),
      exclusive: r.exclusive === 1,
      ...(term?.undated ? { undated: true } : {}),
      ...scopeOf(r),
    });
  }

  for (const r of holdbackRows) {
    const term = r.start_event !== null || r.end_event !== null ? termOf(r, r.start_date) : null;
    if (term && !term.undated && term.end < term.start) continue;
    push(r.title_id, {
      contract: r.ref,
      kind: 'holdback',
      territories: territorySetFromCodes(parseJson(r.territory_codes), 'territory_codes'),
      media: mediaSetFromIds(parseJson(r.media_ids), 'media_ids'),
      languages: null,
      start: term ? term.start : r.start_date ? parseDay(r.start_date) : BEGINNING,
      // a holdback whose end is not yet known blocks until it is
      end: term ? term.end : parseEndDay(r.end_date),
      exclusive: false,
      ...(term?.undated ? { undated: true } : {}),
    });
  }
  return byTitle;
}

/** The condition columns of a rights block or holdback row (alias `a`). */
function CONDITION_SELECT<A extends 'b' | 'h'>(a: A) {
  return [
    `${a}.start_event`,
    `${a}.start_territory`,
    `${a}.start_media`,
    `${a}.start_offset`,
    `${a}.start_unit`,
    `${a}.end_event`,
    `${a}.end_territory`,
    `${a}.end_media`,
    `${a}.end_offset`,
    `${a}.end_unit`,
  ] as const;
}

/**
 * The dated events of each title: its first release per country and medium, its festival
 * premiere; an event not recorded on a season or episode is taken from the title above it (an
 * episode's season, then its series: the nearest title with a release of that kind in that
 * country wins; docs/series.md, "Events from the title above").
 */
async function titleEvents(db: Kysely<Database>, titleIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (!titleIds.length) return out;
  // each title's parent, up to the tops
  const parentOf = new Map<string, string | null>();
  let ids = [...new Set(titleIds)];
  while (ids.length) {
    const next = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const r of await db
        .selectFrom('titles')
        .select(['id', 'parent_id'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()) {
        parentOf.set(r.id, r.parent_id);
        if (r.parent_id && !parentOf.has(r.parent_id)) next.add(r.parent_id);
      }
    }
    ids = [...next];
  }
  const all = [...parentOf.keys()];
  const byTitle = new Map<string, { territory: string; kind: string; day: number }[]>();
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('releases')
      .select(['title_id', 'territory', 'kind', 'release_date', 'date_precision'])
      .where('title_id', 'in', all.slice(i, i + CHUNK))
      .where('release_date', 'is not', null)
      .execute();
    for (const r of rows) {
      // a release known only to the month or year dates no window: its day is not known
      if (r.date_precision !== 'day' || !r.release_date) continue;
      let list = byTitle.get(r.title_id);
      if (!list) byTitle.set(r.title_id, (list = []));
      list.push({ territory: r.territory, kind: r.kind, day: parseDay(r.release_date) });
    }
  }
  const own = new Map([...byTitle].map(([id, list]) => [id, releaseEvents(list)]));
  for (const id of titleIds) {
    // the title, then the titles above it, nearest first
    const chain: string[] = [];
    for (let t: string | null | undefined = id; t && !chain.includes(t); t = parentOf.get(t)) chain.push(t);
    const events = eventsAlongChain(chain.map((t) => own.get(t) ?? new Map<string, number>()));
    if (events.size) out.set(id, events);
  }
  return out;
}

/** A title and every title under it: the titles whose windows may follow its releases (a series' seasons and episodes). */
export async function titleAndBelow(db: Kysely<Database>, titleId: string): Promise<string[]> {
  const out = [titleId];
  const seen = new Set(out);
  let level = [titleId];
  while (level.length) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += CHUNK) {
      for (const r of await db
        .selectFrom('titles')
        .select('id')
        .where('parent_id', 'in', level.slice(i, i + CHUNK))
        .execute())
        if (!seen.has(r.id)) {
          seen.add(r.id);
          next.push(r.id);
        }
    }
    out.push(...next);
    level = next;
  }
  return out;
}

const CHUNK = 500;

/** How far a stored block on a series or season reaches down (none: every title under it, future ones included). */
function scopeOf(r: {
  includes_future: number;
  covers_titles: JsonText<string[]> | null;
  excludes_titles: JsonText<string[]> | null;
}): Pick<ScopedBlock, 'scope'> {
  const excludes = parseJson(r.excludes_titles) ?? [];
  if (r.includes_future === 1 && excludes.length === 0) return {};
  return { scope: { includesFuture: r.includes_future === 1, covers: parseJson(r.covers_titles), excludes } };
}
