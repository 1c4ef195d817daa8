/**
 * Response shapes, checked: every route declares the shape of its answers (`schema.response`, from
 * src/contract). The answers are serialized with plain JSON.stringify, so a declared shape never
 * strips or coerces a field: what a service returns is what the client gets.
 *
 * With `validateResponses` (the test suites turn it on; production does not), each JSON answer is
 * checked against its route's declared shape after the financial filter, and an answer that does
 * not match becomes a 500 `response-shape` naming the route and the path of the wrong field: every
 * API test then checks the shapes the web app relies on.
 */
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { timedSync } from '../services/writeTiming.js';

/** The error code of an answer that broke its declared shape. */
export const RESPONSE_SHAPE_ERROR = 'response-shape';

type Check = ReturnType<typeof Compile>;

/** Plain JSON.stringify for every route: a response schema documents and checks, it never reshapes. */
export function plainSerializer(server: FastifyInstance): void {
  server.setSerializerCompiler(() => (data) => timedSync('serialise', () => JSON.stringify(data)));
}

/** The declared schema of a route's answer with this status: exact, then 2xx-style, then default. */
function schemaFor(response: unknown, status: number): TSchema | undefined {
  if (!response || typeof response !== 'object') return undefined;
  const byStatus = response as Record<string, TSchema | undefined>;
  return byStatus[String(status)] ?? byStatus[`${String(status)[0]}xx`] ?? byStatus.default;
}

export function registerResponseCheck(server: FastifyInstance): void {
  const compiled = new WeakMap<object, Check>();
  server.addHook('preSerialization', async (req, reply, payload: unknown) => {
    const schema = schemaFor(req.routeOptions.schema?.response, reply.statusCode);
    if (!schema) return payload;
    let check = compiled.get(schema);
    if (!check) compiled.set(schema, (check = Compile(schema)));
    // the answer as it will leave: JSON text, read back (dates as strings, undefined fields gone)
    const sent: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
    if (check.Check(sent)) return payload;
    const first = check.Errors(sent)[0];
    const at = first?.instancePath || '/';
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    req.log.error({ route, at, problem: first?.message }, 'an answer does not match its declared shape');
    const status = reply.statusCode;
    reply.code(500);
    return {
      error: RESPONSE_SHAPE_ERROR,
      message: `${route}: its ${status} answer does not match its declared schema at ${at}: ${first?.message ?? 'mismatch'}`,
      field: at,
    };
  });
}
