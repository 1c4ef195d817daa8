import { FINANCIAL_FIELDS, isFinancialField, withoutFinancialFields } from '../domain/financial.js';
import type { Actor } from './app.js';
import { ForbiddenError } from './errors.js';

/** Writes need an editor or an admin, and not a read-only token. */
export function requireWriter(actor: Actor): void {
  if (actor.readOnly) throw new ForbiddenError('this API token is read-only');
  if (actor.role !== 'editor' && actor.role !== 'admin')
    throw new ForbiddenError(`${actor.username} is a ${actor.role}: only editors and admins can change data`);
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new ForbiddenError(`${actor.username} is a ${actor.role}: only admins can do this`);
}

/** Changes to users and their credentials: an admin, and not through a read-only token. */
export function requireAdminWriter(actor: Actor): void {
  requireWriteScope(actor);
  requireAdmin(actor);
}

/**
 * What only a person signed in may do: make credentials (API tokens, users, passwords, roles). Through an API token it
 * is refused, so a token that leaks cannot make credentials that outlive its revocation.
 */
export function requireSession(actor: Actor, what: string): void {
  if (actor.viaToken) throw new ForbiddenError(`sign in to ${what}: an API token cannot`);
}

/** Any change made in the caller's own name (their tokens, their password): not through a read-only token. */
export function requireWriteScope(actor: Actor): void {
  if (actor.readOnly) throw new ForbiddenError('this API token is read-only');
}

/** A value as this actor may see it: without the financial fields (src/domain/financial.ts) unless they have the financial-terms permission. */
export function visibleTo<T>(actor: Actor, value: T): T {
  return actor.canSeeFinancials ? value : withoutFinancialFields(value);
}

/**
 * Fields a user may not read are fields they may not write: refuses (403,
 * naming the field) a write that carries any of the financial `fields` when the
 * actor lacks the financial-terms permission. A field sent as null counts: it
 * would erase a figure the user cannot see.
 */
export function requireFinancialWrite(actor: Actor, fields: readonly string[], prefix = ''): void {
  if (actor.canSeeFinancials) return;
  const field = fields.find(isFinancialField);
  if (field === undefined) return;
  const label = FINANCIAL_FIELDS.find((f) => f.field === field)?.label ?? 'financial terms';
  throw new ForbiddenError(
    `${prefix}${field}: ${actor.username} does not have the financial-terms permission, so may neither see nor set the ${label}; leave the field out (absent means unchanged)`,
    `${prefix}${field}`,
  );
}
