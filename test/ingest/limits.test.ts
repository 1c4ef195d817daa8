/**
 * A long article must not hold the server: its facts are extracted in a
 * worker while every other request is answered, and an article over the
 * size limit is refused naming the limit.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { MAX_ARTICLE_CHARS } from '../../src/ingest/intake.js';
import { FilmRights } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';
import { databases } from '../support/databases.js';
import { longArticle } from '../support/longArticle.js';

const PASSWORD = 'correct horse battery';
describe('article limits', () => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let editor: string;

  beforeAll(async () => {
    const location = await databases[0].create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'eva', password: PASSWORD } });
    editor = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const post = (payload: Record<string, string>) =>
    server.inject({ method: 'POST', url: '/api/articles', headers: { cookie: editor }, payload });

  it('extracts an article at the size limit in a worker while the server answers other requests', async () => {
    const text = longArticle(MAX_ARTICLE_CHARS);
    expect(text.length).toBeGreaterThan(MAX_ARTICLE_CHARS - 2_000);
    let done = false;
    const ingest = post({ text, date: '2024-01-01' }).finally(() => (done = true));
    let answeredDuring = 0;
    while (!done) {
      const me = await server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: editor } });
      expect(me.statusCode).toBe(200);
      if (!done) answeredDuring++;
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await ingest;
    expect(res.statusCode).toBe(201);
    expect(res.json().article.facts.length).toBeGreaterThan(100);
    // answered while the extraction ran, not after it
    expect(answeredDuring).toBeGreaterThan(5);
  });

  it('refuses text over the limit with a 400 naming the limit', async () => {
    const res = await post({ text: 'x'.repeat(MAX_ARTICLE_CHARS + 1) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid', field: 'text' });
    expect(res.json().message).toBe('text: at most 200,000 characters');
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/articles'].post.requestBody.content['application/json'].schema.properties.text.maxLength).toBe(
      MAX_ARTICLE_CHARS,
    );
  });

  it('refuses an HTML page whose article is over the limit with a 413 naming the limit', async () => {
    const paragraphs = longArticle(MAX_ARTICLE_CHARS + 30_000)
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('\n');
    const res = await post({ html: `<html><head><title>Long read</title></head><body><article>${paragraphs}</article></body></html>` });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'too-large', field: 'html' });
    expect(res.json().message).toMatch(
      /html: the article is [\d,]+ characters long once read from the html, more than 200,000 \(the limit of one article\)/,
    );
  });
});
