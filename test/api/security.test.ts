/**
 * The holes a probe of a running server found (security round two), each as the attacker's
 * request, and the defences that remove each class: access held to the matched route's own
 * declaration, canonical paths, closed bodies, no server path reachable from HTTP, credentials
 * that expire and go with a reset, writes only from the app's own origin, one date rule.
 */
import { request } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, bodySchemaProblems, canonicalPathProblem, checkDeclared } from '../../src/api/access.js';
import { LoginLimiter } from '../../src/api/loginLimiter.js';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM, type Actor } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { ForbiddenError } from '../../src/services/errors.js';
import { createApiToken, createUser, revokeApiToken } from '../../src/services/users.js';
import { databases } from '../support/databases.js';
import { inCi } from '../support/postgres.js';

const PASSWORD = 'correct horse battery';

interface Identity {
  name: string;
  headers: Record<string, string>;
}

for (const database of databases) {
  const label = `security: the probe's repros [${database.name}]`;
  if (database.unavailable !== undefined) {
    // as the store suites do: with CI=true a missing database fails the suite with the reason; elsewhere it is skipped (and said so once per run)
    if (inCi())
      describe(label, () =>
        it('has its database', () => {
          throw new Error(`${database.name}: ${database.unavailable}`);
        }),
      );
    else describe.skip(label, () => it('needs its database', () => {}));
    continue;
  }
  describe(label, () => {
    let app: FilmRights;
    let server: FastifyInstance;
    let drop: () => Promise<void>;
    const ids: Record<string, Identity> = {};
    let editor: Actor;
    let admin: Actor;
    let routes: Array<{ method: string; path: string }>;

    const login = async (username: string) => {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      expect(res.statusCode, `sign in ${username}`).toBe(200);
      return `filmrights_session=${res.cookies[0].value}`;
    };
    const users = async () => (await app.store.db.selectFrom('users').select('username').execute()).map((u) => u.username).sort();
    const auditCount = async () =>
      Number(
        (
          await app.store.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      const location = await database.create();
      drop = location.drop;
      app = await FilmRights.open(location.options);
      server = await buildServer(app);
      await server.ready();
      await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
      const e = await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
      const a = await createUser(app, { username: 'ada', password: PASSWORD, role: 'admin' });
      editor = { id: e.id, username: 'eva', role: 'editor', canSeeFinancials: false };
      admin = { id: a.id, username: 'ada', role: 'admin', canSeeFinancials: true };
      await createTitle(app, SYSTEM, { originalTitle: 'One Second', year: 2020 });
      ids.anonymous = { name: 'anonymous', headers: {} };
      ids.viewer = { name: 'viewer', headers: { cookie: await login('vic') } };
      ids.editor = { name: 'editor', headers: { cookie: await login('eva') } };
      ids.admin = { name: 'admin', headers: { cookie: await login('ada') } };
      ids.editorReadToken = {
        name: 'editor read-only token',
        headers: { authorization: `Bearer ${(await createApiToken(app, editor, 'read')).token}` },
      };
      ids.adminReadToken = {
        name: 'admin read-only token',
        headers: { authorization: `Bearer ${(await createApiToken(app, admin, 'read')).token}` },
      };
      const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'some-id') })),
      );
    });

    afterAll(async () => {
      await server?.close();
      await app?.close();
      await drop?.();
    });

    it('critical 1: a read-only admin token cannot create an admin through a percent-encoded path', async () => {
      const before = await users();
      const res = await server.inject({
        method: 'POST',
        url: '/%61pi/users',
        payload: { username: 'evil1', password: PASSWORD, role: 'admin' },
        headers: ids.adminReadToken.headers,
      });
      expect(res.statusCode).not.toBe(201);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('non-canonical-path');
      expect(await users()).toEqual(before);
      // and the canonical path holds it to the route's declaration: admin role, write scope
      const plain = await server.inject({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'evil1', password: PASSWORD, role: 'admin' },
        headers: ids.adminReadToken.headers,
      });
      expect(plain.statusCode).toBe(403);
      expect(await users()).toEqual(before);
    });

    it('critical 1: a read-only editor token cannot mint a write token, by any path', async () => {
      for (const url of ['/%61pi/tokens', '/api/%74okens', '/api/tokens', '/api/tokens/', '/api/./tokens', '/API/tokens']) {
        const res = await server.inject({ method: 'POST', url, payload: { scope: 'write' }, headers: ids.editorReadToken.headers });
        expect(res.statusCode, url).not.toBe(201);
        expect([400, 403, 404], url).toContain(res.statusCode);
      }
    });

    it('critical 1: the services refuse a read-only token again, whatever the route did', async () => {
      const readOnlyAdmin: Actor = { ...admin, readOnly: true };
      await expect(createUser(app, { username: 'evil2', password: PASSWORD, role: 'admin' }, readOnlyAdmin)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(createApiToken(app, { ...editor, readOnly: true }, 'write')).rejects.toBeInstanceOf(ForbiddenError);
      const t = await createApiToken(app, editor, 'read');
      await expect(revokeApiToken(app, { ...editor, readOnly: true }, t.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('walks every route with encoded, double-encoded, dot-segment, trailing-slash and case variants of its path, for every identity: none is let further than the path itself', async () => {
      const variants = (path: string): string[] => {
        const segs = path.split('/');
        const encodeFirst = (seg: string) => `%${seg.charCodeAt(0).toString(16)}${seg.slice(1)}`;
        return [
          segs.map((s, i) => (i === 2 ? encodeFirst(s) : s)).join('/'), // /api/%74itles
          segs.map((s, i) => (i === 1 ? encodeFirst(s) : s)).join('/'), // /%61pi/titles
          segs.map((s, i) => (i === 2 ? `%25${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s)).join('/'), // double-encoded
          path.replace('/api/', '/api/./'),
          path.replace('/api/', '/x/../api/'),
          path.replace('/api/', '/api//'),
          `${path}/`,
          path.replace('/api/', '/API/'),
          path.replace('/api/', '/Api/'),
          path.replace('/api/', '/api%2F'),
        ];
      };
      // over a real socket: the path goes out exactly as written (an injected request would be normalised first)
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      const { port } = new URL(address);
      const send = (method: string, path: string, headers: Record<string, string>) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
          const req = request(
            { host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } },
            (res) => {
              let data = '';
              res.on('data', (c) => (data += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      let checked = 0;
      const before = await auditCount();
      for (const r of routes) {
        for (const v of variants(r.path)) {
          for (const who of Object.values(ids)) {
            const res = await send(r.method, v, who.headers);
            // a variant is never answered as the route: refused as non-canonical, or no such route
            expect([400, 404], `${r.method} ${v} as ${who.name}: ${res.status} ${res.body.slice(0, 200)}`).toContain(res.status);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(routes.length * 10 * 5);
      expect(await auditCount()).toBe(before);
    });

    it('critical 2: an editor cannot make the server read a file: the article body has no "file", and unknown properties are refused', async () => {
      const before = Number(
        (
          await app.store.db
            .selectFrom('sources')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      for (const payload of [{ file: '/proc/self/environ' }, { file: '/etc/passwd' }, { text: 'x', file: '/etc/passwd' }]) {
        const res = await server.inject({ method: 'POST', url: '/api/articles', payload, headers: ids.editor.headers });
        expect(res.statusCode).toBe(400);
        expect(res.json().field).toBe('file');
        expect(res.body).not.toContain('root:');
      }
      const after = Number(
        (
          await app.store.db
            .selectFrom('sources')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(after).toBe(before);
    });

    it('every write route refuses an unknown property, naming it, and writes nothing', async () => {
      const before = await auditCount();
      const writes = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.path !== '/api/auth/login');
      for (const r of writes) {
        const res = await server.inject({
          method: r.method as 'POST',
          url: r.path,
          payload: { surpriseField: '/etc/passwd' },
          headers: ids.admin.headers,
        });
        expect([400, 404], `${r.method} ${r.path}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        // refused naming the field at fault: the unknown one, or one the route needs first (a path's word, a required property)
        if (res.statusCode === 400 && res.json().field !== 'id') {
          const { field, message } = res.json() as { field?: string; message: string };
          expect(field, `${r.method} ${r.path}: ${message}`).toBeTruthy();
          expect(message.startsWith(`${field}: `), `${r.method} ${r.path}: ${message}`).toBe(true);
          expect(message, `${r.method} ${r.path}`).toMatch(/surpriseField: unknown property|: required|is not one of the values/);
        }
      }
      const unknownOnTitle = await server.inject({
        method: 'POST',
        url: '/api/titles',
        payload: { originalTitle: 'Leak', file: '/etc/passwd' },
        headers: ids.editor.headers,
      });
      expect(unknownOnTitle.statusCode).toBe(400);
      expect(unknownOnTitle.json()).toMatchObject({ field: 'file' });
      expect(await auditCount()).toBe(before);
    });

    it('5xx no more: empty and null ids, deep nesting, huge text and impossible dates are each a 400 naming the field', async () => {
      const before = await auditCount();
      const title = (await app.store.db.selectFrom('titles').select('id').executeTakeFirstOrThrow()).id;
      const deal = (extra: Record<string, unknown>) => ({
        status: 'negotiating',
        direction: 'out',
        titleIds: [title],
        blocks: [{ territories: 'Germany', media: 'SVOD', start: '2027-01-01', end: '2027-12-31' }],
        ...extra,
      });
      // written as JSON text: serialising a 5,000-deep value in the test would itself overflow
      const deep = { json: `{"originalTitle":"Deep","synopsis":${'['.repeat(5000)}"x"${']'.repeat(5000)}}` };
      const cases: Array<{ url: string; payload: unknown; field: RegExp }> = [
        { url: '/api/contracts', payload: deal({ titleIds: [''] }), field: /^titleIds/ },
        { url: '/api/contracts', payload: deal({ titleIds: [null] }), field: /^titleIds/ },
        { url: '/api/contracts', payload: deal({ licensorId: '' }), field: /^licensorId/ },
        {
          url: '/api/contracts',
          payload: deal({ negotiators: [{ personId: '', side: 'licensor' }] }),
          field: /^negotiators\[0\]\.personId/,
        },
        { url: '/api/titles', payload: deep, field: /^synopsis/ },
        { url: '/api/titles', payload: { originalTitle: 'x'.repeat(1_000_000) }, field: /^originalTitle/ },
        { url: '/api/releases', payload: { titleId: title, territory: 'France', date: '0000-01-01' }, field: /^date/ },
        {
          url: '/api/articles',
          payload: { text: 'Neon has acquired North American rights to One Second.', date: '99999-01-01' },
          field: /^date/,
        },
        {
          url: '/api/articles',
          payload: { text: 'Neon has acquired North American rights to One Second.', date: '0000-01-01' },
          field: /^date/,
        },
        { url: '/api/editions', payload: { festivalId: 'cannes', year: 99999 }, field: /^year/ },
      ];
      for (const c of cases) {
        const raw = (c.payload as { json?: string }).json;
        const res = await server.inject({
          method: 'POST',
          url: c.url,
          payload: raw ?? (c.payload as object),
          headers: { ...ids.editor.headers, 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${c.url} ${res.body.slice(0, 200)}`).toBe(400);
        expect(res.json().field, `${c.url} ${res.body.slice(0, 200)}`).toMatch(c.field);
      }
      expect(await auditCount()).toBe(before);
    });

    it('same-site CSRF: a write from another origin (another port of this host) is refused; the app itself is not', async () => {
      const cookie = ids.editor.headers.cookie;
      const host = 'localhost:8080';
      const other = await server.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, host, origin: 'http://localhost:9999' },
      });
      expect(other.statusCode).toBe(403);
      const site = await server.inject({
        method: 'POST',
        url: '/api/titles',
        payload: { originalTitle: 'CSRF' },
        headers: { cookie, host, 'sec-fetch-site': 'same-site' },
      });
      expect(site.statusCode).toBe(403);
      const nullOrigin = await server.inject({
        method: 'POST',
        url: '/api/titles',
        payload: { originalTitle: 'CSRF' },
        headers: { cookie, host, origin: 'null' },
      });
      expect(nullOrigin.statusCode).toBe(403);
      // the session still works: the refused logout did not end it
      expect((await server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
      const own = await server.inject({
        method: 'POST',
        url: '/api/titles',
        payload: { originalTitle: 'From the app' },
        headers: { cookie, host, origin: 'http://localhost:8080', 'sec-fetch-site': 'same-origin' },
      });
      expect(own.statusCode).toBe(201);
    });

    it('API tokens expire, and a password reset revokes them; a change offers it', async () => {
      const made = await server.inject({
        method: 'POST',
        url: '/api/tokens',
        payload: { scope: 'write', expiresInDays: 1 },
        headers: ids.editor.headers,
      });
      expect(made.statusCode).toBe(201);
      const { token, id, expiresAt } = made.json() as { token: string; id: string; expiresAt: string };
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await server.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
      await app.store.db
        .updateTable('api_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', id)
        .execute();
      expect((await server.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
      const tooLong = await server.inject({
        method: 'POST',
        url: '/api/tokens',
        payload: { scope: 'read', expiresInDays: 5000 },
        headers: ids.editor.headers,
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().field).toBe('expiresInDays');

      // a reset by an admin revokes every token of the user
      const second = (
        await server.inject({ method: 'POST', url: '/api/tokens', payload: { scope: 'read' }, headers: ids.editor.headers })
      ).json() as { token: string };
      expect(
        (await server.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${second.token}` } })).statusCode,
      ).toBe(200);
      const reset = await server.inject({
        method: 'PUT',
        url: `/api/users/${editor.id}/password`,
        payload: { password: PASSWORD },
        headers: ids.admin.headers,
      });
      expect(reset.statusCode).toBe(200);
      expect(
        (await server.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${second.token}` } })).statusCode,
      ).toBe(401);

      // changing one's own password keeps tokens unless asked to revoke them
      const cookie = await login('eva');
      const third = (
        await server.inject({ method: 'POST', url: '/api/tokens', payload: { scope: 'read' }, headers: { cookie } })
      ).json() as { token: string };
      const change = await server.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: PASSWORD, newPassword: 'a brand new long password', revokeTokens: true },
        headers: { cookie },
      });
      expect(change.statusCode).toBe(204);
      expect(
        (await server.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${third.token}` } })).statusCode,
      ).toBe(401);
      await server.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'a brand new long password', newPassword: PASSWORD },
        headers: { cookie },
      });
      ids.editor.headers.cookie = cookie;
    });

    it('the import route decides who may call it before it reads the file', async () => {
      // a body that is not even JSON: a viewer and a read-only token are refused for who they are, never for the body
      // (a fresh read-only token: the one made above was revoked by the password reset)
      const readToken = {
        name: 'a read-only token',
        headers: { authorization: `Bearer ${(await createApiToken(app, admin, 'read')).token}` },
      };
      for (const who of [ids.viewer, readToken, ids.anonymous]) {
        const res = await server.inject({
          method: 'POST',
          url: '/api/import',
          payload: '{"filename": "big.xlsx", "content": "AAAA',
          headers: { ...who.headers, 'content-type': 'application/json' },
        });
        expect(res.statusCode, who.name).toBe(who === ids.anonymous ? 401 : 403);
      }
    });

    it('a write carries JSON: the media type is read as a type, and a write without a body may name no other', async () => {
      const cookie = await login('vic');
      const logout = (type: string | undefined, payload?: string) =>
        server.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, ...(type ? { 'content-type': type } : {}) }, payload });
      expect((await logout('text/plain', '')).statusCode).toBe(415);
      expect((await logout('text/plain; a=application/json', '{}')).statusCode).toBe(415);
      expect((await logout('application/x-www-form-urlencoded', '')).statusCode).toBe(415);
      expect((await logout('application/json; charset=utf-8', '{}')).statusCode).toBe(204);
      expect((await logout(undefined)).statusCode).toBe(204);
    });

    it('guesses sent at the same moment are counted at once: 5 passwords are checked, the rest wait', async () => {
      await createUser(app, { username: 'burst', password: PASSWORD, role: 'viewer' });
      const guesses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'burst', password: `guess-${i}` } }),
        ),
      );
      const codes = guesses.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(35);
    });

    it('the change-password form counts guesses of the current password the same way', async () => {
      await createUser(app, { username: 'burst2', password: PASSWORD, role: 'viewer' });
      const cookie = await login('burst2');
      const guesses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          server.inject({
            method: 'POST',
            url: '/api/auth/password',
            headers: { cookie },
            payload: { currentPassword: `guess-${i}`, newPassword: 'a brand new passphrase' },
          }),
        ),
      );
      const codes = guesses.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 429)).toHaveLength(25);
      expect(codes.filter((c) => c !== 429).every((c) => c === 400)).toBe(true);
    });

    it('expired sessions are purged', async () => {
      await app.store.db
        .insertInto('sessions')
        .values({ id: 'stale-session', user_id: editor.id, created_at: '2020-01-01T00:00:00.000Z', expires_at: '2020-01-15T00:00:00.000Z' })
        .execute();
      await login('vic');
      expect(await app.store.db.selectFrom('sessions').select('id').where('id', '=', 'stale-session').executeTakeFirst()).toBeUndefined();
    });
  });
}

