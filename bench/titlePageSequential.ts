/**
 * The title page as it was read before it was batched (one query after the
 * other, about twenty on a full page; the sources table by table): kept as
 * the baseline of the title-page benchmark (bench/titlePage.bench.ts), which
 * also checks that both answer the same. Not used by the application.
 */
import { CONDITION_COLUMN_NAMES, conditionOf, conditionView } from '../src/services/contracts/conditions.js';
import type { Kysely } from 'kysely';
import { countryName } from '../src/domain/countries.js';
import { mediaLabel, mediaSetFromIds } from '../src/domain/media.js';
import { territoryLabel, territorySetFromCodes } from '../src/domain/territories.js';
import type { Actor, FilmRights } from '../src/services/app.js';
import { visibleTo } from '../src/services/access.js';
import type { ContractSummary, TitleDetail } from '../src/services/catalog.js';
import { dateLabel } from '../src/services/catalog.js';
import { NotFoundError } from '../src/services/errors.js';
import { seriesPlace } from '../src/services/catalog/seriesView.js';
import { formatMoney } from '../src/services/money.js';
import { titleCompanyFactId, type FactSourceView, type FactTable } from '../src/services/provenance.js';
import { CREDIT_ROLES, TITLE_COMPANY_ROLES, parseJson, type CreditRole, type Database } from '../src/store/index.js';

type Named = { id: string; name: string };

function territoryName(code: string | null): string {
  if (code === null) return 'Worldwide';
  try {
    return countryName(code);
  } catch {
    return code;
  }
}

async function sourcesOfSequential(
  db: Kysely<Database>,
  facts: Array<{ table: FactTable; id: string }>,
): Promise<Map<string, FactSourceView[]>> {
  const out = new Map<string, FactSourceView[]>();
  if (!facts.length) return out;
  const byTable = new Map<string, string[]>();
  for (const f of facts) {
    let l = byTable.get(f.table);
    if (!l) byTable.set(f.table, (l = []));
    l.push(f.id);
  }
  for (const [table, ids] of byTable) {
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('fact_sources as fs')
        .innerJoin('sources as s', 's.id', 'fs.source_id')
        .select([
          'fs.id',
          'fs.fact_table',
          'fs.fact_id',
          'fs.quote',
          'fs.span_start',
          'fs.span_end',
          'fs.reviewed',
          'fs.accepted',
          's.id as source_id',
          's.kind',
          's.outlet',
          's.published_on',
          's.url',
          's.file',
          's.title',
        ])
        .where('fs.fact_table', '=', table)
        .where('fs.fact_id', 'in', ids.slice(i, i + 500))
        .orderBy('s.published_on')
        .orderBy('fs.span_start')
        .orderBy('fs.id')
        .execute();
      for (const r of rows) {
        const key = `${r.fact_table}:${r.fact_id}`;
        let l = out.get(key);
        if (!l) out.set(key, (l = []));
        l.push({
          id: r.id,
          factTable: r.fact_table,
          factId: r.fact_id,
          source: {
            id: r.source_id,
            kind: r.kind,
            outlet: r.outlet,
            publishedOn: r.published_on,
            url: r.url,
            file: r.file,
            title: r.title,
          },
          quote: r.quote,
          spanStart: r.span_start,
          spanEnd: r.span_end,
          reviewed: r.reviewed === 1,
          accepted: r.accepted === 1,
        });
      }
    }
  }
  return out;
}

