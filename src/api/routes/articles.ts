import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SYSTEM } from '../../services/app.js';
import type { FilmRights } from '../../services/app.js';
import {
  acceptAll,
  acceptFact,
  addFact,
  checkSentence,
  getArticle,
  ingestArticle,
  listArticles,
  rejectFact,
} from '../../services/articles.js';
import { editionAcquisitions, titleMarket } from '../../services/marketPicture.js';
import { addFeed, listFeeds, pollDueFeeds, pollFeed, removeFeed } from '../../services/feeds.js';
import { MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS } from '../../ingest/intake.js';
import { FACT_TYPES } from '../../ingest/types.js';
import { FetchError } from '../../ingest/safeFetch.js';
import { actorOf } from '../auth.js';
import { Type } from 'typebox';
import {
  AcceptAllResult,
  AcceptInput,
  AddFactInput,
  ArticleIngested,
  ArticlePage,
  ArticleQuery,
  ArticleView,
  EditionAcquisitions,
  FactParams,
  FactView,
  FeedInput,
  FeedPollResult,
  FeedView,
  IdParams,
  NoContent,
  SentenceCheckInput,
  TitleMarket,
  UnreadSentences,
  acceptAllInput,
  articleInput,
  noBody,
} from '../../contract/index.js';
import { access } from '../access.js';

const ArticleInput = articleInput(MAX_ARTICLE_CHARS, MAX_ARTICLE_BYTES);
const AcceptAllInput = acceptAllInput(FACT_TYPES);

/** What the log keeps of a failed fetch: the network's own words (never sent to the user). */
function fetchLogOf(e: unknown): { reason: string; detail: string } {
  return e instanceof FetchError ? { reason: e.reason, detail: e.detail } : { reason: 'parse', detail: (e as Error)?.message ?? String(e) };
}

/**
 * Trade-press articles in, reviewed facts out; the market picture they build;
 * the feeds they come from. Reads need a user, writes an editor (the services
 * check the role).
 */
export function articleRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
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
        body: ArticleInput,
        response: { '2xx': ArticleIngested },
      },
    },
    async (req, reply) => {
      const { article, duplicate } = await ingestArticle(app, actorOf(req), req.body);
      reply.code(duplicate ? 200 : 201);
      return { article, duplicate };
    },
  );
  server.get(
    '/api/articles',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['articles'], querystring: ArticleQuery, response: { 200: ArticlePage } },
    },
    async (req) => {
      actorOf(req);
      return listArticles(app, req.query);
    },
  );
  server.get(
    '/api/articles/:id',
    { config: access('viewer', 'read'), schema: { tags: ['articles'], params: IdParams, response: { 200: ArticleView } } },
    async (req) => getArticle(app, actorOf(req), req.params.id),
  );
  server.post(
    '/api/articles/:id/facts/:factId/accept',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        summary:
          'Accept a fact (optionally edited): written through the catalog and contract services with its source span; editing a deal price needs the financial-terms permission (else 403)',
        params: FactParams,
        body: AcceptInput,
        response: { 200: FactView },
      },
    },
    async (req) => {
      return acceptFact(app, actorOf(req), req.params.id, req.params.factId, req.body ?? {});
    },
  );
  server.post(
    '/api/articles/:id/facts',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        summary: 'Add a deal, talks or a mandate a person read in a sentence of the article (pending, to review and accept)',
        params: IdParams,
        body: AddFactInput,
        response: { 201: FactView },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return addFact(app, actorOf(req), req.params.id, req.body);
    },
  );
  server.put(
    '/api/articles/:id/sentences',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        summary:
          'Mark a sentence the review lists as not read checked (read: nothing to add), or put it back on the list; answers the listed sentences after',
        params: IdParams,
        body: SentenceCheckInput,
        response: { 200: UnreadSentences },
      },
    },
    async (req) => {
      return checkSentence(app, actorOf(req), req.params.id, req.body);
    },
  );
  server.post(
    '/api/articles/:id/facts/:factId/reject',
    { config: access('editor', 'write'), schema: { tags: ['articles'], params: FactParams, body: noBody, response: { 200: FactView } } },
    async (req) => {
      return rejectFact(app, actorOf(req), req.params.id, req.params.factId);
    },
  );
  server.post(
    '/api/articles/:id/accept-all',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        summary: 'Accept every pending fact (of at least minConfidence, of the given types); answers those that need a person',
        params: IdParams,
        body: AcceptAllInput,
        response: { 200: AcceptAllResult },
      },
    },
    async (req) => {
      const body = req.body ?? {};
      return acceptAll(app, actorOf(req), req.params.id, body);
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
        params: IdParams,
        response: { 200: TitleMarket },
      },
    },
    async (req) => titleMarket(app, actorOf(req), req.params.id),
  );
  server.get(
    '/api/editions/:id/acquisitions',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['market'],
        summary: "A festival or market edition's acquisitions: title, buyer, territories, date, source",
        params: IdParams,
        response: { 200: EditionAcquisitions },
      },
    },
    async (req) => editionAcquisitions(app, actorOf(req), req.params.id),
  );

  // feeds
  server.get(
    '/api/feeds',
    { config: access('viewer', 'read'), schema: { tags: ['articles'], response: { 200: Type.Array(FeedView) } } },
    async (req) => {
      actorOf(req);
      return listFeeds(app);
    },
  );
  server.post(
    '/api/feeds',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['articles'],
        body: FeedInput,
        response: { 201: FeedView },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return addFeed(app, actorOf(req), req.body);
    },
  );
  server.post(
    '/api/feeds/:id/poll',
    {
      config: access('editor', 'write'),
      schema: { tags: ['articles'], params: IdParams, body: noBody, response: { 200: FeedPollResult } },
    },
    async (req) =>
      pollFeed(app, actorOf(req), req.params.id, {
        log: (e, context) => req.log.warn({ context, fetch: fetchLogOf(e) }, 'a feed fetch failed'),
      }),
  );
  server.delete(
    '/api/feeds/:id',
    { config: access('editor', 'write'), schema: { tags: ['articles'], params: IdParams, response: { 204: NoContent } } },
    async (req, reply) => {
      await removeFeed(app, actorOf(req), req.params.id);
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
