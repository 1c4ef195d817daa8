/**
 * The market record: releases (a title opening in a territory, with how
 * precise the date is: "November 2020" is month precision), box office
 * grosses (money in minor units, shown as Money strings), and the home page
 * of a day's work: holds, rights expiring soon, recent deals, facts to review.
 */
import { recordRightsChange } from './changeFeed.js';
import { titleAndBelow } from './engineBlocks.js';
import type { Kysely } from 'kysely';
import { DomainError, invalid } from '../domain/errors.js';
import { territoryLabel, territorySetFromCodes } from '../domain/territories.js';
import {
  DATE_PRECISIONS,
  flag,
  isIsoDate,
  newId,
  parseJson,
  type ContractDirection,
  type ContractStatus,
  type Database,
  type DatePrecision,
  formatReleaseDate,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter, visibleTo } from './access.js';
import { audit } from './audit.js';
import { dateLabel, mustExist } from './catalog.js';
import { NotFoundError } from './errors.js';
import { addDaysIso, countryCode, daysBetween, optionalBool, optionalIsoDate, optionalOneOf, requiredText, todayIso } from './lookup.js';
import { formatMoney, parseMoney, type Money } from './money.js';
import { contractTitles } from './people.js';
import { notReviewedOf } from './provenance.js';
import { deleteRow } from './rows.js';
import type { ReleaseInput, BoxOfficeInput } from '../contract/index.js';
export type { ReleaseInput, BoxOfficeInput } from '../contract/index.js';

type Named = { id: string; name: string };
type Field = (name: string) => string;
const plain: Field = (n) => n;

// ------------------------------------------------------------------ releases

export interface CheckedRelease {
  territory: string;
  release_date: string | null;
  date_precision: DatePrecision;
  kind: string;
}

/** Reads a release date as people give it: a day, a month ("2020-11") or a year ("2020"). */
export function parseReleaseDate(value: unknown, precision: unknown, f: Field = plain): { date: string | null; precision: DatePrecision } {
  const explicit = optionalOneOf(precision, DATE_PRECISIONS, f('precision'));
  if (value === undefined || value === null || value === '') return { date: null, precision: explicit ?? 'day' };
  if (typeof value !== 'string') throw invalid(f('date'), value, `${f('date')}: expected a date as YYYY-MM-DD, YYYY-MM or YYYY`);
  const v = value.trim();
  let date: string;
  let implied: DatePrecision;
  if (/^\d{4}$/.test(v)) [date, implied] = [`${v}-01-01`, 'year'];
  else if (/^\d{4}-\d{2}$/.test(v)) [date, implied] = [`${v}-01`, 'month'];
  else [date, implied] = [v, 'day'];
  if (!isIsoDate(date)) throw invalid(f('date'), value, `${f('date')}: "${value}" is not a date as YYYY-MM-DD, YYYY-MM or YYYY`);
  const p = explicit ?? implied;
  // Stored as the first day of the month or year it stands for.
  if (p === 'month') date = `${date.slice(0, 7)}-01`;
  if (p === 'year') date = `${date.slice(0, 4)}-01-01`;
  if (implied !== 'day' && explicit === 'day') throw invalid(f('precision'), precision, `${f('precision')}: "${value}" is not a whole day`);
  if (implied === 'year' && explicit === 'month') throw invalid(f('precision'), precision, `${f('precision')}: "${value}" names no month`);
  return { date, precision: p };
}

/** The date as the interchange format writes it back: "2020-11" for month precision, "2020" for year precision. */
export { formatReleaseDate };

export function checkRelease(input: Omit<ReleaseInput, 'titleId' | 'distributorId'>, f: Field = plain): CheckedRelease {
  const { date, precision } = parseReleaseDate(input.date, input.precision, f);
  return {
    territory: countryCode(input.territory, f('territory')),
    release_date: date,
    date_precision: precision,
    kind: input.kind === undefined || input.kind === null ? 'theatrical' : requiredText(input.kind, f('kind')),
  };
}

