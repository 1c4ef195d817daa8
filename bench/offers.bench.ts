/**
 * Offer-check benchmark: POST /api/offers/check through HTTP (a server listening on a port, the
 * request from fetch) for an offer of 10 titles x 30 territories, All Media, on the store
 * benchmark's synthetic catalog (10k titles, ~30 blocks each) in SQLite. Target: under 50 ms.
 *
 * Baseline measured in the same run: the same answer asked as 300 separate per-cell avails
 * questions (POST /api/avails, one title and one country each, overlap-part over the term),
 * one after the other, as a client without the offer check would.
 *
 * Everything it creates is temporary (a SQLite file in the temp folder, removed at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../src/api/server.js';
import { countryName } from '../src/domain/countries.js';
import { FilmRights } from '../src/services/app.js';
import { createUser } from '../src/services/users.js';
import { catalogRows, load, storeTitleId } from './syntheticStore.js';
import { rng, syntheticCatalog } from './synthetic.js';

const ROUNDS = Number(process.env.BENCH_OFFER_ROUNDS ?? 40);
const BASELINE_ROUNDS = Number(process.env.BENCH_OFFER_BASELINE_ROUNDS ?? 5);
const COUNTRIES = [
  'DE',
  'FR',
  'IT',
  'ES',
  'GB',
  'US',
  'CA',
  'JP',
  'KR',
  'BR',
  'MX',
  'AR',
  'AU',
  'NZ',
  'SE',
  'NO',
  'DK',
  'FI',
  'NL',
  'BE',
  'AT',
  'CH',
  'PL',
  'CZ',
  'HU',
  'PT',
  'GR',
  'TR',
  'IN',
  'ZA',
];

const now = () => process.hrtime.bigint();
const since = (t0: bigint) => Number(now() - t0) / 1e6;
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export async function offersBench(titles = Number(process.env.BENCH_STORE_TITLES ?? 10_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-offers-bench-'));
  const file = join(dir, 'bench.db');
  try {
    const catalog = syntheticCatalog(titles, 42);
    await load({ file }, catalogRows(catalog));
    process.env.FILMRIGHTS_HOLD_SWEEP = 'off';
    const app = await FilmRights.open({ file });
    const server = await buildServer(app);
    try {
      const base = await server.listen({ port: 0, host: '127.0.0.1' });
      await createUser(app, { username: 'bench', password: 'bench bench bench', role: 'viewer' });
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench', password: 'bench bench bench' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const post = async (url: string, body: unknown) => {
        const r = await fetch(`${base}${url}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
        return r.json();
      };
      const pick = rng(11);
      const titleIds = [...new Set(Array.from({ length: 40 }, () => storeTitleId(catalog[Math.floor(pick() * catalog.length)].id)))].slice(
        0,
        10,
      );
      const term = { start: '2027-01-01', end: '2033-12-31' };
      const offer = { titleIds, territories: COUNTRIES.map(countryName).join(', '), media: 'All Media', exclusive: true, ...term };

      const checkTimes: number[] = [];
      let cells = 0;
      let bytes = 0;
      for (let i = 0; i < ROUNDS + 3; i++) {
        const t0 = now();
        const answer = (await post('/api/offers/check', offer)) as { cells: unknown[] };
        const ms = since(t0);
        if (i >= 3) checkTimes.push(ms);
        cells = answer.cells.length;
        bytes = JSON.stringify(answer).length;
      }
      const baselineTimes: number[] = [];
      for (let i = 0; i < BASELINE_ROUNDS + 1; i++) {
        const t0 = now();
        for (const t of titleIds)
          for (const c of COUNTRIES)
            await post('/api/avails', { titles: [t], territories: c, media: 'All Media', match: 'overlap-part', exclusive: true, ...term });
        const ms = since(t0);
        if (i >= 1) baselineTimes.push(ms);
      }
      const m = quantile(checkTimes, 0.5);
      const b = quantile(baselineTimes, 0.5);
      console.log(`\n## Offer check, SQLite, ${titles.toLocaleString('en')}-title catalog (bench/offers.bench.ts)\n`);
      console.log(
        `POST /api/offers/check over HTTP: ${titleIds.length} titles x ${COUNTRIES.length} territories x All Media (${cells} title x territory cells in the answer, ${Math.round(bytes / 1024)} KiB of JSON), ${ROUNDS} requests after 3 untimed. Baseline: the same rights asked as ${titleIds.length * COUNTRIES.length} separate POST /api/avails questions (one title, one territory each), ${BASELINE_ROUNDS} rounds, in the same run. Target: under 50 ms.\n`,
      );
      console.log('| way | median ms | p90 ms | max ms | ratio to baseline (median) |');
      console.log('|---|---:|---:|---:|---:|');
      console.log(
        `| offer check (one request) | ${fmt(m)} | ${fmt(quantile(checkTimes, 0.9))} | ${fmt(Math.max(...checkTimes))} | ${(m / b).toFixed(3)}x |`,
      );
      console.log(
        `| baseline: 300 avails questions | ${fmt(b)} | ${fmt(quantile(baselineTimes, 0.9))} | ${fmt(Math.max(...baselineTimes))} | 1.00x |`,
      );
      console.log(`\nOffer check ${m < 50 ? 'meets' : 'MISSES'} the 50 ms target (median ${fmt(m)} ms).`);
    } finally {
      await server.close();
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
