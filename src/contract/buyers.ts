/**
 * Buyers (market mode, docs/market.md): a company's buyer profile, its contacts, its history with
 * us and with others, the screener links sent to it, and the avails sheet made for it.
 */
import { Type, type Static } from 'typebox';
import { BUYER_KINDS, SHEET_STATUSES } from '../domain/buyers.js';
import { COMPANY_KINDS, CONTRACT_STATUSES } from '../domain/vocabulary.js';
import {
  closed,
  date,
  dateOrNull,
  id,
  idOrNull,
  LINE_MAX,
  list,
  Money,
  name,
  NAME_MAX,
  oneOf,
  Page,
  paging,
  Ref,
  text,
  TEXT_MAX,
  textOrNull,
} from './common.js';

const LOCALE = text(35, { description: 'BCP 47 tag dates are written in on the buyer\'s sheets, e.g. "fr-FR" (5 déc. 2026)' });
const GENRES = list(text(100), 50, { description: 'genres the buyer takes, e.g. "drama", "documentary"' });
const TERRITORIES = text(LINE_MAX, { description: 'a territory expression, as in deals: "Benelux, France", "Latin America excl. Brazil"' });
const MEDIA = text(LINE_MAX, { description: 'a media expression, as in deals: "Theatrical, Free TV", "all rights"' });

export const ContactInput = closed({
  /** Link to an existing person record; the contact's name defaults to the person's. */
  personId: Type.Optional(idOrNull),
  name: Type.Optional(text(NAME_MAX)),
  role: Type.Optional(textOrNull(200)),
  email: Type.Optional(textOrNull(254)),
  phone: Type.Optional(textOrNull(50)),
});
export type ContactInput = Static<typeof ContactInput>;
export const ContactPatch = closed(ContactInput.properties, { minProperties: 1 });
export type ContactPatch = Static<typeof ContactPatch>;

export const BuyerInput = closed({
  /** An existing company; or `company` to create one with the buyer. */
  companyId: Type.Optional(id),
  company: Type.Optional(closed({ name: name(), kind: Type.Optional(oneOf(COMPANY_KINDS)), country: Type.Optional(textOrNull(100)) })),
  kind: oneOf(BUYER_KINDS),
  territories: TERRITORIES,
  media: MEDIA,
  genres: Type.Optional(GENRES),
  locale: Type.Optional(LOCALE),
  notes: Type.Optional(textOrNull(TEXT_MAX)),
  contacts: Type.Optional(list(ContactInput, 100)),
});
export type BuyerInput = Static<typeof BuyerInput>;

export const BuyerPatch = closed(
  {
    kind: Type.Optional(oneOf(BUYER_KINDS)),
    territories: Type.Optional(TERRITORIES),
    media: Type.Optional(MEDIA),
    genres: Type.Optional(GENRES),
    locale: Type.Optional(LOCALE),
    notes: Type.Optional(textOrNull(TEXT_MAX)),
    /** The version read: refused (409) when someone saved in between. */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { minProperties: 1 },
);
export type BuyerPatch = Static<typeof BuyerPatch>;

export const BuyerListQuery = Type.Object({
  q: Type.Optional(text(200)),
  /** Buyers whose territories touch this expression ("Belgium" finds a Benelux buyer). */
  territory: Type.Optional(text(LINE_MAX)),
  media: Type.Optional(text(LINE_MAX)),
  kind: Type.Optional(oneOf(BUYER_KINDS)),
  /** A title id: buyers that bought titles like it, each with why. */
  likeTitle: Type.Optional(id),
  ...paging,
});
export type BuyerListQuery = Static<typeof BuyerListQuery>;

export const BuyerListItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  country: Type.Union([Type.String(), Type.Null()]),
  kind: oneOf(BUYER_KINDS),
  territoryLabel: Type.String(),
  mediaLabel: Type.String(),
  genres: Type.Array(Type.String()),
  contacts: Type.Integer(),
  /** Titles bought from us or (the press says) from others. */
  titlesBought: Type.Integer(),
  /** With `likeTitle`: what the buyer bought that is like it. */
  like: Type.Optional(Type.Object({ score: Type.Number(), reasons: Type.Array(Type.String()) })),
});
export type BuyerListItem = Static<typeof BuyerListItem>;
export const BuyerList = Page(BuyerListItem);
export type BuyerList = Static<typeof BuyerList>;

export const ContactView = Type.Object({
  id: Type.String(),
  person: Type.Union([Ref, Type.Null()]),
  name: Type.String(),
  role: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
});
export type ContactView = Static<typeof ContactView>;

