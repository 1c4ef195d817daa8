/**
 * Offers and negotiation (market mode, docs/offers.md): a buyer's proposal for titles, its
 * versions (counter-offers), its status flow, the live check against avails, and competing
 * offers. Money (mg, paymentSchedule) is optional everywhere: it is removed for, and refused from,
 * users without the financial-terms permission.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { OFFER_CELL_STATUSES, OFFER_STATUSES } from '../domain/offers.js';
import {
  closed,
  date,
  endDate,
  id,
  idOrNull,
  intOrNull,
  LINE_MAX,
  lineOrNull,
  list,
  Money,
  oneOf,
  text,
  textOrNull,
  TEXT_MAX,
} from './common.js';
import { Reason } from './views.js';

const S = Type.String();
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const SOrNull = nullable(S);

export { OFFER_STATUSES, OFFER_CELL_STATUSES } from '../domain/offers.js';

export const OfferHoldback = closed({
  territories: text(LINE_MAX),
  media: text(LINE_MAX),
  start: Type.Optional(Type.Union([date, Type.Null()])),
  end: Type.Optional(endDate),
  description: text(LINE_MAX),
});
export type OfferHoldback = Static<typeof OfferHoldback>;

export const PaymentStep = closed({
  label: text(200),
  percent: Type.Optional(
    Type.Unsafe<string | null>({
      type: ['string', 'null'],
      maxLength: 10,
      pattern: '^\\d{1,3}(\\.\\d{1,4})?$',
      description: 'a percentage, e.g. "30" or "12.5"',
    }),
  ),
  due: text(200),
});
export type PaymentStep = Static<typeof PaymentStep>;

/** The terms of one version, as written: expressions as in the deal editor. */
const termProps = {
  titleIds: list(id, 100, { minItems: 1 }),
  territories: text(LINE_MAX),
  media: text(LINE_MAX),
  languages: Type.Optional(Type.Union([list(text(35), 50), Type.Null()])),
  start: date,
  end: Type.Optional(endDate),
  durationMonths: Type.Optional(intOrNull({ minimum: 1, maximum: 1200 })),
  exclusive: Type.Optional(Type.Boolean()),
  holdbacks: Type.Optional(list(OfferHoldback, 50)),
  conditions: Type.Optional(textOrNull(TEXT_MAX)),
  /** Financial: only with the financial-terms permission (else 403). */
  mg: Type.Optional(Type.Union([Money, Type.Null()])),
  /** Financial: only with the financial-terms permission (else 403). */
  paymentSchedule: Type.Optional(Type.Union([list(PaymentStep, 50), Type.Null()])),
};

export const OfferTermsInput = closed(termProps);
export type OfferTermsInput = Static<typeof OfferTermsInput>;

/** POST /api/offers. */
export const OfferInput = closed({
  buyerId: id,
  editionId: Type.Optional(idOrNull),
  note: Type.Optional(lineOrNull),
  ...termProps,
});
export type OfferInput = Static<typeof OfferInput>;

/** POST /api/offers/:id/versions: a counter-offer (or a revision): the whole new terms. */
export const OfferCounterInput = closed({
  /** The version the counter answers: refused (409) when another came first. */
  version: Type.Integer({ minimum: 1 }),
  note: Type.Optional(lineOrNull),
  ...termProps,
});
export type OfferCounterInput = Static<typeof OfferCounterInput>;

/** POST /api/offers/:id/status. */
export const OfferStatusInput = closed({
  status: oneOf(OFFER_STATUSES),
  note: Type.Optional(lineOrNull),
  /** Accepting: the last day the hold counts (default: 14 days from today). */
  holdExpiresOn: Type.Optional(date),
  /** Signing: the day of signature (default: today). */
  signedOn: Type.Optional(date),
});
export type OfferStatusInput = Static<typeof OfferStatusInput>;

/** POST /api/offers/check: terms not yet saved, checked live (the offer being edited is left out of the competing offers). */
export const OfferCheckQuestion = closed({
  ...termProps,
  offerId: Type.Optional(id),
});
export type OfferCheckQuestion = Static<typeof OfferCheckQuestion>;

export const OfferListParams = Type.Object({
  status: Type.Optional(oneOf(OFFER_STATUSES)),
  buyer: Type.Optional(id),
  title: Type.Optional(id),
  market: Type.Optional(id),
});
export type OfferListParams = Static<typeof OfferListParams>;

export const OfferDiffParams = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) });
export type OfferDiffParams = Static<typeof OfferDiffParams>;

