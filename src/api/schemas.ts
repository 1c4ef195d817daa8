/** JSON schemas shared by routes (and so by the OpenAPI document). */
export const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
export const dateOrNull = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD; null = perpetuity' } as const;
export const money = {
  type: 'object',
  required: ['amount', 'currency'],
  properties: { amount: { type: 'string', description: 'decimal, e.g. "1500000.00"' }, currency: { type: 'string', description: 'ISO 4217' } },
} as const;
export const languages = { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }, { type: 'null' }] } as const;

export const blockInput = {
  type: 'object',
  required: ['territories', 'media'],
  properties: {
    titleId: { type: 'string' },
    territories: { type: 'string', description: 'a territory expression, e.g. "Worldwide excluding China"' },
    media: { type: 'string', description: 'a media expression, e.g. "All Media", "SVOD"' },
    languages,
    start: { type: ['string', 'null'] },
    end: { type: ['string', 'null'] },
    exclusive: { type: 'boolean', default: true },
  },
} as const;

export const holdbackInput = {
  type: 'object',
  required: ['territories', 'media', 'description'],
  properties: {
    titleId: { type: 'string' },
    territories: { type: 'string' },
    media: { type: 'string' },
    start: { type: ['string', 'null'] },
    end: { type: ['string', 'null'] },
    description: { type: 'string' },
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
  properties: {
    ref: { type: 'string' },
    direction: { type: 'string', enum: ['in', 'out', 'third-party'] },
    status: { type: 'string', enum: ['draft', 'offer', 'negotiating', 'signed', 'announced', 'rejected', 'expired', 'terminated'] },
    licensorId: { type: ['string', 'null'] },
    licenseeId: { type: ['string', 'null'] },
    salesAgentId: { type: ['string', 'null'] },
    titleIds: { type: 'array', items: { type: 'string' }, minItems: 1 },
    blocks: { type: 'array', items: blockInput },
    holdbacks: { type: 'array', items: holdbackInput },
    negotiators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['personId', 'side'],
        properties: { personId: { type: 'string' }, companyId: { type: ['string', 'null'] }, side: { type: 'string', enum: ['licensor', 'licensee'] } },
      },
    },
    mg: { anyOf: [money, { type: 'null' }] },
    signedOn: { type: ['string', 'null'] },
    announcedOn: { type: ['string', 'null'] },
    editionId: { type: ['string', 'null'] },
    notes: { type: ['string', 'null'] },
    override: { anyOf: [{ type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 1 } } }, { type: 'null' }] },
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
  properties: {
    titles: { type: 'array', items: { type: 'string' }, description: 'title ids or names; absent: the whole catalog' },
    territories: { type: 'string' },
    media: { type: 'string' },
    languages,
    start: { type: 'string' },
    end: { type: ['string', 'null'] },
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

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;
