/**
 * Prometheus metrics (prom-client), read at GET /api/metrics by an admin:
 *
 * - filmrights_http_request_duration_seconds{route, method, status_class}: every request, by the
 *   matched route's pattern (`/api/titles/:id`, never the raw URL: ids and queries would make a
 *   series per record); `unmatched` for requests no route took;
 * - filmrights_write_duration_seconds{route, method}: POST, PUT, PATCH and DELETE (a deal's save
 *   includes its own conflict check);
 * - filmrights_avails_question_duration_seconds{route}: avails questions (POST /api/avails, a
 *   title's map) that were answered;
 * - filmrights_conflict_check_duration_seconds{route}: the deal editor's conflict check
 *   (POST /api/conflicts) when answered;
 * - filmrights_rights_index_titles, _blocks, filmrights_rights_index_build_seconds,
 *   filmrights_rights_index_built_timestamp_seconds: the in-memory index and its last full build;
 * - filmrights_change_feed_position, _head, _lag (changes), _lag_seconds: this server's place in the
 *   rights change feed against the database's end of it;
 * - the process's own (CPU, memory, event-loop delay, GC), once per process.
 * Each server has its own registry, so two servers in one process (tests) do not mix their counts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { FilmRights } from '../services/app.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AVAILS_ROUTES = new Set(['POST /api/avails', 'GET /api/titles/:id/map']);
const CONFLICT_ROUTES = new Set(['POST /api/conflicts']);
/** Seconds: from a cached lookup (a few ms) to a catalog-wide question or a large import. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

let processRegistry: Registry | undefined;
/** The process's metrics (collected once per process, whatever the number of servers in it). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'route' | 'method' | 'status_class'>;
  private readonly writes: Histogram<'route' | 'method'>;
  private readonly avails: Histogram<'route'>;
  private readonly conflicts: Histogram<'route'>;
  private readonly gauges: Record<'titles' | 'blocks' | 'buildSeconds' | 'builtAt' | 'position' | 'head' | 'lag' | 'lagSeconds', Gauge>;

  constructor(private readonly app: FilmRights) {
    const registers = [this.registry];
    this.requests = new Histogram({
      name: 'filmrights_http_request_duration_seconds',
      help: 'HTTP requests by matched route pattern, method and status class',
      labelNames: ['route', 'method', 'status_class'],
      buckets: BUCKETS,
      registers,
    });
    this.writes = new Histogram({
      name: 'filmrights_write_duration_seconds',
      help: 'Writes (POST, PUT, PATCH, DELETE) by route and method, whatever their outcome',
      labelNames: ['route', 'method'],
      buckets: BUCKETS,
      registers,
    });
    this.avails = new Histogram({
      name: 'filmrights_avails_question_duration_seconds',
      help: 'Avails questions answered (POST /api/avails, a title map)',
      labelNames: ['route'],
      buckets: BUCKETS,
      registers,
    });
    this.conflicts = new Histogram({
      name: 'filmrights_conflict_check_duration_seconds',
      help: "Conflict checks answered (the deal editor's POST /api/conflicts; a deal save's own check is inside its write)",
      labelNames: ['route'],
      buckets: BUCKETS,
      registers,
    });
    const gauge = (name: string, help: string) => new Gauge({ name, help, registers });
    this.gauges = {
      titles: gauge('filmrights_rights_index_titles', 'Titles in the in-memory rights index'),
      blocks: gauge('filmrights_rights_index_blocks', 'Rights blocks in the in-memory rights index'),
      buildSeconds: gauge('filmrights_rights_index_build_seconds', 'How long the last full build of the rights index took'),
      builtAt: gauge('filmrights_rights_index_built_timestamp_seconds', 'When the rights index was last fully built (Unix time)'),
      position: gauge('filmrights_change_feed_position', "The last rights change applied to this server's index (sequence number)"),
      head: gauge('filmrights_change_feed_head', 'The last rights change in the database (sequence number)'),
      lag: gauge('filmrights_change_feed_lag', "Rights changes in the database not yet applied to this server's index"),
      lagSeconds: gauge('filmrights_change_feed_lag_seconds', 'How long the oldest unapplied rights change has waited (0 when none)'),
    };
  }

  /** Records a finished request (an onResponse hook). */
  observe(req: FastifyRequest, reply: FastifyReply): void {
    const route = req.routeOptions.url ?? 'unmatched';
    const method = req.method;
    const seconds = reply.elapsedTime / 1000;
    const status = reply.statusCode;
    this.requests.observe({ route, method, status_class: `${Math.floor(status / 100)}xx` }, seconds);
    if (WRITE_METHODS.has(method)) this.writes.observe({ route, method }, seconds);
    if (status < 400) {
      const key = `${method} ${route}`;
      if (AVAILS_ROUTES.has(key)) this.avails.observe({ route }, seconds);
      if (CONFLICT_ROUTES.has(key)) this.conflicts.observe({ route }, seconds);
    }
  }

  /** The exposition text: the gauges read now, then every series of this server and the process. */
  async render(): Promise<{ contentType: string; body: string }> {
    const g = this.gauges;
    g.titles.set(this.app.index.titleCount);
    g.blocks.set(this.app.index.blockCount);
    const build = this.app.lastIndexBuild;
    if (build) {
      g.buildSeconds.set(build.ms / 1000);
      g.builtAt.set(Date.parse(build.at) / 1000);
    }
    const feed = await this.app.feedStatus();
    g.position.set(feed.position);
    g.head.set(feed.head);
    g.lag.set(feed.lag);
    g.lagSeconds.set(feed.lagSeconds);
    const merged = Registry.merge([this.registry, processMetrics()]);
    return { contentType: this.registry.contentType, body: await merged.metrics() };
  }
}

/** Measures every request from here on: call before the routes are added. */
export function registerMetrics(server: FastifyInstance, app: FilmRights): ServerMetrics {
  const metrics = new ServerMetrics(app);
  server.addHook('onResponse', async (req, reply) => metrics.observe(req, reply));
  return metrics;
}
