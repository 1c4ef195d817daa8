import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { askAvails } from '../../src/services/avails.js';
import { createTitle } from '../../src/services/catalog.js';
import type { AvailRowView } from '../../src/services/views.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { databases, describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

async function signIn(server: FastifyInstance, username: string): Promise<string> {
  const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'filmrights_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Strict');
  return `filmrights_session=${cookie!.value}`;
}

describeEachDatabase('rights through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let editor: string;
  let viewer: string;
  const ids: Record<string, string> = {};

  const post = (url: string, payload: unknown, cookie = editor) =>
    server.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    for (const [key, name, kind] of [
      ['wb', 'Wild Bunch', 'sales-agent'],
      ['huanxi', 'Huanxi Media Group', 'production'],
      ['neon', 'Neon', 'distributor'],
      ['alamode', 'Alamode Film', 'distributor'],
      ['mubi', 'MUBI', 'streamer'],
    ] as const) {
      ids[key] = (await findOrCreateCompany(app, SYSTEM, { name, kind })).company.id;
    }
    for (let i = 0; i < 50; i++)
      ids[`buyer${i}`] = (await findOrCreateCompany(app, SYSTEM, { name: `Buyer ${i}`, kind: 'distributor' })).company.id;
    await setWeCompany(app, SYSTEM, ids.wb);
    ids.film = (await createTitle(app, SYSTEM, { originalTitle: 'One Second', year: 2020, countries: ['CN'] })).id;
    editor = await signIn(server, 'eva');
    viewer = await signIn(server, 'vic');
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const mandate = () => ({
    ref: 'WB-MANDATE-ONE-SECOND',
    status: 'signed',
    licensorId: ids.huanxi,
    licenseeId: ids.wb,
    titleIds: [ids.film],
    blocks: [{ territories: 'Worldwide excluding China', media: 'All Media', start: '2020-01-01', end: '2040-12-31', exclusive: true }],
  });
  const sale = (ref: string, buyer: string, territories: string, media: string, extra: object = {}) => ({
    ref,
    status: 'signed',
    licensorId: ids.wb,
    licenseeId: buyer,
    titleIds: [ids.film],
    blocks: [{ territories, media, start: '2021-09-18', end: '2036-09-17', exclusive: true }],
    ...extra,
  });

  it('refuses anonymous reads and viewer writes', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/titles' })).statusCode).toBe(401);
    expect((await post('/api/contracts', mandate(), viewer)).statusCode).toBe(403);
    expect((await server.inject({ method: 'GET', url: '/api/titles', headers: { cookie: viewer } })).statusCode).toBe(200);
  });

  it("records Wild Bunch's mandate and Neon's North American deal, and answers the avails question with the reason", async () => {
    const m = await post('/api/contracts', mandate());
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json().direction).toBe('in');
    const neon = await post('/api/contracts', sale('WB-NEON-ONE-SECOND-NA', ids.neon, 'North America', 'All Media'));
    expect(neon.statusCode, neon.body).toBe(201);
    expect(neon.json().direction).toBe('out');

    const na = await post('/api/avails', {
      titles: ['One Second'],
      territories: 'North America',
      media: 'All Media',
      start: '2022-01-01',
      end: '2022-12-31',
    });
    expect(na.statusCode, na.body).toBe(200);
    const rows = na.json().rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ titles: ['One Second'], territoryLabel: 'North America', status: 'unavailable' });
    expect(rows[0].reasons).toEqual([
      {
        code: 'rights-out-exist',
        contracts: ['WB-NEON-ONE-SECOND-NA'],
        message: 'sold to WB-NEON-ONE-SECOND-NA (Neon)',
        deals: [{ ref: 'WB-NEON-ONE-SECOND-NA', id: neon.json().id, licensor: 'Wild Bunch', licensee: 'Neon', end: '2036-09-17' }],
      },
    ]);

    const world = await post('/api/avails', {
      titles: [ids.film],
      territories: 'Worldwide',
      media: 'All Media',
      start: '2022-01-01',
      end: '2022-12-31',
    });
    const available = world.json().rows.filter((r: { status: string }) => r.status === 'available');
    expect(available.map((r: { territoryLabel: string }) => r.territoryLabel)).toEqual(['Worldwide excl. North America and China']);
  });

  it("colours the world map: the U.S. and Canada sold to Neon, China without rights, the rest held under Wild Bunch's mandate", async () => {
    const res = await server.inject({
      method: 'GET',
      url: `/api/titles/${ids.film}/map?media=All%20Media&start=2022-01-01&end=2022-12-31`,
      headers: { cookie: viewer },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { countries } = res.json();
    expect(countries.US).toMatchObject({ status: 'sold', contracts: ['WB-NEON-ONE-SECOND-NA'] });
    expect(countries.CA.status).toBe('sold');
    expect(countries.CN).toMatchObject({ status: 'no-rights', heldUnder: [] });
    expect(countries.FR).toMatchObject({
      status: 'available',
      contracts: ['WB-MANDATE-ONE-SECOND'],
      heldUnder: [{ contract: 'WB-MANDATE-ONE-SECOND', licensor: 'Huanxi Media Group' }],
    });
  });

  it('refuses a second exclusive sale of the same right, names the first deal, and changes nothing', async () => {
    const first = await post('/api/contracts', sale('WB-ALAMODE-DE-SVOD', ids.alamode, 'Germany', 'SVOD'));
    expect(first.statusCode, first.body).toBe(201);
    const before = (await server.inject({ method: 'GET', url: '/api/contracts', headers: { cookie: editor } })).json().total;

    const second = await post('/api/contracts', sale('WB-MUBI-DE-SVOD', ids.mubi, 'German-speaking Europe', 'SVOD and AVOD'));
    expect(second.statusCode).toBe(409);
    const body = second.json();
    expect(body.error).toBe('conflict');
    expect(body.message).toContain('WB-ALAMODE-DE-SVOD');
    const conflict = body.conflicts.blocks[0].conflicts;
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ territories: ['DE'], media: ['svod'], start: '2021-09-18', end: '2036-09-17' });
    expect(conflict[0].reasons[0]).toMatchObject({ code: 'rights-out-exist', contracts: ['WB-ALAMODE-DE-SVOD'] });
    expect((await server.inject({ method: 'GET', url: '/api/contracts', headers: { cookie: editor } })).json().total).toBe(before);

    const overridden = await post(
      '/api/contracts',
      sale('WB-MUBI-DE-SVOD', ids.mubi, 'German-speaking Europe', 'SVOD and AVOD', {
        override: { reason: 'Alamode agreed to share SVOD (letter of 2021-08-02)' },
      }),
    );
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().overrideReason).toBe('Alamode agreed to share SVOD (letter of 2021-08-02)');
    const trail = (
      await server.inject({
        method: 'GET',
        url: `/api/audit?entity=contracts&entityId=${overridden.json().id}`,
        headers: { cookie: viewer },
      })
    ).json();
    expect(trail[0]).toMatchObject({ action: 'override', user: 'eva', reason: 'Alamode agreed to share SVOD (letter of 2021-08-02)' });
  });

  it('checks a proposed block with no start date (open start) without failing', async () => {
    const res = await post('/api/conflicts', {
      titleIds: [ids.film],
      blocks: [{ territories: 'Germany', media: 'SVOD', end: '2030-12-31' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().blocks[0].conflicts;
    expect(rows.some((r: { start: string | null }) => r.start === null)).toBe(true);
  });

  it('lets exactly one of 50 simultaneous exclusive sales of the same right through', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post('/api/contracts', sale(`RACE-${i}`, ids[`buyer${i}`], 'France', 'Theatrical'))),
    );
    const codes = attempts.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const sold = await app.store.db
      .selectFrom('contracts as c')
      .innerJoin('rights_blocks as b', 'b.contract_id', 'c.id')
      .select('c.ref')
      .where('c.ref', 'like', 'RACE-%')
      .execute();
    expect(sold).toHaveLength(1);
    const fr = await post('/api/avails', {
      titles: ['One Second'],
      territories: 'France',
      media: 'Theatrical',
      start: '2022-01-01',
      end: '2022-12-31',
    });
    expect(fr.json().rows[0].reasons[0].contracts).toEqual([sold[0].ref]);
  });

  it('names the field and suggests the closest names for a mistyped territory', async () => {
    const bad = await post('/api/contracts', sale('BAD', ids.mubi, 'Germny', 'SVOD'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'blocks[0].territories', value: 'Germny' });
    expect(bad.json().suggestions).toContain('Germany');
    const badDate = await post('/api/avails', { territories: 'Germany', media: 'SVOD', start: '2027-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().field).toBe('start');
  });

  it('pages the catalog-wide answer: a client following page.next sees every free title once, in order', async () => {
    for (let i = 1; i <= 4; i++) {
      const film = (await createTitle(app, SYSTEM, { originalTitle: `Paging Test Film ${i}`, year: 2020 + i, countries: ['FR'] })).id;
      const m = await post('/api/contracts', { ...mandate(), ref: `PAGING-MANDATE-${i}`, titleIds: [film] });
      expect(m.statusCode, m.body).toBe(201);
    }
    // a title with no rights at all is asked about too, and told of on the page of its stretch
    const bare = (await createTitle(app, SYSTEM, { originalTitle: 'Paging Test Film Without Rights', year: 2020, countries: ['FR'] })).id;
    const question = { territories: 'Germany', media: 'SVOD', start: '2030-01-01', end: '2030-12-31' };
    const whole = (await post('/api/avails', question)).json();
    expect(whole.page).toMatchObject({ limit: 1000, next: null });
    const everyTitle = [...new Set(whole.rows.flatMap((r: { titleIds: string[] }) => r.titleIds))];
    expect(everyTitle.length).toBeGreaterThanOrEqual(4);
    expect(whole.page.titles).toBe(everyTitle.length);

    // the whole answer as the CLI and exports ask it (no page)
    const unpaged = await askAvails(app, SYSTEM, question);
    expect(unpaged.page).toBeUndefined();
    expect(unpaged.notShown.titles.map((t) => t.id)).toContain(bare);
    const seen: string[] = [];
    const pagedRows: AvailRowView[] = [];
    const pagedLeft: Array<{ id: string; reason: string }> = [];
    const pagedReasons = new Map<string, number>();
    let cursor: string | undefined;
    for (let pages = 1; ; pages++) {
      const res = await post('/api/avails', { ...question, limit: 2, ...(cursor ? { cursor } : {}) }, viewer);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.asked).toBe(whole.asked);
      const titles = [...new Set(page.rows.flatMap((r: { titleIds: string[] }) => r.titleIds))] as string[];
      expect(titles).toHaveLength(page.page.titles);
      seen.push(...titles.sort());
      const all = await askAvails(app, SYSTEM, { ...question, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(all.asked).toBe(unpaged.asked);
      pagedRows.push(...all.rows);
      expect(all.notShown.titles).toHaveLength(all.notShown.count);
      pagedLeft.push(...all.notShown.titles.map((t) => ({ id: t.id, reason: t.reason })));
      for (const r of all.notShown.reasons) pagedReasons.set(r.reason, (pagedReasons.get(r.reason) ?? 0) + r.count);
      if (page.page.next === null) break;
      expect(page.page.titles).toBe(2);
      expect(pages).toBeLessThan(everyTitle.length);
      cursor = page.page.next;
    }
    expect(seen).toEqual([...everyTitle].sort());
    expect(seen).toEqual([...seen].sort());
    // the pages together say what the whole answer says: each title's rows, and the titles left out and why
    expect(rowsByTitle(pagedRows)).toEqual(rowsByTitle(unpaged.rows));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(pagedLeft.sort(byId)).toEqual(unpaged.notShown.titles.map((t) => ({ id: t.id, reason: t.reason })).sort(byId));
    expect(pagedLeft).toHaveLength(unpaged.notShown.count);
    expect(Object.fromEntries(pagedReasons)).toEqual(Object.fromEntries(unpaged.notShown.reasons.map((r) => [r.reason, r.count])));
    // a title added after the pages were asked is asked about on the next page that reaches it
    const later = (await createTitle(app, SYSTEM, { originalTitle: 'Paging Test Film Added Later', year: 2021, countries: ['FR'] })).id;
    const again = await askAvails(app, SYSTEM, { ...question, limit: 1000 });
    expect(again.asked).toBe(unpaged.asked + 1);
    expect(again.notShown.titles.map((t) => t.id)).toContain(later);
    expect(again.asked).toBe((await askAvails(app, SYSTEM, question)).asked);
  });

  it('asks a page about the titles with nothing under them, as the tree grows', async () => {
    const question = { territories: 'Germany', media: 'SVOD', start: '2030-01-01', end: '2030-12-31' };
    const pageOf = async () => askAvails(app, SYSTEM, { ...question, limit: 10_000 });
    const leftOut = (a: { notShown: { titles: Array<{ id: string }> } }) => a.notShown.titles.map((t) => t.id);
    await pageOf(); // the titles asked are listed, then kept in step below
    const series = (await createTitle(app, SYSTEM, { originalTitle: 'Paging Test Series', kind: 'series' })).id;
    const season = (
      await createTitle(app, SYSTEM, { originalTitle: 'Paging Test Season One', kind: 'season', parentId: series, number: 1 })
    ).id;
    const withSeason = await pageOf();
    expect(leftOut(withSeason)).toContain(season);
    expect(leftOut(withSeason)).not.toContain(series);
    expect(withSeason.asked).toBe((await askAvails(app, SYSTEM, question)).asked);
    const episode = (
      await createTitle(app, SYSTEM, { originalTitle: 'Paging Test Episode One', kind: 'episode', parentId: season, number: 1 })
    ).id;
    const withEpisode = await pageOf();
    expect(leftOut(withEpisode)).toContain(episode);
    expect(leftOut(withEpisode)).not.toContain(season);
    expect(withEpisode.asked).toBe(withSeason.asked);
    expect(withEpisode.asked).toBe((await askAvails(app, SYSTEM, question)).asked);
  });

  it('names the field of a bad page request', async () => {
    const question = { territories: 'Germany', media: 'SVOD', start: '2030-01-01', end: '2030-12-31' };
    const badCursor = await post('/api/avails', { ...question, cursor: 'not a cursor' });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().field).toBe('cursor');
    const tooMany = await post('/api/avails', { ...question, limit: 100_000 });
    expect(tooMany.statusCode).toBe(400);
    expect(JSON.stringify(tooMany.json())).toContain('limit');
    const named = await post('/api/avails', { ...question, titles: [ids.film], limit: 5 });
    expect(named.statusCode).toBe(400);
    expect(named.json().field).toBe('limit');
  });

  it('serves its OpenAPI document', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/avails', '/api/conflicts', '/api/contracts', '/api/titles/{id}']));
    const avails = doc.paths['/api/avails'].post;
    expect(Object.keys(avails.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['limit', 'cursor']),
    );
    expect(Object.keys(avails.responses['200'].content['application/json'].schema.properties)).toContain('page');
  });
});

describe('test databases', () => {
  it('include PostgreSQL when it answers', () => {
    expect(databases.map((d) => d.name)).toEqual(['sqlite', 'postgres']);
  });
});

/** Each title's rows, without the titles they are shared with: what a page and the whole answer must agree on. */
function rowsByTitle(rows: readonly AvailRowView[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { titles: _names, titleIds, ...row } of rows) for (const id of titleIds) (out[id] ??= []).push(JSON.stringify(row));
  for (const list of Object.values(out)) list.sort();
  return out;
}
