import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import { askAvails, type AvailsInput } from '../../services/avails.js';
import {
  checkProposedDeal,
  deleteContract,
  getContract,
  restoreContract,
  saveContract,
  type BlockInput,
  type ContractInput,
} from '../../services/contracts.js';
import { actorOf } from '../auth.js';
import { LINE_MAX, availsQuestion, blockInput, contractInput, id, idParams, list } from '../schemas.js';
import { access } from '../access.js';

/** Contracts, the conflict check and the avails question. */
export function rightsRoutes(server: FastifyInstance, app: FilmRights): void {
  server.post(
    '/api/avails',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['rights'], summary: 'Ask an avails question (titles or the whole catalog)', body: availsQuestion },
    },
    async (req) => askAvails(app, actorOf(req), req.body as AvailsInput),
  );

  server.post(
    '/api/conflicts',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['rights'],
        summary: 'Check a proposed rights-out deal against what is sold, held and held back',
        body: {
          type: 'object',
          required: ['blocks'],
          additionalProperties: false,
          properties: { titleIds: list(id, 500), blocks: list(blockInput, 2_000), excludeContractId: id },
        },
      },
    },
    async (req) => {
      actorOf(req);
      return checkProposedDeal(app, req.body as { titleIds?: string[]; blocks: BlockInput[]; excludeContractId?: string });
    },
  );

  server.get('/api/contracts/:id', { config: access('viewer', 'read'), schema: { tags: ['contracts'], params: idParams } }, async (req) =>
    getContract(app, actorOf(req), (req.params as { id: string }).id),
  );

  server.post(
    '/api/contracts',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['contracts'],
        summary:
          'Create a contract (refused with 409 when it conflicts, unless overridden with a reason; mg, even null, only with the financial-terms permission, else 403)',
        body: contractInput,
      },
    },
    async (req, reply) => {
      const result = await saveContract(app, actorOf(req), req.body as ContractInput);
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
        params: idParams,
        body: contractInput,
      },
    },
    async (req) => {
      const result = await saveContract(app, actorOf(req), req.body as ContractInput, (req.params as { id: string }).id);
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
        params: idParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            override: {
              type: 'object',
              required: ['reason'],
              additionalProperties: false,
              properties: { reason: { type: 'string', minLength: 1, maxLength: LINE_MAX } },
            },
          },
        },
      },
    },
    async (req) => {
      const body = (req.body ?? {}) as { override?: { reason: string } };
      const result = await restoreContract(app, actorOf(req), (req.params as { id: string }).id, body.override);
      return { ...result.contract, holds: result.holds };
    },
  );

  server.delete(
    '/api/contracts/:id',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['contracts'],
        summary: 'Delete a contract (soft: the audit keeps it, restorable)',
        params: idParams,
        querystring: { type: 'object', properties: { reason: { type: 'string', maxLength: LINE_MAX } } },
      },
    },
    async (req, reply) => {
      await deleteContract(app, actorOf(req), (req.params as { id: string }).id, (req.query as { reason?: string }).reason);
      reply.code(204).send();
    },
  );
}
