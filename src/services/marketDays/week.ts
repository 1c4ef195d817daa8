/**
 * Home in market week (docs/market.md, "Market week"): when today falls within a market's dates,
 * or the 7 days before, Home shows that market, today's meetings and screenings (the user's, or
 * everyone's) and the open offers that need an answer. The clock is a parameter (`now`), so tests
 * ask about any day without touching the process's time.
 */
import { localOf } from '../../domain/marketTime.js';
import { parseJson } from '../../store/index.js';
import type { MarketWeekView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { addDaysIso } from '../lookup.js';
import { readSchedule } from './schedule.js';

/** Days before a market starts when Home already shows it. */
export const MARKET_WEEK_LEAD_DAYS = 7;
/** An accepted offer needs an answer when its hold lapses within this many days. */
export const HOLD_SOON_DAYS = 7;

const ANSWER_WORDS = {
  new: 'new: answer the buyer',
  'in-negotiation': 'in negotiation: counter, accept or decline',
  'on-signature': 'on signature: get it signed',
} as const;

export async function marketWeek(app: FilmRights, actor: Actor, opts: { mine?: boolean; now?: number } = {}): Promise<MarketWeekView> {
  const now = opts.now ?? Date.now();
  const db = app.store.db;
  const today = new Date(now).toISOString().slice(0, 10);
  // The market on now, else the next within the lead days: a market in progress comes first.
  const candidates = await db
    .selectFrom('markets')
    .select(['id', 'edition_id', 'name', 'time_zone', 'start_date', 'end_date'])
    .where('end_date', '>=', addDaysIso(today, -1))
    .where('start_date', '<=', addDaysIso(today, MARKET_WEEK_LEAD_DAYS + 1))
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  const m = candidates.find((c) => {
    const local = localOf(c.time_zone, now).slice(0, 10);
    return local <= c.end_date && local >= addDaysIso(c.start_date, -MARKET_WEEK_LEAD_DAYS);
  });
  if (!m) return { today, market: null, items: [], offers: [] };
  const localToday = localOf(m.time_zone, now).slice(0, 10);

  const { meetings, screenings } = await readSchedule(db, m.id);
  const mineOnly = (people: Array<{ key: string }>) => !opts.mine || people.some((p) => p.key === `user:${actor.id}`);
  const items: MarketWeekView['items'] = [
    ...meetings
      .filter((x) => x.localStart.slice(0, 10) === localToday && mineOnly(x.people))
      .map((x) => ({
        kind: 'meeting' as const,
        id: x.id,
        start: x.start,
        startLocal: x.localStart,
        endLocal: x.localEnd,
        what: `Meeting with ${x.buyer.name}${x.titles.length ? ` (${x.titles.map((t) => t.name).join(', ')})` : ''}`,
        place: x.place,
      })),
    ...screenings
      .filter((x) => x.localStart.slice(0, 10) === localToday && mineOnly(x.people))
      .map((x) => ({
        kind: 'screening' as const,
        id: x.id,
        start: x.start,
        startLocal: x.localStart,
        endLocal: x.localEnd,
        what: `Screening of ${x.title.name}`,
        place: x.venue,
      })),
  ].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));

  const soon = addDaysIso(today, HOLD_SOON_DAYS);
  const rows = await db
    .selectFrom('offers as o')
    .innerJoin('companies as c', 'c.id', 'o.buyer_id')
    .innerJoin('offer_versions as v', (j) => j.onRef('v.offer_id', '=', 'o.id').onRef('v.version', '=', 'o.current_version'))
    .leftJoin('hold_expiries as hx', 'hx.contract_id', 'o.contract_id')
    .select(['o.id', 'o.ref', 'o.status', 'o.buyer_id', 'c.name', 'v.terms', 'hx.expires_on', 'o.updated_at'])
    .where((eb) =>
      eb.or([
        eb('o.status', 'in', ['new', 'in-negotiation', 'on-signature']),
        eb.and([eb('o.status', '=', 'accepted'), eb('hx.expires_on', '<=', soon)]),
      ]),
    )
    .orderBy('o.updated_at')
    .orderBy('o.id')
    .limit(100)
    .execute();
  const titleIds = rows.flatMap((r) => (parseJson(r.terms) as { titleIds: string[] }).titleIds);
  await app.ensureTitleNames(titleIds);
  const offers = rows
    .map((r) => ({
      id: r.id,
      ref: r.ref,
      buyer: { id: r.buyer_id, name: r.name },
      status: r.status,
      titles: (parseJson(r.terms) as { titleIds: string[] }).titleIds.map((id) => ({ id, name: app.titleName(id) })),
      holdExpiresOn: r.status === 'accepted' ? (r.expires_on ?? null) : null,
      why:
        r.status === 'accepted' ? `accepted: the hold lapses after ${r.expires_on}` : ANSWER_WORDS[r.status as keyof typeof ANSWER_WORDS],
    }))
    // holds about to lapse first, then the oldest waiting
    .sort((a, b) => (a.holdExpiresOn ?? '9999').localeCompare(b.holdExpiresOn ?? '9999'));
  return {
    today: localToday,
    market: { id: m.id, name: m.name, start: m.start_date, end: m.end_date, timeZone: m.time_zone, editionId: m.edition_id },
    items,
    offers,
  };
}
