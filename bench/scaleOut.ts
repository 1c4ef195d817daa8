/**
 * Scale-out (issue 18): two app servers on one PostgreSQL, the load of
 * bench/load.bench.ts (with deal writes) sent to the first. Meanwhile a probe
 * writes a deal through the first server every 250 ms on a title the load does
 * not touch, and times how long after the first server acknowledged it the
 * deal is in the second server's rights index (what its avails answer from).
 * Both servers run in this process (one event loop): the delays include the
 * time the second server waits for the loop, so they are an upper bound.
 */
import type { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { startServer } from '../src/api/server.js';
import { seedLoadCatalog, runLoadClient } from './load.bench.js';
import { percentile } from './openLoop.js';
import { serveInChildProcess } from './store.bench.js';

/** Seconds of each closed-loop throughput run (SCALE_OUT_SECONDS). */
const THROUGHPUT_SECONDS = Number(process.env.SCALE_OUT_SECONDS ?? 20);
/** Requests in flight at all times during a throughput run. */
const THROUGHPUT_CONCURRENCY = 16;

export async function scaleOutBench(url: string, rate: number, seconds: number): Promise<boolean> {
  const seed = await seedLoadCatalog({ url });
  const a = await startServer({ url, port: 0, host: '127.0.0.1' });
  const b = await startServer({ url, port: 0, host: '127.0.0.1' });
  const probeTitle = (
    await a.app.store.db.selectFrom('titles').select('id').where('original_title', '=', 'Load Title 20').executeTakeFirstOrThrow()
  ).id;
  const delays: number[] = [];
  let probeErrors = 0;
  let stop = false;
  const probe = async () => {
    for (let i = 0; !stop; i++) {
      const ref = `PROBE-${i}`;
      const res = await fetch(`${a.url}/api/contracts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${seed.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          ref,
          status: 'signed',
          licensorId: seed.seller,
          licenseeId: seed.buyers[i % seed.buyers.length],
          titleIds: [probeTitle],
          blocks: [{ territories: 'France', media: 'SVOD', start: '2030-01-01', end: '2031-12-31', exclusive: false }],
        }),
      });
      await res.arrayBuffer();
      const acknowledged = performance.now();
      if (res.status !== 201) {
        probeErrors++;
      } else {
        // B's index, looked at every millisecond until the deal is in it (10 s at most)
        while (!b.app.index.blocksOf(probeTitle).some((x) => x.contract === ref)) {
          if (performance.now() - acknowledged > 10_000) {
            probeErrors++;
            break;
          }
          await new Promise((r) => setTimeout(r, 1));
        }
        delays.push(performance.now() - acknowledged);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  let r;
  try {
    const probing = probe();
    r = await runLoadClient({ url: a.url, rate, seconds, writeShare: 0.1, ...seed }, seconds);
    stop = true;
    await probing;
  } finally {
    await b.close();
    await a.close();
  }
  delays.sort((x, y) => x - y);
  const f = (x: number) => x.toFixed(1);
  console.log('\n## Scale-out: two servers on one PostgreSQL, the load with deal writes sent to the first\n');
  console.log(
    '| load p50 / p99 ms | probe deals | probe errors | in the other server after: p50 ms | p99 ms | max ms | load avg (1/5/15 min) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  console.log(
    `| ${f(r.p50)} / ${f(r.p99)} | ${delays.length} | ${probeErrors} | ${f(percentile(delays, 0.5))} | ${f(percentile(delays, 0.99))} | ${f(percentile(delays, 1))} | ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} |`,
  );
  return probeErrors === 0 && r.errors === 0;
}

/**
 * Throughput from one app server to two (issue 18): each `filmrights serve` in its own process on
 * one PostgreSQL, the load's mix (10% deal writes) sent by a closed loop of 16 requests in flight
 * for THROUGHPUT_SECONDS, to one server, then round robin to two. The client, the servers and
 * PostgreSQL share this machine's cores: on a machine with fewer cores than processes the second
 * server can only take what the others leave.
 */
export async function scaleOutThroughput(url: string): Promise<boolean> {
  const seed = await seedLoadCatalog({ url });
  const children = new Set<ReturnType<typeof spawn>>();
  const servers: Array<Awaited<ReturnType<typeof serveInChildProcess>>> = [];
  const rows: Array<{ servers: number; r: Awaited<ReturnType<typeof runLoadClient>>; load: string }> = [];
  try {
    servers.push(await serveInChildProcess(url, children), await serveInChildProcess(url, children));
    for (const n of [1, 2, 1, 2]) {
      const urls = servers.slice(0, n).map((s) => s.url);
      const r = await runLoadClient(
        {
          url: urls[0],
          moreUrls: urls.slice(1),
          concurrency: THROUGHPUT_CONCURRENCY,
          seconds: THROUGHPUT_SECONDS,
          rate: 0,
          writeShare: 0.1,
          ...seed,
        },
        THROUGHPUT_SECONDS,
      );
      rows.push({
        servers: n,
        r,
        load: loadavg()
          .map((x) => x.toFixed(2))
          .join(' '),
      });
    }
  } finally {
    for (const s of servers) await s.stop();
  }
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  const rate = (r: (typeof rows)[number]['r']) => r.requests / r.seconds;
  console.log(
    `\n## Scale-out: throughput from one server to two (separate processes, one PostgreSQL, closed loop of ${THROUGHPUT_CONCURRENCY} in flight, 10% deal writes, ${THROUGHPUT_SECONDS} s each, alternated)\n`,
  );
  console.log('| servers | requests/s | p50 ms | p99 ms | errors | load avg (1/5/15 min) |');
  console.log('|---:|---:|---:|---:|---:|---|');
  for (const { servers: n, r, load } of rows) console.log(`| ${n} | ${f(rate(r))} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} | ${load} |`);
  const mean = (n: number) => {
    const xs = rows.filter((x) => x.servers === n).map((x) => rate(x.r));
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  console.log(
    `\nTwo servers: ${(mean(2) / mean(1)).toFixed(2)}x the requests per second of one, on this machine's ${(await import('node:os')).availableParallelism()} cores.`,
  );
  return rows.every((x) => x.r.errors === 0);
}
