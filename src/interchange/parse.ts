/**
 * Reading an import file into plain data, with no database: what its format
 * is, its EMA transactions (checked) or its table of cells, and the problems
 * found on the way. This is the part of an import that an uploaded file can
 * make expensive (a zip bomb, a million rows), so it runs in a worker thread
 * (reader.ts) under the limits below; the main thread then plans and writes
 * what it gets back, as before.
 */
import { tooLarge } from '../domain/errors.js';
import { checkTransaction, type EmaTransaction, type RawTransaction } from './ema/model.js';
import { readEmaSheets } from './ema/xlsx.js';
import { readEmaXml } from './ema/xml.js';
import { AVAILS_SCHEMAS, validateAvailsXml } from './ema/xsd.js';
import { refuseForeignFile } from './foreign.js';
import { Problems, UnreadableFile, type Problem } from './problems.js';
import { gridRow, readWorkbookGrids, type SheetGrid, type XlsxLimits } from './sheets/grid.js';
import { readCsv, tableFromSheets, type Table } from './sheets/table.js';

/** How deep a JSON import may nest: a filmrights document needs fewer than ten levels; far deeper is an attack on the reader. */
export const MAX_JSON_DEPTH = 64;

/** The line where a JSON text first nests deeper than `max` arrays and objects (strings skipped), or null. */
export function nestingPast(text: string, max: number): number | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

export type ImportFormat = 'json' | 'ema-xlsx' | 'ema-xml' | 'xlsx' | 'csv';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['json', 'ema-xlsx', 'ema-xml', 'xlsx', 'csv'];

export interface ImportLimits extends XlsxLimits {
  /** The most bytes a file may have (as uploaded). */
  maxBytes: number;
}

/**
 * What one import may be: 40 MiB as uploaded; an XLSX archive of at most
 * 2,000 entries inflating to at most 256 MiB; at most 50,000 rows (all the
 * sheets of a workbook together; the data rows of a CSV file; the
 * transactions of an Avails XML document).
 */
export const IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 40 * 1024 * 1024,
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxEntries: 2_000,
  maxRows: 50_000,
});

export interface ParseOptions {
  format?: ImportFormat;
  /** EMA: the retailer when the file names none; today (for "Immediate" starts). */
  retailer?: string | null;
  today?: string;
  /** Sheets: the sheet to read (else the first with data). */
  sheet?: string;
  limits?: Partial<ImportLimits>;
}

export type ParsedFile =
  | { format: 'json'; doc: unknown }
  | { format: 'ema-xlsx' | 'ema-xml'; version: string | null; transactions: EmaTransaction[]; rows: number; problems: Problem[] }
  | { format: 'xlsx' | 'csv'; table: Table; problems: Problem[] };

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07);
const isOldExcel = (b: Buffer) => b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0;

/** Nothing but a byte order mark and white space. */
function isBlank(b: Buffer): boolean {
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  for (let i = start; i < b.length; i++) if (b[i] !== 0x20 && b[i] !== 0x09 && b[i] !== 0x0a && b[i] !== 0x0d) return false;
  return true;
}

/** Whether a workbook is an EMA avails sheet: row 1 or 2 of a sheet names LicenseType and Territory. */
function isEmaWorkbook(sheets: SheetGrid[]): boolean {
  for (const ws of sheets) {
    for (const r of [1, 2]) {
      const fields = gridRow(ws, r).map(({ cell }) =>
        ('value' in cell ? String(cell.value ?? '') : '').split('/').pop()!.trim().toLowerCase(),
      );
      if (fields.includes('licensetype') && fields.includes('territory')) return true;
    }
  }
  return false;
}

