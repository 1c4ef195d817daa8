/** EMA avails: reading a file (spreadsheet or XML) into a plan, and writing transactions as a file. */
import type { ParsedFile } from '../parse.js';
import type { RunResult } from '../plan.js';
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

export interface EmaImportResult extends RunResult {
  format: 'ema-xlsx' | 'ema-xml';
  version: string | null;
  transactions: number;
}

export type EmaRead = Extract<ParsedFile, { format: 'ema-xlsx' | 'ema-xml' }>;

export type EmaFormat = 'ema-xlsx' | 'ema-xml';

export { buildEmaTransactions, checkEmaOptions, planEma, validateAvailsXml, writeEmaXlsx, writeEmaXml };
export type { EmaExportOptions };
