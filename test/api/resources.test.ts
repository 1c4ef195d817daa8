/**
 * The server under a heavy request: a zip bomb, a sheet of more rows than an
 * import takes, a 5 MB article page. While each runs, a second client keeps
 * asking GET /api/auth/me over real HTTP; its latencies (p99) and the
 * server's resident memory are printed. The issue wants p99 under 200 ms and
 * memory under 1 GB: the test asserts the memory, and that the second client
 * was answered many times while the heavy request ran (a blocked event loop
 * answers it not at all until the end), not milliseconds.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { IMPORT_LIMITS } from '../../src/interchange/index.js';
import { FilmRights } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';
import { databases } from '../support/databases.js';
import { dealSheetXml, workbook, zipBomb } from '../support/zipFiles.js';
import { longArticle } from '../support/longArticle.js';

const PASSWORD = 'correct horse battery';
const GB = 1024 * 1024 * 1024;

describe('resources: a heavy request does not hold the server', () => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    const location = await databases[0].create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await server.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'eva', password: PASSWORD }),
    });
    cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('filmrights_session='))!
      .split(';')[0];
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  /** Runs `heavy` while a second client asks GET /api/auth/me; the answers it got during it, their p99, the highest RSS. */
  async function underLoad(label: string, heavy: () => Promise<Response>) {
    let done = false;
    const latencies: number[] = [];
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
    const client = (async () => {
      while (!done) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
        await res.arrayBuffer();
        expect(res.status).toBe(200);
        if (!done) latencies.push(performance.now() - t0);
      }
    })();
    const res = await heavy().finally(() => (done = true));
    const body = (await res.json()) as { error?: string; message?: string };
    await client;
    clearInterval(sampler);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] : NaN;
    console.log(
      `${label}: ${res.status} ${body.error ?? ''}; second client answered ${latencies.length} times during it, p99 ${p99.toFixed(1)} ms (issue: < 200 ms); server RSS peak ${(peakRss / 1024 / 1024).toFixed(0)} MB (issue: < 1024 MB)`,
    );
    return { status: res.status, body, answered: latencies.length, p99, peakRss };
  }

  const upload = (filename: string, data: Buffer) => () =>
    fetch(`${base}/api/import`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ filename, content: data.toString('base64') }),
    });

  it('a zip bomb', async () => {
    const r = await underLoad('zip bomb (300 MB inflated)', upload('bomb.xlsx', zipBomb(300)));
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(/256 MiB \(the limit/);
    expect(r.peakRss).toBeLessThan(GB);
    expect(r.answered).toBeGreaterThan(10);
  });

  it('a sheet of more rows than one import takes', async () => {
    const r = await underLoad(
      `a sheet of ${(IMPORT_LIMITS.maxRows + 1).toLocaleString('en-US')} rows`,
      upload('rows.xlsx', workbook(dealSheetXml(IMPORT_LIMITS.maxRows + 1))),
    );
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(/more than 50,000 rows \(the limit of one import/);
    expect(r.peakRss).toBeLessThan(GB);
    expect(r.answered).toBeGreaterThan(10);
  });

  it('a 5 MB article page', async () => {
    const paragraphs = longArticle(4_900_000)
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('\n');
    const html = `<html><head><title>A very long read</title></head><body><article>${paragraphs}</article></body></html>`;
    expect(html.length).toBeGreaterThan(4.9e6);
    const r = await underLoad('a 5 MB article page', () =>
      fetch(`${base}/api/articles`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ html }),
      }),
    );
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(
      /html: (?:the article is [\d,]+ characters long once read from the html, more than 200,000|reading the article (?:needed more than \d+ MB of memory|took longer than [\d.]+ s)) \(the limit/,
    );
    expect(r.peakRss).toBeLessThan(GB);
    expect(r.answered).toBeGreaterThan(10);
  });
});
