/**
 * Writes the accepted article facts of a plan inside the writer's
 * transaction: each fact through writeFact (facts/write.ts), then its
 * review row marked accepted with what it wrote, and the acceptance audited.
 * The titles a deal touched are reported so their rights are re-indexed.
 */
import type { Kysely } from 'kysely';

import { nowIso, toJson, type Database, type WrittenFact } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { audit } from '../audit.js';
import { FactWriter } from './facts/resolve.js';
import { writeFact } from './facts/write.js';
import type { AcceptedFactPlan } from './records.js';

export async function writeAcceptedFacts(
  trx: Kysely<Database>,
  app: FilmRights,
  actor: Actor,
  facts: AcceptedFactPlan[],
  touched: Set<string>,
): Promise<WrittenFact[]> {
  const out: WrittenFact[] = [];
  for (const fact of facts) {
    const w = await new FactWriter(trx, actor).load();
    const written = await writeFact(app, w, { type: fact.type, fields: fact.fields }, fact.source, fact.span, fact.override);
    // entity choices (titleId, buyerId...) steer this acceptance only; the review row keeps the names
    const stored = { ...Object.fromEntries(Object.entries(fact.fields).filter(([k]) => !/Id$/.test(k))), ...fact.withheld };
    await trx
      .updateTable('article_facts')
      .set({ status: 'accepted', fields: toJson(stored), written: toJson(written), decided_by: actor.id, decided_at: nowIso() })
      .where('id', '=', fact.articleFactId)
      .execute();
    await audit(trx, actor, {
      action: 'accept',
      entity: 'article_facts',
      entityId: fact.articleFactId,
      before: fact.before,
      after: { status: 'accepted', fields: stored, written },
    });
    if (fact.type === 'deal') w.touchedTitles.forEach((t) => touched.add(t));
    out.push(written);
  }
  return out;
}
