import { FINANCIAL_ENTITIES } from '../domain/financial.js';
import type { Kysely } from 'kysely';
import { parseJson, toJson, type Database } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { visibleTo } from './access.js';
import { NotFoundError } from './errors.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

/** Appends to the audit log inside the caller's transaction: the change and its record commit together. */
export async function audit(trx: Kysely<Database>, actor: Actor, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      user_id: actor.id,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before: e.before === null || e.before === undefined ? null : toJson(e.before),
      after: e.after === null || e.after === undefined ? null : toJson(e.after),
      reason: e.reason ?? null,
    })
    .execute();
}

/** The latest entry of a record's history. */
export async function latestAuditEntry(db: Kysely<Database>, entity: string, id: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The record as its deletion kept it; NotFoundError when its latest history entry is not a deletion. */
export async function deletedSnapshot<T>(db: Kysely<Database>, entity: string, id: string, what: string): Promise<T> {
  const last = await latestAuditEntry(db, entity, id);
  if (!last || last.action !== 'delete' || last.before === null) throw new NotFoundError(`deleted ${what}`, id);
  return parseJson(last.before) as T;
}

/** The audit trail of one record (or of everything), newest first: at most `limit` entries (200 by default, 1,000 at most), or all with `limit: null` (the audit export). */
export async function auditTrail(
  app: FilmRights,
  actor: Actor,
  params: { entity?: string; entityId?: string; limit?: number | null } = {},
) {
  let q = app.store.db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.user_id', 'u.username', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after', 'a.reason']);
  if (params.entity) q = q.where('a.entity', '=', params.entity);
  if (params.entityId) q = q.where('a.entity_id', '=', params.entityId);
  // the accounts are confidential whole: their history too
  if (!actor.canSeeFinancials) q = q.where('a.entity', 'not in', FINANCIAL_ENTITIES);
  q = q.orderBy('a.id', 'desc');
  if (params.limit !== null) q = q.limit(Math.min(params.limit ?? 200, 1000));
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    user: r.username ?? r.user_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: visibleTo(actor, parseJson(r.before)),
    after: visibleTo(actor, parseJson(r.after)),
    reason: r.reason,
  }));
}
