/** EMA avails: reading a file (spreadsheet or XML) into a checked plan, and writing one. */
import type { Actor, FilmRights } from '../../services/app.js';
import { runPlan, type RunResult } from '../plan.js';
import { Problems } from '../problems.js';
import { emaTransactions, type EmaExportOptions } from './export.js';
import { planEma } from './import.js';
import type { ParsedFile } from '../parse.js';
import { readImportFile } from '../reader.js';
import { writeEmaXlsx, type EmaSheetVersion } from './xlsx.js';
import { writeEmaXml, type EmaXmlVersion } from './xml.js';
import { validateAvailsXml } from './xsd.js';

export interface EmaImportOptions {
  /** The retailer, when the file names no Licensee. */
  retailer?: string | null;
  commit: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface EmaImportResult extends RunResult {
  format: 'ema-xlsx' | 'ema-xml';
  version: string | null;
  transactions: number;
}

/** Reads (in a worker), checks and (with `commit`) writes an EMA avails file; a file with errors is refused as a whole. */
export async function importEma(
  app: FilmRights,
  actor: Actor,
  data: Buffer,
  name: string,
  kind: 'ema-xlsx' | 'ema-xml',
  opts: EmaImportOptions,
): Promise<EmaImportResult> {
  const parsed = await readImportFile(data, name, { format: kind, retailer: opts.retailer, today: opts.today });
  if (parsed.format !== 'ema-xlsx' && parsed.format !== 'ema-xml') throw new Error(`read ${name} as ${parsed.format}, not ${kind}`);
  return importEmaRead(app, actor, parsed, opts);
}

/** Plans and (with `commit`) writes the transactions of an EMA file already read. */
export async function importEmaRead(app: FilmRights, actor: Actor, read: EmaRead, opts: EmaImportOptions): Promise<EmaImportResult> {
  const problems = Problems.from(read.problems);
  const plan = await planEma(app, read.transactions, problems);
  const result = await runPlan(app, actor, plan, problems, { commit: opts.commit, onProgress: opts.onProgress });
  return { ...result, format: read.format, version: read.version, transactions: read.rows };
}

export type EmaRead = Extract<ParsedFile, { format: 'ema-xlsx' | 'ema-xml' }>;

export type EmaFormat = 'ema-xlsx' | 'ema-xml';

/** Writes the avails as an EMA file: the spreadsheet (v1.8, v1.9) or XML (v2.4, v2.5). */
export async function exportEma(
  app: FilmRights,
  format: EmaFormat,
  version: string,
  opts: EmaExportOptions,
): Promise<{ data: Buffer; transactions: number; contentType: string; extension: string }> {
  const { invalid } = await import('../../domain/errors.js');
  const rows = await emaTransactions(app, opts);
  if (format === 'ema-xlsx') {
    if (version !== '1.8' && version !== '1.9')
      throw invalid('version', version, `version: the EMA spreadsheet is written in 1.8 or 1.9, not "${version}"`);
    return {
      data: await writeEmaXlsx(rows, version as EmaSheetVersion),
      transactions: rows.length,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  }
  if (version !== '2.4' && version !== '2.5')
    throw invalid('version', version, `version: Avails XML is written in 2.4 or 2.5, not "${version}"`);
  return {
    data: Buffer.from(writeEmaXml(rows, version as EmaXmlVersion), 'utf8'),
    transactions: rows.length,
    contentType: 'application/xml',
    extension: 'xml',
  };
}

export { emaTransactions, validateAvailsXml };
export type { EmaExportOptions };
