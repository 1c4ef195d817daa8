import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

describeEachDatabase('offers through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let base: string;
  let drop: () => Promise<void>;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function signIn(username: string): Promise<string> {
    const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    return `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
  }
  const call = (method: 'GET' | 'POST', url: string, who = 'eva', payload?: unknown) =>
    server.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    base = await server.listen({ port: 0, host: '127.0.0.1' });
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'ned', password: PASSWORD, role: 'editor', canSeeFinancials: false });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    for (const [key, name, kind] of [
      ['wb', 'Wild Bunch', 'sales-agent'],
      ['huanxi', 'Huanxi Media Group', 'production'],
      ['alamode', 'Alamode Film', 'distributor'],
      ['neon', 'Neon', 'distributor'],
      ['mubi', 'MUBI', 'streamer'],
      ['vertigo', 'Vértigo Films', 'distributor'],
    ] as const)
      ids[key] = (await findOrCreateCompany(app, SYSTEM, { name, kind })).company.id;
    await setWeCompany(app, SYSTEM, ids.wb);
    ids.film = (await createTitle(app, SYSTEM, { originalTitle: 'One Second', year: 2020, countries: ['CN'] })).id;
    const block = (territories: string, media: string) => ({ territories, media, start: '2020-01-01', end: '2040-12-31', exclusive: true });
    await saveContract(app, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: ids.huanxi,
      licenseeId: ids.wb,
      titleIds: [ids.film],
      blocks: [block('Worldwide excluding China', 'All Media')],
    });
    await saveContract(app, SYSTEM, {
      ref: 'ALAMODE-FR',
      status: 'signed',
      licensorId: ids.wb,
      licenseeId: ids.alamode,
      titleIds: [ids.film],
      blocks: [block('France', 'Theatrical')],
    });
    for (const u of ['eva', 'ned', 'vic']) cookies[u] = await signIn(u);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const terms = (territories: string, media = 'Theatrical', extra: object = {}) => ({
    titleIds: [ids.film],
    territories,
    media,
    start: '2027-01-01',
    end: '2033-12-31',
    exclusive: true,
    ...extra,
  });

  it('checks an offer live: sold where a sale is in the way (with the contract), available elsewhere, not held in China', async () => {
    const res = await call('POST', '/api/offers/check', 'vic', terms('France, Germany, China'));
    expect(res.statusCode).toBe(200);
    const check = res.json();
    expect(check.clear).toBe(false);
    const at = (code: string) => check.cells.find((c: { territory: string }) => c.territory === code);
    expect(at('FR').status).toBe('sold');
    expect(at('FR').media[0].reasons[0]).toMatchObject({ code: 'rights-out-exist', contracts: ['ALAMODE-FR'] });
    expect(at('FR').media[0].reasons[0].message).toContain('Alamode');
    expect(at('DE').status).toBe('available');
    expect(at('CN').status).toBe('not-held');
    // France is the country and its overseas departments, each a cell
    const french = check.cells.filter((c: { status: string }) => c.status === 'sold').length;
    expect(french).toBeGreaterThan(1);
    expect(check.counts).toEqual({ available: 1, 'on-hold': 0, depends: 0, sold: french, 'not-held': 1, holdback: 0 });
  });

  it('records offers, hides money from those without the permission, and keeps viewers out', async () => {
    const created = await call('POST', '/api/offers', 'eva', {
      buyerId: ids.neon,
      ...terms('Germany', 'All Media'),
      mg: { amount: '250000.00', currency: 'EUR' },
      paymentSchedule: [{ label: 'On signature', percent: '20', due: 'signature' }],
    });
    expect(created.statusCode).toBe(201);
    const offer = created.json();
    ids.offer = offer.id;
    expect(offer).toMatchObject({ status: 'new', version: 1, buyer: { name: 'Neon' }, mg: { amount: '250000.00', currency: 'EUR' } });
    expect(offer.events).toEqual([expect.objectContaining({ from: null, to: 'new', by: 'eva' })]);

    const seen = (await call('GET', `/api/offers/${offer.id}`, 'ned')).json();
    expect(seen.mg).toBeUndefined();
    expect(seen.current.mg).toBeUndefined();
    expect(seen.current.paymentSchedule).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('250000');
    expect(JSON.stringify((await call('GET', '/api/offers', 'vic')).json())).not.toContain('250000');
    // the history: who created it, with the money only for those allowed to see it
    const history = await call('GET', `/api/audit?entity=offers&entityId=${offer.id}`, 'ned');
    expect(history.statusCode).toBe(200);
    expect(history.json()).toEqual([expect.objectContaining({ action: 'create' })]);
    expect(JSON.stringify(history.json())).not.toContain('250000');
    expect(JSON.stringify((await call('GET', `/api/audit?entity=offers&entityId=${offer.id}`, 'eva')).json())).toContain('250000');

    const nedMoney = await call('POST', '/api/offers', 'ned', {
      buyerId: ids.neon,
      ...terms('Austria'),
      mg: { amount: '1.00', currency: 'EUR' },
    });
    expect(nedMoney.statusCode).toBe(403);
    expect(nedMoney.json().field).toBe('mg');
    expect((await call('POST', '/api/offers', 'vic', { buyerId: ids.neon, ...terms('Austria') })).statusCode).toBe(403);
    expect((await call('POST', `/api/offers/${offer.id}/status`, 'vic', { status: 'declined' })).statusCode).toBe(403);
  });

  it('keeps every version of a counter-offer, diffs them (money only with the permission), refuses a stale counter', async () => {
    const countered = await call('POST', `/api/offers/${ids.offer}/versions`, 'eva', {
      version: 1,
      note: 'we want Austria too, at a higher MG',
      ...terms('Germany, Austria', 'All Media'),
      mg: { amount: '300000.00', currency: 'EUR' },
    });
    expect(countered.statusCode).toBe(201);
    const v2 = countered.json();
    expect(v2).toMatchObject({ version: 2, status: 'in-negotiation' });
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(v2.events.map((e: { to: string }) => e.to)).toEqual(['new', 'in-negotiation']);

    // ned counters without money: the MG of version 2 is kept
    const byNed = await call('POST', `/api/offers/${ids.offer}/versions`, 'ned', {
      version: 2,
      ...terms('Germany, Austria', 'Theatrical'),
    });
    expect(byNed.statusCode).toBe(201);
    const stale = await call('POST', `/api/offers/${ids.offer}/versions`, 'eva', { version: 2, ...terms('Germany') });
    expect(stale.statusCode).toBe(409);

    const diff = (await call('GET', `/api/offers/${ids.offer}/diff?from=1&to=3`, 'eva')).json();
    // the payment schedule was not restated: kept from version 1
    expect(diff.changes.map((c: { field: string }) => c.field)).toEqual(['territories', 'media', 'mg']);
    expect(diff.changes.find((c: { field: string }) => c.field === 'mg').after).toEqual({ amount: '300000.00', currency: 'EUR' });
    const hidden = (await call('GET', `/api/offers/${ids.offer}/diff?from=1&to=3`, 'ned')).json();
    expect(hidden.changes.map((c: { field: string }) => c.field)).toEqual(['territories', 'media']);
    expect((await call('GET', `/api/offers/${ids.offer}/diff?from=1&to=9`, 'eva')).json().field).toBe('to');
  });

  it('refuses illegal status moves with the moves allowed', async () => {
    const res = await call('POST', `/api/offers/${ids.offer}/status`, 'eva', { status: 'signed' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'illegal-transition', field: 'status' });
    expect(res.json().message).toContain('can become accepted, declined, withdrawn, expired');
  });

  it('lets exactly one of two offers accepted at the same moment for the same exclusive rights hold them; the other is told why', async () => {
    const offer = async (buyer: string) =>
      (await call('POST', '/api/offers', 'eva', { buyerId: ids[buyer], ...terms('Spain', 'All Media') })).json().id as string;
    const a = await offer('vertigo');
    const b = await offer('mubi');
    // each sees the other as competing
    const competing = (await call('GET', `/api/offers/${a}`, 'eva')).json().competing;
    expect(competing.map((c: { offer: { id: string } }) => c.offer.id)).toContain(b);
    const accept = (id: string) =>
      fetch(`${base}/api/offers/${id}/status`, {
        method: 'POST',
        headers: { cookie: cookies.eva, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'accepted', holdExpiresOn: '2199-12-31' }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const results = await Promise.all([accept(a), accept(b)]);
    const won = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0].body;
    expect(winner.status).toBe('accepted');
    expect(winner.contract.status).toBe('negotiating');
    expect(lost[0].body.error).toBe('conflict');
    expect(lost[0].body.message).toContain('cannot be accepted');
    expect(lost[0].body.message).toContain(winner.contract.ref);
    const loserId = winner.id === a ? b : a;
    expect((await call('GET', `/api/offers/${loserId}`, 'eva')).json()).toMatchObject({ status: 'new', contract: null });
    ids.held = winner.id;
    // the hold shows in avails
    const avails = await call('POST', '/api/avails', 'vic', {
      titles: [ids.film],
      territories: 'Spain',
      media: 'Theatrical',
      start: '2027-01-01',
      end: '2027-12-31',
    });
    expect(avails.json().rows[0].status).toBe('on-hold');
  });

  it('signs the held offer into the rights-out contract, keeping the link', async () => {
    expect((await call('POST', `/api/offers/${ids.held}/status`, 'eva', { status: 'on-signature' })).statusCode).toBe(200);
    const signed = await call('POST', `/api/offers/${ids.held}/status`, 'ned', { status: 'signed', signedOn: '2026-05-20' });
    expect(signed.statusCode).toBe(200);
    const offer = signed.json();
    expect(offer.status).toBe('signed');
    expect(offer.contract.status).toBe('signed');
    expect(offer.holdExpiresOn).toBeNull();
    const contract = (await call('GET', `/api/contracts/${offer.contract.id}`, 'eva')).json();
    expect(contract).toMatchObject({ status: 'signed', signedOn: '2026-05-20', direction: 'out' });
    expect(offer.events.map((e: { to: string }) => e.to)).toEqual(['new', 'accepted', 'on-signature', 'signed']);
    const avails = await call('POST', '/api/avails', 'vic', {
      titles: [ids.film],
      territories: 'Spain',
      media: 'Theatrical',
      start: '2027-01-01',
      end: '2027-12-31',
    });
    expect(avails.json().rows[0].reasons[0].code).toBe('rights-out-exist');
    // the offer's own contract is not in its way
    expect((await call('GET', `/api/offers/${ids.held}/check`, 'vic')).json().clear).toBe(true);
    // a signed offer is final
    expect((await call('POST', `/api/offers/${ids.held}/status`, 'eva', { status: 'withdrawn' })).json().error).toBe('illegal-transition');
  });

  it('refuses to accept an offer whose rights are sold, naming the contract', async () => {
    const id = (await call('POST', '/api/offers', 'eva', { buyerId: ids.mubi, ...terms('France') })).json().id;
    const res = await call('POST', `/api/offers/${id}/status`, 'eva', { status: 'accepted' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('ALAMODE-FR');
    expect((await call('GET', `/api/offers/${id}`, 'eva')).json().status).toBe('new');
  });

  it('filters the list by status, buyer, title and market', async () => {
    const list = async (q: string) => (await call('GET', `/api/offers?${q}`, 'vic')).json().items.map((o: { id: string }) => o.id);
    expect(await list('status=signed')).toEqual([ids.held]);
    expect(await list(`buyer=${ids.neon}`)).toEqual([ids.offer]);
    expect((await list(`title=${ids.film}`)).length).toBeGreaterThanOrEqual(4);
    expect(await list('market=nowhere')).toEqual([]);
  });
});

describe('offers', () => {
  it('are listed in the backup', async () => {
    const { TABLES_IN_ORDER } = await import('../../src/services/backup.js');
    for (const t of ['offers', 'offer_versions', 'offer_titles', 'offer_events', 'hold_expiries']) expect(TABLES_IN_ORDER).toContain(t);
  });
});
