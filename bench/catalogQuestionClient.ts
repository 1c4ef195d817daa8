/**
 * The catalog-wide question of bench/store.bench.ts, timed on both sides in a
 * process of its own (as a server has it, not in the benchmark's process,
 * whose heap holds the synthetic catalog and several indexes): the engine on
 * an index rebuilt from the PostgreSQL database, and the plain-SQL query over
 * the exploded tables in the same database. Reads a JSON config (argv[2]),
 * prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { RolledRow } from '../src/domain/rollup.js';
import { FilmRights } from '../src/services/app.js';
import { FREE_SQL } from './sqlBaseline.js';
import { germanySvodQuestion } from './synthetic.js';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { url: string; params: string[] };
const now = () => process.hrtime.bigint();
const app = await FilmRights.open({ url: cfg.url });
const client = new pg.Client({ connectionString: cfg.url });
await client.connect();
try {
  const q = germanySvodQuestion();
  const sql = () => client.query<{ id: string }>({ name: 'bench-free', text: FREE_SQL, values: cfg.params });
  // the rebuild's garbage collected now (run with --expose-gc), not by a collector running beside
  // the timed questions; then both warmed up (the SQL: plan cached, pages in memory; the engine:
  // compiled), and timed 9 times each, alternating
  global.gc?.();
  for (let k = 0; k < 3; k++) await sql();
  for (let k = 0; k < 30; k++) app.index.avails(null, q);
  const sqlRuns: number[] = [];
  const engineRuns: number[] = [];
  let sqlFree: string[] = [];
  let engineRows: RolledRow[] = [];
  for (let k = 0; k < 9; k++) {
    let t0 = now();
    const res = await sql();
    sqlRuns.push(Number(now() - t0) / 1e6);
    sqlFree = res.rows.map((r) => r.id);
    t0 = now();
    engineRows = app.index.avails(null, q);
    engineRuns.push(Number(now() - t0) / 1e6);
  }
  const explain = FREE_SQL.replace(/\$(\d)/g, (_, n: string) => `'${cfg.params[Number(n) - 1]}'`);
  const plan = (await client.query<{ 'QUERY PLAN': string }>(`explain ${explain}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
  const titles = (rows: RolledRow[]) => [...new Set(rows.flatMap((r) => r.titles))];
  process.stdout.write(
    JSON.stringify({
      sqlRuns,
      engineRuns,
      sqlFree,
      engineFree: titles(engineRows),
      engineFreeAllLanguages: titles(engineRows.filter((r) => r.languages === null && r.languagesExcept.length === 0)),
      plan,
    }) + '\n',
  );
} finally {
  await client.end();
  await app.close();
}
