import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { databases } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

describe('access: no route writes without an editor or an admin, and no route reads without a login', () => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let viewerCookie: string;
  let readOnlyToken: string;
  let routes: Array<{ method: string; url: string }>;

  beforeAll(async () => {
    const location = await databases[0].create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await server.ready();
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    const editor = await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
    readOnlyToken = (await createApiToken(app, { ...SYSTEM, id: editor.id, username: 'eva', role: 'editor' }, 'read')).token;
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vic', password: PASSWORD } });
    viewerCookie = `filmrights_session=${login.cookies[0].value}`;
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, 'some-id') })),
    );
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const isWrite = (r: { method: string; url: string }) =>
    ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) &&
    !['/api/auth/login', '/api/auth/logout', '/api/conflicts', '/api/offers/check'].includes(r.url) &&
    !r.url.startsWith('/api/avails') &&
    // a question with a body (the buyer's avails sheet), answered to viewers as GET routes are
    !/^\/api\/buyers\/[^/]+\/avails-sheet$/.test(r.url);

  it('the OpenAPI document lists the write routes this test walks', () => {
    expect(routes.filter(isWrite).length).toBeGreaterThan(10);
  });

  it('refuses every write route to anonymous users, viewers and read-only tokens, before reading the body', async () => {
    for (const r of routes.filter(isWrite)) {
      if (r.url.startsWith('/api/tokens') || r.url === '/api/auth/password') continue; // self-service, below
      const anonymous = await server.inject({ method: r.method as 'POST', url: r.url, payload: {} });
      expect(anonymous.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      const viewer = await server.inject({ method: r.method as 'POST', url: r.url, payload: {}, headers: { cookie: viewerCookie } });
      expect(viewer.statusCode, `${r.method} ${r.url} viewer`).toBe(403);
      const token = await server.inject({
        method: r.method as 'POST',
        url: r.url,
        payload: {},
        headers: { authorization: `Bearer ${readOnlyToken}` },
      });
      expect(token.statusCode, `${r.method} ${r.url} read-only token`).toBe(403);
    }
  });

  it('lets every signed-in user manage their own API tokens, but not through a read-only token', async () => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { scope: 'read', name: 'reports' },
      headers: { cookie: viewerCookie },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect((await server.inject({ method: 'GET', url: '/api/titles', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(
      200,
    );
    expect(
      (
        await server.inject({
          method: 'POST',
          url: '/api/tokens',
          payload: { scope: 'write' },
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(403);
    expect((await server.inject({ method: 'POST', url: '/api/tokens', payload: { scope: 'write' } })).statusCode).toBe(401);
    // nor through a write token: a token that leaks cannot make itself more tokens that outlive its revocation
    const writeToken = (
      await server.inject({ method: 'POST', url: '/api/tokens', payload: { scope: 'write' }, headers: { cookie: viewerCookie } })
    ).json().token as string;
    const minted = await server.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { scope: 'write', expiresInDays: 366 },
      headers: { authorization: `Bearer ${writeToken}` },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().message).toMatch(/sign in/);
    const revoked = await server.inject({ method: 'DELETE', url: `/api/tokens/${created.json().id}`, headers: { cookie: viewerCookie } });
    expect(revoked.statusCode).toBe(204);
    expect((await server.inject({ method: 'GET', url: '/api/titles', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(
      401,
    );
  });

  it('lets every signed-in user change their own password, but not through a read-only token', async () => {
    const body = { currentPassword: 'wrong password', newPassword: 'another long password' };
    const viewer = await server.inject({ method: 'POST', url: '/api/auth/password', payload: body, headers: { cookie: viewerCookie } });
    expect(viewer.statusCode).toBe(400); // past the access check: refused for the wrong current password
    expect(viewer.json().field).toBe('currentPassword');
    expect(
      (
        await server.inject({
          method: 'POST',
          url: '/api/auth/password',
          payload: body,
          headers: { authorization: `Bearer ${readOnlyToken}` },
        })
      ).statusCode,
    ).toBe(403);
    expect((await server.inject({ method: 'POST', url: '/api/auth/password', payload: body })).statusCode).toBe(401);
  });

  it('lets only admins manage users', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/users', headers: { cookie: viewerCookie } })).statusCode).toBe(403);
    const editorToken = (await server.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${readOnlyToken}` } }))
      .statusCode;
    expect(editorToken).toBe(403);
  });

  /** Readable without a login: who am I (answers "nobody"), and the operators' liveness and readiness. */
  const PUBLIC_READS = ['/api/auth/me', '/api/health', '/api/health/ready'];

  it('refuses every read route to anonymous users, but the public ones', async () => {
    for (const r of routes.filter((x) => x.method === 'GET' && !PUBLIC_READS.includes(x.url))) {
      const res = await server.inject({ method: 'GET', url: r.url });
      expect(res.statusCode, `GET ${r.url}`).toBe(401);
    }
  });

  it('answers health and readiness to anyone, with nothing from the catalog', async () => {
    for (const url of ['/api/health', '/api/health/ready']) {
      expect(
        routes.some((r) => r.method === 'GET' && r.url === url),
        `${url} in the OpenAPI document`,
      ).toBe(true);
      const res = await server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(Object.keys(res.json()).sort(), url).toEqual(
        url.endsWith('ready') ? ['changeFeed', 'database', 'index', 'schema', 'status', 'version'] : ['schema', 'status', 'version'],
      );
    }
  });

  it('keeps the metrics from everyone but admins', async () => {
    expect(routes.some((r) => r.method === 'GET' && r.url === '/api/metrics')).toBe(true);
    expect((await server.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(401);
    expect((await server.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: viewerCookie } })).statusCode).toBe(403);
    expect(
      (await server.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Bearer ${readOnlyToken}` } })).statusCode,
    ).toBe(403);
  });

  it('sends security headers', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
