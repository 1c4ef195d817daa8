/**
 * A sales agent reading "no" wants to know which deal says so and until
 * when, and a partly available country should say which part of the window
 * is held: the avails reasons carry the deal's id, parties and end date,
 * and the map gives each country's periods with their dates.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a) + 1;

describeEachDatabase('avails reasons name the deal and its end; the map dates its periods', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;
  const ids: Record<string, string> = {};

  const post = (url: string, payload: unknown) => server.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    for (const [key, name, kind] of [
      ['wb', 'Wild Bunch', 'sales-agent'],
      ['huanxi', 'Huanxi Media Group', 'production'],
      ['neon', 'Neon', 'distributor'],
      ['alamode', 'Alamode Film', 'distributor'],
      ['diaphana', 'Diaphana', 'distributor'],
    ] as const) {
      ids[key] = (await findOrCreateCompany(app, SYSTEM, { name, kind })).company.id;
    }
    await setWeCompany(app, SYSTEM, ids.wb);
    ids.film = (await createTitle(app, SYSTEM, { originalTitle: 'One Second', year: 2020, countries: ['CN'] })).id;
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'eva', password: PASSWORD } });
    cookie = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;

    const deal = async (
      ref: string,
      status: string,
      licensor: string,
      licensee: string,
      territories: string,
      start: string,
      end: string | null,
    ) => {
      const res = await post('/api/contracts', {
        ref,
        status,
        licensorId: ids[licensor],
        licenseeId: ids[licensee],
        titleIds: [ids.film],
        blocks: [{ territories, media: 'All Media', start, end, exclusive: true }],
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[ref] = res.json().id;
    };
    await deal('WB-MANDATE', 'signed', 'huanxi', 'wb', 'Worldwide excluding China', '2020-01-01', null);
    await deal('WB-NEON-NA', 'signed', 'wb', 'neon', 'North America', '2021-09-18', '2036-09-17');
    await deal('WB-DIAPHANA-FR', 'signed', 'wb', 'diaphana', 'France', '2022-01-01', null);
    await deal('WB-ALAMODE-DE', 'negotiating', 'wb', 'alamode', 'Germany', '2026-03-01', '2029-12-31');
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('a sold answer names the deal by id, with its parties and the end of its term (null: perpetuity)', async () => {
    const res = await post('/api/avails', {
      titles: [ids.film],
      territories: 'North America, France',
      media: 'SVOD',
      start: '2027-01-01',
      end: '2027-12-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as Array<{
      territoryLabel: string;
      reasons: Array<{ code: string; contracts: string[]; message: string; deals: unknown[] }>;
    }>;
    const na = rows.find((r) => r.territoryLabel === 'North America')!;
    expect(na.reasons).toEqual([
      {
        code: 'rights-out-exist',
        contracts: ['WB-NEON-NA'],
        message: 'sold to WB-NEON-NA (Neon)',
        deals: [{ ref: 'WB-NEON-NA', id: ids['WB-NEON-NA'], licensor: 'Wild Bunch', licensee: 'Neon', end: '2036-09-17' }],
      },
    ]);
    const fr = rows.find((r) => r.territoryLabel === 'France')!;
    expect(fr.reasons[0].deals).toEqual([
      { ref: 'WB-DIAPHANA-FR', id: ids['WB-DIAPHANA-FR'], licensor: 'Wild Bunch', licensee: 'Diaphana', end: null },
    ]);
  });

  it('a hold names the deal in negotiation and when it ends', async () => {
    const res = await post('/api/avails', {
      titles: [ids.film],
      territories: 'Germany',
      media: 'All Media',
      start: '2026-01-01',
      end: '2030-12-31',
      match: 'overlap-part',
    });
    expect(res.statusCode, res.body).toBe(200);
    const held = (res.json().rows as Array<{ status: string; reasons: Array<{ deals?: unknown[] }> }>).find((r) => r.status === 'on-hold')!;
    expect(held.reasons[0].deals).toEqual([
      { ref: 'WB-ALAMODE-DE', id: ids['WB-ALAMODE-DE'], licensor: 'Wild Bunch', licensee: 'Alamode Film', end: '2029-12-31' },
    ]);
  });

  it('a country on hold for most of the window is partly available, and says which days are held and which are free', async () => {
    const res = await server.inject({
      method: 'GET',
      url: `/api/titles/${ids.film}/map?media=All%20Media&start=2026-01-01&end=2030-12-31`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const de = res.json().countries.DE;
    expect(de.status).toBe('partial');
    expect(
      de.periods.map((p: { status: string; start: string; end: string; media: string }) => [p.status, p.start, p.end, p.media]),
    ).toEqual([
      ['available', '2026-01-01', '2026-02-28', 'All Media'],
      ['on-hold', '2026-03-01', '2029-12-31', 'All Media'],
      ['available', '2030-01-01', '2030-12-31', 'All Media'],
    ]);
    expect(de.periods[1].reasons[0].deals).toEqual([
      { ref: 'WB-ALAMODE-DE', id: ids['WB-ALAMODE-DE'], licensor: 'Wild Bunch', licensee: 'Alamode Film', end: '2029-12-31' },
    ]);
    expect(de.days).toEqual({
      'on-hold': daysBetween('2026-03-01', '2029-12-31'),
      available: daysBetween('2026-01-01', '2026-02-28') + daysBetween('2030-01-01', '2030-12-31'),
    });
    // The rest of the map is unchanged: the U.S. sold for the whole window, with the deal's end.
    const us = res.json().countries.US;
    expect(us.status).toBe('sold');
    expect(us.periods).toEqual([
      {
        status: 'sold',
        start: '2026-01-01',
        end: '2030-12-31',
        media: 'All Media',
        languages: null,
        reasons: [
          expect.objectContaining({
            code: 'rights-out-exist',
            deals: [expect.objectContaining({ id: ids['WB-NEON-NA'], end: '2036-09-17' })],
          }),
        ],
      },
    ]);
    expect(us.days).toEqual({ sold: daysBetween('2026-01-01', '2030-12-31') });
  });

  it('an open-ended window gives periods but no day counts', async () => {
    const res = await server.inject({ method: 'GET', url: `/api/titles/${ids.film}/map?media=SVOD&start=2026-01-01`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const de = res.json().countries.DE;
    expect(de.status).toBe('partial');
    expect(de.days).toBeUndefined();
    expect(de.periods.at(-1)).toMatchObject({ status: 'available', start: '2030-01-01', end: null });
  });
});
