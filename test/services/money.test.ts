/**
 * The accounts through the services, on SQLite and PostgreSQL: the worked example of One Second
 * (Neon's licence for North America and Wild Bunch's mandate from the producer) entered as a
 * user would, figures exact; issuing and correcting statements; refused reports that write nothing;
 * and who may see any of it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { openApp, type TestApp } from '../support/apps.js';
import type { Actor } from '../../src/services/app.js';
import { auditTrail } from '../../src/services/contracts.js';
import { ForbiddenError } from '../../src/services/errors.js';
import { importJson } from '../../src/services/interchange.js';
import { MANDATE_TERMS, NEON_TERMS, ONE_SECOND_DEALS } from '../support/accounts.js';
import {
  addExpense,
  addPayment,
  addReceipt,
  getLedger,
  recordRevenueReport,
  RevenueReportError,
  setExchangeRate,
} from '../../src/services/money/ledger.js';
import { computeStatement, getIssuedStatement, issueStatement, moneyDue } from '../../src/services/money/statements.js';
import { getTerms, setTerms } from '../../src/services/money/terms.js';

const ACCOUNTANT: Actor = { id: 'ann', username: 'ann', role: 'editor', canSeeFinancials: true };
const EDITOR: Actor = { id: 'eve', username: 'eve', role: 'editor', canSeeFinancials: false };

describeEachDatabase('the accounts of One Second', (_open, database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openApp(database);
    await importJson(t.app, ACCOUNTANT, ONE_SECOND_DEALS);
    await setTerms(t.app, ACCOUNTANT, 'NEON-NA', NEON_TERMS);
    await setTerms(t.app, ACCOUNTANT, 'MANDATE', MANDATE_TERMS);
    await recordRevenueReport(t.app, ACCOUNTANT, 'NEON-NA', 'Neon Q4 2021', [
      { period: '2021-Q4', title: 'One Second', territory: 'United States', media: 'Theatrical', gross: '800,000.00', currency: 'USD' },
      { period: '2021-Q4', title: 'One Second', territory: 'United States', media: 'SVOD', gross: '1,200,000.00', currency: 'USD' },
    ]);
    await recordRevenueReport(t.app, ACCOUNTANT, 'NEON-NA', 'Neon Q1 2022', [
      { period: '2022-Q1', title: 'One Second', territory: 'United States', media: 'SVOD', gross: '1000000', currency: 'USD' },
    ]);
    await addExpense(t.app, ACCOUNTANT, 'NEON-NA', { on: '2021-11-02', category: 'P&A', amount: '600000', currency: 'USD' });
    await addReceipt(t.app, ACCOUNTANT, 'NEON-NA', { on: '2021-07-22', amount: '300000', currency: 'USD', kind: 'instalment' });
    await addReceipt(t.app, ACCOUNTANT, 'NEON-NA', { on: '2021-09-03', amount: '1200000', currency: 'USD', kind: 'instalment' });
    await addExpense(t.app, ACCOUNTANT, 'MANDATE', { on: '2021-09-10', category: 'markets', amount: '120000', currency: 'USD' });
  });
  afterAll(() => t?.close());

  it("Neon's statements: nothing due for 2021-Q4, the 210,000 overage for 2022-Q1", async () => {
    const q4 = await computeStatement(t.app, ACCOUNTANT, 'NEON-NA', '2021-Q4');
    expect(q4.receipts.current).toBe('2000000.00');
    expect(q4.lines.map((l) => [l.label, l.cumulative])).toEqual([
      ['Distribution fee', '540000.00'],
      ['Distribution expenses', '500000.00'],
      ['Minimum guarantee recouped', '960000.00'],
      ['Overages to the licensor', '0.00'],
    ]);
    expect(q4.lines[2].outstanding).toBe('540000.00');
    expect(q4.due).toBe('0.00');
    expect(q4.dueOn).toBe('2022-02-14');
    const q1 = await computeStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q1');
    expect(q1.lines[0]).toMatchObject({ prior: '540000.00', current: '250000.00', cumulative: '790000.00' });
    expect(q1.due).toBe('210000.00');
    expect(q1.steps[0]).toBe('1. Distribution fee: 30% of Theatrical; 25% of All other media');
  });

  it("Wild Bunch's statements to the producer: 1,250,000 for 2021-Q3, then 189,000 for 2022-Q2 once the first was paid", async () => {
    const q3 = await computeStatement(t.app, ACCOUNTANT, 'MANDATE', '2021-Q3');
    expect(q3.lines.map((l) => [l.label, l.current])).toEqual([
      ['Commission', '150000.00'],
      ['Sales and marketing expenses', '100000.00'],
      ['Balance to the producer', '1250000.00'],
    ]);
    expect(q3.due).toBe('1250000.00');
    await addPayment(t.app, ACCOUNTANT, 'MANDATE', { on: '2021-11-15', amount: '1250000', currency: 'USD' });
    await addReceipt(t.app, ACCOUNTANT, 'NEON-NA', { on: '2022-05-15', amount: '210000', currency: 'USD', kind: 'overage' });
    const q2 = await computeStatement(t.app, ACCOUNTANT, 'MANDATE', '2022-Q2');
    expect(q2.lines[0].current).toBe('21000.00');
    expect(q2.due).toBe('189000.00');
    expect(q2.earned.cumulative).toBe('1439000.00');
  });

  it('issues a statement once, frozen and numbered; a correction says what it corrects', async () => {
    // what runs before the commit (the CLI writes the files there) fails: nothing is issued
    let seen: number | undefined;
    const failing = async (s: { issued: { number: number } | null }) => {
      seen = s.issued?.number;
      throw new Error('the disk is full');
    };
    await expect(issueStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q1', { today: '2022-04-20', beforeCommit: failing })).rejects.toThrow(
      'the disk is full',
    );
    const first = await issueStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q1', { today: '2022-04-20' });
    expect(first.issued!.number).toBe(seen);
    expect(first.issued).toMatchObject({ corrects: null });
    await expect(issueStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q1', { today: '2022-04-20' })).rejects.toThrow(
      /period: statement no\. \d+ was already issued for 2022-Q1/,
    );
    await expect(issueStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q3', { today: '2022-08-01' })).rejects.toThrow(
      /2022-Q3 has not ended yet/,
    );
    const fix = await issueStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q1', { correction: true, today: '2022-04-21' });
    expect(fix.issued!.corrects).toBe(first.issued!.number);
    expect(fix.issued!.number).toBe(first.issued!.number + 1);
    expect((await getIssuedStatement(t.app, ACCOUNTANT, first.issued!.number)).due).toBe('210000.00');
  });

  it('refuses a bad revenue report with each row and reason, and writes none of it', async () => {
    const before = (await getLedger(t.app, ACCOUNTANT, 'NEON-NA')).revenue.length;
    const rows = [
      { period: '2022-Q2', title: 'One Secnd', territory: 'United States', media: 'SVOD', gross: '10', currency: 'USD' },
      { period: '2022-Q2', title: 'One Second', territory: 'Atlantis', media: 'SVOD', gross: '10', currency: 'USD' },
      { period: '2022-Q2', title: 'One Second', territory: 'Canada', media: 'Telepathy', gross: '5', currency: 'USD' },
      { period: '2022-Q2', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '-5', currency: 'USD' },
      { period: '2022-Q2', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '5', currency: 'USX' },
      { period: '2022-Q1', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '5', currency: 'USD' },
      { period: '2022-Q2', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '5', currency: 'USD' },
    ];
    const err = await recordRevenueReport(t.app, ACCOUNTANT, 'NEON-NA', 'bad', rows).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevenueReportError);
    const problems = (err as RevenueReportError).problems.map((p) => `${p.row} ${p.field}`);
    expect(problems).toEqual(['1 title', '2 territory', '3 media', '4 gross', '5 currency', '6 period']);
    expect((err as RevenueReportError).problems[0].message).toMatch(/One Second/);
    expect((err as RevenueReportError).problems[5].message).toMatch(/already has an issued statement/);
    expect((await getLedger(t.app, ACCOUNTANT, 'NEON-NA')).revenue.length).toBe(before);
  });

  it('converts money in another currency at the period rate the user entered, and says when one is missing', async () => {
    await recordRevenueReport(t.app, ACCOUNTANT, 'NEON-NA', 'Neon Canada Q2 2022', [
      { period: '2022-Q2', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '130.00', currency: 'CAD' },
    ]);
    await expect(computeStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q2')).rejects.toThrow(/no exchange rate from CAD to USD for 2022-Q2/);
    await setExchangeRate(t.app, ACCOUNTANT, { period: '2022-Q2', from: 'USD', to: 'CAD', rate: '1.3' });
    const q2 = await computeStatement(t.app, ACCOUNTANT, 'NEON-NA', '2022-Q2');
    expect(q2.receipts.current).toBe('100.00');
  });

  it('lists what is due: statements not issued, instalments not paid', async () => {
    const due = await moneyDue(t.app, ACCOUNTANT, '2021-10-20');
    expect(due.map((d) => `${d.contract.ref} ${d.label} ${d.status}`)).toEqual([
      'MANDATE Statement 2021-Q3 due',
      'NEON-NA Statement 2021-Q3 due',
    ]);
    const later = await moneyDue(t.app, ACCOUNTANT, '2021-08-15');
    expect(later.filter((d) => d.what === 'instalment').map((d) => `${d.label} ${d.status} ${d.amount}`)).toEqual([
      'On delivery not-yet-due 1200000.00',
    ]);
  });

  it('is confidential: a user without the financial-terms permission can neither read nor write the accounts', async () => {
    await expect(getTerms(t.app, EDITOR, 'NEON-NA')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(computeStatement(t.app, EDITOR, 'NEON-NA', '2021-Q4')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addReceipt(t.app, EDITOR, 'NEON-NA', { on: '2022-01-01', amount: '1', currency: 'USD' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('checks the terms whole, naming the field', async () => {
    await expect(
      setTerms(t.app, ACCOUNTANT, 'NEON-NA', { kind: 'licence', currency: 'EUR', fees: [], frequency: 'quarterly' }),
    ).rejects.toThrow(/currency: the minimum guarantee is in USD/);
    await expect(
      setTerms(t.app, ACCOUNTANT, 'NEON-NA', {
        kind: 'licence',
        currency: 'USD',
        fees: [{ media: 'Telepathy', rate: '10%' }],
        frequency: 'quarterly',
      }),
    ).rejects.toThrow(/fees\[0\]\.media/);
    await expect(
      setTerms(t.app, ACCOUNTANT, 'NEON-NA', {
        kind: 'licence',
        currency: 'USD',
        fees: [],
        frequency: 'quarterly',
        instalments: [{ label: 'On signature', rate: '20%', dueEvent: 'signature' }],
      }),
    ).rejects.toThrow(/instalments: they add up to/);
    expect((await getTerms(t.app, ACCOUNTANT, 'NEON-NA'))?.fees).toHaveLength(2); // nothing half-written
  });
});

describeEachDatabase('the history of the accounts', (_open, database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openApp(database);
    await importJson(t.app, ACCOUNTANT, ONE_SECOND_DEALS);
    await addReceipt(t.app, ACCOUNTANT, 'NEON-NA', { on: '2021-07-22', amount: '300000', currency: 'USD', kind: 'instalment' });
  });
  afterAll(() => t?.close());

  it('is shown only to users who may see the accounts', async () => {
    const seen = (await auditTrail(t.app, ACCOUNTANT, {})).map((e) => e.entity);
    expect(seen).toContain('receipts');
    const hidden = (await auditTrail(t.app, EDITOR, {})).map((e) => e.entity);
    expect(hidden).not.toContain('receipts');
    expect(hidden).toContain('contracts');
  });
});
