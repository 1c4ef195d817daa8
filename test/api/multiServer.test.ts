import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';
import { parseDay } from '../../src/domain/dates.js';
import { parseMedia } from '../../src/domain/media.js';
import { parseTerritories } from '../../src/domain/territories.js';

/** Waits until `check` holds, polling; fails after `ms` (a bound, not a measured speed). */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeEachDatabase('several app servers on one database', (_open, database) => {
  let a: FilmRights;
  let b: FilmRights;
  let serverA: FastifyInstance;
  let serverB: FastifyInstance;
  let drop: () => Promise<void>;
  let tokenA: string;
  let tokenB: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    a = await FilmRights.open({ ...location.options, follow: true, followIntervalMs: 100 });
    b = await FilmRights.open({ ...location.options, follow: true, followIntervalMs: 100 });
    serverA = await buildServer(a);
    serverB = await buildServer(b);
    const user = await createUser(a, { username: 'eva', password: 'correct horse battery', role: 'editor' });
    const actor = { ...SYSTEM, id: user.id, username: 'eva', role: 'editor' as const };
    tokenA = (await createApiToken(a, actor, 'write')).token;
    tokenB = (await createApiToken(b, actor, 'write')).token;
    ids.wb = (await findOrCreateCompany(a, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    ids.huanxi = (await findOrCreateCompany(a, SYSTEM, { name: 'Huanxi Media Group', kind: 'production' })).company.id;
    ids.neon = (await findOrCreateCompany(a, SYSTEM, { name: 'Neon', kind: 'distributor' })).company.id;
    for (let i = 0; i < 50; i++)
      ids[`b${i}`] = (await findOrCreateCompany(a, SYSTEM, { name: `Buyer ${i}`, kind: 'distributor' })).company.id;
    await setWeCompany(a, SYSTEM, ids.wb);
    ids.film = (await createTitle(a, SYSTEM, { originalTitle: 'One Second', year: 2020 })).id;
    await saveContract(a, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: ids.huanxi,
      licenseeId: ids.wb,
      titleIds: [ids.film],
      blocks: [{ territories: 'Worldwide excluding China', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }],
    });
  });

  afterAll(async () => {
    await serverA?.close();
    await serverB?.close();
    await a?.close();
    await b?.close();
    await drop?.();
  });

  const avails = (server: FastifyInstance, token: string, territories: string) =>
    server.inject({
      method: 'POST',
      url: '/api/avails',
      headers: { authorization: `Bearer ${token}` },
      payload: { titles: ['One Second'], territories, media: 'All Media', start: '2022-01-01', end: '2022-12-31' },
    });
  const sell = (server: FastifyInstance, token: string, ref: string, buyer: string, territories: string) =>
    server.inject({
      method: 'POST',
      url: '/api/contracts',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        ref,
        status: 'signed',
        licensorId: ids.wb,
        licenseeId: buyer,
        titleIds: [ids.film],
        blocks: [{ territories, media: 'All Media', start: '2021-09-18', end: '2036-09-17', exclusive: true }],
      },
    });

  it("a deal signed through one server shows in the other's avails", async () => {
    await eventually(async () => (await avails(serverB, tokenB, 'North America')).json().rows[0]?.status === 'available');
    const signed = await sell(serverA, tokenA, 'NEON-NA', ids.neon, 'North America');
    expect(signed.statusCode, signed.body).toBe(201);
    await eventually(async () => (await avails(serverB, tokenB, 'North America')).json().rows[0]?.status === 'unavailable');
    const row = (await avails(serverB, tokenB, 'North America')).json().rows[0];
    expect(row.reasons[0]).toMatchObject({ code: 'rights-out-exist', contracts: ['NEON-NA'] });
  });

  // Two app servers in ONE process on one SQLite file would block each other's
  // event loop on the file lock; several SQLite writers are separate processes
  // (a CLI next to the server), so the race runs on PostgreSQL, the database
  // several servers share in production.
  if (database.name === 'postgres')
    it('50 simultaneous sales of one right split over both servers: exactly one wins', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2 ? sell(serverA, tokenA, `RACE-${i}`, ids[`b${i}`], 'France') : sell(serverB, tokenB, `RACE-${i}`, ids[`b${i}`], 'France'),
        ),
      );
      expect(attempts.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(attempts.filter((r) => r.statusCode === 409)).toHaveLength(49);
      const rows = await a.store.db.selectFrom('contracts').select('ref').where('ref', 'like', 'RACE-%').execute();
      expect(rows).toHaveLength(1);
    });

  it('a mandate on a series signed on one server, an episode added on the other: both servers answer it available', async () => {
    const series = (await createTitle(a, SYSTEM, { originalTitle: 'Borderland', kind: 'series' })).id;
    const season = (await createTitle(a, SYSTEM, { originalTitle: 'Borderland Season 1', kind: 'season', parentId: series, number: 1 })).id;
    await saveContract(a, SYSTEM, {
      ref: 'BORDERLAND-MANDATE',
      status: 'signed',
      licensorId: ids.huanxi,
      licenseeId: ids.wb,
      titleIds: [series],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }],
    });
    // both servers have read the mandate; then the episode is written through server B, and server A learns of it from the change feed
    await a.catchUp();
    await b.catchUp();
    const episode = (await createTitle(b, SYSTEM, { originalTitle: 'Borderland S1E1', kind: 'episode', parentId: season, number: 1 })).id;
    const free = async (app: FilmRights) => {
      const rows = app.index.avails([episode], {
        territories: parseTerritories('France'),
        media: parseMedia('Pay TV'),
        languages: null,
        start: parseDay('2022-01-01'),
        end: parseDay('2022-12-31'),
        exclusive: true,
        match: 'cover-entire',
      });
      return rows.length === 1 && rows[0].outcome.status === 'available';
    };
    await eventually(() => free(a));
    await eventually(() => free(b));
  });
});
