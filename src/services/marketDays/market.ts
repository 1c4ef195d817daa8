/**
 * The market side of a festival edition (docs/market-days.md): the market itself (name, dates,
 * IANA time zone) and our line-up there. Viewers read; editors and admins write, each write one
 * transaction with its audit entry.
 */
import type { Kysely } from 'kysely';
import { isCalendarDate } from '../../domain/dates.js';
import { invalid } from '../../domain/errors.js';
import { isTimeZone } from '../../domain/marketTime.js';
import type { LineupInput, MarketInput, MarketPatch, MarketView } from '../../contract/marketDays.js';
import { isUniqueViolation, newId, type Database } from '../../store/index.js';
import { requireWriter } from '../access.js';
import type { Actor, FilmRights } from '../app.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';

export const LINEUP_WORDS = ['completed', 'post-production', 'pre-sale', 'in-development'] as const;
const MAX_MARKET_DAYS = 31;

export interface MarketRow {
  id: string;
  edition_id: string;
  name: string;
  time_zone: string;
  start_date: string;
  end_date: string;
}

export function checkZone(zone: unknown, field = 'timeZone'): string {
  if (!isTimeZone(zone))
    throw invalid(field, zone, `${field}: "${String(zone)}" is not an IANA time zone (e.g. Europe/Paris, America/Los_Angeles)`);
  // As the zone database spells it ("europe/paris" → "Europe/Paris").
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

function checkDates(start: string, end: string): void {
  if (!isCalendarDate(start)) throw invalid('start', start, `start: "${start}" is not a date as YYYY-MM-DD`);
  if (!isCalendarDate(end)) throw invalid('end', end, `end: "${end}" is not a date as YYYY-MM-DD`);
  if (end < start) throw invalid('end', end, `end: the market ends (${end}) before it starts (${start})`);
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  if (days > MAX_MARKET_DAYS) throw invalid('end', end, `end: a market of ${days} days; at most ${MAX_MARKET_DAYS}`);
}

function checkName(value: unknown): string {
  const n = typeof value === 'string' ? value.trim() : '';
  if (!n) throw invalid('name', value, 'name: name the market (Marché du Film, EFM, AFM...)');
  return n;
}

export async function marketRow(db: Kysely<Database>, id: string): Promise<MarketRow> {
  const m = await db
    .selectFrom('markets')
    .select(['id', 'edition_id', 'name', 'time_zone', 'start_date', 'end_date'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!m) throw new NotFoundError('market', id);
  return m;
}

export async function createMarket(app: FilmRights, actor: Actor, input: MarketInput): Promise<MarketView> {
  requireWriter(actor);
  const row = {
    id: newId(),
    edition_id: input.editionId,
    name: checkName(input.name),
    time_zone: checkZone(input.timeZone),
    start_date: input.start,
    end_date: input.end,
  };
  checkDates(row.start_date, row.end_date);
  await app.store.transaction(async (trx) => {
    const e = await trx.selectFrom('festival_editions').select('id').where('id', '=', input.editionId).executeTakeFirst();
    if (!e) throw new NotFoundError('festival edition', input.editionId);
    const existing = await trx.selectFrom('markets').select('id').where('edition_id', '=', input.editionId).executeTakeFirst();
    if (existing)
      throw invalid('editionId', input.editionId, `editionId: this edition already has its market (${existing.id}); change that one`);
    await trx
      .insertInto('markets')
      .values(row)
      .execute()
      .catch((e: unknown) => {
        if (isUniqueViolation(e))
          throw invalid('editionId', input.editionId, 'editionId: this edition got its market at the same moment; change that one');
        throw e;
      });
    await audit(trx, actor, { action: 'create', entity: 'markets', entityId: row.id, before: null, after: row });
  });
  return getMarket(app, actor, row.id);
}

export async function updateMarket(app: FilmRights, actor: Actor, id: string, patch: MarketPatch): Promise<MarketView> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await marketRow(trx, id);
    const after = {
      ...before,
      name: patch.name === undefined ? before.name : checkName(patch.name),
      time_zone: patch.timeZone === undefined ? before.time_zone : checkZone(patch.timeZone),
      start_date: patch.start ?? before.start_date,
      end_date: patch.end ?? before.end_date,
    };
    checkDates(after.start_date, after.end_date);
    await trx
      .updateTable('markets')
      .set({ name: after.name, time_zone: after.time_zone, start_date: after.start_date, end_date: after.end_date })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, { action: 'update', entity: 'markets', entityId: id, before, after });
  });
  return getMarket(app, actor, id);
}

