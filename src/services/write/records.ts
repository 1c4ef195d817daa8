/**
 * The records an import plans beyond titles, companies and contracts of
 * rights (src/interchange/plan.ts), and the article facts a reviewer
 * accepted: people and credits, title companies,
 * festivals with their editions, sections, selections and awards, releases,
 * box office, sources with the facts they state, contracts with holdbacks
 * and negotiators, and who "we" are. Each record is already checked by the
 * same rules as manual entry; names are resolved to keys: an existing id,
 * or `new:...` for a record the plan creates (`Keys` turns those into ids
 * as the writer creates them).
 *
 * The checked shapes belong to the services, so this part of the plan is
 * declared here, beside its writer, rather than in src/interchange.
 */
import { NEW } from '../../interchange/json/read.js';
import type { ContractAccountsDoc, FactDoc } from '../../interchange/json/document.js';
import type { ExchangeRateInput } from '../../contract/money.js';
import type { checkExpense, checkPayment, checkReceipt } from '../money/ledger.js';
import type { Plan } from '../../interchange/plan.js';
import type { FactType, Span } from '../../ingest/types.js';
import type { ArticleFactStatus, LineupStatus, TitleCompanyRole } from '../../store/index.js';
import type { CheckedBuyerProfile } from '../buyers/profile.js';
import type { CheckedContactFields } from '../buyers/contacts.js';
import type { CheckedCredit, CheckedTitle } from '../catalog.js';
import type { CheckedContract } from '../contracts.js';
import type { CheckedAward, CheckedEdition, CheckedFestival, CheckedSelection } from '../festivals.js';
import type { CheckedBoxOffice, CheckedRelease } from '../market.js';
import type { CheckedCompany } from '../people.js';
import type { CheckedSource, FactTable } from '../provenance.js';
import type { FactSource } from './facts/link.js';
import type { OfferStatus } from '../../domain/offers.js';
import type { CheckedTerms } from '../offers/terms.js';

export interface TitlePlan {
  key: string;
  checked: CheckedTitle;
  /** The title it sits under (a key: an id, or a title new in this plan, written before it); and the field that named it. */
  parent?: { key: string; field: string };
  credits: Array<{ personKey: string; checked: CheckedCredit }>;
  companies: Array<{ companyKey: string; role: TitleCompanyRole }>;
}
export interface EditionPlan {
  key: string;
  festivalKey: string;
  checked: CheckedEdition;
  sections: string[];
  selections: Array<{ titleKey: string; checked: CheckedSelection }>;
  awards: Array<{ titleKey: string; personKey: string | null; checked: CheckedAward }>;
}
export interface FactPlan {
  field: string;
  doc: FactDoc;
  table: FactTable;
  keys: Record<string, string | number | null>;
}
export interface SourcePlan {
  checked: CheckedSource;
  facts: FactPlan[];
}
/** A contract as the document gives it: `field` names it in problems ("contracts[2]"). */
export interface ContractPlan {
  field: string;
  checked: CheckedContract;
}
export interface ReleasePlan {
  titleKey: string;
  distributorKey: string | null;
  checked: CheckedRelease;
}
export interface BoxOfficePlan {
  titleKey: string;
  checked: CheckedBoxOffice;
}

/** A buyer profile an import gives (docs/market.md), for a company on file or one the plan creates. */
export interface BuyerPlan {
  companyKey: string;
  checked: CheckedBuyerProfile;
  contacts: Array<{ personKey: string | null; checked: CheckedContactFields }>;
}

export interface RecordPlan {
  /** The company to set as "us" (a key), when the import names one. */
  we: string | null | undefined;
  newCompanies: Array<{ key: string; checked: CheckedCompany }>;
  newPeople: Array<{ key: string; name: string; sortName: string | null }>;
  titlePlans: TitlePlan[];
  festivalPlans: Array<{ key: string; checked: CheckedFestival }>;
  editionPlans: EditionPlan[];
  contractPlans: ContractPlan[];
  releasePlans: ReleasePlan[];
  boxOfficePlans: BoxOfficePlan[];
  sourcePlans: SourcePlan[];
  /** Buyer profiles (only JSON documents carry them). */
  buyerPlans?: BuyerPlan[];
  /** The money after the deal (services/json/accounts.ts), when the document has it. */
  accounts?: AccountsPlan;
  /** Markets and offers (services/json/marketMode.plan.ts), when the document has them. */
  marketMode?: MarketModePlan;
}

