/**
 * Screener links: the agent pastes the video host's link (http or https; filmrights never fetches
 * it), picks the title and the last day it may be opened, and sends the buyer our own link,
 * `/s/<token>`. The token is 32 random bytes (256 bits) from the operating system's generator, so
 * it cannot be guessed. Following the link logs the open and redirects to the host; after the
 * last day it is refused (the refusal is logged too).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkScreenerUrl } from '../../domain/buyers.js';
import { invalid } from '../../domain/errors.js';
import { newId, type Database } from '../../store/index.js';
import type { ScreenerInput, ScreenerView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { optionalIsoDate, optionalText, todayIso } from '../lookup.js';

/** The path of a screener's redirect link. */
export const screenerPath = (token: string): string => `/s/${token}`;

export function newScreenerToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createScreener(app: FilmRights, actor: Actor, buyerId: string, input: ScreenerInput): Promise<ScreenerView> {
  requireWriter(actor);
  const url = checkScreenerUrl(input.url, 'url');
  const expiresOn = optionalIsoDate(input.expiresOn, 'expiresOn');
  if (!expiresOn) throw invalid('expiresOn', input.expiresOn, 'expiresOn: required, the last day the link opens (YYYY-MM-DD)');
  if (expiresOn < todayIso()) throw invalid('expiresOn', expiresOn, `expiresOn: ${expiresOn} is in the past; the link would never open`);
  const id = newId();
  await app.store.transaction(async (trx) => {
    if (!(await trx.selectFrom('buyers').select('company_id').where('company_id', '=', buyerId).executeTakeFirst()))
      throw new NotFoundError('buyer', buyerId);
    if (!(await trx.selectFrom('titles').select('id').where('id', '=', input.titleId).executeTakeFirst()))
      throw invalid('titleId', input.titleId, `titleId: no title "${input.titleId}"`);
    const row = {
      id,
      buyer_id: buyerId,
      title_id: input.titleId,
      url,
      token: newScreenerToken(),
      expires_on: expiresOn,
      note: optionalText(input.note, 'note'),
      sent_at: input.sent ? new Date().toISOString() : null,
      created_by: actor.id,
    };
    await trx.insertInto('screeners').values(row).execute();
    const { token: _secret, ...logged } = row; // the audit log is read more widely than the link should travel
    await audit(trx, actor, { action: 'create', entity: 'screeners', entityId: id, before: null, after: logged });
  });
  return (await listScreeners(app.store.db, buyerId)).find((s) => s.id === id)!;
}

/** Records that the link was sent (now). */
export async function markScreenerSent(app: FilmRights, actor: Actor, buyerId: string, id: string): Promise<ScreenerView> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await trx
      .selectFrom('screeners')
      .select(['id', 'sent_at'])
      .where('id', '=', id)
      .where('buyer_id', '=', buyerId)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('screener', id);
    const sentAt = new Date().toISOString();
    await trx.updateTable('screeners').set({ sent_at: sentAt }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'update', entity: 'screeners', entityId: id, before, after: { id, sent_at: sentAt } });
  });
  return (await listScreeners(app.store.db, buyerId)).find((s) => s.id === id)!;
}

export async function listScreeners(db: Kysely<Database>, buyerId: string, today = todayIso()): Promise<ScreenerView[]> {
  const rows = await db
    .selectFrom('screeners as s')
    .leftJoin('titles as t', 't.id', 's.title_id')
    .select([
      's.id',
      's.url',
      's.token',
      's.expires_on',
      's.note',
      's.sent_at',
      's.created_at',
      't.id as title_id',
      't.original_title',
      't.english_title',
    ])
    .where('s.buyer_id', '=', buyerId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .execute();
  const opens = rows.length
    ? await db
        .selectFrom('screener_opens')
        .select(['screener_id', 'opened_at', 'refused'])
        .where(
          'screener_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('opened_at', 'desc')
        .execute()
    : [];
  return rows.map((r) => {
    const mine = opens.filter((o) => o.screener_id === r.id);
    return {
      id: r.id,
      title: r.title_id ? { id: r.title_id, name: r.english_title ?? r.original_title ?? '' } : null,
      url: r.url,
      link: screenerPath(r.token),
      expiresOn: r.expires_on,
      expired: r.expires_on < today,
      note: r.note,
      sentAt: r.sent_at,
      opens: mine.filter((o) => !o.refused).map((o) => o.opened_at),
      refused: mine.filter((o) => o.refused).length,
    };
  });
}

export type ScreenerOpen =
  { status: 'open'; url: string } | { status: 'expired'; expiredOn: string; title: string | null } | { status: 'unknown' };

/**
 * Someone followed a screener link: logs the open (time) and answers where to send them, or that
 * the link expired. Anonymous by design (the buyer has no account); nothing but the time is kept.
 */
export async function openScreener(app: FilmRights, token: string, now = new Date()): Promise<ScreenerOpen> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'unknown' };
  return app.store.transaction(async (trx) => {
    const s = await trx
      .selectFrom('screeners as s')
      .leftJoin('titles as t', 't.id', 's.title_id')
      .select(['s.id', 's.url', 's.expires_on', 't.original_title', 't.english_title'])
      .where('s.token', '=', token)
      .executeTakeFirst();
    if (!s) return { status: 'unknown' } as const;
    const expired = s.expires_on < now.toISOString().slice(0, 10);
    await trx
      .insertInto('screener_opens')
      .values({ id: newId(), screener_id: s.id, opened_at: now.toISOString(), refused: expired ? 1 : 0 })
      .execute();
    if (expired) return { status: 'expired', expiredOn: s.expires_on, title: s.english_title ?? s.original_title ?? null } as const;
    return { status: 'open', url: s.url } as const;
  });
}
