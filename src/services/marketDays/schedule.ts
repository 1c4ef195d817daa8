/**
 * A market's schedule: our screenings (title, venue, invited buyers and who came, our people there)
 * and meetings (buyer, our people, titles discussed, notes, next step), entered in the market's
 * local time and kept as UTC instants; and the schedule as read, with its conflicts
 * (src/domain/marketConflicts.ts): the same one of our people in two places, a meeting during a
 * screening one of its people attends, the same buyer booked twice at once.
 */
import type { Kysely } from 'kysely';
import { invalid } from '../../domain/errors.js';
import { scheduleConflicts, type ScheduledItem } from '../../domain/marketConflicts.js';
import { instantOf, isoMinute, localOf, offsetAt, offsetText } from '../../domain/marketTime.js';
import type {
  ScheduleConflictView,
  MarketPersonView,
  MeetingInput,
  MeetingView,
  ScheduleQuery,
  ScheduleView,
  ScreeningInput,
  ScreeningView,
} from '../../contract/marketDays.js';
import { newId, type Database } from '../../store/index.js';
import { requireWriter } from '../access.js';
import type { Actor, FilmRights } from '../app.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { marketRow, type MarketRow } from './market.js';

const TEXT_MAX = 2_000;
const MINUTE = 60_000;

// ------------------------------------------------------------------ checks

function optionalText(value: unknown, field: string, max = TEXT_MAX): string | null {
  if (value == null) return null;
  if (typeof value !== 'string' || value.length > max) throw invalid(field, value, `${field}: text of at most ${max} characters`);
  return value.trim() || null;
}

/** The instant of a local time, and that it falls within the market's days (a day either side allowed). */
function checkedInstant(m: MarketRow, local: string, field: string, exact?: number): number {
  const at = exact ?? instantOf(local, m.time_zone, field);
  const day = local.slice(0, 10);
  const earliest = new Date(Date.parse(m.start_date) - 86_400_000).toISOString().slice(0, 10);
  const latest = new Date(Date.parse(m.end_date) + 86_400_000).toISOString().slice(0, 10);
  if (day < earliest || day > latest)
    throw invalid(field, local, `${field}: ${day} is outside the market (${m.start_date} to ${m.end_date}, a day either side allowed)`);
  return at;
}

/** Our people as keys, each checked to exist (a user or a person), without repeats. */
async function checkPeople(
  trx: Kysely<Database>,
  keys: readonly string[] | undefined,
): Promise<Array<{ user_id: string | null; person_id: string | null }>> {
  const out: Array<{ user_id: string | null; person_id: string | null }> = [];
  const seen = new Set<string>();
  for (const [i, key] of (keys ?? []).entries()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const [kind, id] = key.split(':', 2);
    const field = `people[${i}]`;
    if (kind === 'user') {
      const u = await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
      if (!u) throw invalid(field, key, `${field}: no user "${id}"`);
      out.push({ user_id: id, person_id: null });
    } else if (kind === 'person') {
      const p = await trx.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
      if (!p) throw invalid(field, key, `${field}: no person "${id}"`);
      out.push({ user_id: null, person_id: id });
    } else throw invalid(field, key, `${field}: "${key}" is neither user:ID nor person:ID`);
  }
  return out;
}

async function checkCompany(trx: Kysely<Database>, id: string, field: string): Promise<void> {
  const c = await trx.selectFrom('companies').select('id').where('id', '=', id).executeTakeFirst();
  if (!c) throw invalid(field, id, `${field}: no company "${id}"`);
}

async function checkTitle(trx: Kysely<Database>, id: string, field: string): Promise<void> {
  const t = await trx.selectFrom('titles').select('id').where('id', '=', id).executeTakeFirst();
  if (!t) throw invalid(field, id, `${field}: no title "${id}"`);
}

// ------------------------------------------------------------------ screenings