const Named = Type.Object({ id: S, name: S });

/** One version of the terms (money only for those allowed to see it). */
export const OfferVersion = Type.Object({
  version: Type.Integer(),
  titleIds: Type.Array(S),
  titles: Type.Array(Named),
  territories: S,
  territoryLabel: S,
  media: S,
  mediaLabel: S,
  languages: nullable(Type.Array(S)),
  start: S,
  end: SOrNull,
  durationMonths: nullable(Type.Integer()),
  exclusive: Type.Boolean(),
  holdbacks: Type.Array(Type.Object({ territories: S, media: S, start: SOrNull, end: SOrNull, description: S })),
  conditions: SOrNull,
  mg: Type.Optional(nullable(Money)),
  paymentSchedule: Type.Optional(nullable(Type.Array(Type.Object({ label: S, percent: SOrNull, due: S })))),
  note: SOrNull,
  createdBy: SOrNull,
  createdAt: S,
});
export type OfferVersion = Static<typeof OfferVersion>;

export const OfferEvent = Type.Object({
  seq: Type.Integer(),
  from: nullable(oneOf(OFFER_STATUSES)),
  to: oneOf(OFFER_STATUSES),
  version: Type.Integer(),
  by: S,
  at: S,
  note: SOrNull,
});
export type OfferEvent = Static<typeof OfferEvent>;

/** An offer in the list. */
export const OfferSummary = Type.Object({
  id: S,
  ref: S,
  buyer: Named,
  market: nullable(Named),
  status: oneOf(OFFER_STATUSES),
  version: Type.Integer(),
  titles: Type.Array(Named),
  territoryLabel: S,
  mediaLabel: S,
  start: S,
  end: SOrNull,
  exclusive: Type.Boolean(),
  mg: Type.Optional(nullable(Money)),
  contract: nullable(Type.Object({ id: S, ref: S, status: S })),
  holdExpiresOn: SOrNull,
  updatedAt: S,
});
export type OfferSummary = Static<typeof OfferSummary>;

export const OfferList = Type.Object({ items: Type.Array(OfferSummary), total: Type.Integer() });
export type OfferList = Static<typeof OfferList>;

/** Another open offer asking for some of the same rights. */
export const CompetingOffer = Type.Object({
  offer: OfferSummary,
  titles: Type.Array(Named),
  territoryLabel: S,
  mediaLabel: S,
});
export type CompetingOffer = Static<typeof CompetingOffer>;

export const OfferView = Type.Intersect([
  OfferSummary,
  Type.Object({
    current: OfferVersion,
    versions: Type.Array(OfferVersion),
    events: Type.Array(OfferEvent),
    /** The statuses it may move to now. */
    next: Type.Array(oneOf(OFFER_STATUSES)),
    competing: Type.Array(CompetingOffer),
    createdBy: SOrNull,
    createdAt: S,
  }),
]);
export type OfferView = Static<typeof OfferView>;

export const OfferDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(Type.Object({ field: S, before: Type.Unknown(), after: Type.Unknown() })),
});
export type OfferDiff = Static<typeof OfferDiff>;

/** The media of one title x territory that share an answer. */
export const OfferCheckMedia = Type.Object({
  media: Type.Array(S),
  mediaLabel: S,
  status: oneOf(OFFER_CELL_STATUSES),
  reasons: Type.Array(Reason),
});

/** The live check: per title x territory the worst answer over its media, each media group with its reasons and contracts. */
export const OfferCheck = Type.Object({
  /** Nothing is sold, held back or not held: the offer can be accepted unless holds are in the way. */
  clear: Type.Boolean(),
  /** Some rights are on hold for another deal. */
  held: Type.Boolean(),
  titles: Type.Array(Named),
  territories: Type.Array(Type.Object({ code: S, name: S })),
  cells: Type.Array(
    Type.Object({
      titleId: S,
      territory: S,
      status: oneOf(OFFER_CELL_STATUSES),
      /** The media grouped by answer, worst first; empty when the place is available in every medium. */
      media: Type.Array(OfferCheckMedia),
    }),
  ),
  /** Title x territory x media leaf cells by status. */
  counts: Type.Object({
    available: Type.Integer(),
    'on-hold': Type.Integer(),
    depends: Type.Integer(),
    sold: Type.Integer(),
    'not-held': Type.Integer(),
    holdback: Type.Integer(),
  }),
  competing: Type.Array(CompetingOffer),
});
export type OfferCheck = Static<typeof OfferCheck>;
