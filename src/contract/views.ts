/**
 * What the API answers: the views of titles, contracts, avails, the map and the audit, as the
 * response schemas of their routes and as the types the web app reads. Views are open objects
 * (a field added to a view is not an error); each field listed must be there with its type.
 * Financial fields (mg) are optional: src/api/financial.ts removes them for users without the
 * financial-terms permission.
 */
import { Type, type Static, type TSchema } from 'typebox';
import {
  COMPANY_KINDS,
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  CREDIT_ROLES,
  DATE_PRECISIONS,
  FESTIVAL_KINDS,
  NEGOTIATOR_SIDES,
  PREMIERE_STATUSES,
  PRODUCTION_STATUSES,
  SELECTION_SLOTS,
  SOURCE_KINDS,
  TITLE_COMPANY_ROLES,
} from '../domain/vocabulary.js';
import { Money, oneOf, Page, Ref } from './common.js';
import { GROUP_STATUSES, SERIES_STATUSES, TITLE_KINDS } from '../domain/series.js';

const S = Type.String();
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const SOrNull = nullable(S);
const strings = Type.Array(S);

/** A title in the catalog list. */
export const TitleSummary = Type.Object({
  id: S,
  originalTitle: S,
  englishTitle: SOrNull,
  year: nullable(Type.Integer()),
  countries: strings,
  productionStatus: nullable(oneOf(PRODUCTION_STATUSES)),
  directors: strings,
});
export type TitleSummary = Static<typeof TitleSummary>;
export const TitlePage = Page(TitleSummary);

/** A condition at one end of a term, with its words ("the German theatrical release + 6 months"). */
export const ConditionView = Type.Object({
  event: S,
  territory: Type.Optional(SOrNull),
  media: Type.Optional(SOrNull),
  offset: Type.Integer(),
  unit: S,
  label: S,
});

/** One grant of rights of a contract, as its page shows it. */
export const Block = Type.Object({
  id: Type.Optional(S),
  titleId: S,
  territories: S,
  territoryCodes: strings,
  territoryLabel: Type.Optional(S),
  media: S,
  mediaIds: strings,
  mediaLabel: Type.Optional(S),
  languages: nullable(strings),
  start: SOrNull,
  end: SOrNull,
  /** false: the source does not report the term; `end` null is then unknown, not perpetuity (docs/domain.md). */
  termReported: Type.Optional(Type.Boolean()),
  exclusive: Type.Boolean(),
  /** On a series or season: whether it reaches titles added later, the titles it covers when not, the titles it leaves out. */
  includesFuture: Type.Optional(Type.Boolean()),
  covers: Type.Optional(nullable(strings)),
  excludes: Type.Optional(strings),
  /** The start or end follows an event (docs/domain.md, "Windows that depend on events"). */
  startCondition: Type.Optional(nullable(ConditionView)),
  endCondition: Type.Optional(nullable(ConditionView)),
});
export type Block = Static<typeof Block>;

export const Holdback = Type.Object({
  id: Type.Optional(S),
  titleId: Type.Optional(S),
  territories: S,
  territoryCodes: Type.Optional(strings),
  media: S,
  mediaIds: Type.Optional(strings),
  start: SOrNull,
  end: SOrNull,
  startCondition: Type.Optional(nullable(ConditionView)),
  endCondition: Type.Optional(nullable(ConditionView)),
  description: S,
});
export type Holdback = Static<typeof Holdback>;

export const Negotiator = Type.Object({ person: Ref, company: nullable(Ref), side: oneOf(NEGOTIATOR_SIDES) });
export type Negotiator = Static<typeof Negotiator>;

/** A fact's source as a page shows it: the article, import or manual entry, and the quote. */
export const FactSourceView = Type.Object({
  id: S,
  factTable: S,
  factId: S,
  source: Type.Object({
    id: S,
    kind: oneOf(SOURCE_KINDS),
    outlet: SOrNull,
    publishedOn: SOrNull,
    url: SOrNull,
    file: SOrNull,
    title: SOrNull,
  }),
  quote: SOrNull,
  spanStart: nullable(Type.Integer()),
  spanEnd: nullable(Type.Integer()),
  reviewed: Type.Boolean(),
  accepted: Type.Boolean(),
});
export type FactSourceView = Static<typeof FactSourceView>;

