/**
 * One statement through the API (issue 14: under 20 ms): the worked example of One Second on a
 * SQLite file, GET /api/contracts/NEON-NA/statements/2022-Q1 answered 200 times by the real server
 * (session cookie, access hook, schemas, the financial filter), median and p95. Baseline in the
 * same run: the same statement from the service, without HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../src/api/server.js';
import { FilmRights } from '../src/services/app.js';
import { NEON_TERMS, ONE_SECOND_DEALS } from '../test/support/accounts.js';
import { importJson } from '../src/services/interchange.js';
import { addExpense, recordRevenueReport } from '../src/services/money/ledger.js';
import { computeStatement } from '../src/services/money/statements.js';
import { setTerms } from '../src/services/money/terms.js';
import { createUser } from '../src/services/users.js';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export async function statementApiBench(rounds = 200): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'filmrights-bench-statement-'));
  const app = await FilmRights.open({ file: join(dir, 'bench.db') });
  try {
    const user = await createUser(app, { username: 'fay', password: 'correct horse battery', role: 'editor', canSeeFinancials: true });
    const actor = { id: user.id, username: 'fay', role: 'editor' as const, canSeeFinancials: true };
    await importJson(app, actor, ONE_SECOND_DEALS);
    await setTerms(app, actor, 'NEON-NA', NEON_TERMS);
    // three quarters of reports by media and territory: 36 lines
    const rows = [];
    for (const q of ['2021-Q3', '2021-Q4', '2022-Q1']) {
      for (const media of ['Theatrical', 'SVOD', 'TVOD', 'EST', 'Free TV', 'Pay TV']) {
        for (const territory of ['United States', 'Canada'])
          rows.push({ period: q, title: 'One Second', territory, media, gross: '100000', currency: 'USD' });
      }
    }
    await recordRevenueReport(app, actor, 'NEON-NA', 'Neon reports', rows);
    await addExpense(app, actor, 'NEON-NA', { on: '2021-11-02', category: 'P&A', amount: '600000', currency: 'USD' });

    const server = await buildServer(app);
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fay', password: 'correct horse battery' },
    });
    const cookie = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    const url = '/api/contracts/NEON-NA/statements/2022-Q1';
    for (let i = 0; i < 20; i++) await server.inject({ method: 'GET', url, headers: { cookie } });
    const api: number[] = [];
    let due = '';
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const r = await server.inject({ method: 'GET', url, headers: { cookie } });
      api.push(performance.now() - t0);
      if (r.statusCode !== 200) throw new Error(`statement answered ${r.statusCode}: ${r.body}`);
      due = (r.json() as { due: string }).due;
    }
    const service: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      await computeStatement(app, actor, 'NEON-NA', '2022-Q1');
      service.push(performance.now() - t0);
    }
    await server.close();
    console.log('\n## One statement through the API (bench/statementApi.bench.ts)\n');
    console.log(`NEON-NA 2022-Q1 (due USD ${due}), ${rows.length} revenue lines, SQLite, ${rounds} requests\n`);
    console.log('| figure | p50 | p95 | baseline: the service alone, p50 | p95 |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(
      `| GET /api/contracts/NEON-NA/statements/2022-Q1 | ${quantile(api, 0.5).toFixed(2)} ms | ${quantile(api, 0.95).toFixed(2)} ms | ${quantile(service, 0.5).toFixed(2)} ms | ${quantile(service, 0.95).toFixed(2)} ms |`,
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
