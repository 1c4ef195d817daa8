import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FilmRights } from '../../services/app.js';
import { getFetchSettings, MAX_ALLOW_HOSTS, setFetchSettings } from '../../services/fetchSettings.js';
import { actorOf } from '../auth.js';
import { FetchSettings, fetchSettingsInput } from '../../contract/index.js';

const FetchSettingsInput = fetchSettingsInput(MAX_ALLOW_HOSTS);

/**
 * The network the server may fetch article pages and feeds from: the public
 * network, plus the hosts named here (an intranet news mirror). Admins only.
 */
export function fetchSettingsRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  server.get(
    '/api/settings/fetch',
    {
      config: { access: { role: 'admin', scope: 'read' } },
      schema: {
        tags: ['settings'],
        summary: 'The hosts pages and feeds may be fetched from although they are internal (admins)',
        response: { 200: FetchSettings },
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
        body: FetchSettingsInput,
        response: { 200: FetchSettings },
      },
    },
    async (req) => setFetchSettings(app, actorOf(req), req.body),
  );
}
