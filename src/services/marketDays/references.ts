/**
 * What market days hold of a title, a company or a person: counted when the record is deleted
 * (a record the market refers to is not deleted) and moved when it is merged into another
 * (duplicates collapse: a title twice in one line-up, a buyer invited twice, a person twice at
 * one meeting).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';

export type MarketRecordKind = 'title' | 'company' | 'person';

type Counted = Record<string, number>;

/** How many market rows name the record, by what they are ("market meetings": 3). */
export async function marketUses(trx: Kysely<Database>, kind: MarketRecordKind, id: string): Promise<Counted> {
  const n = async (q: Promise<Array<unknown>>) => (await q).length;
  const uses: Counted =
    kind === 'title'
      ? {
          'market line-ups': await n(trx.selectFrom('market_lineup').select('market_id').where('title_id', '=', id).execute()),
          'market screenings': await n(trx.selectFrom('market_screenings').select('id').where('title_id', '=', id).execute()),
          'market meetings': await n(trx.selectFrom('meeting_titles').select('meeting_id').where('title_id', '=', id).execute()),
        }
      : kind === 'company'
        ? {
            'market meetings': await n(trx.selectFrom('market_meetings').select('id').where('company_id', '=', id).execute()),
            'market screenings': await n(trx.selectFrom('screening_buyers').select('screening_id').where('company_id', '=', id).execute()),
            'market tasks': await n(trx.selectFrom('market_tasks').select('id').where('company_id', '=', id).execute()),
          }
        : {
            'market meetings': await n(trx.selectFrom('meeting_people').select('meeting_id').where('person_id', '=', id).execute()),
            'market screenings': await n(trx.selectFrom('screening_people').select('screening_id').where('person_id', '=', id).execute()),
          };
  return Object.fromEntries(Object.entries(uses).filter(([, v]) => v > 0));
}

/** Moves every market reference from `mergeId` to `keepId`; answers what moved, by what it is. */
export async function moveMarketReferences(
  trx: Kysely<Database>,
  kind: MarketRecordKind,
  mergeId: string,
  keepId: string,
): Promise<Counted> {
  const moved = await marketUses(trx, kind, mergeId);
  if (kind === 'title') {
    const lineup = await trx.selectFrom('market_lineup').select('market_id').where('title_id', '=', mergeId).execute();
    for (const l of lineup) {
      const twin = await trx
        .selectFrom('market_lineup')
        .select('market_id')
        .where('market_id', '=', l.market_id)
        .where('title_id', '=', keepId)
        .executeTakeFirst();
      if (twin) await trx.deleteFrom('market_lineup').where('market_id', '=', l.market_id).where('title_id', '=', mergeId).execute();
      else
        await trx
          .updateTable('market_lineup')
          .set({ title_id: keepId })
          .where('market_id', '=', l.market_id)
          .where('title_id', '=', mergeId)
          .execute();
    }
    await trx.updateTable('market_screenings').set({ title_id: keepId }).where('title_id', '=', mergeId).execute();
    const talks = await trx.selectFrom('meeting_titles').select('meeting_id').where('title_id', '=', mergeId).execute();
    for (const t of talks) {
      const twin = await trx
        .selectFrom('meeting_titles')
        .select('meeting_id')
        .where('meeting_id', '=', t.meeting_id)
        .where('title_id', '=', keepId)
        .executeTakeFirst();
      if (twin) await trx.deleteFrom('meeting_titles').where('meeting_id', '=', t.meeting_id).where('title_id', '=', mergeId).execute();
      else
        await trx
          .updateTable('meeting_titles')
          .set({ title_id: keepId })
          .where('meeting_id', '=', t.meeting_id)
          .where('title_id', '=', mergeId)
          .execute();
    }
  } else if (kind === 'company') {
    await trx.updateTable('market_meetings').set({ company_id: keepId }).where('company_id', '=', mergeId).execute();
    await trx.updateTable('market_tasks').set({ company_id: keepId }).where('company_id', '=', mergeId).execute();
    const invited = await trx.selectFrom('screening_buyers').selectAll().where('company_id', '=', mergeId).execute();
    for (const b of invited) {
      const twin = await trx
        .selectFrom('screening_buyers')
        .selectAll()
        .where('screening_id', '=', b.screening_id)
        .where('company_id', '=', keepId)
        .executeTakeFirst();
      if (twin) {
        // One invitation: it attended if either record says so.
        const attended = twin.attended === 1 || b.attended === 1 ? 1 : (twin.attended ?? b.attended);
        await trx
          .updateTable('screening_buyers')
          .set({ attended })
          .where('screening_id', '=', b.screening_id)
          .where('company_id', '=', keepId)
          .execute();
        await trx.deleteFrom('screening_buyers').where('screening_id', '=', b.screening_id).where('company_id', '=', mergeId).execute();
      } else
        await trx
          .updateTable('screening_buyers')
          .set({ company_id: keepId })
          .where('screening_id', '=', b.screening_id)
          .where('company_id', '=', mergeId)
          .execute();
    }
  } else {
    const meetings = await trx.selectFrom('meeting_people').select(['meeting_id', 'position']).where('person_id', '=', mergeId).execute();
    for (const r of meetings) {
      const twin = await trx
        .selectFrom('meeting_people')
        .select('position')
        .where('meeting_id', '=', r.meeting_id)
        .where('person_id', '=', keepId)
        .executeTakeFirst();
      if (twin) await trx.deleteFrom('meeting_people').where('meeting_id', '=', r.meeting_id).where('position', '=', r.position).execute();
      else
        await trx
          .updateTable('meeting_people')
          .set({ person_id: keepId })
          .where('meeting_id', '=', r.meeting_id)
          .where('position', '=', r.position)
          .execute();
    }
    const screenings = await trx
      .selectFrom('screening_people')
      .select(['screening_id', 'position'])
      .where('person_id', '=', mergeId)
      .execute();
    for (const r of screenings) {
      const twin = await trx
        .selectFrom('screening_people')
        .select('position')
        .where('screening_id', '=', r.screening_id)
        .where('person_id', '=', keepId)
        .executeTakeFirst();
      if (twin)
        await trx.deleteFrom('screening_people').where('screening_id', '=', r.screening_id).where('position', '=', r.position).execute();
      else
        await trx
          .updateTable('screening_people')
          .set({ person_id: keepId })
          .where('screening_id', '=', r.screening_id)
          .where('position', '=', r.position)
          .execute();
    }
  }
  return moved;
}
