/**
 * The HTTP server: the REST API (validated by JSON schemas, described by the
 * OpenAPI document at /api/openapi.json, browsable at /api/docs) and the web
 * app's static files, in one Fastify instance.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { FilmRights } from '../services/app.js';
import { defaultSnapshotFile } from '../services/indexSnapshot.js';
import { ensureAdmin } from '../services/users.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { registerFinancialFilter } from './financial.js';
import { registerRoutes } from './routes/index.js';
import { access } from './access.js';
import { VERSION } from '../version.js';
import { loggerOptions, type LogSettings } from './logging.js';
import { registerMetrics } from './metrics.js';
import { plainSerializer, registerResponseCheck } from './responseCheck.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';

export interface ServerOptions {
  port?: number;
  host?: string;
  /** PostgreSQL URL; default env DATABASE_URL. */
  url?: string;
  /** SQLite file; default env FILMRIGHTS_DB, else ./data/filmrights.db. */
  file?: string;
  /** Load the demo data when the catalog is empty. */
  demo?: boolean;
  /** The first admin's password (else FILMRIGHTS_ADMIN_PASSWORD, else generated and printed once). */
  adminPassword?: string;
  /** JSON logs (src/api/logging.ts): true for stdout at env LOG_LEVEL (default info), or where and how much. Default: none. */
  logger?: boolean | LogSettings;
  /** Mark cookies Secure even when a request did not come over HTTPS. Default: env FILMRIGHTS_SECURE_COOKIES=1. (A request over HTTPS, or through a trusted proxy that says so, always gets Secure cookies.) */
  secureCookies?: boolean;
  /**
   * Which proxies to believe about the client's address and protocol (X-Forwarded-For, -Proto):
   * Fastify's trustProxy. Default: env FILMRIGHTS_TRUST_PROXY: "true" (any), or a comma-separated
   * list of the proxies' addresses or CIDR ranges ("127.0.0.1,10.0.0.0/8"). Unset: none.
   */
  trustProxy?: boolean | string[];
  /**
   * Check every JSON answer against its route's declared response schema; a mismatch is a 500
   * `response-shape` naming the route and the field (src/api/responseCheck.ts). For tests: default
   * env FILMRIGHTS_VALIDATE_RESPONSES=1 (set by the test configuration, never in production).
   */
  validateResponses?: boolean;
  /**
   * The rights index snapshot the server starts from and writes (docs/deploy.md, "Index snapshot"):
   * a file, or false for none. Default: env FILMRIGHTS_INDEX_SNAPSHOT, else beside the SQLite file.
   */
  indexSnapshot?: string | false;
}

/** The request validator's options: one error at a time (allErrors invites a DoS), with its schema and value. */
export const AJV_OPTIONS = { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: false, verbose: true } as const;

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** FILMRIGHTS_TRUST_PROXY as Fastify's trustProxy. */
export function trustProxyFromEnv(value = process.env.FILMRIGHTS_TRUST_PROXY): boolean | string[] {
  const v = value?.trim();
  if (!v || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

export async function buildServer(
  app: FilmRights,
  opts: Pick<ServerOptions, 'logger' | 'secureCookies' | 'trustProxy' | 'validateResponses'> = {},
): Promise<FastifyInstance> {
  const server = Fastify({
    trustProxy: opts.trustProxy ?? trustProxyFromEnv(),
    logger: opts.logger ? loggerOptions(opts.logger === true ? {} : opts.logger) : false,
    // a request id unique across restarts and servers, in every log line of the request and in its answer
    genReqId: () => randomUUID(),
    bodyLimit: 20 * 1024 * 1024,
    // verbose: each error carries its schema and value, for a message that says what the field takes (src/api/validationMessage.ts)
    ajv: { customOptions: AJV_OPTIONS },
  });
  server.setErrorHandler(errorHandler);
  plainSerializer(server);
  await server.register(cookie);
  await server.register(helmet, {
    // The web app loads only its own scripts; React sets inline styles; map shapes and charts are inline SVG.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only on responses that went out over HTTPS (below): over plain HTTP it means nothing, and a
    // browser that saw it on localhost would refuse plain HTTP to every other port of localhost
    strictTransportSecurity: false,
  });
  // a graceful stop answers the requests in flight; their kept-alive connections are closed with
  // the answer (else server.close() would wait out the keep-alive timeout, 72 s, for each of them)
  let closing = false;
  server.addHook('preClose', async () => {
    closing = true;
  });
  server.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (closing) reply.header('connection', 'close');
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // before any route: every route under /api must declare its access, and is held to it
  registerAuth(server, app);
  // every later log line of a signed-in request says who asked
  server.addHook('onRequest', async (req, reply) => {
    if (req.actor) reply.log = req.log = req.log.child({ user: req.actor.username });
  });
  const metrics = registerMetrics(server, app);
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'filmrights',
        version: VERSION,
        description: 'Film rights, avails, deals, festivals and the trade-press record. See docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'filmrights_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await server.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: (header) => header });
  registerFinancialFilter(server);
  // after the financial filter: the shape checked is the one the user gets
  if (opts.validateResponses ?? process.env.FILMRIGHTS_VALIDATE_RESPONSES === '1') registerResponseCheck(server);
  registerRoutes(server, app, opts.secureCookies ?? process.env.FILMRIGHTS_SECURE_COOKIES === '1');
  healthRoutes(server, app);
  metricsRoutes(server, app, metrics);
  server.get('/api/openapi.json', { config: access('public', 'read'), schema: { hide: true } }, async () => server.swagger());

  if (existsSync(WEB_ROOT)) {
    // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart
    await server.register(fastifyStatic, { root: WEB_ROOT, wildcard: true });
    server.setNotFoundHandler((req, reply) => {
      // anything that looks like the API, in any case, is an API 404, never the web app's page
      if (/^\/api(\/|\?|$)/i.test(req.url) || req.method !== 'GET') {
        reply.code(404).send({ error: 'not-found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
      } else {
        reply.sendFile('index.html');
      }
    });
  } else {
    server.setNotFoundHandler((req, reply) => {
      reply.code(404).send({
        error: 'not-found',
        message: `no route ${req.method} ${req.url.split('?')[0]}${req.url.startsWith('/api/') ? '' : ' (the web app is not built: `npx filmrights serve` builds it before serving, or run npm run build:web)'}`,
      });
    });
  }
  return server;
}

export interface RunningServer {
  url: string;
  app: FilmRights;
  server: FastifyInstance;
  /** Set on the first start: the generated admin password, printed once. */
  admin: { username: string; password: string | null } | null;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const snapshot = opts.indexSnapshot ?? defaultSnapshotFile({ url: opts.url, file: opts.file }) ?? false;
  const app = await FilmRights.open({
    url: opts.url,
    file: opts.file,
    follow: true,
    indexSnapshot:
      snapshot === false ? undefined : { file: snapshot, everyChanges: Number(process.env.FILMRIGHTS_INDEX_SNAPSHOT_CHANGES) || undefined },
  });
  const admin = await ensureAdmin(app, opts.adminPassword);
  if (opts.demo) {
    const { loadDemo } = await import('../services/demo.js');
    await loadDemo(app);
  }
  const server = await buildServer(app, opts);
  const address = await server.listen({ port: opts.port ?? 8080, host: opts.host ?? '127.0.0.1' });
  return {
    url: address.replace('[::1]', 'localhost'),
    app,
    server,
    admin,
    async close() {
      await server.close();
      await app.close();
    },
  };
}
