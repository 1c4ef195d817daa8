/**
 * Scale benchmark (issue 18): the synthetic catalog at BENCH_SCALE_TITLES titles (default
 * 200,000; ~30 blocks each), made in parts so only the index stays in memory. Prints the index
 * build and its memory per block; the index snapshot written and loaded against the full build
 * (the baseline, same run); the catalog-wide question; a conflict check; an incremental update.
 * Then a server's start on SQLite at BENCH_SCALE_STORE_TITLES titles (default 10,000): built from
 * the database (the baseline) against started from its snapshot, to its first answer, with the
 * process's peak RSS (the store made by bench/syntheticStore.ts when missing). Either count at 0
 * skips its part.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilmRights, SYSTEM } from '../src/services/app.js';
import { askAvails } from '../src/services/avails.js';
import type { AvailsInput } from '../src/contract/rights.js';
import { openIndexSnapshot, writeIndexSnapshot, type SnapshotStamp } from '../src/services/indexSnapshot.js';
import { RightsIndex } from '../src/domain/rightsIndex.js';
import type { RolledRow } from '../src/domain/rollup.js';
import { openDatabase, SCHEMA_VERSION } from '../src/store/index.js';
import { makeSqliteStore } from './syntheticStore.js';
import { germanySvodQuestion, rng, syntheticCatalog } from './synthetic.js';

const PART = 20_000;
const now = () => performance.now();
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const gc = () => (global.gc ? global.gc() : undefined);
/** Heap and typed-array memory (what the index holds). */
const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const titlesIn = (rows: RolledRow[]) => rows.reduce((n, r) => n + r.titles.length, 0);

export async function scaleBench(
  titles = Number(process.env.BENCH_SCALE_TITLES ?? 200_000),
  storeTitles = Number(process.env.BENCH_SCALE_STORE_TITLES ?? 10_000),
): Promise<void> {
  console.log(`\n## Scale: ${titles.toLocaleString('en')} titles (index), ${storeTitles.toLocaleString('en')} titles (server start)\n`);
  // either part alone with the other's count at 0 (at 1M titles each holds an index of several GB)
  if (titles > 0) await indexScale(titles);
  if (storeTitles > 0) await serverStart(storeTitles);
}

/**
 * The index of `titles` titles built in memory, its snapshot, and its answers, conflict checks and updates.
 * BENCH_SCALE_SNAPSHOT_FILE: keep the snapshot written at this path; when it exists already (from an
 * earlier run of the same count), the build and the write are skipped and the answers are measured on
 * the index loaded from it (a quiet re-measure of a large catalog in a minute, not ten).
 */