/** A deal's source as its page shows it: when it was read, who reviewed it, and its article's deal fact (where to review it). */
export const DealSource = Type.Object({
  ...FactSourceView.properties,
  readAt: S,
  reviewedBy: SOrNull,
  article: nullable(
    Type.Object({ id: S, title: SOrNull, factId: SOrNull, factStatus: nullable(oneOf(['pending', 'accepted', 'rejected'] as const)) }),
  ),
});
export type DealSource = Static<typeof DealSource>;

/** A contract with its rights, holdbacks, negotiators and (with the financial-terms permission) its MG. */
export const Contract = Type.Object({
  id: S,
  ref: S,
  direction: oneOf(CONTRACT_DIRECTIONS),
  status: oneOf(CONTRACT_STATUSES),
  licensor: nullable(Ref),
  licensee: nullable(Ref),
  salesAgent: nullable(Ref),
  titles: Type.Array(Ref),
  blocks: Type.Optional(Type.Array(Block)),
  holdbacks: Type.Optional(Type.Array(Holdback)),
  negotiators: Type.Optional(Type.Array(Negotiator)),
  mg: Type.Optional(nullable(Money)),
  signedOn: SOrNull,
  announcedOn: SOrNull,
  /** The delivery date (windows may follow it). */
  deliveryDate: Type.Optional(SOrNull),
  editionId: SOrNull,
  notes: SOrNull,
  overrideReason: SOrNull,
  version: Type.Integer(),
  createdAt: S,
  updatedAt: S,
  /** Summaries may add a one-line rights description. */
  territoryLabel: Type.Optional(S),
  mediaLabel: Type.Optional(S),
  /** GET /api/contracts/:id: where the deal came from, each source reviewed or not (docs/ingest.md, "Review"). */
  sources: Type.Optional(Type.Array(DealSource)),
});
export type Contract = Static<typeof Contract>;

/**
 * The deals behind a reason: id (for /deals/:id), parties, end of the term (null: perpetuity;
 * absent: not known), and `notReviewed: true` while a source of the deal waits for review.
 */
export const ReasonDeal = Type.Object({
  ref: S,
  id: SOrNull,
  licensor: SOrNull,
  licensee: SOrNull,
  end: Type.Optional(SOrNull),
  notReviewed: Type.Optional(Type.Boolean()),
});
export type ReasonDeal = Static<typeof ReasonDeal>;

/** Why a right is not available (or on hold): a code, the contracts, a sentence and the deals. */
export const Reason = Type.Object({ code: S, contracts: strings, message: S, deals: Type.Optional(Type.Array(ReasonDeal)) });
export type Reason = Static<typeof Reason>;

/** `depends`: waits for an event not yet dated (docs/domain.md, "Windows that depend on events"). */
export const AVAIL_STATUSES = ['available', 'unavailable', 'on-hold', 'depends'] as const;
export type AvailStatus = (typeof AVAIL_STATUSES)[number];

export const AvailRow = Type.Object({
  titles: strings,
  titleIds: strings,
  territories: strings,
  territoryLabel: S,
  media: strings,
  mediaLabel: S,
  languages: nullable(strings),
  languagesExcept: strings,
  languageLabel: S,
  start: SOrNull,
  end: SOrNull,
  status: oneOf(AVAIL_STATUSES),
  reasons: Type.Array(Reason),
});
export type AvailRow = Static<typeof AvailRow>;

export const NOT_SHOWN_REASONS = ['no-rights-held', 'rights-expired', 'not-yet-started', 'between-terms', 'not-available'] as const;
export type NotShownReason = (typeof NOT_SHOWN_REASONS)[number];

