/**
 * The market joined up, through HTTP on SQLite and PostgreSQL: open offers join the "needs
 * follow-up" list until a task links them; the market report (JSON and XLSX) counts meetings,
 * offers by status, titles by interest and deals closed, with MG totals only for users with the
 * financial-terms permission; Home's market week answers for an injected day.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM, type Actor } from '../../src/services/app.js';
import { saveContract } from '../../src/services/contracts.js';
import { marketWeek } from '../../src/services/marketDays/week.js';
import { importJson } from '../../src/services/interchange.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';
import { loadMarketFixture, type MarketFixture } from '../support/marketDays.js';

const PASSWORD = 'correct horse battery';
type Who = 'eva' | 'ned' | 'vic';

describeEachDatabase('the market report, offer follow-ups and market week through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let f: MarketFixture;
  let market: string;
  let eva: Actor;
  const auth: Record<Who, string> = { eva: '', ned: '', vic: '' };
  const offers: Record<string, string> = {};

  const call = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    server.inject({ method, url, headers: { cookie: auth[who] }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  const offer = (buyerId: string, territories: string, mg: string | null, who: Who = 'eva') =>
    ok(
      call(who, 'POST', '/api/offers', {
        buyerId,
        editionId: f.edition,
        titleIds: [f.titles.salt],
        territories,
        media: 'Theatrical',
        start: '2027-01-01',
        end: '2031-12-31',
        exclusive: true,
        ...(mg ? { mg: { amount: mg, currency: 'EUR' } } : {}),
      }),
    );

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const e = await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    eva = { id: e.id, username: 'eva', role: 'editor', canSeeFinancials: true };
    await createUser(app, { username: 'ned', password: PASSWORD, role: 'editor', canSeeFinancials: false });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer', canSeeFinancials: false });
    for (const name of ['eva', 'ned', 'vic'] as const) {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password: PASSWORD } });
      auth[name] = `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    }
    f = await loadMarketFixture(app, eva);
    const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Harbour Sales', kind: 'sales-agent' })).company.id;
    const maker = (await findOrCreateCompany(app, SYSTEM, { name: 'Salt Road Productions', kind: 'production' })).company.id;
    await setWeCompany(app, SYSTEM, us);
    await saveContract(app, SYSTEM, {
      ref: 'SALT-MANDATE',
      status: 'signed',
      licensorId: maker,
      licenseeId: us,
      titleIds: [f.titles.salt],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: '2040-12-31', exclusive: true }],
    });
    market = (
      await ok(
        call('eva', 'POST', '/api/markets', {
          editionId: f.edition,
          name: 'Marché du Film',
          timeZone: 'Europe/Paris',
          start: '2026-05-12',
          end: '2026-05-20',
        }),
      )
    ).id;
    const meeting = (buyer: string, start: string, titles: string[]) =>
      ok(
        call('eva', 'POST', `/api/markets/${market}/meetings`, {
          buyerId: buyer,
          start,
          end: start.replace(/:00$/, ':30'),
          people: [`user:${eva.id}`],
          titles,
        }),
      );
    await meeting(f.buyers.northlight, '2026-05-14T09:00', [f.titles.salt, f.titles.ferry]);
    await meeting(f.buyers.northlight, '2026-05-15T09:00', [f.titles.salt]);
    await meeting(f.buyers.kestrel, '2026-05-15T10:00', [f.titles.ferry]);
    await ok(
      call('eva', 'POST', `/api/markets/${market}/screenings`, {
        titleId: f.titles.salt,
        start: '2026-05-15T14:00',
        durationMinutes: 90,
        venue: 'Palais H',
      }),
    );
    offers.signed = (await offer(f.buyers.northlight, 'United States', '400000.00')).id;
    await ok(call('eva', 'POST', `/api/offers/${offers.signed}/status`, { status: 'accepted', holdExpiresOn: '2199-12-31' }));
    await ok(call('eva', 'POST', `/api/offers/${offers.signed}/status`, { status: 'signed', signedOn: '2026-05-16' }));
    offers.open = (await offer(f.buyers.kestrel, 'United Kingdom', '150000.00')).id;
    offers.nomoney = (await offer(f.buyers.tidewater, 'Germany', null, 'ned')).id;
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('lists open offers of the market as needing follow-up until a task links them; a task cannot link another market’s offer', async () => {
    const before = await ok(call('vic', 'GET', `/api/markets/${market}/follow-ups?asOf=2199-01-01T00:00:00Z`));
    expect(before.sources).toEqual(['meeting', 'offer']);
    const offerItems = before.items.filter((i: { source: string }) => i.source === 'offer');
    expect(offerItems.map((i: { id: string }) => i.id).sort()).toEqual([offers.open, offers.nomoney].sort()); // the signed one is closed
    expect(offerItems.find((i: { id: string }) => i.id === offers.open)).toMatchObject({
      buyer: { name: 'Kestrel Films' },
      reason: 'open offer and no task',
    });
    const task = await ok(
      call('ned', 'POST', `/api/markets/${market}/tasks`, {
        dueOn: '2026-05-25',
        ownerId: eva.id,
        text: 'Send Kestrel the counter',
        offerId: offers.open,
      }),
    );
    expect(task.offer).toMatchObject({ id: offers.open, ref: expect.stringMatching(/^O-/) });
    const after = await ok(call('vic', 'GET', `/api/markets/${market}/follow-ups?asOf=2199-01-01T00:00:00Z`));
    expect(after.items.filter((i: { source: string }) => i.source === 'offer').map((i: { id: string }) => i.id)).toEqual([offers.nomoney]);
    const stray = (offers.stray = (
      await ok(
        call('eva', 'POST', '/api/offers', {
          buyerId: f.buyers.kestrel,
          titleIds: [f.titles.ferry],
          territories: 'Japan',
          media: 'Theatrical',
          start: '2027-01-01',
          exclusive: false,
        }),
      )
    ).id);
    const refused = await call('eva', 'POST', `/api/markets/${market}/tasks`, {
      dueOn: '2026-05-25',
      ownerId: eva.id,
      text: 'x',
      offerId: stray,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('offerId');
    expect(
      (await call('vic', 'POST', `/api/markets/${market}/tasks`, { dueOn: '2026-05-25', ownerId: eva.id, text: 'x' })).statusCode,
    ).toBe(403);
  });

  it('reports meetings by buyer, offers by status, titles by interest and deals closed; MG totals only for eva', async () => {
    const r = await ok(call('eva', 'GET', `/api/markets/${market}/report`));
    expect(r.meetings).toEqual({
      count: 3,
      byBuyer: [
        { id: f.buyers.northlight, name: 'Northlight Pictures', count: 2 },
        { id: f.buyers.kestrel, name: 'Kestrel Films', count: 1 },
      ],
    });
    expect(r.offers).toEqual({
      count: 3,
      byStatus: [
        { status: 'new', count: 2 },
        { status: 'signed', count: 1 },
      ],
    });
    expect(r.titles).toEqual([
      { id: f.titles.salt, name: 'The Salt Road', meetings: 2, offers: 3 },
      { id: f.titles.ferry, name: 'Night Ferry', meetings: 2, offers: 0 },
    ]);
    expect(r.deals).toHaveLength(1);
    expect(r.deals[0]).toMatchObject({
      offer: { id: offers.signed },
      buyer: { name: 'Northlight Pictures' },
      mg: { amount: '400000.00', currency: 'EUR' },
    });
    expect(r.deals[0].contract.ref).toBeTruthy();
    expect(r.mgTotals).toEqual([{ currency: 'EUR', signed: '400000.00', open: '150000.00' }]);

    for (const who of ['ned', 'vic'] as const) {
      const plain = await ok(call(who, 'GET', `/api/markets/${market}/report`));
      expect(plain.meetings.count).toBe(3);
      expect(plain.deals).toHaveLength(1);
      expect('mgTotals' in plain).toBe(false);
      expect('mg' in plain.deals[0]).toBe(false);
      expect(JSON.stringify(plain)).not.toMatch(/400000|150000|EUR/);
    }
  });

  it('writes the report as XLSX: amounts for eva, none (no column, no sheet) for ned', async () => {
    const read = async (who: Who) => {
      const res = await call(who, 'GET', `/api/markets/${market}/report?format=xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: unknown[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
      return { sheets: wb.worksheets.map((w) => w.name), cells };
    };
    const rich = await read('eva');
    expect(rich.sheets).toContain('MG totals');
    expect(rich.cells).toContain(400000);
    expect(rich.cells).toContain(150000);
    expect(rich.cells).toContain('MG');
    const plain = await read('ned');
    expect(plain.sheets).toEqual(['Summary', 'Meetings by buyer', 'Titles by interest', 'Deals closed']);
    expect(plain.cells).not.toContain(400000);
    expect(plain.cells).not.toContain('MG');
    expect(plain.cells.map(String).join(' ')).not.toMatch(/400000|EUR/);
    expect(plain.cells).toContain('Northlight Pictures');
  });

  it("shows the market week on Home for an injected day: today's meetings and screenings, offers needing an answer", async () => {
    const at = (iso: string) => Date.parse(iso);
    // a month before: no market week
    expect((await marketWeek(app, eva, { now: at('2026-04-10T08:00:00Z') })).market).toBeNull();
    // 7 days before: the market, nothing scheduled that day
    const early = await marketWeek(app, eva, { now: at('2026-05-05T08:00:00Z') });
    expect(early.market?.id).toBe(market);
    expect(early.items).toEqual([]);
    // 15 May in Cannes: two meetings and the screening, in start order, local times
    const day = await marketWeek(app, eva, { now: at('2026-05-15T06:00:00Z') });
    expect(day.today).toBe('2026-05-15');
    expect(day.items.map((i) => [i.kind, i.startLocal])).toEqual([
      ['meeting', '2026-05-15T09:00'],
      ['meeting', '2026-05-15T10:00'],
      ['screening', '2026-05-15T14:00'],
    ]);
    // mine: the screening has none of eva's people
    expect((await marketWeek(app, eva, { now: at('2026-05-15T06:00:00Z'), mine: true })).items.map((i) => i.kind)).toEqual([
      'meeting',
      'meeting',
    ]);
    // every open offer needing an answer, the one made outside the market too
    expect(day.offers.map((o) => o.id).sort()).toEqual([offers.open, offers.nomoney, offers.stray].sort());
    expect(day.offers.every((o) => o.why.startsWith('new'))).toBe(true);
    // after the market: nothing
    expect((await marketWeek(app, eva, { now: at('2026-05-22T08:00:00Z') })).market).toBeNull();
    // over HTTP it answers for the real day, with the contract's shape
    const live = await ok(call('vic', 'GET', '/api/market-week?mine=true'));
    expect(live).toHaveProperty('today');
    expect(Array.isArray(live.offers)).toBe(true);
  });

  it('puts an accepted offer in the market week when its hold lapses within 7 days, soonest first', async () => {
    await importJson(app, eva, {
      format: 'filmrights/1',
      festivals: [
        {
          name: 'Festival of the Future',
          kind: 'festival',
          country: 'DE',
          editions: [{ year: 2199, start: '2199-06-01', end: '2199-06-10' }],
        },
      ],
    });
    const edition = (await app.store.db.selectFrom('festival_editions').select('id').where('year', '=', 2199).executeTakeFirstOrThrow()).id;
    const later = (
      await ok(
        call('eva', 'POST', '/api/markets', {
          editionId: edition,
          name: 'Future Market',
          timeZone: 'UTC',
          start: '2199-06-02',
          end: '2199-06-06',
        }),
      )
    ).id;
    await ok(call('eva', 'POST', `/api/offers/${offers.open}/status`, { status: 'accepted', holdExpiresOn: '2199-06-05' }));
    const week = await marketWeek(app, eva, { now: Date.parse('2199-06-01T09:00:00Z') });
    expect(week.market?.id).toBe(later);
    expect(week.offers[0]).toMatchObject({
      id: offers.open,
      status: 'accepted',
      holdExpiresOn: '2199-06-05',
      why: 'accepted: the hold lapses after 2199-06-05',
    });
    // a hold that lapses later than 7 days ahead does not need an answer yet
    const early = await marketWeek(app, eva, { now: Date.parse('2199-05-26T09:00:00Z') });
    expect(early.market?.id).toBe(later);
    expect(early.offers.map((o) => o.id)).not.toContain(offers.open);
  });
});
