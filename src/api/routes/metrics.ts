import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import { requireAdmin } from '../../services/access.js';
import { actorOf } from '../auth.js';
import { access } from '../access.js';
import { fileAnswer } from '../../contract/index.js';
import type { ServerMetrics } from '../metrics.js';

/** Prometheus metrics: admins only (a session, or an admin's API token; a read-only token will do). */
export function metricsRoutes(server: FastifyInstance, _app: FilmRights, metrics: ServerMetrics): void {
  server.get(
    '/api/metrics',
    {
      config: access('admin', 'read'),
      logLevel: 'warn', // scraped every few seconds
      schema: {
        tags: ['operations'],
        summary:
          'Prometheus metrics (text exposition format): request, avails, conflict-check and write latency, the rights index, the change feed (admins)',
        produces: ['text/plain'],
        response: { 200: fileAnswer('the metrics, in the Prometheus text exposition format', ['text/plain']) },
      },
    },
    async (req, reply) => {
      requireAdmin(actorOf(req));
      const { contentType, body } = await metrics.render();
      reply.header('content-type', contentType).header('cache-control', 'no-store');
      return body;
    },
  );
}
