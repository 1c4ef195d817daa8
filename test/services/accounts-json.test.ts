/**
 * The accounts in the JSON interchange format, on SQLite and PostgreSQL: a whole scenario (terms
 * with a reserve, caps per category and a pool, receipts, expenses, payments, revenue in two
 * currencies, exchange rates, an issued statement and its correction) exported, imported into an
 * empty database and exported again, the same; its statements the same figures there; refusals
 * naming the field with nothing written; and the financial-terms permission both ways.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { openApp, snapshot, type TestApp } from '../support/apps.js';
import type { Actor } from '../../src/services/app.js';
import { ForbiddenError } from '../../src/services/errors.js';
import { exportJson, ImportError, importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { MANDATE_TERMS, NEON_TERMS, ONE_SECOND_DEALS } from '../support/accounts.js';
import { addExpense, addPayment, addReceipt, recordRevenueReport, setExchangeRate } from '../../src/services/money/ledger.js';
import { computeStatement, issueStatement } from '../../src/services/money/statements.js';
import { setTerms } from '../../src/services/money/terms.js';

const ACCOUNTANT: Actor = { id: 'ann', username: 'ann', role: 'editor', canSeeFinancials: true };
const EDITOR: Actor = { id: 'eve', username: 'eve', role: 'editor', canSeeFinancials: false };

const copy = (d: InterchangeDocument) => JSON.parse(JSON.stringify(d)) as InterchangeDocument;

describeEachDatabase('the accounts in the JSON interchange format', (_open, database) => {
  const opened: TestApp[] = [];
  const open = async () => {
    const t = await openApp(database);
    opened.push(t);
    return t;
  };
  let first: TestApp;
  let exported: InterchangeDocument;
  beforeAll(async () => {
    first = await open();
    const a = first.app;
    await importJson(a, ACCOUNTANT, ONE_SECOND_DEALS);
    await setTerms(a, ACCOUNTANT, 'NEON-NA', {
      ...NEON_TERMS,
      expenseCaps: [{ category: 'P&A', cap: '450000' }],
      reserve: { rate: '10%', releaseAfter: 2 },
      reporterOverageShare: '20%',
      annualAfterYears: 3,
      statementDueDays: 60,
      pool: 'one-second',
    });
    await setTerms(a, ACCOUNTANT, 'MANDATE', MANDATE_TERMS);
    await setExchangeRate(a, ACCOUNTANT, { period: '2021-Q4', from: 'EUR', to: 'USD', rate: '1.15' });
    await recordRevenueReport(a, ACCOUNTANT, 'NEON-NA', 'Neon Q4 2021', [
      { period: '2021-Q4', title: 'One Second', territory: 'United States', media: 'Theatrical', gross: '800,000.00', currency: 'USD' },
      { period: '2021-Q4', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '100000', currency: 'EUR', units: 12 },
    ]);
    await addExpense(a, ACCOUNTANT, 'NEON-NA', { on: '2021-11-02', category: 'P&A', amount: '600000', currency: 'USD' });
    await addExpense(a, ACCOUNTANT, 'NEON-NA', { on: '2021-11-03', category: 'legal', amount: '5000', currency: 'USD', recoupable: false });
    await addReceipt(a, ACCOUNTANT, 'NEON-NA', { on: '2021-07-22', amount: '300000', currency: 'USD', kind: 'instalment' });
    await addPayment(a, ACCOUNTANT, 'MANDATE', { on: '2021-11-15', amount: '1000', currency: 'USD', note: 'first' });
    await issueStatement(a, ACCOUNTANT, 'NEON-NA', '2021-Q4', { today: '2022-01-20' });
    await issueStatement(a, ACCOUNTANT, 'NEON-NA', '2021-Q4', { today: '2022-01-21', correction: true });
    exported = await exportJson(a, ACCOUNTANT);
  });
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it('exports every part of the accounts, named as people name them', () => {
    const acc = exported.accounts!;
    expect(acc.exchangeRates).toEqual([{ period: '2021-Q4', from: 'EUR', to: 'USD', rate: '1.15' }]);
    expect(acc.contracts!.map((c) => c.contract)).toEqual(['MANDATE', 'NEON-NA']);
    const neon = acc.contracts![1];
    expect(neon.terms).toMatchObject({
      kind: 'licence',
      expenseCap: '500000.00',
      expenseCaps: [{ category: 'P&A', cap: '450000.00' }],
      reserve: { rate: '0.1', releaseAfter: 2 },
      pool: 'one-second',
      events: { delivery: '2021-09-01', signature: '2021-07-20' },
    });
    expect(neon.revenueReports).toEqual([
      {
        report: 'Neon Q4 2021',
        rows: [
          {
            row: 1,
            period: '2021-Q4',
            title: 'One Second',
            territory: 'United States',
            media: 'Theatrical',
            gross: '800000.00',
            currency: 'USD',
          },
          {
            row: 2,
            period: '2021-Q4',
            title: 'One Second',
            territory: 'Canada',
            media: 'SVOD',
            gross: '100000.00',
            currency: 'EUR',
            units: 12,
          },
        ],
      },
    ]);
    expect(neon.expenses!.map((e) => [e.category, e.recoupable])).toEqual([
      ['P&A', true],
      ['legal', false],
    ]);
    expect(neon.statements!.map((s) => [s.number, s.period, s.corrects ?? null])).toEqual([
      [1, '2021-Q4', null],
      [2, '2021-Q4', 1],
    ]);
    expect(JSON.stringify(neon.statements)).not.toMatch(/"id"/); // the database's ids are not part of the record
  });

  it('round-trips: export, import into an empty database, export again gives the same document and the same statements', async () => {
    const second = await open();
    const summary = await importJson(second.app, ACCOUNTANT, copy(exported));
    expect(summary.accounts).toBe(1 + 2 + 2 + 1 + 2 + 1 + 2); // a rate, two terms, two expenses, a receipt, two revenue lines, a payment, two statements
    expect(await exportJson(second.app, ACCOUNTANT)).toEqual(exported);
    for (const p of ['2021-Q4', '2022-Q1']) {
      const [a, b] = await Promise.all([
        computeStatement(first.app, ACCOUNTANT, 'NEON-NA', p),
        computeStatement(second.app, ACCOUNTANT, 'NEON-NA', p),
      ]);
      expect({ ...b, contract: null }).toEqual({ ...a, contract: null });
    }
    // the issued period stays closed in the copy
    await expect(
      recordRevenueReport(second.app, ACCOUNTANT, 'NEON-NA', 'late', [
        { period: '2021-Q4', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '1', currency: 'USD' },
      ]),
    ).rejects.toThrow(/already has an issued statement/);
  });

  it('leaves the accounts out for a user without the financial-terms permission, and refuses to import them from one', async () => {
    const seen = await exportJson(first.app, EDITOR);
    expect(seen.accounts).toBeUndefined();
    expect(seen.contracts!.find((c) => c.ref === 'NEON-NA')!.mg).toBeUndefined();
    const empty = await open();
    const before = await snapshot(empty.app);
    const err = await importJson(empty.app, EDITOR, copy({ ...seen, accounts: exported.accounts })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).field).toBe('accounts');
    expect((err as Error).message).toMatch(/eve does not have the financial-terms permission/);
    expect(await snapshot(empty.app)).toEqual(before);
  });

  it('refuses a document whose revenue report is already recorded, naming the report, and writes nothing', async () => {
    const report = exported.accounts!.contracts![1].revenueReports![0];
    const before = await snapshot(first.app);
    const err = (await importJson(first.app, ACCOUNTANT, {
      accounts: {
        contracts: [{ contract: 'NEON-NA', receipts: [{ on: '2022-02-01', amount: '5', currency: 'USD' }], revenueReports: [report] }],
      },
    } as InterchangeDocument).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.issues.map((i) => i.field)).toEqual(['accounts.contracts[0].revenueReports[0].report']);
    expect(err.issues[0].message).toMatch(
      /^accounts\.contracts\[0\]\.revenueReports\[0\]\.report: "Neon Q4 2021" was already recorded for NEON-NA on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(2 rows, EUR 100,000\.00, USD 800,000\.00\); a document does not record a report twice$/,
    );
    expect(await snapshot(first.app)).toEqual(before);
  });

  it('refuses a document whose accounts are wrong, naming each field, and writes nothing', async () => {
    const bad = copy(exported);
    const acc = bad.accounts!;
    acc.exchangeRates![0].rate = '-1';
    const neon = acc.contracts![1];
    neon.receipts![0].amount = '-5';
    neon.revenueReports![0].rows[1].territory = 'Atlantis';
    neon.terms!.fees![0].media = 'Telepathy';
    acc.contracts!.push({ contract: 'NEON-EU' });
    const empty = await open();
    const before = await snapshot(empty.app);
    const planErr = (await importJson(empty.app, ACCOUNTANT, bad).catch((e: unknown) => e)) as ImportError;
    expect(planErr).toBeInstanceOf(ImportError);
    expect(planErr.issues.map((i) => i.field)).toEqual([
      'accounts.exchangeRates[0].rate',
      'accounts.contracts[1].receipts[0].amount',
      'accounts.contracts[2].contract',
    ]);
    expect(await snapshot(empty.app)).toEqual(before);

    // what needs the contract as written is checked in the write transaction, and rolls it all back
    acc.exchangeRates![0].rate = '1.15';
    neon.receipts![0].amount = '300000';
    acc.contracts!.pop();
    const writeErr = (await importJson(empty.app, ACCOUNTANT, bad).catch((e: unknown) => e)) as ImportError;
    expect(writeErr).toBeInstanceOf(ImportError);
    expect(writeErr.issues.map((i) => i.field)).toEqual([
      'accounts.contracts[1].terms.fees[0].media',
      'accounts.contracts[1].revenueReports[0].rows[1].territory',
    ]);
    expect(writeErr.issues[1].message).toMatch(/Atlantis/);
    expect(await snapshot(empty.app)).toEqual(before);
  });
});
