/** EMA avails: reading a file (spreadsheet or XML) into a plan, and writing transactions as a file. */
import type { ParsedFile } from '../parse.js';
import type { RunResult } from '../plan.js';
import type { EmaImportResult } from '../../contract/index.js';
import { buildEmaTransactions, checkEmaOptions, type EmaExportOptions } from './export.js';
import { planEma } from './import.js';
import { writeEmaXlsx } from './xlsx.js';
import { writeEmaXml } from './xml.js';
import { validateAvailsXml } from './xsd.js';

export interface EmaImportOptions {
  /** The retailer, when the file names no Licensee. */
  retailer?: string | null;
  commit: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

/** An EMA file's import: a run's result with the format, EMA version and transactions (declared in src/contract). */
export type { EmaImportResult };
// it is a run's result: what planEma's callers build from a RunResult
const isRun: EmaImportResult extends RunResult ? true : false = true;
void isRun;

export type EmaRead = Extract<ParsedFile, { format: 'ema-xlsx' | 'ema-xml' }>;

export type EmaFormat = 'ema-xlsx' | 'ema-xml';

export { buildEmaTransactions, checkEmaOptions, planEma, validateAvailsXml, writeEmaXlsx, writeEmaXml };
export type { EmaExportOptions };
