import type { FastifyInstance } from 'fastify';
import { SYSTEM } from '../../services/app.js';
import type { FilmRights } from '../../services/app.js';
import {
  acceptAll,
  acceptFact,
  getArticle,
  ingestArticle,
  listArticles,
  rejectFact,
  type AcceptInput,
  type ArticleInput,
} from '../../services/articles.js';
import { editionAcquisitions, titleMarket } from '../../services/marketPicture.js';
import { addFeed, listFeeds, pollDueFeeds, pollFeed, removeFeed } from '../../services/feeds.js';
import { MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS } from '../../ingest/intake.js';
import { FACT_TYPES, type FactType } from '../../ingest/types.js';
import { FetchError } from '../../ingest/safeFetch.js';
import { actorOf } from '../auth.js';
import { LINE_MAX, NAME_MAX, date, id, idParams, list, noBody } from '../schemas.js';
import { access } from '../access.js';

const page = { page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 500 } } as const;
const factParams = { type: 'object', required: ['id', 'factId'], properties: { id, factId: id } } as const;
type Id = { id: string };
type FactId = { id: string; factId: string };

/** What the log keeps of a failed fetch: the network's own words (never sent to the user). */
function fetchLogOf(e: unknown): { reason: string; detail: string } {
  return e instanceof FetchError ? { reason: e.reason, detail: e.detail } : { reason: 'parse', detail: (e as Error)?.message ?? String(e) };
}

/**
 * Trade-press articles in, reviewed facts out; the market picture they build;
 * the feeds they come from. Reads need a user, writes an editor (the services
 * check the role).
 */
