/**
 * A sentence the review lists as not read, checked by a person who found nothing to add there (the list
 * shrinks to what is left to read), or put back on the list (the undo). Audited like every review decision.
 */
import type { SentenceCheckInput } from '../../contract/articles.js';
import { invalid } from '../../domain/errors.js';
import type { Actor, FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { listedSentences } from './review.js';
import type { UnreadSentenceView } from './views.js';

/** Marks the sentence starting at `input.start` checked or not; answers the article's listed sentences after. */
export async function checkSentence(
  app: FilmRights,
  actor: Actor,
  articleId: string,
  input: SentenceCheckInput,
): Promise<{ unread: UnreadSentenceView[] }> {
  requireWriter(actor);
  const listedBefore = (await listedSentences(app.store.db, [articleId])).get(articleId);
  if (!listedBefore) throw new NotFoundError('article', articleId);
  const entityId = `${articleId}:${input.start}`;
  await app.store.transaction(async (trx) => {
    const row = await trx
      .selectFrom('article_sentence_checks')
      .selectAll()
      .where('article_id', '=', articleId)
      .where('span_start', '=', input.start)
      .executeTakeFirst();
    if (!input.checked) {
      // the undo: whether or not the sentence is still listed (a fact added since may read it now)
      if (!row) return;
      await trx.deleteFrom('article_sentence_checks').where('article_id', '=', articleId).where('span_start', '=', input.start).execute();
      await audit(trx, actor, {
        action: 'uncheck',
        entity: 'article_sentence_checks',
        entityId,
        before: { article: articleId, span: [row.span_start, row.span_end] },
        after: null,
      });
      return;
    }
    const listed = listedBefore.find((u) => u.span[0] === input.start);
    if (!listed)
      throw invalid(
        'start',
        input.start,
        `start: no sentence the review lists as not read starts at ${input.start} (each entry of the article's "unread" gives its span)`,
      );
    if (row) return;
    // two reviewers checking the same sentence at once: the second finds it checked, not an error
    const [inserted] = await trx
      .insertInto('article_sentence_checks')
      .values({ article_id: articleId, span_start: listed.span[0], span_end: listed.span[1], checked_by: actor.id })
      .onConflict((oc) => oc.columns(['article_id', 'span_start']).doNothing())
      .execute();
    if (!Number(inserted?.numInsertedOrUpdatedRows ?? 0)) return;
    await audit(trx, actor, {
      action: 'check',
      entity: 'article_sentence_checks',
      entityId,
      before: null,
      after: { article: articleId, span: listed.span },
    });
  });
  return { unread: (await listedSentences(app.store.db, [articleId])).get(articleId) ?? [] };
}
