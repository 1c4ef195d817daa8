import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

describeEachDatabase('windows that depend on events, through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;
  const ids: Record<string, string> = {};

  const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: unknown) =>
    server.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: { cookie } });
  const title = async (key: string, body: object) => {
    const res = await send('POST', '/api/titles', body);
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  const germanyPayTv = async (start: string, end: string) => {
    const res = await send('POST', '/api/avails', {
      titles: [ids.e1],
      territories: 'Germany',
      media: 'Pay TV',
      start,
      end,
      exclusive: true,
      match: 'overlap-part',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().rows as Array<{
      status: string;
      start: string;
      end: string | null;
      reasons: Array<{ code: string; message: string }>;
    }>;
  };

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    for (const [key, name, kind] of [
      ['we', 'Northlight Distribution', 'distributor'],
      ['studio', 'Fjord Pictures', 'production'],
      ['sky', 'Himmel TV', 'broadcaster'],
    ] as const)
      ids[key] = (await findOrCreateCompany(app, SYSTEM, { name, kind })).company.id;
    await setWeCompany(app, SYSTEM, ids.we);
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'eva', password: PASSWORD } });
    cookie = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    await title('series', { originalTitle: 'Borderland', kind: 'series', seriesStatus: 'continuing' });
    await title('s1', { originalTitle: 'Borderland Season 1', kind: 'season', parentId: ids.series, number: 1 });
    await title('e1', { originalTitle: 'Borderland S1E1', kind: 'episode', parentId: ids.s1, number: 1 });
    const mandate = await send('POST', '/api/contracts', {
      ref: 'FJORD-BORDERLAND-WW',
      status: 'signed',
      licensorId: ids.studio,
      licenseeId: ids.we,
      titleIds: [ids.series],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: '2035-12-31' }],
    });
    expect(mandate.statusCode, mandate.body).toBe(201);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const sixMonthsAfterGermanRelease = { event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' };

  it('refuses a condition it cannot resolve, naming the field, and a term with both a date and a condition', async () => {
    const base = { ref: 'BAD', status: 'signed', licensorId: ids.we, licenseeId: ids.sky, titleIds: [ids.s1] };
    const noCountry = await send('POST', '/api/contracts', {
      ...base,
      blocks: [{ territories: 'Germany', media: 'Pay TV', startCondition: { ...sixMonthsAfterGermanRelease, territory: null } }],
    });
    expect(noCountry.statusCode).toBe(400);
    expect(noCountry.json()).toMatchObject({ field: 'blocks[0].startCondition.territory' });
    const both = await send('POST', '/api/contracts', {
      ...base,
      blocks: [{ territories: 'Germany', media: 'Pay TV', start: '2027-01-01', startCondition: sixMonthsAfterGermanRelease }],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ field: 'blocks[0].startCondition' });
    // a window that waits for its start but has ended already says what to do, not "end is before start <today>"
    const over = await send('POST', '/api/contracts', {
      ...base,
      blocks: [{ territories: 'Germany', media: 'Pay TV', startCondition: sixMonthsAfterGermanRelease, end: '2020-12-31' }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ field: 'blocks[0].end' });
    expect(over.json().message).toContain('its start waits for an event not recorded yet');
  });

  it('a pay-TV sale of Season 1 from 6 months after the German theatrical release: depends until the release is recorded, then exact', async () => {
    const sale = await send('POST', '/api/contracts', {
      ref: 'HIMMEL-BORDERLAND-S1',
      status: 'signed',
      licensorId: ids.we,
      licenseeId: ids.sky,
      titleIds: [ids.s1],
      blocks: [{ territories: 'Germany', media: 'Pay TV', startCondition: sixMonthsAfterGermanRelease, end: '2031-12-31' }],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    expect(sale.json().blocks[0].startCondition).toMatchObject({ label: 'the German theatrical release + 6 months' });

    const before = await germanyPayTv('2027-01-01', '2027-12-31');
    expect(before).toHaveLength(1);
    expect(before[0].status).toBe('depends');
    expect(before[0].reasons[0].code).toBe('depends');
    expect(before[0].reasons[0].message).toContain('depends on the German theatrical release + 6 months, not yet dated');
    // after the sale's end, nothing depends: the rights are free
    const later = await germanyPayTv('2032-01-01', '2032-12-31');
    expect(later.map((r) => r.status)).toEqual(['available']);

    // "assuming the release on 31 March 2027": the exact answer, and nothing recorded
    const assumed = await send('POST', '/api/avails', {
      titles: [ids.s1],
      territories: 'Germany',
      media: 'Pay TV',
      start: '2027-01-01',
      end: '2027-12-31',
      match: 'overlap-part',
      assume: [{ event: 'release', territory: 'DE', media: 'theatrical', date: '2027-03-31' }],
    });
    expect(assumed.statusCode, assumed.body).toBe(200);
    expect(assumed.json().rows.map((r: { status: string; start: string }) => [r.status, r.start])).toEqual([
      ['available', '2027-01-01'],
      ['unavailable', '2027-10-01'],
    ]);
    expect((await germanyPayTv('2027-01-01', '2027-12-31'))[0].reasons[0].code).toBe('depends');
    const noTitles = await send('POST', '/api/avails', {
      territories: 'Germany',
      media: 'Pay TV',
      start: '2027-01-01',
      assume: [{ event: 'release', territory: 'DE', media: 'theatrical', date: '2027-03-31' }],
    });
    expect(noTitles.statusCode).toBe(400);
    expect(noTitles.json()).toMatchObject({ field: 'assume' });

    const release = await send('POST', '/api/releases', { titleId: ids.s1, territory: 'DE', date: '2027-03-31', kind: 'theatrical' });
    expect(release.statusCode, release.body).toBe(201);
    const after = await germanyPayTv('2027-01-01', '2027-12-31');
    expect(after.map((r) => [r.status, r.start, r.end, r.reasons.map((x) => x.code)])).toEqual([
      ['available', '2027-01-01', '2027-09-30', []],
      ['unavailable', '2027-10-01', '2027-12-31', ['rights-out-exist']],
    ]);
    // the change went through the feed and its audit, and the index agrees with the store
    expect((await checkIntegrity(app)).indexMismatches).toEqual([]);

    // moving the release moves the window; deleting it makes the window depend again
    await send('PATCH', `/api/releases/${release.json().id}`, { date: '2027-05-15' });
    const moved = await germanyPayTv('2027-01-01', '2027-12-31');
    expect(moved[1]).toMatchObject({ start: '2027-11-15' });
    const removed = await send('DELETE', `/api/releases/${release.json().id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await germanyPayTv('2027-01-01', '2027-12-31'))[0].reasons[0].code).toBe('depends');
    // restored from the history, the release dates the window again
    const restored = await send('POST', `/api/history/releases/${release.json().id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await germanyPayTv('2027-01-01', '2027-12-31'))[1]).toMatchObject({ start: '2027-11-15' });
  });

  it('a holdback until delivery + 30 days blocks until the contract has a delivery date', async () => {
    await title('film', { originalTitle: 'Cold Harbour' });
    const mk = (deliveryDate: string | null, version?: number) => ({
      ref: 'FJORD-COLD-HARBOUR',
      status: 'signed',
      licensorId: ids.studio,
      licenseeId: ids.we,
      titleIds: [ids.film],
      deliveryDate,
      ...(version ? { version } : {}),
      blocks: [{ territories: 'France', media: 'SVOD', start: '2026-01-01', end: '2030-12-31' }],
      holdbacks: [
        {
          territories: 'France',
          media: 'SVOD',
          start: '2026-01-01',
          endCondition: { event: 'delivery', offset: 30, unit: 'days' },
          description: 'no SVOD until 30 days after delivery',
        },
      ],
    });
    const created = await send('POST', '/api/contracts', mk(null));
    expect(created.statusCode, created.body).toBe(201);
    const ask = async () =>
      (
        await send('POST', '/api/avails', {
          titles: [ids.film],
          territories: 'France',
          media: 'SVOD',
          start: '2026-06-01',
          end: '2026-12-31',
          match: 'overlap-part',
        })
      ).json().rows as Array<{ status: string; start: string; reasons: Array<{ code: string }> }>;
    expect((await ask()).map((r) => r.reasons.map((x) => x.code))).toEqual([['depends']]);
    const updated = await send('PUT', `/api/contracts/${created.json().id}`, mk('2026-07-01', created.json().version));
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().deliveryDate).toBe('2026-07-01');
    expect((await ask()).map((r) => [r.status, r.start])).toEqual([
      ['unavailable', '2026-06-01'],
      ['available', '2026-08-01'],
    ]);
  });
});
