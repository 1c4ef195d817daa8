import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import { getFetchSettings, MAX_ALLOW_HOSTS, setFetchSettings } from '../../services/fetchSettings.js';
import { actorOf } from '../auth.js';

const settings = {
  type: 'object',
  properties: {
    allowHosts: { type: 'array', items: { type: 'string' }, description: 'hosts an admin allows although they are internal' },
    environmentAllowHosts: {
      type: 'array',
      items: { type: 'string' },
      description: 'hosts FILMRIGHTS_FETCH_ALLOW_HOSTS allows (changed only there)',
    },
  },
} as const;

/**
 * The network the server may fetch article pages and feeds from: the public
 * network, plus the hosts named here (an intranet news mirror). Admins only.
 */
export function fetchSettingsRoutes(server: FastifyInstance, app: FilmRights): void {
  server.get(
    '/api/settings/fetch',
    {
      config: { access: { role: 'admin', scope: 'read' } },
      schema: {
        tags: ['settings'],
        summary: 'The hosts pages and feeds may be fetched from although they are internal (admins)',
        response: { 200: settings },
      },
    },
    async (req) => getFetchSettings(app, actorOf(req)),
  );
  server.put(
    '/api/settings/fetch',
    {
      config: { access: { role: 'admin', scope: 'write' } },
      schema: {
        tags: ['settings'],
        summary: 'Name the hosts pages and feeds may be fetched from although they resolve to an internal address (admins)',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['allowHosts'],
          properties: {
            allowHosts: {
              type: 'array',
              maxItems: MAX_ALLOW_HOSTS,
              items: { type: 'string', maxLength: 255 },
              description: 'host names or addresses alone, like news.intranet or 10.0.0.5',
            },
          },
        },
        response: { 200: settings },
      },
    },
    async (req) => setFetchSettings(app, actorOf(req), req.body as { allowHosts: string[] }),
  );
}
