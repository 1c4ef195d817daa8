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
import { tooLarge } from '../../domain/errors.js';
import { unneutralise } from '../formulaText.js';
import { columnLetter } from './cells.js';
import { gridCell, gridRow, type SheetGrid } from './grid.js';

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
    throw new UnreadableFile(
      name,
      `the file is not UTF-8 (byte 0x${bytes[offset]?.toString(16) ?? '??'} on line ${line} looks like Latin-1 / Windows-1252): save it as "CSV UTF-8" and import it again`,
    );
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/** Reads a CSV file; more data rows than `maxRows` is refused, naming the limit, without reading on. */
export function readCsv(data: Buffer, name: string, maxRows = Infinity): Table {
  const text = decodeUtf8(data, name);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  const delimiter = counts.sort((a, b) => b.n - a.n)[0].d;
  let records: string[][];
  try {
    // the header, the rows the limit allows, and one more to know the file goes over it
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      trim: true,
      ...(Number.isFinite(maxRows) ? { to: maxRows + 2 } : {}),
    }) as string[][];
  } catch (e) {
    throw new UnreadableFile(name, `not readable as CSV (${(e as Error).message.split('\n')[0]})`);
  }
  if (records.length > maxRows + 1) {
    throw tooLarge(
      'file',
      records.length - 1,
      `${name}: the file has more than ${maxRows.toLocaleString('en-US')} rows (the limit of one import): split it into several files; nothing was written`,
    );
  }
  // a field written `'=...` by a CSV export (ours, or a tool that guards formulas the same way) is read as written
  const headers = (records[0] ?? []).map((h) => unneutralise(h.trim()));
  const rows = records
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c === '' ? null : unneutralise(c))) as Cell[] }))
    .filter((r) => r.cells.some((c) => c !== null));
  return { sheet: null, headers, rows };
}

/** The first sheet with data (or the named one) as a table. Formula cells are problems, naming the cell. */
export function tableFromSheets(sheets: SheetGrid[], name: string, problems: Problems, sheetName?: string): Table {
  const ws = sheetName ? sheets.find((w) => w.name === sheetName) : sheets.find((w) => w.rows.size > 0);
  if (!ws) throw new UnreadableFile(name, sheetName ? `no sheet "${sheetName}"` : 'the workbook has no data');
  const headers: string[] = [];
  const headerRow = gridRow(ws, 1);
  const width = headerRow.length ? headerRow[headerRow.length - 1].col : 0;
  for (let col = 1; col <= width; col++) {
    const v = gridCell(ws, 1, col);
    headers[col - 1] = 'value' in v && v.value !== null ? String(v.value).trim() : '';
  }
  const rows: Table['rows'] = [];
  for (const r of [...ws.rows.keys()].filter((n) => n >= 2).sort((a, b) => a - b)) {
    const cells: Cell[] = [];
    for (let c = 1; c <= headers.length; c++) {
      const v = gridCell(ws, r, c);
      if ('formula' in v) {
        problems.error(
          `sheet ${ws.name}, row ${r}, column ${columnLetter(c)}${headers[c - 1] ? ` (${headers[c - 1]})` : ''}`,
          `the cell holds a formula (${v.formula}): formulas are not read; paste the values instead`,
        );
        cells.push(null);
      } else cells.push(v.value);
    }
    if (cells.some((c) => c !== null)) rows.push({ row: r, cells });
  }
  return { sheet: ws.name, headers, rows };
}
