/**
 * Load test (issue 18): a server on PostgreSQL, then on SQLite, and from a
 * second process an open-loop schedule of 200 requests/s for 60 s (LOAD_RATE,
 * LOAD_SECONDS; LOAD_DBS=postgres,sqlite picks the databases). On each
 * database, first read-only (the baseline), then with 10% deal writes; prints
 * errors and latency of both, where a write's time goes (the phases of
 * src/services/writeTiming.ts, p50 and p99) and the server's event-loop delay,
 * then checks that every acknowledged deal is in the database and that no
 * exclusive right was sold twice. Then, on PostgreSQL, two servers on one
 * database: how long until a deal written through one is in the other's index
 * (bench/scaleOut.ts). Loopback only, bounded in time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { startServer } from '../src/api/server.js';
import { FilmRights, SYSTEM } from '../src/services/app.js';
import { checkIntegrity } from '../src/services/integrity.js';
import { importJson } from '../src/services/interchange.js';
import { createApiToken, createUser } from '../src/services/users.js';
import { startWriteTiming, stopWriteTiming } from '../src/services/writeTiming.js';
import { percentile } from './openLoop.js';
import { scaleOutBench, scaleOutThroughput } from './scaleOut.js';

const ADMIN_URL = process.env.FILMRIGHTS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Where the bench's database is: a PostgreSQL URL or a SQLite file. */
export type Target = { url: string } | { file: string };

interface ClientResult {
  requests: number;
  seconds: number;
  errors: number;
  writes: number;
  acknowledged: string[];
  status: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
}

/** The bench's catalog: 20 titles held worldwide, 30 buyers, an editor's write token. */
export async function seedLoadCatalog(target: Target): Promise<{ token: string; titles: string[]; seller: string; buyers: string[] }> {
  const setup = await FilmRights.open(target);
  try {
    await importJson(setup, SYSTEM, {
      we: 'Wild Bunch',
      companies: [
        { name: 'Wild Bunch', kind: 'sales-agent' },
        { name: 'Producer', kind: 'production' },
        ...Array.from({ length: 30 }, (_, i) => ({ name: `Buyer ${i}`, kind: 'distributor' })),
      ],
      titles: Array.from({ length: 21 }, (_, i) => ({ title: `Load Title ${i}`, year: 2026 })),
      contracts: Array.from({ length: 21 }, (_, i) => ({
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
    const titles = await setup.store.db.selectFrom('titles').select(['id', 'original_title']).orderBy('original_title').execute();
    const companies = await setup.store.db.selectFrom('companies').select(['id', 'name']).execute();
    return {
      token,
      // "Load Title 20" is kept out of the load for the scale-out probe's deals
      titles: titles.filter((t) => t.original_title !== 'Load Title 20').map((t) => t.id),
      seller: companies.find((c) => c.name === 'Wild Bunch')!.id,
      buyers: companies.filter((c) => c.name.startsWith('Buyer')).map((c) => c.id),
    };
  } finally {
    await setup.close();
  }
}

/** Runs bench/loadMixClient.ts in its own process (never spawnSync: it would block the server). */
export async function runLoadClient(config: object, seconds: number): Promise<ClientResult> {
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-load-'));
  const file = join(dir, 'load.json');
  writeFileSync(file, JSON.stringify(config));
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', 'loadMixClient.ts'), file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds * 4 + 120) * 1000); // a saturated server drains slowly
    child.on('exit', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr });
    });
  });
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`load client failed (status ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ClientResult;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

interface RunRow {
  label: string;
  r: ClientResult;
  loop: { p50: number; p99: number; max: number };
  load: string;
  phases?: Map<string, number[]>;
}

/** One database: the read-only baseline, then with deal writes; the figures of both, the write's phases, the checks. */
async function loadOn(dbName: 'PostgreSQL' | 'SQLite', target: Target, rate: number, seconds: number): Promise<boolean> {
  const seed = await seedLoadCatalog(target);
  const server = await startServer({ ...target, port: 0, host: '127.0.0.1' });
  const rows: RunRow[] = [];
  try {
    for (const writeShare of [0, 0.1]) {
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      if (writeShare) startWriteTiming();
      const r = await runLoadClient({ url: server.url, rate, seconds, writeShare, ...seed }, seconds);
      const phases = writeShare ? stopWriteTiming() : undefined;
      loop.disable();
      rows.push({
        label: writeShare ? `${writeShare * 100}% deal writes` : 'read-only (baseline)',
        r,
        loop: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
        load: load(),
        phases,
      });
    }
  } finally {
    await server.close();
  }
  const check = await FilmRights.open(target);
  const stored = new Set(
    (await check.store.db.selectFrom('contracts').select('ref').where('ref', 'like', 'LOAD-%').execute()).map((x) => x.ref),
  );
  const acknowledged = rows.flatMap((x) => x.r.acknowledged);
  const missing = acknowledged.filter((ref) => !stored.has(ref));
  const integrity = await checkIntegrity(check);
  await check.close();

  console.log(`\n## Load test on ${dbName}: read-only, then with deal writes, from a second process\n`);
  console.log(
    '| run | rate | seconds | requests | 5xx + network errors | statuses | p50 ms | p99 ms | max ms | event-loop delay p50 / p99 / max ms | deal writes | acknowledged | load avg (1/5/15 min) |',
  );
  console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---|');
  for (const { label, r, loop, load: l } of rows) {
    const statuses = Object.entries(r.status)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
    console.log(
      `| ${label} | ${rate}/s | ${r.seconds.toFixed(1)} | ${r.requests} | ${r.errors} | ${statuses} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(loop.p50)} / ${ms(loop.p99)} / ${ms(loop.max)} | ${r.writes} | ${r.acknowledged.length} | ${l} |`,
    );
  }
  const [base, mixed] = rows;
  console.log(
    `\np99 with writes ${ms(mixed.r.p99)} ms against ${ms(base.r.p99)} ms read-only (x${(mixed.r.p99 / Math.max(base.r.p99, 0.01)).toFixed(1)}); target < 100 ms. Acknowledged deals missing after: ${missing.length}; rights sold twice: ${integrity.doubleSales.length}.`,
  );
  printPhases(mixed.phases!);
  const ok = !base.r.errors && !mixed.r.errors && !missing.length && !integrity.doubleSales.length;
  if (!ok)
    console.log(
      `\nFAILED: ${base.r.errors + mixed.r.errors} errors, ${missing.length} acknowledged deals missing, ${integrity.doubleSales.length} rights sold twice`,
    );
  return ok;
}

