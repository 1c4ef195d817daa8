/**
 * The Kysely `Database` interface: one table interface per table, named as the
 * film business names things. The same schema exists on SQLite and PostgreSQL
 * (see migrations/), so every type here is portable:
 *
 * - ids are `text` (a UUID from `newId()` or a short readable ref from the caller);
 * - money is `bigint` in minor units (cents), read and written as a JS `number`
 *   that must be a safe integer (see `minorUnits()` in values.ts);
 * - contract dates are `text` 'YYYY-MM-DD'; timestamps are `text` ISO 8601 UTC;
 * - JSON columns are `text` typed as `JsonText<T>` (see json.ts);
 * - booleans are `integer` 0/1 on both databases, typed as `Flag` (see values.ts).
 *
 * docs/store.md explains every table in the trade's words.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FactType, Span } from '../domain/articleFacts.js';
import type { SeriesStatus, TitleKind } from '../domain/series.js';
import type { JsonText } from './json.js';
import type {
  ProductionStatus,
  CompanyKind,
  CreditRole,
  TitleCompanyRole,
  ContractDirection,
  ContractStatus,
  NegotiatorSide,
  FestivalKind,
  PremiereStatus,
  SelectionSlot,
  DatePrecision,
  SourceKind,
  UserRole,
  TokenScope,
  ArticleFactStatus,
} from '../domain/vocabulary.js';

export type { Flag, IsoDate, IsoTimestamp, CreatedAt, FlagWithDefault, JsonListWithDefault } from './columns.js';
import type { Flag, IsoDate, IsoTimestamp, CreatedAt, FlagWithDefault, JsonListWithDefault } from './columns.js';
import type { MarketTables } from './marketSchema.js';
export type * from './marketSchema.js';

// ---------------------------------------------------------------- vocabularies
// Each is enforced by a CHECK constraint in the migrations; the lists live in the domain (one place).

export {
  PRODUCTION_STATUSES,
  COMPANY_KINDS,
  CREDIT_ROLES,
  TITLE_COMPANY_ROLES,
  CONTRACT_DIRECTIONS,
  CONTRACT_STATUSES,
  NEGOTIATOR_SIDES,
  FESTIVAL_KINDS,
  PREMIERE_STATUSES,
  SELECTION_SLOTS,
  DATE_PRECISIONS,
  SOURCE_KINDS,
  USER_ROLES,
  TOKEN_SCOPES,
} from '../domain/vocabulary.js';
export type {
  ProductionStatus,
  CompanyKind,
  CreditRole,
  TitleCompanyRole,
  ContractDirection,
  ContractStatus,
  NegotiatorSide,
  FestivalKind,
  PremiereStatus,
  SelectionSlot,
  DatePrecision,
  SourceKind,
  UserRole,
  TokenScope,
  ArticleFactStatus,
} from '../domain/vocabulary.js';

// ---------------------------------------------------------------- catalog

export interface TitlesTable {
  id: string;
  original_title: string;
  english_title: string | null;
  year: number | null;
  /** ISO 3166-1 alpha-2 production countries. */
  countries: JsonListWithDefault<string>;
  /** BCP 47 original languages. */
  languages: JsonListWithDefault<string>;
  runtime_minutes: number | null;
  synopsis: string | null;
  /** e.g. "novel", "short story", "original". */
  source_material: string | null;
  /** e.g. the novel's title and author. */
  source_material_note: string | null;
  production_status: ProductionStatus | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  /** Series, seasons and episodes (0009_series, docs/domain.md). */
  kind: ColumnType<TitleKind, TitleKind | undefined, TitleKind>;
  /** The title it sits under: a season's series, an episode's season. */
  parent_id: string | null;
  /** A season's number in its series, an episode's in its season. */
  number: number | null;
  season_count: number | null;
  episode_count: number | null;
  /** 1: the counts are final; 0: estimated. */
  counts_final: FlagWithDefault;
  series_status: SeriesStatus | null;
}

export interface TitleAliasesTable {
  id: string;
  title_id: string;
  alias: string;
  /** BCP 47 language of the alias, if known. */
  language: string | null;
  /** e.g. "working title", "festival title", "U.S. title". */
  kind: string | null;
}

export interface PeopleTable {
  id: string;
  name: string;
  /** How the name sorts, e.g. "Zhang Yimou" keeps family-name-first order. */
  sort_name: string | null;
}