/** POST /api/avails: the rows, how many titles were asked, and those no row names (the first 500 listed) with why. */
/** A series or season in an avails answer: available only if every episode is; each episode's own status. */
export const SeriesGroup = Type.Object({
  id: S,
  title: S,
  kind: oneOf(TITLE_KINDS),
  status: oneOf(GROUP_STATUSES),
  /** The titles it is answered through (episodes, or seasons with none yet), in order, each with its status over the whole question. */
  units: Type.Array(
    Type.Object({
      id: S,
      title: S,
      number: Type.Union([Type.Integer(), Type.Null()]),
      status: oneOf(['available', 'on-hold', 'depends', 'unavailable'] as const),
    }),
  ),
});
export type SeriesGroup = Static<typeof SeriesGroup>;

export const AvailsAnswer = Type.Object({
  rows: Type.Array(AvailRow),
  asked: Type.Integer(),
  notShown: Type.Object({
    count: Type.Integer(),
    reasons: Type.Array(Type.Object({ reason: oneOf(NOT_SHOWN_REASONS), message: S, count: Type.Integer() })),
    titles: Type.Array(Type.Object({ id: S, title: S, reason: oneOf(NOT_SHOWN_REASONS) })),
  }),
  /** Each series or season asked about: answered through its episodes (docs/domain.md), its status and theirs. */
  groups: Type.Optional(Type.Array(SeriesGroup)),
  /**
   * A page of the catalog-wide answer: how many titles its rows name, at most `limit`; `next`, the
   * cursor of the page after it (null on the last page). `asked` is still every title in the catalog;
   * `notShown` counts the titles of this page's stretch of the catalog.
   */
  page: Type.Optional(Type.Object({ limit: Type.Integer(), titles: Type.Integer(), next: SOrNull })),
});
export type AvailsAnswer = Static<typeof AvailsAnswer>;

/** The conflict check's answer: clear, or per block the rows it conflicts with and the holds it touches. */
export const ConflictReport = Type.Object({
  clear: Type.Boolean(),
  blocks: Type.Array(Type.Object({ block: Type.Integer(), titleId: S, conflicts: Type.Array(AvailRow), holds: Type.Array(AvailRow) })),
});
export type ConflictReport = Static<typeof ConflictReport>;

/** A saved contract, with the deals in negotiation it touches (a warning, not a refusal). */
export const SavedContract = Type.Intersect([Contract, Type.Object({ holds: ConflictReport.properties.blocks })]);

/** One distinct grant of a listed contract. */
export const ContractRights = Type.Object({
  territoryLabel: SOrNull,
  mediaLabel: SOrNull,
  start: SOrNull,
  end: SOrNull,
  exclusive: Type.Boolean(),
});
export type ContractRights = Static<typeof ContractRights>;

/** GET /api/contracts: a contract as the deals list shows it (`mg` only for users who may see financial terms). */
export const ContractListItem = Type.Object({
  id: S,
  ref: S,
  direction: oneOf(CONTRACT_DIRECTIONS),
  status: oneOf(CONTRACT_STATUSES),
  licensor: SOrNull,
  licensee: SOrNull,
  titles: strings,
  rights: Type.Array(ContractRights),
  mg: Type.Optional(nullable(Money)),
  signedOn: SOrNull,
  announcedOn: SOrNull,
  updatedAt: S,
  deletedAt: SOrNull,
  /** Read from a source (the press, an import) that nobody has reviewed yet: the list marks it. */
  notReviewed: Type.Optional(Type.Boolean()),
});
export type ContractListItem = Static<typeof ContractListItem>;
export const ContractPage = Page(ContractListItem);

/** `depends`: the country's answer waits for an event not yet dated (its reasons say which). */
export const MAP_STATUSES = ['available', 'sold', 'on-hold', 'depends', 'no-rights', 'partial'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];
export type PeriodStatus = Exclude<MapStatus, 'partial'>;

