/**
 * A title as its history keeps it: fields, aliases, credits in billing order
 * and companies. The audit stores it before and after each change; a restore
 * writes it back.
 */
import type { Kysely } from 'kysely';
import {
  CREDIT_ROLES,
  TITLE_COMPANY_ROLES,
  parseJson,
  type CreditRole,
  type Database,
  type ProductionStatus,
  type TitleCompanyRole,
} from '../../store/index.js';
import type { SeriesStatus, TitleKind } from '../../domain/series.js';
import type { FactLinkRow } from '../provenance.js';
import type { Named } from './checks.js';

// ------------------------------------------------------------------ a title as the audit keeps it

export interface TitleSnapshot {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  languages: string[];
  runtimeMinutes: number | null;
  synopsis: string | null;
  sourceMaterial: string | null;
  sourceMaterialNote: string | null;
  productionStatus: ProductionStatus | null;
  kind: TitleKind;
  parentId: string | null;
  number: number | null;
  seasonCount: number | null;
  episodeCount: number | null;
  countsFinal: boolean;
  seriesStatus: SeriesStatus | null;
  createdAt: string;
  aliases: Array<{ id: string; alias: string; language: string | null; kind: string | null }>;
  credits: Array<{ id: string; role: CreditRole; person: Named; character: string | null; position: number }>;
  companies: Array<{ role: TitleCompanyRole; company: Named }>;
  /** On a deletion only: the source links that went with it, so a restore brings them back. */
  sourceLinks?: FactLinkRow[];
}

/** The title with its aliases, credits (billing order) and companies: what its history shows and a restore writes back. */
export async function readTitleSnapshot(db: Kysely<Database>, id: string): Promise<TitleSnapshot | null> {
  const t = await db.selectFrom('titles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) return null;
  const aliases = await db
    .selectFrom('title_aliases')
    .select(['id', 'alias', 'language', 'kind'])
    .where('title_id', '=', id)
    .orderBy('alias')
    .orderBy('id')
    .execute();
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.role', 'c.character', 'c.position', 'p.id as person_id', 'p.name'])
    .where('c.title_id', '=', id)
    .execute();
  credits.sort(
    (a, b) => CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role) || a.position - b.position || a.name.localeCompare(b.name),
  );
  const companies = await db
    .selectFrom('title_companies as tc')
    .innerJoin('companies as co', 'co.id', 'tc.company_id')
    .select(['tc.role', 'co.id', 'co.name'])
    .where('tc.title_id', '=', id)
    .execute();
  companies.sort((a, b) => TITLE_COMPANY_ROLES.indexOf(a.role) - TITLE_COMPANY_ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
  return {
    id: t.id,
    originalTitle: t.original_title,
    englishTitle: t.english_title,
    year: t.year,
    countries: parseJson(t.countries),
    languages: parseJson(t.languages),
    runtimeMinutes: t.runtime_minutes,
    synopsis: t.synopsis,
    sourceMaterial: t.source_material,
    sourceMaterialNote: t.source_material_note,
    productionStatus: t.production_status,
    kind: t.kind,
    parentId: t.parent_id,
    number: t.number,
    seasonCount: t.season_count,
    episodeCount: t.episode_count,
    countsFinal: t.counts_final === 1,
    seriesStatus: t.series_status,
    createdAt: t.created_at,
    aliases,
    credits: credits.map((c) => ({
      id: c.id,
      role: c.role,
      person: { id: c.person_id, name: c.name },
      character: c.character,
      position: c.position,
    })),
    companies: companies.map((c) => ({ role: c.role, company: { id: c.id, name: c.name } })),
  };
}
