/**
 * Crash safety: the server and the CLI are killed with SIGKILL in the middle
 * of a burst of deal writes and of a large import. After a restart every
 * acknowledged write is there, nothing half-written is, and the integrity
 * check (index vs store, no right sold twice) passes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COUNTRIES } from '../../src/domain/countries.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { importJson } from '../../src/services/interchange.js';
import type { OpenOptions } from '../../src/store/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { BIN, PROCESS_TEST_TIMEOUT, waitForLine } from '../support/processes.js';

const PASSWORD = 'crash-test-password';

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
  const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  delete env.FILMRIGHTS_DB;
  if (options.url) env.DATABASE_URL = options.url;
  else env.FILMRIGHTS_DB = options.file;
  return env;
}

/** Is another process inside a write transaction on this database (the import, mid-way)? */
async function importIsWriting(options: OpenOptions): Promise<boolean> {
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

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describeEachDatabase('crash safety (kill -9)', (_open, database) => {
  let options: OpenOptions;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const location = await database.create();
    options = location.options;
    drop = location.drop;
    const app = await FilmRights.open(options);
    await importJson(app, SYSTEM, {
      we: 'Wild Bunch',
      companies: [
        { name: 'Wild Bunch', kind: 'sales-agent' },
        { name: 'Huanxi Media Group', kind: 'production' },
        ...Array.from({ length: 60 }, (_, i) => ({ name: `Buyer ${i}`, kind: 'distributor' })),
      ],
      titles: [{ title: 'Crash Test', year: 2026 }],
      contracts: [
        {
          ref: 'MANDATE',
          direction: 'in',
          status: 'signed',
          licensor: 'Huanxi Media Group',
          licensee: 'Wild Bunch',
          titles: ['Crash Test'],
          blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2020-01-01', end: '2040-12-31', exclusive: true }],
        },
      ],
    } as never);
    await app.close();
  }, PROCESS_TEST_TIMEOUT);

  afterAll(async () => {
    await drop?.();
  });

  it(
    'keeps every acknowledged deal of a burst, and no half-written one, when the server is killed',
    async () => {
      const port = await freePort();
      // the API only: the web app is not needed here (and is not built by this test)
      const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--no-web-build'], {
        env: envFor(options),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const url = `http://127.0.0.1:${port}`;
      // started when it says so (an event, however long a busy machine takes), not after a fixed wait
      await waitForLine(child, /^filmrights is listening on /);
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const companies = (await (await fetch(`${url}/api/companies?pageSize=100`, { headers: { cookie } })).json()).items as Array<{
        id: string;
        name: string;
      }>;
      const id = (name: string) => companies.find((c) => c.name === name)!.id;
      const title = (await (await fetch(`${url}/api/titles?q=Crash%20Test`, { headers: { cookie } })).json()).items[0].id;

      const countries = COUNTRIES.codes.filter((c) => c !== 'XK').slice(0, 120);
      const acknowledged: Array<{ ref: string; country: string }> = [];
      let next = 0;
      const worker = async () => {
        while (next < countries.length) {
          const i = next++;
          const ref = `BURST-${i}`;
          try {
            const r = await fetch(`${url}/api/contracts`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({
                ref,
                status: 'signed',
                licensorId: id('Wild Bunch'),
                licenseeId: id(`Buyer ${i % 60}`),
                titleIds: [title],
                blocks: [{ territories: countries[i], media: 'SVOD', start: '2027-01-01', end: '2030-12-31', exclusive: true }],
              }),
            });
            if (r.status === 201) acknowledged.push({ ref, country: countries[i] });
          } catch {
            return; // the server is gone
          }
          if (acknowledged.length === 30) child.kill('SIGKILL');
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      await killed(child);
      expect(child.signalCode).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);

      const app = await FilmRights.open(options);
      try {
        const stored = await app.store.db
          .selectFrom('contracts as c')
          .leftJoin('rights_blocks as b', 'b.contract_id', 'c.id')
          .select(['c.ref', 'b.territory_codes'])
          .where('c.ref', 'like', 'BURST-%')
          .execute();
        const byRef = new Map(stored.map((r) => [r.ref, r.territory_codes]));
        for (const a of acknowledged) expect(byRef.get(a.ref), a.ref).toBe(JSON.stringify([a.country]));
        expect(stored.filter((r) => r.territory_codes === null)).toEqual([]);
        const audited = await app.store.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'contracts').execute();
        expect(audited.length).toBeGreaterThanOrEqual(stored.length + 1);
        const report = await checkIntegrity(app);
        expect(report.indexMismatches).toEqual([]);
        expect(report.doubleSales).toEqual([]);
      } finally {
        await app.close();
      }
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'leaves nothing of a large import killed half-way',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'filmrights-crash-'));
      const file = join(dir, 'big.json');
      const n = 1500;
      writeFileSync(
        file,
        JSON.stringify({
          titles: Array.from({ length: n }, (_, i) => ({
            title: `Imported ${i}`,
            year: 2000 + (i % 25),
            credits: [{ role: 'director', name: `Director ${i}` }],
          })),
          contracts: Array.from({ length: n }, (_, i) => ({
            ref: `IMPORT-${i}`,
            direction: 'in',
            status: 'signed',
            licensor: 'Huanxi Media Group',
            licensee: 'Wild Bunch',
            titles: [`Imported ${i}`],
            blocks: [{ territories: 'Worldwide excluding China', media: 'All Media', start: '2021-01-01', end: '2031-12-31' }],
          })),
        }),
      );
      const child = spawn(process.execPath, [BIN, 'import', file], { env: envFor(options), stdio: 'ignore' });
      // kill it once it is writing: the import holds its transaction open while titles go in
      const app = await FilmRights.open(options);
      try {
        // however long a busy machine takes to start it (a bound against a hang, not a speed)
        const until = Date.now() + 120_000;
        while (Date.now() < until && child.exitCode === null && !(await importIsWriting(options)))
          await new Promise((r) => setTimeout(r, 25));
        await new Promise((r) => setTimeout(r, 100));
        child.kill('SIGKILL');
        await killed(child);
        const exitedByItself = child.signalCode === null;
        console.log(`import: ${exitedByItself ? 'finished before the kill' : 'killed by SIGKILL'}`);
        const titles = await app.store.db.selectFrom('titles').select('id').where('original_title', 'like', 'Imported %').execute();
        const contracts = await app.store.db.selectFrom('contracts').select('id').where('ref', 'like', 'IMPORT-%').execute();
        // all of it (the import committed before the kill) or nothing
        expect([0, n]).toContain(titles.length);
        expect(contracts.length).toBe(titles.length);
        if (!exitedByItself) expect(titles.length).toBe(0);
        // a committed import is another process's write: this app learns of it from the change feed
        await app.catchUp();
        const report = await checkIntegrity(app);
        expect(report.indexMismatches).toEqual([]);
      } finally {
        await app.close();
      }
    },
    PROCESS_TEST_TIMEOUT,
  );
});
