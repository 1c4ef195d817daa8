import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FilmRights } from '../../services/app.js';
import {
  changeOfferStatus,
  checkOfferTerms,
  checkParsed,
  counterOffer,
  createOffer,
  diffVersions,
  getOffer,
  HOLD_SWEEPER,
  listOffers,
  sweepExpiredHolds,
} from '../../services/offers/index.js';
import { actorOf } from '../auth.js';
import {
  IdParams,
  OfferCheck,
  OfferCheckQuestion,
  OfferCounterInput,
  OfferDiff,
  OfferDiffParams,
  OfferInput,
  OfferList,
  OfferListParams,
  OfferStatusInput,
  OfferView,
} from '../../contract/index.js';
import { access } from '../access.js';
import { parsedOf } from '../../services/offers/terms.js';

/** Offers and negotiation (docs/offers.md); viewers read, editors and admins change. */
export function offerRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();

  server.get(
    '/api/offers',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['offers'],
        summary: 'Offers, filtered by status, buyer, title and market',
        querystring: OfferListParams,
        response: { 200: OfferList },
      },
    },
    async (req) => listOffers(app, actorOf(req), req.query),
  );

  server.post(
    '/api/offers',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['offers'],
        summary: "Record a buyer's offer (mg and paymentSchedule only with the financial-terms permission, else 403)",
        body: OfferInput,
        response: { 201: OfferView },
      },
    },
    async (req, reply) => {
      const offer = await createOffer(app, actorOf(req), req.body);
      reply.code(201);
      return offer;
    },
  );

  server.post(
    '/api/offers/check',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['offers'],
        summary: 'Check terms live against avails (per title x territory x media) and list the competing offers',
        body: OfferCheckQuestion,
        response: { 200: OfferCheck },
      },
    },
    async (req) => checkOfferTerms(app, actorOf(req), req.body),
  );

  server.get(
    '/api/offers/:id',
    { config: access('viewer', 'read'), schema: { tags: ['offers'], params: IdParams, response: { 200: OfferView } } },
    async (req) => getOffer(app, actorOf(req), req.params.id),
  );

  server.get(
    '/api/offers/:id/check',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['offers'],
        summary: 'The version in force, checked against avails',
        params: IdParams,
        response: { 200: OfferCheck },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const offer = await getOffer(app, actor, req.params.id);
      return checkParsed(app, actor, parsedOf(offer.current), offer.id);
    },
  );

  server.get(
    '/api/offers/:id/diff',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['offers'],
        summary: 'What changed between two versions (money only with the permission)',
        params: IdParams,
        querystring: OfferDiffParams,
        response: { 200: OfferDiff },
      },
    },
    async (req) => diffVersions(app, actorOf(req), req.params.id, req.query.from, req.query.to),
  );

  server.post(
    '/api/offers/:id/versions',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['offers'],
        summary: 'Counter the offer: a new version of its terms (409 when `version` is not the one in force)',
        params: IdParams,
        body: OfferCounterInput,
        response: { 201: OfferView },
      },
    },
    async (req, reply) => {
      const offer = await counterOffer(app, actorOf(req), req.params.id, req.body);
      reply.code(201);
      return offer;
    },
  );

  server.post(
    '/api/offers/:id/status',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['offers'],
        summary:
          'Move the offer along its status flow; accepting places a hold (409 when the rights are not free), signing signs the contract',
        params: IdParams,
        body: OfferStatusInput,
        response: { 200: OfferView },
      },
    },
    async (req) => changeOfferStatus(app, actorOf(req), req.params.id, req.body),
  );

  // expired holds are given their final status on a schedule while the server runs (the read path
  // already ignores them from the day after their expiry); FILMRIGHTS_HOLD_SWEEP=off disables it
  if (process.env.FILMRIGHTS_HOLD_SWEEP !== 'off') {
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> | null = null;
    const sweep = () => {
      if (running) return;
      running = sweepExpiredHolds(app)
        .then(
          (r) => {
            if (r.expired.length) server.log.info({ expired: r.expired, by: HOLD_SWEEPER.username }, 'expired holds ended');
          },
          (e) => server.log.warn(e),
        )
        .finally(() => (running = null));
    };
    server.addHook('onReady', async () => {
      sweep();
      timer = setInterval(sweep, Number(process.env.FILMRIGHTS_HOLD_SWEEP_MS ?? 600_000));
      timer.unref();
    });
    server.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await running;
    });
  }
}