const HistoryDeal = Type.Object({
  contract: Type.Object({ id: Type.String(), ref: Type.String(), status: oneOf(CONTRACT_STATUSES) }),
  titles: Type.Array(Ref),
  /** Signed, else announced, else null. */
  date: Type.Union([Type.String(), Type.Null()]),
  territoryLabel: Type.Union([Type.String(), Type.Null()]),
  mediaLabel: Type.Union([Type.String(), Type.Null()]),
  /** Only for users with the financial-terms permission. */
  mg: Type.Optional(Type.Union([Money, Type.Null()])),
  /** Read from a source (the press, an import) that nobody has reviewed yet (docs/ingest.md, "Review"). */
  notReviewed: Type.Boolean(),
});
export const BuyerHistory = Type.Object({
  /** Our rights-out deals with the buyer. */
  withUs: Type.Array(HistoryDeal),
  /** What the trade press says it bought from others (market intelligence). */
  fromOthers: Type.Array(
    Type.Object({ ...HistoryDeal.properties, seller: Type.Union([Ref, Type.Null()]), sources: Type.Array(Type.String()) }),
  ),
});
export type BuyerHistory = Static<typeof BuyerHistory>;

export const ScreenerView = Type.Object({
  id: Type.String(),
  title: Type.Union([Ref, Type.Null()]),
  url: Type.String(),
  /** Our redirect link, `/s/<token>`: every open is logged. */
  link: Type.String(),
  expiresOn: Type.String(),
  expired: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  /** Times the link was followed before it expired, newest first. */
  opens: Type.Array(Type.String()),
  /** Tries after expiry (refused). */
  refused: Type.Integer(),
});
export type ScreenerView = Static<typeof ScreenerView>;

export const BuyerView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  country: Type.Union([Type.String(), Type.Null()]),
  companyKind: oneOf(COMPANY_KINDS),
  kind: oneOf(BUYER_KINDS),
  territories: Type.String(),
  territoryLabel: Type.String(),
  territoryCodes: Type.Array(Type.String()),
  media: Type.String(),
  mediaLabel: Type.String(),
  genres: Type.Array(Type.String()),
  locale: Type.String(),
  notes: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  contacts: Type.Array(ContactView),
  history: BuyerHistory,
  screeners: Type.Array(ScreenerView),
});
export type BuyerView = Static<typeof BuyerView>;

export const BuyerParams = Type.Object({ id });
export const ContactParams = Type.Object({ id, contactId: id });
export const ScreenerParams = Type.Object({ id, screenerId: id });

export const ScreenerInput = closed({
  titleId: id,
  /** The video host's link (http or https); filmrights never fetches it. */
  url: text(2_000),
  /** Last day the link opens. */
  expiresOn: date,
  note: Type.Optional(textOrNull(LINE_MAX)),
  /** Mark it sent now. */
  sent: Type.Optional(Type.Boolean()),
});
export type ScreenerInput = Static<typeof ScreenerInput>;

export const SHEET_FORMATS = ['json', 'pdf', 'xlsx'] as const;
export const AvailsSheetInput = closed({
  /** The titles on the sheet, in order (a market's line-up, or any list). */
  titleIds: list(id, 500, { minItems: 1 }),
  /** First day of the period asked (default today). */
  start: Type.Optional(date),
  /** Last day (default five years after start, less a day); null: perpetuity. */
  end: Type.Optional(dateOrNull),
  exclusive: Type.Optional(Type.Boolean()),
  format: Type.Optional(oneOf(SHEET_FORMATS)),
});
export type AvailsSheetInput = Static<typeof AvailsSheetInput>;

export const AvailsSheetView = Type.Object({
  buyer: Type.Object({ id: Type.String(), name: Type.String(), locale: Type.String() }),
  start: Type.String(),
  end: Type.Union([Type.String(), Type.Null()]),
  /** The period and the day made, in the buyer's language of dates. */
  period: Type.String(),
  madeOn: Type.String(),
  exclusive: Type.Boolean(),
  territoryLabel: Type.String(),
  mediaLabel: Type.String(),
  titles: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      year: Type.Union([Type.Integer(), Type.Null()]),
      rows: Type.Array(
        Type.Object({ country: Type.String(), countryName: Type.String(), media: Type.String(), status: oneOf(SHEET_STATUSES) }),
      ),
    }),
  ),
});
export type AvailsSheetView = Static<typeof AvailsSheetView>;

/** Any text: a truncated or mistyped link gets the plain "no such link" page, not a JSON error. */
export const ScreenerTokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
/** The sheet as JSON, or as the PDF or XLSX file (`format`). */
export const AvailsSheetAnswer = Type.Union([
  AvailsSheetView,
  Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'the sheet as PDF or XLSX (attachment)' }),
]);
export const BuyerDeleted = Type.Object({ deleted: Type.Object({ companyId: Type.String() }, { additionalProperties: true }) });
