/**
 * Reading offers: the list (filtered by status, buyer, title, market), one offer with every
 * version and status change, and the diff between two versions. Money only for users with the
 * financial-terms permission (visibleTo strips it everywhere, the diff leaves it out).
 */
import type { Kysely } from 'kysely';
import { diffOffer, OFFER_TRANSITIONS, type OfferStatus, type OfferTerms, type PaymentStep } from '../../domain/offers.js';
import { parseJson, type Database } from '../../store/index.js';
import type { OfferDiff, OfferEvent, OfferListParams, OfferSummary, OfferVersion, OfferView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { visibleTo } from '../access.js';
import { NotFoundError } from '../errors.js';
import { DomainError } from '../../domain/errors.js';
import { labelsOf, moneyOf, parsedOf } from './terms.js';

export interface StoredVersion {
  version: number;
  terms: OfferTerms;
  mg: OfferVersion['mg'];
  paymentSchedule: PaymentStep[] | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

function offerQuery(db: Kysely<Database>) {
  return db
    .selectFrom('offers as o')
    .innerJoin('companies as b', 'b.id', 'o.buyer_id')
    .leftJoin('festival_editions as e', 'e.id', 'o.edition_id')
    .leftJoin('festivals as f', 'f.id', 'e.festival_id')
    .leftJoin('contracts as c', 'c.id', 'o.contract_id')
    .leftJoin('hold_expiries as hx', 'hx.contract_id', 'o.contract_id')
    .innerJoin('offer_versions as v', (j) => j.onRef('v.offer_id', '=', 'o.id').onRef('v.version', '=', 'o.current_version'))
    .select([
      'o.id',
      'o.ref',
      'o.buyer_id',
      'b.name as buyer_name',
      'o.edition_id',
      'f.name as festival_name',
      'e.year as edition_year',
      'o.status',
      'o.current_version',
      'o.contract_id',
      'c.ref as contract_ref',
      'c.status as contract_status',
      'hx.expires_on',
      'o.created_by',
      'o.created_at',
      'o.updated_at',
      'v.terms',
      'v.mg_amount',
      'v.mg_currency',
    ]);
}
type OfferRow = Awaited<ReturnType<ReturnType<typeof offerQuery>['executeTakeFirstOrThrow']>>;

function summaryOf(app: FilmRights, r: OfferRow): OfferSummary {
  const terms = parseJson(r.terms) as OfferTerms;
  const labels = labelsOf(parsedOf(terms));
  return {
    id: r.id,
    ref: r.ref,
    buyer: { id: r.buyer_id, name: r.buyer_name },
    market: r.edition_id ? { id: r.edition_id, name: `${r.festival_name ?? 'Market'} ${r.edition_year ?? ''}`.trim() } : null,
    status: r.status,
    version: r.current_version,
    titles: terms.titleIds.map((id) => ({ id, name: app.titleName(id) })),
    ...labels,
    start: terms.start,
    end: terms.end,
    exclusive: terms.exclusive,
    mg: moneyOf(r.mg_amount, r.mg_currency),
    contract: r.contract_id ? { id: r.contract_id, ref: r.contract_ref ?? '', status: r.contract_status ?? '' } : null,
    holdExpiresOn: r.contract_status === 'negotiating' ? (r.expires_on ?? null) : null,
    updatedAt: r.updated_at,
  };
}

export async function listOffers(
  app: FilmRights,
  actor: Actor,
  params: OfferListParams = {},
): Promise<{ items: OfferSummary[]; total: number }> {
  let q = offerQuery(app.store.db);
  if (params.status) q = q.where('o.status', '=', params.status);
  if (params.buyer) q = q.where('o.buyer_id', '=', params.buyer);
  if (params.market) q = q.where('o.edition_id', '=', params.market);
  if (params.title)
    q = q.where('o.id', 'in', app.store.db.selectFrom('offer_titles').select('offer_id').where('title_id', '=', params.title));
  const rows = await q.orderBy('o.updated_at', 'desc').orderBy('o.ref').execute();
  await app.ensureTitleNames([...new Set(rows.flatMap((r) => (parseJson(r.terms) as OfferTerms).titleIds))]);
  const items = rows.map((r) => summaryOf(app, r));
  return visibleTo(actor, { items, total: items.length });
}

/** Open offers (other than `except`) naming any of these titles: the candidates for competition. */
export async function openOffersOf(
  app: FilmRights,
  titleIds: readonly string[],
  except?: string,
): Promise<Array<OfferSummary & { terms: OfferTerms }>> {
  if (!titleIds.length) return [];
  let q = offerQuery(app.store.db)
    .where('o.status', 'in', ['new', 'in-negotiation', 'accepted', 'on-signature'])
    .where(
      'o.id',
      'in',
      app.store.db
        .selectFrom('offer_titles')
        .select('offer_id')
        .where('title_id', 'in', [...titleIds]),
    );
  if (except) q = q.where('o.id', '!=', except);
  const rows = await q.orderBy('o.ref').execute();
  return rows.map((r) => ({ ...summaryOf(app, r), terms: parseJson(r.terms) as OfferTerms }));
}

export async function readVersions(db: Kysely<Database>, offerId: string): Promise<StoredVersion[]> {
  const rows = await db.selectFrom('offer_versions').selectAll().where('offer_id', '=', offerId).orderBy('version').execute();
  return rows.map((v) => ({
    version: v.version,
    terms: parseJson(v.terms) as OfferTerms,
    mg: moneyOf(v.mg_amount, v.mg_currency),
    paymentSchedule: v.payment_schedule === null ? null : (parseJson(v.payment_schedule) as PaymentStep[]),
    note: v.note,
    createdBy: v.created_by,
    createdAt: v.created_at,
  }));
}

function versionView(app: FilmRights, v: StoredVersion): OfferVersion {
  return {
    version: v.version,
    ...v.terms,
    titles: v.terms.titleIds.map((id) => ({ id, name: app.titleName(id) })),
    ...labelsOf(parsedOf(v.terms)),
    mg: v.mg,
    paymentSchedule: v.paymentSchedule,
    note: v.note,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
  };
}

/** The offer's record as the audit log keeps it (money included; the log's readers strip it). */
export async function offerRecord(db: Kysely<Database>, id: string): Promise<Record<string, unknown> | null> {
  const o = await db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) return null;
  const v = (await readVersions(db, id)).find((x) => x.version === o.current_version);
  return { ...o, terms: v?.terms ?? null, mg: v?.mg ?? null, paymentSchedule: v?.paymentSchedule ?? null };
}

export async function readOfferRow(db: Kysely<Database>, id: string): Promise<OfferRow> {
  const r = await offerQuery(db).where('o.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('offer', id);
  return r;
}

/** One offer, every version and status change, the moves it may make now (competing offers are added by the caller). */
export async function offerView(app: FilmRights, actor: Actor, id: string, competing: OfferView['competing'] = []): Promise<OfferView> {
  const db = app.store.db;
  const r = await readOfferRow(db, id);
  const versions = await readVersions(db, id);
  await app.ensureTitleNames([...new Set(versions.flatMap((v) => v.terms.titleIds))]);
  const events = await db.selectFrom('offer_events').selectAll().where('offer_id', '=', id).orderBy('seq').execute();
  const views = versions.map((v) => versionView(app, v));
  const view: OfferView = {
    ...summaryOf(app, r),
    current: views.find((v) => v.version === r.current_version)!,
    versions: views,
    events: events.map((e): OfferEvent => ({
      seq: e.seq,
      from: e.from_status,
      to: e.to_status,
      version: e.version,
      by: e.username,
      at: e.at,
      note: e.note,
    })),
    next: [...OFFER_TRANSITIONS[r.status as OfferStatus]],
    competing,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
  return visibleTo(actor, view);
}

/** What changed from one version to another, field by field; money only for those allowed to see it. */
export async function diffVersions(app: FilmRights, actor: Actor, id: string, from: number, to: number): Promise<OfferDiff> {
  await readOfferRow(app.store.db, id);
  const versions = await readVersions(app.store.db, id);
  const pick = (n: number, field: string) => {
    const v = versions.find((x) => x.version === n);
    if (!v) throw new DomainError('invalid', field, n, `${field}: the offer has no version ${n} (it has 1 to ${versions.length})`);
    return { ...v.terms, mg: v.mg, paymentSchedule: v.paymentSchedule };
  };
  const a = pick(from, 'from');
  const b = pick(to, 'to');
  return { from, to, changes: diffOffer(a, b, { financial: actor.canSeeFinancials }) };
}
