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
import { saveContract } from '../../src/services/contracts.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { createSource, linkFact } from '../../src/services/provenance.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read loosely in assertions

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
    for (const [k, name, kind] of [
      ['wb', 'Wild Bunch', 'sales-agent'],
      ['hx', 'Huanxi Media Group', 'production'],
      ['neon', 'Neon', 'distributor'],
    ] as const) {
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
  const history = async (entity: string, id: string) =>
    (await call('GET', `/api/audit?entity=${entity}&entityId=${encodeURIComponent(id)}`)).body as Json[];
  const avails = async (title: string, territories: string) =>
    (
      await call('POST', '/api/avails', { titles: [title], territories, media: 'All Media', start: '2022-01-01', end: '2022-12-31' })
    ).body.rows.map((r: Json) => r.status);

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
      companies: [
        { companyId: ids.hx, role: 'production' },
        { name: 'Bunch of Wilds Sales', role: 'sales-agent' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids.film = r.body.id;
    expect(r.body.credits.map((c: Json) => `${c.role}:${c.person.name}:${c.position}`)).toEqual([
      'director:Zhang Yimou:0',
      'cast:Zhang Yi:0',
      'cast:Liu Haocun:1',
    ]);
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
    const r = await call('PATCH', `/api/titles/${ids.film}`, {
      year: 2021,
      synopsis: 'A fugitive and an orphan chase one reel of film.',
      credits,
      companies: [
        { companyId: ids.hx, role: 'production' },
        { companyId: ids.wb, role: 'sales-agent' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.year).toBe(2021);
    expect(r.body.credits.map((c: Json) => `${c.person.name}:${c.position}`)).toEqual(['Zhang Yimou:0', 'Liu Haocun:0', 'Fan Wei:1']);
    const kept = r.body.credits.find((c: Json) => c.person.name === 'Liu Haocun');
    expect(kept.id).toBe(liu.id);
    expect(kept.sources).toHaveLength(1);
    expect(r.body.companies.map((c: Json) => `${c.role}:${c.company.name}`)).toEqual([
      'production:Huanxi Media Group',
      'sales-agent:Wild Bunch',
    ]);
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
      [
        {
          credits: [
            { name: 'Zhang Yimou', role: 'director' },
            { name: 'zhang yimou', role: 'director' },
          ],
        },
        'credits[1]',
      ],
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
    await saveContract(app, SYSTEM, {
      ref: 'HX-WB-MANDATE',
      status: 'signed',
      licensorId: ids.hx,
      licenseeId: ids.wb,
      titleIds: [ids.film],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }],
    });
    await saveContract(app, SYSTEM, {
      ref: 'WB-NEON-NA',
      status: 'signed',
      licensorId: ids.wb,
      licenseeId: ids.neon,
      titleIds: [ids.film],
      blocks: [{ territories: 'North America', media: 'All Media', start: '2021-09-18', end: '2036-09-17' }],
    });
    const fest = (await call('POST', '/api/festivals', { name: 'Toronto International Film Festival', shortName: 'TIFF' })).body;
    ids.tiff = fest.id;
    ids.tiff21 = (await call('POST', '/api/editions', { festivalId: fest.id, year: 2021, number: 46 })).body.id;
    const sel = await call('POST', '/api/selections', {
      editionId: ids.tiff21,
      titleId: ids.film,
      section: 'Special Presentations',
      premiereStatus: 'north-american',
    });
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
    const t = (
      await call('POST', '/api/titles', {
        originalTitle: 'Scratch Title',
        credits: [{ name: 'Zhang Yimou', role: 'writer' }],
        companies: [{ companyId: ids.hx, role: 'production' }],
      })
    ).body;
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
    const dup = (
      await call('POST', '/api/titles', {
        originalTitle: 'One Second',
        year: 2020,
        synopsis: 'ignored: the kept title has one',
        credits: [
          { name: 'Zhang Yimou', role: 'director' },
          { name: 'Wei Fan', role: 'cast' },
        ],
        companies: [{ companyId: ids.wb, role: 'sales-agent' }],
      })
    ).body;
    ids.dup = dup.id;
    // a deal recorded against the duplicate: the rights engine knows it under the duplicate's id
    await saveContract(app, SYSTEM, {
      ref: 'WB-DE-SVOD',
      status: 'signed',
      direction: 'out',
      licensorId: ids.wb,
      licenseeId: ids.neon,
      titleIds: [dup.id],
      blocks: [{ territories: 'Germany', media: 'SVOD', start: '2022-01-01', end: '2023-12-31' }],
      override: { reason: 'the mandate was recorded on the other record' },
    });
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
    expect(kept.credits.filter((c: Json) => c.role === 'cast').map((c: Json) => c.person.name)).toEqual([
      'Liu Haocun',
      'Fan Wei',
      'Wei Fan',
    ]);
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

  // ------------------------------------------------------------------ companies and people

  it('renames a company (the answers name it so at once), refuses a name another company has, and merges the duplicate everywhere', async () => {
    const r = await call('PATCH', `/api/companies/${ids.neon}`, { name: 'NEON Rated', country: 'US' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.name).toBe('NEON Rated');
    expect(app.contractParties('WB-NEON-NA')?.licensee).toBe('NEON Rated');
    expect((await call('PATCH', `/api/companies/${ids.neon}`, { name: 'wild bunch' })).body.field).toBe('name');
    expect((await call('PATCH', `/api/companies/${ids.neon}`, { kind: 'cinema' })).body.field).toBe('kind');

    // the forgiving matching missed "Neon Films": a second record of the same company, on a deal, a release, a title
    const dup = (await call('POST', '/api/companies', { name: 'Neon Films LLC', kind: 'distributor' })).body;
    const deal = await saveContract(app, SYSTEM, {
      ref: 'WB-NEONFILMS-CA',
      status: 'announced',
      direction: 'third-party',
      licensorId: ids.wb,
      licenseeId: dup.id,
      titleIds: [ids.film],
      negotiators: [],
    });
    await call('POST', '/api/releases', { titleId: ids.film, territory: 'US', date: '2021-12', distributorId: dup.id });
    await call('PATCH', `/api/titles/${ids.film}`, {
      companies: [
        { companyId: ids.hx, role: 'production' },
        { companyId: ids.wb, role: 'sales-agent' },
        { companyId: dup.id, role: 'distributor' },
      ],
    });
    const refused = await call('DELETE', `/api/companies/${dup.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.uses).toEqual({ contracts: 1, titles: 1, releases: 1 });
    const m = await call('POST', `/api/companies/${ids.neon}/merge`, { mergeId: dup.id });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.moved).toMatchObject({ contracts: 1, titles: 1, releases: 1 });
    expect((await call('GET', `/api/contracts/${deal.contract.id}`)).body.licensee.name).toBe('NEON Rated');
    expect((await call('GET', `/api/contracts/${deal.contract.id}`)).body.version).toBe(2);
    expect((await call('GET', `/api/titles/${ids.film}`)).body.companies.map((c: Json) => `${c.role}:${c.company.name}`)).toContain(
      'distributor:NEON Rated',
    );
    expect(app.contractParties('WB-NEONFILMS-CA')?.licensee).toBe('NEON Rated');
    expect((await call('GET', `/api/companies/${dup.id}`)).status).toBe(404);
    expect((await history('companies', ids.neon)).map((e) => e.action)).toEqual(['merge', 'update', 'create']);
  });

  it('merging the company that is "we" moves the setting; a company nothing uses is deleted and restored', async () => {
    const us = (await call('POST', '/api/companies', { name: 'Wild Bunch International', kind: 'sales-agent' })).body;
    const m = await call('POST', `/api/companies/${us.id}/merge`, { mergeId: ids.wb });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.moved['our company']).toBe(1);
    expect((await call('GET', '/api/settings/we')).body.company.id).toBe(us.id);
    ids.wb = us.id;
    const spare = (await call('POST', '/api/companies', { name: 'Spare Pictures', kind: 'production' })).body;
    const gone = await call('DELETE', `/api/companies/${spare.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body.deleted.name).toBe('Spare Pictures');
    expect((await call('POST', `/api/history/companies/${spare.id}/restore`)).status).toBe(200);
    expect((await call('GET', `/api/companies/${spare.id}`)).body.name).toBe('Spare Pictures');
    expect((await call('DELETE', `/api/companies/${ids.wb}`)).body.uses).toMatchObject({ 'install settings ("our company")': 1 });
  });

  it('merges a duplicate person: credits (one per title and role), deals negotiated and awards move', async () => {
    const film = (await call('GET', `/api/titles/${ids.film}`)).body;
    const zhang = film.credits.find((c: Json) => c.role === 'director').person;
    const dup = (await call('POST', '/api/people', { name: 'Yimou Zhang' })).body;
    await call('PATCH', `/api/titles/${ids.film}`, {
      credits: [
        ...film.credits.map((c: Json) => ({ personId: c.person.id, role: c.role, character: c.character })),
        { personId: dup.id, role: 'director' },
        { personId: dup.id, role: 'writer' },
      ],
    });
    const deal = await saveContract(app, SYSTEM, {
      ref: 'NEGOTIATED',
      status: 'draft',
      direction: 'third-party',
      licensorId: ids.wb,
      licenseeId: ids.neon,
      titleIds: [ids.film],
      negotiators: [{ personId: dup.id, companyId: ids.wb, side: 'licensor' }],
    });
    expect((await call('DELETE', `/api/people/${dup.id}`)).body.uses).toEqual({ credits: 2, 'deals negotiated': 1 });
    const r = await call('POST', `/api/people/${zhang.id}/merge`, { mergeId: dup.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.moved).toMatchObject({ credits: 2, 'deals negotiated': 1 });
    const after = (await call('GET', `/api/titles/${ids.film}`)).body;
    expect(
      after.credits
        .filter((c: Json) => c.person.id === zhang.id)
        .map((c: Json) => c.role)
        .sort(),
    ).toEqual(['director', 'writer']);
    expect((await call('GET', `/api/contracts/${deal.contract.id}`)).body.negotiators[0].person.id).toBe(zhang.id);
    const renamed = await call('PATCH', `/api/people/${zhang.id}`, { sortName: 'Zhang Yimou' });
    expect(renamed.status).toBe(200);
    const spare = (await call('POST', '/api/people', { name: 'Nobody Yet' })).body;
    expect((await call('DELETE', `/api/people/${spare.id}`)).status).toBe(200);
    expect((await call('POST', `/api/history/people/${spare.id}/restore`)).body.restored.name).toBe('Nobody Yet');
  });

  // ------------------------------------------------------------------ the festival record

  it('edits a festival, its edition, sections, selections and awards (ties), and deletes what nothing refers to', async () => {
    expect(
      (await call('PATCH', `/api/festivals/${ids.tiff}`, { city: 'Toronto', country: 'Canada', aliases: ['Toronto Film Festival'] })).body,
    ).toMatchObject({ city: 'Toronto', country: 'CA' });
    expect((await call('PATCH', `/api/festivals/${ids.tiff}`, { unknown: 1 })).body.field).toBe('unknown');
    const ed = await call('PATCH', `/api/editions/${ids.tiff21}`, { start: '2021-09-09', end: '2021-09-18' });
    expect(ed.body).toMatchObject({ start: '2021-09-09', end: '2021-09-18' });
    expect((await call('PATCH', `/api/editions/${ids.tiff21}`, { end: '2021-09-01' })).body.field).toBe('end');
    const lineup = (await call('GET', `/api/editions/${ids.tiff21}`)).body;
    const sel = lineup.sections.flatMap((s: Json) => s.selections).find((x: Json) => x.title.id === ids.film);
    const gala = await call('POST', '/api/sections', { editionId: ids.tiff21, name: 'Galas' });
    expect(gala.status).toBe(201);
    expect(
      (
        await call('PATCH', `/api/selections/${sel.id}`, {
          section: 'Galas',
          slot: 'closing-night',
          withdrawn: true,
          withdrawalReason: 'technical reasons',
        })
      ).status,
    ).toBe(200);
    let now = (await call('GET', `/api/editions/${ids.tiff21}`)).body;
    const moved = now.sections.find((s: Json) => s.name === 'Galas').selections[0];
    expect(moved).toMatchObject({ slot: 'closing-night', withdrawn: true, withdrawalReason: 'technical reasons' });
    // taking the withdrawal back takes its reason with it
    await call('PATCH', `/api/selections/${sel.id}`, { withdrawn: false });
    now = (await call('GET', `/api/editions/${ids.tiff21}`)).body;
    expect(now.sections.find((s: Json) => s.name === 'Galas').selections[0]).toMatchObject({ withdrawn: false, withdrawalReason: null });
    expect((await call('PATCH', `/api/selections/${sel.id}`, { withdrawalReason: 'late', withdrawn: false })).body.field).toBe(
      'withdrawalReason',
    );
    // the empty section goes; the one with a selection says so
    const special = now.sections.find((s: Json) => s.name === 'Special Presentations');
    expect((await call('DELETE', `/api/sections/${special.id}`)).status).toBe(200);
    expect((await call('DELETE', `/api/sections/${gala.body.id}`)).body.uses).toEqual({ 'festival selections': 1 });
    expect((await call('PATCH', `/api/sections/${gala.body.id}`, { name: 'Gala Presentations' })).body.name).toBe('Gala Presentations');

    // a tied award, then changed
    const other = (await call('POST', '/api/titles', { originalTitle: 'Memoria', year: 2021 })).body;
    const a1 = (await call('POST', '/api/awards', { editionId: ids.tiff21, name: 'Jury Prize', titleId: ids.film, tied: true })).body;
    const a2 = (await call('POST', '/api/awards', { editionId: ids.tiff21, name: 'Jury Prize', titleId: other.id, tied: true })).body;
    expect((await call('GET', `/api/titles/${ids.film}`)).body.awards[0].tiedWith.map((t: Json) => t.name)).toEqual(['Memoria']);
    await call('PATCH', `/api/awards/${a2.id}`, { tied: false, name: 'Special Mention' });
    expect((await call('GET', `/api/titles/${ids.film}`)).body.awards[0].tiedWith).toEqual([]);
    const del = await call('DELETE', `/api/awards/${a1.id}`);
    expect(del.status).toBe(200);
    expect((await call('POST', `/api/history/awards/${a1.id}/restore`)).status).toBe(200);
    expect((await call('DELETE', `/api/editions/${ids.tiff21}`)).body.uses).toEqual({ 'festival selections': 1, awards: 2 });
    expect((await call('DELETE', `/api/festivals/${ids.tiff}`)).body.uses).toEqual({ editions: 1 });
    // an empty edition and festival go, and come back
    const f = (await call('POST', '/api/festivals', { name: 'Festival of Nothing Yet' })).body;
    const e = (await call('POST', '/api/editions', { festivalId: f.id, year: 2030 })).body;
    await call('POST', '/api/sections', { editionId: e.id, name: 'Competition' });
    expect((await call('DELETE', `/api/editions/${e.id}`)).body.removed).toEqual({ sections: 1 });
    expect((await call('DELETE', `/api/festivals/${f.id}`)).status).toBe(200);
    expect((await call('POST', `/api/history/festival_editions/${e.id}/restore`)).body.message).toMatch(
      /festival "[^"]+" was deleted since/,
    );
    expect((await call('POST', `/api/history/festivals/${f.id}/restore`)).status).toBe(200);
    expect((await call('POST', `/api/history/festival_editions/${e.id}/restore`)).status).toBe(200);
    expect((await call('GET', `/api/editions/${e.id}`)).body.sections.map((s: Json) => s.name)).toEqual(['Competition']);
    expect((await call('PATCH', `/api/selections/${sel.id}`, { slot: 'gala' }, viewer)).status).toBe(403);
  });

  // ------------------------------------------------------------------ releases and box office

  it('changes and deletes releases and box office per territory, and restores a deletion', async () => {
    const rel = (await call('POST', '/api/releases', { titleId: ids.film, territory: 'China', date: '2020-11-27' })).body;
    const changed = await call('PATCH', `/api/releases/${rel.id}`, { date: '2020-11', kind: 'streaming' });
    expect(changed.body).toMatchObject({ territory: 'CN', date: '2020-11-01', precision: 'month', kind: 'streaming' });
    expect((await call('PATCH', `/api/releases/${rel.id}`, { territory: 'Narnia' })).body.field).toBe('territory');
    expect((await call('PATCH', `/api/releases/${rel.id}`, { date: '2020-13' })).body.field).toBe('date');
    const gross = (
      await call('POST', '/api/box-office', { titleId: ids.film, territory: 'US', amount: '1250000', currency: 'USD', asOf: '2022-01-31' })
    ).body;
    const g2 = await call('PATCH', `/api/box-office/${gross.id}`, { amount: '1300000.50' });
    expect(g2.body.gross).toEqual({ amount: '1300000.50', currency: 'USD' });
    expect((await call('PATCH', `/api/box-office/${gross.id}`, { amount: '-5' })).body.field).toBe('amount');
    expect((await call('PATCH', `/api/box-office/${gross.id}`, { periodStart: '2022-02-01', periodEnd: '2022-01-01' })).body.field).toBe(
      'periodEnd',
    );
    const del = await call('DELETE', `/api/box-office/${gross.id}`);
    expect(del.body.deleted.amount).toBe(130000050);
    expect((await call('GET', `/api/titles/${ids.film}`)).body.boxOffice.some((b: Json) => b.id === gross.id)).toBe(false);
    expect((await call('POST', `/api/history/box_office/${gross.id}/restore`)).status).toBe(200);
    expect((await call('GET', `/api/titles/${ids.film}`)).body.boxOffice.find((b: Json) => b.id === gross.id).gross.amount).toBe(
      '1300000.50',
    );
    expect((await history('box_office', gross.id)).map((e) => e.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect((await call('DELETE', `/api/releases/${rel.id}`)).status).toBe(200);
    expect((await call('DELETE', `/api/releases/${rel.id}`)).status).toBe(404);
  });

  // ------------------------------------------------------------------ a deal's new parties, and "we"

  it('creates a new licensee with the deal, and not at all when the deal is refused', async () => {
    const count = async () =>
      (await call('GET', '/api/companies?q=Koch%20Films')).body.items.filter((c: Json) => c.name === 'Koch Films').length;
    const deal = {
      status: 'signed',
      direction: 'out',
      licensorId: ids.wb,
      titleIds: [ids.film],
      blocks: [{ territories: 'Germany', media: 'SVOD', start: '2022-06-01', end: '2023-05-31' }],
      newCompanies: { licensee: { name: 'Koch Films', kind: 'distributor' } },
    };
    const refused = await call('POST', '/api/contracts', deal);
    expect(refused.status).toBe(409);
    expect(await count()).toBe(0);
    const bad = await call('POST', '/api/contracts', { ...deal, newCompanies: { licensee: { name: 'Koch Films', kind: 'cinema' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('newCompanies.licensee.kind');
    expect((await call('POST', '/api/contracts', { ...deal, licenseeId: ids.neon })).body.field).toBe('licenseeId');
    const ok = await call('POST', '/api/contracts', {
      ...deal,
      blocks: [{ territories: 'Austria', media: 'SVOD', start: '2022-06-01', end: '2023-05-31' }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.licensee.name).toBe('Koch Films');
    expect(await count()).toBe(1);
    const entries = await history('companies', ok.body.licensee.id);
    expect(entries.map((e) => e.action)).toEqual(['create']);
  });

  it('lets any user read who "we" are, and only an admin change it', async () => {
    expect((await call('GET', '/api/settings/we', undefined, viewer)).body.company.id).toBe(ids.wb);
    expect((await call('PUT', '/api/settings/we', { companyId: ids.neon })).status).toBe(403);
    expect((await call('PUT', '/api/settings/we', { companyId: 'nobody' }, admin)).body.field).toBe('companyId');
    const r = await call('PUT', '/api/settings/we', { companyId: ids.neon }, admin);
    expect(r.status).toBe(200);
    expect(r.body.company.name).toBe('NEON Rated');
    expect((await history('settings', 'we_company_id'))[0].after).toBe(ids.neon);
    await call('PUT', '/api/settings/we', { companyId: ids.wb }, admin);
  });
});
