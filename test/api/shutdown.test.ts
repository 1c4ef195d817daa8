/**
 * SIGTERM is a graceful stop (what systemd, Docker and Kubernetes send): `filmrights serve` stops
 * taking requests, answers the ones in flight, closes the database and exits 0. On both databases:
 * - a burst of writes with SIGTERM in the middle: every write the server acknowledged (201) is in
 *   the database afterwards, and the integrity check passes;
 * - an import in the middle of its transaction when SIGTERM arrives is finished and answered,
 *   all of it stored, before the process exits.
 * The server logs JSON lines with a request id throughout (its stdout is read to the end).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FilmRights } from '../../src/services/app.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import type { OpenOptions } from '../../src/store/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { BIN, PROCESS_TEST_TIMEOUT, waitForLine } from '../support/processes.js';

const PASSWORD = 'shutdown-test-password';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function envFor(options: OpenOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'info', FILMRIGHTS_FEEDS: 'off' };
  delete env.DATABASE_URL;
  delete env.FILMRIGHTS_DB;
  if (options.url) env.DATABASE_URL = options.url;
  else env.FILMRIGHTS_DB = options.file;
  return env;
}

/** Is another process inside a write transaction on this database? */
async function someoneIsWriting(options: OpenOptions): Promise<boolean> {
  if (options.url) {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      const r = await client.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`,
      );
      return r.rows[0].n > 0;
    } finally {
      await client.end();
    }
  }
  const db = new Sqlite(options.file!, { timeout: 0 });
  try {
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('ROLLBACK').run();
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  } finally {
    db.close();
  }
}

interface Served {
  child: ChildProcess;
  url: string;
  cookie: string;
  /** Everything it printed on stdout, to its exit. */
  stdout: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function serve(options: OpenOptions): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-web-build'], {
    env: envFor(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // read to the end: a full pipe would block the server's log writes
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await waitForLine(child, /^filmrights is listening on /);
  const url = `http://127.0.0.1:${port}`;
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  return { child, url, cookie: login.headers.get('set-cookie')!.split(';')[0], stdout: () => out, exited };
}

describeEachDatabase('graceful shutdown (SIGTERM)', (_open, database) => {
  let options: OpenOptions;
  let drop: () => Promise<void>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const location = await database.create();
    options = location.options;
    drop = location.drop;
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await drop?.();
  });

  it(
    'keeps every acknowledged write of a burst, exits 0, and logs JSON with request ids',
    async () => {
      const s = await serve(options);
      children.push(s.child);
      const acknowledged: string[] = [];
      const answered: number[] = [];
      let sent = 0;
      let termAt = -1;
      const N = 50;
      const worker = async () => {
        while (sent < N) {
          const i = sent++;
          try {
            const r = await fetch(`${s.url}/api/titles`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: s.cookie },
              body: JSON.stringify({ originalTitle: `Shutdown Burst ${i}`, year: 2026 }),
            });
            answered.push(r.status);
            if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
          } catch {
            // refused or cut: the server is going; not acknowledged
          }
          if (acknowledged.length === 15 && termAt < 0) {
            termAt = sent;
            s.child.kill('SIGTERM');
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      const exit = await s.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(termAt).toBeGreaterThan(0);
      expect(acknowledged.length).toBeGreaterThanOrEqual(15);
      // after SIGTERM the server took nothing new: what came later was refused (503) or never connected
      expect(
        answered.every((st) => st === 201 || st === 503),
        answered.join(','),
      ).toBe(true);

      const app = await FilmRights.open(options);
      try {
        const stored = new Set(
          (await app.store.db.selectFrom('titles').select('id').where('original_title', 'like', 'Shutdown Burst %').execute()).map(
            (r) => r.id,
          ),
        );
        for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
        const report = await checkIntegrity(app);
        expect(report.indexMismatches).toEqual([]);
      } finally {
        await app.close();
      }

      const lines = s
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string; req?: { url?: string } });
      const created = entries.filter((e) => e.msg === 'request completed');
      expect(created.length).toBeGreaterThanOrEqual(acknowledged.length);
      for (const e of entries.filter((x) => x.req || x.msg === 'request completed')) expect(e.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(entries.some((e) => e.msg === 'stopped: every request answered, database closed')).toBe(true);
      expect(s.stdout()).not.toContain(PASSWORD);
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'finishes an import that is mid-transaction when SIGTERM arrives, and answers it',
    async () => {
      const s = await serve(options);
      children.push(s.child);
      const n = 1500;
      const doc = {
        companies: [
          { name: 'Shutdown Films', kind: 'production' },
          { name: 'Shutdown Sales', kind: 'sales-agent' },
        ],
        titles: Array.from({ length: n }, (_, i) => ({ title: `Shutdown Import ${i}`, year: 2000 + (i % 25) })),
        contracts: Array.from({ length: n }, (_, i) => ({
          ref: `SHUTDOWN-${i}`,
          direction: 'third-party',
          status: 'signed',
          licensor: 'Shutdown Films',
          licensee: 'Shutdown Sales',
          titles: [`Shutdown Import ${i}`],
          blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2021-01-01', end: '2031-12-31' }],
        })),
      };
      const body = JSON.stringify({
        filename: 'catalog.json',
        content: Buffer.from(JSON.stringify(doc)).toString('base64'),
        mode: 'commit',
      });
      const answer = fetch(`${s.url}/api/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie },
        body,
      }).then(
        async (r) => ({ status: r.status, body: await r.text() }),
        (e: unknown) => ({ status: 0, body: String(e) }),
      );
      // SIGTERM once the import is inside its transaction (however long a busy machine takes to get there)
      let writing = false;
      const until = Date.now() + 120_000;
      while (Date.now() < until && !(writing = await someoneIsWriting(options))) await new Promise((r) => setTimeout(r, 20));
      expect(writing).toBe(true);
      s.child.kill('SIGTERM');
      const res = await answer;
      expect(res.status, res.body.slice(0, 500)).toBe(200);
      expect(await s.exited).toEqual({ code: 0, signal: null });

      const app = await FilmRights.open(options);
      try {
        const titles = await app.store.db.selectFrom('titles').select('id').where('original_title', 'like', 'Shutdown Import %').execute();
        const contracts = await app.store.db.selectFrom('contracts').select('id').where('ref', 'like', 'SHUTDOWN-%').execute();
        expect(titles.length).toBe(n);
        expect(contracts.length).toBe(n);
      } finally {
        await app.close();
      }
    },
    PROCESS_TEST_TIMEOUT,
  );
});