export async function saveScreening(
  app: FilmRights,
  actor: Actor,
  marketId: string,
  input: ScreeningInput,
  screeningId: string | null = null,
): Promise<ScreeningView> {
  requireWriter(actor);
  const id = screeningId ?? newId();
  await app.store.transaction(async (trx) => {
    const m = await marketRow(trx, marketId);
    const start = checkedInstant(m, input.start, 'start');
    const end = start + input.durationMinutes * MINUTE;
    const venue = optionalText(input.venue, 'venue', 500);
    if (!venue) throw invalid('venue', input.venue, 'venue: say where the screening is (e.g. Palais H)');
    await checkTitle(trx, input.titleId, 'titleId');
    const invited = input.invited ?? [];
    const seen = new Set<string>();
    for (const [i, b] of invited.entries()) {
      if (seen.has(b.companyId)) throw invalid(`invited[${i}].companyId`, b.companyId, `invited[${i}].companyId: invited twice`);
      seen.add(b.companyId);
      await checkCompany(trx, b.companyId, `invited[${i}].companyId`);
    }
    const people = await checkPeople(trx, input.people);
    const row = {
      id,
      market_id: marketId,
      title_id: input.titleId,
      starts_at: isoMinute(start),
      ends_at: isoMinute(end),
      venue,
      notes: optionalText(input.notes, 'notes'),
    };
    let before: unknown = null;
    if (screeningId) {
      const old = await trx
        .selectFrom('market_screenings')
        .selectAll()
        .where('id', '=', id)
        .where('market_id', '=', marketId)
        .executeTakeFirst();
      if (!old) throw new NotFoundError('screening', id);
      before = old;
      await trx.deleteFrom('screening_buyers').where('screening_id', '=', id).execute();
      await trx.deleteFrom('screening_people').where('screening_id', '=', id).execute();
      await trx.updateTable('market_screenings').set(row).where('id', '=', id).execute();
    } else await trx.insertInto('market_screenings').values(row).execute();
    const buyers = invited.map((b) => ({
      screening_id: id,
      company_id: b.companyId,
      attended: b.attended == null ? null : b.attended ? (1 as const) : (0 as const),
    }));
    if (buyers.length) await trx.insertInto('screening_buyers').values(buyers).execute();
    const peopleRows = people.map((p, position) => ({ screening_id: id, position, ...p }));
    if (peopleRows.length) await trx.insertInto('screening_people').values(peopleRows).execute();
    await audit(trx, actor, {
      action: screeningId ? 'update' : 'create',
      entity: 'market_screenings',
      entityId: id,
      before,
      after: { ...row, invited: buyers, people: peopleRows },
    });
  });
  const s = await readSchedule(app.store.db, marketId, { screeningIds: [id] });
  return s.screenings[0];
}

// ------------------------------------------------------------------ meetings

export interface CheckedMeeting {
  row: {
    id: string;
    market_id: string;
    company_id: string;
    starts_at: string;
    ends_at: string;
    place: string | null;
    notes: string | null;
    next_step: string | null;
    ics_uid: string | null;
  };
  people: Array<{ user_id: string | null; person_id: string | null }>;
  titles: string[];
}

/**
 * Checks a meeting inside the write transaction (times in the market's zone, buyer, people,
 * titles). `exact` gives the instants themselves when they are known (an imported event): a local
 * time in the hour that happens twice then keeps the occurrence it had.
 */
export async function checkMeeting(
  trx: Kysely<Database>,
  m: MarketRow,
  input: MeetingInput,
  id: string,
  icsUid: string | null = null,
  exact?: { start: number; end: number },
): Promise<CheckedMeeting> {
  const start = checkedInstant(m, input.start, 'start', exact?.start);
  const end = exact?.end ?? instantOf(input.end, m.time_zone, 'end');
  if (end <= start)
    throw invalid(
      'end',
      input.end,
      `end: the meeting ends (${input.end.replace('T', ' ')}) before it starts (${input.start.replace('T', ' ')})`,
    );
  if (end - start > 24 * 3_600_000) throw invalid('end', input.end, 'end: a meeting of more than 24 hours');
  await checkCompany(trx, input.buyerId, 'buyerId');
  const titles = [...new Set(input.titles ?? [])];
  for (const [i, t] of titles.entries()) await checkTitle(trx, t, `titles[${i}]`);
  return {
    row: {
      id,
      market_id: m.id,
      company_id: input.buyerId,
      starts_at: isoMinute(start),
      ends_at: isoMinute(end),
      place: optionalText(input.place, 'place', 500),
      notes: optionalText(input.notes, 'notes'),
      next_step: optionalText(input.nextStep, 'nextStep'),
      ics_uid: icsUid,
    },
    people: await checkPeople(trx, input.people),
    titles,
  };
}

