/** Deals: contracts with their rights (blocks), holdbacks, negotiators and MG; the conflict check's question. */
import { Type, type Static } from 'typebox';
import { COMPANY_KINDS, CONTRACT_DIRECTIONS, CONTRACT_STATUSES, NEGOTIATOR_SIDES } from '../domain/vocabulary.js';
import {
  closed,
  closedOrNull,
  dateOrNull,
  endDate,
  id,
  idOrNull,
  languages,
  LINE_MAX,
  list,
  Money,
  NAME_MAX,
  oneOf,
  paging,
  TEXT_MAX,
  textOrNull,
} from './common.js';

/**
 * A condition instead of a date at one end of a term (docs/domain.md, "Windows that depend on
 * events"; src/domain/conditions.ts): an event, its country and medium, and an offset.
 */
export const ConditionInput = closed({
  event: oneOf(['release', 'broadcast', 'delivery', 'festival-premiere'] as const),
  /** ISO 3166-1 alpha-2: for a release or a broadcast. */
  territory: Type.Optional(Type.Union([Type.String({ minLength: 2, maxLength: 2 }), Type.Null()])),
  /** For a release: theatrical, streaming, tv, home-video, festival. */
  media: Type.Optional(Type.Union([oneOf(['theatrical', 'streaming', 'tv', 'home-video', 'festival'] as const), Type.Null()])),
  /** Signed: 6 = six after, -30 = thirty before. */
  offset: Type.Integer({ minimum: -1200, maximum: 1200 }),
  unit: oneOf(['days', 'months'] as const),
});
export type ConditionInput = Static<typeof ConditionInput>;
const conditionOrNull = Type.Union([ConditionInput, Type.Null()]);

/** One grant of rights: a title, territories, media, languages, a term, exclusive or not. */
export const BlockInput = closed({
  titleId: Type.Optional(id),
  territories: Type.String({ minLength: 1, maxLength: LINE_MAX, description: 'a territory expression, e.g. "Worldwide excluding China"' }),
  media: Type.String({ minLength: 1, maxLength: LINE_MAX, description: 'a media expression, e.g. "All Media", "SVOD"' }),
  languages: Type.Optional(languages),
  start: Type.Optional(dateOrNull),
  end: Type.Optional(endDate),
  /** Instead of `start`: the start follows an event (docs/domain.md). */
  startCondition: Type.Optional(conditionOrNull),
  /** Instead of `end`: the end follows an event. */
  endCondition: Type.Optional(conditionOrNull),
  /**
   * false: the source does not report the term (a deal read from the press): the end is unknown,
   * not perpetuity, and avails answer `depends` past the start. An `end` or `endCondition` makes
   * the term reported whatever this says. Default true.
   */
  termReported: Type.Optional(Type.Boolean()),
  exclusive: Type.Optional(Type.Boolean({ default: true })),
  /** On a series or season (docs/domain.md): false = only the titles under it that exist now, or those listed in `covers`. Default true. */
  includesFuture: Type.Optional(Type.Boolean()),
  /** With includesFuture false: the titles under it the block covers, by id (a season listed brings its episodes as they are now). */
  covers: Type.Optional(Type.Union([list(id, 10_000), Type.Null()])),
  /** Titles under it the block leaves out, by id, each with everything under it (an episode withheld, a season sold elsewhere). */
  excludes: Type.Optional(list(id, 10_000)),
});
export type BlockInput = Static<typeof BlockInput>;

/** A holdback: the licensor keeps these rights unexploited for the term. */
export const HoldbackInput = closed({
  titleId: Type.Optional(id),
  territories: Type.String({ minLength: 1, maxLength: LINE_MAX }),
  media: Type.String({ minLength: 1, maxLength: LINE_MAX }),
  start: Type.Optional(dateOrNull),
  end: Type.Optional(endDate),
  startCondition: Type.Optional(conditionOrNull),
  /** "until 6 months after the U.S. theatrical release". */
  endCondition: Type.Optional(conditionOrNull),
  description: Type.String({ maxLength: LINE_MAX }),
});
export type HoldbackInput = Static<typeof HoldbackInput>;

