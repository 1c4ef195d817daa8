import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { newId, toJson } from '../../src/store/index.js';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('history: delete, restore, and the integrity check', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let auth: { authorization: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const admin = await createUser(app, { username: 'ada', password: 'correct horse battery', role: 'admin' });
    auth = { authorization: `Bearer ${(await createApiToken(app, { ...SYSTEM, id: admin.id, username: 'ada' }, 'write')).token}` };
    for (const [k, name] of [
      ['wb', 'Wild Bunch'],
      ['hx', 'Huanxi Media Group'],
      ['neon', 'Neon'],
      ['a24', 'A24'],
    ] as const) {
      ids[k] = (await findOrCreateCompany(app, SYSTEM, { name, kind: 'distributor' })).company.id;
    }
    await setWeCompany(app, SYSTEM, ids.wb);
    ids.film = (await createTitle(app, SYSTEM, { originalTitle: 'One Second' })).id;
    await saveContract(app, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: ids.hx,
      licenseeId: ids.wb,
      titleIds: [ids.film],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }],
    });
    ids.neonDeal = (
      await saveContract(app, SYSTEM, {
        ref: 'NEON-NA',
        status: 'signed',
        licensorId: ids.wb,
        licenseeId: ids.neon,
        titleIds: [ids.film],
        blocks: [{ territories: 'North America', media: 'All Media', start: '2021-09-18', end: '2036-09-17' }],
      })
    ).contract.id;
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const statusInNorthAmerica = async () =>
    (
      await server.inject({
        method: 'POST',
        url: '/api/avails',
        headers: auth,
        payload: { titles: ['One Second'], territories: 'North America', media: 'All Media', start: '2022-01-01', end: '2022-12-31' },
      })
    ).json().rows[0].status;

  it('a deleted contract frees its rights, shows in the audit, and can be restored from it', async () => {
    expect(await statusInNorthAmerica()).toBe('unavailable');
    expect((await server.inject({ method: 'DELETE', url: `/api/contracts/${ids.neonDeal}`, headers: auth })).statusCode).toBe(204);
    expect(await statusInNorthAmerica()).toBe('available');
    const trail = (
      await server.inject({ method: 'GET', url: `/api/audit?entity=contracts&entityId=${ids.neonDeal}`, headers: auth })
    ).json();
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
    expect(trail[0].before.ref).toBe('NEON-NA');

    const restored = await server.inject({ method: 'POST', url: `/api/contracts/${ids.neonDeal}/restore`, headers: auth, payload: {} });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().blocks[0].territoryLabel).toBe('North America');
    expect(await statusInNorthAmerica()).toBe('unavailable');
    const after = (
      await server.inject({ method: 'GET', url: `/api/audit?entity=contracts&entityId=${ids.neonDeal}`, headers: auth })
    ).json();
    expect(after.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'create']);
    expect(after[0].after.ref).toBe('NEON-NA');
    expect(after[0].after.deletedAt).toBeNull();
  });

  it('refuses to restore a deal whose rights were sold again meanwhile', async () => {
    await server.inject({ method: 'DELETE', url: `/api/contracts/${ids.neonDeal}`, headers: auth });
    const a24 = await server.inject({
      method: 'POST',
      url: '/api/contracts',
      headers: auth,
      payload: {
        ref: 'A24-US',
        status: 'signed',
        licensorId: ids.wb,
        licenseeId: ids.a24,
        titleIds: [ids.film],
        blocks: [{ territories: 'U.S.', media: 'SVOD', start: '2023-01-01', end: '2025-12-31' }],
      },
    });
    expect(a24.statusCode, a24.body).toBe(201);
    const again = await server.inject({ method: 'POST', url: `/api/contracts/${ids.neonDeal}/restore`, headers: auth, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('A24-US');
    // Neon's deal stays deleted: North America is free again in 2022 (A24's U.S. SVOD starts in 2023)
    expect(await statusInNorthAmerica()).toBe('available');
    const still = await app.store.db.selectFrom('contracts').select('deleted_at').where('id', '=', ids.neonDeal).executeTakeFirstOrThrow();
    expect(still.deleted_at).not.toBeNull();
  });

  it('the integrity check finds an index out of step with the store and a right sold twice', async () => {
    expect(await checkIntegrity(app)).toMatchObject({ indexMismatches: [], doubleSales: [] });
    // a second sale written behind the services' back: no conflict check, no index refresh
    const id = newId();
    await app.store.db
      .insertInto('contracts')
      .values({
        id,
        ref: 'ROGUE',
        direction: 'out',
        licensor_id: ids.wb,
        licensee_id: ids.neon,
        status: 'signed',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    await app.store.db.insertInto('contract_titles').values({ contract_id: id, title_id: ids.film }).execute();
    await app.store.db
      .insertInto('rights_blocks')
      .values({
        id: newId(),
        contract_id: id,
        title_id: ids.film,
        territories: 'U.S.',
        territory_codes: toJson(['US']),
        media: 'SVOD',
        media_ids: toJson(['svod']),
        languages: null,
        start_date: '2024-01-01',
        end_date: '2024-12-31',
        exclusive: 1,
        notes: null,
      })
      .execute();
    const report = await checkIntegrity(app);
    expect(report.indexMismatches).toEqual([ids.film]);
    expect(report.doubleSales).toEqual(expect.arrayContaining([{ titleId: ids.film, contract: 'ROGUE', against: ['A24-US'] }]));
  });
});

describeEachDatabase('deal terms in the audit trail', (_open, database) => {
  it('are shown only to users with the financial-terms permission', async () => {
    const location = await database.create();
    const app = await FilmRights.open(location.options);
    try {
      const server = await buildServer(app);
      const editor = await createUser(app, { username: 'eva', password: 'correct horse battery', role: 'editor', canSeeFinancials: true });
      const viewer = await createUser(app, { username: 'vic', password: 'correct horse battery', role: 'viewer', canSeeFinancials: false });
      const wb = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
      const neon = (await findOrCreateCompany(app, SYSTEM, { name: 'Neon', kind: 'distributor' })).company.id;
      const film = (await createTitle(app, SYSTEM, { originalTitle: 'One Second' })).id;
      const deal = await saveContract(
        app,
        { ...SYSTEM, id: editor.id },
        {
          ref: 'NEON-NA',
          direction: 'third-party',
          status: 'announced',
          licensorId: wb,
          licenseeId: neon,
          titleIds: [film],
          mg: { amount: '1000000', currency: 'USD' },
        },
      );
      const as = async (id: string) => ({
        authorization: `Bearer ${(await createApiToken(app, { ...SYSTEM, id, role: 'viewer' }, 'read')).token}`,
      });
      const seen = (
        await server.inject({
          method: 'GET',
          url: `/api/audit?entity=contracts&entityId=${deal.contract.id}`,
          headers: await as(editor.id),
        })
      ).json();
      expect(seen[0].after.mg).toEqual({ amount: '1000000.00', currency: 'USD' });
      const hidden = await server.inject({
        method: 'GET',
        url: `/api/audit?entity=contracts&entityId=${deal.contract.id}`,
        headers: await as(viewer.id),
      });
      expect(hidden.json()[0].after.ref).toBe('NEON-NA');
      expect(hidden.body).not.toContain('1000000');
      const contract = await server.inject({ method: 'GET', url: `/api/contracts/${deal.contract.id}`, headers: await as(viewer.id) });
      expect(contract.json()).not.toHaveProperty('mg');
      await server.close();
    } finally {
      await app.close();
      await location.drop();
    }
  });
});
