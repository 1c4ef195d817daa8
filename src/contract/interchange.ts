/** Imports (a file, previewed or committed) and exports (EMA avails, every list as CSV or XLSX). */
import { Type, type Static } from 'typebox';
import { closed, date, endDate, LINE_MAX, list, NAME_MAX, oneOf, textOrNull } from './common.js';
import { AvailsQuestionInput } from './rights.js';
import { ConditionInput } from './deals.js';

/** POST /api/import, for the formats the importers read and files of at most `maxBase64` characters of base64. */
export const importInput = <const F extends readonly string[]>(formats: F, maxBase64: number, maxBytes: number) =>
  closed({
    filename: Type.String({ minLength: 1, maxLength: 255 }),
    /** The file, base64. */
    content: Type.String({ maxLength: maxBase64, description: `the file, base64 (at most ${maxBytes / 1024 / 1024} MiB decoded)` }),
    mode: Type.Optional(oneOf(['preview', 'commit'] as const, { default: 'preview' })),
    format: Type.Optional(oneOf(formats)),
    retailer: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(oneOf(['deals', 'catalog'] as const)),
    mapping: Type.Optional(
      Type.Unsafe<Record<string, string | null>>({
        type: 'object',
        maxProperties: 50,
        additionalProperties: { type: ['string', 'null'], maxLength: 200 },
      }),
    ),
    sheet: Type.Optional(Type.String({ maxLength: 200 })),
    /** Commit in the background: 202 with a job to poll for progress. */
    background: Type.Optional(Type.Boolean({ default: false })),
  });

/** GET /api/import/jobs/:id (a job id is a UUID, not a record id). */
export const JobParams = Type.Object({ id: Type.String() });

/** GET /api/export/:list, for the lists there are. */
export const exportParams = <const L extends readonly string[]>(lists: L) => Type.Object({ list: oneOf(lists) });
export const ExportQuery = Type.Object({
  format: Type.Optional(oneOf(['csv', 'xlsx'] as const, { default: 'xlsx' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  direction: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  title: Type.Optional(Type.String({ maxLength: 200 })),
  company: Type.Optional(Type.String({ maxLength: 200 })),
  deleted: Type.Optional(Type.Boolean()),
});
export type ExportQuery = Static<typeof ExportQuery>;

/** The options of an EMA avails export (POST /api/avails/export?format=ema-xlsx|ema-xml), for the license types EMA knows. */
export const emaExportOptions = <const L extends readonly string[]>(licenseTypes: L) =>
  closed({
    titles: Type.Optional(list(Type.String({ minLength: 1, maxLength: NAME_MAX }), 10_000)),
    territories: Type.Optional(Type.String({ maxLength: LINE_MAX })),
    licenseTypes: Type.Optional(list(oneOf(licenseTypes), 20)),
    from: Type.Optional(date),
    to: Type.Optional(endDate),
    source: Type.Optional(oneOf(['avails', 'windows'] as const)),
    retailer: Type.Optional(textOrNull(NAME_MAX)),
    exclusive: Type.Optional(Type.Boolean()),
    formatProfiles: Type.Optional(list(Type.String({ maxLength: 20 }), 20)),
    lrd: Type.Optional(Type.String({ maxLength: 10 })),
    priceType: Type.Optional(textOrNull(50)),
    priceValue: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Number(), Type.Null()])),
    priceCurrency: Type.Optional(textOrNull(3)),
    preorderDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    licensor: Type.Optional(Type.String({ maxLength: NAME_MAX })),
  });

/**
 * POST /api/avails/export: one closed body for both kinds of export, the EMA options and the avails
 * question's fields (all optional here: the route checks the question's required fields for CSV and XLSX).
 */
export const availsExportInput = <const L extends readonly string[]>(licenseTypes: L) =>
  closed({
    ...emaExportOptions(licenseTypes).properties,
    ...Type.Partial(AvailsQuestionInput).properties,
    // no schema default: a list of avails answers the exclusive question unless told otherwise, EMA avails offer
    // retail windows, non-exclusive unless told otherwise (a default here would reach both)
    exclusive: Type.Optional(
      Type.Boolean({ description: 'absent: exclusive for csv and xlsx (the avails question), non-exclusive for ema-xlsx and ema-xml' }),
    ),
  });

export const AvailsExportQuery = Type.Object({
  format: Type.Optional(oneOf(['csv', 'xlsx', 'ema-xlsx', 'ema-xml'] as const, { default: 'xlsx' })),
  version: Type.Optional(Type.String({ maxLength: 10 })),
});
export type AvailsExportQuery = Static<typeof AvailsExportQuery>;

// ------------------------------------------------------------------ what an import answers

const S = Type.String();
const Int = Type.Integer();
const SOrNull = Type.Union([S, Type.Null()]);

/** A problem found in a file: where (sheet, row and column, or the XML path) and what is wrong. Any error refuses the whole file. */
export const ImportProblem = Type.Object({
  severity: oneOf(['error', 'warning'] as const),
  where: S,
  message: S,
  suggestions: Type.Optional(Type.Array(S)),
});
export type ImportProblem = Static<typeof ImportProblem>;

const ImportAction = oneOf(['create', 'existing'] as const);

