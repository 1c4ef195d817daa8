import type { FastifyInstance } from 'fastify';
import { SYSTEM } from '../../services/app.js';
import type { FilmRights } from '../../services/app.js';
import { acceptAll, acceptFact, getArticle, ingestArticle, listArticles, rejectFact, type AcceptInput, type ArticleInput } from '../../services/articles.js';
import { editionAcquisitions, titleMarket } from '../../services/marketPicture.js';
import { addFeed, listFeeds, pollDueFeeds, pollFeed, removeFeed } from '../../ingest/feeds.js';
import { MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS } from '../../ingest/intake.js';
import { FACT_TYPES, type FactType } from '../../ingest/types.js';
import { actorOf } from '../auth.js';
import { idParams } from '../schemas.js';

const page = { page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 500 } } as const;
const factParams = { type: 'object', required: ['id', 'factId'], properties: { id: { type: 'string' }, factId: { type: 'string' } } } as const;
type Id = { id: string };
type FactId = { id: string; factId: string };

/**
 * Trade-press articles in, reviewed facts out; the market picture they build;
 * the feeds they come from. Reads need a user, writes an editor (the services
 * check the role).
 */
export function articleRoutes(server: FastifyInstance, app: FilmRights): void {
  server.post(
    '/api/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'Ingest an article (text, html or url): stored once, with its candidate facts',
        description:
          `An article is at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters of text (text: over it is a 400; an HTML page or a URL's page whose article is longer: 413 naming the limit); ` +
          `html, and a fetched page, at most ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB. It is read and its facts extracted in a worker with its own memory and time limits (413 when over one).`,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            text: { type: 'string', maxLength: MAX_ARTICLE_CHARS, description: `the article as text, at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters` },
            html: { type: 'string', maxLength: MAX_ARTICLE_BYTES, description: `the page as HTML; its article at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters once read` },
            url: { type: 'string', maxLength: 2048 },
            outlet: { type: 'string', maxLength: 200 },
            date: { type: 'string', maxLength: 40, description: 'the article date, YYYY-MM-DD (relative dates are read against it)' },
            title: { type: 'string', maxLength: 500 },
          },
        },
      },
    },
    async (req, reply) => {
      const { article, duplicate } = await ingestArticle(app, actorOf(req), req.body as ArticleInput);
      reply.code(duplicate ? 200 : 201);
      return { article, duplicate };
    },
  );
  server.get('/api/articles', { schema: { tags: ['articles'], querystring: { type: 'object', properties: { q: { type: 'string' }, ...page } } } }, async (req) => {
    actorOf(req);
    return listArticles(app, req.query as { q?: string; page?: number; pageSize?: number });
  });
  server.get('/api/articles/:id', { schema: { tags: ['articles'], params: idParams } }, async (req) => getArticle(app, actorOf(req), (req.params as Id).id));
  server.post(
    '/api/articles/:id/facts/:factId/accept',
    {
      schema: {
        tags: ['articles'],
        summary: 'Accept a fact (optionally edited): written through the catalog and contract services with its source span',
        params: factParams,
        body: {
          type: ['object', 'null'],
          properties: { fields: { type: 'object', additionalProperties: true }, override: { type: ['object', 'null'], properties: { reason: { type: 'string' } } } },
        },
      },
    },
    async (req) => {
      const p = req.params as FactId;
      return acceptFact(app, actorOf(req), p.id, p.factId, (req.body ?? {}) as AcceptInput);
    },
  );
  server.post('/api/articles/:id/facts/:factId/reject', { schema: { tags: ['articles'], params: factParams } }, async (req) => {
    const p = req.params as FactId;
    return rejectFact(app, actorOf(req), p.id, p.factId);
  });
  server.post(
    '/api/articles/:id/accept-all',
    {
      schema: {
        tags: ['articles'],
        summary: 'Accept every pending fact (of at least minConfidence, of the given types); answers those that need a person',
        params: idParams,
        body: { type: ['object', 'null'], properties: { minConfidence: { type: 'number', minimum: 0, maximum: 1 }, types: { type: 'array', items: { type: 'string', enum: [...FACT_TYPES] } } } },
      },
    },
    async (req) => {
      const body = (req.body ?? {}) as { minConfidence?: number; types?: FactType[] };
      return acceptAll(app, actorOf(req), (req.params as Id).id, body);
    },
  );

  // the market picture
  server.get('/api/titles/:id/market', { schema: { tags: ['market'], summary: 'Who is reported to hold which rights in a title, per territory, with sources; what is unreported', params: idParams } }, async (req) =>
    titleMarket(app, actorOf(req), (req.params as Id).id),
  );
  server.get('/api/editions/:id/acquisitions', { schema: { tags: ['market'], summary: "A festival or market edition's acquisitions: title, buyer, territories, date, source", params: idParams } }, async (req) =>
    editionAcquisitions(app, actorOf(req), (req.params as Id).id),
  );

  // feeds
  server.get('/api/feeds', { schema: { tags: ['articles'] } }, async (req) => {
    actorOf(req);
    return listFeeds(app);
  });
  server.post(
    '/api/feeds',
    { schema: { tags: ['articles'], body: { type: 'object', required: ['url'], properties: { url: { type: 'string' }, name: { type: 'string' }, outlet: { type: 'string' }, intervalMinutes: { type: 'integer', minimum: 5 } } } } },
    async (req, reply) => {
      reply.code(201);
      return addFeed(app, actorOf(req), req.body as { url: string; name?: string; outlet?: string; intervalMinutes?: number });
    },
  );
  server.post('/api/feeds/:id/poll', { schema: { tags: ['articles'], params: idParams } }, async (req) => pollFeed(app, actorOf(req), (req.params as Id).id));
  server.delete('/api/feeds/:id', { schema: { tags: ['articles'], params: idParams } }, async (req, reply) => {
    await removeFeed(app, actorOf(req), (req.params as Id).id);
    reply.code(204).send();
  });

  // feeds are polled on a schedule while the server runs (FILMRIGHTS_FEEDS=off to disable)
  if (process.env.FILMRIGHTS_FEEDS !== 'off') {
    let timer: NodeJS.Timeout | null = null;
    let running = false;
    const FEED_ACTOR = { ...SYSTEM, id: 'feeds', username: 'feeds' };
    server.addHook('onReady', async () => {
      timer = setInterval(() => {
        if (running) return;
        running = true;
        pollDueFeeds(app, FEED_ACTOR).catch((e) => server.log.warn(e)).finally(() => (running = false));
      }, Number(process.env.FILMRIGHTS_FEED_TICK_MS ?? 60_000));
      timer.unref();
    });
    server.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
    });
  }
}
