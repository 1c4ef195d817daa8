/**
 * Writing offers: recording one, countering it (a new version; every version is kept). Each
 * write is one transaction with its status event and its audit entry. Money (the MG and the
 * payment schedule) only from users with the financial-terms permission; a counter by anyone
 * else keeps the money of the version it answers.
 */
import type { Kysely } from 'kysely';
import { COUNTERABLE_STATUSES, type OfferStatus } from '../../domain/offers.js';
import { DomainError } from '../../domain/errors.js';
import { newId, nowIso, toJson, type Database } from '../../store/index.js';
import type { OfferCounterInput, OfferInput, OfferView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError, StaleVersionError } from '../errors.js';
import { checkTerms, type CheckedTerms } from './terms.js';
import { offerRecord } from './read.js';
import { competingWith } from './check.js';
import { offerView } from './read.js';
import { parsedOf } from './terms.js';
import { readVersions } from './read.js';

async function exists(
  trx: Kysely<Database>,
  table: 'titles' | 'companies' | 'festival_editions',
  ids: string[],
  field: string,
  kind: string,
): Promise<void> {
  if (!ids.length) return;
  const found = new Set((await trx.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new DomainError('unknown-id', field, missing, `${field}: no ${kind} with id "${missing}"`);
}

/** Appends a status event (who, when, from what to what). */
export async function recordEvent(
  trx: Kysely<Database>,
  actor: Actor,
  offerId: string,
  from: OfferStatus | null,
  to: OfferStatus,
  version: number,
  note: string | null,
): Promise<void> {
  const last = await trx
    .selectFrom('offer_events')
    .select((eb) => eb.fn.max<number | null>('seq').as('n'))
    .where('offer_id', '=', offerId)
    .executeTakeFirst();
  await trx
    .insertInto('offer_events')
    .values({
      offer_id: offerId,
      seq: Number(last?.n ?? 0) + 1,
      from_status: from,
      to_status: to,
      version,
      user_id: actor.id,
      username: actor.username,
      at: nowIso(),
      note,
    })
    .execute();
}

async function insertVersion(
  trx: Kysely<Database>,
  actor: Actor,
  offerId: string,
  version: number,
  c: CheckedTerms,
  note: string | null,
  money: { mg: { minor: number; currency: string } | null; schedule: unknown },
): Promise<void> {
  await trx
    .insertInto('offer_versions')
    .values({
      offer_id: offerId,
      version,
      terms: toJson(c.terms),
      mg_amount: money.mg?.minor ?? null,
      mg_currency: money.mg?.currency ?? null,
      payment_schedule: money.schedule === null ? null : toJson(money.schedule),
      note,
      created_by: actor.username,
      created_at: nowIso(),
    })
    .execute();
  await trx.deleteFrom('offer_titles').where('offer_id', '=', offerId).execute();
  await trx
    .insertInto('offer_titles')
    .values(c.terms.titleIds.map((t) => ({ offer_id: offerId, title_id: t })))
    .execute();
}

/** Records a buyer's offer (status new, version 1). */
export async function createOffer(app: FilmRights, actor: Actor, input: OfferInput): Promise<OfferView> {
  requireWriter(actor);
  const { buyerId, editionId, note, ...terms } = input;
  const checked = checkTerms(actor, terms);
  const id = newId();
  await app.store.transaction(async (trx) => {
    await exists(trx, 'companies', [buyerId], 'buyerId', 'company');
    if (editionId) await exists(trx, 'festival_editions', [editionId], 'editionId', 'festival edition');
    await exists(trx, 'titles', checked.terms.titleIds, 'titleIds', 'title');
    const now = nowIso();
    await trx
      .insertInto('offers')
      .values({
        id,
        ref: `O-${id.slice(0, 8).toUpperCase()}`,
        buyer_id: buyerId,
        edition_id: editionId ?? null,
        status: 'new',
        current_version: 1,
        contract_id: null,
        created_by: actor.username,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertVersion(trx, actor, id, 1, checked, note ?? null, { mg: checked.mg ?? null, schedule: checked.paymentSchedule ?? null });
    await recordEvent(trx, actor, id, null, 'new', 1, note ?? null);
    await audit(trx, actor, { action: 'create', entity: 'offers', entityId: id, before: null, after: await offerRecord(trx, id) });
  });
  return offerView(app, actor, id, await competingWith(app, checked.parsed, id));
}

/**
 * A counter-offer (or a revision of the terms): a new version, the old ones kept. Only while
 * the offer is new or in negotiation; a new offer moves to in negotiation. `version` must be
 * the version in force (else 409: someone else countered first).
 */
export async function counterOffer(app: FilmRights, actor: Actor, id: string, input: OfferCounterInput): Promise<OfferView> {
  requireWriter(actor);
  const { version, note, ...terms } = input;
  const checked = checkTerms(actor, terms);
  await app.store.transaction(async (trx) => {
    const o = await trx.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o) throw new NotFoundError('offer', id);
    if (!COUNTERABLE_STATUSES.includes(o.status)) {
      throw new DomainError(
        'illegal-transition',
        'status',
        o.status,
        `status: an offer that is ${o.status} cannot be countered (only a new offer or one in negotiation)`,
      );
    }
    if (version !== o.current_version) throw new StaleVersionError('offer', id, version, o.current_version);
    await exists(trx, 'titles', checked.terms.titleIds, 'titleIds', 'title');
    const before = await offerRecord(trx, id);
    const previous = (await readVersions(trx, id)).find((v) => v.version === o.current_version)!;
    const prevMg = await trx
      .selectFrom('offer_versions')
      .select(['mg_amount', 'mg_currency'])
      .where('offer_id', '=', id)
      .where('version', '=', o.current_version)
      .executeTakeFirstOrThrow();
    const mg =
      checked.mg !== undefined
        ? checked.mg
        : prevMg.mg_amount === null || prevMg.mg_currency === null
          ? null
          : { minor: Number(prevMg.mg_amount), currency: prevMg.mg_currency };
    const schedule = checked.paymentSchedule !== undefined ? checked.paymentSchedule : previous.paymentSchedule;
    const next = o.current_version + 1;
    await insertVersion(trx, actor, id, next, checked, note ?? null, { mg, schedule });
    const status: OfferStatus = o.status === 'new' ? 'in-negotiation' : o.status;
    await trx.updateTable('offers').set({ current_version: next, status, updated_at: nowIso() }).where('id', '=', id).execute();
    if (status !== o.status) await recordEvent(trx, actor, id, o.status, status, next, note ?? 'countered');
    await audit(trx, actor, {
      action: 'counter',
      entity: 'offers',
      entityId: id,
      before,
      after: await offerRecord(trx, id),
      reason: note ?? null,
    });
  });
  return offerView(app, actor, id, await competingWith(app, checked.parsed, id));
}

/** One offer with its competing offers. */
export async function getOffer(app: FilmRights, actor: Actor, id: string): Promise<OfferView> {
  const versions = await readVersions(app.store.db, id);
  const current = await app.store.db.selectFrom('offers').select('current_version').where('id', '=', id).executeTakeFirst();
  if (!current) throw new NotFoundError('offer', id);
  const v = versions.find((x) => x.version === current.current_version)!;
  return offerView(app, actor, id, await competingWith(app, parsedOf(v.terms), id));
}
