/**
 * `filmrights import` and `filmrights export` as a process, on files people really bring: a
 * workbook written by openpyxl (pandas), a preview of a file with errors, files that are not an
 * import at all, mistyped export targets, and the output piped into `head`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, PROCESS_TEST_TIMEOUT, ROOT, runCli, type Run } from '../support/processes.js';
import { SHEET_HEAD, SHEET_TAIL, openpyxlLayoutWorkbook, zip } from '../support/zipFiles.js';

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

describe('files that are not an import', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  const refusal = async (file: string, data: Buffer) => {
    writeFileSync(join(dir, file), data);
    const r = await cli(['import', file, '--preview']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    return r.stderr;
  };

  it('says what the file is: a PDF, a ZIP archive or spreadsheet that is not XLSX, a database, binary data', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    expect(await refusal('contract.pdf', pdf)).toBe(
      'error: contract.pdf: not a CSV, XLSX, XML or JSON file: it is a PDF document; nothing was written\n',
    );
    // the same bytes under a sheet's name
    expect(await refusal('deals.csv', pdf)).toBe(
      'error: deals.csv: not a CSV, XLSX, XML or JSON file: it is a PDF document; nothing was written\n',
    );
    expect(await refusal('notes.zip', zip([{ name: 'notes.txt', data: Buffer.from('call Kestrel Films on Monday') }]))).toBe(
      'error: notes.zip: not a CSV, XLSX, XML or JSON file: it is a ZIP archive with no workbook in it (no xl/workbook.xml); nothing was written\n',
    );
    const ods = zip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    expect(await refusal('deals.ods', ods)).toBe(
      'error: deals.ods: not a CSV, XLSX, XML or JSON file: it is an OpenDocument spreadsheet: save it as .xlsx (or CSV UTF-8) and import it again; nothing was written\n',
    );
    expect(await refusal('copy.db', readFileSync(DB))).toBe(
      'error: copy.db: not a CSV, XLSX, XML or JSON file: it is a SQLite database (a backup is loaded with "filmrights restore"); nothing was written\n',
    );
    // bytes of no format (a fixed sequence, so the test reads the same every time)
    let x = 7;
    const noise = Buffer.from(Array.from({ length: 2048 }, () => ((x = (x * 1103515245 + 12345) % 2147483648) >> 16) & 0xff));
    expect(await refusal('utf16.csv', Buffer.from('Film,Licensee\r\nOne Second,Kestrel Films\r\n', 'utf16le'))).toBe(
      'error: utf16.csv: the file is UTF-16 text; save it as "CSV UTF-8" and import it again; nothing was written\n',
    );
    expect(await refusal('upload.bin', noise)).toBe(
      'error: upload.bin: not a CSV, XLSX, XML or JSON file: it holds binary data; nothing was written\n',
    );
  });

  it('says an empty file is empty', async () => {
    expect(await refusal('empty.csv', Buffer.alloc(0))).toBe('error: empty.csv: the file is empty; nothing was written\n');
    expect(await refusal('blank.csv', Buffer.from('\uFEFF\r\n\r\n'))).toBe('error: blank.csv: the file is empty; nothing was written\n');
  });

  it('a Latin-1 CSV is still told to be saved as UTF-8', async () => {
    const latin1 = Buffer.from('Film,Licensee,Territories,Rights\nOne Second,Cin\xe9art,Benelux,Pay TV\n', 'latin1');
    expect(await refusal('latin1.csv', latin1)).toMatch(/not UTF-8 \(byte 0xe9 on line 2 looks like Latin-1/);
  });
});

describe('output into a pipe that closes', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  /** Runs the CLI with its standard output closed before it writes anything (as `| head -1` does, sooner). */
  function closedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: DB };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stderr }));
    });
  }

  it('ends quietly: no stack trace, the work done, the exit code as without the pipe', async () => {
    const sheet = join(dir, 'pipe.csv');
    writeFileSync(sheet, 'Film,Licensee,Territories,Rights,From,To\nOne Second,Kestrel Films,Austria,SVOD,2026-01-01,2027-12-31\n');
    expect(await closedPipe(['import', sheet, '--preview'])).toEqual({ code: 0, stderr: '' });
    expect(await closedPipe(['export', '-'])).toEqual({ code: 0, stderr: '' });
    expect(await closedPipe(['users', 'list'])).toEqual({ code: 0, stderr: '' });
    // an import into a closed pipe is still made, whole
    expect(await closedPipe(['import', sheet])).toEqual({ code: 0, stderr: '' });
    const again = await cli(['import', sheet, '--preview']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/conflict|already/);
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
