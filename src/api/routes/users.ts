import type { FastifyInstance } from 'fastify';
import { USER_ROLES } from '../../store/index.js';
import type { FilmRights } from '../../services/app.js';
import { requireAdmin } from '../../services/access.js';
import { createApiToken, createUser, listApiTokens, listUsers, revokeApiToken, type NewUser } from '../../services/users.js';
import { actorOf } from '../auth.js';
import { idParams } from '../schemas.js';

/** Users (admins only) and the caller's own API tokens. */
export function userRoutes(server: FastifyInstance, app: FilmRights): void {
  server.get('/api/users', { schema: { tags: ['users'], summary: 'All users (admins only)' } }, async (req) => {
    requireAdmin(actorOf(req));
    return listUsers(app);
  });
  server.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admins only)',
        body: {
          type: 'object',
          required: ['username', 'password', 'role'],
          properties: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', enum: [...USER_ROLES] }, canSeeFinancials: { type: 'boolean' } },
        },
      },
    },
    async (req, reply) => {
      const user = await createUser(app, req.body as NewUser, actorOf(req));
      reply.code(201);
      return user;
    },
  );
  server.get('/api/tokens', { schema: { tags: ['users'], summary: 'Your API tokens' } }, async (req) => listApiTokens(app, actorOf(req)));
  server.post(
    '/api/tokens',
    { schema: { tags: ['users'], summary: 'Create an API token (shown once); scope "read" cannot write', body: { type: 'object', required: ['scope'], properties: { scope: { type: 'string', enum: ['read', 'write'] }, name: { type: 'string' } } } } },
    async (req, reply) => {
      const { scope, name } = req.body as { scope: 'read' | 'write'; name?: string };
      reply.code(201);
      return createApiToken(app, actorOf(req), scope, name);
    },
  );
  server.delete('/api/tokens/:id', { schema: { tags: ['users'], summary: 'Revoke an API token', params: idParams } }, async (req, reply) => {
    await revokeApiToken(app, actorOf(req), (req.params as { id: string }).id);
    reply.code(204).send();
  });
}
