/**
 * Follow-up tasks of a market (due date, owner, text, linked meeting and/or buyer, done), and the
 * "needs follow-up" list: after a market, everything that has neither a next step nor a task.
 * The list is made from sources (FOLLOW_UP_SOURCES): meetings, and the market's open offers.
 */
import type { Kysely } from 'kysely';
import { isCalendarDate } from '../../domain/dates.js';
import { invalid } from '../../domain/errors.js';
import { localOf } from '../../domain/marketTime.js';
import type { FollowUpView, MarketTaskInput, MarketTaskPatch, MarketTaskView } from '../../contract/marketDays.js';
import { newId, type Database } from '../../store/index.js';
import { requireWriter } from '../access.js';
import type { Actor, FilmRights } from '../app.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { marketRow, type MarketRow } from './market.js';

type FollowUpItem = FollowUpView['items'][number];

/** One source of the "needs follow-up" list: what ended before `asOf` with no next step and no task. */
export type FollowUpSource = (db: Kysely<Database>, m: MarketRow, asOf: string) => Promise<FollowUpItem[]>;

const meetingsWithoutNextStep: FollowUpSource = async (db, m, asOf) => {
  const rows = await db
    .selectFrom('market_meetings as mm')
    .innerJoin('companies as c', 'c.id', 'mm.company_id')
    .select(['mm.id', 'mm.starts_at', 'mm.company_id', 'c.name'])
    .where('mm.market_id', '=', m.id)
    .where('mm.ends_at', '<=', asOf)
    .where((eb) => eb.or([eb('mm.next_step', 'is', null), eb('mm.next_step', '=', '')]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('market_tasks as t').select('t.id').whereRef('t.meeting_id', '=', 'mm.id'))))
    .orderBy('mm.starts_at')
    .execute();
  return rows.map((r) => ({
    source: 'meeting',
    id: r.id,
    buyer: { id: r.company_id, name: r.name },
    when: r.starts_at,
    what: `Meeting with ${r.name}, ${localOf(m.time_zone, Date.parse(r.starts_at)).replace('T', ' ')}`,
    reason: 'no next step and no task',
  }));
};

const OPEN_OFFER = ['new', 'in-negotiation', 'accepted', 'on-signature'] as const;
const OFFER_WORDS: Record<(typeof OPEN_OFFER)[number], string> = {
  new: 'new',
  'in-negotiation': 'in negotiation',
  accepted: 'accepted',
  'on-signature': 'on signature',
};

/** Offers made at this market (its festival edition), still open, recorded before `asOf`, that no task answers. */
const offersWithoutNextStep: FollowUpSource = async (db, m, asOf) => {
  const rows = await db
    .selectFrom('offers as o')
    .innerJoin('companies as c', 'c.id', 'o.buyer_id')
    .select(['o.id', 'o.ref', 'o.status', 'o.created_at', 'o.buyer_id', 'c.name'])
    .where('o.edition_id', '=', m.edition_id)
    .where('o.status', 'in', [...OPEN_OFFER])
    .where('o.created_at', '<=', asOf)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('market_tasks as t').select('t.id').whereRef('t.offer_id', '=', 'o.id'))))
    .orderBy('o.created_at')
    .execute();
  return rows.map((r) => ({
    source: 'offer',
    id: r.id,
    buyer: { id: r.buyer_id, name: r.name },
    when: r.created_at,
    what: `Offer ${r.ref} from ${r.name} (${OFFER_WORDS[r.status as (typeof OPEN_OFFER)[number]] ?? r.status})`,
    reason: 'open offer and no task',
  }));
};

/** The sources of the list, by name. */
export const FOLLOW_UP_SOURCES: Record<string, FollowUpSource> = { meeting: meetingsWithoutNextStep, offer: offersWithoutNextStep };

function checkIso(asOf: string | undefined): string {
  if (asOf === undefined) return new Date().toISOString();
  const t = Date.parse(asOf);
  if (Number.isNaN(t)) throw invalid('asOf', asOf, `asOf: "${asOf}" is not an ISO date and time`);
  return new Date(t).toISOString();
}

export async function followUps(app: FilmRights, actor: Actor, marketId: string, asOf?: string): Promise<FollowUpView> {
  const db = app.store.db;
  const m = await marketRow(db, marketId);
  const at = checkIso(asOf);
  const items: FollowUpItem[] = [];
  for (const source of Object.values(FOLLOW_UP_SOURCES)) items.push(...(await source(db, m, at)));
  items.sort((a, b) => a.when.localeCompare(b.when) || a.id.localeCompare(b.id));
  return { asOf: at, sources: Object.keys(FOLLOW_UP_SOURCES), items, tasks: await listTasks(app, actor, marketId) };
}

// ------------------------------------------------------------------ tasks

