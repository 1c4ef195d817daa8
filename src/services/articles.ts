/**
 * Articles: trade-press text in, reviewed facts out.
 *
 * `ingestArticle` reads the article (text, HTML, URL), stores it as a source
 * (sources.text holds the text every span indexes into) with its content hash
 * (the same article twice is the same article: no second copy, no duplicate
 * facts) and the candidate facts the extractor proposes.
 *
 * `getArticle` shows each fact with its names resolved against the catalog as
 * it is now (known, similar, new, ambiguous) and whether the fact is already
 * on record (from another source, or this one).
 *
 * `acceptFact` writes a fact through the same services as manual entry, in one
 * transaction: titles, people, companies and festival editions found or
 * created; a deal through checkContract/writeContractIn, so a deal that gives
 * away rights "we" hold is conflict-checked (409 unless overridden with a
 * reason) and a deal between two other companies is a third-party contract,
 * market intelligence; every written fact keeps its source and span
 * (fact_sources, reviewed). A fact already on record gains this article as a
 * further source instead of a second record. Rumours are kept with the
 * article as reviewed notes and never become contracts.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalid } from '../domain/errors.js';
import { financialFieldsIn } from '../domain/financial.js';
import { normalizeName } from '../domain/fuzzy.js';
import { parseTerritories, territoryCodes } from '../domain/territories.js';
import { fetchPage, givenInput, type IntakeInput } from '../ingest/intake.js';
import type { FetchPolicy } from '../ingest/safeFetch.js';
import { extractInWorker, readArticleInWorker } from '../ingest/workers.js';
import { readHeader } from '../ingest/text.js';
import { eventByName, findEvent, yearEdition } from '../ingest/lexicon.js';
import { Resolver, type CatalogSnapshot, type EntityMatch } from '../ingest/resolve.js';
import { FACT_TYPES, type AnyFact, type FactType, type Span } from '../ingest/types.js';
import {
  newId,
  nowIso,
  parseJson,
  slugId,
  toJson,
  type ArticleFactStatus,
  type CompanyKind,
  type Database,
  type WrittenFact,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireFinancialWrite, requireWriter, visibleTo } from './access.js';
import { audit } from './audit.js';
import { fetchPolicy } from './fetchSettings.js';
import { TitleIndex, checkCredit, checkTitle, insertCredit, insertTitle, insertTitleCompany } from './catalog.js';
import { checkContract, writeContractIn, type ContractContext, type ContractInput } from './contracts.js';
import { NotFoundError, RightsConflictError } from './errors.js';
import {
  checkAward,
  checkEdition,
  checkFestival,
  checkSelection,
  findOrCreateEditionIn,
  findOrCreateFestivalIn,
  insertAward,
  insertSelection,
} from './festivals.js';
import { pageParams, paginate, type Page } from './lookup.js';
import { checkBoxOffice, checkRelease, insertBoxOffice, insertRelease } from './market.js';
import { parseMoney } from './money.js';
import { NameIndex, checkCompany, findOrCreateCompanyIn, findOrCreatePersonIn } from './people.js';
import { checkFactLink, checkSource, insertFactLink, insertSource, titleCompanyFactId, type FactTable } from './provenance.js';

// ------------------------------------------------------------------ views

/** What accepting a fact wrote (article_facts.written). */
export type Written = WrittenFact;

export interface KnownFact {
  table: FactTable;
  id: string;
  /** How many sources state it already. */
  sources: number;
  /** This article is already one of them. */
  fromThisArticle: boolean;
}

