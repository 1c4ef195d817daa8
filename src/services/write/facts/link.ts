/** Ties an accepted fact's record to the article it came from: the source, the quoted span, reviewed and accepted by the reviewer. */
import type { Kysely } from 'kysely';

import type { Span } from '../../../ingest/types.js';
import type { Database, WrittenFact } from '../../../store/index.js';
import type { Actor } from '../../app.js';
import { checkFactLink, insertFactLink, type FactTable } from '../../provenance.js';

/** The article a fact was read from: its source record and text. */
export interface FactSource {
  id: string;
  text: string;
  outlet: string | null;
  publishedOn: string | null;
}

/** Links the record `id` of `table` to the source (once; accepting it again marks the link reviewed and accepted). */
export async function linkFact(
  trx: Kysely<Database>,
  actor: Actor,
  source: FactSource,
  span: Span,
  table: FactTable,
  id: string,
  existed: boolean,
): Promise<WrittenFact> {
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
}