/** Writes a checked meeting (new) with its people and titles; the caller audits. */
export async function insertMeeting(trx: Kysely<Database>, c: CheckedMeeting): Promise<void> {
  await trx.insertInto('market_meetings').values(c.row).execute();
  await writeMeetingLinks(trx, c);
}

async function writeMeetingLinks(trx: Kysely<Database>, c: CheckedMeeting): Promise<void> {
  const people = c.people.map((p, position) => ({ meeting_id: c.row.id, position, ...p }));
  if (people.length) await trx.insertInto('meeting_people').values(people).execute();
  if (c.titles.length)
    await trx
      .insertInto('meeting_titles')
      .values(c.titles.map((t) => ({ meeting_id: c.row.id, title_id: t })))
      .execute();
}

export async function saveMeeting(
  app: FilmRights,
  actor: Actor,
  marketId: string,
  input: MeetingInput,
  meetingId: string | null = null,
): Promise<MeetingView> {
  requireWriter(actor);
  const id = meetingId ?? newId();
  await app.store.transaction(async (trx) => {
    const m = await marketRow(trx, marketId);
    let before: unknown = null;
    let uid: string | null = null;
    if (meetingId) {
      const old = await trx
        .selectFrom('market_meetings')
        .selectAll()
        .where('id', '=', id)
        .where('market_id', '=', marketId)
        .executeTakeFirst();
      if (!old) throw new NotFoundError('meeting', id);
      before = old;
      uid = old.ics_uid;
    }
    const c = await checkMeeting(trx, m, input, id, uid);
    if (meetingId) {
      await trx.deleteFrom('meeting_people').where('meeting_id', '=', id).execute();
      await trx.deleteFrom('meeting_titles').where('meeting_id', '=', id).execute();
      await trx.updateTable('market_meetings').set(c.row).where('id', '=', id).execute();
      await writeMeetingLinks(trx, c);
    } else await insertMeeting(trx, c);
    await audit(trx, actor, {
      action: meetingId ? 'update' : 'create',
      entity: 'market_meetings',
      entityId: id,
      before,
      after: { ...c.row, people: c.people, titles: c.titles },
    });
  });
  const s = await readSchedule(app.store.db, marketId, { meetingIds: [id] });
  return s.meetings[0];
}

export async function deleteScheduleItem(
  app: FilmRights,
  actor: Actor,
  marketId: string,
  kind: 'meeting' | 'screening',
  id: string,
): Promise<void> {
  requireWriter(actor);
  const table = kind === 'meeting' ? 'market_meetings' : 'market_screenings';
  await app.store.transaction(async (trx) => {
    const old = await trx.selectFrom(table).selectAll().where('id', '=', id).where('market_id', '=', marketId).executeTakeFirst();
    if (!old) throw new NotFoundError(kind, id);
    await trx.deleteFrom(table).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', entity: table, entityId: id, before: old, after: null });
  });
}

// ------------------------------------------------------------------ reading

interface ReadFilter {
  meetingIds?: string[];
  screeningIds?: string[];
}

function times(zone: string, startIso: string, endIso: string) {
  const s = Date.parse(startIso);
  const e = Date.parse(endIso);
  return { start: startIso, end: endIso, localStart: localOf(zone, s), localEnd: localOf(zone, e), offset: offsetText(offsetAt(zone, s)) };
}

