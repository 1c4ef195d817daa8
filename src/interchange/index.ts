/**
 * `import FILE`: the format is found from the content (and the name as a
 * hint): the JSON interchange document, an EMA avails spreadsheet, Avails
 * XML, or a CSV / XLSX deal or catalog sheet. Every importer checks the
 * whole file first and writes it in one transaction, or nothing.
 */
import type { Actor, FilmRights } from '../services/app.js';
import { ImportError, importJson, type ImportSummary, type InterchangeDocument } from '../services/interchange.js';
import { importEmaRead, type EmaImportResult } from './ema/index.js';
import { IMPORT_FORMATS, IMPORT_LIMITS, detectFormat, type ImportFormat } from './parse.js';
import { ImportRefused, UnreadableFile, type Problem } from './problems.js';
import { readImportFile } from './reader.js';
import { importSheetRead, type Mapping, type SheetImportResult, type SheetKind } from './sheets/import.js';

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

/** The problems of a refused import, whichever importer refused it. */
export function refusalProblems(e: unknown): Problem[] | null {
  if (e instanceof ImportRefused) return e.problems;
  if (e instanceof ImportError)
    return e.issues.map((i) => ({
      severity: 'error',
      where: i.field,
      message: i.message,
      ...(i.suggestions.length ? { suggestions: i.suggestions } : {}),
    }));
  return null;
}

export { IMPORT_FORMATS, IMPORT_LIMITS, ImportRefused, UnreadableFile, detectFormat, type ImportFormat };
