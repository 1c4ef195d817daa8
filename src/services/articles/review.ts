/**
 * The review: each fact with its names resolved against the catalog as it is
 * now (known, similar, new, ambiguous) and whether it is already on record.
 */
import type { Kysely } from 'kysely';

import { normalizeName } from '../../domain/fuzzy.js';

import { parseTerritories, territoryCodes } from '../../domain/territories.js';

import { Resolver, type CatalogSnapshot, type EntityMatch } from '../../ingest/resolve.js';

import { type FactType, type Span } from '../../ingest/types.js';
import { parseJson, type ArticleFactStatus, type Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';

import { visibleTo } from '../access.js';
import { NotFoundError } from '../errors.js';
import { pageParams, paginate, type Page } from '../lookup.js';

import { parseMoney } from '../money.js';

import { titleCompanyFactId, type FactTable } from '../provenance.js';
import type { ArticleListItem, ArticleView, FactView, KnownFact, UnreadSentenceView } from './views.js';
import { readingsOf, unreadDealSentences, type UnreadSentence } from '../../ingest/unread.js';

// ------------------------------------------------------------------ read

export async function listArticles(
  app: FilmRights,
  params: { q?: string; page?: number; pageSize?: number } = {},
): Promise<Page<ArticleListItem>> {
  const { page, pageSize } = pageParams(params.page, params.pageSize);
  const db = app.store.db;
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'outlet', 'published_on', 'url', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const counts = await db
    .selectFrom('article_facts')
    .select(['article_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['article_id', 'status'])
    .execute();
  const byArticle = new Map<string, Record<ArticleFactStatus, number>>();
  for (const x of counts) {
    const c = byArticle.get(x.article_id) ?? { pending: 0, accepted: 0, rejected: 0 };
    c[x.status] = Number(x.n);
    byArticle.set(x.article_id, c);
  }
  const q = params.q?.trim() ? normalizeName(params.q) : '';
  const items = rows
    .filter((r) => !q || normalizeName(`${r.title ?? ''} ${r.outlet ?? ''}`).includes(q))
    .map((r) => ({
      id: r.id,
      title: r.title,
      outlet: r.outlet,
      publishedOn: r.published_on,
      url: r.url,
      createdAt: r.created_at,
      counts: byArticle.get(r.id) ?? { pending: 0, accepted: 0, rejected: 0 },
    }));
  const shown = paginate(items, page, pageSize);
  const toRead = await sentencesToRead(
    db,
    shown.items.map((i) => i.id),
  );
  return { ...shown, items: shown.items.map((i) => ({ ...i, toRead: toRead.get(i.id) ?? 0 })) };
}

/** For each article of a page: how many sentences the review lists as not read that no one has checked yet. */
async function sentencesToRead(db: Kysely<Database>, ids: string[]): Promise<Map<string, number>> {
  const listed = await listedSentences(db, ids);
  return new Map([...listed].map(([id, unread]) => [id, unread.filter((u) => !u.checked).length]));
}

/**
 * The sentences each article's review lists as not read (unread.ts), with their checks, from the stored text,
 * facts and checks: for the articles list and a check, without the catalog the full view resolves against.
 * An unknown id has no entry.
 */
export async function listedSentences(db: Kysely<Database>, ids: string[]): Promise<Map<string, UnreadSentenceView[]>> {
  const out = new Map<string, UnreadSentenceView[]>();
  if (!ids.length) return out;
  const texts = await db
    .selectFrom('articles as a')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['a.id', 's.text'])
    .where('a.id', 'in', ids)
    .execute();
  const facts = await db
    .selectFrom('article_facts')
    .select(['article_id', 'type', 'span_start', 'span_end', 'spans', 'fields'])
    .where('article_id', 'in', ids)
    .execute();
  const factsOf = new Map<string, Array<{ type: FactType; span: Span; spans: Span[]; fields: object }>>();
  for (const f of facts) {
    const list = factsOf.get(f.article_id) ?? [];
    list.push({ type: f.type, span: [f.span_start, f.span_end], spans: parseJson(f.spans), fields: parseJson(f.fields) });
    factsOf.set(f.article_id, list);
  }
  const checks = await checksOf(db, ids);
  for (const a of texts) out.set(a.id, withChecks(a.id, unreadDealSentences(a.text ?? '', readingsOf(factsOf.get(a.id) ?? [])), checks));
  return out;
}

/** Who checked which listed sentence (by username) and when, keyed `article:start`. */
async function checksOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, { by: string | null; at: string }>> {
  const rows = await db
    .selectFrom('article_sentence_checks as c')
    .leftJoin('users as u', 'u.id', 'c.checked_by')
    .select(['c.article_id', 'c.span_start', 'c.checked_at', 'u.username'])
    .where('c.article_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [`${r.article_id}:${r.span_start}`, { by: r.username ?? null, at: r.checked_at }]));
}

/** Each listed sentence with its check, or null while it waits. */
function withChecks(
  articleId: string,
  unread: UnreadSentence[],
  checks: Map<string, { by: string | null; at: string }>,
): UnreadSentenceView[] {
  return unread.map((u) => ({ ...u, checked: checks.get(`${articleId}:${u.span[0]}`) ?? null }));
}

/** The catalog's names, for resolution. */
export async function catalogSnapshot(db: Kysely<Database>): Promise<CatalogSnapshot> {
  const titles = await db.selectFrom('titles').select(['id', 'original_title', 'english_title', 'year']).execute();
  const aliases = await db.selectFrom('title_aliases').select(['title_id', 'alias']).execute();
  const festivals = await db.selectFrom('festivals').select(['id', 'name', 'short_name', 'aliases']).execute();
  return {
    titles: titles.map((t) => ({
      id: t.id,
      names: [t.english_title, t.original_title, ...aliases.filter((a) => a.title_id === t.id).map((a) => a.alias)].filter(
        (n): n is string => !!n,
      ),
      year: t.year,
      label: t.english_title ?? t.original_title,
    })),
    people: await db.selectFrom('people').select(['id', 'name']).execute(),
    companies: await db.selectFrom('companies').select(['id', 'name']).execute(),
    festivals: festivals.map((f) => ({
      id: f.id,
      names: [f.name, f.short_name, ...parseJson(f.aliases)].filter((n): n is string => !!n),
      label: f.name,
    })),
  };
}

/** The names of a fact, resolved, by field. */
export function resolveFact(r: Resolver, type: FactType, f: Record<string, unknown>): Record<string, EntityMatch> {
  const out: Record<string, EntityMatch> = {};
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  if (s(f.title)) out.title = r.title(f.title as string);
  const company = (field: string) => {
    if (s(f[field])) out[field] = r.company(f[field] as string);
  };
  const person = (field: string) => {
    if (s(f[field])) out[field] = r.person(f[field] as string);
  };
  switch (type) {
    case 'deal':
      company('buyer');
      company('seller');
      ((f.negotiators as Array<{ name: string; company: string | null }>) ?? []).forEach((n, i) => {
        out[`negotiators[${i}]`] = r.person(n.name);
      });
      if (f.festival && typeof f.festival === 'object') {
        const name = (f.festival as { name: string }).name;
        const m = r.festival(name);
        out.festival = { ...m, entry: undefined } as EntityMatch;
      }
      break;
    case 'rumour':
      company('party');
      break;
    case 'mandate':
      company('company');
      break;
    case 'selection':
    case 'withdrawal':
    case 'award': {
      const m = r.festival(f.festival as string);
      out.festival = { name: m.name, kind: m.kind, status: m.status, id: m.id, matched: m.matched, candidates: m.candidates };
      if (type === 'award') person('person');
      break;
    }
    case 'release':
      company('distributor');
      break;
    case 'credit':
      person('name');
      break;
    case 'titleCompany':
      company('company');
      break;
    default:
      break;
  }
  return out;
}

/** Whether the fact is already on record, and from how many sources. */
export async function findKnown(
  db: Kysely<Database>,
  type: FactType,
  f: Record<string, unknown>,
  res: Record<string, EntityMatch>,
  sourceId: string,
): Promise<KnownFact | null> {
  const id = (k: string) => (res[k]?.status === 'known' ? res[k].id : null);
  const titleId = id('title');
  if (!titleId) return null;
  let hit: { table: FactTable; id: string } | null = null;
  switch (type) {
    case 'deal': {
      const buyer = id('buyer');
      if (!buyer) return null;
      hit = await findContract(db, titleId, buyer, f.territories as string | null);
      break;
    }
    case 'mandate': {
      const c = id('company');
      if (!c) return null;
      const row = await db
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', c)
        .where('role', '=', 'sales-agent')
        .executeTakeFirst();
      hit = row ? { table: 'title_companies', id: titleCompanyFactId(titleId, c, 'sales-agent') } : null;
      break;
    }
    case 'titleCompany': {
      const c = id('company');
      if (!c) return null;
      const role = f.role as string;
      const row = await db
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', c)
        .where('role', '=', role as never)
        .executeTakeFirst();
      hit = row ? { table: 'title_companies', id: titleCompanyFactId(titleId, c, role) } : null;
      break;
    }
    case 'selection':
    case 'withdrawal':
    case 'award': {
      const festivalId = id('festival');
      if (!festivalId || (!f.year && type !== 'award')) return null;
      let eq = db.selectFrom('festival_editions').select('id').where('festival_id', '=', festivalId);
      if (f.year) eq = eq.where('year', '=', f.year as number);
      const ed = await eq.execute();
      if (!ed.length) return null;
      if (type === 'award') {
        const rows = await db
          .selectFrom('awards')
          .select(['id', 'name'])
          .where(
            'edition_id',
            'in',
            ed.map((e) => e.id),
          )
          .where('title_id', '=', titleId)
          .execute();
        // "the Oscar-winning Parasite": without a year, the one award of that ceremony the title has
        const row =
          rows.find((a) => sameAward(a.name, f.award as string)) ??
          (!f.year && rows.length === 1 && /^(?:oscar|academy award|golden globe|bafta|cesar|goya)$/.test(normalizeName(f.award as string))
            ? rows[0]
            : undefined);
        hit = row ? { table: 'awards', id: row.id } : null;
      } else {
        const row = await db
          .selectFrom('selections')
          .select('id')
          .where(
            'edition_id',
            'in',
            ed.map((e) => e.id),
          )
          .where('title_id', '=', titleId)
          .executeTakeFirst();
        hit = row ? { table: 'selections', id: row.id } : null;
      }
      break;
    }
    case 'boxOffice': {
      let q = db.selectFrom('box_office').select(['id', 'amount', 'currency']).where('title_id', '=', titleId);
      q = f.territory ? q.where('territory', '=', f.territory as string) : q.where('territory', 'is', null);
      const minor = safeMinor(f.amount as string, f.currency as string);
      const row = (await q.execute()).find((b) => b.currency === f.currency && Number(b.amount) === minor);
      hit = row ? { table: 'box_office', id: row.id } : null;
      break;
    }
    case 'release': {
      const row = await db
        .selectFrom('releases')
        .select('id')
        .where('title_id', '=', titleId)
        .where('territory', '=', f.territory as string)
        .executeTakeFirst();
      hit = row ? { table: 'releases', id: row.id } : null;
      break;
    }
    case 'credit': {
      const p = id('name');
      if (!p) return null;
      const row = await db
        .selectFrom('credits')
        .select('id')
        .where('title_id', '=', titleId)
        .where('person_id', '=', p)
        .where('role', '=', f.role as never)
        .executeTakeFirst();
      hit = row ? { table: 'credits', id: row.id } : null;
      break;
    }
    case 'sourceMaterial':
    case 'productionStatus': {
      const t = await db
        .selectFrom('titles')
        .select(['id', 'source_material', 'production_status'])
        .where('id', '=', titleId)
        .executeTakeFirst();
      const same =
        type === 'sourceMaterial'
          ? t?.source_material && normalizeName(t.source_material) === normalizeName(f.material as string)
          : t?.production_status === f.status;
      hit = same ? { table: 'titles', id: titleId } : null;
      break;
    }
    default:
      return null;
  }
  if (!hit) return null;
  const links = await db
    .selectFrom('fact_sources')
    .select(['source_id'])
    .where('fact_table', '=', hit.table)
    .where('fact_id', '=', hit.id)
    .execute();
  return { ...hit, sources: new Set(links.map((l) => l.source_id)).size, fromThisArticle: links.some((l) => l.source_id === sourceId) };
}

export function safeMinor(amount: string, currency: string): number | null {
  try {
    return parseMoney({ amount, currency }, 'amount').minor;
  } catch {
    return null;
  }
}

export function sameAward(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** A live contract of this title with this licensee covering the same territories (or, when the article names none, any). */
export async function findContract(
  db: Kysely<Database>,
  titleId: string,
  licenseeId: string,
  territories: string | null,
): Promise<{ table: 'contracts'; id: string } | null> {
  const rows = await db
    .selectFrom('contracts as c')
    .innerJoin('contract_titles as ct', 'ct.contract_id', 'c.id')
    .select(['c.id'])
    .where('ct.title_id', '=', titleId)
    .where('c.licensee_id', '=', licenseeId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.created_at')
    .execute();
  if (!rows.length) return null;
  let wanted: string | null = null;
  if (territories) {
    try {
      wanted = territoryCodes(parseTerritories(territories)).join(',');
    } catch {
      wanted = null;
    }
  }
  for (const r of rows) {
    const blocks = await db
      .selectFrom('rights_blocks')
      .select('territory_codes')
      .where('contract_id', '=', r.id)
      .where('title_id', '=', titleId)
      .execute();
    if (!wanted) return { table: 'contracts', id: r.id };
    const codes = [...new Set(blocks.flatMap((b) => parseJson(b.territory_codes)))].sort().join(',');
    if (codes === wanted) return { table: 'contracts', id: r.id };
  }
  return null;
}

/** An article with its facts; a deal's price (a financial field) only for users with the financial-terms permission. */
export async function getArticle(app: FilmRights, actor: Actor, id: string): Promise<ArticleView> {
  const db = app.store.db;
  const a = await db
    .selectFrom('articles as a')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['a.id', 'a.source_id', 'a.title', 'a.outlet', 'a.published_on', 'a.url', 'a.title_spans', 'a.created_at', 's.text', 's.file'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('article', id);
  const text = a.text ?? '';
  const rows = await db.selectFrom('article_facts').selectAll().where('article_id', '=', id).orderBy('position').execute();
  const resolver = new Resolver(await catalogSnapshot(app.store.db));
  const counts: Record<ArticleFactStatus, number> = { pending: 0, accepted: 0, rejected: 0 };
  const facts: FactView[] = [];
  for (const r of rows) {
    counts[r.status]++;
    const fields = parseJson(r.fields);
    const resolution = resolveFact(resolver, r.type, fields);
    facts.push({
      id: r.id,
      position: r.position,
      type: r.type,
      fields,
      confidence: Number(r.confidence),
      span: [r.span_start, r.span_end],
      spans: parseJson(r.spans),
      quote: text.slice(r.span_start, r.span_end),
      status: r.status,
      resolution,
      known: await findKnown(app.store.db, r.type, fields, resolution, a.source_id),
      written: r.written ? parseJson(r.written) : null,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
    });
  }
  return visibleTo(actor, {
    id: a.id,
    sourceId: a.source_id,
    title: a.title,
    outlet: a.outlet,
    publishedOn: a.published_on,
    url: a.url,
    file: a.file,
    text,
    titleSpans: parseJson(a.title_spans),
    createdAt: a.created_at,
    counts,
    facts,
    // the sentences a person should read: a sale's words, and no deal, talks or mandate drawn from them, or one that
    // leaves out a company they name (any decision counts as read)
    unread: withChecks(a.id, unreadDealSentences(text, readingsOf(facts)), await checksOf(db, [a.id])),
  });
}
