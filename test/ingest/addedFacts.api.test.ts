/**
 * The sentences the reader could not read, and the facts a person adds from them, on both databases:
 * the article view lists a sentence with a sale's words that gave no deal; an editor adds the deal
 * (checked field by field, nothing written on a refusal), reviews and accepts it like any other fact;
 * a viewer may not add, and a price needs the financial-terms permission.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import type { FilmRights } from '../../src/services/app.js';
import { openApp, type TestApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';
import { signedIn } from '../support/sessions.js';

const READ = 'Greyline Releasing has acquired U.S. rights to "The Copper Bay" from Northlight Sales.';
const MISSED =
  "Lantern Pictures, fresh from a busy week and a long night, also closed on Dana Holt's Salt Road, a tale told over one long winter, which it will put in cinemas this autumn.";
const CHATTER = 'The weather in Cannes was warm all week and nobody complained.';
const TEXT = `${READ}\n${MISSED}\n${CHATTER}\n`;
const missedSpan: [number, number] = [TEXT.indexOf(MISSED), TEXT.indexOf(MISSED) + MISSED.length];

describeEachDatabase('facts a person adds from sentences the reader could not read', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let test: TestApp;
  let cookies: Record<string, string> = {};
  let id = '';

  const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
    server.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const facts = async () => (await call('GET', `/api/articles/${id}`, 'eva')).json().facts as Array<{ id: string; type: string }>;

  beforeAll(async () => {
    process.env.FILMRIGHTS_FEEDS = 'off';
    test = await openApp(database);
    app = test.app;
    server = await buildServer(app);
    cookies = await signedIn(app, server, [
      { username: 'eva', role: 'editor', canSeeFinancials: true },
      { username: 'ned', role: 'editor' },
      { username: 'vic', role: 'viewer' },
    ]);
    const res = await call('POST', '/api/articles', 'eva', { text: TEXT, outlet: 'Example Trade', date: '2024-05-20' });
    expect(res.statusCode).toBe(201);
    id = res.json().article.id;
  });
  afterAll(async () => {
    await server?.close();
    await test?.close();
  });

  it('lists the sentence with a sale in it that gave no deal, and neither the read sentence nor the chatter', async () => {
    const a = (await call('GET', `/api/articles/${id}`, 'vic')).json();
    expect(a.facts.some((f: { type: string; fields: { title: string } }) => f.type === 'deal' && f.fields.title === 'The Copper Bay')).toBe(
      true,
    );
    expect(a.unread).toEqual([
      { span: missedSpan, partly: false, names: ['Lantern Pictures'], titles: ['Salt Road', "Dana Holt's Salt Road"], checked: null },
    ]);
  });

  it('refuses, naming the field, and writes nothing: a viewer, an unknown property, a missing buyer, a field of another kind, a span outside the text', async () => {
    const before = (await facts()).length;
    const deal = { type: 'deal', span: missedSpan, fields: { title: 'Salt Road', buyer: 'Lantern Pictures' } };
    expect((await call('POST', `/api/articles/${id}/facts`, 'vic', deal)).statusCode).toBe(403);
    const unknown = await call('POST', `/api/articles/${id}/facts`, 'eva', { ...deal, fields: { ...deal.fields, budget: '1' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('budget');
    const noBuyer = await call('POST', `/api/articles/${id}/facts`, 'eva', { ...deal, fields: { title: 'Salt Road' } });
    expect(noBuyer.statusCode).toBe(400);
    expect(noBuyer.json().message).toMatch(/^fields\.buyer: a deal needs its buyer/);
    const mixed = await call('POST', `/api/articles/${id}/facts`, 'eva', {
      type: 'mandate',
      span: missedSpan,
      fields: { title: 'Salt Road', company: 'Northlight Sales', buyer: 'Lantern Pictures' },
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().message).toMatch(/^fields\.buyer: not a field of a mandate fact/);
    const outside = await call('POST', `/api/articles/${id}/facts`, 'eva', { ...deal, span: [10, TEXT.length + 5] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/^span: /);
    const badPrice = await call('POST', `/api/articles/${id}/facts`, 'eva', {
      ...deal,
      fields: { ...deal.fields, price: { amount: 'a lot', currency: 'USD' } },
    });
    expect(badPrice.statusCode).toBe(400);
    expect(badPrice.json().message).toMatch(/^fields\.price\.amount: /);
    // an editor without the financial-terms permission may not set a price
    const priced = await call('POST', `/api/articles/${id}/facts`, 'ned', {
      ...deal,
      fields: { ...deal.fields, price: { amount: '250000', currency: 'USD' } },
    });
    expect(priced.statusCode).toBe(403);
    expect(priced.body).toContain('fields.price');
    expect((await call('POST', `/api/articles/nope/facts`, 'eva', deal)).statusCode).toBe(404);
    expect((await facts()).length).toBe(before);
  });

  it('adds the deal as a pending fact of that sentence; the sentence is read now; accepting writes the deal', async () => {
    const res = await call('POST', `/api/articles/${id}/facts`, 'eva', {
      type: 'deal',
      span: missedSpan,
      fields: { title: ' Salt Road ', buyer: 'Lantern Pictures', territories: 'France', price: { amount: '250,000', currency: 'eur' } },
    });
    expect(res.statusCode).toBe(201);
    const fact = res.json();
    expect(fact).toMatchObject({
      type: 'deal',
      status: 'pending',
      confidence: 1,
      span: missedSpan,
      quote: MISSED,
      fields: {
        title: 'Salt Road',
        buyer: 'Lantern Pictures',
        seller: null,
        territories: 'France',
        price: { amount: '250000', currency: 'EUR' },
      },
    });
    const a = (await call('GET', `/api/articles/${id}`, 'eva')).json();
    expect(a.unread).toEqual([]);
    expect(a.counts.pending).toBe(a.facts.filter((f: { status: string }) => f.status === 'pending').length);
    // who may not see prices does not see the added one either
    const seen = (await call('GET', `/api/articles/${id}`, 'vic')).json().facts.find((f: { id: string }) => f.id === fact.id);
    expect(seen.fields.price).toBeUndefined();
    const accepted = await call('POST', `/api/articles/${id}/facts/${fact.id}/accept`, 'eva', {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', written: { table: 'contracts' } });
    const history = await app.store.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', fact.id).execute();
    expect(history.map((h) => h.action)).toContain('add');
  });

  it('adds talks and a mandate with their own fields', async () => {
    const talks = await call('POST', `/api/articles/${id}/facts`, 'ned', {
      type: 'rumour',
      span: missedSpan,
      fields: { title: 'Salt Road', party: 'Kinofilm', territories: 'Germany' },
    });
    expect(talks.statusCode).toBe(201);
    expect(talks.json().fields).toEqual({ title: 'Salt Road', party: 'Kinofilm', kind: 'talks', territories: 'Germany' });
    const mandate = await call('POST', `/api/articles/${id}/facts`, 'ned', {
      type: 'mandate',
      span: missedSpan,
      fields: { title: 'Salt Road', company: 'Northlight Sales' },
    });
    expect(mandate.statusCode).toBe(201);
    expect(mandate.json().fields).toEqual({ title: 'Salt Road', company: 'Northlight Sales', territories: null });
  });
});
