/**
 * Property-based fuzzing of every API route from its OpenAPI schema: requests
 * built from each route's body and query schemas (valid, nearly valid and
 * wild), sent as an editor. The server must never answer 5xx, must answer
 * JSON, and a refused request must write nothing: every write appends to the
 * audit log in its own transaction, so the log must not grow on a 4xx.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { RESPONSE_SHAPE_ERROR } from '../../src/api/responseCheck.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { databases } from '../support/databases.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
};

const words = [
  'One Second',
  'North America',
  'Worldwide excluding China',
  'SVOD',
  'All Media',
  'Germny',
  '2021-09-18',
  '2027-02-30',
  'signed',
  'out',
  '',
  ' ',
  '∞',
  "'; drop table titles; --",
  '=HYPERLINK("x")',
  'x'.repeat(300),
];

function arbitraryFor(schema: Schema | undefined, known: string[], depth = 0): fc.Arbitrary<unknown> {
  const wild = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(...words, ...known));
  if (!schema || depth > 3) return wild;
  if (schema.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: wild });
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => arbitraryFor(s, known, depth + 1)));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  const options = types.map((t): fc.Arbitrary<unknown> => {
    switch (t) {
      case 'object': {
        const props = Object.entries(schema.properties ?? {});
        if (!props.length)
          return fc.dictionary(
            fc.constantFrom('title', 'name', 'kind', 'originalTitle', 'titleId', 'editionId', 'amount', 'currency', 'territory', 'year'),
            wild,
            { maxKeys: 5 },
          );
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, s] of props) shape[k] = arbitraryFor(s, known, depth + 1);
        return fc.record(shape, { requiredKeys: (schema.required ?? []).filter(() => true) });
      }
      case 'array':
        return fc.array(arbitraryFor(schema.items, known, depth + 1), { maxLength: 3 });
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 3000 });
      case 'number':
        return fc.double({ noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return fc.oneof(fc.constantFrom(...words, ...known), fc.string({ maxLength: 20 }));
    }
  });
  return fc.oneof({ weight: 6, arbitrary: fc.oneof(...options) }, { weight: 1, arbitrary: wild });
}

describe('fuzzing every route from the OpenAPI document', () => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let auth: Record<string, string>;
  let routes: Array<{ method: string; path: string; body?: Schema; query?: Schema }>;
  const known: string[] = [];
  let cases = 0;

  beforeAll(async () => {
    const location = await databases[0].create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await server.ready();
    const admin = await createUser(app, { username: 'ada', password: 'correct horse battery', role: 'admin' });
    auth = { authorization: `Bearer ${(await createApiToken(app, { ...SYSTEM, id: admin.id, username: 'ada' }, 'write')).token}` };
    const wb = (await findOrCreateCompany(app, SYSTEM, { name: 'Wild Bunch', kind: 'sales-agent' })).company.id;
    await setWeCompany(app, SYSTEM, wb);
    known.push(wb, (await createTitle(app, SYSTEM, { originalTitle: 'One Second' })).id);
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: Schema }> };
            parameters?: Array<{ in: string; name: string; schema: Schema; required?: boolean }>;
          }
        >
      >;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(() => path !== '/api/auth/logout')
        .map(([method, op]) => {
          const query = (op.parameters ?? []).filter((p) => p.in === 'query');
          return {
            method: method.toUpperCase(),
            path,
            body: op.requestBody?.content['application/json']?.schema,
            query: query.length ? { type: 'object', properties: Object.fromEntries(query.map((p) => [p.name, p.schema])) } : undefined,
          };
        }),
    );
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
    console.log(`fuzz: ${cases} generated requests over ${routes?.length ?? 0} routes`);
  });

  const auditCount = async () =>
    Number(
      (
        await app.store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('never answers 5xx, always answers JSON, and writes nothing when it refuses', async () => {
    const request = fc.constantFrom(...routes).chain((r) =>
      fc.record({
        route: fc.constant(r),
        id: fc.oneof(fc.constantFrom(...known), fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent)),
        body: arbitraryFor(r.body, known),
        query: r.query ? arbitraryFor(r.query, known) : fc.constant(undefined),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ route, id, body, query }) => {
        cases++;
        const url = route.path.replace(/\{[^}]+\}/g, id || 'x');
        const qs =
          query && typeof query === 'object'
            ? new URLSearchParams(
                Object.entries(query as object)
                  .filter(([, v]) => v !== undefined && v !== null)
                  .map(([k, v]) => [k, String(v)]),
              ).toString()
            : '';
        const before = await auditCount();
        const res = await server.inject({
          method: route.method as 'POST',
          url: qs ? `${url}?${qs}` : url,
          headers: auth,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: (body ?? {}) as object }),
        });
        expect(res.statusCode, `${route.method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        // every answer matched its route's declared response schema (checked by the server in tests)
        expect(res.body.includes(`"error":"${RESPONSE_SHAPE_ERROR}"`), `${route.method} ${url}: ${res.body.slice(0, 300)}`).toBe(false);
        // (the Prometheus metrics are text in Prometheus' exposition format)
        if (res.statusCode !== 204 && !url.startsWith('/api/docs'))
          expect(res.headers['content-type'], `${route.method} ${url}`).toMatch(
            url === '/api/metrics' && res.statusCode === 200
              ? /^text\/plain; version=0\.0\.4/
              : /json|html|javascript|css|xml|csv|spreadsheet|octet-stream/,
          );
        if (res.statusCode >= 400)
          expect(await auditCount(), `${route.method} ${url} refused with ${res.statusCode} but wrote`).toBe(before);
      }),
      { numRuns: 1500, seed: 20261129 },
    );
  }, 180_000);

  it('hostile bodies on every write route (unknown properties, deep nesting, huge strings, null and empty ids): a 4xx naming a field, no 5xx, no write', async () => {
    const writes = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.path !== '/api/auth/login');
    const deep = `${'['.repeat(3000)}"x"${']'.repeat(3000)}`;
    const huge = JSON.stringify('x'.repeat(2_000_000));
    /** Each hostile body for a route, as JSON text: every property of its schema given each hostile value in turn. */
    const hostile = (r: (typeof writes)[number]): string[] => {
      const props = Object.keys(r.body?.properties ?? {});
      const bodies = [`{"unknownProperty":"/etc/passwd"}`, `{"__proto__":{"role":"admin"}}`, `{"constructor":{"prototype":{"x":1}}}`];
      for (const p of props) for (const v of [deep, huge, 'null', '""', '[null]', '[""]']) bodies.push(`{${JSON.stringify(p)}:${v}}`);
      return bodies;
    };
    let sent = 0;
    for (const r of writes) {
      const url = r.path.replace(/\{[^}]+\}/g, known[1]);
      for (const payload of hostile(r)) {
        const before = await auditCount();
        const res = await server.inject({
          method: r.method as 'POST',
          url,
          headers: { ...auth, 'content-type': 'application/json' },
          payload,
        });
        sent++;
        expect(res.statusCode, `${r.method} ${url} ${payload.slice(0, 80)}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        expect(res.body.includes(`"error":"${RESPONSE_SHAPE_ERROR}"`), `${r.method} ${url}: ${res.body.slice(0, 300)}`).toBe(false);
        if (res.statusCode >= 400) expect(await auditCount(), `${r.method} ${url} refused but wrote`).toBe(before);
        if (res.statusCode === 400) expect(res.json().field ?? res.json().error, `${r.method} ${url}`).toBeTruthy();
      }
    }
    cases += sent;
    expect(sent).toBeGreaterThan(writes.length * 3);
  }, 300_000);
});
