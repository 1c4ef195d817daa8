/**
 * Users, sessions and API tokens. Passwords are hashed with scrypt (a real
 * KDF, from node:crypto) with a random salt; session and API tokens are random
 * and only their SHA-256 is stored, so a leaked database leaks no credential.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { invalid } from '../domain/errors.js';
import type { Kysely } from 'kysely';
import { USER_ROLES, flag, newId, nowIso, type Database, type Flag, type UserRole } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { SYSTEM } from './app.js';
import { audit } from './audit.js';
import { requireAdminWriter, requireSession, requireWriteScope } from './access.js';
import { NotFoundError, UnauthenticatedError } from './errors.js';
import type { NewUser, UserChange } from '../contract/index.js';
export type { NewUser, UserChange } from '../contract/index.js';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const SESSION_DAYS = 14;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The password rule every way of setting one shares; `field` is what the caller's form calls it. */
function checkPassword(password: unknown, field = 'password'): asserts password is string {
  if (typeof password !== 'string' || password.length < 10) throw invalid(field, '(hidden)', `${field}: at least 10 characters`);
}

function checkNewUser(u: NewUser): void {
  if (!/^[\w.@-]{2,64}$/.test(u.username ?? ''))
    throw invalid('username', u.username, 'username: 2 to 64 letters, digits, dots, dashes, @ or _');
  checkPassword(u.password);
  if (!USER_ROLES.includes(u.role)) throw invalid('role', u.role, `role: one of ${USER_ROLES.join(', ')}`);
}

/** A random password (16 characters), for a first admin or a reset: shown once, never stored in clear. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

export async function createUser(
  app: FilmRights,
  u: NewUser,
  actor: Actor = SYSTEM,
): Promise<{ id: string; username: string; role: UserRole }> {
  requireUserAdmin(actor);
  checkNewUser(u);
  const hash = await hashPassword(u.password);
  const id = newId();
  await app.store.transaction(async (trx) => {
    const exists = await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (exists) throw invalid('username', u.username, `username: "${u.username}" is taken`);
    await trx
      .insertInto('users')
      .values({
        id,
        username: u.username,
        password_hash: hash,
        role: u.role,
        can_see_financials: flag(u.canSeeFinancials ?? u.role === 'admin'),
        created_at: nowIso(),
      })
      .execute();
    await audit(trx, actor, {
      action: 'create',
      entity: 'users',
      entityId: id,
      before: null,
      after: { username: u.username, role: u.role, canSeeFinancials: u.canSeeFinancials ?? u.role === 'admin' },
    });
  });
  return { id, username: u.username, role: u.role };
}

export async function listUsers(
  app: FilmRights,
): Promise<Array<{ id: string; username: string; role: UserRole; canSeeFinancials: boolean; disabled: boolean }>> {
  const rows = await app.store.db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'can_see_financials', 'disabled'])
    .orderBy('username')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    role: r.role,
    canSeeFinancials: r.can_see_financials === 1,
    disabled: r.disabled === 1,
  }));
}

export interface UserView {
  id: string;
  username: string;
  role: UserRole;
  canSeeFinancials: boolean;
  disabled: boolean;
}

type UserRow = { id: string; username: string; role: UserRole; can_see_financials: Flag; disabled: Flag };
const userView = (r: UserRow): UserView => ({
  id: r.id,
  username: r.username,
  role: r.role,
  canSeeFinancials: r.can_see_financials === 1,
  disabled: r.disabled === 1,
});
/** What the audit log keeps of a user: never the password hash. */
const auditView = (r: UserRow) => ({
  username: r.username,
  role: r.role,
  canSeeFinancials: r.can_see_financials === 1,
  disabled: r.disabled === 1,
});

/** Managing users takes an admin, and not through a read-only API token. */
function requireUserAdmin(actor: Actor): void {
  requireAdminWriter(actor);
  requireSession(actor, 'manage users');
}

