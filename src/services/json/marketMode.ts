/**
 * Market mode in the JSON format (docs/json-format.md, "markets" and "offers"): the rows the
 * export reads (interchange/json/marketMode.ts builds the sections from them). An offer's money
 * (MG, payment schedule) is read only for users with the financial-terms permission.
 */
import type { Kysely } from 'kysely';
import type { MarketModeRows } from '../../interchange/json/marketMode.js';
import type { Database } from '../../store/index.js';

export async function marketModeRows(db: Kysely<Database>, money: boolean): Promise<MarketModeRows> {
  const versions = await db.selectFrom('offer_versions').selectAll().execute();
  const tasks = await db.selectFrom('market_tasks').selectAll().execute();
  const screeningPeople = await db.selectFrom('screening_people').selectAll().execute();
  const meetingPeople = await db.selectFrom('meeting_people').selectAll().execute();
  const userIds = [
    ...new Set([...tasks.map((t) => t.owner_id), ...[...screeningPeople, ...meetingPeople].flatMap((p) => (p.user_id ? [p.user_id] : []))]),
  ];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'username']).where('id', 'in', userIds).execute() : [];
  return {
    markets: await db.selectFrom('markets').selectAll().execute(),
    lineup: await db.selectFrom('market_lineup').selectAll().execute(),
    screenings: await db.selectFrom('market_screenings').selectAll().execute(),
    screeningBuyers: await db.selectFrom('screening_buyers').selectAll().execute(),
    screeningPeople,
    meetings: await db.selectFrom('market_meetings').selectAll().execute(),
    meetingPeople,
    meetingTitles: await db.selectFrom('meeting_titles').selectAll().execute(),
    tasks,
    offers: await db.selectFrom('offers').selectAll().execute(),
    versions: money ? versions : versions.map((v) => ({ ...v, mg_amount: null, mg_currency: null, payment_schedule: null })),
    events: await db.selectFrom('offer_events').selectAll().execute(),
    holdExpiries: await db.selectFrom('hold_expiries').selectAll().execute(),
    usernames: new Map(users.map((u) => [u.id, u.username])),
    money,
  };
}
