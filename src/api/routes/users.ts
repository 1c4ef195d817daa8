import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { USER_ROLES } from '../../store/index.js';
import type { FilmRights } from '../../services/app.js';
import {
  changeOwnPassword,
  createApiToken,
  createUser,
  generatePassword,
  listApiTokens,
  listUsers,
  revokeApiToken,
  setPassword,
  updateUser,
  TOKEN_DAYS_DEFAULT,
  TOKEN_DAYS_MAX,
  type NewUser,
  type UserChange,
} from '../../services/users.js';
import { actorOf, SESSION_COOKIE } from '../auth.js';
import { LoginLimiter } from '../loginLimiter.js';
import { idParams } from '../schemas.js';
import { access } from '../access.js';

const user = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string', enum: [...USER_ROLES] },
    canSeeFinancials: { type: 'boolean' },
    disabled: { type: 'boolean' },
  },
} as const;

/** Users (admins only), the caller's own password and the caller's own API tokens. */
export function userRoutes(server: FastifyInstance, app: FilmRights): void {
  // guessing the current password through the change form is slowed down like sign-in
  const limiter = new LoginLimiter();

  server.get('/api/users', { config: access('admin', 'read'), schema: { tags: ['users'], summary: 'All users (admins only)' } }, async () =>
    listUsers(app),
  );
  server.post(
    '/api/users',
    {
      config: access('admin', 'write'),
      schema: {
        tags: ['users'],
        summary: 'Create a user (admins only)',
        body: {
          type: 'object',
          required: ['username', 'password', 'role'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 200 },
            password: { type: 'string', maxLength: 1024 },
            role: { type: 'string', enum: [...USER_ROLES] },
            canSeeFinancials: { type: 'boolean' },
          },
        },
      },
    },
    async (req, reply) => {
      const user = await createUser(app, req.body as NewUser, actorOf(req));
      reply.code(201);
      return user;
    },
  );
  server.patch(
    '/api/users/:id',
    {
      config: access('admin', 'write'),
      schema: {
        tags: ['users'],
        summary:
          "Change a user's role, disable or re-enable them, or their financial-terms permission (admins only). A new role or disabling ends their sessions; at least one enabled admin must remain",
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            role: { type: 'string', enum: [...USER_ROLES] },
            disabled: { type: 'boolean', description: 'true: cannot sign in, sessions end, API tokens refused' },
            canSeeFinancials: { type: 'boolean' },
          },
        },
        response: { 200: user },
      },
    },
    async (req) => updateUser(app, actorOf(req), (req.params as { id: string }).id, req.body as UserChange),
  );
  server.put(
    '/api/users/:id/password',
    {
      config: access('admin', 'write'),
      schema: {
        tags: ['users'],
        summary: "Reset a user's password (admins only): the one given, else a generated one returned once. Ends their sessions",
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { password: { type: 'string', maxLength: 1024, description: 'at least 10 characters; absent: generated' } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              generated: { type: 'boolean' },
              password: { type: 'string', description: 'the generated password, only when generated' },
            },
          },
        },
      },
    },
    async (req) => {
      const given = (req.body as { password?: string } | undefined)?.password;
      const password = given ?? generatePassword();
      await setPassword(app, actorOf(req), (req.params as { id: string }).id, password);
      return given === undefined ? { generated: true, password } : { generated: false };
    },
  );
  server.post(
    '/api/auth/password',
    {
      config: access('viewer', 'write'),
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (any signed-in user, not through a read-only API token). Your other sessions end',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: {
            currentPassword: { type: 'string', maxLength: 1024 },
            newPassword: { type: 'string', maxLength: 1024, description: 'at least 10 characters' },
            revokeTokens: {
              type: 'boolean',
              default: false,
              description: 'also revoke every API token you have (do this when the password may have leaked)',
            },
          },
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { currentPassword, newPassword, revokeTokens } = req.body as {
        currentPassword: string;
        newPassword: string;
        revokeTokens?: boolean;
      };
      const key = `${req.ip}|${actor.id}`;
      const wait = limiter.retryAfter(key);
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        return reply.code(429).send({
          error: 'too-many-attempts',
          message: `too many wrong passwords; try again in ${Math.ceil(wait / 1000)} s`,
          field: 'currentPassword',
        });
      }
      try {
        await changeOwnPassword(
          app,
          actor,
          currentPassword,
          newPassword,
          req.headers.authorization ? undefined : req.cookies[SESSION_COOKIE],
          { revokeTokens },
        );
        limiter.succeeded(key);
      } catch (e) {
        if (e instanceof DomainError && e.field === 'currentPassword') limiter.failed(key);
        throw e;
      }
      reply.code(204).send();
    },
  );
  server.get('/api/tokens', { config: access('viewer', 'read'), schema: { tags: ['users'], summary: 'Your API tokens' } }, async (req) =>
    listApiTokens(app, actorOf(req)),
  );
  server.post(
    '/api/tokens',
    {
      config: access('viewer', 'write'),
      schema: {
        tags: ['users'],
        summary: 'Create an API token (shown once); scope "read" cannot write',
        body: {
          type: 'object',
          required: ['scope'],
          additionalProperties: false,
          properties: {
            scope: { type: 'string', enum: ['read', 'write'] },
            name: { type: 'string', maxLength: 200 },
            expiresInDays: {
              type: 'integer',
              minimum: 1,
              maximum: TOKEN_DAYS_MAX,
              default: TOKEN_DAYS_DEFAULT,
              description: 'the token stops working after this many days',
            },
          },
        },
      },
    },
    async (req, reply) => {
      const { scope, name, expiresInDays } = req.body as { scope: 'read' | 'write'; name?: string; expiresInDays?: number };
      reply.code(201);
      return createApiToken(app, actorOf(req), scope, name, expiresInDays);
    },
  );
  server.delete(
    '/api/tokens/:id',
    { config: access('viewer', 'write'), schema: { tags: ['users'], summary: 'Revoke an API token', params: idParams } },
    async (req, reply) => {
      await revokeApiToken(app, actorOf(req), (req.params as { id: string }).id);
      reply.code(204).send();
    },
  );
}