async function userRow(trx: Kysely<Database>, id: string): Promise<UserRow> {
  const row = await trx
    .selectFrom('users')
    .select(['id', 'username', 'role', 'can_see_financials', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('user', id);
  return row;
}

/** The id of the user with this name; the CLI names users, the API uses ids. */
export async function userIdByName(app: FilmRights, username: string): Promise<string> {
  const row = await app.store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!row) throw invalid('username', username, `username: no user "${username}"`);
  return row.id;
}

/** Ends every session of a user (they sign in again); API tokens are kept. */
async function endSessions(trx: Kysely<Database>, userId: string, except?: string): Promise<void> {
  let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', sha256(except));
  await q.execute();
}

/**
 * Changes a user's role, disabled flag or financial-terms permission (admins
 * only). A change that would leave no enabled admin is refused, so the
 * product can always be administered from the web. A new role or a disabled
 * account ends the user's sessions; a disabled user's API tokens stop working
 * (they are looked up only for enabled users) and work again on re-enabling.
 */
export async function updateUser(app: FilmRights, actor: Actor, id: string, change: UserChange): Promise<UserView> {
  requireUserAdmin(actor);
  if (typeof change !== 'object' || change === null) throw invalid('body', change, 'body: expected {role?, disabled?, canSeeFinancials?}');
  if (change.role !== undefined && !USER_ROLES.includes(change.role))
    throw invalid('role', change.role, `role: one of ${USER_ROLES.join(', ')}`);
  if (change.disabled !== undefined && typeof change.disabled !== 'boolean')
    throw invalid('disabled', change.disabled, 'disabled: true or false');
  if (change.canSeeFinancials !== undefined && typeof change.canSeeFinancials !== 'boolean')
    throw invalid('canSeeFinancials', change.canSeeFinancials, 'canSeeFinancials: true or false');
  return app.store.transaction(async (trx) => {
    // PostgreSQL: lock the admins first, so two admins demoting each other at once cannot both
    // see the other still enabled (SQLite: BEGIN IMMEDIATE already holds the write lock).
    if (app.store.dialect === 'postgres')
      await trx.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').forUpdate().execute();
    const before = await userRow(trx, id);
    const after: UserRow = {
      ...before,
      role: change.role ?? before.role,
      disabled: change.disabled === undefined ? before.disabled : flag(change.disabled),
      can_see_financials: change.canSeeFinancials === undefined ? before.can_see_financials : flag(change.canSeeFinancials),
    };
    const roleChanged = after.role !== before.role;
    const disabledChanged = after.disabled !== before.disabled;
    if (!roleChanged && !disabledChanged && after.can_see_financials === before.can_see_financials) return userView(before);
    const wasAdmin = before.role === 'admin' && before.disabled === 0;
    const staysAdmin = after.role === 'admin' && after.disabled === 0;
    if (wasAdmin && !staysAdmin) {
      const others = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .where('id', '!=', id)
        .limit(1)
        .executeTakeFirst();
      if (!others) {
        const field = after.role !== 'admin' ? 'role' : 'disabled';
        throw invalid(
          field,
          field === 'role' ? after.role : true,
          `${field}: at least one enabled admin must remain (${before.username} is the last one)`,
        );
      }
    }
    await trx
      .updateTable('users')
      .set({ role: after.role, disabled: after.disabled, can_see_financials: after.can_see_financials })
      .where('id', '=', id)
      .execute();
    if (roleChanged || after.disabled === 1) await endSessions(trx, id);
    const action = disabledChanged ? (after.disabled ? 'disable' : 'enable') : 'update';
    await audit(trx, actor, { action, entity: 'users', entityId: id, before: auditView(before), after: auditView(after) });
    return userView(after);
  });
}

/** Sets anyone's password (admins only: a reset) and ends that user's sessions. */
export async function setPassword(app: FilmRights, actor: Actor, id: string, newPassword: string): Promise<void> {
  requireUserAdmin(actor);
  checkPassword(newPassword);
  const hash = await hashPassword(newPassword);
  await app.store.transaction(async (trx) => {
    const user = await userRow(trx, id);
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
    await endSessions(trx, id);
    // a reset means the password may be known to someone else: their API tokens go too
    await revokeTokensOf(trx, id);
    await audit(trx, actor, {
      action: 'reset-password',
      entity: 'users',
      entityId: id,
      before: null,
      after: { username: user.username },
      reason: actor.id === id ? 'reset their own password' : null,
    });
  });
}

/**
 * The signed-in user changes their own password, giving the current one. Not
 * through a read-only API token. Ends the user's other sessions; the one given
 * in `keepSession` (the caller's, when it is a session) stays signed in.
 */
export async function changeOwnPassword(
  app: FilmRights,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  keepSession?: string,
  opts: { revokeTokens?: boolean } = {},
): Promise<{ tokensRevoked: number }> {
  requireWriteScope(actor);
  if (typeof currentPassword !== 'string' || !currentPassword)
    throw invalid('currentPassword', '(hidden)', 'currentPassword: enter your current password');
  checkPassword(newPassword, 'newPassword');
  if (newPassword === currentPassword) throw invalid('newPassword', '(hidden)', 'newPassword: must differ from the current password');
  const stored = await app.store.db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', actor.id)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  if (!stored) throw new UnauthenticatedError();
  if (!(await verifyPassword(currentPassword, stored.password_hash)))
    throw invalid('currentPassword', '(hidden)', 'currentPassword: this is not your current password');
  const hash = await hashPassword(newPassword);
  return app.store.transaction(async (trx) => {
    // compare-and-set: a reset or another change since the check above wins, and this one is refused
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: hash })
      .where('id', '=', actor.id)
      .where('password_hash', '=', stored.password_hash)
      .where('disabled', '=', 0)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw invalid('currentPassword', '(hidden)', 'currentPassword: your password was changed meanwhile; sign in again');
    await endSessions(trx, actor.id, keepSession);
    const tokensRevoked = opts.revokeTokens ? await revokeTokensOf(trx, actor.id) : 0;
    await audit(trx, actor, {
      action: 'change-password',
      entity: 'users',
      entityId: actor.id,
      before: null,
      after: { username: actor.username, tokensRevoked },
    });
    return { tokensRevoked };
  });
}