export function articleRoutes(server: FastifyInstance, app: FilmRights): void {
  server.post(
    '/api/articles',
    {
      config: access('editor', 'write'),
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
            text: {
              type: 'string',
              maxLength: MAX_ARTICLE_CHARS,
              description: `the article as text, at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters`,
            },
            html: {
              type: 'string',
              maxLength: MAX_ARTICLE_BYTES,
              description: `the page as HTML; its article at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters once read`,
            },
            url: { type: 'string', maxLength: 2048 },
            outlet: { type: 'string', maxLength: 200 },
            date: { ...date, description: 'the article date, YYYY-MM-DD (relative dates are read against it)' },
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
  server.get(
    '/api/articles',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['articles'], querystring: { type: 'object', properties: { q: { type: 'string' }, ...page } } },
    },
    async (req) => {
      actorOf(req);
      return listArticles(app, req.query as { q?: string; page?: number; pageSize?: number });
    },
  );
  server.get('/api/articles/:id', { config: access('viewer', 'read'), schema: { tags: ['articles'], params: idParams } }, async (req) =>
    getArticle(app, actorOf(req), (req.params as Id).id),
  );
  server.post(
    '/api/articles/:id/facts/:factId/accept',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        summary:
          'Accept a fact (optionally edited): written through the catalog and contract services with its source span; editing a deal price needs the financial-terms permission (else 403)',
        params: factParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            fields: {
              type: 'object',
              maxProperties: 100,
              description: "edited fields, merged over the extracted ones (names as the fact's fields)",
              // a value, a list of names, or a small record such as a price {amount, currency}
              additionalProperties: {
                anyOf: [
                  { type: 'string', maxLength: LINE_MAX },
                  { type: 'number' },
                  { type: 'boolean' },
                  { type: 'null' },
                  list({ type: 'string', maxLength: LINE_MAX }, 500),
                  {
                    type: 'object',
                    maxProperties: 20,
                    additionalProperties: {
                      anyOf: [{ type: 'string', maxLength: LINE_MAX }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }],
                    },
                  },
                ],
              },
            },
            override: {
              type: ['object', 'null'],
              additionalProperties: false,
              required: ['reason'],
              properties: { reason: { type: 'string', minLength: 1, maxLength: LINE_MAX } },
            },
          },
        },
      },
    },
    async (req) => {
      const p = req.params as FactId;
      return acceptFact(app, actorOf(req), p.id, p.factId, (req.body ?? {}) as AcceptInput);
    },
  );
  server.post(
    '/api/articles/:id/facts/:factId/reject',
    { config: access('editor', 'write'), schema: { tags: ['articles'], params: factParams, body: noBody } },
    async (req) => {
      const p = req.params as FactId;
      return rejectFact(app, actorOf(req), p.id, p.factId);
    },
  );
  server.post(
    '/api/articles/:id/accept-all',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        summary: 'Accept every pending fact (of at least minConfidence, of the given types); answers those that need a person',
        params: idParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            minConfidence: { type: 'number', minimum: 0, maximum: 1 },
            types: list({ type: 'string', enum: [...FACT_TYPES] }, 20),
          },
        },
      },
    },
    async (req) => {
      const body = (req.body ?? {}) as { minConfidence?: number; types?: FactType[] };
      return acceptAll(app, actorOf(req), (req.params as Id).id, body);
    },
  );

  // the market picture
  server.get(
    '/api/titles/:id/market',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['market'],
        summary: 'Who is reported to hold which rights in a title, per territory, with sources; what is unreported',
        params: idParams,
      },
    },
    async (req) => titleMarket(app, actorOf(req), (req.params as Id).id),
  );
  server.get(
    '/api/editions/:id/acquisitions',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['market'],
        summary: "A festival or market edition's acquisitions: title, buyer, territories, date, source",
        params: idParams,
      },
    },
    async (req) => editionAcquisitions(app, actorOf(req), (req.params as Id).id),
  );

  // feeds
  server.get('/api/feeds', { config: access('viewer', 'read'), schema: { tags: ['articles'] } }, async (req) => {
    actorOf(req);
    return listFeeds(app);
  });
  server.post(
    '/api/feeds',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        body: {
          type: 'object',
          required: ['url'],
          additionalProperties: false,
          properties: {
            url: { type: 'string', minLength: 1, maxLength: LINE_MAX },
            name: { type: 'string', maxLength: NAME_MAX },
            outlet: { type: 'string', maxLength: NAME_MAX },
            intervalMinutes: { type: 'integer', minimum: 5, maximum: 10_080 },
          },
        },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return addFeed(app, actorOf(req), req.body as { url: string; name?: string; outlet?: string; intervalMinutes?: number });
    },
  );
  server.post(
    '/api/feeds/:id/poll',
    { config: access('editor', 'write'), schema: { tags: ['articles'], params: idParams, body: noBody } },
    async (req) =>
      pollFeed(app, actorOf(req), (req.params as Id).id, {
        log: (e, context) => req.log.warn({ context, fetch: fetchLogOf(e) }, 'a feed fetch failed'),
      }),
  );
  server.delete(
    '/api/feeds/:id',
    { config: access('editor', 'write'), schema: { tags: ['articles'], params: idParams } },
    async (req, reply) => {
      await removeFeed(app, actorOf(req), (req.params as Id).id);
      reply.code(204).send();
    },
  );

  // feeds are polled on a schedule while the server runs (FILMRIGHTS_FEEDS=off to disable)
  if (process.env.FILMRIGHTS_FEEDS !== 'off') {
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> | null = null;
    const FEED_ACTOR = { ...SYSTEM, id: 'feeds', username: 'feeds' };
    server.addHook('onReady', async () => {
      timer = setInterval(
        () => {
          if (running) return;
          running = pollDueFeeds(app, FEED_ACTOR, Date.now(), {
            log: (e, context) => server.log.warn({ context, fetch: fetchLogOf(e) }, 'a scheduled feed fetch failed'),
          })
            .then(
              () => undefined,
              (e) => server.log.warn(e),
            )
            .finally(() => (running = null));
        },
        Number(process.env.FILMRIGHTS_FEED_TICK_MS ?? 60_000),
      );
      timer.unref();
    });
    // on shutdown: no new poll, and the one running finishes before the database closes
    server.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await running;
    });
  }
}