export async function listTasks(app: FilmRights, _actor: Actor, marketId: string, ids?: string[]): Promise<MarketTaskView[]> {
  let q = app.store.db
    .selectFrom('market_tasks as t')
    .innerJoin('users as u', 'u.id', 't.owner_id')
    .leftJoin('companies as c', 'c.id', 't.company_id')
    .leftJoin('market_meetings as mm', 'mm.id', 't.meeting_id')
    .leftJoin('companies as mc', 'mc.id', 'mm.company_id')
    .leftJoin('offers as o', 'o.id', 't.offer_id')
    .select([
      't.offer_id',
      'o.ref as offer_ref',
      't.id',
      't.due_on',
      't.owner_id',
      'u.username',
      't.text',
      't.done',
      't.company_id',
      'c.name as company_name',
      't.meeting_id',
      'mm.starts_at',
      'mm.company_id as meeting_company_id',
      'mc.name as meeting_company_name',
    ])
    .where('t.market_id', '=', marketId);
  if (ids) q = q.where('t.id', 'in', ids);
  const rows = await q.orderBy('t.done').orderBy('t.due_on').orderBy('t.id').execute();
  return rows.map((r) => ({
    id: r.id,
    dueOn: r.due_on,
    owner: { id: r.owner_id, name: r.username },
    text: r.text,
    meeting:
      r.meeting_id && r.starts_at
        ? { id: r.meeting_id, start: r.starts_at, buyer: { id: r.meeting_company_id ?? '', name: r.meeting_company_name ?? '' } }
        : null,
    buyer: r.company_id ? { id: r.company_id, name: r.company_name ?? r.company_id } : null,
    done: r.done === 1,
    offer: r.offer_id ? { id: r.offer_id, ref: r.offer_ref ?? r.offer_id } : null,
  }));
}

async function checkTask(trx: Kysely<Database>, m: MarketRow, t: Required<Omit<MarketTaskInput, 'done'>> & { done: boolean }) {
  const marketId = m.id;
  if (!isCalendarDate(t.dueOn)) throw invalid('dueOn', t.dueOn, `dueOn: "${t.dueOn}" is not a date as YYYY-MM-DD`);
  const text = t.text.trim();
  if (!text) throw invalid('text', t.text, 'text: say what is to be done');
  if (!(await trx.selectFrom('users').select('id').where('id', '=', t.ownerId).executeTakeFirst()))
    throw invalid('ownerId', t.ownerId, `ownerId: no user "${t.ownerId}"`);
  if (
    t.meetingId &&
    !(await trx
      .selectFrom('market_meetings')
      .select('id')
      .where('id', '=', t.meetingId)
      .where('market_id', '=', marketId)
      .executeTakeFirst())
  )
    throw invalid('meetingId', t.meetingId, `meetingId: no meeting "${t.meetingId}" at this market`);
  if (t.buyerId && !(await trx.selectFrom('companies').select('id').where('id', '=', t.buyerId).executeTakeFirst()))
    throw invalid('buyerId', t.buyerId, `buyerId: no company "${t.buyerId}"`);
  if (t.offerId) {
    const offer = await trx.selectFrom('offers').select(['id', 'edition_id']).where('id', '=', t.offerId).executeTakeFirst();
    if (!offer) throw invalid('offerId', t.offerId, `offerId: no offer "${t.offerId}"`);
    if (offer.edition_id !== m.edition_id) throw invalid('offerId', t.offerId, `offerId: offer "${t.offerId}" was not made at this market`);
  }
  return {
    due_on: t.dueOn,
    owner_id: t.ownerId,
    text,
    meeting_id: t.meetingId,
    company_id: t.buyerId,
    offer_id: t.offerId,
    done: t.done ? (1 as const) : (0 as const),
  };
}

export async function createTask(app: FilmRights, actor: Actor, marketId: string, input: MarketTaskInput): Promise<MarketTaskView> {
  requireWriter(actor);
  const id = newId();
  await app.store.transaction(async (trx) => {
    const m = await marketRow(trx, marketId);
    const row = {
      id,
      market_id: marketId,
      ...(await checkTask(trx, m, { meetingId: null, buyerId: null, offerId: null, ...input, done: input.done ?? false })),
    };
    await trx.insertInto('market_tasks').values(row).execute();
    await audit(trx, actor, { action: 'create', entity: 'market_tasks', entityId: id, before: null, after: row });
  });
  return (await listTasks(app, actor, marketId, [id]))[0];
}

export async function updateTask(
  app: FilmRights,
  actor: Actor,
  marketId: string,
  id: string,
  patch: MarketTaskPatch,
): Promise<MarketTaskView> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const old = await trx.selectFrom('market_tasks').selectAll().where('id', '=', id).where('market_id', '=', marketId).executeTakeFirst();
    if (!old) throw new NotFoundError('task', id);
    const row = await checkTask(trx, await marketRow(trx, marketId), {
      dueOn: patch.dueOn ?? old.due_on,
      ownerId: patch.ownerId ?? old.owner_id,
      text: patch.text ?? old.text,
      meetingId: patch.meetingId === undefined ? old.meeting_id : patch.meetingId,
      buyerId: patch.buyerId === undefined ? old.company_id : patch.buyerId,
      offerId: patch.offerId === undefined ? old.offer_id : patch.offerId,
      done: patch.done ?? old.done === 1,
    });
    await trx.updateTable('market_tasks').set(row).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'market_tasks', entityId: id, before: old, after: { ...old, ...row } });
  });
  return (await listTasks(app, actor, marketId, [id]))[0];
}

export async function deleteTask(app: FilmRights, actor: Actor, marketId: string, id: string): Promise<void> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const old = await trx.selectFrom('market_tasks').selectAll().where('id', '=', id).where('market_id', '=', marketId).executeTakeFirst();
    if (!old) throw new NotFoundError('task', id);
    await trx.deleteFrom('market_tasks').where('id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', entity: 'market_tasks', entityId: id, before: old, after: null });
  });
}
