/**
 * Money that a user may not see, they may not write either (docs/security.md,
 * "Money and who sees it"). On both databases:
 * - an editor without the financial-terms permission who saves a deal keeps
 *   its MG (absent means unchanged) and is refused (403, naming the field)
 *   when they send one, even null; accepting a press fact with a price edit,
 *   or importing a sheet with MGs, or a JSON document whose offers carry money, likewise;
 * - box-office grosses are public: anyone may read them, any editor record them;
 * - no read route in the OpenAPI document lets an MG or a deal price out to
 *   such a user.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '../../src/api/access.js';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';
import { databases, describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';
/** Distinctive figures: the MG of a deal, the price a reviewer typed for a press deal, the prices two articles report, an offer's MG and instalment. */
const MG = '7654321';
const EDITED_PRICE = '8765432';
const REPORTED = ['2000000', '3000000'];
const OFFER_MG = '6543219';
const OFFER_INSTALMENT = '"percent":"37"';
const SECRETS = [MG, EDITED_PRICE, ...REPORTED, OFFER_MG, OFFER_INSTALMENT];

describeEachDatabase('money and who sees it', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  /** fay: editor with the financial-terms permission; eve: editor without; vic: viewer. */
  const cookie: Record<'fay' | 'eve' | 'vic', string> = { fay: '', eve: '', vic: '' };
  const ids: Record<string, string> = {};

  const call = (who: keyof typeof cookie, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    server.inject({ method, url, headers: { cookie: cookie[who] }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (res: Promise<LightMyRequestResponse> | LightMyRequestResponse) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  const storedMg = async (id: string) => {
    const row = await app.store.db
      .selectFrom('contracts')
      .select(['mg_amount', 'mg_currency'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.mg_amount === null ? null : { minor: Number(row.mg_amount), currency: row.mg_currency };
  };

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'fay', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'eve', password: PASSWORD, role: 'editor', canSeeFinancials: false });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer', canSeeFinancials: false });
    for (const u of ['fay', 'eve', 'vic'] as const) {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: PASSWORD } });
      cookie[u] = `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    }
    ids.film = (await ok(call('fay', 'POST', '/api/titles', { originalTitle: 'The Salt Road', year: 2023 }))).id;
    ids.seller = (await ok(call('fay', 'POST', '/api/companies', { name: 'Cinephil', kind: 'sales-agent' }))).id;
    ids.buyer = (await ok(call('fay', 'POST', '/api/companies', { name: 'Alamode Film', kind: 'distributor' }))).id;
    ids.festival = (await ok(call('fay', 'POST', '/api/festivals', { name: 'Berlin International Film Festival', kind: 'festival' }))).id;
    ids.edition = (
      await ok(call('fay', 'POST', '/api/editions', { festivalId: ids.festival, year: 2024, start: '2024-02-15', end: '2024-02-25' }))
    ).id;
    // a buyer: its page's history lists its deals, with their MGs for those allowed to see them
    await ok(call('fay', 'POST', '/api/buyers', { companyId: ids.buyer, kind: 'distributor', territories: 'Germany', media: 'All Media' }));
    // an offer at the market, with its MG and payment schedule: money too
    ids.offer = (
      await ok(
        call('fay', 'POST', '/api/offers', {
          buyerId: ids.buyer,
          editionId: ids.edition,
          titleIds: [ids.film],
          territories: 'Austria',
          media: 'All Media',
          start: '2027-01-01',
          end: '2033-12-31',
          exclusive: true,
          mg: { amount: `${OFFER_MG}.00`, currency: 'EUR' },
          paymentSchedule: [{ label: 'On signature', percent: '37', due: 'signature' }],
        }),
      )
    ).id;
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const deal = (ref: string, extra: object = {}) => ({
    ref,
    direction: 'third-party',
    status: 'signed',
    licensorId: ids.seller,
    licenseeId: ids.buyer,
    titleIds: [ids.film],
    signedOn: '2024-02-20',
    editionId: ids.edition,
    blocks: [{ territories: 'Germany', media: 'All Media', start: '2024-06-01', end: '2031-05-31' }],
    ...extra,
  });

  it('an editor without the permission saves a deal as the deal editor sends it: the MG is kept, not erased', async () => {
    const created = await ok(call('fay', 'POST', '/api/contracts', deal('ALAMODE-DE', { mg: { amount: `${MG}.00`, currency: 'EUR' } })));
    ids.contract = created.id;
    const seen = await ok(call('eve', 'GET', `/api/contracts/${ids.contract}`));
    expect(seen).not.toHaveProperty('mg');
    // What the deal editor sends for her: the deal as she was shown it, changed, and no mg.
    const saved = await call('eve', 'PUT', `/api/contracts/${ids.contract}`, {
      ...deal('ALAMODE-DE'),
      notes: 'Delivery in March.',
      version: seen.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().notes).toBe('Delivery in March.');
    expect(saved.body).not.toContain(MG);
    expect(await storedMg(ids.contract)).toEqual({ minor: Number(MG) * 100, currency: 'EUR' });
    expect((await ok(call('fay', 'GET', `/api/contracts/${ids.contract}`))).mg).toEqual({ amount: `${MG}.00`, currency: 'EUR' });
  });

  it('an MG below zero is refused, naming the field, and nothing is written', async () => {
    for (const amount of ['-1.00', '-0.01', '-1500000']) {
      const res = await call(
        'fay',
        'POST',
        '/api/contracts',
        deal('FAY-NEGATIVE', { mg: { amount, currency: 'USD' }, blocks: [], editionId: null }),
      );
      expect(res.statusCode, amount).toBe(400);
      expect(res.json().field ?? res.json().message).toMatch(/mg/);
    }
    expect(await app.store.db.selectFrom('contracts').select('id').where('ref', '=', 'FAY-NEGATIVE').executeTakeFirst()).toBeUndefined();
  });

  it('refuses her an MG on update, even null, with a 403 naming the field; nothing changes', async () => {
    const before = await ok(call('fay', 'GET', `/api/contracts/${ids.contract}`));
    for (const mg of [null, { amount: '1.00', currency: 'EUR' }, { amount: `${MG}.00`, currency: 'USD' }]) {
      const res = await call('eve', 'PUT', `/api/contracts/${ids.contract}`, { ...deal('ALAMODE-DE'), notes: 'overwritten', mg });
      expect(res.statusCode, JSON.stringify(mg)).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field: 'mg' });
      expect(res.json().message).toMatch(/financial-terms permission/);
    }
    const after = await ok(call('fay', 'GET', `/api/contracts/${ids.contract}`));
    expect(after).toEqual(before);
  });

  it('refuses her an MG on create, even null; nothing is written', async () => {
    for (const [ref, mg] of [
      ['EVE-NULL', null],
      ['EVE-SET', { amount: '5.00', currency: 'EUR' }],
    ] as const) {
      const res = await call('eve', 'POST', '/api/contracts', deal(ref, { mg, blocks: [], editionId: null }));
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field: 'mg' });
      expect(await app.store.db.selectFrom('contracts').select('id').where('ref', '=', ref).executeTakeFirst()).toBeUndefined();
    }
    const plain = await call('eve', 'POST', '/api/contracts', deal('EVE-PLAIN', { blocks: [], editionId: null }));
    expect(plain.statusCode, plain.body).toBe(201);
    expect(await storedMg(plain.json().id)).toBeNull();
  });

  it('absent means unchanged for everyone; an explicit null clears the MG for a user who may see it', async () => {
    const id = (
      await ok(
        call('fay', 'POST', '/api/contracts', deal('FAY-CLEAR', { mg: { amount: '10.00', currency: 'GBP' }, blocks: [], editionId: null })),
      )
    ).id;
    await ok(call('fay', 'PUT', `/api/contracts/${id}`, deal('FAY-CLEAR', { notes: 'no mg sent', blocks: [], editionId: null })));
    expect(await storedMg(id)).toEqual({ minor: 1000, currency: 'GBP' });
    await ok(call('fay', 'PUT', `/api/contracts/${id}`, deal('FAY-CLEAR', { mg: null, blocks: [], editionId: null })));
    expect(await storedMg(id)).toBeNull();
  });

  it('a deleted deal she restores comes back with its MG', async () => {
    const id = (
      await ok(
        call('fay', 'POST', '/api/contracts', deal('FAY-DELETED', { mg: { amount: MG, currency: 'JPY' }, blocks: [], editionId: null })),
      )
    ).id;
    expect((await call('eve', 'DELETE', `/api/contracts/${id}`)).statusCode).toBe(204);
    await ok(call('eve', 'POST', `/api/contracts/${id}/restore`, {}));
    expect(await storedMg(id)).toEqual({ minor: Number(MG), currency: 'JPY' });
    expect((await call('fay', 'DELETE', `/api/contracts/${id}`)).statusCode).toBe(204); // stays deleted, for the walk below
  });

  it('refuses her a price edit when she accepts a press deal (403 naming the field); the fact stays pending', async () => {
    const text = 'Northlight Releasing has acquired German rights to “The Salt Road” from Cinephil for $3 million, the companies said.';
    const article = (await ok(call('fay', 'POST', '/api/articles', { text, outlet: 'Trade Daily', date: '2024-02-21' }))).article;
    ids.pendingArticle = article.id;
    const fact = article.facts.find((f: { type: string }) => f.type === 'deal');
    expect(fact.fields.price).toEqual({ amount: REPORTED[1], currency: 'USD' });
    for (const price of [{ amount: '1', currency: 'USD' }, null]) {
      const res = await call('eve', 'POST', `/api/articles/${article.id}/facts/${fact.id}/accept`, { fields: { price } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field: 'fields.price' });
    }
    const again = await ok(call('fay', 'GET', `/api/articles/${article.id}`));
    expect(again.facts.find((f: { id: string }) => f.id === fact.id)).toMatchObject({
      status: 'pending',
      fields: { price: { amount: REPORTED[1], currency: 'USD' } },
    });
  });

  it('a press deal she accepts as extracted is written without its price: the article may be her own text', async () => {
    const text = 'Harbour Lane Pictures has bought Japanese rights to “The Salt Road” from Cinephil for $750,000, the companies said.';
    const article = (await ok(call('eve', 'POST', '/api/articles', { text, outlet: 'Trade Daily', date: '2024-02-22' }))).article;
    const fact = article.facts.find((f: { type: string }) => f.type === 'deal');
    expect(fact.fields.price).toBeUndefined();
    const accepted = await ok(call('eve', 'POST', `/api/articles/${article.id}/facts/${fact.id}/accept`, {}));
    expect(accepted.status).toBe('accepted');
    expect(await storedMg(accepted.written.id)).toBeNull();
    // the fact keeps the price as reported, for a reviewer who may see it
    const seen = await ok(call('fay', 'GET', `/api/articles/${article.id}`));
    expect(seen.facts.find((f: { id: string }) => f.id === fact.id).fields.price).toEqual({ amount: '750000', currency: 'USD' });
  });

  it('refuses her an import that sets MGs (403 naming the field, nothing written); a sheet without MGs imports', async () => {
    const sheet = (mg: boolean) =>
      Buffer.from(
        [
          `Title,Buyer,Territory,Media,Start,End${mg ? ',MG,Currency' : ''}`,
          `The Salt Road,Weltkino,France,SVOD,2025-01-01,2026-12-31${mg ? ',"4,321",EUR' : ''}`,
        ].join('\n'),
      ).toString('base64');
    const count = async () => (await app.store.db.selectFrom('contracts').select('id').execute()).length;
    const before = await count();
    for (const mode of ['preview', 'commit']) {
      const res = await call('eve', 'POST', '/api/import', { filename: 'deals.csv', content: sheet(true), mode });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field: 'mg' });
    }
    expect(await count()).toBe(before);
    const plain = await call('eve', 'POST', '/api/import', { filename: 'deals.csv', content: sheet(false), mode: 'commit' });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('a JSON document whose offers carry an MG or a payment schedule is refused to her (403 naming the field), nothing written', async () => {
    const offer = (money: object) => ({
      ref: 'O-JSON-1',
      buyer: 'Alamode Film',
      status: 'new',
      createdAt: '2024-02-16T10:00:00.000Z',
      updatedAt: '2024-02-16T10:00:00.000Z',
      versions: [
        {
          titles: ['The Salt Road'],
          territories: 'Germany',
          media: 'Theatrical',
          start: '2025-01-01',
          end: '2030-12-31',
          createdAt: '2024-02-16T10:00:00.000Z',
          ...money,
        },
      ],
      events: [{ to: 'new', version: 1, by: 'eve', at: '2024-02-16T10:00:00.000Z' }],
    });
    const json = (money: object) => Buffer.from(JSON.stringify({ format: 'filmrights/1', offers: [offer(money)] })).toString('base64');
    const offers = async () => (await app.store.db.selectFrom('offers').select('id').execute()).length;
    const before = await offers();
    for (const [money, field] of [
      [{ mg: { amount: '90000.00', currency: 'EUR' } }, 'offers[0].versions[0].mg'],
      [{ paymentSchedule: [{ label: 'On signature', percent: '100', due: 'on signature' }] }, 'offers[0].versions[0].paymentSchedule'],
    ] as const) {
      const res = await call('eve', 'POST', '/api/import', { filename: 'offers.json', content: json(money), mode: 'commit' });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field });
    }
    expect(await offers()).toBe(before);
    const plain = await call('eve', 'POST', '/api/import', { filename: 'offers.json', content: json({}), mode: 'commit' });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(await offers()).toBe(before + 1);
  });

  it('box-office grosses are public record: any editor records one, everyone reads it', async () => {
    const res = await call('eve', 'POST', '/api/box-office', {
      titleId: ids.film,
      territory: 'Germany',
      amount: '1234567.00',
      currency: 'EUR',
      asOf: '2024-03-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = await ok(call('vic', 'GET', `/api/titles/${ids.film}`));
    expect(page.boxOffice.map((b: { gross: unknown }) => b.gross)).toContainEqual({ amount: '1234567.00', currency: 'EUR' });
  });

  it('no read route lets an MG or a deal price out to a user without the permission', async () => {
    // A press deal whose price the reviewer corrected (it becomes the contract's MG).
    const text =
      'Meridian Pictures has acquired North American rights to “The Salt Road” from Cinephil for $2 million, the companies said.';
    const article = (await ok(call('fay', 'POST', '/api/articles', { text, outlet: 'Trade Daily', date: '2024-02-20' }))).article;
    ids.article = article.id;
    const fact = article.facts.find((f: { type: string }) => f.type === 'deal');
    expect(fact.fields.price).toEqual({ amount: REPORTED[0], currency: 'USD' });
    const accepted = await ok(
      call('fay', 'POST', `/api/articles/${article.id}/facts/${fact.id}/accept`, {
        fields: { price: { amount: EDITED_PRICE, currency: 'USD' } },
      }),
    );
    expect(accepted.status).toBe('accepted');
    ids.pressContract = accepted.written.id;
    expect((await ok(call('fay', 'GET', `/api/contracts/${ids.pressContract}`))).mg).toEqual({
      amount: `${EDITED_PRICE}.00`,
      currency: 'USD',
    });

    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema?: { enum?: string[] } }> }>>;
    };
    const contracts = (await app.store.db.selectFrom('contracts').select('id').execute()).map((c) => c.id);
    const companies = (await app.store.db.selectFrom('companies').select('id').execute()).map((c) => c.id);
    const people = (await app.store.db.selectFrom('people').select('id').execute()).map((c) => c.id);
    // an offer with an MG, read back through every offers route
    await ok(
      call('fay', 'POST', '/api/offers', {
        buyerId: ids.buyer,
        titleIds: [ids.film],
        territories: 'Austria',
        media: 'Theatrical',
        start: '2025-01-01',
        end: '2030-12-31',
        mg: { amount: `${MG}.00`, currency: 'EUR' },
      }),
    );
    const offers = (await app.store.db.selectFrom('offers').select('id').execute()).map((o) => o.id);
    /** The ids to try for each path parameter; a new one fails here until this test knows what to try. */
    const values = (path: string, name: string, enumValues?: string[]): string[] => {
      if (enumValues) return enumValues;
      if (/^\/api\/(titles)\//.test(path)) return [ids.film];
      if (path.startsWith('/api/contracts/')) return contracts;
      if (path.startsWith('/api/articles/')) return [ids.article, ids.pendingArticle];
      if (path.startsWith('/api/companies/')) return companies;
      if (path.startsWith('/api/buyers/')) return companies;
      if (path.startsWith('/api/offers/')) return [ids.offer];
      if (path.startsWith('/api/people/')) return people.length ? people : ['none'];
      if (path.startsWith('/api/festivals/')) return [ids.festival];
      if (path.startsWith('/api/editions/')) return [ids.edition];
      if (path.startsWith('/api/statements/')) return ['1'];
      if (path.startsWith('/api/offers/')) return offers;
      if (
        path.startsWith('/api/import/jobs/') ||
        path.startsWith('/api/tokens/') ||
        path.startsWith('/api/users/') ||
        path.startsWith('/api/feeds/') ||
        path.startsWith('/api/markets/') // market days hold no money
      )
        return ['none'];
      throw new Error(`GET ${path}: which ${name} should the money walk read? Add it here.`);
    };
    const extraQueries: Record<string, string[]> = {
      '/api/contracts': ['?deleted=true', '?q=alamode'],
      '/api/audit': ['?limit=1000', `?entity=contracts&entityId=${ids.contract}`, `?entity=article_facts`],
      '/api/titles': ['?q=salt'],
    };
    const urls: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get) continue;
      let expanded = [path];
      for (const p of (ops.get.parameters ?? []).filter((x) => x.in === 'path')) {
        expanded = expanded.flatMap((u) =>
          values(path, p.name, p.schema?.enum).map((v) => u.replace(`{${p.name}}`, encodeURIComponent(v))),
        );
      }
      for (const u of expanded) {
        if (path === '/api/export/{list}') urls.push(`${u}?format=csv`, `${u}?format=xlsx`);
        else urls.push(u, ...(extraQueries[path] ?? []).map((q) => u + q));
      }
    }
    expect(urls.length).toBeGreaterThan(30);

    const text2 = async (r: LightMyRequestResponse): Promise<string> => {
      if (!String(r.headers['content-type'] ?? '').includes('spreadsheetml')) return r.body;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
      return cells.join('\n');
    };
    const walk = async (who: keyof typeof cookie) => {
      const seen: Array<{ url: string; body: string }> = [];
      for (const url of urls) {
        const r = await call(who, 'GET', url);
        expect(r.statusCode, `${who} GET ${url}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
        seen.push({ url, body: await text2(r) });
      }
      const avails = await call(who, 'POST', '/api/avails', {
        territories: 'World',
        media: 'All Media',
        start: '2024-06-01',
        end: '2025-05-31',
        include: 'all',
      });
      expect(avails.statusCode, avails.body).toBe(200);
      seen.push({ url: 'POST /api/avails', body: avails.body });
      return seen;
    };

    // The walk reaches the money: someone with the permission sees both figures.
    const fay = (await walk('fay')).map((s) => s.body).join('\n');
    expect(fay).toContain(MG);
    expect(fay).toContain(EDITED_PRICE);
    expect(fay).toContain(OFFER_MG);
    expect(fay).toContain(OFFER_INSTALMENT);

    for (const who of ['eve', 'vic'] as const) {
      for (const { url, body } of await walk(who)) {
        for (const secret of SECRETS)
          expect(
            body.includes(secret),
            `${who} GET ${url} shows ${secret}: ${body.slice(Math.max(0, body.indexOf(secret) - 200), body.indexOf(secret) + 100)}`,
          ).toBe(false);
      }
    }
  });
});

