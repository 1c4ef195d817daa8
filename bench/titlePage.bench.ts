/**
 * Title-page benchmark: GET /api/titles/:id's reader (getTitle) on PostgreSQL
 * with the store benchmark's 10k-title synthetic catalog (~30 contracts and
 * blocks a title) and the demo's titles (credits, companies, festivals,
 * awards, releases, box office, sources) imported beside them.
 *
 * Baseline measured in the same run: the reader as it was before it was
 * batched, one query after the other (bench/titlePageSequential.ts). Both
 * answer every page benchmarked; the benchmark says whether the answers are
 * the same, and counts each reader's queries with Kysely's query log.
 *
 * Everything it creates is temporary: a PostgreSQL database
 * filmrights_bench_<random>, dropped at the end, on failure too.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { FilmRights, SYSTEM } from '../src/services/app.js';
import { getTitle, type TitleDetail } from '../src/services/catalog.js';
import { DEMO_DIR, readDemo } from '../src/services/demo.js';
import { importJson } from '../src/services/interchange.js';
import { catalogRows, load, storeTitleId } from './syntheticStore.js';
import { rng, syntheticCatalog } from './synthetic.js';
import { getTitleSequential } from './titlePageSequential.js';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_TITLE_PAGE_ROUNDS ?? 15);

const now = () => process.hrtime.bigint();
const since = (t0: bigint) => Number(now() - t0) / 1e6;
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

type Reader = (app: FilmRights, id: string) => Promise<TitleDetail>;

export async function titlePageBench(titles = Number(process.env.BENCH_STORE_TITLES ?? 10_000)): Promise<void> {
  const t00 = now();
  const dbName = `filmrights_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  let app: FilmRights | undefined;
  try {
    await admin.query(`create database ${dbName}`);
    const url = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
    const catalog = syntheticCatalog(titles, 42);
    await load({ url }, catalogRows(catalog));

    let queries = 0;
    app = await FilmRights.open({
      url,
      log: (event) => {
        if (event.level === 'query') queries++;
      },
    });
    await importJson(app, SYSTEM, readDemo(), { baseDir: DEMO_DIR });
    await sql`vacuum analyze`.execute(app.store.db);

    // the pages: every demo title (the full pages), and synthetic ones picked at random (many contracts)
    const synthetic = new Set(catalog.map((t) => storeTitleId(t.id)));
    const all = await app.store.db.selectFrom('titles').select('id').orderBy('id').execute();
    const demo = all.map((t) => t.id).filter((id) => !synthetic.has(id));
    const pick = rng(7);
    const sampled = Array.from({ length: 12 }, () => storeTitleId(catalog[Math.floor(pick() * catalog.length)].id));
    const pages = [...demo, ...sampled];

    const readers: Record<'batched' | 'sequential', Reader> = {
      batched: (a, id) => getTitle(a, SYSTEM, id),
      sequential: (a, id) => getTitleSequential(a, SYSTEM, id),
    };
    // the same answer, and each reader's queries for each page
    const counts = { batched: [] as number[], sequential: [] as number[] };
    const differ: string[] = [];
    const differIn = new Set<string>();
    for (const id of pages) {
      const answers: Record<string, TitleDetail> = {};
      for (const [name, read] of Object.entries(readers) as Array<[keyof typeof readers, Reader]>) {
        queries = 0;
        answers[name] = await read(app, id);
        counts[name].push(queries);
      }
      const keys = new Set([...Object.keys(answers.batched), ...Object.keys(answers.sequential)]);
      const fields = [...keys].filter(
        (k) =>
          JSON.stringify((answers.batched as unknown as Record<string, unknown>)[k]) !==
          JSON.stringify((answers.sequential as unknown as Record<string, unknown>)[k]),
      );
      if (fields.length) {
        differ.push(id);
        for (const f of fields) differIn.add(f);
        if (process.env.BENCH_VERBOSE && differ.length === 1)
          for (const f of fields)
            console.error(
              `[titlepage] ${id} ${f}\n batched:    ${JSON.stringify((answers.batched as unknown as Record<string, unknown>)[f]).slice(0, 1500)}\n sequential: ${JSON.stringify((answers.sequential as unknown as Record<string, unknown>)[f]).slice(0, 1500)}`,
            );
      }
    }

    // timing: both readers on every page, alternately, after two untimed rounds
    const times = { batched: [] as number[], sequential: [] as number[] };
    const demoTimes = { batched: [] as number[], sequential: [] as number[] };
    for (let round = 0; round < ROUNDS + 2; round++) {
      for (const id of pages) {
        for (const [name, read] of Object.entries(readers) as Array<[keyof typeof readers, Reader]>) {
          const t0 = now();
          await read(app, id);
          const ms = since(t0);
          if (round < 2) continue;
          times[name].push(ms);
          if (!synthetic.has(id)) demoTimes[name].push(ms);
        }
      }
    }

    const b = times.batched;
    const s = times.sequential;
    const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
    console.log(`\n## Title page, PostgreSQL, ${titles.toLocaleString('en')}-title catalog (bench/titlePage.bench.ts)\n`);
    console.log(
      `getTitle (GET /api/titles/:id) on ${pages.length} pages: the ${demo.length} demo titles (credits, festivals, awards, releases, box office, sources) and ${sampled.length} synthetic titles (about 30 contracts each), ${ROUNDS} rounds each, in-process (no HTTP). Baseline: the sequential reader it replaces (bench/titlePageSequential.ts), in the same run.\n`,
    );
    console.log('| reader | median ms | p90 ms | max ms | median ms, demo titles | queries per page | ratio to baseline (median) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| batched (getTitle) | ${fmt(quantile(b, 0.5))} | ${fmt(quantile(b, 0.9))} | ${fmt(Math.max(...b))} | ${fmt(quantile(demoTimes.batched, 0.5))} | ${range(counts.batched)} | ${(quantile(b, 0.5) / quantile(s, 0.5)).toFixed(2)}x |`,
    );
    console.log(
      `| baseline: sequential | ${fmt(quantile(s, 0.5))} | ${fmt(quantile(s, 0.9))} | ${fmt(Math.max(...s))} | ${fmt(quantile(demoTimes.sequential, 0.5))} | ${range(counts.sequential)} | 1.00x |`,
    );
    console.log(
      differ.length
        ? `\nThe two readers DISAGREE on ${differ.length} pages (${differ.slice(0, 10).join(', ')}), in: ${[...differIn].join(', ')}.`
        : `\nBoth readers give the same answer on all ${pages.length} pages.`,
    );
    console.log(`\nTitle-page benchmark: ${fmt(since(t00) / 1000)} s in all.`);
  } finally {
    await app?.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
