/**
 * The network the server may fetch from, asked through the API on both
 * databases: an editor's article URL or feed must not make the server read
 * pages on its own machine or network (server-side request forgery), however
 * the address is spelt and wherever a redirect points, unless an admin names
 * the host; what is fetched is capped in time and size, and a failure says
 * what went wrong in a few plain words, never the network's own error.
 *
 * Every request here goes to a local HTTP server on 127.0.0.1 (never anywhere
 * else): it is the "internal service" the server must not reach by default.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';
import { pollDueFeeds } from '../../src/services/feeds.js';
import { describeEachDatabase } from '../support/databases.js';
import { PAGE } from './fixtures.js';

const PASSWORD = 'correct horse battery';
const SECRET = 'internal-only: the staging database password is hunter2';
const MB = 1024 * 1024;

describeEachDatabase('fetching pages and feeds: only from the public network', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let admin = '';
  let editor = '';
  let viewer = '';
  let pages: Server;
  let port = 0;
  let base = '';
  const hits: string[] = [];
  /** Bytes the endless page managed to send before the fetch let go of it. */
  let endlessSent = 0;
  let endlessDone: Promise<void> = Promise.resolve();

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
    server.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const allow = async (allowHosts: string[]) => {
    const res = await call('PUT', '/api/settings/fetch', admin, { allowHosts });
    expect(res.statusCode).toBe(200);
  };

  /** Writes `total` bytes in 64 KB chunks, each made when the socket wants more (nothing is held in memory), until the reader hangs up. */
  const endless = (res: ServerResponse, total: number) => {
    endlessSent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    endlessDone = new Promise<void>((done) => {
      let closed = false;
      res.on('close', () => {
        closed = true;
        done();
      });
      res.writeHead(200, { 'content-type': 'text/html' }); // chunked: no content-length
      const pump = () => {
        while (!closed && endlessSent < total) {
          endlessSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!closed) res.end();
      };
      pump();
    });
  };

  beforeAll(async () => {
    process.env.FILMRIGHTS_FEEDS = 'off';
    delete process.env.FILMRIGHTS_FETCH_ALLOW_HOSTS;
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'ada', password: PASSWORD, role: 'admin' });
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    const login = async (username: string) => {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      return `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    };
    admin = await login('ada');
    editor = await login('eva');
    viewer = await login('vic');
    pages = createServer((req, res) => {
      const path = req.url ?? '';
      hits.push(path);
      if (path === '/secret.html')
        return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><p>${SECRET}</p></body></html>`);
      if (path === '/one-second.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (path === '/feed.xml') {
        return res.writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Film news</title>
<item><title>Neon Nabs One Second</title><link>${base}/one-second.html</link><guid>one-second</guid></item>
<item><title>Inside</title><link>http://localhost:${port}/secret.html</link><guid>inside</guid></item></channel></rss>`);
      }
      const hop = /^\/hop\/(\d+)$/.exec(path);
      if (hop) {
        const n = Number(hop[1]);
        return res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/one-second.html' }).end();
      }
      if (path === '/to-localhost') return res.writeHead(302, { location: `http://localhost:${port}/secret.html` }).end();
      if (path === '/to-zeros') return res.writeHead(301, { location: `http://0.0.0.0:${port}/secret.html` }).end();
      if (path === '/to-v6') return res.writeHead(307, { location: `http://[::1]:${port}/secret.html` }).end();
      if (path === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (path === '/poster.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(2048));
      if (path === '/untyped') return res.writeHead(200).end('<html><body>no type</body></html>');
      if (path === '/endless.html') return endless(res, 300 * MB);
      if (path === '/big-declared.html') return res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * MB) }).end();
      if (path === '/stalled.html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>The first paragraph arrives, and then nothing else ever does.');
        return; // never ended
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    });
    await new Promise<void>((r) => pages.listen(0, '127.0.0.1', () => r()));
    port = (pages.address() as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterEach(async () => {
    delete process.env.FILMRIGHTS_FETCH_TIMEOUT_MS;
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
    pages.closeAllConnections();
    await new Promise((r) => pages.close(r));
  });

  // (addresses elsewhere, private or link-local, are refused by the same check: test/ingest/safeFetch.test.ts, which connects nowhere)
  it('refuses a page on the server itself, however the address is spelt, and never connects to it', async () => {
    const spellings = [
      `${base}/secret.html`,
      `http://localhost:${port}/secret.html`,
      `http://LOCALHOST.:${port}/secret.html`,
      `http://2130706433:${port}/secret.html`,
      `http://0x7f.1:${port}/secret.html`,
      `http://0177.0.0.1:${port}/secret.html`,
      `http://127.1:${port}/secret.html`,
      `http://0.0.0.0:${port}/secret.html`,
      `http://[::1]:${port}/secret.html`,
      `http://[::ffff:127.0.0.1]:${port}/secret.html`,
      `http://[::ffff:7f00:1]:${port}/secret.html`,
    ];
    for (const url of spellings) {
      const res = await call('POST', '/api/articles', editor, { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({
        error: 'fetch-not-allowed',
        field: 'url',
        message: 'url: the page could not be fetched: the address is not allowed',
      });
      expect(res.body, url).not.toContain('hunter2');
    }
    expect(hits).not.toContain('/secret.html');
    expect((await call('GET', '/api/articles', editor)).json().total).toBe(0);
  });

  it('refuses a feed on the server itself, when polled by hand and on the schedule, and never connects to it', async () => {
    // a feed on this machine is refused as it is added...
    for (const url of [`${base}/feed.xml`, `http://localhost:${port}/feed.xml`, `http://[::1]:${port}/feed.xml`]) {
      const res = await call('POST', '/api/feeds', editor, { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({
        error: 'fetch-not-allowed',
        field: 'url',
        message: 'url: the feed could not be fetched: the address is not allowed',
      });
    }
    expect((await call('GET', '/api/feeds', viewer)).json()).toEqual([]);
    // ...and when it is polled: one added while its host was allowed, then taken back
    await allow(['127.0.0.1']);
    const feed = await call('POST', '/api/feeds', editor, { url: `${base}/feed.xml` });
    expect(feed.statusCode).toBe(201);
    await allow([]);
    const polled = await call('POST', `/api/feeds/${feed.json().id}/poll`, editor);
    expect(polled.statusCode).toBe(400);
    expect(polled.json()).toMatchObject({
      error: 'fetch-not-allowed',
      field: 'url',
      message: 'url: the feed could not be fetched: the address is not allowed',
    });
    expect(await pollDueFeeds(app, { ...SYSTEM, id: 'feeds', username: 'feeds' }, Date.now() + 24 * 3600_000)).toBe(1);
    const [listed] = (await call('GET', '/api/feeds', viewer)).json();
    expect(listed).toMatchObject({ lastError: 'the feed could not be fetched: the address is not allowed', queued: 0 });
    expect(hits).not.toContain('/feed.xml');
    expect((await call('DELETE', `/api/feeds/${feed.json().id}`, editor)).statusCode).toBe(204);
  });

  it('lets only an admin read and name the hosts that may be fetched although they are internal', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/settings/fetch' })).statusCode).toBe(401);
    expect((await call('GET', '/api/settings/fetch', editor)).statusCode).toBe(403);
    expect((await call('PUT', '/api/settings/fetch', editor, { allowHosts: ['127.0.0.1'] })).statusCode).toBe(403);
    expect((await call('PUT', '/api/settings/fetch', viewer, { allowHosts: ['127.0.0.1'] })).statusCode).toBe(403);
    expect((await call('GET', '/api/settings/fetch', admin)).json()).toEqual({ allowHosts: [], environmentAllowHosts: [] });
    const bad = await call('PUT', '/api/settings/fetch', admin, { allowHosts: ['news.intranet', 'http://mirror.intranet:8080/'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'allowHosts[1]' });
    expect((await call('PUT', '/api/settings/fetch', admin, { allowHosts: ['x'], extra: 1 })).statusCode).toBe(400);
    expect(
      (await call('PUT', '/api/settings/fetch', admin, { allowHosts: Array.from({ length: 101 }, (_, i) => `h${i}.intranet`) })).statusCode,
    ).toBe(400);
    const ok = await call('PUT', '/api/settings/fetch', admin, { allowHosts: ['News.Intranet.', '127.0.0.1', '[::1]', 'news.intranet'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ allowHosts: ['news.intranet', '127.0.0.1', '::1'], environmentAllowHosts: [] });
    expect((await call('GET', '/api/settings/fetch', admin)).json().allowHosts).toEqual(['news.intranet', '127.0.0.1', '::1']);
    await allow([]);
  });

  it('reads a page and a feed on a host the admin named; a redirect or an item elsewhere on the machine is still refused', async () => {
    await allow(['127.0.0.1']);
    const page = await call('POST', '/api/articles', editor, { url: `${base}/hop/4` }); // five redirects (the most followed), then the page
    expect(page.statusCode).toBe(201);
    expect(page.json().article).toMatchObject({ url: `${base}/one-second.html`, publishedOn: '2021-07-20' });
    expect(page.json().article.text).toContain('Wild Bunch is handling international sales.');
    for (const path of ['/to-localhost', '/to-zeros', '/to-v6']) {
      const res = await call('POST', '/api/articles', editor, { url: `${base}${path}` });
      expect(res.json(), path).toMatchObject({
        error: 'fetch-not-allowed',
        message: 'url: the page could not be fetched: the address is not allowed',
      });
    }
    expect((await call('POST', '/api/articles', editor, { url: `${base}/to-file` })).json()).toMatchObject({ error: 'fetch-not-allowed' });
    expect(hits).not.toContain('/secret.html');

    const feed = await call('POST', '/api/feeds', editor, { url: `${base}/feed.xml` });
    expect(feed.statusCode).toBe(201);
    const polled = await call('POST', `/api/feeds/${feed.json().id}/poll`, editor);
    expect(polled.json()).toEqual({ queued: 2, ingested: 1, failed: 1 }); // the page was already here; the item on localhost is refused
    expect(hits).not.toContain('/secret.html');
    await allow([]);
    // the admin takes the host back: the scheduled poll no longer reads it
    const before = hits.length;
    await pollDueFeeds(app, { ...SYSTEM, id: 'feeds', username: 'feeds' }, Date.now() + 24 * 3600_000);
    expect(hits.length).toBe(before);
    expect((await call('GET', '/api/feeds', viewer)).json()[0].lastError).toBe('the feed could not be fetched: the address is not allowed');
  });

  it('gives up after five redirects', async () => {
    await allow(['127.0.0.1']);
    // /hop/5 redirects six times
    const res = await call('POST', '/api/articles', editor, { url: `${base}/hop/5` });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({
      error: 'fetch-failed',
      field: 'url',
      message: 'url: the page could not be fetched: too many redirects',
    });
    expect(hits.filter((h) => h.startsWith('/hop/'))).toContain('/hop/0');
    await allow([]);
  });

  it('refuses what is not text, HTML or a feed', async () => {
    await allow(['127.0.0.1']);
    for (const path of ['/poster.png', '/untyped']) {
      const res = await call('POST', '/api/articles', editor, { url: `${base}${path}` });
      expect(res.statusCode, path).toBe(422);
      expect(res.json(), path).toMatchObject({ error: 'fetch-unsupported-type', field: 'url' });
      expect(res.json().message, path).toMatch(/^url: the page could not be read: it is not a web page, text or a feed/);
    }
    await allow([]);
  });

  it('stops reading a page past 5 MB as soon as it passes, however it is sent', async () => {
    await allow(['127.0.0.1']);
    const res = await call('POST', '/api/articles', editor, { url: `${base}/endless.html` });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: 'fetch-too-large',
      message: 'url: the page could not be fetched: it is too large (over 5 MB)',
    });
    await endlessDone;
    // the 300 MB page was cut off near the cap (plus what the sockets buffer), not read whole
    expect(endlessSent).toBeLessThan(40 * MB);
    expect(endlessSent).toBeGreaterThan(5 * MB);
    const declared = await call('POST', '/api/articles', editor, { url: `${base}/big-declared.html` });
    expect(declared.json()).toMatchObject({ error: 'fetch-too-large' });
    // a feed too
    const feed = (await call('POST', '/api/feeds', editor, { url: `${base}/endless.html` })).json();
    const polled = await call('POST', `/api/feeds/${feed.id}/poll`, editor);
    expect(polled.statusCode).toBe(422);
    expect(polled.json()).toMatchObject({
      error: 'fetch-too-large',
      message: 'url: the feed could not be fetched: it is too large (over 5 MB)',
    });
    await endlessDone;
    expect(endlessSent).toBeLessThan(40 * MB);
    expect((await call('GET', '/api/feeds', viewer)).json().find((f: { id: string }) => f.id === feed.id).lastError).toBe(
      'the feed could not be fetched: it is too large (over 5 MB)',
    );
    expect((await call('DELETE', `/api/feeds/${feed.id}`, editor)).statusCode).toBe(204);
    await allow([]);
  });

  it('answers 504 for a page whose body stalls, and 502 for an address that cannot be reached, without the network error', async () => {
    await allow(['127.0.0.1']);
    process.env.FILMRIGHTS_FETCH_TIMEOUT_MS = '400';
    const stalled = await call('POST', '/api/articles', editor, { url: `${base}/stalled.html` });
    expect(stalled.statusCode).toBe(504);
    expect(stalled.json()).toMatchObject({
      error: 'fetch-timeout',
      field: 'url',
      message: 'url: the page could not be fetched: it timed out',
    });
    delete process.env.FILMRIGHTS_FETCH_TIMEOUT_MS;
    // a port nobody listens on: the server's own error (ECONNREFUSED 127.0.0.1:port) stays in its log
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const refused = await call('POST', '/api/articles', editor, { url: `http://127.0.0.1:${closedPort}/` });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toEqual({
      error: 'fetch-failed',
      field: 'url',
      message: 'url: the page could not be fetched: the address could not be reached',
    });
    expect(refused.body).not.toMatch(/ECONNREFUSED|connect|127\.0\.0\.1/);
    expect(refused.body).not.toContain(String(closedPort));
    const missing = await call('POST', '/api/articles', editor, { url: `${base}/missing.html` });
    expect(missing.statusCode).toBe(502);
    expect(missing.json()).toMatchObject({ error: 'fetch-failed', message: 'url: the page could not be fetched: the site answered 404' });
    await allow([]);
  });
});
