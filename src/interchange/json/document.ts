/**
 * The JSON interchange format `filmrights/1` (docs/json-format.md): the whole
 * record written by hand or by a program, with names instead of ids ("Neon",
 * "One Second", "TIFF 2021"). This module declares the document; the
 * services read it against the database and write it (services/json/).
 */
import { DomainError } from '../../domain/errors.js';
import type { Money } from '../../domain/money/amounts.js';
import type { AliasInput, BlockInput, HoldbackInput, ImportSummary, TitleInput } from '../../contract/index.js';
import type { TermsInput } from '../../contract/money.js';
import type { MarketDoc, OfferDoc } from './marketMode.js';
import type { EditionRef } from './refs.js';
import type {
  CompanyKind,
  ContractDirection,
  ContractStatus,
  CreditRole,
  DatePrecision,
  FestivalKind,
  NegotiatorSide,
  PremiereStatus,
  SelectionSlot,
  SourceKind,
  TitleCompanyRole,
} from '../../store/index.js';

export const FORMAT = 'filmrights/1';

export interface CompanyDoc {
  name: string;
  kind: CompanyKind;
  country?: string | null;
}
export interface PersonDoc {
  name: string;
  sortName?: string | null;
}
export interface CreditDoc {
  role: CreditRole;
  name: string;
  character?: string | null;
}
export interface TitleCompanyDoc {
  role: TitleCompanyRole;
  name: string;
}
/** An alias, as the API takes it (src/contract). */
export type AliasDoc = AliasInput;
/** What the document's title leaves out of the contract's TitleInput: it names the title, its parent and its lists its own way. */
export const TITLE_INPUT_OMITTED = ['originalTitle', 'englishTitle', 'aliases', 'credits', 'companies', 'parentId'] as const;
/** A title's own facts, as manual entry (the contract's TitleInput) and the document give them alike: derived from the contract. */
export type TitleFields = Omit<TitleInput, (typeof TITLE_INPUT_OMITTED)[number]>;
export interface TitleDoc extends TitleFields {
  /** The title as the catalog shows it (the English title when there is one). */
  title: string;
  /** The title as released at home, when it differs ("一秒钟"). */
  originalTitle?: string | null;
  aliases?: Array<string | AliasDoc>;
  credits?: CreditDoc[];
  companies?: TitleCompanyDoc[];
  /** The title it sits under (a season's series, an episode's season), named as the document names titles. */
  parent?: string | null;
}
/** What a block or a holdback of the document leaves out of the contract's BlockInput / HoldbackInput: it names its title instead. */
export const TERMS_INPUT_OMITTED = ['titleId'] as const;
/** A rights block's terms, as manual entry (the contract's BlockInput) and the document give them alike; the title aside. */
export type BlockTerms = Omit<BlockInput, (typeof TERMS_INPUT_OMITTED)[number]>;
export interface BlockDoc extends BlockTerms {
  /** One of the contract's titles; absent: every title of the contract. */
  title?: string;
  /** On a series or season, `covers` and `excludes` name titles under it as the document names titles. */
}
/** A holdback's terms, as manual entry (the contract's HoldbackInput) and the document give them alike; the title aside. */
export type HoldbackTerms = Omit<HoldbackInput, (typeof TERMS_INPUT_OMITTED)[number]>;
export interface HoldbackDoc extends HoldbackTerms {
  title?: string;
}
export interface NegotiatorDoc {
  name: string;
  company?: string | null;
  side: NegotiatorSide;
}
/** An edition: "TIFF 2021", or {festival, year} / {festival, number}. */
export type { EditionRef };
export interface ContractDoc {
  ref: string;
  direction?: ContractDirection;
  status: ContractStatus;
  licensor?: string | null;
  licensee?: string | null;
  salesAgent?: string | null;
  titles: string[];
  blocks?: BlockDoc[];
  holdbacks?: HoldbackDoc[];
  negotiators?: NegotiatorDoc[];
  mg?: Money | null;
  signedOn?: string | null;
  announcedOn?: string | null;
  /** Windows may follow delivery (docs/domain.md). */
  deliveryDate?: string | null;
  edition?: EditionRef | null;
  notes?: string | null;
  /** Why the deal was saved although it conflicts (recorded; lets the import save it). */
  overrideReason?: string | null;
}
export interface SelectionDoc {
  title: string;
  section?: string | null;
  premiereStatus?: PremiereStatus | null;
  slot?: SelectionSlot | null;
  withdrawn?: boolean;
  withdrawalReason?: string | null;
}
export interface AwardDoc {
  name: string;
  title: string;
  person?: string | null;
  tied?: boolean;
  tieGroup?: string | null;
}
export interface EditionDoc {
  number?: number | null;
  year: number;
  start?: string | null;
  end?: string | null;
  sections?: string[];
  selections?: SelectionDoc[];
  awards?: AwardDoc[];
}
export interface FestivalDoc {
  name: string;
  shortName?: string | null;
  aliases?: string[];
  kind?: FestivalKind;
  country?: string | null;
  city?: string | null;
  editions?: EditionDoc[];
}
export interface ReleaseDoc {
  title: string;
  territory: string;
  date?: string | null;
  precision?: DatePrecision;
  distributor?: string | null;
  kind?: string;
}
export interface BoxOfficeDoc {
  title: string;
  territory?: string | null;
  amount: string;
  currency: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  asOf?: string | null;
  cumulative?: boolean;
}

