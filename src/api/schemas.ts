/**
 * JSON schemas shared by routes (and so by the OpenAPI document).
 *
 * Every request body is closed (`additionalProperties: false`: an unknown property is a 400 that
 * names it), every string has a length limit and every list a size limit; `checkDeclared`
 * (access.ts) refuses to register a route whose body schema breaks these rules.
 */
import { FIRST_YEAR, LAST_YEAR } from '../domain/dates.js';
import {
  COMPANY_KINDS,
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  CREDIT_ROLES,
  DATE_PRECISIONS,
  FESTIVAL_KINDS,
  NEGOTIATOR_SIDES,
  PREMIERE_STATUSES,
  SELECTION_SLOTS,
} from '../store/index.js';

/** Limits on text: a name (title, company, person, festival), a line (a note, a reason), a long text (a synopsis). */
export const NAME_MAX = 500;
export const LINE_MAX = 2_000;
export const TEXT_MAX = 20_000;
export const LIST_MAX = 1_000;

export const name = (extra: Record<string, unknown> = {}) => ({ type: 'string', minLength: 1, maxLength: NAME_MAX, ...extra }) as const;
export const line = { type: 'string', maxLength: LINE_MAX } as const;
export const lineOrNull = { type: ['string', 'null'], maxLength: LINE_MAX } as const;
/** A record's id: a UUID or a short readable ref ("one-second"). */
export const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' } as const;
export const idOrNull = { ...id, type: ['string', 'null'] } as const;
/** YYYY-MM-DD within FIRST_YEAR..LAST_YEAR (1870-2199); the services check the calendar (no 30 February). */
const DATE_PATTERN = '^(18[7-9]\\d|19\\d\\d|2[01]\\d\\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
export const date = {
  type: 'string',
  pattern: DATE_PATTERN,
  maxLength: 10,
  description: `YYYY-MM-DD, from ${FIRST_YEAR} to ${LAST_YEAR}`,
} as const;
export const dateOrNull = {
  type: ['string', 'null'],
  maxLength: 10,
  pattern: DATE_PATTERN,
  description: `YYYY-MM-DD (${FIRST_YEAR} to ${LAST_YEAR}); null = perpetuity`,
} as const;
/** An end date as contracts write it: a day, or null / "" / "open" / "perpetuity". */
export const endDate = {
  type: ['string', 'null'],
  maxLength: 10,
  description: `YYYY-MM-DD (${FIRST_YEAR} to ${LAST_YEAR}); null, "open" or "perpetuity" = no end`,
} as const;
export const list = <T>(items: T, max = LIST_MAX) => ({ type: 'array', items, maxItems: max }) as const;
export const money = {
  type: 'object',
  required: ['amount', 'currency'],
  additionalProperties: false,
  properties: {
    amount: { type: 'string', maxLength: 30, pattern: '^-?\\d+(\\.\\d+)?$', description: 'decimal, e.g. "1500000.00"' },
    currency: { type: 'string', minLength: 3, maxLength: 3, description: 'ISO 4217' },
  },
} as const;
export const languages = {
  anyOf: [list({ type: 'string', maxLength: 100 }, 200), { type: 'string', maxLength: LINE_MAX }, { type: 'null' }],
} as const;
/** A body that is optional and, when given, empty: for actions such as reject or poll. */
export const noBody = { type: ['object', 'null'], additionalProperties: false, properties: {} } as const;
export const blockInput = {
  type: 'object',
  required: ['territories', 'media'],
  additionalProperties: false,
  properties: {
    titleId: id,
    territories: {
      type: 'string',
      minLength: 1,
      maxLength: LINE_MAX,
      description: 'a territory expression, e.g. "Worldwide excluding China"',
    },
    media: { type: 'string', minLength: 1, maxLength: LINE_MAX, description: 'a media expression, e.g. "All Media", "SVOD"' },
    languages,
    start: dateOrNull,
    end: endDate,
    exclusive: { type: 'boolean', default: true },
  },
} as const;

export const holdbackInput = {
  type: 'object',
  required: ['territories', 'media', 'description'],
  additionalProperties: false,
  properties: {
    titleId: id,
    territories: { type: 'string', minLength: 1, maxLength: LINE_MAX },
    media: { type: 'string', minLength: 1, maxLength: LINE_MAX },
    start: dateOrNull,
    end: endDate,
    description: { type: 'string', maxLength: LINE_MAX },
  },
} as const;

const newCompany = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 300 },
    kind: { type: 'string', enum: ['distributor', 'sales-agent', 'production', 'streamer', 'broadcaster', 'exhibitor', 'other'] },
  },
} as const;

