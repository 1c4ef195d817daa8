/**
 * Who may call a route is declared where the route is defined, in its options:
 *
 *   server.post('/api/titles', { config: access('editor', 'write'), schema: ... }, handler)
 *
 * and enforced by one hook on the matched route (registerAccess), never by looking at the URL.
 * A route under /api that declares nothing cannot be registered: the server refuses to start.
 *
 * - role 'public': anyone, signed in or not (sign-in, the OpenAPI document);
 * - role 'viewer': any signed-in user; 'editor': editors and admins; 'admin': admins;
 * - scope 'write': the route changes something, so a read-only API token is refused whatever its role.
 *   Questions asked with POST (avails, conflicts) are scope 'read';
 * - scope 'session': a write only a person signed in makes (creating API tokens): no API token of any
 *   scope, so a token that leaks cannot make itself more tokens that outlive its revocation.
 * The services check again (src/services/access.ts): this hook is the first line, not the only one.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { UserRole } from '../store/index.js';

export type AccessRole = 'public' | UserRole;
export type AccessScope = 'read' | 'write' | 'session';
export interface RouteAccess {
  role: AccessRole;
  scope: AccessScope;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** The route option that declares who may call it: `{ config: access('editor', 'write') }`. */
export function access(role: AccessRole, scope: AccessScope): { access: RouteAccess } {
  return { access: { role, scope } };
}

