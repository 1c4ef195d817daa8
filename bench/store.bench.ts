/**
 * Store benchmark: the synthetic catalog (10k titles, ~30 blocks each) loaded
 * into SQLite and PostgreSQL; the index rebuilt from each; the real HTTP
 * server answering POST /api/avails under load from a second process
 * (autocannon); and the catalog-wide question answered by plain SQL over
 * exploded rights tables on PostgreSQL, against the engine's answer.
 *
 * Baselines measured in the same run:
 * - rebuildIndex: the same SELECTs the rebuild runs, rows read and thrown away;
 * - the API: the same questions answered in-process (askAvails, no HTTP);
 * - the engine's catalog question: one SQL query over one row per country and
 *   media leaf, indexed on (country, media, title).
 *
 * Everything it creates is temporary: a SQLite file in a temp dir and a
 * PostgreSQL database filmrights_bench_<random>, both removed at the end, on
 * failure too (and on SIGINT/SIGTERM).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { toIndices } from '../src/domain/bitset.js';
import { COUNTRIES } from '../src/domain/countries.js';
import { formatDay } from '../src/domain/dates.js';
import { MEDIA } from '../src/domain/media.js';
import type { RolledRow } from '../src/domain/rollup.js';
import { RightsIndex } from '../src/domain/rightsIndex.js';
import { FilmRights, type Actor } from '../src/services/app.js';
import { askAvails, resolveTitles, type AvailsInput } from '../src/services/avails.js';
import { ACTIVE_STATUSES, HOLD_STATUSES } from '../src/services/engineBlocks.js';
import { createApiToken } from '../src/services/users.js';
import { EXPLODE_SQL } from './sqlBaseline.js';
import { germanySvodQuestion, rng, syntheticCatalog } from './synthetic.js';
import { catalogRows, load, storeTitleId, TABLE_ORDER } from './syntheticStore.js';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const now = () => process.hrtime.bigint();
const since = (t0: bigint) => Number(now() - t0) / 1e6;
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = now();
  const v = await fn();
  return [v, since(t0)];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const int = (x: number) => Math.round(x).toLocaleString('en');
const started = now();
/** Progress on stderr with BENCH_VERBOSE=1. */
const progress = (msg: string) => {
  if (process.env.BENCH_VERBOSE) console.error(`[store bench ${(since(started) / 1000).toFixed(1)} s] ${msg}`);
};

/** The baseline of a rebuild: the SELECTs rebuildIndex runs (blocks, holdbacks, title names, contract parties), rows discarded. */
async function rawRead(app: FilmRights): Promise<number> {
  const db = app.store.db;
  const [, ms] = await timed(async () => {
    await db
      .selectFrom('rights_blocks as b')
      .innerJoin('contracts as c', 'c.id', 'b.contract_id')
      .select([
        'b.title_id',
        'b.territory_codes',
        'b.media_ids',
        'b.languages',
        'b.start_date',
        'b.end_date',
        'b.exclusive',
        'c.id as contract_id',
        'c.ref',
        'c.direction',
        'c.status',
      ])
      .where('c.deleted_at', 'is', null)
      .where('c.direction', '!=', 'third-party')
      .where('c.status', 'in', [...ACTIVE_STATUSES, ...HOLD_STATUSES])
      .execute();
    await db
      .selectFrom('holdbacks as h')
      .innerJoin('contracts as c', 'c.id', 'h.contract_id')
      .select(['h.title_id', 'h.territory_codes', 'h.media_ids', 'h.start_date', 'h.end_date', 'c.ref'])
      .where('c.deleted_at', 'is', null)
      .where('c.direction', '!=', 'third-party')
      .where('c.status', 'in', [...ACTIVE_STATUSES])
      .execute();
    await db.selectFrom('titles').select(['id', 'original_title', 'english_title']).execute();
    await db
      .selectFrom('contracts as c')
      .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
      .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
      .select(['c.ref', 'lor.name as licensor', 'lee.name as licensee'])
      .execute();
  });
  return ms;
}

// ------------------------------------------------------------------ the load generator

