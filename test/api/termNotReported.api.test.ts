/**
 * A press deal whose term the article does not report (issue 12): recorded as "term not
 * reported", not as a perpetual licence. The deal page and the title page say so, avails answer
 * `depends` ("term not reported") where only that unknown end would decide, an edit that enters
 * an end date clears it, and the JSON interchange carries it. SQLite and PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM, type Actor } from '../../src/services/app.js';
import { exportJson, importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { openApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';
const EDITOR: Actor = { id: 'eva', username: 'eva', role: 'editor', canSeeFinancials: true };
// our own sentence: a buyer acquires a territory of a film we hold, from us, and the article says nothing of the term
const ARTICLE = 'Brightwell Pictures has acquired French rights to “Quiet Harbour” from Northlight Distribution.';

type Row = { status: string; start: string; end: string | null; reasons: Array<{ code: string; message: string }> };

describeEachDatabase('a press deal whose term is not reported', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;
  const ids: Record<string, string> = {};
  let contractId = '';

  const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) =>
    server.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: { cookie } });
  const france = async (start: string, end: string, territories = 'France') => {
    const res = await send('POST', '/api/avails', {
      titles: [ids.title],
      territories,
      media: 'Theatrical',
      start,
      end,
      exclusive: true,
      match: 'overlap-part',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().rows as Row[];
  };

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    for (const [key, name, kind] of [
      ['we', 'Northlight Distribution', 'distributor'],
      ['studio', 'Fjord Pictures', 'production'],
    ] as const)
      ids[key] = (await findOrCreateCompany(app, SYSTEM, { name, kind })).company.id;
    await setWeCompany(app, SYSTEM, ids.we);
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'eva', password: PASSWORD } });
    cookie = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    const title = await send('POST', '/api/titles', { originalTitle: 'Quiet Harbour' });
    expect(title.statusCode, title.body).toBe(201);
    ids.title = title.json().id;
    // our rights: worldwide, all media, 2020 to 2035
    const mandate = await send('POST', '/api/contracts', {
      ref: 'FJORD-QH-WW',
      status: 'signed',
      licensorId: ids.studio,
      licenseeId: ids.we,
      titleIds: [ids.title],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2035-12-31' }],
    });
    expect(mandate.statusCode, mandate.body).toBe(201);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('accepting the deal records its term as not reported, and the deal and title pages say so', async () => {
    const posted = await send('POST', '/api/articles', { text: ARTICLE, outlet: 'Variety', date: '2024-03-01' });
    expect(posted.statusCode, posted.body).toBe(201);
    const article = posted.json().article as { id: string; facts: Array<{ id: string; type: string; fields: Record<string, unknown> }> };
    const deal = article.facts.find((f) => f.type === 'deal')!;
    expect(deal.fields).toMatchObject({ buyer: 'Brightwell Pictures', seller: 'Northlight Distribution' });
    const accepted = await send('POST', `/api/articles/${article.id}/facts/${deal.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    contractId = accepted.json().written.id;

    const contract = (await send('GET', `/api/contracts/${contractId}`)).json();
    expect(contract.direction).toBe('out');
    expect(contract.blocks).toHaveLength(1);
    expect(contract.blocks[0]).toMatchObject({ territories: 'France', start: '2024-03-01', end: null, termReported: false });
    expect(contract.notes).toMatch(/Term not reported \(recorded from the announcement, end unknown\)/);

    const page = (await send('GET', `/api/titles/${ids.title}`)).json();
    const sale = page.contracts.find((c: { id: string }) => c.id === contractId);
    expect(sale.blocks).toEqual([expect.objectContaining({ start: '2024-03-01', end: null, termReported: false })]);
    expect(page.marketPicture.find((m: { ref: string }) => m.ref === contract.ref)).toMatchObject({ termReported: false });
    // the mandate's term is known
    expect(page.contracts.find((c: { ref: string }) => c.ref === 'FJORD-QH-WW').blocks[0].termReported).toBe(true);
  });

  it('avails do not answer as if the term were known: depends, "term not reported"; before the announcement and elsewhere, available', async () => {
    const later = await france('2028-01-01', '2028-12-31');
    expect(later).toHaveLength(1);
    expect(later[0].status).not.toBe('available');
    expect(later[0].reasons.map((r) => r.code)).toEqual(['depends']);
    expect(later[0].reasons[0].message).toContain('term not reported');
    expect(later[0].reasons[0].message).not.toContain('not yet dated');
    expect(later[0].reasons[0].message).toContain('Brightwell Pictures');
    expect((await france('2022-01-01', '2022-12-31')).map((r) => r.status)).toEqual(['available']);
    expect((await france('2028-01-01', '2028-12-31', 'Germany')).map((r) => r.status)).toEqual(['available']);
  });

  it('an edit that keeps the flag keeps it; an edit that enters an end date clears it, and avails answer from the date', async () => {
    const view = (await send('GET', `/api/contracts/${contractId}`)).json();
    const base = {
      ref: view.ref,
      status: view.status,
      licensorId: view.licensor.id,
      licenseeId: view.licensee.id,
      titleIds: [ids.title],
      notes: view.notes,
    };
    const block = { territories: 'France', media: 'All Media', start: '2024-03-01' };
    const kept = await send('PUT', `/api/contracts/${contractId}`, {
      ...base,
      version: view.version,
      blocks: [{ ...block, end: null, termReported: false }],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().blocks[0].termReported).toBe(false);
    // an end date is a reported term, whatever the flag says
    const dated = await send('PUT', `/api/contracts/${contractId}`, {
      ...base,
      version: kept.json().version,
      blocks: [{ ...block, end: '2026-12-31', termReported: false }],
    });
    expect(dated.statusCode, dated.body).toBe(200);
    expect(dated.json().blocks[0]).toMatchObject({ end: '2026-12-31', termReported: true });
    expect((await france('2028-01-01', '2028-12-31')).map((r) => r.status)).toEqual(['available']);
    const during = await france('2025-01-01', '2025-12-31');
    expect(during.map((r) => [r.status, r.reasons.map((x) => x.code).join()])).toEqual([['unavailable', 'rights-out-exist']]);
  });

  it('the JSON interchange carries the flag: export, import elsewhere, the same avails', async () => {
    const a = await openApp(database);
    const b = await openApp(database);
    try {
      const doc: InterchangeDocument = {
        we: 'Northlight',
        companies: [
          { name: 'Northlight', kind: 'distributor' },
          { name: 'Fjord Pictures', kind: 'production' },
          { name: 'Brightwell Pictures', kind: 'distributor' },
        ],
        titles: [{ title: 'Quiet Harbour' }],
        contracts: [
          {
            ref: 'FJORD-WW',
            licensor: 'Fjord Pictures',
            licensee: 'Northlight',
            status: 'signed',
            titles: ['Quiet Harbour'],
            blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2035-12-31' }],
          },
          {
            ref: 'BRIGHTWELL-FR',
            licensor: 'Northlight',
            licensee: 'Brightwell Pictures',
            status: 'announced',
            titles: ['Quiet Harbour'],
            blocks: [{ territories: 'France', media: 'All Media', start: '2024-03-01', termReported: false }],
          },
        ],
      };
      await importJson(a.app, EDITOR, doc);
      const out = await exportJson(a.app, EDITOR);
      const sale = out.contracts!.find((k) => k.ref === 'BRIGHTWELL-FR')!.blocks![0];
      expect(sale).toMatchObject({ start: '2024-03-01', termReported: false });
      expect(sale.end ?? null).toBeNull();
      expect(out.contracts!.find((k) => k.ref === 'FJORD-WW')!.blocks![0]).not.toHaveProperty('termReported');
      await importJson(b.app, EDITOR, JSON.parse(JSON.stringify(out)) as InterchangeDocument);
      expect(await exportJson(b.app, EDITOR)).toEqual(out);
      const { askAvails } = await import('../../src/services/avails.js');
      const ask = (t: typeof a) =>
        askAvails(t.app, EDITOR, {
          titles: ['quiet-harbour'],
          territories: 'France',
          media: 'Theatrical',
          start: '2028-01-01',
          end: '2028-12-31',
          match: 'overlap-part',
        });
      const codes = (await ask(b)).rows.map((r) => r.reasons.map((x) => x.code).join());
      expect(codes).toEqual(['depends']);
      expect(codes).toEqual((await ask(a)).rows.map((r) => r.reasons.map((x) => x.code).join()));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