async function indexScale(titles: number): Promise<void> {
  const keptSnapshot = process.env.BENCH_SCALE_SNAPSHOT_FILE;
  if (keptSnapshot && existsSync(keptSnapshot)) return indexFromKeptSnapshot(keptSnapshot, titles);
  gc();
  const before = held();
  // ---- the full build from blocks in memory (the baseline of the snapshot load)
  let index = new RightsIndex();
  let buildMs = 0;
  let blocks = 0;
  const sample: Array<{ id: string; blocks: ReturnType<typeof syntheticCatalog>[number]['blocks'] }> = [];
  const r = rng(3);
  for (let first = 0; first < titles; first += PART) {
    const part = syntheticCatalog(Math.min(PART, titles - first), 42 + first, first);
    const t0 = now();
    for (const t of part) index.setTitle(t.id, t.blocks);
    buildMs += now() - t0;
    for (const t of part) {
      blocks += t.blocks.length;
      if (r() < 2000 / titles) sample.push(t);
    }
    if (process.env.BENCH_VERBOSE) console.error(`[scale] ${first + part.length} titles indexed, ${Math.round(buildMs)} ms`);
  }
  gc();
  const bytes = held() - before;
  console.log('| measure | figure | baseline (same run) |');
  console.log('|---|---:|---:|');
  console.log(
    `| index build, ${blocks.toLocaleString('en')} blocks | ${fmt(buildMs / 1000)} s (${fmt(buildMs / (blocks / 1e6))} ms per M blocks) | – |`,
  );
  console.log(
    `| memory of the index | ${(bytes / 1e9).toFixed(2)} GB, ${fmt(bytes / blocks)} bytes per block | columns and posting lists alone: ${fmt(index.columnBytes() / blocks)} bytes per block |`,
  );

  // ---- snapshot write and load, against the full build
  const dir = keptSnapshot ? null : mkdtempSync(join(tmpdir(), 'filmrights-scale-'));
  try {
    const file = keptSnapshot ?? join(dir!, 'bench.rights-index');
    const stamp: SnapshotStamp = {
      format: 1,
      schema: SCHEMA_VERSION,
      databaseId: 'bench',
      position: 0,
      positionRow: null,
      writtenAt: new Date().toISOString(),
      titles: index.titleCount,
      blocks: index.blockCount,
    };
    let t0 = now();
    const written = writeIndexSnapshot(file, stamp, index.toColumns(), new Map());
    const writeMs = now() - t0;
    const catalogQ = germanySvodQuestion();
    const expected = titlesIn(index.avails(null, catalogQ));
    const expectedBlocks = index.blockCount;
    // the built index goes before the snapshot is loaded (two of them at 1M titles need twice the memory)
    index = new RightsIndex();
    // twice: the first collection leaves some of the old index to the next one, which would be counted against the load
    gc();
    gc();
    const beforeLoad = held();
    t0 = now();
    const opened = openIndexSnapshot(file);
    index = RightsIndex.fromColumns(opened.columns().columns);
    opened.close();
    const loadMs = now() - t0;
    gc();
    const loadedBytes = held() - beforeLoad;
    const same = titlesIn(index.avails(null, catalogQ)) === expected && index.blockCount === expectedBlocks;
    console.log(`| snapshot write | ${fmt(writeMs)} ms, ${(written / 1e6).toFixed(0)} MB (${fmt(written / blocks)} bytes per block) | – |`);
    console.log(
      `| snapshot load (read, check, index) | ${fmt(loadMs)} ms${same ? '' : ' (ANSWERS DIFFER)'} | full build from blocks in memory: ${fmt(buildMs)} ms (${fmt(buildMs / loadMs)}x) |`,
    );
    console.log(
      `| memory of the index loaded from the snapshot | ${(loadedBytes / 1e9).toFixed(2)} GB, ${fmt(loadedBytes / blocks)} bytes per block | built: ${fmt(bytes / blocks)} bytes per block |`,
    );
    console.log('\n(the figures below are of the index loaded from the snapshot, as a server started from it has it)\n');
    console.log('| measure | figure | baseline (same run) |');
    console.log('|---|---:|---:|');

    askIndex(index, catalogQ, expected, sample, r);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

type Sample = Array<{ id: string; blocks: ReturnType<typeof syntheticCatalog>[number]['blocks'] }>;

/** The catalog-wide question whole and a page at a time, a conflict check and an incremental update, on `index`. */
function askIndex(
  index: RightsIndex,
  catalogQ: ReturnType<typeof germanySvodQuestion>,
  expected: number,
  sample: Sample,
  r: () => number,
): void {
  // ---- the catalog-wide question, a conflict check, an update
  for (let k = 0; k < 3; k++) index.avails(null, catalogQ);
  const runs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t = now();
    index.avails(null, catalogQ);
    runs.push(now() - t);
  }
  console.log(
    `| catalog-wide question (Germany, SVOD, 2027-2028, exclusive) | ${fmt(quantile(runs, 0.5))} ms, ${expected.toLocaleString('en')} titles free | – |`,
  );
  // ---- the same question a page at a time, as POST /api/avails answers it (1,000 titles with rows, in order of ids)
  const middle = index.titles().sort()[Math.floor(index.titleCount / 2)];
  for (const [what, after] of [
    ['first page', undefined],
    ['a page from the middle of the catalog', middle],
  ] as const) {
    const pageRuns: number[] = [];
    let shown = 0;
    for (let k = -3; k < 7; k++) {
      const t = now();
      shown = index.availsPage(catalogQ, { ...(after === undefined ? {} : { after }), limit: 1000 }, { notShown: () => {} }).titles;
      if (k >= 0) pageRuns.push(now() - t);
    }
    console.log(
      `| catalog-wide question, ${what} (${shown.toLocaleString('en')} titles) | ${fmt(quantile(pageRuns, 0.5))} ms | the whole answer: ${fmt(quantile(runs, 0.5))} ms (${fmt(quantile(runs, 0.5) / quantile(pageRuns, 0.5))}x) |`,
    );
  }
  const conflict: number[] = [];
  const update: number[] = [];
  for (let k = -200; k < 2000; k++) {
    const t = sample[Math.floor(r() * sample.length)];
    const p = t.blocks[1 + Math.floor(r() * (t.blocks.length - 1))];
    let t1 = now();
    index.conflicts(t.id, [{ ...p }]);
    const c = now() - t1;
    // an update: the title's blocks with one sale's end moved (as a write does after it commits)
    const changed = t.blocks.map((b) => (b === p ? { ...b, end: b.end + 30 } : b));
    t1 = now();
    index.setTitle(t.id, changed);
    const u = now() - t1;
    if (k >= 0) {
      conflict.push(c);
      update.push(u);
    }
  }
  console.log(`| conflict check, one title | p50 ${fmt(quantile(conflict, 0.5))} ms, p99 ${fmt(quantile(conflict, 0.99))} ms | – |`);
  console.log(
    `| incremental update, one title's blocks replaced | p50 ${fmt(quantile(update, 0.5))} ms, p99 ${fmt(quantile(update, 0.99))} ms | – |`,
  );
}

/** The answers measured on the index loaded from a snapshot kept by an earlier run (no build, no baseline). */
async function indexFromKeptSnapshot(file: string, titles: number): Promise<void> {
  gc();
  const before = held();
  const t0 = now();
  const opened = openIndexSnapshot(file);
  const index = RightsIndex.fromColumns(opened.columns().columns);
  opened.close();
  const loadMs = now() - t0;
  gc();
  const bytes = held() - before;
  if (index.titleCount !== titles) throw new Error(`BENCH_SCALE_SNAPSHOT_FILE holds ${index.titleCount} titles, not ${titles}`);
  // the sample's blocks as the build made them: the first part of the catalog, made again from its seed
  const r = rng(3);
  const sample: Sample = syntheticCatalog(Math.min(PART, titles), 42, 0).filter(() => r() < 0.1);
  const catalogQ = germanySvodQuestion();
  console.log('| measure | figure | baseline (same run) |');
  console.log('|---|---:|---:|');
  console.log(
    `| snapshot load (read, check, index), kept by an earlier run | ${fmt(loadMs)} ms, ${index.blockCount.toLocaleString('en')} blocks | not built in this run |`,
  );
  console.log(
    `| memory of the index loaded from the snapshot | ${(bytes / 1e9).toFixed(2)} GB, ${fmt(bytes / index.blockCount)} bytes per block | – |`,
  );
  askIndex(index, catalogQ, titlesIn(index.avails(null, catalogQ)), sample, r);
}

/**
 * A server's start on SQLite to its first answer (askAvails for one title: the index, the
 * title's name and its contracts' parties), from the database (the baseline) and from the
 * snapshot its clean shutdown wrote. BENCH_SCALE_STORE_FILE: a store made by an earlier run
 * (kept; made there when missing), so a large one is made once.
 */
async function serverStart(titles: number): Promise<void> {
  const kept = process.env.BENCH_SCALE_STORE_FILE;
  const dir = kept ? null : mkdtempSync(join(tmpdir(), 'filmrights-scale-store-'));
  try {
    const file = kept ?? join(dir!, 'bench.db');
    let made = '';
    if (!existsSync(file)) {
      const t0 = now();
      await makeSqliteStore(file, titles, { part: PART });
      made = ` Making the store took ${fmt((now() - t0) / 1000)} s.`;
    }
    // BENCH_SCALE_START_REUSE=1 with a kept store whose snapshot an earlier run left: only the start
    // from that snapshot is measured (the build from the database, its baseline, takes ~1 h at 1M titles)
    const reuse = process.env.BENCH_SCALE_START_REUSE === '1' && kept !== undefined && existsSync(`${file}.rights-index`);
    if (!reuse) rmSync(`${file}.rights-index`, { force: true });
    const store = await openDatabase({ file });
    const someTitle = (await store.db.selectFrom('titles').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    await store.close();
    const input: AvailsInput = {
      titles: [someTitle],
      territories: 'Germany',
      media: 'SVOD',
      start: '2027-01-01',
      end: '2028-12-31',
      exclusive: true,
      match: 'cover-entire',
    };
    const q = germanySvodQuestion();
    const start = async (write = true) => {
      const t0 = now();
      const app = await FilmRights.open({
        file,
        follow: true,
        indexSnapshot: { file: `${file}.rights-index`, write, log: () => undefined },
      });
      const opened = now() - t0;
      const first = await askAvails(app, SYSTEM, input);
      const ms = now() - t0;
      const free = titlesIn(app.index.avails(null, q));
      // the peak of the process so far: the first start's is the build from the store's
      const rss = process.resourceUsage().maxRSS * 1024;
      return { app, ms, opened, first: JSON.stringify(first), free, blocks: app.index.blockCount, from: app.lastIndexBuild?.from, rss };
    };
    if (reuse) {
      const runs: Array<Awaited<ReturnType<typeof start>>> = [];
      for (let k = 0; k < 3; k++) {
        const run = await start(false);
        await run.app.close();
        runs.push(run);
        global.gc?.();
      }
      const same = runs.every((r) => r.from === 'snapshot' && r.first === runs[0].first && r.free === runs[0].free);
      console.log(
        `\nServer start on SQLite, ${titles.toLocaleString('en')} titles, ${runs[0].blocks.toLocaleString('en')} blocks, from the snapshot an earlier run left (BENCH_SCALE_START_REUSE; the build from the database, its baseline, not run), to its first answer (askAvails, one title), three starts: ${runs.map((r) => `${fmt(r.ms)} ms (open ${fmt(r.opened)} ms)`).join(', ')}${same ? '' : ' (ANSWERS DIFFER)'}. Peak RSS of the process: ${(runs[runs.length - 1].rss / 1e9).toFixed(2)} GB.`,
      );
      return;
    }
    // the first start finds no snapshot and builds from the store (the baseline); its clean shutdown writes the snapshot
    const fromStore = await start();
    const t0 = now();
    await fromStore.app.close();
    const closeMs = now() - t0;
    global.gc?.();
    const second = await start();
    await second.app.close();
    const same =
      second.free === fromStore.free &&
      second.blocks === fromStore.blocks &&
      second.first === fromStore.first &&
      fromStore.from === 'store' &&
      second.from === 'snapshot';
    console.log(
      `\nServer start on SQLite, ${titles.toLocaleString('en')} titles, ${fromStore.blocks.toLocaleString('en')} blocks, to its first answer (askAvails, one title): from its snapshot ${fmt(second.ms)} ms (open ${fmt(second.opened)} ms)${same ? '' : ' (ANSWERS DIFFER)'}; built from the database (baseline) ${fmt(fromStore.ms)} ms (open ${fmt(fromStore.opened)} ms; ${fmt(fromStore.ms / second.ms)}x). Clean shutdown writing the snapshot: ${fmt(closeMs)} ms. Peak RSS of the process: ${(fromStore.rss / 1e9).toFixed(2)} GB after the build from the database, ${(second.rss / 1e9).toFixed(2)} GB after the start from the snapshot (a peak: never lower than the first).${made}`,
    );
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