describe('the API net for money', () => {
  it('takes financial fields out of any JSON answer to a user without the permission, whatever the route', async () => {
    const location = await databases[0].create();
    const app = await FilmRights.open(location.options);
    try {
      const server = await buildServer(app);
      // a route that forgets to filter
      server.get('/api/test/forgetful', { config: access('viewer', 'read') }, async () => ({
        ref: 'X',
        mg: { amount: `${MG}.00`, currency: 'EUR' },
        facts: [{ fields: { price: { amount: EDITED_PRICE, currency: 'USD' } } }],
      }));
      await createUser(app, { username: 'fay', password: PASSWORD, role: 'editor', canSeeFinancials: true });
      await createUser(app, { username: 'eve', password: PASSWORD, role: 'editor', canSeeFinancials: false });
      const as = async (username: string) => {
        const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
        return server.inject({
          method: 'GET',
          url: '/api/test/forgetful',
          headers: { cookie: `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}` },
        });
      };
      expect((await as('eve')).json()).toEqual({ ref: 'X', facts: [{ fields: {} }] });
      expect((await as('fay')).json()).toMatchObject({
        mg: { amount: `${MG}.00` },
        facts: [{ fields: { price: { amount: EDITED_PRICE } } }],
      });
      await server.close();
    } finally {
      await app.close();
      await location.drop();
    }
  });
});
