/**
 * A licensee's revenue report from a spreadsheet (CSV or XLSX): read in the import worker like any
 * deal sheet (under the same limits), its columns mapped (guessed, overridable), then checked and
 * recorded as a report given as rows: all rows or none, `preview` writes nothing. Every problem names
 * the row of the file (row 0: the header) and the field.
 */
import { invalid } from '../../domain/errors.js';
import { refusalProblems } from '../../interchange/problems.js';
import { readImportFile } from '../../interchange/reader.js';
import { revenueSheet } from '../../interchange/sheets/revenue.js';
import type { RevenueSheetResult } from '../../contract/money.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { recordRevenueReport, RevenueReportError, type RevenueProblem } from './ledger.js';
import { requireFinancials } from './terms.js';

export interface RevenueSheetOptions {
  format?: 'csv' | 'xlsx';
  /** Field → header, overriding the guess (null: not in the file). */
  mapping?: Record<string, string | null>;
  sheet?: string;
  /** What the report is ("Neon Q4 2021"); default the file's name. */
  report?: string;
  preview?: boolean;
  /** Replace the contract's report of the same name (recordRevenueReport). */
  replace?: boolean;
}

export type { RevenueSheetResult };

export async function recordRevenueSheet(
  app: FilmRights,
  actor: Actor,
  contract: string,
  data: Buffer,
  filename: string,
  opts: RevenueSheetOptions = {},
): Promise<RevenueSheetResult> {
  requireWriter(actor);
  requireFinancials(actor);
  const format = opts.format ?? (/\.(csv|txt)$/i.test(filename) ? 'csv' : 'xlsx');
  const read = await readImportFile(data, filename, { format, sheet: opts.sheet }).catch((e: unknown) => {
    // a file that cannot be read at all (not UTF-8, not a workbook, no such sheet): refused as the report's row 0
    const refused = refusalProblems(e);
    if (!refused) throw e;
    throw new RevenueReportError(refused.map((p) => ({ row: 0, field: 'file', message: `${p.where}: ${p.message}` })));
  });
  if (!('table' in read)) throw invalid('format', format, `format: ${filename} was not read as a sheet`);
  const sheet = revenueSheet(read.table, opts.mapping);
  const problems: RevenueProblem[] = [
    ...read.problems.filter((p) => p.severity === 'error').map((p) => ({ row: 0, field: 'file', message: `${p.where}: ${p.message}` })),
    ...sheet.problems,
  ];
  const preview = opts.preview ?? false;
  const out = await recordRevenueReport(app, actor, contract, opts.report?.trim() || filename, sheet.rows, {
    preview,
    replace: opts.replace ?? false,
    rowNumbers: sheet.rows.map((r) => r.row),
    problems,
    sheet: { headers: sheet.headers, mapping: sheet.mapping },
  });
  return { ...out, preview, format, headers: sheet.headers, mapping: sheet.mapping };
}