const NewCompany = closed({ name: Type.String({ minLength: 1, maxLength: 300 }), kind: oneOf(COMPANY_KINDS) });

/** A reason to save a deal that conflicts with the rights on record; the reason is recorded. */
export const Override = closed({ reason: Type.String({ minLength: 1, maxLength: LINE_MAX }) });
export type Override = Static<typeof Override>;

/** POST /api/contracts, PUT /api/contracts/:id. */
export const ContractInput = closed({
  ref: Type.Optional(Type.String({ maxLength: NAME_MAX })),
  direction: Type.Optional(oneOf(CONTRACT_DIRECTIONS)),
  status: oneOf(CONTRACT_STATUSES),
  licensorId: Type.Optional(idOrNull),
  licenseeId: Type.Optional(idOrNull),
  salesAgentId: Type.Optional(idOrNull),
  titleIds: list(id, 500, { minItems: 1 }),
  blocks: Type.Optional(list(BlockInput, 2_000)),
  holdbacks: Type.Optional(list(HoldbackInput, 500)),
  negotiators: Type.Optional(list(closed({ personId: id, companyId: Type.Optional(idOrNull), side: oneOf(NEGOTIATOR_SIDES) }), 100)),
  /**
   * The minimum guarantee: a financial field (src/domain/financial.ts). Absent means unchanged on
   * update (none on create); null clears it. Only users with the financial-terms permission may send it, null included.
   */
  mg: Type.Optional(Type.Union([Money, Type.Null()])),
  signedOn: Type.Optional(dateOrNull),
  announcedOn: Type.Optional(dateOrNull),
  /** The delivery date: windows that follow delivery resolve from it (docs/domain.md). */
  deliveryDate: Type.Optional(dateOrNull),
  editionId: Type.Optional(idOrNull),
  notes: Type.Optional(textOrNull(TEXT_MAX)),
  /** Save even though the deal conflicts; the reason is recorded. */
  override: Type.Optional(Type.Union([Override, Type.Null()])),
  /** The version read: a save over a newer version is a 409. */
  version: Type.Optional(Type.Integer()),
  newCompanies: Type.Optional(
    Type.Union([
      closed(
        { licensor: Type.Optional(NewCompany), licensee: Type.Optional(NewCompany), salesAgent: Type.Optional(NewCompany) },
        { description: 'parties not on file yet, created with the deal (in its transaction); each replaces the matching …Id' },
      ),
      Type.Null(),
    ]),
  ),
});
export type ContractInput = Static<typeof ContractInput>;

/** POST /api/conflicts: a proposed rights-out deal, checked against what is sold, held and held back. */
export const ConflictQuestion = closed({
  titleIds: Type.Optional(list(id, 500)),
  blocks: list(BlockInput, 2_000),
  excludeContractId: Type.Optional(id),
});
export type ConflictQuestion = Static<typeof ConflictQuestion>;

/** POST /api/contracts/:id/restore. */
export const RestoreInput = closedOrNull({ override: Type.Optional(Override) });
export type RestoreInput = Static<typeof RestoreInput>;

/** POST /api/contracts/:id/sources/:linkId/review: the deal and one of its source links (DealSource.id). */
export const DealSourceParams = Type.Object({ id, linkId: id });
export type DealSourceParams = Static<typeof DealSourceParams>;
/** true: a person checked the deal against this source; false: back to "not yet reviewed" (the Undo). */
export const DealSourceReview = closed({ reviewed: Type.Boolean() });
export type DealSourceReview = Static<typeof DealSourceReview>;

/** DELETE /api/contracts/:id. */
export const DeleteContractQuery = Type.Object({ reason: Type.Optional(Type.String({ maxLength: LINE_MAX })) });
export type DeleteContractQuery = Static<typeof DeleteContractQuery>;

/** GET /api/contracts (and the contracts export's filters). */
export const ContractListParams = Type.Object({
  status: Type.Optional(Type.String()),
  direction: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  company: Type.Optional(Type.String()),
  q: Type.Optional(Type.String()),
  deleted: Type.Optional(Type.Boolean()),
  ...paging,
});
export type ContractListParams = Static<typeof ContractListParams>;
