/**
 * Market days through the services, on SQLite and PostgreSQL: a market for Cannes 2026 in
 * Europe/Paris; line-up; screenings and meetings entered in local time and kept in UTC (a DST
 * market too); conflicts; .ics export and import with preview, per-event errors and all-or-nothing
 * commit; follow-ups and tasks; the line-up sheet; viewers cannot change anything; every write audited.
 */
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/services/app.js';
import { ForbiddenError } from '../../src/services/errors.js';
import { createTask, followUps, updateTask } from '../../src/services/marketDays/followUps.js';
import { exportIcs, importIcs } from '../../src/services/marketDays/ics.js';
import { readIcs } from '../../src/interchange/ics/read.js';
import { createMarket, getMarket, setLineup, updateMarket } from '../../src/services/marketDays/market.js';
import { deleteScheduleItem, getSchedule, saveMeeting, saveScreening } from '../../src/services/marketDays/schedule.js';
import { lineupSheetFile } from '../../src/services/marketDays/sheet.js';
import { createEdition, createFestival, deleteEdition } from '../../src/services/festivals.js';
import { createUser } from '../../src/services/users.js';
import { deleteCompany } from '../../src/services/people.js';
import { mergeCompanies, mergeTitles } from '../../src/services/merge.js';
import { InUseError } from '../../src/services/errors.js';
import { openApp, snapshot, type TestApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';
import { loadMarketFixture, type MarketFixture } from '../support/marketDays.js';

const PASSWORD = 'market-days-password';

async function refused(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describeEachDatabase('market days', (_open, database) => {
  let t: TestApp;
  let f: MarketFixture;
  let editor: Actor;
  let viewer: Actor;
  let ann: string;
  let bob: string;
  let market: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openApp(database);
    ann = (await createUser(t.app, { username: 'ann', password: PASSWORD, role: 'editor', canSeeFinancials: false })).id;
    bob = (await createUser(t.app, { username: 'bob', password: PASSWORD, role: 'viewer', canSeeFinancials: false })).id;
    editor = { id: ann, username: 'ann', role: 'editor', canSeeFinancials: false };
    viewer = { id: bob, username: 'bob', role: 'viewer', canSeeFinancials: false };
    f = await loadMarketFixture(t.app, editor);
  });
  afterAll(() => t?.close());

  it('adds the market of an edition with its zone and dates, once', async () => {
    const m = await createMarket(t.app, editor, {
      editionId: f.edition,
      name: 'Marché du Film',
      timeZone: 'Europe/Paris',
      start: '2026-05-12',
      end: '2026-05-20',
    });
    market = m.id;
    expect(m).toMatchObject({
      name: 'Marché du Film',
      timeZone: 'Europe/Paris',
      festival: { name: 'Festival de Cannes' },
      year: 2026,
      lineup: [],
    });
    expect(
      (
        await refused(
          createMarket(t.app, editor, {
            editionId: f.edition,
            name: 'Again',
            timeZone: 'Europe/Paris',
            start: '2026-05-12',
            end: '2026-05-20',
          }),
        )
      ).field,
    ).toBe('editionId');
    expect((await refused(updateMarket(t.app, editor, market, { timeZone: 'Europe/Cannes' }))).message).toMatch(
      /^timeZone: "Europe\/Cannes" is not an IANA time zone/,
    );
    expect((await refused(updateMarket(t.app, editor, market, { end: '2026-05-01' }))).field).toBe('end');
    expect((await updateMarket(t.app, editor, market, { timeZone: 'europe/paris' })).timeZone).toBe('Europe/Paris');
  });

  it('sets the line-up in order, with status and logline', async () => {
    const m = await setLineup(t.app, editor, market, {
      entries: [
        { titleId: f.titles.ferry, status: 'pre-sale', logline: 'Two strangers, one last crossing.' },
        { titleId: f.titles.salt, status: 'completed' },
      ],
    });
    expect(m.lineup.map((l) => [l.title.name, l.status, l.position, l.logline])).toEqual([
      ['Night Ferry', 'pre-sale', 0, 'Two strangers, one last crossing.'],
      ['The Salt Road', 'completed', 1, null],
    ]);
    const bad = await refused(
      setLineup(t.app, editor, market, {
        entries: [
          { titleId: f.titles.salt, status: 'completed' },
          { titleId: 'nope', status: 'completed' },
        ],
      }),
    );
    expect(bad.message).toBe('entries[1].titleId: no title "nope"');
    expect((await getMarket(t.app, viewer, market)).lineup).toHaveLength(2);
  });

  it('schedules three meetings and a screening in local time, stored in UTC, and flags the conflicts', async () => {
    const s = await saveScreening(t.app, editor, market, {
      titleId: f.titles.salt,
      start: '2026-05-15T11:00',
      durationMinutes: 95,
      venue: 'Palais H',
      invited: [{ companyId: f.buyers.kestrel }, { companyId: f.buyers.northlight, attended: true }],
      people: [`user:${bob}`],
    });
    ids.screening = s.id;
    expect(s).toMatchObject({
      start: '2026-05-15T09:00:00Z',
      end: '2026-05-15T10:35:00Z',
      localStart: '2026-05-15T11:00',
      localEnd: '2026-05-15T12:35',
      offset: '+0200',
    });
    expect(s.invited.map((b) => [b.company.name, b.attended])).toEqual([
      ['Kestrel Films', null],
      ['Northlight Pictures', true],
    ]);
    const m1 = await saveMeeting(t.app, editor, market, {
      buyerId: f.buyers.northlight,
      start: '2026-05-15T10:00',
      end: '2026-05-15T10:30',
      place: 'Riviera stand 12',
      people: [`user:${ann}`, `person:${f.chloe}`],
      titles: [f.titles.salt],
      nextStep: 'Send the screener',
    });
    const m2 = await saveMeeting(t.app, editor, market, {
      buyerId: f.buyers.kestrel,
      start: '2026-05-15T10:15',
      end: '2026-05-15T10:45',
      people: [`user:${ann}`],
    });
    const m3 = await saveMeeting(t.app, editor, market, {
      buyerId: f.buyers.northlight,
      start: '2026-05-15T10:20',
      end: '2026-05-15T11:20',
      people: [`user:${bob}`],
    });
    Object.assign(ids, { m1: m1.id, m2: m2.id, m3: m3.id });
    expect(m1).toMatchObject({
      start: '2026-05-15T08:00:00Z',
      localStart: '2026-05-15T10:00',
      buyer: { name: 'Northlight Pictures' },
      titles: [{ name: 'The Salt Road' }],
    });
    expect(m1.people.map((p) => p.name)).toEqual(['ann', 'Chloé Martin']);

    const day = await getSchedule(t.app, viewer, market, { from: '2026-05-15', to: '2026-05-15' });
    expect(day.meetings.map((m) => m.id)).toEqual([m1.id, m2.id, m3.id]);
    expect(day.conflicts.map((c) => [c.kind, c.a.id, c.b.id, c.message])).toEqual([
      ['same-person', m1.id, m2.id, 'ann is in two meetings at once'],
      ['same-buyer', m1.id, m3.id, 'Northlight Pictures is booked twice at once'],
      ['meeting-screening', m3.id, s.id, 'bob has a meeting during a screening they attend'],
    ]);
    expect(day.days).toHaveLength(9);
    const bobs = await getSchedule(t.app, viewer, market, { person: `user:${bob}` });
    expect([...bobs.meetings.map((m) => m.id), ...bobs.screenings.map((x) => x.id)]).toEqual([m3.id, s.id]);
    expect((await getSchedule(t.app, viewer, market, { from: '2026-05-16' })).meetings).toEqual([]);
  });

  it('refuses bad times naming the field, and writes nothing', async () => {
    const before = await snapshot(t.app);
    const base = { buyerId: f.buyers.tidewater, start: '2026-05-16T10:00', end: '2026-05-16T11:00' };
    expect((await refused(saveMeeting(t.app, editor, market, { ...base, end: '2026-05-16T09:00' }))).field).toBe('end');
    expect((await refused(saveMeeting(t.app, editor, market, { ...base, start: '2026-06-30T10:00' }))).message).toMatch(
      /^start: 2026-06-30 is outside the market/,
    );
    expect((await refused(saveMeeting(t.app, editor, market, { ...base, people: ['user:ghost'] }))).message).toBe(
      'people[0]: no user "ghost"',
    );
    expect((await refused(saveMeeting(t.app, editor, market, { ...base, buyerId: 'nobody' }))).field).toBe('buyerId');
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('viewers read but cannot change anything', async () => {
    await expect(
      saveMeeting(t.app, viewer, market, { buyerId: f.buyers.tidewater, start: '2026-05-16T10:00', end: '2026-05-16T11:00' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setLineup(t.app, viewer, market, { entries: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTask(t.app, viewer, market, { dueOn: '2026-05-25', ownerId: bob, text: 'x' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(importIcs(t.app, viewer, market, { ics: 'BEGIN:VCALENDAR', commit: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteScheduleItem(t.app, viewer, market, 'meeting', ids.m1)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('exports the schedule as .ics, whole or for one person, and imports it again as nothing new', async () => {
    const all = await exportIcs(t.app, viewer, market);
    expect(all.text).toContain('DTSTART;TZID=Europe/Paris:20260515T100000');
    expect(all.text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    const bobs = await exportIcs(t.app, viewer, market, `user:${bob}`);
    expect(bobs.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(bobs.text).toContain('SUMMARY:Screening: The Salt Road');
    // imported again into the same market: every event is known by the UID the export gave it
    const before = await snapshot(t.app);
    for (const text of [all.text, bobs.text]) {
      const again = await importIcs(t.app, editor, market, { ics: text, commit: true });
      expect(again.events.map((e) => e.status)).toEqual(again.events.map(() => 'already-imported'));
      expect(again.created).toBe(0);
    }
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('imports a booking tool’s .ics: preview writes nothing, errors per event, commit all or nothing', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Booking//EN',
      'BEGIN:VEVENT',
      'UID:bk-1',
      'SUMMARY:Tidewater Streaming / sales meeting',
      'DTSTART;TZID=Europe/Paris:20260516T090000',
      'DTEND;TZID=Europe/Paris:20260516T093000',
      'LOCATION:Majestic beach',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bk-2',
      'SUMMARY:Coffee with somebody',
      'DTSTART:20260516T080000Z',
      'DURATION:PT30M',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bk-3',
      'SUMMARY:Kestrel Films',
      'DTSTART;VALUE=DATE:20260517',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const before = await snapshot(t.app);
    const preview = await importIcs(t.app, editor, market, { ics, commit: false });
    expect(preview.committed).toBe(false);
    expect(preview.events.map((e) => [e.uid, e.status, e.buyer?.name ?? null, e.localStart])).toEqual([
      ['bk-1', 'new', 'Tidewater Streaming', '2026-05-16T09:00'],
      ['bk-2', 'error', null, '2026-05-16T10:00'],
      ['bk-3', 'error', 'Kestrel Films', null],
    ]);
    expect(preview.events[1].errors).toEqual([
      'event 2 (Coffee with somebody): buyer: the event names no known company (in its organizer, attendees or summary); give a default buyer',
    ]);
    expect(preview.events[2].errors[0]).toMatch(/^event 3 \(Kestrel Films\): DTSTART: an all-day event/);
    expect((await refused(importIcs(t.app, editor, market, { ics, commit: true }))).message).toMatch(
      /^ics: 2 of 3 events have errors; nothing was imported/,
    );
    expect(await snapshot(t.app)).toEqual(before);

    const done = await importIcs(t.app, editor, market, { ics, commit: true, skipInvalid: true, defaultBuyerId: f.buyers.kestrel });
    expect(done).toMatchObject({ committed: true, created: 2 });
    const again = await importIcs(t.app, editor, market, { ics, commit: false });
    expect(again.events.map((e) => e.status)).toEqual(['already-imported', 'already-imported', 'error']);
    const sat = await getSchedule(t.app, viewer, market, { from: '2026-05-16', to: '2026-05-16' });
    expect(sat.meetings.map((m) => [m.buyer.name, m.localStart, m.place, m.icsUid])).toEqual([
      ['Tidewater Streaming', '2026-05-16T09:00', 'Majestic beach', 'bk-1'],
      ['Kestrel Films', '2026-05-16T10:00', null, 'bk-2'],
    ]);
    const audit = await t.app.store.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity', '=', 'market_meetings')
      .where('action', '=', 'import')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('two imports of the same file at the same moment make one meeting per event', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:race-1',
      'SUMMARY:Tidewater Streaming',
      'DTSTART:20260518T080000Z',
      'DURATION:PT30M',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const results = await Promise.allSettled([1, 2, 3].map(() => importIcs(t.app, editor, market, { ics, commit: true })));
    for (const r of results) if (r.status === 'rejected') expect((r.reason as DomainError).field).toBe('ics');
    const created = results.map((r) => (r.status === 'fulfilled' ? r.value.created : 0));
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
    const rows = await t.app.store.db.selectFrom('market_meetings').select('id').where('ics_uid', '=', 'race-1').execute();
    expect(rows).toHaveLength(1);
    await deleteScheduleItem(t.app, editor, market, 'meeting', rows[0].id);
  });

  it('lists meetings that need follow-up after the market, until a next step or a task is there', async () => {
    const after = '2026-05-21T00:00:00Z';
    const list = await followUps(t.app, viewer, market, after);
    expect(list.sources).toEqual(['meeting', 'offer']);
    // m1 has a next step; m2, m3 and the two imported ones have none.
    expect(list.items.map((i) => i.what)).toEqual([
      'Meeting with Kestrel Films, 2026-05-15 10:15',
      'Meeting with Northlight Pictures, 2026-05-15 10:20',
      'Meeting with Tidewater Streaming, 2026-05-16 09:00',
      'Meeting with Kestrel Films, 2026-05-16 10:00',
    ]);
    expect((await followUps(t.app, viewer, market, '2026-05-15T08:20:00Z')).items).toEqual([]);
    const task = await createTask(t.app, editor, market, {
      dueOn: '2026-05-28',
      ownerId: ann,
      text: 'Send Kestrel the avails',
      meetingId: ids.m2,
      buyerId: f.buyers.kestrel,
    });
    expect(task).toMatchObject({
      owner: { name: 'ann' },
      meeting: { id: ids.m2, buyer: { name: 'Kestrel Films' } },
      buyer: { name: 'Kestrel Films' },
      done: false,
    });
    await saveMeeting(
      t.app,
      editor,
      market,
      {
        buyerId: f.buyers.northlight,
        start: '2026-05-15T10:20',
        end: '2026-05-15T11:20',
        people: [`user:${bob}`],
        nextStep: 'Call in June',
      },
      ids.m3,
    );
    const now = await followUps(t.app, viewer, market, after);
    expect(now.items.map((i) => i.id)).not.toContain(ids.m2);
    expect(now.items.map((i) => i.id)).not.toContain(ids.m3);
    expect(now.items).toHaveLength(2);
    expect((await updateTask(t.app, editor, market, task.id, { done: true })).done).toBe(true);
    expect((await refused(createTask(t.app, editor, market, { dueOn: '2026-05-28', ownerId: 'ghost', text: 'x' }))).field).toBe('ownerId');
  });

  it('writes the line-up sheet as PDF and XLSX with loglines, credits, status and screening times', async () => {
    const pdf = await lineupSheetFile(t.app, viewer, market, 'pdf');
    const text = (await new PDFParse({ data: new Uint8Array(pdf.body) }).getText()).text;
    expect(text).toContain('Marché du Film 2026: line-up');
    expect(text).toContain('Night Ferry (2027)');
    expect(text).toContain('Two strangers, one last crossing.');
    expect(text).toContain('A ferry captain smuggles letters across a closed border.');
    expect(text).toContain('Director: Dana Amir');
    expect(text).toContain('Cast: Yoav Ben-Ari, Mira Katz');
    expect(text).toContain('Screenings: Fri 15 May 11:00, Palais H (95 min)');
    expect(text.indexOf('Night Ferry')).toBeLessThan(text.indexOf('The Salt Road'));
    const xlsx = await lineupSheetFile(t.app, viewer, market, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Line-up')!;
    expect(ws.getRow(4).values).toEqual([undefined, 'Title', 'Year', 'Status', 'Logline', 'Director', 'Cast', 'Screenings']);
    expect(ws.getRow(6).values).toEqual([
      undefined,
      'The Salt Road',
      2026,
      'Completed',
      'A ferry captain smuggles letters across a closed border.',
      'Dana Amir',
      'Yoav Ben-Ari, Mira Katz',
      'Fri 15 May 11:00, Palais H (95 min)',
    ]);
  });

  it('a market across a clock change keeps each local time at its own offset (AFM, Los Angeles)', async () => {
    const festival = await createFestival(t.app, editor, {
      name: 'American Film Market',
      kind: 'market',
      country: 'US',
      city: 'Los Angeles',
    });
    const edition = await createEdition(t.app, editor, { festivalId: festival.id, year: 2026, start: '2026-10-30', end: '2026-11-05' });
    const afm = await createMarket(t.app, editor, {
      editionId: edition.id,
      name: 'AFM',
      timeZone: 'America/Los_Angeles',
      start: '2026-10-30',
      end: '2026-11-05',
    });
    const a = await saveMeeting(t.app, editor, afm.id, { buyerId: f.buyers.kestrel, start: '2026-10-31T10:00', end: '2026-10-31T10:30' });
    const b = await saveMeeting(t.app, editor, afm.id, { buyerId: f.buyers.kestrel, start: '2026-11-02T10:00', end: '2026-11-02T10:30' });
    expect([a.start, a.offset, b.start, b.offset]).toEqual(['2026-10-31T17:00:00Z', '-0700', '2026-11-02T18:00:00Z', '-0800']);
    // 01:30 on 1 November happens twice: the first (PDT, 08:30Z) is taken; 02:30 that night is PST, so the meeting lasts two real hours.
    const c = await saveMeeting(t.app, editor, afm.id, { buyerId: f.buyers.tidewater, start: '2026-11-01T01:30', end: '2026-11-01T02:30' });
    expect([c.start, c.end, c.localStart, c.localEnd]).toEqual([
      '2026-11-01T08:30:00Z',
      '2026-11-01T10:30:00Z',
      '2026-11-01T01:30',
      '2026-11-01T02:30',
    ]);
    // An imported event at the second 01:30 (PST, 09:30Z) keeps its instant; typed, 01:30 would be the first.
    const second = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:late',
      'SUMMARY:Kestrel Films',
      'DTSTART:20261101T093000Z',
      'DURATION:PT20M',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(await importIcs(t.app, editor, afm.id, { ics: second, commit: true })).toMatchObject({
      created: 1,
      events: [{ localStart: '2026-11-01T01:30' }],
    });
    const late = (await getSchedule(t.app, viewer, afm.id, { from: '2026-11-01', to: '2026-11-01' })).meetings.find(
      (x) => x.icsUid === 'late',
    )!;
    expect([late.start, late.localStart, late.offset]).toEqual(['2026-11-01T09:30:00Z', '2026-11-01T01:30', '-0800']);
    const ics = (await exportIcs(t.app, viewer, afm.id)).text;
    expect(ics).toContain('DTSTART;TZID=America/Los_Angeles:20261031T100000');
    expect(ics).toContain('DTSTART;TZID=America/Los_Angeles:20261102T100000');
    // 01:30 that night happens twice: both meetings at 01:30 are written in UTC, so no calendar can
    // take one for the other
    expect(ics).toContain('DTSTART:20261101T083000Z');
    expect(ics).toContain('DTSTART:20261101T093000Z');
    expect(ics).not.toContain(':20261101T013000');
    const back = new Map(readIcs(ics, 'UTC').map((e) => [e.uid, [new Date(e.start!).toISOString(), new Date(e.end!).toISOString()]]));
    expect(back.get(`meeting-${c.id}@filmrights`)).toEqual(['2026-11-01T08:30:00.000Z', '2026-11-01T10:30:00.000Z']);
    expect(back.get('late')).toEqual(['2026-11-01T09:30:00.000Z', '2026-11-01T09:50:00.000Z']);
    // imported again into the AFM: nothing new, nothing moved
    const before = await snapshot(t.app);
    const again = await importIcs(t.app, editor, afm.id, { ics, commit: true });
    expect([again.created, ...again.events.map((e) => e.status)]).toEqual([0, ...again.events.map(() => 'already-imported')]);
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('a buyer the market names is not deleted; merging buyers or titles carries the market along, duplicates collapsed', async () => {
    const refusal = await deleteCompany(t.app, editor, f.buyers.kestrel).then(
      () => null,
      (err: Error) => err,
    );
    expect(refusal).toBeInstanceOf(InUseError);
    expect(refusal?.message).toMatch(/market meetings/);
    const before = await getSchedule(t.app, viewer, market);
    const kestrelMeetings = before.meetings.filter((m) => m.buyer.id === f.buyers.kestrel).length;
    // at Cannes, and three at the AFM
    const everywhere = (
      await t.app.store.db.selectFrom('market_meetings').select('id').where('company_id', '=', f.buyers.kestrel).execute()
    ).length;
    expect(everywhere).toBe(kestrelMeetings + 3);
    const merged = await mergeCompanies(t.app, editor, f.buyers.northlight, f.buyers.kestrel);
    expect(merged.moved).toMatchObject({ 'market meetings': everywhere, 'market screenings': 1, 'market tasks': 1 });
    const after = await getSchedule(t.app, viewer, market);
    expect(after.meetings.filter((m) => m.buyer.id === f.buyers.northlight)).toHaveLength(
      before.meetings.filter((m) => m.buyer.id === f.buyers.northlight).length + kestrelMeetings,
    );
    // Kestrel (not known) and Northlight (came) were both invited: one invitation now, and it came.
    expect(after.screenings[0].invited.map((b) => [b.company.name, b.attended])).toEqual([['Northlight Pictures', true]]);
    const titles = await mergeTitles(t.app, editor, f.titles.salt, f.titles.ferry);
    expect(titles.moved).toMatchObject({ 'market line-ups': 1 });
    expect((await getMarket(t.app, viewer, market)).lineup.map((l) => l.title.name)).toEqual(['The Salt Road']);
  });

  it('an edition with a market is not deleted', async () => {
    const e = await deleteEdition(t.app, editor, f.edition).then(
      () => null,
      (err: Error) => err,
    );
    expect(e?.message).toMatch(/1 market refers to it/);
  });
});
