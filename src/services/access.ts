import type { Actor } from './app.js';
import { ForbiddenError } from './errors.js';

/** Writes need an editor or an admin, and not a read-only token. */
export function requireWriter(actor: Actor): void {
  if (actor.readOnly) throw new ForbiddenError('this API token is read-only');
  if (actor.role !== 'editor' && actor.role !== 'admin') throw new ForbiddenError(`${actor.username} is a ${actor.role}: only editors and admins can change data`);
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new ForbiddenError(`${actor.username} is a ${actor.role}: only admins can do this`);
}

/** Changes to users and their credentials: an admin, and not through a read-only token. */
export function requireAdminWriter(actor: Actor): void {
  requireWriteScope(actor);
  requireAdmin(actor);
}

/** Any change made in the caller's own name (their tokens, their password): not through a read-only token. */
export function requireWriteScope(actor: Actor): void {
  if (actor.readOnly) throw new ForbiddenError('this API token is read-only');
}
