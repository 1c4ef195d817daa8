import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, FilmRights } from '../services/app.js';
import { UnauthenticatedError } from '../services/errors.js';
import { actorForApiToken, actorForSession } from '../services/users.js';

export const SESSION_COOKIE = 'filmrights_session';

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
