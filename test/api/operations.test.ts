/**
 * What an operator's tools ask the server, on both databases:
 * - GET /api/health (liveness) and GET /api/health/ready (readiness) answer without a login,
 *   with the version and the database schema; readiness is 503 once the database stops answering;
 * - GET /api/metrics is for admins only (a session, or an admin's token, read-only will do), and
 *   labels requests by route pattern, never by the raw URL; it counts avails questions, conflict
 *   checks and writes, and reports the rights index and the change feed;
 * - every answer carries its request id.
 */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { SCHEMA_VERSION, type OpenOptions } from '../../src/store/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { ROOT } from '../support/processes.js';

const PASSWORD = 'correct horse battery';
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

/** The value of one series in Prometheus' text format, or undefined when absent. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describeEachDatabase('operations: health, readiness, metrics', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  const cookie: Record<string, string> = {};
  let adminReadToken: string;
  let editorToken: string;
  let titleId: string;
  let options: OpenOptions;

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    options = location.options;
    // following the feed, but on a timer too slow to fire during the test and deaf to other writers'
    // wake-ups (PostgreSQL NOTIFY): the test says when it catches up
    app = await FilmRights.open({ ...location.options, follow: true, followIntervalMs: 3_600_000, followWakeUps: false });
    server = await buildServer(app);
    const admin = await createUser(app, { username: 'ada', password: PASSWORD, role: 'admin' });
    const editor = await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    for (const u of ['ada', 'eva', 'vic']) {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: PASSWORD } });
      cookie[u] = `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    }
    adminReadToken = (await createApiToken(app, { ...SYSTEM, id: admin.id, username: 'ada' }, 'read')).token;
    editorToken = (await createApiToken(app, { ...SYSTEM, id: editor.id, username: 'eva', role: 'editor' }, 'write')).token;
    const title = await server.inject({
      method: 'POST',
      url: '/api/titles',
      headers: { cookie: cookie.eva },
      payload: { originalTitle: 'Night Train to Lisbon', year: 2013 },
    });
    expect(title.statusCode, title.body).toBe(201);
    titleId = title.json().id;
    const company = (name: string, kind: string) =>
      server
        .inject({ method: 'POST', url: '/api/companies', headers: { cookie: cookie.eva }, payload: { name, kind } })
        .then((r) => r.json().id as string);
    const deal = await server.inject({
      method: 'POST',
      url: '/api/contracts',
      headers: { cookie: cookie.eva },
      payload: {
        ref: 'NT-PT',
        direction: 'third-party',
        status: 'signed',
        licensorId: await company('Beta Cinema', 'sales-agent'),
        licenseeId: await company('Leopardo Filmes', 'distributor'),
        titleIds: [titleId],
        blocks: [{ territories: 'Portugal', media: 'Theatrical', start: '2026-01-01', end: '2030-12-31' }],
      },
    });
    expect(deal.statusCode, deal.body).toBe(201);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('answers liveness without a login, with the version and the schema', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: VERSION, schema: SCHEMA_VERSION });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers readiness without a login: the database answers, the index is built, the change feed position', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'ready',
      version: VERSION,
      schema: SCHEMA_VERSION,
      database: { ok: true, dialect: database.name },
      index: { built: true },
    });
    expect(body.changeFeed).toMatchObject({ following: true });
    expect(body.changeFeed.head).toBeGreaterThanOrEqual(1); // the deal is in the feed
    expect(body.changeFeed.position).toBeLessThanOrEqual(body.changeFeed.head);
    // nothing about the catalog beyond the feed's position
    expect(JSON.stringify(body)).not.toContain('Night Train');
    expect(body.index).not.toHaveProperty('titles');
  });

  it('keeps metrics from anonymous users, viewers and editors, and gives them to admins (a read-only token will do)', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(401);
    expect((await server.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: cookie.vic } })).statusCode).toBe(403);
    expect((await server.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: cookie.eva } })).statusCode).toBe(403);
    expect(
      (await server.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Bearer ${editorToken}` } })).statusCode,
    ).toBe(403);
    const byToken = await server.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Bearer ${adminReadToken}` } });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.headers['content-type']).toContain('text/plain');
    expect((await server.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: cookie.ada } })).statusCode).toBe(200);
  });

  it('labels requests by route pattern, counts avails questions, conflict checks and writes, and reports the index and the feed', async () => {
    const read = () => server.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: cookie.ada } }).then((r) => r.body);
    const before = await read();
    const avails0 = series(before, 'filmrights_avails_question_duration_seconds_count', { route: '/api/avails' }) ?? 0;
    const checks0 = series(before, 'filmrights_conflict_check_duration_seconds_count', { route: '/api/conflicts' }) ?? 0;
    const writes0 = series(before, 'filmrights_write_duration_seconds_count', { route: '/api/titles', method: 'POST' }) ?? 0;

    const as = { cookie: cookie.eva };
    expect((await server.inject({ method: 'GET', url: `/api/titles/${titleId}`, headers: as })).statusCode).toBe(200);
    expect((await server.inject({ method: 'GET', url: '/api/titles/no-such-title', headers: as })).statusCode).toBe(404);
    const question = { titles: [titleId], territories: 'Portugal', media: 'SVOD', start: '2027-01-01', end: '2028-12-31', exclusive: true };
    expect((await server.inject({ method: 'POST', url: '/api/avails', headers: as, payload: question })).statusCode).toBe(200);
    const check = {
      titleIds: [titleId],
      blocks: [{ titleId, territories: 'Portugal', media: 'SVOD', start: '2027-01-01', end: '2028-12-31', exclusive: true }],
    };
    expect((await server.inject({ method: 'POST', url: '/api/conflicts', headers: as, payload: check })).statusCode).toBe(200);
    expect(
      (await server.inject({ method: 'POST', url: '/api/titles', headers: as, payload: { originalTitle: 'Amor Fati', year: 2020 } }))
        .statusCode,
    ).toBe(201);

    const after = await read();
    expect(
      series(after, 'filmrights_http_request_duration_seconds_count', { route: '/api/titles/:id', method: 'GET', status_class: '2xx' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      series(after, 'filmrights_http_request_duration_seconds_count', { route: '/api/titles/:id', method: 'GET', status_class: '4xx' }),
    ).toBeGreaterThanOrEqual(1);
    // never the raw URL: no id, no query in any label
    expect(after).not.toContain(titleId);
    expect(after).not.toContain('no-such-title');
    expect(series(after, 'filmrights_avails_question_duration_seconds_count', { route: '/api/avails' })).toBe(avails0 + 1);
    expect(series(after, 'filmrights_conflict_check_duration_seconds_count', { route: '/api/conflicts' })).toBe(checks0 + 1);
    expect(series(after, 'filmrights_write_duration_seconds_count', { route: '/api/titles', method: 'POST' })).toBe(writes0 + 1);
    expect(series(after, 'filmrights_rights_index_titles')).toBe(app.index.titleCount);
    expect(series(after, 'filmrights_rights_index_blocks')).toBe(app.index.blockCount);
    expect(app.lastIndexBuild).toBeTruthy();
    expect(series(after, 'filmrights_rights_index_build_seconds')).toBe(app.lastIndexBuild!.ms / 1000);
    const feed = await app.feedStatus();
    expect(series(after, 'filmrights_change_feed_head')).toBeGreaterThanOrEqual(1);
    expect(series(after, 'filmrights_change_feed_head')).toBeLessThanOrEqual(feed.head);
    expect(series(after, 'filmrights_change_feed_lag')).toBe(
      Math.max(0, series(after, 'filmrights_change_feed_head')! - series(after, 'filmrights_change_feed_position')!),
    );
    // the process's own
    expect(series(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('reports the change feed lag while another process has written what this server has not applied yet', async () => {
    const read = () => server.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: cookie.ada } }).then((r) => r.body);
    await app.catchUp();
    expect(series(await read(), 'filmrights_change_feed_lag')).toBe(0);
    // another process (the CLI, a second server) records a deal on the same database
    const other = await FilmRights.open(options);
    try {
      const { saveContract } = await import('../../src/services/contracts.js');
      const contract = await app.store.db.selectFrom('contracts').select(['licensor_id', 'licensee_id']).executeTakeFirstOrThrow();
      await saveContract(other, SYSTEM, {
        ref: 'NT-BR',
        direction: 'third-party',
        status: 'signed',
        licensorId: contract.licensor_id!,
        licenseeId: contract.licensee_id!,
        titleIds: [titleId],
        blocks: [{ territories: 'Brazil', media: 'Theatrical', start: '2026-01-01', end: '2030-12-31' }],
      } as never);
    } finally {
      await other.close();
    }
    const behind = await read();
    expect(series(behind, 'filmrights_change_feed_lag')).toBe(1);
    expect(series(behind, 'filmrights_change_feed_head')).toBe(series(behind, 'filmrights_change_feed_position')! + 1);
    const ready = (await server.inject({ method: 'GET', url: '/api/health/ready' })).json();
    expect(ready.changeFeed.lag).toBe(1);
    await app.catchUp();
    expect(series(await read(), 'filmrights_change_feed_lag')).toBe(0);
  });

  it('is not ready once its database stops answering', async () => {
    const location = await database.create();
    const lonely = await FilmRights.open(location.options);
    const lonelyServer = await buildServer(lonely);
    try {
      expect((await lonelyServer.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
      await lonely.store.close();
      const res = await lonelyServer.inject({ method: 'GET', url: '/api/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', database: { ok: false, problem: 'the database did not answer' } });
      // liveness still answers: the process is up, it is the database that is not
      expect((await lonelyServer.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await lonelyServer.close();
      await lonely.close();
      await location.drop();
    }
  });
});