export async function insertRelease(
  trx: Kysely<Database>,
  actor: Actor,
  titleId: string,
  distributorId: string | null,
  c: CheckedRelease,
): Promise<string> {
  const row = { id: newId(), title_id: titleId, distributor_id: distributorId, ...c };
  await trx.insertInto('releases').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'releases', entityId: row.id, before: null, after: row });
  // windows that follow the title's releases (and its seasons' and episodes') are resolved again, in this transaction's change feed entry
  await recordRightsChange(trx, await titleAndBelow(trx, titleId));
  return row.id;
}

export async function createRelease(app: FilmRights, actor: Actor, input: ReleaseInput): Promise<ReleaseView> {
  requireWriter(actor);
  const c = checkRelease(input);
  const id = await app.store.transaction(async (trx) => {
    await mustExist(trx, 'titles', input.titleId, 'titleId');
    if (input.distributorId) await mustExist(trx, 'companies', input.distributorId, 'distributorId');
    return insertRelease(trx, actor, input.titleId, input.distributorId ?? null, c);
  });
  await app.refreshTitles(await titleAndBelow(app.store.db, input.titleId));
  return (await listReleases(app, { id }))[0];
}

export interface ReleaseView {
  id: string;
  title: Named;
  territory: string;
  date: string | null;
  precision: DatePrecision;
  dateLabel: string | null;
  distributor: Named | null;
  kind: string;
}

export async function listReleases(app: FilmRights, params: { titleId?: string; id?: string } = {}): Promise<ReleaseView[]> {
  let q = app.store.db
    .selectFrom('releases as r')
    .innerJoin('titles as t', 't.id', 'r.title_id')
    .leftJoin('companies as c', 'c.id', 'r.distributor_id')
    .select([
      'r.id',
      'r.territory',
      'r.release_date',
      'r.date_precision',
      'r.kind',
      't.id as title_id',
      't.original_title',
      't.english_title',
      'c.id as distributor_id',
      'c.name as distributor_name',
    ])
    .orderBy('r.release_date')
    .orderBy('r.territory');
  if (params.titleId) q = q.where('r.title_id', '=', params.titleId);
  if (params.id) q = q.where('r.id', '=', params.id);
  return (await q.execute()).map((r) => ({
    id: r.id,
    title: { id: r.title_id, name: r.english_title ?? r.original_title },
    territory: r.territory,
    date: r.release_date,
    precision: r.date_precision,
    dateLabel: dateLabel(r.release_date, r.date_precision),
    distributor: r.distributor_id ? { id: r.distributor_id, name: r.distributor_name ?? '' } : null,
    kind: r.kind,
  }));
}

export async function deleteRelease(app: FilmRights, actor: Actor, id: string) {
  return deleteRow(app, actor, 'releases', id);
}

/** Changes a release (absent means unchanged): territory, date and its precision, distributor, kind. */
export async function updateRelease(
  app: FilmRights,
  actor: Actor,
  id: string,
  patch: Partial<Omit<ReleaseInput, 'titleId'>>,
): Promise<ReleaseView> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  const titleId = await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('release', id);
    // a new date without a precision takes the precision it is written with ("2020-11": month)
    const c = checkRelease({
      territory: patch.territory === undefined ? before.territory : patch.territory,
      date: patch.date === undefined ? formatReleaseDate(before.release_date, before.date_precision) : patch.date,
      precision: patch.precision === undefined ? (patch.date === undefined ? before.date_precision : undefined) : patch.precision,
      kind: patch.kind === undefined ? before.kind : patch.kind,
    });
    const distributorId = patch.distributorId === undefined ? before.distributor_id : patch.distributorId || null;
    if (distributorId) await mustExist(trx, 'companies', distributorId, 'distributorId');
    const row = { ...c, distributor_id: distributorId };
    await trx.updateTable('releases').set(row).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'releases', entityId: id, before, after: { ...before, ...row } });
    await recordRightsChange(trx, await titleAndBelow(trx, before.title_id));
    return before.title_id;
  });
  await app.refreshTitles(await titleAndBelow(app.store.db, titleId));
  return (await listReleases(app, { id }))[0];
}

