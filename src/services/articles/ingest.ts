/**
 * Ingesting an article: read (text, HTML, URL), stored as a source with its
 * content hash (the same article twice is the same article) and the
 * candidate facts the extractor proposes.
 */
import { createHash } from 'node:crypto';

import { fetchPage, givenInput, type IntakeInput } from '../../ingest/intake.js';

import type { FetchPolicy } from '../../ingest/safeFetch.js';

import { extractInWorker, readArticleInWorker } from '../../ingest/workers.js';

import { readHeader } from '../../ingest/text.js';
import type { FactType, Span } from '../../ingest/types.js';

import { newId, nowIso, toJson } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';

import { requireWriter } from '../access.js';
import { audit } from '../audit.js';

import { fetchPolicy } from '../fetchSettings.js';

import { checkSource, insertSource } from '../provenance.js';
import { getArticle } from './review.js';

import type { ArticleView } from './views.js';

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

/** An article's fact as the review starts it: pending, undecided, nothing written (extracted, or added by a person). */
export function pendingFactRow(
  id: string,
  articleId: string,
  position: number,
  f: { type: FactType; key: string; fields: object; confidence: number; span: Span; spans: Span[] },
) {
  return {
    id,
    article_id: articleId,
    position,
    type: f.type,
    fact_key: f.key,
    fields: toJson<Record<string, unknown>>({ ...f.fields }),
    confidence: f.confidence,
    span_start: f.span[0],
    span_end: f.span[1],
    spans: toJson(f.spans),
    status: 'pending' as const,
    written: null,
    decided_by: null,
    decided_at: null,
  };
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

export async function ingest(
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
    titles: [
      ...(await db.selectFrom('titles').select(['english_title', 'original_title']).execute()).flatMap((r) => [
        r.english_title,
        r.original_title,
      ]),
      ...(await db.selectFrom('title_aliases').select('alias').execute()).map((r) => r.alias),
    ].filter((n): n is string => !!n),
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
        .values(pendingFactRow(newId(), articleId, position++, f))
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
export function firstLine(text: string): string | null {
  const body = text.slice(readHeader(text).bodyStart);
  let line = body.trim().split('\n')[0]?.trim() ?? '';
  if (line.length > 120) line = (/^.{20,160}?[.!?](?:["”’']|\s|$)/.exec(line)?.[0] ?? `${line.slice(0, 117)}…`).trim();
  return line || null;
}
