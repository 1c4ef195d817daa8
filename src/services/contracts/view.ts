/**
 * A contract as it is shown and edited: its parties, titles, blocks,
 * holdbacks, negotiators and MG (the MG only for users who may see financial
 * terms).
 */
import type { Kysely } from 'kysely';
import { mediaLabel, mediaSetFromIds } from '../../domain/media.js';
import { territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import { parseJson, type ContractDirection, type ContractStatus, type Database, type NegotiatorSide } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { visibleTo } from '../access.js';
import { NotFoundError } from '../errors.js';
import { formatMoney, type Money } from '../money.js';
import { conditionOf, conditionView } from './conditions.js';
import { sourcesOf, type FactSourceView } from '../provenance.js';
import type { ConditionColumns } from '../../store/index.js';

type ConditionShown = NonNullable<ReturnType<typeof conditionView>>;

/** The conditions at a stored term's ends, when there are any (a dated term shows none). */
function conditionsShown(row: { [K in keyof ConditionColumns]: string | number | null }): {
  startCondition?: ConditionShown;
  endCondition?: ConditionShown;
} {
  const start = conditionView(conditionOf(row, 'start'));
  const end = conditionView(conditionOf(row, 'end'));
  return { ...(start ? { startCondition: start } : {}), ...(end ? { endCondition: end } : {}) };
}

export interface ContractView {
  id: string;
  ref: string;
  direction: ContractDirection;
  status: ContractStatus;
  licensor: { id: string; name: string } | null;
  licensee: { id: string; name: string } | null;
  salesAgent: { id: string; name: string } | null;
  titles: Array<{ id: string; name: string }>;
  blocks: Array<{
    id: string;
    titleId: string;
    territories: string;
    territoryCodes: string[];
    territoryLabel: string;
    media: string;
    mediaIds: string[];
    mediaLabel: string;
    languages: string[] | null;
    start: string | null;
    end: string | null;
    /** false: the source does not report the term (end unknown, not perpetuity). */
    termReported: boolean;
    exclusive: boolean;
    includesFuture: boolean;
    covers: string[] | null;
    excludes: string[];
    startCondition?: ConditionShown | null;
    endCondition?: ConditionShown | null;
  }>;
  holdbacks: Array<{
    id: string;
    titleId: string;
    territories: string;
    territoryCodes: string[];
    media: string;
    mediaIds: string[];
    start: string | null;
    end: string | null;
    startCondition?: ConditionShown | null;
    endCondition?: ConditionShown | null;
    description: string;
  }>;
  negotiators: Array<{ person: { id: string; name: string }; company: { id: string; name: string } | null; side: NegotiatorSide }>;
  mg?: Money | null;
  signedOn: string | null;
  announcedOn: string | null;
  deliveryDate?: string | null;
  editionId: string | null;
  notes: string | null;
  overrideReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Where the deal came from (GET /api/contracts/:id): each source with its quote and whether a person reviewed it. */
  sources?: DealSourceView[];
}

/**
 * One source of a deal as the deal page shows it: the article (or import),
 * the sentence quoted, when it was read into the system, whether a person
 * reviewed it (and who), and where to review it: the article's fact in the
 * review queue, when the source was read as an article.
 */
export interface DealSourceView extends FactSourceView {
  /** When the source was read (the article pasted, fetched or imported). */
  readAt: string;
  /** The user who reviewed it, by name; null when nobody has (or the user is gone). */
  reviewedBy: string | null;
  /** The article it was read as, and its deal fact there (pending: waits in the review queue). */
  article: { id: string; title: string | null; factId: string | null; factStatus: 'pending' | 'accepted' | 'rejected' | null } | null;
}

export async function getContract(app: FilmRights, actor: Actor, id: string): Promise<ContractView> {
  const c = await readContract(app.store.db, id);
  if (!c || c.deletedAt) throw new NotFoundError('contract', id);
  return visibleTo(actor, { ...c, sources: await dealSources(app.store.db, id) });
}

/** The sources of a deal, in publication order, each with its article and the article's deal fact (to review it there). */
export async function dealSources(db: Kysely<Database>, contractId: string): Promise<DealSourceView[]> {
  const links = (await sourcesOf(db, [{ table: 'contracts', id: contractId }])).get(`contracts:${contractId}`) ?? [];
  if (!links.length) return [];
  const sourceIds = [...new Set(links.map((l) => l.source.id))];
  const [sources, articles, reviewers] = await Promise.all([
    db.selectFrom('sources').select(['id', 'created_at']).where('id', 'in', sourceIds).execute(),
    db
      .selectFrom('articles')
      .select(['id', 'source_id', 'title', 'created_at'])
      .where('source_id', 'in', sourceIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('fact_sources as fs')
      .innerJoin('users as u', 'u.id', 'fs.reviewed_by')
      .select(['fs.id', 'u.username'])
      .where(
        'fs.id',
        'in',
        links.map((l) => l.id),
      )
      .execute(),
  ]);
  const facts = articles.length
    ? await db
        .selectFrom('article_facts')
        .select(['id', 'article_id', 'span_start', 'span_end', 'status', 'written'])
        .where(
          'article_id',
          'in',
          articles.map((a) => a.id),
        )
        .where('type', '=', 'deal')
        .orderBy('position')
        .execute()
    : [];
  return links.map((l) => {
    // the first article read from this source (the same text is one article)
    const article = articles.find((a) => a.source_id === l.source.id) ?? null;
    const own = facts.filter((f) => article && f.article_id === article.id);
    // its deal fact: the one written as this deal, else the one read from the quoted sentence
    const fact =
      own.find((f) => f.written !== null && parseJson(f.written).id === contractId) ??
      own.find((f) => l.spanStart !== null && l.spanEnd !== null && f.span_start < l.spanEnd && f.span_end > l.spanStart) ??
      null;
    return {
      ...l,
      readAt: article?.created_at ?? sources.find((s) => s.id === l.source.id)?.created_at ?? '',
      reviewedBy: reviewers.find((r) => r.id === l.id)?.username ?? null,
      article: article ? { id: article.id, title: article.title, factId: fact?.id ?? null, factStatus: fact?.status ?? null } : null,
    };
  });
}

/** Reads a contract with its blocks, holdbacks, negotiators and MG (every field: filter with `visibleTo` before it leaves). */
export async function readContract(db: Kysely<Database>, id: string): Promise<ContractView | null> {
  const c = await db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return null;
  const companyIds = [c.licensor_id, c.licensee_id, c.sales_agent_id].filter((x): x is string => !!x);
  const negotiators = await db
    .selectFrom('negotiators as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .leftJoin('companies as co', 'co.id', 'n.company_id')
    .select(['p.id as person_id', 'p.name as person_name', 'co.id as company_id', 'co.name as company_name', 'n.side'])
    .where('n.contract_id', '=', id)
    .orderBy('n.side')
    .orderBy('p.name')
    .execute();
  const companies = companyIds.length
    ? await db.selectFrom('companies').select(['id', 'name']).where('id', 'in', companyIds).execute()
    : [];
  const company = (cid: string | null) => {
    const found = cid ? companies.find((x) => x.id === cid) : undefined;
    return found ? { id: found.id, name: found.name } : null;
  };
  const titles = await db
    .selectFrom('contract_titles as ct')
    .innerJoin('titles as t', 't.id', 'ct.title_id')
    .select(['t.id', 't.original_title', 't.english_title'])
    .where('ct.contract_id', '=', id)
    .orderBy('t.original_title')
    .execute();
  const blocks = await db.selectFrom('rights_blocks').selectAll().where('contract_id', '=', id).orderBy('title_id').orderBy('id').execute();
  const holdbacks = await db.selectFrom('holdbacks').selectAll().where('contract_id', '=', id).orderBy('title_id').orderBy('id').execute();
  const view: ContractView = {
    id: c.id,
    ref: c.ref,
    direction: c.direction,
    status: c.status,
    licensor: company(c.licensor_id),
    licensee: company(c.licensee_id),
    salesAgent: company(c.sales_agent_id),
    titles: titles.map((t) => ({ id: t.id, name: t.english_title ?? t.original_title })),
    blocks: blocks
      .map((b) => {
        const codes = parseJson(b.territory_codes);
        const ids = parseJson(b.media_ids);
        return {
          id: b.id,
          titleId: b.title_id,
          territories: b.territories,
          territoryCodes: codes,
          territoryLabel: territoryLabel(territorySetFromCodes(codes, 'territory_codes')),
          media: b.media,
          mediaIds: ids,
          mediaLabel: mediaLabel(mediaSetFromIds(ids, 'media_ids')),
          languages: parseJson(b.languages),
          start: b.start_date,
          end: b.end_date,
          termReported: b.term_reported !== 0,
          exclusive: b.exclusive === 1,
          includesFuture: b.includes_future === 1,
          covers: parseJson(b.covers_titles),
          excludes: parseJson(b.excludes_titles) ?? [],
          ...conditionsShown(b),
        };
      })
      .sort(
        (a, b) =>
          (a.start ?? '').localeCompare(b.start ?? '') || a.titleId.localeCompare(b.titleId) || a.territories.localeCompare(b.territories),
      ),
    holdbacks: holdbacks.map((h) => ({
      id: h.id,
      titleId: h.title_id,
      territories: h.territories,
      territoryCodes: parseJson(h.territory_codes),
      media: h.media,
      mediaIds: parseJson(h.media_ids),
      start: h.start_date,
      end: h.end_date,
      ...conditionsShown(h),
      description: h.description,
    })),
    negotiators: negotiators.map((n) => ({
      person: { id: n.person_id, name: n.person_name },
      company: n.company_id ? { id: n.company_id, name: n.company_name ?? '' } : null,
      side: n.side,
    })),
    signedOn: c.signed_on,
    announcedOn: c.announced_on,
    ...(c.delivery_date ? { deliveryDate: c.delivery_date } : {}),
    editionId: c.edition_id,
    notes: c.notes,
    overrideReason: c.override_reason,
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    deletedAt: c.deleted_at,
  };
  view.mg = c.mg_amount !== null && c.mg_currency ? formatMoney(Number(c.mg_amount), c.mg_currency) : null;
  return view;
}
