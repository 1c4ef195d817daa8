/**
 * A spreadsheet or CSV file as a table of cells: the header row and the data
 * rows, each cell remembering its place (for problems: "row 12, column D
 * (Territory)"). CSV must be UTF-8 (with or without BOM): a file in another
 * encoding (Latin-1, Windows-1252, as Excel's "CSV" writes on Windows) is
 * refused with the fix, not read as mojibake. The delimiter (comma,
 * semicolon, tab) is found from the header line.
 */
import { parse } from 'csv-parse/sync';
import type { Cell } from '../ema/model.js';
import { UnreadableFile, type Problems } from '../problems.js';
import { openWorkbook } from '../ema/xlsx.js';
import { columnLetter, readCell } from './cells.js';

export interface Table {
  sheet: string | null;
  headers: string[];
  /** Data rows with their 1-based row number in the file. */
  rows: Array<{ row: number; cells: Cell[] }>;
}

export function decodeUtf8(data: Buffer, name: string): string {
  let bytes = data;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new UnreadableFile(name, 'the file is UTF-16; save it as "CSV UTF-8" and import it again');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    throw new UnreadableFile(name, `the file is not UTF-8 (byte 0x${bytes[offset]?.toString(16) ?? '??'} on line ${line} looks like Latin-1 / Windows-1252): save it as "CSV UTF-8" and import it again`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

export function readCsv(data: Buffer, name: string): Table {
  const text = decodeUtf8(data, name);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  const delimiter = counts.sort((a, b) => b.n - a.n)[0].d;
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
  } catch (e) {
    throw new UnreadableFile(name, `not readable as CSV (${(e as Error).message.split('\n')[0]})`);
  }
  const headers = (records[0] ?? []).map((h) => h.trim());
  const rows = records
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c === '' ? null : c)) as Cell[] }))
    .filter((r) => r.cells.some((c) => c !== null));
  return { sheet: null, headers, rows };
}

/** The first sheet with a header row (or the named one). Formula cells are problems, naming the cell. */
export async function readXlsxTable(data: Buffer, name: string, problems: Problems, sheetName?: string): Promise<Table> {
  const wb = await openWorkbook(data, name);
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new UnreadableFile(name, sheetName ? `no sheet "${sheetName}"` : 'the workbook has no data');
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => {
    const v = readCell(c);
    headers[col - 1] = 'value' in v && v.value !== null ? String(v.value).trim() : '';
  });
  const rows: Table['rows'] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const cells: Cell[] = [];
    for (let c = 1; c <= headers.length; c++) {
      const v = readCell(row.getCell(c));
      if ('formula' in v) {
        problems.error(`sheet ${ws.name}, row ${r}, column ${columnLetter(c)}${headers[c - 1] ? ` (${headers[c - 1]})` : ''}`, `the cell holds a formula (${v.formula}): formulas are not read; paste the values instead`);
        cells.push(null);
      } else cells.push(v.value);
    }
    if (cells.some((c) => c !== null)) rows.push({ row: r, cells });
  }
  return { sheet: ws.name, headers, rows };
}
