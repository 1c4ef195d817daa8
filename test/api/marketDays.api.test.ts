/**
 * Market days through HTTP, on SQLite and PostgreSQL: a market with its line-up, a screening and
 * meetings sent in local time, the schedule with its conflicts, the .ics export (parsed back by
 * ical.js) and import (preview, refusals that name the field), the line-up sheet files, follow-ups;
 * viewers and read-only tokens read but cannot write; unknown properties are refused.
 */
import ICAL from 'ical.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';
import { loadMarketFixture, type MarketFixture } from '../support/marketDays.js';

const PASSWORD = 'correct horse battery';

describeEachDatabase('market days through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let f: MarketFixture;
  let market: string;
  let ed: string;
  const auth: Record<'ed' | 'vic' | 'ray', Record<string, string>> = { ed: {}, vic: {}, ray: {} };

  const call = (who: keyof typeof auth, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    server.inject({ method, url, headers: auth[who], ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const u = await createUser(app, { username: 'ed', password: PASSWORD, role: 'editor', canSeeFinancials: false });
    ed = u.id;
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer', canSeeFinancials: false });
    for (const name of ['ed', 'vic'] as const) {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password: PASSWORD } });
      auth[name] = { cookie: `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}` };
    }
    const actor = { id: u.id, username: 'ed', role: 'editor' as const, canSeeFinancials: false };
    auth.ray = { authorization: `Bearer ${(await createApiToken(app, actor, 'read')).token}` };
    f = await loadMarketFixture(app, actor);
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('adds a market, its line-up, a screening and three meetings, and answers the conflicts', async () => {
    const m = await ok(
      call('ed', 'POST', '/api/markets', {
        editionId: f.edition,
        name: 'Marché du Film',
        timeZone: 'Europe/Paris',
        start: '2026-05-12',
        end: '2026-05-20',
      }),
    );
    market = m.id;
    expect((await ok(call('vic', 'GET', `/api/editions/${f.edition}/market`))).market.id).toBe(market);
    await ok(call('ed', 'PUT', `/api/markets/${market}/lineup`, { entries: [{ titleId: f.titles.salt, status: 'completed' }] }));
    const s = await call('ed', 'POST', `/api/markets/${market}/screenings`, {
      titleId: f.titles.salt,
      start: '2026-05-15T11:00',
      durationMinutes: 90,
      venue: 'Palais H',
      invited: [
        { companyId: f.buyers.kestrel },
        { companyId: f.buyers.tidewater, attended: null },
        { companyId: f.buyers.northlight, attended: false },
      ],
      people: [`user:${ed}`],
    });
    expect(s.statusCode, s.body).toBe(201);
    // null stays "not known yet" (not coerced to false), false is "did not come"
    expect(s.json().invited.map((b: { company: { name: string }; attended: boolean | null }) => [b.company.name, b.attended])).toEqual([
      ['Kestrel Films', null],
      ['Northlight Pictures', false],
      ['Tidewater Streaming', null],
    ]);
    const meet = (buyerId: string, start: string, end: string) =>
      ok(call('ed', 'POST', `/api/markets/${market}/meetings`, { buyerId, start, end, people: [`user:${ed}`], titles: [f.titles.salt] }));
    const a = await meet(f.buyers.northlight, '2026-05-15T09:00', '2026-05-15T09:30');
    const b = await meet(f.buyers.kestrel, '2026-05-15T09:15', '2026-05-15T09:45');
    const c = await meet(f.buyers.tidewater, '2026-05-15T11:30', '2026-05-15T12:00');
    expect(a).toMatchObject({ start: '2026-05-15T07:00:00Z', localStart: '2026-05-15T09:00', offset: '+0200' });
    const day = await ok(call('vic', 'GET', `/api/markets/${market}/schedule?from=2026-05-15&to=2026-05-15`));
    expect(day.conflicts.map((x: { kind: string; a: { id: string }; b: { id: string } }) => [x.kind, x.a.id, x.b.id])).toEqual([
      ['same-person', a.id, b.id],
      ['meeting-screening', c.id, s.json().id],
    ]);
    const byToken = await ok(call('ray', 'GET', `/api/markets/${market}/schedule?person=user:${ed}`));
    expect(byToken.meetings).toHaveLength(3);
  });

  it('viewers and read-only tokens cannot write; bodies are closed; errors name the field', async () => {
    const body = { buyerId: f.buyers.kestrel, start: '2026-05-16T09:00', end: '2026-05-16T09:30' };
    expect((await call('vic', 'POST', `/api/markets/${market}/meetings`, body)).statusCode).toBe(403);
    expect((await call('ray', 'POST', `/api/markets/${market}/meetings`, body)).statusCode).toBe(403);
    expect((await call('vic', 'PUT', `/api/markets/${market}/lineup`, { entries: [] })).statusCode).toBe(403);
    const unknown = await call('ed', 'POST', `/api/markets/${market}/meetings`, { ...body, price: 1 });
    expect(unknown.statusCode).toBe(400);
    const gap = await call('ed', 'POST', `/api/markets/${market}/meetings`, { ...body, start: '2026-05-16T11:00' });
    expect(gap.statusCode).toBe(400);
    expect(gap.json()).toMatchObject({ field: 'end' });
    expect((await call('ed', 'GET', '/api/markets/nope')).statusCode).toBe(404);
  });

  it('exports the .ics, which ical.js reads back at the right instants', async () => {
    const res = await call('vic', 'GET', `/api/markets/${market}/schedule.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="Marche_du_Film_2026.ics"');
    const root = new ICAL.Component(ICAL.parse(res.body));
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    const starts = root.getAllSubcomponents('vevent').map((ev) => {
      const t = (ev.getFirstPropertyValue('dtstart') as ICAL.Time).clone();
      t.zone = zone;
      return new Date(t.toUnixTime() * 1000).toISOString();
    });
    expect(starts).toEqual([
      '2026-05-15T07:00:00.000Z',
      '2026-05-15T07:15:00.000Z',
      '2026-05-15T09:00:00.000Z',
      '2026-05-15T09:30:00.000Z',
    ]);
  });

  it('imports its own .ics export as nothing new: each meeting and screening is known by its UID', async () => {
    const own = (await call('vic', 'GET', `/api/markets/${market}/schedule.ics`)).body;
    const before = (await ok(call('vic', 'GET', `/api/markets/${market}/schedule`))).meetings.length as number;
    const preview = await ok(call('ed', 'POST', `/api/markets/${market}/schedule/import`, { ics: own, commit: false }));
    expect(preview.events.map((e: { uid: string; status: string }) => [e.uid.replace(/-[\w-]+@/, '-…@'), e.status])).toEqual([
      ['meeting-…@filmrights', 'already-imported'],
      ['meeting-…@filmrights', 'already-imported'],
      ['screening-…@filmrights', 'already-imported'],
      ['meeting-…@filmrights', 'already-imported'],
    ]);
    expect(await ok(call('ed', 'POST', `/api/markets/${market}/schedule/import`, { ics: own, commit: true }))).toMatchObject({
      committed: true,
      created: 0,
    });
    expect((await ok(call('vic', 'GET', `/api/markets/${market}/schedule`))).meetings).toHaveLength(before);
  });

  it('imports an .ics: preview, then hostile files refused with a clear message', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:x1',
      'SUMMARY:Kestrel Films',
      'DTSTART:20260517T080000Z',
      'DURATION:PT30M',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const preview = await ok(call('ed', 'POST', `/api/markets/${market}/schedule/import`, { ics, commit: false }));
    expect(preview.events[0]).toMatchObject({ status: 'new', localStart: '2026-05-17T10:00', buyer: { name: 'Kestrel Films' } });
    expect((await call('vic', 'POST', `/api/markets/${market}/schedule/import`, { ics, commit: false })).statusCode).toBe(403);
    const garbage = await call('ed', 'POST', `/api/markets/${market}/schedule/import`, {
      ics: '\u0000\u0001 not a calendar',
      commit: false,
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ field: 'ics' });
    const huge = await call('ed', 'POST', `/api/markets/${market}/schedule/import`, { ics: 'x'.repeat(1_000_001), commit: false });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().message).toMatch(/ics/);
    const committed = await ok(call('ed', 'POST', `/api/markets/${market}/schedule/import`, { ics, commit: true }));
    expect(committed).toMatchObject({ committed: true, created: 1 });
  });

  it('answers the line-up sheet as PDF and XLSX, and the follow-ups with tasks', async () => {
    const pdf = await call('vic', 'GET', `/api/markets/${market}/lineup-sheet?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await call('vic', 'GET', `/api/markets/${market}/lineup-sheet?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const list = await ok(call('vic', 'GET', `/api/markets/${market}/follow-ups?asOf=2026-05-21T00:00:00Z`));
    expect(list.items).toHaveLength(4);
    const task = await call('ed', 'POST', `/api/markets/${market}/tasks`, {
      dueOn: '2026-05-29',
      ownerId: ed,
      text: 'Send the avails',
      meetingId: list.items[0].id,
    });
    expect(task.statusCode, task.body).toBe(201);
    expect((await ok(call('vic', 'GET', `/api/markets/${market}/follow-ups?asOf=2026-05-21T00:00:00Z`))).items).toHaveLength(3);
    expect((await ok(call('ed', 'PATCH', `/api/markets/${market}/tasks/${task.json().id}`, { done: true }))).done).toBe(true);
    expect((await call('vic', 'PATCH', `/api/markets/${market}/tasks/${task.json().id}`, { done: false })).statusCode).toBe(403);
  });
});