/** Every meeting and screening of a market (or those named), with names, in start order. */
export async function readSchedule(db: Kysely<Database>, marketId: string, filter: ReadFilter = {}) {
  const m = await marketRow(db, marketId);
  let mq = db
    .selectFrom('market_meetings as mm')
    .innerJoin('companies as c', 'c.id', 'mm.company_id')
    .select([
      'mm.id',
      'mm.company_id',
      'c.name as buyer',
      'mm.starts_at',
      'mm.ends_at',
      'mm.place',
      'mm.notes',
      'mm.next_step',
      'mm.ics_uid',
    ])
    .where('mm.market_id', '=', marketId);
  if (filter.meetingIds) mq = mq.where('mm.id', 'in', filter.meetingIds);
  let sq = db
    .selectFrom('market_screenings as s')
    .innerJoin('titles as t', 't.id', 's.title_id')
    .select(['s.id', 's.title_id', 't.original_title', 't.english_title', 's.starts_at', 's.ends_at', 's.venue', 's.notes'])
    .where('s.market_id', '=', marketId);
  if (filter.screeningIds) sq = sq.where('s.id', 'in', filter.screeningIds);
  const meetings = filter.screeningIds && !filter.meetingIds ? [] : await mq.orderBy('mm.starts_at').orderBy('mm.id').execute();
  const screenings = filter.meetingIds && !filter.screeningIds ? [] : await sq.orderBy('s.starts_at').orderBy('s.id').execute();
  const mIds = meetings.map((x) => x.id);
  const sIds = screenings.map((x) => x.id);
  const personSelect = ['p.position', 'p.user_id', 'p.person_id', 'u.username', 'pe.name'] as const;
  const mPeople = mIds.length
    ? await db
        .selectFrom('meeting_people as p')
        .leftJoin('users as u', 'u.id', 'p.user_id')
        .leftJoin('people as pe', 'pe.id', 'p.person_id')
        .select([...personSelect, 'p.meeting_id as owner'])
        .where('p.meeting_id', 'in', mIds)
        .orderBy('p.position')
        .execute()
    : [];
  const sPeople = sIds.length
    ? await db
        .selectFrom('screening_people as p')
        .leftJoin('users as u', 'u.id', 'p.user_id')
        .leftJoin('people as pe', 'pe.id', 'p.person_id')
        .select([...personSelect, 'p.screening_id as owner'])
        .where('p.screening_id', 'in', sIds)
        .orderBy('p.position')
        .execute()
    : [];
  const mTitles = mIds.length
    ? await db
        .selectFrom('meeting_titles as mt')
        .innerJoin('titles as t', 't.id', 'mt.title_id')
        .select(['mt.meeting_id', 't.id', 't.original_title', 't.english_title'])
        .where('mt.meeting_id', 'in', mIds)
        .orderBy('t.original_title')
        .execute()
    : [];
  const invited = sIds.length
    ? await db
        .selectFrom('screening_buyers as b')
        .innerJoin('companies as c', 'c.id', 'b.company_id')
        .select(['b.screening_id', 'c.id', 'c.name', 'b.attended'])
        .where('b.screening_id', 'in', sIds)
        .orderBy('c.name')
        .execute()
    : [];
  const personOf = (p: (typeof mPeople)[number]): MarketPersonView =>
    p.user_id
      ? { key: `user:${p.user_id}`, kind: 'user', name: p.username ?? p.user_id }
      : { key: `person:${p.person_id}`, kind: 'person', name: p.name ?? String(p.person_id) };
  const group = <T extends { owner: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.owner, [...(map.get(r.owner) ?? []), r]);
    return map;
  };
  const mp = group(mPeople);
  const sp = group(sPeople);
  const meetingViews: MeetingView[] = meetings.map((x) => ({
    id: x.id,
    kind: 'meeting',
    buyer: { id: x.company_id, name: x.buyer },
    place: x.place,
    people: (mp.get(x.id) ?? []).map(personOf),
    titles: mTitles.filter((t) => t.meeting_id === x.id).map((t) => ({ id: t.id, name: t.english_title ?? t.original_title })),
    notes: x.notes,
    nextStep: x.next_step,
    icsUid: x.ics_uid,
    ...times(m.time_zone, x.starts_at, x.ends_at),
  }));
  const screeningViews: ScreeningView[] = screenings.map((x) => ({
    id: x.id,
    kind: 'screening',
    title: { id: x.title_id, name: x.english_title ?? x.original_title },
    venue: x.venue,
    durationMinutes: Math.round((Date.parse(x.ends_at) - Date.parse(x.starts_at)) / MINUTE),
    invited: invited
      .filter((b) => b.screening_id === x.id)
      .map((b) => ({ company: { id: b.id, name: b.name }, attended: b.attended == null ? null : b.attended === 1 })),
    people: (sp.get(x.id) ?? []).map(personOf),
    notes: x.notes,
    ...times(m.time_zone, x.starts_at, x.ends_at),
  }));
  return { market: m, meetings: meetingViews, screenings: screeningViews };
}

