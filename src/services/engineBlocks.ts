/**
 * From stored contracts to the engine's rights blocks. Only contracts that
 * give or take *our* rights count: a rights-in or rights-out contract that is
 * signed or announced, and rights-out in negotiation as a hold. Contracts
 * between other companies (third-party) are market intelligence and never
 * make rights available to us.
 */
import type { Kysely } from 'kysely';
import { BEGINNING, parseDay, parseEndDay } from '../domain/dates.js';
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
): Promise<Map<string, ScopedBlock[]>> {
  const byTitle = new Map<string, ScopedBlock[]>();
  for (const id of titleIds ?? []) byTitle.set(id, []);
  if (titleIds !== null && titleIds.length === 0) return byTitle;
  const push = (title: string, b: ScopedBlock) => {
    let list = byTitle.get(title);
    if (!list) byTitle.set(title, (list = []));
    list.push(b);
  };

  let blocks = db
    .selectFrom('rights_blocks as b')
    .innerJoin('contracts as c', 'c.id', 'b.contract_id')
    .leftJoin('hold_expiries as hx', 'hx.contract_id', 'c.id')
    .select([
      'hx.expires_on',
      'b.title_id',
      'b.territory_codes',
      'b.media_ids',
      'b.languages',
      'b.start_date',
      'b.end_date',
      'b.exclusive',
      'b.includes_future',
      'b.covers_titles',
      'b.excludes_titles',
      'c.id as contract_id',
      'c.ref',
      'c.direction',
      'c.status',
    ])
    .where('c.deleted_at', 'is', null)
    .where('c.direction', '!=', 'third-party')
    .where('c.status', 'in', [...ACTIVE_STATUSES, ...HOLD_STATUSES]);
  if (titleIds !== null) blocks = blocks.where('b.title_id', 'in', [...titleIds]);
  if (excludeContractId) blocks = blocks.where('c.id', '!=', excludeContractId);
  for (const r of await blocks.execute()) {
    const kind = blockKind(r.direction, r.status);
    if (!kind) continue;
    // a hold past its expiry day frees the rights at once, before the sweep gives it its final status
    if (kind === 'hold' && r.expires_on !== null && r.expires_on < today) continue;
    push(r.title_id, {
      contract: r.ref,
      kind,
      territories: territorySetFromCodes(parseJson(r.territory_codes), 'territory_codes'),
      media: mediaSetFromIds(parseJson(r.media_ids), 'media_ids'),
      languages: parseJson(r.languages),
      start: r.start_date ? parseDay(r.start_date) : BEGINNING,
      end: parseEndDay(r.end_date),
      exclusive: r.exclusive === 1,
      ...scopeOf(r),
    });
  }

  let holdbacks = db
    .selectFrom('holdbacks as h')
    .innerJoin('contracts as c', 'c.id', 'h.contract_id')
    .select(['h.title_id', 'h.territory_codes', 'h.media_ids', 'h.start_date', 'h.end_date', 'c.ref'])
    .where('c.deleted_at', 'is', null)
    .where('c.direction', '!=', 'third-party')
    .where('c.status', 'in', [...ACTIVE_STATUSES]);
  if (titleIds !== null) holdbacks = holdbacks.where('h.title_id', 'in', [...titleIds]);
  if (excludeContractId) holdbacks = holdbacks.where('c.id', '!=', excludeContractId);
  for (const r of await holdbacks.execute()) {
    push(r.title_id, {
      contract: r.ref,
      kind: 'holdback',
      territories: territorySetFromCodes(parseJson(r.territory_codes), 'territory_codes'),
      media: mediaSetFromIds(parseJson(r.media_ids), 'media_ids'),
      languages: null,
      start: r.start_date ? parseDay(r.start_date) : BEGINNING,
      // a holdback whose end is not yet known blocks until it is
      end: parseEndDay(r.end_date),
      exclusive: false,
    });
  }
  return byTitle;
}

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
