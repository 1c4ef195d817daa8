import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../domain/errors.js';
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
} from '../../services/users.js';
import { actorOf, SESSION_COOKIE } from '../auth.js';
import { LoginLimiter } from '../loginLimiter.js';
import {
  IdParams,
  CreatedUser,
  NewUser,
  PasswordChange,
  PasswordReset,
  PasswordResetReply,
  User,
  UserChange,
  tokenInput,
  ApiTokenView,
  NoContent,
  ApiTokenCreated,
  ErrorReply,
} from '../../contract/index.js';
import { access } from '../access.js';

const TokenInput = tokenInput(TOKEN_DAYS_MAX, TOKEN_DAYS_DEFAULT);

/** Users (admins only), the caller's own password and the caller's own API tokens. */
export function userRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // guessing the current password through the change form is slowed down like sign-in
  const limiter = new LoginLimiter();

  server.get(
    '/api/users',
    {
      config: access('admin', 'read'),
      schema: { tags: ['users'], summary: 'All users (admins only)', response: { 200: Type.Array(User) } },
    },
    async () => listUsers(app),
  );
  server.post(
    '/api/users',
    {
      config: access('admin', 'session'),
      schema: {
        tags: ['users'],
        summary: 'Create a user (admins only)',
        body: NewUser,
        response: { 201: CreatedUser },
      },
    },
    async (req, reply) => {
      const user = await createUser(app, req.body, actorOf(req));
      reply.code(201);
      return user;
    },
  );
  server.patch(
    '/api/users/:id',
    {
      config: access('admin', 'session'),
      schema: {
        tags: ['users'],
        summary:
          "Change a user's role, disable or re-enable them, or their financial-terms permission (admins only). A new role or disabling ends their sessions; at least one enabled admin must remain",
        params: IdParams,
        body: UserChange,
        response: { 200: User },
      },
    },
    async (req) => updateUser(app, actorOf(req), req.params.id, req.body),
  );
  server.put(
    '/api/users/:id/password',
    {
      config: access('admin', 'session'),
      schema: {
        tags: ['users'],
        summary: "Reset a user's password (admins only): the one given, else a generated one returned once. Ends their sessions",
        params: IdParams,
        body: PasswordReset,
        response: { 200: PasswordResetReply },
      },
    },
    async (req) => {
      const given = req.body?.password;
      const password = given ?? generatePassword();
      await setPassword(app, actorOf(req), req.params.id, password);
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
        body: PasswordChange,
        response: { 204: NoContent, 429: ErrorReply },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { currentPassword, newPassword, revokeTokens } = req.body;
      const key = `${req.ip}|${actor.id}`;
      const wait = limiter.begin(key);
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
        if (!(e instanceof DomainError && e.field === 'currentPassword')) limiter.abandon(key);
        throw e;
      }
      reply.code(204).send();
    },
  );
  server.get(
    '/api/tokens',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['users'], summary: 'Your API tokens', response: { 200: Type.Array(ApiTokenView) } },
    },
    async (req) => listApiTokens(app, actorOf(req)),
  );
  server.post(
    '/api/tokens',
    {
      config: access('viewer', 'session'),
      schema: {
        tags: ['users'],
        summary: 'Create an API token (shown once; signed in, not through an API token); scope "read" cannot write',
        body: TokenInput,
        response: { 201: ApiTokenCreated },
      },
    },
    async (req, reply) => {
      const { scope, name, expiresInDays } = req.body;
      reply.code(201);
      return createApiToken(app, actorOf(req), scope, name, expiresInDays);
    },
  );
  server.delete(
    '/api/tokens/:id',
    {
      config: access('viewer', 'write'),
      schema: { tags: ['users'], summary: 'Revoke an API token', params: IdParams, response: { 204: NoContent } },
    },
    async (req, reply) => {
      await revokeApiToken(app, actorOf(req), req.params.id);
      reply.code(204).send();
    },
  );
}
