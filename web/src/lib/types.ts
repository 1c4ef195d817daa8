/** The shapes of docs/api.md, as the web app reads them. */

export type Role = 'admin' | 'editor' | 'viewer';
export interface User {
  id: string;
  username: string;
  role: Role;
  canSeeFinancials: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Ref {
  id: string;
  name: string;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  field?: string;
  value?: unknown;
  suggestions?: string[];
  conflicts?: ConflictReport;
}

export interface TerritorySuggestion {
  name: string;
  kind: 'group' | 'country';
  codes: string[];
}

export interface MediaNode {
  id: string;
  name: string;
  aliases?: string[];
  children?: MediaNode[];
}

export interface Country {
  code: string;
  name: string;
}

export type ProductionStatus = 'development' | 'production' | 'wrapped' | 'released';

export interface TitleSummary {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  productionStatus: ProductionStatus | null;
  directors: string[];
}

export type ContractStatus = 'draft' | 'offer' | 'negotiating' | 'signed' | 'announced' | 'rejected' | 'expired' | 'terminated';
export const CONTRACT_STATUSES: ContractStatus[] = [
  'draft',
  'offer',
  'negotiating',
  'signed',
  'announced',
  'rejected',
  'expired',
  'terminated',
];
export type Direction = 'in' | 'out' | 'third-party';

export interface Block {
  id?: string;
  titleId: string;
  territories: string;
  territoryCodes: string[];
  territoryLabel?: string;
  media: string;
  mediaIds: string[];
  mediaLabel?: string;
  languages: string[] | null;
  start: string | null;
  end: string | null;
  exclusive: boolean;
}

export interface Holdback {
  id?: string;
  titleId?: string;
  territories: string;
  territoryCodes?: string[];
  media: string;
  mediaIds?: string[];
  start: string | null;
  end: string | null;
  description: string;
}

export interface Negotiator {
  person: Ref;
  company: Ref | null;
  side: 'licensor' | 'licensee';
}

export interface Contract {
  id: string;
  ref: string;
  direction: Direction;
  status: ContractStatus;
  licensor: Ref | null;
  licensee: Ref | null;
  salesAgent: Ref | null;
  titles: Ref[];
  blocks?: Block[];
  holdbacks?: Holdback[];
  negotiators?: Negotiator[];
  mg?: Money | null;
  signedOn: string | null;
  announcedOn: string | null;
  editionId: string | null;
  notes: string | null;
  overrideReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Summaries may add a one-line rights description. */
  territoryLabel?: string;
  mediaLabel?: string;
}

export interface Reason {
  code: string;
  contracts: string[];
  message: string;
  /** The deals behind it: id (for /deals/:id), parties, end of the term (null: perpetuity; absent: not known). */
  deals?: ReasonDeal[];
}

export interface ReasonDeal {
  ref: string;
  id: string | null;
  licensor: string | null;
  licensee: string | null;
  end?: string | null;
}

export type AvailStatus = 'available' | 'unavailable' | 'on-hold';

export interface AvailRow {
  titles: string[];
  titleIds: string[];
  territories: string[];
  territoryLabel: string;
  media: string[];
  mediaLabel: string;
  languages: string[] | null;
  languagesExcept: string[];
  languageLabel: string;
  start: string | null;
  end: string | null;
  status: AvailStatus;
  reasons: Reason[];
}

export type NotShownReason = 'no-rights-held' | 'rights-expired' | 'not-yet-started' | 'between-terms' | 'not-available';

/** POST /api/avails: the rows, how many titles were asked, and those no row names (the first 500 listed) with why. */
export interface AvailsAnswer {
  rows: AvailRow[];
  asked: number;
  notShown: {
    count: number;
    reasons: Array<{ reason: NotShownReason; message: string; count: number }>;
    titles: Array<{ id: string; title: string; reason: NotShownReason }>;
  };
}

/** One distinct grant of a listed contract. */
export interface ContractRights {
  territoryLabel: string | null;
  mediaLabel: string | null;
  start: string | null;
  end: string | null;
  exclusive: boolean;
}

/** GET /api/contracts: a contract as the deals list shows it (`mg` only for users who may see financial terms). */
export interface ContractListItem {
  id: string;
  ref: string;
  direction: Direction;
  status: ContractStatus;
  licensor: string | null;
  licensee: string | null;
  titles: string[];
  rights: ContractRights[];
  mg?: Money | null;
  signedOn: string | null;
  announcedOn: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ConflictReport {
  clear: boolean;
  blocks: Array<{ block: number; titleId: string; conflicts: AvailRow[]; holds: AvailRow[] }>;
}

export type MapStatus = 'available' | 'sold' | 'on-hold' | 'no-rights' | 'partial';

export type PeriodStatus = Exclude<MapStatus, 'partial'>;

/** One stretch of the map's window for a country (for some media), with why. */
export interface MapPeriod {
  status: PeriodStatus;
  start: string | null;
  end: string | null;
  media: string;
  languages: string | null;
  reasons: Reason[];
}

export interface MapCountry {
  status: MapStatus;
  periods?: MapPeriod[];
  /** Days of the window in each status; absent for an open-ended window. */
  days?: Partial<Record<PeriodStatus, number>>;
  reasons?: Array<Reason | string>;
  contracts?: Array<string | { id?: string; ref?: string; licensor?: Ref | string | null; licensee?: Ref | string | null }>;
}

export interface TitleMap {
  countries: Record<string, MapCountry>;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  user: string | { id: string; username: string } | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}
