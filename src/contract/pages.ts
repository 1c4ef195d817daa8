/**
 * What the record's other pages answer: a company's page, an edition's line-up, the home page, and
 * what the editing routes answer (a restored record, a selection or award created). Open objects,
 * as the views of views.ts: each field listed must be there with its type.
 */
import { Type, type Static, type TSchema } from 'typebox';
import {
  COMPANY_KINDS,
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  FESTIVAL_KINDS,
  PREMIERE_STATUSES,
  SELECTION_SLOTS,
  TITLE_COMPANY_ROLES,
} from '../domain/vocabulary.js';
import { oneOf, Ref } from './common.js';
import { EditionView } from './views.js';

const S = Type.String();
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const SOrNull = nullable(S);
const YearOrNull = nullable(Type.Integer());

/** A record created by a route that answers only its id (a selection, an award). */
export const Created = Type.Object({ id: S });
export type Created = Static<typeof Created>;

/** POST /api/credits: the credit and the person it names (found or created). */
export const CreditCreated = Type.Object({ id: S, personId: S });
export type CreditCreated = Static<typeof CreditCreated>;

/** An edition as PATCH /api/editions/:id and POST /api/editions answer it: with its festival's id. */
export const EditionOfFestival = Type.Intersect([EditionView, Type.Object({ festivalId: S })]);
export type EditionOfFestival = Static<typeof EditionOfFestival>;

export const COMPANY_CONTRACT_ROLES = ['licensor', 'licensee', 'sales-agent'] as const;

/** GET /api/companies/:id: the titles it is on, its contracts (with the other party) and the people who negotiated for it. */
export const CompanyView = Type.Object({
  id: S,
  name: S,
  kind: oneOf(COMPANY_KINDS),
  country: SOrNull,
  titles: Type.Array(Type.Object({ role: oneOf(TITLE_COMPANY_ROLES), title: Type.Object({ id: S, name: S, year: YearOrNull }) })),
  contracts: Type.Array(
    Type.Object({
      id: S,
      ref: S,
      role: oneOf(COMPANY_CONTRACT_ROLES),
      direction: oneOf(CONTRACT_DIRECTIONS),
      status: oneOf(CONTRACT_STATUSES),
      counterparty: nullable(Ref),
      titles: Type.Array(Ref),
      /** Read from a source nobody has reviewed yet. */
      notReviewed: Type.Optional(Type.Boolean()),
    }),
  ),
  people: Type.Array(Type.Object({ person: Ref, contracts: Type.Array(S) })),
});
export type CompanyView = Static<typeof CompanyView>;

/** One selected title of an edition's line-up: its sales agent and what is sold, held and free on the lineup's day. */
export const LineupSelection = Type.Object({
  id: S,
  title: Type.Object({ id: S, name: S, year: YearOrNull }),
  premiereStatus: nullable(oneOf(PREMIERE_STATUSES)),
  slot: nullable(oneOf(SELECTION_SLOTS)),
  withdrawn: Type.Boolean(),
  withdrawalReason: SOrNull,
  salesAgent: nullable(Ref),
  soldLabel: SOrNull,
  freeLabel: SOrNull,
  heldLabel: SOrNull,
  awards: Type.Array(Type.Object({ id: S, name: S, tied: Type.Boolean() })),
});
export type LineupSelection = Static<typeof LineupSelection>;

/** GET /api/editions/:id: the line-up by section, with its awards (the acquisitions view). */
export const Lineup = Type.Object({
  edition: EditionView,
  festival: Type.Object({ id: S, name: S, shortName: SOrNull, kind: oneOf(FESTIVAL_KINDS) }),
  availability: Type.Object({ asOf: S, media: Type.Literal('All Media'), exclusive: Type.Literal(true) }),
  sections: Type.Array(Type.Object({ id: SOrNull, name: S, selections: Type.Array(LineupSelection) })),
  awards: Type.Array(Type.Object({ id: S, name: S, title: Ref, person: nullable(Ref), tied: Type.Boolean(), tieGroup: SOrNull })),
});
export type Lineup = Static<typeof Lineup>;

/** A deal as the home page lists it (no deal terms). */
export const HomeContract = Type.Object({
  id: S,
  ref: S,
  direction: oneOf(CONTRACT_DIRECTIONS),
  status: oneOf(CONTRACT_STATUSES),
  licensor: nullable(Ref),
  licensee: nullable(Ref),
  titles: Type.Array(Ref),
  signedOn: SOrNull,
  announcedOn: SOrNull,
  createdAt: S,
  /** Read from a source nobody has reviewed yet. */
  notReviewed: Type.Optional(Type.Boolean()),
});
export type HomeContract = Static<typeof HomeContract>;

/** GET /api/home: deals in negotiation, rights ending soon, recent signings and the facts waiting for review. */
export const Home = Type.Object({
  holds: Type.Array(Type.Object({ contract: HomeContract, ageDays: Type.Integer() })),
  expiring: Type.Array(Type.Object({ contract: HomeContract, title: Ref, territoryLabel: S, end: S, daysLeft: Type.Integer() })),
  recentlySigned: Type.Array(HomeContract),
  factsToReview: Type.Integer(),
  /** Facts read from articles that no one has accepted or rejected yet (reviewed in Articles). */
  articleFactsPending: Type.Integer(),
  reviewQueue: Type.Array(
    Type.Object({
      id: S,
      factTable: S,
      factId: S,
      quote: SOrNull,
      source: Type.Object({ id: S, outlet: SOrNull, publishedOn: SOrNull }),
    }),
  ),
});
export type Home = Static<typeof Home>;

/** POST /api/history/:entity/:id/restore: the record restored, and what of it could not come back. */
export const RestoreResult = Type.Object({ entity: S, id: S, restored: Type.Unknown(), skipped: Type.Array(S) });
export type RestoreResult = Static<typeof RestoreResult>;
