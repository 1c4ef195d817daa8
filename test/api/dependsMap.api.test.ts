/**
 * The title page's availability map of a series, its seasons and episodes (docs/series.md), and
 * a country whose answer waits for an event not yet dated: status `depends`, with its words.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

interface MapAnswer {
  countries: Record<
    string,
    {
      status: string;
      periods?: Array<{ status: string; start: string | null; end: string | null; titles?: string[]; reasons: Array<{ message: string }> }>;
      reasons?: Array<{ code: string; message: string }>;
    }
  >;
}

describeEachDatabase('the title page map of a series, a season and an episode', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;
  const ids: Record<string, string> = {};

  const send = (method: 'POST' | 'GET', url: string, payload?: unknown) =>
    server.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: { cookie } });
  const title = async (key: string, body: object) => {
    const res = await send('POST', '/api/titles', body);
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  const map = async (key: string, media = 'Pay TV', start = '2027-01-01', end = '2027-12-31') => {
    const res = await send('GET', `/api/titles/${ids[key]}/map?media=${encodeURIComponent(media)}&start=${start}&end=${end}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as MapAnswer).countries;
  };
  const avails = async (key: string) => {
    const res = await send('POST', '/api/avails', {
      titles: [ids[key]],
      territories: 'Germany',
      media: 'Pay TV',
      start: '2027-01-01',
      end: '2027-12-31',
      match: 'overlap-part',
      include: 'all',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rows: Array<{ status: string; titles: string[] }>; groups?: Array<{ id: string; status: string }> };
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
    await title('series', { originalTitle: 'Saltwater', kind: 'series', seriesStatus: 'continuing' });
    for (const n of [1, 2]) {
      await title(`s${n}`, { originalTitle: `Saltwater Season ${n}`, kind: 'season', parentId: ids.series, number: n });
      for (const e of [1, 2])
        await title(`s${n}e${e}`, { originalTitle: `Saltwater S${n}E${e}`, kind: 'episode', parentId: ids[`s${n}`], number: e });
    }
    const mandate = await send('POST', '/api/contracts', {
      ref: 'FJORD-SALTWATER-WW',
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

  it('rights held on the series reach the maps of the series, its seasons and episodes: not "no rights"', async () => {
    for (const key of ['series', 's1', 's2', 's1e1']) {
      const fr = (await map(key)).FR;
      expect(fr?.status, key).toBe('available');
    }
  });

  it('a dated pay-TV sale of Season 1 in Germany: sold on the season and its episodes, partly available on the series', async () => {
    const sale = await send('POST', '/api/contracts', {
      ref: 'HIMMEL-SALTWATER-S1',
      status: 'signed',
      licensorId: ids.we,
      licenseeId: ids.sky,
      titleIds: [ids.s1],
      blocks: [{ territories: 'Germany', media: 'Pay TV', start: '2027-01-01', end: '2029-12-31' }],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    expect((await map('s1')).DE.status).toBe('sold');
    expect((await map('s1e2')).DE.status).toBe('sold');
    expect((await map('s2')).DE.status).toBe('available');
    const series = (await map('series')).DE;
    // available only where every episode is: Season 2 is free, Season 1 is sold
    expect(series.status).toBe('partial');
    const sold = series.periods!.find((p) => p.status === 'sold')!;
    expect(sold.titles).toEqual(['Saltwater S1E1', 'Saltwater S1E2']);
    expect((await map('series')).FR.status).toBe('available');
    // avails agree: the season as a whole is unavailable, the series partly available
    expect((await avails('s1')).groups?.[0].status).toBe('unavailable');
    expect((await avails('series')).groups?.[0].status).toBe('partly-available');
  });

  it('a sale of Season 2 from 6 months after the German theatrical release: Germany depends, in words, until the release is recorded', async () => {
    const sale = await send('POST', '/api/contracts', {
      ref: 'HIMMEL-SALTWATER-S2',
      status: 'signed',
      licensorId: ids.we,
      licenseeId: ids.sky,
      titleIds: [ids.s2],
      blocks: [
        {
          territories: 'Germany',
          media: 'Pay TV',
          startCondition: { event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' },
          end: '2031-12-31',
        },
      ],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    for (const key of ['s2', 's2e1']) {
      const de = (await map(key)).DE;
      expect(de.status, key).toBe('depends');
      expect(de.reasons?.map((r) => r.code)).toEqual(['depends']);
      expect(de.reasons?.[0].message).toContain('depends on the German theatrical release + 6 months, not yet dated');
    }
    expect((await map('s2')).FR.status).toBe('available');
    const rows = (await avails('s2')).rows;
    expect(rows.map((r) => r.status)).toEqual(['depends']);
    expect((await avails('s2')).groups?.[0].status).toBe('depends');

    const release = await send('POST', '/api/releases', { titleId: ids.s2, territory: 'DE', date: '2027-03-31', kind: 'theatrical' });
    expect(release.statusCode, release.body).toBe(201);
    const de = (await map('s2')).DE;
    expect(de.status).toBe('partial');
    expect(de.periods?.map((p) => [p.status, p.start, p.end])).toEqual([
      ['available', '2027-01-01', '2027-09-30'],
      ['sold', '2027-10-01', '2027-12-31'],
    ]);
  });
});