export async function getTitleSequential(app: FilmRights, actor: Actor, id: string): Promise<TitleDetail> {
  const db = app.store.db;
  const t = await db.selectFrom('titles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw new NotFoundError('title', id);
  const aliases = await db
    .selectFrom('title_aliases')
    .select(['id', 'alias', 'language', 'kind'])
    .where('title_id', '=', id)
    .orderBy('alias')
    .execute();
  const credits = await db
    .selectFrom('credits as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.role', 'c.character', 'c.position', 'p.id as person_id', 'p.name'])
    .where('c.title_id', '=', id)
    .execute();
  const roleOrder = (r: CreditRole) => CREDIT_ROLES.indexOf(r);
  credits.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.position - b.position || a.name.localeCompare(b.name));
  const companies = await db
    .selectFrom('title_companies as tc')
    .innerJoin('companies as co', 'co.id', 'tc.company_id')
    .select(['tc.role', 'co.id', 'co.name'])
    .where('tc.title_id', '=', id)
    .execute();
  companies.sort((a, b) => TITLE_COMPANY_ROLES.indexOf(a.role) - TITLE_COMPANY_ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
  const selections = await db
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
    .execute();
  const awards = await db
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
    .execute();
  const tieGroups = [...new Set(awards.map((a) => a.tie_group).filter((g): g is string => !!g))];
  const coWinners = tieGroups.length
    ? await db
        .selectFrom('awards as a')
        .innerJoin('titles as t', 't.id', 'a.title_id')
        .select(['a.tie_group', 'a.edition_id', 't.id', 't.original_title', 't.english_title'])
        .where('a.tie_group', 'in', tieGroups)
        .where('a.title_id', '!=', id)
        .orderBy('t.original_title')
        .execute()
    : [];
  const releases = await db
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
    .execute();
  const boxOffice = await db
    .selectFrom('box_office')
    .selectAll()
    .where('title_id', '=', id)
    .orderBy('territory')
    .orderBy('as_of')
    .orderBy('period_start')
    .execute();
  const contractRows = await db
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
    .execute();
  const blocks = contractRows.length
    ? await db
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
        .where(
          'contract_id',
          'in',
          contractRows.map((c) => c.id),
        )
        .orderBy('start_date')
        .orderBy('id')
        .execute()
    : [];

  const facts: Array<{ table: FactTable; id: string }> = [
    { table: 'titles', id },
    ...aliases.map((a) => ({ table: 'title_aliases' as const, id: a.id })),
    ...credits.map((c) => ({ table: 'credits' as const, id: c.id })),
    ...companies.map((c) => ({ table: 'title_companies' as const, id: titleCompanyFactId(id, c.id, c.role) })),
    ...selections.map((s) => ({ table: 'selections' as const, id: s.id })),
    ...awards.map((a) => ({ table: 'awards' as const, id: a.id })),
    ...releases.map((r) => ({ table: 'releases' as const, id: r.id })),
    ...boxOffice.map((b) => ({ table: 'box_office' as const, id: b.id })),
    ...contractRows.map((c) => ({ table: 'contracts' as const, id: c.id })),
  ];
  const sources = await sourcesOfSequential(db, facts);
  const src = (table: FactTable, fid: string) => sources.get(`${table}:${fid}`) ?? [];
  const named = (i: string | null, n: string | null): Named | null => (i ? { id: i, name: n ?? '' } : null);

  const blockViews = blocks.map((b) => ({
    contractId: b.contract_id,
    territoryLabel: territoryLabel(territorySetFromCodes(parseJson(b.territory_codes), 'territory_codes')),
    mediaLabel: mediaLabel(mediaSetFromIds(parseJson(b.media_ids), 'media_ids')),
    start: b.start_date,
    end: b.end_date,
    startCondition: conditionView(conditionOf(b, 'start'))?.label ?? null,
    endCondition: conditionView(conditionOf(b, 'end'))?.label ?? null,
    termReported: b.term_reported !== 0,
    exclusive: b.exclusive === 1,
  }));

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
    kind: t.kind,
    series: await seriesPlace(app, t),
    aliases,
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
      sources: src('title_companies', titleCompanyFactId(id, c.id, c.role)),
    })),
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
    contracts: contractRows.map((c) => {
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
        notReviewed: src('contracts', c.id).some((s) => !s.reviewed),
      };
      summary.mg = c.mg_amount !== null && c.mg_currency ? formatMoney(Number(c.mg_amount), c.mg_currency) : null;
      return summary;
    }),
    marketPicture: contractRows
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
    sources: dedupeSources([...sources.values()].flat()),
  });
}

function dedupeSources(list: FactSourceView[]): FactSourceView[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
