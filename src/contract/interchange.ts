/** Imports (a file, previewed or committed) and exports (EMA avails, every list as CSV or XLSX). */
import { Type, type Static } from 'typebox';
import { closed, date, endDate, LINE_MAX, list, NAME_MAX, oneOf, textOrNull } from './common.js';
import { AvailsInput } from './rights.js';

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
  closed({ ...emaExportOptions(licenseTypes).properties, ...Type.Partial(AvailsInput).properties });

export const AvailsExportQuery = Type.Object({
  format: Type.Optional(oneOf(['csv', 'xlsx', 'ema-xlsx', 'ema-xml'] as const, { default: 'xlsx' })),
  version: Type.Optional(Type.String({ maxLength: 10 })),
});
export type AvailsExportQuery = Static<typeof AvailsExportQuery>;