interface LoadResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number; sent: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  ok: number;
  duration: number;
}

const LOAD_CLIENT = fileURLToPath(new URL('./loadClient.ts', import.meta.url));

const CATALOG_QUESTION_CLIENT = fileURLToPath(new URL('./catalogQuestionClient.ts', import.meta.url));

/** Runs a bench client script in a child process (node + tsx) with a config file; its last stdout line is its JSON result. Killed after `seconds`. */
function runChild<T>(script: string, cfgFile: string, seconds: number, children: Set<ReturnType<typeof spawn>>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, cfgFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), seconds * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      children.delete(child);
      if (code !== 0) return reject(new Error(`${script} exited with ${code ?? signal}: ${err.trim().slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
      } catch (e) {
        reject(new Error(`${script} printed no result: ${out.slice(-500)} ${err.slice(-500)}`, { cause: e }));
      }
    });
  });
}

/** Runs bench/loadClient.ts in a child process, killed if it outlives its duration by 30 s. */
const runLoad = (cfgFile: string, duration: number, children: Set<ReturnType<typeof spawn>>) =>
  runChild<LoadResult>(LOAD_CLIENT, cfgFile, duration + 30, children);

const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** `filmrights serve` on PostgreSQL in a child process (node + tsx, the API only: no web build, request logs discarded), once it listens. */
export async function serveInChildProcess(
  url: string,
  children: Set<ReturnType<typeof spawn>>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-web-build'], {
    // LOG_LEVEL warn: serve logs every request at its default (info); the baselines were measured without request lines
    env: { ...process.env, DATABASE_URL: url, FILMRIGHTS_ADMIN_PASSWORD: randomBytes(12).toString('hex'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let err = '';
  child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const m = /filmrights is listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume(); // the request log, read and dropped
        resolve(m[1]);
      } else if (out.length > 100_000) out = out.slice(-1000);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`filmrights serve exited with ${code}: ${err.trim()}`)));
  });
  return {
    url: listening,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

// ------------------------------------------------------------------ the benchmark

export async function storeBench(titles = Number(process.env.BENCH_STORE_TITLES ?? 10_000)): Promise<void> {
  const rateSeconds = Number(process.env.BENCH_RATE_SECONDS ?? 20);
  const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 10);
  const rate = 200;

  const cleanups: Array<() => Promise<void> | void> = [];
  const children = new Set<ReturnType<typeof spawn>>();
  cleanups.push(() => {
    for (const c of children) c.kill('SIGKILL');
  });
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      while (cleanups.length) {
        try {
          await cleanups.pop()!();
        } catch (error) {
          console.error('cleanup:', error);
        }
      }
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: removing the bench databases`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const t00 = now();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-bench-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const sqliteFile = join(dir, 'bench.db');
    const dbName = `filmrights_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    cleanups.push(() => admin.end());
    await admin.query(`create database ${dbName}`);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${dbName} with (force)`);
    });
    const pgUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);

    // ---- 1. load
    const catalog = syntheticCatalog(titles, 42);
    // the rows are garbage once loaded (they would weigh on the rebuilds' GC)
    const { blockRows, totalRows, loadSqlite, loadPg } = await (async () => {
      const rows = catalogRows(catalog);
      return {
        blockRows: rows.rights_blocks.length + rows.holdbacks.length,
        totalRows: TABLE_ORDER.reduce((s, t) => s + rows[t].length, 0),
        loadSqlite: await load({ file: sqliteFile }, rows, progress),
        loadPg: await load({ url: pgUrl }, rows, progress),
      };
    })();
    // statistics and visibility map now, not by autovacuum in the middle of a measurement (not timed)
    {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      try {
        await c.query('vacuum analyze');
      } finally {
        await c.end();
      }
    }

    progress('loaded');
    // ---- 2. index rebuild
    const catalogQ = germanySvodQuestion();
    const reference = new RightsIndex();
    for (const t of catalog) reference.setTitle(storeTitleId(t.id), t.blocks);
    const freeTitles = (rs: RolledRow[]) => new Set(rs.flatMap((r) => r.titles));
    const referenceFree = freeTitles(reference.avails(null, catalogQ));

    const rebuild: Record<'sqlite' | 'postgres', { open: number; rebuild: number; raw: number; blocks: number; same: boolean }> =
      {} as never;
    let pgApp: FilmRights | undefined;
    for (const [name, opts] of [
      ['sqlite', { file: sqliteFile }],
      ['postgres', { url: pgUrl }],
    ] as const) {
      const [app, open] = await timed(() => FilmRights.open(opts));
      cleanups.push(() => app.close());
      const [{ blocks }, ms] = await timed(() => app.rebuildIndex());
      const raw = await rawRead(app);
      const free = freeTitles(app.index.avails(null, catalogQ));
      const same = free.size === referenceFree.size && [...free].every((t) => referenceFree.has(t));
      rebuild[name] = { open, rebuild: ms, raw, blocks, same };
      if (name === 'postgres') pgApp = app;
      else await app.close();
    }

    progress('index rebuilt on both');
    // ---- 3. the API under load, on PostgreSQL: the server in a process of its own, as
    // `filmrights serve` runs in production (this process's heap holds three indexes and the
    // synthetic catalog, whose garbage collections a real server would not pay for)
    const server = await serveInChildProcess(pgUrl, children);
    cleanups.push(() => server.stop());
    const user = await pgApp!.store.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor: Actor = { id: user.id, username: user.username, role: 'admin', canSeeFinancials: true };
    const { token } = await createApiToken(pgApp!, actor, 'read', 'store benchmark');

    const catalogQuestions: AvailsInput[] = [
      { territories: 'Germany', media: 'SVOD', start: '2027-01-01', end: '2028-12-31', exclusive: true, match: 'cover-entire' },
      { territories: 'France', media: 'Theatrical', start: '2026-07-01', end: '2027-06-30', exclusive: true, match: 'cover-entire' },
      { territories: 'U.K.', media: 'Free TV', start: '2027-01-01', end: '2029-12-31', exclusive: false, match: 'cover-entire' },
      { territories: 'Japan', media: 'Pay TV', start: '2026-01-01', end: '2026-12-31', exclusive: true, match: 'overlap-part' },
    ];
    const pick = rng(11);
    const titleQuestions: AvailsInput[] = [];
    for (let k = 0; k < 8; k++) {
      const id = storeTitleId(catalog[Math.floor(pick() * catalog.length)].id);
      titleQuestions.push(
        k % 2 === 0
          ? {
              titles: [id],
              territories: 'Germany',
              media: 'SVOD',
              start: '2027-01-01',
              end: '2028-12-31',
              exclusive: true,
              match: 'cover-entire',
            }
          : {
              titles: [id],
              territories: 'Worldwide',
              media: 'All Media',
              start: '2026-01-01',
              end: '2030-12-31',
              exclusive: true,
              match: 'overlap-part',
            },
      );
    }
    // 1 catalog-wide question for 2 single-title ones
    const mix: AvailsInput[] = [];
    for (let k = 0; k < catalogQuestions.length; k++) mix.push(catalogQuestions[k], titleQuestions[2 * k], titleQuestions[2 * k + 1]);
    const bodies = mix.map((q) => JSON.stringify(q));

    let responseBytes = 0;
    for (const body of bodies) {
      const res = await fetch(`${server.url}/api/avails`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`POST /api/avails ${body} → ${res.status}: ${text.slice(0, 300)}`);
      responseBytes += text.length;
    }
    // baseline: the same mix answered in-process (question parsing, title lookup, engine, row views; no HTTP, no auth, no JSON)
    const perQuestion = mix.map(() => [] as number[]);
    for (let round = 0; round < 2; round++) for (const q of mix) await askAvails(pgApp!, actor, q); // warm-up, not timed
    for (let round = 0; round < 3; round++)
      for (const [k, q] of mix.entries()) perQuestion[k].push((await timed(() => askAvails(pgApp!, actor, q)))[1]);
    const inProcessMean = perQuestion.flat().reduce((a, b) => a + b, 0) / (3 * mix.length);
    const medianOf = (pred: (q: AvailsInput) => boolean) => median(mix.flatMap((q, k) => (pred(q) ? perQuestion[k] : [])));
    // the part of a single-title question spent looking its id up (resolveTitles reads every title)
    const resolveRuns: number[] = [];
    for (let k = 0; k < 3; k++) resolveRuns.push((await timed(() => resolveTitles(pgApp!, titleQuestions[0].titles!)))[1]);
    const resolveMs = median(resolveRuns);

    const cfgFile = join(dir, 'load.json');
    const loads: Array<{ label: string; r: LoadResult }> = [];
    for (const run of [
      { label: 'warm-up (not reported)', duration: 3, connections: 10, overallRate: undefined },
      {
        label: `open loop: one request every ${1000 / rate} ms (${rate}/s), ${rateSeconds} s`,
        duration: rateSeconds,
        connections: 0,
        openLoopRate: rate,
      },
      {
        label: `autocannon, rate limit ${rate}/s, ${rateSeconds} s, 10 connections`,
        duration: rateSeconds,
        connections: 10,
        overallRate: rate,
      },
      {
        label: `autocannon, max throughput, ${maxSeconds} s, 10 connections`,
        duration: maxSeconds,
        connections: 10,
        overallRate: undefined,
      },
    ]) {
      writeFileSync(
        cfgFile,
        JSON.stringify({
          url: `${server.url}/api/avails`,
          token,
          bodies,
          connections: run.connections,
          duration: run.duration,
          overallRate: run.overallRate,
          openLoopRate: run.openLoopRate,
        }),
      );
      loads.push({ label: run.label, r: await runLoad(cfgFile, run.duration, children) });
      progress(`load run: ${run.label}`);
    }
    await server.stop();

    progress('load runs done');
    // ---- 4. the plain-SQL baseline on PostgreSQL
    const connect = async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      cleanups.push(() => c.end());
      await c.query(`set statement_timeout = '240s'`);
      await c.query(`set maintenance_work_mem = '256MB'`);
      return c;
    };
    const client = await connect();
    const second = await connect();
    const runAll = async (c: pg.Client, stmts: readonly string[]) => {
      for (const stmt of stmts) {
        const ts = now();
        await c.query(
          stmt,
          stmt.includes('bench_country select') ? [COUNTRIES.codes] : stmt.includes('bench_media select') ? [MEDIA.codes] : [],
        );
        progress(`${since(ts).toFixed(0)} ms: ${stmt.replace(/\s+/g, ' ').slice(0, 60)}`);
      }
    };
    const t0 = now();
    await runAll(client, EXPLODE_SQL.setup);
    await Promise.all([runAll(client, EXPLODE_SQL.in), runAll(second, EXPLODE_SQL.out)]);
    await runAll(client, EXPLODE_SQL.finish);
    const explodeMs = since(t0);
    progress('exploded');
    const counts = (
      await client.query<{ i: string; o: string }>(`select (select count(*) from bench_in) as i, (select count(*) from bench_out) as o`)
    ).rows[0];

    const [country] = toIndices(catalogQ.territories).map((i) => COUNTRIES.codeAt(i));
    const [medium] = toIndices(catalogQ.media).map((i) => MEDIA.codeAt(i));
    if (toIndices(catalogQ.territories).length !== 1 || toIndices(catalogQ.media).length !== 1)
      throw new Error('the SQL baseline asks about one country and one media leaf');
    const params = [country, medium, formatDay(catalogQ.start), formatDay(catalogQ.end)];
    const cqFile = join(dir, 'catalog-question.json');
    writeFileSync(cqFile, JSON.stringify({ url: pgUrl, params }));
    const cq = await runChild<{
      sqlRuns: number[];
      engineRuns: number[];
      sqlFree: string[];
      engineFree: string[];
      engineFreeAllLanguages: string[];
      plan: string;
    }>(CATALOG_QUESTION_CLIENT, cqFile, 300, children);
    const { sqlRuns, engineRuns, plan } = cq;
    const sqlFree = new Set(cq.sqlFree);
    const engineFree = new Set(cq.engineFree);
    const engineFreeAllLanguages = new Set(cq.engineFreeAllLanguages);
    const sqlMs = median(sqlRuns);
    const engineMs = median(engineRuns);

    progress('queries done');
    // ---- report
    const perM = (ms: number, n: number) => fmt(ms / (n / 1e6));
    const s = rebuild.sqlite;
    const p = rebuild.postgres;
    console.log(`\n## Store, API and a plain-SQL baseline (bench/store.bench.ts)\n`);
    console.log(
      `${titles.toLocaleString('en')} synthetic titles, ${blockRows.toLocaleString('en')} rights blocks and holdbacks, ${totalRows.toLocaleString('en')} rows in 6 tables.\n`,
    );
    console.log('| measure | SQLite | PostgreSQL | baseline (same run), SQLite / PostgreSQL | ratio to baseline, SQLite / PostgreSQL |');
    console.log('|---|---:|---:|---|---:|');
    console.log(
      `| load: bulk inserts, one transaction | ${fmt(loadSqlite / 1000)} s (${int(totalRows / (loadSqlite / 1000))} rows/s) | ${fmt(loadPg / 1000)} s (${int(totalRows / (loadPg / 1000))} rows/s) | – | – |`,
    );
    console.log(
      `| FilmRights.open (migrate + first rebuild) | ${fmt(s.open)} ms (${perM(s.open, s.blocks)} ms per M blocks) | ${fmt(p.open)} ms (${perM(p.open, p.blocks)} ms per M blocks) | – | – |`,
    );
    console.log(
      `| rebuildIndex() | ${fmt(s.rebuild)} ms (${perM(s.rebuild, s.blocks)} ms per M blocks) | ${fmt(p.rebuild)} ms (${perM(p.rebuild, p.blocks)} ms per M blocks) | the same SELECTs, rows discarded: ${fmt(s.raw)} / ${fmt(p.raw)} ms | ${(s.rebuild / s.raw).toFixed(1)}x / ${(p.rebuild / p.raw).toFixed(1)}x |`,
    );
    console.log(
      `| blocks in the index; same answer as the catalog indexed in memory | ${int(s.blocks)}; ${s.same ? 'yes' : 'NO'} | ${int(p.blocks)}; ${p.same ? 'yes' : 'NO'} | ${int(reference.blockCount)} blocks in memory | – |`,
    );

    console.log(
      `\nPOST /api/avails to \`filmrights serve\` on PostgreSQL (a process of its own, request log on) from a second process, a mix of ${mix.length} questions (${catalogQuestions.length} catalog-wide, ${titleQuestions.length} single-title; ${fmt(responseBytes / mix.length / 1024)} KB per answer on average). Baseline: the same mix answered in-process by askAvails, ${fmt(inProcessMean)} ms per question on average.\n`,
    );
    const catalogMs = catalogQuestions.map((q) => `${q.territories}/${q.media} ${fmt(median(perQuestion[mix.indexOf(q)]))}`).join(', ');
    console.log(
      `In-process, median of 3, ms: catalog-wide ${catalogMs}; single title ${fmt(medianOf((q) => !!q.titles && q.media === 'SVOD'))} (Germany/SVOD), ${fmt(medianOf((q) => !!q.titles && q.media === 'All Media'))} (Worldwide/All Media grid), of which resolveTitles for one id ${fmt(resolveMs)}.\n`,
    );
    console.log('| run | requests | req/s | p50 ms | p99 ms | mean ms | max ms | MB/s | errors / timeouts / non-2xx | mean / in-process |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|');
    for (const { label, r } of loads.slice(1)) {
      console.log(
        `| ${label} | ${int(r.requests.total)} | ${fmt(r.requests.total / r.duration)} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p99)} | ${fmt(r.latency.average)} | ${fmt(r.latency.max)} | ${fmt(r.throughput.average / 1e6)} | ${r.errors} / ${r.timeouts} / ${r.non2xx} | ${(r.latency.average / inProcessMean).toFixed(1)}x |`,
      );
    }

    const fixed = loads[1].r;
    const achieved = fixed.ok / fixed.duration;
    if (achieved < 0.9 * rate)
      console.log(
        `\nThe server did not keep up with ${rate} requests/s: ${fmt(achieved)}/s answered in the open-loop run, so it measured a saturated server.`,
      );
    console.log(
      `\nThe open-loop run (bench/openLoop.ts) sends request i at start + i x ${1000 / rate} ms whatever the server does, and times each from that moment: this is "${rate} requests/s", and the target (p99 < 50 ms) is read on it. autocannon's rate limit instead lets each of its 10 connections send its share of a second back to back, then wait: bursts of 10 requests at once, so its latencies include queueing behind each burst (its coordinated-omission correction is off: it assumes a 1 ms interval between requests).`,
    );
    console.log(
      `\nThe catalog-wide question "exclusive, free for SVOD in Germany for all of 2027-01-01..2028-12-31" on PostgreSQL: one SQL query over rights exploded to one row per country and media leaf (${int(Number(counts.i))} rows in, ${int(Number(counts.o))} rows out/hold/holdback; explosion and indexes ${fmt(explodeMs / 1000)} s, not counted), against the engine's index rebuilt from the same database; both timed in a process of their own (bench/catalogQuestionClient.ts), alternately.\n`,
    );
    console.log('| answer | median of 9, ms (fastest) | titles free | ratio to the engine |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| engine: index.avails(null, question) | ${fmt(engineMs)} (${fmt(Math.min(...engineRuns))}) | ${engineFree.size} (${engineFreeAllLanguages.size} in every language) | 1.0x |`,
    );
    console.log(
      `| plain SQL (${plan.includes('Index') ? 'index scans' : 'no index in the plan'}) | ${fmt(sqlMs)} (${fmt(Math.min(...sqlRuns))}) | ${sqlFree.size} | ${(sqlMs / engineMs).toFixed(1)}x |`,
    );
    const onlyEngine = [...engineFree].filter((t) => !sqlFree.has(t)).sort();
    const onlySql = [...sqlFree].filter((t) => !engineFree.has(t)).sort();
    if (!onlyEngine.length && !onlySql.length) {
      console.log(`\nThe engine and the SQL query agree: the same ${sqlFree.size} titles.`);
    } else {
      const allLangAgree = engineFreeAllLanguages.size === sqlFree.size && [...sqlFree].every((t) => engineFreeAllLanguages.has(t));
      console.log(
        `\nThe engine and the SQL query DISAGREE: ${onlyEngine.length} titles only in the engine's answer, ${onlySql.length} only in SQL's.`,
      );
      const show = (xs: string[]) => xs.slice(0, 12).join(', ') + (xs.length > 12 ? `, … (${xs.length})` : '');
      if (onlyEngine.length) console.log(`- only the engine: ${show(onlyEngine)}`);
      if (onlySql.length) console.log(`- only SQL: ${show(onlySql)}`);
      const byId = new Map(catalog.map((t) => [storeTitleId(t.id), t]));
      const langOnly = onlyEngine.filter((id) => {
        const blockers = byId
          .get(id)!
          .blocks.filter(
            (b) =>
              b.kind !== 'in' &&
              b.start <= catalogQ.end &&
              b.end >= catalogQ.start &&
              toIndices(b.territories).includes(COUNTRIES.indexOf(country)) &&
              toIndices(b.media).includes(MEDIA.indexOf(medium)),
          );
        return blockers.length > 0 && blockers.every((b) => b.languages !== null);
      });
      console.log(
        `- of the titles only the engine gives, ${langOnly.length} are blocked in SQL only by language-restricted deals (free in the other languages: the engine answers per language, bench_out has no language column).`,
      );
      console.log(`- the engine's titles free in every language ${allLangAgree ? 'are exactly' : 'are not'} the SQL answer.`);
    }
    console.log(`\nStore benchmark: ${fmt(since(t00) / 1000)} s in all.`);
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
