import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FilmRights } from '../../services/app.js';
import { UnauthenticatedError } from '../../services/errors.js';
import { login, logout, SESSION_DAYS } from '../../services/users.js';
import { actorOf, SESSION_COOKIE } from '../auth.js';
import { LoginLimiter } from '../loginLimiter.js';
import { access } from '../access.js';
import { ErrorReply, LoginInput, Session, noBody, NoContent } from '../../contract/index.js';

export function sessionRoutes(fastify: FastifyInstance, app: FilmRights, secureCookies: boolean): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const limiter = new LoginLimiter();
  server.post(
    '/api/auth/login',
    {
      config: access('public', 'write'),
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets an HTTP-only session cookie',
        body: LoginInput,
        response: { 200: Session, 429: ErrorReply },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const key = `${req.ip}|${username}`;
      const wait = limiter.begin(key);
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        return reply
          .code(429)
          .send({ error: 'too-many-attempts', message: `too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} s` });
      }
      try {
        const s = await login(app, username, password);
        limiter.succeeded(key);
        reply.setCookie(SESSION_COOKIE, s.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookies || req.protocol === 'https',
          maxAge: SESSION_DAYS * 86_400,
        });
        return { user: s.actor };
      } catch (e) {
        if (!(e instanceof UnauthenticatedError)) limiter.abandon(key);
        throw e;
      }
    },
  );
  server.post(
    '/api/auth/logout',
    { config: access('public', 'write'), schema: { tags: ['auth'], body: noBody, response: { 204: NoContent } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(app, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.code(204).send();
    },
  );
  server.get('/api/auth/me', { config: access('viewer', 'read'), schema: { tags: ['auth'], response: { 200: Session } } }, async (req) => ({
    user: actorOf(req),
  }));
}
