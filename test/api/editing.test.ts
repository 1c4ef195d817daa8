/**
 * Editing the record through the API, on SQLite and PostgreSQL: titles with
 * their credits and companies (create, change, reorder, delete refused while
 * something refers to them, restore from history, merge two records of one
 * film with the rights index following), people and companies (change,
 * merge, delete refused, restore), the festival record, releases and box
 * office, the deal that creates its new licensee only when it is saved, and
 * who "we" are.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { createSource, linkFact } from '../../src/services/provenance.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDatabase('editing the record', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let editor: { authorization: string };
  let viewer: { authorization: string };
  let admin: { authorization: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const token = async (username: string, role: 'admin' | 'editor' | 'viewer') => {
      const u = await createUser(app, { username, password: 'correct horse battery', role, canSeeFinancials: true });
      return { authorization: `Bearer ${(await createApiToken(app, { ...SYSTEM, id: u.id, username, role }, 'write')).token}` };
    };
    admin = await token('ada', 'admin');
    editor = await token('eva', 'editor');
    viewer = await token('vic', 'viewer');
    for (const [k, name, kind] of [['wb', 'Wild Bunch', 'sales-agent'], ['hx', 'Huanxi Media Group', 'production'], ['neon', 'Neon', 'distributor']] as const) {
      ids[k] = (await findOrCreateCompany(app, SYSTEM, { name, kind })).company.id;
    }
    await setWeCompany(app, SYSTEM, ids.wb);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = editor) => {
    const r = await server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Json }) });
    return { status: r.statusCode, body: (r.body ? r.json() : null) as Json };
  };
  const history = async (entity: string, id: string) => (await call('GET', `/api/audit?entity=${entity}&entityId=${encodeURIComponent(id)}`)).body as Json[];
  const avails = async (title: string, territories: string) =>
    (await call('POST', '/api/avails', { titles: [title], territories, media: 'All Media', start: '2022-01-01', end: '2022-12-31' })).body.rows.map((r: Json) => r.status);

  // ------------------------------------------------------------------ titles

  it('creates a title with credits in billing order, a sales agent typed by name, and one history entry', async () => {
    const r = await call('POST', '/api/titles', {
      originalTitle: '一秒钟',
      englishTitle: 'One Second',
      year: 2020,
      countries: ['China'],
      languages: ['zh'],
      runtimeMinutes: 104,
      productionStatus: 'released',
      aliases: ['Yi miao zhong'],
      credits: [
        { name: 'Zhang Yimou', role: 'director' },
        { name: 'Zhang Yi', role: 'cast', character: 'Zhang Jiusheng' },
        { name: 'Liu Haocun', role: 'cast', character: 'Liu Girl' },
      ],
      companies: [{ companyId: ids.hx, role: 'production' }, { name: 'Bunch of Wilds Sales', role: 'sales-agent' }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids.film = r.body.id;
    expect(r.body.credits.map((c: Json) => `${c.role}:${c.person.name}:${c.position}`)).toEqual(['director:Zhang Yimou:0', 'cast:Zhang Yi:0', 'cast:Liu Haocun:1']);
    const agent = r.body.companies.find((c: Json) => c.role === 'sales-agent');
    expect(agent.company.name).toBe('Bunch of Wilds Sales');
    expect((await call('GET', `/api/companies/${agent.company.id}`)).body.kind).toBe('sales-agent');
    const h = await history('titles', ids.film);
    expect(h.map((e) => e.action)).toEqual(['create']);
    expect(h[0].after.credits).toHaveLength(3);
    expect(h[0].after.companies).toHaveLength(2);
  });

  it('changes fields and reorders, removes and adds credits, keeping the sources of the credits that stay', async () => {
    const before = (await call('GET', `/api/titles/${ids.film}`)).body;
    const liu = before.credits.find((c: Json) => c.person.name === 'Liu Haocun');
    const source = await createSource(app, SYSTEM, { kind: 'article', outlet: 'Trade Daily', text: 'Liu Haocun co-stars.' });
    await linkFact(app, SYSTEM, { sourceId: source.id, factTable: 'credits', factId: liu.id, quote: 'Liu Haocun co-stars.' });
    const credits = [
      { personId: before.credits[0].person.id, role: 'director' },
      { personId: liu.person.id, role: 'cast', character: 'Liu Girl' },
      { name: 'Fan Wei', role: 'cast', character: 'Mr. Movie' },
    ];
    const r = await call('PATCH', `/api/titles/${ids.film}`, { year: 2021, synopsis: 'A fugitive and an orphan chase one reel of film.', credits, companies: [{ companyId: ids.hx, role: 'production' }, { companyId: ids.wb, role: 'sales-agent' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.year).toBe(2021);
    expect(r.body.credits.map((c: Json) => `${c.person.name}:${c.position}`)).toEqual(['Zhang Yimou:0', 'Liu Haocun:0', 'Fan Wei:1']);
    const kept = r.body.credits.find((c: Json) => c.person.name === 'Liu Haocun');
    expect(kept.id).toBe(liu.id);
    expect(kept.sources).toHaveLength(1);
    expect(r.body.companies.map((c: Json) => `${c.role}:${c.company.name}`)).toEqual(['production:Huanxi Media Group', 'sales-agent:Wild Bunch']);
    // absent means unchanged
    const again = await call('PATCH', `/api/titles/${ids.film}`, { runtimeMinutes: 105 });
    expect(again.body.credits).toHaveLength(3);
    expect(again.body.synopsis).toMatch(/one reel/);
    const h = await history('titles', ids.film);
    expect(h.map((e) => e.action)).toEqual(['update', 'update', 'create']);
    expect(h[1].before.credits.map((c: Json) => c.person.name)).toEqual(['Zhang Yimou', 'Zhang Yi', 'Liu Haocun']);
    expect(h[1].after.credits.map((c: Json) => c.person.name)).toEqual(['Zhang Yimou', 'Liu Haocun', 'Fan Wei']);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const bad = [
      [{ nickname: 'x' }, 'nickname'],
      [{ countries: ['Chna'] }, 'countries[0]'],
      [{ credits: [{ role: 'director' }] }, 'credits[0].name'],
      [{ credits: [{ name: 'A', role: 'director', character: 'B' }] }, 'credits[0].character'],
      [{ credits: [{ name: 'Zhang Yimou', role: 'director' }, { name: 'zhang yimou', role: 'director' }] }, 'credits[1]'],
      [{ companies: [{ companyId: 'no-such-company', role: 'production' }] }, 'companies[0].companyId'],
      [{ originalTitle: 'x'.repeat(501) }, 'originalTitle'],
    ] as const;
    for (const [body, field] of bad) {
      const r = await call('PATCH', `/api/titles/${ids.film}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.field, JSON.stringify(r.body)).toBe(field);
    }
    expect((await call('GET', `/api/titles/${ids.film}`)).body.credits).toHaveLength(3);
    expect((await history('titles', ids.film)).length).toBe(3);
    expect((await call('PATCH', `/api/titles/${ids.film}`, { year: 2022 }, viewer)).status).toBe(403);
  });

  it('refuses to delete a title something refers to, saying what does', async () => {
    await saveContract(app, SYSTEM, { ref: 'HX-WB-MANDATE', status: 'signed', licensorId: ids.hx, licenseeId: ids.wb, titleIds: [ids.film], blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }] });
    await saveContract(app, SYSTEM, { ref: 'WB-NEON-NA', status: 'signed', licensorId: ids.wb, licenseeId: ids.neon, titleIds: [ids.film], blocks: [{ territories: 'North America', media: 'All Media', start: '2021-09-18', end: '2036-09-17' }] });
    const fest = (await call('POST', '/api/festivals', { name: 'Toronto International Film Festival', shortName: 'TIFF' })).body;
    ids.tiff = fest.id;
    ids.tiff21 = (await call('POST', '/api/editions', { festivalId: fest.id, year: 2021, number: 46 })).body.id;
    const sel = await call('POST', '/api/selections', { editionId: ids.tiff21, titleId: ids.film, section: 'Special Presentations', premiereStatus: 'north-american' });
    expect(sel.status).toBe(201);
    const r = await call('DELETE', `/api/titles/${ids.film}`);
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('in-use');
    expect(r.body.uses).toEqual({ contracts: 2, 'festival selections': 1 });
    expect(r.body.message).toContain('2 contracts, 1 festival selection refer to it');
    expect(r.body.message).toContain('HX-WB-MANDATE, WB-NEON-NA');
    expect((await call('GET', `/api/titles/${ids.film}`)).status).toBe(200);
  });

  it('deletes an unused title with what went with it, and restores it from its history', async () => {
    const t = (await call('POST', '/api/titles', { originalTitle: 'Scratch Title', credits: [{ name: 'Zhang Yimou', role: 'writer' }], companies: [{ companyId: ids.hx, role: 'production' }] })).body;
    const source = await createSource(app, SYSTEM, { kind: 'manual', title: 'Notes from the market' });
    await linkFact(app, SYSTEM, { sourceId: source.id, factTable: 'titles', factId: t.id });
    const r = await call('DELETE', `/api/titles/${t.id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.deleted.originalTitle).toBe('Scratch Title');
    expect(r.body.removed).toEqual({ credits: 1, companies: 1, 'source links': 1 });
    expect((await call('GET', `/api/titles/${t.id}`)).status).toBe(404);
    expect((await call('GET', `/api/titles?q=scratch`)).body.total).toBe(0);
    const back = await call('POST', `/api/history/titles/${t.id}/restore`);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.skipped).toEqual([]);
    const again = (await call('GET', `/api/titles/${t.id}`)).body;
    expect(again.credits.map((c: Json) => `${c.role}:${c.person.name}`)).toEqual(['writer:Zhang Yimou']);
    expect(again.companies.map((c: Json) => c.company.name)).toEqual(['Huanxi Media Group']);
    expect(again.sources).toHaveLength(1);
    expect((await history('titles', t.id)).map((e) => e.action)).toEqual(['restore', 'delete', 'create']);
    // nothing to restore twice
    expect((await call('POST', `/api/history/titles/${t.id}/restore`)).status).toBe(404);
  });

  it('merges a duplicate title: contracts, credits, selections, box office and sources move, the index follows, one history entry', async () => {
    const dup = (await call('POST', '/api/titles', {
      originalTitle: 'One Second',
      year: 2020,
      synopsis: 'ignored: the kept title has one',
      credits: [{ name: 'Zhang Yimou', role: 'director' }, { name: 'Wei Fan', role: 'cast' }],
      companies: [{ companyId: ids.wb, role: 'sales-agent' }],
    })).body;
    ids.dup = dup.id;
    // a deal recorded against the duplicate: the rights engine knows it under the duplicate's id
    await saveContract(app, SYSTEM, { ref: 'WB-DE-SVOD', status: 'signed', direction: 'out', licensorId: ids.wb, licenseeId: ids.neon, titleIds: [dup.id], blocks: [{ territories: 'Germany', media: 'SVOD', start: '2022-01-01', end: '2023-12-31' }], override: { reason: 'the mandate was recorded on the other record' } });
    await call('POST', '/api/box-office', { titleId: dup.id, territory: 'China', amount: '100000000', currency: 'CNY' });
    const tiff = await call('POST', '/api/selections', { editionId: ids.tiff21, titleId: dup.id, section: 'Special Presentations' });
    expect(tiff.status).toBe(201);
    const source = await createSource(app, SYSTEM, { kind: 'article', outlet: 'Trade Daily', text: 'Zhang Yimou directs One Second.' });
    const dupDirector = dup.credits.find((c: Json) => c.role === 'director');
    await linkFact(app, SYSTEM, { sourceId: source.id, factTable: 'credits', factId: dupDirector.id, quote: 'Zhang Yimou directs' });
    expect(await avails(ids.film, 'Germany')).toEqual(['available']);
    expect(app.knowsTitle(dup.id)).toBe(true);

    const r = await call('POST', `/api/titles/${ids.film}/merge`, { mergeId: dup.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.mergedId).toBe(dup.id);
    expect(r.body.moved).toMatchObject({ contracts: 1, credits: 1, 'festival selections': 1, 'box-office figures': 1 });
    const kept = r.body.kept;
    expect(kept.contracts.map((c: Json) => c.ref).sort()).toEqual(['HX-WB-MANDATE', 'WB-DE-SVOD', 'WB-NEON-NA']);
    // the same director twice is one credit, with the duplicate's source
    const directors = kept.credits.filter((c: Json) => c.role === 'director');
    expect(directors).toHaveLength(1);
    expect(directors[0].sources.map((s: Json) => s.quote)).toEqual(['Zhang Yimou directs']);
    expect(kept.credits.filter((c: Json) => c.role === 'cast').map((c: Json) => c.person.name)).toEqual(['Liu Haocun', 'Fan Wei', 'Wei Fan']);
    expect(kept.selections).toHaveLength(1); // the same edition twice is one selection
    expect(kept.boxOffice).toHaveLength(1);
    expect(kept.synopsis).toMatch(/one reel/);
    expect((await call('GET', `/api/titles/${dup.id}`)).status).toBe(404);
    // the index and the names follow: the German SVOD sale now counts against the kept title
    expect(await avails(ids.film, 'Germany')).toContain('unavailable');
    expect(app.knowsTitle(dup.id)).toBe(false);
    expect((await checkIntegrity(app)).indexMismatches).toEqual([]);
    const h = await history('titles', ids.film);
    expect(h[0].action).toBe('merge');
    expect(h[0].before.mergedFrom.id).toBe(dup.id);
    expect(h.filter((e) => e.action === 'merge')).toHaveLength(1);
    expect((await call('POST', `/api/titles/${ids.film}/merge`, { mergeId: ids.film })).body.field).toBe('mergeId');
    expect((await call('POST', `/api/titles/${ids.film}/merge`, { mergeId: 'no-such-title' })).status).toBe(400);
  });
});
