import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, FilmRights } from '../services/app.js';
import { UnauthenticatedError } from '../services/errors.js';
import { actorForApiToken, actorForSession } from '../services/users.js';
import { enforceDeclared, registerAccess } from './access.js';

export const SESSION_COOKIE = 'filmrights_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * Who is asking (a session cookie or a bearer API token), and whether they may call the matched
 * route: each route declares its role and token scope (src/api/access.ts), and the hooks here hold
 * every request to it before its body is parsed. Register before any route.
 */
export function registerAuth(server: FastifyInstance, app: FilmRights): void {
  server.decorateRequest('actor', null);
  registerAccess(server);
  server.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await actorForApiToken(app, auth.slice(7).trim());
    } else {
      const cookie = req.cookies?.[SESSION_COOKIE];
      if (cookie) req.actor = await actorForSession(app, cookie);
    }
    return enforceDeclared(req, reply, req.actor);
  });
  // A write must carry JSON (or a multipart upload): a cross-site form cannot send application/json
  // without a CORS preflight, which we never grant. The media type is read as a type, not searched for
  // (`text/plain; x=application/json` is text), and a write without a body may name no other type.
  server.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return;
    const header = req.headers['content-type'];
    const essence = (header ?? '').split(';')[0].trim().toLowerCase();
    const hasBody = req.body !== undefined && req.body !== null;
    if ((hasBody || header !== undefined) && essence !== 'application/json' && essence !== 'multipart/form-data') {
      return reply.code(415).send({ error: 'unsupported-media-type', message: 'send JSON (Content-Type: application/json)' });
    }
  });
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
