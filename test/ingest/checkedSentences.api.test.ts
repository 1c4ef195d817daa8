/**
 * A sentence the review lists as not read, checked by a person who found nothing to add there, on both
 * databases: it stays listed with who checked it and when (the articles list counts only those left), the check is
 * undone by putting it back, audited both ways; a start that is not a listed sentence is refused naming
 * `start`, a viewer may not check, unknown properties are refused, and the backup carries the checks.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import type { FilmRights } from '../../src/services/app.js';
import { TABLES_IN_ORDER } from '../../src/services/backup.js';
import { openApp, type TestApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';
import { signedIn } from '../support/sessions.js';

const READ = 'Greyline Releasing has acquired U.S. rights to "The Copper Bay" from Northlight Sales.';
const MISSED =
  "Lantern Pictures, fresh from a busy week and a long night, also closed on Dana Holt's Salt Road, a tale told over one long winter, which it will put in cinemas this autumn.";
const NOTHING = 'Sales were brisk at the Palais all week, said Northlight Sales, which hopes to announce more deals soon.';
const TEXT = `${READ}\n${MISSED}\n${NOTHING}\n`;
const at = (s: string) => TEXT.indexOf(s);

interface Listed {
  span: [number, number];
  partly: boolean;
  names: string[];
  checked: { by: string | null; at: string } | null;
}

describe('the backup', () => {
  it('carries the checked sentences, after the articles they belong to', () => {
    expect(TABLES_IN_ORDER.indexOf('article_sentence_checks')).toBeGreaterThan(TABLES_IN_ORDER.indexOf('articles'));
  });
});

describeEachDatabase('sentences not read, checked: nothing to add', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let test: TestApp;
  let cookies: Record<string, string> = {};
  let id = '';

  const call = (method: 'GET' | 'PUT', url: string, who: string, payload?: unknown) =>
    server.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const toRead = async () => {
    const page = (await call('GET', '/api/articles', 'vic')).json();
    return page.items.find((i: { id: string }) => i.id === id).toRead as number;
  };
  const listed = async (): Promise<Listed[]> => (await call('GET', `/api/articles/${id}`, 'eva')).json().unread;
  const check = (start: number, checked: boolean, who = 'eva') => call('PUT', `/api/articles/${id}/sentences`, who, { start, checked });

  beforeAll(async () => {
    process.env.FILMRIGHTS_FEEDS = 'off';
    test = await openApp(database);
    app = test.app;
    server = await buildServer(app);
    cookies = await signedIn(app, server, [
      { username: 'eva', role: 'editor' },
      { username: 'vic', role: 'viewer' },
    ]);
    const made = await server.inject({
      method: 'POST',
      url: '/api/articles',
      headers: { cookie: cookies.eva },
      payload: { text: TEXT, outlet: 'Example Trade', date: '2024-05-20' },
    });
    expect(made.statusCode).toBe(201);
    id = made.json().article.id;
  });
  afterAll(async () => {
    await server?.close();
    await test?.close();
  });

  it('lists both sentences that speak of a sale and gave nothing, neither checked yet', async () => {
    const list = await listed();
    expect(list.map((u) => u.span[0])).toEqual([at(MISSED), at(NOTHING)]);
    expect(list.every((u) => u.checked === null)).toBe(true);
    expect(await toRead()).toBe(2);
  });

  it('checks a sentence: still listed, with who checked it and when; checking again changes nothing', async () => {
    const res = await check(at(NOTHING), true);
    expect(res.statusCode).toBe(200);
    const after: Listed[] = res.json().unread;
    const mine = after.find((u) => u.span[0] === at(NOTHING))!;
    expect(mine.checked?.by).toBe('eva');
    expect(Number.isNaN(Date.parse(mine.checked!.at))).toBe(false);
    expect(after.find((u) => u.span[0] === at(MISSED))!.checked).toBeNull();
    // the articles list counts what is left to read
    expect(await toRead()).toBe(1);
    expect((await check(at(NOTHING), true)).statusCode).toBe(200);
    const log = await app.store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'article_sentence_checks').execute();
    expect(log.map((l) => l.action)).toEqual(['check']);
    expect(log[0].entity_id).toBe(`${id}:${at(NOTHING)}`);
  });

  it('two reviewers checking the same sentence at once: one check, one audit entry, no error', async () => {
    await check(at(NOTHING), false);
    const before = await app.store.db.selectFrom('audit_log').select('id').where('action', '=', 'check').execute();
    const both = await Promise.all([check(at(NOTHING), true), check(at(NOTHING), true), check(at(NOTHING), true)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const after = await app.store.db.selectFrom('audit_log').select('id').where('action', '=', 'check').execute();
    expect(after.length - before.length).toBe(1);
    expect((await listed()).find((u) => u.span[0] === at(NOTHING))!.checked?.by).toBe('eva');
  });

  it('puts it back (the undo), audited; putting back what is not checked changes nothing', async () => {
    const res = await check(at(NOTHING), false);
    expect(res.statusCode).toBe(200);
    expect(res.json().unread.every((u: Listed) => u.checked === null)).toBe(true);
    expect(await toRead()).toBe(2);
    expect((await check(at(NOTHING), false)).statusCode).toBe(200);
    const log = await app.store.db.selectFrom('audit_log').select('action').where('entity', '=', 'article_sentence_checks').execute();
    expect(log.map((l) => l.action).sort()).toEqual(['check', 'check', 'uncheck', 'uncheck']);
  });

  it('refuses a start that is not a listed sentence, naming start, and writes nothing', async () => {
    for (const start of [at(READ), at(MISSED) + 3, TEXT.length + 50]) {
      const res = await check(start, true);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('start');
      expect(res.json().message).toMatch(/not read/);
    }
    expect((await listed()).every((u) => u.checked === null)).toBe(true);
  });

  it('refuses unknown properties, a negative start, a viewer, and an unknown article', async () => {
    const extra = await call('PUT', `/api/articles/${id}/sentences`, 'eva', { start: at(NOTHING), checked: true, by: 'someone' });
    expect(extra.statusCode).toBe(400);
    expect((await call('PUT', `/api/articles/${id}/sentences`, 'eva', { start: -1, checked: true })).statusCode).toBe(400);
    expect((await check(at(NOTHING), true, 'vic')).statusCode).toBe(403);
    expect((await call('PUT', `/api/articles/no-such-article/sentences`, 'eva', { start: 0, checked: true })).statusCode).toBe(404);
    expect((await listed()).every((u) => u.checked === null)).toBe(true);
  });

  it('a sentence checked, then read by a fact added from it, leaves the list; the check is undone all the same', async () => {
    expect((await check(at(MISSED), true)).statusCode).toBe(200);
    const added = await server.inject({
      method: 'POST',
      url: `/api/articles/${id}/facts`,
      headers: { cookie: cookies.eva },
      payload: { type: 'deal', span: [at(MISSED), at(MISSED) + MISSED.length], fields: { title: 'Salt Road', buyer: 'Lantern Pictures' } },
    });
    expect(added.statusCode).toBe(201);
    expect((await listed()).map((u) => u.span[0])).toEqual([at(NOTHING)]);
    expect((await check(at(MISSED), false)).statusCode).toBe(200);
    const rows = await app.store.db.selectFrom('article_sentence_checks').selectAll().where('article_id', '=', id).execute();
    expect(rows).toEqual([]);
  });
});
