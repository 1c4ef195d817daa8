import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

describeEachDatabase('series, seasons and episodes through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;
  const ids: Record<string, string> = {};

  const post = (url: string, payload: unknown) => server.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });
  const get = (url: string) => server.inject({ method: 'GET', url, headers: { cookie } });
  const title = async (key: string, body: object) => {
    const res = await post('/api/titles', body);
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
    return res.json();
  };
  const germanyPayTv = (titles: string[]) =>
    post('/api/avails', { titles, territories: 'Germany', media: 'Pay TV', start: '2027-01-01', end: '2027-12-31' });

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
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('creates a series with its seasons and episodes, and refuses titles that do not fit the tree, naming the field', async () => {
    const series = await title('series', {
      originalTitle: 'Borderland',
      kind: 'series',
      seriesStatus: 'continuing',
      seasonCount: 2,
      countsFinal: false,
    });
    expect(series).toMatchObject({
      kind: 'series',
      series: { kind: 'series', seriesStatus: 'continuing', seasonCount: 2, countsFinal: false },
    });
    for (const n of [1, 2]) {
      await title(`s${n}`, { originalTitle: `Borderland Season ${n}`, kind: 'season', parentId: ids.series, number: n, episodeCount: 3 });
      for (let e = 1; e <= (n === 1 ? 3 : 2); e++)
        await title(`s${n}e${e}`, { originalTitle: `Borderland S${n}E${e}`, kind: 'episode', parentId: ids[`s${n}`], number: e });
    }

    const underSeries = await post('/api/titles', { originalTitle: 'Stray episode', kind: 'episode', parentId: ids.series, number: 9 });
    expect(underSeries.statusCode).toBe(400);
    expect(underSeries.json()).toMatchObject({ field: 'parentId' });
    expect(underSeries.body).toContain('an episode belongs to a season, a miniseries or a volume, not a series');
    const twin = await post('/api/titles', { originalTitle: 'Twin', kind: 'episode', parentId: ids.s1, number: 2 });
    expect(twin.statusCode).toBe(400);
    expect(twin.json()).toMatchObject({ field: 'number' });
    const orphan = await post('/api/titles', { originalTitle: 'Orphan season', kind: 'season', number: 1 });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json()).toMatchObject({ field: 'parentId' });

    const page = (await get(`/api/titles/${ids.series}`)).json();
    expect(page.series.children.map((c: { name: string; number: number }) => [c.name, c.number])).toEqual([
      ['Borderland Season 1', 1],
      ['Borderland Season 2', 2],
    ]);
    expect(page.series.children[0].children.map((c: { number: number }) => c.number)).toEqual([1, 2, 3]);
    const episode = (await get(`/api/titles/${ids.s1e2}`)).json();
    expect(episode.series.ancestors.map((a: { kind: string }) => a.kind)).toEqual(['season', 'series']);
  });

  it('inherits a mandate on the series (an episode withheld), sells Season 1 in Germany, and refuses to sell one of its episodes again', async () => {
    const mandate = await post('/api/contracts', {
      ref: 'FJORD-BORDERLAND-WW',
      status: 'signed',
      licensorId: ids.studio,
      licenseeId: ids.we,
      titleIds: [ids.series],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: '2035-12-31', excludes: [ids.s2e2] }],
    });
    expect(mandate.statusCode, mandate.body).toBe(201);
    expect(mandate.json().blocks[0]).toMatchObject({ includesFuture: true, excludes: [ids.s2e2] });

    const sale = await post('/api/contracts', {
      ref: 'HIMMEL-BORDERLAND-S1',
      status: 'signed',
      licensorId: ids.we,
      licenseeId: ids.sky,
      titleIds: [ids.s1],
      blocks: [{ territories: 'Germany', media: 'Pay TV', start: '2026-06-01', end: '2029-05-31' }],
    });
    expect(sale.statusCode, sale.body).toBe(201);

    const again = await post('/api/contracts', {
      ref: 'HIMMEL-BORDERLAND-S1E2',
      status: 'signed',
      licensorId: ids.we,
      licenseeId: ids.sky,
      titleIds: [ids.s1e2],
      blocks: [{ territories: 'Germany', media: 'Pay TV', start: '2027-01-01', end: '2027-12-31' }],
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.body).toContain('HIMMEL-BORDERLAND-S1');

    const wrongExclusion = await post('/api/contracts', {
      ref: 'BAD',
      status: 'signed',
      licensorId: ids.we,
      licenseeId: ids.sky,
      titleIds: [ids.s1],
      blocks: [{ territories: 'France', media: 'Pay TV', excludes: [ids.s2e1] }],
    });
    expect(wrongExclusion.statusCode).toBe(400);
    expect(wrongExclusion.json()).toMatchObject({ field: 'blocks[0].excludes[0]' });
  });

  it('answers a season through its episodes: Season 1 sold, Season 2 partly available (an episode withheld)', async () => {
    const res = await germanyPayTv([ids.series]);
    expect(res.statusCode, res.body).toBe(200);
    const [group] = res.json().groups;
    expect(group).toMatchObject({ id: ids.series, kind: 'series', status: 'partly-available' });
    expect(group.units.map((u: { title: string; status: string }) => [u.title, u.status])).toEqual([
      ['Borderland S1E1', 'unavailable'],
      ['Borderland S1E2', 'unavailable'],
      ['Borderland S1E3', 'unavailable'],
      ['Borderland S2E1', 'available'],
      ['Borderland S2E2', 'unavailable'],
    ]);
    const s1 = (await germanyPayTv([ids.s1])).json();
    expect(s1.groups[0]).toMatchObject({ kind: 'season', status: 'unavailable' });
    expect(s1.rows.every((r: { status: string }) => r.status === 'unavailable')).toBe(true);
    const withheld = (await germanyPayTv([ids.s2e2])).json();
    expect(withheld.groups).toBeUndefined();
    expect(withheld.rows[0].reasons[0].code).toBe('no-rights-in');
  });

  it('reaches an episode made after the deal (the mandate includes future titles), and the index agrees with the store', async () => {
    await title('s2e3', { originalTitle: 'Borderland S2E3', kind: 'episode', parentId: ids.s2, number: 3 });
    const s2 = (await germanyPayTv([ids.s2])).json();
    expect(s2.groups[0].units.map((u: { status: string }) => u.status)).toEqual(['available', 'unavailable', 'available']);
    const catalog = (await post('/api/avails', { territories: 'Germany', media: 'Pay TV', start: '2027-01-01', end: '2027-12-31' })).json();
    expect(catalog.rows.flatMap((r: { titles: string[] }) => r.titles).sort()).toEqual(['Borderland S2E1', 'Borderland S2E3']);
    const report = await checkIntegrity(app);
    expect(report.indexMismatches).toEqual([]);
  });

  it('refuses to delete a season that has episodes, saying so', async () => {
    const res = await server.inject({ method: 'DELETE', url: `/api/titles/${ids.s1}`, headers: { cookie } });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('titles under it');
  });
});