/** What a file is, from its bytes (and its name when the bytes do not say); a workbook is read to tell. */
async function detect(data: Buffer, name: string, limits: ImportLimits): Promise<{ format: ImportFormat; sheets?: SheetGrid[] }> {
  const lower = name.toLowerCase();
  if (isZip(data) || /\.(xlsx|xlsm)$/.test(lower)) {
    const sheets = await readWorkbookGrids(data, name, limits);
    return { format: isEmaWorkbook(sheets) ? 'ema-xlsx' : 'xlsx', sheets };
  }
  if (/\.xls$/.test(lower) || isOldExcel(data)) {
    throw new UnreadableFile(name, 'an old Excel 97-2003 (.xls) workbook: save it as .xlsx (or CSV UTF-8) and import it again');
  }
  const head = data
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<')) {
    const all = data.toString('utf8');
    if (/movielabs\.com\/schema\/avails|<(\w+:)?AvailList[\s>]/.test(all)) return { format: 'ema-xml' };
    throw new UnreadableFile(name, 'XML, but not MovieLabs Avails (no avails namespace or AvailList)');
  }
  if (head.startsWith('{')) return { format: 'json' };
  if (/\.json$/.test(lower)) return { format: 'json' };
  return { format: 'csv' };
}

export async function detectFormat(data: Buffer, name: string, limits: Partial<ImportLimits> = {}): Promise<ImportFormat> {
  return (await detect(data, name, { ...IMPORT_LIMITS, ...limits })).format;
}

/** Reads a file into plain data (no database). Limits refused with a 'too-large' DomainError naming the limit. */
export async function parseFile(bytes: Uint8Array, name: string, opts: ParseOptions = {}): Promise<ParsedFile> {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...opts.limits };
  if (data.length > limits.maxBytes)
    throw tooLarge(
      'file',
      data.length,
      `${name}: the file is over ${limits.maxBytes / 1024 / 1024} MiB (the limit of one import); nothing was written`,
    );
  if (isBlank(data)) throw new UnreadableFile(name, 'the file is empty');
  // a PDF, a database, an image, binary data: said so, whatever the format asked for
  if (!isZip(data) && !isOldExcel(data)) refuseForeignFile(data, name);
  let format = opts.format;
  let sheets: SheetGrid[] | undefined;
  if (!format) ({ format, sheets } = await detect(data, name, limits));
  if ((format === 'ema-xlsx' || format === 'xlsx') && !sheets) sheets = await readWorkbookGrids(data, name, limits);

  if (format === 'json') {
    const text = data.toString('utf8');
    const deep = nestingPast(text, MAX_JSON_DEPTH);
    if (deep !== null)
      throw new UnreadableFile(
        name,
        `line ${deep}: the JSON nests deeper than ${MAX_JSON_DEPTH} levels (a filmrights document needs fewer than ten)`,
      );
    try {
      return { format, doc: JSON.parse(text) as unknown };
    } catch (e) {
      throw new UnreadableFile(name, `not valid JSON (${(e as Error).message})`);
    }
  }
  const problems = new Problems();
  if (format === 'csv' || format === 'xlsx') {
    const table = format === 'csv' ? readCsv(data, name, limits.maxRows) : tableFromSheets(sheets!, name, problems, opts.sheet);
    return { format, table, problems: problems.list };
  }
  let rows: RawTransaction[];
  let version: string | null;
  if (format === 'ema-xml') {
    const xml = data.toString('utf8');
    const read = readEmaXml(xml, name, problems);
    rows = read.rows;
    version = read.version;
    if (rows.length > limits.maxRows) {
      throw tooLarge(
        'file',
        rows.length,
        `${name}: the document has ${rows.length.toLocaleString('en-US')} transactions, more than ${limits.maxRows.toLocaleString('en-US')} (the limit of one import): split it into several files; nothing was written`,
      );
    }
    if (version && AVAILS_SCHEMAS[version]) {
      const v = await validateAvailsXml(xml);
      for (const e of v.errors)
        problems.error(`${name}${e.line ? `, line ${e.line}` : ''}`, `not valid against the Avails ${version} schema: ${e.message.trim()}`);
    } else
      problems.warn(
        name,
        `no MovieLabs schema for Avails version ${version ?? '(none declared)'}: the document was not validated against a schema`,
      );
  } else {
    const read = readEmaSheets(sheets!, name, problems);
    rows = read.rows;
    version = read.versions[0] ?? null;
  }
  const transactions = rows.flatMap((r) => checkTransaction(r, problems, { retailer: opts.retailer, today: opts.today }));
  return { format, version, transactions, rows: rows.length, problems: problems.list };
}
