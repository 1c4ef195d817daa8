/**
 * Provenance: the sources facts come from (an article, a manual entry, an
 * import) and the links from any fact to the span of text that states it.
 * A link starts unreviewed; a person reviews it and, where sources disagree,
 * marks the accepted one.
 */
import type { Kysely, Selectable } from 'kysely';
import { invalid } from '../domain/errors.js';
import { SOURCE_KINDS, flag, newId, type Database, type FactSourcesTable, type SourceKind } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter } from './access.js';
import { audit } from './audit.js';
import { NotFoundError } from './errors.js';
import { optionalIsoDate, optionalText, oneOf } from './lookup.js';
import type { SourceFields } from '../interchange/json/document.js';

/** The tables a fact can live in (fact_sources.fact_table). */
export const FACT_TABLES = [
  'titles',
  'title_aliases',
  'people',
  'companies',
  'credits',
  'title_companies',
  'contracts',
  'festivals',
  'festival_editions',
  'selections',
  'awards',
  'releases',
  'box_office',
] as const;
export type FactTable = (typeof FACT_TABLES)[number];

/** title_companies has no id of its own: its facts are keyed "title_id|company_id|role". */
export function titleCompanyFactId(titleId: string, companyId: string, role: string): string {
  return `${titleId}|${companyId}|${role}`;
}

/** A source as entered: the same fields as the JSON document's (declared once, interchange/json). */
export type SourceInput = SourceFields;

export interface CheckedSource {
  kind: SourceKind;
  outlet: string | null;
  published_on: string | null;
  url: string | null;
  file: string | null;
  title: string | null;
  text: string | null;
}

export function checkSource(input: SourceInput, f: (name: string) => string = (n) => n): CheckedSource {
  const s: CheckedSource = {
    kind: input.kind === undefined ? 'article' : oneOf(input.kind, SOURCE_KINDS, f('kind')),
    outlet: optionalText(input.outlet, f('outlet')),
    published_on: optionalIsoDate(input.publishedOn, f('publishedOn')),
    url: optionalText(input.url, f('url')),
    file: optionalText(input.file, f('file')),
    title: optionalText(input.title, f('title')),
    text: null,
  };
  if (input.text !== undefined && input.text !== null) {
    if (typeof input.text !== 'string') throw invalid(f('text'), input.text, `${f('text')}: expected a text`);
    s.text = input.text;
  }
  if (!s.outlet && !s.url && !s.file && !s.title && s.kind === 'article') {
    throw invalid(f('outlet'), input.outlet, `${f('outlet')}: say where the article comes from (outlet, url, file or title)`);
  }
  return s;
}

export async function insertSource(trx: Kysely<Database>, actor: Actor, s: CheckedSource, id = newId()): Promise<string> {
  await trx
    .insertInto('sources')
    .values({ id, ...s, created_at: new Date().toISOString() })
    .execute();
  await audit(trx, actor, {
    action: 'create',
    entity: 'sources',
    entityId: id,
    before: null,
    after: { ...s, text: s.text === null ? null : `${s.text.length} characters` },
  });
  return id;
}

export async function createSource(app: FilmRights, actor: Actor, input: SourceInput): Promise<{ id: string }> {
  requireWriter(actor);
  const checked = checkSource(input);
  const id = await app.store.transaction((trx) => insertSource(trx, actor, checked));
  return { id };
}

export interface FactLinkInput {
  sourceId: string;
  factTable: FactTable;
  factId: string;
  /** The quoted text; its span is found in the source's text when no span is given. */
  quote?: string | null;
  spanStart?: number | null;
  spanEnd?: number | null;
  reviewed?: boolean;
  accepted?: boolean;
}

export interface CheckedFactLink {
  source_id: string;
  fact_table: FactTable;
  fact_id: string;
  quote: string | null;
  span_start: number | null;
  span_end: number | null;
  reviewed: 0 | 1;
  accepted: 0 | 1;
}

