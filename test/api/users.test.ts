/**
 * User administration through the API: roles, disabling, password resets and
 * changes, and the guard that keeps one enabled admin. On SQLite and PostgreSQL.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createApiToken, createUser, updateUser } from '../../src/services/users.js';
import { describeEachDatabase, type TestDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

interface Ctx {
  app: FilmRights;
  server: FastifyInstance;
  drop: () => Promise<void>;
}

async function start(database: TestDatabase): Promise<Ctx> {
  const location = await database.create();
  const app = await FilmRights.open(location.options);
  const server = await buildServer(app);
  await server.ready();
  return { app, server, drop: location.drop };
}

async function stop(ctx: Ctx | undefined): Promise<void> {
  await ctx?.server.close();
  await ctx?.app.close();
  await ctx?.drop();
}

type Who = { cookie: string } | { authorization: string } | Record<string, never>;

function client(server: FastifyInstance) {
  const call = (method: InjectOptions['method'], url: string, who: Who, payload?: unknown) =>
    server.inject({ method, url, headers: { ...who }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  return {
    call,
    async login(username: string, password = PASSWORD): Promise<{ cookie: string }> {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      expect(res.statusCode, `${username} signs in: ${res.body}`).toBe(200);
      return { cookie: `filmrights_session=${res.cookies[0].value}` };
    },
    loginStatus: async (username: string, password: string) =>
      (await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode,
    /** A write any editor may make. */
    write: async (who: Who, name: string) => (await call('POST', '/api/titles', who, { originalTitle: name })).statusCode,
    read: async (who: Who) => (await call('GET', '/api/titles', who)).statusCode,
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describeEachDatabase('users: an admin manages roles, access and passwords', (_open, database) => {
  let ctx: Ctx;
  let api: ReturnType<typeof client>;
  let admin: { cookie: string };
  let adminId: string;

  beforeAll(async () => {
    ctx = await start(database);
    api = client(ctx.server);
    adminId = (await createUser(ctx.app, { username: 'root', password: PASSWORD, role: 'admin' })).id;
    admin = await api.login('root');
  });
  afterAll(() => stop(ctx));

  it("a new role takes effect on the user's next request, and ends their sessions", async () => {
    const eva = await createUser(ctx.app, { username: 'eva', password: PASSWORD, role: 'editor' });
    const token = (await createApiToken(ctx.app, { ...SYSTEM, id: eva.id, username: 'eva', role: 'editor' }, 'write')).token;
    const session = await api.login('eva');
    expect(await api.write(bearer(token), 'Before the demotion')).toBe(201);

    const res = await api.call('PATCH', `/api/users/${eva.id}`, admin, { role: 'viewer' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: eva.id, username: 'eva', role: 'viewer', canSeeFinancials: false, disabled: false });

    expect(await api.read(session)).toBe(401); // the session ended
    expect(await api.write(bearer(token), 'After the demotion')).toBe(403); // the token now acts as a viewer
    const again = await api.login('eva');
    expect(await api.read(again)).toBe(200);
    expect(await api.write(again, 'As a viewer')).toBe(403);

    expect((await api.call('PATCH', `/api/users/${eva.id}`, admin, { role: 'admin' })).statusCode).toBe(200);
    const asAdmin = await api.login('eva');
    expect((await api.call('GET', '/api/users', asAdmin)).statusCode).toBe(200);
    expect((await api.call('PATCH', `/api/users/${eva.id}`, admin, { role: 'editor', canSeeFinancials: true })).json()).toMatchObject({
      role: 'editor',
      canSeeFinancials: true,
    });
  });

  it('viewers and editors cannot manage users (403), whatever the body', async () => {
    const vic = await createUser(ctx.app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    await createUser(ctx.app, { username: 'ed', password: PASSWORD, role: 'editor' });
    const viewer = await api.login('vic');
    const editor = await api.login('ed');
    for (const who of [viewer, editor]) {
      for (const body of [{ role: 'admin' }, { disabled: true }, {}, { nonsense: 1 }]) {
        const res = await api.call('PATCH', `/api/users/${vic.id}`, who, body);
        expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(403);
        expect(res.json().error).toBe('forbidden');
      }
      expect((await api.call('PATCH', `/api/users/${adminId}`, who, { disabled: true })).statusCode).toBe(403);
      expect((await api.call('PUT', `/api/users/${adminId}/password`, who, {})).statusCode).toBe(403);
      expect((await api.call('PUT', `/api/users/${adminId}/password`, who, { password: 'pwned by an editor' })).statusCode).toBe(403);
      expect((await api.call('GET', '/api/users', who)).statusCode).toBe(403);
      expect((await api.call('POST', '/api/users', who, {})).statusCode).toBe(403);
    }
    expect((await api.call('PATCH', `/api/users/${vic.id}`, {}, { role: 'admin' })).statusCode).toBe(401);
    const list = (await api.call('GET', '/api/users', admin)).json() as Array<{ username: string; role: string; disabled: boolean }>;
    expect(list.find((u) => u.username === 'vic')).toMatchObject({ role: 'viewer', disabled: false });
    expect(list.find((u) => u.username === 'root')).toMatchObject({ role: 'admin', disabled: false });
    expect(await api.loginStatus('root', 'pwned by an editor')).toBe(401);
  });

  it('the service itself refuses an API token the making of another (the route is not the only guard)', async () => {
    const root = { ...SYSTEM, id: adminId, username: 'root' };
    await expect(createApiToken(ctx.app, { ...root, viaToken: true }, 'read')).rejects.toThrow(/sign in to create an API token/);
    expect((await createApiToken(ctx.app, root, 'read')).token).toMatch(/^frt_/);
  });

  it('no API token of an admin manages users (a leaked one could make an account that outlives it); a session does', async () => {
    const target = await createUser(ctx.app, { username: 'tok-target', password: PASSWORD, role: 'viewer' });
    const write = (await createApiToken(ctx.app, { ...SYSTEM, id: adminId, username: 'root' }, 'write')).token;
    const read = (await createApiToken(ctx.app, { ...SYSTEM, id: adminId, username: 'root' }, 'read')).token;
    for (const token of [read, write]) {
      expect((await api.call('PATCH', `/api/users/${target.id}`, bearer(token), { role: 'editor' })).statusCode).toBe(403);
      expect((await api.call('PUT', `/api/users/${target.id}/password`, bearer(token), {})).statusCode).toBe(403);
      const made = await api.call('POST', '/api/users', bearer(token), {
        username: 'backdoor',
        password: 'a long enough password',
        role: 'admin',
      });
      expect(made.statusCode).toBe(403);
    }
    expect(await api.loginStatus('backdoor', 'a long enough password')).toBe(401);
    // the service refuses it too, whatever route reaches it
    await expect(
      updateUser(ctx.app, { ...SYSTEM, id: adminId, username: 'root', viaToken: true }, target.id, { role: 'editor' }),
    ).rejects.toThrow(/sign in to manage users/);
    expect((await api.call('PATCH', `/api/users/${target.id}`, admin, { role: 'editor' })).json().role).toBe('editor');
  });

  it('disabling a user ends their session and their API tokens (401); re-enabling lets them back in', async () => {
    const dan = await createUser(ctx.app, { username: 'dan', password: PASSWORD, role: 'editor' });
    const token = (await createApiToken(ctx.app, { ...SYSTEM, id: dan.id, username: 'dan', role: 'editor' }, 'write')).token;
    const session = await api.login('dan');
    expect(await api.read(session)).toBe(200);
    expect(await api.read(bearer(token))).toBe(200);

    const res = await api.call('PATCH', `/api/users/${dan.id}`, admin, { disabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect(await api.read(session)).toBe(401);
    expect(await api.read(bearer(token))).toBe(401);
    expect(await api.write(bearer(token), 'From a disabled account')).toBe(401);
    expect(await api.loginStatus('dan', PASSWORD)).toBe(401);
    const sessions = await ctx.app.store.db.selectFrom('sessions').select('id').where('user_id', '=', dan.id).execute();
    expect(sessions).toEqual([]);

    expect((await api.call('PATCH', `/api/users/${dan.id}`, admin, { disabled: false })).json().disabled).toBe(false);
    const again = await api.login('dan');
    expect(await api.read(again)).toBe(200);
    expect(await api.write(again, 'Back again')).toBe(201);
    expect(await api.read(session)).toBe(401); // the old session stays ended
    expect(await api.read(bearer(token))).toBe(200); // the token was suspended, not revoked
  });

  it('an admin resets a password: a generated one shown once, or the one typed; the old one and the sessions end', async () => {
    const pat = await createUser(ctx.app, { username: 'pat', password: PASSWORD, role: 'viewer' });
    const session = await api.login('pat');
    const generated = await api.call('PUT', `/api/users/${pat.id}/password`, admin, {});
    expect(generated.statusCode, generated.body).toBe(200);
    const { password } = generated.json() as { generated: boolean; password: string };
    expect(generated.json().generated).toBe(true);
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await api.read(session)).toBe(401);
    expect(await api.loginStatus('pat', PASSWORD)).toBe(401);
    await api.login('pat', password);

    const short = await api.call('PUT', `/api/users/${pat.id}/password`, admin, { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ field: 'password', message: 'password: at least 10 characters' });
    expect(JSON.stringify(short.json())).not.toContain('short"');

    const typed = await api.call('PUT', `/api/users/${pat.id}/password`, admin, { password: 'a typed new password' });
    expect(typed.json()).toEqual({ generated: false });
    await api.login('pat', 'a typed new password');
    expect(await api.loginStatus('pat', password)).toBe(401);
  });

  it('a user changes their own password with the current one; the old one fails at sign-in', async () => {
    const sam = await createUser(ctx.app, { username: 'sam', password: PASSWORD, role: 'viewer' });
    const here = await api.login('sam');
    const elsewhere = await api.login('sam');
    const readOnly = (await createApiToken(ctx.app, { ...SYSTEM, id: sam.id, username: 'sam', role: 'viewer' }, 'read')).token;
    const change = (who: Who, body: unknown) => api.call('POST', '/api/auth/password', who, body);

    const wrong = await change(here, { currentPassword: 'not my password', newPassword: 'my new long password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid', field: 'currentPassword' });
    expect(wrong.json().message).toMatch(/^currentPassword: /);
    const short = await change(here, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.json()).toMatchObject({ field: 'newPassword', message: 'newPassword: at least 10 characters' });
    const same = await change(here, { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.json().field).toBe('newPassword');
    const missing = await change(here, { newPassword: 'my new long password' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('currentPassword');
    expect((await change(bearer(readOnly), { currentPassword: PASSWORD, newPassword: 'my new long password' })).statusCode).toBe(403);
    expect((await change({}, { currentPassword: PASSWORD, newPassword: 'my new long password' })).statusCode).toBe(401);
    expect(await api.loginStatus('sam', PASSWORD)).toBe(200); // nothing changed so far

    const ok = await change(here, { currentPassword: PASSWORD, newPassword: 'my new long password' });
    expect(ok.statusCode, ok.body).toBe(204);
    expect(await api.read(here)).toBe(200); // the session that changed it stays
    expect(await api.read(elsewhere)).toBe(401); // the others end
    expect(await api.loginStatus('sam', PASSWORD)).toBe(401);
    await api.login('sam', 'my new long password');
  });

  it('refuses unknown users, unknown fields and bad values, naming the field', async () => {
    const u = await createUser(ctx.app, { username: 'val', password: PASSWORD, role: 'viewer' });
    const missing = await api.call('PATCH', '/api/users/no-such-user', admin, { role: 'editor' });
    expect(missing.statusCode).toBe(404);
    expect((await api.call('PUT', '/api/users/no-such-user/password', admin, {})).statusCode).toBe(404);
    const role = await api.call('PATCH', `/api/users/${u.id}`, admin, { role: 'owner' });
    expect(role.statusCode).toBe(400);
    expect(role.json().field).toBe('role');
    const disabled = await api.call('PATCH', `/api/users/${u.id}`, admin, { disabled: 'maybe' });
    expect(disabled.statusCode).toBe(400);
    expect(disabled.json().field).toBe('disabled');
    expect((await api.call('PATCH', `/api/users/${u.id}`, admin, {})).statusCode).toBe(400);
    expect((await api.call('PATCH', `/api/users/${u.id}`, admin, { password: 'sneaking a password in' })).statusCode).toBe(400);
    expect(await api.loginStatus('val', 'sneaking a password in')).toBe(401);
  });

  it('writes an audit entry for every change, without any password hash', async () => {
    const aud = await createUser(ctx.app, { username: 'aud', password: PASSWORD, role: 'viewer' });
    await api.call('PATCH', `/api/users/${aud.id}`, admin, { role: 'editor' });
    await api.call('PATCH', `/api/users/${aud.id}`, admin, { disabled: true });
    await api.call('PATCH', `/api/users/${aud.id}`, admin, { disabled: false });
    await api.call('PUT', `/api/users/${aud.id}/password`, admin, { password: 'reset by the admin' });
    const own = await api.login('aud', 'reset by the admin');
    expect(
      (await api.call('POST', '/api/auth/password', own, { currentPassword: 'reset by the admin', newPassword: 'chosen by aud herself' }))
        .statusCode,
    ).toBe(204);

    const trail = (await api.call('GET', `/api/audit?entity=users&entityId=${aud.id}`, admin)).json() as Array<{
      user: string;
      action: string;
      before: unknown;
      after: unknown;
    }>;
    expect(trail.map((e) => `${e.user} ${e.action}`)).toEqual([
      'aud change-password',
      'root reset-password',
      'root enable',
      'root disable',
      'root update',
      'system create',
    ]);
    expect(trail[4].before).toEqual({ username: 'aud', role: 'viewer', canSeeFinancials: false, disabled: false });
    expect(trail[4].after).toEqual({ username: 'aud', role: 'editor', canSeeFinancials: false, disabled: false });
    expect(trail[3].after).toMatchObject({ disabled: true });

    const rows = await ctx.app.store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'users').execute();
    const hashes = (await ctx.app.store.db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/scrypt|hash/i);
    for (const h of hashes) expect(text).not.toContain(h.split('$').pop()!);
    for (const p of [PASSWORD, 'reset by the admin', 'chosen by aud herself']) expect(text).not.toContain(p);
  });

  it('lists the new routes in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', {})).json() as {
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    };
    expect(doc.paths['/api/users/{id}'].patch.tags).toEqual(['users']);
    expect(doc.paths['/api/users/{id}/password'].put.summary).toMatch(/Reset/);
    expect(doc.paths['/api/auth/password'].post.tags).toEqual(['auth']);
  });
});

describeEachDatabase('users: at least one enabled admin remains', (_open, database) => {
  let ctx: Ctx;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    ctx = await start(database);
    api = client(ctx.server);
  });
  afterAll(() => stop(ctx));

  it('the last enabled admin cannot demote or disable themselves; with another enabled admin they can', async () => {
    const ada = await createUser(ctx.app, { username: 'ada', password: PASSWORD, role: 'admin' });
    const session = await api.login('ada');
    const demote = await api.call('PATCH', `/api/users/${ada.id}`, session, { role: 'editor' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json()).toMatchObject({ error: 'invalid', field: 'role' });
    expect(demote.json().message).toMatch(/^role: at least one enabled admin must remain/);
    const disable = await api.call('PATCH', `/api/users/${ada.id}`, session, { disabled: true });
    expect(disable.statusCode).toBe(400);
    expect(disable.json()).toMatchObject({ field: 'disabled' });
    expect(disable.json().message).toMatch(/^disabled: at least one enabled admin must remain/);
    expect(await api.read(session)).toBe(200); // refused changes end nothing

    // a disabled admin does not count
    const bob = await createUser(ctx.app, { username: 'bob', password: PASSWORD, role: 'admin' });
    expect((await api.call('PATCH', `/api/users/${bob.id}`, session, { disabled: true })).statusCode).toBe(200);
    expect((await api.call('PATCH', `/api/users/${ada.id}`, session, { role: 'viewer' })).statusCode).toBe(400);
    // a disabled user can be made an admin, but it is enabling them that adds an admin
    expect((await api.call('PATCH', `/api/users/${bob.id}`, session, { disabled: false })).statusCode).toBe(200);
    const res = await api.call('PATCH', `/api/users/${ada.id}`, session, { role: 'editor' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await api.read(session)).toBe(401); // her own session ended with her role
    const bobSession = await api.login('bob');
    expect((await api.call('PATCH', `/api/users/${bob.id}`, bobSession, { disabled: true })).statusCode).toBe(400);
    expect((await api.call('GET', '/api/users', bobSession)).json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: 'ada', role: 'editor' }),
        expect.objectContaining({ username: 'bob', role: 'admin', disabled: false }),
      ]),
    );
  });

  it('two admins demoting each other at the same time leave one admin', async () => {
    const x = await createUser(ctx.app, { username: 'xena', password: PASSWORD, role: 'admin' });
    const y = await createUser(ctx.app, { username: 'yves', password: PASSWORD, role: 'admin' });
    // leave xena and yves as the only enabled admins
    const others = await ctx.app.store.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('id', 'not in', [x.id, y.id])
      .execute();
    for (const o of others) await updateUser(ctx.app, SYSTEM, o.id, { role: 'editor' });
    const asX = { ...SYSTEM, id: x.id, username: 'xena' };
    const asY = { ...SYSTEM, id: y.id, username: 'yves' };
    const results = await Promise.allSettled([
      updateUser(ctx.app, asX, y.id, { role: 'viewer' }),
      updateUser(ctx.app, asY, x.id, { role: 'viewer' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as Error).message).toMatch(/^role: at least one enabled admin must remain/);
    const admins = await ctx.app.store.db
      .selectFrom('users')
      .select('username')
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .execute();
    expect(admins).toHaveLength(1);
  });

  // only PostgreSQL runs writers side by side (SQLite's BEGIN IMMEDIATE serializes them): registered there only, not skipped elsewhere
  if (database.name === 'postgres')
    it('PostgreSQL: a demotion waits for another admin change in flight, then sees it', async () => {
      // lena is demoted in a transaction held open; zoe's demotion must wait for it and then be
      // refused, not read lena as still enabled and leave no admin at all.
      const last = await createUser(ctx.app, { username: 'lena', password: PASSWORD, role: 'admin' });
      const zoe = await createUser(ctx.app, { username: 'zoe', password: PASSWORD, role: 'admin' });
      await ctx.app.store.db
        .updateTable('users')
        .set({ role: 'editor' })
        .where('role', '=', 'admin')
        .where('id', 'not in', [last.id, zoe.id])
        .execute();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let held!: () => void;
      const holding = new Promise<void>((r) => (held = r));
      const first = ctx.app.store.transaction(async (trx) => {
        await trx.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').forUpdate().execute();
        await trx.updateTable('users').set({ role: 'viewer' }).where('id', '=', last.id).execute();
        held();
        await gate;
      });
      await holding;
      let settled = false;
      const second = updateUser(ctx.app, { ...SYSTEM, id: zoe.id, username: 'zoe' }, zoe.id, { role: 'viewer' }).finally(
        () => (settled = true),
      );
      second.catch(() => undefined);
      // wait until the second change is blocked on a row lock (or, were it not to lock, has finished)
      for (;;) {
        const waiting = await ctx.app.store.db
          .selectFrom(sql<{ wait_event_type: string | null; datname: string }>`pg_stat_activity`.as('a'))
          .select('a.wait_event_type')
          .where(sql<boolean>`a.datname = current_database()`)
          .where('a.wait_event_type', '=', 'Lock')
          .execute();
        if (waiting.length || settled) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      release();
      await first;
      await expect(second).rejects.toThrow(/^role: at least one enabled admin must remain/);
      const left = await ctx.app.store.db
        .selectFrom('users')
        .select('username')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .execute();
      expect(left).toEqual([{ username: 'zoe' }]);
    });
});