export interface CompaniesTable {
  id: string;
  name: string;
  kind: CompanyKind;
  /** ISO 3166-1 alpha-2 home country. */
  country: string | null;
}

export interface CreditsTable {
  id: string;
  title_id: string;
  person_id: string;
  role: CreditRole;
  /** Cast only: the character played. */
  character: string | null;
  /** Billing order within the role, 0 first. */
  position: ColumnType<number, number | undefined, number>;
}

export interface TitleCompaniesTable {
  title_id: string;
  company_id: string;
  role: TitleCompanyRole;
}

// ---------------------------------------------------------------- deals and rights

export interface ContractsTable {
  id: string;
  /** Unique human reference, e.g. "NEON-ONE-SECOND-NA". */
  ref: string;
  direction: ContractDirection;
  /** Null when not known (market intelligence from the press). */
  licensor_id: string | null;
  licensee_id: string | null;
  sales_agent_id: string | null;
  status: ContractStatus;
  signed_on: IsoDate | null;
  announced_on: IsoDate | null;
  /** The festival or market edition where the deal was made or announced. */
  edition_id: string | null;
  /** Minimum guarantee in minor units of `mg_currency`. */
  mg_amount: number | null;
  /** ISO 4217. */
  mg_currency: string | null;
  notes: string | null;
  /** Why a conflicting deal was saved anyway (recorded on override). */
  override_reason: string | null;
  /** The delivery date, an event windows may follow (0010_windows). */
  delivery_date: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  /** Bumped on every update, for optimistic checks. Starts at 1. */
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  /** Soft delete. */
  deleted_at: IsoTimestamp | null;
}

export interface ContractTitlesTable {
  contract_id: string;
  title_id: string;
}

export interface RightsBlocksTable extends ConditionColumns {
  id: string;
  contract_id: string;
  /** Must also be on the contract (contract_titles): enforced by a foreign key. */
  title_id: string;
  /** The territory expression as written, e.g. "Worldwide excluding China". */
  territories: string;
  /** The parsed set: ISO 3166-1 alpha-2 codes. */
  territory_codes: JsonText<string[]>;
  /** The media expression as written, e.g. "all rights", "SVOD". */
  media: string;
  /** The parsed set: media leaf ids. */
  media_ids: JsonText<string[]>;
  /** BCP 47 codes; null = all languages. */
  languages: JsonText<string[]> | null;
  /** First day, inclusive. Null = not stated (e.g. a deal reported in the press). */
  start_date: IsoDate | null;
  /** Last day, inclusive. Null = perpetuity, unless term_reported is 0. */
  end_date: IsoDate | null;
  /**
   * 0 = the source does not report the term (a press deal, 0012_term_reported): the end is
   * unknown, not perpetuity, and availability treats it as undated. An end date makes it 1.
   */
  term_reported: FlagWithDefault;
  exclusive: Flag;
  notes: string | null;
  /** On a series or season: 1 = reaches titles added later too (0009_series). */
  includes_future: FlagWithDefault;
  /** With includes_future 0: the title ids it covers under its own. */
  covers_titles: JsonText<string[]> | null;
  /** Title ids under its own that it leaves out, each with everything under it. */
  excludes_titles: JsonText<string[]> | null;
}

/** A condition instead of a date at one end of a term (0010_windows; all null: the date column applies). */
type MaybeText = ColumnType<string | null, string | null | undefined, string | null>;
type MaybeInt = ColumnType<number | null, number | null | undefined, number | null>;
export interface ConditionColumns {
  start_event: MaybeText;
  start_territory: MaybeText;
  start_media: MaybeText;
  start_offset: MaybeInt;
  start_unit: MaybeText;
  end_event: MaybeText;
  end_territory: MaybeText;
  end_media: MaybeText;
  end_offset: MaybeInt;
  end_unit: MaybeText;
}

export interface HoldbacksTable extends ConditionColumns {
  id: string;
  contract_id: string;
  title_id: string;
  territories: string;
  territory_codes: JsonText<string[]>;
  media: string;
  media_ids: JsonText<string[]>;
  start_date: IsoDate | null;
  /** Last day of the holdback, inclusive. Null = not yet known (e.g. relative to a release not yet dated). */
  end_date: IsoDate | null;
  /** e.g. "no SVOD until 18 months after U.S. theatrical release". */
  description: string;
}

export interface NegotiatorsTable {
  contract_id: string;
  person_id: string;
  company_id: string | null;
  side: NegotiatorSide;
}

