/**
 * `import FILE`: the format is found from the content (and the name as a
 * hint): the JSON interchange document, an EMA avails spreadsheet, Avails
 * XML, or a CSV / XLSX deal or catalog sheet. Every importer checks the
 * whole file first and writes it in one transaction, or nothing.
 */
import type { Actor, FilmRights } from '../services/app.js';
import { ImportError, importJson, type ImportSummary, type InterchangeDocument } from '../services/interchange.js';
import { importEma, type EmaImportResult } from './ema/index.js';
import { openWorkbook } from './ema/xlsx.js';
import { ImportRefused, UnreadableFile, type Problem } from './problems.js';
import { importSheet, type Mapping, type SheetImportResult, type SheetKind } from './sheets/import.js';

export type ImportFormat = 'json' | 'ema-xlsx' | 'ema-xml' | 'xlsx' | 'csv';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['json', 'ema-xlsx', 'ema-xml', 'xlsx', 'csv'];

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07);

/** What a file is, from its bytes (and its name when the bytes do not say). */
export async function detectFormat(data: Buffer, name: string): Promise<ImportFormat> {
  const lower = name.toLowerCase();
  if (isZip(data) || /\.(xlsx|xlsm)$/.test(lower)) {
    const wb = await openWorkbook(data, name);
    for (const ws of wb.worksheets) {
      for (const r of [1, 2]) {
        const fields: string[] = [];
        ws.getRow(r).eachCell((c) => fields.push(String(c.text ?? '').split('/').pop()!.trim().toLowerCase()));
        if (fields.includes('licensetype') && fields.includes('territory')) return 'ema-xlsx';
      }
    }
    return 'xlsx';
  }
  if (/\.xls$/.test(lower) || (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0)) {
    throw new UnreadableFile(name, 'an old Excel 97-2003 (.xls) workbook: save it as .xlsx (or CSV UTF-8) and import it again');
  }
  const head = data.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) {
    const all = data.toString('utf8');
    if (/movielabs\.com\/schema\/avails|<(\w+:)?AvailList[\s>]/.test(all)) return 'ema-xml';
    throw new UnreadableFile(name, 'XML, but not MovieLabs Avails (no avails namespace or AvailList)');
  }
  if (head.startsWith('{')) return 'json';
  if (/\.json$/.test(lower)) return 'json';
  return 'csv';
}

export interface ImportFileOptions {
  format?: ImportFormat;
  commit: boolean;
  /** EMA: the retailer when the file names none. */
  retailer?: string | null;
  /** Sheets: deals or catalog (guessed), the column mapping (guessed), the sheet. */
  kind?: SheetKind;
  mapping?: Mapping;
  sheet?: string;
  /** JSON: where its source files are. */
  baseDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export type ImportFileResult =
  | ({ format: 'ema-xlsx' | 'ema-xml' } & EmaImportResult)
  | ({ format: 'xlsx' | 'csv' } & SheetImportResult)
  | { format: 'json'; committed: boolean; summary: ImportSummary | null; problems: Problem[] };

export async function importFile(app: FilmRights, actor: Actor, data: Buffer, name: string, opts: ImportFileOptions): Promise<ImportFileResult> {
  const format = opts.format ?? (await detectFormat(data, name));
  if (format === 'ema-xlsx' || format === 'ema-xml') return importEma(app, actor, data, name, format, opts);
  if (format === 'xlsx' || format === 'csv') return importSheet(app, actor, data, name, format, opts);
  let doc: InterchangeDocument;
  try {
    doc = JSON.parse(data.toString('utf8')) as InterchangeDocument;
  } catch (e) {
    throw new UnreadableFile(name, `not valid JSON (${(e as Error).message})`);
  }
  if (!opts.commit) {
    return { format: 'json', committed: false, summary: null, problems: [{ severity: 'warning', where: name, message: 'a JSON document has no preview: importing it checks the whole document first and writes nothing when anything is wrong' }] };
  }
  // A refused JSON document throws the JSON importer's own ImportError (its issues name the record and field).
  return { format: 'json', committed: true, summary: await importJson(app, actor, doc, { baseDir: opts.baseDir }), problems: [] };
}

/** The problems of a refused import, whichever importer refused it. */
export function refusalProblems(e: unknown): Problem[] | null {
  if (e instanceof ImportRefused) return e.problems;
  if (e instanceof ImportError) return e.issues.map((i) => ({ severity: 'error', where: i.field, message: i.message, ...(i.suggestions.length ? { suggestions: i.suggestions } : {}) }));
  return null;
}

export { ImportRefused, UnreadableFile };