export interface FactView {
  id: string;
  position: number;
  type: FactType;
  fields: Record<string, unknown>;
  confidence: number;
  span: Span;
  spans: Span[];
  quote: string;
  status: ArticleFactStatus;
  /** Names resolved against the catalog, by field ("title", "buyer", "negotiators[0]"...). */
  resolution: Record<string, EntityMatch>;
  known: KnownFact | null;
  written: Written | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ArticleView {
  id: string;
  sourceId: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  url: string | null;
  file: string | null;
  text: string;
  titleSpans: Span[];
  createdAt: string;
  counts: Record<ArticleFactStatus, number>;
  facts: FactView[];
}

export interface ArticleListItem {
  id: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  url: string | null;
  createdAt: string;
  counts: Record<ArticleFactStatus, number>;
}

// ------------------------------------------------------------------ ingest

/**
 * An article as the API and feeds give it: its text, its HTML or its URL, and what overrides the page.
 * It cannot name a file: a path is the CLI's (LocalArticleInput), never an HTTP caller's.
 */
export interface ArticleInput {
  text?: string | null;
  html?: string | null;
  url?: string | null;
  title?: string | null;
  date?: string | null;
  outlet?: string | null;
}

/** The CLI's input: an article may also be a local file, read by the CLI's own process. */
export interface LocalArticleInput extends ArticleInput {
  file?: string | null;
}

/** The content hash: the text with whitespace collapsed, so a re-paste with other line breaks is the same article. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/**
 * Reads, stores and extracts an article. The same article again (same URL, or
 * the same text) answers the stored one with `duplicate: true`.
 */
export async function ingestArticle(
  app: FilmRights,
  actor: Actor,
  input: ArticleInput,
  opts: { fetch?: FetchPolicy } = {},
): Promise<{ article: ArticleView; duplicate: boolean }> {
  // only the fields an API caller may give are passed on, whatever object arrives (a `file` never does)
  const { text, html, url, title, date, outlet } = input;
  return ingest(app, actor, { text, html, url, title, date, outlet }, opts);
}

/** The CLI's ingest: as ingestArticle, and the article may be a local file. Not reachable from HTTP. */
export async function ingestLocalArticle(
  app: FilmRights,
  actor: Actor,
  input: LocalArticleInput,
  opts: { fetch?: FetchPolicy } = {},
): Promise<{ article: ArticleView; duplicate: boolean }> {
  return ingest(app, actor, input, opts);
}

async function ingest(
  app: FilmRights,
  actor: Actor,
  input: IntakeInput,
  opts: { fetch?: FetchPolicy },
): Promise<{ article: ArticleView; duplicate: boolean }> {
  requireWriter(actor);
  const db = app.store.db;
  if (input.url?.trim()) {
    const byUrl = await db.selectFrom('articles').select('id').where('url', '=', input.url.trim()).executeTakeFirst();
    if (byUrl) return { article: await getArticle(app, actor, byUrl.id), duplicate: true };
  }
  // a URL is fetched under the server's fetch policy (public network, plus the hosts an admin allowed);
  // reading the page (HTML) and extracting its facts take work, done in a worker thread
  const page = givenInput(input) === 'url' ? await fetchPage(input.url!.trim(), { ...(await fetchPolicy(app)), ...opts.fetch }) : undefined;
  const a = await readArticleInWorker(input, page);
  const hash = contentHash(a.text);
  const byHash = await db.selectFrom('articles').select('id').where('content_hash', '=', hash).executeTakeFirst();
  if (byHash) return { article: await getArticle(app, actor, byHash.id), duplicate: true };
  const known = {
    people: (await db.selectFrom('people').select('name').execute()).map((r) => r.name),
    companies: (await db.selectFrom('companies').select('name').execute()).map((r) => r.name),
  };
  const extraction = await extractInWorker(a.text, { date: a.date, titleSpans: a.titleSpans, known });
  const source = checkSource({
    kind: 'article',
    outlet: a.outlet,
    publishedOn: a.date ?? extraction.date,
    url: a.url,
    file: a.file,
    title: a.title ?? firstLine(a.text),
    text: a.text,
  });
  const id = await app.store.transaction(async (trx) => {
    const t = trx;
    // a source with this very text (the demo's seed article) is reused, so its facts are recognised as this article's
    const existing = await trx
      .selectFrom('sources')
      .select(['id', 'text'])
      .where('kind', '=', 'article')
      .where('text', '=', a.text)
      .executeTakeFirst();
    const sourceId = existing?.id ?? (await insertSource(trx, actor, source));
    const articleId = newId();
    await t
      .insertInto('articles')
      .values({
        id: articleId,
        source_id: sourceId,
        content_hash: hash,
        url: a.url,
        outlet: a.outlet,
        published_on: source.published_on,
        title: source.title,
        title_spans: toJson(a.titleSpans),
        created_by: actor.id,
        created_at: nowIso(),
      })
      .execute();
    let position = 0;
    for (const f of extraction.facts) {
      await t
        .insertInto('article_facts')
        .values({
          id: newId(),
          article_id: articleId,
          position: position++,
          type: f.type,
          fact_key: f.key,
          fields: toJson<Record<string, unknown>>({ ...f.fields }),
          confidence: f.confidence,
          span_start: f.span[0],
          span_end: f.span[1],
          spans: toJson(f.spans),
          status: 'pending',
          written: null,
          decided_by: null,
          decided_at: null,
        })
        .execute();
    }
    await audit(trx, actor, {
      action: 'ingest',
      entity: 'articles',
      entityId: articleId,
      before: null,
      after: { source: sourceId, outlet: a.outlet, url: a.url, facts: extraction.facts.length },
    });
    return articleId;
  });
  return { article: await getArticle(app, actor, id), duplicate: false };
}

/** A headline for an article pasted without one: its first line (after a "date ..." header), cut at the first sentence. */
function firstLine(text: string): string | null {
  const body = text.slice(readHeader(text).bodyStart);
  let line = body.trim().split('\n')[0]?.trim() ?? '';
  if (line.length > 120) line = (/^.{20,160}?[.!?](?:["”’']|\s|$)/.exec(line)?.[0] ?? `${line.slice(0, 117)}…`).trim();
  return line || null;
}

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
  const q = params.q?.trim() ? normalizeName(params.q) : '';
  const items = rows
    .filter((r) => !q || normalizeName(`${r.title ?? ''} ${r.outlet ?? ''}`).includes(q))
    .map((r) => {
      const c: Record<ArticleFactStatus, number> = { pending: 0, accepted: 0, rejected: 0 };
      for (const x of counts) if (x.article_id === r.id) c[x.status] = Number(x.n);
      return { id: r.id, title: r.title, outlet: r.outlet, publishedOn: r.published_on, url: r.url, createdAt: r.created_at, counts: c };
    });
  return paginate(items, page, pageSize);
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
async function findKnown(
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

function safeMinor(amount: string, currency: string): number | null {
  try {
    return parseMoney({ amount, currency }, 'amount').minor;
  } catch {
    return null;
  }
}

function sameAward(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** A live contract of this title with this licensee covering the same territories (or, when the article names none, any). */
async function findContract(
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
  });
}

// ------------------------------------------------------------------ review

export interface AcceptInput {
  /** Edited fields, merged over the extracted ones. Entity choices: titleId, buyerId, sellerId, companyId, personId, partyId, distributorId, festivalId ("new" forces a new record). */
  fields?: Record<string, unknown>;
  /** Save a deal that conflicts with rights on record anyway; the reason is recorded. */
  override?: { reason: string } | null;
}

const STREAMERS =
  /^(?:netflix|amazon(?: studios| prime video| mgm studios)?|prime video|apple(?: tv\+?| original films)?|hulu|disney\+?|hbo(?: max)?|max|paramount\+|peacock|shudder|mubi|criterion channel|curiosity stream|britbox|now|sky|canal\+|viaplay|movistar\+?|iqiyi|tencent video|youku|wavve|tving|u-next|stan|binge|crave)$/i;

function companyKind(name: string, role: 'buyer' | 'seller' | 'production' | 'distributor' | 'other'): CompanyKind {
  if (role === 'seller') return 'sales-agent';
  if (role === 'production') return 'production';
  if (STREAMERS.test(name.trim())) return 'streamer';
  return role === 'other' ? 'other' : 'distributor';
}

/** The catalog lookups one acceptance needs, loaded inside its transaction. */
class Writer {
  private titles!: TitleIndex;
  private people!: NameIndex;
  private companies!: NameIndex;
  readonly touchedTitles = new Set<string>();
  private resolver!: Resolver;

  constructor(
    readonly trx: Kysely<Database>,
    readonly actor: Actor,
  ) {}

  async load(): Promise<this> {
    this.titles = await TitleIndex.load(this.trx);
    this.people = await NameIndex.load(this.trx, 'people');
    this.companies = await NameIndex.load(this.trx, 'companies');
    this.resolver = new Resolver(await catalogSnapshot(this.trx));
    return this;
  }

  /** An entity id: the reviewer's choice, the one record the name matches, or a new record; ambiguity is an error naming the field. */
  private choose(field: string, match: EntityMatch, chosen: unknown): string | 'new' {
    if (typeof chosen === 'string' && chosen.trim()) return chosen.trim() === 'new' ? 'new' : chosen.trim();
    if ((match.status === 'known' || match.status === 'similar') && match.id) return match.id;
    if (match.status === 'ambiguous') {
      throw invalid(
        `fields.${field}Id`,
        match.name,
        `fields.${field}Id: "${match.name}" could be ${match.candidates.map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ''} [${c.id}]`).join(' or ')}; choose one, or "new"`,
        match.candidates.map((c) => c.id),
      );
    }
    return 'new';
  }

  async title(name: string, chosen: unknown): Promise<string> {
    const pick = this.choose('title', this.resolver.title(name), chosen);
    let id = pick;
    if (pick === 'new')
      id = await insertTitle(
        this.trx,
        this.actor,
        checkTitle({ originalTitle: name }, (n) => `fields.title.${n}`),
      );
    else if (!(await this.trx.selectFrom('titles').select('id').where('id', '=', pick).executeTakeFirst()))
      throw invalid('fields.titleId', pick, `fields.titleId: no title with id "${pick}"`);
    this.touchedTitles.add(id);
    return id;
  }

  async company(field: string, name: string, role: Parameters<typeof companyKind>[1], chosen: unknown): Promise<string> {
    const pick = this.choose(field, this.resolver.company(name), chosen);
    if (pick !== 'new') {
      if (!(await this.trx.selectFrom('companies').select('id').where('id', '=', pick).executeTakeFirst()))
        throw invalid(`fields.${field}Id`, pick, `fields.${field}Id: no company with id "${pick}"`);
      return pick;
    }
    return (
      await findOrCreateCompanyIn(
        this.trx,
        this.actor,
        checkCompany({ name, kind: companyKind(name, role) }, (n) => `fields.${field}.${n}`),
        chosen === 'new' ? new NameIndex() : this.companies,
      )
    ).id;
  }

  async person(field: string, name: string, chosen: unknown): Promise<string> {
    const pick = this.choose(field, this.resolver.person(name), chosen);
    if (pick !== 'new') {
      if (!(await this.trx.selectFrom('people').select('id').where('id', '=', pick).executeTakeFirst()))
        throw invalid(`fields.${field}Id`, pick, `fields.${field}Id: no person with id "${pick}"`);
      return pick;
    }
    return (await findOrCreatePersonIn(this.trx, this.actor, { name }, chosen === 'new' ? new NameIndex() : this.people)).id;
  }

  /** The one award a title has at a ceremony (any year), for prizes the article names without a year. */
  async awardWithoutYear(name: string, titleId: string, chosenFestival: unknown): Promise<string | null> {
    const m = this.resolver.festival(name);
    const festivalId = typeof chosenFestival === 'string' && chosenFestival !== 'new' ? chosenFestival : m.status === 'known' ? m.id : null;
    if (!festivalId) return null;
    const rows = await this.trx
      .selectFrom('awards as a')
      .innerJoin('festival_editions as e', 'e.id', 'a.edition_id')
      .select('a.id')
      .where('e.festival_id', '=', festivalId)
      .where('a.title_id', '=', titleId)
      .execute();
    return rows.length === 1 ? rows[0].id : null;
  }

  /** The festival edition of a year (or number), created with the festival when the catalog has neither. */
  async edition(name: string, year: unknown, edition: unknown, chosenFestival: unknown): Promise<string> {
    const m = this.resolver.festival(name);
    const entry = m.entry ?? findEvent(name) ?? eventByName(name) ?? null;
    let festivalId = this.choose('festival', m, chosenFestival);
    if (festivalId === 'new') {
      festivalId = (
        await findOrCreateFestivalIn(
          this.trx,
          this.actor,
          checkFestival(
            {
              name: entry?.name ?? name,
              shortName: entry?.shortName ?? null,
              aliases: entry ? entry.aliases.filter((a) => a !== entry.name) : [],
              kind: entry?.kind ?? 'festival',
              country: entry?.country ?? null,
              city: entry?.city ?? null,
            },
            (n) => `fields.festival.${n}`,
          ),
        )
      ).id;
    }
    const y = typeof year === 'number' ? year : typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : null;
    if (!y)
      throw invalid(
        'fields.year',
        year,
        `fields.year: say the year of this ${entry?.kind === 'awards' ? 'ceremony' : entry?.kind === 'market' ? 'market' : 'festival'} edition (the article does not)`,
      );
    const n = typeof edition === 'number' ? edition : entry ? yearEdition(entry, y) : null;
    // an edition of that year already on record wins over a numbered one
    const byYear = await this.trx
      .selectFrom('festival_editions')
      .select('id')
      .where('festival_id', '=', festivalId)
      .where('year', '=', y)
      .orderBy('id')
      .executeTakeFirst();
    if (byYear) return byYear.id;
    return (
      await findOrCreateEditionIn(
        this.trx,
        this.actor,
        festivalId,
        checkEdition({ year: y, number: n }, (x) => `fields.${x}`),
      )
    ).id;
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

async function uniqueRef(trx: Kysely<Database>, base: string): Promise<string> {
  const stem = `PRESS-${slugId(base).toUpperCase()}`.slice(0, 60);
  for (let i = 1; i < 100; i++) {
    const ref = i === 1 ? stem : `${stem}-${i}`;
    if (!(await trx.selectFrom('contracts').select('id').where('ref', '=', ref).executeTakeFirst())) return ref;
  }
  return `${stem}-${Date.now().toString(36).toUpperCase()}`;
}

/** Writes one accepted fact; answers what it became. Runs inside the caller's transaction. */
async function writeFact(
  app: FilmRights,
  w: Writer,
  fact: { type: FactType; fields: Record<string, unknown> },
  source: { id: string; text: string; outlet: string | null; publishedOn: string | null },
  span: Span,
  override: AcceptInput['override'],
): Promise<Written> {
  const { trx, actor } = w;
  const f = fact.fields;
  const title = str(f.title);
  if (!title && fact.type !== 'rumour') throw invalid('fields.title', f.title, 'fields.title: required, the film the fact is about');
  const link = async (table: FactTable, id: string, existed: boolean): Promise<Written> => {
    const already = await trx
      .selectFrom('fact_sources')
      .select('id')
      .where('source_id', '=', source.id)
      .where('fact_table', '=', table)
      .where('fact_id', '=', id)
      .executeTakeFirst();
    let linkId = already?.id ?? null;
    if (!already) {
      const quote = source.text.slice(span[0], span[1]);
      linkId = await insertFactLink(
        trx,
        actor,
        checkFactLink(
          {
            sourceId: source.id,
            factTable: table,
            factId: id,
            quote,
            spanStart: span[0],
            spanEnd: span[1],
            reviewed: true,
            accepted: true,
          },
          source.text,
        ),
      );
    } else {
      await trx.updateTable('fact_sources').set({ reviewed: 1, accepted: 1 }).where('id', '=', already.id).execute();
    }
    const reviewer = await trx.selectFrom('users').select('id').where('id', '=', actor.id).executeTakeFirst();
    if (reviewer && linkId) await trx.updateTable('fact_sources').set({ reviewed_by: reviewer.id }).where('id', '=', linkId).execute();
    return { table, id, linkId, existed };
  };

  switch (fact.type) {
    case 'rumour':
      // kept with the article as a reviewed note: talks and denials never become contracts
      return { table: 'article_facts', id: '', linkId: null, existed: false };
    case 'deal': {
      const titleId = await w.title(title!, f.titleId);
      const buyer = str(f.buyer);
      if (!buyer) throw invalid('fields.buyer', f.buyer, 'fields.buyer: required, who acquired the rights');
      const buyerId = await w.company('buyer', buyer, 'buyer', f.buyerId);
      const seller = str(f.seller);
      const sellerId = seller ? await w.company('seller', seller, 'seller', f.sellerId) : null;
      const territories = str(f.territories);
      const existing = await findContract(trx, titleId, buyerId, territories);
      if (existing) return link('contracts', existing.id, true);
      const media = str(f.media);
      const negotiators: ContractInput['negotiators'] = [];
      const list = Array.isArray(f.negotiators)
        ? (f.negotiators as Array<{ name?: string; company?: string | null; side?: string | null }>)
        : [];
      for (let i = 0; i < list.length; i++) {
        const n = list[i];
        if (!str(n.name)) continue;
        const personId = await w.person(`negotiators[${i}]`, n.name!, undefined);
        const side =
          n.side === 'licensor' || n.side === 'licensee'
            ? n.side
            : n.company && normalizeName(n.company) === normalizeName(buyer)
              ? 'licensee'
              : 'licensor';
        const companyId = n.company
          ? normalizeName(n.company) === normalizeName(buyer)
            ? buyerId
            : seller && normalizeName(n.company) === normalizeName(seller)
              ? sellerId
              : await w.company(`negotiators[${i}].company`, n.company, 'other', undefined)
          : side === 'licensee'
            ? buyerId
            : sellerId;
        if (!negotiators.some((x) => x.personId === personId)) negotiators.push({ personId, companyId, side });
      }
      const festival =
        f.festival && typeof f.festival === 'object'
          ? (f.festival as { name?: string; year?: number | null; edition?: number | null })
          : null;
      const editionId =
        festival?.name && festival.year ? await w.edition(festival.name, festival.year, festival.edition ?? null, f.festivalId) : null;
      const price = f.price && typeof f.price === 'object' ? (f.price as { amount: string; currency: string }) : null;
      const notes = [
        `As reported by ${source.outlet ?? 'the trade press'}${source.publishedOn ? ` on ${source.publishedOn}` : ''}: “${source.text.slice(span[0], span[1]).replace(/\s+/g, ' ').trim()}”`,
        territories ? null : 'Territories not reported.',
        media ? null : 'Media not reported (recorded as All Media).',
        'Term not reported (recorded from the announcement, open-ended).',
        str(f.priceNote) ? `Price: ${str(f.priceNote)}.` : null,
      ]
        .filter(Boolean)
        .join(' ');
      const announcedOn = str(f.announcedOn) ?? source.publishedOn;
      const input: ContractInput = {
        ref: await uniqueRef(trx, `${buyer}-${title}`),
        status: 'announced',
        licensorId: sellerId,
        licenseeId: buyerId,
        salesAgentId:
          sellerId &&
          (await trx.selectFrom('companies').select('kind').where('id', '=', sellerId).executeTakeFirst())?.kind === 'sales-agent'
            ? sellerId
            : null,
        titleIds: [titleId],
        blocks: territories ? [{ territories, media: media ?? 'All Media', start: announcedOn, end: null, exclusive: true }] : [],
        negotiators,
        mg: price,
        announcedOn,
        editionId,
        notes,
        override: override?.reason ? { reason: override.reason } : null,
      };
      const checked = checkContract(
        input,
        (n) => `fields.${n === 'blocks[0].territories' ? 'territories' : n === 'blocks[0].media' ? 'media' : n}`,
      );
      const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
      // the MG is the price as the article reports it (a reviewer's edit of it needs the financial-terms permission: acceptFact)
      const r = await writeContractIn(trx, app.store, ctx, actor, checked, { mgFromSource: true });
      if (!r.ok) throw new RightsConflictError(r.report);
      return link('contracts', r.id, false);
    }
    case 'mandate': {
      const titleId = await w.title(title!, f.titleId);
      const company = str(f.company);
      if (!company) throw invalid('fields.company', f.company, 'fields.company: required, who handles the sales');
      const companyId = await w.company('company', company, 'seller', f.companyId);
      const existed = !!(await trx
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', companyId)
        .where('role', '=', 'sales-agent')
        .executeTakeFirst());
      const factId = await insertTitleCompany(trx, actor, titleId, companyId, 'sales-agent');
      return link('title_companies', factId, existed);
    }
    case 'titleCompany': {
      const titleId = await w.title(title!, f.titleId);
      const company = str(f.company);
      const role = f.role as 'production' | 'co-production' | 'sales-agent' | 'distributor';
      if (!company) throw invalid('fields.company', f.company, 'fields.company: required');
      const companyId = await w.company(
        'company',
        company,
        role === 'production' || role === 'co-production' ? 'production' : role === 'sales-agent' ? 'seller' : 'distributor',
        f.companyId,
      );
      const existed = !!(await trx
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', companyId)
        .where('role', '=', role)
        .executeTakeFirst());
      const factId = await insertTitleCompany(trx, actor, titleId, companyId, role);
      return link('title_companies', factId, existed);
    }
    case 'selection':
    case 'withdrawal': {
      const titleId = await w.title(title!, f.titleId);
      const editionId = await w.edition(String(f.festival ?? ''), f.year, f.edition, f.festivalId);
      const existing = await trx
        .selectFrom('selections')
        .selectAll()
        .where('edition_id', '=', editionId)
        .where('title_id', '=', titleId)
        .executeTakeFirst();
      const withdrawn = fact.type === 'withdrawal';
      if (existing) {
        if (withdrawn && !existing.withdrawn) {
          const reason = str(f.reason);
          await trx.updateTable('selections').set({ withdrawn: 1, withdrawal_reason: reason }).where('id', '=', existing.id).execute();
          await audit(trx, actor, {
            action: 'withdraw',
            entity: 'selections',
            entityId: existing.id,
            before: existing,
            after: { ...existing, withdrawn: 1, withdrawal_reason: reason },
            reason,
          });
        }
        return link('selections', existing.id, true);
      }
      const checked = checkSelection(
        {
          section: str(f.section),
          premiereStatus: withdrawn ? null : (str(f.premiere) as never),
          slot: withdrawn ? null : (str(f.slot) as never),
          withdrawn,
          withdrawalReason: withdrawn ? str(f.reason) : null,
        },
        (n) => `fields.${n}`,
      );
      return link('selections', await insertSelection(trx, actor, editionId, titleId, checked), false);
    }
    case 'award': {
      const titleId = await w.title(title!, f.titleId);
      if (!f.year) {
        // "the Oscar-winning Parasite": the award of that ceremony already on record, when there is exactly one
        const known = await w.awardWithoutYear(String(f.festival ?? ''), titleId, f.festivalId);
        if (known) return link('awards', known, true);
      }
      const editionId = await w.edition(String(f.festival ?? ''), f.year, f.edition, f.festivalId);
      const award = str(f.award);
      if (!award) throw invalid('fields.award', f.award, 'fields.award: required, the prize');
      const rows = await trx
        .selectFrom('awards')
        .select(['id', 'name'])
        .where('edition_id', '=', editionId)
        .where('title_id', '=', titleId)
        .execute();
      const same = rows.find((a) => sameAward(a.name, award));
      if (same) return link('awards', same.id, true);
      const personId = str(f.person) ? await w.person('person', str(f.person)!, f.personId) : null;
      return link(
        'awards',
        await insertAward(
          trx,
          actor,
          editionId,
          titleId,
          personId,
          checkAward({ name: award, tied: f.tied === true }, (n) => `fields.${n}`),
        ),
        false,
      );
    }
    case 'boxOffice': {
      const titleId = await w.title(title!, f.titleId);
      const checked = checkBoxOffice(
        {
          territory: str(f.territory),
          amount: String(f.amount ?? ''),
          currency: String(f.currency ?? ''),
          periodStart: str(f.periodStart),
          periodEnd: str(f.periodEnd),
          asOf: str(f.asOf),
          cumulative: f.cumulative !== false,
        },
        (n) => `fields.${n}`,
      );
      let q = trx.selectFrom('box_office').select(['id', 'amount', 'currency']).where('title_id', '=', titleId);
      q = checked.territory ? q.where('territory', '=', checked.territory) : q.where('territory', 'is', null);
      const same = (await q.execute()).find((b) => b.currency === checked.currency && Number(b.amount) === checked.amount);
      if (same) return link('box_office', same.id, true);
      return link('box_office', await insertBoxOffice(trx, actor, titleId, checked), false);
    }
    case 'release': {
      const titleId = await w.title(title!, f.titleId);
      const checked = checkRelease({ territory: String(f.territory ?? ''), date: str(f.date), kind: 'theatrical' }, (n) => `fields.${n}`);
      const same = await trx
        .selectFrom('releases')
        .select('id')
        .where('title_id', '=', titleId)
        .where('territory', '=', checked.territory)
        .executeTakeFirst();
      if (same) return link('releases', same.id, true);
      const distributor = str(f.distributor);
      const distributorId = distributor ? await w.company('distributor', distributor, 'distributor', f.distributorId) : null;
      return link('releases', await insertRelease(trx, actor, titleId, distributorId, checked), false);
    }
    case 'credit': {
      const titleId = await w.title(title!, f.titleId);
      const name = str(f.name);
      if (!name) throw invalid('fields.name', f.name, 'fields.name: required, who');
      const checked = checkCredit({ role: f.role, character: str(f.character) }, (n) => `fields.${n}`);
      const personId = await w.person('person', name, f.personId);
      const same = await trx
        .selectFrom('credits')
        .select('id')
        .where('title_id', '=', titleId)
        .where('person_id', '=', personId)
        .where('role', '=', checked.role)
        .executeTakeFirst();
      if (same) return link('credits', same.id, true);
      return link('credits', await insertCredit(trx, actor, titleId, personId, checked), false);
    }
    case 'sourceMaterial':
    case 'productionStatus': {
      const titleId = await w.title(title!, f.titleId);
      const before = await trx.selectFrom('titles').selectAll().where('id', '=', titleId).executeTakeFirstOrThrow();
      const patch =
        fact.type === 'sourceMaterial'
          ? { source_material: str(f.material), ...(str(f.note) ? { source_material_note: str(f.note) } : {}) }
          : {
              production_status: checkTitle(
                { originalTitle: before.original_title, productionStatus: f.status as never },
                (n) => `fields.${n === 'productionStatus' ? 'status' : n}`,
              ).production_status,
            };
      const same =
        fact.type === 'sourceMaterial'
          ? before.source_material && normalizeName(before.source_material) === normalizeName(str(f.material) ?? '')
          : before.production_status === patch.production_status;
      if (!same) {
        await trx
          .updateTable('titles')
          .set({ ...patch, updated_at: nowIso() })
          .where('id', '=', titleId)
          .execute();
        await audit(trx, actor, { action: 'update', entity: 'titles', entityId: titleId, before, after: { ...before, ...patch } });
      }
      return link('titles', titleId, !!same);
    }
  }
}

async function factRow(app: FilmRights, articleId: string, factId: string) {
  const db = app.store.db;
  const row = await db
    .selectFrom('article_facts as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select([
      'f.id',
      'f.type',
      'f.fields',
      'f.status',
      'f.span_start',
      'f.span_end',
      'f.written',
      'a.source_id',
      's.text',
      's.outlet',
      's.published_on',
    ])
    .where('f.id', '=', factId)
    .where('f.article_id', '=', articleId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('article fact', factId);
  return row;
}

/**
 * Accepts a fact (with the reviewer's edits) and writes it through the
 * catalog, festival, market and contract services in one transaction.
 * Accepting an accepted fact again changes nothing.
 */
export async function acceptFact(
  app: FilmRights,
  actor: Actor,
  articleId: string,
  factId: string,
  body: AcceptInput = {},
): Promise<FactView> {
  requireWriter(actor);
  const row = await factRow(app, articleId, factId);
  if (row.status === 'accepted') return factView(app, actor, articleId, factId);
  if (body.fields !== undefined && (typeof body.fields !== 'object' || body.fields === null || Array.isArray(body.fields)))
    throw invalid('fields', body.fields, 'fields: expected an object of the fields to change');
  // A reviewer who may not see a deal's price may not change it either (the price as reported is written as it is).
  requireFinancialWrite(actor, financialFieldsIn(body.fields), 'fields.');
  if (body.override && !str(body.override.reason))
    throw invalid('override.reason', body.override.reason, 'override.reason: say why the conflicting deal is saved anyway');
  const fields = { ...parseJson(row.fields), ...(body.fields ?? {}) };
  const span: Span = [row.span_start, row.span_end];
  let touched: string[] = [];
  await app.store.transaction(async (trx) => {
    const w = await new Writer(trx, actor).load();
    const written = await writeFact(
      app,
      w,
      { type: row.type, fields },
      { id: row.source_id, text: row.text ?? '', outlet: row.outlet, publishedOn: row.published_on },
      span,
      body.override,
    );
    const stored = Object.fromEntries(Object.entries(fields).filter(([k]) => !/Id$/.test(k)));
    await trx
      .updateTable('article_facts')
      .set({ status: 'accepted', fields: toJson(stored), written: toJson(written), decided_by: actor.id, decided_at: nowIso() })
      .where('id', '=', factId)
      .execute();
    await audit(trx, actor, {
      action: 'accept',
      entity: 'article_facts',
      entityId: factId,
      before: { status: row.status, fields: parseJson(row.fields) },
      after: { status: 'accepted', fields: stored, written },
    });
    touched = [...w.touchedTitles];
  });
  if (row.type === 'deal' && touched.length) await app.refreshTitles(touched);
  return factView(app, actor, articleId, factId);
}

export async function rejectFact(app: FilmRights, actor: Actor, articleId: string, factId: string): Promise<FactView> {
  requireWriter(actor);
  const row = await factRow(app, articleId, factId);
  if (row.status === 'accepted')
    throw invalid(
      'status',
      row.status,
      `status: this fact was accepted and written (${row.written ? (parseJson(row.written) as Written).table : 'record'}); change or delete the record itself`,
    );
  await app.store.transaction(async (trx) => {
    await trx
      .updateTable('article_facts')
      .set({ status: 'rejected', decided_by: actor.id, decided_at: nowIso() })
      .where('id', '=', factId)
      .execute();
    await audit(trx, actor, {
      action: 'reject',
      entity: 'article_facts',
      entityId: factId,
      before: { status: row.status },
      after: { status: 'rejected' },
    });
  });
  return factView(app, actor, articleId, factId);
}

/** Accepts every pending fact (of at least `minConfidence`); answers what was written and what needs a person (ambiguity, conflicts, missing years). */
export async function acceptAll(
  app: FilmRights,
  actor: Actor,
  articleId: string,
  opts: { minConfidence?: number; types?: FactType[] } = {},
): Promise<{ accepted: number; failed: Array<{ factId: string; type: FactType; error: string; message: string }>; article: ArticleView }> {
  requireWriter(actor);
  const a = await getArticle(app, actor, articleId);
  const min = opts.minConfidence ?? 0;
  const types = opts.types?.length ? opts.types.filter((t) => FACT_TYPES.includes(t)) : null;
  let accepted = 0;
  const failed: Array<{ factId: string; type: FactType; error: string; message: string }> = [];
  for (const f of a.facts) {
    if (f.status !== 'pending' || f.confidence < min || (types && !types.includes(f.type))) continue;
    try {
      await acceptFact(app, actor, articleId, f.id);
      accepted++;
    } catch (e) {
      const err = e as Error & { code?: string };
      failed.push({
        factId: f.id,
        type: f.type,
        error: e instanceof RightsConflictError ? 'conflict' : (err.code ?? 'error'),
        message: err.message.split('\n')[0],
      });
    }
  }
  return { accepted, failed, article: await getArticle(app, actor, articleId) };
}

async function factView(app: FilmRights, actor: Actor, articleId: string, factId: string): Promise<FactView> {
  const a = await getArticle(app, actor, articleId);
  return a.facts.find((f) => f.id === factId)!;
}

export type { AnyFact };