/** One stretch of the map's window for a country (for some media), with why. */
export const MapPeriod = Type.Object({
  status: oneOf(MAP_STATUSES.filter((s): s is PeriodStatus => s !== 'partial')),
  start: SOrNull,
  end: SOrNull,
  media: S,
  languages: SOrNull,
  reasons: Type.Array(Reason),
  /** The map of a series or season: the episodes (titles with nothing under them) the stretch is about, when not all of them. */
  titles: Type.Optional(strings),
});
export type MapPeriod = Static<typeof MapPeriod>;

const contractMention = Type.Union([
  S,
  Type.Object({
    id: Type.Optional(S),
    ref: Type.Optional(S),
    licensor: Type.Optional(Type.Union([Ref, S, Type.Null()])),
    licensee: Type.Optional(Type.Union([Ref, S, Type.Null()])),
  }),
]);

export const MapCountry = Type.Object({
  status: oneOf(MAP_STATUSES),
  periods: Type.Optional(Type.Array(MapPeriod)),
  /** Days of the window in each status; absent for an open-ended window. */
  days: Type.Optional(Type.Record(S, Type.Number())),
  reasons: Type.Optional(Type.Array(Type.Union([Reason, S]))),
  contracts: Type.Optional(Type.Array(contractMention)),
});
export interface MapCountry extends Omit<Static<typeof MapCountry>, 'days'> {
  days?: Partial<Record<PeriodStatus, number>>;
}

export const TitleMap = Type.Object({ countries: Type.Record(S, MapCountry) });
export interface TitleMap {
  countries: Record<string, MapCountry>;
}

/** One change in the audit trail: who, when, what, before and after. */
export const AuditEntry = Type.Object({
  id: Type.Union([Type.Integer(), S]),
  at: S,
  user: Type.Union([S, Type.Object({ id: S, username: S }), Type.Null()]),
  action: S,
  entity: S,
  entityId: S,
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: SOrNull,
});
export type AuditEntry = Static<typeof AuditEntry>;

/** An error answer as the web app reads it: the code, the sentence, the field, and what helps fix it. */
export interface ApiErrorBody {
  error: string;
  message: string;
  field?: string;
  value?: unknown;
  suggestions?: string[];
  conflicts?: ConflictReport;
}

/** A person in the people list (and as POST /api/people finds or creates them). */
export const PersonListItem = Type.Object({ id: S, name: S, sortName: Type.Optional(SOrNull) });
export type PersonListItem = Static<typeof PersonListItem>;
export const PersonPage = Page(PersonListItem);

/** A company in the companies list (and as POST /api/companies finds or creates it). */
export const CompanyListItem = Type.Object({ id: S, name: S, kind: oneOf(COMPANY_KINDS), country: SOrNull });
export type CompanyListItem = Static<typeof CompanyListItem>;
export const CompanyPage = Page(CompanyListItem);

/** Who "we" are: the company this install works for, or none yet. */
export const WeCompany = Type.Object({ company: nullable(Type.Object({ id: S, name: S, kind: S, country: SOrNull })) });
export type WeCompany = Static<typeof WeCompany>;

/** Where and when a title opened, and through whom. */
export const ReleaseView = Type.Object({
  id: S,
  title: Ref,
  territory: S,
  date: SOrNull,
  precision: oneOf(DATE_PRECISIONS),
  dateLabel: SOrNull,
  distributor: nullable(Ref),
  kind: S,
});
export type ReleaseView = Static<typeof ReleaseView>;

/** A box-office figure: public record, shown to everyone (docs/security.md). */
export const BoxOfficeView = Type.Object({
  id: S,
  title: Ref,
  territory: SOrNull,
  gross: Money,
  periodStart: SOrNull,
  periodEnd: SOrNull,
  asOf: SOrNull,
  cumulative: Type.Boolean(),
});
export type BoxOfficeView = Static<typeof BoxOfficeView>;

