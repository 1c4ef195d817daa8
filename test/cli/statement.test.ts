/**
 * `filmrights statement`, as a process, on a SQLite file with the accounts of One Second: the
 * table, JSON, and PDF and XLSX files that real readers open (the PDF's text is extracted and read
 * back, the workbook opened with exceljs).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { NEON_TERMS, ONE_SECOND_DEALS } from '../support/accounts.js';
import { importJson } from '../../src/services/interchange.js';
import { addExpense, recordRevenueReport } from '../../src/services/money/ledger.js';
import { setTerms } from '../../src/services/money/terms.js';
import { PROCESS_TEST_TIMEOUT, runCli, type Run } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'filmrights-statement-'));
const DB = join(dir, 'filmrights.db');

function cli(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: DB };
  delete env.DATABASE_URL;
  return runCli(args, { env });
}

beforeAll(async () => {
  const app = await FilmRights.open({ file: DB });
  try {
    await importJson(app, SYSTEM, ONE_SECOND_DEALS);
    await setTerms(app, SYSTEM, 'NEON-NA', NEON_TERMS);
    await recordRevenueReport(app, SYSTEM, 'NEON-NA', 'Neon reports', [
      { period: '2021-Q4', title: 'One Second', territory: 'United States', media: 'Theatrical', gross: '800000', currency: 'USD' },
      { period: '2021-Q4', title: 'One Second', territory: 'United States', media: 'SVOD', gross: '1200000', currency: 'USD' },
      { period: '2022-Q1', title: 'One Second', territory: 'United States', media: 'SVOD', gross: '1000000', currency: 'USD' },
    ]);
    await addExpense(app, SYSTEM, 'NEON-NA', { on: '2021-11-02', category: 'P&A', amount: '600000', currency: 'USD' });
  } finally {
    await app.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('filmrights statement', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('prints the statement as a table, money as people read it', async () => {
    const r = await cli(['statement', 'NEON-NA', '--period', '2022-Q1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Distribution statement (draft, not issued): NEON-NA, Neon to Wild Bunch');
    expect(r.stdout).toMatch(/Distribution fee\s+│\s+540,000\.00\s+│\s+250,000\.00\s+│\s+790,000\.00/);
    expect(r.stdout).toContain('Amount due: USD 210,000.00');
  });

  it('writes a PDF whose text says what is due, and an XLSX with the figures as numbers', async () => {
    const pdf = join(dir, 'neon-2022-q1.pdf');
    const xlsx = join(dir, 'neon-2022-q1.xlsx');
    const r = await cli(['statement', 'NEON-NA', '--period', '2022-Q1', '--issue', '--pdf', pdf, '--xlsx', xlsx]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Distribution statement no\. 1, due USD 210,000\.00/);
    const parser = new PDFParse({ data: readFileSync(pdf) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Distribution statement no. 1');
    expect(text).toContain('Amount due: USD 210,000.00');
    expect(text).toMatch(/Minimum guarantee recouped/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0];
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const fee = rows.find((row) => row[1] === 'Distribution fee')!;
    expect(fee.slice(2, 5)).toEqual([540000, 250000, 790000]);
    const due = rows.find((row) => row[1] === 'Amount due')!;
    expect(due[3]).toBe(210000);
  });

  it('issues nothing when a file cannot be written (every path is checked before the statement is issued)', async () => {
    const missing = join(dir, 'no-such-folder', 'neon-2021-q4.pdf');
    const xlsx = join(dir, 'neon-2021-q4.xlsx');
    const r = await cli(['statement', 'NEON-NA', '--period', '2021-Q4', '--issue', '--xlsx', xlsx, '--pdf', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: pdf: cannot write "${missing}" (its folder does not exist); nothing was issued\n`);
    expect(existsSync(xlsx)).toBe(false);
    const folder = await cli(['statement', 'NEON-NA', '--period', '2021-Q4', '--issue', '--pdf', dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe(`error: pdf: "${dir}" is a folder, not a file; nothing was issued\n`);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    // nothing was issued: the first issue of the period is still no. 2 (no. 1 is 2022-Q1's)
    const pdf = join(dir, 'neon-2021-q4.pdf');
    const ok = await cli(['statement', 'NEON-NA', '--period', '2021-Q4', '--issue', '--pdf', pdf]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/statement no\. 2, due USD/);
    expect(existsSync(pdf)).toBe(true);
  });

  it('refuses --correction without --issue', async () => {
    const r = await cli(['statement', 'NEON-NA', '--period', '2022-Q1', '--correction']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: correction: --correction issues a correction, so it needs --issue too\n');
    expect(r.stdout).toBe('');
  });

  it('prints JSON, and refuses a period the contract does not report, naming the field', async () => {
    const json = await cli(['statement', 'NEON-NA', '--period', '2021-Q4', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ due: '0.00', period: { key: '2021-Q4' } });
    const bad = await cli(['statement', 'NEON-NA', '--period', '2021-Q5']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/period: "2021-Q5" is not a period/);
    const twice = await cli(['statement', 'NEON-NA', '--period', '2022-Q1', '--issue']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/statement no\. 1 was already issued for 2022-Q1/);
  });
});
