/**
 * The building blocks of the API contract: limits on text and lists, ids, dates, money, pages and
 * errors. Each schema is written once, as TypeBox, and its static type derives from it.
 *
 * Request bodies are closed (`additionalProperties: false`), every string has a length limit and
 * every list a size limit: `checkDeclared` (src/api/access.ts) refuses a route whose body breaks this.
 * Nullable fields are written as JSON Schema type lists (`type: ['string', 'null']`), as before the
 * contract, so validation and coercion answer exactly as they did.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { FIRST_YEAR, LAST_YEAR } from '../domain/dates.js';

/** Limits on text: a name (title, company, person, festival), a line (a note, a reason), a long text (a synopsis). */
export const NAME_MAX = 500;
export const LINE_MAX = 2_000;
export const TEXT_MAX = 20_000;
export const LIST_MAX = 1_000;

type Extra = Record<string, unknown>;

/** A string of at most `max` characters. */
export const text = (max: number, extra: Extra = {}) => Type.String({ maxLength: max, ...extra });
/** A string of at most `max` characters, or null. */
export const textOrNull = (max: number, extra: Extra = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: max, ...extra });
/** An integer or null. */
export const intOrNull = (extra: Extra = {}) => Type.Unsafe<number | null>({ type: ['integer', 'null'], ...extra });
/** One of a vocabulary's words (src/domain/vocabulary.ts). */
export const oneOf = <const T extends readonly string[]>(values: T, extra: Extra = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...extra });
/** One of a vocabulary's words, or null (a type list, as the record's nullable columns). */
export const oneOfOrNull = <const T extends readonly string[]>(values: T, extra: Extra = {}) =>
  Type.Unsafe<T[number] | null>({ type: ['string', 'null'], enum: [...values, null], ...extra });
/** One of a vocabulary's words, or null (anyOf: as the editing routes wrote it). */
export const wordOrNull = <const T extends readonly string[]>(values: T) => Type.Union([oneOf(values), Type.Null()]);
/** A list of at most `max` items. */
export const list = <T extends TSchema>(items: T, max = LIST_MAX, extra: Extra = {}) => Type.Array(items, { maxItems: max, ...extra });
/** A closed object: an unknown property is a 400 that names it. */
export const closed = <P extends Parameters<typeof Type.Object>[0]>(props: P, extra: Extra = {}) =>
  Type.Object(props, { additionalProperties: false, ...extra });
/** A map from any key to `value`, with at most `maxProperties` keys (an open object bounded by its size). */
export const mapOf = <T extends TSchema>(value: T, maxProperties: number, extra: Extra = {}) =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', maxProperties, additionalProperties: value, ...extra });
/** A closed object that may also be sent as null or left out (an action's optional options). */
export const closedOrNull = <P extends Parameters<typeof Type.Object>[0]>(props: P, extra: Extra = {}) => {
  const object = Type.Object(props, { additionalProperties: false, ...extra });
  return Type.Unsafe<Static<typeof object> | null>({ ...object, type: ['object', 'null'] });
};

/** A name (title, company, person, festival): 1 to NAME_MAX characters. */
export const name = (extra: Extra = {}) => Type.String({ minLength: 1, maxLength: NAME_MAX, ...extra });
export const line = Type.String({ maxLength: LINE_MAX });
export const lineOrNull = textOrNull(LINE_MAX);

/** A record's id: a UUID or a short readable ref ("one-second"). */
const ID = {
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
  // a refused value is answered with this (src/api/validationMessage.ts), never with the pattern
  description: 'an id: letters, digits, "-" and "_", e.g. "one-second"',
} as const;
export const id = Type.String(ID);
export const idOrNull = Type.Unsafe<string | null>({ ...ID, type: ['string', 'null'] });

/** YYYY-MM-DD within FIRST_YEAR..LAST_YEAR (1870-2199); the services check the calendar (no 30 February). */
const DATE_PATTERN = '^(18[7-9]\\d|19\\d\\d|2[01]\\d\\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
export const date = Type.String({ pattern: DATE_PATTERN, maxLength: 10, description: `YYYY-MM-DD, from ${FIRST_YEAR} to ${LAST_YEAR}` });
export const dateOrNull = Type.Unsafe<string | null>({
  type: ['string', 'null'],
  maxLength: 10,
  pattern: DATE_PATTERN,
  description: `YYYY-MM-DD (${FIRST_YEAR} to ${LAST_YEAR}); null = perpetuity`,
});
/** An end date as contracts write it: a day, or null / "" / "open" / "perpetuity". */
export const endDate = Type.Unsafe<string | null>({
  type: ['string', 'null'],
  maxLength: 10,
  description: `YYYY-MM-DD (${FIRST_YEAR} to ${LAST_YEAR}); null, "open" or "perpetuity" = no end`,
});

export const amount = Type.String({ maxLength: 30, pattern: '^\\d+(\\.\\d+)?$', description: 'decimal, zero or more, e.g. "1500000.00"' });
export const currency = Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217' });
/** An amount of money: a decimal string (never a float) and its currency. */
export const Money = closed({ amount, currency });
export type Money = Static<typeof Money>;

/** Languages: a list of BCP 47 tags, or one expression ("all", "all except French"), or null (all). */
export const languages = Type.Union([list(text(100), 200), text(LINE_MAX), Type.Null()]);

/** A body that is optional and, when given, empty: for actions such as reject or poll. */
export const noBody = Type.Unsafe<Record<string, never> | null>({ type: ['object', 'null'], additionalProperties: false, properties: {} });

/** `:id` in a path. */
export const IdParams = Type.Object({ id });
export type IdParams = Static<typeof IdParams>;

/** The paging of a list: page from 1, at most 500 a page. */
export const paging = {
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
};

/** A page of a list. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A record named in a view: its id and its name. */
export const Ref = Type.Object({ id: Type.String(), name: Type.String() });
export type Ref = Static<typeof Ref>;

/** Every error answer: a code, a sentence, and the field at fault when there is one. */
export const ErrorReply = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
});
export type ErrorReply = Static<typeof ErrorReply>;

/** Any JSON value (a record's before/after in the audit, a fact's fields). */
export const Json = Type.Unknown();

/** The answer of a route that answers 204: no body. */
export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'No content' });
