/**
 * The articles API and feeds, on both databases: editors ingest and review,
 * viewers read; a page and a feed served by a local HTTP server (never the
 * internet); a feed item is fetched once, however often the feed is polled.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';
import { PAGE } from './fixtures.js';

const SEED = readFileSync(fileURLToPath(new URL('../../corpus/articles/00-seed-one-second.txt', import.meta.url)), 'utf8');
const PASSWORD = 'correct horse battery';

describeEachDatabase('articles API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let editor = '';
  let viewer = '';
  let pages: Server;
  let base = '';
  const hits: string[] = [];

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie = editor, payload?: unknown) =>
    server.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    process.env.FILMRIGHTS_FEEDS = 'off';
    // the local server stands for the trade press: the operator allows its host (by default the server fetches nothing on its own machine; see fetch.api.test.ts)
    process.env.FILMRIGHTS_FETCH_ALLOW_HOSTS = '127.0.0.1';
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    const login = async (username: string) => {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      return `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    };
    editor = await login('eva');
    viewer = await login('vic');
    pages = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/feed.xml') {
        return res.writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Film news</title><link>${base}/</link>
<item><title>Neon Nabs One Second</title><link>${base}/one-second.html</link><guid>one-second</guid><pubDate>Tue, 20 Jul 2021 14:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>${base}/gone.html</link><guid>gone</guid></item></channel></rss>`);
      }
      if (req.url === '/one-second.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => pages.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(pages.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
    await new Promise((r) => pages.close(r));
  });

  let id = '';
  it('lets an editor ingest an article, once; a viewer may read but not write; nobody anonymous', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/articles' })).statusCode).toBe(401);
    expect((await call('POST', '/api/articles', viewer, { text: SEED })).statusCode).toBe(403);
    const res = await call('POST', '/api/articles', editor, { text: SEED, outlet: 'Variety' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    id = body.article.id;
    expect(body.duplicate).toBe(false);
    expect(body.article.facts[0]).toMatchObject({
      type: 'deal',
      status: 'pending',
      fields: { title: 'One Second', buyer: 'Neon', territories: 'North America' },
    });
    const again = await call('POST', '/api/articles', editor, { text: SEED, outlet: 'Variety' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, article: { id } });
    const read = await call('GET', `/api/articles/${id}`, viewer);
    expect(read.statusCode).toBe(200);
    expect(read.json().facts).toHaveLength(53);
    expect((await call('GET', '/api/articles', viewer)).json()).toMatchObject({
      total: 1,
      items: [{ id, outlet: 'Variety', counts: { pending: 53 } }],
    });
    expect((await call('POST', '/api/articles', editor, {})).json()).toMatchObject({ error: 'invalid', field: 'text' });
  });

  it('accepts with edits, rejects, and accepts all; the title page and the market picture show the deal with its source', async () => {
    const article = (await call('GET', `/api/articles/${id}`)).json();
    const deal = article.facts.find((f: { type: string }) => f.type === 'deal');
    expect((await call('POST', `/api/articles/${id}/facts/${deal.id}/accept`, viewer, {})).statusCode).toBe(403);
    const accepted = await call('POST', `/api/articles/${id}/facts/${deal.id}/accept`, editor, { fields: { media: 'all rights' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', fields: { media: 'all rights' }, written: { table: 'contracts' } });
    const rumourless = article.facts.find(
      (f: { type: string; fields: { title: string } }) => f.type === 'credit' && f.fields.title === 'Hero',
    );
    expect((await call('POST', `/api/articles/${id}/facts/${rumourless.id}/reject`)).json()).toMatchObject({ status: 'rejected' });
    const all = await call('POST', `/api/articles/${id}/accept-all`, editor, {});
    expect(all.statusCode).toBe(200);
    expect(all.json().failed.map((f: { type: string }) => f.type)).toEqual(['award']);
    // what it wrote and what it could not, each named
    const report = all.json() as { accepted: number; written: Array<{ type: string; label: string }>; failed: Array<{ label: string }> };
    expect(report.written).toHaveLength(report.accepted);
    expect(report.written).toContainEqual(
      expect.objectContaining({ type: 'credit', label: 'One Second: director Zhang Yimou', table: 'credits' }),
    );
    expect(report.written).toContainEqual(expect.objectContaining({ type: 'release', label: 'One Second in CN', table: 'releases' }));
    expect(report.failed[0].label).toMatch(/^.+: .+/);
    const title = (await call('GET', '/api/titles/one-second', viewer)).json();
    expect(title.marketPicture).toEqual([
      expect.objectContaining({ holder: { id: 'neon', name: 'Neon' }, territoryLabel: 'North America' }),
    ]);
    expect(title.contracts[0].ref).toBe('PRESS-NEON-ONE-SECOND');
    const market = (await call('GET', '/api/titles/one-second/market', viewer)).json();
    expect(market.holdings[0]).toMatchObject({ holder: { name: 'Neon' }, territoryLabel: 'North America', mediaLabel: 'All Media' });
    expect(market.holdings[0].sources[0]).toMatchObject({
      source: { outlet: 'Variety' },
      quote: expect.stringContaining('Neon has nabbed North American rights'),
    });
    expect(market.unreported.label).toBe('Worldwide excl. North America');
    const cannes = (await call('GET', '/api/festivals?q=Cannes')).json()[0].editions[0];
    const acq = (await call('GET', `/api/editions/${cannes.id}/acquisitions`)).json();
    expect(acq.acquisitions.map((a: { title: { name: string } }) => a.title.name)).toEqual(['A Chiara', 'The Worst Person in the World']);
    expect((await call('GET', '/api/titles/nope/market')).statusCode).toBe(404);
  });

  it('reads a page at a URL and follows a feed, fetching each item once', async () => {
    const feed = await call('POST', '/api/feeds', editor, { url: `${base}/feed.xml`, outlet: 'Variety' });
    expect(feed.statusCode).toBe(201);
    const polled = await call('POST', `/api/feeds/${feed.json().id}/poll`);
    expect(polled.json()).toEqual({ queued: 2, ingested: 1, failed: 1 });
    const again = await call('POST', `/api/feeds/${feed.json().id}/poll`);
    expect(again.json()).toEqual({ queued: 0, ingested: 0, failed: 0 });
    expect(hits.filter((h) => h === '/one-second.html')).toHaveLength(1);
    expect(hits.filter((h) => h === '/gone.html')).toHaveLength(1);
    const feeds = (await call('GET', '/api/feeds', viewer)).json();
    expect(feeds[0]).toMatchObject({ name: 'Film news', ingested: 1, failed: 1, queued: 0 });
    // the page itself, posted by URL again: already here
    const byUrl = await call('POST', '/api/articles', editor, { url: `${base}/one-second.html` });
    expect(byUrl.statusCode).toBe(200);
    expect(hits.filter((h) => h === '/one-second.html')).toHaveLength(1);
  });
});