/** Revokes every live API token of a user; returns how many. */
async function revokeTokensOf(trx: Kysely<Database>, userId: string): Promise<number> {
  const r = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

function actorOf(u: { id: string; username: string; role: UserRole; can_see_financials: number }, readOnly = false): Actor {
  return { id: u.id, username: u.username, role: u.role, canSeeFinancials: u.can_see_financials === 1, readOnly };
}

/** Checks a password and opens a session; returns the session token (to put in a cookie). */
export async function login(
  app: FilmRights,
  username: string,
  password: string,
): Promise<{ token: string; actor: Actor; expiresAt: string }> {
  const user = await app.store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', String(username ?? ''))
    .where('disabled', '=', 0)
    .executeTakeFirst();
  // verify against a dummy hash when the user is unknown, so timing does not tell who exists
  const ok = await verifyPassword(String(password ?? ''), user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) throw new UnauthenticatedError('wrong username or password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
  // expired sessions are purged as new ones open, so the table holds only live ones
  await app.store.db.deleteFrom('sessions').where('expires_at', '<', nowIso()).execute();
  await app.store.db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: user.id, created_at: nowIso(), expires_at: expiresAt })
    .execute();
  return { token, actor: actorOf(user), expiresAt };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function logout(app: FilmRights, token: string): Promise<void> {
  await app.store.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export async function actorForSession(app: FilmRights, token: string): Promise<Actor | null> {
  const row = await app.store.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.can_see_financials', 's.expires_at'])
    .where('s.id', '=', sha256(token))
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  if (!row || row.expires_at < nowIso()) return null;
  return actorOf(row);
}

export const TOKEN_DAYS_DEFAULT = 90;
export const TOKEN_DAYS_MAX = 366;

/** A new API token for the actor, shown once; it expires after `days` (default 90, at most 366). Not through a read-only token. */
export async function createApiToken(
  app: FilmRights,
  actor: Actor,
  scope: 'read' | 'write',
  name?: string,
  days: number = TOKEN_DAYS_DEFAULT,
): Promise<{ id: string; token: string; expiresAt: string }> {
  requireWriteScope(actor);
  requireSession(actor, 'create an API token');
  if (scope !== 'read' && scope !== 'write') throw invalid('scope', scope, 'scope: "read" or "write"');
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_DAYS_MAX)
    throw invalid('expiresInDays', days, `expiresInDays: a whole number of days from 1 to ${TOKEN_DAYS_MAX}`);
  const token = `frt_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  await app.store.transaction(async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({ id, user_id: actor.id, token_hash: sha256(token), scope, name: name ?? null, created_at: nowIso(), expires_at: expiresAt })
      .execute();
    await audit(trx, actor, {
      action: 'create',
      entity: 'api_tokens',
      entityId: id,
      before: null,
      after: { scope, name: name ?? null, expiresAt },
    });
  });
  return { id, token, expiresAt };
}

export async function actorForApiToken(app: FilmRights, token: string): Promise<Actor | null> {
  const row = await app.store.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.can_see_financials', 't.scope', 't.expires_at'])
    .where('t.token_hash', '=', sha256(token))
    .where('t.revoked_at', 'is', null)
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  if (!row || (row.expires_at !== null && row.expires_at <= nowIso())) return null;
  return { ...actorOf(row, row.scope === 'read'), viaToken: true };
}

/**
 * On first start: if there is no user, create the admin account with the
 * password from FILMRIGHTS_ADMIN_PASSWORD or a generated one, which is
 * returned so the caller can print it once.
 */
export async function ensureAdmin(
  app: FilmRights,
  password = process.env.FILMRIGHTS_ADMIN_PASSWORD,
): Promise<{ username: string; password: string | null } | null> {
  const any = await app.store.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const generated = password && password.length >= 10 ? null : generatePassword();
  await createUser(app, { username: 'admin', password: generated ?? password!, role: 'admin', canSeeFinancials: true });
  return { username: 'admin', password: generated };
}

export async function listApiTokens(
  app: FilmRights,
  actor: Actor,
): Promise<
  Array<{ id: string; name: string | null; scope: string; createdAt: string; revokedAt: string | null; expiresAt: string | null }>
> {
  const rows = await app.store.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scope', 'created_at', 'revoked_at', 'expires_at'])
    .where('user_id', '=', actor.id)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    expiresAt: r.expires_at,
  }));
}

/** Revokes one of the actor's tokens (an admin may revoke anyone's). */
export async function revokeApiToken(app: FilmRights, actor: Actor, id: string): Promise<void> {
  requireWriteScope(actor);
  await app.store.transaction(async (trx) => {
    const token = await trx.selectFrom('api_tokens').select(['id', 'user_id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!token || (token.user_id !== actor.id && actor.role !== 'admin')) throw invalid('id', id, `id: no API token "${id}" of yours`);
    if (token.revoked_at) return;
    await trx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'revoke', entity: 'api_tokens', entityId: id, before: null, after: null });
  });
}