const RANK: Record<AccessRole, number> = { public: 0, viewer: 1, editor: 2, admin: 3 };
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes added by plugins (the API browser's static files): readable by anyone, as the OpenAPI document is. */
const PLUGIN_PREFIXES = ['/api/docs'];

/** Throws at registration when a route under /api declares no access, or a write method declares a read scope that is not a known question. */
export function checkDeclared(route: RouteOptions): void {
  const url = route.url;
  if (!url.startsWith('/api') || PLUGIN_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`))) return;
  const declared = (route.config as { access?: RouteAccess } | undefined)?.access;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!declared) throw new Error(`route ${methods.join(',')} ${url} declares no access: add config: access(role, scope)`);
  if (!(declared.role in RANK) || !['read', 'write', 'session'].includes(declared.scope))
    throw new Error(`route ${methods.join(',')} ${url}: unknown access ${JSON.stringify(declared)}`);
  const body = (route.schema as { body?: unknown } | undefined)?.body;
  if (methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH') && body === undefined) {
    throw new Error(`route ${methods.join(',')} ${url} declares no body schema: give one (noBody for an action without a body)`);
  }
  if (body !== undefined) {
    const problems = bodySchemaProblems(body, 'body');
    if (problems.length)
      throw new Error(`route ${methods.join(',')} ${url}: its body schema is not closed and bounded: ${problems.join('; ')}`);
  }
}

/**
 * What makes a body schema unsafe: an object that accepts unknown properties, a string with no
 * length limit, a list with no size limit. Enums, patterns with a length, and sub-schemas are walked.
 */
export function bodySchemaProblems(schema: unknown, at: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const subs = s[key];
    if (Array.isArray(subs)) subs.forEach((sub, i) => out.push(...bodySchemaProblems(sub, `${at}(${key}[${i}])`)));
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  if (types.includes('object')) {
    if (s.additionalProperties !== false && (typeof s.additionalProperties !== 'object' || s.additionalProperties === null))
      out.push(`${at} accepts unknown properties`);
    if (typeof s.additionalProperties === 'object') {
      if (typeof s.maxProperties !== 'number') out.push(`${at} has no maxProperties`);
      out.push(...bodySchemaProblems(s.additionalProperties, `${at}.*`));
    }
    for (const [k, v] of Object.entries((s.properties as Record<string, unknown>) ?? {})) out.push(...bodySchemaProblems(v, `${at}.${k}`));
  }
  if (types.includes('string') && typeof s.maxLength !== 'number' && !Array.isArray(s.enum)) out.push(`${at} has no maxLength`);
  if (types.includes('array')) {
    if (typeof s.maxItems !== 'number') out.push(`${at} has no maxItems`);
    out.push(...bodySchemaProblems(s.items, `${at}[]`));
  }
  return out;
}

/**
 * Refuses a path that is not in canonical form: percent-encoding of a character that needs none
 * (`/%61pi/users`), dot segments, empty segments, a trailing slash, or a backslash. A client that
 * builds its URLs normally never sends one; a request that does is trying to look like another route.
 */
export function canonicalPathProblem(rawUrl: string): string | null {
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  if (path === '/' || path === '') return null;
  if (path.includes('\\')) return 'a backslash';
  if (path.includes('//')) return 'an empty segment';
  if (path.length > 1 && path.endsWith('/')) return 'a trailing slash';
  for (const seg of path.slice(1).split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(seg);
    } catch {
      return 'a malformed percent-encoding';
    }
    if (decoded === '.' || decoded === '..') return 'a dot segment';
    if (decoded.includes('/') || decoded.includes('\\')) return 'an encoded slash';
    if (seg.includes('%') && encodeURIComponent(decoded) !== seg) return 'a percent-encoded character that needs no encoding';
  }
  return null;
}

/**
 * The hooks: every route under /api is declared (checked as routes are added), every request's
 * path is canonical, and each request is held to its matched route's declaration.
 * Register before any route or plugin that adds routes.
 */
export function registerAccess(server: FastifyInstance): void {
  server.addHook('onRoute', (route) => checkDeclared(route));
  server.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const problem = canonicalPathProblem(req.raw.url ?? req.url);
    if (problem)
      return reply
        .code(400)
        .send({ error: 'non-canonical-path', message: `the request path has ${problem}; send the path as the API documents it` });
    // CSRF: a browser names the page a write comes from; a write sent from any other origin
    // (another site, or another port of this host) is refused. Clients that are not browsers send neither header.
    if (WRITE_METHODS.has(req.method)) {
      const site = req.headers['sec-fetch-site'];
      if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
        return reply.code(403).send({ error: 'cross-origin', message: 'writes are accepted only from the filmrights app itself' });
      }
      const origin = req.headers.origin;
      if (typeof origin === 'string' && origin !== 'null' && !sameOrigin(origin, req)) {
        return reply.code(403).send({ error: 'cross-origin', message: 'writes are accepted only from the filmrights app itself' });
      }
      if (origin === 'null')
        return reply.code(403).send({ error: 'cross-origin', message: 'writes are accepted only from the filmrights app itself' });
    }
  });
}

function sameOrigin(origin: string, req: FastifyRequest): boolean {
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  const host = req.headers.host;
  if (!host) return false;
  const proto = req.protocol; // honours the trust-proxy setting
  return o.host.toLowerCase() === host.toLowerCase() && o.protocol === `${proto}:`;
}

/**
 * Holds a request to its matched route's declaration. Called from the onRequest hook that finds
 * the actor (auth.ts), so the body is never read for a caller who may not call the route.
 */
export async function enforceDeclared(
  req: FastifyRequest,
  reply: FastifyReply,
  actor: { username: string; role: UserRole; readOnly?: boolean; viaToken?: boolean } | null,
): Promise<unknown> {
  const declared = req.routeOptions.config?.access;
  if (!declared) {
    // not a declared route: a plugin's files (readable by anyone) or no route at all (the 404 handler)
    return undefined;
  }
  if (declared.role === 'public') return undefined;
  if (!actor) return reply.code(401).send({ error: 'unauthenticated', message: 'sign in first' });
  if (declared.scope !== 'read' && actor.readOnly)
    return reply.code(403).send({ error: 'forbidden', message: 'this API token is read-only' });
  if (declared.scope === 'session' && actor.viaToken)
    return reply.code(403).send({ error: 'forbidden', message: 'sign in to do this: an API token cannot' });
  if (RANK[actor.role] < RANK[declared.role]) {
    const who = declared.role === 'admin' ? 'only admins can do this' : 'only editors and admins can change data';
    return reply.code(403).send({
      error: 'forbidden',
      message: `${actor.username} is ${actor.role === 'admin' || actor.role === 'editor' ? 'an' : 'a'} ${actor.role}: ${who}`,
    });
  }
  return undefined;
}
