/**
 * The held-out scenarios of test/domain/heldout.test.ts through HTTP, on SQLite and PostgreSQL:
 * entered as a client would (terms, revenue reports, exchange rates, payments) and read from the
 * statement endpoint. The expected figures are the ones worked out by hand in the domain test's
 * comments (repeated briefly here), not taken from the code.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

const contract = (ref: string, title: string, mg: string) => ({
  ref,
  licensor: 'Losange',
  licensee: 'Curzon',
  status: 'signed' as const,
  signedOn: '2022-01-01',
  mg: { amount: mg, currency: 'USD' },
  titles: [title],
  blocks: [{ territories: 'Europe', media: 'All Media', start: '2022-01-01', end: '2030-12-31' }],
});
const film = (title: string) => ({ title, year: 2021, countries: ['FR'] });
const DEALS: InterchangeDocument = {
  we: 'Wild Bunch',
  companies: [
    { name: 'Wild Bunch', kind: 'sales-agent', country: 'FR' },
    { name: 'Curzon', kind: 'distributor', country: 'GB' },
    { name: 'Losange', kind: 'production', country: 'FR' },
  ],
  titles: [film('Night Crossing'), film('Low Water'), film('The Losing Side'), film('The Winning Side')],
  contracts: [
    contract('FX', 'Night Crossing', '50000'),
    contract('RESERVE', 'Low Water', '100000'),
    contract('POOL-A', 'The Losing Side', '100000'),
    contract('POOL-B', 'The Winning Side', '100000'),
  ],
};
const LICENCE = { kind: 'licence', currency: 'USD', frequency: 'quarterly', fees: [{ rate: '25%', label: 'All media' }] };

describeEachDatabase('held-out scenarios through the statement endpoint', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie = '';
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    server.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  const rows = (title: string, list: Array<[string, string, string, string, string]>) =>
    list.map(([period, territory, media, gross, currency]) => ({ period, title, territory, media, gross, currency }));
  /** A statement's current column as [receipts, fee, MG recouped, reserve, payout, due]. */
  const figures = async (ref: string, period: string) => {
    const s = await ok(call('GET', `/api/contracts/${ref}/statements/${period}`));
    const line = (kind: string) => s.lines.find((l: { kind: string }) => l.kind === kind)?.current ?? '0.00';
    return [s.receipts.current, line('fee'), line('recoup'), line('reserve'), line('payout'), s.due];
  };

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const fay = await createUser(app, { username: 'fay', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fay', password: PASSWORD } });
    cookie = `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    await importJson(app, { id: fay.id, username: 'fay', role: 'editor', canSeeFinancials: true }, DEALS);
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('(a) revenue in EUR and GBP on a USD licence, converted at the rates of each period', async () => {
    await ok(
      call('PUT', '/api/contracts/FX/terms', {
        ...LICENCE,
        fees: [
          { media: 'Theatrical', rate: '30%', label: 'Theatrical' },
          { rate: '20%', label: 'Other media' },
        ],
      }),
    );
    for (const [period, from, rate] of [
      ['2022-Q1', 'EUR', '1.10'],
      ['2022-Q1', 'GBP', '1.35'],
      ['2022-Q2', 'EUR', '1.0537'],
      ['2022-Q2', 'GBP', '1.25'],
    ])
      await ok(call('PUT', '/api/exchange-rates', { period, from, to: 'USD', rate }));
    await ok(
      call('POST', '/api/contracts/FX/revenue-reports', {
        report: 'Curzon H1 2022',
        rows: rows('Night Crossing', [
          ['2022-Q1', 'France', 'Theatrical', '100000.00', 'EUR'],
          ['2022-Q1', 'United Kingdom', 'SVOD', '40000.00', 'GBP'],
          ['2022-Q2', 'France', 'SVOD', '50000.00', 'EUR'],
          ['2022-Q2', 'Germany', 'SVOD', '33333.33', 'EUR'],
          ['2022-Q2', 'United Kingdom', 'Theatrical', '10000.00', 'GBP'],
          ['2022-Q2', 'Ireland', 'SVOD', '20000.00', 'USD'],
        ]),
      }),
    );
    // Q1: 110,000 + 54,000 = 164,000; fee 33,000 + 10,800 = 43,800; MG 50,000; overage and due 70,200.
    expect(await figures('FX', '2022-Q1')).toEqual(['164000.00', '43800.00', '50000.00', '0.00', '70200.00', '70200.00']);
    await ok(call('POST', '/api/contracts/FX/payments', { on: '2022-04-20', amount: '70200', currency: 'USD' }));
    // Q2: 52,685 + 35,123.33 + 12,500 + 20,000 = 120,308.33; fee 36,750 + 32,361.67 - 43,800 = 25,311.67; due 94,996.66.
    expect(await figures('FX', '2022-Q2')).toEqual(['120308.33', '25311.67', '0.00', '0.00', '94996.66', '94996.66']);
  });

  it('(b) a reserve against returns, held for two statements and paid in the third', async () => {
    await ok(call('PUT', '/api/contracts/RESERVE/terms', { ...LICENCE, reserve: { rate: '20%', releaseAfter: 2 } }));
    await ok(
      call('POST', '/api/contracts/RESERVE/revenue-reports', {
        report: 'Curzon 2022',
        rows: rows('Low Water', [
          ['2022-Q1', 'France', 'SVOD', '200000', 'USD'],
          ['2022-Q2', 'France', 'SVOD', '100000', 'USD'],
        ]),
      }),
    );
    // Each due is paid in the next period, so each statement's due is its own period's payout.
    const expected = [
      ['2022-Q1', ['200000.00', '50000.00', '100000.00', '10000.00', '40000.00', '40000.00'], '2022-04-15'],
      ['2022-Q2', ['100000.00', '25000.00', '0.00', '15000.00', '60000.00', '60000.00'], '2022-07-15'],
      ['2022-Q3', ['0.00', '0.00', '0.00', '-10000.00', '10000.00', '10000.00'], '2022-10-15'],
      ['2022-Q4', ['0.00', '0.00', '0.00', '-15000.00', '15000.00', '15000.00'], '2023-01-15'],
      ['2023-Q1', ['0.00', '0.00', '0.00', '0.00', '0.00', '0.00'], null],
    ] as const;
    for (const [period, want, payOn] of expected) {
      expect(await figures('RESERVE', period), period).toEqual(want);
      if (payOn) await ok(call('POST', '/api/contracts/RESERVE/payments', { on: payOn, amount: want[5], currency: 'USD' }));
    }
  });

  it('(c) two titles: apart, the loser owes nothing and the winner its overage; pooled, the loser is recouped from the winner', async () => {
    for (const ref of ['POOL-A', 'POOL-B']) await ok(call('PUT', `/api/contracts/${ref}/terms`, LICENCE));
    const report = (ref: string, title: string, gross: string) =>
      ok(
        call('POST', `/api/contracts/${ref}/revenue-reports`, {
          report: 'Q1',
          rows: rows(title, [['2022-Q1', 'France', 'SVOD', gross, 'USD']]),
        }),
      );
    await report('POOL-A', 'The Losing Side', '40000');
    await report('POOL-B', 'The Winning Side', '300000');
    // Apart: A fee 10,000, 30,000 of its MG recouped, due 0; B fee 75,000, MG 100,000, due 125,000.
    expect(await figures('POOL-A', '2022-Q1')).toEqual(['40000.00', '10000.00', '30000.00', '0.00', '0.00', '0.00']);
    expect(await figures('POOL-B', '2022-Q1')).toEqual(['300000.00', '75000.00', '100000.00', '0.00', '125000.00', '125000.00']);
    for (const ref of ['POOL-A', 'POOL-B']) {
      const { version } = await ok(call('GET', `/api/contracts/${ref}/terms`));
      await ok(call('PUT', `/api/contracts/${ref}/terms`, { ...LICENCE, pool: 'crossed', version }));
    }
    // Pooled: gross 340,000; fee 85,000; both MGs (200,000) recouped; due 55,000, the pool's statement on either contract.
    for (const ref of ['POOL-A', 'POOL-B']) {
      expect(await figures(ref, '2022-Q1'), ref).toEqual(['340000.00', '85000.00', '200000.00', '0.00', '55000.00', '55000.00']);
      expect((await ok(call('GET', `/api/contracts/${ref}/statements/2022-Q1`))).pool).toEqual(['POOL-A', 'POOL-B']);
    }
  });
});
