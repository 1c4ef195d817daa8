/**
 * The load generator of bench/store.bench.ts, run as a separate process so the
 * client never shares the server's event loop: reads a JSON config file (path
 * in argv[2]), runs autocannon, prints the result as one JSON line.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

interface LoadConfig {
  url: string;
  token: string;
  bodies: string[];
  connections: number;
  duration: number;
  overallRate?: number;
}

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadConfig;
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(cfg.url)) throw new Error(`loadClient: only 127.0.0.1 targets, got ${cfg.url}`);

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