export const FACT_KINDS = [
  'title',
  'alias',
  'person',
  'company',
  'credit',
  'titleCompany',
  'contract',
  'festival',
  'edition',
  'selection',
  'award',
  'release',
  'boxOffice',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];
/** Which fact a text span states, by names (only the keys its kind needs). */
export interface FactDoc {
  fact: FactKind;
  title?: string;
  alias?: string;
  name?: string;
  role?: string;
  company?: string;
  ref?: string;
  festival?: string;
  year?: number;
  award?: string;
  territory?: string | null;
  quote?: string | null;
  /** [start, end) character offsets into the source text; found from the quote when absent. */
  span?: [number, number] | null;
  reviewed?: boolean;
  accepted?: boolean;
}
/** A source (article, press release, document), as manual entry (services' SourceInput) and the document give it alike. */
export interface SourceFields {
  kind?: SourceKind;
  outlet?: string | null;
  publishedOn?: string | null;
  url?: string | null;
  /** A file the text is read from (relative to the document) when `text` is absent. */
  file?: string | null;
  title?: string | null;
  text?: string | null;
}
export interface SourceDoc extends SourceFields {
  facts?: FactDoc[];
}

/** A buyer's contact (docs/market.md): `person` links a person on file (created when new). */
export interface BuyerContactDoc {
  name: string;
  person?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
}
/** A company's buyer profile (docs/market.md); screener links are not carried (their tokens are secrets). */
export interface BuyerDoc {
  company: string;
  kind: string;
  territories: string;
  media: string;
  genres?: string[];
  locale?: string;
  notes?: string | null;
  contacts?: BuyerContactDoc[];
}

export interface InterchangeDocument {
  /** A JSON Schema for the editor the document is written in; not read. */
  $schema?: string;
  /** What the document is, for whoever reads it; not read. */
  about?: unknown;
  format?: string;
  /** The company running the install: makes contracts rights-in or rights-out. */
  we?: string | null;
  companies?: CompanyDoc[];
  people?: PersonDoc[];
  titles?: TitleDoc[];
  contracts?: ContractDoc[];
  festivals?: FestivalDoc[];
  releases?: ReleaseDoc[];
  boxOffice?: BoxOfficeDoc[];
  sources?: SourceDoc[];
  buyers?: BuyerDoc[];
  /** The money after the deal (docs/money.md): only users with the financial-terms permission export or import it. */
  accounts?: AccountsDoc;
  /** The market side of festival editions (docs/market-days.md): line-up, screenings, meetings, follow-up tasks. */
  markets?: MarketDoc[];
  /** Buyers' offers with every version and their status history (docs/offers.md); money only for the financial-terms permission. */
  offers?: OfferDoc[];
}

