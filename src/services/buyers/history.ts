/**
 * A buyer's history, computed from the record: our rights-out deals with it (titles, when,
 * territories and media, the MG for those allowed to see money) and what the trade press says it
 * bought from others (third-party contracts: market intelligence, with the articles behind them).
 */
import { unionInto, emptySet } from '../../domain/bitset.js';
import { COUNTRIES } from '../../domain/countries.js';
import { MEDIA, mediaLabel, mediaSetFromIds } from '../../domain/media.js';
import { formatMoney } from '../../domain/money/amounts.js';
import { territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import { parseJson, type ContractStatus } from '../../store/index.js';
import type { BuyerHistory } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { contractTitles } from '../people.js';
import { sourcesOf } from '../provenance.js';

/** Deals of ours that count as history: offers and talks that went nowhere (drafts, rejections) do not. */
const OURS: ContractStatus[] = ['offer', 'negotiating', 'signed', 'announced', 'expired', 'terminated'];
/** The press's deals that count: reported as done. */
const THEIRS: ContractStatus[] = ['signed', 'announced'];

export interface BoughtDeal {
  contractId: string;
  direction: 'out' | 'third-party';
  titleIds: string[];
}

/** The contracts a set of buyers bought under (ours and the press's), by buyer: the list's counts and "titles like this one". */
export async function boughtByBuyer(app: FilmRights, buyerIds?: readonly string[]): Promise<Map<string, BoughtDeal[]>> {
  let q = app.store.db
    .selectFrom('contracts as k')
    .innerJoin('contract_titles as ct', 'ct.contract_id', 'k.id')
    .select(['k.id', 'k.licensee_id', 'k.direction', 'k.status', 'ct.title_id'])
    .where('k.deleted_at', 'is', null)
    .where('k.licensee_id', 'in', app.store.db.selectFrom('buyers').select('company_id'))
    .where((eb) =>
      eb.or([
        eb.and([eb('k.direction', '=', 'out'), eb('k.status', 'in', OURS)]),
        eb.and([eb('k.direction', '=', 'third-party'), eb('k.status', 'in', THEIRS)]),
      ]),
    );
  if (buyerIds) q = q.where('k.licensee_id', 'in', buyerIds.length ? [...buyerIds] : ['']);
  const out = new Map<string, BoughtDeal[]>();
  const byContract = new Map<string, BoughtDeal>();
  for (const r of await q.orderBy('k.id').execute()) {
    let deal = byContract.get(r.id);
    if (!deal) {
      byContract.set(r.id, (deal = { contractId: r.id, direction: r.direction === 'out' ? 'out' : 'third-party', titleIds: [] }));
      const list = out.get(r.licensee_id!) ?? [];
      list.push(deal);
      out.set(r.licensee_id!, list);
    }
    deal.titleIds.push(r.title_id);
  }
  return out;
}

export async function buyerHistory(app: FilmRights, actor: Actor, buyerId: string): Promise<BuyerHistory> {
  const db = app.store.db;
  const contracts = await db
    .selectFrom('contracts as k')
    .leftJoin('companies as lor', 'lor.id', 'k.licensor_id')
    .select([
      'k.id',
      'k.ref',
      'k.direction',
      'k.status',
      'k.signed_on',
      'k.announced_on',
      'k.mg_amount',
      'k.mg_currency',
      'lor.id as lor_id',
      'lor.name as lor_name',
    ])
    .where('k.deleted_at', 'is', null)
    .where('k.licensee_id', '=', buyerId)
    .where((eb) =>
      eb.or([
        eb.and([eb('k.direction', '=', 'out'), eb('k.status', 'in', OURS)]),
        eb.and([eb('k.direction', '=', 'third-party'), eb('k.status', 'in', THEIRS)]),
      ]),
    )
    .execute();
  if (!contracts.length) return { withUs: [], fromOthers: [] };
  const ids = contracts.map((k) => k.id);
  const titles = await contractTitles(db, ids);
  const blocks = await db
    .selectFrom('rights_blocks')
    .select(['contract_id', 'territory_codes', 'media_ids'])
    .where('contract_id', 'in', ids)
    .execute();
  const sets = new Map<string, { t: Uint32Array; m: Uint32Array }>();
  for (const b of blocks) {
    let s = sets.get(b.contract_id);
    if (!s) sets.set(b.contract_id, (s = { t: emptySet(COUNTRIES.size), m: emptySet(MEDIA.size) }));
    unionInto(s.t, territorySetFromCodes(parseJson(b.territory_codes)));
    unionInto(s.m, mediaSetFromIds(parseJson(b.media_ids)));
  }
  // every deal's sources: the press's deals list their outlets, and any deal read from a source nobody reviewed is marked
  const sources = await sourcesOf(
    db,
    contracts.map((k) => ({ table: 'contracts' as const, id: k.id })),
  );
  const deal = (k: (typeof contracts)[number]) => {
    const s = sets.get(k.id);
    return {
      contract: { id: k.id, ref: k.ref, status: k.status },
      titles: titles.get(k.id) ?? [],
      date: k.signed_on ?? k.announced_on,
      territoryLabel: s ? territoryLabel(s.t) : null,
      mediaLabel: s ? mediaLabel(s.m) : null,
      notReviewed: (sources.get(`contracts:${k.id}`) ?? []).some((l) => !l.reviewed),
      // money only for those allowed to see it: the key is not even there for the others
      ...(actor.canSeeFinancials
        ? { mg: k.mg_amount !== null && k.mg_currency ? formatMoney(Number(k.mg_amount), k.mg_currency) : null }
        : {}),
    };
  };
  const byDate = <T extends { date: string | null; contract: { ref: string } }>(a: T, b: T) =>
    (b.date ?? '').localeCompare(a.date ?? '') || a.contract.ref.localeCompare(b.contract.ref);
  return {
    withUs: contracts
      .filter((k) => k.direction === 'out')
      .map(deal)
      .sort(byDate),
    fromOthers: contracts
      .filter((k) => k.direction === 'third-party')
      .map((k) => ({
        ...deal(k),
        seller: k.lor_id ? { id: k.lor_id, name: k.lor_name ?? '' } : null,
        sources: [
          ...new Set(
            (sources.get(`contracts:${k.id}`) ?? []).map(
              (s) => [s.source.outlet, s.source.title ?? s.source.publishedOn].filter(Boolean).join(': ') || s.source.kind,
            ),
          ),
        ],
      }))
      .sort(byDate),
  };
}