describe('the sign-in limiter', () => {
  it('is bounded, forgets the least recently used unlocked keys, and never a locked one', () => {
    const t = 0;
    const limiter = new LoginLimiter(5, () => t, 100);
    for (let i = 0; i < 5; i++) limiter.failed('1.2.3.4|victim');
    expect(limiter.retryAfter('1.2.3.4|victim')).toBeGreaterThan(0);
    // an attacker sprays 10,000 other keys
    for (let i = 0; i < 10_000; i++) limiter.failed(`9.9.9.9|spray${i}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    expect(limiter.retryAfter('1.2.3.4|victim')).toBeGreaterThan(0);
  });

  it('counts an attempt when it starts, and takes back one that ended without a verdict', () => {
    const t = 0;
    const limiter = new LoginLimiter(2, () => t, 10);
    expect(limiter.begin('k')).toBe(0);
    expect(limiter.begin('k')).toBe(0);
    // two attempts in flight: the third waits before either has been checked
    expect(limiter.begin('k')).toBeGreaterThan(0);
    limiter.abandon('k');
    expect(limiter.begin('k')).toBe(0);
    limiter.succeeded('k');
    expect(limiter.begin('k')).toBe(0);
  });

  it('fails closed when every key it holds is locked', () => {
    const t = 0;
    const limiter = new LoginLimiter(1, () => t, 10);
    for (let i = 0; i < 10; i++) limiter.failed(`k${i}`);
    expect(limiter.retryAfter('someone-new')).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) expect(limiter.retryAfter(`k${i}`)).toBeGreaterThan(0);
  });
});

describe('security by construction: what a route must declare', () => {
  it('a route under /api that declares no access cannot be registered', async () => {
    const s = Fastify();
    s.addHook('onRoute', (r) => checkDeclared(r));
    expect(() => s.get('/api/undeclared', async () => 'x')).toThrow(/declares no access/);
    expect(() => s.get('/api/declared', { config: access('viewer', 'read') }, async () => 'x')).not.toThrow();
    await s.close();
  });

  it('a write route without a body schema, or with an open one, cannot be registered', async () => {
    const s = Fastify();
    s.addHook('onRoute', (r) => checkDeclared(r));
    expect(() =>
      s.post(
        '/api/open',
        {
          config: access('editor', 'write'),
          schema: { body: { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } } },
        },
        async () => 'x',
      ),
    ).toThrow(/accepts unknown properties/);
    expect(() => s.post('/api/none', { config: access('editor', 'write') }, async () => 'x')).toThrow(/declares no body schema/);
    await s.close();
  });

  it('finds unbounded strings and lists, deep inside', () => {
    expect(
      bodySchemaProblems(
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            a: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { s: { type: 'string' } } } },
          },
        },
        'body',
      ),
    ).toEqual(['body.a has no maxItems', 'body.a[].s has no maxLength']);
    expect(
      bodySchemaProblems(
        { type: ['object', 'null'], additionalProperties: false, properties: { k: { type: 'string', enum: ['x'] } } },
        'body',
      ),
    ).toEqual([]);
  });

  it('knows a canonical path from one dressed as another', () => {
    expect(canonicalPathProblem('/api/titles/one-second?q=%61')).toBeNull();
    expect(canonicalPathProblem('/api/titles/%E4%B8%80%E7%A7%92%E9%92%9F')).toBeNull(); // 一秒钟, encoded as it must be
    expect(canonicalPathProblem('/%61pi/users')).toMatch(/needs no encoding/);
    expect(canonicalPathProblem('/api/./users')).toMatch(/dot segment/);
    expect(canonicalPathProblem('/api/%2e%2e/users')).toMatch(/dot segment/);
    expect(canonicalPathProblem('/api/users/')).toMatch(/trailing slash/);
    expect(canonicalPathProblem('/api//users')).toMatch(/empty segment/);
    expect(canonicalPathProblem('/api%2Fusers')).toMatch(/encoded slash/);
    expect(canonicalPathProblem('/api/%zz')).toMatch(/malformed/);
  });
});