// ------------------------------------------------------------------ box office

/** parseMoney for an amount and a currency that are fields of their own (named `amount` and `currency` through `f`). */
function moneyFields(amount: unknown, currency: unknown, f: Field): { minor: number; currency: string } {
  try {
    return parseMoney({ amount, currency }, 'money');
  } catch (e) {
    if (e instanceof DomainError && e.field.startsWith('money.')) {
      const name = e.field.slice('money.'.length);
      throw new DomainError(e.code, f(name), e.value, e.message.replace(/^money\.\w+/, f(name)), e.suggestions);
    }
    throw e;
  }
}

export interface CheckedBoxOffice {
  territory: string | null;
  amount: number;
  currency: string;
  period_start: string | null;
  period_end: string | null;
  as_of: string | null;
  is_cumulative: 0 | 1;
}

export function checkBoxOffice(input: Omit<BoxOfficeInput, 'titleId'>, f: Field = plain): CheckedBoxOffice {
  const worldwide =
    input.territory === undefined ||
    input.territory === null ||
    input.territory === '' ||
    /^(worldwide|world|ww)$/i.test(String(input.territory).trim());
  const money = moneyFields(input.amount, input.currency, f);
  if (money.minor < 0) throw invalid(f('amount'), input.amount, `${f('amount')}: a gross cannot be negative`);
  const start = optionalIsoDate(input.periodStart, f('periodStart'));
  const end = optionalIsoDate(input.periodEnd, f('periodEnd'));
  if (start && end && end < start) throw invalid(f('periodEnd'), end, `${f('periodEnd')}: ${end} is before the period start ${start}`);
  return {
    territory: worldwide ? null : countryCode(input.territory, f('territory')),
    amount: money.minor,
    currency: money.currency,
    period_start: start,
    period_end: end,
    as_of: optionalIsoDate(input.asOf, f('asOf')),
    is_cumulative: flag(optionalBool(input.cumulative, f('cumulative')) ?? true),
  };
}

export async function insertBoxOffice(trx: Kysely<Database>, actor: Actor, titleId: string, c: CheckedBoxOffice): Promise<string> {
  const row = { id: newId(), title_id: titleId, ...c };
  await trx.insertInto('box_office').values(row).execute();
  await audit(trx, actor, { action: 'create', entity: 'box_office', entityId: row.id, before: null, after: row });
  return row.id;
}

export interface BoxOfficeView {
  id: string;
  title: Named;
  territory: string | null;
  /** Public record: shown to everyone (docs/security.md). */
  gross: Money;
  periodStart: string | null;
  periodEnd: string | null;
  asOf: string | null;
  cumulative: boolean;
}

export async function createBoxOffice(app: FilmRights, actor: Actor, input: BoxOfficeInput): Promise<BoxOfficeView> {
  requireWriter(actor);
  const c = checkBoxOffice(input);
  const id = await app.store.transaction(async (trx) => {
    await mustExist(trx, 'titles', input.titleId, 'titleId');
    return insertBoxOffice(trx, actor, input.titleId, c);
  });
  return (await listBoxOffice(app, actor, { id }))[0];
}

export async function listBoxOffice(
  app: FilmRights,
  actor: Actor,
  params: { titleId?: string; id?: string } = {},
): Promise<BoxOfficeView[]> {
  let q = app.store.db
    .selectFrom('box_office as b')
    .innerJoin('titles as t', 't.id', 'b.title_id')
    .select([
      'b.id',
      'b.territory',
      'b.amount',
      'b.currency',
      'b.period_start',
      'b.period_end',
      'b.as_of',
      'b.is_cumulative',
      't.id as title_id',
      't.original_title',
      't.english_title',
    ])
    .orderBy('t.original_title')
    .orderBy('b.territory')
    .orderBy('b.as_of');
  if (params.titleId) q = q.where('b.title_id', '=', params.titleId);
  if (params.id) q = q.where('b.id', '=', params.id);
  return (await q.execute()).map((b) => ({
    id: b.id,
    title: { id: b.title_id, name: b.english_title ?? b.original_title },
    territory: b.territory,
    // grosses are public record (the trade press prints them); only deal terms are confidential
    gross: formatMoney(Number(b.amount), b.currency),
    periodStart: b.period_start,
    periodEnd: b.period_end,
    asOf: b.as_of,
    cumulative: b.is_cumulative === 1,
  }));
}