/** Every day of the market, YYYY-MM-DD. */
export function marketDays(m: MarketRow): string[] {
  const out: string[] = [];
  for (let t = Date.parse(m.start_date); t <= Date.parse(m.end_date); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const CONFLICT_WORDS = {
  'same-person': 'is in two meetings at once',
  'meeting-screening': 'has a meeting during a screening they attend',
  'same-buyer': 'is booked twice at once',
} as const;

/**
 * The schedule as read for the day and week views: the items whose local start day is within
 * [from, to] (default: the whole market), of one of our people if asked, and the conflicts that
 * touch them (computed over the whole market).
 */
export async function getSchedule(app: FilmRights, _actor: Actor, marketId: string, q: ScheduleQuery = {}): Promise<ScheduleView> {
  const { market: m, meetings, screenings } = await readSchedule(app.store.db, marketId);
  const items: ScheduledItem[] = [
    ...meetings.map((x) => ({
      kind: 'meeting' as const,
      id: x.id,
      start: Date.parse(x.start),
      end: Date.parse(x.end),
      people: x.people.map((p) => p.key),
      buyer: x.buyer.id,
    })),
    ...screenings.map((x) => ({
      kind: 'screening' as const,
      id: x.id,
      start: Date.parse(x.start),
      end: Date.parse(x.end),
      people: x.people.map((p) => p.key),
      buyer: null,
    })),
  ];
  const names = new Map<string, string>();
  for (const x of [...meetings, ...screenings]) for (const p of x.people) names.set(p.key, p.name);
  for (const x of meetings) names.set(x.buyer.id, x.buyer.name);
  const inRange = (x: { localStart: string; people: MarketPersonView[] }) =>
    (!q.from || x.localStart.slice(0, 10) >= q.from) &&
    (!q.to || x.localStart.slice(0, 10) <= q.to) &&
    (!q.person || x.people.some((p) => p.key === q.person));
  const ms = meetings.filter(inRange);
  const ss = screenings.filter(inRange);
  const shown = new Set([...ms.map((x) => x.id), ...ss.map((x) => x.id)]);
  const conflicts: ScheduleConflictView[] = scheduleConflicts(items)
    .filter((c) => shown.has(c.a.id) || shown.has(c.b.id))
    .map((c) => {
      const shared = c.shared.map((k) => names.get(k) ?? k);
      return { ...c, shared, message: `${shared.join(', ')} ${CONFLICT_WORDS[c.kind]}` };
    });
  const people = [...names.entries()]
    .filter(([k]) => k.includes(':'))
    .map(([key, name]) => ({ key, name, kind: key.startsWith('user:') ? ('user' as const) : ('person' as const) }));
  people.sort((a, b) => a.name.localeCompare(b.name));
  return {
    market: { id: m.id, name: m.name, timeZone: m.time_zone, start: m.start_date, end: m.end_date },
    // The market's days, and any day either side that has something on it.
    days: [...new Set([...marketDays(m), ...[...meetings, ...screenings].map((x) => x.localStart.slice(0, 10))])].sort(),
    meetings: ms,
    screenings: ss,
    conflicts,
    people,
  };
}
