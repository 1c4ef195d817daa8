/** The catalog: titles (with their credits, companies and aliases), people and companies; the lists' questions. */
import { Type, type Static } from 'typebox';
import { SERIES_STATUSES, TITLE_KINDS } from '../domain/series.js';
import { COMPANY_KINDS, CREDIT_ROLES, PRODUCTION_STATUSES, TITLE_COMPANY_ROLES } from '../domain/vocabulary.js';
import { closed, id, intOrNull, list, name, NAME_MAX, oneOf, paging, text, textOrNull, wordOrNull } from './common.js';

/** One credit of a title's list: the person by id, or by name (found forgivingly, else created in the same transaction). */
export const CreditEntryInput = closed({
  personId: Type.Optional(textOrNull(200)),
  name: Type.Optional(textOrNull(300)),
  role: oneOf(CREDIT_ROLES),
  character: Type.Optional(textOrNull(300)),
});
export type CreditEntryInput = Static<typeof CreditEntryInput>;

/** One company of a title's list: by id, or by name and kind (found forgivingly, else created in the same transaction). */
export const TitleCompanyEntryInput = closed({
  companyId: Type.Optional(textOrNull(200)),
  name: Type.Optional(textOrNull(300)),
  kind: Type.Optional(wordOrNull(COMPANY_KINDS)),
  role: oneOf(TITLE_COMPANY_ROLES),
});
export type TitleCompanyEntryInput = Static<typeof TitleCompanyEntryInput>;

export const AliasInput = closed({ alias: text(500), language: Type.Optional(textOrNull(35)), kind: Type.Optional(textOrNull(100)) });
export type AliasInput = Static<typeof AliasInput>;

const titleFields = {
  originalTitle: text(500),
  englishTitle: Type.Optional(textOrNull(500)),
  year: Type.Optional(intOrNull()),
  /** Production countries: ISO codes or names. */
  countries: Type.Optional(list(text(100), 300)),
  /** Original languages, BCP 47. */
  languages: Type.Optional(list(text(35), 100)),
  runtimeMinutes: Type.Optional(intOrNull()),
  synopsis: Type.Optional(textOrNull(20_000)),
  sourceMaterial: Type.Optional(textOrNull(200)),
  sourceMaterialNote: Type.Optional(textOrNull(2000)),
  productionStatus: Type.Optional(wordOrNull(PRODUCTION_STATUSES)),
  aliases: Type.Optional(list(Type.Union([text(500), AliasInput]), 200)),
  /** The whole credit list in billing order (the order within each role is the billing order); replaces the list on update. */
  credits: Type.Optional(list(CreditEntryInput, 2000)),
  /** The companies on the title (production, co-production, sales agent, distributor); replaces the list on update. */
  companies: Type.Optional(list(TitleCompanyEntryInput, 500)),
  ...seriesFields(),
};

/** Series, seasons and episodes (docs/domain.md): kind, the title it sits under, its number there, counts, series status. */
function seriesFields() {
  return {
    /** film (the default), series, season, episode, miniseries, volume. */
    kind: Type.Optional(oneOf(TITLE_KINDS)),
    /** The title it sits under, by id: a season's series; an episode's season, miniseries or volume. */
    parentId: Type.Optional(textOrNull(200)),
    /** A season's number in its series, an episode's in its season. */
    number: Type.Optional(intOrNull({ minimum: 1, maximum: 100_000 })),
    seasonCount: Type.Optional(intOrNull({ minimum: 0, maximum: 100_000 })),
    episodeCount: Type.Optional(intOrNull({ minimum: 0, maximum: 100_000 })),
    /** True: the counts are final; false (the default): estimated. */
    countsFinal: Type.Optional(Type.Boolean()),
    seriesStatus: Type.Optional(wordOrNull(SERIES_STATUSES)),
  };
}

/** POST /api/titles: a new title, with its credits (billing order) and companies (the sales agent is one). */
export const TitleInput = closed(titleFields);
export type TitleInput = Static<typeof TitleInput>;
/** PATCH /api/titles/:id: absent means unchanged; a list given replaces the list. */
export const TitlePatch = Type.Partial(TitleInput, { additionalProperties: false, minProperties: 1 });
export type TitlePatch = Static<typeof TitlePatch>;

/** POST /api/credits: one credit added to a title; the person by id, or by name (found or created). */
export const CreditInput = closed({
  titleId: id,
  personId: Type.Optional(id),
  name: Type.Optional(name()),
  role: oneOf(CREDIT_ROLES),
  character: Type.Optional(textOrNull(NAME_MAX)),
  position: Type.Optional(intOrNull({ minimum: 0, maximum: 100_000 })),
});
export type CreditInput = Static<typeof CreditInput>;

export const PersonInput = closed({ name: name(), sortName: Type.Optional(textOrNull(NAME_MAX)) });
export type PersonInput = Static<typeof PersonInput>;
export const PersonPatch = closed({ name: Type.Optional(text(300)), sortName: Type.Optional(textOrNull(300)) }, { minProperties: 1 });
export type PersonPatch = Static<typeof PersonPatch>;

export const CompanyInput = closed({ name: name(), kind: oneOf(COMPANY_KINDS), country: Type.Optional(textOrNull(100)) });
export type CompanyInput = Static<typeof CompanyInput>;
export const CompanyPatch = closed(
  { name: Type.Optional(text(300)), kind: Type.Optional(oneOf(COMPANY_KINDS)), country: Type.Optional(textOrNull(100)) },
  { minProperties: 1 },
);
export type CompanyPatch = Static<typeof CompanyPatch>;

/** POST /api/titles/:id/merge (and companies, people): the duplicate, merged into this record, then deleted. */
export const MergeInput = closed({
  mergeId: Type.String({ minLength: 1, maxLength: 200, description: 'the duplicate: merged into this record, then deleted' }),
});
export type MergeInput = Static<typeof MergeInput>;

/** GET /api/titles. */
export const TitleListParams = Type.Object({
  /** Forgiving search over titles, their aliases and the people credited on them (directors first). */
  q: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
  /** A festival id or name ("TIFF", "Berlinale"): titles selected at any of its editions. */
  festival: Type.Optional(Type.String()),
  freeTerritory: Type.Optional(
    Type.String({ maxLength: 500, description: 'free to license exclusively here for the next twelve months (from today)' }),
  ),
  freeMedia: Type.Optional(Type.String({ maxLength: 500, description: 'with freeTerritory: for these media (default All Media)' })),
  sort: Type.Optional(oneOf(['title', 'year', 'relevance'] as const)),
  /** 'desc': the whole list in reverse order (before paging). */
  dir: Type.Optional(oneOf(['asc', 'desc'] as const)),
  ...paging,
});
export type TitleListParams = Static<typeof TitleListParams>;

/** GET /api/people. */
export const PeopleQuery = Type.Object({ q: Type.Optional(Type.String()), ...paging });
export type PeopleQuery = Static<typeof PeopleQuery>;
/** GET /api/companies. */
export const CompanyQuery = Type.Object({ q: Type.Optional(Type.String()), kind: Type.Optional(Type.String()), ...paging });
export type CompanyQuery = Static<typeof CompanyQuery>;

/** GET /api/audit. */
export const AuditQuery = Type.Object({
  entity: Type.Optional(Type.String()),
  entityId: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type AuditQuery = Static<typeof AuditQuery>;