// ---------------------------------------------------------------- festivals and markets

export interface FestivalsTable {
  id: string;
  name: string;
  short_name: string | null;
  /** Other names, e.g. ["Berlinale", "Berlin International Film Festival"]. */
  aliases: JsonListWithDefault<string>;
  kind: FestivalKind;
  country: string | null;
  city: string | null;
}

export interface FestivalEditionsTable {
  id: string;
  festival_id: string;
  /** Ordinal, e.g. 69 for the 69th Berlinale. */
  number: number | null;
  year: number;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
}

export interface SectionsTable {
  id: string;
  edition_id: string;
  /** e.g. "Competition", "Un Certain Regard", "Special Presentations". */
  name: string;
}

export interface SelectionsTable {
  id: string;
  edition_id: string;
  section_id: string | null;
  title_id: string;
  premiere_status: PremiereStatus | null;
  slot: SelectionSlot | null;
  withdrawn: FlagWithDefault;
  withdrawal_reason: string | null;
}

export interface AwardsTable {
  id: string;
  edition_id: string;
  /** e.g. "Palme d'Or", "Jury Prize". */
  name: string;
  title_id: string;
  person_id: string | null;
  /** Shared with another winner ("tied for the Jury Prize"). */
  tied: FlagWithDefault;
  /** Winners of one tied award share a tie_group. */
  tie_group: string | null;
}

// ---------------------------------------------------------------- releases and box office

export interface ReleasesTable {
  id: string;
  title_id: string;
  /** ISO 3166-1 alpha-2. */
  territory: string;
  release_date: IsoDate | null;
  /** 'month' for "opened in November 2020" (release_date is then the 1st). */
  date_precision: ColumnType<DatePrecision, DatePrecision | undefined, DatePrecision>;
  distributor_id: string | null;
  /** e.g. "theatrical", "streaming", "tv", "festival". */
  kind: string;
}

export interface BoxOfficeTable {
  id: string;
  title_id: string;
  /** ISO 3166-1 alpha-2; null = worldwide. */
  territory: string | null;
  /** Minor units of `currency`. */
  amount: number;
  /** ISO 4217. */
  currency: string;
  period_start: IsoDate | null;
  period_end: IsoDate | null;
  as_of: IsoDate | null;
  /** 1 = to date (cumulative), 0 = for the period only. */
  is_cumulative: Flag;
}

// ---------------------------------------------------------------- provenance

export interface SourcesTable {
  id: string;
  kind: SourceKind;
  /** e.g. "Variety", "Deadline". */
  outlet: string | null;
  published_on: IsoDate | null;
  url: string | null;
  file: string | null;
  title: string | null;
  /** The article text; fact_sources spans index into it. */
  text: string | null;
  created_at: CreatedAt;
}

export interface FactSourcesTable {
  id: string;
  source_id: string;
  /** The table of the fact, e.g. "contracts", "awards". */
  fact_table: string;
  fact_id: string;
  /** Character offsets into sources.text, [start, end). */
  span_start: number | null;
  span_end: number | null;
  quote: string | null;
  reviewed: FlagWithDefault;
  reviewed_by: string | null;
  /** Which of several disagreeing sources is accepted. */
  accepted: FlagWithDefault;
}

// ---------------------------------------------------------------- users and settings

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: UserRole;
  can_see_financials: FlagWithDefault;
  created_at: CreatedAt;
  disabled: FlagWithDefault;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  scope: TokenScope;
  /** A label the user gave the token. */
  name: string | null;
  created_at: CreatedAt;
  revoked_at: IsoTimestamp | null;
  /** After this moment the token is refused (set for every token made since 0004). */
  expires_at: IsoTimestamp | null;
}

export interface SessionsTable {
  /** The hash of the session token. */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: IsoTimestamp;
}

export interface SettingsTable {
  /** e.g. "we_company_id". */
  key: string;
  value: JsonText<unknown>;
}

export interface AuditLogTable {
  /** Integer identity on both databases (SQLite rowid / PostgreSQL bigint identity). */
  id: Generated<number>;
  at: CreatedAt;
  /** Not a foreign key: the log outlives users. */
  user_id: string | null;
  /** e.g. "create", "update", "delete", "override". */
  action: string;
  /** The table, e.g. "contracts". */
  entity: string;
  entity_id: string;
  before: JsonText<unknown> | null;
  after: JsonText<unknown> | null;
  reason: string | null;
}

