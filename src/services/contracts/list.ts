/**
 * The contract list: filters, search, paging, and what each contract grants
 * in a line.
 */
import type { Kysely } from 'kysely';
import { mediaLabel, mediaSetFromIds } from '../../domain/media.js';
import { territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import {
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  parseJson,
  type ContractDirection,
  type ContractStatus,
  type Database,
} from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { optionalOneOf, rankByNames } from '../lookup.js';
import { formatMoney, type Money } from '../money.js';
import { notReviewedOf } from '../provenance.js';

/** One distinct grant of a listed contract (blocks that differ only by title are one). */
export interface ContractRights {
  /** "North America"; null when the record names no territory. */
  territoryLabel: string | null;
  mediaLabel: string | null;
  /** Null: not stated. */
  start: string | null;
  /** Null: perpetuity. */
  end: string | null;
  exclusive: boolean;
}

export interface ContractListItem {
  id: string;
  ref: string;
  direction: ContractDirection;
  status: ContractStatus;
  licensor: string | null;
  licensee: string | null;
  titles: string[];
  /** What it grants, grant by grant, in the order recorded; empty when no rights block is recorded. */
  rights: ContractRights[];
  /** The minimum guarantee; only for users who may see financial terms (absent otherwise). */
  mg?: Money | null;
  signedOn: string | null;
  announcedOn: string | null;
  updatedAt: string;
  /** Set on deleted contracts (listed with `deleted: true`). */
  deletedAt: string | null;
  /** Read from a source (the press, an import) that nobody has reviewed yet. */
  notReviewed: boolean;
}

/** GET /api/contracts: declared in the API contract (src/contract/deals.ts). */
export type { ContractListParams } from '../../contract/index.js';
import type { ContractListParams } from '../../contract/index.js';

/** The distinct grants of each contract, from its rights blocks (labels computed once per distinct set). */
async function rightsOf(db: Kysely<Database>, contractIds: string[]): Promise<Map<string, ContractRights[]>> {
  const out = new Map<string, ContractRights[]>();
  if (!contractIds.length) return out;
  const territoryLabels = new Map<string, string | null>();
  const mediaLabels = new Map<string, string | null>();
  const seen = new Set<string>();
  for (let i = 0; i < contractIds.length; i += 500) {
    const blocks = await db
      .selectFrom('rights_blocks')
      .select(['id', 'contract_id', 'territory_codes', 'media_ids', 'start_date', 'end_date', 'exclusive'])
      .where('contract_id', 'in', contractIds.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const b of blocks) {
      const k = `${b.contract_id}|${b.territory_codes}|${b.media_ids}|${b.start_date}|${b.end_date}|${b.exclusive}`;
      if (seen.has(k)) continue;
      seen.add(k);
      let territory = territoryLabels.get(b.territory_codes);
      if (territory === undefined) {
        const codes = parseJson(b.territory_codes);
        territoryLabels.set(
          b.territory_codes,
          (territory = codes.length ? territoryLabel(territorySetFromCodes(codes, 'territory_codes')) : null),
        );
      }
      let media = mediaLabels.get(b.media_ids);
      if (media === undefined) {
        const ids = parseJson(b.media_ids);
        mediaLabels.set(b.media_ids, (media = ids.length ? mediaLabel(mediaSetFromIds(ids, 'media_ids')) : null));
      }
      let list = out.get(b.contract_id);
      if (!list) out.set(b.contract_id, (list = []));
      list.push({ territoryLabel: territory, mediaLabel: media, start: b.start_date, end: b.end_date, exclusive: b.exclusive === 1 });
    }
  }
  return out;
}

/**
 * Contracts, newest first, filtered by status, direction, title or company
 * (either side), with what each grants (territories, media, term) and, for
 * an actor who may see financial terms, its minimum guarantee.
 */
export async function listContracts(
  app: FilmRights,
  params: ContractListParams = {},
  actor?: Actor,
): Promise<{ items: ContractListItem[]; total: number; page: number; pageSize: number }> {
  const status = optionalOneOf(params.status, CONTRACT_STATUSES, 'status');
  const direction = optionalOneOf(params.direction, CONTRACT_DIRECTIONS, 'direction');
  let query = app.store.db
    .selectFrom('contracts as c')
    .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
    .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
    .select([
      'c.id',
      'c.ref',
      'c.direction',
      'c.status',
      'lor.name as licensor',
      'lee.name as licensee',
      'c.signed_on',
      'c.announced_on',
      'c.updated_at',
      'c.deleted_at',
      'c.mg_amount',
      'c.mg_currency',
    ])
    .where('c.deleted_at', params.deleted ? 'is not' : 'is', null);
  if (status) query = query.where('c.status', '=', status);
  if (direction) query = query.where('c.direction', '=', direction);
  if (params.company)
    query = query.where((eb) =>
      eb.or([
        eb('c.licensor_id', '=', params.company!),
        eb('c.licensee_id', '=', params.company!),
        eb('c.sales_agent_id', '=', params.company!),
      ]),
    );
  if (params.title)
    query = query.where(
      'c.id',
      'in',
      app.store.db.selectFrom('contract_titles').select('contract_id').where('title_id', '=', params.title),
    );
  const rows = await query.orderBy('c.updated_at', 'desc').execute();
  const titles = rows.length
    ? await app.store.db
        .selectFrom('contract_titles as ct')
        .innerJoin('titles as t', 't.id', 'ct.title_id')
        .select(['ct.contract_id', 't.original_title', 't.english_title'])
        .where(
          'ct.contract_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const financials = actor?.canSeeFinancials === true;
  let items: Array<ContractListItem & { row: (typeof rows)[number] }> = rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    direction: r.direction,
    status: r.status,
    licensor: r.licensor,
    licensee: r.licensee,
    titles: titles.filter((t) => t.contract_id === r.id).map((t) => t.english_title ?? t.original_title),
    rights: [],
    signedOn: r.signed_on,
    announcedOn: r.announced_on,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    notReviewed: false,
    row: r,
  }));
  if (params.q?.trim()) {
    items = rankByNames(
      params.q,
      items.map((item) => ({ item, names: [item.ref, item.licensor, item.licensee, ...item.titles] })),
    );
  }
  const pageSize = Math.min(Math.max(params.pageSize ?? 50, 1), 500);
  const page = Math.max(params.page ?? 1, 1);
  const shown = items.slice((page - 1) * pageSize, page * pageSize);
  const [rights, notReviewed] = await Promise.all([
    rightsOf(
      app.store.db,
      shown.map((c) => c.id),
    ),
    notReviewedOf(
      app.store.db,
      'contracts',
      shown.map((c) => c.id),
    ),
  ]);
  return {
    items: shown.map(({ row, ...c }) => ({
      ...c,
      rights: rights.get(c.id) ?? [],
      notReviewed: notReviewed.has(c.id),
      ...(financials ? { mg: row.mg_amount !== null && row.mg_currency ? formatMoney(Number(row.mg_amount), row.mg_currency) : null } : {}),
    })),
    total: items.length,
    page,
    pageSize,
  };
}
