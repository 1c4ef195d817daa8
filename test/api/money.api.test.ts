/**
 * The accounts through HTTP, on SQLite and PostgreSQL: the worked example of One Second (Neon's
 * licence for North America, Wild Bunch's mandate from the producer) entered and read as a client
 * would, figures exact; who may call what (no financial permission: 403 everywhere; a read-only
 * token cannot write); bad input that names the row and field and writes nothing; the PDF and XLSX.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights } from '../../src/services/app.js';
import { importJson } from '../../src/services/interchange.js';
import { MANDATE_TERMS, NEON_TERMS, ONE_SECOND_DEALS } from '../support/accounts.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

const row = (period: string, media: string, gross: string, extra: object = {}) => ({
  period,
  title: 'One Second',
  territory: 'United States',
  media,
  gross,
  currency: 'USD',
  ...extra,
});

describeEachDatabase('the accounts through the API', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  /** fay: editor with the financial-terms permission; eve: editor without; ray: fay's read-only token. */
  const auth: Record<'fay' | 'eve' | 'ray', Record<string, string>> = { fay: {}, eve: {}, ray: {} };

  const call = (who: keyof typeof auth, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    server.inject({ method, url, headers: auth[who], ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  const revenueCount = async () => (await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger'))).revenue.length as number;

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const fay = await createUser(app, { username: 'fay', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'eve', password: PASSWORD, role: 'editor', canSeeFinancials: false });
    for (const u of ['fay', 'eve'] as const) {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: PASSWORD } });
      auth[u] = { cookie: `filmrights_session=${res.cookies.find((c) => c.name === 'filmrights_session')!.value}` };
    }
    const actor = { id: fay.id, username: 'fay', role: 'editor' as const, canSeeFinancials: true };
    auth.ray = { authorization: `Bearer ${(await createApiToken(app, actor, 'read')).token}` };
    await importJson(app, actor, ONE_SECOND_DEALS);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('answers a contract without financial terms yet with null, not a 404; an unknown contract is still a 404', async () => {
    const none = await call('fay', 'GET', '/api/contracts/NEON-NA/terms');
    expect(none.statusCode, none.body).toBe(200);
    expect(none.headers['content-type']).toMatch(/application\/json/);
    expect(none.json()).toBeNull();
    const unknown = await call('fay', 'GET', '/api/contracts/NO-SUCH-DEAL/terms');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not-found' });
    // no terms is still confidential: no answer at all without the permission
    expect((await call('eve', 'GET', '/api/contracts/NEON-NA/terms')).statusCode).toBe(403);
  });

  it('enters the worked example and answers its statements, figures exact', async () => {
    const terms = await ok(call('fay', 'PUT', '/api/contracts/NEON-NA/terms', NEON_TERMS));
    expect(terms).toMatchObject({ kind: 'licence', expenseCap: '500000.00', mg: { amount: '1500000.00', currency: 'USD' }, version: 1 });
    await ok(call('fay', 'PUT', '/api/contracts/MANDATE/terms', MANDATE_TERMS));
    expect((await ok(call('fay', 'GET', '/api/contracts/NEON-NA/terms'))).fees).toHaveLength(2);

    const preview = await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
        report: 'Neon Q4 2021',
        rows: [row('2021-Q4', 'Theatrical', '800,000.00'), row('2021-Q4', 'SVOD', '1,200,000.00')],
        preview: true,
      }),
    );
    expect(preview).toMatchObject({ rows: 2, gross: { USD: '2000000.00' }, preview: true });
    expect(await revenueCount()).toBe(0);
    await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
        report: 'Neon Q4 2021',
        rows: [row('2021-Q4', 'Theatrical', '800,000.00'), row('2021-Q4', 'SVOD', '1,200,000.00')],
      }),
    );
    await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', { report: 'Neon Q1 2022', rows: [row('2022-Q1', 'SVOD', '1000000')] }),
    );
    const expense = await call('fay', 'POST', '/api/contracts/NEON-NA/expenses', {
      on: '2021-11-02',
      category: 'P&A',
      amount: '600000',
      currency: 'USD',
    });
    expect(expense.statusCode, expense.body).toBe(201);
    expect(expense.json()).toMatchObject({ category: 'P&A', amount: '600000.00', recoupable: true });
    await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/receipts', { on: '2021-07-22', amount: '300000', currency: 'USD', kind: 'instalment' }),
    );
    await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/receipts', { on: '2021-09-03', amount: '1200000', currency: 'USD', kind: 'instalment' }),
    );
    await ok(
      call('fay', 'POST', '/api/contracts/MANDATE/expenses', { on: '2021-09-10', category: 'markets', amount: '120000', currency: 'USD' }),
    );

    const q4 = await ok(call('fay', 'GET', '/api/contracts/NEON-NA/statements/2021-Q4'));
    expect(q4.lines.map((l: { label: string; cumulative: string }) => [l.label, l.cumulative])).toEqual([
      ['Distribution fee', '540000.00'],
      ['Distribution expenses', '500000.00'],
      ['Minimum guarantee recouped', '960000.00'],
      ['Overages to the licensor', '0.00'],
    ]);
    expect(q4.lines[2].outstanding).toBe('540000.00');
    expect(q4.due).toBe('0.00');
    const q1 = await ok(call('fay', 'GET', '/api/contracts/NEON-NA/statements/2022-Q1'));
    expect(q1.lines[0]).toMatchObject({ prior: '540000.00', current: '250000.00', cumulative: '790000.00' });
    expect(q1.due).toBe('210000.00');

    const q3 = await ok(call('fay', 'GET', '/api/contracts/MANDATE/statements/2021-Q3'));
    expect(q3.due).toBe('1250000.00');
    await ok(call('fay', 'POST', '/api/contracts/MANDATE/payments', { on: '2021-11-15', amount: '1250000', currency: 'USD' }));
    await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/receipts', { on: '2022-05-15', amount: '210000', currency: 'USD', kind: 'overage' }),
    );
    const q2 = await ok(call('fay', 'GET', '/api/contracts/MANDATE/statements/2022-Q2'));
    expect(q2.lines[0].current).toBe('21000.00');
    expect(q2.due).toBe('189000.00');
    expect(q2.earned.cumulative).toBe('1439000.00');

    const ledger = await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger'));
    expect(ledger.receipts.map((r: { amount: string }) => r.amount)).toEqual(['300000.00', '1200000.00', '210000.00']);
    expect(ledger.revenue).toHaveLength(3);
  });

  it('issues a statement once, numbered, readable by number; a correction says what it corrects', async () => {
    const issued = await call('fay', 'POST', '/api/contracts/NEON-NA/statements/2022-Q1/issue', {});
    expect(issued.statusCode, issued.body).toBe(201);
    const first = issued.json();
    expect(first.issued).toMatchObject({ corrects: null });
    const again = await call('fay', 'POST', '/api/contracts/NEON-NA/statements/2022-Q1/issue', {});
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: 'invalid', field: 'period' });
    expect(again.json().message).toMatch(/already issued for 2022-Q1/);
    const fix = await ok(call('fay', 'POST', '/api/contracts/NEON-NA/statements/2022-Q1/issue', { correction: true }));
    expect(fix.issued.corrects).toBe(first.issued.number);
    const stored = await ok(call('fay', 'GET', `/api/statements/${first.issued.number}`));
    expect(stored).toEqual(first);
    expect((await call('fay', 'GET', '/api/statements/9999')).statusCode).toBe(404);
  });

  it('answers the statement as a PDF whose text shows the amount due, and as XLSX', async () => {
    const pdf = await call('fay', 'GET', '/api/contracts/NEON-NA/statements/2022-Q1?format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="NEON-NA-2022-Q1.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: pdf.rawPayload });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Amount due: USD 210,000.00');
    const xlsx = await call('fay', 'GET', '/api/contracts/NEON-NA/statements/2022-Q1?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="NEON-NA-2022-Q1.xlsx"');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const issuedPdf = await call('fay', 'GET', '/api/statements/1?format=pdf');
    expect(issuedPdf.headers['content-type']).toBe('application/pdf');
  });

  it('refuses a bad revenue report with each row and field, and writes none of it', async () => {
    const before = await revenueCount();
    const res = await call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
      report: 'bad',
      rows: [
        row('2022-Q2', 'SVOD', '10', { title: 'One Secnd' }),
        row('2022-Q2', 'SVOD', '10', { territory: 'Atlantis' }),
        row('2022-Q2', 'Telepathy', '10'),
        row('2022-Q2', 'SVOD', '-5'),
        row('2022-Q2', 'SVOD', '5', { currency: 'USX' }),
        row('2022-Q1', 'SVOD', '5'),
        row('2022-Q2', 'SVOD', '5'),
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    const problems = (res.json().problems as Array<{ row: number; field: string; message: string }>).map((p) => `${p.row} ${p.field}`);
    expect(problems).toEqual(['1 title', '2 territory', '3 media', '4 gross', '5 currency', '6 period']);
    expect(res.json().problems[5].message).toMatch(/already has an issued statement/);
    expect(await revenueCount()).toBe(before);

    const unknown = await call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
      report: 'bad',
      rows: [{ ...row('2022-Q2', 'SVOD', '5'), royalty: '1' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('rows[0].royalty');
    const badTerms = await call('fay', 'PUT', '/api/contracts/NEON-NA/terms', {
      ...NEON_TERMS,
      fees: [{ media: 'Telepathy', rate: '10%' }],
    });
    expect(badTerms.statusCode).toBe(400);
    expect(badTerms.json().field).toBe('fees[0].media');
    expect((await ok(call('fay', 'GET', '/api/contracts/NEON-NA/terms'))).fees).toHaveLength(2);
    const badReceipt = await call('fay', 'POST', '/api/contracts/NEON-NA/receipts', { on: '2022-05-16', amount: '-1', currency: 'USD' });
    expect(badReceipt.statusCode).toBe(400);
    expect(badReceipt.json().field).toBe('amount');
    expect((await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger'))).receipts).toHaveLength(3);
  });

  it('converts at the rate the user entered', async () => {
    await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
        report: 'Neon Canada Q2 2022',
        rows: [row('2022-Q2', 'SVOD', '130.00', { territory: 'Canada', currency: 'CAD' })],
      }),
    );
    const missing = await call('fay', 'GET', '/api/contracts/NEON-NA/statements/2022-Q2');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/no exchange rate from CAD to USD for 2022-Q2/);
    const rate = await ok(call('fay', 'PUT', '/api/exchange-rates', { period: '2022-Q2', from: 'USD', to: 'CAD', rate: '1.3' }));
    expect(rate).toEqual({ period: '2022-Q2', from: 'USD', to: 'CAD', rate: '1.3' });
    expect((await ok(call('fay', 'GET', '/api/contracts/NEON-NA/statements/2022-Q2'))).receipts.current).toBe('100.00');
  });

  it('records a revenue report from a CSV or XLSX sheet: columns guessed, preview first, rows of the file named', async () => {
    const csv = [
      'Quarter,Film,Country,Platform,Revenue,Ccy,Admissions',
      '2022-Q3,One Second,United States,Theatrical,"1,000.50",USD,120',
      '2022-Q3,One Second,Canada,SVOD,2000,USD,',
    ].join('\n');
    const file = (content: string | Buffer, extra: object = {}) => ({
      filename: 'neon-q3-2022.csv',
      content: Buffer.from(content).toString('base64'),
      ...extra,
    });
    const before = await revenueCount();
    const preview = await ok(call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports/file', file(csv, { preview: true })));
    expect(preview).toMatchObject({ rows: 2, gross: { USD: '3000.50' }, preview: true, format: 'csv' });
    expect(preview.mapping).toMatchObject({
      period: 'Quarter',
      title: 'Film',
      territory: 'Country',
      media: 'Platform',
      gross: 'Revenue',
      units: 'Admissions',
    });
    expect(await revenueCount()).toBe(before);

    const bad = await call(
      'fay',
      'POST',
      '/api/contracts/NEON-NA/revenue-reports/file',
      file(`${csv}\n2022-Q3,One Second,Atlantis,SVOD,-5,USD,\n2022-Q1,One Second,Canada,SVOD,5,USD,`),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().problems.map((p: { row: number; field: string }) => `${p.row} ${p.field}`)).toEqual([
      '4 territory',
      '4 gross',
      '5 period',
    ]);
    expect(bad.json().headers).toContain('Revenue');
    const unmapped = await call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports/file', file(csv, { mapping: { gross: 'Net' } }));
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json().problems[0]).toMatchObject({ row: 0, field: 'gross' });
    expect(unmapped.json().problems[0].message).toMatch(/no column "Net"/);
    expect(await revenueCount()).toBe(before);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Report');
    sheet.addRow(['Period', 'Title', 'Territory', 'Media', 'Gross receipts', 'Currency']);
    sheet.addRow(['2022-Q3', 'One Second', 'United States', 'SVOD', 4000.25, 'USD']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const recorded = await ok(
      call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports/file', file(xlsx, { filename: 'neon.xlsx', report: 'Neon Q3 2022' })),
    );
    expect(recorded).toMatchObject({ rows: 1, gross: { USD: '4000.25' }, preview: false, format: 'xlsx' });
    const lines = (await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger'))).revenue.filter(
      (l: { report: string }) => l.report === 'Neon Q3 2022',
    );
    expect(lines).toMatchObject([{ row: 2, period: '2022-Q3', gross: '4000.25', media: 'SVOD' }]);
  });

  it('refuses a revenue report already recorded (same name, or the same rows), and replaces one only when asked', async () => {
    const csv = (svod: string) =>
      [
        'Period,Title,Territory,Media,Gross,Currency',
        `2022-Q4,One Second,United States,SVOD,${svod},USD`,
        '2022-Q4,One Second,Canada,TVOD,1000,USD',
      ].join('\n');
    const file = (content: string, extra: object = {}) => ({
      filename: 'neon-q4-2022.csv',
      content: Buffer.from(content).toString('base64'),
      ...extra,
    });
    const post = (body: object) => call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports/file', body);
    const receipts = async () => (await ok(call('fay', 'GET', '/api/contracts/NEON-NA/statements/2022-Q4'))).receipts.current as string;
    const lines = async (report: string) =>
      ((await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger'))).revenue as Array<{ report: string; gross: string }>)
        .filter((l) => l.report === report)
        .map((l) => l.gross);

    expect(await ok(post(file(csv('5000'))))).toMatchObject({ rows: 2, gross: { USD: '6000.00' } });
    expect(await receipts()).toBe('6000.00');
    const before = await revenueCount();

    // the same file again, previewed or recorded: 409, naming the report and when it was recorded
    for (const preview of [true, false]) {
      const again = await post(file(csv('5000'), { preview }));
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json()).toMatchObject({ error: 'already-imported', field: 'report', report: 'neon-q4-2022.csv', rows: 2 });
      expect(Number.isNaN(Date.parse(again.json().importedAt))).toBe(false);
      expect(again.json().message).toMatch(
        /^report: "neon-q4-2022\.csv" was already recorded for NEON-NA on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(2 rows, USD 6,000\.00\); nothing was written\. To replace it, send it again with replace: true$/,
      );
    }
    // the same rows under another name (the file renamed, or sent as JSON)
    const renamed = await post(file(csv('5000'), { filename: 'neon-q4-2022 (1).csv' }));
    expect(renamed.statusCode, renamed.body).toBe(409);
    expect(renamed.json()).toMatchObject({ error: 'already-imported', report: 'neon-q4-2022.csv' });
    expect(renamed.json().message).toMatch(/^report: the rows of "neon-q4-2022 \(1\)\.csv" are those of "neon-q4-2022\.csv", recorded for/);
    const asJson = await call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
      report: 'Neon Q4 2022',
      rows: [row('2022-Q4', 'TVOD', '1000', { territory: 'Canada' }), row('2022-Q4', 'SVOD', '5,000.00')],
    });
    expect(asJson.statusCode, asJson.body).toBe(409);
    expect(asJson.json().report).toBe('neon-q4-2022.csv');
    // the same rows with their places and media written another way (US, tvod): the statement reads them alike
    const respelt = await call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
      report: 'Neon Q4 2022 resent',
      rows: [row('2022-Q4', 'tvod', '1000', { territory: 'CA' }), row('2022-Q4', 'svod', '5000', { territory: 'US' })],
    });
    expect(respelt.statusCode, respelt.body).toBe(409);
    expect(respelt.json().report).toBe('neon-q4-2022.csv');
    // its name written another way (case, spaces) is the same report
    const recased = await post(file(csv('5000'), { filename: 'NEON-Q4-2022.CSV' }));
    expect(recased.statusCode, recased.body).toBe(409);
    expect(recased.json().report).toBe('neon-q4-2022.csv');
    // the same name with other rows, as JSON
    const sameName = await call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
      report: 'neon-q4-2022.csv',
      rows: [row('2022-Q4', 'SVOD', '1')],
    });
    expect(sameName.statusCode, sameName.body).toBe(409);
    expect(sameName.json().message).toMatch(/^report: "neon-q4-2022\.csv" was already recorded for NEON-NA/);
    expect(await revenueCount()).toBe(before);
    expect(await receipts()).toBe('6000.00');

    // replace: true, previewed (nothing written), then recorded: the old rows go, the new come, one audit entry
    const preview = await ok(post(file(csv('5500'), { replace: true, preview: true })));
    expect(preview).toMatchObject({ rows: 2, replaced: 2, preview: true });
    expect(await lines('neon-q4-2022.csv')).toEqual(['5000.00', '1000.00']);
    const replaced = await ok(post(file(csv('5500'), { replace: true })));
    expect(replaced).toMatchObject({ rows: 2, replaced: 2, gross: { USD: '6500.00' }, preview: false });
    expect(await lines('neon-q4-2022.csv')).toEqual(['5500.00', '1000.00']);
    expect(await revenueCount()).toBe(before);
    expect(await receipts()).toBe('6500.00');
    const entries = await app.store.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'revenue_lines')
      .where('action', '=', 'update')
      .execute();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(String(entries[0].after))).toMatchObject({ report: 'neon-q4-2022.csv', rows: 2, gross: { USD: '6500.00' } });
    expect(JSON.parse(String(entries[0].before))).toMatchObject({ report: 'neon-q4-2022.csv', rows: 2, gross: { USD: '6000.00' } });
    // replace: true for a new name simply records it
    expect(
      await ok(
        call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
          report: 'Neon Q4 2022 France',
          rows: [row('2022-Q4', 'SVOD', '10', { territory: 'France' })],
          replace: true,
        }),
      ),
    ).toMatchObject({ rows: 1, replaced: 0 });
    // a report with rows in an issued period cannot be replaced: its statement is frozen
    const frozen = await call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', {
      report: 'Neon Q1 2022',
      rows: [row('2022-Q4', 'SVOD', '1')],
      replace: true,
    });
    expect(frozen.statusCode, frozen.body).toBe(400);
    expect(frozen.json()).toMatchObject({ field: 'replace' });
    expect(frozen.json().message).toMatch(/"Neon Q1 2022" has rows in 2022-Q1, which already has an issued statement/);
    expect(await lines('Neon Q1 2022')).toEqual(['1000000.00']);
    // nor is a report replaced by one with no rows (that would remove it unseen)
    const empty = await post(file('Period,Title,Territory,Media,Gross,Currency\n', { replace: true }));
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json()).toMatchObject({ field: 'rows' });
    expect(await lines('neon-q4-2022.csv')).toEqual(['5500.00', '1000.00']);
  });

  it('records one of the same report sent three times at once', async () => {
    const body = { report: 'Neon Q4 2022 Mexico', rows: [row('2022-Q4', 'SVOD', '70', { territory: 'Mexico' })] };
    const answers = await Promise.all([1, 2, 3].map(() => call('fay', 'POST', '/api/contracts/NEON-NA/revenue-reports', body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const ledger = await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger'));
    expect(ledger.revenue.filter((l: { report: string }) => l.report === 'Neon Q4 2022 Mexico')).toHaveLength(1);
  });

  it('lists what is due on a day', async () => {
    const due = await ok(call('fay', 'GET', '/api/money/due?today=2021-10-20'));
    expect(due.today).toBe('2021-10-20');
    expect(
      due.items.map((d: { contract: { ref: string }; label: string; status: string }) => `${d.contract.ref} ${d.label} ${d.status}`),
    ).toEqual(['MANDATE Statement 2021-Q3 due', 'NEON-NA Statement 2021-Q3 due']);
  });

  it('refuses everything to a user without the financial-terms permission (403), and every write to a read-only token', async () => {
    const reads = [
      '/api/contracts/NEON-NA/terms',
      '/api/contracts/NEON-NA/ledger',
      '/api/contracts/NEON-NA/statements/2022-Q1',
      '/api/contracts/NEON-NA/statements/2022-Q1?format=pdf',
      '/api/statements/1',
      '/api/money/due',
    ];
    const writes: Array<['POST' | 'PUT', string, unknown]> = [
      ['PUT', '/api/contracts/NEON-NA/terms', NEON_TERMS],
      ['POST', '/api/contracts/NEON-NA/receipts', { on: '2022-06-01', amount: '1', currency: 'USD' }],
      ['POST', '/api/contracts/NEON-NA/expenses', { on: '2022-06-01', amount: '1', currency: 'USD', category: 'P&A' }],
      ['POST', '/api/contracts/NEON-NA/payments', { on: '2022-06-01', amount: '1', currency: 'USD' }],
      ['PUT', '/api/exchange-rates', { period: '2022-Q2', from: 'USD', to: 'CAD', rate: '9' }],
      ['POST', '/api/contracts/NEON-NA/revenue-reports', { report: 'x', rows: [row('2022-Q3', 'SVOD', '1')] }],
      [
        'POST',
        '/api/contracts/NEON-NA/revenue-reports/file',
        { filename: 'x.csv', content: Buffer.from('Period\n2022-Q3').toString('base64') },
      ],
      ['POST', '/api/contracts/NEON-NA/statements/2022-Q2/issue', {}],
      [
        'POST',
        '/api/import',
        {
          filename: 'accounts.json',
          mode: 'commit',
          content: Buffer.from(
            JSON.stringify({
              accounts: { contracts: [{ contract: 'NEON-NA', receipts: [{ on: '2022-06-01', amount: '1', currency: 'USD' }] }] },
            }),
          ).toString('base64'),
        },
      ],
    ];
    for (const url of reads) {
      const r = await call('eve', 'GET', url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().message).toMatch(/financial-terms permission/);
      expect((await call('ray', 'GET', url)).statusCode, `${url} read-only token`).toBe(200);
    }
    const ledger = JSON.stringify(await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger')));
    const issued = (await ok(call('fay', 'GET', '/api/money/due?today=2030-01-01'))).items.length;
    for (const [method, url, body] of writes) {
      expect((await call('eve', method, url, body)).statusCode, `${method} ${url}`).toBe(403);
      const r = await call('ray', method, url, body);
      expect(r.statusCode, `${method} ${url} read-only token`).toBe(403);
      expect(r.json().message).toMatch(/read-only/);
    }
    expect(JSON.stringify(await ok(call('fay', 'GET', '/api/contracts/NEON-NA/ledger')))).toBe(ledger);
    expect((await ok(call('fay', 'GET', '/api/money/due?today=2030-01-01'))).items.length).toBe(issued);
  });
});
