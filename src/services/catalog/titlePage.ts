/**
 * The title page (GET /api/titles/:id): everything the record knows about a
 * film: credits, companies, festivals and awards, releases, box office,
 * contracts and the sources of each fact.
 */
import type { Kysely } from 'kysely';
import type { TitleKind } from '../../domain/series.js';
import { seriesPlace, type SeriesPlace } from './seriesView.js';
import { countryName } from '../../domain/countries.js';
import { mediaLabel, mediaSetFromIds } from '../../domain/media.js';
import { territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import {
  CREDIT_ROLES,
  TITLE_COMPANY_ROLES,
  parseJson,
  type ContractDirection,
  type ContractStatus,
  type CreditRole,
  type Database,
  type DatePrecision,
  type PremiereStatus,
  type ProductionStatus,
  type SelectionSlot,
  type TitleCompanyRole,
} from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { visibleTo } from '../access.js';
import { NotFoundError } from '../errors.js';
import { formatMoney, type Money } from '../money.js';
import { sourcesOf, titleCompanyFactId, type FactSourceView, type FactTable } from '../provenance.js';
import type { Named } from './checks.js';
import { CONDITION_COLUMN_NAMES, conditionOf, conditionView } from '../contracts/conditions.js';

// ------------------------------------------------------------------ the title page

export interface ContractSummary {
  id: string;
  ref: string;
  direction: ContractDirection;
  status: ContractStatus;
  licensor: Named | null;
  licensee: Named | null;
  salesAgent: Named | null;
  /** The labels of this title's blocks, as people write them ("North America"). */
  territories: string[];
  /** `termReported` false: the source does not report the term (the end is unknown, not perpetuity). */
  blocks: Array<{
    territoryLabel: string;
    mediaLabel: string;
    start: string | null;
    end: string | null;
    /** The start or end that follows an event, in words; null when it is a date. */
    startCondition?: string | null;
    endCondition?: string | null;
    termReported: boolean;
    exclusive: boolean;
  }>;
  signedOn: string | null;
  announcedOn: string | null;
  /** Only with the financial-terms permission. */
  mg?: Money | null;
  /** Read from a source nobody has reviewed yet (its sources are in the page's). */
  notReviewed: boolean;
}

export interface TitleDetail {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  countryNames: string[];
  languages: string[];
  runtimeMinutes: number | null;
  synopsis: string | null;
  sourceMaterial: string | null;
  sourceMaterialNote: string | null;
  productionStatus: ProductionStatus | null;
  aliases: Array<{ id: string; alias: string; language: string | null; kind: string | null }>;
  credits: Array<{ id: string; role: CreditRole; person: Named; character: string | null; position: number; sources: FactSourceView[] }>;
  companies: Array<{ role: TitleCompanyRole; company: Named; sources: FactSourceView[] }>;
  selections: Array<{
    id: string;
    festival: Named & { shortName: string | null };
    edition: { id: string; number: number | null; year: number; start: string | null; end: string | null };
    section: Named | null;
    premiereStatus: PremiereStatus | null;
    slot: SelectionSlot | null;
    withdrawn: boolean;
    withdrawalReason: string | null;
    sources: FactSourceView[];
  }>;
  awards: Array<{
    id: string;
    name: string;
    festival: Named & { shortName: string | null };
    edition: { id: string; number: number | null; year: number };
    person: Named | null;
    tied: boolean;
    tieGroup: string | null;
    /** The other winners of a tied award. */
    tiedWith: Named[];
    sources: FactSourceView[];
  }>;
  releases: Array<{
    id: string;
    territory: string;
    territoryName: string;
    date: string | null;
    precision: DatePrecision;
    dateLabel: string | null;
    distributor: Named | null;
    kind: string;
    sources: FactSourceView[];
  }>;
  boxOffice: Array<{
    id: string;
    territory: string | null;
    territoryName: string;
    /** Public record: shown to everyone (docs/security.md). */
    gross: Money;
    periodStart: string | null;
    periodEnd: string | null;
    asOf: string | null;
    cumulative: boolean;
    sources: FactSourceView[];
  }>;
  contracts: ContractSummary[];
  /** Who holds what, as signed deals (ours and the market's) say. */
  marketPicture: Array<{
    ref: string;
    direction: ContractDirection;
    status: ContractStatus;
    holder: Named | null;
    territoryLabel: string;
    mediaLabel: string;
    start: string | null;
    end: string | null;
    /** The start or end that follows an event, in words; null when it is a date. */
    startCondition?: string | null;
    endCondition?: string | null;
    termReported: boolean;
    exclusive: boolean;
  }>;
  /** Film, series, season, episode, miniseries or volume. */
  kind: TitleKind;
  /** Its place among series, seasons and episodes; null for a film. */
  series: SeriesPlace | null;
  /** Every source of every fact on this page. */
  sources: FactSourceView[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 2020" for month precision, "2020" for year precision, the ISO day otherwise. */
export function dateLabel(date: string | null, precision: DatePrecision): string | null {
  if (!date) return null;
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  return date;
}

function territoryName(code: string | null): string {
  if (code === null) return 'Worldwide';
  try {
    return countryName(code);
  } catch {
    return code;
  }
}

/**
 * Everything the title page shows, read at once: every query but the
 * sources' depends only on the title's id (the co-winners of a tied award and
 * the blocks of the live contracts are picked by subqueries), so they run
 * together (in parallel on PostgreSQL's pool; one after the other on SQLite,
 * whose queries are synchronous anyway), then one query for the sources of
 * every fact on the page.
 */
async function readTitlePage(db: Kysely<Database>, id: string) {
  const liveContracts = db
    .selectFrom('contract_titles as ct')
    .innerJoin('contracts as c', 'c.id', 'ct.contract_id')
    .select('ct.contract_id')
    .where('ct.title_id', '=', id)
    .where('c.deleted_at', 'is', null);
  const [title, aliases, credits, companies, selections, awards, coWinners, releases, boxOffice, contracts, blocks] = await Promise.all([
    db.selectFrom('titles').selectAll().where('id', '=', id).executeTakeFirst(),
    db.selectFrom('title_aliases').select(['id', 'alias', 'language', 'kind']).where('title_id', '=', id).orderBy('alias').execute(),
    db
      .selectFrom('credits as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select(['c.id', 'c.role', 'c.character', 'c.position', 'p.id as person_id', 'p.name'])
      .where('c.title_id', '=', id)
      .execute(),
    db
      .selectFrom('title_companies as tc')
      .innerJoin('companies as co', 'co.id', 'tc.company_id')
      .select(['tc.role', 'co.id', 'co.name'])
      .where('tc.title_id', '=', id)
      .execute(),
    db
      .selectFrom('selections as s')
      .innerJoin('festival_editions as e', 'e.id', 's.edition_id')
      .innerJoin('festivals as f', 'f.id', 'e.festival_id')
      .leftJoin('sections as sec', 'sec.id', 's.section_id')
      .select([
        's.id',
        's.premiere_status',
        's.slot',
        's.withdrawn',
        's.withdrawal_reason',
        'e.id as edition_id',
        'e.number',
        'e.year',
        'e.start_date',
        'e.end_date',
        'f.id as festival_id',
        'f.name as festival_name',
        'f.short_name',
        'sec.id as section_id',
        'sec.name as section_name',
      ])
      .where('s.title_id', '=', id)
      .orderBy('e.year')
      .orderBy('e.start_date')
      .orderBy('f.name')
      .execute(),
    db
      .selectFrom('awards as a')
      .innerJoin('festival_editions as e', 'e.id', 'a.edition_id')
      .innerJoin('festivals as f', 'f.id', 'e.festival_id')
      .leftJoin('people as p', 'p.id', 'a.person_id')
      .select([
        'a.id',
        'a.name',
        'a.tied',
        'a.tie_group',
        'a.edition_id',
        'e.number',
        'e.year',
        'f.id as festival_id',
        'f.name as festival_name',
        'f.short_name',
        'p.id as person_id',
        'p.name as person_name',
      ])
      .where('a.title_id', '=', id)
      .orderBy('e.year')
      .orderBy('a.name')
      .execute(),
    // the other winners of this title's tied awards
    db
      .selectFrom('awards as a')
      .innerJoin('titles as t', 't.id', 'a.title_id')
      .select(['a.tie_group', 'a.edition_id', 't.id', 't.original_title', 't.english_title'])
      .where('a.tie_group', 'in', (eb) =>
        eb
          .selectFrom('awards')
          .select('tie_group')
          .where('title_id', '=', id)
          .where('tie_group', 'is not', null)
          .where('tie_group', '!=', ''),
      )
      .where('a.title_id', '!=', id)
      .orderBy('t.original_title')
      .execute(),
    db
      .selectFrom('releases as r')
      .leftJoin('companies as co', 'co.id', 'r.distributor_id')
      .select([
        'r.id',
        'r.territory',
        'r.release_date',
        'r.date_precision',
        'r.kind',
        'co.id as distributor_id',
        'co.name as distributor_name',
      ])
      .where('r.title_id', '=', id)
      .orderBy('r.release_date')
      .orderBy('r.territory')
      .execute(),
    db
      .selectFrom('box_office')
      .selectAll()
      .where('title_id', '=', id)
      .orderBy('territory')
      .orderBy('as_of')
      .orderBy('period_start')
      .execute(),
    db
      .selectFrom('contract_titles as ct')
      .innerJoin('contracts as c', 'c.id', 'ct.contract_id')
      .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
      .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
      .leftJoin('companies as sa', 'sa.id', 'c.sales_agent_id')
      .select([
        'c.id',
        'c.ref',
        'c.direction',
        'c.status',
        'c.signed_on',
        'c.announced_on',
        'c.mg_amount',
        'c.mg_currency',
        'lor.id as licensor_id',
        'lor.name as licensor_name',
        'lee.id as licensee_id',
        'lee.name as licensee_name',
        'sa.id as sales_agent_id',
        'sa.name as sales_agent_name',
      ])
      .where('ct.title_id', '=', id)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.ref')
      .execute(),
    // this title's blocks in its live contracts
    db
      .selectFrom('rights_blocks')
      .select([
        'contract_id',
        'territory_codes',
        'media_ids',
        'start_date',
        'end_date',
        'term_reported',
        'exclusive',
        ...CONDITION_COLUMN_NAMES,
      ])
      .where('title_id', '=', id)
      .where('contract_id', 'in', liveContracts)
      .orderBy('start_date')
      .orderBy('id')
      .execute(),
  ]);
  if (!title) throw new NotFoundError('title', id);
  const roleOrder = (r: CreditRole) => CREDIT_ROLES.indexOf(r);
  credits.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.position - b.position || a.name.localeCompare(b.name));
  companies.sort((a, b) => TITLE_COMPANY_ROLES.indexOf(a.role) - TITLE_COMPANY_ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
  const facts: Array<{ table: FactTable; id: string }> = [
    { table: 'titles', id },
    ...aliases.map((a) => ({ table: 'title_aliases' as const, id: a.id })),
    ...credits.map((c) => ({ table: 'credits' as const, id: c.id })),
    ...companies.map((c) => ({ table: 'title_companies' as const, id: titleCompanyFactId(id, c.id, c.role) })),
    ...selections.map((s) => ({ table: 'selections' as const, id: s.id })),
    ...awards.map((a) => ({ table: 'awards' as const, id: a.id })),
    ...releases.map((r) => ({ table: 'releases' as const, id: r.id })),
    ...boxOffice.map((b) => ({ table: 'box_office' as const, id: b.id })),
    ...contracts.map((c) => ({ table: 'contracts' as const, id: c.id })),
  ];
  const sources = await sourcesOf(db, facts);
  return { title, aliases, credits, companies, selections, awards, coWinners, releases, boxOffice, contracts, blocks, sources };
}

type PageRows = Awaited<ReturnType<typeof readTitlePage>>;
/** The sources of one fact on the page. */
type SourcesOfFact = (table: FactTable, id: string) => FactSourceView[];
const named = (id: string | null, name: string | null): Named | null => (id ? { id, name: name ?? '' } : null);

export async function getTitle(app: FilmRights, actor: Actor, id: string): Promise<TitleDetail> {
  const page = await readTitlePage(app.store.db, id);
  const t = page.title;
  const src: SourcesOfFact = (table, fid) => page.sources.get(`${table}:${fid}`) ?? [];
  // Deal terms (MGs) leave only for users with the financial-terms permission; grosses are public.
  return visibleTo(actor, {
    id: t.id,
    originalTitle: t.original_title,
    englishTitle: t.english_title,
    year: t.year,
    countries: parseJson(t.countries),
    countryNames: parseJson(t.countries).map((c) => territoryName(c)),
    languages: parseJson(t.languages),
    runtimeMinutes: t.runtime_minutes,
    synopsis: t.synopsis,
    sourceMaterial: t.source_material,
    sourceMaterialNote: t.source_material_note,
    productionStatus: t.production_status,
    aliases: page.aliases,
    ...creditViews(page, src),
    ...festivalViews(page, src),
    ...releaseViews(page, src),
    ...dealViews(page),
    kind: t.kind,
    series: await seriesPlace(app, t),
    sources: dedupeSources([...page.sources.values()].flat()),
  });
}

function creditViews({ title, credits, companies }: PageRows, src: SourcesOfFact): Pick<TitleDetail, 'credits' | 'companies'> {
  return {
    credits: credits.map((c) => ({
      id: c.id,
      role: c.role,
      person: { id: c.person_id, name: c.name },
      character: c.character,
      position: c.position,
      sources: src('credits', c.id),
    })),
    companies: companies.map((c) => ({
      role: c.role,
      company: { id: c.id, name: c.name },
      sources: src('title_companies', titleCompanyFactId(title.id, c.id, c.role)),
    })),
  };
}

function festivalViews({ selections, awards, coWinners }: PageRows, src: SourcesOfFact): Pick<TitleDetail, 'selections' | 'awards'> {
  return {
    selections: selections.map((s) => ({
      id: s.id,
      festival: { id: s.festival_id, name: s.festival_name, shortName: s.short_name },
      edition: { id: s.edition_id, number: s.number, year: s.year, start: s.start_date, end: s.end_date },
      section: named(s.section_id, s.section_name),
      premiereStatus: s.premiere_status,
      slot: s.slot,
      withdrawn: s.withdrawn === 1,
      withdrawalReason: s.withdrawal_reason,
      sources: src('selections', s.id),
    })),
    awards: awards.map((a) => ({
      id: a.id,
      name: a.name,
      festival: { id: a.festival_id, name: a.festival_name, shortName: a.short_name },
      edition: { id: a.edition_id, number: a.number, year: a.year },
      person: named(a.person_id, a.person_name),
      tied: a.tied === 1,
      tieGroup: a.tie_group,
      tiedWith: a.tie_group
        ? coWinners
            .filter((w) => w.tie_group === a.tie_group && w.edition_id === a.edition_id)
            .map((w) => ({ id: w.id, name: w.english_title ?? w.original_title }))
        : [],
      sources: src('awards', a.id),
    })),
  };
}

function releaseViews({ releases, boxOffice }: PageRows, src: SourcesOfFact): Pick<TitleDetail, 'releases' | 'boxOffice'> {
  return {
    releases: releases.map((r) => ({
      id: r.id,
      territory: r.territory,
      territoryName: territoryName(r.territory),
      date: r.release_date,
      precision: r.date_precision,
      dateLabel: dateLabel(r.release_date, r.date_precision),
      distributor: named(r.distributor_id, r.distributor_name),
      kind: r.kind,
      sources: src('releases', r.id),
    })),
    boxOffice: boxOffice.map((b) => ({
      id: b.id,
      territory: b.territory,
      territoryName: territoryName(b.territory),
      // grosses are public record (the trade press prints them); only deal terms are confidential
      gross: formatMoney(Number(b.amount), b.currency),
      periodStart: b.period_start,
      periodEnd: b.period_end,
      asOf: b.as_of,
      cumulative: b.is_cumulative === 1,
      sources: src('box_office', b.id),
    })),
  };
}

/** The title's live contracts with their blocks for it, and who holds what as the signed and announced ones say. */
function dealViews({ contracts, blocks, sources }: PageRows): Pick<TitleDetail, 'contracts' | 'marketPicture'> {
  const blockViews = blocks.map((b) => ({
    contractId: b.contract_id,
    territoryLabel: territoryLabel(territorySetFromCodes(parseJson(b.territory_codes), 'territory_codes')),
    mediaLabel: mediaLabel(mediaSetFromIds(parseJson(b.media_ids), 'media_ids')),
    start: b.start_date,
    end: b.end_date,
    // an end that follows an event, in words ("the German theatrical release + 6 months")
    startCondition: conditionView(conditionOf(b, 'start'))?.label ?? null,
    endCondition: conditionView(conditionOf(b, 'end'))?.label ?? null,
    termReported: b.term_reported !== 0,
    exclusive: b.exclusive === 1,
  }));
  return {
    contracts: contracts.map((c) => {
      const mine = blockViews.filter((b) => b.contractId === c.id);
      const summary: ContractSummary = {
        id: c.id,
        ref: c.ref,
        direction: c.direction,
        status: c.status,
        licensor: named(c.licensor_id, c.licensor_name),
        licensee: named(c.licensee_id, c.licensee_name),
        salesAgent: named(c.sales_agent_id, c.sales_agent_name),
        territories: [...new Set(mine.map((b) => b.territoryLabel))],
        blocks: mine.map(({ contractId: _, ...b }) => b),
        signedOn: c.signed_on,
        announcedOn: c.announced_on,
        notReviewed: (sources.get(`contracts:${c.id}`) ?? []).some((s) => !s.reviewed),
      };
      summary.mg = c.mg_amount !== null && c.mg_currency ? formatMoney(Number(c.mg_amount), c.mg_currency) : null;
      return summary;
    }),
    marketPicture: contracts
      .filter((c) => c.status === 'signed' || c.status === 'announced')
      .flatMap((c) =>
        blockViews
          .filter((b) => b.contractId === c.id)
          .map(({ contractId: _, ...b }) => ({
            ref: c.ref,
            direction: c.direction,
            status: c.status,
            holder: named(c.licensee_id, c.licensee_name),
            ...b,
          })),
      ),
  };
}

function dedupeSources(list: FactSourceView[]): FactSourceView[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
