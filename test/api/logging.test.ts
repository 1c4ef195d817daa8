/**
 * The server's log is JSON with a request id on every request's lines, and no secret reaches it:
 * a user signs in, creates an API token, and through it records a deal with an MG (and sends one
 * the server refuses); the captured log names none of the password, the session, the token or the MG.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'Tr0ub4dor&3-horse-staple';
const MG = '7654321';

describeEachDatabase('the server log', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  const lines: string[] = [];
  const secrets: Record<string, string> = { password: PASSWORD, mg: MG };

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    let partial = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        partial += chunk.toString();
        const parts = partial.split('\n');
        partial = parts.pop()!;
        lines.push(...parts.filter(Boolean));
        done();
      },
    });
    // the most verbose level: whatever any level logs, none of it may carry a secret
    server = await buildServer(app, { logger: { stream, level: 'trace' } });
    await createUser(app, { username: 'ada', password: PASSWORD, role: 'admin', canSeeFinancials: true });

    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ada', password: PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    secrets.session = login.cookies.find((c) => c.name === 'filmrights_session')!.value;
    const cookie = `filmrights_session=${secrets.session}`;
    const token = await server.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie },
      payload: { scope: 'write', name: 'sales sheet sync' },
    });
    expect(token.statusCode, token.body).toBe(201);
    secrets.token = token.json().token;

    const as = { authorization: `Bearer ${secrets.token}` };
    const post = async (url: string, payload: object, status = 201) => {
      const res = await server.inject({ method: 'POST', url, headers: as, payload });
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    const title = await post('/api/titles', { originalTitle: 'Drive My Car', year: 2021 });
    const seller = await post('/api/companies', { name: 'The Match Factory', kind: 'sales-agent' });
    const buyer = await post('/api/companies', { name: 'Janus Films', kind: 'distributor' });
    const deal = {
      ref: 'DMC-US',
      direction: 'third-party',
      status: 'signed',
      licensorId: seller.id,
      licenseeId: buyer.id,
      titleIds: [title.id],
      blocks: [{ territories: 'United States', media: 'All Media', start: '2021-11-01', end: '2036-10-31' }],
      mg: { amount: `${MG}.00`, currency: 'USD' },
    };
    await post('/api/contracts', deal);
    // refused: the same ref again, and a body the schema refuses; their errors go to the log too
    await post('/api/contracts', { ...deal, ref: 'DMC-US' }, 400).catch(() => undefined);
    await server.inject({
      method: 'POST',
      url: '/api/contracts',
      headers: as,
      payload: { ...deal, ref: 'DMC-CA', mg: { amount: `${MG}.00`, currency: 'USD', note: MG } },
    });
    await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ada', password: `${PASSWORD}-wrong` } });
    await new Promise((r) => setImmediate(r));
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('is JSON, a request id on every line of a request, and who asked once signed in', () => {
    expect(lines.length).toBeGreaterThan(10);
    const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; req?: unknown; res?: unknown; user?: string; msg?: string });
    const ofRequests = entries.filter((e) => e.req || e.res);
    expect(ofRequests.length).toBeGreaterThan(10);
    for (const e of ofRequests) expect(e.reqId, JSON.stringify(e)).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries.some((e) => e.msg === 'request completed' && e.user === 'ada')).toBe(true);
  });

  it('carries no password, session, token or MG, only "[Redacted]" where they were', () => {
    const log = lines.join('\n');
    for (const [what, secret] of Object.entries(secrets)) expect(log.includes(secret), `${what} in the log`).toBe(false);
    // the headers are logged (a proxy's, the user agent), and the credentials among them are masked
    expect(log).toContain('"authorization":"[Redacted]"');
    expect(log).toContain('"cookie":"[Redacted]"');
    expect(log).toContain('"set-cookie":"[Redacted]"');
  });
});
