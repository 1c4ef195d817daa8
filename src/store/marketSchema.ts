/**
 * Market mode's tables (docs/market.md, docs/offers.md): buyers and their contacts, screener
 * links, offers with their versions and status history, the expiry of holds, and the market
 * side of a festival edition (line-up, screenings, meetings, follow-up tasks; docs/market-days.md). `Database` in
 * schema.ts extends `MarketTables`.
 */
import type { ColumnType } from 'kysely';
import type { BuyerKind } from '../domain/buyers.js';
import type { CreatedAt, Flag, FlagWithDefault, IsoDate, IsoTimestamp, JsonListWithDefault } from './columns.js';
import type { JsonText } from './json.js';

export type { BuyerKind };

// 0008_offers: offers and negotiation (market mode), and the expiry of holds.
export type OfferStatus = 'new' | 'in-negotiation' | 'accepted' | 'on-signature' | 'signed' | 'declined' | 'withdrawn' | 'expired';

export interface OffersTable {
  id: string;
  /** Human reference, "O-1A2B3C4D". */
  ref: string;
  /** The buyer: a company. */
  buyer_id: string;
  /** The market (festival edition) where the offer was made. */
  edition_id: string | null;
  status: OfferStatus;
  /** The version in force (the latest). */
  current_version: ColumnType<number, number | undefined, number>;
  /** The contract the offer became: the hold once accepted, the signed rights-out once signed. */
  contract_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface OfferVersionsTable {
  offer_id: string;
  version: number;
  /** The terms but money (src/domain/offers.ts OfferTerms), as JSON. */
  terms: JsonText<unknown>;
  /** Minimum guarantee in minor units of `mg_currency`. Financial. */
  mg_amount: number | null;
  mg_currency: string | null;
  /** Instalments (label, share, due), as JSON. Financial. */
  payment_schedule: JsonText<unknown> | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface OfferTitlesTable {
  offer_id: string;
  title_id: string;
}

export interface OfferEventsTable {
  offer_id: string;
  seq: number;
  from_status: OfferStatus | null;
  to_status: OfferStatus;
  version: number;
  user_id: string | null;
  username: string;
  at: CreatedAt;
  note: string | null;
}

/** A hold (rights-out in negotiation) that lapses: after `expires_on` it no longer counts. */
export interface HoldExpiriesTable {
  contract_id: string;
  expires_on: IsoDate;
}

// ------------------------------------------------------------------ buyers (migration 0006_buyers; docs/market.md)

/** A company's buyer profile: what it buys, where, and in which language its dates are written. */
export interface BuyersTable {
  company_id: string;
  kind: BuyerKind;
  /** The territory expression as written ("Benelux, France") and its parsed set. */
  territories: string;
  territory_codes: JsonText<string[]>;
  /** The media expression as written ("Theatrical, Free TV") and its parsed leaves. */
  media: string;
  media_ids: JsonText<string[]>;
  genres: JsonListWithDefault<string>;
  /** BCP 47 tag the buyer's dates are written in on its sheets ("fr-FR"). */
  locale: ColumnType<string, string | undefined, string>;
  notes: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface BuyerContactsTable {
  id: string;
  buyer_id: string;
  /** The person record this contact is, when linked. */
  person_id: string | null;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  created_at: CreatedAt;
}

/** A screener link sent to a buyer: the video host's URL behind our own `/s/<token>` redirect. */
export interface ScreenersTable {
  id: string;
  buyer_id: string;
  title_id: string | null;
  url: string;
  /** 32 random bytes, base64url: the redirect link's secret. */
  token: string;
  /** Last day the link opens (inclusive). */
  expires_on: IsoDate;
  note: string | null;
  sent_at: IsoTimestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ScreenerOpensTable {
  id: string;
  screener_id: string;
  opened_at: IsoTimestamp;
  /** 1: the link was opened after it expired and was refused. */
  refused: FlagWithDefault;
}

// ---------------------------------------------------------------- market days (0007_market)
// The market side of a festival edition (docs/market-days.md). Times are UTC instants to the minute.

export type LineupStatus = 'completed' | 'post-production' | 'pre-sale' | 'in-development';

export interface MarketsTable {
  id: string;
  /** One market per festival edition (the Marché du Film of Cannes 2026). */
  edition_id: string;
  name: string;
  /** IANA time zone, e.g. "Europe/Paris". */
  time_zone: string;
  start_date: IsoDate;
  end_date: IsoDate;
  created_at: CreatedAt;
}

export interface MarketLineupTable {
  market_id: string;
  title_id: string;
  status: LineupStatus;
  position: number;
  /** A one-line pitch for this market; null = the title's synopsis. */
  logline: string | null;
}

export interface MarketScreeningsTable {
  id: string;
  market_id: string;
  title_id: string;
  /** UTC instant, e.g. '2026-05-15T08:00:00Z'. */
  starts_at: string;
  ends_at: string;
  venue: string;
  notes: string | null;
}

export interface ScreeningBuyersTable {
  screening_id: string;
  company_id: string;
  /** null = not yet known. */
  attended: Flag | null;
}

/** Our people at a screening or a meeting: a user or a person (exactly one). */
export interface EventPeopleColumns {
  position: number;
  user_id: string | null;
  person_id: string | null;
}
export interface ScreeningPeopleTable extends EventPeopleColumns {
  screening_id: string;
}
export interface MeetingPeopleTable extends EventPeopleColumns {
  meeting_id: string;
}

export interface MarketMeetingsTable {
  id: string;
  market_id: string;
  /** The buyer. */
  company_id: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  notes: string | null;
  next_step: string | null;
  ics_uid: string | null;
  created_at: CreatedAt;
}

export interface MeetingTitlesTable {
  meeting_id: string;
  title_id: string;
}

export interface MarketTasksTable {
  id: string;
  market_id: string;
  due_on: IsoDate;
  owner_id: string;
  text: string;
  meeting_id: string | null;
  company_id: string | null;
  done: FlagWithDefault;
  created_at: CreatedAt;
  /** 0011_market_more: the offer the task answers. */
  offer_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Market mode's tables, by name. */
export interface MarketTables {
  offers: OffersTable;
  offer_versions: OfferVersionsTable;
  offer_titles: OfferTitlesTable;
  offer_events: OfferEventsTable;
  hold_expiries: HoldExpiriesTable;
  buyers: BuyersTable;
  buyer_contacts: BuyerContactsTable;
  screeners: ScreenersTable;
  screener_opens: ScreenerOpensTable;
  markets: MarketsTable;
  market_lineup: MarketLineupTable;
  market_screenings: MarketScreeningsTable;
  screening_buyers: ScreeningBuyersTable;
  screening_people: ScreeningPeopleTable;
  market_meetings: MarketMeetingsTable;
  meeting_people: MeetingPeopleTable;
  meeting_titles: MeetingTitlesTable;
  market_tasks: MarketTasksTable;
}
