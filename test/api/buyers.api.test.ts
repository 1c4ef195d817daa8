/**
 * Buyers through HTTP, on SQLite and PostgreSQL: who may do what (viewers read, never write; a
 * read-only token cannot write), MGs in a buyer's history only for users with the financial-terms
 * permission, the avails sheet as PDF and XLSX for a viewer, closed bodies, and the public screener
 * redirect: logged, redirected, refused after its last day, unknown links a plain 404 page.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { importJson } from '../../src/services/interchange.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { BUYER_CATALOG } from '../support/buyers.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';
type Who = 'fay' | 'eve' | 'vic' | 'ray';

describeEachDatabase('buyers through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  /** fay: editor with the financial-terms permission; eve: editor without; vic: viewer; ray: fay's read-only token. */
  const auth: Record<Who, Record<string, string>> = { fay: {}, eve: {}, vic: {}, ray: {} };
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    server.inject({ method, url, headers: who ? auth[who] : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const fay = await createUser(app, { username: 'fay', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'eve', password: PASSWORD, role: 'editor', canSeeFinancials: false });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer', canSeeFinancials: false });
    for (const u of ['fay', 'eve', 'vic'] as const) {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: PASSWORD } });
      auth[u] = { cookie: `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}` };
    }
    const actor = { id: fay.id, username: 'fay', role: 'editor' as const, canSeeFinancials: true };
    auth.ray = { authorization: `Bearer ${(await createApiToken(app, actor, 'read')).token}` };
    await importJson(app, actor, BUYER_CATALOG);
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('lets editors make buyers with contacts; viewers and read-only tokens are refused, and nothing is written', async () => {
    const body = {
      companyId: 'cineart',
      kind: 'distributor',
      territories: 'Benelux',
      media: 'Theatrical, Free TV',
      locale: 'fr-FR',
      contacts: [{ name: 'Marie Dubois', email: 'marie@cineart.example' }],
    };
    for (const who of ['vic', 'ray'] as const) expect((await call(who, 'POST', '/api/buyers', body)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/buyers', body)).statusCode).toBe(401);
    expect((await call('vic', 'GET', '/api/buyers')).json().total).toBe(0);
    const bad = await call('fay', 'POST', '/api/buyers', { ...body, contacts: [{ name: 'X', email: 'x@' }] });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'contacts[0].email']);
    const unknown = await call('fay', 'POST', '/api/buyers', { ...body, mg: '1' });
    expect(unknown.statusCode).toBe(400);
    const made = await call('fay', 'POST', '/api/buyers', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ id: 'cineart', territoryLabel: 'Benelux', contacts: [{ name: 'Marie Dubois' }] });
    expect(
      (
        await call('eve', 'POST', '/api/buyers', {
          companyId: 'neon',
          kind: 'distributor',
          territories: 'North America',
          media: 'All Media',
        })
      ).statusCode,
    ).toBe(201);
    const contact = made.json().contacts[0].id as string;
    expect((await call('vic', 'PATCH', '/api/buyers/cineart', { notes: 'x' })).statusCode).toBe(403);
    expect((await call('vic', 'DELETE', `/api/buyers/cineart/contacts/${contact}`)).statusCode).toBe(403);
    expect((await call('ray', 'PATCH', `/api/buyers/cineart/contacts/${contact}`, { role: 'x' })).statusCode).toBe(403);
    expect((await call('eve', 'PATCH', `/api/buyers/cineart/contacts/${contact}`, { role: 'Acquisitions' })).json().role).toBe(
      'Acquisitions',
    );
    const list = await call('vic', 'GET', '/api/buyers?territory=Belgium');
    expect(list.json().items.map((i: { name: string }) => i.name)).toEqual(['Cineart']);
  });

  it('shows MGs in the history only to users with the financial-terms permission', async () => {
    const fay = (await call('fay', 'GET', '/api/buyers/neon')).json();
    expect(fay.history.withUs[0]).toMatchObject({ contract: { ref: 'NEON-NA' }, mg: { amount: '1500000.00', currency: 'USD' } });
    for (const who of ['eve', 'vic'] as const) {
      const res = await call(who, 'GET', '/api/buyers/neon');
      expect(res.statusCode).toBe(200);
      expect(res.json().history.withUs[0].contract.ref).toBe('NEON-NA');
      expect(res.body).not.toContain('1500000');
      expect(res.body).not.toContain('"mg"');
    }
    // the audit of buyers carries no money either way, and the history of the contract follows the permission
    expect((await call('vic', 'GET', '/api/buyers?likeTitle=cliff-walkers')).body).not.toContain('1500000');
  });

  it('answers the avails sheet to a viewer as JSON, PDF and XLSX, naming no other buyer', async () => {
    const q = { titleIds: ['cliff-walkers'], start: '2027-01-01', end: '2027-12-31' };
    const json = await call('vic', 'POST', '/api/buyers/cineart/avails-sheet', q);
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json().period).toBe('1 janv. 2027 – 31 déc. 2027');
    const pdf = await call('vic', 'POST', '/api/buyers/cineart/avails-sheet', { ...q, format: 'pdf' });
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.headers['content-disposition']).toContain('avails-cineart-2027-01-01.pdf');
    const text = (await new PDFParse({ data: pdf.rawPayload }).getText()).text;
    expect(text).toMatch(/Luxembourg\s+Theatrical and Free TV\s+Available/);
    for (const secret of ['Lumière', 'LUMIERE', 'Holland', 'HOLLAND', 'Germany']) expect(text).not.toContain(secret);
    const xlsx = await call('ray', 'POST', '/api/buyers/cineart/avails-sheet', { ...q, format: 'xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => cells.push(...(r.values as unknown[]).map((v) => String(v ?? ''))));
    expect(cells).toContain('On hold');
    expect(cells.join('|')).not.toMatch(/Lumi|Holland Pictures/);
    expect((await call('vic', 'POST', '/api/buyers/cineart/avails-sheet', { titleIds: [] })).statusCode).toBe(400);
    expect((await call('vic', 'POST', '/api/buyers/nobody/avails-sheet', q)).statusCode).toBe(404);
  });

  it('redirects screener links, logging each open, and refuses them after their last day', async () => {
    const bad = await call('fay', 'POST', '/api/buyers/cineart/screeners', {
      titleId: 'cliff-walkers',
      url: 'file:///etc/passwd',
      expiresOn: '2031-01-01',
    });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'url']);
    expect(
      (
        await call('vic', 'POST', '/api/buyers/cineart/screeners', {
          titleId: 'cliff-walkers',
          url: 'https://v.example/1',
          expiresOn: '2031-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const made = await call('fay', 'POST', '/api/buyers/cineart/screeners', {
      titleId: 'cliff-walkers',
      url: 'https://v.example/1',
      expiresOn: '2031-01-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, link } = made.json() as { id: string; link: string };
    expect((await call('fay', 'POST', `/api/buyers/cineart/screeners/${id}/sent`, {})).json().sentAt).toEqual(expect.any(String));
    const open = await call(null, 'GET', link);
    expect([open.statusCode, open.headers.location, open.headers['referrer-policy']]).toEqual([302, 'https://v.example/1', 'no-referrer']);
    await call(null, 'GET', link);
    expect((await call('vic', 'GET', '/api/buyers/cineart')).json().screeners[0]).toMatchObject({
      id,
      opens: [expect.any(String), expect.any(String)],
      refused: 0,
    });

    await app.store.db.updateTable('screeners').set({ expires_on: '2024-03-01' }).where('id', '=', id).execute();
    const late = await call(null, 'GET', link);
    expect([late.statusCode, late.headers.location]).toEqual([410, undefined]);
    expect(late.body).toContain('could be opened until 1 Mar 2024');
    expect((await call('vic', 'GET', '/api/buyers/cineart')).json().screeners[0]).toMatchObject({
      opens: [expect.any(String), expect.any(String)],
      refused: 1,
    });
    const unknown = await call(null, 'GET', `/s/${'A'.repeat(43)}`);
    expect([unknown.statusCode, unknown.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    const truncated = await call(null, 'GET', link.slice(0, 20));
    expect([truncated.statusCode, truncated.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(truncated.body).toContain('No such screener link');
  });
});
