/**
 * The load generator of bench/load.ts, in its own process: an open-loop
 * schedule of mixed requests (avails questions, title pages, deal writes) at a
 * fixed rate for a fixed time, to 127.0.0.1 only. Prints one JSON line: counts,
 * latency percentiles, and the refs of the deals the server acknowledged.
 */
import { readFileSync } from 'node:fs';
import { openLoop, percentile } from './openLoop.js';

interface Config {
  url: string;
  /** More servers to spread the requests over, round robin with `url` (all 127.0.0.1). */
  moreUrls?: string[];
  /** Closed loop instead: this many requests in flight at all times for `seconds` (throughput). */
  concurrency?: number;
  token: string;
  rate: number;
  seconds: number;
  titles: string[];
  seller: string;
  buyers: string[];
  /** The share of requests that are deal writes (0.1 by default; 0 for the read-only baseline). */
  writeShare?: number;
}

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Config;
const urls = [cfg.url, ...(cfg.moreUrls ?? [])];
for (const u of urls) if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(u)) throw new Error(`only 127.0.0.1 targets, got ${u}`);

let seed = 20261129;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const COUNTRIES = [
  'Germany',
  'France',
  'Italy',
  'Spain',
  'Japan',
  'Brazil',
  'Mexico',
  'Benelux',
  'Scandinavia',
  'U.K.',
  'Australia and New Zealand',
  'South Korea',
  'Poland',
  'Turkey',
  'India',
  'Canada',
  'Greece',
  'Portugal',
  'Israel',
  'Taiwan',
];
const MEDIA = ['SVOD', 'Theatrical', 'Free TV', 'Pay TV', 'EST, TVOD', 'All Media'];
const headers = { authorization: `Bearer ${cfg.token}`, 'content-type': 'application/json' };

const status = new Map<number, number>();
const acknowledged: string[] = [];
let writes = 0;

async function one(i: number): Promise<boolean> {
  const writeShare = cfg.writeShare ?? 0.1;
  // the reads keep their mix whatever the share of writes
  const r = rnd() < writeShare ? 0 : 0.1 + rnd() * 0.9;
  let path: string;
  let init: RequestInit;
  let ref: string | undefined;
  if (r < 0.1) {
    writes++;
    ref = `LOAD-${i}`;
    const from = 2027 + Math.floor(rnd() * 12);
    path = '/api/contracts';
    init = {
      method: 'POST',
      headers,
      body: JSON.stringify({
        ref,
        status: 'signed',
        licensorId: cfg.seller,
        licenseeId: pick(cfg.buyers),
        titleIds: [pick(cfg.titles)],
        blocks: [{ territories: pick(COUNTRIES), media: pick(MEDIA), start: `${from}-01-01`, end: `${from + 2}-12-31`, exclusive: true }],
      }),
    };
  } else if (r < 0.6) {
    const from = 2027 + Math.floor(rnd() * 10);
    path = '/api/avails';
    const catalogWide = rnd() < 0.3;
    init = {
      method: 'POST',
      headers,
      body: JSON.stringify({
        ...(catalogWide ? {} : { titles: [pick(cfg.titles)] }),
        territories: pick(COUNTRIES),
        media: pick(MEDIA),
        start: `${from}-01-01`,
        end: `${from + 1}-12-31`,
        exclusive: true,
      }),
    };
  } else if (r < 0.85) {
    path = `/api/titles/${pick(cfg.titles)}`;
    init = { headers };
  } else {
    path = `/api/titles?q=${encodeURIComponent('load title')}`;
    init = { headers };
  }
  const res = await fetch(urls[i % urls.length] + path, init);
  await res.arrayBuffer();
  status.set(res.status, (status.get(res.status) ?? 0) + 1);
  if (ref && res.status === 201) acknowledged.push(ref);
  return res.status < 500;
}

/** Closed loop: `concurrency` workers, each sending its next request when the last is answered. */
async function closedLoop(concurrency: number, seconds: number) {
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = sent++;
        const t0 = performance.now();
        const ok = await one(i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) failed++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, seconds: (performance.now() - start) / 1000, sent, failed };
}

const run = cfg.concurrency ? await closedLoop(cfg.concurrency, cfg.seconds) : await openLoop(cfg.rate, cfg.seconds, one);
const errors = run.failed;
const q = (p: number) => percentile(run.latencies, p);
process.stdout.write(
  JSON.stringify({
    requests: run.sent,
    seconds: run.seconds,
    errors,
    writes,
    acknowledged,
    status: Object.fromEntries(status),
    p50: q(0.5),
    p99: q(0.99),
    max: q(1),
  }) + '\n',
);
