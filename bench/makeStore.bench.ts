/**
 * Making a SQLite store of the synthetic catalog (issue 18): bench/syntheticStore.ts's
 * makeSqliteStore (parts of 20,000 titles, prepared multi-row statements, secondary indexes built
 * at the end) against the baseline measured in the same run, the way every benchmark made its
 * store before: all rows built in memory (catalogRows), then Kysely bulk inserts in one
 * transaction (load). Then:
 * - both stores hold the same rows (every column but the insert-time timestamps, compared by SQL);
 * - the store made is checked as `filmrights check` checks a database: a server's index built
 *   from it agrees with the store (checkIntegrity), and answers the catalog-wide questions as the
 *   same catalog indexed in memory does.
 *
 * BENCH_MAKE_TITLES (default 20,000); BENCH_MAKE_FILE: keep the store made at this path (must not
 * exist); BENCH_MAKE_BASELINE=1/0 (default: on up to 20,000 titles; the baseline holds every row
 * in memory); BENCH_MAKE_CHECK=1/0 (default: on up to 100,000 titles; the check holds the index
 * and every block of the store).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { AvailsQuestion } from '../src/domain/avails.js';
import { parseDay } from '../src/domain/dates.js';
import { parseMedia } from '../src/domain/media.js';
import { RightsIndex } from '../src/domain/rightsIndex.js';
import type { RolledRow } from '../src/domain/rollup.js';
import { parseTerritories } from '../src/domain/territories.js';
import { FilmRights } from '../src/services/app.js';
import { checkIntegrity } from '../src/services/integrity.js';
import { germanySvodQuestion } from './synthetic.js';
import { catalogParts, catalogRows, load, makeSqliteStore, storeTitleId, TABLE_ORDER } from './syntheticStore.js';

const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const int = (x: number) => Math.round(x).toLocaleString('en');
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const flag = (name: string, byDefault: boolean) => (process.env[name] === undefined ? byDefault : process.env[name] === '1');
const progress = (msg: string) => {
  if (process.env.BENCH_VERBOSE) console.error(`[make store] ${msg}`);
};
const PART = 20_000;

/** The catalog-wide questions the check asks both indexes. */
function questions(): Array<[string, AvailsQuestion]> {
  const q = (territories: string, media: string, start: string, end: string, exclusive: boolean, match: AvailsQuestion['match']) => ({
    territories: parseTerritories(territories),
    media: parseMedia(media),
    languages: null,
    start: parseDay(start),
    end: parseDay(end),
    exclusive,
    match,
  });
  return [
    ['Germany, SVOD, 2027-2028, exclusive', germanySvodQuestion()],
    ['France, Theatrical, 2026-07..2027-06, exclusive', q('France', 'Theatrical', '2026-07-01', '2027-06-30', true, 'cover-entire')],
    ['Japan, Pay TV, 2026, exclusive, any part', q('Japan', 'Pay TV', '2026-01-01', '2026-12-31', true, 'overlap-part')],
  ];
}
const answerKey = (rows: RolledRow[]) =>
  rows
    .flatMap((r) => r.titles)
    .sort()
    .join(',');

/** Rows of `table` in one store and not the other (both ways), every column but the insert-time timestamps. */
export function differingRows(a: string, b: string): Record<string, number> {
  const db = new BetterSqlite3(a, { readonly: true });
  try {
    db.prepare('attach database ? as other').run(b);
    const out: Record<string, number> = {};
    for (const table of TABLE_ORDER) {
      const columns = (db.prepare(`select name from pragma_table_info('${table}')`).all() as Array<{ name: string }>)
        .map((c) => c.name)
        .filter((c) => c !== 'created_at' && c !== 'updated_at')
        .map((c) => `"${c}"`)
        .join(', ');
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      out[table] =
        count(`select count(*) as n from (select ${columns} from main.${table} except select ${columns} from other.${table})`) +
        count(`select count(*) as n from (select ${columns} from other.${table} except select ${columns} from main.${table})`) +
        Math.abs(count(`select count(*) as n from main.${table}`) - count(`select count(*) as n from other.${table}`));
    }
    return out;
  } finally {
    db.close();
  }
}

