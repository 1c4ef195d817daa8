/**
 * A licensee's revenue report as a sheet (CSV or XLSX, read by table.ts like any deal sheet): its
 * columns mapped to the report's fields (guessed from the headers, overridable, as for deal sheets)
 * and its rows turned into revenue rows, each keeping its row number in the file. The rows are
 * checked (title, territory, media, currency, amount, period) where they are recorded
 * (src/services/money/ledger.ts); a column that cannot be mapped is a problem here.
 */
import { normalizeName } from '../../domain/fuzzy.js';
import type { Cell } from '../ema/model.js';
import { guessColumns, type FieldSpec, type Mapping } from './import.js';
import type { Table } from './table.js';

export const REVENUE_FIELDS: Record<string, FieldSpec> = {
  period: { label: 'Period', required: true, synonyms: ['period', 'quarter', 'reporting period', 'accounting period'] },
  title: { label: 'Title', required: true, synonyms: ['title', 'film', 'movie', 'picture', 'title name', 'film title'] },
  territory: { label: 'Territory', required: true, synonyms: ['territory', 'country', 'region', 'market'] },
  media: { label: 'Media', required: true, synonyms: ['media', 'right', 'rights', 'platform', 'window', 'channel'] },
  gross: {
    label: 'Gross receipts',
    required: true,
    synonyms: ['gross', 'gross receipts', 'receipts', 'revenue', 'revenues', 'income', 'amount', 'box office'],
  },
  currency: { label: 'Currency', required: true, synonyms: ['currency', 'ccy', 'cur'] },
  units: { label: 'Units', synonyms: ['units', 'admissions', 'quantity', 'qty', 'transactions', 'views'] },
};

/** A row of the report as the sheet gives it, with its row number in the file. */
export interface RevenueSheetRow {
  row: number;
  period: string;
  title: string;
  territory: string;
  media: string;
  gross: string;
  currency: string;
  units: number | null;
}

export interface RevenueSheetProblem {
  row: number;
  field: string;
  message: string;
}

export interface RevenueSheet {
  headers: string[];
  mapping: Mapping;
  rows: RevenueSheetRow[];
  /** Mapping problems (row 0: the header) and cells that cannot be read as their field. */
  problems: RevenueSheetProblem[];
}

function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/** An amount as decimal text; a number from a spreadsheet is written without binary noise (at most 6 decimals). */
function amountText(c: Cell): string {
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : c.toFixed(6).replace(/\.?0+$/, '');
  return cellText(c);
}

/** Maps the sheet's columns (the guess, overridden by `mapping`) and reads its rows. */
export function revenueSheet(table: Table, mapping: Mapping = {}): RevenueSheet {
  const problems: RevenueSheetProblem[] = [];
  const chosen: Mapping = { ...guessColumns(table.headers, REVENUE_FIELDS), ...mapping };
  const col = new Map<string, number>();
  for (const [field, header] of Object.entries(chosen)) {
    const spec = REVENUE_FIELDS[field];
    if (!spec) {
      problems.push({
        row: 0,
        field: 'mapping',
        message: `"${field}" is not a field of a revenue report (${Object.keys(REVENUE_FIELDS).join(', ')})`,
      });
      continue;
    }
    if (!header) continue;
    const exact = table.headers.findIndex((h) => h === header);
    const i = exact >= 0 ? exact : table.headers.findIndex((h) => normalizeName(h ?? '') === normalizeName(header));
    if (i < 0) problems.push({ row: 0, field, message: `${spec.label}: the file has no column "${header}"` });
    else col.set(field, i);
  }
  for (const [field, spec] of Object.entries(REVENUE_FIELDS)) {
    if (spec.required && !col.has(field) && !problems.some((p) => p.field === field))
      problems.push({
        row: 0,
        field,
        message: `no column is mapped to ${spec.label} (required); the headers are: ${table.headers.filter(Boolean).join(', ')}`,
      });
  }
  const get = (cells: Cell[], field: string): Cell => {
    const i = col.get(field);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const rows: RevenueSheetRow[] = [];
  if (problems.length) return { headers: table.headers, mapping: chosen, rows, problems };
  for (const { row, cells } of table.rows) {
    const units = get(cells, 'units');
    let unitCount: number | null = null;
    if (units !== null) {
      const n = typeof units === 'number' ? units : Number(cellText(units).replace(/[,\s]/g, ''));
      if (Number.isInteger(n) && n >= 0) unitCount = n;
      else problems.push({ row, field: 'units', message: `"${cellText(units)}" is not a whole number of units` });
    }
    rows.push({
      row,
      period: cellText(get(cells, 'period')),
      title: cellText(get(cells, 'title')),
      territory: cellText(get(cells, 'territory')),
      media: cellText(get(cells, 'media')),
      gross: amountText(get(cells, 'gross')),
      currency: cellText(get(cells, 'currency')).toUpperCase(),
      units: unitCount,
    });
  }
  return { headers: table.headers, mapping: chosen, rows, problems };
}
