/** Accepting and rejecting facts: one fact, or every pending fact of an article. */
import { invalid } from '../../domain/errors.js';

import { financialFieldsIn } from '../../domain/financial.js';

import { FACT_TYPES, type FactType, type Span } from '../../ingest/types.js';
import { nowIso, parseJson } from '../../store/index.js';
import { Problems } from '../../interchange/problems.js';
import type { Actor, FilmRights } from '../app.js';

import { requireFinancialWrite, requireWriter } from '../access.js';
import { audit } from '../audit.js';

import { NotFoundError, RightsConflictError } from '../errors.js';

import { getArticle } from './review.js';

import type { ArticleView, FactView, Written } from './views.js';

import { commitPlan } from '../write/commitPlan.js';
import type { AcceptedFactPlan } from '../write/records.js';
import { str } from '../write/facts/resolve.js';

export interface AcceptInput {
  /** Edited fields, merged over the extracted ones. Entity choices: titleId, buyerId, sellerId, companyId, personId, partyId, distributorId, festivalId ("new" forces a new record). */
  fields?: Record<string, unknown>;
  /** Save a deal that conflicts with rights on record anyway; the reason is recorded. */
  override?: { reason: string } | null;
}

export async function factRow(app: FilmRights, articleId: string, factId: string) {
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
 * Accepts a fact (with the reviewer's edits): a plan of that one fact, which
 * the one writer of imports (commitPlan) writes through the catalog,
 * festival, market and contract services in one transaction, with the
 * acceptance itself. Accepting an accepted fact again changes nothing.
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
  // A reviewer who may not see a deal's price may not change it either.
  requireFinancialWrite(actor, financialFieldsIn(body.fields), 'fields.');
  if (body.override && !str(body.override.reason))
    throw invalid('override.reason', body.override.reason, 'override.reason: say why the conflicting deal is saved anyway');
  const fields: Record<string, unknown> = { ...parseJson(row.fields), ...(body.fields ?? {}) };
  // Nor does the price as extracted reach the deal through them: the article's text may be their own (pasted, typed).
  // The fact keeps it, for a reviewer who may see prices to set as the MG.
  const withheld = !actor.canSeeFinancials && fields.price != null ? { price: fields.price } : undefined;
  if (!actor.canSeeFinancials) delete fields.price;
  const span: Span = [row.span_start, row.span_end];
  const fact: AcceptedFactPlan = {
    articleFactId: factId,
    before: { status: row.status, fields: parseJson(row.fields) },
    type: row.type,
    fields,
    source: { id: row.source_id, text: row.text ?? '', outlet: row.outlet, publishedOn: row.published_on },
    span,
    override: body.override,
    withheld,
  };
  await commitPlan(app, actor, { titles: [], companies: [], contracts: [], facts: [fact] }, new Problems(), { commit: true });
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

/** What "Accept all" did: each fact written (and where), each it could not write and why. */
export interface AcceptAllReport {
  accepted: number;
  written: Array<{ factId: string; type: FactType; label: string; table: string | null; existed: boolean }>;
  failed: Array<{ factId: string; type: FactType; label: string; error: string; message: string }>;
  article: ArticleView;
}

/** Accepts every pending fact (of at least `minConfidence`); answers what was written and what needs a person (ambiguity, conflicts, missing years). */
export async function acceptAll(
  app: FilmRights,
  actor: Actor,
  articleId: string,
  opts: { minConfidence?: number; types?: FactType[] } = {},
): Promise<AcceptAllReport> {
  requireWriter(actor);
  const a = await getArticle(app, actor, articleId);
  const min = opts.minConfidence ?? 0;
  const types = opts.types?.length ? opts.types.filter((t) => FACT_TYPES.includes(t)) : null;
  const written: AcceptAllReport['written'] = [];
  const failed: AcceptAllReport['failed'] = [];
  for (const f of a.facts) {
    if (f.status !== 'pending' || f.confidence < min || (types && !types.includes(f.type))) continue;
    const label = factLabel(f.type, f.fields);
    try {
      const done = await acceptFact(app, actor, articleId, f.id);
      written.push({ factId: f.id, type: f.type, label, table: done.written?.table ?? null, existed: done.written?.existed ?? false });
    } catch (e) {
      const err = e as Error & { code?: string };
      failed.push({
        factId: f.id,
        type: f.type,
        label,
        error: e instanceof RightsConflictError ? 'conflict' : (err.code ?? 'error'),
        message: err.message.split('\n')[0],
      });
    }
  }
  return { accepted: written.length, written, failed, article: await getArticle(app, actor, articleId) };
}

/** A fact in a few words, for the report of "Accept all": its title and the party it names; never a price. */
export function factLabel(type: FactType, fields: Record<string, unknown>): string {
  const s = (k: string) => (typeof fields[k] === 'string' && fields[k] ? (fields[k] as string) : null);
  const title = s('title') ?? '?';
  const tail = (sep: string, v: string | null) => (v ? `${title}${sep}${v}` : title);
  switch (type) {
    case 'deal':
      return tail(' → ', s('buyer'));
    case 'rumour':
      return tail(' → ', s('party'));
    case 'mandate':
      return tail(': sales by ', s('company'));
    case 'credit':
      return tail(': ', [s('role'), s('name')].filter(Boolean).join(' ') || null);
    case 'award':
      return tail(': ', s('award'));
    case 'selection':
    case 'withdrawal':
      return tail(' at ', s('festival'));
    case 'boxOffice':
    case 'release':
      return tail(' in ', s('territory'));
    default:
      return tail(': ', s('company'));
  }
}

export async function factView(app: FilmRights, actor: Actor, articleId: string, factId: string): Promise<FactView> {
  const a = await getArticle(app, actor, articleId);
  return a.facts.find((f) => f.id === factId)!;
}