export async function makeStoreBench(titles = Number(process.env.BENCH_MAKE_TITLES ?? PART)): Promise<void> {
  const kept = process.env.BENCH_MAKE_FILE;
  if (kept && existsSync(kept)) throw new Error(`BENCH_MAKE_FILE: ${kept} exists; the bench makes a new store there`);
  const baseline = flag('BENCH_MAKE_BASELINE', titles <= PART);
  const check = flag('BENCH_MAKE_CHECK', titles <= 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-make-store-'));
  try {
    const file = kept ?? join(dir, 'made.db');
    console.log(`\n## Making a SQLite store of ${int(titles)} synthetic titles (bench/makeStore.bench.ts)\n`);
    const made = await makeSqliteStore(file, titles, { part: PART, verify: true, progress });
    const madeRss = process.resourceUsage().maxRSS * 1024;
    const size = statSync(file).size;
    console.log(
      '| measure | makeSqliteStore (parts of 20,000 titles) | baseline (same run): catalogRows + load (Kysely, one transaction) |',
    );
    console.log('|---|---:|---:|');
    let old: { ms: number; rss: number } | undefined;
    let diff: Record<string, number> | undefined;
    if (baseline) {
      const oldFile = join(dir, 'baseline.db');
      const t0 = performance.now();
      // the catalog as the maker's parts make it (the same seeds), all in memory at once
      const catalog = [...catalogParts(titles, PART)].flat();
      await load({ file: oldFile }, catalogRows(catalog), progress);
      old = { ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024 };
      diff = differingRows(file, oldFile);
    }
    const base = (s: string) => (old ? s : 'not run');
    console.log(
      `| the store made (rows, indexes, checks) | ${fmt(made.totalMs / 1000)} s (${int(made.rows / (made.totalMs / 1000))} rows/s) | ${base(`${fmt((old?.ms ?? 0) / 1000)} s (${int(made.rows / ((old?.ms ?? 1) / 1000))} rows/s; ${fmt((old?.ms ?? 0) / made.totalMs)}x)`)} |`,
    );
    console.log(
      `| of which: rows written (and made) / secondary indexes built / foreign keys checked | ${fmt(made.insertMs / 1000)} s / ${fmt(made.indexMs / 1000)} s / ${fmt(made.foreignKeyMs / 1000)} s | – |`,
    );
    console.log(`| peak memory of the process (max RSS) | ${gb(madeRss)} | ${base(`${gb(old?.rss ?? 0)} (after the maker's)`)} |`);
    console.log(
      `| rows; blocks and holdbacks; file | ${int(made.rows)}; ${int(made.blockRows)}; ${gb(size)} (${fmt(size / made.blockRows)} bytes per block) | ${base(diff && Object.values(diff).every((n) => n === 0) ? 'the same rows in every table' : `ROWS DIFFER: ${JSON.stringify(diff)}`)} |`,
    );

    if (check) {
      // as `filmrights check` does: a server's index built from the store agrees with the store
      const t0 = performance.now();
      const app = await FilmRights.open({ file });
      const openMs = performance.now() - t0;
      try {
        const report = await checkIntegrity(app);
        // and answers as the same catalog indexed in memory
        const reference = new RightsIndex();
        for (const part of catalogParts(titles, PART)) for (const t of part) reference.setTitle(storeTitleId(t.id), t.blocks);
        const answers = questions().map(([name, q]) => {
          const a = answerKey(app.index.avails(null, q));
          const b = answerKey(reference.avails(null, q));
          return `${name}: ${a === b ? 'same' : 'DIFFERENT'} (${int(a ? a.split(',').length : 0)} titles)`;
        });
        console.log(
          `\nChecked (FilmRights.open, ${fmt(openMs / 1000)} s, then checkIntegrity as \`filmrights check\`): ${int(report.titles)} titles, ${int(report.blocks)} blocks; index and store ${report.indexMismatches.length ? `DISAGREE on ${report.indexMismatches.length} titles` : 'agree'}; blocks in the index ${int(app.index.blockCount)}, in the catalog indexed in memory ${int(reference.blockCount)}. Catalog-wide answers against the catalog indexed in memory: ${answers.join('; ')}. (${int(report.doubleSales.length)} sales overlap an earlier exclusive sale: the synthetic catalog sells at random.)`,
        );
      } finally {
        await app.close();
      }
    }
    if (kept) console.log(`\nThe store is kept at ${kept}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