/** What an EMA or sheet import planned (preview) or wrote (commit): the records, the contracts with their grants, the problems. */
export const ImportRunResult = Type.Object({
  committed: Type.Boolean(),
  created: Type.Object({ titles: Int, companies: Int, contracts: Int, blocks: Int }),
  titles: Type.Array(Type.Object({ name: S, id: SOrNull, action: ImportAction })),
  companies: Type.Array(Type.Object({ name: S, action: ImportAction })),
  contracts: Type.Array(
    Type.Object({
      ref: S,
      direction: S,
      licensor: SOrNull,
      licensee: SOrNull,
      titles: Type.Array(S),
      blocks: Type.Array(
        Type.Object({
          title: S,
          territories: S,
          media: S,
          languages: Type.Union([Type.Array(S), Type.Null()]),
          start: SOrNull,
          end: SOrNull,
          /** Instead of start: the event the window starts from (an EMA StartCondition). */
          startCondition: Type.Optional(Type.Union([ConditionInput, Type.Null()])),
          /** Instead of end: the event the window ends from. */
          endCondition: Type.Optional(Type.Union([ConditionInput, Type.Null()])),
          exclusive: Type.Boolean(),
          /** The rows of the file it came from. */
          rows: Type.Array(S),
        }),
      ),
    }),
  ),
  problems: Type.Array(ImportProblem),
});
export type ImportRunResult = Static<typeof ImportRunResult>;

/** An EMA avails file's import. */
export const EmaImportResult = Type.Intersect([
  ImportRunResult,
  Type.Object({ format: oneOf(['ema-xlsx', 'ema-xml'] as const), version: SOrNull, transactions: Int }),
]);
export type EmaImportResult = Static<typeof EmaImportResult>;

/** A name in a sheet that matches no record: the column, the rows, and the close names on record. */
export const UnknownName = Type.Object({ column: S, value: S, rows: Type.Array(Int), suggestions: Type.Array(S) });
export type UnknownName = Static<typeof UnknownName>;

/** A deal or catalog sheet's import (CSV or XLSX), with the column mapping it used. */
export const SheetImportResult = Type.Intersect([
  ImportRunResult,
  Type.Object({
    format: oneOf(['csv', 'xlsx'] as const),
    kind: oneOf(['deals', 'catalog'] as const),
    headers: Type.Array(S),
    mapping: Type.Record(S, SOrNull),
    rows: Int,
    unknownNames: Type.Array(UnknownName),
  }),
]);
export type SheetImportResult = Static<typeof SheetImportResult>;

/** How many records of each kind a JSON document wrote. */
export const ImportSummary = Type.Object({
  companies: Int,
  people: Int,
  titles: Int,
  contracts: Int,
  festivals: Int,
  editions: Int,
  selections: Int,
  awards: Int,
  releases: Int,
  boxOffice: Int,
  sources: Int,
  facts: Int,
  /** Records of the accounts (terms, ledger entries, revenue lines, statements, exchange rates); present when the document had any. */
  accounts: Type.Optional(Int),
  /** Buyer profiles (docs/market.md); absent when the document has none. */
  buyers: Type.Optional(Int),
  /** Markets (with their line-up, screenings, meetings and tasks) and offers (docs/json-format.md); absent when the document has none. */
  markets: Type.Optional(Int),
  offers: Type.Optional(Int),
});
export type ImportSummary = Static<typeof ImportSummary>;

/** A JSON document's import (no preview: checked whole, then written or refused). */
export const JsonImportResult = Type.Object({
  format: Type.Literal('json'),
  committed: Type.Boolean(),
  summary: Type.Union([ImportSummary, Type.Null()]),
  problems: Type.Array(ImportProblem),
});
export type JsonImportResult = Static<typeof JsonImportResult>;

/** POST /api/import (200): the result for the file's format. */
export const ImportResult = Type.Union([EmaImportResult, SheetImportResult, JsonImportResult]);
export type ImportResult = Static<typeof ImportResult>;

/** POST /api/import with background (202): the job to poll. */
export const ImportJobStarted = Type.Object({ job: S, poll: S });
export type ImportJobStarted = Static<typeof ImportJobStarted>;

/** POST /api/import (422): the file was refused as a whole, for these problems. */
export const ImportRefusedReply = Type.Object({ error: S, message: S, problems: Type.Array(ImportProblem) });
export type ImportRefusedReply = Static<typeof ImportRefusedReply>;

export const IMPORT_JOB_STATES = ['running', 'done', 'refused', 'failed'] as const;

/** GET /api/import/jobs/:id: progress, then the result, or the refusal (error, message, problems) or failure. */
export const ImportJob = Type.Object({
  state: oneOf(IMPORT_JOB_STATES),
  done: Int,
  total: Int,
  seconds: Type.Number(),
  result: Type.Optional(ImportResult),
  error: Type.Optional(S),
  message: Type.Optional(S),
  problems: Type.Optional(Type.Array(ImportProblem)),
});
export type ImportJob = Static<typeof ImportJob>;

// ------------------------------------------------------------------ what an export answers

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XML_TYPE = 'application/xml';

/** An answer that is a file: its content types only (the bytes are the format's, not JSON). */
export const fileAnswer = (description: string, contentTypes: readonly string[]) => ({
  description,
  content: Object.fromEntries(contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});
/** GET /api/export/:list. */
export const ListFile = fileAnswer('the list as CSV or XLSX (attachment)', [CSV_TYPE, XLSX_TYPE]);
/** POST /api/avails/export. */
export const AvailsFile = fileAnswer('the avails as CSV or XLSX, or EMA avails as XLSX or XML (attachment)', [
  CSV_TYPE,
  XLSX_TYPE,
  XML_TYPE,
]);
