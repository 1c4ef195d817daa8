/**
 * Candidate facts: what the extractor proposes from an article, each with its
 * type, its fields (names as written, resolved against the catalog later), a
 * confidence and the span of the text that states it.
 */
import type { FactType, Span } from '../domain/articleFacts.js';
import type { CreditRole, PremiereStatus, ProductionStatus, SelectionSlot, TitleCompanyRole } from '../store/index.js';

export { FACT_TYPES, type FactType, type Span } from '../domain/articleFacts.js';

export interface EventRef {
  /** The canonical name ("Berlin International Film Festival"). */
  name: string;
  year: number | null;
  edition: number | null;
}

export interface NegotiatorFields {
  name: string;
  company: string | null;
  side: 'licensor' | 'licensee' | null;
}

export interface DealFields {
  title: string;
  buyer: string;
  /** The licensor as reported: the sales agent or rights holder who sold. */
  seller: string | null;
  /** A territory expression parseTerritories accepts ("North America, U.K. and Ireland"); null when not reported. */
  territories: string | null;
  /** A media expression parseMedia accepts ("all rights", "SVOD"); null when not reported. */
  media: string | null;
  price: { amount: string; currency: string } | null;
  /** "seven-figure", "close to", "a reported": how the price was put. */
  priceNote: string | null;
  negotiators: NegotiatorFields[];
  /** The festival or market where the deal was made ("out of Cannes", "at the AFM"). */
  festival: EventRef | null;
  announcedOn: string | null;
}

export interface RumourFields {
  title: string;
  party: string;
  /** talks, rumour, denial. */
  kind: 'talks' | 'rumour' | 'denial';
  territories: string | null;
}

export interface MandateFields {
  title: string;
  company: string;
  /** International sales (null) or a territory expression ("U.S."). */
  territories: string | null;
}

export interface SelectionFields {
  title: string;
  festival: string;
  year: number | null;
  edition: number | null;
  section: string | null;
  premiere: PremiereStatus | null;
  slot: SelectionSlot | null;
}

export interface WithdrawalFields {
  title: string;
  festival: string;
  year: number | null;
  edition: number | null;
  section: string | null;
  reason: string | null;
}

export interface AwardFields {
  title: string;
  festival: string;
  year: number | null;
  edition: number | null;
  award: string;
  tied: boolean;
  person: string | null;
}

export interface BoxOfficeFields {
  title: string;
  /** ISO 3166-1 alpha-2; null = worldwide. */
  territory: string | null;
  amount: string;
  currency: string;
  periodStart: string | null;
  periodEnd: string | null;
  asOf: string | null;
  cumulative: boolean;
  /** "opening weekend", "first week", "five-day holiday". */
  period: string | null;
}

export interface ReleaseFields {
  title: string;
  territory: string;
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; null when not reported. */
  date: string | null;
  distributor: string | null;
}

export interface CreditFields {
  title: string;
  role: CreditRole;
  name: string;
  character: string | null;
}

export interface TitleCompanyFields {
  title: string;
  role: TitleCompanyRole;
  company: string;
}

export interface SourceMaterialFields {
  title: string;
  /** novel, short story, memoir, play, book, comic, true story... */
  material: string;
  note: string | null;
}

export interface ProductionStatusFields {
  title: string;
  status: ProductionStatus;
}

export interface FieldsByType {
  deal: DealFields;
  rumour: RumourFields;
  mandate: MandateFields;
  selection: SelectionFields;
  withdrawal: WithdrawalFields;
  award: AwardFields;
  boxOffice: BoxOfficeFields;
  release: ReleaseFields;
  credit: CreditFields;
  titleCompany: TitleCompanyFields;
  sourceMaterial: SourceMaterialFields;
  productionStatus: ProductionStatusFields;
}

export interface CandidateFact<T extends FactType = FactType> {
  type: T;
  fields: FieldsByType[T];
  /** 0..1: how sure the extractor is (rumours stay low). */
  confidence: number;
  /** The evidence: the sentence that states it. */
  span: Span;
  /** Further sentences that state or complete it (a headline, a negotiators sentence). */
  spans: Span[];
  /** A key that is the same for the same fact stated twice. */
  key: string;
}

export type AnyFact = { [T in FactType]: CandidateFact<T> }[FactType];