/** An API token as its owner sees it (never the secret, shown once on creation). */
export const ApiTokenView = Type.Object({
  id: S,
  name: SOrNull,
  scope: S,
  createdAt: S,
  revokedAt: SOrNull,
  expiresAt: SOrNull,
});
export type ApiTokenView = Static<typeof ApiTokenView>;

/** A merge: the kept record after it, the id merged away, and how many of each kind moved. */
export const MergeResult = Type.Object({ kept: Type.Unknown(), mergedId: S, moved: Type.Record(S, Type.Integer()) });
export type MergeResult = Static<typeof MergeResult>;

/** A delete that answers what it removed: the record as its history keeps it, and what went with it. */
export const DeleteResult = Type.Object({ deleted: Type.Unknown(), removed: Type.Record(S, Type.Integer()) });
export type DeleteResult = Static<typeof DeleteResult>;

/** An edition of a festival or market. */
export const EditionView = Type.Object({ id: S, number: nullable(Type.Integer()), year: Type.Integer(), start: SOrNull, end: SOrNull });
export type EditionView = Static<typeof EditionView>;

/** A festival, market or awards body with its editions. */
export const FestivalView = Type.Object({
  id: S,
  name: S,
  shortName: SOrNull,
  aliases: strings,
  kind: oneOf(FESTIVAL_KINDS),
  country: SOrNull,
  city: SOrNull,
  editions: Type.Array(EditionView),
});
export type FestivalView = Static<typeof FestivalView>;

/** A section of an edition's line-up. */
export const SectionView = Type.Object({ id: S, editionId: S, name: S });
export type SectionView = Static<typeof SectionView>;

/** Where a fact on a page comes from (an article span, an import, a manual entry). */
const Sources = Type.Array(FactSourceView);
const FestivalRef = Type.Object({ id: S, name: S, shortName: SOrNull });

/** A title's deal as its page lists it (`mg` only with the financial-terms permission). */
export const ContractSummary = Type.Object({
  id: S,
  ref: S,
  direction: oneOf(CONTRACT_DIRECTIONS),
  status: oneOf(CONTRACT_STATUSES),
  licensor: nullable(Ref),
  licensee: nullable(Ref),
  salesAgent: nullable(Ref),
  territories: strings,
  /** `termReported` false: the source does not report the term; `end` null is then unknown, not perpetuity. */
  blocks: Type.Array(
    Type.Object({
      territoryLabel: S,
      mediaLabel: S,
      start: SOrNull,
      end: SOrNull,
      /** The start or end that follows an event, in words ("the German theatrical release + 6 months"); null: a date. */
      startCondition: Type.Optional(SOrNull),
      endCondition: Type.Optional(SOrNull),
      termReported: Type.Boolean(),
      exclusive: Type.Boolean(),
    }),
  ),
  signedOn: SOrNull,
  announcedOn: SOrNull,
  mg: Type.Optional(nullable(Money)),
  /** Read from a source nobody has reviewed yet. */
  notReviewed: Type.Optional(Type.Boolean()),
});
export type ContractSummary = Static<typeof ContractSummary>;

/** GET /api/titles/:id: everything the record knows about a film, each fact with its sources. */
const TreeRef = Type.Object({ id: S, name: S, kind: oneOf(TITLE_KINDS), number: nullable(Type.Integer()) });
/** A title's place among series, seasons and episodes: above it, and under it (two levels). */
export const SeriesPlace = Type.Object({
  kind: oneOf(TITLE_KINDS),
  number: nullable(Type.Integer()),
  seasonCount: nullable(Type.Integer()),
  episodeCount: nullable(Type.Integer()),
  countsFinal: Type.Boolean(),
  seriesStatus: nullable(oneOf(SERIES_STATUSES)),
  ancestors: Type.Array(TreeRef),
  children: Type.Array(Type.Intersect([TreeRef, Type.Object({ children: Type.Array(TreeRef) })])),
});
export type SeriesPlace = Static<typeof SeriesPlace>;