/**
 * Checks a link against its source text: a span must lie inside the text and,
 * with a quote, cover exactly the quote; a quote without a span is looked up
 * (its first occurrence).
 */
export function checkFactLink(input: FactLinkInput, sourceText: string | null, f: (name: string) => string = (n) => n): CheckedFactLink {
  const factTable = oneOf(input.factTable, FACT_TABLES, f('factTable'));
  const quote = optionalText(input.quote, f('quote'));
  let start = input.spanStart ?? null;
  let end = input.spanEnd ?? null;
  if ((start === null) !== (end === null))
    throw invalid(f('span'), [start, end], `${f('span')}: give both the start and the end of the span`);
  if (start !== null && end !== null) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw invalid(f('span'), [start, end], `${f('span')}: [${start}, ${end}] is not a span of character offsets (start ≤ end)`);
    }
    if (sourceText !== null) {
      if (end > sourceText.length)
        throw invalid(
          f('span'),
          [start, end],
          `${f('span')}: [${start}, ${end}] runs past the end of the source text (${sourceText.length} characters)`,
        );
      if (quote !== null && sourceText.slice(start, end) !== quote) {
        throw invalid(
          f('quote'),
          quote,
          `${f('quote')}: the span [${start}, ${end}] reads "${sourceText.slice(start, end)}", not the quote`,
        );
      }
    }
  } else if (quote !== null && sourceText !== null) {
    const at = sourceText.indexOf(quote);
    if (at < 0) throw invalid(f('quote'), quote, `${f('quote')}: "${quote}" is not in the source text`);
    start = at;
    end = at + quote.length;
  }
  return {
    source_id: input.sourceId,
    fact_table: factTable,
    fact_id: input.factId,
    quote,
    span_start: start,
    span_end: end,
    reviewed: flag(input.reviewed ?? false),
    accepted: flag(input.accepted ?? false),
  };
}

export async function insertFactLink(trx: Kysely<Database>, actor: Actor, link: CheckedFactLink): Promise<string> {
  const id = newId();
  await trx
    .insertInto('fact_sources')
    .values({ id, ...link, reviewed_by: null })
    .execute();
  await audit(trx, actor, { action: 'create', entity: 'fact_sources', entityId: id, before: null, after: link });
  return id;
}

/** Ties a fact to the source (and span) that states it. */
export async function linkFact(app: FilmRights, actor: Actor, input: FactLinkInput): Promise<{ id: string }> {
  requireWriter(actor);
  const id = await app.store.transaction(async (trx) => {
    const source = await trx.selectFrom('sources').select(['id', 'text']).where('id', '=', input.sourceId).executeTakeFirst();
    if (!source) throw new NotFoundError('source', input.sourceId);
    return insertFactLink(trx, actor, checkFactLink(input, source.text));
  });
  return { id };
}

/** Marks a fact link reviewed (and, optionally, the accepted one among disagreeing sources). */
export async function reviewFact(app: FilmRights, actor: Actor, id: string, opts: { accepted?: boolean } = {}): Promise<void> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('fact_sources').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('fact source', id);
    const reviewer = await trx.selectFrom('users').select('id').where('id', '=', actor.id).executeTakeFirst();
    const set = {
      reviewed: 1 as const,
      reviewed_by: reviewer?.id ?? null,
      ...(opts.accepted === undefined ? {} : { accepted: flag(opts.accepted) }),
    };
    if (opts.accepted) {
      // One accepted source per fact.
      await trx
        .updateTable('fact_sources')
        .set({ accepted: 0 })
        .where('fact_table', '=', before.fact_table)
        .where('fact_id', '=', before.fact_id)
        .execute();
    }
    await trx.updateTable('fact_sources').set(set).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'review', entity: 'fact_sources', entityId: id, before, after: { ...before, ...set } });
  });
}

export interface FactSourceView {
  id: string;
  factTable: string;
  factId: string;
  source: {
    id: string;
    kind: SourceKind;
    outlet: string | null;
    publishedOn: string | null;
    url: string | null;
    file: string | null;
    title: string | null;
  };
  quote: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  reviewed: boolean;
  accepted: boolean;
}