/** A ledger entry: money received, spent or paid on a day. Amounts are decimal text ("1500000.00"). */
export interface MoneyEntryDoc {
  on: string;
  amount: string;
  currency: string;
  note?: string | null;
}
export interface RevenueRowDoc {
  /** The row's number in the report as it was recorded. */
  row?: number;
  period: string;
  title: string;
  territory: string;
  media: string;
  gross: string;
  currency: string;
  units?: number | null;
}
/** An issued statement, frozen: its body is the statement exactly as issued (without the database's contract id). */
export interface StatementDoc {
  number: number;
  period: string;
  /** The number of the statement it corrects. */
  corrects?: number | null;
  issuedAt: string;
  /** The username of who issued it, when that user exists where it is imported. */
  issuedBy?: string | null;
  body: Record<string, unknown>;
}
/** One contract's accounts: its financial terms (as PUT /api/contracts/:id/terms takes them) and its ledger. */
export interface ContractAccountsDoc {
  /** The contract's ref, in this document or in the database. */
  contract: string;
  terms?: (Omit<TermsInput, 'version' | 'fees'> & { fees?: TermsInput['fees'] }) | null;
  receipts?: Array<MoneyEntryDoc & { kind?: 'instalment' | 'overage' | 'other' }>;
  expenses?: Array<MoneyEntryDoc & { category: string; recoupable?: boolean }>;
  payments?: MoneyEntryDoc[];
  revenueReports?: Array<{ report: string; rows: RevenueRowDoc[] }>;
  statements?: StatementDoc[];
}
export interface AccountsDoc {
  /** The user's exchange rates: 1 `from` = `rate` `to`, for a period. */
  exchangeRates?: Array<{ period: string; from: string; to: string; rate: string }>;
  contracts?: ContractAccountsDoc[];
}

export interface ImportIssue {
  field: string;
  message: string;
  suggestions: string[];
}

/** The document was refused as a whole; nothing was written. `issues` lists every error found. */
/** How many problems a refusal lists, and how long each may be: a hostile document's answer stays small. */
export const MAX_LISTED_ISSUES = 100;
const MAX_ISSUE_CHARS = 300;
const clip = (s: string) => (s.length > MAX_ISSUE_CHARS ? `${s.slice(0, MAX_ISSUE_CHARS - 1)}…` : s);

/** The problems a refusal lists: the first hundred, each at most 300 characters, and how many more there are. */
function listed(all: ImportIssue[]): ImportIssue[] {
  const first = all.slice(0, MAX_LISTED_ISSUES).map((i) => ({
    field: clip(i.field),
    message: clip(i.message),
    suggestions: i.suggestions.slice(0, 5).map(clip),
  }));
  const more = all.length - first.length;
  if (more > 0)
    first.push({
      field: 'document',
      message: `document: and ${more.toLocaleString('en-US')} more problems (the first ${MAX_LISTED_ISSUES} are listed); nothing was imported`,
      suggestions: [],
    });
  return first;
}

export class ImportError extends DomainError {
  readonly issues: ImportIssue[];
  constructor(all: ImportIssue[]) {
    const issues = listed(all);
    super(
      'invalid-document',
      issues[0]?.field ?? 'document',
      null,
      issues.length === 1
        ? issues[0].message
        : `${all.length} errors, nothing was imported:\n${issues.map((i) => `  ${i.message}`).join('\n')}`,
      issues[0]?.suggestions ?? [],
    );
    this.issues = issues;
    this.name = 'ImportError';
  }
}

/** How many records of each kind a document wrote (declared in src/contract: the API answers it). */
export type { ImportSummary };

export interface ImportOptions {
  /** Where `sources[].file` paths are read from (the document's folder). Without it, a source needs its `text`. */
  baseDir?: string;
}