export const TitleView = Type.Object({
  id: S,
  originalTitle: S,
  englishTitle: SOrNull,
  year: nullable(Type.Integer()),
  countries: strings,
  countryNames: strings,
  languages: strings,
  runtimeMinutes: nullable(Type.Integer()),
  synopsis: SOrNull,
  sourceMaterial: SOrNull,
  sourceMaterialNote: SOrNull,
  productionStatus: nullable(oneOf(PRODUCTION_STATUSES)),
  aliases: Type.Array(Type.Object({ id: S, alias: S, language: SOrNull, kind: SOrNull })),
  credits: Type.Array(
    Type.Object({ id: S, role: oneOf(CREDIT_ROLES), person: Ref, character: SOrNull, position: Type.Integer(), sources: Sources }),
  ),
  companies: Type.Array(Type.Object({ role: oneOf(TITLE_COMPANY_ROLES), company: Ref, sources: Sources })),
  selections: Type.Array(
    Type.Object({
      id: S,
      festival: FestivalRef,
      edition: EditionView,
      section: nullable(Ref),
      premiereStatus: nullable(oneOf(PREMIERE_STATUSES)),
      slot: nullable(oneOf(SELECTION_SLOTS)),
      withdrawn: Type.Boolean(),
      withdrawalReason: SOrNull,
      sources: Sources,
    }),
  ),
  awards: Type.Array(
    Type.Object({
      id: S,
      name: S,
      festival: FestivalRef,
      edition: Type.Object({ id: S, number: nullable(Type.Integer()), year: Type.Integer() }),
      person: nullable(Ref),
      tied: Type.Boolean(),
      tieGroup: SOrNull,
      tiedWith: Type.Array(Ref),
      sources: Sources,
    }),
  ),
  releases: Type.Array(Type.Intersect([Type.Omit(ReleaseView, ['title']), Type.Object({ territoryName: S, sources: Sources })])),
  boxOffice: Type.Array(Type.Intersect([Type.Omit(BoxOfficeView, ['title']), Type.Object({ territoryName: S, sources: Sources })])),
  contracts: Type.Array(ContractSummary),
  /** Who holds what, as signed deals (ours and the market's) say. */
  marketPicture: Type.Array(
    Type.Object({
      ref: S,
      direction: oneOf(CONTRACT_DIRECTIONS),
      status: oneOf(CONTRACT_STATUSES),
      holder: nullable(Ref),
      territoryLabel: S,
      mediaLabel: S,
      start: SOrNull,
      end: SOrNull,
      /** The start or end that follows an event, in words ("the German theatrical release + 6 months"); null: a date. */
      startCondition: Type.Optional(SOrNull),
      endCondition: Type.Optional(SOrNull),
      termReported: Type.Boolean(),
      exclusive: Type.Boolean(),
    }),
  ),
  kind: oneOf(TITLE_KINDS),
  /** Its place among series, seasons and episodes (docs/domain.md); null for a film. */
  series: nullable(SeriesPlace),
  /** Every source of every fact on this page. */
  sources: Sources,
});
export type TitleView = Static<typeof TitleView>;

/** GET /api/people/:id: a person's credits and the deals they negotiated. */
export const PersonView = Type.Object({
  id: S,
  name: S,
  sortName: SOrNull,
  credits: Type.Array(
    Type.Object({
      id: S,
      role: oneOf(CREDIT_ROLES),
      character: SOrNull,
      title: Type.Object({ id: S, name: S, year: nullable(Type.Integer()) }),
    }),
  ),
  deals: Type.Array(
    Type.Object({
      contract: Type.Object({
        id: S,
        ref: S,
        direction: oneOf(CONTRACT_DIRECTIONS),
        status: oneOf(CONTRACT_STATUSES),
        /** Read from a source nobody has reviewed yet. */
        notReviewed: Type.Optional(Type.Boolean()),
      }),
      side: oneOf(NEGOTIATOR_SIDES),
      company: nullable(Ref),
      titles: Type.Array(Ref),
    }),
  ),
});
export type PersonView = Static<typeof PersonView>;
