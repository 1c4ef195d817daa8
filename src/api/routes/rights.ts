import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FilmRights } from '../../services/app.js';
import { askAvails } from '../../services/avails.js';
import {
  checkProposedDeal,
  deleteContract,
  getContract,
  restoreContract,
  reviewDealSource,
  saveContract,
} from '../../services/contracts.js';
import { actorOf } from '../auth.js';
import {
  AVAILS_PAGE_DEFAULT,
  AvailsAnswer,
  AvailsInput,
  ConflictQuestion,
  ConflictReport,
  Contract,
  ContractInput,
  DealSource,
  DealSourceParams,
  DealSourceReview,
  DeleteContractQuery,
  IdParams,
  RestoreInput,
  SavedContract,
  NoContent,
} from '../../contract/index.js';
import { access } from '../access.js';

/** Contracts, the conflict check and the avails question. */
export function rightsRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  server.post(
    '/api/avails',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['rights'],
        summary: 'Ask an avails question (titles, or the whole catalog a page of titles at a time: limit, cursor)',
        body: AvailsInput,
        response: { 200: AvailsAnswer },
      },
    },
    // the catalog-wide answer comes a page at a time: a client is never sent the whole catalog at once
    async (req) =>
      askAvails(app, actorOf(req), req.body.titles?.length ? req.body : { ...req.body, limit: req.body.limit ?? AVAILS_PAGE_DEFAULT }),
  );

  server.post(
    '/api/conflicts',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['rights'],
        summary: 'Check a proposed rights-out deal against what is sold, held and held back',
        body: ConflictQuestion,
        response: { 200: ConflictReport },
      },
    },
    async (req) => {
      actorOf(req);
      return checkProposedDeal(app, req.body);
    },
  );

  server.get(
    '/api/contracts/:id',
    { config: access('viewer', 'read'), schema: { tags: ['contracts'], params: IdParams, response: { 200: Contract } } },
    async (req) => getContract(app, actorOf(req), req.params.id),
  );

  server.post(
    '/api/contracts',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['contracts'],
        summary:
          'Create a contract (refused with 409 when it conflicts, unless overridden with a reason; mg, even null, only with the financial-terms permission, else 403)',
        body: ContractInput,
        response: { 201: SavedContract },
      },
    },
    async (req, reply) => {
      const result = await saveContract(app, actorOf(req), req.body);
      reply.code(201);
      return { ...result.contract, holds: result.holds };
    },
  );

  server.put(
    '/api/contracts/:id',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['contracts'],
        summary: 'Change a contract (mg absent: unchanged; mg, even null, only with the financial-terms permission, else 403)',
        params: IdParams,
        body: ContractInput,
        response: { 200: SavedContract },
      },
    },
    async (req) => {
      const result = await saveContract(app, actorOf(req), req.body, req.params.id);
      return { ...result.contract, holds: result.holds };
    },
  );

  server.post(
    '/api/contracts/:id/restore',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['contracts'],
        summary: 'Restore a deleted contract (checked again for conflicts)',
        params: IdParams,
        body: RestoreInput,
        response: { 200: SavedContract },
      },
    },
    async (req) => {
      const body = req.body ?? {};
      const result = await restoreContract(app, actorOf(req), req.params.id, body.override);
      return { ...result.contract, holds: result.holds };
    },
  );

  server.post(
    '/api/contracts/:id/sources/:linkId/review',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['contracts'],
        summary:
          'Mark a source of the deal reviewed by you ({reviewed: true}), or back to not yet reviewed ({reviewed: false}, the undo); a source whose article holds the deal fact, pending, is reviewed in the article (400 review-in-article)',
        params: DealSourceParams,
        body: DealSourceReview,
        response: { 200: DealSource },
      },
    },
    async (req) => reviewDealSource(app, actorOf(req), req.params.id, req.params.linkId, req.body.reviewed),
  );

  server.delete(
    '/api/contracts/:id',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['contracts'],
        summary: 'Delete a contract (soft: the audit keeps it, restorable)',
        params: IdParams,
        querystring: DeleteContractQuery,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await deleteContract(app, actorOf(req), req.params.id, req.query.reason);
      reply.code(204).send();
    },
  );
}