/** The market of an edition, or null when it has none. */
export async function marketOfEdition(app: FilmRights, actor: Actor, editionId: string): Promise<MarketView | null> {
  const m = await app.store.db.selectFrom('markets').select('id').where('edition_id', '=', editionId).executeTakeFirst();
  return m ? getMarket(app, actor, m.id) : null;
}

export async function listMarkets(
  app: FilmRights,
): Promise<Array<{ id: string; name: string; editionId: string; start: string; end: string }>> {
  const rows = await app.store.db
    .selectFrom('markets')
    .select(['id', 'name', 'edition_id', 'start_date', 'end_date'])
    .orderBy('start_date', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, editionId: r.edition_id, start: r.start_date, end: r.end_date }));
}

export async function getMarket(app: FilmRights, _actor: Actor, id: string): Promise<MarketView> {
  const db = app.store.db;
  const m = await marketRow(db, id);
  const e = await db
    .selectFrom('festival_editions as e')
    .innerJoin('festivals as f', 'f.id', 'e.festival_id')
    .select(['e.year', 'f.id', 'f.name'])
    .where('e.id', '=', m.edition_id)
    .executeTakeFirstOrThrow();
  const lineup = await db
    .selectFrom('market_lineup as l')
    .innerJoin('titles as t', 't.id', 'l.title_id')
    .select(['l.title_id', 'l.status', 'l.position', 'l.logline', 't.original_title', 't.english_title', 't.year'])
    .where('l.market_id', '=', id)
    .orderBy('l.position')
    .execute();
  return {
    id: m.id,
    editionId: m.edition_id,
    festival: { id: e.id, name: e.name },
    year: e.year,
    name: m.name,
    timeZone: m.time_zone,
    start: m.start_date,
    end: m.end_date,
    lineup: lineup.map((l) => ({
      title: { id: l.title_id, name: l.english_title ?? l.original_title, year: l.year },
      status: l.status,
      position: l.position,
      logline: l.logline,
    })),
  };
}

/** Sets the whole line-up, in the order given. */
export async function setLineup(app: FilmRights, actor: Actor, id: string, input: LineupInput): Promise<MarketView> {
  requireWriter(actor);
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    if (seen.has(e.titleId))
      throw invalid(`entries[${i}].titleId`, e.titleId, `entries[${i}].titleId: the title is already in the line-up`);
    seen.add(e.titleId);
    if (!(LINEUP_WORDS as readonly string[]).includes(e.status))
      throw invalid(`entries[${i}].status`, e.status, `entries[${i}].status: one of ${LINEUP_WORDS.join(', ')}`);
  });
  await app.store.transaction(async (trx) => {
    await marketRow(trx, id);
    const known = new Set(
      input.entries.length
        ? (
            await trx
              .selectFrom('titles')
              .select('id')
              .where(
                'id',
                'in',
                input.entries.map((e) => e.titleId),
              )
              .execute()
          ).map((t) => t.id)
        : [],
    );
    input.entries.forEach((e, i) => {
      if (!known.has(e.titleId)) throw invalid(`entries[${i}].titleId`, e.titleId, `entries[${i}].titleId: no title "${e.titleId}"`);
    });
    const before = await trx.selectFrom('market_lineup').selectAll().where('market_id', '=', id).orderBy('position').execute();
    await trx.deleteFrom('market_lineup').where('market_id', '=', id).execute();
    const rows = input.entries.map((e, i) => ({
      market_id: id,
      title_id: e.titleId,
      status: e.status,
      position: i,
      logline: e.logline?.trim() || null,
    }));
    if (rows.length) await trx.insertInto('market_lineup').values(rows).execute();
    await audit(trx, actor, { action: 'update', entity: 'market_lineup', entityId: id, before, after: rows });
  });
  return getMarket(app, actor, id);
}

/** Our team as the schedule names it: every enabled user (id and username), for picking who goes to a meeting. */
export async function marketTeam(app: FilmRights): Promise<Array<{ id: string; name: string }>> {
  const rows = await app.store.db.selectFrom('users').select(['id', 'username']).where('disabled', '=', 0).orderBy('username').execute();
  return rows.map((r) => ({ id: r.id, name: r.username }));
}
