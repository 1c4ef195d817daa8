/**
 * Load test (issue: trust): a server on PostgreSQL, and from a second process
 * 200 requests/s of mixed reads and deal writes for 60 s (LOAD_RATE,
 * LOAD_SECONDS). Prints errors and latency, then checks that every
 * acknowledged deal is in the database and that no exclusive right was sold
 * twice. Loopback only, bounded in time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from '../src/api/server.js';
import { FilmRights, SYSTEM } from '../src/services/app.js';
import { checkIntegrity } from '../src/services/integrity.js';
import { importJson } from '../src/services/interchange.js';
import { createApiToken, createUser } from '../src/services/users.js';

const ADMIN_URL = process.env.FILMRIGHTS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function loadBench(): Promise<void> {
  const rate = Number(process.env.LOAD_RATE ?? 200);
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const name = `filmrights_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  try {
    const setup = await FilmRights.open({ url });
    await importJson(setup, SYSTEM, {
      we: 'Wild Bunch',
      companies: [
        { name: 'Wild Bunch', kind: 'sales-agent' },
        { name: 'Producer', kind: 'production' },
        ...Array.from({ length: 30 }, (_, i) => ({ name: `Buyer ${i}`, kind: 'distributor' })),
      ],
      titles: Array.from({ length: 20 }, (_, i) => ({ title: `Load Title ${i}`, year: 2026 })),
      contracts: Array.from({ length: 20 }, (_, i) => ({
        ref: `MANDATE-${i}`,
        direction: 'in',
        status: 'signed',
        licensor: 'Producer',
        licensee: 'Wild Bunch',
        titles: [`Load Title ${i}`],
        blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: '2045-12-31', exclusive: true }],
      })),
    } as never);
    const user = await createUser(setup, { username: 'loader', password: 'load-test-password', role: 'editor' });
    const token = (await createApiToken(setup, { ...SYSTEM, id: user.id, username: 'loader', role: 'editor' }, 'write')).token;
    const titles = (await setup.store.db.selectFrom('titles').select('id').execute()).map((t) => t.id);
    const companies = await setup.store.db.selectFrom('companies').select(['id', 'name']).execute();
    await setup.close();

    const server = await startServer({ url, port: 0, host: '127.0.0.1' });
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-load-'));
    const config = join(dir, 'load.json');
    writeFileSync(
      config,
      JSON.stringify({
        url: server.url,
        token,
        rate,
        seconds,
        titles,
        seller: companies.find((c) => c.name === 'Wild Bunch')!.id,
        buyers: companies.filter((c) => c.name.startsWith('Buyer')).map((c) => c.id),
      }),
    );
    // the client runs in its own process while this one serves (never spawnSync: it would block the server)
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join('bench', 'loadMixClient.ts'), config], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 120) * 1000);
      child.on('exit', (status) => {
        clearTimeout(killer);
        resolve({ status, stdout, stderr });
      });
    });
    await server.close();
    if (run.status !== 0) throw new Error(`load client failed (status ${run.status}): ${run.stderr}`);
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      requests: number;
      seconds: number;
      errors: number;
      writes: number;
      acknowledged: string[];
      status: Record<string, number>;
      p50: number;
      p99: number;
      max: number;
    };

    const check = await FilmRights.open({ url });
    const stored = new Set(
      (await check.store.db.selectFrom('contracts').select('ref').where('ref', 'like', 'LOAD-%').execute()).map((x) => x.ref),
    );
    const missing = r.acknowledged.filter((ref) => !stored.has(ref));
    const integrity = await checkIntegrity(check);
    await check.close();

    console.log('\n## Load test: mixed reads and deal writes against PostgreSQL, from a second process\n');
    console.log(
      '| rate | seconds | requests | 5xx + network errors | statuses | p50 ms | p99 ms | max ms | deal writes | acknowledged | missing after | sold twice |',
    );
    console.log('|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| ${rate}/s | ${r.seconds.toFixed(1)} | ${r.requests} | ${r.errors} | ${Object.entries(r.status)
        .map(([k, v]) => `${k}: ${v}`)
        .join(
          ', ',
        )} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(0)} | ${r.writes} | ${r.acknowledged.length} | ${missing.length} | ${integrity.doubleSales.length} |`,
    );
    if (r.errors || missing.length || integrity.doubleSales.length) {
      console.log(
        `\nFAILED: ${r.errors} errors, ${missing.length} acknowledged deals missing, ${integrity.doubleSales.length} rights sold twice`,
      );
      process.exitCode = 1;
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
