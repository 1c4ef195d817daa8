/** EMA avails: reading a file (spreadsheet or XML) into a checked plan, and writing one. */
import type { Actor, FilmRights } from '../../services/app.js';
import { runPlan, type RunResult } from '../plan.js';
import { Problems } from '../problems.js';
import { emaTransactions, type EmaExportOptions } from './export.js';
import { planEma } from './import.js';
import { checkTransaction, type RawTransaction } from './model.js';
import { readEmaXlsx, writeEmaXlsx, type EmaSheetVersion } from './xlsx.js';
import { readEmaXml, writeEmaXml, type EmaXmlVersion } from './xml.js';
import { AVAILS_SCHEMAS, validateAvailsXml } from './xsd.js';

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

/** Reads, checks and (with `commit`) writes an EMA avails file; a file with errors is refused as a whole. */
export async function importEma(app: FilmRights, actor: Actor, data: Buffer, name: string, kind: 'ema-xlsx' | 'ema-xml', opts: EmaImportOptions): Promise<EmaImportResult> {
  const problems = new Problems();
  let rows: RawTransaction[];
  let version: string | null;
  if (kind === 'ema-xml') {
    const xml = data.toString('utf8');
    const read = readEmaXml(xml, name, problems);
    rows = read.rows;
    version = read.version;
    if (version && AVAILS_SCHEMAS[version]) {
      const v = await validateAvailsXml(xml);
      for (const e of v.errors) problems.error(`${name}${e.line ? `, line ${e.line}` : ''}`, `not valid against the Avails ${version} schema: ${e.message.trim()}`);
    } else problems.warn(name, `no MovieLabs schema for Avails version ${version ?? '(none declared)'}: the document was not validated against a schema`);
  } else {
    const read = await readEmaXlsx(data, name, problems);
    rows = read.rows;
    version = read.versions[0] ?? null;
  }
  const txs = rows.flatMap((r) => checkTransaction(r, problems, { retailer: opts.retailer, today: opts.today }));
  const plan = await planEma(app, txs, problems, { retailer: opts.retailer });
  const result = await runPlan(app, actor, plan, problems, { commit: opts.commit, onProgress: opts.onProgress });
  return { ...result, format: kind, version, transactions: rows.length };
}

export type EmaFormat = 'ema-xlsx' | 'ema-xml';

/** Writes the avails as an EMA file: the spreadsheet (v1.8, v1.9) or XML (v2.4, v2.5). */
export async function exportEma(app: FilmRights, format: EmaFormat, version: string, opts: EmaExportOptions): Promise<{ data: Buffer; transactions: number; contentType: string; extension: string }> {
  const { invalid } = await import('../../domain/errors.js');
  const rows = await emaTransactions(app, opts);
  if (format === 'ema-xlsx') {
    if (version !== '1.8' && version !== '1.9') throw invalid('version', version, `version: the EMA spreadsheet is written in 1.8 or 1.9, not "${version}"`);
    return { data: await writeEmaXlsx(rows, version as EmaSheetVersion), transactions: rows.length, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
  }
  if (version !== '2.4' && version !== '2.5') throw invalid('version', version, `version: Avails XML is written in 2.4 or 2.5, not "${version}"`);
  return { data: Buffer.from(writeEmaXml(rows, version as EmaXmlVersion), 'utf8'), transactions: rows.length, contentType: 'application/xml', extension: 'xml' };
}

export { emaTransactions, validateAvailsXml };
export type { EmaExportOptions };
