/**
 * Reviewing a deal's source on the deal page: a source link that has no deal fact waiting in an
 * article (an import's, the demo's, or an article whose reading did not find this deal) can only
 * be reviewed here. A person marks it reviewed (by them), or back to not yet reviewed (the Undo).
 * A link whose article holds the deal's fact, pending, is reviewed there: accepting the fact
 * writes what the article says (docs/ingest.md, "Review").
 */
import { DomainError } from '../../domain/errors.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { dealSources, type DealSourceView } from './view.js';

export async function reviewDealSource(
  app: FilmRights,
  actor: Actor,
  contractId: string,
  linkId: string,
  reviewed: boolean,
): Promise<DealSourceView> {
  requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const contract = await trx.selectFrom('contracts').select(['id', 'deleted_at']).where('id', '=', contractId).executeTakeFirst();
    if (!contract || contract.deleted_at) throw new NotFoundError('contract', contractId);
    const before = await trx
      .selectFrom('fact_sources')
      .selectAll()
      .where('id', '=', linkId)
      .where('fact_table', '=', 'contracts')
      .where('fact_id', '=', contractId)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('source link of this deal', linkId);
    const link = (await dealSources(trx, contractId)).find((l) => l.id === linkId)!;
    if (link.article?.factStatus === 'pending') {
      throw new DomainError(
        'review-in-article',
        'linkId',
        linkId,
        `linkId: this source was read as the article "${link.article.title ?? link.source.outlet ?? link.article.id}", where the deal's fact waits for review: review it there (/articles/${link.article.id}?fact=${link.article.factId}), where accepting it writes what the article says`,
      );
    }
    if ((before.reviewed === 1) === reviewed) return link;
    const reviewer = reviewed ? await trx.selectFrom('users').select('id').where('id', '=', actor.id).executeTakeFirst() : undefined;
    const set = reviewed ? { reviewed: 1 as const, reviewed_by: reviewer?.id ?? null } : { reviewed: 0 as const, reviewed_by: null };
    await trx.updateTable('fact_sources').set(set).where('id', '=', linkId).execute();
    await audit(trx, actor, {
      action: reviewed ? 'review' : 'unreview',
      entity: 'fact_sources',
      entityId: linkId,
      before,
      after: { ...before, ...set },
    });
    return (await dealSources(trx, contractId)).find((l) => l.id === linkId)!;
  });
}