export async function deleteBoxOffice(app: FilmRights, actor: Actor, id: string) {
  return deleteRow(app, actor, 'box_office', id);
}

/** Changes a box-office figure (absent means unchanged). */
export async function updateBoxOffice(
  app: FilmRights,
  actor: Actor,
  id: string,
  patch: Partial<Omit<BoxOfficeInput, 'titleId'>>,
): Promise<BoxOfficeView> {
  requireWriter(actor);
  if (typeof patch !== 'object' || patch === null) throw invalid('body', patch, 'body: expected the fields to change');
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('box_office').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('box-office figure', id);
    const money = formatMoney(Number(before.amount), before.currency);
    const c = checkBoxOffice({
      territory: patch.territory === undefined ? before.territory : patch.territory,
      amount: patch.amount === undefined ? money.amount : patch.amount,
      currency: patch.currency === undefined ? before.currency : patch.currency,
      periodStart: patch.periodStart === undefined ? before.period_start : patch.periodStart,
      periodEnd: patch.periodEnd === undefined ? before.period_end : patch.periodEnd,
      asOf: patch.asOf === undefined ? before.as_of : patch.asOf,
      cumulative: patch.cumulative === undefined ? before.is_cumulative === 1 : patch.cumulative,
    });
    await trx.updateTable('box_office').set(c).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'box_office', entityId: id, before, after: { ...before, ...c } });
  });
  return (await listBoxOffice(app, actor, { id }))[0];
}

// ------------------------------------------------------------------ home

export interface HomeContract {
  id: string;
  ref: string;
  direction: ContractDirection;
  status: ContractStatus;
  licensor: Named | null;
  licensee: Named | null;
  titles: Named[];
  signedOn: string | null;
  announcedOn: string | null;
  createdAt: string;
  /** Read from a source nobody has reviewed yet. */
  notReviewed: boolean;
}

export interface Home {
  /** Deals in negotiation (soft holds on rights) and how long they have been open. */
  holds: Array<{ contract: HomeContract; ageDays: number }>;
  /** Rights ending within the next 90 days (active deals). */
  expiring: Array<{ contract: HomeContract; title: Named; territoryLabel: string; end: string; daysLeft: number }>;
  recentlySigned: HomeContract[];
  /** How many fact sources wait for a person's review. */
  factsToReview: number;
  /** Facts read from articles that wait in Articles for a person to accept or reject them. */
  articleFactsPending: number;
  /** The oldest of them, to start with. */
  reviewQueue: Array<{
    id: string;
    factTable: string;
    factId: string;
    quote: string | null;
    source: { id: string; outlet: string | null; publishedOn: string | null };
  }>;
}

export const EXPIRING_WITHIN_DAYS = 90;