/** One row per title whose rights changed, in the transaction of the change (the feed other servers read). */
export interface RightsChangesTable {
  seq: Generated<number>;
  title_id: string;
  at: CreatedAt;
}

/** The database's identity: one row, a random id made with the schema (migration 0013). */
export interface DatabaseIdentityTable {
  id: string;
  created_at: CreatedAt;
}

// ------------------------------------------------------------------ ingestion (migration 0003_articles)

export interface ArticlesTable {
  id: string;
  source_id: string;
  content_hash: string;
  url: string | null;
  outlet: string | null;
  published_on: string | null;
  title: string | null;
  title_spans: JsonText<Span[]>;
  created_by: string | null;
  created_at: string;
}

export interface ArticleFactsTable {
  id: string;
  article_id: string;
  position: number;
  type: FactType;
  fact_key: string;
  fields: JsonText<Record<string, unknown>>;
  confidence: number;
  span_start: number;
  span_end: number;
  spans: JsonText<Span[]>;
  status: ArticleFactStatus;
  written: JsonText<WrittenFact> | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** A sentence the review listed as not read, checked by a person: nothing to add (migration 0014). */
export interface ArticleSentenceChecksTable {
  article_id: string;
  span_start: number;
  span_end: number;
  checked_by: string | null;
  checked_at: CreatedAt;
}

export interface FeedsTable {
  id: string;
  url: string;
  name: string | null;
  outlet: string | null;
  interval_minutes: number;
  last_polled_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface FeedItemsTable {
  id: string;
  feed_id: string;
  guid: string;
  link: string | null;
  title: string | null;
  published_on: string | null;
  status: 'queued' | 'ingested' | 'failed' | 'skipped';
  article_id: string | null;
  error: string | null;
  created_at: string;
}

/** What accepting an article fact wrote: the record (its table and id) and the fact_sources row tying it to the article. */
export interface WrittenFact {
  table: string;
  id: string;
  /** The fact_sources row tying it to this article. */
  linkId: string | null;
  /** True when the record existed (from another source) and only gained this one. */
  existed: boolean;
}

// ---------------------------------------------------------------- money after the deal (0005)
// Every table below is confidential: only users with the financial-terms permission read or write it.

export type TermsKind = 'licence' | 'mandate';
export type ReportingFrequency = 'quarterly' | 'semi-annual' | 'annual';
export type DealEventName = 'signature' | 'delivery' | 'first-release';
export type ReceiptKind = 'instalment' | 'overage' | 'other';

/** A contract's financial terms: what its statements are computed from. */
export interface ContractTermsTable {
  contract_id: string;
  /** licence: the licensee reports to the licensor; mandate: the sales agent reports to the producer. */
  kind: TermsKind;
  /** The currency the statements are in (ISO 4217); other money converts at the period's exchange rate. */
  currency: string;
  /** Minor units; null = no cap. */
  expense_cap: number | null;
  /** A decimal fraction ("0.1"); null = no reserve. */
  reserve_rate: string | null;
  reserve_release_after: number | null;
  /** The reporter's share of overages ("0.5"); null = all to the licensor or producer. */
  reporter_overage_share: string | null;
  frequency: ReportingFrequency;
  /** Reporting becomes annual after this many years; null = never. */
  annual_after_years: number | null;
  /** Days after a period ends by which its statement is due. */
  statement_due_days: ColumnType<number, number | undefined, number>;
  /** The first day of the first reporting period (the signature, or the start of the term). */
  reporting_from: IsoDate;
  /** Contracts with the same pool are cross-collateralised: one waterfall for them all. */
  pool: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_at: CreatedAt;
}

/** A fee (licence) or commission (mandate) rule; the first rule, by position, that covers a receipt applies. */
export interface FeeRulesTable {
  contract_id: string;
  position: number;
  /** A media expression ("Theatrical"); null = any media. */
  media: string | null;
  /** A territory expression ("North America"); null = anywhere. */
  territories: string | null;
  rate: string;
  label: string;
}

export interface ExpenseCapsTable {
  contract_id: string;
  category: string;
  cap: number;
}

export interface InstalmentsTable {
  contract_id: string;
  position: number;
  label: string;
  /** A share of the minimum guarantee ("0.2"), or `amount`. */
  rate: string | null;
  amount: number | null;
  /** Due on a day, or on an event plus `due_days`. */
  due_on: IsoDate | null;
  due_event: DealEventName | null;
  due_days: number | null;
}

export interface DealEventsTable {
  contract_id: string;
  event: DealEventName;
  happened_on: IsoDate;
}

/** Money collected under a contract (an MG instalment, overages). */
export interface ReceiptsTable {
  id: string;
  contract_id: string;
  received_on: IsoDate;
  amount: number;
  currency: string;
  kind: ReceiptKind;
  note: string | null;
  created_at: CreatedAt;
}

/** Money spent on a title that the contract's waterfall may recoup. */
export interface ExpensesTable {
  id: string;
  contract_id: string;
  spent_on: IsoDate;
  category: string;
  amount: number;
  currency: string;
  recoupable: FlagWithDefault;
  note: string | null;
  created_at: CreatedAt;
}

/** Money paid to the party the contract's statements are for (the licensor, the producer). */
export interface PaymentsTable {
  id: string;
  contract_id: string;
  paid_on: IsoDate;
  amount: number;
  currency: string;
  note: string | null;
  created_at: CreatedAt;
}

/** A line of a licensee's revenue report: gross receipts of one title, territory and media in a period. */
export interface RevenueLinesTable {
  id: string;
  contract_id: string;
  /** The report it came from (its file name or the user's label). */
  report: string;
  row: number;
  /** "2021-Q4". */
  period: string;
  title_id: string;
  /** A territory expression as reported ("United States"). */
  territory: string;
  /** A media expression as reported ("SVOD"). */
  media: string;
  gross: number;
  currency: string;
  units: number | null;
  created_at: CreatedAt;
}

export interface ExchangeRatesTable {
  period: string;
  from_currency: string;
  to_currency: string;
  /** Units of `to_currency` for one of `from_currency`, as exact decimal text. */
  rate: string;
}

/** An issued statement: frozen (its body is the statement as sent), numbered, never changed. */
export interface StatementsTable {
  id: string;
  number: number;
  contract_id: string;
  period: string;
  currency: string;
  due: number;
  due_on: IsoDate;
  body: JsonText<unknown>;
  /** The statement this one corrects. */
  corrects_id: string | null;
  issued_by: string | null;
  issued_at: CreatedAt;
}

/** Every table; market mode's tables are in marketSchema.ts. */
export interface Database extends MarketTables {
  titles: TitlesTable;
  title_aliases: TitleAliasesTable;
  people: PeopleTable;
  companies: CompaniesTable;
  credits: CreditsTable;
  title_companies: TitleCompaniesTable;
  contracts: ContractsTable;
  contract_titles: ContractTitlesTable;
  rights_blocks: RightsBlocksTable;
  holdbacks: HoldbacksTable;
  negotiators: NegotiatorsTable;
  festivals: FestivalsTable;
  festival_editions: FestivalEditionsTable;
  sections: SectionsTable;
  selections: SelectionsTable;
  awards: AwardsTable;
  releases: ReleasesTable;
  box_office: BoxOfficeTable;
  sources: SourcesTable;
  fact_sources: FactSourcesTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  rights_changes: RightsChangesTable;
  database_identity: DatabaseIdentityTable;
  articles: ArticlesTable;
  article_facts: ArticleFactsTable;
  article_sentence_checks: ArticleSentenceChecksTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;

  contract_terms: ContractTermsTable;
  fee_rules: FeeRulesTable;
  expense_caps: ExpenseCapsTable;
  instalments: InstalmentsTable;
  deal_events: DealEventsTable;
  receipts: ReceiptsTable;
  expenses: ExpensesTable;
  payments: PaymentsTable;
  revenue_lines: RevenueLinesTable;
  exchange_rates: ExchangeRatesTable;
  statements: StatementsTable;
}

export type TableName = keyof Database;

// Row types for the services: what a select returns, what an insert takes, what an update takes.
export type Title = Selectable<TitlesTable>;
export type NewTitle = Insertable<TitlesTable>;
export type TitleUpdate = Updateable<TitlesTable>;
export type Contract = Selectable<ContractsTable>;
export type NewContract = Insertable<ContractsTable>;
export type ContractUpdate = Updateable<ContractsTable>;
export type RightsBlockRow = Selectable<RightsBlocksTable>;
export type NewRightsBlock = Insertable<RightsBlocksTable>;
export type HoldbackRow = Selectable<HoldbacksTable>;
export type NewHoldback = Insertable<HoldbacksTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
