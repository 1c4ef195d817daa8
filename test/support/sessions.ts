/**
 * Users made on an app and signed in on its server, for suites that call the API as several people: each
 * user's session cookie by username.
 */
import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestUser {
  username: string;
  role: 'viewer' | 'editor' | 'admin';
  canSeeFinancials?: boolean;
}

/** Creates the users, signs each in, and answers the `cookie` header of each by username. */
export async function signedIn(app: FilmRights, server: FastifyInstance, users: readonly TestUser[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const u of users) {
    await createUser(app, { username: u.username, password: TEST_PASSWORD, role: u.role, canSeeFinancials: u.canSeeFinancials });
    const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    const session = res.cookies.find((c) => c.name === 'filmrights_session');
    if (!session) throw new Error(`${u.username} could not sign in: ${res.statusCode} ${res.body}`);
    cookies[u.username] = `filmrights_session=${session.value}`;
  }
  return cookies;
}
