import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import { SCHEMA_VERSION } from '../../store/index.js';
import { VERSION } from '../../version.js';
import { access } from '../access.js';

/** How long readiness waits for the database before calling it unready. */
export const READY_DB_TIMEOUT_MS = 2_000;

const versionProps = {
  version: { type: 'string', description: "filmrights' version (package.json)" },
  schema: { type: 'string', description: 'the database schema: the name of the latest migration' },
} as const;

const readinessSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ready', 'unavailable'] },
    ...versionProps,
    database: { type: 'object', properties: { ok: { type: 'boolean' }, dialect: { type: 'string' }, problem: { type: 'string' } } },
    index: { type: 'object', properties: { built: { type: 'boolean' }, builtAt: { type: ['string', 'null'] } } },
    changeFeed: {
      type: ['object', 'null'],
      description:
        "this server's place in the rights change feed: the last change applied to its index, the last in the database, the difference",
      properties: { following: { type: 'boolean' }, position: { type: 'integer' }, head: { type: 'integer' }, lag: { type: 'integer' } },
    },
  },
} as const;

/**
 * For load balancers, orchestrators and monitoring, without a login:
 * liveness (the process answers) and readiness (it can serve: the database answers, the rights
 * index is built). Neither says anything about the catalog beyond the change feed's position.
 */
export function healthRoutes(server: FastifyInstance, app: FilmRights): void {
  server.get(
    '/api/health',
    {
      config: access('public', 'read'),
      logLevel: 'warn', // polled every few seconds: not one log line per poll
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the server answers (no login); its version and database schema',
        security: [],
        response: { 200: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, ...versionProps } } },
      },
    },
    async () => ({ status: 'ok', version: VERSION, schema: SCHEMA_VERSION }),
  );

  server.get(
    '/api/health/ready',
    {
      config: access('public', 'read'),
      logLevel: 'warn',
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers and the rights index is built (no login); 503 when not',
        security: [],
        response: {
          200: readinessSchema,
          503: readinessSchema,
        },
      },
    },
    async (req, reply) => {
      const database = await databaseAnswers(app, (e) => req.log.error({ err: e }, 'readiness: the database did not answer'));
      const build = app.lastIndexBuild;
      let changeFeed: { following: boolean; position: number; head: number; lag: number } | null = null;
      if (database.ok) {
        try {
          const s = await app.feedStatus();
          changeFeed = { following: s.following, position: s.position, head: s.head, lag: s.lag };
        } catch {
          // the database answered a moment ago; the feed's position is then unknown, not a reason to refuse traffic
        }
      }
      const ready = database.ok && build !== null;
      reply.code(ready ? 200 : 503);
      return {
        status: ready ? 'ready' : 'unavailable',
        version: VERSION,
        schema: SCHEMA_VERSION,
        database,
        index: { built: build !== null, builtAt: build?.at ?? null },
        changeFeed,
      };
    },
  );
}

/** A trivial query, bounded in time. The reason stays in the server's log: the answer is public. */
async function databaseAnswers(app: FilmRights, log: (e: unknown) => void): Promise<{ ok: boolean; dialect: string; problem?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql`select 1 as one`.execute(app.store.db),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READY_DB_TIMEOUT_MS} ms`)), READY_DB_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, dialect: app.store.dialect };
  } catch (e) {
    log(e);
    return { ok: false, dialect: app.store.dialect, problem: 'the database did not answer' };
  } finally {
    clearTimeout(timer);
  }
}
