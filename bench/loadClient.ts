/**
 * The load generator of bench/store.bench.ts, run as a separate process so the
 * client never shares the server's event loop: reads a JSON config file (path
 * in argv[2]), runs autocannon (closed loop: as fast as the connections allow,
 * or autocannon's rate limit) or an open-loop schedule at a fixed rate
 * (bench/openLoop.ts), prints the result as one JSON line.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { openLoop, percentile } from './openLoop.js';

interface LoadConfig {
  url: string;
  token: string;
  bodies: string[];
  connections: number;
  duration: number;
  overallRate?: number;
  /** An open-loop schedule at this many requests per second instead of autocannon. */
  openLoopRate?: number;
}

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadConfig;
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(cfg.url)) throw new Error(`loadClient: only 127.0.0.1 targets, got ${cfg.url}`);

if (cfg.openLoopRate !== undefined) {
  let bytes = 0;
  let non2xx = 0;
  const headers = { authorization: `Bearer ${cfg.token}`, 'content-type': 'application/json' };
  const run = await openLoop(cfg.openLoopRate, cfg.duration, async (i) => {
    const res = await fetch(cfg.url, { method: 'POST', headers, body: cfg.bodies[i % cfg.bodies.length] });
    bytes += (await res.arrayBuffer()).byteLength;
    if (res.status < 200 || res.status > 299) non2xx++;
    return true;
  });
  const l = run.latencies;
  process.stdout.write(
    JSON.stringify({
      latency: {
        p50: percentile(l, 0.5),
        p99: percentile(l, 0.99),
        average: l.reduce((a, b) => a + b, 0) / (l.length || 1),
        max: percentile(l, 1),
      },
      requests: { average: run.sent / run.seconds, total: run.sent, sent: run.sent },
      throughput: { average: bytes / run.seconds },
      errors: run.failed,
      timeouts: 0,
      non2xx,
      ok: run.sent - run.failed - non2xx,
      duration: run.seconds,
    }) + '\n',
  );
  process.exit(0);
}

const result = await autocannon({
  url: cfg.url,
  method: 'POST',
  headers: { authorization: `Bearer ${cfg.token}`, 'content-type': 'application/json' },
  requests: cfg.bodies.map((body) => ({ method: 'POST', body })),
  connections: cfg.connections,
  duration: cfg.duration,
  overallRate: cfg.overallRate,
  // autocannon 9 corrects for coordinated omission with an expected interval of
  // ceil(1 / per-connection rate) = 1 ms, which fills the histogram with fake
  // 1..N ms samples and pulls the percentiles down: report the measured latencies.
  ignoreCoordinatedOmission: cfg.overallRate !== undefined,
  timeout: 10,
});
process.stdout.write(
  JSON.stringify({
    latency: result.latency,
    requests: result.requests,
    throughput: result.throughput,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ok: result['2xx'],
    duration: result.duration,
  }) + '\n',
);
