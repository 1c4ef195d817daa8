import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';

const PASSWORD = 'correct horse battery';

describe('interchange through the API', () => {
  let app: FilmRights;
  let server: FastifyInstance;
  let editor: string;
  let viewer: string;
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    const prod = (await findOrCreateCompany(app, SYSTEM, { name: 'Huanxi Media Group', kind: 'production' })).company.id;
    await setWeCompany(app, SYSTEM, us);
    const film = (await createTitle(app, SYSTEM, { originalTitle: 'One Second', year: 2020 })).id;
    await saveContract(app, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: prod,
      licenseeId: us,
      titleIds: [film],
      blocks: [{ territories: 'Worldwide excl. China', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }],
    });
    const login = async (username: string) => {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      const c = res.cookies.find((x) => x.name === 'filmrights_session')!;
      return `filmrights_session=${c.value}`;
    };
    editor = await login('eva');
    viewer = await login('vic');
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  const deals = [
    'Title,Buyer,Territory,Media,Start,End,MG,Currency',
    'One Second,Neon,North America,all rights,2021-09-18,2036-09-17,"1,000,000",USD',
    'One Second,Alamode,Germany,Theatrical,2021-10-01,2030-12-31,,',
  ].join('\n');

  it('previews (nothing written), then commits a deal sheet; a viewer may not import', async () => {
    const preview = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename: 'deals.csv', content: b64(deals) },
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect([p.format, p.kind, p.committed, p.contracts.length, p.mapping.buyer]).toEqual(['csv', 'deals', false, 2, 'Buyer']);
    expect((await app.store.db.selectFrom('contracts').select('id').execute()).length).toBe(1);
    const denied = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: viewer },
      payload: { filename: 'deals.csv', content: b64(deals), mode: 'commit' },
    });
    expect(denied.statusCode).toBe(403);
    const commit = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename: 'deals.csv', content: b64(deals), mode: 'commit' },
    });
    expect(commit.statusCode).toBe(200);
    expect(commit.json().committed).toBe(true);
    expect((await app.store.db.selectFrom('contracts').select('id').execute()).length).toBe(3);
  });

  it('refuses a file with problems: 422 with every problem located', async () => {
    const bad = ['Title,Buyer,Territory,Media,Start,End', 'One Second,Tucker,Germny,SVOD,2022-01-01,2021-12-31'].join('\n');
    const res = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename: 'bad.csv', content: b64(bad), mode: 'commit' },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toBe('import-refused');
    expect(body.problems.map((p: { where: string }) => p.where)).toEqual(['row 2, column C (Territory)', 'row 2, column F (End)']);
  });

  it('refuses a JSON document with a field its record does not have: 422 naming the field and the one meant, nothing written', async () => {
    const contracts = async () => (await app.store.db.selectFrom('contracts').select('ref').execute()).length;
    const before = await contracts();
    const doc = {
      format: 'filmrights/1',
      companies: [{ name: 'Brightwater Releasing', kind: 'distributor', country: 'IE' }],
      contracts: [
        {
          ref: 'BRIGHTWATER-IE',
          licensor: 'Wild Bunch',
          licensee: 'Brightwater Releasing',
          status: 'signed',
          titles: ['One Second'],
          blocks: [{ territories: 'Ireland', media: 'Theatrical', start: '2022-01-01', end: '2026-12-31' }],
          MG: { amount: '40000.00', currency: 'EUR' },
        },
      ],
    };
    const res = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename: 'brightwater.json', content: b64(JSON.stringify(doc)), mode: 'commit' },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().problems).toEqual([
      {
        severity: 'error',
        where: 'contracts[0].MG',
        message: 'contracts[0].MG: unknown field "MG". Did you mean "mg"?',
        suggestions: ['mg'],
      },
    ]);
    expect(await contracts()).toBe(before);
  });

  it('commits in the background with progress to poll', async () => {
    const sheet = [
      'Title,Buyer,Territory,Media,Start,End,Exclusive',
      ...Array.from({ length: 30 }, (_, i) => `One Second,Buyer ${i},France,SVOD,2031-01-01,2031-12-31,no`),
    ].join('\n');
    const res = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename: 'many.csv', content: b64(sheet), mode: 'commit', background: true },
    });
    expect(res.statusCode).toBe(202);
    let job;
    // poll until it is done: a bound against a hang, with room for a busy machine
    for (const until = Date.now() + 120_000; Date.now() < until;) {
      job = (await server.inject({ method: 'GET', url: res.json().poll, headers: { cookie: editor } })).json();
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job.state).toBe('done');
    expect([job.done, job.total]).toEqual([30, 30]);
    expect((await server.inject({ method: 'GET', url: res.json().poll, headers: { cookie: viewer } })).statusCode).toBe(404);
  }, 180_000);

  it('exports lists and avails, and EMA avails that validate against the schema', async () => {
    const csv = await server.inject({ method: 'GET', url: '/api/export/contracts?format=csv', headers: { cookie: viewer } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="contracts-${new Date().toISOString().slice(0, 10)}.csv"`);
    expect(csv.body).toContain('Neon');
    const xlsx = await server.inject({
      method: 'POST',
      url: '/api/avails/export?format=xlsx',
      headers: { cookie: viewer },
      payload: { territories: 'Europe', media: 'SVOD', start: '2025-01-01' },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ema = await server.inject({
      method: 'POST',
      url: '/api/avails/export?format=ema-xml&version=2.4',
      headers: { cookie: viewer },
      payload: { from: '2025-01-01', retailer: 'iTunes', licenseTypes: ['EST', 'SVOD'] },
    });
    expect(ema.statusCode).toBe(200);
    expect((await validateAvailsXml(ema.body)).valid).toBe(true);
    const bad = await server.inject({
      method: 'POST',
      url: '/api/avails/export?format=ema-xml&version=2.9',
      headers: { cookie: viewer },
      payload: { from: '2025-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/version/);
  });

  it('EMA avails offer retail windows non-exclusive unless asked, as the command line does; an avails list answers the exclusive question', async () => {
    const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    const buyer = (await findOrCreateCompany(app, SYSTEM, { name: 'Lumen Streaming', kind: 'streamer' })).company.id;
    const film = (await app.store.db.selectFrom('titles').select('id').where('original_title', '=', 'One Second').executeTakeFirstOrThrow())
      .id;
    await saveContract(app, SYSTEM, {
      ref: 'LUMEN-BE',
      status: 'signed',
      licensorId: us,
      licenseeId: buyer,
      titleIds: [film],
      blocks: [{ territories: 'Belgium', media: 'SVOD', start: '2025-01-01', end: '2027-12-31', exclusive: false }],
    });
    const question = { from: '2025-06-01', to: '2026-06-01', retailer: 'iTunes', territories: 'Belgium', licenseTypes: ['SVOD' as const] };
    const emaOf = async (payload: object) => {
      const res = await server.inject({
        method: 'POST',
        url: '/api/avails/export?format=ema-xml&version=2.5',
        headers: { cookie: viewer },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      const exclusive = [...res.body.matchAll(/termName="Exclusive"><avails:\w+>(true|false)</g)].map((m) => m[1]);
      return { transactions: (res.body.match(/<avails:Transaction>/g) ?? []).length, exclusive };
    };
    const asked = await emaOf(question);
    expect(asked.transactions).toBeGreaterThan(0);
    expect(new Set(asked.exclusive)).toEqual(new Set(['false']));
    expect(await emaOf({ ...question, exclusive: false })).toEqual(asked);
    // exclusive, the window is not free: sold non-exclusively to Lumen
    expect((await emaOf({ ...question, exclusive: true })).transactions).toBe(0);
    // the same export as the command line writes it (no exclusive given)
    const { exportEma } = await import('../../src/services/emaExport.js');
    const cli = await exportEma(app, 'ema-xml', '2.5', question);
    expect((cli.data.toString().match(/<avails:Transaction>/g) ?? []).length).toBe(asked.transactions);
    // an avails list answers the avails question: exclusive unless told otherwise
    const list = await server.inject({
      method: 'POST',
      url: '/api/avails/export?format=csv',
      headers: { cookie: viewer },
      payload: { titles: ['One Second'], territories: 'Belgium', media: 'SVOD', start: '2025-06-01', end: '2026-06-01' },
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).toMatch(/sold|not available/i);
  });

  it('a JSON file nested far deeper than a document is refused naming the file and the line, also in the background, and nothing is written', async () => {
    const depth = 100_000;
    const deep = `{"format":"filmrights/1","titles":[{"originalTitle":"Deep","notes":\n${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
    const titles = async () => (await app.store.db.selectFrom('titles').select('id').execute()).length;
    const before = await titles();
    const now = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename: 'deep.json', content: b64(deep), mode: 'commit' },
    });
    expect(now.statusCode, now.body).toBe(400);
    expect(now.json().message).toMatch(/^deep\.json: line 2: the JSON nests deeper than 64 levels/);
    const queued = await server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename: 'deep.json', content: b64(deep), mode: 'commit', background: true },
    });
    expect(queued.statusCode, queued.body).toBe(202);
    let job = { state: 'running', error: '', message: '' };
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await server.inject({ method: 'GET', url: queued.json().poll, headers: { cookie: editor } })).json();
    }
    expect(job).toMatchObject({ state: 'failed', error: 'unreadable-file' });
    expect(job.message).toMatch(/^deep\.json: line 2: the JSON nests deeper than 64 levels/);
    expect(await titles()).toBe(before);
  });

  it('a file over the limit of one import is 413 too-large naming the limit, however far over it is', async () => {
    const base64Limit = Math.ceil((40 * 1024 * 1024) / 3) * 4;
    for (const length of [base64Limit + 4, base64Limit + 8 * 1024 * 1024]) {
      const res = await server.inject({
        method: 'POST',
        url: '/api/import',
        headers: { cookie: editor, 'content-type': 'application/json' },
        payload: `{"filename":"big.csv","mode":"preview","content":"${'A'.repeat(length)}"}`,
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(413);
      expect(res.json()).toMatchObject({
        error: 'too-large',
        field: 'content',
        message: 'content: the file is over 40 MiB (the limit of one file)',
      });
    }
  });
});
