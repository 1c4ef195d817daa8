/**
 * Input that is no article (issue 12, "Bad input"): a 10 MB HTML page, a PDF, binary data, an
 * empty page, a login wall. Over HTTP (the paste/import route) and through `filmrights ingest`:
 * a clear refusal naming the field and the reason, or an empty result that says why; never a
 * hang or a crash, and nothing stored half.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';
import { databases } from '../support/databases.js';
import { PROCESS_TEST_TIMEOUT, ROOT, runCli, type Run } from '../support/processes.js';

const PASSWORD = 'correct horse battery';
const PDF = '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' + 'stream\n'.repeat(40);
const BINARY = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73 + 11) % 256));
const EMPTY_PAGE = '<!doctype html><html><head><title>Variety</title></head><body><nav><a href="/">Home</a></nav></body></html>';
const LOGIN_WALL =
  '<!doctype html><html><head><title>Sign in | Trade Daily</title></head><body><main><h1>Subscribe to keep reading</h1>' +
  '<form action="/login" method="post"><label>Email <input name="email"></label><label>Password <input type="password" name="p"></label>' +
  '<button>Sign in</button></form><p>Already a subscriber? Sign in to continue.</p></main></body></html>';
/** A page of 10 MB: mostly markup and scripts, with a short article in it. */
function tenMegabytePage(): string {
  const filler = `<div class="ad"><script>window.__data=${JSON.stringify('x'.repeat(1000))}</script></div>\n`;
  const body = filler.repeat(Math.ceil((10 * 1024 * 1024) / filler.length));
  return `<html><head><title>Big page</title></head><body><article><p>Brightwell Pictures has acquired Spanish rights to “Glass Orchard.”</p></article>${body}</body></html>`;
}

describe('input that is no article, over HTTP', () => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;

  beforeAll(async () => {
    const location = await databases[0].create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'eva', password: PASSWORD } });
    cookie = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const post = (payload: Record<string, string>) => server.inject({ method: 'POST', url: '/api/articles', headers: { cookie }, payload });
  const stored = async () => ({
    articles: (await app.store.db.selectFrom('articles').select('id').execute()).length,
    sources: (await app.store.db.selectFrom('sources').select('id').execute()).length,
  });

  it('refuses a 10 MB HTML page with the limit named, and stores nothing', async () => {
    const res = await post({ html: tenMegabytePage() });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().field).toBe('html');
    expect(res.json().message).toMatch(/html: .*(MiB|MB|characters)/);
    expect(await stored()).toEqual({ articles: 0, sources: 0 });
  });

  it('refuses a PDF and binary data pasted as text, naming the reason, and stores nothing', async () => {
    const pdf = await post({ text: PDF });
    expect(pdf.statusCode, pdf.body).toBe(400);
    expect(pdf.json()).toMatchObject({ field: 'text' });
    expect(pdf.json().message).toMatch(/PDF/);
    const bin = await post({ text: BINARY.toString('latin1') });
    expect(bin.statusCode, bin.body).toBe(400);
    expect(bin.json().message).toMatch(/binary data/);
    expect(await stored()).toEqual({ articles: 0, sources: 0 });
  });

  it('refuses an empty text and a page with no article, saying why, and stores nothing', async () => {
    const blank = await post({ text: '   \n\n  ' });
    expect(blank.statusCode, blank.body).toBe(400);
    expect(blank.json().message).toMatch(/^text: /);
    const page = await post({ html: EMPTY_PAGE });
    expect(page.statusCode, page.body).toBe(400);
    expect(page.json()).toMatchObject({ field: 'html' });
    expect(page.json().message).toBe('html: this page is an empty page: it has no article text');
    expect(await stored()).toEqual({ articles: 0, sources: 0 });
  });

  it('refuses a login wall, saying so, and stores nothing', async () => {
    const res = await post({ html: LOGIN_WALL });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ field: 'html' });
    expect(res.json().message).toBe('html: this page is a sign-in or subscription page (a login wall): it has no article to read');
    expect(await stored()).toEqual({ articles: 0, sources: 0 });
  });
});

describe('input that is no article, through filmrights ingest', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-bad-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]): Promise<Run> => {
    const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: join(dir, 'filmrights.db') };
    delete env.DATABASE_URL;
    return runCli(args, { env });
  };

  it('refuses a PDF, binary data, an empty file, a 10 MB page and a login wall with the reason and exit code 1, storing nothing', async () => {
    const files: Record<string, string | Buffer> = {
      'deal.pdf': PDF,
      'image.txt': BINARY,
      'empty.txt': '',
      'big.html': tenMegabytePage(),
      'wall.html': LOGIN_WALL,
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    const pdf = await cli(['ingest', join(dir, 'deal.pdf')]);
    expect(pdf.code, pdf.stderr).toBe(1);
    expect(pdf.stderr).toMatch(/^error: file: "deal\.pdf" is a PDF document/);
    const bin = await cli(['ingest', join(dir, 'image.txt')]);
    expect(bin.code).toBe(1);
    expect(bin.stderr).toMatch(/^error: file: .*binary data/);
    const empty = await cli(['ingest', join(dir, 'empty.txt')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^error: file: "empty\.txt" is empty/);
    const big = await cli(['ingest', join(dir, 'big.html')]);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/^error: file: "big\.html" is 10\.\d MiB, more than 5 MiB/);
    const wall = await cli(['ingest', join(dir, 'wall.html')]);
    expect(wall.code).toBe(1);
    expect(wall.stderr).toMatch(/^error: file: "wall\.html" is a sign-in or subscription page \(a login wall\)/);
    // nothing of the refused files was stored: the seed article is the first one
    const seed = await cli(['ingest', join(ROOT, 'corpus/articles/00-seed-one-second.txt'), '--json']);
    expect(seed.code, seed.stderr).toBe(0);
    expect(JSON.parse(seed.stdout).duplicate).toBe(false);
    const db = await FilmRights.open({ file: join(dir, 'filmrights.db') });
    try {
      expect((await db.store.db.selectFrom('articles').select('id').execute()).length).toBe(1);
      expect((await db.store.db.selectFrom('sources').select('id').execute()).length).toBe(1);
    } finally {
      await db.close();
    }
  });
});