const PHASE_ORDER = ['validate', 'wait', 'sql', 'lock', 'check', 'feed', 'audit', 'commit', 'index', 'answer', 'save'];

/** Where a deal save's time goes, and the other timed work of the same run. */
function printPhases(phases: Map<string, number[]>): void {
  const saves = phases.get('save') ?? [];
  const totalSave = saves.reduce((a, b) => a + b, 0) || 1;
  console.log("\nWhere a deal save's time goes (server side, ms; share = the phase's total over all saves' total):\n");
  console.log('| phase | samples | p50 | p99 | max | share |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const names = [...PHASE_ORDER.filter((n) => phases.has(n)), ...[...phases.keys()].filter((n) => !PHASE_ORDER.includes(n)).sort()];
  for (const name of names) {
    const list = [...phases.get(name)!].sort((a, b) => a - b);
    const sum = list.reduce((a, b) => a + b, 0);
    const share = PHASE_ORDER.includes(name) && name !== 'save' ? `${((100 * sum) / totalSave).toFixed(0)}%` : '';
    console.log(
      `| ${name} | ${list.length} | ${ms(percentile(list, 0.5))} | ${ms(percentile(list, 0.99))} | ${ms(percentile(list, 1))} | ${share} |`,
    );
  }
}

export async function loadBench(): Promise<void> {
  const rate = Number(process.env.LOAD_RATE ?? 200);
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const dbs = (process.env.LOAD_DBS ?? 'postgres,sqlite,scaleout,throughput').split(',');
  let ok = true;
  if (dbs.some((d) => ['postgres', 'scaleout', 'throughput'].includes(d))) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      for (const which of ['postgres', 'scaleout', 'throughput'].filter((d) => dbs.includes(d))) {
        const name = `filmrights_load_${which}_${process.pid}`;
        await admin.query(`CREATE DATABASE ${name}`);
        const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
        try {
          if (which === 'postgres') ok = (await loadOn('PostgreSQL', { url }, rate, seconds)) && ok;
          else if (which === 'scaleout') ok = (await scaleOutBench(url, rate, seconds)) && ok;
          else ok = (await scaleOutThroughput(url)) && ok;
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
      }
    } finally {
      await admin.end();
    }
  }
  if (dbs.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-load-sqlite-'));
    try {
      ok = (await loadOn('SQLite', { file: join(dir, 'load.db') }, rate, seconds)) && ok;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!ok) process.exitCode = 1;
}
