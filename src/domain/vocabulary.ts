/**
 * The trade's vocabularies, once: each as a list (for schemas, pickers and CHECK constraints) and its
 * union type. The store's CHECK constraints (migrations), the API contract (src/contract) and the
 * web app's pickers all read them from here. Pure: no imports.
 */

export const PRODUCTION_STATUSES = ['development', 'production', 'wrapped', 'released'] as const;
export type ProductionStatus = (typeof PRODUCTION_STATUSES)[number];

export const COMPANY_KINDS = ['distributor', 'sales-agent', 'production', 'streamer', 'broadcaster', 'exhibitor', 'other'] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export const CREDIT_ROLES = [
  'director',
  'writer',
  'cast',
  'producer',
  'executive-producer',
  'cinematographer',
  'editor',
  'composer',
  'other',
] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

export const TITLE_COMPANY_ROLES = ['production', 'co-production', 'sales-agent', 'distributor'] as const;
export type TitleCompanyRole = (typeof TITLE_COMPANY_ROLES)[number];

export const CONTRACT_DIRECTIONS = ['in', 'out', 'third-party'] as const;
export type ContractDirection = (typeof CONTRACT_DIRECTIONS)[number];

export const CONTRACT_STATUSES = ['draft', 'offer', 'negotiating', 'signed', 'announced', 'rejected', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const NEGOTIATOR_SIDES = ['licensor', 'licensee'] as const;
export type NegotiatorSide = (typeof NEGOTIATOR_SIDES)[number];

/** 'awards' is a ceremony such as the Academy Awards (not in the original brief; Parasite's Oscar needs it). */
export const FESTIVAL_KINDS = ['festival', 'market', 'awards'] as const;
export type FestivalKind = (typeof FESTIVAL_KINDS)[number];

export const PREMIERE_STATUSES = ['world', 'international', 'north-american', 'european', 'national', 'other'] as const;
export type PremiereStatus = (typeof PREMIERE_STATUSES)[number];

export const SELECTION_SLOTS = ['opening-night', 'closing-night', 'gala'] as const;
export type SelectionSlot = (typeof SELECTION_SLOTS)[number];

/** How precise a release date is: "opened in China in November 2020" is month precision. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const SOURCE_KINDS = ['article', 'manual', 'import'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where a fact an article states stands in the review. */
export const ARTICLE_FACT_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ArticleFactStatus = (typeof ARTICLE_FACT_STATUSES)[number];

export const USER_ROLES = ['admin', 'editor', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Which way a contract runs, as the web calls it. */
export type Direction = ContractDirection;
