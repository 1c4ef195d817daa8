/**
 * `import FILE`: the format is found from the content (and the name as a
 * hint): the JSON interchange document, an EMA avails spreadsheet, Avails
 * XML, or a CSV / XLSX deal or catalog sheet. The file is read in a worker
 * (interchange/reader.ts), planned by its format's module, and written by
 * the one writer (write/commitPlan.ts): the whole file is checked first and
 * written in one transaction, or nothing.
 */
import { planEma, type EmaImportOptions, type EmaImportResult, type EmaRead } from '../interchange/ema/index.js';
import { IMPORT_FORMATS, IMPORT_LIMITS, type ImportFormat } from '../interchange/parse.js';
import { Problems, refusalProblems, type Problem } from '../interchange/problems.js';
import { readImportFile } from '../interchange/reader.js';
import { planSheet, type Mapping, type SheetImportOptions, type SheetImportResult, type SheetKind } from '../interchange/sheets/import.js';
import type { Table } from '../interchange/sheets/table.js';
import type { Actor, FilmRights } from './app.js';
import { importJson, type ImportSummary, type InterchangeDocument } from './interchange.js';
import { commitPlan } from './write/commitPlan.js';
import { importLookup } from './write/lookup.js';

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

export async function importFile(
  app: FilmRights,
  actor: Actor,
  data: Buffer,
  name: string,
  opts: ImportFileOptions,
): Promise<ImportFileResult> {
  // read in a worker, under the import limits; planned and written here
  const parsed = await readImportFile(data, name, { format: opts.format, retailer: opts.retailer, sheet: opts.sheet });
  if ('transactions' in parsed) return importEmaRead(app, actor, parsed, opts);
  if ('table' in parsed) return importSheetRead(app, actor, name, parsed, opts);
  const doc = parsed.doc as InterchangeDocument;
  if (!opts.commit) {
    return {
      format: 'json',
      committed: false,
      summary: null,
      problems: [
        {
          severity: 'warning',
          where: name,
          message: 'a JSON document has no preview: importing it checks the whole document first and writes nothing when anything is wrong',
        },
      ],
    };
  }
  // A refused JSON document throws the JSON importer's own ImportError (its issues name the record and field).
  return { format: 'json', committed: true, summary: await importJson(app, actor, doc, { baseDir: opts.baseDir }), problems: [] };
}

export { IMPORT_FORMATS, IMPORT_LIMITS, refusalProblems, type ImportFormat };

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
  const plan = await planEma(importLookup(app), read.transactions, problems);
  const result = await commitPlan(app, actor, plan, problems, { commit: opts.commit, onProgress: opts.onProgress });
  return { ...result, format: read.format, version: read.version, transactions: read.rows };
}

/** Reads (in a worker) a deal or catalog sheet, maps its columns, plans it and (with `commit`) writes it all or nothing. */
export async function importSheet(
  app: FilmRights,
  actor: Actor,
  data: Buffer,
  name: string,
  format: 'csv' | 'xlsx',
  opts: SheetImportOptions,
): Promise<SheetImportResult> {
  const parsed = await readImportFile(data, name, { format, sheet: opts.sheet });
  if (parsed.format !== 'csv' && parsed.format !== 'xlsx') throw new Error(`read ${name} as ${parsed.format}, not ${format}`);
  return importSheetRead(app, actor, name, parsed, opts);
}

/** Maps, plans and (with `commit`) writes a sheet already read. */
export async function importSheetRead(
  app: FilmRights,
  actor: Actor,
  name: string,
  read: { format: 'csv' | 'xlsx'; table: Table; problems: Problem[] },
  opts: SheetImportOptions,
): Promise<SheetImportResult> {
  const planned = await planSheet(importLookup(app), name, read, opts);
  return planned.result(await commitPlan(app, actor, planned.plan, planned.problems, { commit: opts.commit, onProgress: opts.onProgress }));
}
