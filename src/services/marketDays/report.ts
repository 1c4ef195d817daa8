/**
 * The market report (docs/market.md, "Market report"): meetings (count, by buyer), offers by
 * status, titles by interest (meetings discussing them, offers naming them), deals closed (the
 * market's signed offers) and MG totals by currency. The money (each deal's MG, the totals) is
 * left out, key and all, for users without the financial-terms permission: the page and the XLSX
 * are made from this one answer, so neither can show it.
 */
import { OFFER_STATUSES } from '../../domain/offers.js';
import { formatMoney } from '../../domain/money/amounts.js';
import { parseJson } from '../../store/index.js';
import type { MarketReportView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { marketRow } from './market.js';

const OPEN = new Set(['new', 'in-negotiation', 'accepted', 'on-signature']);

export async function marketReport(app: FilmRights, actor: Actor, marketId: string): Promise<MarketReportView> {
  const db = app.store.db;
  const m = await marketRow(db, marketId);
  const meetings = await db
    .selectFrom('market_meetings as mm')
    .innerJoin('companies as c', 'c.id', 'mm.company_id')
    .select(['mm.id', 'mm.company_id', 'c.name'])
    .where('mm.market_id', '=', m.id)
    .execute();
  const meetingTitles = meetings.length
    ? await db
        .selectFrom('meeting_titles')
        .select(['meeting_id', 'title_id'])
        .where(
          'meeting_id',
          'in',
          meetings.map((x) => x.id),
        )
        .execute()
    : [];
  const offers = await db
    .selectFrom('offers as o')
    .innerJoin('companies as c', 'c.id', 'o.buyer_id')
    .innerJoin('offer_versions as v', (j) => j.onRef('v.offer_id', '=', 'o.id').onRef('v.version', '=', 'o.current_version'))
    .leftJoin('contracts as k', 'k.id', 'o.contract_id')
    .select([
      'o.id',
      'o.ref',
      'o.status',
      'o.buyer_id',
      'c.name',
      'v.terms',
      'v.mg_amount',
      'v.mg_currency',
      'o.contract_id',
      'k.ref as contract_ref',
    ])
    .where('o.edition_id', '=', m.edition_id)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
  const titlesOf = new Map(offers.map((o) => [o.id, [...new Set((parseJson(o.terms) as { titleIds: string[] }).titleIds)]]));

  const byBuyer = new Map<string, { id: string; name: string; count: number }>();
  for (const x of meetings) {
    const b = byBuyer.get(x.company_id) ?? { id: x.company_id, name: x.name, count: 0 };
    b.count++;
    byBuyer.set(x.company_id, b);
  }
  const interest = new Map<string, { meetings: number; offers: number }>();
  const bump = (id: string, k: 'meetings' | 'offers') => {
    const e = interest.get(id) ?? { meetings: 0, offers: 0 };
    e[k]++;
    interest.set(id, e);
  };
  for (const t of meetingTitles) bump(t.title_id, 'meetings');
  for (const ids of titlesOf.values()) for (const id of ids) bump(id, 'offers');
  await app.ensureTitleNames([...interest.keys()]);

  const money = actor.canSeeFinancials;
  const totals = new Map<string, { signed: bigint; open: bigint }>();
  for (const o of offers) {
    if (o.mg_amount === null || o.mg_currency === null) continue;
    const t = totals.get(o.mg_currency) ?? { signed: 0n, open: 0n };
    if (o.status === 'signed') t.signed += BigInt(o.mg_amount);
    else if (OPEN.has(o.status)) t.open += BigInt(o.mg_amount);
    totals.set(o.mg_currency, t);
  }
  const amount = (minor: bigint, currency: string) => formatMoney(Number(minor), currency).amount;

  return {
    market: { id: m.id, name: m.name, start: m.start_date, end: m.end_date },
    meetings: {
      count: meetings.length,
      byBuyer: [...byBuyer.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    },
    offers: {
      count: offers.length,
      byStatus: OFFER_STATUSES.map((status) => ({ status, count: offers.filter((o) => o.status === status).length })).filter(
        (s) => s.count > 0,
      ),
    },
    titles: [...interest.entries()]
      .map(([id, e]) => ({ id, name: app.titleName(id), ...e }))
      .sort((a, b) => b.meetings + b.offers - (a.meetings + a.offers) || a.name.localeCompare(b.name)),
    deals: offers
      .filter((o) => o.status === 'signed')
      .map((o) => ({
        offer: { id: o.id, ref: o.ref },
        buyer: { id: o.buyer_id, name: o.name },
        titles: (titlesOf.get(o.id) ?? []).map((id) => ({ id, name: app.titleName(id) })),
        contract: o.contract_id ? { id: o.contract_id, ref: o.contract_ref ?? o.contract_id } : null,
        ...(money ? { mg: o.mg_amount === null || o.mg_currency === null ? null : formatMoney(Number(o.mg_amount), o.mg_currency) } : {}),
      })),
    ...(money
      ? {
          mgTotals: [...totals.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([currency, t]) => ({ currency, signed: amount(t.signed, currency), open: amount(t.open, currency) })),
        }
      : {}),
  };
}
