/**
 * Every list as a file: catalog, contracts, an avails answer, festival and
 * market acquisitions, the audit log; as CSV (UTF-8 with BOM, so Excel reads
 * accents) or XLSX with proper types: dates are date cells, money is a
 * number formatted with its currency (and an amount plus a currency column
 * in CSV), numbers are numbers. In CSV a text field that begins with = + - @
 * (or a tab or carriage return) is prefixed with an apostrophe so a
 * spreadsheet shows it and never runs it (formula injection); the CSV readers
 * take it off again. In XLSX text is a string cell, which a spreadsheet never
 * runs, so it is written as it is. The datasets themselves
 * (rows and typed columns) come from the services (services/lists.ts).
 */
import ExcelJS from 'exceljs';
import { exponent } from '../domain/money/amounts.js';
import { neutralise } from './formulaText.js';

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'money' | 'boolean';

export interface Column<R> {
  header: string;
  type: ColumnType;
  /** The record field it shows, when that is a financial field (src/domain/financial.ts): then only for users with the financial-terms permission. */
  field?: string;
  value(row: R): string | number | boolean | null | { amount: number; currency: string };
  /** What an empty value means, written as text in its place (e.g. "perpetuity" for an open end). */
  empty?: string;
}

export interface Dataset<R = unknown> {
  name: string;
  columns: Array<Column<R>>;
  rows: R[];
}

export { neutralise, unneutralise } from './formulaText.js';

function csvField(s: string): string {
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The header row both formats write, from the one column definition: a money
 * column is its amount and then its currency ("MG", "MG currency"), in CSV
 * and XLSX alike, so the two files have the same columns in the same order.
 */
export function headers<R>(d: Dataset<R>): string[] {
  const head: string[] = [];
  for (const c of d.columns) {
    head.push(c.header);
    if (c.type === 'money') head.push(`${c.header} currency`);
  }
  return head;
}

export function toCsv<R>(d: Dataset<R>): Buffer {
  const lines = [
    headers(d)
      .map((h) => csvField(neutralise(h)))
      .join(','),
  ];
  for (const r of d.rows) {
    const out: string[] = [];
    for (const c of d.columns) {
      const v = c.value(r);
      if (c.type === 'money') {
        const m = v as { amount: number; currency: string } | null;
        out.push(m ? m.amount.toFixed(exponent(m.currency)) : '', m ? m.currency : '');
      } else if (v === null || v === undefined || v === '') out.push(c.empty ? csvField(neutralise(c.empty)) : '');
      else if (typeof v === 'number') out.push(String(v));
      else if (typeof v === 'boolean') out.push(v ? 'yes' : 'no');
      else out.push(csvField(neutralise(String(v))));
    }
    lines.push(out.join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx<R>(d: Dataset<R>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'filmrights';
  const ws = wb.addWorksheet(d.name.slice(0, 31));
  ws.addRow(headers(d)).font = { bold: true };
  // where each column's first cell is (a money column takes two: amount, currency)
  const at: number[] = [];
  let next = 1;
  for (const c of d.columns) {
    at.push(next);
    next += c.type === 'money' ? 2 : 1;
  }
  for (const r of d.rows) {
    const row = ws.addRow([]);
    d.columns.forEach((c, i) => {
      const v = c.value(r);
      const cell = row.getCell(at[i]);
      if (v === null || v === undefined || v === '') {
        if (c.empty && c.type !== 'money') cell.value = c.empty;
        return;
      }
      switch (c.type) {
        case 'date':
          cell.value = new Date(`${String(v).slice(0, 10)}T00:00:00Z`);
          cell.numFmt = 'yyyy-mm-dd';
          break;
        case 'datetime':
          cell.value = new Date(String(v));
          cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
          break;
        case 'money': {
          const m = v as { amount: number; currency: string };
          const e = exponent(m.currency);
          cell.value = m.amount;
          cell.numFmt = `#,##0${e ? `.${'0'.repeat(e)}` : ''} "${m.currency}"`;
          row.getCell(at[i] + 1).value = m.currency;
          break;
        }
        case 'number':
          cell.value = typeof v === 'number' ? v : Number(v);
          break;
        case 'boolean':
          cell.value = Boolean(v);
          break;
        default:
          // a string cell: shown as text, never run, whatever it begins with
          cell.value = String(v);
      }
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  d.columns.forEach((c, i) => {
    ws.getColumn(at[i]).width = c.type === 'text' ? 28 : c.type === 'datetime' ? 20 : 14;
    if (c.type === 'money') ws.getColumn(at[i] + 1).width = 10;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const LISTS = ['catalog', 'contracts', 'avails', 'acquisitions', 'audit'] as const;
export type ListName = (typeof LISTS)[number];

/** A part of a file name: lower case, accents dropped, anything but letters and digits a dash. */
export function fileNamePart(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An EMA avails file's name: "avails-ema-itunes-windows-2025-01-01_open-v2.5.xml" (the retailer,
 * `windows` when it lists what is licensed to it, the territories and titles when named, the window
 * from `from` (default today), the template version).
 */
export function emaFileName(
  o: { titles?: string[]; territories?: string; from?: string; to?: string | null; retailer?: string | null; source?: string },
  version: string,
  extension: string,
  today = new Date().toISOString().slice(0, 10),
): string {
  const parts = ['avails', 'ema', o.retailer ?? '', o.source === 'windows' ? 'windows' : '', o.territories ?? ''];
  const titles = o.titles ?? [];
  if (titles.length === 1) parts.push(titles[0]);
  else if (titles.length > 1) parts.push(`${titles.length} titles`);
  const stem = parts.map(fileNamePart).filter(Boolean).join('-').slice(0, 90).replace(/-+$/, '');
  const window = `${fileNamePart(o.from ?? today)}_${o.to ? fileNamePart(o.to) : 'open'}`;
  return `${stem}-${window.slice(0, 40)}-v${fileNamePart(version).replace(/-/g, '.')}.${extension}`;
}