/** Ids in one slice (a table's facts are read 500 at a time) and at most in one query (its bind parameters). */
const SLICE = 500;
const IDS_PER_QUERY = 2000;

/**
 * The links from facts to their sources, with the source, in the order they
 * are shown (by publication day): add the facts wanted with `where` (as
 * constants: PostgreSQL then reads fact_sources by its (table, id) index, a
 * bitmap scan per table; facts picked by subqueries would scan every link),
 * then hand the rows to `arrangeSources`.
 */
function sourceLinkQuery(db: Kysely<Database>) {
  return db
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
    .orderBy('s.published_on')
    .orderBy('fs.span_start')
    .orderBy('fs.id');
}

type SourceLinkRow = Awaited<ReturnType<ReturnType<typeof sourceLinkQuery>['execute']>>[number];
type Slice = { table: FactTable; ids: string[] };

/** The facts by table (in the order they name the tables), each table's ids in slices. */
function slicesOf(facts: Array<{ table: FactTable; id: string }>): Slice[] {
  const byTable = new Map<FactTable, string[]>();
  for (const f of facts) {
    let l = byTable.get(f.table);
    if (!l) byTable.set(f.table, (l = []));
    l.push(f.id);
  }
  const slices: Slice[] = [];
  for (const [table, ids] of byTable) for (let i = 0; i < ids.length; i += SLICE) slices.push({ table, ids: ids.slice(i, i + SLICE) });
  return slices;
}

/**
 * The sources of the given facts keyed "table:id", from link rows read in
 * `sourceLinkQuery`'s order (by one query or several): table by table as the
 * facts name them, a slice of 500 facts at a time, each slice's links in the
 * order read. Rows of facts not asked for are left out.
 */
function arrangeSources(facts: Array<{ table: FactTable; id: string }>, rows: SourceLinkRow[]): Map<string, FactSourceView[]> {
  const slices = slicesOf(facts);
  const sliceOf = new Map<string, Slice>();
  for (const slice of slices)
    for (const id of slice.ids) if (!sliceOf.has(`${slice.table}:${id}`)) sliceOf.set(`${slice.table}:${id}`, slice);
  const rowsOf = new Map<Slice, SourceLinkRow[]>();
  for (const r of rows) {
    const slice = sliceOf.get(`${r.fact_table}:${r.fact_id}`);
    if (!slice) continue;
    let l = rowsOf.get(slice);
    if (!l) rowsOf.set(slice, (l = []));
    l.push(r);
  }
  const out = new Map<string, FactSourceView[]>();
  for (const slice of slices)
    for (const r of rowsOf.get(slice) ?? []) {
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
  return out;
}

/**
 * The sources of the given facts, keyed "table:id" (see arrangeSources for
 * the order). Few queries, run together: every table's facts in one query
 * (more only past a couple of thousand facts).
 */
export async function sourcesOf(
  db: Kysely<Database>,
  facts: Array<{ table: FactTable; id: string }>,
): Promise<Map<string, FactSourceView[]>> {
  if (!facts.length) return new Map();
  const batches: Slice[][] = [];
  let size = Infinity;
  for (const slice of slicesOf(facts)) {
    if (size + slice.ids.length > IDS_PER_QUERY) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(slice);
    size += slice.ids.length;
  }
  const answers = await Promise.all(
    batches.map((batch) =>
      sourceLinkQuery(db)
        .where((eb) => eb.or(batch.map((b) => eb.and([eb('fs.fact_table', '=', b.table), eb('fs.fact_id', 'in', b.ids)]))))
        .execute(),
    ),
  );
  return arrangeSources(facts, answers.flat());
}

/**
 * Of the given facts of one table, those with a source nobody has reviewed yet: a list marks them
 * as the fact's own page does. Read by the (table, id) index, `perQuery` ids a query (a list's
 * page: 500; an avails answer asks for all its deals at once, see reasonDeals.ts).
 */
export async function notReviewedOf(db: Kysely<Database>, table: FactTable, ids: string[], perQuery = SLICE): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += perQuery) {
    const rows = await db
      .selectFrom('fact_sources')
      .select('fact_id')
      .distinct()
      .where('fact_table', '=', table)
      .where('fact_id', 'in', ids.slice(i, i + perQuery))
      .where('reviewed', '=', 0)
      .execute();
    for (const r of rows) out.add(r.fact_id);
  }
  return out;
}

