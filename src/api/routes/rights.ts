import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import { askAvails, type AvailsInput } from '../../services/avails.js';
import { checkProposedDeal, deleteContract, getContract, restoreContract, saveContract, type BlockInput, type ContractInput } from '../../services/contracts.js';
import { actorOf } from '../auth.js';
import { availsQuestion, blockInput, contractInput, idParams } from '../schemas.js';

/** Contracts, the conflict check and the avails question. */
export function rightsRoutes(server: FastifyInstance, app: FilmRights): void {
  server.post('/api/avails', { schema: { tags: ['rights'], summary: 'Ask an avails question (titles or the whole catalog)', body: availsQuestion } }, async (req) =>
    askAvails(app, actorOf(req), req.body as AvailsInput),
  );

  server.post(
    '/api/conflicts',
    {
      schema: {
        tags: ['rights'],
        summary: 'Check a proposed rights-out deal against what is sold, held and held back',
        body: {
          type: 'object',
          required: ['blocks'],
          properties: { titleIds: { type: 'array', items: { type: 'string' } }, blocks: { type: 'array', items: blockInput }, excludeContractId: { type: 'string' } },
        },
      },
    },
    async (req) => {
      actorOf(req);
      return checkProposedDeal(app, req.body as { titleIds?: string[]; blocks: BlockInput[]; excludeContractId?: string });
    },
  );

  server.get('/api/contracts/:id', { schema: { tags: ['contracts'], params: idParams } }, async (req) => getContract(app, actorOf(req), (req.params as { id: string }).id));

  server.post('/api/contracts', { schema: { tags: ['contracts'], summary: 'Create a contract (refused with 409 when it conflicts, unless overridden with a reason; mg, even null, only with the financial-terms permission, else 403)', body: contractInput } }, async (req, reply) => {
    const result = await saveContract(app, actorOf(req), req.body as ContractInput);
    reply.code(201);
    return { ...result.contract, holds: result.holds };
  });

  server.put('/api/contracts/:id', { schema: { tags: ['contracts'], summary: 'Change a contract (mg absent: unchanged; mg, even null, only with the financial-terms permission, else 403)', params: idParams, body: contractInput } }, async (req) => {
    const result = await saveContract(app, actorOf(req), req.body as ContractInput, (req.params as { id: string }).id);
    return { ...result.contract, holds: result.holds };
  });

  server.post(
    '/api/contracts/:id/restore',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Restore a deleted contract (checked again for conflicts)',
        params: idParams,
        body: { type: ['object', 'null'], properties: { override: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 1 } } } } },
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
    { schema: { tags: ['contracts'], summary: 'Delete a contract (soft: the audit keeps it, restorable)', params: idParams, querystring: { type: 'object', properties: { reason: { type: 'string' } } } } },
    async (req, reply) => {
    await deleteContract(app, actorOf(req), (req.params as { id: string }).id, (req.query as { reason?: string }).reason);
    reply.code(204).send();
  },
  );
}
