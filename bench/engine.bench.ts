/**
 * Rights engine benchmark (issue: the rights engine). Prints, for synthetic
 * catalogs of 1k, 10k and 100k titles: index build time; one title's full
 * avails grid (median, p99, p999, and the KB it allocates); a catalog-wide question; a conflict check;
 * memory. Baselines measured in the same run: the brute-force oracle on the
 * 1k catalog, and a plain scan over as many bytes as the index holds.
 */
import { Session } from 'node:inspector/promises';
import { constants, PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import { parseDay, PERPETUITY } from '../src/domain/dates.js';
import type { AvailsQuestion } from '../src/domain/avails.js';
import { RightsIndex } from '../src/domain/rightsIndex.js';
import { fullSet } from '../src/domain/bitset.js';
import { COUNTRIES } from '../src/domain/countries.js';
import { MEDIA } from '../src/domain/media.js';
import { oracleAvails } from '../test/domain/testing/oracle.js';
import { germanySvodQuestion, syntheticCatalog, rng } from './synthetic.js';

const ms = (ns: bigint) => Number(ns) / 1e6;
function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, ms(process.hrtime.bigint() - t0)];
}
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));

/**
 * Bytes allocated per call of `fn` (KB), counted by V8's sampling heap profiler with the objects
 * collected since kept in the count: what the young generation has to collect, whatever the load.
 */
async function allocatedKb(calls: number, fn: (k: number) => void): Promise<number> {
  const s = new Session();
  s.connect();
  await s.post('HeapProfiler.startSampling', {
    samplingInterval: 512,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let k = 0; k < calls; k++) fn(k);
  const { profile } = await s.post('HeapProfiler.stopSampling');
  s.disconnect();
  let bytes = 0;
  const walk = (node: (typeof profile)['head']) => {
    bytes += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  return bytes / calls / 1024;
}

/** The memory-bandwidth floor: sum a typed array as large as the index's columns. */
function scanFloor(bytes: number): number {
  const a = new Uint32Array(Math.ceil(bytes / 4));
  for (let i = 0; i < a.length; i++) a[i] = i;
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const [, t] = time(() => {
      let s = 0;
      for (let i = 0; i < a.length; i++) s = (s + a[i]) | 0;
      return s;
    });
    best = Math.min(best, t);
  }
  return best;
}

export async function engineBench(sizes = [1_000, 10_000, 100_000]): Promise<void> {
  const catalogQ = germanySvodQuestion();
  const gridQ: AvailsQuestion = {
    territories: fullSet(COUNTRIES.size),
    media: fullSet(MEDIA.size),
    languages: null,
    start: parseDay('2026-01-01'),
    end: PERPETUITY,
    exclusive: true,
    match: 'overlap-part',
  };
  console.log('\n## Rights engine (src/domain)\n');
  console.log(
    '| titles | blocks | build ms | grid p50 ms | grid p99 ms | grid p999 ms | grid KB allocated | grids during a young GC | young GC p50 ms | conflict p50 ms | conflict p99 ms | catalog question ms | scan floor ms | ratio to floor | columns MB | heap MB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const catalog = syntheticCatalog(n, 42);
    const blocks = catalog.reduce((s, t) => s + t.blocks.length, 0);
    if (global.gc) global.gc();
    const heap0 = process.memoryUsage().heapUsed;
    const [index, build] = time(() => {
      const ix = new RightsIndex();
      for (const t of catalog) ix.setTitle(t.id, t.blocks);
      return ix;
    });
    if (global.gc) global.gc();
    const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
    const r = rng(7);
    const grid: number[] = [];
    // when each timed grid ran, and the young-generation collections (scavenges), to say how many
    // grids a collection paused: at more than 1 in 100 the p99 is a collection's pause
    const gridSpans: number[] = [];
    const scavenges: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR)
          scavenges.push(e.startTime, e.startTime + e.duration);
    });
    observer.observe({ entryTypes: ['gc'] });
    const conflicts: number[] = [];
    // 300 questions to warm up (compiled code, as a running server has it), then 3,000 timed:
    // enough samples for the p99 to be more than the few slowest (the p999 is the 3 slowest)
    for (let k = -300; k < 3000; k++) {
      const t = catalog[Math.floor(r() * n)];
      const from = performance.now();
      const g = time(() => index.avails([t.id], gridQ, { include: 'all' }))[1];
      if (k >= 0) gridSpans.push(from, performance.now());
      const p = t.blocks[1 + Math.floor(r() * (t.blocks.length - 1))];
      const c = time(() => index.conflicts(t.id, [{ ...p }], undefined))[1];
      if (k >= 0) {
        grid.push(g);
        conflicts.push(c);
      }
    }
    // the observer is told of the collections once the loop lets the event loop run
    await new Promise((resolve) => setTimeout(resolve, 10));
    observer.disconnect();
    let paused = 0;
    for (let i = 0; i < gridSpans.length; i += 2) {
      for (let j = 0; j < scavenges.length; j += 2)
        if (scavenges[j] < gridSpans[i + 1] && scavenges[j + 1] > gridSpans[i]) {
          paused++;
          break;
        }
    }
    const scavengeMs: number[] = [];
    for (let j = 0; j < scavenges.length; j += 2) scavengeMs.push(scavenges[j + 1] - scavenges[j]);
    // garbage per grid, counted apart from the timed questions (the profiler slows them down)
    const gridKb = await allocatedKb(300, () => index.avails([catalog[Math.floor(r() * n)].id], gridQ, { include: 'all' }));
    const runs: number[] = [];
    let answer = 0;
    // warmed up first (compiled code, as a running server has it), then timed
    for (let k = 0; k < 10; k++) index.avails(null, catalogQ);
    for (let k = 0; k < 15; k++) {
      const [rows, t] = time(() => index.avails(null, catalogQ));
      runs.push(t);
      answer = rows.reduce((s, row) => s + row.titles.length, 0);
    }
    const catalogMs = quantile(runs, 0.5);
    const floor = scanFloor(index.columnBytes());
    console.log(
      `| ${n.toLocaleString('en')} | ${blocks.toLocaleString('en')} | ${fmt(build)} | ${fmt(quantile(grid, 0.5))} | ${fmt(quantile(grid, 0.99))} | ${fmt(quantile(grid, 0.999))} | ${gridKb.toFixed(0)} | ${((100 * paused) / grid.length).toFixed(2)}% | ${scavengeMs.length ? fmt(quantile(scavengeMs, 0.5)) : 'none'} | ${fmt(quantile(conflicts, 0.5))} | ${fmt(quantile(conflicts, 0.99))} | ${fmt(catalogMs)} (${answer} titles free) | ${fmt(floor)} | ${(catalogMs / floor).toFixed(1)}x | ${(index.columnBytes() / 1e6).toFixed(1)} | ${global.gc ? heapMb.toFixed(0) : 'n/a (run with --expose-gc)'} |`,
    );
    if (n === sizes[0]) {
      const [, oracleMs] = time(() => {
        let free = 0;
        for (const t of catalog) {
          const cells = oracleAvails(t.blocks, catalogQ, catalogQ.end, COUNTRIES.size, MEDIA.size, catalogQ.start - 1).filter(
            (c) => c.status === 'available',
          ).length;
          free += cells;
        }
        return free;
      });
      console.log(
        `\nBrute-force oracle, same catalog-wide question on ${n.toLocaleString('en')} titles: ${fmt(oracleMs)} ms; the index: ${fmt(catalogMs)} ms (${(oracleMs / catalogMs).toFixed(0)}x faster).\n`,
      );
    }
  }
}
