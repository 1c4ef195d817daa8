import type { Kysely } from 'kysely';
import { toJson, type Database } from '../store/index.js';
import type { Actor } from './app.js';

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
