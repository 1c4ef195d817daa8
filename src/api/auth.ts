import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, FilmRights } from '../services/app.js';
import { UnauthenticatedError } from '../services/errors.js';
import { actorForApiToken, actorForSession } from '../services/users.js';

export const SESSION_COOKIE = 'filmrights_session';
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** Routes open without a login. */
const PUBLIC = new Set(['/api/auth/login', '/api/auth/logout', '/api/openapi.json']);
/** A user's own API tokens and own password: any signed-in user, but not through a read-only token. */
const isSelfService = (path: string) => path === '/api/tokens' || path.startsWith('/api/tokens/') || path === '/api/auth/password';
/** Questions asked with POST: any signed-in user. */
const isReadPost = (path: string) => path === '/api/avails' || path.startsWith('/api/avails/') || path === '/api/conflicts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Who is asking: a session cookie or a bearer API token. Routes call `actorOf(req)` to require one. */
export function registerAuth(server: FastifyInstance, app: FilmRights): void {
  server.decorateRequest('actor', null);
  server.addHook('onRequest', async (req: FastifyRequest) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await actorForApiToken(app, auth.slice(7).trim());
      return;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) req.actor = await actorForSession(app, cookie);
  });
  // Every route under /api needs a signed-in user, and every write an editor or an admin (with a token
  // that may write), checked before the body is looked at; the services check again (defence in depth).
  server.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC.has(path) || path.startsWith('/api/docs')) return;
    if (!req.actor) return reply.code(401).send({ error: 'unauthenticated', message: 'sign in first' });
    if (!WRITE_METHODS.includes(req.method) || isReadPost(path)) return;
    if (req.actor.readOnly) return reply.code(403).send({ error: 'forbidden', message: 'this API token is read-only' });
    if (isSelfService(path)) return;
    if (req.actor.role !== 'editor' && req.actor.role !== 'admin') {
      return reply.code(403).send({ error: 'forbidden', message: `${req.actor.username} is a ${req.actor.role}: only editors and admins can change data` });
    }
  });
  // CSRF: the session cookie is SameSite=Strict, and a write must carry JSON
  // (a cross-site form cannot send application/json without a CORS preflight, which we never grant).
  server.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && req.body !== undefined && req.body !== null) {
      const type = req.headers['content-type'] ?? '';
      if (!type.includes('application/json') && !type.includes('multipart/form-data')) {
        reply.code(415).send({ error: 'unsupported-media-type', message: 'send JSON (Content-Type: application/json)' });
      }
    }
  });
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