export const contractInput = {
  type: 'object',
  required: ['status', 'titleIds'],
  additionalProperties: false,
  properties: {
    ref: { type: 'string', maxLength: NAME_MAX },
    direction: { type: 'string', enum: [...CONTRACT_DIRECTIONS] },
    status: { type: 'string', enum: [...CONTRACT_STATUSES] },
    licensorId: idOrNull,
    licenseeId: idOrNull,
    salesAgentId: idOrNull,
    titleIds: { ...list(id, 500), minItems: 1 },
    blocks: list(blockInput, 2_000),
    holdbacks: list(holdbackInput, 500),
    negotiators: list(
      {
        type: 'object',
        required: ['personId', 'side'],
        additionalProperties: false,
        properties: { personId: id, companyId: idOrNull, side: { type: 'string', enum: [...NEGOTIATOR_SIDES] } },
      },
      100,
    ),
    mg: { anyOf: [money, { type: 'null' }] },
    signedOn: dateOrNull,
    announcedOn: dateOrNull,
    editionId: idOrNull,
    notes: { type: ['string', 'null'], maxLength: TEXT_MAX },
    override: {
      anyOf: [
        {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: { reason: { type: 'string', minLength: 1, maxLength: LINE_MAX } },
        },
        { type: 'null' },
      ],
    },
    version: { type: 'integer' },
    newCompanies: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          description: 'parties not on file yet, created with the deal (in its transaction); each replaces the matching …Id',
          properties: { licensor: newCompany, licensee: newCompany, salesAgent: newCompany },
        },
        { type: 'null' },
      ],
    },
  },
} as const;

export const availsQuestion = {
  type: 'object',
  required: ['territories', 'media', 'start'],
  additionalProperties: false,
  properties: {
    titles: {
      ...list({ type: 'string', minLength: 1, maxLength: NAME_MAX }, 10_000),
      description: 'title ids or names; absent: the whole catalog',
    },
    territories: { type: 'string', minLength: 1, maxLength: LINE_MAX },
    media: { type: 'string', minLength: 1, maxLength: LINE_MAX },
    languages,
    start: date,
    end: endDate,
    exclusive: { type: 'boolean', default: true },
    match: { type: 'string', enum: ['cover-entire', 'overlap-part', 'start-within', 'end-within'], default: 'cover-entire' },
    minDays: { type: 'integer', minimum: 1 },
    include: { type: 'string', enum: ['all', 'available'] },
  },
} as const;

export const errorReply = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id } } as const;

// ------------------------------------------------------------------ catalog inputs

export const creditInput = {
  type: 'object',
  required: ['titleId', 'role'],
  additionalProperties: false,
  properties: {
    titleId: id,
    personId: id,
    name: name(),
    role: { type: 'string', enum: [...CREDIT_ROLES] },
    character: { type: ['string', 'null'], maxLength: NAME_MAX },
    position: { type: ['integer', 'null'], minimum: 0, maximum: 100_000 },
  },
} as const;

export const personInput = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: name(), sortName: { type: ['string', 'null'], maxLength: NAME_MAX } },
} as const;
export const companyInput = {
  type: 'object',
  required: ['name', 'kind'],
  additionalProperties: false,
  properties: { name: name(), kind: { type: 'string', enum: [...COMPANY_KINDS] }, country: { type: ['string', 'null'], maxLength: 100 } },
} as const;

export const festivalInput = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: name(),
    shortName: { type: ['string', 'null'], maxLength: NAME_MAX },
    aliases: list(name(), 100),
    kind: { type: 'string', enum: [...FESTIVAL_KINDS] },
    country: { type: ['string', 'null'], maxLength: 100 },
    city: { type: ['string', 'null'], maxLength: NAME_MAX },
  },
} as const;
export const editionInput = {
  type: 'object',
  required: ['festivalId', 'year'],
  additionalProperties: false,
  properties: {
    festivalId: id,
    number: { type: ['integer', 'null'], minimum: 1, maximum: 10_000 },
    year: { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR },
    start: dateOrNull,
    end: dateOrNull,
  },
} as const;
export const selectionInput = {
  type: 'object',
  required: ['editionId', 'titleId'],
  additionalProperties: false,
  properties: {
    editionId: id,
    titleId: id,
    section: { type: ['string', 'null'], maxLength: NAME_MAX },
    premiereStatus: { type: ['string', 'null'], enum: [...PREMIERE_STATUSES, null] },
    slot: { type: ['string', 'null'], enum: [...SELECTION_SLOTS, null] },
    withdrawn: { type: 'boolean' },
    withdrawalReason: lineOrNull,
  },
} as const;
export const awardInput = {
  type: 'object',
  required: ['editionId', 'name', 'titleId'],
  additionalProperties: false,
  properties: {
    editionId: id,
    name: name(),
    titleId: id,
    personId: idOrNull,
    tied: { type: 'boolean' },
    tieGroup: { type: ['string', 'null'], maxLength: 100 },
  },
} as const;
export const releaseInput = {
  type: 'object',
  required: ['titleId', 'territory'],
  additionalProperties: false,
  properties: {
    titleId: id,
    territory: { type: 'string', minLength: 1, maxLength: 100 },
    date: { type: ['string', 'null'], maxLength: 10, description: 'YYYY-MM-DD, YYYY-MM or YYYY' },
    precision: { type: 'string', enum: [...DATE_PRECISIONS] },
    distributorId: idOrNull,
    kind: { type: 'string', maxLength: 50 },
  },
} as const;
export const boxOfficeInput = {
  type: 'object',
  required: ['titleId', 'amount', 'currency'],
  additionalProperties: false,
  properties: {
    titleId: id,
    territory: { type: ['string', 'null'], maxLength: 100 },
    amount: money.properties.amount,
    currency: money.properties.currency,
    periodStart: dateOrNull,
    periodEnd: dateOrNull,
    asOf: dateOrNull,
    cumulative: { type: 'boolean' },
  },
} as const;