export async function home(app: FilmRights, actor: Actor, opts: { today?: string; recent?: number } = {}): Promise<Home> {
  const db = app.store.db;
  const today = opts.today ?? todayIso();
  if (!isIsoDate(today)) throw invalid('today', today, `today: "${today}" is not a date as YYYY-MM-DD`);
  const horizon = addDaysIso(today, EXPIRING_WITHIN_DAYS);

  const holdRows = await contractRows(db).where('c.status', '=', 'negotiating').orderBy('c.created_at').execute();
  const signedRows = await contractRows(db)
    .where('c.status', 'in', ['signed', 'announced'])
    .orderBy((eb) => eb.fn.coalesce('c.signed_on', 'c.announced_on', eb.fn('substr', ['c.created_at', eb.val(1), eb.val(10)])), 'desc')
    .orderBy('c.ref')
    .limit(opts.recent ?? 10)
    .execute();
  const expiringBlocks = await db
    .selectFrom('rights_blocks as b')
    .innerJoin('contracts as c', 'c.id', 'b.contract_id')
    .innerJoin('titles as t', 't.id', 'b.title_id')
    .select(['b.contract_id', 'b.territory_codes', 'b.end_date', 't.id as title_id', 't.original_title', 't.english_title'])
    .where('c.deleted_at', 'is', null)
    .where('c.status', 'in', ['signed', 'announced'])
    .where('b.end_date', '>=', today)
    .where('b.end_date', '<=', horizon)
    .orderBy('b.end_date')
    .orderBy('t.original_title')
    .execute();
  const expiringContracts = expiringBlocks.length
    ? await contractRows(db)
        .where('c.id', 'in', [...new Set(expiringBlocks.map((b) => b.contract_id))])
        .execute()
    : [];
  const all = [...holdRows, ...signedRows, ...expiringContracts];
  const ids = [...new Set(all.map((c) => c.id))];
  const [titles, notReviewed] = await Promise.all([contractTitles(db, ids), notReviewedOf(db, 'contracts', ids)]);
  const view = (c: (typeof all)[number]): HomeContract => ({
    id: c.id,
    ref: c.ref,
    direction: c.direction,
    status: c.status,
    licensor: c.licensor_id ? { id: c.licensor_id, name: c.licensor_name ?? '' } : null,
    licensee: c.licensee_id ? { id: c.licensee_id, name: c.licensee_name ?? '' } : null,
    titles: titles.get(c.id) ?? [],
    signedOn: c.signed_on,
    announcedOn: c.announced_on,
    createdAt: c.created_at,
    notReviewed: notReviewed.has(c.id),
  });
  const count = await db
    .selectFrom('fact_sources')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reviewed', '=', 0)
    .executeTakeFirstOrThrow();
  const articleFacts = await db
    .selectFrom('article_facts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const queue = await db
    .selectFrom('fact_sources as fs')
    .innerJoin('sources as s', 's.id', 'fs.source_id')
    .select(['fs.id', 'fs.fact_table', 'fs.fact_id', 'fs.quote', 's.id as source_id', 's.outlet', 's.published_on'])
    .where('fs.reviewed', '=', 0)
    .orderBy('s.published_on')
    .orderBy('fs.span_start')
    .orderBy('fs.id')
    .limit(20)
    .execute();
  // no deal terms on the home page ("recently signed" shows no MG); whatever it gains passes the financial filter
  return visibleTo(actor, {
    holds: holdRows.map((c) => ({ contract: view(c), ageDays: Math.max(0, daysBetween(c.created_at.slice(0, 10), today)) })),
    expiring: expiringBlocks.map((b) => ({
      contract: view(expiringContracts.find((c) => c.id === b.contract_id)!),
      title: { id: b.title_id, name: b.english_title ?? b.original_title },
      territoryLabel: territoryLabel(territorySetFromCodes(parseJson(b.territory_codes), 'territory_codes')),
      end: b.end_date!,
      daysLeft: daysBetween(today, b.end_date!),
    })),
    recentlySigned: signedRows.map(view),
    factsToReview: Number(count.n),
    articleFactsPending: Number(articleFacts.n),
    reviewQueue: queue.map((q) => ({
      id: q.id,
      factTable: q.fact_table,
      factId: q.fact_id,
      quote: q.quote,
      source: { id: q.source_id, outlet: q.outlet, publishedOn: q.published_on },
    })),
  });
}

function contractRows(db: Kysely<Database>) {
  return db
    .selectFrom('contracts as c')
    .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
    .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
    .select([
      'c.id',
      'c.ref',
      'c.direction',
      'c.status',
      'c.signed_on',
      'c.announced_on',
      'c.created_at',
      'lor.id as licensor_id',
      'lor.name as licensor_name',
      'lee.id as licensee_id',
      'lee.name as licensee_name',
    ])
    .where('c.deleted_at', 'is', null);
}