/** Deletes the provenance links of facts that are going away (inside the caller's transaction). */
export async function dropFactLinks(trx: Kysely<Database>, table: FactTable, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .deleteFrom('fact_sources')
      .where('fact_table', '=', table)
      .where('fact_id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/**
 * Deletes one fact row (a credit, a selection, a release, a box-office entry)
 * with its source links, in one transaction with its audit entry.
 */
export async function deleteFact(
  app: FilmRights,
  actor: Actor,
  table: 'credits' | 'selections' | 'releases' | 'box_office',
  id: string,
  what: string,
): Promise<void> {
  requireWriter(actor);
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError(what, id);
    const sourceLinks = await factLinksOf(trx, [{ table, ids: [id] }]);
    await dropFactLinks(trx, table, [id]);
    await trx.deleteFrom(table).where('id', '=', id).execute();
    // the links go into the history too, so a restore brings them back
    await audit(trx, actor, { action: 'delete', entity: table, entityId: id, before: { ...before, sourceLinks }, after: null });
  });
}

/** A fact_sources row as stored: what a deletion keeps so that a restore can bring the links back. */
export type FactLinkRow = Selectable<FactSourcesTable>;

/** The source links of the given facts, as rows (inside the caller's transaction, before they are dropped). */
export async function factLinksOf(trx: Kysely<Database>, facts: Array<{ table: FactTable; ids: string[] }>): Promise<FactLinkRow[]> {
  const out: FactLinkRow[] = [];
  for (const f of facts) {
    for (let i = 0; i < f.ids.length; i += 500) {
      const ids = f.ids.slice(i, i + 500);
      if (ids.length)
        out.push(
          ...(await trx
            .selectFrom('fact_sources')
            .selectAll()
            .where('fact_table', '=', f.table)
            .where('fact_id', 'in', ids)
            .orderBy('id')
            .execute()),
        );
    }
  }
  return out;
}

/** Puts back source links a deletion kept; those whose source is gone are skipped and said so. */
export async function restoreFactLinks(trx: Kysely<Database>, links: FactLinkRow[]): Promise<string[]> {
  if (!links.length) return [];
  const sources = new Set(
    (
      await trx
        .selectFrom('sources')
        .select('id')
        .where('id', 'in', [...new Set(links.map((l) => l.source_id))])
        .execute()
    ).map((s) => s.id),
  );
  const users = new Set(
    (
      await trx
        .selectFrom('users')
        .select('id')
        .where('id', 'in', ['', ...links.map((l) => l.reviewed_by ?? '')])
        .execute()
    ).map((u) => u.id),
  );
  const back = links.filter((l) => sources.has(l.source_id));
  const taken = new Set(
    (
      await trx
        .selectFrom('fact_sources')
        .select('id')
        .where('id', 'in', back.map((l) => l.id).concat(['']))
        .execute()
    ).map((r) => r.id),
  );
  const rows = back.map((l) => ({
    ...l,
    id: taken.has(l.id) ? newId() : l.id,
    reviewed_by: l.reviewed_by && users.has(l.reviewed_by) ? l.reviewed_by : null,
  }));
  if (rows.length) await trx.insertInto('fact_sources').values(rows).execute();
  const lost = links.length - back.length;
  return lost ? [`${lost} source ${lost === 1 ? 'link' : 'links'}: the source was deleted since`] : [];
}
