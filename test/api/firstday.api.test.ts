/**
 * What a new user asked on the first day, through the API, on both databases:
 * free titles in a territory, people in the search, what a deal grants in the
 * deals list and its export, festival line-ups that agree with the title page,
 * the titles a catalog-wide avails answer leaves out, and export file names.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { territoryLabel, territorySetFromCodes } from '../../src/domain/territories.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { addCredit, createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { loadDemo } from '../../src/services/demo.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function sheet(data: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
}

const fileName = (res: { headers: Record<string, unknown> }) => /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1];

describeEachDatabase('first-day questions through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let editor: string;
  let viewer: string;
  const ids: Record<string, string> = {};

  const get = (url: string, cookie = editor) => server.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, payload: unknown, cookie = editor) =>
    server.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });

  async function signIn(username: string): Promise<string> {
    const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'filmrights_session')!;
    return `filmrights_session=${cookie.value}`;
  }

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    await loadDemo(app);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    editor = await signIn('eva');
    viewer = await signIn('vic');
    ids.wb = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    ids.producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Les Films du Losange', kind: 'production' })).company.id;
    ids.alamode = (await findOrCreateCompany(app, SYSTEM, { name: 'Alamode Film', kind: 'distributor' })).company.id;
    // two more titles we hold worldwide, one whose rights expired, one whose rights start later
    const mandate = async (name: string, start: string, end: string | null) => {
      const id = (await createTitle(app, SYSTEM, { originalTitle: name, year: 2024 })).id;
      await saveContract(app, SYSTEM, {
        ref: `IN-${id}`,
        direction: 'in',
        status: 'signed',
        licensorId: ids.producer,
        licenseeId: ids.wb,
        titleIds: [id],
        blocks: [{ territories: 'Worldwide', media: 'All Media', start, end }],
      });
      return id;
    };
    ids.anatomy = await mandate('Anatomie d’une chute', '2023-01-01', null);
    ids.perfect = await mandate('Perfect Days', '2023-01-01', '2045-12-31');
    ids.old = await mandate('Old Film', '2000-01-01', '2010-12-31');
    ids.later = await mandate('Later Film', '2090-01-01', null);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('catalog: "free in territory for media" answers, with honest totals and pages', async () => {
    const res = await get('/api/titles?freeTerritory=Germany&freeMedia=SVOD&pageSize=1');
    expect(res.statusCode, res.body).toBe(200);
    // the same question asked of the avails engine: today and a year on, exclusive, cover-entire
    const free = await post('/api/avails', {
      territories: 'Germany',
      media: 'SVOD',
      start: today(),
      end: addDays(today(), 364),
      exclusive: true,
      match: 'cover-entire',
      include: 'available',
    });
    const freeIds = new Set((free.json().rows as Array<{ titleIds: string[] }>).flatMap((r) => r.titleIds));
    expect(freeIds).toEqual(new Set(['one-second', ids.anatomy, ids.perfect]));
    expect(res.json().total).toBe(freeIds.size);
    const pages: string[] = [];
    for (let page = 1; page <= freeIds.size; page++) {
      const p = (await get(`/api/titles?freeTerritory=Germany&freeMedia=SVOD&pageSize=1&page=${page}`)).json();
      expect(p.items).toHaveLength(1);
      pages.push(p.items[0].id);
    }
    expect(new Set(pages)).toEqual(freeIds);
    // sold to Neon in North America: One Second is not free in Canada
    const canada = (await get('/api/titles?freeTerritory=Canada&freeMedia=SVOD')).json();
    expect(canada.items.map((t: { id: string }) => t.id)).not.toContain('one-second');
    expect(canada.total).toBe(canada.items.length);
    // with a search: both filters hold
    expect(
      (await get('/api/titles?q=one%20secnd&freeTerritory=Germany&freeMedia=SVOD')).json().items.map((t: { id: string }) => t.id),
    ).toEqual(['one-second']);
  });

  it('catalog: a free filter that cannot be answered is a 400 naming the field', async () => {
    const noTerritory = await get('/api/titles?freeMedia=SVOD');
    expect(noTerritory.statusCode).toBe(400);
    expect(noTerritory.json().field).toBe('freeTerritory');
    const typo = await get('/api/titles?freeTerritory=Germny&freeMedia=SVOD');
    expect(typo.statusCode).toBe(400);
    expect(typo.json().field).toBe('freeTerritory');
    const badMedia = await get('/api/titles?freeTerritory=Germany&freeMedia=SVDO');
    expect(badMedia.statusCode).toBe(400);
    expect(badMedia.json().field).toBe('freeMedia');
  });

  it('catalog: the search finds titles by the people credited, directors first, typos forgiven', async () => {
    const directed = ['cliff-walkers', 'hero', 'impasse', 'one-second', 'raise-the-red-lantern', 'under-the-light'];
    const cameo = (await createTitle(app, SYSTEM, { originalTitle: 'A Cameo', year: 2025 })).id;
    await addCredit(app, SYSTEM, { titleId: cameo, name: 'Zhang Yimou', role: 'cast' });
    for (const q of ['Zhang Yimou', 'Zhang Yimu', 'zhang yimou']) {
      const res = await get(`/api/titles?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const found = res.json().items.map((t: { id: string }) => t.id);
      expect([...found.slice(0, directed.length)].sort(), q).toEqual(directed);
      // the titles he directed come before the one he appears in
      expect(found.indexOf(cameo), q).toBe(directed.length);
    }
    // a search with no such person or title finds nothing
    expect((await get('/api/titles?q=Kurosawa')).json().total).toBe(0);
  });

  it('catalog: sorted descending over the whole list, not page by page', async () => {
    const all = (await get('/api/titles?sort=title&pageSize=500')).json().items.map((t: { id: string }) => t.id);
    const desc = (await get('/api/titles?sort=title&dir=desc&pageSize=3')).json().items.map((t: { id: string }) => t.id);
    expect(desc).toEqual(all.slice(-3).reverse());
  });

  it('deals list: each contract says what it grants (territories, media, term) and its MG only to those who may see it', async () => {
    await saveContract(app, SYSTEM, {
      ref: 'WB-ALAMODE-PERFECT-DE',
      direction: 'out',
      status: 'signed',
      licensorId: ids.wb,
      licenseeId: ids.alamode,
      titleIds: [ids.perfect],
      signedOn: '2025-02-14',
      mg: { amount: '250000.00', currency: 'EUR' },
      blocks: [
        { territories: 'German-speaking Europe', media: 'All Media', start: '2025-03-01', end: '2032-02-29' },
        { territories: 'German-speaking Europe', media: 'All Media', start: '2025-03-01', end: '2032-02-29', exclusive: true },
      ],
    });
    const list = (await get('/api/contracts?pageSize=500')).json();
    const neon = list.items.find((c: { ref: string }) => c.ref === 'WB-NEON-ONE-SECOND-NA');
    expect(neon.rights).toEqual([
      { territoryLabel: 'North America', mediaLabel: 'All Media', start: '2021-09-18', end: '2036-09-17', exclusive: true },
    ]);
    const alamode = list.items.find((c: { ref: string }) => c.ref === 'WB-ALAMODE-PERFECT-DE');
    expect(alamode.rights).toEqual([
      { territoryLabel: 'German-speaking Europe', mediaLabel: 'All Media', start: '2025-03-01', end: '2032-02-29', exclusive: true },
    ]);
    expect(alamode.mg).toEqual({ amount: '250000.00', currency: 'EUR' });
    const open = list.items.find((c: { ref: string }) => c.ref === `IN-${ids.anatomy}`);
    expect(open.rights[0]).toMatchObject({ territoryLabel: 'Worldwide', end: null });
    const seenByViewer = (await get('/api/contracts?pageSize=500', viewer))
      .json()
      .items.find((c: { ref: string }) => c.ref === 'WB-ALAMODE-PERFECT-DE');
    expect(seenByViewer.rights).toEqual(alamode.rights);
    expect(seenByViewer).not.toHaveProperty('mg');
    const bad = await get('/api/contracts?status=sold');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('status');
  });

  it('contracts export: territories, media and term as people read them, MG with its currency (hidden without the permission), the same columns in CSV and XLSX', async () => {
    const xlsx = await get('/api/export/contracts?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const rows = await sheet(xlsx.rawPayload);
    const head = rows[0] as string[];
    expect(head).toEqual([
      'Ref',
      'Direction',
      'Status',
      'Licensor',
      'Licensee',
      'Titles',
      'Territories',
      'Media',
      'Term',
      'Signed on',
      'Announced on',
      'MG',
      'MG currency',
      'Updated',
    ]);
    const cell = (ref: string, col: string) => rows.find((r) => r[0] === ref)![head.indexOf(col)];
    expect(cell('WB-ALAMODE-PERFECT-DE', 'Territories')).toBe('German-speaking Europe');
    expect(cell('WB-ALAMODE-PERFECT-DE', 'Media')).toBe('All Media');
    expect(cell('WB-ALAMODE-PERFECT-DE', 'Term')).toBe('2025-03-01 – 2032-02-29');
    expect(cell('WB-ALAMODE-PERFECT-DE', 'MG')).toBe(250000);
    expect(cell('WB-ALAMODE-PERFECT-DE', 'MG currency')).toBe('EUR');
    expect(cell(`IN-${ids.anatomy}`, 'Term')).toBe('2023-01-01 – perpetuity');
    const csv = csvRows((await get('/api/export/contracts?format=csv')).body);
    expect(csv[0]).toEqual(head);
    const csvAlamode = csv.find((r) => r[0] === 'WB-ALAMODE-PERFECT-DE')!;
    expect(csvAlamode.slice(6, 9)).toEqual(['German-speaking Europe', 'All Media', '2025-03-01 – 2032-02-29']);
    expect(csvAlamode.slice(11, 13)).toEqual(['250000.00', 'EUR']);
    const hidden = await sheet((await get('/api/export/contracts?format=xlsx', viewer)).rawPayload);
    expect(hidden[0]).not.toContain('MG');
    expect(hidden[0]).not.toContain('MG currency');
    expect(JSON.stringify(hidden)).not.toContain('250000');
  });

  it('festival line-up: what is sold and free is as of today, labelled so, and agrees with the title page after a new sale', async () => {
    const asOf = today();
    const sale = await post('/api/contracts', {
      ref: 'WB-ALAMODE-ONE-SECOND-DE',
      direction: 'out',
      status: 'signed',
      licensorId: ids.wb,
      licenseeId: ids.alamode,
      titleIds: ['one-second'],
      blocks: [{ territories: 'Germany', media: 'All Media', start: asOf, end: addDays(asOf, 3650) }],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const lineup = (await get('/api/editions/tiff-2021-46')).json();
    expect(lineup.availability).toEqual({ asOf, media: 'All Media', exclusive: true });
    const selection = lineup.sections
      .flatMap((s: { selections: unknown[] }) => s.selections)
      .find((s: { title: { id: string } }) => s.title.id === 'one-second');
    const map = (await get(`/api/titles/one-second/map?media=All%20Media&start=${asOf}&end=${asOf}&exclusive=true`)).json();
    type Country = { status: string; reasons: Array<{ code: string }> };
    const countries = Object.entries(map.countries as Record<string, Country>);
    const label = (pick: (c: Country) => boolean) => {
      const codes = countries.filter(([, c]) => pick(c)).map(([code]) => code);
      return codes.length ? territoryLabel(territorySetFromCodes(codes)) : null;
    };
    const sold = (c: Country) => c.reasons.some((r) => r.code === 'rights-out-exist' || r.code === 'holdback');
    expect(map.countries.DE.status).toBe('sold');
    expect(selection.soldLabel).toBe(label(sold));
    expect(selection.soldLabel).toBe('North America and Germany');
    expect(selection.freeLabel).toBe(label((c) => c.status === 'available'));
    expect(selection.heldLabel).toBe(label((c) => !sold(c) && c.reasons.some((r) => r.code === 'on-hold')));
  });

  it('whole-catalog avails: says how many titles were asked and why each one left out is not shown', async () => {
    const total = (await get('/api/titles?pageSize=1')).json().total;
    const res = await post('/api/avails', {
      territories: 'France',
      media: 'SVOD',
      start: '2027-01-01',
      end: '2027-12-31',
      include: 'available',
    });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.asked).toBe(total);
    const shown = new Set((a.rows as Array<{ titleIds: string[] }>).flatMap((r) => r.titleIds));
    expect(shown).toEqual(new Set(['one-second', ids.anatomy, ids.perfect]));
    expect(a.notShown.count).toBe(total - shown.size);
    const why = Object.fromEntries((a.notShown.titles as Array<{ id: string; reason: string }>).map((t) => [t.id, t.reason]));
    expect(a.notShown.titles).toHaveLength(a.notShown.count);
    expect(why[ids.old]).toBe('rights-expired');
    expect(why[ids.later]).toBe('not-yet-started');
    expect(why.hero).toBe('no-rights-held');
    expect(a.notShown.reasons.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(a.notShown.count);
    expect(a.notShown.reasons.find((r: { reason: string }) => r.reason === 'rights-expired')).toMatchObject({
      count: 1,
      message: expect.stringContaining('expired'),
    });
    // sold in Canada: held, but nothing available as asked
    const canada = (
      await post('/api/avails', {
        titles: ['one-second'],
        territories: 'Canada',
        media: 'SVOD',
        start: '2027-01-01',
        end: '2027-12-31',
        include: 'available',
      })
    ).json();
    expect(canada).toMatchObject({
      rows: [],
      asked: 1,
      notShown: { count: 1, titles: [{ id: 'one-second', title: 'One Second', reason: 'not-available' }] },
    });
    // everything, with reasons: only the titles without any rights are left out
    const everything = (
      await post('/api/avails', { territories: 'France', media: 'SVOD', start: '2027-01-01', end: '2027-12-31', include: 'all' })
    ).json();
    expect(everything.asked).toBe(total);
    expect(new Set(everything.notShown.titles.map((t: { reason: string }) => t.reason))).toEqual(new Set(['no-rights-held']));
  });

  it('exports are named after what was asked, and the avails CSV and XLSX have the same columns', async () => {
    const question = { territories: 'Germany', media: 'SVOD', start: '2027-01-01', end: '2027-12-31', include: 'all' };
    const xlsx = await post('/api/avails/export?format=xlsx', question);
    expect(xlsx.statusCode).toBe(200);
    expect(fileName(xlsx)).toBe('avails-germany-svod-2027-01-01_2027-12-31.xlsx');
    const csv = await post('/api/avails/export?format=csv', question);
    expect(fileName(csv)).toBe('avails-germany-svod-2027-01-01_2027-12-31.csv');
    const x = await sheet(xlsx.rawPayload);
    const c = csvRows(csv.body);
    expect(c[0]).toEqual(x[0]);
    expect(c[0]).toEqual(['Status', 'Titles', 'Territories', 'Territory codes', 'Media', 'Languages', 'Start', 'End', 'Why']);
    expect(c.length).toBe(x.length);
    const open = await post('/api/avails/export?format=csv', {
      titles: ['One Second'],
      territories: 'Worldwide excl. China',
      media: 'All Media',
      start: '2030-01-01',
      end: null,
    });
    expect(fileName(open)).toBe('avails-one-second-worldwide-excl-china-all-media-2030-01-01_open.csv');
    const signed = await get('/api/export/contracts?format=xlsx&status=signed');
    expect(fileName(signed)).toBe(`contracts-signed-${today()}.xlsx`);
    const signedRows = await sheet(signed.rawPayload);
    expect(signedRows.slice(1).every((r) => r[2] === 'signed')).toBe(true);
    expect(fileName(await get('/api/export/contracts?format=csv&direction=out&status=signed'))).toBe(
      `contracts-rights-out-signed-${today()}.csv`,
    );
    expect(fileName(await get('/api/export/catalog?format=csv'))).toBe(`catalog-${today()}.csv`);
    const ema = await post('/api/avails/export?format=ema-xml&version=2.5', {
      from: '2027-01-01',
      retailer: 'iTunes',
      territories: 'Germany',
      licenseTypes: ['SVOD'],
    });
    expect(ema.statusCode, ema.body).toBe(200);
    expect(fileName(ema)).toBe('avails-ema-itunes-germany-2027-01-01_open-v2.5.xml');
    const bad = await get('/api/export/contracts?format=csv&status=sold');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('status');
  });
});
