/**
 * `filmrights import` and `filmrights export` as a process, on files people really bring: a
 * workbook written by openpyxl (pandas), a preview of a file with errors, files that are not an
 * import at all, mistyped export targets, and the output piped into `head`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, ROOT, runCli, type Run } from '../support/processes.js';
import { SHEET_HEAD, SHEET_TAIL, openpyxlLayoutWorkbook } from '../support/zipFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'filmrights-cli-interchange-'));
const DB = join(dir, 'filmrights.db');

function cli(args: string[], input?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: DB };
  delete env.DATABASE_URL;
  return runCli(args, { env, input, cwd: dir });
}

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
/** A sheet of rows of text cells (the first the headers); a cell given as {formula} holds that formula. */
function sheetXml(rows: Array<Array<string | { formula: string }>>): Buffer {
  const body = rows.map((cells, i) => {
    const r = i + 1;
    const xml = cells.map((v, c) => {
      const ref = `${String.fromCharCode(65 + c)}${r}`;
      return typeof v === 'string' ? text(ref, v) : `<c r="${ref}"><f>${v.formula}</f><v>0</v></c>`;
    });
    return `<row r="${r}">${xml.join('')}</row>`;
  });
  return Buffer.from(`${SHEET_HEAD}${body.join('')}${SHEET_TAIL}`);
}

const HEADERS = ['Title', 'Buyer', 'Territory', 'Media', 'Start', 'End', 'MG', 'Currency'];

beforeAll(async () => {
  const r = await cli(['import', join(ROOT, 'data/demo.json')]);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('filmrights import', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('reads a workbook laid out as openpyxl writes it, and knows its sheet by its own name', async () => {
    const file = join(dir, 'pandas-deals.xlsx');
    writeFileSync(
      file,
      openpyxlLayoutWorkbook(
        'Ventes',
        sheetXml([
          HEADERS,
          ['One Second', 'Kestrel Films', 'Austria', 'SVOD', '2026-01-01', '2027-12-31', '40000', 'EUR'],
          ['One Second', 'Kestrel Films', 'Switzerland', 'Pay TV', '2026-01-01', '2028-06-30', '25000', 'EUR'],
        ]),
      ),
    );
    for (let i = 0; i < 3; i++) {
      const r = await cli(['import', file, '--preview', '--sheet', 'Ventes']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Would import deals sheet \(2 rows\): 0 new titles, 1 new companies, 2 contracts/);
    }
  });

  it('prints every error of a preview, as the import itself does, and exits 1', async () => {
    const file = join(dir, 'formula.xlsx');
    writeFileSync(
      file,
      openpyxlLayoutWorkbook(
        'Deals',
        sheetXml([HEADERS, ['One Second', 'Kestrel Films', 'Austria', 'SVOD', '2026-01-01', '2027-12-31', { formula: '1000*2' }, 'EUR']]),
      ),
    );
    const line = '  sheet Deals, row 2, column G (MG): the cell holds a formula (=1000*2): formulas are not read; paste the values instead';
    const run = await cli(['import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toContain(line);
    const preview = await cli(['import', file, '--preview']);
    expect(preview.code).toBe(1);
    expect(preview.stderr.split('\n')).toEqual([`error: ${file} would be refused (preview, nothing was written): 1 problem`, line, '']);
    expect(preview.stdout).not.toContain('Run without --preview');
  });
});

describe('filmrights export', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('refuses an unknown list, naming the lists and the nearest, and writes no file', async () => {
    const r = await cli(['export', 'contract', '--format', 'csv', '--out', 'x.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: list: no list "contract"; the lists are avails, catalog, contracts, acquisitions, audit (or FILE.json, or "-", for the whole record as JSON). Did you mean: contracts?\n',
    );
    expect(existsSync(join(dir, 'contract'))).toBe(false);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('writes the whole record as JSON only to a .json file or standard output', async () => {
    const xlsx = await cli(['export', 'catalog.xlsx']);
    expect(xlsx.code).toBe(1);
    expect(xlsx.stderr).toBe(
      'error: file: the whole record is written as JSON, to a .json file or "-", not to "catalog.xlsx"; the catalog as XLSX: export catalog --out catalog.xlsx\n',
    );
    expect(existsSync(join(dir, 'catalog.xlsx'))).toBe(false);
    const options = await cli(['export', 'all.json', '--format', 'csv']);
    expect(options.code).toBe(1);
    expect(options.stderr).toBe('error: format: the whole record is written as JSON; --format is for avails and the lists\n');
    expect(existsSync(join(dir, 'all.json'))).toBe(false);
    const out = await cli(['export', '-']);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ format: 'filmrights/1' });
    const file = await cli(['export', 'All.JSON']);
    expect(file.code, file.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'All.JSON'), 'utf8'))).toMatchObject({ format: 'filmrights/1' });
    const list = await cli(['export', 'catalog', '--out', 'catalog.csv']);
    expect(list.code, list.stderr).toBe(0);
    expect(readFileSync(join(dir, 'catalog.csv'), 'utf8')).toContain('One Second');
  });
});