/** A document's accounts: what could be checked without the database, checked; the rest as the document gives it. */
export interface AccountsPlan {
  rates: ExchangeRateInput[];
  contracts: Array<{
    /** "accounts.contracts[2]" */
    field: string;
    ref: string;
    doc: ContractAccountsDoc;
    receipts: Array<ReturnType<typeof checkReceipt>>;
    expenses: Array<ReturnType<typeof checkExpense>>;
    payments: Array<ReturnType<typeof checkPayment>>;
  }>;
}

// ---- market mode (services/json/marketMode.plan.ts plans it, write/marketMode.ts writes it)

/** Our person at a screening or meeting: a user id, or a person's key. */
export interface PlannedPerson {
  user: string | null;
  person: string | null;
}
export interface PlannedMarket {
  field: string;
  editionKey: string;
  name: string;
  timeZone: string;
  start: string;
  end: string;
  lineup: Array<{ title: string; status: LineupStatus; logline: string | null }>;
  screenings: Array<{
    title: string;
    startsAt: string;
    endsAt: string;
    venue: string;
    notes: string | null;
    buyers: Array<{ company: string; attended: boolean | null }>;
    people: PlannedPerson[];
  }>;
  meetings: Array<{
    buyer: string;
    startsAt: string;
    endsAt: string;
    place: string | null;
    notes: string | null;
    nextStep: string | null;
    icsUid: string | null;
    titles: string[];
    people: PlannedPerson[];
  }>;
  tasks: Array<{ dueOn: string; owner: string; text: string; meeting: number | null; buyer: string | null; done: boolean }>;
}
export interface PlannedOffer {
  field: string;
  ref: string;
  buyer: string;
  edition: string | null;
  status: OfferStatus;
  contract: string | null;
  holdExpiresOn: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  versions: Array<{ checked: CheckedTerms; note: string | null; createdBy: string | null; createdAt: string }>;
  events: Array<{
    from: OfferStatus | null;
    to: OfferStatus;
    version: number;
    by: string;
    user: string | null;
    at: string;
    note: string | null;
  }>;
}
export interface MarketModePlan {
  markets: PlannedMarket[];
  offers: PlannedOffer[];
}

/**
 * An article's fact a reviewer accepted (with their edits merged over what
 * was extracted): written through the same services, tied to its source
 * and span, and the acceptance recorded on the review row.
 */
export interface AcceptedFactPlan {
  /** The article_facts row, and what it was before (audited). */
  articleFactId: string;
  before: { status: ArticleFactStatus; fields: unknown };
  type: FactType;
  fields: Record<string, unknown>;
  source: FactSource;
  span: Span;
  /** Save a deal that conflicts with rights on record anyway, for this reason. */
  override?: { reason: string } | null;
  /** Fields the review row keeps but the record is not given (a price the accepting user may not set). */
  withheld?: Record<string, unknown>;
}

/**
 * A plan for the one writer: the rights part every importer fills, the
 * other records when the import has them, and the accepted article facts.
 */
export interface WritePlan extends Plan {
  records?: RecordPlan;
  facts?: AcceptedFactPlan[];
}

/** The ids of the records a plan creates, by their `new:` keys; any other key is an id already. */
export class Keys {
  private readonly ids = new Map<string, string>();
  set(key: string, id: string): void {
    this.ids.set(key, id);
  }
  id(key: string): string {
    return key.startsWith(NEW) ? this.ids.get(key)! : key;
  }
  /** The id of an optional key. */
  maybe(key: string | null | undefined): string | null {
    return key ? this.id(key) : null;
  }
}
